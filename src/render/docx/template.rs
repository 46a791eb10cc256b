//! Reading a panel's house template: the .docx named by `word_template:` in report.yaml.
//!
//! Like pandoc's `--reference-doc`, the report takes the template's styles, theme and page
//! set-up, and unlike it also its headers and footers (with the logos they show), because
//! an office's letterhead usually lives there. Nothing else of the template's body is
//! used. The file is untrusted: every part is read with a size limit, paths are resolved
//! inside the package only, and any fault becomes a [`TemplateError`] for a diagnostic.

use std::io::{Cursor, Read};

use quick_xml::events::BytesStart;
use zip::ZipArchive;

use super::layout::PageSetup;
use super::section::final_section;
use super::xml::{attr, local, walk, well_formed};

/// No part of a real template comes near this; it bounds memory on a hostile file.
const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Images per header or footer part that are copied; a letterhead has one or two.
const MAX_MEDIA_PER_PART: usize = 16;

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
    pub warnings: Vec<TemplateError>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub message: String,
    pub hint: String,
}

pub(super) fn error(message: impl Into<String>, hint: impl Into<String>) -> TemplateError {
    TemplateError {
        message: message.into(),
        hint: hint.into(),
    }
}

/// A relationship from a part's .rels file.
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

struct Package(ZipArchive<Cursor<Vec<u8>>>);

impl Package {
    fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, TemplateError> {
        let Ok(file) = self.0.by_name(name) else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        match file.take(MAX_PART_BYTES + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > MAX_PART_BYTES => Err(error(
                format!("{name} inside the Word template is too large"),
                "use a smaller template: remove large pictures from it",
            )),
            Ok(_) => Ok(Some(bytes)),
            Err(err) => Err(error(
                format!("cannot read {name} inside the Word template: {err}"),
                "open the template in Word and save it again as a Word Document (*.docx)",
            )),
        }
    }

    fn text(&mut self, name: &str) -> Result<Option<String>, TemplateError> {
        match self.part(name)? {
            None => Ok(None),
            Some(bytes) => {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                String::from_utf8(bytes.to_vec()).map(Some).map_err(|_| {
                    error(
                        format!("{name} inside the Word template is not UTF-8 XML"),
                        "open the template in Word and save it again as a Word Document (*.docx)",
                    )
                })
            }
        }
    }

    /// A part that is copied into the report as it is, so it must be well-formed XML.
    fn copied(&mut self, name: &str) -> Result<Option<String>, TemplateError> {
        let text = self.text(name)?;
        if let Some(xml) = &text {
            well_formed(xml).map_err(|err| not_well_formed(name, err))?;
        }
        Ok(text)
    }

    fn rels(&mut self, part: &str) -> Result<Vec<Rel>, TemplateError> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = format!("{dir}/_rels/{file}.rels");
        let Some(xml) = self.text(&name)? else {
            return Ok(Vec::new());
        };
        let mut rels = Vec::new();
        walk_part(&xml, &name, |_, e| {
            if local(e) == "Relationship" {
                rels.push(Rel {
                    id: attr(e, "Id").unwrap_or_default(),
                    kind: attr(e, "Type").unwrap_or_default(),
                    target: attr(e, "Target").unwrap_or_default(),
                    external: attr(e, "TargetMode").is_some_and(|m| m == "External"),
                });
            }
        })?;
        Ok(rels)
    }
}

/// Reads the template, or says why it cannot be used.
pub fn read(bytes: &[u8]) -> Result<Template, TemplateError> {
    let archive = ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|_| {
        error(
            "the Word template is not a .docx file",
            "save the template from Word as a Word Document (*.docx); older .doc files cannot be used",
        )
    })?;
    let mut package = Package(archive);
    let Some(document) = package.text("word/document.xml")? else {
        return Err(error(
            "the Word template has no word/document.xml, so it is not a Word document",
            "save the template from Word as a Word Document (*.docx)",
        ));
    };
    let rels = package.rels("word/document.xml")?;
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
        let Some(xml) = package.copied(&path)? else {
            continue;
        };
        let list = if kind == "header" {
            &mut template.headers
        } else {
            &mut template.footers
        };
        let name = format!("house-{kind}{}.xml", list.len() + 1);
        let part_rels = package.rels(&path)?;
        for rel in part_rels
            .iter()
            .filter(|r| !r.external)
            .take(MAX_MEDIA_PER_PART)
        {
            if let Some(media) = resolve("word", &rel.target)
                && !is_reserved(&media)
                && !template.media.iter().any(|(p, _)| *p == media)
                && let Some(bytes) = package.part(&media)?
            {
                template.media.push((media, bytes));
            }
        }
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", &path));
        let rels_bytes = package.copied(&format!("{dir}/_rels/{file}.rels"))?;
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
    template.styles = package.copied(&styles)?;
    if let Some(theme) = target_of("/theme") {
        template.theme = package.copied(&theme)?.map(String::into_bytes);
    }
    if let Some(fonts) = target_of("/fontTable") {
        template.fonts = package.copied(&fonts)?.map(String::into_bytes);
    }
    if let Some(numbering) = target_of("/numbering") {
        template.numbering = package.copied(&numbering)?;
    }
    if let Some(settings) = target_of("/settings")
        && let Some(xml) = package.text(&settings)?
    {
        walk_part(&xml, &settings, |_, e| {
            if local(e) == "evenAndOddHeaders" && is_on(e) {
                template.even_and_odd = true;
            }
        })?;
    }
    if let Some(types) = package.text("[Content_Types].xml")? {
        walk_part(&types, "[Content_Types].xml", |_, e| {
            if local(e) == "Default"
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

/// [`walk`] over a part of the template, a fault in its XML becoming a [`TemplateError`].
pub(super) fn walk_part(
    xml: &str,
    name: &str,
    visit: impl FnMut(&[String], &BytesStart),
) -> Result<(), TemplateError> {
    walk(xml, visit).map_err(|err| not_well_formed(name, err))
}

fn not_well_formed(name: &str, err: impl std::fmt::Display) -> TemplateError {
    error(
        format!("{name} inside the Word template is not well-formed XML: {err}"),
        "open the template in Word and save it again as a Word Document (*.docx)",
    )
}

/// A toggle such as `<w:titlePg/>`, which is on unless its value says otherwise.
pub(super) fn is_on(e: &BytesStart) -> bool {
    attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// The package path that `target` names, relative to folder `base`; `None` if it leaves
/// the package.
fn resolve(base: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
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
    fn resolves_paths_inside_the_package_only() {
        assert_eq!(
            resolve("word", "media/logo.png").as_deref(),
            Some("word/media/logo.png")
        );
        assert_eq!(
            resolve("word", "../media/a.png").as_deref(),
            Some("media/a.png")
        );
        assert_eq!(
            resolve("word", "/word/media/b.png").as_deref(),
            Some("word/media/b.png")
        );
        assert_eq!(resolve("word", "../../etc/passwd"), None);
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        let err = read(b"not a zip").unwrap_err();
        assert!(err.message.contains("not a .docx"), "{err:?}");
    }
}
