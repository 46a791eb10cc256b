//! themes.yaml: the themes to tally and the rules that find them.

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::load::Source;
use crate::model::{Answer, FieldTest, Located, Meta, Rule, Theme};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::yaml::{self, Key, Node, Value};

const THEME_KEYS: [&str; 3] = ["label", "summary", "when"];
const RULE_KINDS: [&str; 3] = ["check", "field", "phrase"];

/// Whether `id` can be written as a `#tag`.
pub fn is_theme_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn parse(source: &Source, meta: Option<&Meta>, diagnostics: &mut Diagnostics) -> Vec<Theme> {
    let file = source.path.as_str();
    let root = match yaml::parse(file, &source.text, 1) {
        Ok(root) => root,
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            return Vec::new();
        }
    };
    let mut themes = Vec::new();
    for (key, value) in entries(&root, file, "themes.yaml", diagnostics) {
        if !is_theme_id(&key.name) {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` cannot be a theme id", key.name))
                    .width(key.name.chars().count())
                    .hint(format!(
                        "theme ids use only lower-case letters, digits and `-`, so they can be written as tags; try `{}`",
                        suggested_id(&key.name)
                    )),
            );
            continue;
        }
        if let Some(theme) = theme(key, value, file, meta, diagnostics) {
            themes.push(theme);
        }
    }
    themes
}

fn suggested_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

fn theme(
    key: &Key,
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Theme> {
    let mut label = None;
    let mut summary = None;
    let mut rules = Vec::new();
    for (field, value) in entries(node, file, &format!("theme `{}`", key.name), diagnostics) {
        match field.name.as_str() {
            "label" => label = text(value, file, "label", diagnostics),
            "summary" => summary = text(value, file, "summary", diagnostics),
            "when" => rules = when(value, file, meta, diagnostics),
            _ => diagnostics.push(unknown_key(
                file,
                field,
                &THEME_KEYS,
                &format!("theme `{}`", key.name),
                true,
            )),
        }
    }
    let Some(label) = label.filter(|l| !l.trim().is_empty()) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("theme `{}` has no `label:`", key.name),
            )
            .width(key.name.chars().count())
            .hint("add `label: ...` under the theme: the short name shown in the tally"),
        );
        return None;
    };
    Some(Theme {
        id: key.name.clone(),
        loc: key.loc,
        label,
        summary,
        rules,
    })
}

fn when(node: &Node, file: &str, meta: Option<&Meta>, diagnostics: &mut Diagnostics) -> Vec<Rule> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![node],
        Value::Null => Vec::new(),
        _ => {
            diagnostics.push(node.error(file, "`when:` must be a list of rules").hint(
                "write each rule on its own `- ` line, such as `- phrase: \"after the 48 hour\"`",
            ));
            return Vec::new();
        }
    };
    items
        .into_iter()
        .filter_map(|item| rule(item, file, meta, diagnostics))
        .collect()
}

fn rule(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Rule> {
    let fields = entries(node, file, "a rule", diagnostics);
    let kind = fields
        .iter()
        .find(|(k, _)| RULE_KINDS.contains(&k.name.as_str()));
    let Some((kind_key, kind_value)) = kind else {
        let first = fields.first().map(|(k, _)| k);
        let mut diagnostic = Diagnostic::error(
            file,
            first.map_or(node.loc, |k| k.loc),
            "this rule has no `check:`, `field:` or `phrase:`",
        );
        let hint = first
            .and_then(|k| did_you_mean(&k.name, RULE_KINDS))
            .map_or_else(
                || format!("a rule starts with one of {}", one_of(&RULE_KINDS)),
                |s| format!("did you mean `{s}`?"),
            );
        if let Some(k) = first {
            diagnostic = diagnostic.width(k.name.chars().count());
        }
        diagnostics.push(diagnostic.hint(hint));
        return None;
    };
    let allowed: &[&str] = match kind_key.name.as_str() {
        "check" => &["check", "is"],
        "field" => &["field", "is", "above", "below", "present"],
        _ => &["phrase", "unless"],
    };
    let mut ok = true;
    for (key, _) in fields {
        if !allowed.contains(&key.name.as_str()) {
            diagnostics.push(unknown_key(
                file,
                key,
                allowed,
                &format!("a `{}` rule", kind_key.name),
                true,
            ));
            ok = false;
        }
    }
    let get = |name: &str| fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);
    let name = text(kind_value, file, &kind_key.name, diagnostics)?;
    let rule = match kind_key.name.as_str() {
        "check" => check_rule(
            name,
            kind_value,
            get("is"),
            kind_key,
            file,
            meta,
            diagnostics,
        )?,
        "field" => field_rule(name, kind_key, &get, file, diagnostics)?,
        _ => Rule::Phrase {
            phrase: name,
            unless: get("unless")
                .map(|u| {
                    text_list(u, file, "unless", diagnostics)
                        .into_iter()
                        .map(|(t, _)| t)
                        .collect()
                })
                .unwrap_or_default(),
        },
    };
    ok.then_some(rule)
}

