//! The parts of report.docx besides the document: its content types, relationships,
//! settings and properties, which the Office layer's package writer zips.
//!
//! A build must give the same bytes every time, so the parts are listed in a fixed
//! order and the document properties carry the meeting date rather than the time of the
//! build.
//!
//! The package always has a theme and a font table, the house template's or the
//! report's own, because the schema requires both of a Word document.

use super::headers::Furniture;
use super::links::link_id;
use super::theme;
use crate::model::Meta;
use crate::office::names::{AUDIENCE_PROPERTY, MARK_PROPERTY};
use crate::office::package::Relationship;
use crate::office::package::write::{content_types as types, media_type, relationships};
use crate::office::template::Template;
use crate::office::xml::{R_NS, Xml};

const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Everything that goes into report.docx.
pub struct Parts<'a> {
    pub meta: &'a Meta,
    /// The report's language as Word names it, `cy-GB`.
    pub lang: &'a str,
    pub styles: String,
    pub numbering: String,
    pub links: &'a [String],
    pub furniture: &'a [Furniture],
    pub template: Option<&'a Template>,
    /// The value of the custom property that marks the document as build-report's,
    /// for a document `responses` or `collect` can read back.
    pub mark: Option<&'a str>,
    /// More custom properties, by name, for a document that is read back.
    pub properties: &'a [(&'a str, String)],
}

/// The package's files other than word/document.xml, in the order they are stored after it.
pub fn files(parts: &Parts) -> Vec<(String, Vec<u8>)> {
    let theme = parts
        .template
        .and_then(|t| t.theme.clone())
        .unwrap_or_else(theme::theme);
    let fonts = parts
        .template
        .and_then(|t| t.fonts.clone())
        .unwrap_or_else(theme::font_table);
    let media: &[(String, Vec<u8>)] = parts.template.map_or(&[], |t| &t.media);
    let mut files = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types(parts, media),
        ),
        ("_rels/.rels".into(), root_rels(parts.mark.is_some())),
        ("docProps/core.xml".into(), core(parts.meta, parts.lang)),
        ("docProps/app.xml".into(), app()),
        ("word/_rels/document.xml.rels".into(), document_rels(parts)),
        ("word/styles.xml".into(), parts.styles.clone().into_bytes()),
        (
            "word/numbering.xml".into(),
            parts.numbering.clone().into_bytes(),
        ),
        ("word/settings.xml".into(), settings(parts.template)),
        ("word/fontTable.xml".into(), fonts),
        ("word/theme/theme1.xml".into(), theme),
    ];
    if let Some(mark) = parts.mark {
        let audience = parts.meta.audience.as_deref();
        files.push((
            "docProps/custom.xml".into(),
            custom(mark, audience, parts.properties),
        ));
    }
    for part in parts.furniture {
        files.push((format!("word/{}", part.name), part.xml.clone()));
        if let Some(rels) = &part.rels {
            files.push((format!("word/_rels/{}.rels", part.name), rels.clone()));
        }
    }
    files.extend(media.iter().cloned());
    files
}

