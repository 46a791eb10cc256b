//! A case's `type:`: which of the meeting's `case_types:` it is, and so how it is
//! numbered and which checks it is asked.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId, did_you_mean, one_of};
use crate::model::{Located, Meta};
use crate::parse::frontmatter::text;
use crate::parse::yaml::{Key, Node};

/// The type a case names, if it is one the meeting declares; otherwise an error saying
/// which it may have meant, and the case is read as one of no type.
pub(super) fn kind(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Located<String>> {
    let id = text(node, file, "type", diagnostics)?.trim().to_string();
    let located = Located {
        value: id.clone(),
        loc: node.loc,
        source: SourceId::new(file),
    };
    let Some(meta) = meta else {
        return Some(located);
    };
    if meta.case_type(&id).is_some() {
        return Some(located);
    }
    let ids: Vec<&str> = meta
        .case_types
        .iter()
        .map(|t| t.id.value.as_str())
        .collect();
    let by_label = meta
        .case_types
        .iter()
        .find(|t| t.label.eq_ignore_ascii_case(&id) || t.prefix.eq_ignore_ascii_case(&id));
    let hint = match (by_label, did_you_mean(&id, ids.iter().copied())) {
        _ if ids.is_empty() => {
            "this meeting sets no `case_types:`; declare the type there, or remove `type:`"
                .to_string()
        }
        (Some(t), _) => format!(
            "did you mean `{}`? `{id}` is its label; a case names its type by its id",
            t.id.value
        ),
        (None, Some(near)) => format!("did you mean `{near}`? The types are {}", one_of(&ids)),
        (None, None) => format!("the types are {}", one_of(&ids)),
    };
    diagnostics.push(
        node.error(file, format!("unknown case type `{id}`"))
            .hint(format!(
                "{hint} (set under `case_types:` in {})",
                meta.files_giving("case_types")
            )),
    );
    None
}

/// A case without `type:` in a meeting that sets `case_types:`: it is asked every check
/// and counted over all cases, which is seldom what the panel meant.
pub(super) fn untyped(file: &str, meta: &Meta) -> Diagnostic {
    let ids: Vec<&str> = meta
        .case_types
        .iter()
        .map(|t| t.id.value.as_str())
        .collect();
    Diagnostic::warning(file, Loc::new(2, 1), "this case has no `type:`")
        .hint(format!(
            "this meeting sets `case_types:`; add `type:` with one of {} so that the case is asked its type's checks and counted with its type",
            one_of(&ids)
        ))
}

/// A check the case's type does not ask, answered or listed: the answer would be counted
/// for a check its cases are never asked.
pub(super) fn not_asked(file: &str, key: &Key, kind: Option<&str>, meta: &Meta) -> Diagnostic {
    let kind = kind.unwrap_or_default();
    let others: Vec<&str> = meta
        .case_types
        .iter()
        .filter(|t| t.asks(&key.name))
        .map(|t| t.id.value.as_str())
        .collect();
    let asked: Vec<&str> = meta
        .case_type(kind)
        .map(|t| t.checks.iter().map(|c| c.value.as_str()).collect())
        .unwrap_or_default();
    let whose = if others.is_empty() {
        String::new()
    } else {
        format!("it is asked of {} cases; ", one_of(&others))
    };
    Diagnostic::error(
        file,
        key.loc,
        format!("`{}` is not a check of {kind} cases", key.name),
    )
    .width(key.name.chars().count())
    .hint(format!(
        "{whose}remove it, or check the case's `type:`; {kind} cases are asked {}",
        if asked.is_empty() {
            "no checks".to_string()
        } else {
            one_of(&asked)
        }
    ))
}
