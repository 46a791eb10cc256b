//! word/document.xml: paragraphs and tables in document order, as blocks.
//!
//! Text is taken from `w:t` runs, as Markdown (escaped, with hyperlinks as links).
//! Tracked insertions are kept and deletions dropped, which is accepting them; a field's
//! code (`w:instrText`, and the runs between its `begin` and `separate`) is dropped and its
//! result kept. Drawings and the fallback half of `mc:AlternateContent` are skipped, as
//! is every element the reader does not know, its text aside.

use std::collections::HashMap;

use super::{Numbering, READING, Read, Styles, Warning};
use crate::import::{Block, Cell, escape};
use crate::office::Refusal;
use crate::office::package::DOCUMENT;
use crate::office::xml::{Item, Part, attr, name, skip, val};

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    ordinal: usize,
    style: Option<String>,
    num: Option<(String, u8)>,
    text: String,
}

/// A table being read: its rows of cells, and the cell open in each grid column for
/// `w:vMerge`, so that a merged cell's text joins the cell it continues.
#[derive(Default)]
struct Table {
    line: usize,
    rows: Vec<Vec<Cell>>,
    /// The cell being read.
    cell: Cell,
    span: usize,
    merge: Option<bool>,
}

/// A field's state: its code is being read, or its result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    Result,
}

struct Reader<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    links: &'s HashMap<String, String>,
    read: Read,
    ordinal: usize,
    paragraph: Option<Paragraph>,
    /// Paragraphs nested in an open one (a text box), joined into it.
    nested: usize,
    tables: Vec<Table>,
    fields: Vec<Field>,
    deleted: usize,
    in_text: bool,
    /// Each open hyperlink: where its text starts, and its target.
    hyperlinks: Vec<(usize, Option<String>)>,
    tracked: Option<usize>,
}

pub fn read(
    xml: &str,
    styles: &Styles,
    numbering: &Numbering,
    links: &HashMap<String, String>,
) -> Result<Read, Refusal> {
    let mut part = Part::new(xml, DOCUMENT, READING);
    let mut r = Reader {
        styles,
        numbering,
        links,
        read: Read::default(),
        ordinal: 0,
        paragraph: None,
        nested: 0,
        tables: Vec::new(),
        fields: Vec::new(),
        deleted: 0,
        in_text: false,
        hyperlinks: Vec::new(),
        tracked: None,
    };
    loop {
        match part.next()? {
            Item::Open(e) => match name(&e) {
                // A drawing is read for the text boxes in it, whose paragraphs join the
                // one around them; its fallback repeats them for older readers, and an
                // embedded object or a field's code is not text of the report.
                "object" | "Fallback" | "instrText" | "delInstrText" => skip(&mut part)?,
                "del" | "moveFrom" => {
                    r.track();
                    r.deleted += 1;
                }
                "ins" | "moveTo" => r.track(),
                "p" => r.open_paragraph(),
                "t" => r.in_text = true,
                "hyperlink" => {
                    let at = r.paragraph.as_ref().map_or(0, |p| p.text.len());
                    let target = attr(&e, "id").and_then(|id| r.links.get(&id).cloned());
                    r.hyperlinks.push((at, target));
                }
                "tbl" => r.tables.push(Table {
                    line: r.ordinal + 1,
                    ..Table::default()
                }),
                "tr" => {
                    if let Some(t) = r.tables.last_mut() {
                        t.rows.push(Vec::new());
                    }
                }
                "tc" => {
                    if let Some(t) = r.tables.last_mut() {
                        t.span = 1;
                        t.merge = None;
                        t.cell = Cell::default();
                    }
                }
                other => r.setting(other, &e),
            },
            Item::Empty(e) => match name(&e) {
                "tab" | "br" | "cr" => r.push(" "),
                "noBreakHyphen" => r.push("-"),
                "fldChar" => match attr(&e, "fldCharType").as_deref() {
                    Some("begin") => r.fields.push(Field::Code),
                    Some("separate") => {
                        if let Some(f) = r.fields.last_mut() {
                            *f = Field::Result;
                        }
                    }
                    Some("end") => {
                        r.fields.pop();
                    }
                    _ => {}
                },
                "p" => {
                    r.open_paragraph();
                    r.close_paragraph();
                }
                other => r.setting(other, &e),
            },
            Item::Text(text) => {
                if r.in_text {
                    r.push(&escape(&text));
                }
            }
            Item::Close(n) => match n.as_str() {
                "t" => r.in_text = false,
                "del" | "moveFrom" => r.deleted = r.deleted.saturating_sub(1),
                "p" => r.close_paragraph(),
                "hyperlink" => r.close_hyperlink(),
                "tc" => r.close_cell(),
                "tbl" => r.close_table(),
                _ => {}
            },
            Item::End => break,
        }
    }
    if let Some(paragraph) = r.tracked {
        r.read.warnings.push(Warning {
            paragraph,
            message: "the document has tracked changes; they were accepted (insertions kept, deletions dropped)".into(),
            hint: "if a change should not have been accepted, correct the imported files".into(),
        });
    }
    Ok(r.read)
}

