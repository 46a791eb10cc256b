//! Checks that need more than one file: case numbers across cases, and theme ids used in
//! cases and observations against themes.yaml.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{Field, FieldTest, Located, Report, Rule};

pub fn validate(report: &Report, diagnostics: &mut Diagnostics) {
    case_numbers(report, diagnostics);
    odd_tags(report, diagnostics);
    theme_ids(report, diagnostics);
    observation_cases(report, diagnostics);
    field_numbers(report, diagnostics);
}

/// A custom field that an `above:` or `below:` rule tests, given as words (`60 hours`)
/// in some case: the rule can never hold for that case, and its count would be short.
fn field_numbers(report: &Report, diagnostics: &mut Diagnostics) {
    let Some(themes) = &report.themes else {
        return;
    };
    let mut tested: Vec<(&str, String)> = Vec::new();
    for theme in themes {
        for rule in &theme.rules {
            if let Rule::Field { name, test } = &rule.value {
                let shown = match test {
                    FieldTest::Above(n) => format!("above: {n}"),
                    FieldTest::Below(n) => format!("below: {n}"),
                    _ => continue,
                };
                if !tested.iter().any(|(n, _)| n == name) {
                    tested.push((name, format!("`{shown}` in theme `{}`", theme.id)));
                }
            }
        }
    }
    for case in &report.cases {
        for (name, value) in &case.fields {
            let Field::Text(text) = value else {
                continue;
            };
            let Some((_, rule)) = tested.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if super::rules::field::number(text).is_some() {
                continue;
            }
            let Some((_, loc)) = case.field_locs.iter().find(|(n, _)| n == name) else {
                continue;
            };
            let digits: String = text
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let hint = if digits.is_empty() {
                format!("write a number, such as `{name}: 60`, for the rule to test it")
            } else {
                format!(
                    "did you mean `{name}: {digits}`? Write the number alone for the rule to test it"
                )
            };
            diagnostics.push(
                Diagnostic::warning(
                    &case.file,
                    *loc,
                    format!("`{text}` is not a number, so {rule} cannot test it"),
                )
                .width(text.chars().count())
                .hint(hint),
            );
        }
    }
}

/// Tags typed with capitals or `_`. With themes.yaml the panel has a fixed list to
/// match, so a tag in another shape is an error like a misspelt one; without it, tags
/// are free-form and the tag is counted under its plain id, with a warning, so that
/// `#Record-quality` and `#record-quality` never become two themes unnoticed.
fn odd_tags(report: &Report, diagnostics: &mut Diagnostics) {
    for case in &report.cases {
        for odd in &case.odd_tags {
            let written = &odd.written;
            let (what, mark) = if odd.front {
                ("theme id", "")
            } else {
                ("theme tag", "#")
            };
            let diagnostic = match &report.themes {
                Some(themes) => {
                    let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
                    let by_label = themes.iter().find(|t| {
                        crate::analyse::normalise(&t.label)
                            == crate::analyse::normalise(written.value.trim_start_matches('#'))
                    });
                    let hint = match by_label {
                        Some(t) => format!("did you mean `{mark}{}`? `{}` is its label; a case names a theme by its id", t.id, t.label),
                        None => match ids
                            .contains(&odd.id.as_str())
                            .then_some(odd.id.as_str())
                            .or_else(|| did_you_mean(&odd.id, ids.iter().copied()))
                        {
                            Some(id) => format!("did you mean `{mark}{id}`? Theme ids are lower case with `-` between words, as in themes.yaml"),
                            None => format!("theme ids are lower case with `-` between words, as in themes.yaml, which has no `{}`", odd.id),
                        },
                    };
                    Diagnostic::error(
                        &case.file,
                        written.loc,
                        format!("`{}` is not written as a {what}", written.value),
                    )
                    .hint(hint)
                }
                None => Diagnostic::warning(
                    &case.file,
                    written.loc,
                    format!("`{}` is counted as the theme `{}`", written.value, odd.id),
                )
                .hint(format!("write it `{mark}{}`: theme ids are lower case with `-` between words, and a theme typed two ways would otherwise look like two themes", odd.id)),
            };
            diagnostics.push(diagnostic.width(written.value.chars().count()));
        }
    }
}

