//! How themes and fields were typed: slips that would split or shorten a count without
//! a word. A tag typed with capitals, a free-form tag one letter from a commoner one, a
//! number given in words where a rule compares numbers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Field, FieldTest, Report, Rule};

/// `# late` in a point, with a space after the `#`, is text, not a tag: the point does
/// not count for the theme. It is warned about when the word is a theme: in themes.yaml,
/// or, without it, a tag used somewhere in the report.
pub(super) fn spaced_tags(report: &Report, diagnostics: &mut Diagnostics) {
    let used: BTreeSet<&str> = match &report.themes {
        Some(themes) => themes.iter().map(|t| t.id.as_str()).collect(),
        None => report
            .cases
            .iter()
            .flat_map(|c| c.themes.iter().chain(c.points.iter().flat_map(|p| &p.tags)))
            .map(|t| t.value.as_str())
            .collect(),
    };
    for case in &report.cases {
        for spaced in case
            .spaced_tags
            .iter()
            .filter(|s| used.contains(s.value.as_str()))
        {
            diagnostics.push(
                Diagnostic::warning(
                    spaced.source.path(),
                    spaced.loc,
                    format!(
                        "`# {}` is not a tag: there is a space after the `#`",
                        spaced.value
                    ),
                )
                .width(spaced.value.chars().count() + 2)
                .hint(format!(
                    "write `#{}` to give the point that theme",
                    spaced.value
                )),
            );
        }
    }
}

/// Without themes.yaml every tag is a theme, so `#late-contcat` beside `#late-contact`
/// splits one theme's count in two. A tag one slip away from a tag used in more cases is
/// warned about at its first use.
pub(super) fn near_tags(report: &Report, diagnostics: &mut Diagnostics) {
    if report.themes.is_some() {
        return;
    }
    // Each id with the cases that use it and where it is first used.
    let mut uses: BTreeMap<&str, (BTreeSet<u32>, &str, crate::diagnostic::Loc)> = BTreeMap::new();
    for case in &report.cases {
        let tags = case
            .themes
            .iter()
            .chain(case.points.iter().flat_map(|p| &p.tags));
        for tag in tags {
            uses.entry(&tag.value)
                .or_insert_with(|| (BTreeSet::new(), tag.source.path(), tag.loc))
                .0
                .insert(case.number);
        }
    }
    // Two ids one or two slips apart share a form with that many characters deleted, so
    // each id is compared only with the ids it shares one with, never with every other:
    // without themes.yaml there can be as many ids as cases.
    let slips = |id: &str| if id.chars().count() < 8 { 1 } else { 2 };
    // Only an id in two cases or more can be the one meant, so only those are indexed.
    let mut by_form: HashMap<String, Vec<&str>> = HashMap::new();
    for (id, _) in uses.iter().filter(|(_, (cases, _, _))| cases.len() > 1) {
        for form in deletions(id, slips(id)) {
            by_form.entry(form).or_default().push(id);
        }
    }
    if by_form.is_empty() {
        return;
    }
    for (id, (cases, file, loc)) in &uses {
        let mut near: Vec<&str> = deletions(id, 2)
            .iter()
            .filter_map(|form| by_form.get(form))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        let likely = near
            .into_iter()
            .filter_map(|other| Some((other, &uses.get(other)?.0)))
            .filter(|(other, more)| {
                other != id
                    && more.len() > cases.len()
                    && strsim::damerau_levenshtein(id, other) <= slips(id).min(slips(other))
            })
            .max_by_key(|(other, more)| (more.len(), std::cmp::Reverse(*other)));
        if let Some((other, more)) = likely {
            let count = |n: usize| {
                if n == 1 {
                    "1 case".to_string()
                } else {
                    format!("{n} cases")
                }
            };
            diagnostics.push(
                Diagnostic::warning(
                    *file,
                    *loc,
                    format!("the theme `{id}` ({}) is close to `{other}` ({}): did you mean `{other}`?", count(cases.len()), count(more.len())),
                )
                .width(id.chars().count())
                .hint("without themes.yaml every tag is a theme of its own, so a mistyped tag makes a second theme and the first one's count is short; if both are meant, ignore this"),
            );
        }
    }
}

