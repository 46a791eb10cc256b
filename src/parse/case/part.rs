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

/// How a body is read for its headings. [`Names::may_be_in`] relies on it: with smart
/// punctuation, `--` in a heading would read as `–` and no longer stand in the body.
pub const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// Names a heading may give, kept as a reader reads them: regardless of case, spacing,
/// curly quotes and a closing colon. Each is normalised once, not once for every heading
/// it is compared with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    keys: Vec<String>,
}

impl Names {
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Self {
        Names {
            keys: names.into_iter().map(|n| key(n.as_ref())).collect(),
        }
    }

    /// Whether `written`, a heading's words, is one of these names.
    pub fn has(&self, written: &str) -> bool {
        let written = key(written);
        self.keys.contains(&written)
    }

    /// Whether a heading of `body` may give one of these names, so that a body that
    /// cannot is spared a reading of its headings. It errs only towards yes: read with
    /// [`OPTIONS`], a heading's words are the body's own text unless markup, an escape or
    /// an entity stands in them, and a body holding any of those is always read.
    pub fn may_be_in(&self, body: &str) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        if body.contains(['*', '_', '`', '&', '<', '[', '\\', '~', '!']) {
            return true;
        }
        // Plain ASCII, as most bodies are, lower-cases letter by letter as `normalise`
        // does, and a name's every word then stands in it; other text is normalised whole.
        if body.is_ascii() {
            let body = body.to_ascii_lowercase();
            return self
                .keys
                .iter()
                .any(|k| k.split(' ').all(|word| body.contains(word)));
        }
        let body = crate::parse::normalise(body);
        self.keys.iter().any(|k| body.contains(k.as_str()))
    }
}

fn key(name: &str) -> String {
    crate::parse::normalise(name.trim().trim_end_matches(':'))
}

/// The top-level headings of the body of `text`, which starts at byte `offset`.
pub fn headings(text: &str, offset: usize) -> Vec<Heading> {
    let body = &text[offset..];
    let mut found: Vec<Heading> = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines a body may hold before the heading.
    const BEFORE: [&str; 7] = [
        "- A point.\n",
        "## Outcome\n",
        "\n",
        "FORCE only\n",
        "For the\n",
        "---\n",
        "\r\n",
    ];

    /// What may stand inside a heading's words, mostly in pairs as markup does.
    const MARKUP: [&str; 9] = ["*", "**", "_", "`", "~~", "\n", "  ", "<!-- -->", "\\"];

    /// A body with a heading that may give the name: pieces before it, then the name
    /// with pieces put in at random places, as markup, an escape or a line break would be.
    fn body() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(proptest::sample::select(BEFORE.to_vec()), 0..4),
            proptest::sample::select(vec!["## ", "# ", "", "### "]),
            proptest::collection::vec(
                (0..18usize, proptest::sample::select(MARKUP.to_vec())),
                0..6,
            ),
            proptest::sample::select(vec!["\n", "\n---\n", "\n===\n", ":\n", ""]),
            any::<bool>(),
        )
            .prop_map(|(before, marker, inserted, after, reference)| {
                let mut name: Vec<String> =
                    "For the force only".chars().map(String::from).collect();
                for (at, piece) in inserted {
                    name.insert(at.min(name.len()), piece.to_string());
                }
                // A letter written as a character reference reads as itself.
                if let Some(letter) = name.iter_mut().find(|c| reference && *c == "f") {
                    *letter = "&#102;".to_string();
                }
                format!("{}{marker}{}{after}", before.concat(), name.concat())
            })
    }

    proptest! {
        /// Skipping a body is only ever right: when `may_be_in` says no, no heading of
        /// the body gives a name (a wrong no would publish restricted notes).
        #[test]
        fn a_body_skipped_has_no_named_heading(body in body()) {
            let names = Names::new(["For the force only", "Ar gyfer yr heddlu yn unig"]);
            if !names.may_be_in(&body) {
                for heading in headings(&body, 0) {
                    prop_assert!(!names.has(&heading.text), "{body:?}: {:?}", heading.text);
                }
            }
        }
    }

    #[test]
    fn headings_are_read_with_no_option_that_rewrites_their_words() {
        let rewriting = Options::ENABLE_SMART_PUNCTUATION
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_MATH
            | Options::ENABLE_SUPERSCRIPT
            | Options::ENABLE_SUBSCRIPT
            | Options::ENABLE_WIKILINKS;
        assert!(
            !OPTIONS.intersects(rewriting),
            "Names::may_be_in must learn what these options do to a heading's words"
        );
    }

    #[test]
    fn a_name_is_found_as_a_reader_reads_it() {
        let names = Names::new(["For the force only"]);
        assert!(names.has("  FOR the   force ONLY: "));
        assert!(!names.has("For the force"));
        assert!(names.may_be_in("## For the\nforce only\n"));
        assert!(names.may_be_in("## F*o*r the force only\n"));
        assert!(!names.may_be_in("## Outcome\n- For the force.\n"));
        assert!(!names.may_be_in("## Outcome\n- For the forcé only.\n"));
        assert!(!Names::new::<&str>([]).may_be_in("## For the force only\n"));
    }
}
