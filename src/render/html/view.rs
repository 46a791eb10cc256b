//! What the page template sees: the report as Tera values, every fragment of user text
//! already escaped or sanitised and every count already worked out.
//!
//! A 20,000-case report is tens of megabytes of text, and Tera keeps each record as a
//! hash map, so the values are built one list item at a time (never as a second, Rust-side
//! copy of the whole page) and the many small records are kept lean: a case link is its
//! number, a case's theme is an id the template looks up in `theme_labels`, a checklist cell is an
//! answer id it looks up in `answer_labels`, and
//! a case's feedback and a theme's evidence each come as one fragment of HTML.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, TeraResult, Value};

use crate::analyse::Analysis;
use crate::model::{Answer, Case, Report, Section, Status, plain_text};
use crate::render::markup::{blocks_html, escape, inlines_html, point_anchor};
use crate::render::text::{
    answer_label, case_label, case_list, count_note, evidence_rule, evidence_text, judgement_label,
    long_date, share, strand_label, strand_list, theme_sentence,
};

/// Height of one bar of the chart, in SVG units.
const BAR_ROW: usize = 28;

#[derive(Serialize)]
struct CaseView<'a> {
    number: u32,
    anchor: String,
    title: Option<String>,
    recorded_as: Option<String>,
    strands: String,
    risk: Option<String>,
    judgement: Option<String>,
    /// Theme ids, to look up in `theme_labels`: a label is written once, not per case.
    themes: Vec<&'a str>,
    /// The feedback, with each section's heading as an `h4`, deeper ones `h5` and `h6`.
    body: String,
}

#[derive(Serialize)]
struct ThemeView {
    id: String,
    label: String,
    sentence: String,
    count: usize,
    share: u32,
    cases: Vec<u32>,
    note: String,
    /// The evidence as `li` elements, one per case and rule that matched; made here
    /// rather than in the template because a large report has a hundred thousand of them.
    evidence: String,
    /// Bar length as a share of the chart's bar area, 0–100.
    bar: f64,
    y: usize,
}

#[derive(Serialize)]
struct CountView {
    label: String,
    count: usize,
    share: u32,
    cases: String,
}

#[derive(Serialize)]
struct CheckView {
    id: String,
    label: String,
    /// Counts per answer, such as `Yes 10 · No 3`.
    answers: Vec<CountView>,
    unanswered: usize,
}

#[derive(Serialize)]
struct MatrixRow {
    number: u32,
    /// One answer id per check, `none` where the case has no answer.
    cells: Vec<&'static str>,
}

#[derive(Serialize)]
struct ObservationView<'a> {
    number: usize,
    observation: String,
    response: Option<String>,
    status: &'static str,
    status_id: &'static str,
    themes: Vec<&'a str>,
    cases: Vec<u32>,
}

/// The template's variables.
pub fn context(report: &Report, analysis: &Analysis) -> TeraResult<Context> {
    let meta = &report.meta;
    let total = analysis.total_cases;
    // A case's theme ids come from the tallies, so each has a label; an observation may
    // name a theme no case has, which then shows as its id, so a lookup cannot fail.
    let mut labels: BTreeMap<&str, &str> = report
        .observations
        .iter()
        .flat_map(|o| o.themes.iter().map(|t| t.value.as_str()))
        .map(|id| (id, id))
        .collect();
    labels.extend(
        analysis
            .themes
            .iter()
            .map(|t| (t.id.as_str(), t.label.as_str())),
    );
    let html = |doc: &Option<crate::model::Doc>| doc.as_ref().map(|d| blocks_html(&d.blocks, None));

    let mut context = Context::new();
    put(&mut context, "title", &meta.title)?;
    put(&mut context, "meeting_date", &long_date(&meta.meeting_date))?;
    put(&mut context, "meeting_date_iso", &meta.meeting_date)?;
    put(&mut context, "panel", &meta.panel)?;
    put(&mut context, "organisation", &meta.organisation)?;
    put(&mut context, "force", &meta.force)?;
    put(&mut context, "marking", &meta.marking)?;
    put(
        &mut context,
        "marking_css",
        &meta.marking.as_deref().map(css_string),
    )?;
    put(&mut context, "language", &meta.language)?;
    put(&mut context, "total_cases", &total)?;
    put(&mut context, "theme_labels", &labels)?;
    put(&mut context, "background", &html(&report.background))?;
    put(&mut context, "summary", &html(&report.summary))?;
    put(&mut context, "closing", &html(&report.closing))?;
    let cases = report.cases.iter().zip(&analysis.case_themes);
    let cases = each(cases.map(|(case, ids)| CaseView {
        themes: ids.iter().map(String::as_str).collect(),
        ..case_view(report, case)
    }))?;
    context.insert_value("cases", cases);

    let most = analysis.most_cases();
    let themes = each(analysis.themes.iter().enumerate().map(|(i, t)| {
        ThemeView {
            id: t.id.clone(),
            label: t.label.clone(),
            sentence: theme_sentence(t),
            count: t.count(),
            share: share(t.count(), total),
            cases: t.cases.clone(),
            note: count_note(&t.cases, total),
            evidence: t
                .evidence
                .iter()
                .map(|e| evidence_item(report, e))
                .collect(),
            bar: (t.count() as f64 / most as f64 * 100.0 * 10.0).round() / 10.0,
            y: i * BAR_ROW,
        }
    }))?;
    context.insert_value("themes", themes);
    put(
        &mut context,
        "chart_height",
        &(analysis.themes.len() * BAR_ROW),
    )?;

    let judgements = analysis.judgements.iter().map(|j| CountView {
        label: j.label.clone(),
        count: j.cases.len(),
        share: share(j.cases.len(), total),
        cases: case_list(&j.cases),
    });
    context.insert_value("judgements", each(judgements)?);
    put(&mut context, "unjudged", &case_list(&analysis.unjudged))?;
    let checks = analysis.checks.iter().map(|c| CheckView {
        id: c.id.clone(),
        label: c.label.clone(),
        answers: c
            .answers
            .iter()
            .map(|(a, cases)| CountView {
                label: answer_label(*a).to_string(),
                count: cases.len(),
                share: share(cases.len(), total),
                cases: case_list(cases),
            })
            .collect(),
        unanswered: c.unanswered.len(),
    });
    context.insert_value("checks", each(checks)?);
    let matrix = report.cases.iter().map(|case| MatrixRow {
        number: case.number,
        cells: meta
            .checks
            .iter()
            .map(|check| {
                case.checks
                    .iter()
                    .find(|a| a.id == check.id)
                    .map_or("none", |a| answer_class(a.answer))
            })
            .collect(),
    });
    context.insert_value("matrix", each(matrix)?);
    put(&mut context, "answer_labels", &answer_labels())?;

    let observations = report.observations.iter().zip(&analysis.observation_cases);
    let observations = observations
        .enumerate()
        .map(|(i, (o, cases))| ObservationView {
            number: i + 1,
            observation: blocks_html(&o.observation, None),
            response: (!o.response.is_empty()).then(|| blocks_html(&o.response, None)),
            status: match o.status {
                Status::AwaitingResponse => "Awaiting response",
                Status::Responded => "Responded",
                Status::Closed => "Closed",
            },
            status_id: o.status.id(),
            themes: o.themes.iter().map(|t| t.value.as_str()).collect(),
            cases: cases.clone(),
        });
    context.insert_value("observations", each(observations)?);
    Ok(context)
}