/// `id` and every form of it with up to `n` characters deleted.
fn deletions(id: &str, n: usize) -> Vec<String> {
    let mut forms = vec![id.to_string()];
    let mut last = forms.clone();
    for _ in 0..n {
        let mut next = Vec::new();
        for form in &last {
            for (at, c) in form.char_indices() {
                let mut shorter = form.clone();
                shorter.replace_range(at..at + c.len_utf8(), "");
                next.push(shorter);
            }
        }
        next.sort_unstable();
        next.dedup();
        forms.extend(next.iter().cloned());
        last = next;
    }
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// A custom field that an `above:` or `below:` rule tests, given as words (`60 hours`)
/// in some case: the rule can never hold for that case, and its count would be short.
pub(super) fn field_numbers(report: &Report, diagnostics: &mut Diagnostics) {
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
            // A declared field's values and rules are checked against its type instead.
            if report.meta.field(name).is_some() {
                continue;
            }
            if super::super::rules::field::number(text).is_some() {
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
pub(super) fn odd_tags(report: &Report, diagnostics: &mut Diagnostics) {
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
                        crate::parse::normalise(&t.label)
                            == crate::parse::normalise(written.value.trim_start_matches('#'))
                    });
                    let hint = match by_label {
                        Some(t) => format!("did you mean `{mark}{}`? `{}` is its label; a case names a theme by its id", t.id, t.label),
                        None => match ids
                            .contains(&odd.id.as_str())
                            .then_some(odd.id.as_str())
                            .or_else(|| did_you_mean(&odd.id, ids.iter().copied()))
                        {
                            Some(id) => format!("did you mean `{mark}{id}`? Theme ids are lower case with `-` between words, as in themes.yaml"),
                            None if odd.front => format!("theme ids are lower case with `-` between words, as in themes.yaml, which has no `{}`", odd.id),
                            None => format!("theme ids are lower case with `-` between words, as in themes.yaml, which has no `{}`; if it is not meant as a tag, write `\\{}`", odd.id, written.value),
                        },
                    };
                    Diagnostic::error(
                        written.source.path(),
                        written.loc,
                        format!("`{}` is not written as a {what}", written.value),
                    )
                    .hint(hint)
                }
                None => Diagnostic::warning(
                    written.source.path(),
                    written.loc,
                    format!("`{}` is counted as the theme `{}`", written.value, odd.id),
                )
                .hint(if odd.front {
                    format!("write it `{}`: theme ids are lower case with `-` between words, and a theme typed two ways would otherwise look like two themes", odd.id)
                } else {
                    format!("write it `#{}`: theme ids are lower case with `-` between words, and a theme typed two ways would otherwise look like two themes; if it is not meant as a tag, write `\\{}`", odd.id, written.value)
                }),
            };
            diagnostics.push(diagnostic.width(written.value.chars().count()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::problems;

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
    fn a_tag_with_a_space_after_its_hash_is_warned_about_when_the_word_is_a_theme() {
        let cases = [
            "---\ncase: 1\n---\n- Slow. # late and # fine\n",
            "---\ncase: 2\n---\n- Slow. #late\n",
        ];
        let free = problems(&cases, None);
        assert_eq!(
            free,
            [
                "cases/0.md:4: `# late` is not a tag: there is a space after the `#` | write `#late` to give the point that theme"
            ]
        );
        let defined = problems(&cases, Some("fine:\n  label: Fine\nlate:\n  label: Late\n"));
        assert_eq!(defined.len(), 2, "{defined:#?}");
        assert!(
            defined[1].starts_with("cases/0.md:4: `# fine` is not a tag"),
            "{defined:#?}"
        );
    }

    #[test]
    fn a_free_form_tag_one_slip_from_a_commoner_one_is_warned_about() {
        let found = problems(
            &[
                "---\ncase: 1\n---\n- a #late-contact\n",
                "---\ncase: 2\n---\n- b #late-contact\n",
                "---\ncase: 3\nthemes: [late-contcat]\n---\n- c #risk-low #risk-high\n",
            ],
            None,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].starts_with("cases/2.md:3: the theme `late-contcat` (1 case) is close to `late-contact` (2 cases): did you mean `late-contact`?"),
            "{found:#?}"
        );
        let defined = problems(
            &["---\ncase: 1\n---\n- a #late-contact #late-contcat\n"],
            Some("late-contact:\n  label: L\nlate-contcat:\n  label: M\n"),
        );
        assert!(defined.is_empty(), "{defined:#?}");
    }
}
