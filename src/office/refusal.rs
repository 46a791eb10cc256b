//! Why an Office file, or a part of it, cannot be used: one [`Refusal`] for every reader.
//!
//! A fault is the same fault whoever reads the package, but what to say about it is not:
//! a house template is named at its `word_template:` setting and is fixed by saving it
//! again, a returned report is asked for again, and an imported file may be exported as
//! text instead. [`Reading`] says which of these a package is read for, and words the
//! refusal for it, so every message about an Office file is written here.

use std::fmt;

/// Why a file cannot be read, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

impl Refusal {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// What a package is read for, which decides how its refusals are worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A past report, for `import`.
    Import,
    /// report.docx as the force sent it back, for `responses`.
    Returned,
    /// The house template named by `word_template:`.
    Template,
}

impl Reading {
    /// Whether small faults are read past: an import takes what it can from a past
    /// report, whose hand-made parts may close an element under another prefix or hold
    /// bytes that are not UTF-8, where a template or a returned report is refused.
    pub fn is_tolerant(self) -> bool {
        self == Reading::Import
    }
}

const IMPORT_HINT: &str = "import reads Word documents (.docx) saved by Word or LibreOffice; open it there and save it again as .docx, or export it as text";
const RESAVE: &str = "open it in Word and save it again as a Word Document (*.docx)";
const RESAVE_DOCUMENT: &str =
    "open the document in Word and save it again as a Word Document (*.docx)";
const RESAVE_TEMPLATE: &str =
    "open the template in Word and save it again as a Word Document (*.docx)";
const HOSTILE: &str = "this may be a damaged or hostile file; ask for the document again";

impl Reading {
    /// The file is not a zip at all.
    pub fn not_zip(self) -> Refusal {
        match self {
            Reading::Import => Refusal::new(
                "this is not a Word document: a .docx is a zip package, and this file is not one",
                IMPORT_HINT,
            ),
            Reading::Returned => Refusal::new(
                "this is not a Word document (.docx): it is not a zip package",
                "give the report.docx that build-report wrote and the force sent back",
            ),
            Reading::Template => Refusal::new(
                "the Word template is not a .docx file",
                "save the template from Word as a Word Document (*.docx); older .doc files cannot be used",
            ),
        }
    }

    /// The zip has no word/document.xml.
    pub fn no_document(self) -> Refusal {
        match self {
            Reading::Import => Refusal::new(
                "this is not a Word document: the package has no word/document.xml",
                IMPORT_HINT,
            ),
            Reading::Returned => Refusal::new(
                "this package has no word/document.xml, so it is not a Word document",
                RESAVE,
            ),
            Reading::Template => Refusal::new(
                "the Word template has no word/document.xml, so it is not a Word document",
                "save the template from Word as a Word Document (*.docx)",
            ),
        }
    }

    /// The zip lists more entries than any Word document has.
    pub fn too_many_entries(self, entries: usize, most: usize) -> Refusal {
        self.hinted(
            format!(
                "refused: the package has {entries} entries, more than the {most} a Word document could need"
            ),
            HOSTILE,
        )
    }

    /// `part` unpacks to more than `cap` bytes, or the package's parts together do.
    pub fn too_large(self, part: &str, cap: u64) -> Refusal {
        let mib = cap / (1024 * 1024);
        match self {
            Reading::Import => Refusal::new(
                format!(
                    "refused: the document's parts unpack to more than {mib} MiB, far beyond any report (a zip bomb?)"
                ),
                IMPORT_HINT,
            ),
            Reading::Returned => Refusal::new(
                format!("{part} is larger than {mib} MiB uncompressed, more than any report"),
                HOSTILE,
            ),
            Reading::Template => Refusal::new(
                format!("{part} inside the Word template is too large"),
                "use a smaller template: remove large pictures from it",
            ),
        }
    }

    /// `part` could not be unpacked.
    pub fn unreadable(self, part: &str, why: impl fmt::Display) -> Refusal {
        match self {
            Reading::Import => Refusal::new(format!("could not unpack {part}: {why}"), IMPORT_HINT),
            Reading::Returned => Refusal::new(format!("cannot read {part}: {why}"), RESAVE),
            Reading::Template => Refusal::new(
                format!("cannot read {part} inside the Word template: {why}"),
                RESAVE_TEMPLATE,
            ),
        }
    }

    /// `part` is not UTF-8.
    pub fn not_utf8(self, part: &str) -> Refusal {
        match self {
            Reading::Template => Refusal::new(
                format!("{part} inside the Word template is not UTF-8 XML"),
                RESAVE_TEMPLATE,
            ),
            _ => self.hinted(format!("{part} is not UTF-8 text"), RESAVE),
        }
    }

    /// `part` is not well-formed XML, found at byte `at` when that is known.
    pub fn malformed(self, part: &str, at: Option<u64>, why: impl fmt::Display) -> Refusal {
        match (self, at) {
            (Reading::Import, Some(at)) => Refusal::new(
                format!("{part} is not well-formed XML (at byte {at}): {why}"),
                IMPORT_HINT,
            ),
            (Reading::Template, _) => Refusal::new(
                format!("{part} inside the Word template is not well-formed XML: {why}"),
                RESAVE_TEMPLATE,
            ),
            _ => self.hinted(
                format!("{part} is not well-formed XML: {why}"),
                RESAVE_DOCUMENT,
            ),
        }
    }

    /// `part` nests its elements deeper than `most`.
    pub fn too_deep(self, part: &str, most: usize) -> Refusal {
        match self {
            Reading::Import => Refusal::new(
                format!("refused: {part} nests its elements more than {most} deep"),
                IMPORT_HINT,
            ),
            Reading::Returned => Refusal::new(
                format!("{part} is nested more deeply than any Word document"),
                HOSTILE,
            ),
            Reading::Template => Refusal::new(
                format!(
                    "refused: {part} inside the Word template nests its elements more than {most} deep"
                ),
                RESAVE_TEMPLATE,
            ),
        }
    }

    /// `message` with this reading's own hint where it has one, `hint` otherwise.
    fn hinted(self, message: String, hint: &str) -> Refusal {
        match self {
            Reading::Import => Refusal::new(message, IMPORT_HINT),
            Reading::Template => Refusal::new(message, RESAVE_TEMPLATE),
            Reading::Returned => Refusal::new(message, hint),
        }
    }
}
