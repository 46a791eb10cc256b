//! The force's answer on a case: the text under a heading named in `response_headings:`,
//! taken out of the case body before its points are read, so that the force's words are
//! never the panel's points nor evidence for a theme. It is cut out as every such part
//! is ([`super::part`]).

use super::part::{Heading, Names, Span, cut, headings};
use crate::catalogue::{LANGUAGES, Labels};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::model::{Meta, Section, plain_text};

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

/// Divides the body of `text` (from byte `offset`) at every heading named in `names`;
/// `None` when there is none, so that a case without one is read exactly as before.
pub fn divide(text: &str, offset: usize, response_headings: &[String]) -> Option<Divided> {
    let named = Names::new(response_headings);
    if !named.may_be_in(&text[offset..]) {
        return None;
    }
    let mut taken: Vec<Heading> = Vec::new();
    for heading in headings(text, offset) {
        let inside = taken.last().is_some_and(|t| heading.start < t.section_end);
        if !inside && named.has(&heading.text) {
            taken.push(heading);
        }
    }
    let first = taken.first()?.clone();
    let spans: Vec<Span> = taken.iter().map(Heading::span).collect();
    let cut = cut(text, offset, &spans);
    Some(Divided {
        points: cut.rest,
        response: cut.part,
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
    let words = Names::new(
        BUILT_IN.iter().cloned().chain(
            meta.catalogues
                .iter()
                .flat_map(|(_, l)| [l.col_force_response.clone(), l.case_response.clone()]),
        ),
    );
    // The parsed headings first, so that a case without such a heading costs no second
    // reading of its text.
    if !any_named(sections, &words) {
        return;
    }
    for heading in headings(text, offset) {
        if !words.has(&heading.text) {
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

fn any_named(sections: &[Section], words: &Names) -> bool {
    sections.iter().any(|s| {
        s.heading
            .as_ref()
            .is_some_and(|h| words.has(&plain_text(h)))
            || any_named(&s.children, words)
    })
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
        let named = Names::new(["Police’s response"]);
        assert!(named.has(" police's   RESPONSE: "));
        assert!(!named.has("Police response"));
    }
}
