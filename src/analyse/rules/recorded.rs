//! Which cases leave a theme unrecorded, read from real case files.

use crate::diagnostic::Diagnostics;
use crate::load::{Folder, Source};

const THEMES: &str = "\
late:
  label: Late
  when:
    - field: days
      above: 2
asked:
  label: Not asked
  when:
    - check: asked
      is: [no]
    - check: noted
      is: [no]
spoken:
  label: Spoken
  when:
    - check: asked
      is: [no]
    - phrase: slow
present:
  label: Present
  when:
    - field: days
      present: false
tagged:
  label: Tagged
";

/// The not-recorded cases of each theme, in themes.yaml's order, for cases given as
/// their front matter and body.
fn not_recorded(cases: &[&str]) -> Vec<(String, Vec<u32>)> {
    let folder = Folder {
        report: Some(Source {
            path: "report.yaml".into(),
            text: "title: T\nmeeting_date: 2021-09-29\nchecks:\n  asked: Asked\n  noted: Noted\nfields:\n  days: {label: Days, type: number}\n".into(),
        }),
        themes: Some(Source {
            path: "themes.yaml".into(),
            text: THEMES.into(),
        }),
        cases: cases
            .iter()
            .enumerate()
            .map(|(i, text)| Source {
                path: format!("cases/{}.md", i + 1),
                text: format!("---\ncase: {}\n{text}", i + 1),
            })
            .collect(),
        ..Folder::default()
    };
    let mut diagnostics = Diagnostics::default();
    let report = crate::parse::parse(&folder, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let mut tallies = super::tally(&report);
    tallies.sort_by_key(|t| {
        ["late", "asked", "spoken", "present", "tagged"]
            .iter()
            .position(|id| *id == t.id)
    });
    tallies
        .into_iter()
        .map(|t| (t.id, t.not_recorded.iter().map(|c| c.number).collect()))
        .collect()
}

fn ids(rows: &[(&str, &[u32])]) -> Vec<(String, Vec<u32>)> {
    rows.iter()
        .map(|(id, c)| (id.to_string(), c.to_vec()))
        .collect()
}

#[test]
fn a_case_that_answers_none_of_a_themes_checks_or_fields_did_not_record_it() {
    let found = not_recorded(&[
        // Answers both: recorded for every theme.
        "days: 1\nchecks:\n  asked: yes\n  noted: yes\n---\n- Fine.\n",
        // Leaves `asked` out and `noted` blank, and has no days.
        "checks:\n  noted:\n---\n- Fine.\n",
        // Answers one of the two checks only: that is an answer.
        "checks:\n  noted: n/a\n---\n- Fine.\n",
        // No answer, but a point tagged with the theme: it has it.
        "---\n- Fine. #asked #late\n",
    ]);
    assert_eq!(
        found,
        ids(&[
            ("late", &[2, 3]),
            ("asked", &[2]),
            // A phrase, `present:` and a tag are always answered: a point says it or not.
            ("spoken", &[]),
            ("present", &[]),
            ("tagged", &[]),
        ])
    );
}

#[test]
fn a_case_that_holds_a_rule_is_recorded_whatever_else_it_leaves_out() {
    let found = not_recorded(&[
        "days: 5\n---\n- Fine.\n",
        "checks:\n  asked: no\n---\n- Fine.\n",
    ]);
    assert_eq!(found[0], ("late".to_string(), vec![2]));
    assert_eq!(found[1], ("asked".to_string(), vec![1]));
}
