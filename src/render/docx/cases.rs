//! One case of section 2.0: its heading, the facts from its front matter, its feedback
//! points under their own headings, and the themes it was found to have.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::styles::MUTED;
use crate::analyse::Analysis;
use crate::model::{Case, Report, Section, plain_text};
use crate::render::text::{case_heading, judgement_label, strand_label, strand_list};

/// Writes the case and returns the bookmark of its heading, for links to it.
pub fn case_section(
    report: &Report,
    analysis: &Analysis,
    case: &Case,
    themes: &[String],
    body: &mut Body,
) -> Option<String> {
    let mark = body.heading(2, &case_heading(case), false);
    let judgement = case
        .judgement
        .as_ref()
        .map(|j| judgement_label(&report.meta, &j.value));
    let strands = strand_list(&case.strands);
    let facts: Vec<(&str, String)> = [
        ("Recorded as", case.recorded_as.clone()),
        ("Strand", (!strands.is_empty()).then_some(strands)),
        ("Risk", case.risk.as_deref().map(strand_label)),
        ("Panel judgement", judgement),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((label, value?)))
    .collect();
    if !facts.is_empty() {
        body.open_p(Para::style("CaseFacts"));
        for (i, (label, value)) in facts.iter().enumerate() {
            if i > 0 {
                body.run("     ", Fmt::PLAIN);
            }
            body.run(
                &format!("{label}: "),
                Fmt {
                    color: Some(MUTED),
                    ..Fmt::PLAIN
                },
            );
            body.run(value, Fmt::BOLD);
        }
        body.close_p();
    }
    case_sections(body, &case.sections, 3);
    if !themes.is_empty() {
        let labels: Vec<String> = themes
            .iter()
            .map(|id| {
                analysis
                    .themes
                    .iter()
                    .find(|t| &t.id == id)
                    .map_or_else(|| id.clone(), |t| t.label.clone())
            })
            .collect();
        body.open_p(Para {
            before: Some(60),
            ..Para::default()
        });
        body.run(
            "Themes: ",
            Fmt {
                bold: true,
                ..Fmt::MUTED
            },
        );
        body.run(&labels.join("; "), Fmt::MUTED);
        body.close_p();
    }
    mark
}

/// A case's sections under Heading 3, the sections nested in them under Heading 4 (the
/// deepest heading style the report has, so deeper ones share it).
fn case_sections(body: &mut Body, sections: &[Section], level: u8) {
    for section in sections {
        if let Some(heading) = &section.heading {
            let text = plain_text(heading);
            if !text.trim().is_empty() {
                body.heading(level, &text, false);
            }
        }
        blocks(body, &section.blocks, Place::BODY);
        case_sections(body, &section.children, (level + 1).min(4));
    }
}