impl Reader<'_> {
    fn track(&mut self) {
        self.tracked.get_or_insert(self.ordinal.max(1));
    }

    /// A setting in a paragraph's or a cell's properties.
    fn setting(&mut self, element: &str, e: &quick_xml::events::BytesStart<'_>) {
        match element {
            "pStyle" => {
                if let Some(p) = &mut self.paragraph {
                    p.style = val(e);
                }
            }
            "ilvl" => {
                if let Some(p) = &mut self.paragraph {
                    let level = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                    p.num.get_or_insert((String::new(), 0)).1 = level;
                }
            }
            "numId" => {
                if let Some(p) = &mut self.paragraph {
                    p.num.get_or_insert((String::new(), 0)).0 = val(e).unwrap_or_default();
                }
            }
            "gridSpan" => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = val(e)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            "vMerge" => {
                if let Some(t) = self.tables.last_mut() {
                    t.merge = Some(val(e).as_deref() == Some("restart"));
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        let hidden = self.deleted > 0 || self.fields.contains(&Field::Code);
        if let (Some(p), false) = (&mut self.paragraph, hidden) {
            p.text.push_str(text);
        }
    }

    fn open_paragraph(&mut self) {
        if self.paragraph.is_some() {
            self.nested += 1;
            self.push(" ");
            return;
        }
        self.ordinal += 1;
        self.paragraph = Some(Paragraph {
            ordinal: self.ordinal,
            ..Paragraph::default()
        });
    }

    fn close_hyperlink(&mut self) {
        let Some((start, target)) = self.hyperlinks.pop() else {
            return;
        };
        let (Some(p), Some(url)) = (&mut self.paragraph, target) else {
            return;
        };
        let Some(shown) = p.text.get(start..).map(str::to_string) else {
            return;
        };
        if shown.trim().is_empty() {
            return;
        }
        let url = if url.contains([' ', '(', ')', '<', '>']) {
            format!("<{}>", url.replace(['<', '>'], ""))
        } else {
            url
        };
        p.text.truncate(start);
        p.text.push_str(&format!("[{shown}]({url})"));
    }

    fn close_paragraph(&mut self) {
        if self.nested > 0 {
            self.nested -= 1;
            return;
        }
        let Some(p) = self.paragraph.take() else {
            return;
        };
        let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        if let Some(table) = self.tables.last_mut() {
            table.cell.paragraphs.push((text, p.ordinal));
            return;
        }
        let style = p.style.as_deref().unwrap_or("");
        let heading = (!style.is_empty())
            .then(|| self.styles.heading(style))
            .flatten();
        let num = p
            .num
            .filter(|(id, _)| !id.is_empty())
            .or_else(|| self.styles.numbering(style))
            .filter(|(id, _)| self.numbering.defines(id));
        let line = p.ordinal;
        self.read.blocks.push(match (heading, num) {
            (Some(level), _) => Block::Heading { level, text, line },
            (None, Some((_, level))) => Block::Bullet {
                level,
                text,
                line,
                indent: usize::from(level) * 2,
            },
            (None, None) => Block::Paragraph {
                text,
                line,
                indent: 0,
                cell: false,
            },
        });
    }

    fn close_cell(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let cell = std::mem::take(&mut table.cell);
        let Some(row) = table.rows.last_mut() else {
            return;
        };
        let column: usize = row.len();
        if table.merge == Some(false) {
            // Continues the cell above in the same column: its text joins that cell.
            let above = table
                .rows
                .iter_mut()
                .rev()
                .skip(1)
                .find_map(|r| r.get_mut(column).filter(|c| !c.paragraphs.is_empty()));
            match above {
                Some(above) => above.paragraphs.extend(cell.paragraphs),
                None => push_cell(table, cell),
            }
            if let Some(row) = table.rows.last_mut() {
                row.push(Cell::default());
            }
        } else {
            push_cell(table, cell);
        }
        let span = table.span;
        if let Some(row) = table.rows.last_mut() {
            for _ in 1..span {
                row.push(Cell::default());
            }
        }
    }

    fn close_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let rows: Vec<Vec<Cell>> = table
            .rows
            .into_iter()
            .filter(|r| r.iter().any(|c| !c.paragraphs.is_empty()))
            .collect();
        match self.tables.last_mut() {
            // A table in a cell: its text joins the cell, in reading order.
            Some(outer) => {
                for cell in rows.into_iter().flatten() {
                    outer.cell.paragraphs.extend(cell.paragraphs);
                }
            }
            None if !rows.is_empty() => self.read.blocks.push(Block::Table {
                rows,
                line: table.line,
                head: false,
            }),
            None => {}
        }
    }
}

fn push_cell(table: &mut Table, cell: Cell) {
    if let Some(row) = table.rows.last_mut() {
        row.push(cell);
    }
}

#[cfg(test)]
mod tests;