fn content_types(parts: &Parts, media: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut defaults: Vec<(String, String)> = vec![
        (
            "rels".into(),
            "application/vnd.openxmlformats-package.relationships+xml".into(),
        ),
        ("xml".into(), "application/xml".into()),
    ];
    for (path, _) in media {
        let ext = path
            .rsplit_once('.')
            .map_or("", |(_, e)| e)
            .to_ascii_lowercase();
        if ext.is_empty() || defaults.iter().any(|(e, _)| *e == ext) {
            continue;
        }
        let kind = parts
            .template
            .and_then(|t| t.content_types.iter().find(|(e, _)| *e == ext))
            .map_or_else(|| media_type(&ext).to_string(), |(_, k)| k.clone());
        defaults.push((ext, kind));
    }
    let mut overrides: Vec<(String, String)> = vec![
        (
            "/word/document.xml".into(),
            format!("{WML}.document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{WML}.styles+xml")),
        ("/word/numbering.xml".into(), format!("{WML}.numbering+xml")),
        ("/word/settings.xml".into(), format!("{WML}.settings+xml")),
        ("/word/fontTable.xml".into(), format!("{WML}.fontTable+xml")),
        (
            "/word/theme/theme1.xml".into(),
            "application/vnd.openxmlformats-officedocument.theme+xml".into(),
        ),
        (
            "/docProps/core.xml".into(),
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml".into(),
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    if parts.mark.is_some() {
        overrides.push((
            "/docProps/custom.xml".into(),
            "application/vnd.openxmlformats-officedocument.custom-properties+xml".into(),
        ));
    }
    for part in parts.furniture {
        overrides.push((
            format!("/word/{}", part.name),
            format!("{WML}.{}+xml", part.kind),
        ));
    }
    types(&defaults, &overrides)
}

/// A relationship inside the package, of a type under the officeDocument namespace
/// unless `kind` is a whole URI.
fn rel(id: impl Into<String>, kind: &str, target: impl Into<String>) -> Relationship {
    Relationship {
        id: id.into(),
        kind: if kind.starts_with("http") {
            kind.to_string()
        } else {
            format!("{R_NS}/{kind}")
        },
        target: target.into(),
        external: false,
    }
}

fn root_rels(custom: bool) -> Vec<u8> {
    let mut rels = vec![
        rel("rId1", "officeDocument", "word/document.xml"),
        rel(
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        rel("rId3", "extended-properties", "docProps/app.xml"),
    ];
    if custom {
        rels.push(rel("rId4", "custom-properties", "docProps/custom.xml"));
    }
    relationships(&rels)
}

fn document_rels(parts: &Parts) -> Vec<u8> {
    let mut rels = vec![
        rel("rIdStyles", "styles", "styles.xml"),
        rel("rIdNumbering", "numbering", "numbering.xml"),
        rel("rIdSettings", "settings", "settings.xml"),
        rel("rIdFontTable", "fontTable", "fontTable.xml"),
        rel("rIdTheme", "theme", "theme/theme1.xml"),
    ];
    for part in parts.furniture {
        rels.push(rel(part.rel_id.clone(), part.kind, part.name.clone()));
    }
    for (i, url) in parts.links.iter().enumerate() {
        rels.push(Relationship {
            external: true,
            ..rel(link_id(i), "hyperlink", url.clone())
        });
    }
    relationships(&rels)
}

fn settings(template: Option<&Template>) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.root("w:settings")
        .empty("w:zoom", &[("w:percent", &100)])
        .val("w:defaultTabStop", 720);
    if template.is_some_and(|t| t.even_and_odd) {
        xml.empty("w:evenAndOddHeaders", &[]);
    }
    xml.val("w:characterSpacingControl", "doNotCompress")
        .open("w:compat", &[])
        .empty(
            "w:compatSetting",
            &[
                ("w:name", &"compatibilityMode"),
                ("w:uri", &"http://schemas.microsoft.com/office/word"),
                ("w:val", &15),
            ],
        )
        .close("w:compat")
        .val("w:decimalSymbol", ".")
        .val("w:listSeparator", ",")
        .close("w:settings");
    xml.finish().into_bytes()
}

fn core(meta: &Meta, lang: &str) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                &"http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", &"http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", &"http://purl.org/dc/terms/"),
            ("xmlns:xsi", &"http://www.w3.org/2001/XMLSchema-instance"),
        ],
    )
    .leaf("dc:title", &[], &meta.title)
    .leaf("dc:language", &[], lang);
    if let Some(panel) = &meta.panel {
        xml.leaf("dc:subject", &[], panel);
    }
    let creator = meta
        .organisation
        .as_deref()
        .or(meta.panel.as_deref())
        .unwrap_or("build-report");
    xml.leaf("dc:creator", &[], creator);
    let date = &meta.meeting_date;
    let is_date = date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-');
    if is_date {
        let stamp = format!("{date}T00:00:00Z");
        for tag in ["dcterms:created", "dcterms:modified"] {
            xml.leaf(tag, &[("xsi:type", &"dcterms:W3CDTF")], &stamp);
        }
    }
    xml.close("cp:coreProperties");
    xml.finish().into_bytes()
}

fn app() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Properties",
        &[(
            "xmlns",
            &"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    )
    .leaf("Application", &[], "build-report")
    .close("Properties");
    xml.finish().into_bytes()
}

/// docProps/custom.xml: build-report's mark and, in a copy for one audience, its name,
/// under the format id Word gives the properties a user defines, which Word and
/// LibreOffice keep when they save.
fn custom(mark: &str, audience: Option<&str>, more: &[(&str, String)]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Properties",
        &[
            (
                "xmlns",
                &"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
            ),
            (
                "xmlns:vt",
                &"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
    );
    let properties = [(MARK_PROPERTY, Some(mark)), (AUDIENCE_PROPERTY, audience)]
        .into_iter()
        .chain(
            more.iter()
                .map(|(name, value)| (*name, Some(value.as_str()))),
        );
    for (pid, (name, value)) in (2..).zip(properties) {
        let Some(value) = value else { continue };
        xml.open(
            "property",
            &[
                ("fmtid", &"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                ("pid", &pid),
                ("name", &name),
            ],
        )
        .leaf("vt:lpwstr", &[], value)
        .close("property");
    }
    xml.close("Properties");
    xml.finish().into_bytes()
}
