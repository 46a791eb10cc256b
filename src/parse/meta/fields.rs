//! `fields:`: the panel's own case fields, each with a label, a type and, for a choice,
//! the values it may take.

use super::scale::scale;
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{FieldDecl, FieldKind};
use crate::parse::frontmatter::{entries, unknown_key};
use crate::parse::labels::{by_language, localised};
use crate::parse::yaml::{Key, Node, Value};

const KEYS: [&str; 4] = ["label", "type", "choices", "required"];

/// The keys of a case's front matter that are not fields, which no declaration may take.
const RESERVED: [&str; 6] = [
    "case",
    "title",
    "checks",
    "judgement",
    "themes",
    "carried_from",
];

/// The declarations of one settings file, in order.
pub(super) fn fields(
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<FieldDecl> {
    let Value::Map(items) = &node.value else {
        diagnostics.push(
            node.error(file, "`fields` must be a mapping of field: declaration")
                .hint("for example:\nfields:\n  tactic: {label: Tactic, choices: {handcuffing: Handcuffing, taser-drawn: Taser drawn}}\n  form_hours: {label: Hours until the form was submitted, type: number}"),
        );
        return Vec::new();
    };
    let mut declared: Vec<FieldDecl> = Vec::new();
    for (key, value) in items {
        if RESERVED.contains(&key.name.as_str()) {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` is part of every case, not a field to declare", key.name))
                    .width(key.name.chars().count())
                    .hint("remove it from `fields:`; a case always has `case:`, `title:`, `checks:`, `judgement:` and `themes:`"),
            );
            continue;
        }
        if declared.iter().any(|d| d.id == key.name) {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` is declared twice", key.name))
                    .width(key.name.chars().count())
                    .hint("keep one declaration of each field"),
            );
            continue;
        }
        if let Some(field) = declaration(key, value, file, language, diagnostics) {
            declared.push(field);
        }
    }
    declared
}

