//! Observations written as numbered pairs rather than a table: "ACTION POINT 1", the
//! panel's words, then "POLICE RESPONSE 1" and the force's, as lines or as headings.
//!
//! The labels are structure, as a "Case N" heading is; any words after a label on its
//! line are the observation's or the response's first paragraph. A response finds its
//! observation by number, so that all the points may come first and all the responses
//! after; one without a number answers the observation before it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Block;
use super::recognise::{Imported, Observation, lines};
use crate::diagnostic::{Diagnostic, Loc};

/// A label may be bold, in Markdown; the words after it are kept as written.
const BOLD: &str = r"(?:\*\*|__)?";
const AFTER: &str = r"(?:\*\*|__)?\s*(?:[:.\-–—)]\s*(?:\*\*|__)?\s*(.*))?$";

static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{BOLD}(?:action\s+point|recommendation|observation|area\s+for\s+improvement)\s*(?:no\.?\s*|number\s+)?(\d{{1,3}}){AFTER}"))
        .expect("a valid pattern")
});
static RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{BOLD}(?:(?:police|force|constabulary)(?:'s|’s)?\s+)?(?:response|reply)\s*(?:to\s+(?:action\s+point|recommendation|observation)\s*)?(?:no\.?\s*|number\s+)?(\d{{1,3}})?{AFTER}"))
        .expect("a valid pattern")
});

/// A label's number, if it has one, and the words after it on its line.
type Label = (Option<u32>, Option<String>);

fn label(pattern: &Regex, text: &str) -> Option<Label> {
    let found = pattern.captures(text.trim())?;
    let number = found.get(1).and_then(|n| n.as_str().parse().ok());
    let rest = found
        .get(2)
        .map(|r| r.as_str().trim().to_string())
        .filter(|r| !r.is_empty());
    Some((number, rest))
}

/// "ACTION POINT 1" and its kin: the number of the observation the line opens.
fn opener(text: &str) -> Option<Label> {
    label(&OPENER, text).filter(|(number, _)| number.is_some())
}

fn response(text: &str) -> Option<Label> {
    label(&RESPONSE, text)
}

/// The text of a heading or a line of its own, which a label may be.
fn label_text(block: &Block) -> Option<&str> {
    match block {
        Block::Heading { text, .. }
        | Block::Paragraph {
            text, cell: false, ..
        } => Some(text),
        _ => None,
    }
}

/// Whether `block` opens a numbered observation.
pub fn opens(block: &Block) -> bool {
    label_text(block).is_some_and(|t| opener(t).is_some())
}

/// Whether `block` opens the numbered observations where no heading said they begin: a
/// heading, or a label alone on its line; "Recommendation 1: …" amid a case's points is
/// one of its points.
pub fn begin(block: &Block) -> bool {
    match block {
        Block::Heading { .. } => opens(block),
        _ => label_text(block)
            .and_then(opener)
            .is_some_and(|(_, rest)| rest.is_none()),
    }
}

/// Where the next paragraph goes: nowhere yet, or an observation's text or response.
#[derive(Clone, Copy)]
enum Into {
    Before,
    Text(usize),
    Response(usize),
}

/// Fills `found`'s observations from the blocks of a section of numbered pairs; the text
/// before the first label is the closing remarks, with a warning, as it is before a table.
pub fn observations(blocks: &[&Block], found: &mut Imported, file: &str) {
    let first = found.observations.len();
    let mut numbers: HashMap<u32, usize> = HashMap::new();
    let mut into = Into::Before;
    let mut before: Vec<&Block> = Vec::new();
    for block in blocks {
        let line = block.line();
        if let Some((number, rest)) = label_text(block).and_then(opener) {
            before_the_first(std::mem::take(&mut before), found, file);
            found.structure.push(line);
            found.observations.push(Observation {
                line,
                text: rest.map(|r| (r, line)).into_iter().collect(),
                response: Vec::new(),
            });
            let at = found.observations.len() - 1;
            if let Some(number) = number {
                numbers.insert(number, at);
            }
            into = Into::Text(at);
            continue;
        }
        if let Some((number, rest)) = label_text(block).and_then(response) {
            let last = found
                .observations
                .len()
                .checked_sub(1)
                .filter(|&l| l >= first);
            let target = match number {
                Some(n) => numbers.get(&n).copied().or_else(|| {
                    if last.is_some() {
                        found.diagnostics.push(
                            Diagnostic::warning(file, Loc::new(line, 1), format!("response {n} answers no observation numbered {n}, so it was added to the response of the observation before it"))
                                .hint("check that observation's file in observations/"),
                        );
                    }
                    last
                }),
                None => last,
            };
            if let Some(at) = target {
                found.structure.push(line);
                found.observations[at]
                    .response
                    .extend(rest.map(|r| (r, line)));
                into = Into::Response(at);
                continue;
            }
        }
        let paragraphs = paragraphs(block);
        match into {
            Into::Before => before.push(block),
            Into::Text(at) => found.observations[at].text.extend(paragraphs),
            Into::Response(at) => found.observations[at].response.extend(paragraphs),
        }
    }
    before_the_first(before, found, file);
}

/// The text before the first label, put in closing.md with a warning.
fn before_the_first(before: Vec<&Block>, found: &mut Imported, file: &str) {
    if let Some(first) = before.first() {
        let last = before.last().map_or(first.line(), |b| b.line());
        found.diagnostics.push(
            Diagnostic::warning(
                file,
                Loc::new(first.line(), 1),
                format!(
                    "text before the first numbered observation ({}) was put in closing.md",
                    lines(first.line(), last)
                ),
            )
            .hint("move it where it belongs"),
        );
        for block in before {
            super::table::push_closing(found, block);
        }
    }
}

/// A block's text as an observation's paragraphs; a table's cells each one.
fn paragraphs(block: &Block) -> Vec<(String, usize)> {
    match block {
        Block::Heading { text, line, .. }
        | Block::Paragraph { text, line, .. }
        | Block::Bullet { text, line, .. } => vec![(text.clone(), *line)],
        Block::Table { rows, .. } => rows
            .iter()
            .flatten()
            .flat_map(|c| c.paragraphs.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labels_are_known_in_their_forms() {
        assert_eq!(opener("ACTION POINT 1"), Some((Some(1), None)));
        assert_eq!(
            opener("Recommendation 2: Contact sooner"),
            Some((Some(2), Some("Contact sooner".into())))
        );
        assert_eq!(
            opener("Area for improvement no. 3 –"),
            Some((Some(3), None))
        );
        assert_eq!(opener("Observation 1 was that contact was late."), None);
        assert_eq!(opener("Action points"), None);
        assert_eq!(response("POLICE RESPONSE 1"), Some((Some(1), None)));
        assert_eq!(
            response("Force’s response to action point 2: Agreed."),
            Some((Some(2), Some("Agreed.".into())))
        );
        assert_eq!(response("Response"), Some((None, None)));
        assert_eq!(response("Responses received in October."), None);
        let line = |text: &str| Block::Paragraph {
            text: text.into(),
            line: 1,
            indent: 0,
            cell: false,
        };
        assert!(begin(&line("ACTION POINT 1")));
        assert!(!begin(&line("Recommendation 1: contact sooner")));
        assert!(opens(&line("Recommendation 1: contact sooner")));
        assert_eq!(
            opener("**Action point 4:** *Call* back"),
            Some((Some(4), Some("*Call* back".into())))
        );
        assert_eq!(response("__Police response 4__"), Some((Some(4), None)));
    }
}