fn check_rule(
    id: String,
    id_node: &Node,
    is: Option<&Node>,
    key: &Key,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Rule> {
    let mut ok = true;
    if let Some(meta) = meta
        && !meta.checks.iter().any(|c| c.id == id)
    {
        let ids: Vec<&str> = meta.checks.iter().map(|c| c.id.as_str()).collect();
        let hint = match did_you_mean(&id, ids.iter().copied()) {
            Some(s) => {
                format!("did you mean `{s}`? Checks are defined under `checks:` in report.yaml")
            }
            None => format!("the checks in report.yaml are {}", one_of(&ids)),
        };
        diagnostics.push(
            id_node
                .error(file, format!("unknown check `{id}`"))
                .hint(hint),
        );
        ok = false;
    }
    let Some(is) = is else {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("the `check: {id}` rule has no `is:`"),
            )
            .hint("add the answers that give the theme, such as `is: [no, partial]`"),
        );
        return None;
    };
    let mut answers = Vec::new();
    for (raw, node) in answer_list(is, file, diagnostics) {
        match Answer::from_id(&raw) {
            Some(a) => answers.push(a),
            None => {
                let ids = Answer::ALL.map(Answer::id);
                let hint = match did_you_mean(&raw, ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the answers are {}", one_of(&ids)),
                };
                diagnostics.push(
                    node.error(file, format!("`{raw}` is not an answer on the scale"))
                        .hint(hint),
                );
                ok = false;
            }
        }
    }
    ok.then_some(Rule::Check {
        check: Located {
            value: id,
            loc: id_node.loc,
        },
        is: answers,
    })
}

fn answer_list(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<(String, Node)> {
    let as_text = |n: &Node| match n.value {
        Value::Bool(true) => Some("yes".to_string()),
        Value::Bool(false) => Some("no".to_string()),
        _ => n.scalar_text(),
    };
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|i| as_text(i).map(|t| (t, i.clone())))
            .collect(),
        _ => match as_text(node) {
            Some(t) => vec![(t, node.clone())],
            None => text_list(node, file, "is", diagnostics),
        },
    }
}

fn field_rule<'a>(
    name: String,
    key: &Key,
    get: &dyn Fn(&str) -> Option<&'a Node>,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Rule> {
    let number = |n: &Node, diagnostics: &mut Diagnostics| match n.value {
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        _ => {
            diagnostics.push(
                n.error(file, "this must be a number")
                    .hint("write a number such as `above: 48`"),
            );
            None
        }
    };
    let test = if let Some(is) = get("is") {
        FieldTest::Is(answer_like(is, file, diagnostics))
    } else if let Some(above) = get("above") {
        FieldTest::Above(number(above, diagnostics)?)
    } else if let Some(below) = get("below") {
        FieldTest::Below(number(below, diagnostics)?)
    } else if let Some(present) = get("present") {
        match present.value {
            Value::Bool(b) => FieldTest::Present(b),
            _ => {
                diagnostics.push(
                    present
                        .error(file, "`present:` must be true or false")
                        .hint("write `present: true`"),
                );
                return None;
            }
        }
    } else {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("the `field: {name}` rule has no test"),
            )
            .hint("add one of `is: [values]`, `above: N`, `below: N` or `present: true`"),
        );
        return None;
    };
    Some(Rule::Field { name, test })
}

fn answer_like(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<String> {
    answer_list(node, file, diagnostics)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn run(text: &str) -> (Vec<Theme>, Diagnostics) {
        let meta = Meta {
            checks: vec![Choice {
                id: "hcso_48h".into(),
                label: "HCSO".into(),
            }],
            ..Meta::default()
        };
        let mut d = Diagnostics::default();
        let source = Source {
            path: "themes.yaml".into(),
            text: text.into(),
        };
        (parse(&source, Some(&meta), &mut d), d)
    }

    #[test]
    fn reads_every_rule_kind() {
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - check: hcso_48h\n      is: [no, partial]\n    - field: hours\n      above: 48\n    - phrase: after the 48 hour\n      unless: [within 48 hours]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(themes[0].rules.len(), 3);
        assert_eq!(
            themes[0].rules[0],
            Rule::Check {
                check: Located {
                    value: "hcso_48h".into(),
                    loc: crate::diagnostic::Loc::new(4, 14)
                },
                is: vec![Answer::No, Answer::Partial]
            }
        );
    }

    #[test]
    fn unknown_check_and_rule_kind_are_errors_with_suggestions() {
        let (_, d) = run(
            "late:\n  label: Late\n  when:\n    - check: hcso48h\n      is: no\n    - phrse: x\n",
        );
        let all = d.sorted();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all[0].hint.as_deref().unwrap().contains("hcso_48h"));
        assert!(all[1].hint.as_deref().unwrap().contains("`phrase`"));
    }

    #[test]
    fn ids_must_be_taggable() {
        let (themes, d) = run("Late Contact:\n  label: Late\n");
        assert!(themes.is_empty());
        assert!(
            d.sorted()[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("late-contact")
        );
    }
}
