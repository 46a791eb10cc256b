//! report.yaml's scales and lists: `checks:` and `judgements:` (with a judgement's colour
//! and labels by language) and `case_facts:`.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::model::{Choice, Fact};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::labels::{by_language, localised};
use crate::parse::yaml::{self, Node, Value};

use super::layer::Localised;

/// An ordered `id: label` mapping such as `checks:`. With `coloured`, an entry may also
/// be `id: {label: ..., colour: "#RRGGBB"}`, as a RAG-style judgement scale needs.
pub(super) fn scale(
    node: &Node,
    file: &str,
    what: &str,
    coloured: bool,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    let Value::Map(items) = &node.value else {
        diagnostics.push(
            node.error(
                file,
                format!("`{what}` must be a mapping of `id: label` lines"),
            )
            .hint(format!(
                "for example:\n{what}:\n  risk_assessment: Risk assessment completed"
            )),
        );
        return choices;
    };
    for (key, value) in items {
        let (label, colour, label_in, carry_over) = match &value.value {
            Value::Map(items) if by_language(items) => {
                let (own, others) = localised(value, file, &key.name, language, diagnostics);
                (own.unwrap_or_else(|| key.name.clone()), None, others, false)
            }
            Value::Map(_) if coloured => coloured_choice(key, value, file, language, diagnostics),
            Value::Map(_) | Value::Seq(_) => {
                diagnostics.push(
                    value
                        .error(file, format!("the label of `{}` must be text", key.name))
                        .hint(format!(
                            "write it on one line: `{}: Risk assessment completed`",
                            key.name
                        )),
                );
                (key.name.clone(), None, Vec::new(), false)
            }
            _ => (
                value.scalar_text().unwrap_or_else(|| key.name.clone()),
                None,
                Vec::new(),
                false,
            ),
        };
        if key.name.trim().is_empty() || key.name.contains(char::is_whitespace) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    key.loc,
                    format!("`{}` cannot be used as an id", key.name),
                )
                .hint("ids are single words such as `hcso_48h` or `risk-assessment`"),
            );
            continue;
        }
        if !is_plain_id(&key.name) {
            diagnostics.push(
                Diagnostic::warning(file, key.loc, format!("`{}` is an unusual id", key.name))
                    .width(key.name.chars().count())
                    .hint(format!(
                        "ids are typed in case files and appear in report.json and themes.csv, where capitals and punctuation are easily mistyped; use lower-case letters, digits, `_` and `-`, such as `{}`",
                        plain_id(&key.name)
                    )),
            );
        }
        choices.push(Choice {
            id: key.name.clone(),
            label,
            label_in,
            colour,
            carry_over,
        });
    }
    choices
}

/// `id: {label: ..., colour: "#RRGGBB", carry_over: true}`.
fn coloured_choice(
    key: &yaml::Key,
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> (String, Option<String>, Vec<(String, String)>, bool) {
    let mut label = None;
    let mut label_in = Vec::new();
    let mut colour = None;
    let mut carry_over = false;
    let what = format!("`{}`", key.name);
    for (k, value) in entries(node, file, &what, diagnostics) {
        match k.name.as_str() {
            "label" => (label, label_in) = localised(value, file, "label", language, diagnostics),
            "colour" | "color" => {
                let raw = text(value, file, "colour", diagnostics).unwrap_or_default();
                match hex_colour(&raw) {
                    Some(hex) => colour = Some(hex),
                    None => diagnostics.push(
                        value
                            .error(file, format!("`{raw}` is not a colour"))
                            .hint("write a colour as `\"#RRGGBB\"` in quotes, such as `colour: \"#D4351C\"` for red"),
                    ),
                }
            }
            "carry_over" => match &value.value {
                Value::Bool(yes) => carry_over = *yes,
                _ => diagnostics.push(
                    value
                        .error(file, "`carry_over` must be `true` or `false`")
                        .hint("write `carry_over: true` for the judgement a panel gives a case it could not decide and takes up again at its next meeting"),
                ),
            },
            _ => diagnostics.push(unknown_key(
                file,
                k,
                &["label", "colour", "carry_over"],
                &what,
                false,
            )),
        }
    }
    let label = label.unwrap_or_else(|| {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("judgement `{}` has no `label:`", key.name),
            )
            .width(key.name.chars().count())
            .hint("add `label: ...` under it: the words shown for this judgement"),
        );
        key.name.clone()
    });
    (label, colour, label_in, carry_over)
}

/// `#RRGGBB` (or `RRGGBB`, or `#RGB`) as upper-case `#RRGGBB`.
fn hex_colour(raw: &str) -> Option<String> {
    let hex = raw.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        6 => hex.to_string(),
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_uppercase()))
}

/// `case_facts:` as a list of field names, or a map from field name to label.
pub(super) fn case_facts(
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut push = |field: String, label: Localised, loc: Loc, diagnostics: &mut Diagnostics| {
        let (label, label_in) = label;
        if facts.iter().any(|f| f.field == field) {
            diagnostics.push(
                Diagnostic::warning(file, loc, format!("`{field}` is already in `case_facts`"))
                    .width(field.chars().count())
                    .hint("each field is shown once; remove this entry"),
            );
        } else {
            facts.push(Fact {
                field,
                label: label.filter(|l| !l.trim().is_empty()),
                label_in,
                loc,
            });
        }
    };
    match &node.value {
        Value::Seq(_) => {
            for (field, item) in text_list(node, file, "case_facts", diagnostics) {
                push(field.trim().to_string(), (None, Vec::new()), item.loc, diagnostics);
            }
        }
        Value::Map(items) => {
            for (key, value) in items {
                let label = match &value.value {
                    Value::Map(items) if by_language(items) => {
                        localised(value, file, &key.name, language, diagnostics)
                    }
                    _ => (value.scalar_text(), Vec::new()),
                };
                push(key.name.clone(), label, key.loc, diagnostics);
            }
        }
        _ => diagnostics.push(
            node.error(file, "`case_facts` must be a list of field names, or a mapping of field: label")
                .hint("for example `case_facts: {offence: Offence, disposal: Outcome}` or `case_facts: [offence, disposal]`"),
        ),
    }
    facts
}

/// Whether `id` has only lower-case letters, digits, `_` and `-`.
fn is_plain_id(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// `id` in the plain shape, keeping its own choice of `-` or `_` between words.
fn plain_id(id: &str) -> String {
    let join = if id.contains('-') && !id.contains('_') {
        '-'
    } else {
        '_'
    };
    crate::parse::id_from(id, join)
}
