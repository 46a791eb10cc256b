//! A package (the zip of an Office file): read within bounds, written the same way every
//! time.
//!
//! Whatever reads a .docx reads one that came from outside, so [`Package`] never trusts
//! it: more than [`MAX_ENTRIES`] entries is refused before any is opened; every part is
//! read through one budget of uncompressed bytes, and each also under its reader's own
//! cap, so a zip bomb costs at most the budget whatever its headers claim; and paths that
//! relationships name are resolved inside the package only. Writing is [`write`]'s.

pub mod write;

use std::io::{Cursor, Read as _};

use super::xml::{self, Item, Part};
use super::{Reading, Refusal};

/// The most uncompressed bytes read from one package, over all its parts.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a package may have; Word's own have a few dozen.
pub const MAX_ENTRIES: usize = 10_000;
/// The main part of a Word document.
pub const DOCUMENT: &str = "word/document.xml";

/// A zip package being read within its budget.
pub struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    left: u64,
    reading: Reading,
}

/// A relationship from a part's .rels file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub id: String,
    /// The relationship's type, a URI such as `…/relationships/hyperlink`.
    pub kind: String,
    pub target: String,
    /// Whether the target is outside the package, such as a hyperlink's address.
    pub external: bool,
}

impl<'a> Package<'a> {
    /// The package in `bytes`, read for `reading`; refused when it is not a Word
    /// document's zip.
    pub fn open(bytes: &'a [u8], reading: Reading) -> Result<Self, Refusal> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| reading.not_zip())?;
        if zip.len() > MAX_ENTRIES {
            return Err(reading.too_many_entries(zip.len(), MAX_ENTRIES));
        }
        if zip.index_for_name(DOCUMENT).is_none() {
            return Err(reading.no_document());
        }
        Ok(Package {
            zip,
            left: MAX_BYTES,
            reading,
        })
    }

    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// A part's bytes, at most `cap` of them, or `None` when the package has no such part.
    pub fn bytes(&mut self, name: &str, cap: u64) -> Result<Option<Vec<u8>>, Refusal> {
        let reading = self.reading;
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(err) => return Err(reading.unreadable(name, err)),
        };
        let bound = cap.min(self.left);
        let too_large = || reading.too_large(name, if cap < self.left { cap } else { MAX_BYTES });
        // The header's size is only a claim; the `take` below is what bounds the read.
        if file.size() > bound {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(bound + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| reading.unreadable(name, err))?;
        let read = bytes.len() as u64;
        if read > bound {
            return Err(too_large());
        }
        self.left -= read;
        Ok(Some(bytes))
    }

    /// A part's text, without a byte order mark, or `None` when there is no such part.
    /// Bytes that are not UTF-8 are replaced when the reading is tolerant, else refused.
    pub fn text(&mut self, name: &str, cap: u64) -> Result<Option<String>, Refusal> {
        let Some(bytes) = self.bytes(name, cap)? else {
            return Ok(None);
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if self.reading.is_tolerant() {
            return Ok(Some(String::from_utf8_lossy(bytes).into_owned()));
        }
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|_| self.reading.not_utf8(name))
    }

    /// The relationships of `part`, from its .rels file; none when it has none.
    pub fn relationships(&mut self, part: &str, cap: u64) -> Result<Vec<Relationship>, Refusal> {
        let name = rels_of(part);
        let Some(xml) = self.text(&name, cap)? else {
            return Ok(Vec::new());
        };
        let mut reader = Part::new(&xml, &name, self.reading);
        let mut found = Vec::new();
        loop {
            match reader.next()? {
                Item::Open(e) | Item::Empty(e) if xml::name(&e) == "Relationship" => {
                    found.push(Relationship {
                        id: xml::attr(&e, "Id").unwrap_or_default(),
                        kind: xml::attr(&e, "Type").unwrap_or_default(),
                        target: xml::attr(&e, "Target").unwrap_or_default(),
                        external: xml::attr(&e, "TargetMode").is_some_and(|m| m == "External"),
                    });
                }
                Item::End => return Ok(found),
                _ => {}
            }
        }
    }
}

/// The name of the .rels file that holds `part`'s relationships.
pub fn rels_of(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    format!("{dir}/_rels/{file}.rels")
}

/// The package path that `target` names, relative to folder `base`; `None` if it leaves
/// the package.
pub fn resolve(base: &str, target: &str) -> Option<String> {
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

#[cfg(test)]
mod tests;
