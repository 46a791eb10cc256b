//! report.docx: the report as a Word document the force can edit and send on.
//!
//! The WordprocessingML is written by hand, through the Office layer's XML writer and
//! package (`crate::office`), rather than through a document library such as
//! docx-rs. That crate cannot mark a table row as a repeating header (`w:tblHeader`), has
//! no way to take styles, headers and footers from a house template, gives numbering id 1
//! a meaning of its own so a list can collide with it, and does not always write child
//! elements in the order the schema requires, which Word punishes by refusing the file.
//! Writing the parts ourselves keeps all of that in view and the output byte-for-byte
//! stable.
//!
//! The modules follow the package: [`document`] lays out the content in the HTML page's
//! order ([`cases`], [`summary`], [`observations`], [`evidence`]), with [`blocks`] for
//! Markdown and [`tables`] for tables, all on top of [`body`]'s paragraphs and runs and
//! [`layout`]'s sections; [`styles`] and [`numbering`] write the parts they are named
//! after, [`headers`] the page furniture (a house template's, read by
//! [`crate::office::template`], when it has any), [`theme`] writes the theme and font
//! table Word requires, and [`package`] lists the parts the Office layer zips. trends.docx,
//! in [`crate::render::trends`], is laid out with the same modules.

pub(crate) mod blocks;
pub(crate) mod body;
mod breakdown;
mod case_response;
mod cases;
pub(crate) mod controls;
pub(crate) mod document;
mod evidence;
mod follow;
pub(crate) mod headers;
pub(crate) mod layout;
mod links;
pub(crate) mod numbering;
mod observations;
pub(crate) mod package;
pub(crate) mod styles;
mod summary;
pub(crate) mod tables;
mod theme;

use std::io::{self, Seek, Write};

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::office::Refusal;
use crate::office::names;
use crate::office::package::write::Writer;
use crate::office::template::{self, Template};
use crate::render::{RenderError, Sources};

use body::Body;
use layout::Layout;
use numbering::Numbering;
use styles::StyleIds;

/// The Word document's renderer.
pub struct Docx;

impl crate::render::Renderer<Sources<'_>> for Docx {
    fn file_name(&self) -> &'static str {
        "report.docx"
    }

    fn check(&self, sources: Sources<'_>, diagnostics: &mut Diagnostics) {
        check(sources, diagnostics);
    }

    fn render(
        &self,
        sources: Sources<'_>,
        mut out: &mut dyn crate::render::Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(sources, &mut out, diagnostics)
    }
}

/// Reports what stops report.docx from rendering, or what of the house template it
/// cannot use, at the `word_template:` line that names it.
pub fn check(sources: Sources<'_>, diagnostics: &mut Diagnostics) {
    match house_template(sources) {
        Ok((template, _)) => {
            for warning in template.iter().flat_map(|t| &t.warnings) {
                diagnostics.push(at_template(sources, Diagnostic::warning, warning));
            }
        }
        Err(err) => diagnostics.push(at_template(sources, Diagnostic::error, &err)),
    }
}

/// Reads report.yaml's `word_template:` file, if it names one, with the numbering that
/// continues from its lists, or says why it cannot be used.
fn house_template(sources: Sources<'_>) -> Result<(Option<Template>, Numbering), Refusal> {
    let template = sources.word_template.map(template::read).transpose()?;
    let numbering = Numbering::new(template.as_ref().and_then(|t| t.numbering.as_deref()))?;
    Ok((template, numbering))
}

/// A diagnostic about the house template, at the `word_template:` line that names it:
/// the meeting's report.yaml, or in an archive perhaps panel.yaml.
fn at_template(
    sources: Sources<'_>,
    severity: fn(String, Loc, String) -> Diagnostic,
    err: &Refusal,
) -> Diagnostic {
    let (name, file, loc) = sources.view.report.meta.word_template.as_ref().map_or(
        ("the Word template", crate::layout::REPORT, Loc::START),
        |t| (t.value.as_str(), t.source.path(), t.loc),
    );
    severity(file.into(), loc, format!("`{name}`: {}", err.message))
        .width(name.chars().count())
        .hint(err.hint.clone())
}

