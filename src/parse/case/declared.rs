//! A case's value of a field the panel declared under `fields:`, read as its declaration
//! says: a choice by its id (or its label, typed as the report shows it), a number as a
//! number, a date as a date. A value the declaration does not allow is an error, since
//! counted as written it would make a column or a count of its own.

use super::fields::comma_list;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc, did_you_mean, one_of};
use crate::model::{Case, Choice, Field, FieldDecl, FieldKind, Meta};
use crate::parse::frontmatter::text_list;
use crate::parse::meta::dates;
use crate::parse::yaml::{Key, Node, Value};

/// The code of the warning for a required field a case leaves out, which `--publish`
/// refuses.
pub const REQUIRED_FIELD: &str = "REQUIRED_FIELD";

/// Reads `value` into `case` as `declared` says.
pub(super) fn read(
    case: &mut Case,
    value: &Node,
    declared: &FieldDecl,
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    if value.value == Value::Null {
        return;
    }
    let name = &declared.id;
    case.field_locs.push((name.clone(), value.loc));
    let field = match &declared.kind {
        FieldKind::List(choices) => {
            let mut ids = Vec::new();
            for (written, item) in text_list(&comma_list(value), file, name, diagnostics) {
                if choices.is_empty() {
                    ids.push(Field::Text(written.trim().to_string()));
                } else if let Some(id) =
                    choice(&written, &item, choices, declared, diagnostics, file)
                {
                    ids.push(Field::Text(id));
                }
            }
            case.lists.push((name.clone(), ids));
            return;
        }
        _ if matches!(value.value, Value::Seq(_) | Value::Map(_)) => {
            diagnostics.push(
                value
                    .error(
                        file,
                        format!("`{name}` takes one value, not {}", value.kind()),
                    )
                    .hint(format!(
                        "`{name}` is declared as a {} field{}",
                        declared.kind.name(),
                        declared_in(declared)
                    )),
            );
            return;
        }
        FieldKind::Choice(choices) => {
            let written = value.scalar_text().unwrap_or_default();
            match choice(&written, value, choices, declared, diagnostics, file) {
                Some(id) => Field::Text(id),
                None => return,
            }
        }
        FieldKind::Number => match &value.value {
            Value::Int(i) => Field::Number(*i as f64),
            Value::Float(f) => Field::Number(*f),
            _ => {
                let written = value.scalar_text().unwrap_or_default();
                match written.trim().parse::<f64>().ok().filter(|n| n.is_finite()) {
                    Some(n) => Field::Number(n),
                    None => {
                        diagnostics.push(not_a_number(&written, value, declared, file));
                        return;
                    }
                }
            }
        },
        FieldKind::Date => {
            let written = value.scalar_text().unwrap_or_default();
            if !is_date(written.trim()) {
                let hint = match dates::rewrite(&written) {
                    Some(date) => format!(
                        "did you mean `{name}: {date}`? Dates are written year-month-day, or year-month for a month"
                    ),
                    None => format!(
                        "write a day as `{name}: 2025-02-14`, or a month as `{name}: 2025-02`"
                    ),
                };
                diagnostics.push(
                    value
                        .error(file, format!("`{written}` is not a date for `{name}`"))
                        .hint(hint),
                );
                return;
            }
            Field::Text(written.trim().to_string())
        }
        FieldKind::Text => match &value.value {
            Value::Str(s) => Field::Text(s.clone()),
            Value::Int(i) => Field::Number(*i as f64),
            Value::Float(f) => Field::Number(*f),
            Value::Bool(b) => Field::Bool(*b),
            Value::Null | Value::Seq(_) | Value::Map(_) => return,
        },
    };
    case.fields.push((name.clone(), field));
}

/// The choice `written` names, by its id or its label in any language, ignoring case,
/// spaces and the difference between `-`, `_` and a space.
fn choice(
    written: &str,
    node: &Node,
    choices: &[Choice],
    declared: &FieldDecl,
    diagnostics: &mut Diagnostics,
    file: &str,
) -> Option<String> {
    if let Some(found) = choices.iter().find(|c| c.id == written) {
        return Some(found.id.clone());
    }
    let wanted = loose(written);
    let found = choices.iter().find(|c| {
        loose(&c.id) == wanted
            || loose(&c.label) == wanted
            || c.label_in.iter().any(|(_, l)| loose(l) == wanted)
    });
    if let Some(found) = found {
        return Some(found.id.clone());
    }
    let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    let near = did_you_mean(&wanted, ids.iter().copied())
        .or_else(|| {
            // The label is what readers see, so it may be what was typed, misspelt.
            let labels: Vec<String> = choices.iter().map(|c| loose(&c.label)).collect();
            did_you_mean(&wanted, labels.iter().map(String::as_str))
                .and_then(|l| labels.iter().position(|x| x == l))
                .map(|i| ids[i])
        })
        .or_else(|| most_words_shared(&wanted, choices));
    let hint = match near {
        Some(id) => format!("did you mean `{id}`? The choices are {}", one_of(&ids)),
        None => format!("the choices are {}", one_of(&ids)),
    };
    diagnostics.push(
        node.error(
            file,
            format!("`{written}` is not a choice for `{}`", declared.id),
        )
        .hint(format!(
            "{hint} (declared under `fields:` in {})",
            file_name(&declared.file)
        )),
    );
    None
}