fn declaration(
    key: &Key,
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Option<FieldDecl> {
    let mut field = FieldDecl {
        id: key.name.clone(),
        label: key.name.clone(),
        label_in: Vec::new(),
        kind: FieldKind::Text,
        required: false,
        file: file.to_string(),
        loc: key.loc,
    };
    // `setting: Setting` is a text field with its label, which may be given by language.
    if let Some(label) = node.scalar_text() {
        field.label = label;
        return Some(field);
    }
    if let Value::Map(items) = &node.value
        && by_language(items)
    {
        let (own, others) = localised(node, file, &key.name, language, diagnostics);
        field.label = own.unwrap_or(field.label);
        field.label_in = others;
        return Some(field);
    }
    let Value::Map(_) = &node.value else {
        diagnostics.push(
            node.error(
                file,
                format!(
                    "the declaration of `{}` must be its label, or a mapping",
                    key.name
                ),
            )
            .hint(format!(
                "for example `{}: {{label: Setting, type: text}}`",
                key.name
            )),
        );
        return None;
    };
    let what = format!("`{}`", key.name);
    let mut kind_name: Option<(String, &Node)> = None;
    let mut choices = None;
    for (k, value) in entries(node, file, &what, diagnostics) {
        match k.name.as_str() {
            "label" => {
                let (own, others) = localised(value, file, "label", language, diagnostics);
                if let Some(own) = own {
                    field.label = own;
                }
                field.label_in = others;
            }
            "type" => {
                kind_name = value
                    .scalar_text()
                    .map(|t| (t.trim().to_lowercase(), value))
            }
            "choices" => {
                choices = Some(scale(value, file, "choices", false, language, diagnostics))
            }
            "required" => match value.value {
                Value::Bool(b) => field.required = b,
                _ => diagnostics.push(
                    value
                        .error(file, "`required` must be `true` or `false`")
                        .hint("write `required: true` for a field every case must give"),
                ),
            },
            _ => diagnostics.push(unknown_key(file, k, &KEYS, &what, false)),
        }
    }
    field.kind = match (kind_name, choices) {
        (None, Some(choices)) => FieldKind::Choice(choices),
        (None, None) => FieldKind::Text,
        (Some((name, node)), choices) => match (name.as_str(), choices) {
            ("choice", Some(choices)) => FieldKind::Choice(choices),
            ("list", Some(choices)) => FieldKind::List(choices),
            // A list with no choices is a list of free text, as offences often are.
            ("list", None) => FieldKind::List(Vec::new()),
            ("choice", None) => {
                diagnostics.push(
                    node.error(file, format!("`{}` is a {name} field with no `choices:`", key.name))
                        .hint("list the values it may take under `choices:`, such as `choices: {handcuffing: Handcuffing, spit-guard: Spit guard}`"),
                );
                return None;
            }
            ("text" | "number" | "date", Some(_)) => {
                diagnostics.push(
                    node.error(file, format!("`{}` has `choices:`, so its type is `choice` or `list`, not `{name}`", key.name))
                        .hint("write `type: choice` for one of the choices, `type: list` for one or more, or remove `choices:`"),
                );
                return None;
            }
            ("text", None) => FieldKind::Text,
            ("number", None) => FieldKind::Number,
            ("date", None) => FieldKind::Date,
            (other, _) => {
                let hint = match did_you_mean(other, FieldKind::NAMES) {
                    Some(known) => format!(
                        "did you mean `{known}`? The types are {}",
                        one_of(&FieldKind::NAMES)
                    ),
                    None => format!("the types are {}", one_of(&FieldKind::NAMES)),
                };
                diagnostics.push(
                    node.error(file, format!("`{other}` is not a type of field"))
                        .hint(hint),
                );
                return None;
            }
        },
    };
    Some(field)
}

/// The declarations of a later settings file over an earlier one's: a field declared
/// again is replaced where it stood, and a new one follows.
pub(super) fn layer(mut earlier: Vec<FieldDecl>, later: Vec<FieldDecl>) -> Vec<FieldDecl> {
    for field in later {
        match earlier.iter_mut().find(|f| f.id == field.id) {
            Some(old) => *old = field,
            None => earlier.push(field),
        }
    }
    earlier
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml;

    fn run(text: &str) -> (Vec<FieldDecl>, Diagnostics) {
        let mut d = Diagnostics::default();
        let root = yaml::parse("report.yaml", text, 1).unwrap();
        let Value::Map(items) = &root.value else {
            panic!()
        };
        let fields = fields(&items[0].1, "report.yaml", "en", &mut d);
        (fields, d)
    }

    #[test]
    fn reads_each_type_with_labels_by_language() {
        let (fields, d) = run(
            "fields:\n  tactic:\n    label: {en: Tactic, cy: Tacteg}\n    choices:\n      handcuffing: {en: Handcuffing, cy: Gefynnau}\n      spit-guard: Spit guard\n    required: true\n  used: {label: Used, type: list, choices: {a: A}}\n  form_hours: {label: Hours, type: number}\n  setting: Setting\n  seen: {type: date}\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let kinds: Vec<&str> = fields.iter().map(|f| f.kind.name()).collect();
        assert_eq!(kinds, ["choice", "list", "number", "text", "date"]);
        let tactic = &fields[0];
        assert_eq!(tactic.label, "Tactic");
        assert_eq!(tactic.label_in, [("cy".to_string(), "Tacteg".to_string())]);
        assert!(tactic.required);
        assert_eq!(
            tactic.choice("handcuffing").unwrap().label_in[0].1,
            "Gefynnau"
        );
        assert_eq!(fields[3].label, "Setting");
        assert_eq!(fields[4].label, "seen");
    }

    #[test]
    fn a_type_off_the_list_and_a_choice_without_choices_are_errors() {
        let (fields, d) = run(
            "fields:\n  a: {type: nmber}\n  b: {type: choice}\n  c: {type: number, choices: {x: X}}\n  case: Case\n",
        );
        assert!(fields.is_empty());
        let brief = d.brief();
        assert_eq!(brief.len(), 4, "{brief:?}");
        assert!(
            brief.iter().any(|b| b.contains("did you mean `number`")),
            "{brief:?}"
        );
    }

    #[test]
    fn a_later_layer_replaces_a_field_in_place() {
        let (a, _) = run("fields:\n  x: X\n  y: Why\n");
        let (b, _) = run("fields:\n  x: {label: Ex, type: number}\n  z: Z\n");
        let merged = layer(a, b);
        let ids: Vec<(&str, &str)> = merged
            .iter()
            .map(|f| (f.id.as_str(), f.label.as_str()))
            .collect();
        assert_eq!(ids, [("x", "Ex"), ("y", "Why"), ("z", "Z")]);
    }
}
