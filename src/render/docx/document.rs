//! word/document.xml: the report's content in the same order as the HTML page.
//!
//! Title page, contents, then 1.0 Background, 2.0 Cases, 3.0 Summary and 4.0 Observations,
//! each starting on a new page as a printed report does, and last an appendix with the
//! evidence behind each theme, which the page shows folded away. The contents is a real TOC
//! field whose cached result already lists the headings: the document opens complete, and
//! Word can refresh it with page numbers. It comes first in the file but the body is
//! streamed out as it is written, so the headings are listed beforehand by [`outline`],
//! which a test holds to what the body writes.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para, TocEntry, bookmark};
use super::styles::{ACCENT, MUTED};
use super::summary;
use super::tables::{self, Cell, Look, split};
use super::{breakdown, cases, evidence, follow, observations};
use crate::catalogue::fill;
use crate::model::CaseKey;
use crate::office::xml::Xml;
use crate::view::wording::theme_note;
use crate::view::{CaseGroup, Shown, View};

/// Checks beyond this many put the checklist matrix on a landscape page.
const PORTRAIT_CHECKS: usize = 6;

/// Writes document.xml to `sink` a case at a time; `body` collects the links and lists
/// on the way.
pub fn write(view: &View<'_>, body: &mut Body, sink: &mut dyn Write) -> io::Result<()> {
    title_page(view, body);
    let front = std::mem::take(&mut body.xml);
    let outline = outline(view);
    let mut xml = Xml::part();
    xml.root("w:document")
        .open("w:body", &[])
        .raw(&front.finish());
    contents(body, &view.labels.contents, &outline, &mut xml);
    xml.spill(sink)?;
    sections(view, body, sink)?;
    debug_assert_eq!(
        body.toc, outline,
        "the contents must list the headings written"
    );
    let mut end = std::mem::take(&mut body.xml);
    body.layout.sect_pr(&mut end, false);
    end.close("w:body").close("w:document");
    end.spill(sink)
}

/// The headings of levels 1 and 2, in the order [`sections`] writes them: the view's
/// outline, with a heading per case under 2.0 and the appendix at the end.
pub fn outline(view: &View<'_>) -> Vec<TocEntry> {
    let mut headings: Vec<(u8, String)> = Vec::new();
    for (level, section) in view.outline.all() {
        headings.push((level, section.heading()));
        if section == &view.outline.cases {
            let groups = view.case_groups();
            for (index, case) in view.report.cases.iter().enumerate() {
                if let Some(label) = group_opened(&groups, index) {
                    headings.push((2, label.text.to_string()));
                }
                headings.push((2, view.case_heading(case).0));
            }
        }
    }
    if evidence::has_evidence(view.analysis) {
        headings.push((1, view.labels.appendix_evidence.clone()));
    }
    headings
        .into_iter()
        .zip(1..)
        .map(|((level, text), id)| TocEntry {
            level,
            text,
            bookmark: bookmark(id),
        })
        .collect()
}