/// The choice whose id and label share the most words with `wanted`, when one shares
/// more than any other: `Section 23 Misuse of Drugs Act` is likely `misuse-of-drugs-s23`,
/// and `white-britsh` likely `white`.
fn most_words_shared<'c>(wanted: &str, choices: &'c [Choice]) -> Option<&'c str> {
    let words: Vec<&str> = wanted.split('-').filter(|w| w.len() > 1).collect();
    let shared = |choice: &Choice| {
        let own = format!("{}-{}", loose(&choice.id), loose(&choice.label));
        let own: Vec<&str> = own.split('-').collect();
        words.iter().filter(|w| own.contains(w)).count()
    };
    let mut scored: Vec<(usize, &str)> =
        choices.iter().map(|c| (shared(c), c.id.as_str())).collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    match scored.as_slice() {
        [(best, id), rest @ ..] if *best > 0 && rest.first().is_none_or(|r| r.0 < *best) => {
            Some(id)
        }
        _ => None,
    }
}

/// Text as a choice is compared: lower case, words joined by `-`.
pub fn loose(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn not_a_number(written: &str, node: &Node, declared: &FieldDecl, file: &str) -> Diagnostic {
    let name = &declared.id;
    let digits: Vec<&str> = written
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|n| !n.is_empty() && n.parse::<f64>().is_ok())
        .collect();
    let hint = match digits.as_slice() {
        [n] => format!("did you mean `{name}: {n}`? Write the number alone"),
        _ => format!("write the number alone, such as `{name}: 12`"),
    };
    node.error(
        file,
        format!("`{written}` is not a number, and `{name}` is a number field"),
    )
    .hint(format!("{hint}{}", declared_in(declared)))
}

/// ` (declared in report.yaml)`, for a hint.
fn declared_in(declared: &FieldDecl) -> String {
    format!(
        " (declared under `fields:` in {})",
        file_name(&declared.file)
    )
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `YYYY-MM-DD` or `YYYY-MM`, a day or a month that exists.
fn is_date(text: &str) -> bool {
    crate::parse::meta::is_calendar_date(text) || crate::parse::meta::is_calendar_month(text)
}

/// A field of the case that the panel has not declared, once it declares its fields: a
/// slip for a declared one, or one it forgot to declare.
pub(super) fn undeclared(key: &Key, meta: &Meta, file: &str) -> Diagnostic {
    let ids: Vec<&str> = meta.fields.iter().map(|f| f.id.as_str()).collect();
    let from = meta
        .fields
        .first()
        .map_or("report.yaml", |f| file_name(&f.file));
    let hint = match did_you_mean(&key.name, ids.iter().copied()) {
        Some(known) => format!(
            "did you mean `{known}`? If `{}` is a field of the panel's own, declare it under `fields:` in {from}",
            key.name
        ),
        None => format!(
            "declare it under `fields:` in {from} so that its values are checked, or remove it"
        ),
    };
    Diagnostic::warning(
        file,
        key.loc,
        format!("`{}` is not one of the panel's declared fields", key.name),
    )
    .width(key.name.chars().count())
    .hint(hint)
}

/// A warning for each required field the case leaves out or leaves blank, of those its
/// type carries.
pub(super) fn required(case: &Case, meta: &Meta, file: &str, diagnostics: &mut Diagnostics) {
    let line = case
        .key_lines
        .iter()
        .find(|(k, _)| k == "case")
        .map_or(2, |(_, line)| *line);
    for declared in meta
        .fields
        .iter()
        .filter(|f| f.required && meta.carries(case.kind(), &f.id))
    {
        // A value written but refused is already an error; saying the case has none would
        // be a second, wrong message about the same line.
        let refused = case.field_locs.iter().any(|(n, _)| *n == declared.id)
            && !case.fields.iter().any(|(n, _)| *n == declared.id)
            && !case.lists.iter().any(|(n, _)| *n == declared.id);
        let given = case.fields.iter().any(|(n, _)| *n == declared.id)
            || case
                .lists
                .iter()
                .any(|(n, values)| *n == declared.id && !values.is_empty())
            || refused;
        if given {
            continue;
        }
        let example = match declared.kind.choices().first() {
            Some(c) => c.id.clone(),
            None => "...".to_string(),
        };
        diagnostics.push(
            Diagnostic::warning(
                file,
                Loc::new(line, 1),
                format!("this case has no `{}`, which every case must give", declared.id),
            )
            .width("case".len())
            .hint(format!(
                "add `{}: {example}` to the front matter; the report cannot be published without it{}",
                declared.id,
                declared_in(declared)
            ))
            .code(REQUIRED_FIELD),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn loose_joins_words_with_hyphens() {
        assert_eq!(super::loose(" Taser  drawn"), "taser-drawn");
        assert_eq!(super::loose("spit_guard"), "spit-guard");
    }

    #[test]
    fn a_value_sharing_most_words_with_one_choice_suggests_it() {
        let choice = |id: &str, label: &str| crate::model::Choice {
            id: id.into(),
            label: label.into(),
            label_in: Vec::new(),
            colour: None,
            carry_over: false,
        };
        let choices = [
            choice("pace-s1", "PACE section 1"),
            choice("misuse-of-drugs-s23", "Misuse of Drugs Act section 23"),
            choice("white", "White"),
        ];
        let near = |text: &str| super::most_words_shared(&super::loose(text), &choices);
        assert_eq!(
            near("Section 23 Misuse of Drugs Act"),
            Some("misuse-of-drugs-s23")
        );
        assert_eq!(near("white-britsh"), Some("white"));
        assert_eq!(near("Taser"), None);
        // `section` alone is as much PACE's as the Act's, so nothing is guessed.
        assert_eq!(near("section"), None);
    }

    #[test]
    fn a_month_is_a_date() {
        assert!(super::is_date("2025-02"));
        assert!(super::is_date("2025-02-28"));
        assert!(!super::is_date("2025-13"));
        assert!(!super::is_date("Feb 2025"));
    }
}
