//! What `check` says each copy does with the numbers and the restricted notes: which
//! themes, judgements, checks, breakdowns and pairs its `suppress_below:` shows as
//! "fewer than N", and how many restricted notes it carries. Each is read from the
//! copy's own view, so `check` says exactly what the copy will show.

use crate::analyse::Analysis;
use crate::model::Report;
use crate::view::{Figure, View};

use super::Copy;

/// Two lines per copy of `report`, in `audiences:` order: what it suppresses, and its
/// restricted notes. Nothing when the report declares no audiences.
pub fn carries(report: &Report, analysis: &Analysis) -> Vec<[String; 2]> {
    let notes = report.cases.iter().filter(|c| c.restricted.is_some());
    let noted: Vec<String> = notes
        .map(|c| report.meta.case_id(report.meta.case_key(c)))
        .collect();
    super::copies(report, analysis, None)
        .iter()
        .map(|copy| [suppressed(copy), restricted(copy, &noted)])
        .collect()
}

/// `shows "fewer than 3" for the theme `late-contact` and the
/// judgement `appropriate``, or that it shows every number.
fn suppressed(copy: &Copy) -> String {
    let below = copy.report.meta.suppress_below;
    if below <= 1 {
        return "shows every number".to_string();
    }
    let view = View::new(&copy.report, &copy.analysis);
    let hidden = |figure: &Figure| figure.is_suppressed();
    let themes: Vec<&str> = view
        .themes
        .iter()
        .filter(|t| hidden(&t.figure))
        .map(|t| t.tally.id.as_str())
        .collect();
    let mut judgements: Vec<&str> = copy
        .analysis
        .judgements
        .iter()
        .zip(&view.judgements)
        .filter(|(_, count)| hidden(&count.figure))
        .map(|(j, _)| j.id.as_str())
        .collect();
    if hidden(&view.unjudged.figure) {
        judgements.push("(no judgement)");
    }
    // A case type judged on its own scale has a table of its own, suppressed as the
    // report's is: `stop-search: grounds-recorded`.
    let mut typed: Vec<String> = Vec::new();
    for scale in &view.type_scales {
        let ids = copy
            .report
            .meta
            .case_type(scale.kind)
            .and_then(|t| t.judgements.as_deref())
            .unwrap_or_default();
        for (choice, count) in ids.iter().zip(&scale.judgements) {
            if hidden(&count.figure) {
                typed.push(format!("{}: {}", scale.kind, choice.id));
            }
        }
        if hidden(&scale.unjudged.figure) {
            typed.push(format!("{}: (no judgement)", scale.kind));
        }
    }
    judgements.extend(typed.iter().map(String::as_str));
    let checks: Vec<&str> = view
        .checks
        .iter()
        .filter(|c| {
            c.answers.iter().any(|(_, n)| hidden(&n.figure)) || hidden(&c.unanswered.figure)
        })
        .map(|c| c.tally.id.as_str())
        .collect();
    let breakdowns: Vec<&str> = view
        .breakdowns
        .iter()
        .filter(|b| {
            b.all
                .iter()
                .chain(b.rows.iter().flat_map(|(_, r)| r))
                .any(hidden)
        })
        .map(|b| b.table.field.as_str())
        .collect();
    let pairs = view.pairs.iter().filter(|p| hidden(&p.figure)).count();
    let withheld = view
        .judgements
        .iter()
        .map(|j| &j.figure)
        .chain([&view.unjudged.figure])
        .chain(view.type_scales.iter().flat_map(|t| {
            t.judgements
                .iter()
                .map(|j| &j.figure)
                .chain([&t.unjudged.figure])
        }))
        .chain(view.checks.iter().flat_map(|c| {
            c.answers
                .iter()
                .map(|(_, n)| &n.figure)
                .chain([&c.unanswered.figure])
        }))
        .chain(
            view.breakdowns
                .iter()
                .flat_map(|b| b.all.iter().chain(b.rows.iter().flat_map(|(_, r)| r))),
        )
        .any(|f| matches!(f, Figure::Withheld { .. }));
    let mut parts = Vec::new();
    for (one, many, ids) in [
        ("the theme", "the themes", themes),
        ("the judgement", "the judgements", judgements),
        ("the answers to", "the answers to", checks),
        ("the breakdown by", "the breakdowns by", breakdowns),
    ] {
        if !ids.is_empty() {
            let named: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
            let what = if named.len() == 1 { one } else { many };
            parts.push(format!("{what} {}", join_and(&named)));
        }
    }
    match pairs {
        0 => {}
        1 => parts.push("1 pair of themes found together".to_string()),
        n => parts.push(format!("{n} pairs of themes found together")),
    }
    if parts.is_empty() {
        format!(
            "has no number of cases from 1 to {} to show as \"fewer than {below}\"",
            below - 1
        )
    } else if withheld {
        format!(
            "shows \"fewer than {below}\", or \"not shown\" where a total would give a small number away, for {}",
            parts.join("; ")
        )
    } else {
        format!("shows \"fewer than {below}\" for {}", parts.join("; "))
    }
}

