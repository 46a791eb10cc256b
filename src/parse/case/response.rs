//! The force's answer on a case: the text under a heading named in `response_headings:`,
//! taken out of the case body before its points are read, so that the force's words are
//! never the panel's points nor evidence for a theme.
//!
//! The two parts are cut from the file's text, not from the parsed tree: each keeps the
//! file's bytes where it has them and blanks the rest, so every line and column the
//! parser reports is still the file's own, and the points are read as if the response
//! had never been written.

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

/// A case body divided at its response heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divided {
    /// The file with the response blanked: the text the points are read from.
    pub points: String,
    /// The file with all of the body but the response blanked, headings included.
    pub response: String,
    /// The first response heading, as written.
    pub heading: Heading,
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

/// Divides the body of `text` (from byte `offset`) at every heading named in `names`;
/// `None` when there is none, so that a case without one is read exactly as before.
pub fn divide(text: &str, offset: usize, response_headings: &[String]) -> Option<Divided> {
    if response_headings.is_empty() {
        return None;
    }
    let mut taken: Vec<Heading> = Vec::new();
    for heading in headings(text, offset) {
        let inside = taken.last().is_some_and(|t| heading.start < t.section_end);
        if !inside && names(&heading.text, response_headings) {
            taken.push(heading);
        }
    }
    let first = taken.first()?.clone();
    let in_response = |at: usize| taken.iter().any(|h| (h.end..h.section_end).contains(&at));
    let in_section = |at: usize| taken.iter().any(|h| (h.start..h.section_end).contains(&at));
    let points = blank(text, |at| at >= offset && in_section(at));
    let response = blank(text, |at| at >= offset && !in_response(at));
    Some(Divided {
        points,
        response,
        heading: first,
    })
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

    const CASE: &str = "---\ncase: 1\n---\n\n## Risk\n- A point.\n\n### Police response:\n\n- The force's words.\n\nMore words.\n\n## Outcome\n- Another point.\n";

    fn offset() -> usize {
        CASE.find("\n\n## Risk").unwrap_or(0)
    }

    #[test]
    fn the_response_is_cut_out_at_the_same_lines() {
        let named = vec!["Police Response".to_string()];
        let divided = divide(CASE, offset(), &named).expect("a response heading");
        assert_eq!(divided.heading.text, "Police response:");
        assert_eq!(divided.heading.level, 3);
        assert_eq!(divided.points.len(), CASE.len());
        assert_eq!(divided.points.lines().count(), CASE.lines().count());
        assert!(divided.points.contains("- A point."));
        assert!(divided.points.contains("## Outcome\n- Another point."));
        assert!(!divided.points.contains("force"));
        assert!(!divided.points.contains("Police"));
        let kept: Vec<&str> = divided
            .response
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            kept,
            [
                "---",
                "case: 1",
                "---",
                "- The force's words.",
                "More words."
            ]
        );
        let line = CASE
            .lines()
            .position(|l| l.contains("force's"))
            .unwrap_or(0);
        assert_eq!(
            divided.response.lines().nth(line),
            Some("- The force's words.")
        );
    }

    #[test]
    fn without_a_named_heading_nothing_is_divided() {
        assert_eq!(divide(CASE, offset(), &[]), None);
        assert_eq!(divide(CASE, offset(), &["Force reply".to_string()]), None);
        let fenced = "---\ncase: 1\n---\n```\n## Police response\n```\n> ## Police response\n";
        assert_eq!(divide(fenced, 16, &["Police response".to_string()]), None);
    }

    #[test]
    fn a_heading_matches_as_a_reader_reads_it() {
        let named = vec!["Police’s response".to_string()];
        assert!(names(" police's   RESPONSE: ", &named));
        assert!(!names("Police response", &named));
    }
}
