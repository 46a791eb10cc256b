//! changes.html: what moved in a report since an earlier version, for the panel's own use.
//!
//! Built like the archive's pages (the report's stylesheet and base template, the same
//! Content-Security-Policy, every word from the catalogue), and like them it carries the
//! report's marking: it quotes the report. A word diff is handed to the template as words
//! marked kept, removed or added, so user text is only ever escaped by Tera, never joined
//! into markup here.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use tera::Context;

use crate::catalogue::{Labels, fill};
use crate::changes::{Answer, CaseRef, Edit, MeetingChanges, Presence, Snapshot};
use crate::diagnostic::Diagnostics;
use crate::diff::Op;
use crate::model::Answer as Reply;
use crate::render::RenderError;
use crate::render::html::{self, css_string, page_css};
use crate::view::wording::{answer_label, long_date};

const PAGE: [&str; 4] = ["style.css", "base.html", "marking.html", "changes.html"];

/// What the page shows beyond the comparison itself.
pub struct Page<'a> {
    pub title: &'a str,
    pub organisation: Option<&'a str>,
    pub marking: Option<&'a str>,
    /// What it was compared with, in the reader's words: "HEAD~1 (3f2a1c9)".
    pub since: &'a str,
    pub language: &'a str,
    pub labels: &'a Labels,
}

/// Renders the page into `out`.
pub fn render(
    page: &Page<'_>,
    meetings: &[MeetingChanges],
    out: &mut impl io::Write,
) -> Result<(), RenderError> {
    let mut diagnostics = Diagnostics::default();
    let tera = html::compile(&PAGE, &[], &mut diagnostics)?;
    let root = root(page, meetings);
    let context = Context::from_serialize(&root)
        .map_err(|err| io::Error::other(format!("changes.html could not be rendered: {err}")))?;
    html::render_page(&tera, "changes.html", &context, &[], out, &mut diagnostics)
}

#[derive(Serialize)]
struct Root<'a> {
    language: &'a str,
    title: &'a str,
    organisation: Option<&'a str>,
    marking: Option<&'a str>,
    marking_css: String,
    since: String,
    labels: &'a Labels,
    /// What the stylesheet reads: the printed page's "Page X of Y".
    words: BTreeMap<&'static str, String>,
    nothing: bool,
    meetings: Vec<MeetingView>,
}

#[derive(Serialize)]
struct MeetingView {
    heading: String,
    /// "New since then", "No longer in the archive", or empty.
    state: String,
    cases: Vec<String>,
    tallies: Vec<TallyView>,
    answers: Vec<AnswerView>,
    points: Vec<TextView>,
    observations: Vec<TextView>,
    translations: Vec<String>,
}

#[derive(Serialize)]
struct TallyView {
    label: String,
    before: usize,
    after: usize,
    note: String,
}

#[derive(Serialize)]
struct AnswerView {
    case: String,
    what: String,
    before: String,
    after: String,
}

/// A point or an observation that changed: where it is, how, and its words.
#[derive(Serialize)]
struct TextView {
    place: String,
    how: String,
    words: Vec<Word>,
}

#[derive(Serialize)]
struct Word {
    /// "same", "gone" or "added".
    op: &'static str,
    text: String,
}

fn root<'a>(page: &Page<'a>, meetings: &[MeetingChanges]) -> Root<'a> {
    let l = page.labels;
    let shown: Vec<&MeetingChanges> = meetings.iter().filter(|m| !m.is_empty()).collect();
    let many = meetings.len() > 1;
    Root {
        language: page.language,
        title: page.title,
        organisation: page.organisation,
        marking: page.marking,
        marking_css: page.marking.map(css_string).unwrap_or_default(),
        since: fill(&l.changes_since, &[("revision", page.since)]),
        labels: l,
        words: BTreeMap::from([("page_css", page_css(l))]),
        nothing: shown.is_empty(),
        meetings: shown.into_iter().map(|m| meeting(l, m, many)).collect(),
    }
}

