//! Reading the tagged content controls out of a returned word/document.xml.
//!
//! The reader is tolerant, because the document has been through Word, LibreOffice or
//! both: it streams the XML, looks only at what it knows (paragraphs, runs, their bold
//! and italic, list numbering, tabs and breaks), and passes over everything else. Tracked
//! changes count as accepted: an insertion or a move's new place is read, a deletion or a
//! move's old place is not. Field codes are skipped and their results kept, as Word shows
//! them. Nesting deeper than any Word document is refused, so the work stays bounded.
//!
//! A document saved by LibreOffice has lost the controls' tags, so table cells holding
//! one of build-report's bookmarks ([`crate::office::names::mark_name`]) are
//! read too, as controls tagged with the bookmark's name, without the paragraphs that
//! hold the bookmarks (the number, the cases and the status line, which are not the
//! panel's text or the force's answer).

use quick_xml::events::BytesStart;

use crate::office::names::MARKS;
use crate::office::package::DOCUMENT;
use crate::office::xml::{self, Item, Part, attr, is_on};
use crate::office::{Reading, Refusal};

/// One content control with a build-report tag, as the document now has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Control {
    pub tag: String,
    /// Still showing its prompt: nothing was typed in.
    pub placeholder: bool,
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph: its runs, and its list level when it is a list item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub list: Option<u8>,
    pub runs: Vec<Run>,
    /// The names of build-report's bookmarks in the paragraph.
    pub marks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Content controls whose tag starts with `prefix`, in document order.
pub fn read(xml: &str, prefix: &str) -> Result<Vec<Control>, Refusal> {
    let mut part = Part::new(xml, DOCUMENT, Reading::Returned);
    let mut state = State::default();
    loop {
        match part.next()? {
            Item::Open(e) => {
                state.start(&e, prefix);
                state.stack.push(xml::name(&e).to_string());
            }
            Item::Empty(e) => {
                state.start(&e, prefix);
                state.stack.push(xml::name(&e).to_string());
                state.end();
            }
            Item::Close(_) => state.end(),
            Item::Text(text) => state.text(&text),
            Item::End => return Ok(state.found),
        }
    }
}

/// Every paragraph of the document outside another, in order, each with the names of
/// build-report's bookmarks in it; a bookmark between paragraphs goes with the next, and
/// one after the last with an empty paragraph of its own. A pack's boxes are read from
/// these, as their paragraphs lie between two bookmarks rather than in a control.
pub fn paragraphs(xml: &str) -> Result<Vec<Paragraph>, Refusal> {
    let mut part = Part::new(xml, DOCUMENT, Reading::Returned);
    let mut state = State {
        every: true,
        ..State::default()
    };
    loop {
        match part.next()? {
            Item::Open(e) => {
                state.start(&e, "\u{0}");
                state.stack.push(xml::name(&e).to_string());
            }
            Item::Empty(e) => {
                state.start(&e, "\u{0}");
                state.stack.push(xml::name(&e).to_string());
                state.end();
            }
            Item::Close(_) => state.end(),
            Item::Text(text) => state.text(&text),
            Item::End => {
                if !state.pending.is_empty() {
                    state.all.push(Paragraph {
                        marks: std::mem::take(&mut state.pending),
                        ..Paragraph::default()
                    });
                }
                return Ok(state.all);
            }
        }
    }
}

/// The value of the custom document property `name` in docProps/custom.xml.
pub fn property(xml: &str, name: &str) -> Option<String> {
    let mut part = Part::new(xml, "docProps/custom.xml", Reading::Returned);
    let mut inside = false;
    let mut value = String::new();
    loop {
        match part.next().ok()? {
            Item::Open(e) if xml::name(&e) == "property" => {
                inside = attr(&e, "name").as_deref() == Some(name);
            }
            Item::Close(element) if element == "property" && inside => return Some(value),
            Item::Text(text) if inside => value.push_str(&text),
            Item::End => return None,
            _ => {}
        }
    }
}

/// A control being read: where it starts, and whether it is one of ours.
#[derive(Debug)]
struct Frame {
    depth: usize,
    tag: Option<String>,
    placeholder: bool,
    ours: bool,
}

#[derive(Debug, Default)]
struct State {
    stack: Vec<String>,
    frames: Vec<Frame>,
    /// The control of ours being read, by its index in `frames`.
    capture: Option<(usize, Control)>,
    paragraph: Option<(usize, Paragraph)>,
    /// The table cells being read, innermost last: where each starts, and its paragraphs.
    cells: Vec<(usize, Vec<Paragraph>)>,
    run: Run,
    /// The depth at which a skipped element (a deletion, a field code) began.
    skip: Option<usize>,
    found: Vec<Control>,
    /// Every paragraph is read, into `all`, for [`paragraphs`].
    every: bool,
    all: Vec<Paragraph>,
    /// Bookmarks met outside a paragraph, for the next one.
    pending: Vec<String>,
}

