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
//! one of build-report's bookmarks ([`crate::render::docx::controls::mark_name`]) are
//! read too, as controls tagged with the bookmark's name, without the paragraphs that
//! hold the bookmarks (the number, the cases and the status line, which are not the
//! panel's text or the force's answer).

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::package::{Refusal, refusal};
use crate::office::read::xml::{self, attr};

/// Elements deeper than this are not a report build-report wrote.
const MAX_DEPTH: usize = 256;
/// What the names of build-report's bookmarks start with.
const MARKS: &str = "_Br";

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
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader.read_event().map_err(|err| {
            refusal(
                format!("word/document.xml is not well-formed XML: {err}"),
                "open the document in Word and save it again as a Word Document (*.docx)",
            )
        })?;
        match event {
            Event::Start(e) => {
                state.start(&e, prefix);
                state.stack.push(xml::name(&e).to_string());
                if state.stack.len() > MAX_DEPTH {
                    return Err(refusal(
                        "word/document.xml is nested more deeply than any Word document",
                        "this may be a damaged or hostile file; ask for the document again",
                    ));
                }
            }
            Event::Empty(e) => {
                state.start(&e, prefix);
                let name = xml::name(&e).to_string();
                state.stack.push(name);
                state.end();
            }
            Event::End(_) => state.end(),
            Event::Text(t) => state.text(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) => {
                let c = match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    state.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.found)
}

/// The value of the custom document property `name` in docProps/custom.xml.
pub fn property(xml: &str, name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut value = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if xml::name(&e) == "property" => {
                inside = attr(&e, "name").as_deref() == Some(name);
            }
            Event::End(e) if e.local_name().as_ref() == "property" && inside => {
                return Some(value);
            }
            Event::Text(t) if inside => value.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::Eof => return None,
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
            "showingPlcHdr" if parent == Some("sdtPr") && on(e) => {
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
            "p" if (self.capture.is_some() || !self.cells.is_empty())
                && self.paragraph.is_none() =>
            {
                self.paragraph = Some((depth, Paragraph::default()));
            }
            "bookmarkStart" => {
                if let (Some((_, paragraph)), Some(name)) = (&mut self.paragraph, attr(e, "name"))
                    && name.starts_with(MARKS)
                {
                    paragraph.marks.push(name);
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
            "b" if parent == Some("rPr") && self.in_run() => self.run.bold = on(e),
            "i" if parent == Some("rPr") && self.in_run() => self.run.italic = on(e),
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

/// Whether an on/off property such as `<w:b/>` or `<w:b w:val="0"/>` is on.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

#[cfg(test)]
mod tests;
