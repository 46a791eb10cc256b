//! The .docx container: the zip file, its content types, relationships and properties.
//!
//! A build must give the same bytes every time, so the parts are written in a fixed
//! order, every entry has the same timestamp (1980-01-01, the earliest a zip can hold),
//! permissions and host system, and the document properties carry the meeting date
//! rather than the time of the build.
//!
//! The package always has a theme and a font table, the house template's or the
//! report's own, because the schema requires both of a Word document.

use std::io::{Seek, Write};

use zip::result::ZipResult;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::headers::Furniture;
use super::links::link_id;
use super::template::Template;
use super::theme;
use super::xml::Xml;
use crate::model::Meta;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
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
    /// for a document `responses` can read back.
    pub mark: Option<&'a str>,
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
        files.push(("docProps/custom.xml".into(), custom(mark)));
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

/// report.docx being zipped, the same way every time.
pub struct Package<W: Write + Seek> {
    zip: ZipWriter<W>,
    options: SimpleFileOptions,
}

impl<W: Write + Seek> Package<W> {
    pub fn new(out: W) -> Self {
        // The fastest deflate level: WordprocessingML is so repetitive that it still
        // shrinks about tenfold, and the higher levels cost a large share of a big build's
        // time.
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1))
            .last_modified_time(DateTime::default())
            .system(System::Unix)
            .unix_permissions(0o644);
        Package {
            zip: ZipWriter::new(out),
            options,
        }
    }

    /// Starts the file `name`; what is written to the returned writer goes into it.
    pub fn start(&mut self, name: &str) -> ZipResult<&mut dyn Write> {
        self.zip.start_file(name, self.options)?;
        Ok(&mut self.zip)
    }

    pub fn add(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        self.start(name)?.write_all(bytes)?;
        Ok(())
    }

    pub fn finish(self) -> ZipResult<W> {
        self.zip.finish()
    }
}

fn content_types(parts: &Parts, media: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Types",
        &[(
            "xmlns",
            &"http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
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
    for (ext, kind) in &defaults {
        xml.empty("Default", &[("Extension", ext), ("ContentType", kind)]);
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
    for (name, kind) in &overrides {
        xml.empty("Override", &[("PartName", name), ("ContentType", kind)]);
    }
    xml.close("Types");
    xml.finish().into_bytes()
}

fn media_type(ext: &str) -> &'static str {
    match ext {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn relationships(rels: &[(String, String, String, bool)]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Relationships",
        &[(
            "xmlns",
            &"http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target, external) in rels {
        if *external {
            xml.empty(
                "Relationship",
                &[
                    ("Id", id),
                    ("Type", kind),
                    ("Target", target),
                    ("TargetMode", &"External"),
                ],
            );
        } else {
            xml.empty(
                "Relationship",
                &[("Id", id), ("Type", kind), ("Target", target)],
            );
        }
    }
    xml.close("Relationships");
    xml.finish().into_bytes()
}

fn root_rels(custom: bool) -> Vec<u8> {
    let mut rels = vec![
        (
            "rId1".into(),
            format!("{REL}/officeDocument"),
            "word/document.xml".into(),
            false,
        ),
        (
            "rId2".into(),
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            "docProps/core.xml".into(),
            false,
        ),
        (
            "rId3".into(),
            format!("{REL}/extended-properties"),
            "docProps/app.xml".into(),
            false,
        ),
    ];
    if custom {
        rels.push((
            "rId4".into(),
            format!("{REL}/custom-properties"),
            "docProps/custom.xml".into(),
            false,
        ));
    }
    relationships(&rels)
}

fn document_rels(parts: &Parts) -> Vec<u8> {
    let mut rels: Vec<(String, String, String, bool)> = vec![
        (
            "rIdStyles".into(),
            format!("{REL}/styles"),
            "styles.xml".into(),
            false,
        ),
        (
            "rIdNumbering".into(),
            format!("{REL}/numbering"),
            "numbering.xml".into(),
            false,
        ),
        (
            "rIdSettings".into(),
            format!("{REL}/settings"),
            "settings.xml".into(),
            false,
        ),
        (
            "rIdFontTable".into(),
            format!("{REL}/fontTable"),
            "fontTable.xml".into(),
            false,
        ),
        (
            "rIdTheme".into(),
            format!("{REL}/theme"),
            "theme/theme1.xml".into(),
            false,
        ),
    ];
    for part in parts.furniture {
        rels.push((
            part.rel_id.clone(),
            format!("{REL}/{}", part.kind),
            part.name.clone(),
            false,
        ));
    }
    for (i, url) in parts.links.iter().enumerate() {
        rels.push((link_id(i), format!("{REL}/hyperlink"), url.clone(), true));
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

/// docProps/custom.xml: one property, under the format id Word gives the properties a
/// user defines, which Word and LibreOffice keep when they save.
fn custom(mark: &str) -> Vec<u8> {
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
    )
    .open(
        "property",
        &[
            ("fmtid", &"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
            ("pid", &2),
            ("name", &super::controls::MARK_PROPERTY),
        ],
    )
    .leaf("vt:lpwstr", &[], mark)
    .close("property")
    .close("Properties");
    xml.finish().into_bytes()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut package = Package::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            package.add(name, bytes).unwrap();
        }
        package.finish().unwrap().into_inner()
    }

    #[test]
    fn zipping_is_deterministic_and_keeps_order() {
        let files = vec![
            ("b.xml".to_string(), b"<b/>".to_vec()),
            ("a.xml".to_string(), b"<a/>".to_vec()),
        ];
        let first = zip(&files);
        assert_eq!(first, zip(&files));
        let mut archive = zip::ZipArchive::new(Cursor::new(first)).unwrap();
        let names: Vec<String> = (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
            .collect();
        assert_eq!(names, ["b.xml", "a.xml"]);
        let entry = archive.by_index(0).unwrap();
        assert_eq!(entry.last_modified().map(|d| d.year()), Some(1980));
    }
}
