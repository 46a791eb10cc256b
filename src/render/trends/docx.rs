//! trends.docx: the archive's trends as a Word document, for a panel's annual report.
//!
//! It is written with the report's own Office XML layer in [`crate::render::docx`] (its
//! paragraphs, tables, styles, page furniture and package), so it looks like the
//! meetings' reports and passes the same schema checks. Word has no chart here: a line chart as a DrawingML chart part
//! would be a second drawing layer to keep right in Word and LibreOffice, and the table
//! of counts and shares says the same exactly. With many meetings the pages turn to
//! landscape so that every meeting keeps a readable column.

use std::io::{self, Seek, Write};

use super::TrendsSources;
use crate::diagnostic::Diagnostics;
use crate::model::{Meta, ThemeKind};
use crate::render::docx::body::{Body, Fmt, Para};
use crate::render::docx::document::empty;
use crate::render::docx::own_document;
use crate::render::docx::styles::{ACCENT, ACCENT_PALE, MUTED};
use crate::render::docx::tables::{self, Cell, Look, split};
use crate::render::{Output, RenderError, Renderer};
use crate::view::trends::TrendsView;
use crate::view::wording::kind_label;

mod tracker;

/// trends.docx's renderer.
pub struct Word;

impl Renderer<TrendsSources<'_>> for Word {
    fn file_name(&self) -> &'static str {
        "trends.docx"
    }

    fn render(
        &self,
        sources: TrendsSources<'_>,
        mut out: &mut dyn Output,
        _diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(sources.view, &mut out)?;
        Ok(())
    }
}

/// More meetings than this and the document is landscape.
const PORTRAIT_MEETINGS: usize = 4;

pub fn render(view: &TrendsView, out: &mut (impl Write + Seek)) -> io::Result<()> {
    let trends = view.trends;
    // The package's properties and page furniture read a report's settings: the
    // panel's stand in for them, dated as of the latest meeting.
    let meta = Meta {
        title: trends.title.clone(),
        meeting_date: trends.as_of.clone(),
        panel: trends.panel.clone(),
        organisation: trends.organisation.clone(),
        marking: trends.marking.clone(),
        language: trends.language.clone(),
        languages: vec![trends.language.clone()],
        ..Meta::default()
    };
    own_document(&meta, view.labels, view.language, None, &[], out, |body| {
        body.landscape = view.meetings.len() > PORTRAIT_MEETINGS;
        write_body(view, body);
    })
}

fn write_body(view: &TrendsView, body: &mut Body) {
    let (trends, l) = (view.trends, view.labels);
    title_page(view, body);
    body.heading(1, &l.theme_trends, true);
    if view.meetings.is_empty() {
        empty(body, &l.no_meetings);
    } else if view.themes.is_empty() {
        empty(body, &l.no_themes);
    } else {
        caption(body, &l.theme_trends_caption);
        themes(view, body);
        changes(view, body);
    }
    if !view.checks.is_empty() && !view.meetings.is_empty() {
        body.heading(1, &l.check_trends, false);
        caption(body, &l.check_trends_caption);
        let rows = view
            .checks
            .iter()
            .map(|c| (c.check.label.clone(), c.cells.clone()));
        by_meeting(view, body, &l.col_check, rows.collect(), false);
    }
    body.heading(1, &l.judgement_trends, false);
    if view.meetings.is_empty() {
        empty(body, &l.no_meetings);
    } else {
        caption(body, &l.judgement_trends_caption);
        judgements(view, body);
        for kind in &view.type_judgements {
            let words = format!("{}: {}", l.judgement_trends_caption, kind.trend.label);
            caption(body, &words);
            let rows = kind.rows.iter().map(|(label, cells)| {
                (
                    label.to_string(),
                    cells.iter().map(ToString::to_string).collect(),
                )
            });
            by_meeting(view, body, &l.col_judgement, rows.collect(), true);
        }
    }
    body.heading(1, &l.observation_tracker, true);
    if trends.observations.is_empty() {
        empty(body, &l.no_observations);
    } else {
        tracker::tracker(view, body);
    }
    tracker::carried(view, body);
}