fn meeting(l: &Labels, m: &MeetingChanges, many: bool) -> MeetingView {
    let s = &m.snapshot;
    let c = &m.changes;
    let case = |r: &CaseRef| fill(&l.case, &[("number", &r.to_string())]);
    let heading = if many || !m.id.is_empty() {
        format!("{} ({})", long_date(l, &s.meeting_date), m.id)
    } else {
        long_date(l, &s.meeting_date)
    };
    let mut cases: Vec<String> = c
        .cases_added
        .iter()
        .map(|r| format!("{}: {}", case(r), l.changed_added))
        .collect();
    cases.extend(
        c.cases_removed
            .iter()
            .map(|r| format!("{}: {}", case(r), l.changed_removed)),
    );
    let tallies = c
        .tallies
        .iter()
        .map(|t| {
            let mut note: Vec<String> = t.added.iter().map(|r| format!("+ {}", case(r))).collect();
            note.extend(t.removed.iter().map(|r| format!("− {}", case(r))));
            TallyView {
                label: t.label.clone(),
                before: t.before,
                after: t.after,
                note: note.join(", "),
            }
        })
        .collect();
    let answers = c
        .judgements
        .iter()
        .chain(&c.checks)
        .map(|a| answer(l, s, a))
        .collect();
    let points = c
        .points
        .iter()
        .map(|p| {
            let place = match &p.section {
                Some(section) => format!("{}, {section}", case(&p.case)),
                None => case(&p.case),
            };
            text(l, place, &p.change)
        })
        .collect();
    let mut observations = Vec::new();
    for o in &c.observations {
        if let Some(edit) = &o.text {
            observations.push(text(l, o.number.clone(), edit));
        }
        if let Some(edit) = &o.response {
            let place = format!("{}, {}", o.number, l.changed_response.to_lowercase());
            observations.push(text(l, place, edit));
        }
    }
    MeetingView {
        heading,
        state: match m.presence {
            Presence::Both => String::new(),
            Presence::Added => l.changes_meeting_added.clone(),
            Presence::Removed => l.changes_meeting_removed.clone(),
        },
        cases,
        tallies,
        answers,
        points,
        observations,
        translations: m
            .stale
            .iter()
            .map(|(translation, original)| format!("{translation} ← {original}"))
            .collect(),
    }
}

fn answer(l: &Labels, s: &Snapshot, a: &Answer) -> AnswerView {
    let word = |value: &Option<String>| match (value, &a.check) {
        (None, _) => l.not_answered.clone(),
        (Some(id), None) => s.judgement_label(id).to_string(),
        (Some(id), Some(_)) => {
            Reply::from_id(id).map_or(id.clone(), |r| answer_label(l, r).to_string())
        }
    };
    AnswerView {
        case: fill(&l.case, &[("number", &a.case.to_string())]),
        what: match &a.check {
            None => l.panel_judgement.clone(),
            Some(id) => s.check_label(id).to_string(),
        },
        before: word(&a.before),
        after: word(&a.after),
    }
}

fn text(l: &Labels, place: String, edit: &Edit) -> TextView {
    let plain = |op: &'static str, text: &str| {
        vec![Word {
            op,
            text: text.to_string(),
        }]
    };
    let (how, words) = match edit {
        Edit::Added(t) => (&l.changed_added, plain("added", t)),
        Edit::Removed(t) => (&l.changed_removed, plain("gone", t)),
        Edit::Reworded(words) => (
            &l.changed_reworded,
            words
                .iter()
                .map(|(op, text)| Word {
                    op: match op {
                        Op::Same => "same",
                        Op::Gone => "gone",
                        Op::Added => "added",
                    },
                    text: text.clone(),
                })
                .collect(),
        ),
    };
    TextView {
        place,
        how: how.clone(),
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::compare::words;
    use crate::changes::{Changes, PointChange, Tally};

    fn meeting() -> MeetingChanges {
        MeetingChanges {
            id: String::new(),
            presence: Presence::Both,
            snapshot: Snapshot {
                meeting_date: "2026-03-03".into(),
                ..Snapshot::default()
            },
            changes: Changes {
                tallies: vec![Tally {
                    theme: "late".into(),
                    label: "Late <contact>".into(),
                    before: 3,
                    after: 4,
                    added: vec![CaseRef::Number(9)],
                    removed: vec![],
                }],
                points: vec![PointChange {
                    case: CaseRef::Number(9),
                    section: Some("Risk".into()),
                    change: Edit::Reworded(words(
                        "was not <b>updated</b>",
                        "was never <b>updated</b>",
                    )),
                }],
                ..Changes::default()
            },
            stale: vec![],
        }
    }

    fn rendered(meetings: &[MeetingChanges]) -> String {
        let labels = Labels::english();
        let page = Page {
            title: "Panel & Co",
            organisation: None,
            marking: Some("OFFICIAL-SENSITIVE"),
            since: "HEAD~1 (abc1234)",
            language: "en",
            labels: &labels,
        };
        let mut diagnostics = Diagnostics::default();
        let tera = html::compile(&PAGE, &[], &mut diagnostics).unwrap();
        let context = Context::from_serialize(&root(&page, meetings)).unwrap();
        let mut out = Vec::new();
        let result = html::render_page(
            &tera,
            "changes.html",
            &context,
            &[],
            &mut out,
            &mut diagnostics,
        );
        assert!(
            result.is_ok(),
            "{:?}",
            diagnostics
                .sorted()
                .iter()
                .map(|d| d.render())
                .collect::<Vec<_>>()
        );
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_reworded_point_shows_its_words_struck_and_added_and_user_text_is_escaped() {
        let html = rendered(&[meeting()]);
        assert!(html.contains("<del>not</del> <ins>never</ins>"), "{html}");
        assert!(html.contains("Late &lt;contact&gt;"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("OFFICIAL-SENSITIVE"));
        assert!(html.contains("Compared with HEAD~1 (abc1234)"));
    }

    #[test]
    fn no_change_says_so() {
        let mut m = meeting();
        m.changes = Changes::default();
        assert!(rendered(&[m]).contains("Nothing in the report has changed."));
    }
}
