//! Reading a Word document (.docx) into import's blocks, without trusting it.
//!
//! A .docx is a zip of XML parts. Only four are read: the document, its styles (for
//! heading levels), its numbering (for lists) and its relationships (for hyperlinks),
//! all through the Office layer's bounded [`Package`] reader, so a zip bomb or a part
//! nested without end is refused. Elements the reader does not know are skipped, never
//! fatal.

mod document;
mod numbering;
mod styles;

use std::collections::HashMap;

use super::package::{DOCUMENT, MAX_BYTES, Package};
use super::{Reading, Refusal};
use crate::import::Block;

pub use numbering::Numbering;
pub use styles::Styles;

/// How refusals name what is read.
const READING: Reading = Reading::Import;

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
    let mut package = Package::open(bytes, READING)?;
    let document = package
        .text(DOCUMENT, MAX_BYTES)?
        .ok_or_else(|| READING.no_document())?;
    let styles = match package.text("word/styles.xml", MAX_BYTES)? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    let numbering = match package.text("word/numbering.xml", MAX_BYTES)? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    // Only hyperlinks are followed, but an id names one relationship whatever its type.
    let links: HashMap<String, String> = package
        .relationships(DOCUMENT, MAX_BYTES)?
        .into_iter()
        .map(|r| (r.id, r.target))
        .collect();
    document::read(&document, &styles, &numbering, &links)
}
