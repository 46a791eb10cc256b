//! Checks that need more than one file: case numbers across cases, and theme ids used in
//! cases and observations against themes.yaml; [`typed`] has those about how a theme or
//! a field was typed, and [`declared`] those about the panel's declared fields.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{Case, Located, Report, case_id};

mod declared;
mod typed;

pub fn validate(report: &Report, diagnostics: &mut Diagnostics) {
    case_numbers(report, diagnostics);
    typed::odd_tags(report, diagnostics);
    theme_ids(report, diagnostics);
    observation_cases(report, diagnostics);
    typed::field_numbers(report, diagnostics);
    typed::near_tags(report, diagnostics);
    typed::spaced_tags(report, diagnostics);
    declared::rules(report, diagnostics);
    declared::near_values(report, diagnostics);
}

/// An observation's `cases:` must name cases of this report: the number behind it is
/// printed as its evidence. Once the meeting has `case_types:` a bare number could be a
/// case of any type, so it must be an id.
fn observation_cases(report: &Report, diagnostics: &mut Diagnostics) {
    let typed = !report.meta.case_types.is_empty();
    for observation in &report.observations {
        for given in observation.cases.iter().flatten() {
            let wanted = &given.value;
            let same_kind: Vec<u32> = report
                .cases
                .iter()
                .filter(|c| c.kind() == wanted.kind.as_deref())
                .map(|c| c.number)
                .collect();
            if typed && wanted.kind.is_none() {
                let ids: Vec<String> = report
                    .cases
                    .iter()
                    .filter(|c| c.number == wanted.number && c.kind.is_some())
                    .map(Case::id)
                    .collect();
                let hint = if ids.is_empty() {
                    "this meeting sets `case_types:`, so name each case by its id, such as `stop-search-1`".to_string()
                } else {
                    format!(
                        "this meeting sets `case_types:`, so name the case by its id: {}",
                        one_of(&ids)
                    )
                };
                diagnostics.push(
                    Diagnostic::error(
                        &observation.file,
                        given.loc,
                        format!("`{}` is a bare number", wanted.number),
                    )
                    .width(wanted.number.to_string().len())
                    .hint(hint),
                );
                continue;
            }
            if same_kind.contains(&wanted.number) {
                continue;
            }
            let id = |n: u32| case_id(wanted.kind.as_deref(), n);
            let hint = match same_kind.iter().min_by_key(|n| n.abs_diff(wanted.number)) {
                Some(&near) if same_kind.len() > 1 => format!(
                    "this report's cases are {}–{}; did you mean {}?",
                    id(same_kind[0]),
                    id(same_kind[same_kind.len() - 1]),
                    id(near)
                ),
                _ if wanted.kind.is_some() && !typed => {
                    "this meeting sets no `case_types:`; list the cases by number".to_string()
                }
                _ => "list only the numbers of this report's cases".to_string(),
            };
            diagnostics.push(
                Diagnostic::error(
                    &observation.file,
                    given.loc,
                    format!("there is no case {wanted}"),
                )
                .width(wanted.to_string().len())
                .hint(hint),
            );
        }
    }
}

/// Numbers are unique within a type, and gaps are looked for within one, since a
/// meeting's searches and its uses of force are each numbered from 1.
fn case_numbers(report: &Report, diagnostics: &mut Diagnostics) {
    let mut first: BTreeMap<(Option<&str>, u32), &str> = BTreeMap::new();
    for case in &report.cases {
        let key = (case.kind(), case.number);
        if let Some(other) = first.get(&key) {
            diagnostics.push(
                Diagnostic::error(
                    &case.file,
                    case.number_loc,
                    format!("case {} is also {other}", case.id()),
                )
                .hint("each case needs its own number; renumber one of the two files"),
            );
        } else {
            first.insert(key, &case.file);
        }
    }
    // A case file with errors may be the "missing" case: the gap would only be noise.
    if diagnostics.has_errors() {
        return;
    }
    let numbers: Vec<(Option<&str>, u32)> = first.keys().copied().collect();
    for pair in numbers.windows(2) {
        let ((kind, before), (after_kind, after)) = (pair[0], pair[1]);
        if kind != after_kind || after - before < 2 {
            continue;
        }
        let id = |n: u32| case_id(kind, n);
        let missing = if after - before == 2 {
            format!(
                "Case {} is missing between {} and {}",
                id(before + 1),
                id(before),
                id(after)
            )
        } else {
            format!(
                "Cases {}–{} are missing between {} and {}",
                id(before + 1),
                id(after - 1),
                id(before),
                id(after)
            )
        };
        let case = report
            .cases
            .iter()
            .find(|c| c.number == after && c.kind() == kind);
        if let Some(case) = case {
            diagnostics.push(
                Diagnostic::warning(&case.file, case.number_loc, missing)
                    .hint("if a case file was lost or its number mistyped, restore it; if the numbering is meant, ignore this"),
            );
        }
    }
}

