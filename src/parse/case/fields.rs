//! Reading a case's front-matter values: each checked against its scale, with the
//! friendly reading where only one is possible (`case: "6"`, `strand: race, disability`)
//! and a "did you mean" where a typo would otherwise change a count.

use super::KEYS;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId, did_you_mean, one_of};
use crate::model::{Answer, Case, CheckAnswer, Field, Located, Meta, OddTag};
use crate::parse::frontmatter::{entries, text};
use crate::parse::themes::is_theme_id;
use crate::parse::yaml::{Key, Node, Value};

/// A theme id given in front matter `themes:`. One typed another way (`Record quality`,
/// `"#late"`, `Late_Contact`) is read as the id it most likely means and noted, so that
/// it counts with the tags written `#late-contact` and is still reported.
pub(super) fn front_theme(
    written: String,
    loc: Loc,
    source: &SourceId,
    odd: &mut Vec<OddTag>,
) -> Located<String> {
    let located = |value| Located {
        value,
        loc,
        source: source.clone(),
    };
    let bare = written.trim().trim_start_matches('#');
    if bare == written && is_theme_id(bare) {
        return located(written);
    }
    let id = crate::parse::id_from(bare, '-');
    if !is_theme_id(&id) {
        return located(written);
    }
    odd.push(OddTag {
        written: located(written),
        id: id.clone(),
        front: true,
    });
    located(id)
}

pub(super) fn case_number(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<u32> {
    let positive = |n: i64| u32::try_from(n).ok().filter(|&n| n > 0);
    match &node.value {
        Value::Int(n) => {
            if let Some(n) = positive(*n) {
                return Some(n);
            }
        }
        // `case: "6"` means case 6; nothing else could be meant.
        Value::Str(s) => {
            if let Some(n) = s.trim().parse().ok().and_then(positive) {
                return Some(n);
            }
        }
        _ => {}
    }
    let shown = node
        .scalar_text()
        .unwrap_or_else(|| node.kind().to_string());
    // `Case 6`, `#6`, `No. 6`: one number among words, which is surely the case's.
    let numbers: Vec<&str> = shown
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let hint = match numbers.as_slice() {
        [n] if n.parse().ok().and_then(positive).is_some() => {
            format!(
                "did you mean `case: {}`? Write the number alone",
                n.trim_start_matches('0')
            )
        }
        _ => "write the number alone, such as `case: 6`".to_string(),
    };
    diagnostics.push(
        node.error(
            file,
            format!("`case` must be a positive whole number, not `{shown}`"),
        )
        .hint(hint),
    );
    None
}

/// A scalar written as `a, b` where a list was meant (`strand: race, disability`), read
/// as the list it says, each item located in the line; anything else as it is.
pub(super) fn comma_list(node: &Node) -> Node {
    let Value::Str(text) = &node.value else {
        return node.clone();
    };
    if !text.contains(',') || text.contains('\n') {
        return node.clone();
    }
    // A quoted value starts one character after its mark.
    let quoted = node.width > text.chars().count();
    let mut column = node.loc.column + usize::from(quoted);
    let mut items = Vec::new();
    for part in text.split(',') {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let item = part.trim();
        if !item.is_empty() {
            items.push(Node {
                value: Value::Str(item.to_string()),
                loc: Loc::new(node.loc.line, column + lead),
                width: item.chars().count(),
            });
        }
        column += part.chars().count() + 1;
    }
    Node {
        value: Value::Seq(items),
        ..node.clone()
    }
}

/// A front-matter key left with no value because what followed it was a YAML comment:
/// `themes: #late-contact` gives the case no theme at all.
pub(super) fn comment_as_value(
    key: &Key,
    value: &Node,
    text: &str,
    file: &str,
) -> Option<Diagnostic> {
    if value.value != Value::Null {
        return None;
    }
    let line = text.lines().nth(key.loc.line.checked_sub(1)?)?;
    let after = line.split_once(':')?.1;
    let comment = after.trim_start();
    if !comment.starts_with('#') || comment.len() < 2 {
        return None;
    }
    let column = line.len() - after.len() + (after.len() - comment.len());
    let column = line[..column].chars().count() + 1;
    let words = comment.trim_start_matches('#').trim();
    Some(
        Diagnostic::warning(
            file,
            Loc::new(key.loc.line, column),
            format!("`{}` has no value: YAML reads `{comment}` as a comment", key.name),
        )
        .width(comment.chars().count())
        .hint(if key.name == "themes" {
            format!("theme ids are written without `#` in front matter: `themes: [{words}]`; if it is a note, ignore this")
        } else {
            format!(
                "if it is the value, put it in quotes: `{}: \"{comment}\"`; if it is a note, ignore this",
                key.name
            )
        }),
    )
}

fn suggest<'a>(value: &str, choices: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let all: Vec<&str> = choices.clone().into_iter().collect();
    match did_you_mean(value, choices) {
        Some(s) => format!("did you mean `{s}`? The choices are {}", one_of(&all)),
        None => format!("the choices are {}", one_of(&all)),
    }
}