/// `carries 2 restricted notes (cases 2 and 5)`, or that it leaves
/// them out.
fn restricted(copy: &Copy, noted: &[String]) -> String {
    let notes = match noted.len() {
        1 => "1 restricted note (case".to_string(),
        n => format!("{n} restricted notes (cases"),
    };
    match (noted.is_empty(), copy.audience.restricted_notes) {
        (true, _) => "has no restricted notes to carry".to_string(),
        (false, true) => format!("carries {notes} {})", join_and(noted)),
        (false, false) => format!("leaves out {notes} {})", join_and(noted)),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Tally;
    use crate::diagnostic::{Loc, SourceId};
    use crate::model::{Audience, Case, CaseKey, Located, RestrictedNotes, Shown, ThemeKind};

    fn audience(name: &str, suppress_below: Option<u32>, restricted_notes: bool) -> Audience {
        Audience {
            name: Located {
                value: name.into(),
                loc: Loc::START,
                source: SourceId::new("report.yaml"),
            },
            marking: None,
            shown: Shown::All,
            suppress_below,
            restricted_notes,
        }
    }

    fn theme(id: &str, cases: &[u32]) -> Tally {
        Tally {
            id: id.into(),
            label: id.into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: ThemeKind::Concern,
            cases: cases.iter().map(|&n| CaseKey::plain(n)).collect(),
            not_recorded: Vec::new(),
            evidence: Vec::new(),
            over: None,
            total: 4,
        }
    }

    #[test]
    fn each_copy_says_what_it_suppresses_and_which_notes_it_carries() {
        let mut report = Report::default();
        report.meta.audiences = vec![
            audience("force", None, true),
            audience("public", None, false),
            audience("members", Some(5), false),
        ];
        for number in 1..=4 {
            report.cases.push(Case {
                number,
                restricted: (number == 2).then(RestrictedNotes::default),
                ..Case::default()
            });
        }
        let analysis = Analysis {
            total_cases: 4,
            themes: vec![theme("late", &[1]), theme("kind", &[1, 2, 3])],
            unjudged: (1..=4).map(CaseKey::plain).collect(),
            ..Analysis::default()
        };
        let said = carries(&report, &analysis);
        assert_eq!(
            said,
            [
                [
                    "shows every number",
                    "carries 1 restricted note (case 2)"
                ],
                [
                    "shows \"fewer than 3\" for the theme `late`",
                    "leaves out 1 restricted note (case 2)"
                ],
                [
                    "shows \"fewer than 5\" for the themes `late` and `kind`; the judgement `(no judgement)`",
                    "leaves out 1 restricted note (case 2)"
                ],
            ]
            .map(|pair| pair.map(String::from))
        );
        report.cases[1].restricted = None;
        assert_eq!(
            carries(&report, &analysis)[0][1],
            "has no restricted notes to carry"
        );
    }
}
