//! A case file: front matter checked against report.yaml's scales, and the body grouped
//! into sections of feedback points.
//!
//! [`fields`] reads each front-matter value, with the friendly readings and the "did you
//! mean"s that keep a typo from silently changing a count; [`body`] groups the points
//! under their headings and reports what in the body would otherwise be lost.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::load::Source;
use crate::model::{Case, CaseResponse, Meta, RestrictedNotes};
use crate::parse::frontmatter::{self, entries, text, text_list};
use crate::parse::markdown::{self, Mode};
use crate::parse::yaml::{Node, Value};

pub(crate) mod body;
mod declared;
mod fields;
mod kind;
pub mod members;
mod part;
pub(crate) mod response;
pub(crate) mod restricted;
#[cfg(test)]
mod tests;

pub use declared::{REQUIRED_FIELD, loose};
pub use fields::answer_hint;
use fields::{case_number, checks, comma_list, comment_as_value, field, front_theme, judgement};

/// The keys every case may give; anything else is a field, the panel's own.
pub(crate) const KEYS: [&str; 7] = [
    "case",
    "type",
    "title",
    "checks",
    "judgement",
    "themes",
    "carried_from",
];

/// `carried_from: 2026-03/case-04`: a meeting's folder and a case's file in it. Whether
/// that case exists, and was carried over, only the archive can tell.
fn carried_from(
    value: &Node,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<crate::model::Located<String>> {
    let written = text(value, file, "carried_from", diagnostics)?;
    let id = written
        .trim()
        .trim_end_matches(".md")
        .trim_matches('/')
        .to_string();
    if !id.contains('/') {
        diagnostics.push(
            value
                .error(file, format!("`carried_from: {written}` does not name a meeting and a case"))
                .hint("write the earlier meeting's folder, a `/` and the case's file without `.md`, such as `carried_from: 2026-03/case-04`"),
        );
        return None;
    }
    Some(crate::model::Located {
        value: id,
        loc: value.loc,
        source: SourceId::new(file),
    })
}

/// Parses one case file. `meta` is `None` when report.yaml could not be read, and then
/// check and judgement ids are not checked.
pub fn parse(source: &Source, meta: Option<&Meta>, diagnostics: &mut Diagnostics) -> Option<Case> {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    if !split.present {
        let message = if source.text.trim().is_empty() {
            "this case file is empty"
        } else {
            "this case file has no front matter"
        };
        diagnostics.push(
            Diagnostic::error(file, Loc::START, message)
                .hint("start the file with\n---\ncase: 1\n---\nthen the feedback points"),
        );
        return None;
    }
    let front = split.front?;
    let mut case = Case {
        file: file.to_string(),
        ..Case::default()
    };
    let mut number = None;
    for (key, value) in entries(&front, file, "the front matter", diagnostics) {
        let name = key.name.as_str();
        case.key_lines.push((key.name.clone(), key.loc.line));
        if let Some(diagnostic) = comment_as_value(key, value, &source.text, file) {
            diagnostics.push(diagnostic);
        }
        match name {
            "case" => {
                number = case_number(value, file, diagnostics);
                case.number_loc = value.loc;
            }
            "type" => case.kind = kind::kind(value, file, meta, diagnostics),
            "title" => case.title = text(value, file, name, diagnostics),
            "checks" => {
                let unanswered;
                let kind = front_text(&front, "type");
                (case.checks, unanswered) = checks(value, file, meta, kind.as_deref(), diagnostics);
                if !unanswered.is_empty() {
                    diagnostics.push(unanswered_checks(file, key.loc, &unanswered));
                }
            }
            "judgement" => {
                let kind = front_text(&front, "type");
                case.judgement = judgement(value, file, meta, kind.as_deref(), diagnostics);
            }
            "carried_from" => case.carried_from = carried_from(value, file, diagnostics),
            "themes" => {
                let source = SourceId::new(file);
                for (id, node) in text_list(&comma_list(value), file, name, diagnostics) {
                    let theme = front_theme(id, node.loc, &source, &mut case.odd_tags);
                    case.themes.push(theme);
                }
            }
            _ => field(&mut case, key, value, file, meta, diagnostics),
        }
    }
    case.fields.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(meta) = meta {
        declared::required(&case, meta, file, diagnostics);
        if case.kind.is_none() && meta.case_types_own {
            diagnostics.push(kind::untyped(file, meta));
        }
    }
    let Some(number) = number else {
        if !front_has_key(&front, "case") {
            let message = if front.value == Value::Null {
                "the front matter is empty: this case has no `case:` number"
            } else {
                "this case has no `case:` number"
            };
            diagnostics.push(Diagnostic::error(file, Loc::new(2, 1), message).hint(
                "add `case: N` to the front matter, where N is the case's number in the report",
            ));
        }
        return None;
    };
    case.number = number;
    let words = restricted::heading_words(meta);
    let (source, restricted) = restricted::take(source, split.body_offset, &words);
    case.restricted = restricted.filter(|notes| carried(file, notes, meta, diagnostics));
    let source = source.as_ref();
    let headings = meta.map_or(&[][..], |m| m.response_headings.as_slice());
    let divided = response::divide(&source.text, split.body_offset, headings);
    let (read, response) = match divided {
        None => (std::borrow::Cow::Borrowed(source), None),
        Some(divided) => {
            let blocks = markdown::parse(
                &SourceId::new(file),
                &divided.response,
                split.body_offset,
                Mode::Plain,
            )
            .blocks;
            let line = source.text[..divided.heading.start].matches('\n').count() + 1;
            let response = CaseResponse {
                heading: divided.heading.text,
                line,
                blocks,
            };
            let rest = Source {
                path: source.path.clone(),
                text: divided.points,
            };
            (std::borrow::Cow::Owned(rest), Some(response))
        }
    };
    case.response = response;
    let body = markdown::parse(
        &SourceId::new(file),
        &read.text,
        split.body_offset,
        Mode::Points,
    );
    body::problems(
        &read,
        split.body_offset,
        &body,
        number,
        case.number_loc,
        diagnostics,
    );
    if body.points.is_empty() && !crate::load::members::is_case_in_folder(file) {
        diagnostics.push(body::no_points(file, number, case.number_loc));
    }
    case.sections = body::sections(body.blocks);
    if let Some(meta) = meta {
        let offset = split.body_offset;
        response::unnamed(
            file,
            &source.text,
            offset,
            &case.sections,
            meta,
            diagnostics,
        );
    }
    case.points = body.points;
    case.odd_tags.extend(body.odd_tags);
    case.spaced_tags = body.spaced_tags;
    Some(case)
}

/// Whether a copy carries the restricted notes. When none does (there are no
/// `audiences:`, or every one says `restricted_notes: false`) they are in no output, which
/// is warned about: a report with one copy may be published.
fn carried(
    file: &str,
    notes: &RestrictedNotes,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let Some(meta) = meta else { return false };
    if meta.audiences.iter().any(|a| a.restricted_notes) {
        return true;
    }
    let hint = if meta.audiences.is_empty() {
        "restricted notes are shown only in a copy for an audience that carries them; add `audiences:` with a `force` copy to report.yaml, as README's \"Two copies\" says"
    } else {
        "give the force's audience `restricted_notes: true`, or remove the notes"
    };
    diagnostics.push(
        Diagnostic::warning(
            file,
            Loc::new(notes.line, 1),
            "these restricted notes are in no copy of the report",
        )
        .hint(hint),
    );
    false
}

/// One warning for all of a case's checks still to answer, so a case drafted by
/// `new-case` is one line in `check`'s list, not one per check.
fn unanswered_checks(file: &str, loc: Loc, ids: &[String]) -> Diagnostic {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    let (noun, them) = if ids.len() == 1 {
        ("check", "it")
    } else {
        ("checks", "each")
    };
    Diagnostic::warning(
        file,
        loc,
        format!("{} unanswered {noun}: {}", ids.len(), one_of_list(&quoted)),
    )
    .width("checks".len())
    .hint(format!(
        "answer {them} with {}; until then the case counts as not answering {them}",
        crate::diagnostic::one_of(&crate::model::Answer::ALL.map(crate::model::Answer::id))
    ))
}

/// `a`, `a and b`, `a, b and c`.
fn one_of_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The text of the front-matter key `name`, wherever it stands: `type:` decides which
/// checks a case is asked, and may be written after them.
fn front_text(front: &Node, name: &str) -> Option<String> {
    match &front.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.name == name)
            .and_then(|(_, v)| v.scalar_text())
            .map(|t| t.trim().to_string()),
        _ => None,
    }
}

fn front_has_key(front: &Node, name: &str) -> bool {
    matches!(&front.value, Value::Map(entries) if entries.iter().any(|(k, _)| k.name == name))
}