fn put<T: Serialize + ?Sized>(
    context: &mut Context,
    key: &'static str,
    value: &T,
) -> TeraResult<()> {
    context.insert_value(key, Value::try_from_serializable(value)?);
    Ok(())
}

/// A list of Tera values, each item converted as soon as it is made.
fn each<T: Serialize>(items: impl Iterator<Item = T>) -> TeraResult<Value> {
    items
        .map(|item| Value::try_from_serializable(&item))
        .collect::<TeraResult<Vec<Value>>>()
        .map(Value::from)
}

fn evidence_item(report: &Report, e: &crate::analyse::Evidence) -> String {
    let anchor = e
        .point
        .map_or_else(|| format!("case-{}", e.case), |p| point_anchor(e.case, p));
    let rule = evidence_rule(e);
    let text = evidence_text(&report.meta, e);
    format!(
        "<li><a href=\"#{}\">{}</a> <span class=\"rule\">{}: {}</span> <span class=\"where\">{}:{}</span><br>{}</li>\n",
        escape(&anchor),
        case_label(e.case),
        e.source.id(),
        escape(&rule),
        escape(&e.file),
        e.line,
        escape(&text),
    )
}

fn case_view<'a>(report: &Report, case: &Case) -> CaseView<'a> {
    CaseView {
        number: case.number,
        anchor: format!("case-{}", case.number),
        title: case.title.clone(),
        recorded_as: case.recorded_as.clone(),
        strands: strand_list(&case.strands),
        risk: case.risk.as_deref().map(strand_label),
        judgement: case
            .judgement
            .as_ref()
            .map(|j| judgement_label(&report.meta, &j.value)),
        themes: Vec::new(),
        body: sections_html(&case.sections, 4, case.number),
    }
}

/// A case's sections, each heading an `h{level}`, the sections nested in it one level
/// deeper, down to `h6`.
fn sections_html(sections: &[Section], level: usize, case: u32) -> String {
    let mut out = String::new();
    for section in sections {
        if let Some(heading) = section
            .heading
            .as_ref()
            .filter(|h| !plain_text(h).is_empty())
        {
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inlines_html(heading)));
        }
        out.push_str(&blocks_html(&section.blocks, Some(case)));
        out.push_str(&sections_html(&section.children, (level + 1).min(6), case));
    }
    out
}

fn answer_class(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::Partial => "partial",
        Answer::No => "no",
        Answer::Unclear => "unclear",
        Answer::Split => "split",
        Answer::NotApplicable => "na",
    }
}

/// What each checklist cell shows, by the id in `matrix`.
fn answer_labels() -> BTreeMap<&'static str, &'static str> {
    let mut labels: BTreeMap<_, _> = Answer::ALL
        .iter()
        .map(|&a| (answer_class(a), answer_label(a)))
        .collect();
    labels.insert("none", "–");
    labels
}

/// `text` as the contents of a CSS string, for the marking in the printed page's margins.
pub fn css_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out
}
