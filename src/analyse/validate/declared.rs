//! Checks of case fields across the report: theme rules against the fields the panel
//! declared, and, where it declared none, values that differ by a slip, which a table
//! would otherwise count as two.

use crate::analyse::field_values;
use crate::analyse::rules::field::STANDARD;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc, did_you_mean, one_of};
use crate::model::{Field, FieldKind, FieldTest, Report, Rule};
use crate::parse::case::loose;

/// Each theme rule on a field, against its declaration: a number test on a field that
/// holds no numbers never holds, and a value that is no choice never matches.
pub(super) fn rules(report: &Report, diagnostics: &mut Diagnostics) {
    let (Some(themes), false) = (&report.themes, report.meta.fields.is_empty()) else {
        return;
    };
    let ids: Vec<&str> = report.meta.fields.iter().map(|f| f.id.as_str()).collect();
    for theme in themes {
        for rule in &theme.rules {
            let Rule::Field { name, test } = &rule.value else {
                continue;
            };
            let Some(declared) = report.meta.field(name) else {
                if !STANDARD.contains(&name.as_str()) {
                    let hint = match did_you_mean(name, ids.iter().copied()) {
                        Some(known) => format!("did you mean `{known}`?"),
                        None => format!("the declared fields are {}", one_of(&ids)),
                    };
                    diagnostics.push(
                        Diagnostic::warning(&theme.file, rule.loc, format!("theme `{}` tests the field `{name}`, which is not declared under `fields:`", theme.id))
                            .hint(hint),
                    );
                }
                continue;
            };
            match (test, &declared.kind) {
                (FieldTest::Above(_) | FieldTest::Below(_), kind)
                    if !matches!(kind, FieldKind::Number) =>
                {
                    diagnostics.push(
                        Diagnostic::error(&theme.file, rule.loc, format!("theme `{}` compares `{name}` with a number, but `{name}` is a {} field", theme.id, kind.name()))
                            .hint(match kind.choices() {
                                [] => format!("declare `{name}` with `type: number`, or test it with `is:`"),
                                choices => format!("test a choice with `is:`, such as `is: [{}]`", choices[0].id),
                            }),
                    );
                }
                (FieldTest::Is(values), FieldKind::Choice(choices) | FieldKind::List(choices))
                    if !choices.is_empty() =>
                {
                    let choice_ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
                    for value in values {
                        let wanted = loose(value);
                        if choices
                            .iter()
                            .any(|c| loose(&c.id) == wanted || loose(&c.label) == wanted)
                        {
                            continue;
                        }
                        let hint = match did_you_mean(&wanted, choice_ids.iter().copied()) {
                            Some(id) => format!(
                                "did you mean `{id}`? The choices are {}",
                                one_of(&choice_ids)
                            ),
                            None => format!("the choices are {}", one_of(&choice_ids)),
                        };
                        diagnostics.push(
                            Diagnostic::error(&theme.file, rule.loc, format!("theme `{}` tests `{name}` for `{value}`, which is not one of its choices", theme.id))
                                .hint(hint),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// One value of an undeclared field, and the cases that give it.
struct Seen<'r> {
    value: String,
    cases: Vec<(u32, &'r str, Loc)>,
}

/// For each field a table or a facts box shows that the panel has not declared, two values
/// that differ only by capitals, spacing or a letter or two (`Handcufing`, `Handcuffing`):
/// each makes a column of its own.
pub(super) fn near_values(report: &Report, diagnostics: &mut Diagnostics) {
    let mut fields: Vec<&str> = report
        .meta
        .breakdown
        .iter()
        .map(|b| b.value.as_str())
        .collect();
    fields.extend(report.meta.case_facts.iter().map(|f| f.field.as_str()));
    let mut done: Vec<&str> = Vec::new();
    for name in fields {
        if done.contains(&name) || report.meta.field(name).is_some() || STANDARD.contains(&name) {
            continue;
        }
        done.push(name);
        let mut seen: Vec<Seen> = Vec::new();
        for case in &report.cases {
            let loc = case
                .field_locs
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Loc::START, |(_, loc)| *loc);
            for value in field_values(case, name) {
                let Field::Text(text) = value else { continue };
                let text = text.trim().to_string();
                if !text.chars().any(char::is_alphabetic) {
                    continue;
                }
                match seen.iter_mut().find(|s| s.value == text) {
                    Some(s) => s.cases.push((case.number, &case.file, loc)),
                    None => seen.push(Seen {
                        value: text,
                        cases: vec![(case.number, &case.file, loc)],
                    }),
                }
            }
        }
        for (i, a) in seen.iter().enumerate() {
            for b in &seen[i + 1..] {
                if !near(&a.value, &b.value) {
                    continue;
                }
                // The rarer value is the likelier slip, so the warning points at it.
                let (slip, other) = if b.cases.len() <= a.cases.len() {
                    (b, a)
                } else {
                    (a, b)
                };
                let (_, file, loc) = slip.cases[0];
                diagnostics.push(
                    Diagnostic::warning(
                        file,
                        loc,
                        format!(
                            "`{}` ({}) and `{}` ({}) differ only slightly, so `{name}` counts them as two values",
                            slip.value,
                            cases(&slip.cases),
                            other.value,
                            cases(&other.cases),
                        ),
                    )
                    .width(slip.value.chars().count())
                    .hint(format!(
                        "if they mean the same, write them the same; declaring `{name}` under `fields:` with its `choices:` catches such slips as they are typed"
                    )),
                );
            }
        }
    }
}

/// Whether two values are the same but for capitals and spacing, or one or two letters
/// in words long enough that such a difference is a slip rather than another word.
fn near(a: &str, b: &str) -> bool {
    let (a, b) = (loose(a), loose(b));
    if a == b {
        return true;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let distance = strsim::damerau_levenshtein(&a, &b);
    (distance == 1 && shortest >= 5) || (distance == 2 && shortest >= 8)
}

/// `case 3`, `cases 1, 2`.
fn cases(cases: &[(u32, &str, Loc)]) -> String {
    let numbers: Vec<String> = cases.iter().map(|(n, _, _)| n.to_string()).collect();
    if numbers.len() == 1 {
        format!("case {}", numbers[0])
    } else {
        format!("cases {}", numbers.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::near;

    #[test]
    fn near_values_are_slips_not_other_words() {
        assert!(near("Handcufing", "Handcuffing"));
        assert!(near("spit guard", "Spit-Guard"));
        assert!(near("criminal damage", "crimnal damag"));
        assert!(!near("low", "law"));
        assert!(!near("Taser", "Baton"));
        assert!(!near("assault", "arson"));
    }
}
