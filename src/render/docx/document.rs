//! word/document.xml: the report's content in the same order as the HTML page.
//!
//! Title page, contents, then 1.0 Background, 2.0 Cases, 3.0 Summary and 4.0 Observations,
//! each starting on a new page as a printed report does, and last an appendix with the
//! evidence behind each theme, which the page shows folded away. The body is written first and the
//! table of contents afterwards, from the headings actually written, so the two cannot
//! disagree. The contents is a real TOC field whose cached result already lists the
//! headings: the document opens complete, and Word can refresh it with page numbers.

use std::collections::BTreeMap;

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::styles::{ACCENT, MUTED};
use super::summary;
use super::tables::{self, Cell, Look, split};
use super::xml::Xml;
use super::{cases, evidence, observations};
use crate::analyse::Analysis;
use crate::model::Report;
use crate::render::text::{count_note, long_date};

/// Checks beyond this many put the checklist matrix on a landscape page.
const PORTRAIT_CHECKS: usize = 6;

/// Writes document.xml; `body` collects the links, lists and headings on the way.
pub fn write(report: &Report, analysis: &Analysis, body: &mut Body) -> String {
    title_page(report, analysis, body);
    let front = std::mem::take(&mut body.xml);
    sections(report, analysis, body);
    let main = std::mem::take(&mut body.xml);
    let mut xml = Xml::part();
    xml.root("w:document")
        .open("w:body", &[])
        .raw(&front.finish());
    contents(body, &mut xml);
    xml.raw(&main.finish());
    body.layout.sect_pr(&mut xml, false);
    xml.close("w:body").close("w:document");
    xml.finish()
}

fn title_page(report: &Report, analysis: &Analysis, body: &mut Body) {
    let meta = &report.meta;
    if let Some(organisation) = &meta.organisation {
        body.paragraph(
            Para {
                before: Some(2400),
                ..Para::style("Subtitle")
            },
            organisation,
            Fmt::PLAIN,
        );
    }
    let title_para = Para {
        before: meta.organisation.is_none().then_some(2400),
        ..Para::style("Title")
    };
    body.paragraph(title_para, &meta.title, Fmt::PLAIN);
    rule(body, ACCENT, 18);
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(panel) = &meta.panel {
        facts.push(("Panel", panel.clone()));
    }
    if let Some(force) = &meta.force {
        facts.push(("Force", force.clone()));
    }
    facts.push(("Meeting date", long_date(&meta.meeting_date)));
    facts.push(("Cases reviewed", analysis.total_cases.to_string()));
    if let Some(marking) = &meta.marking {
        facts.push(("Protective marking", marking.clone()));
    }
    let widths = split(body.text_width(), &[28, 72]);
    tables::open(body, &widths, Look::Plain, 0);
    for (label, value) in &facts {
        tables::open_row(body, false, None);
        tables::cell(body, widths[0], Cell::BODY, |body| {
            body.paragraph(
                Para::style("TableText"),
                label,
                Fmt {
                    color: Some(MUTED),
                    size: Some(22),
                    ..Fmt::PLAIN
                },
            );
        });
        tables::cell(body, widths[1], Cell::BODY, |body| {
            body.paragraph(
                Para::style("TableText"),
                value,
                Fmt {
                    bold: true,
                    size: Some(22),
                    ..Fmt::PLAIN
                },
            );
        });
        tables::close_row(body);
    }
    tables::close(body);
    tables::spacer(body);
}

fn rule(body: &mut Body, color: &str, size: u32) {
    body.xml
        .open("w:p", &[])
        .open("w:pPr", &[])
        .open("w:pBdr", &[])
        .empty(
            "w:bottom",
            &[
                ("w:val", &"single"),
                ("w:sz", &size),
                ("w:space", &1),
                ("w:color", &color),
            ],
        )
        .close("w:pBdr")
        .empty("w:spacing", &[("w:after", &240)])
        .close("w:pPr")
        .close("w:p");
}