fn theme_ids(report: &Report, diagnostics: &mut Diagnostics) {
    let Some(themes) = &report.themes else {
        return;
    };
    let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    let mut check = |file: &str, id: &Located<String>, what: &str, width: usize| {
        if ids.contains(&id.value.as_str()) {
            return;
        }
        let written = id.value.trim_start_matches('#');
        let by_label = themes
            .iter()
            .find(|t| crate::parse::normalise(&t.label) == crate::parse::normalise(written));
        let hint = match (by_label, did_you_mean(written, ids.iter().copied())) {
            (Some(t), _) => format!(
                "did you mean `{}`? `{}` is its label; cases name a theme by its id",
                t.id, t.label
            ),
            (None, Some(s)) => format!("did you mean `{s}`? Themes are defined in themes.yaml"),
            (None, None) if ids.is_empty() => {
                "themes.yaml defines no themes; add this one there".to_string()
            }
            (None, None) => format!(
                "add `{}` to themes.yaml, or use one of {}",
                id.value,
                one_of(&ids)
            ),
        };
        diagnostics.push(
            Diagnostic::error(file, id.loc, format!("unknown theme `{}` {what}", id.value))
                .width(width + id.value.chars().count())
                .hint(hint),
        );
    };
    for case in &report.cases {
        // A case folder's tags are in several files, so a place is its file and its loc.
        let odd = |tag: &Located<String>| {
            case.odd_tags
                .iter()
                .any(|o| o.written.loc == tag.loc && o.written.source == tag.source)
        };
        for id in case.themes.iter().filter(|t| !odd(t)) {
            check(&case.file, id, "in `themes:`", 0);
        }
        for point in &case.points {
            // A tag typed in another shape has its own error above.
            for tag in point.tags.iter().filter(|t| !odd(t)) {
                check(tag.source.path(), tag, "in a tag", 1);
            }
        }
    }
    for observation in &report.observations {
        for id in &observation.themes {
            check(&observation.file, id, "in `themes:`", 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Source};

    pub(super) fn problems(cases: &[&str], themes: Option<&str>) -> Vec<String> {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2021-09-29\n".into(),
            }),
            themes: themes.map(|t| Source {
                path: "themes.yaml".into(),
                text: t.into(),
            }),
            cases: cases
                .iter()
                .enumerate()
                .map(|(i, text)| Source {
                    path: format!("cases/{i}.md"),
                    text: (*text).into(),
                })
                .collect(),
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        super::validate(&report, &mut diagnostics);
        diagnostics
            .sorted()
            .iter()
            .map(|d| {
                format!(
                    "{}:{}: {} | {}",
                    d.file,
                    d.loc.line,
                    d.message,
                    d.hint.clone().unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn gaps_are_named_like_the_spec() {
        let found = problems(
            &[
                "---\ncase: 9\n---\n- x\n",
                "---\ncase: 11\n---\n- x\n",
                "---\ncase: 15\n---\n- x\n",
            ],
            None,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].starts_with("cases/1.md:2: Case 10 is missing between 9 and 11"));
        assert!(found[1].starts_with("cases/2.md:2: Cases 12–14 are missing between 11 and 15"));
    }

    #[test]
    fn duplicates_name_the_other_file_and_suppress_gap_warnings() {
        let found = problems(
            &[
                "---\ncase: 1\n---\n- x\n",
                "---\ncase: 1\n---\n- x\n",
                "---\ncase: 3\n---\n- x\n",
            ],
            None,
        );
        assert_eq!(
            found,
            [
                "cases/1.md:2: case 1 is also cases/0.md | each case needs its own number; renumber one of the two files"
            ]
        );
    }

    #[test]
    fn unknown_tags_are_errors_only_when_themes_are_defined() {
        let case = "---\ncase: 1\nthemes: [late-contcat]\n---\n- slow #late-contcat\n";
        assert!(problems(&[case], None).is_empty());
        let found = problems(&[case], Some("late-contact:\n  label: Late\n"));
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found
                .iter()
                .all(|f| f.contains("did you mean `late-contact`?"))
        );
    }
}
