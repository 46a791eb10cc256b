//! The evidence behind a theme in a reader's words.
//!
//! The analysis keeps one piece of evidence per rule that matched, with its file, line
//! and rule, because report.json and `themes --explain` must show exactly why a case
//! counts. A reader needs less: the point once, however many rules found it, and an
//! answer or field as a sentence ("HCSO contact within 48 hours: No"), never a rule
//! kind, an id or a path.

use super::View;
use super::wording;
use crate::analyse::{EvidenceSource, Tally};
use crate::model::{Answer, CaseKey};

/// One piece of evidence as the published report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub case: CaseKey,
    /// The language of `text` when it is not the version's: an untranslated point.
    pub lang: Option<String>,
    /// Index into the case's points when the evidence is a feedback point, so that a
    /// renderer can link to it.
    pub point: Option<usize>,
    pub text: String,
}

/// The cases that gave one answer to one check, for a theme found from check answers
/// alone: `from the checklist: 'Ethnicity asked': No in 3 cases (1, 2, 3)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistReading<'a> {
    pub check: &'a str,
    pub answer: &'a str,
    pub cases: Vec<CaseKey>,
}

/// Whether every rule of the theme reads a check answer, so that its answers are one
/// line each rather than one reading per case: a reader sees how many cases said "No"
/// and which, and the points that mention the theme below as usual.
fn from_checks_alone(view: &View<'_>, theme: &Tally) -> bool {
    view.report
        .themes
        .iter()
        .flatten()
        .find(|t| t.id == theme.id)
        .is_some_and(|t| {
            !t.rules.is_empty()
                && t.rules
                    .iter()
                    .all(|r| matches!(r.value, crate::model::Rule::Check { .. }))
        })
}

/// For a theme found from check answers alone, one line per check and answer, in the
/// order the evidence first gives them; empty for any other theme, whose answers are
/// readings of their cases.
pub fn checklist<'v>(view: &'v View<'_>, theme: &'v Tally) -> Vec<ChecklistReading<'v>> {
    let mut out: Vec<(&str, Answer, Vec<CaseKey>)> = Vec::new();
    if !from_checks_alone(view, theme) {
        return Vec::new();
    }
    for e in theme
        .evidence
        .iter()
        .filter(|e| e.source == EvidenceSource::Check)
    {
        let Some(answer) = Answer::from_id(&e.text) else {
            continue;
        };
        match out
            .iter_mut()
            .find(|(c, a, _)| *c == e.rule && *a == answer)
        {
            Some((_, _, cases)) => {
                if !cases.contains(&e.case) {
                    cases.push(e.case);
                }
            }
            None => out.push((&e.rule, answer, vec![e.case])),
        }
    }
    out.into_iter()
        .map(|(check, answer, cases)| ChecklistReading {
            check: view.check_label(check),
            answer: wording::answer_label(view.labels, answer),
            cases,
        })
        .collect()
}

pub fn readings(view: &View<'_>, theme: &Tally) -> Vec<Reading> {
    let mut out: Vec<Reading> = Vec::with_capacity(theme.evidence.len());
    let grouped = from_checks_alone(view, theme);
    for e in &theme.evidence {
        if grouped && e.source == EvidenceSource::Check {
            continue;
        }
        let reading = match e.source {
            EvidenceSource::Tag | EvidenceSource::Phrase => {
                // Only another version quotes anything but the analysis's own text.
                let shown = e
                    .point
                    .filter(|_| !view.is_original())
                    .and_then(|p| view.point_text(view.report.case(e.case)?, p));
                Reading {
                    case: e.case,
                    lang: shown.and_then(|s| s.lang).map(String::from),
                    point: e.point,
                    text: shown.map_or_else(|| e.text.clone(), |s| s.text.to_string()),
                }
            }
            EvidenceSource::Check => {
                let answer = match Answer::from_id(&e.text) {
                    Some(answer) => wording::answer_label(view.labels, answer),
                    None => e.text.as_str(),
                };
                Reading {
                    case: e.case,
                    lang: None,
                    point: None,
                    text: format!("{}: {answer}", view.check_label(&e.rule)),
                }
            }
            EvidenceSource::Field => {
                let value = if e.text.is_empty() {
                    view.labels.not_recorded.clone()
                } else {
                    reader_value(view, &e.text)
                };
                Reading {
                    case: e.case,
                    lang: None,
                    point: None,
                    text: format!("{}: {value}", view.field_label(&e.rule)),
                }
            }
            EvidenceSource::FrontMatter => Reading {
                case: e.case,
                lang: None,
                point: None,
                text: view.labels.given_by_panel.clone(),
            },
        };
        // The analysis sorts a case's evidence by line, so the pieces that quote the same
        // point, or repeat the same sentence, are neighbours.
        let repeat = out.iter().rev().take_while(|r| r.case == e.case).any(|r| {
            (reading.point.is_some() && r.point == reading.point)
                || (reading.point.is_none() && r.point.is_none() && r.text == reading.text)
        });
        if !repeat {
            out.push(reading);
        }
    }
    out
}

/// A field's value as the analysis quotes it, with YAML's yes/no shown as words.
fn reader_value(view: &View<'_>, value: &str) -> String {
    match value {
        "yes" | "true" => wording::yes_no(view.labels, true).to_string(),
        "no" | "false" => wording::yes_no(view.labels, false).to_string(),
        _ => value.to_string(),
    }
}
