//! One rule of a theme's `when:` list: which kind it is, and the test it makes.
//!
//! Every key of a rule is checked, because a misspelt or extra key would otherwise change
//! what the rule matches without a word.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId, did_you_mean, one_of};
use crate::model::{Answer, FieldTest, Located, Meta, Negated, Rule};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::yaml::{Key, Node, Value};

const RULE_KINDS: [&str; 3] = ["check", "field", "phrase"];

pub(super) fn rule(
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
        if fields.is_empty() && matches!(node.value, Value::Null | Value::Map(_)) {
            diagnostics.push(
                Diagnostic::error(file, node.loc, "this rule is empty").hint(format!(
                    "remove the empty `-` line, or start the rule with one of {}, such as `- phrase: \"after the 48 hour\"`",
                    one_of(&RULE_KINDS)
                )),
            );
            return None;
        }
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
        _ => &["phrase", "unless", "negated"],
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
        "field" => field_rule(name, kind_key, fields, &get, file, diagnostics)?,
        _ => {
            phrase_marks(&name, kind_value, "phrase", file, diagnostics);
            let unless = get("unless")
                .map(|u| text_list(u, file, "unless", diagnostics))
                .unwrap_or_default();
            for (text, node) in &unless {
                phrase_marks(text, node, "unless", file, diagnostics);
            }
            let negated = match get("negated") {
                Some(node) => Some(negated(node, file, diagnostics)?),
                None => None,
            };
            Rule::Phrase {
                phrase: name,
                unless: unless.into_iter().map(|(t, _)| t).collect(),
                negated,
            }
        }
    };
    ok.then_some(rule)
}

/// `negated: skip` or `negated: count`. Any other value is an error rather than the
/// default, since the default counts what the user may have meant to skip.
fn negated(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<Negated> {
    let raw = text(node, file, "negated", diagnostics)?;
    let wanted = raw.trim().to_lowercase();
    if let Some(negated) = Negated::ALL.into_iter().find(|n| n.id() == wanted) {
        return Some(negated);
    }
    let ids = Negated::ALL.map(Negated::id);
    let why = "`skip` leaves a match inside a word or after a negation uncounted; `count` counts it without a warning";
    let hint = match did_you_mean(&wanted, ids.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? {why}"),
        None => format!("write {}: {why}", one_of(&ids)),
    };
    diagnostics.push(
        node.error(file, format!("`{raw}` is not a choice for `negated:`"))
            .hint(hint),
    );
    None
}

/// Quotation marks a phrase is typed between, straight or curly.
const QUOTES: [char; 7] = ['"', '\'', '“', '”', '‘', '’', '`'];

/// `text` without the quotation marks it was typed between: a mark at both ends, or a
/// double one at either end with no partner inside. A closing mark that pairs with one
/// inside (`victim’s “pack”`) and an apostrophe at the end (`victims’`) are text.
fn unquoted(text: &str) -> &str {
    let double = |c: char| matches!(c, '"' | '“' | '”');
    let first = text.chars().next().filter(|c| QUOTES.contains(c));
    let last = text.chars().next_back().filter(|c| QUOTES.contains(c));
    let odd = text.chars().filter(|&c| double(c)).count() % 2 == 1;
    let mut out = text;
    if first.is_some() && last.is_some() && text.chars().count() > 1 {
        out = &out[first.map_or(0, char::len_utf8)..out.len() - last.map_or(0, char::len_utf8)];
    } else if odd {
        if let Some(c) = first.filter(|&c| double(c)) {
            out = &out[c.len_utf8()..];
        } else if let Some(c) = last.filter(|&c| double(c)) {
            out = &out[..out.len() - c.len_utf8()];
        }
    }
    out
}

/// Warns about a phrase whose own text starts or ends with a quotation mark, a space or
/// a `#`. Each is looked for as part of the phrase, so the phrase would match less than
/// meant, or (a `#`, since tags are taken out of a point's text) nothing at all.
fn phrase_marks(phrase: &str, node: &Node, key: &str, file: &str, diagnostics: &mut Diagnostics) {
    let meant = unquoted(phrase.trim()).trim();
    // `#1 priority` is text (a tag needs a letter); `#late` is a tag, gone from the text.
    let meant = match meant.strip_prefix('#') {
        Some(rest)
            if rest
                .split_whitespace()
                .next()
                .is_some_and(|w| w.bytes().any(|b| b.is_ascii_alphabetic())) =>
        {
            rest.trim()
        }
        _ => meant,
    };
    if meant == phrase || meant.is_empty() {
        return;
    }
    let first = phrase.chars().next();
    let last = phrase.chars().next_back();
    let at_ends = |test: &dyn Fn(char) -> bool| first.is_some_and(test) || last.is_some_and(test);
    let (what, why) = if at_ends(&char::is_whitespace) {
        (
            "a space at its start or end, which matching ignores",
            "a space does not make the phrase a whole word: \"late\" is found in \"lately\" with or without it",
        )
    } else if unquoted(phrase) != phrase {
        (
            "a quotation mark, which is part of the phrase",
            "only the quotation marks around a YAML value are taken away; marks inside it must be in a point's text too, so the phrase matches less than meant",
        )
    } else {
        (
            "a `#`, which is part of the phrase",
            "tags are taken out of a point's text before phrases are looked for, so a phrase with `#` matches nothing; a tagged point already counts for its theme",
        )
    };
    let quoted = |text: &str| format!("\"{}\"", text.replace('"', "\\\""));
    diagnostics.push(
        Diagnostic::warning(
            file,
            node.loc,
            format!("the {key} {} has {what}", quoted(phrase)),
        )
        .width(node.width)
        .hint(format!("did you mean `{key}: {}`? {why}", quoted(meant))),
    );
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
                format!(
                    "did you mean `{s}`? Checks are defined under `checks:` in {}",
                    meta.files_giving("checks")
                )
            }
            None => format!(
                "the checks in {} are {}",
                meta.files_giving("checks"),
                one_of(&ids)
            ),
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
                diagnostics.push(
                    node.error(file, format!("`{raw}` is not an answer on the scale"))
                        .hint(crate::parse::case::answer_hint(&raw)),
                );
                ok = false;
            }
        }
    }
    ok.then_some(Rule::Check {
        check: Located {
            value: id,
            loc: id_node.loc,
            source: SourceId::new(file),
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

/// The tests a `field:` rule can make; it makes exactly one.
const FIELD_TESTS: [&str; 4] = ["is", "above", "below", "present"];

fn field_rule<'a>(
    name: String,
    key: &Key,
    fields: &[(Key, Node)],
    get: &dyn Fn(&str) -> Option<&'a Node>,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Rule> {
    let tests: Vec<&Key> = fields
        .iter()
        .map(|(k, _)| k)
        .filter(|k| FIELD_TESTS.contains(&k.name.as_str()))
        .collect();
    if let [first, extra @ ..] = tests.as_slice()
        && !extra.is_empty()
    {
        // Only one test would be used, so which one held would depend on an order the
        // user cannot see; `above` and `below` together look like a range and are not.
        for key in extra {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    key.loc,
                    format!(
                        "the `field: {name}` rule already tests `{}`, so `{}` cannot be used too",
                        first.name, key.name
                    ),
                )
                .width(key.name.chars().count())
                .hint(format!(
                    "a rule makes one test; move `{}:` into a rule of its own (a theme holds when any of its rules does)",
                    key.name
                )),
            );
        }
        return None;
    }
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
