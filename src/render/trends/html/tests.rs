use super::*;
use crate::analyse::trends::{Trends, example};
use crate::load::TemplateFile;
use crate::render::html::tests::template;
use crate::render::trends::TrendsRenderer;

fn page(renderer: &TrendsRenderer, trends: &Trends) -> String {
    page_with(renderer, trends, &[]).unwrap()
}

/// The page with the panel's own `templates`, or the problems found in them.
fn page_with(
    renderer: &TrendsRenderer,
    trends: &Trends,
    templates: &[TemplateFile],
) -> Result<String, Diagnostics> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut diagnostics = Diagnostics::default();
    let labels = crate::catalogue::Labels::built_in(&trends.language).unwrap();
    let view = TrendsView::new(trends, &labels);
    let sources = TrendsSources {
        view: &view,
        templates,
    };
    match renderer.render(sources, &mut out, &mut diagnostics) {
        Ok(()) => Ok(String::from_utf8(out.into_inner()).unwrap()),
        Err(_) => Err(diagnostics),
    }
}

#[test]
fn a_panel_s_templates_replace_the_archive_pages_and_their_base() {
    let trends = example();
    let own = [template("trends.html", "<h1>{{ title }}</h1>")];
    assert_eq!(
        page_with(&Page, &trends, &own).unwrap(),
        format!("<h1>{}</h1>", trends.title)
    );
    let base = [template(
        "base.html",
        "{% block title %}{% endblock title %}|{% block style %}{% endblock style %}\
         {% block body %}{% endblock body %}{% block colophon %}{% endblock colophon %}\
         {% block after %}{% endblock after %}",
    )];
    let index = page_with(&Index, &trends, &base).unwrap();
    assert!(
        index.starts_with(&format!("{} – ", trends.title)),
        "{index}"
    );
    let broken = [template("index.html", "{% if %}")];
    let problems = page_with(&Index, &trends, &broken).unwrap_err();
    let found = problems.sorted();
    assert_eq!(
        (found[0].file.as_str(), found[0].loc.line),
        ("templates/index.html", 1)
    );
}

/// The page with its stylesheet left out: it is the report's, whose own changes would
/// otherwise show in these snapshots too.
fn without_stylesheet(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(start), Some(end)) if start < end => {
            format!(
                "{}<style>…</style>{}",
                &html[..start],
                &html[end + "</style>".len()..]
            )
        }
        _ => html.to_string(),
    }
}

#[test]
fn trends_page_of_the_example() {
    let html = page(&Page, &example());
    assert!(
        html.contains(".tracked-text {"),
        "the page's own style is inlined"
    );
    insta::assert_snapshot!(without_stylesheet(&html));
}

#[test]
fn index_of_the_example() {
    let html = page(&Index, &example());
    assert!(
        html.contains(".judged {"),
        "the page's own style is inlined"
    );
    assert!(
        html.contains("@top-center { content: \"OFFICIAL\""),
        "the marking is printed at the top of every printed page"
    );
    insta::assert_snapshot!(without_stylesheet(&html));
}

#[test]
fn the_chart_has_one_series_per_theme() {
    let trends = example();
    let html = page(&Page, &trends);
    assert_eq!(
        html.matches("<g class=\"series\">").count(),
        trends.themes.len()
    );
    assert_eq!(
        html.matches("<g class=\"key\">").count(),
        trends.themes.len()
    );
    assert!(html.contains("<svg role=\"img\" aria-labelledby=\"share-chart-title\""));
    assert!(html.contains("<title id=\"share-chart-title\">"));
}

#[test]
fn the_index_lists_the_newest_meeting_first() {
    let html = page(&Index, &example());
    let at = |href: &str| html.find(href).unwrap_or_else(|| panic!("{href}"));
    assert!(at("2023-11/report.html") < at("2023-06/report.html"));
    assert!(at("2023-06/report.html") < at("2023-03/report.html"));
    assert!(html.contains("href=\"trends.html\""));
    assert!(!html.contains("<script"));
}

#[test]
fn user_text_is_escaped_and_open_observations_come_first() {
    let mut trends = example();
    trends.themes[0].label = "<script>alert(1)</script>".into();
    let html = page(&Page, &trends);
    assert!(!html.contains("<script>alert"), "escaped");
    let open = html.find("obs-2023-03-referrals-title").unwrap();
    let closed = html.find("obs-2023-03-hcso-training-title").unwrap();
    assert!(open < closed);
    assert!(html.contains("href=\"2023-03/report.html#observation-4.1\""));
}

#[test]
fn a_welsh_page_has_welsh_words() {
    let mut trends = example();
    trends.language = "cy".into();
    let html = page(&Page, &trends);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    assert!(html.contains("Traciwr sylwadau"));
    assert!(html.contains("14 Mawrth 2023"));
}

#[test]
fn an_archive_with_no_meetings_says_so() {
    let mut trends = example();
    trends.meetings.clear();
    trends.themes.clear();
    trends.checks.clear();
    trends.observations.clear();
    for renderer in [&Page as &TrendsRenderer, &Index] {
        assert!(page(renderer, &trends).contains("No meetings in this period."));
    }
}

#[test]
fn the_page_draws_each_interval_and_never_calls_a_chance_change_a_change() {
    let trends = example();
    let html = page(&Page, &trends);
    let markers: usize = trends
        .themes
        .iter()
        .flat_map(|t| &t.by_meeting)
        .filter(|at| at.recorded > 0)
        .count();
    assert_eq!(html.matches("class=\"whisker\"").count(), markers);
    assert!(
        html.contains("3 of 12 (25%); 95% interval 9% to 53%"),
        "{html}"
    );
    // 3 of 12, then 2 of 10, then 1 of 14: each within what chance gives.
    assert!(html.contains(
        "<td>2 of 10, down from 3 of 12: within what chance gives with so few cases</td>"
    ));
    assert!(html.contains(
        "<strong>Late HCSO contact, over 48 hours</strong>: 1 of 14, down from 3 of 12: within what chance gives with so few cases"
    ));
    let lower = html.to_lowercase();
    assert!(!lower.contains("improv") && !lower.contains("worse"));
    let cy = page(
        &Page,
        &Trends {
            language: "cy".into(),
            ..example()
        },
    );
    assert!(cy.contains("o fewn yr hyn y gall siawns ei roi gyda chyn lleied o achosion"));
}