fn title_page(view: &View<'_>, body: &mut Body) {
    let meta = &view.report.meta;
    if let Some(organisation) = view.organisation() {
        body.open_p(Para {
            before: Some(2400),
            ..Para::style("Subtitle")
        });
        body.run_in(organisation.text, organisation.lang, Fmt::PLAIN);
        body.close_p();
    }
    let title_para = Para {
        before: meta.organisation.is_none().then_some(2400),
        ..Para::style("Title")
    };
    let title = view.title();
    body.open_p(title_para);
    body.run_in(title.text, title.lang, Fmt::PLAIN);
    body.close_p();
    body.rule(ACCENT, 18, 240);
    for (code, text) in view.other_versions() {
        let name = crate::render::Format::Docx.file_name_in(code, &meta.languages);
        body.version_link(&name, code, text);
    }
    let facts = view.title_facts();
    let widths = split(body.text_width(), &[28, 72]);
    tables::open(body, &widths, Look::Plain, 0);
    for (i, (label, value)) in facts.iter().enumerate() {
        tables::keep_row(body, i, facts.len());
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
    body.keep_together = false;
    tables::spacer(body);
}

/// The contents page: a TOC field whose result is already the list of headings.
fn contents(body: &Body, title: &str, outline: &[TocEntry], xml: &mut Xml) {
    let heading = body.styles.id("TOCHeading");
    xml.open("w:p", &[])
        .open("w:pPr", &[])
        .val("w:pStyle", heading)
        .empty("w:pageBreakBefore", &[])
        .close("w:pPr")
        .open("w:r", &[])
        .leaf("w:t", &[], title)
        .close("w:r")
        .close("w:p");
    let last = outline.len().saturating_sub(1);
    for (i, entry) in outline.iter().enumerate() {
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

/// The label of the case type whose first case is at `index`, for its heading.
fn group_opened<'a>(groups: &[CaseGroup<'a>], index: usize) -> Option<Shown<'a>> {
    groups
        .iter()
        .find(|g| g.cases.start == index)
        .and_then(|g| g.label)
}

