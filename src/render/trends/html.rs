//! index.html and trends.html: the archive's two pages, laid out by Tera templates.
//!
//! They look like the meetings' reports because they are built the same way: the
//! report's stylesheet inlined, the same Content-Security-Policy that forbids scripts,
//! every word from the catalogue, and user text escaped or sanitised here before the
//! template only arranges it. The records below are what the templates read; their
//! field names are the templates' variables.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use tera::Context;

use crate::analyse::trends::Tracked;
use crate::catalogue::Labels;
use crate::diagnostic::Diagnostics;
use crate::model::ThemeKind;
use crate::render::html::{self, page_css};
use crate::render::markup::blocks_html;
use crate::render::{Output, RenderError, Renderer, name_in};
use crate::view::wording::{kind_label, status_label};

use super::TrendsSources;
use super::chart::{Chart, chart};
use crate::view::trends::{ThemeView, TrendsView};

/// The templates the archive's pages are made from: the report's base and stylesheet,
/// and their own.
const ARCHIVE_PAGES: [&str; 5] = [
    "style.css",
    "base.html",
    "marking.html",
    "index.html",
    "trends.html",
];

/// index.html's renderer.
pub struct Index;

/// trends.html's renderer.
pub struct Page;

impl Renderer<TrendsSources<'_>> for Index {
    fn file_name(&self) -> &'static str {
        "index.html"
    }

    fn check(&self, sources: TrendsSources<'_>, diagnostics: &mut Diagnostics) {
        let _ = html::compile(&ARCHIVE_PAGES, sources.templates, diagnostics);
    }

    fn render(
        &self,
        sources: TrendsSources<'_>,
        out: &mut dyn Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(self.file_name(), sources, out, diagnostics)
    }
}

// No `check` of its own: index.html's compiles this page's templates too, so that a
// mistake in one is reported once.
impl Renderer<TrendsSources<'_>> for Page {
    fn file_name(&self) -> &'static str {
        "trends.html"
    }

    fn render(
        &self,
        sources: TrendsSources<'_>,
        out: &mut dyn Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(self.file_name(), sources, out, diagnostics)
    }
}

/// Renders the page `name`, or reports why a panel's template could not be used.
fn render(
    name: &str,
    sources: TrendsSources<'_>,
    mut out: &mut dyn Output,
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    let tera = html::compile(&ARCHIVE_PAGES, sources.templates, diagnostics)?;
    let context = Context::from_serialize(&context(name, sources.view))
        .map_err(|err| io::Error::other(format!("{name} could not be rendered: {err}")))?;
    html::render_page(
        &tera,
        name,
        &context,
        sources.templates,
        &mut out,
        diagnostics,
    )
}

#[derive(Serialize)]
struct Root<'a> {
    language: &'a str,
    /// This version's index.html and trends.html: `index.cy.html` in a bilingual archive.
    index_href: String,
    trends_href: String,
    /// The same page in the archive's other languages.
    versions: Vec<Version>,
    title: &'a str,
    organisation: Option<&'a str>,
    marking: Option<&'a str>,
    marking_css: Option<String>,
    labels: &'a crate::catalogue::Labels,
    words: BTreeMap<&'static str, String>,
    cover: Vec<Fact>,
    meetings: Vec<MeetingView<'a>>,
    /// Newest first, for the index.
    newest_first: Vec<MeetingView<'a>>,
    scale: Vec<JudgementView<'a>>,
    any_unjudged: bool,
    /// Each case type judged on its own scale, as a table of its own.
    type_judgements: Vec<TypeJudgements<'a>>,
    theme_groups: Vec<ThemeGroup<'a>>,
    /// Each theme's change at each meeting after the first, in words, grouped as
    /// `theme_groups`.
    change_groups: Vec<ThemeGroup<'a>>,
    /// Each theme's change from the range's first meeting to its last.
    over_range: Vec<OverRange<'a>>,
    chart: Chart,
    checks: Vec<CheckView<'a>>,
    tracker: Vec<TrackerGroup>,
    /// The cases carried over that no meeting has judged yet.
    carried: Vec<CarriedView>,
}

/// A row of the table of carried-over cases not yet judged.
#[derive(Serialize)]
struct CarriedView {
    date: String,
    date_iso: String,
    case: String,
    /// The case in its meeting's report, where the page has it.
    href: Option<String>,
    time_open: String,
}

/// A link to this page in another language.
#[derive(Serialize)]
struct Version {
    href: String,
    lang: String,
    text: String,
}