/// The answers to the checks, and the checks written with no answer yet (`hcso_48h:`),
/// which a case drafted by `new-case` lists for the officer to fill in.
pub(super) fn checks(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    kind: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> (Vec<CheckAnswer>, Vec<String>) {
    let mut out = Vec::new();
    let mut unanswered = Vec::new();
    for (key, value) in entries(node, file, "`checks`", diagnostics) {
        if let Some(meta) = meta
            && meta.checks.iter().any(|c| c.id == key.name)
            && !meta.asks(kind, &key.name)
        {
            diagnostics.push(super::kind::not_asked(file, key, kind, meta));
            continue;
        }
        if let Some(meta) = meta
            && !meta.checks.iter().any(|c| c.id == key.name)
        {
            let ids: Vec<&str> = meta.checks.iter().map(|c| c.id.as_str()).collect();
            let hint = if ids.is_empty() {
                "report.yaml defines no checks; add them under `checks:` there (or in panel.yaml, for every meeting of an archive)".to_string()
            } else {
                suggest(&key.name, ids.iter().copied())
                    + &format!(
                        " (defined under `checks:` in {})",
                        meta.files_giving("checks")
                    )
            };
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("unknown check `{}`", key.name))
                    .width(key.name.chars().count())
                    .hint(hint),
            );
            continue;
        }
        let Some((value, note)) = answer_and_note(key, value, file, diagnostics) else {
            continue;
        };
        let Some(value) = value.filter(|v| v.value != Value::Null) else {
            unanswered.push(key.name.clone());
            continue;
        };
        let answer = match &value.value {
            Value::Bool(true) => Some(Answer::Yes),
            Value::Bool(false) => Some(Answer::No),
            _ => value.scalar_text().and_then(|t| Answer::from_id(&t)),
        };
        match answer {
            Some(answer) => out.push(CheckAnswer {
                id: key.name.clone(),
                answer,
                loc: value.loc,
                note,
            }),
            None => {
                let shown = value
                    .scalar_text()
                    .unwrap_or_else(|| value.kind().to_string());
                diagnostics.push(
                    value
                        .error(
                            file,
                            format!("`{shown}` is not an answer on the scale for `{}`", key.name),
                        )
                        .hint(answer_hint(&shown)),
                );
            }
        }
    }
    (out, unanswered)
}

/// The keys of a check answered with its words, `{answer: partial, note: "..."}`.
const ANSWER_KEYS: [&str; 2] = ["answer", "note"];

/// A check's answer node and its note: the value itself when written plain, else the
/// `answer:` and `note:` of its mapping. None when the mapping is wrong, which is
/// reported here, so that a mistyped note never leaves the answer counted without it.
fn answer_and_note<'n>(
    check: &Key,
    value: &'n Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<(Option<&'n Node>, Option<String>)> {
    let Value::Map(entries) = &value.value else {
        return Some((Some(value), None));
    };
    let mut answer = None;
    let mut note = None;
    let errors = diagnostics.error_count();
    for (key, node) in entries {
        match key.name.as_str() {
            "answer" => answer = Some(node),
            "note" => note = text(node, file, "note", diagnostics).filter(|n| !n.trim().is_empty()),
            _ => diagnostics.push(crate::parse::frontmatter::unknown_key(
                file,
                key,
                &ANSWER_KEYS,
                &format!("the answer to `{}`", check.name),
                true,
            )),
        }
    }
    let answer = answer.filter(|a| a.value != Value::Null);
    if note.is_some() && answer.is_none() {
        diagnostics.push(
            value
                .error(file, format!("the note on `{}` has no answer", check.name))
                .hint(format!(
                    "give the answer beside it, as `{}: {{answer: partial, note: ...}}`; a note alone would not count",
                    check.name
                )),
        );
    }
    (diagnostics.error_count() == errors).then_some((answer, note))
}

/// "Did you mean" for an answer off the scale, then the scale.
pub fn answer_hint(shown: &str) -> String {
    let ids = Answer::ALL.map(Answer::id);
    match Answer::likely(shown) {
        Some(a) => format!(
            "did you mean `{}`? The choices are {}",
            a.id(),
            one_of(&ids)
        ),
        None => format!("the choices are {}", one_of(&ids)),
    }
}