fn title_page(view: &TrendsView, body: &mut Body) {
    let (trends, l) = (view.trends, view.labels);
    if let Some(organisation) = &trends.organisation {
        let para = Para {
            before: Some(2400),
            ..Para::style("Subtitle")
        };
        body.paragraph(para, organisation, Fmt::PLAIN);
    }
    let title = Para {
        before: trends.organisation.is_none().then_some(2400),
        ..Para::style("Title")
    };
    body.paragraph(title, &trends.title, Fmt::PLAIN);
    body.paragraph(Para::style("Subtitle"), &l.trends, Fmt::PLAIN);
    body.rule(ACCENT, 18, 240);
    for code in trends.languages.iter().filter(|c| **c != trends.language) {
        let name = crate::render::name_in("trends.docx", code, &trends.languages);
        let text =
            crate::catalogue::Labels::built_in(code).map_or_else(String::new, |l| l.this_report_in);
        body.version_link(&name, code, &text);
    }
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(panel) = &trends.panel {
        facts.push((&l.panel, panel.clone()));
    }
    if let Some(period) = &view.period {
        facts.push((&l.period, period.clone()));
    }
    facts.push((&l.archive_meetings, view.meetings.len().to_string()));
    if !view.meetings.is_empty() {
        facts.push((&l.status_as_of, view.as_of.clone()));
    }
    let widths = split(body.text_width(), &[28, 72]);
    tables::open(body, &widths, Look::Plain, 0);
    for (i, (label, value)) in facts.iter().enumerate() {
        tables::keep_row(body, i, facts.len());
        tables::open_row(body, false, None);
        let muted = Fmt {
            color: Some(MUTED),
            size: Some(22),
            ..Fmt::PLAIN
        };
        let strong = Fmt {
            bold: true,
            size: Some(22),
            ..Fmt::PLAIN
        };
        tables::cell(body, widths[0], Cell::BODY, |body| {
            body.paragraph(Para::style("TableText"), label, muted);
        });
        tables::cell(body, widths[1], Cell::BODY, |body| {
            body.paragraph(Para::style("TableText"), value, strong);
        });
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// The widths of a table with a label column and one column per meeting.
fn meeting_widths(view: &TrendsView, body: &Body) -> Vec<u32> {
    let mut parts = vec![(view.meetings.len() as u32).clamp(2, 4)];
    parts.extend(vec![1; view.meetings.len()]);
    split(body.text_width(), &parts)
}

/// A table of one row per item and one column per meeting, the meetings' dates heading
/// the columns. `groups` rows (a label and no cells) span the table.
fn by_meeting(
    view: &TrendsView,
    body: &mut Body,
    first: &str,
    rows: Vec<(String, Vec<String>)>,
    right: bool,
) {
    let widths = meeting_widths(view, body);
    // Past a page's worth of meetings the text is set smaller, so that a month's name
    // still fits its column.
    let size = (view.meetings.len() > SMALL_TEXT_MEETINGS).then_some(16);
    let plain = Fmt { size, ..Fmt::PLAIN };
    let header = Fmt {
        size,
        ..Fmt::HEADER
    };
    let align = right.then_some("right");
    tables::open(body, &widths, Look::Data, 0);
    body.keep_together = true;
    tables::open_row(body, true, None);
    let heads = std::iter::once(first).chain(view.meetings.iter().map(|m| m.date.as_str()));
    for (i, (width, label)) in widths.iter().zip(heads).enumerate() {
        let align = if i == 0 { None } else { align };
        text(body, *width, Cell::HEADER, label, align, header);
    }
    tables::close_row(body);
    let count = rows.len();
    for (i, (label, cells)) in rows.iter().enumerate() {
        tables::keep_row(body, i, count);
        tables::open_row(body, false, None);
        if cells.is_empty() {
            let across = Cell {
                span: widths.len() as u32,
                fill: Some(ACCENT_PALE),
                ..Cell::BODY
            };
            text(body, widths.iter().sum(), across, label, None, header);
        } else {
            text(body, widths[0], Cell::BODY, label, None, plain);
            // One cell per column whatever the row holds, as Word requires.
            for (k, width) in widths[1..].iter().enumerate() {
                let words = cells.get(k).map_or("", String::as_str);
                let words = if words.is_empty() { "–" } else { words };
                text(body, *width, Cell::BODY, words, align, plain);
            }
        }
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// More meetings than this and the tables by meeting are set in smaller text.
const SMALL_TEXT_MEETINGS: usize = 6;

/// A cell of one paragraph in the table's text style and `fmt`.
fn text(
    body: &mut Body,
    width: u32,
    cell: Cell,
    words: &str,
    align: Option<&'static str>,
    fmt: Fmt,
) {
    tables::cell(body, width, cell, |body| {
        let para = Para {
            align,
            ..Para::style("TableText")
        };
        body.paragraph(para, words, fmt);
    });
}

fn themes(view: &TrendsView, body: &mut Body) {
    let l = view.labels;
    let grouped = ThemeKind::ALL
        .iter()
        .all(|k| view.themes_of(*k).next().is_some());
    let mut rows = Vec::new();
    for kind in ThemeKind::ALL {
        let members: Vec<_> = view.themes_of(kind).collect();
        if members.is_empty() {
            continue;
        }
        if grouped {
            rows.push((kind_label(l, kind).to_string(), Vec::new()));
        }
        for theme in members {
            let cells = theme.cells.iter().map(|c| c.words.clone());
            rows.push((theme.theme.label.clone(), cells.collect()));
        }
    }
    by_meeting(view, body, &l.col_theme, rows, true);
}

/// Each theme's change at each meeting after the first, in words, and from the first
/// meeting to the last: Word has no chart to draw the intervals on, so it says them.
fn changes(view: &TrendsView, body: &mut Body) {
    let l = view.labels;
    if view.meetings.len() > 1 {
        caption(body, &l.change_trends_caption);
        let rows = view.themes.iter().map(|t| {
            let cells = t.changes.iter().enumerate().map(|(i, c)| match c {
                Some(c) => c.words.clone(),
                None if i == 0 => String::new(),
                None => l.no_comparison.clone(),
            });
            (t.theme.label.clone(), cells.collect())
        });
        by_meeting(view, body, &l.col_theme, rows.collect(), false);
    }
    let over_range: Vec<_> = view
        .themes
        .iter()
        .filter_map(|t| Some((&t.theme.label, &t.over_range.as_ref()?.words)))
        .collect();
    if !over_range.is_empty() {
        caption(body, &l.over_range_caption);
        for (label, words) in over_range {
            body.paragraph(Para::default(), &format!("{label}: {words}"), Fmt::PLAIN);
        }
    }
}

fn judgements(view: &TrendsView, body: &mut Body) {
    let l = view.labels;
    let mut rows: Vec<(String, Vec<String>)> = view
        .trends
        .judgement_scale
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let cells = view.meetings.iter().map(|m| m.judgements[j].to_string());
            (c.label.clone(), cells.collect())
        })
        .collect();
    if view.meetings.iter().any(|m| m.row.unjudged > 0) {
        let cells = view.meetings.iter().map(|m| m.unjudged.to_string());
        rows.push((l.no_judgement.clone(), cells.collect()));
    }
    let totals = view.meetings.iter().map(|m| m.row.total_cases.to_string());
    rows.push((l.cases_reviewed.clone(), totals.collect()));
    by_meeting(view, body, &l.col_judgement, rows, true);
}
pub(super) fn caption(body: &mut Body, text: &str) {
    body.paragraph(Para::style("Caption"), text, Fmt::PLAIN);
}

#[cfg(test)]
mod tests;
