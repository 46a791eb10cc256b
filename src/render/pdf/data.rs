//! The report as the data the PDF's typst template reads.
//!
//! Everything the template shows comes from the [`View`], the one every renderer reads,
//! so the PDF says what the page and the Word document say; every word of the page
//! furniture comes from [`text`], handed over as `labels`, so the template spells none.
//! User text travels only as JSON strings, which the template places as text: nothing a
//! member types is ever read as typst markup or code. Markdown arrives as a small tree
//! (`k` names the kind of each node) that the template walks.

use std::collections::BTreeSet;

use serde::Serialize;

use super::markdown::{Node, blocks, sections};
use super::printable;

use crate::render::text;
use crate::view::{Count, Section, Swatch, View};

#[derive(Serialize)]
pub struct Report<'a> {
    title: &'a str,
    /// The BCP 47 tag the PDF declares.
    language: &'a str,
    organisation: Option<&'a str>,
    marking: Option<&'a str>,
    meeting_date: String,
    total_cases: usize,
    cover: Vec<Fact>,
    labels: Labels,
    sections: Sections<'a>,
    background: Option<Vec<Node<'a>>>,
    cases: Vec<CaseData<'a>>,
    summary: Option<Vec<Node<'a>>>,
    themes: Vec<ThemeData<'a>>,
    theme_groups: Vec<Group>,
    judgements: Vec<CountData<'a>>,
    unjudged: Option<CountData<'a>>,
    checks: Vec<CheckData<'a>>,
    observations: Vec<ObservationData<'a>>,
    closing: Option<Vec<Node<'a>>>,
}

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
    fill: Option<String>,
    ink: Option<String>,
}

/// Every word the template prints that is not the report's own.
#[derive(Serialize)]
struct Labels {
    contents: &'static str,
    page_of: [&'static str; 3],
    case_facts: &'static str,
    checklist: &'static str,
    themes: &'static str,
    cases_behind: &'static str,
    evidence_appendix: &'static str,
    evidence_column: &'static str,
    tally_chart: &'static str,
    judgement_chart: &'static str,
    theme: &'static str,
    judgement: &'static str,
    check: &'static str,
    count: &'static str,
    share: &'static str,
    case_numbers: &'static str,
    case: &'static str,
    number: &'static str,
    observation: &'static str,
    response: &'static str,
    answers: &'static str,
    not_recorded: &'static str,
    checklist_matrix: &'static str,
}

const LABELS: Labels = Labels {
    contents: text::CONTENTS,
    page_of: text::PAGE_OF,
    case_facts: text::CASE_FACTS,
    checklist: text::CHECKLIST_ANSWERS,
    themes: text::COLUMN_THEMES,
    cases_behind: text::CASES_BEHIND,
    evidence_appendix: text::EVIDENCE_APPENDIX,
    evidence_column: text::COLUMN_EVIDENCE,
    tally_chart: text::TALLY_CHART,
    judgement_chart: text::JUDGEMENT_CHART,
    theme: text::COLUMN_THEME,
    judgement: text::COLUMN_JUDGEMENT,
    check: text::COLUMN_CHECK,
    count: text::COLUMN_COUNT,
    share: text::COLUMN_SHARE_SHORT,
    case_numbers: text::COLUMN_CASE_NUMBERS,
    case: text::COLUMN_CASE,
    number: text::COLUMN_NUMBER,
    observation: text::COLUMN_OBSERVATION,
    response: text::COLUMN_RESPONSE,
    answers: text::COLUMN_ANSWERS,
    not_recorded: text::NOT_RECORDED,
    checklist_matrix: text::CHECKLIST_MATRIX,
};

#[derive(Serialize)]
struct Sections<'a> {
    background: &'a Section,
    cases: &'a Section,
    summary: &'a Section,
    themes: &'a Section,
    tally: &'a Section,
    judgements: &'a Section,
    checklist: Option<&'a Section>,
    observations: &'a Section,
    closing: Option<&'a Section>,
}

#[derive(Serialize)]
struct CaseData<'a> {
    number: u32,
    heading: String,
    facts: Vec<Fact>,
    answers: Vec<Answer<'a>>,
    themes: Vec<&'a str>,
    body: Vec<Node<'a>>,
}

#[derive(Serialize)]
struct Answer<'a> {
    label: &'a str,
    text: &'static str,
}

#[derive(Serialize)]
struct ThemeData<'a> {
    label: &'a str,
    kind: &'static str,
    sentence: String,
    count: usize,
    share: u32,
    /// Per cent of all cases, to a tenth: the bar's length.
    bar: f64,
    note: String,
    cases: String,
    evidence: Vec<Evidence>,
}

#[derive(Serialize)]
struct Evidence {
    case: String,
    text: String,
}

#[derive(Serialize)]
struct Group {
    label: Option<&'static str>,
    themes: Vec<usize>,
}

#[derive(Serialize)]
struct CountData<'a> {
    label: &'a str,
    count: usize,
    share: u32,
    bar: f64,
    cases: String,
    fill: Option<String>,
    ink: Option<String>,
}

