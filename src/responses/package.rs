//! Opening a returned report.docx: the zip, read with limits, because the file comes
//! back from outside and may be anything.
//!
//! Only the two parts `responses` needs are read, each with a cap on its uncompressed
//! size, so a zip bomb costs at most the cap in memory and time.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// The most of word/document.xml that is read: a report of a hundred cases is a few MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;
/// The most of docProps/custom.xml that is read.
const MAX_PROPERTIES_BYTES: u64 = 1024 * 1024;

/// The parts of the package `responses` reads.
#[derive(Debug)]
pub struct Package {
    pub document: String,
    /// docProps/custom.xml, if the package has one.
    pub properties: Option<String>,
}

/// Why a file cannot be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

pub fn refusal(message: impl Into<String>, hint: impl Into<String>) -> Refusal {
    Refusal {
        message: message.into(),
        hint: hint.into(),
    }
}

const RESAVE: &str = "open it in Word and save it again as a Word Document (*.docx)";

/// The package in `bytes`, or why it is not a Word document that can be read.
pub fn open(bytes: &[u8]) -> Result<Package, Refusal> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        refusal(
            "this is not a Word document (.docx): it is not a zip package",
            "give the report.docx that build-report wrote and the force sent back",
        )
    })?;
    let document = part(&mut zip, "word/document.xml", MAX_DOCUMENT_BYTES)?.ok_or_else(|| {
        refusal(
            "this package has no word/document.xml, so it is not a Word document",
            RESAVE,
        )
    })?;
    let properties = part(&mut zip, "docProps/custom.xml", MAX_PROPERTIES_BYTES)?;
    Ok(Package {
        document: text(document, "word/document.xml")?,
        properties: properties
            .map(|p| text(p, "docProps/custom.xml"))
            .transpose()?,
    })
}

fn part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    cap: u64,
) -> Result<Option<Vec<u8>>, Refusal> {
    let Ok(file) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    // The size the zip declares may be a lie, so the cap is applied to what is read.
    match file.take(cap + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > cap => Err(refusal(
            format!(
                "{name} is larger than {} MiB uncompressed, more than any report",
                cap / (1024 * 1024)
            ),
            "this may be a damaged or hostile file; ask for the document again",
        )),
        Ok(_) => Ok(Some(bytes)),
        Err(err) => Err(refusal(format!("cannot read {name}: {err}"), RESAVE)),
    }
}

fn text(bytes: Vec<u8>, name: &str) -> Result<String, Refusal> {
    let text = String::from_utf8(bytes)
        .map_err(|_| refusal(format!("{name} is not UTF-8 text"), RESAVE))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map_or_else(|| text.clone(), str::to_string))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            out.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(bytes).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_refused() {
        let err = open(b"%PDF-1.7").unwrap_err();
        assert!(err.message.contains("not a zip"), "{err:?}");
    }

    #[test]
    fn a_package_without_a_document_is_refused() {
        let err = open(&zip(&[("a.xml", b"<a/>")])).unwrap_err();
        assert!(err.message.contains("no word/document.xml"), "{err:?}");
    }

    #[test]
    fn the_parts_are_read_as_text() {
        let package = open(&zip(&[
            ("word/document.xml", "\u{feff}<w:document/>".as_bytes()),
            ("docProps/custom.xml", b"<Properties/>"),
        ]))
        .unwrap();
        assert_eq!(package.document, "<w:document/>");
        assert_eq!(package.properties.as_deref(), Some("<Properties/>"));
    }

    #[test]
    fn a_document_over_the_cap_is_refused_without_reading_it_all() {
        let big = vec![b' '; (MAX_PROPERTIES_BYTES + 10) as usize];
        let err = open(&zip(&[
            ("word/document.xml", b"<w:document/>"),
            ("docProps/custom.xml", &big),
        ]))
        .unwrap_err();
        assert!(err.message.contains("larger than 1 MiB"), "{err:?}");
    }
}