/// A fact of the cover: `Period`, `14 March 2023 to 21 November 2023`.
#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
}

#[derive(Serialize, Clone)]
struct MeetingView<'a> {
    id: &'a str,
    date: String,
    datetime: &'a str,
    title: &'a str,
    href: &'a str,
    total: usize,
    /// Each as the copy shows it: a number, or "fewer than 3".
    judgements: Vec<String>,
    unjudged: String,
    /// Whether any case has no judgement, which a suppressed number still says.
    any_unjudged: bool,
}

#[derive(Serialize)]
struct JudgementView<'a> {
    label: &'a str,
    fill: Option<String>,
    ink: Option<String>,
}

/// A case type's own judgement scale across the meetings.
#[derive(Serialize)]
struct TypeJudgements<'a> {
    caption: String,
    rows: Vec<TypeJudgementRow<'a>>,
}

#[derive(Serialize)]
struct TypeJudgementRow<'a> {
    label: &'a str,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct ThemeGroup<'a> {
    label: Option<&'a str>,
    themes: Vec<ThemeRow<'a>>,
}

#[derive(Serialize)]
struct ThemeRow<'a> {
    id: &'a str,
    label: &'a str,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct OverRange<'a> {
    label: &'a str,
    words: &'a str,
}

#[derive(Serialize)]
struct CheckView<'a> {
    label: &'a str,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct TrackerGroup {
    heading: String,
    items: Vec<TrackedView>,
}

#[derive(Serialize)]
struct TrackedView {
    anchor: String,
    number: String,
    raised: String,
    raised_iso: String,
    /// The observation in its meeting's report, when that meeting is in range.
    href: Option<String>,
    text: String,
    /// The start of the observation, for the tracker's summary table.
    plain: String,
    response: Option<String>,
    status: String,
    status_id: &'static str,
    time_open: String,
    history: Vec<StepView>,
}

#[derive(Serialize)]
struct StepView {
    date: String,
    datetime: String,
    href: Option<String>,
    status: String,
    status_id: &'static str,
    text: String,
}

fn context<'a>(name: &str, view: &'a TrendsView<'a>) -> Root<'a> {
    let trends = view.trends;
    let href = |name: &str, language: &str| name_in(name, language, &trends.languages);
    let versions = trends
        .languages
        .iter()
        .filter(|code| **code != trends.language && trends.languages.len() > 1)
        .map(|code| Version {
            href: href(name, code),
            lang: code.clone(),
            text: Labels::built_in(code).map_or_else(String::new, |l| l.this_report_in),
        })
        .collect();
    let l = view.labels;
    let mut cover = Vec::new();
    if let Some(panel) = &trends.panel {
        cover.push(fact(&l.panel, panel.clone()));
    }
    if let Some(period) = &view.period {
        cover.push(fact(&l.period, period.clone()));
    }
    cover.push(fact(&l.archive_meetings, view.meetings.len().to_string()));
    if !view.meetings.is_empty() {
        cover.push(fact(&l.status_as_of, view.as_of.clone()));
    }
    let meetings: Vec<MeetingView> = view
        .meetings
        .iter()
        .map(|m| MeetingView {
            id: &m.row.id,
            date: m.date.clone(),
            datetime: &m.row.meeting_date,
            title: &m.row.title,
            href: &m.row.report,
            total: m.row.total_cases,
            judgements: m.judgements.iter().map(ToString::to_string).collect(),
            unjudged: m.unjudged.to_string(),
            any_unjudged: m.row.unjudged > 0,
        })
        .collect();
    let theme_groups = groups(view, |t| t.cells.iter().map(|c| c.words.clone()).collect());
    let change_groups = groups(view, |t| {
        t.changes
            .iter()
            .skip(1)
            .map(|c| {
                c.as_ref()
                    .map_or(l.no_comparison.clone(), |c| c.words.clone())
            })
            .collect()
    });
    let over_range = view
        .themes
        .iter()
        .filter_map(|t| {
            Some(OverRange {
                label: &t.theme.label,
                words: &t.over_range.as_ref()?.words,
            })
        })
        .collect();
    let words = BTreeMap::from([
        ("page_css", page_css(l)),
        (
            "tracker_caption",
            crate::catalogue::fill(&l.tracker_caption, &[("date", &view.as_of)]),
        ),
        (
            "carried_caption",
            crate::catalogue::fill(&l.carried_open_caption, &[("date", &view.as_of)]),
        ),
    ]);
    Root {
        language: view.language,
        index_href: href("index.html", &trends.language),
        trends_href: href("trends.html", &trends.language),
        versions,
        title: &trends.title,
        organisation: trends.organisation.as_deref(),
        marking: trends.marking.as_deref(),
        marking_css: trends
            .marking
            .as_deref()
            .map(crate::render::html::css_string),
        labels: l,
        words,
        cover,
        newest_first: meetings.iter().rev().cloned().collect(),
        meetings,
        scale: view
            .scale
            .iter()
            .map(|j| JudgementView {
                label: &j.choice.label,
                fill: j.swatch.map(|s| format!("#{}", s.fill_hex())),
                ink: j.swatch.map(|s| format!("#{}", s.ink_hex())),
            })
            .collect(),
        any_unjudged: view.meetings.iter().any(|m| m.row.unjudged > 0),
        type_judgements: view
            .type_judgements
            .iter()
            .map(|kind| TypeJudgements {
                caption: format!("{}: {}", l.judgement_trends_caption, kind.trend.label),
                rows: kind
                    .rows
                    .iter()
                    .map(|(label, cells)| TypeJudgementRow {
                        label,
                        cells: cells.iter().map(ToString::to_string).collect(),
                    })
                    .collect(),
            })
            .collect(),
        theme_groups,
        change_groups,
        over_range,
        chart: chart(view),
        checks: view
            .checks
            .iter()
            .map(|c| CheckView {
                label: &c.check.label,
                cells: c.cells.clone(),
            })
            .collect(),
        tracker: tracker(view),
        carried: trends
            .carried
            .iter()
            .map(|c| CarriedView {
                date: crate::view::wording::long_date(l, &c.meeting_date),
                date_iso: c.meeting_date.clone(),
                case: c.case.clone(),
                href: view
                    .report_of(&c.meeting)
                    .map(|r| format!("{r}#{}", c.anchor)),
                time_open: crate::view::trends::carried_open(l, c, &trends.as_of),
            })
            .collect(),
    }
}

