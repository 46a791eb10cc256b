//! The appendix: the evidence behind each theme, case by case.
//!
//! This is what makes the tally checkable: each theme lists the cases that have it and
//! why, in the view's reader's words: the feedback point itself, once, or the checklist
//! answer or case fact as a sentence. Files, lines and rules are for report.json and
//! `themes --explain`. It sits at the end of the document, out of the reader's way,
//! because the force reads the findings and the panel checks them.

use std::io::{self, Write};

use super::body::{Body, Fmt, Para};
use super::styles::ACCENT;
use crate::analyse::Analysis;
use crate::model::CaseKey;
use crate::view::View;
use crate::view::wording::{count_and_mentions, from_checklist};

/// Whether there is an appendix.
pub fn has_evidence(analysis: &Analysis) -> bool {
    analysis.themes.iter().any(|t| !t.evidence.is_empty())
}

/// The appendix, when any theme has evidence: for each theme, the case, the rule or tag
/// that matched, where it was written, and the text. `case_link` gives the bookmark of a
/// case's heading, so each case number links back to it.
pub fn evidence(
    body: &mut Body,
    view: &View<'_>,
    case_link: &dyn Fn(CaseKey) -> Option<String>,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let analysis = view.analysis;
    if !has_evidence(analysis) {
        return Ok(());
    }
    let l = view.labels;
    body.heading(1, &l.appendix_evidence, true);
    body.paragraph(Para::default(), &l.appendix_intro, Fmt::PLAIN);
    for shown in view.themes.iter().filter(|t| !t.tally.evidence.is_empty()) {
        let theme = shown.tally;
        body.open_p(Para {
            keep_next: true,
            after: Some(60),
            ..Para::default()
        });
        body.run_in(
            shown.label.text,
            shown.label.lang,
            Fmt {
                bold: true,
                color: Some(ACCENT),
                ..Fmt::PLAIN
            },
        );
        body.run(&format!(" {}", count_and_mentions(l, shown)), Fmt::MUTED);
        body.close_p();
        let list = body.numbering.add(false, 0, 1);
        for line in view.checklist_evidence(theme) {
            body.open_p(Para {
                num: Some((list, 0)),
                after: Some(60),
                ..Para::style("ListParagraph")
            });
            body.run(
                &from_checklist(l, &line, &view.names.list(&line.cases)),
                Fmt {
                    size: Some(20),
                    ..Fmt::PLAIN
                },
            );
            body.close_p();
        }
        for (n, e) in view.evidence(theme).into_iter().enumerate() {
            // A theme found in thousands of cases would otherwise be held whole in memory
            // before it is written: tens of MB at 20,000 cases.
            if n % 256 == 255 {
                body.xml.spill(sink)?;
            }
            body.open_p(Para {
                num: Some((list, 0)),
                after: Some(60),
                ..Para::style("ListParagraph")
            });
            let label = view.names.heading(e.case);
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
            body.run(": ", Fmt::PLAIN);
            body.run_in(
                &e.text,
                e.lang.as_deref(),
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