fn sections(view: &View<'_>, body: &mut Body, sink: &mut dyn Write) -> io::Result<()> {
    let report = view.report;
    let analysis = view.analysis;
    let outline = &view.outline;
    let l = view.labels;
    body.heading(1, &outline.background.heading(), true);
    match view.doc(&report.background) {
        Some((doc, lang)) => body.in_language(lang, |body| blocks(body, doc, Place::BODY)),
        None => empty(body, &l.no_background),
    }

    body.heading(1, &outline.cases.heading(), true);
    let groups = view.case_groups();
    // Looked up once per piece of evidence, so a map rather than a scan.
    let mut case_marks: BTreeMap<CaseKey, String> = BTreeMap::new();
    for index in 0..report.cases.len() {
        if let Some(label) = group_opened(&groups, index) {
            body.in_language(label.lang, |body| {
                body.heading(2, label.text, false);
            });
        }
        let case = view.case(index);
        if let Some(mark) = cases::case_section(view, &case, body) {
            case_marks.insert(report.meta.case_key(case.case), mark);
        }
        body.xml.spill(sink)?;
    }
    let case_link = |key: CaseKey| case_marks.get(&key).cloned();

    body.heading(1, &outline.summary.heading(), true);
    body.heading(2, &outline.themes_found.heading(), false);
    let groups = view.theme_groups();
    let found = |themes: &[&crate::view::ThemeView<'_>]| themes.iter().any(|t| t.tally.count() > 0);
    if !groups.iter().any(|(_, themes)| found(themes)) {
        empty(body, &l.no_theme_found);
    }
    for (label, themes) in &groups {
        if !found(themes) {
            continue;
        }
        if let Some(label) = label {
            body.heading(3, label, false);
        }
        let list = body.numbering.add(false, 0, 1);
        for theme in themes.iter().filter(|t| t.tally.count() > 0) {
            body.open_p(Para {
                num: Some((list, 0)),
                ..Para::style("ListParagraph")
            });
            let (sentence, lang) = theme.sentence();
            body.run_in(&sentence, lang, Fmt::PLAIN);
            body.run(
                &format!(" {}", theme_note(l, &view.names, theme)),
                Fmt {
                    color: Some(ACCENT),
                    ..Fmt::PLAIN
                },
            );
            body.close_p();
        }
    }
    if let Some((doc, lang)) = view.doc(&report.summary) {
        body.heading(3, &l.panel_summary, false);
        body.in_language(lang, |body| blocks(body, doc, Place::BODY));
    }

    body.heading(2, &outline.tally.heading(), false);
    if analysis.themes.is_empty() {
        empty(body, &l.no_themes);
    } else {
        let total = analysis.total_cases;
        summary::caption(
            body,
            &fill(&l.chart_caption, &[("total", &total.to_string())]),
        );
        summary::chart(body, view);
        summary::caption(body, &l.tally_caption);
        summary::tally(body, view);
        breakdown::breakdowns(body, view);
        breakdown::pairs(body, view, empty);
        if analysis.themes.iter().any(|t| !t.evidence.is_empty()) {
            empty(body, &l.evidence_in_appendix);
        }
    }

    body.heading(2, &outline.judgements.heading(), false);
    if view.shows_report_scale() {
        summary::caption(body, &l.judgements_caption);
        summary::judgements(body, view, &view.judgements, &view.unjudged);
    }
    for scale in &view.type_scales {
        summary::caption(body, &scale.caption(&l.judgements_caption));
        summary::judgements(body, view, &scale.judgements, &scale.unjudged);
    }
    summary::carried(body, view);

    if let Some(checklist) = &outline.checklist {
        body.heading(2, &checklist.heading(), false);
        summary::caption(body, &l.checks_caption);
        summary::checks(body, view);
        let groups = view.case_groups();
        let widest = groups.iter().map(|g| g.checks.len()).max().unwrap_or(0);
        let landscape = widest > PORTRAIT_CHECKS;
        if landscape {
            body.section_break(true);
        }
        for (i, group) in groups.iter().enumerate() {
            if i > 0 {
                tables::spacer(body);
            }
            summary::caption(body, &group.matrix_caption(l));
            summary::matrix(body, view, group);
        }
        summary::matrix_notes(body, view);
        if landscape {
            body.section_break(false);
        } else {
            tables::spacer(body);
        }
    }

    body.heading(1, &outline.observations.heading(), true);
    if report.observations.is_empty() {
        empty(body, &l.no_observations);
    } else {
        observations::observations(view, body);
    }
    if let Some(section) = &outline.follow_up {
        body.heading(1, &section.heading(), false);
        follow::follow_up(view, body);
    }
    if let (Some((doc, lang)), Some(closing)) = (view.doc(&report.closing), &outline.closing) {
        body.heading(1, &closing.heading(), false);
        body.in_language(lang, |body| blocks(body, doc, Place::BODY));
    }
    evidence::evidence(body, view, &case_link, sink)
}

/// A line saying that something the report usually has is not there.
pub(crate) fn empty(body: &mut Body, text: &str) {
    let fmt = Fmt {
        italic: true,
        color: Some(MUTED),
        ..Fmt::PLAIN
    };
    body.paragraph(Para::default(), text, fmt);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Source};
    use crate::render::docx::layout::Layout;
    use crate::render::docx::numbering::Numbering;
    use crate::render::docx::styles::StyleIds;

    fn written_headings(report_yaml: &str, case: &str) -> (Vec<TocEntry>, Vec<TocEntry>, String) {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: report_yaml.into(),
            }),
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: case.into(),
            }],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        let analysis = crate::analyse::analyse(&report, &mut diagnostics);
        let ids = StyleIds::default();
        let mut body = Body::new(&ids, Numbering::new(None).unwrap(), Layout::default());
        let mut xml = Vec::new();
        let view = View::new(&report, &analysis);
        write(&view, &mut body, &mut xml).unwrap();
        let toc = std::mem::take(&mut body.toc);
        (outline(&view), toc, String::from_utf8(xml).unwrap())
    }

    #[test]
    fn the_contents_list_exactly_the_headings_written() {
        let with_everything = written_headings(
            "title: T\nmeeting_date: 2021-09-29\nchecks:\n  - id: risk\n    label: Risk identified\n",
            "---\ncase: 3\ntitle: Online abuse\nchecks:\n  risk: yes\n---\n## Risk\n- A point. #slow\n",
        );
        let with_nothing = written_headings(
            "title: T\nmeeting_date: 2021-09-29\n",
            "---\ncase: 1\n---\n- A point.\n",
        );
        for (outline, toc, xml) in [with_everything, with_nothing] {
            assert_eq!(outline, toc);
            assert!(xml.starts_with("<?xml"), "{xml}");
            assert!(xml.ends_with("</w:body></w:document>"), "{xml}");
        }
    }
}