/// The contents page: a TOC field whose result is already the list of headings.
fn contents(body: &Body, xml: &mut Xml) {
    let heading = body.styles.id("TOCHeading");
    xml.open("w:p", &[])
        .open("w:pPr", &[])
        .val("w:pStyle", heading)
        .empty("w:pageBreakBefore", &[])
        .close("w:pPr")
        .open("w:r", &[])
        .leaf("w:t", &[], "Contents")
        .close("w:r")
        .close("w:p");
    let last = body.toc.len().saturating_sub(1);
    for (i, entry) in body.toc.iter().enumerate() {
        let style = if entry.level == 1 { "TOC1" } else { "TOC2" };
        xml.open("w:p", &[])
            .open("w:pPr", &[])
            .val("w:pStyle", body.styles.id(style))
            .close("w:pPr");
        if i == 0 {
            field_char(xml, "begin");
            xml.open("w:r", &[])
                .leaf(
                    "w:instrText",
                    &[("xml:space", &"preserve")],
                    r#" TOC \o "1-2" \h \z \u "#,
                )
                .close("w:r");
            field_char(xml, "separate");
        }
        xml.open(
            "w:hyperlink",
            &[("w:anchor", &entry.bookmark), ("w:history", &1)],
        )
        .open("w:r", &[])
        .leaf("w:t", &[("xml:space", &"preserve")], &entry.text)
        .close("w:r")
        .close("w:hyperlink");
        if i == last {
            field_char(xml, "end");
        }
        xml.close("w:p");
    }
}

fn field_char(xml: &mut Xml, kind: &str) {
    xml.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", &kind)])
        .close("w:r");
}

fn sections(report: &Report, analysis: &Analysis, body: &mut Body) {
    body.heading(1, "1.0 Background", true);
    match &report.background {
        Some(doc) => blocks(body, &doc.blocks, Place::BODY),
        None => empty(body, "No background was given."),
    }

    body.heading(1, "2.0 Cases", true);
    // Looked up once per piece of evidence, so a map rather than a scan.
    let mut case_marks: BTreeMap<u32, String> = BTreeMap::new();
    for (case, themes) in report.cases.iter().zip(&analysis.case_themes) {
        if let Some(mark) = cases::case_section(report, analysis, case, themes, body) {
            case_marks.insert(case.number, mark);
        }
    }
    let case_link = |n: u32| case_marks.get(&n).cloned();

    body.heading(1, "3.0 Summary", true);
    body.heading(2, "3.1 Themes found", false);
    let found: Vec<_> = analysis.themes.iter().filter(|t| t.count() > 0).collect();
    if found.is_empty() {
        empty(body, "No theme was found in any case.");
    } else {
        let list = body.numbering.add(false, 0, 1);
        for theme in found {
            let sentence = theme
                .summary
                .clone()
                .unwrap_or_else(|| format!("{}.", theme.label));
            body.open_p(Para {
                num: Some((list, 0)),
                ..Para::style("ListParagraph")
            });
            body.run(sentence.trim_end(), Fmt::PLAIN);
            body.run(
                &format!(" {}", count_note(&theme.cases, analysis.total_cases)),
                Fmt {
                    color: Some(ACCENT),
                    ..Fmt::PLAIN
                },
            );
            body.close_p();
        }
    }
    if let Some(doc) = &report.summary {
        body.heading(3, "The panel’s summary", false);
        blocks(body, &doc.blocks, Place::BODY);
    }

    body.heading(2, "3.2 Theme tally", false);
    if analysis.themes.is_empty() {
        empty(body, "No themes were defined or tagged.");
    } else {
        let total = analysis.total_cases;
        summary::caption(
            body,
            &format!("Cases with each theme, out of {total} reviewed"),
        );
        summary::chart(body, analysis);
        summary::caption(
            body,
            "Themes, the number and share of cases with each, and the cases behind it",
        );
        summary::tally(body, analysis);
        if analysis.themes.iter().any(|t| !t.evidence.is_empty()) {
            empty(
                body,
                "The evidence behind each theme is listed in the appendix.",
            );
        }
    }

    body.heading(2, "3.3 Judgements", false);
    summary::caption(body, "The panel’s overall judgement of each case");
    summary::judgements(body, analysis);

    if !report.meta.checks.is_empty() {
        body.heading(2, "3.4 Checklist results", false);
        summary::caption(body, "Answers to each question of the review checklist");
        summary::checks(body, analysis);
        let landscape = report.meta.checks.len() > PORTRAIT_CHECKS;
        if landscape {
            body.section_break(true);
        }
        summary::caption(body, "Checklist answers, case by case");
        summary::matrix(body, report);
        if landscape {
            body.section_break(false);
        } else {
            tables::spacer(body);
        }
    }

    body.heading(1, "4.0 Observations", true);
    if report.observations.is_empty() {
        empty(body, "No observations were recorded.");
    } else {
        observations::observations(report, analysis, body);
    }
    if let Some(doc) = &report.closing {
        blocks(body, &doc.blocks, Place::BODY);
    }
    evidence::evidence(body, report, analysis, &case_link);
}

/// A line saying that something the report usually has is not there.
fn empty(body: &mut Body, text: &str) {
    let fmt = Fmt {
        italic: true,
        color: Some(MUTED),
        ..Fmt::PLAIN
    };
    body.paragraph(Para::default(), text, fmt);
}