/// An observation's `cases:` must name cases of this report: the number behind it is
/// printed as its evidence.
fn observation_cases(report: &Report, diagnostics: &mut Diagnostics) {
    let numbers: Vec<u32> = report.cases.iter().map(|c| c.number).collect();
    for observation in &report.observations {
        for number in observation.cases.iter().flatten() {
            if numbers.binary_search(&number.value).is_ok() {
                continue;
            }
            let hint = match numbers.iter().min_by_key(|n| n.abs_diff(number.value)) {
                Some(near) if numbers.len() > 1 => format!(
                    "this report's cases are {}–{}; did you mean {near}?",
                    numbers[0],
                    numbers[numbers.len() - 1]
                ),
                _ => "list only the numbers of this report's cases".to_string(),
            };
            diagnostics.push(
                Diagnostic::error(
                    &observation.file,
                    number.loc,
                    format!("there is no case {}", number.value),
                )
                .width(number.value.to_string().len())
                .hint(hint),
            );
        }
    }
}

fn case_numbers(report: &Report, diagnostics: &mut Diagnostics) {
    let mut first: BTreeMap<u32, &str> = BTreeMap::new();
    for case in &report.cases {
        if let Some(other) = first.get(&case.number) {
            diagnostics.push(
                Diagnostic::error(
                    &case.file,
                    case.number_loc,
                    format!("case {} is also {other}", case.number),
                )
                .hint("each case needs its own number; renumber one of the two files"),
            );
        } else {
            first.insert(case.number, &case.file);
        }
    }
    // A case file with errors may be the "missing" case: the gap would only be noise.
    if diagnostics.has_errors() {
        return;
    }
    let numbers: Vec<u32> = first.keys().copied().collect();
    for pair in numbers.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        if after - before < 2 {
            continue;
        }
        let missing = if after - before == 2 {
            format!(
                "Case {} is missing between {before} and {after}",
                before + 1
            )
        } else {
            format!(
                "Cases {}–{} are missing between {before} and {after}",
                before + 1,
                after - 1
            )
        };
        let case = report.cases.iter().find(|c| c.number == after);
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
            .find(|t| crate::analyse::normalise(&t.label) == crate::analyse::normalise(written));
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
        let odd = |loc| case.odd_tags.iter().any(|o| o.written.loc == loc);
        for id in case.themes.iter().filter(|t| !odd(t.loc)) {
            check(&case.file, id, "in `themes:`", 0);
        }
        for point in &case.points {
            // A tag typed in another shape has its own error above.
            for tag in point.tags.iter().filter(|t| !odd(t.loc)) {
                check(&case.file, tag, "in a tag", 1);
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

    fn problems(cases: &[&str], themes: Option<&str>) -> Vec<String> {
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
    fn a_tag_with_capitals_is_an_error_with_themes_and_a_warning_without() {
        let case = "---\ncase: 1\n---\n- slow #Late-Contact and #late_contact\n";
        let without = problems(&[case], None);
        assert_eq!(without.len(), 2, "{without:#?}");
        assert!(
            without[0].starts_with(
                "cases/0.md:4: `#Late-Contact` is counted as the theme `late-contact`"
            ),
            "{without:#?}"
        );
        let with = problems(&[case], Some("late-contact:\n  label: Late\n"));
        assert_eq!(with.len(), 2, "{with:#?}");
        assert!(
            with.iter()
                .all(|f| f.contains("is not written as a theme tag")
                    && f.contains("did you mean `#late-contact`?")),
            "{with:#?}"
        );
        let label = "---\ncase: 1\nthemes: [Late Contact, \"#slow\"]\n---\n- x\n";
        let named = problems(
            &[label],
            Some("late:\n  label: Late contact\nslow:\n  label: Slow\n"),
        );
        assert_eq!(named.len(), 2, "{named:#?}");
        assert!(
            named[0].contains("did you mean `late`? `Late contact` is its label"),
            "{named:#?}"
        );
        assert!(
            named[1].contains("did you mean `slow`? `Slow` is its label"),
            "{named:#?}"
        );
        let other = problems(&[case], Some("late-contacts:\n  label: Late\n"));
        assert!(
            other[0].contains("did you mean `#late-contacts`?"),
            "{other:#?}"
        );
    }

    #[test]
    fn a_field_a_rule_compares_given_in_words_is_warned_about() {
        let themes = "late:\n  label: Late\n  when:\n    - field: hours\n      above: 48\n";
        let found = problems(
            &[
                "---\ncase: 1\nhours: 60 hours\n---\n- x\n",
                "---\ncase: 2\nhours: \"72\"\n---\n- x\n",
                "---\ncase: 3\nhours: unknown\n---\n- x\n",
            ],
            Some(themes),
        );
        assert_eq!(
            found,
            [
                "cases/0.md:3: `60 hours` is not a number, so `above: 48` in theme `late` cannot test it | did you mean `hours: 60`? Write the number alone for the rule to test it",
                "cases/2.md:3: `unknown` is not a number, so `above: 48` in theme `late` cannot test it | write a number, such as `hours: 60`, for the rule to test it",
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
