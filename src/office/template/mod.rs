//! Reading a panel's house template: the .docx named by `word_template:`.
//!
//! Like pandoc's `--reference-doc`, the report takes the template's styles, theme and page
//! set-up, and unlike it also its headers and footers (with the logos they show), because
//! an office's letterhead usually lives there. Nothing else of the template's body is
//! used. The file is untrusted: it is opened through the bounded [`Package`] reader, every
//! part also under [`MAX_PART_BYTES`], and any fault becomes a [`Refusal`] for a diagnostic.

mod section;

use super::package::{DOCUMENT, Package, Relationship, rels_of, resolve};
use super::xml::{attr, is_on, name, walk, well_formed};
use super::{Reading, Refusal};

pub use section::PageSetup;
use section::final_section;

/// No part of a real template comes near this; it bounds memory on a hostile file.
const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Images per header or footer part that are copied; a letterhead has one or two.
const MAX_MEDIA_PER_PART: usize = 16;
/// How refusals name what is read.
const READING: Reading = Reading::Template;

/// What the report takes from a house template.
#[derive(Debug, Default)]
pub struct Template {
    /// word/styles.xml as written.
    pub styles: Option<String>,
    pub theme: Option<Vec<u8>>,
    /// word/fontTable.xml, which lists the fonts the template's styles name.
    pub fonts: Option<Vec<u8>>,
    pub page: Option<PageSetup>,
    pub headers: Vec<HeaderFooter>,
    pub footers: Vec<HeaderFooter>,
    pub title_page: bool,
    pub even_and_odd: bool,
    /// word/numbering.xml as written, since the template's styles may number headings.
    pub numbering: Option<String>,
    /// Parts that the headers and footers refer to, such as a logo, by package path.
    pub media: Vec<(String, Vec<u8>)>,
    /// File extension and content type, from the template's [Content_Types].xml.
    pub content_types: Vec<(String, String)>,
    /// What the template has that the report cannot use, for warnings.
    pub warnings: Vec<Refusal>,
}

/// A header or footer part copied from the template, under a new name in our package.
#[derive(Debug, Clone)]
pub struct HeaderFooter {
    /// `default`, `first` or `even`.
    pub which: String,
    /// File name inside word/, such as `house-header1.xml`.
    pub name: String,
    pub xml: Vec<u8>,
    pub rels: Option<Vec<u8>>,
}

/// A part of the template as text.
fn text(package: &mut Package, name: &str) -> Result<Option<String>, Refusal> {
    package.text(name, MAX_PART_BYTES)
}

/// A part that is copied into the report as it is, so it must be well-formed XML.
fn copied(package: &mut Package, name: &str) -> Result<Option<String>, Refusal> {
    let text = text(package, name)?;
    if let Some(xml) = &text {
        well_formed(xml).map_err(|err| READING.malformed(name, None, err))?;
    }
    Ok(text)
}

fn relationships(package: &mut Package, part: &str) -> Result<Vec<Relationship>, Refusal> {
    package.relationships(part, MAX_PART_BYTES)
}

/// Reads the template, or says why it cannot be used.
pub fn read(bytes: &[u8]) -> Result<Template, Refusal> {
    let mut package = Package::open(bytes, READING)?;
    let Some(document) = text(&mut package, DOCUMENT)? else {
        return Err(READING.no_document());
    };
    let rels = relationships(&mut package, DOCUMENT)?;
    let mut template = Template::default();
    let section = final_section(&document)?;
    template.page = section.page;
    template.title_page = section.title_page;
    template.warnings = section.warnings;
    for (kind, which, id) in &section.references {
        let Some(rel) = rels.iter().find(|r| &r.id == id && !r.external) else {
            continue;
        };
        let Some(path) = resolve("word", &rel.target) else {
            continue;
        };
        let Some(xml) = copied(&mut package, &path)? else {
            continue;
        };
        let list = if kind == "header" {
            &mut template.headers
        } else {
            &mut template.footers
        };
        let name = format!("house-{kind}{}.xml", list.len() + 1);
        let part_rels = relationships(&mut package, &path)?;
        for rel in part_rels
            .iter()
            .filter(|r| !r.external)
            .take(MAX_MEDIA_PER_PART)
        {
            if let Some(media) = resolve("word", &rel.target)
                && !is_reserved(&media)
                && !template.media.iter().any(|(p, _)| *p == media)
                && let Some(bytes) = package.bytes(&media, MAX_PART_BYTES)?
            {
                template.media.push((media, bytes));
            }
        }
        let rels_bytes = copied(&mut package, &rels_of(&path))?;
        list.push(HeaderFooter {
            which: which.clone(),
            name,
            xml: xml.into_bytes(),
            rels: rels_bytes.map(String::into_bytes),
        });
    }
    template.media.sort_by(|a, b| a.0.cmp(&b.0));
    let target_of = |suffix: &str| {
        rels.iter()
            .find(|r| r.kind.ends_with(suffix) && !r.external)
            .and_then(|r| resolve("word", &r.target))
    };
    let styles = target_of("/styles").unwrap_or_else(|| "word/styles.xml".into());
    template.styles = copied(&mut package, &styles)?;
    if let Some(theme) = target_of("/theme") {
        template.theme = copied(&mut package, &theme)?.map(String::into_bytes);
    }
    if let Some(fonts) = target_of("/fontTable") {
        template.fonts = copied(&mut package, &fonts)?.map(String::into_bytes);
    }
    if let Some(numbering) = target_of("/numbering") {
        template.numbering = copied(&mut package, &numbering)?;
    }
    if let Some(settings) = target_of("/settings")
        && let Some(xml) = text(&mut package, &settings)?
    {
        walk(&xml, &settings, READING, |_, e| {
            if name(e) == "evenAndOddHeaders" && is_on(e) {
                template.even_and_odd = true;
            }
        })?;
    }
    if let Some(types) = text(&mut package, "[Content_Types].xml")? {
        walk(&types, "[Content_Types].xml", READING, |_, e| {
            if name(e) == "Default"
                && let (Some(ext), Some(kind)) = (attr(e, "Extension"), attr(e, "ContentType"))
            {
                template
                    .content_types
                    .push((ext.to_ascii_lowercase(), kind));
            }
        })?;
    }
    Ok(template)
}

/// Parts that the report writes itself and a template's header must not replace.
fn is_reserved(path: &str) -> bool {
    path == "[Content_Types].xml"
        || path.starts_with("_rels/")
        || path.starts_with("docProps/")
        || path.starts_with("word/_rels/")
        || (path.starts_with("word/") && path.ends_with(".xml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_docx() {
        let err = read(b"not a zip").unwrap_err();
        assert!(err.message.contains("not a .docx"), "{err:?}");
    }
}