impl State {
    fn start(&mut self, e: &BytesStart, prefix: &str) {
        if self.skip.is_some() {
            return;
        }
        let depth = self.stack.len();
        let name = xml::name(e).to_string();
        let parent = self.stack.last().map(String::as_str);
        match name.as_str() {
            // A property change holds the properties as they were before it.
            "del" | "moveFrom" | "delText" | "instrText" | "Fallback" | "pPrChange"
            | "rPrChange" => self.skip = Some(depth),
            "sdt" => self.frames.push(Frame {
                depth,
                tag: None,
                placeholder: false,
                ours: false,
            }),
            "tag" if parent == Some("sdtPr") => {
                if let (Some(frame), Some(tag)) = (self.frames.last_mut(), attr(e, "val")) {
                    frame.ours = tag.starts_with(prefix);
                    frame.tag = Some(tag);
                }
            }
            "showingPlcHdr" if parent == Some("sdtPr") && is_on(e) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.placeholder = true;
                }
            }
            "sdtContent" if self.capture.is_none() => {
                if let Some(frame) = self.frames.last()
                    && frame.ours
                    && frame.depth + 1 == depth
                {
                    let control = Control {
                        tag: frame.tag.clone().unwrap_or_default(),
                        placeholder: frame.placeholder,
                        paragraphs: Vec::new(),
                    };
                    self.capture = Some((self.frames.len() - 1, control));
                }
            }
            "tc" => self.cells.push((depth, Vec::new())),
            "p" if (self.every || self.capture.is_some() || !self.cells.is_empty())
                && self.paragraph.is_none() =>
            {
                let marks = std::mem::take(&mut self.pending);
                self.paragraph = Some((
                    depth,
                    Paragraph {
                        marks,
                        ..Paragraph::default()
                    },
                ));
            }
            "bookmarkStart" => {
                let name = attr(e, "name").filter(|n| n.starts_with(MARKS));
                match (&mut self.paragraph, name) {
                    (Some((_, paragraph)), Some(name)) => paragraph.marks.push(name),
                    (None, Some(name)) if self.every => self.pending.push(name),
                    _ => {}
                }
            }
            "numPr" => self.list_level(0, false),
            "ilvl" if parent == Some("numPr") => {
                let level = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                self.list_level(level, true);
            }
            "numId" if parent == Some("numPr") && attr(e, "val").as_deref() == Some("0") => {
                if let Some((_, paragraph)) = &mut self.paragraph {
                    paragraph.list = None;
                }
            }
            "r" => self.run = Run::default(),
            "b" if parent == Some("rPr") && self.in_run() => self.run.bold = is_on(e),
            "i" if parent == Some("rPr") && self.in_run() => self.run.italic = is_on(e),
            "tab" if parent == Some("r") => self.push("\t"),
            "br" | "cr" if parent == Some("r") => self.push("\n"),
            "noBreakHyphen" if parent == Some("r") => self.push("-"),
            _ => {}
        }
    }

    fn end(&mut self) {
        self.stack.pop();
        let depth = self.stack.len();
        if self.skip.is_some() {
            if self.skip == Some(depth) {
                self.skip = None;
            }
            return;
        }
        if let Some((at, _)) = &self.paragraph
            && *at == depth
            && let Some((_, paragraph)) = self.paragraph.take()
        {
            for (_, paragraphs) in &mut self.cells {
                paragraphs.push(paragraph.clone());
            }
            if self.every {
                self.all.push(paragraph.clone());
            }
            if let Some((_, control)) = &mut self.capture {
                control.paragraphs.push(paragraph);
            }
        }
        if self.cells.last().is_some_and(|(at, _)| *at == depth)
            && let Some((_, paragraphs)) = self.cells.pop()
        {
            self.marked_cell(paragraphs);
        }
        if self.frames.last().is_some_and(|f| f.depth == depth) {
            let index = self.frames.len() - 1;
            self.frames.pop();
            if self.capture.as_ref().is_some_and(|(i, _)| *i == index)
                && let Some((_, control)) = self.capture.take()
            {
                self.found.push(control);
            }
        }
    }

    /// A cell holding one of build-report's bookmarks, as a control named after it.
    fn marked_cell(&mut self, paragraphs: Vec<Paragraph>) {
        let Some(mark) = paragraphs.iter().flat_map(|p| &p.marks).next().cloned() else {
            return;
        };
        let paragraphs = paragraphs
            .into_iter()
            .filter(|p| p.marks.is_empty())
            .collect();
        self.found.push(Control {
            tag: mark,
            placeholder: false,
            paragraphs,
        });
    }

    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        if self.stack.last().is_some_and(|n| n == "t") {
            self.push(text);
        }
    }

    fn push(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        let Some((_, paragraph)) = &mut self.paragraph else {
            return;
        };
        let run = &self.run;
        match paragraph.runs.last_mut() {
            Some(last) if last.bold == run.bold && last.italic == run.italic => {
                last.text.push_str(text);
            }
            _ => paragraph.runs.push(Run {
                text: text.to_string(),
                ..run.clone()
            }),
        }
    }

    fn in_run(&self) -> bool {
        let n = self.stack.len();
        n >= 2 && self.stack[n - 2] == "r"
    }

    fn list_level(&mut self, level: u8, known: bool) {
        if self
            .stack
            .last()
            .is_some_and(|n| n == "numPr" || n == "pPr")
            && let Some((_, paragraph)) = &mut self.paragraph
            && (known || paragraph.list.is_none())
        {
            paragraph.list = Some(level.min(8));
        }
    }
}

#[cfg(test)]
mod tests;
