//! `new-case`: a case file for the officer to fill in, with every check of the report
//! listed unanswered and the headings the panel's cases usually have.
//!
//! The checks come from the report's settings as `check` reads them (an archive's
//! meeting inherits the panel's), and the headings from the cases already written, so a
//! new case looks like the panel's others. A check left with no answer is a warning in
//! `check`, not an error, so the file can be built while it is being written.

use std::path::{Path, PathBuf};

use super::{File, Refused};
use crate::archive::{self, Target};
use crate::model::{Case, Choice, FieldDecl, FieldKind, Meta, plain_text};
use crate::{Silent, layout};

/// The headings of a new case when the panel has no cases yet to learn from.
const FIRST_HEADINGS: [&str; 2] = ["Risk and vulnerability", "Outcome"];

/// A new case file, not yet answered: front matter with every key of a case, every field
/// the panel declares (with what it may hold in a note) and every check, then `headings`.
pub fn draft(meta: &Meta, number: u32, headings: &[String]) -> String {
    typed_draft(meta, number, None, headings)
}

/// Like [`draft`], for a case of the type `kind`: it says its type, and lists only the
/// fields its type carries and the checks it asks.
pub fn typed_draft(meta: &Meta, number: u32, kind: Option<&str>, headings: &[String]) -> String {
    let mut text = format!("---\ncase: {number}\n");
    if let Some(kind) = kind {
        text.push_str(&format!("type: {kind}\n"));
    }
    text.push_str("title:\n");
    // The note goes above its field: after a key with no value yet, YAML would read it
    // as the value left out.
    for field in meta.fields.iter().filter(|f| meta.carries(kind, &f.id)) {
        text.push_str(&format!("# {}\n{}:\n", field_note(field), field.id));
    }
    let checks: Vec<&Choice> = meta
        .checks
        .iter()
        .filter(|c| meta.asks(kind, &c.id))
        .collect();
    if !checks.is_empty() {
        let answers =
            crate::diagnostic::one_of(&crate::model::Answer::ALL.map(crate::model::Answer::id));
        text.push_str(&format!("# Answer each check with {answers}.\nchecks:\n"));
        let width = checks
            .iter()
            .map(|c| c.id.chars().count())
            .max()
            .unwrap_or(0);
        for check in checks {
            let pad = width - check.id.chars().count();
            text.push_str(&format!(
                "  {}:{}   # {}\n",
                check.id,
                " ".repeat(pad),
                check.label
            ));
        }
    }
    let scale = meta.judgement_scale(kind);
    if !scale.is_empty() {
        let ids: Vec<&str> = scale.iter().map(|c| c.id.as_str()).collect();
        let carried: Vec<&str> = scale
            .iter()
            .filter(|c| c.carry_over)
            .map(|c| c.id.as_str())
            .collect();
        let carries = match carried.as_slice() {
            [] => String::new(),
            ids => format!(
                "; {} carries the case over to the next meeting",
                crate::diagnostic::one_of(ids)
            ),
        };
        text.push_str(&format!(
            "# Judge with {}{carries}.\n",
            crate::diagnostic::one_of(&ids)
        ));
    }
    text.push_str("judgement:\n---\n");
    for heading in headings {
        text.push_str(&format!("\n## {heading}\n"));
    }
    text
}

/// What a declared field's line in a draft says it holds: `Tactic: handcuffing |
/// spit-guard`, `Hours until the form was submitted: a number`.
fn field_note(field: &FieldDecl) -> String {
    let ids: Vec<&str> = field.kind.choices().iter().map(|c| c.id.as_str()).collect();
    let holds = match &field.kind {
        FieldKind::Text => "text".to_string(),
        FieldKind::Number => "a number".to_string(),
        FieldKind::Date => "a date, YYYY-MM-DD, or YYYY-MM for a month".to_string(),
        FieldKind::Choice(_) => ids.join(" | "),
        FieldKind::List(_) if ids.is_empty() => "one or more, as [first, second]".to_string(),
        FieldKind::List(_) => format!("one or more of [{}]", ids.join(", ")),
    };
    let required = if field.required { " (required)" } else { "" };
    format!("{}{required}: {holds}", field.label)
}