/// The themes by kind, each kind under its own heading where several sit together, each
/// theme's row of cells made by `cells`: its shares, or its changes.
fn groups<'a>(
    view: &'a TrendsView<'a>,
    cells: impl Fn(&ThemeView<'a>) -> Vec<String>,
) -> Vec<ThemeGroup<'a>> {
    let l = view.labels;
    ThemeKind::ALL
        .into_iter()
        .map(|kind| ThemeGroup {
            label: view.grouped_apart_from(kind).then(|| kind_label(l, kind)),
            themes: view
                .themes_of(kind)
                .map(|t| ThemeRow {
                    id: &t.theme.id,
                    label: &t.theme.label,
                    cells: cells(t),
                })
                .collect(),
        })
        .filter(|g| !g.themes.is_empty())
        .collect()
}

fn fact(label: &str, value: String) -> Fact {
    Fact {
        label: label.to_string(),
        value,
    }
}

fn tracker(view: &TrendsView) -> Vec<TrackerGroup> {
    let l = view.labels;
    let groups = [
        (l.open_observations.clone(), true),
        (l.closed_observations.clone(), false),
    ];
    groups
        .into_iter()
        .map(|(heading, open)| TrackerGroup {
            heading,
            items: view
                .trends
                .observations
                .iter()
                .filter(|o| o.is_open() == open)
                .map(|o| tracked(view, o))
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect()
}

fn tracked(view: &TrendsView, o: &Tracked) -> TrackedView {
    let l = view.labels;
    let report = |meeting: &str| view.report_of(meeting).map(str::to_string);
    let words = view.words(o);
    TrackedView {
        anchor: anchor(&o.id),
        number: o.number.clone(),
        raised: words.raised,
        raised_iso: o.meeting_date.clone(),
        href: report(&o.meeting).map(|r| format!("{r}#observation-{}", o.number)),
        text: blocks_html(&o.text, None),
        plain: words.in_brief,
        response: (!o.response.is_empty()).then(|| blocks_html(&o.response, None)),
        status: status_label(l, o.status).to_string(),
        status_id: o.status.id(),
        time_open: words.time_open,
        history: o
            .history
            .iter()
            .zip(words.history)
            .map(|(s, date)| StepView {
                date,
                datetime: s.meeting_date.clone(),
                href: report(&s.meeting),
                status: status_label(l, s.status).to_string(),
                status_id: s.status.id(),
                text: blocks_html(&s.text, None),
            })
            .collect(),
    }
}

/// An element id from an observation's id: `2023/06/referrals` is `obs-2023-06-referrals`.
fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("obs-{safe}")
}

#[cfg(test)]
mod tests;
