//! `build-report import`: turning a report that already exists (a Word document, or its
//! text export) into a report folder, a front end of its own beside load → parse.
//!
//! Every reader turns its file into the same short list of [`Block`]s, each remembering
//! where in the source it came from, so that the recognising of sections, cases and
//! observations is written once and every warning can name the source's own lines. A
//! .docx has no lines, so its paragraphs are numbered in document order instead.
//!
//! The promise is that nothing is lost: every non-blank line of the source lands, word
//! for word, in exactly one file written, or is a heading the folder's structure stands
//! for (a section, a "Case N", the observations table's header).

mod date;
pub mod facts;
mod generated;
pub mod heading;
mod pairs;
pub mod recognise;
mod rows;
mod run;
mod start;
mod table;
pub mod text;
pub mod types;
pub mod write;

#[cfg(test)]
mod lost;

pub use heading::Forms;
pub use recognise::{Imported, recognise, recognise_with};
pub use run::{Outcome, import};

/// One piece of a document as a reader found it; `line` is the source line (or, in a
/// .docx, the paragraph's ordinal) of its first text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading the source marks as one: `#` in Markdown, a heading style in Word.
    Heading {
        level: u8,
        text: String,
        line: usize,
    },
    /// A line or paragraph of text. `cell` is the text export's mark of a table cell: a
    /// line that begins with a tab. `indent` is its leading white space, in columns.
    Paragraph {
        text: String,
        line: usize,
        indent: usize,
        cell: bool,
    },
    /// A list item, `level` 0 for the outermost.
    Bullet {
        level: u8,
        text: String,
        line: usize,
        indent: usize,
    },
    /// A table: its rows, each a list of cells, each a list of paragraphs. `head` says
    /// that the first row is the table's header for certain, as a Markdown table's is;
    /// otherwise only its words can say so.
    Table {
        rows: Vec<Vec<Cell>>,
        line: usize,
        head: bool,
    },
}

/// A table cell's paragraphs, each with its source line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub paragraphs: Vec<(String, usize)>,
}

impl Cell {
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Block {
    pub fn line(&self) -> usize {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::Bullet { line, .. }
            | Block::Table { line, .. } => *line,
        }
    }
}

/// The formats import reads, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Word,
}

impl Kind {
    /// The kind a file's name says it is, if import reads it.
    pub fn of(path: &std::path::Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Kind::Text),
            "md" | "markdown" => Some(Kind::Markdown),
            "docx" => Some(Kind::Word),
            _ => None,
        }
    }
}

/// Plain text as Markdown that shows it as written: the characters Markdown would read
/// as emphasis, code, links, HTML, tables or a `#theme-id` tag are escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut after_space = true;
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '|' | '~'
        ) || (c == '#' && after_space)
        {
            out.push('\\');
        }
        out.push(c);
        after_space = c.is_whitespace();
    }
    out
}

/// The text a Markdown line shows, for the escapes [`escape`] and the writer add: a
/// backslash before ASCII punctuation is dropped.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// A meeting date for a source that states none: a date in its file name, or else the
/// day the file was last changed.
pub fn date_of_file(path: &std::path::Path, stem: &str) -> String {
    if let Some(date) = date::find(stem) {
        return date;
    }
    let days = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() / 86_400);
    crate::parse::meta::dates::from_days(days as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_the_text_and_unescaping_gives_it_back() {
        let text = r"a *b* _c_ [d](e) <f> & g | h ~ i #tag C#sharp \ `j`";
        assert_eq!(unescape(&escape(text)), text);
        assert!(escape("call #101").contains(r"\#101"));
        assert!(!escape("C#").contains('\\'));
    }
}