/// The top headings most of `cases` have, in the order they usually come; the usual
/// first headings when no case has any.
pub fn usual_headings<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Vec<String> {
    // Each heading: the cases that have it, and the sum of its places in them.
    let mut seen: Vec<(String, usize, usize)> = Vec::new();
    let mut with_headings = 0;
    for case in cases {
        let mut own: Vec<String> = Vec::new();
        for section in &case.sections {
            if let Some(heading) = &section.heading {
                let text = plain_text(heading).trim().to_string();
                if !text.is_empty() && !own.contains(&text) {
                    own.push(text);
                }
            }
        }
        if own.is_empty() {
            continue;
        }
        with_headings += 1;
        for (place, text) in own.into_iter().enumerate() {
            match seen.iter_mut().find(|(t, _, _)| *t == text) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 += place;
                }
                None => seen.push((text, 1, place)),
            }
        }
    }
    if with_headings == 0 {
        return FIRST_HEADINGS.map(String::from).to_vec();
    }
    seen.retain(|(_, count, _)| count * 2 > with_headings);
    // By average place, a/b < c/d compared as a*d < c*b; a stable sort keeps ties in the
    // order first seen.
    seen.sort_by(|a, b| (a.2 * b.1).cmp(&(b.2 * a.1)));
    seen.into_iter().map(|(text, _, _)| text).collect()
}

/// A case written by [`new_case`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub number: u32,
    /// The report folder, as given.
    pub dir: PathBuf,
    /// The file, from the report folder.
    pub path: String,
    /// With `members:`, each member's empty file beside it, in `members:` order.
    pub members: Vec<String>,
}

/// Adds case `number`, or the next free one, to the report folder (or archive's meeting)
/// at `dir`; with `kind`, a case of that type, numbered among its type's cases.
pub fn new_case(dir: &Path, number: Option<u32>, kind: Option<&str>) -> Result<NewCase, Refused> {
    if !dir.join(layout::REPORT).is_file() {
        return Err(if dir.join(layout::PANEL).is_file() {
            Refused::IsArchive(dir.to_path_buf())
        } else {
            Refused::NotReport(dir.to_path_buf())
        });
    }
    let (meta, own, headings) = match archive::discover(dir) {
        Target::Archive {
            root,
            focus: Some(id),
        } => {
            let archive = archive::check(&root, Some(&id), &Silent);
            let headings = usual_headings(
                archive
                    .meetings
                    .iter()
                    .flat_map(|m| m.checked.report.cases.iter()),
            );
            let meeting = archive.meetings.into_iter().find(|m| m.id == id);
            match meeting {
                Some(m) => (m.checked.report.meta, m.checked.report.cases, headings),
                None => return Err(Refused::NotReport(dir.to_path_buf())),
            }
        }
        _ => {
            let checked = crate::check(dir);
            let headings = usual_headings(&checked.report.cases);
            (checked.report.meta, checked.report.cases, headings)
        }
    };
    if let Some(kind) = kind
        && meta.case_type(kind).is_none()
    {
        return Err(Refused::UnknownType {
            kind: kind.to_string(),
            types: meta.case_types.iter().map(|t| t.id.value.clone()).collect(),
        });
    }
    let own: Vec<Case> = own.into_iter().filter(|c| c.kind() == kind).collect();
    let number = match number {
        Some(n) => {
            if let Some(case) = own.iter().find(|c| c.number == n) {
                return Err(Refused::CaseTaken {
                    number: n,
                    kind: kind.map(str::to_string),
                    file: case.file.clone(),
                });
            }
            n
        }
        None => own
            .iter()
            .map(|c| c.number)
            .max()
            .unwrap_or(0)
            .saturating_add(1),
    };
    let file = match kind {
        Some(kind) => layout::typed_case_file(kind, number),
        None => layout::case_file(number),
    };
    let draft = typed_draft(&meta, number, kind, &headings);
    // With members each reviews the case in their own file, so the case is a folder.
    let (path, members) = if meta.members.is_empty() {
        (format!("{}/{}", layout::CASES, file), Vec::new())
    } else {
        let folder = format!("{}/{}", layout::CASES, layout::member_of(&file));
        let members: Vec<String> = meta
            .members
            .iter()
            .map(|m| format!("{folder}/{}.md", m.id.value))
            .collect();
        (format!("{folder}/{}", layout::CASE_IN_FOLDER), members)
    };
    let stub = member_stub(&headings);
    let files: Vec<File> = std::iter::once(File::new(&path, draft))
        .chain(members.iter().map(|m| File::new(m, stub.clone())))
        .collect();
    super::write(dir, &files)?;
    Ok(NewCase {
        number,
        dir: dir.to_path_buf(),
        path,
        members,
    })
}

