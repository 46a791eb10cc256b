//! The force's answer on a case: the text under a heading named in `response_headings:`,
//! taken out of the case body before its points are read, so that the force's words are
//! never the panel's points nor evidence for a theme.
//!
//! The two parts are cut from the file's text, not from the parsed tree: each keeps the
//! file's bytes where it has them and blanks the rest, so every line and column the
//! parser reports is still the file's own, and the points are read as if the response
//! had never been written.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::catalogue::{LANGUAGES, Labels};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::model::{Meta, Section, plain_text};

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

/// Without `response_headings:`, warns at each case heading that is one of the built-in
/// words for the force's response ("Force Response", "Police response", in any of the
/// report's languages): the force's words under it count as the panel's points.
pub fn unnamed(
    file: &str,
    text: &str,
    offset: usize,
    sections: &[Section],
    meta: &Meta,
    diagnostics: &mut Diagnostics,
) {
    if !meta.response_headings.is_empty() {
        return;
    }
    static BUILT_IN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        LANGUAGES
            .iter()
            .filter_map(|(code, _)| Labels::built_in(code))
            .flat_map(|l| [l.col_force_response, l.case_response])
            .collect()
    });
    let words: Vec<String> = BUILT_IN
        .iter()
        .cloned()
        .chain(
            meta.catalogues
                .iter()
                .flat_map(|(_, l)| [l.col_force_response.clone(), l.case_response.clone()]),
        )
        .collect();
    // The parsed headings first, so that a case without such a heading costs no second
    // reading of its text.
    if !any_named(sections, &words) {
        return;
    }
    for heading in headings(text, offset) {
        if !names(&heading.text, &words) {
            continue;
        }
        let line = text[..heading.start].matches('\n').count() + 1;
        let column = text[..heading.start]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        let written = text[heading.start..heading.end]
            .lines()
            .next()
            .unwrap_or("");
        diagnostics.push(
            Diagnostic::warning(file, Loc::new(line, column), format!("\"{}\" reads as the force's response, but its points count as the panel's", heading.text.trim()))
                .hint(format!("if the force's words are under it, add `response_headings: [{}]` to {}: they are then shown as the force's response and count toward no theme", heading.text.trim().trim_end_matches(':'), meta.files_giving("response_headings")))
                .width(written.trim_end().chars().count()),
        );
    }
}

fn any_named(sections: &[Section], words: &[String]) -> bool {
    sections.iter().any(|s| {
        s.heading
            .as_ref()
            .is_some_and(|h| names(&plain_text(h), words))
            || any_named(&s.children, words)
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

    fn warnings(text: &str, meta: &Meta) -> Vec<String> {
        let id = crate::diagnostic::SourceId::new("cases/case-01.md");
        let body =
            crate::parse::markdown::parse(&id, text, 0, crate::parse::markdown::Mode::Points);
        let sections = super::super::body::sections(body.blocks);
        let mut diagnostics = Diagnostics::default();
        unnamed(
            "cases/case-01.md",
            text,
            0,
            &sections,
            meta,
            &mut diagnostics,
        );
        diagnostics
            .sorted()
            .into_iter()
            .map(|d| format!("{}:{} {}", d.loc.line, d.loc.column, d.message))
            .collect()
    }

    #[test]
    fn a_built_in_response_heading_is_noted_only_without_the_setting() {
        let text = "- A point.\n\n### Ymateb yr heddlu\n- Words.\n\n## Response\n- More.\n";
        let meta = Meta::default();
        assert_eq!(
            warnings(text, &meta),
            [
                "3:1 \"Ymateb yr heddlu\" reads as the force's response, but its points count as the panel's"
            ]
        );
        assert!(warnings("## Risk\n- A point.\n", &meta).is_empty());
        let set = Meta {
            response_headings: vec!["Reply".into()],
            ..Meta::default()
        };
        assert!(warnings(text, &set).is_empty());
    }

    #[test]
    fn a_heading_matches_as_a_reader_reads_it() {
        let named = vec!["Police’s response".to_string()];
        assert!(names(" police's   RESPONSE: ", &named));
        assert!(!names("Police response", &named));
    }
}
