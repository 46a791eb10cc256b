//! report.yaml's `language:`, `languages:` and `labels:`: which catalogues of words the
//! report is written in, and the panel's own changes to them.
//!
//! A change is checked against the catalogue: an unknown key is warned about with the key
//! it was probably meant to be, and a change that drops a place such as `{number}` is
//! warned about, since the number would silently vanish from every heading.

use crate::catalogue::{self, KEYS, Labels, places};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::parse::frontmatter::{entries, text, text_list};
use crate::parse::yaml::{Key, Node, Value};

/// The codes of the languages with a built-in catalogue.
pub fn codes() -> Vec<&'static str> {
    catalogue::LANGUAGES.iter().map(|(code, _)| *code).collect()
}

/// `language: cy`, checked against the built-in catalogues.
pub fn language(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let raw = text(node, file, "language", diagnostics)?;
    let code = raw.trim().to_lowercase();
    if codes().contains(&code.as_str()) {
        return Some(code);
    }
    let hint = match code.as_str() {
        "welsh" | "cymraeg" | "cy-gb" => "Welsh is `cy`".to_string(),
        "english" | "saesneg" | "en-gb" => "English is `en`".to_string(),
        _ => format!("the languages are {}", one_of(&codes())),
    };
    diagnostics.push(
        Diagnostic::warning(
            file,
            node.loc,
            format!("no built-in words for the language `{raw}`; using English"),
        )
        .width(node.width)
        .hint(hint),
    );
    None
}

/// `languages: [cy, en]`: the versions one build writes, in that order.
pub fn languages(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, item) in text_list(node, file, "languages", diagnostics) {
        if let Some(code) = language(&item, file, diagnostics) {
            if out.contains(&code) {
                diagnostics.push(
                    item.error(file, format!("`{code}` is listed twice"))
                        .hint("list each language once"),
                );
            } else {
                out.push(code);
            }
        }
    }
    out
}

/// The catalogue of each of `languages`, with `labels:` applied. A change written as one
/// string is in the report's own `language`; a map by language (`{en: ..., cy: ...}`)
/// changes each language it names.
pub fn catalogues(
    language: &str,
    languages: &[String],
    layers: &[(&Node, &str)],
    diagnostics: &mut Diagnostics,
) -> Vec<(String, Labels)> {
    let mut out: Vec<(String, Labels)> = languages
        .iter()
        .map(|code| {
            let labels = Labels::built_in(code).unwrap_or_else(Labels::english);
            (code.clone(), labels)
        })
        .collect();
    for &(node, file) in layers {
        apply_layer(&mut out, language, languages, node, file, diagnostics);
    }
    out
}

/// One file's `labels:` over the catalogues.
fn apply_layer(
    out: &mut [(String, Labels)],
    language: &str,
    languages: &[String],
    node: &Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    for (key, value) in entries(node, file, "`labels`", diagnostics) {
        if !KEYS.contains(&key.name.as_str()) {
            diagnostics.push(unknown_label(file, key));
            continue;
        }
        let by_language: Vec<(String, &Node)> = match &value.value {
            Value::Map(items) => items
                .iter()
                .map(|(k, v)| (k.name.trim().to_lowercase(), v))
                .collect(),
            _ => vec![(language.to_string(), value)],
        };
        for (code, value) in by_language {
            let Some((_, labels)) = out.iter_mut().find(|(c, _)| *c == code) else {
                diagnostics.push(
                    value
                        .error(file, format!("this report is not written in `{code}`"))
                        .hint(format!(
                            "its languages are {}; add `{code}` to `languages:` or remove this entry",
                            one_of(languages)
                        )),
                );
                continue;
            };
            apply(labels, key, value, file, diagnostics);
        }
    }
}

fn apply(labels: &mut Labels, key: &Key, value: &Node, file: &str, diagnostics: &mut Diagnostics) {
    if key.name == "months" {
        let months: Vec<String> = text_list(value, file, "months", diagnostics)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        if !labels.set_months(months) {
            diagnostics.push(
                value
                    .error(file, "`months` must list the twelve months, January first")
                    .hint("write `months: [January, February, ..., December]`"),
            );
        }
        return;
    }
    let Some(new) = text(value, file, &key.name, diagnostics) else {
        return;
    };
    let before = serde_json::to_value(&*labels)
        .ok()
        .and_then(|v| v.get(&key.name).and_then(|s| s.as_str()).map(String::from))
        .unwrap_or_default();
    let lost: Vec<&str> = places(&before)
        .into_iter()
        .filter(|p| !places(&new).contains(p))
        .collect();
    if !lost.is_empty() {
        let lost: Vec<String> = lost.iter().map(|p| format!("{{{p}}}")).collect();
        diagnostics.push(
            Diagnostic::warning(
                file,
                value.loc,
                format!("this wording has no {}", lost.join(" or ")),
            )
            .width(value.width)
            .hint(format!(
                "build-report puts the number or date there; the built-in wording is `{before}`"
            )),
        );
    }
    labels.set(&key.name, &new);
}

fn unknown_label(file: &str, key: &Key) -> Diagnostic {
    let hint = match did_you_mean(&key.name, KEYS.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "`build-report labels` lists the keys, such as `contents` or `col_force_response`"
            .to_string(),
    };
    Diagnostic::warning(
        file,
        key.loc,
        format!("`{}` is not a label build-report prints", key.name),
    )
    .width(key.name.chars().count())
    .hint(hint)
}

/// Whether a mapping's keys are all language codes: a text given in several languages.
pub fn by_language(items: &[(Key, Node)]) -> bool {
    let codes = codes();
    !items.is_empty() && items.iter().all(|(k, _)| codes.contains(&k.name.trim()))
}

/// A text of report.yaml or themes.yaml that may be one string, in the report's own
/// `language`, or a map by language (`label: {en: Late contact, cy: Cyswllt hwyr}`).
/// Returns the text in `language` and the others, by language.
pub fn localised(
    node: &Node,
    file: &str,
    key: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> (Option<String>, Vec<(String, String)>) {
    let Value::Map(items) = &node.value else {
        return (text(node, file, key, diagnostics), Vec::new());
    };
    if !by_language(items) {
        return (text(node, file, key, diagnostics), Vec::new());
    }
    let mut own = None;
    let mut others = Vec::new();
    for (code, value) in items {
        let Some(words) = text(value, file, key, diagnostics) else {
            continue;
        };
        let code = code.name.trim();
        if code == language {
            own = Some(words);
        } else {
            others.push((code.to_string(), words));
        }
    }
    if own.is_none() {
        diagnostics.push(
            node.error(file, format!("`{key}` has no `{language}` text, the report's own language"))
                .hint(format!("add `{language}: ...` to it: the plain files are in `{language}`, and every version falls back to it")),
        );
    }
    (own, others)
}
