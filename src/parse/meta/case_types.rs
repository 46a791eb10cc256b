//! `case_types:`: the kinds of case one sitting reviews, such as stop and search beside use
//! of force, each numbered on its own, asked its own checks and perhaps judged on its own
//! scale. The checks are named here
//! and matched against `checks:` only once every layer is merged ([`checked`]), since a
//! panel may declare the checks and a meeting the types, or the other way round.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId, did_you_mean, one_of};
use crate::model::{CaseType, Choice, FieldDecl, Located};
use crate::parse::frontmatter::{entries, text_list, unknown_key};
use crate::parse::labels::localised;
use crate::parse::yaml::{Node, Value};

const KEYS: [&str; 6] = ["label", "prefix", "noun", "checks", "fields", "judgements"];

/// `case_types: {stop-search: {label: ..., prefix: ..., noun: ..., checks: [...]}}`.
pub(super) fn case_types(
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<CaseType> {
    let source = SourceId::new(file);
    let mut types: Vec<CaseType> = Vec::new();
    if !matches!(node.value, Value::Map(_)) {
        diagnostics.push(
            node.error(file, "`case_types` must be a mapping of `id: {label, prefix, checks}` entries")
                .hint("for example:\ncase_types:\n  stop-search: {label: Stop and search, prefix: \"S&S Case\", checks: [grounds]}"),
        );
        return types;
    }
    for (key, value) in entries(node, file, "`case_types`", diagnostics) {
        let id = key.name.trim();
        if id.is_empty()
            || id.contains(char::is_whitespace)
            || id.ends_with(|c: char| c.is_ascii_digit())
        {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` cannot be used as a case type's id", key.name))
                    .width(key.name.chars().count())
                    .hint("a case type's id is a single word not ending in a digit, such as `stop-search`: its cases are named `stop-search-1`"),
            );
            continue;
        }
        if types.iter().any(|t| t.id.value == id) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    key.loc,
                    format!("the case type `{id}` is given twice"),
                )
                .width(id.chars().count())
                .hint("give each type once; remove or rename one of the two"),
            );
            continue;
        }
        let mut kind = CaseType {
            id: Located {
                value: id.to_string(),
                loc: key.loc,
                source: source.clone(),
            },
            label: id.to_string(),
            label_in: Vec::new(),
            prefix: String::new(),
            prefix_in: Vec::new(),
            noun: None,
            noun_in: Vec::new(),
            checks: Vec::new(),
            fields: None,
            judgements: None,
        };
        let what = format!("the case type `{id}`");
        for (k, v) in entries(value, file, &what, diagnostics) {
            match k.name.as_str() {
                "label" => {
                    let (own, others) = localised(v, file, "label", language, diagnostics);
                    kind.label = own.unwrap_or_else(|| id.to_string());
                    kind.label_in = others;
                }
                "prefix" => {
                    let (own, others) = localised(v, file, "prefix", language, diagnostics);
                    kind.prefix = own.unwrap_or_default();
                    kind.prefix_in = others;
                }
                "noun" => {
                    (kind.noun, kind.noun_in) = localised(v, file, "noun", language, diagnostics)
                }
                "checks" => kind.checks = ids(v, file, "checks", &source, diagnostics),
                "fields" => kind.fields = Some(ids(v, file, "fields", &source, diagnostics)),
                "judgements" => {
                    kind.judgements = Some(super::scale::scale(
                        v,
                        file,
                        "judgements",
                        true,
                        language,
                        diagnostics,
                    ));
                }
                _ => diagnostics.push(unknown_key(file, k, &KEYS, &what, true)),
            }
        }
        if kind.prefix.trim().is_empty() {
            kind.prefix.clone_from(&kind.label);
        }
        types.push(kind);
    }
    types
}

/// A type's list of ids, each where it was written.
fn ids(
    node: &Node,
    file: &str,
    what: &str,
    source: &SourceId,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<String>> {
    text_list(node, file, what, diagnostics)
        .into_iter()
        .map(|(id, node)| Located {
            value: id,
            loc: node.loc,
            source: source.clone(),
        })
        .collect()
}

/// Reports each type's check or field that `checks:` or `fields:` does not declare, with
/// the one most likely meant; it is left out of the type, so its cases are asked only
/// declared checks and carry only declared fields.
pub(super) fn checked(
    mut types: Vec<CaseType>,
    checks: &[Choice],
    fields: &[FieldDecl],
    diagnostics: &mut Diagnostics,
) -> Vec<CaseType> {
    let check_ids: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
    let field_ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    for kind in &mut types {
        let id = kind.id.value.clone();
        kind.checks
            .retain(|check| declared(&id, check, "check", "checks", &check_ids, diagnostics));
        if let Some(own) = &mut kind.fields {
            own.retain(|field| declared(&id, field, "field", "fields", &field_ids, diagnostics));
        }
    }
    types
}

/// Whether the type `kind`'s `id` is one of `ids`, the declared `what`s; if not, an
/// error with the one most likely meant.
fn declared(
    kind: &str,
    id: &Located<String>,
    what: &str,
    key: &str,
    ids: &[&str],
    diagnostics: &mut Diagnostics,
) -> bool {
    if ids.contains(&id.value.as_str()) {
        return true;
    }
    let hint = match did_you_mean(&id.value, ids.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? A type's {key} are ids from `{key}:`"),
        None if ids.is_empty() => format!("declare the {what} under `{key}:` first"),
        None => format!("a type's {key} are ids from `{key}:`: {}", one_of(ids)),
    };
    diagnostics.push(
        Diagnostic::error(
            id.source.path(),
            id.loc,
            format!(
                "the case type `{kind}` names the unknown {what} `{}`",
                id.value
            ),
        )
        .width(id.value.chars().count())
        .hint(hint),
    );
    false
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostics;
    use crate::load::Source;
    use crate::model::Meta;

    fn run(text: &str) -> (Meta, Diagnostics) {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "report.yaml".into(),
            text: format!(
                "title: T\nmeeting_date: 2025-02-03\nchecks:\n  grounds: Grounds\n  gowisely: GOWISELY\n  force_justified: Justified\n{text}"
            ),
        };
        (super::super::parse(&source, &mut d).unwrap(), d)
    }

    #[test]
    fn types_read_their_words_by_language_and_their_checks_in_order() {
        let (meta, d) = run(
            "language: en\ncase_types:\n  stop-search: {label: Stop and search, prefix: \"S&S Case\", noun: {en: searches, cy: chwiliadau}, checks: [gowisely, grounds]}\n  use-of-force: {label: Use of force, checks: [force_justified]}\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let search = &meta.case_types[0];
        assert_eq!(search.id.value, "stop-search");
        assert_eq!(search.prefix, "S&S Case");
        assert_eq!(search.noun.as_deref(), Some("searches"));
        assert_eq!(
            search.noun_in,
            [("cy".to_string(), "chwiliadau".to_string())]
        );
        let checks: Vec<&str> = search.checks.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(checks, ["gowisely", "grounds"]);
        assert_eq!(meta.case_types[1].prefix, "Use of force");
        assert!(meta.case_types_own);
        assert!(meta.asks(Some("use-of-force"), "force_justified"));
        assert!(!meta.asks(Some("use-of-force"), "grounds"));
        assert!(meta.asks(None, "grounds"));
    }

    #[test]
    fn a_type_s_own_judgements_take_colours_and_labels_by_language_and_others_keep_the_report_s() {
        let (meta, d) = run(
            "language: en\ncase_types:\n  use-of-force: {checks: [force_justified], judgements: {justified: {label: Justified, colour: \"#00703C\"}, not-justified: {en: Not justified, cy: Heb ei gyfiawnhau}}}\n  stop-search: {checks: [grounds]}\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let force = meta.judgement_scale(Some("use-of-force"));
        assert_eq!(force.len(), 2);
        assert_eq!(force[0].colour.as_deref(), Some("#00703C"));
        assert_eq!(
            force[1].label_in,
            [("cy".to_string(), "Heb ei gyfiawnhau".to_string())]
        );
        assert_eq!(meta.judgement_scale(Some("stop-search")), meta.judgements);
        assert_eq!(meta.judgement_scale(None), meta.judgements);
        assert_eq!(meta.own_scales().count(), 1);
    }

    #[test]
    fn an_undeclared_check_is_an_error_with_the_one_meant() {
        let (meta, d) = run("case_types:\n  stop-search: {checks: [grounds, gowisly]}\n");
        let brief = d.brief();
        assert_eq!(brief.len(), 1, "{brief:?}");
        assert!(
            brief[0]
                .starts_with("8:35 the case type `stop-search` names the unknown check `gowisly`"),
            "{brief:?}"
        );
        assert!(brief[0].contains("did you mean `gowisely`?"), "{brief:?}");
        assert_eq!(meta.case_types[0].checks.len(), 1);
    }

    #[test]
    fn an_id_ending_in_a_digit_and_an_unknown_key_are_errors() {
        let (meta, d) = run("case_types:\n  type-2: {label: Two}\n  search: {lable: Search}\n");
        let brief = d.brief();
        assert_eq!(brief.len(), 2, "{brief:?}");
        assert!(brief[0].contains("`type-2` cannot be used"), "{brief:?}");
        assert!(brief[1].contains("did you mean `label`"), "{brief:?}");
        assert_eq!(meta.case_types.len(), 1);
    }
}