/// The case's judgement, checked against the scale of its type `kind` (its type's own,
/// or the report's).
pub(super) fn judgement(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    kind: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> Option<Located<String>> {
    let value = text(node, file, "judgement", diagnostics)?;
    let scale = meta.map(|m| (m, m.judgement_scale(kind)));
    if let Some((meta, scale)) = scale
        && !scale.iter().any(|j| j.id == value)
    {
        let ids: Vec<&str> = scale.iter().map(|j| j.id.as_str()).collect();
        // The label is what the panel sees in the report, so it is what gets typed.
        let by_label = scale
            .iter()
            .find(|j| crate::parse::normalise(&j.label) == crate::parse::normalise(&value));
        let own = kind
            .and_then(|k| meta.case_type(k))
            .filter(|t| t.judgements.is_some());
        let hint = match by_label {
            Some(j) => format!(
                "`{}` is the label shown for the judgement `{}`; write `judgement: {}`",
                j.label, j.id, j.id
            ),
            None => {
                let place = match own {
                    Some(t) => format!(
                        "under the case type `{}`'s `judgements:` in {}",
                        t.id.value,
                        meta.files_giving("case_types")
                    ),
                    None => format!("under `judgements:` in {}", meta.files_giving("judgements")),
                };
                suggest(&value, ids.iter().copied()) + &format!(" (defined {place})")
            }
        };
        let message = match own {
            Some(t) => format!(
                "`{value}` is not a judgement on the scale of `{}` cases",
                t.id.value
            ),
            None => format!("`{value}` is not a judgement on the panel's scale"),
        };
        diagnostics.push(node.error(file, message).hint(hint));
        return None;
    }
    Some(Located {
        value,
        loc: node.loc,
        source: SourceId::new(file),
    })
}

pub(super) fn field(
    case: &mut Case,
    key: &Key,
    value: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) {
    // `hcso_48h: no` not indented under `checks:` would be a custom field, and the case
    // would count as not answering the check.
    if let Some(meta) = meta
        && meta.checks.iter().any(|c| c.id == key.name)
    {
        diagnostics.push(
            Diagnostic::error(file, key.loc, format!("`{}` is a check, but is not under `checks:`", key.name))
                .width(key.name.chars().count())
                .hint(format!("indent it by two spaces under a `checks:` line, as `  {}: ...`, so that it counts as the case's answer", key.name)),
        );
        return;
    }
    // A declared field is read as its declaration says.
    if let Some(declared) = meta.and_then(|m| m.field(&key.name)) {
        super::declared::read(case, value, declared, file, diagnostics);
        return;
    }
    // A misspelt standard key would silently become a custom field, and the case would
    // lose its judgement or checks from every count, so one a slip away (`judgment`,
    // `Checks`) stops the build. One further off (`rank` for `risk`) may well be
    // a custom field of its own, so it is only warned about.
    if let Some(known) = did_you_mean(&key.name, KEYS)
        && known != key.name
    {
        let typed = key.name.to_lowercase();
        let slip = strsim::damerau_levenshtein(&typed, known) <= 1
            || (typed.len() >= 3 && (known.starts_with(&typed) || typed.starts_with(known)));
        let message = format!("`{}` is not a standard case field", key.name);
        if slip {
            diagnostics.push(
                Diagnostic::error(file, key.loc, message)
                    .width(key.name.chars().count())
                    .hint(format!("did you mean `{known}`? Without it the case has no `{known}` in the report; if `{}` is meant as a custom field for theme rules, give it a name less like `{known}`", key.name)),
            );
            return;
        }
        diagnostics.push(
            Diagnostic::warning(file, key.loc, message)
                .width(key.name.chars().count())
                .hint(format!("did you mean `{known}`? If `{}` is meant as a custom field for theme rules, ignore this warning", key.name)),
        );
    } else if let Some(meta) = meta
        && !meta.fields.is_empty()
    {
        // Once the panel declares its fields, any other is a slip for one of them or a
        // field it forgot to declare.
        diagnostics.push(super::declared::undeclared(key, meta, file));
    }
    let field = match &value.value {
        Value::Str(s) => Field::Text(s.clone()),
        Value::Int(i) => Field::Number(*i as f64),
        Value::Float(f) => Field::Number(*f),
        Value::Bool(b) => Field::Bool(*b),
        Value::Null => return,
        Value::Seq(items)
            if items
                .iter()
                .all(|i| scalar(i).is_some() || i.value == Value::Null) =>
        {
            case.lists
                .push((key.name.clone(), items.iter().filter_map(scalar).collect()));
            case.field_locs.push((key.name.clone(), value.loc));
            return;
        }
        Value::Seq(_) | Value::Map(_) => {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    key.loc,
                    format!(
                        "`{}` is {}, so theme rules and breakdowns cannot use it",
                        key.name,
                        if matches!(value.value, Value::Seq(_)) {
                            "a list of more than single values"
                        } else {
                            value.kind()
                        }
                    ),
                )
                .hint("custom fields must be single values such as `hcso_contact_hours: 60`, or a list of them such as `offence: [assault, criminal damage]`"),
            );
            return;
        }
    };
    case.fields.push((key.name.clone(), field));
    case.field_locs.push((key.name.clone(), value.loc));
}

/// A single front-matter value as a field, or `None` for anything else.
fn scalar(node: &Node) -> Option<Field> {
    match &node.value {
        Value::Str(s) => Some(Field::Text(s.clone())),
        Value::Int(i) => Some(Field::Number(*i as f64)),
        Value::Float(f) => Some(Field::Number(*f)),
        Value::Bool(b) => Some(Field::Bool(*b)),
        Value::Null | Value::Seq(_) | Value::Map(_) => None,
    }
}
