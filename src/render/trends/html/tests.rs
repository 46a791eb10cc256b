use super::*;
use crate::analyse::trends::example;
use crate::render::trends::ArchiveRenderer;

fn page(renderer: &dyn ArchiveRenderer, trends: &Trends) -> String {
    let mut out = std::io::Cursor::new(Vec::new());
    renderer.render(trends, &mut out).unwrap();
    String::from_utf8(out.into_inner()).unwrap()
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
    trends.labels = crate::catalogue::Labels::built_in("cy").unwrap();
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
    for renderer in [&Page as &dyn ArchiveRenderer, &Index] {
        assert!(page(renderer, &trends).contains("No meetings in this period."));
    }
}
