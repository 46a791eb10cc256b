//! Reading a Word document (.docx) into import's blocks, without trusting it.
//!
//! A .docx is a zip of XML parts. Only four are read: the document, its styles (for
//! heading levels), its numbering (for lists) and its relationships (for hyperlinks).
//! Every part is read through one budget of uncompressed bytes, so a zip bomb is refused
//! after [`MAX_BYTES`] whatever its headers claim; elements nest at most
//! [`xml::MAX_DEPTH`] deep; a package of more than [`MAX_ENTRIES`] entries is refused
//! before any is opened. Elements the reader does not know are skipped, never fatal.

mod document;
mod numbering;
mod styles;
pub(crate) mod xml;

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read as _};

use crate::import::Block;

pub use numbering::Numbering;
pub use styles::Styles;

/// The most uncompressed bytes read from one package, over all its parts.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a package may have; Word's own have a few dozen.
pub const MAX_ENTRIES: usize = 10_000;

/// Why a file cannot be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotZip,
    TooManyEntries(usize),
    NoDocument,
    TooLarge,
    Unreadable {
        part: &'static str,
        why: String,
    },
    Malformed {
        part: &'static str,
        at: u64,
        why: String,
    },
    TooDeep {
        part: &'static str,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotZip => write!(
                f,
                "this is not a Word document: a .docx is a zip package, and this file is not one"
            ),
            Refusal::TooManyEntries(n) => write!(
                f,
                "refused: the package has {n} entries, more than the {MAX_ENTRIES} a Word document could need"
            ),
            Refusal::NoDocument => write!(
                f,
                "this is not a Word document: the package has no word/document.xml"
            ),
            Refusal::TooLarge => write!(
                f,
                "refused: the document's parts unpack to more than {} MiB, far beyond any report (a zip bomb?)",
                MAX_BYTES / (1024 * 1024)
            ),
            Refusal::Unreadable { part, why } => write!(f, "could not unpack {part}: {why}"),
            Refusal::Malformed { part, at, why } => {
                write!(f, "{part} is not well-formed XML (at byte {at}): {why}")
            }
            Refusal::TooDeep { part } => write!(
                f,
                "refused: {part} nests its elements more than {} deep",
                xml::MAX_DEPTH
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// Something read with a doubt, at a paragraph (counted from 1 in document order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub paragraph: usize,
    pub message: String,
    pub hint: String,
}

/// A document as blocks, and what was read with a doubt.
#[derive(Debug, Default)]
pub struct Read {
    pub blocks: Vec<Block>,
    pub warnings: Vec<Warning>,
}

/// Reads the .docx in `bytes`.
pub fn blocks(bytes: &[u8]) -> Result<Read, Refusal> {
    let mut package = Package::open(bytes)?;
    let document = package
        .part("word/document.xml")?
        .ok_or(Refusal::NoDocument)?;
    let styles = match package.part("word/styles.xml")? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    let numbering = match package.part("word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let links = match package.part("word/_rels/document.xml.rels")? {
        Some(xml) => relationships(&xml)?,
        None => HashMap::new(),
    };
    document::read(&document, &styles, &numbering, &links)
}

/// A zip package read within the budget.
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    left: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, Refusal> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::NotZip)?;
        if zip.len() > MAX_ENTRIES {
            return Err(Refusal::TooManyEntries(zip.len()));
        }
        Ok(Package {
            zip,
            left: MAX_BYTES,
        })
    }

    /// A part's text, or `None` when the package has no such part.
    fn part(&mut self, name: &'static str) -> Result<Option<String>, Refusal> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(err) => {
                return Err(Refusal::Unreadable {
                    part: name,
                    why: err.to_string(),
                });
            }
        };
        // The header's size is only a claim; the `take` below is what bounds the read.
        if file.size() > self.left {
            return Err(Refusal::TooLarge);
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(self.left + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| Refusal::Unreadable {
                part: name,
                why: err.to_string(),
            })?;
        let read = bytes.len() as u64;
        if read > self.left {
            return Err(Refusal::TooLarge);
        }
        self.left -= read;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
    }
}

/// The document's relationships: id → target, for the external ones (hyperlinks).
fn relationships(xml: &str) -> Result<HashMap<String, String>, Refusal> {
    let mut part = xml::Part::new(xml, "word/_rels/document.xml.rels");
    let mut links = HashMap::new();
    loop {
        match part.next()? {
            xml::Item::Open(e) | xml::Item::Empty(e) if xml::name(&e) == "Relationship" => {
                if let (Some(id), Some(target)) = (xml::attr(&e, "Id"), xml::attr(&e, "Target")) {
                    links.insert(id, target);
                }
            }
            xml::Item::End => break,
            _ => {}
        }
    }
    Ok(links)
}