/// A member's file as `new-case` writes it: their own judgement to give, and the case's
/// headings with no point under them, which `check` reads as not reviewed yet.
pub fn member_stub(headings: &[String]) -> String {
    let mut text = String::from(
        "---
judgement:
---
",
    );
    for heading in headings {
        text.push_str(&format!("\n## {heading}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::load::Source;

    fn case(text: &str) -> Case {
        let source = Source {
            path: "cases/x.md".into(),
            text: text.into(),
        };
        crate::parse::case::parse(&source, None, &mut Diagnostics::default()).unwrap()
    }

    #[test]
    fn the_headings_most_cases_have_come_in_their_usual_order() {
        let cases = [
            case("---\ncase: 1\n---\n## Risk\n- a\n## Victim care\n- b\n## Outcome\n- c\n"),
            case("---\ncase: 2\n---\n## Risk\n- a\n## Outcome\n- c\n## Odd one\n- d\n"),
            case("---\ncase: 3\n---\n## Victim care\n- b\n## Risk\n- a\n## Outcome\n- c\n"),
        ];
        assert_eq!(
            usual_headings(&cases),
            ["Risk", "Victim care", "Outcome"].map(String::from)
        );
    }

    #[test]
    fn with_no_headings_to_learn_from_the_usual_first_ones_are_given() {
        let cases = [case("---\ncase: 1\n---\n- a point\n")];
        assert_eq!(usual_headings(&cases), FIRST_HEADINGS.map(String::from));
        assert_eq!(usual_headings([]), FIRST_HEADINGS.map(String::from));
    }

    #[test]
    fn a_draft_of_a_type_says_its_type_and_lists_only_its_checks() {
        let mut d = Diagnostics::default();
        let meta = crate::parse::meta::parse(
            &Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2025-03-12\nchecks:\n  gowisely: GOWISELY\n  force_justified: Justified\ncase_types:\n  stop-search: {checks: [gowisely]}\n  use-of-force: {checks: [force_justified]}\n".into(),
            },
            &mut d,
        )
        .unwrap();
        let text = typed_draft(&meta, 2, Some("stop-search"), &[]);
        assert!(
            text.starts_with("---\ncase: 2\ntype: stop-search\ntitle:\n"),
            "{text}"
        );
        assert!(
            text.contains("\n# Judge with `appropriate`, `appropriate-with-observations`, `inappropriate` or `not-agreed`.\njudgement:\n"),
            "{text}"
        );
        assert!(text.contains("\n  gowisely:   # GOWISELY\n"), "{text}");
        assert!(!text.contains("force_justified"), "{text}");
        let parsed = crate::parse::case::parse(
            &Source {
                path: "cases/stop-search-02.md".into(),
                text,
            },
            Some(&meta),
            &mut d,
        )
        .unwrap();
        assert_eq!(parsed.id(), "stop-search-2");
        assert!(!d.has_errors(), "{:?}", d.brief());
    }

    #[test]
    fn a_draft_says_which_judgement_carries_a_case_over() {
        let mut d = Diagnostics::default();
        let meta = crate::parse::meta::parse(
            &Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2025-03-12\njudgements:\n  done: Done\n  more: {label: More information, carry_over: true}\n".into(),
            },
            &mut d,
        )
        .unwrap();
        let text = draft(&meta, 1, &[]);
        assert!(
            text.contains("\n# Judge with `done` or `more`; `more` carries the case over to the next meeting.\njudgement:\n---\n"),
            "{text}"
        );
    }

    #[test]
    fn a_draft_lists_every_check_unanswered_and_parses_with_one_warning() {
        let mut d = Diagnostics::default();
        let meta = crate::parse::meta::parse(
            &Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2024-05-14\nchecks:\n  hcso_48h: HCSO contact\n  risk_assessment: Risk\nfields:\n  tactic: {label: Tactic, choices: {handcuffing: Handcuffing, spit-guard: Spit guard}, required: true}\n  form_hours: {label: Hours to the form, type: number}\n".into(),
            },
            &mut d,
        )
        .unwrap();
        let text = draft(&meta, 7, &["Risk".into(), "Outcome".into()]);
        assert!(
            text.starts_with("---\ncase: 7\ntitle:\n# Tactic (required): handcuffing | spit-guard\ntactic:\n# Hours to the form: a number\nform_hours:\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  hcso_48h:          # HCSO contact\n"),
            "{text}"
        );
        assert!(
            text.ends_with("judgement:\n---\n\n## Risk\n\n## Outcome\n"),
            "{text}"
        );
        let parsed = crate::parse::case::parse(
            &Source {
                path: "cases/case-07.md".into(),
                text,
            },
            Some(&meta),
            &mut d,
        )
        .unwrap();
        assert_eq!(parsed.number, 7);
        assert!(parsed.checks.is_empty());
        assert_eq!(parsed.judgement, None);
        let brief = d.brief();
        assert!(!d.has_errors(), "{brief:?}");
        assert_eq!(
            brief
                .iter()
                .filter(|b| b.contains("2 unanswered checks: `hcso_48h` and `risk_assessment`"))
                .count(),
            1,
            "{brief:?}"
        );
        // With the case's want of points, the required field left blank is the other.
        assert_eq!(brief.len(), 3, "{brief:?}");
        assert!(brief.iter().any(|b| b.contains("no `tactic`")), "{brief:?}");
    }
}
