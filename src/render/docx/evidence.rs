//! The appendix: the evidence behind each theme, case by case.
//!
//! This is what makes the tally checkable: each theme lists the cases that have it and
//! why, whether a `#tag` in a point, a checklist answer, a front-matter field or a phrase,
//! with the file and line it came from. It sits at the end of the document, out of the
//! reader's way, because the force reads the findings and the panel checks them.

use std::io::{self, Write};

use super::body::{Body, Fmt, Para};
use super::styles::ACCENT;
use crate::analyse::Analysis;
use crate::model::Report;
use crate::render::text::{case_label, count_note, evidence_rule, evidence_text};

/// The appendix's heading.
pub const HEADING: &str = "Appendix – Evidence behind each theme";

/// Whether there is an appendix.
pub fn has_evidence(analysis: &Analysis) -> bool {
    analysis.themes.iter().any(|t| !t.evidence.is_empty())
}

/// The appendix, when any theme has evidence: for each theme, the case, the rule or tag
/// that matched, where it was written, and the text. `case_link` gives the bookmark of a
/// case's heading, so each case number links back to it.
pub fn evidence(
    body: &mut Body,
    report: &Report,
    analysis: &Analysis,
    case_link: &dyn Fn(u32) -> Option<String>,
    sink: &mut dyn Write,
) -> io::Result<()> {
    if !has_evidence(analysis) {
        return Ok(());
    }
    body.heading(1, HEADING, true);
    body.paragraph(
        Para::default(),
        "Each theme lists the cases found to have it and why: a #tag in a feedback point, an answer to a checklist question, a field of the case, or a phrase in a point, with the file and line it came from.",
        Fmt::PLAIN,
    );
    for theme in analysis.themes.iter().filter(|t| !t.evidence.is_empty()) {
        body.open_p(Para {
            keep_next: true,
            after: Some(60),
            ..Para::default()
        });
        body.run(
            &theme.label,
            Fmt {
                bold: true,
                color: Some(ACCENT),
                ..Fmt::PLAIN
            },
        );
        body.run(
            &format!(" {}", count_note(&theme.cases, analysis.total_cases)),
            Fmt::MUTED,
        );
        body.close_p();
        let list = body.numbering.add(false, 0, 1);
        for e in &theme.evidence {
            body.open_p(Para {
                num: Some((list, 0)),
                after: Some(60),
                ..Para::style("ListParagraph")
            });
            let label = case_label(e.case);
            let small_bold = Fmt {
                bold: true,
                size: Some(20),
                ..Fmt::PLAIN
            };
            match case_link(e.case) {
                Some(anchor) => {
                    body.xml
                        .open("w:hyperlink", &[("w:anchor", &anchor), ("w:history", &1)]);
                    body.run(
                        &label,
                        Fmt {
                            style: Some("Hyperlink"),
                            ..small_bold
                        },
                    );
                    body.xml.close("w:hyperlink");
                }
                None => body.run(&label, small_bold),
            }
            let rule = evidence_rule(e);
            let source = format!("  {}: {} · {}:{}", e.source.id(), rule, e.file, e.line);
            body.run(
                &source,
                Fmt {
                    size: Some(17),
                    ..Fmt::MUTED
                },
            );
            body.line_break();
            let text = evidence_text(&report.meta, e);
            body.run(
                &text,
                Fmt {
                    size: Some(20),
                    ..Fmt::PLAIN
                },
            );
            body.close_p();
        }
        body.xml.spill(sink)?;
    }
    Ok(())
}
