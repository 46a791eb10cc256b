//! The panel's restricted notes on a case: its words for the force alone, under a heading
//! of the catalogue's `restricted_notes` (`## For the force only`, `## Ar gyfer yr heddlu
//! yn unig`) or in a fenced block whose info string is `restricted`. They are the panel's
//! private words, so they are taken out of the body before its points are read (cut out
//! as every such part is, [`super::part`]): never a point, never evidence for a theme in
//! any copy, and shown only in a copy whose audience carries them.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::part::{Names, OPTIONS, Span, cut, headings, line_of};
use crate::catalogue::{LANGUAGES, Labels};
use crate::diagnostic::SourceId;
use crate::load::Source;
use crate::model::{Meta, RestrictedNotes};
use crate::parse::markdown::{self, Mode};

/// The info string of a fenced block of restricted notes: ```` ```restricted ````.
pub const FENCE: &str = "restricted";

/// A case body with its restricted notes taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divided {
    /// The file with the notes blanked: the text the rest of the case is read from.
    pub rest: String,
    /// The file with all of the body but the notes' words blanked.
    pub notes: String,
    /// The line of the first note.
    pub line: usize,
}

/// The headings restricted notes stand under: the catalogue's words in every built-in
/// language and in the panel's own `labels:`.
pub fn heading_words(meta: Option<&Meta>) -> Names {
    static BUILT_IN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        LANGUAGES
            .iter()
            .filter_map(|(code, _)| Labels::built_in(code))
            .map(|l| l.restricted_notes)
            .collect()
    });
    let own = meta
        .into_iter()
        .flat_map(|m| &m.catalogues)
        .map(|(_, l)| l.restricted_notes.clone());
    Names::new(BUILT_IN.iter().cloned().chain(own))
}

/// Where the restricted notes are in the body of `text` (from byte `offset`), in order.
fn spans(text: &str, offset: usize, words: &Names) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    let read = words.may_be_in(&text[offset..]);
    for heading in read.then(|| headings(text, offset)).into_iter().flatten() {
        let inside = found.last().is_some_and(|s| heading.start < s.whole.end);
        if !inside && words.has(&heading.text) {
            found.push(heading.span());
        }
    }
    found.extend(fences(text, offset));
    found.sort_by_key(|s| s.whole.start);
    found
}

/// The fenced blocks of restricted notes, at any depth: one in a list is as private as
/// one at the top.
fn fences(text: &str, offset: usize) -> Vec<Span> {
    let body = &text[offset..];
    // A fenced block opens with ``` or ~~~, so a body with neither has none, and most
    // case bodies are spared a second reading.
    if !body.contains(['`', '~']) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut open: Option<Span> = None;
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        let at = |r: Range<usize>| offset + r.start..offset + r.end;
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(FENCE)) =>
            {
                open = Some(Span {
                    whole: at(range),
                    inner: Vec::new(),
                });
            }
            Event::Text(_) => {
                if let Some(span) = &mut open {
                    span.inner.push(at(range));
                }
            }
            Event::End(TagEnd::CodeBlock) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// Takes the restricted notes out of the body of `text` (from byte `offset`); `None`
/// when it has none, so that a case without them is read exactly as before.
pub fn divide(text: &str, offset: usize, words: &Names) -> Option<Divided> {
    let spans = spans(text, offset, words);
    let first = spans.first()?.whole.start;
    let cut = cut(text, offset, &spans);
    Some(Divided {
        rest: cut.rest,
        notes: cut.part,
        line: line_of(text, first),
    })
}

/// `source` without its restricted notes, and the notes: the file as it was and `None`
/// when it has none.
pub fn take<'s>(
    source: &'s Source,
    offset: usize,
    words: &Names,
) -> (std::borrow::Cow<'s, Source>, Option<RestrictedNotes>) {
    let Some(divided) = divide(&source.text, offset, words) else {
        return (std::borrow::Cow::Borrowed(source), None);
    };
    let id = SourceId::new(&source.path);
    let notes = RestrictedNotes {
        line: divided.line,
        blocks: markdown::parse(&id, &divided.notes, offset, Mode::Plain).blocks,
    };
    let rest = Source {
        path: source.path.clone(),
        text: divided.rest,
    };
    (std::borrow::Cow::Owned(rest), Some(notes))
}

/// For each line of `text`, whether it is in a restricted note: lines that only a copy
/// carrying the notes publishes.
pub fn lines(text: &str, offset: usize, words: &Names) -> Vec<bool> {
    let mut out = vec![false; text.split('\n').count()];
    for span in spans(text, offset, words) {
        let end = span.whole.end.saturating_sub(1).max(span.whole.start);
        let (first, last) = (line_of(text, span.whole.start), line_of(text, end));
        let last = last.min(out.len());
        for line in &mut out[first - 1..last] {
            *line = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "---\ncase: 1\n---\n\n## Risk\n- A point.\n\n## For the force only\n\nThe victim's neighbour is PC 1234's sister.\n\n## Outcome\n- Another point.\n\n```restricted\nCrime reference AB/12345/24.\n```\n- Last point.\n";

    fn words() -> Names {
        heading_words(None)
    }

    #[test]
    fn notes_under_the_heading_and_in_a_fence_are_cut_out_at_the_same_lines() {
        let divided = divide(CASE, 16, &words()).expect("restricted notes");
        assert_eq!(divided.line, 8);
        assert_eq!(divided.rest.lines().count(), CASE.lines().count());
        for kept in [
            "- A point.",
            "## Outcome",
            "- Another point.",
            "- Last point.",
        ] {
            assert!(divided.rest.contains(kept), "{kept}");
        }
        for gone in ["force only", "PC 1234", "AB/12345/24", "```"] {
            assert!(!divided.rest.contains(gone), "{gone}");
            assert!(!divided.notes.contains("- A point."));
        }
        let notes: Vec<&str> = divided
            .notes
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && *l != "---" && *l != "case: 1")
            .collect();
        assert_eq!(
            notes,
            [
                "The victim's neighbour is PC 1234's sister.",
                "Crime reference AB/12345/24."
            ]
        );
        assert_eq!(
            divided.notes.lines().nth(9),
            Some("The victim's neighbour is PC 1234's sister.")
        );
    }

    #[test]
    fn the_welsh_heading_counts_and_other_fences_and_headings_do_not() {
        let welsh = "---\ncase: 1\n---\n## Ar gyfer yr heddlu yn unig:\nGeiriau.\n";
        assert_eq!(divide(welsh, 16, &words()).map(|d| d.line), Some(4));
        let plain = "---\ncase: 1\n---\n## Risk\n- A point.\n```rust\nlet x = 1;\n```\n    ## For the force only\n";
        assert_eq!(divide(plain, 16, &words()), None);
    }

    #[test]
    fn the_lines_of_the_notes_are_marked() {
        let marked = lines(CASE, 16, &words());
        let at: Vec<usize> = (1..=marked.len()).filter(|l| marked[l - 1]).collect();
        assert_eq!(at, [8, 9, 10, 11, 15, 16, 17]);
    }
}