/// Renders report.docx. `word_template` holds the bytes of report.yaml's `word_template:`
/// file; a template that cannot be used is reported at that line and nothing is rendered.
pub fn render(
    sources: Sources<'_>,
    out: &mut (impl Write + Seek),
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    let view = sources.view;
    let report = view.report;
    let lang = word_language(view.language);
    // The template's warnings were reported by `check`, which runs before any rendering.
    let (template, numbering) = house_template(sources).map_err(|err| {
        diagnostics.push(at_template(sources, Diagnostic::error, &err));
        RenderError::Reported
    })?;
    let styles_xml = template.as_ref().and_then(|t| t.styles.as_deref());
    let ids = StyleIds::new(styles_xml);
    let furniture = headers::furniture(&report.meta, view.labels, template.as_ref(), &ids);
    let layout = Layout {
        page: template.as_ref().and_then(|t| t.page),
        references: furniture
            .iter()
            .map(|f| (f.kind, f.which.clone(), f.rel_id.clone()))
            .collect(),
        title_page: template.as_ref().is_some_and(|t| t.title_page),
    };
    let mut body = Body::new(&ids, numbering, layout);
    let mut package = Writer::new(out);
    let document = package
        .start("word/document.xml")
        .map_err(io::Error::other)?;
    document::write(view, &mut body, document)?;
    let parts = package::Parts {
        meta: &report.meta,
        lang,
        styles: styles::styles_xml(styles_xml, &ids, lang),
        numbering: body.numbering.xml(),
        links: &body.links,
        furniture: &furniture,
        template: template.as_ref(),
        mark: Some(if view.is_original() {
            names::ORIGINAL
        } else {
            names::TRANSLATION
        }),
        properties: &[],
    };
    for (name, bytes) in package::files(&parts) {
        package.add(&name, &bytes).map_err(io::Error::other)?;
    }
    package.finish().map_err(io::Error::other)?;
    Ok(())
}

/// A document of build-report's own besides the report (trends.docx, a review pack):
/// `write` lays out its body on the built-in styles, under the page furniture `meta`
/// gives (its marking, page numbers), and the package is zipped to `out` with `mark` and
/// `properties` as its custom properties when it is one that is read back.
pub(crate) fn own_document(
    meta: &crate::model::Meta,
    labels: &crate::catalogue::Labels,
    language: &str,
    mark: Option<&str>,
    properties: &[(&str, String)],
    out: &mut (impl Write + Seek),
    write: impl FnOnce(&mut Body),
) -> io::Result<()> {
    let lang = word_language(language);
    let ids = StyleIds::new(None);
    let furniture = headers::furniture(meta, labels, None, &ids);
    let layout = Layout {
        page: None,
        references: furniture
            .iter()
            .map(|f| (f.kind, f.which.clone(), f.rel_id.clone()))
            .collect(),
        title_page: false,
    };
    let numbering = Numbering::new(None).map_err(|e| io::Error::other(e.message))?;
    let mut body = Body::new(&ids, numbering, layout);
    write(&mut body);
    let mut xml = crate::office::xml::Xml::part();
    xml.root("w:document")
        .open("w:body", &[])
        .raw(&std::mem::take(&mut body.xml).finish());
    body.layout.sect_pr(&mut xml, body.landscape);
    xml.close("w:body").close("w:document");
    let mut package = Writer::new(out);
    let document = package
        .start("word/document.xml")
        .map_err(io::Error::other)?;
    document.write_all(xml.finish().as_bytes())?;
    let parts = package::Parts {
        meta,
        lang,
        styles: styles::styles_xml(None, &ids, lang),
        numbering: body.numbering.xml(),
        links: &body.links,
        furniture: &furniture,
        template: None,
        mark,
        properties,
    };
    for (name, bytes) in package::files(&parts) {
        package.add(&name, &bytes).map_err(io::Error::other)?;
    }
    package.finish().map_err(io::Error::other)?;
    Ok(())
}

/// A report language as Word names it: the language and the country, `cy-GB`.
pub(crate) fn word_language(code: &str) -> &'static str {
    match code {
        "cy" => "cy-GB",
        _ => "en-GB",
    }
}
