//! Lines that look like points whose `- ` was forgotten.
//!
//! Markdown runs an unindented line straight after a point into that point's text (a
//! "lazy continuation"), so in
//!
//! ```text
//! - Contact was slow.
//! The log was wrong.
//! ```
//!
//! the second line is not a point of its own: it adds nothing to the count and a tag on
//! it tags the first point. Editors wrap long points too, so only a line that reads as a
//! new sentence (the line above ends one and it starts with a capital) is reported.
//!
//! A `-` with no space after it (`-Contact was slow.`) is no bullet either, so that line
//! is reported too.

use crate::diagnostic::Loc;

/// A line of the body that looks like a point but is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forgotten {
    /// A new sentence run into the point above.
    Continuation,
    /// `-Text`: a hyphen with no space after it.
    NoSpace,
}

/// Each such line of the body (from byte `offset`), and where it starts.
pub fn forgotten_bullets(file_text: &str, offset: usize) -> Vec<(Loc, Forgotten)> {
    let mut found = Vec::new();
    let mut line = file_text[..offset].matches('\n').count();
    let mut in_item = false;
    let mut previous = "";
    let mut fence: Option<&str> = None;
    for text in file_text[offset..].lines() {
        line += 1;
        let trimmed = text.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            fence = Some(open);
            in_item = false;
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with(['#', '>', '|', '<']) {
            in_item = false;
        } else if trimmed.starts_with('-') && trimmed[1..].starts_with(char::is_alphabetic) {
            let column = text[..text.len() - trimmed.len()].chars().count() + 1;
            found.push((Loc::new(line, column), Forgotten::NoSpace));
        } else if is_item(trimmed) {
            in_item = true;
        } else if in_item
            && trimmed.len() == text.len()
            && previous.trim_end().ends_with(['.', '!', '?'])
            && trimmed.starts_with(|c: char| c.is_uppercase())
        {
            found.push((Loc::new(line, 1), Forgotten::Continuation));
        }
        previous = text;
    }
    found
}

/// Whether a line starts a list item: `-`, `*` or `+`, or a number and `.` or `)`,
/// then a space; or a bullet glyph or `a)`, which is read as one.
fn is_item(line: &str) -> bool {
    if super::bullets::marker(line).is_some() {
        return true;
    }
    let rest = line.strip_prefix(['-', '*', '+']).or_else(|| {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0)
            .then(|| line[digits..].strip_prefix(['.', ')']))
            .flatten()
    });
    rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<usize> {
        forgotten_bullets(text, 0)
            .iter()
            .filter(|(_, kind)| *kind == Forgotten::Continuation)
            .map(|(l, _)| l.line)
            .collect()
    }

    #[test]
    fn a_hyphen_with_no_space_is_found() {
        let found = forgotten_bullets(
            "-Contact was slow.\n  -Nested.\n- Fine.\n-5 degrees\n--\n",
            0,
        );
        assert_eq!(
            found,
            [
                (Loc::new(1, 1), Forgotten::NoSpace),
                (Loc::new(2, 3), Forgotten::NoSpace)
            ]
        );
    }

    #[test]
    fn a_new_sentence_straight_after_a_point_is_found() {
        let text =
            "- Contact was slow.\nThe log was wrong.\n1. First.\nSecond one!\n• Glyph.\nThird.\n";
        assert_eq!(lines(text), [2, 4, 6]);
    }

    #[test]
    fn wrapped_points_paragraphs_and_code_are_left_alone() {
        let text = "- Contact was slow, and\nthe log was wrong.\n  Indented on purpose.\n\nA paragraph.\nAnother line.\n- x.\n```\nCode.\n```\n- y.\n## Heading\n";
        assert!(lines(text).is_empty(), "{:?}", lines(text));
    }
}
