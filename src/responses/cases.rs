//! The force's answers on cases: with `response_headings:`, each case's response cell in
//! report.docx, found as the observations' cells are ([`super::rows`]), written into its
//! case file under the response heading, replacing what was there.
//!
//! Unlike an observation's, a case cell names the case by its id, not its file, so the
//! folder is read to find which file is which case, and which headings hold responses.

use std::path::Path;

use super::controls::Control;
use super::{Cells, Outcome, TakeBack, Taken, answer, markdown, paragraphs, rows};
use crate::diagnostic::{Diagnostic, Loc, SourceId};
use crate::load::Target;
use crate::model::Report;
use crate::office::names::{CASE_RESPONSE_MARK, CASE_RESPONSE_TAG, case_id};
use crate::parse::case::response::divide;
use crate::parse::markdown::{Mode, parse};

const CASE_CELLS: Cells<'static> = Cells {
    tag: CASE_RESPONSE_TAG,
    mark: CASE_RESPONSE_MARK,
    text: None,
    what: "a case that",
    gone: "if the case was renumbered, copy the response into its file by hand",
};

/// Takes each case cell of `found` back into its case file, adding to `out`.
pub(super) fn take_back(
    found: &[Control],
    dir: &Path,
    name: &str,
    prompts: &[String],
    out: &mut TakeBack,
) {
    let any = found
        .iter()
        .any(|c| c.tag.starts_with(CASE_RESPONSE_TAG) || c.tag.starts_with(CASE_RESPONSE_MARK));
    if !any {
        return;
    }
    let Some((report, base)) = folder(dir) else {
        return;
    };
    let headings = &report.meta.response_headings;
    if headings.is_empty() {
        out.diagnostics.push(
            Diagnostic::warning(name, Loc::START, "the document has responses on cases, but the report no longer sets `response_headings:`, so they are not taken")
                .hint("add `response_headings: [Police response]` to report.yaml, naming the case heading the force's words go under, then run `build-report responses` again"),
        );
        return;
    }
    let ids: Vec<String> = report.cases.iter().map(|c| case_id(c.number)).collect();
    for (id, control, _) in rows(found, &CASE_CELLS, &ids, name, &mut out.diagnostics) {
        let Some(case) = report.cases.iter().find(|c| case_id(c.number) == id) else {
            out.diagnostics.push(
                Diagnostic::warning(
                    name,
                    Loc::START,
                    format!(
                        "the document has a response for case {id}, which the report no longer has"
                    ),
                )
                .hint("if the case was renumbered, copy the response into its file by hand"),
            );
            continue;
        };
        let file = case.file.strip_prefix(&base).unwrap_or(&case.file);
        let Ok(before) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let unchanged = |outcome| Taken {
            file: file.to_string(),
            outcome,
            before: before.clone(),
            after: before.clone(),
        };
        let Some((answer, response)) = answer(control, prompts) else {
            if case.response.is_some() {
                out.diagnostics.push(
                    Diagnostic::warning(file, Loc::START, "the document's response cell for this case is empty, so the file's response is kept")
                        .hint("if the force withdrew its response, delete it from the file by hand"),
                );
                out.taken.push(unchanged(Outcome::Unchanged));
            } else {
                out.taken.push(unchanged(Outcome::Awaited));
            }
            continue;
        };
        let blocks = parse(&SourceId::new(file), &response, 0, Mode::Plain).blocks;
        let had = case.response.as_ref().map_or(&[][..], |r| &r.blocks);
        if markdown::shape(&blocks) == markdown::shape(had) {
            out.taken.push(unchanged(Outcome::Unchanged));
            continue;
        }
        let (after, replaced) = splice(&before, &response, headings);
        out.taken.push(Taken {
            file: file.to_string(),
            outcome: Outcome::Written {
                paragraphs: paragraphs(&answer),
                replaced,
                status_moved: false,
            },
            before,
            after,
        });
    }
}

/// The report at `dir`, parsed with its panel's settings in an archive, and the prefix
/// its files' paths carry there (the meeting's folder), which `dir` already has.
fn folder(dir: &Path) -> Option<(Report, String)> {
    match crate::load::discover(dir) {
        Target::Report(_) => Some((crate::check(dir).report, String::new())),
        Target::Archive { root, focus } => {
            let archive = crate::archive::check(&root, focus.as_deref(), &crate::Silent);
            let meeting = archive.focused()?;
            let base = format!("{}/", meeting.id);
            Some((meeting.checked.report.clone(), base))
        }
    }
}

/// `file` with `response` (Markdown with `\n` line ends) under its response heading:
/// the text under the first heading of `headings` replaced, or the first of them and the
/// response added at the end. Every other byte is as it was. Whether it replaced one.
pub fn splice(file: &str, response: &str, headings: &[String]) -> (String, bool) {
    let bom = if file.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let file = &file[bom.len()..];
    let newline = if file.contains("\r\n") { "\r\n" } else { "\n" };
    let response = response.replace('\n', newline);
    let body = crate::parse::frontmatter::body_offset(file);
    let mut text = String::with_capacity(file.len() + response.len() + 32);
    text.push_str(bom);
    let replaced = match divide(file, body, headings) {
        Some(divided) => {
            let (end, section_end) = (divided.heading.end, divided.heading.section_end);
            text.push_str(&file[..end]);
            if !file[..end].ends_with('\n') {
                text.push_str(newline);
            }
            text.push_str(newline);
            text.push_str(&response);
            text.push_str(newline);
            if section_end < file.len() {
                text.push_str(newline);
            }
            text.push_str(&file[section_end..]);
            true
        }
        None => {
            text.push_str(file);
            if !file.is_empty() && !file.ends_with('\n') {
                text.push_str(newline);
            }
            if !file[body..].trim().is_empty() && !text.ends_with(&format!("{newline}{newline}")) {
                text.push_str(newline);
            }
            let heading = headings.first().map_or("", String::as_str);
            text.push_str(&format!(
                "## {heading}{newline}{newline}{response}{newline}"
            ));
            false
        }
    };
    (text, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn police() -> Vec<String> {
        vec!["Force reply".to_string(), "Police response".to_string()]
    }

    #[test]
    fn the_response_under_its_heading_is_replaced_and_nothing_else() {
        let file = "---\ncase: 1\n---\n## Grounds\n- Thin.\n\n## Police response\nOld.\n\n- old point\n\n## Outcome\n- Arrest.\n";
        let (text, replaced) = splice(file, "New.\n\n- one", &police());
        assert!(replaced);
        assert_eq!(
            text,
            "---\ncase: 1\n---\n## Grounds\n- Thin.\n\n## Police response\n\nNew.\n\n- one\n\n## Outcome\n- Arrest.\n"
        );
    }

    #[test]
    fn without_the_heading_it_is_added_at_the_end_under_the_first_name() {
        let file = "\u{feff}---\r\ncase: 1\r\n---\r\n- Thin.";
        let (text, replaced) = splice(file, "Noted.", &police());
        assert!(!replaced);
        assert_eq!(
            text,
            "\u{feff}---\r\ncase: 1\r\n---\r\n- Thin.\r\n\r\n## Force reply\r\n\r\nNoted.\r\n"
        );
    }
}