#[derive(Serialize)]
struct CheckData<'a> {
    label: &'a str,
    answers: Vec<CountData<'a>>,
    unanswered: usize,
}

#[derive(Serialize)]
struct ObservationData<'a> {
    number: &'a str,
    observation: Vec<Node<'a>>,
    response: Vec<Node<'a>>,
    status: &'static str,
    cases: String,
}
/// The data for the whole report, as JSON, with the characters the PDF's font lacks
/// (each shown as `?`).
pub fn json(
    view: &View<'_>,
    covered: impl Fn(char) -> bool,
) -> serde_json::Result<(Vec<u8>, BTreeSet<char>)> {
    let raw = serde_json::to_string(&report(view))?;
    Ok(printable::printable(&raw, covered))
}

fn report<'a>(view: &'a View<'a>) -> Report<'a> {
    let report = view.report;
    let meta = &report.meta;
    let total = view.analysis.total_cases;
    let outline = &view.outline;
    let labels = view.theme_labels();
    let cases = (0..report.cases.len())
        .map(|i| {
            let case = view.case(i);
            CaseData {
                number: case.case.number,
                heading: case.heading.clone(),
                facts: case
                    .facts
                    .iter()
                    .map(|f| fact(f.label.to_string(), f.value.clone(), f.swatch))
                    .collect(),
                answers: case
                    .answers
                    .iter()
                    .map(|(label, answer)| Answer {
                        label,
                        text: answer.map_or(text::NOT_RECORDED, text::answer_label),
                    })
                    .collect(),
                themes: case
                    .themes
                    .iter()
                    .map(|id| labels.get(id.as_str()).copied().unwrap_or(id))
                    .collect(),
                body: sections(&report.cases[i].sections),
            }
        })
        .collect();
    let themes = view
        .themes
        .iter()
        .map(|t| ThemeData {
            label: &t.tally.label,
            kind: t.kind.id(),
            sentence: t.sentence(),
            count: t.count(),
            share: t.share,
            bar: t.bar,
            note: text::count_note(&t.tally.cases, total),
            cases: text::case_list(&t.tally.cases),
            evidence: view
                .evidence(t.tally)
                .into_iter()
                .map(|r| Evidence {
                    case: text::case_label(r.case),
                    text: r.text,
                })
                .collect(),
        })
        .collect();
    let mut next = 0;
    let theme_groups = view
        .theme_groups()
        .into_iter()
        .map(|(label, themes)| {
            let indexes = (next..next + themes.len()).collect();
            next += themes.len();
            Group {
                label,
                themes: indexes,
            }
        })
        .collect();
    Report {
        title: &meta.title,
        language: &meta.language,
        organisation: meta.organisation.as_deref(),
        marking: meta.marking.as_deref(),
        meeting_date: text::long_date(&meta.meeting_date),
        total_cases: total,
        cover: view
            .title_facts()
            .into_iter()
            .map(|(label, value)| fact(label.into(), value, None))
            .collect(),
        labels: LABELS,
        sections: Sections {
            background: &outline.background,
            cases: &outline.cases,
            summary: &outline.summary,
            themes: &outline.themes_found,
            tally: &outline.tally,
            judgements: &outline.judgements,
            checklist: outline.checklist.as_ref(),
            observations: &outline.observations,
            closing: outline.closing.as_ref(),
        },
        background: report.background.as_ref().map(|d| blocks(&d.blocks)),
        cases,
        summary: report.summary.as_ref().map(|d| blocks(&d.blocks)),
        themes,
        theme_groups,
        judgements: view.judgements.iter().map(|j| count(j, total)).collect(),
        unjudged: (!view.unjudged.cases.is_empty()).then(|| count(&view.unjudged, total)),
        checks: view
            .checks
            .iter()
            .map(|c| CheckData {
                label: &c.tally.label,
                answers: c.answers.iter().map(|(_, a)| count(a, total)).collect(),
                unanswered: c.unanswered.cases.len(),
            })
            .collect(),
        observations: view
            .observations
            .iter()
            .map(|o| ObservationData {
                number: &o.number,
                observation: blocks(&o.observation.observation),
                response: blocks(&o.observation.response),
                status: o.status,
                cases: text::case_list(o.cases),
            })
            .collect(),
        closing: report.closing.as_ref().map(|d| blocks(&d.blocks)),
    }
}

fn fact(label: String, value: String, swatch: Option<Swatch>) -> Fact {
    Fact {
        label,
        value,
        fill: swatch.map(|s| s.fill_hex()),
        ink: swatch.map(|s| s.ink_hex()),
    }
}

fn count<'a>(c: &Count<'a>, total: usize) -> CountData<'a> {
    CountData {
        label: c.label,
        count: c.cases.len(),
        share: c.share,
        bar: crate::view::bar(c.cases.len(), total),
        cases: text::case_list(c.cases),
        fill: c.colour.map(|s| s.fill_hex()),
        ink: c.colour.map(|s| s.ink_hex()),
    }
}
