//! Writing a package: the zip, its `[Content_Types].xml` and its relationships.
//!
//! A build must give the same bytes every time, so the parts are written in the order
//! they are given, and every entry has the same timestamp (1980-01-01, the earliest a
//! zip can hold), permissions and host system.

use std::io::{Seek, Write};

use zip::result::ZipResult;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::Relationship;
use crate::office::xml::Xml;

/// A package being zipped, the same way every time.
pub struct Writer<W: Write + Seek> {
    zip: ZipWriter<W>,
    options: SimpleFileOptions,
}

impl<W: Write + Seek> Writer<W> {
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
        Writer {
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

/// `[Content_Types].xml`: a content type for each file extension, then for each part
/// that its extension does not describe, both as (extension or part name, type).
pub fn content_types(defaults: &[(String, String)], overrides: &[(String, String)]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Types",
        &[(
            "xmlns",
            &"http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    for (ext, kind) in defaults {
        xml.empty("Default", &[("Extension", ext), ("ContentType", kind)]);
    }
    for (name, kind) in overrides {
        xml.empty("Override", &[("PartName", name), ("ContentType", kind)]);
    }
    xml.close("Types");
    xml.finish().into_bytes()
}

/// The content type of a picture or other file by its extension, in lower case.
pub fn media_type(ext: &str) -> &'static str {
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

/// A .rels part listing `rels`.
pub fn relationships(rels: &[Relationship]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Relationships",
        &[(
            "xmlns",
            &"http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for rel in rels {
        let attrs: [(&str, &dyn std::fmt::Display); 4] = [
            ("Id", &rel.id),
            ("Type", &rel.kind),
            ("Target", &rel.target),
            ("TargetMode", &"External"),
        ];
        let shown = if rel.external { 4 } else { 3 };
        xml.empty("Relationship", &attrs[..shown]);
    }
    xml.close("Relationships");
    xml.finish().into_bytes()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut package = Writer::new(Cursor::new(Vec::new()));
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
