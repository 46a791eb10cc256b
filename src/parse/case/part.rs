//! A part of a case body that is not the panel's points: the force's response under a
//! heading of `response_headings:` ([`super::response`]) and the panel's restricted notes
//! ([`super::restricted`]). Each is cut from the file's text, not from the parsed tree:
//! the points keep the file's bytes but the part's, and the part keeps its own bytes and
//! blanks the rest, so every line and column the parser reports is still the file's own
//! and the points are read as if the part had never been written.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A top-level heading of a case body: where it is, its level and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Bytes of the whole file: the heading itself, and the end of the text it heads
    /// (the next heading of its level or above, or the end of the file).
    pub start: usize,
    pub end: usize,
    pub section_end: usize,
    pub level: u8,
    pub text: String,
}

impl Heading {
    /// The heading and what it heads, of which the words under it are the part's.
    pub fn span(&self) -> Span {
        Span {
            whole: self.start..self.section_end,
            inner: std::iter::once(self.end..self.section_end).collect(),
        }
    }
}

/// Where a part is in a file: all of it, taken out of the points, and the bytes of it that
/// are its words (not its heading or its fences).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub whole: Range<usize>,
    pub inner: Vec<Range<usize>>,
}

/// A file cut into the text its points are read from and the text of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The file with every span blanked.
    pub rest: String,
    /// The file with all of the body but the spans' words blanked.
    pub part: String,
}

/// Cuts the `spans` out of the body of `text`, which starts at byte `offset`.
pub fn cut(text: &str, offset: usize, spans: &[Span]) -> Cut {
    let in_whole = |at: usize| spans.iter().any(|s| s.whole.contains(&at));
    let in_words = |at: usize| spans.iter().flat_map(|s| &s.inner).any(|r| r.contains(&at));
    Cut {
        rest: blank(text, |at| at >= offset && in_whole(at)),
        part: blank(text, |at| at >= offset && !in_words(at)),
    }
}

/// The line of `text` byte `at` is on, from 1.
pub fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Whether `written` is one of `names`, as a reader would see it: regardless of case,
/// spacing, curly quotes and a closing colon.
pub fn names(written: &str, names: &[String]) -> bool {
    let key = |t: &str| crate::parse::normalise(t.trim().trim_end_matches(':'));
    let written = key(written);
    names.iter().any(|name| key(name) == written)
}

/// The top-level headings of the body of `text`, which starts at byte `offset`.
pub fn headings(text: &str, offset: usize) -> Vec<Heading> {
    let body = &text[offset..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut found: Vec<Heading> = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                open = Some(Heading {
                    start: offset + range.start,
                    end: offset + range.end,
                    section_end: text.len(),
                    level: level as u8,
                    text: String::new(),
                });
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) if depth == 1 => {
                found.extend(open.take());
                depth -= 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(words) | Event::Code(words) => {
                if let Some(heading) = &mut open {
                    heading.text.push_str(&words);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = &mut open {
                    heading.text.push(' ');
                }
            }
            _ => {}
        }
    }
    for i in 0..found.len() {
        let level = found[i].level;
        if let Some(next) = found[i + 1..].iter().find(|h| h.level <= level) {
            found[i].section_end = next.start;
        }
    }
    found
}

/// `text` with every byte at which `hide` holds made a space, line breaks kept, so that
/// what is left sits at the same lines and columns.
fn blank(text: &str, hide: impl Fn(usize) -> bool) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .enumerate()
        .map(|(at, b)| {
            if matches!(b, b'\n' | b'\r') || !hide(at) {
                b
            } else {
                b' '
            }
        })
        .collect();
    // A character is blanked whole or kept whole: its bytes all lie within a line.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
