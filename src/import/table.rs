//! The observations section: a Word table of observation and force response, or the text
//! export's form of one, in which each cell is a line that begins with a tab and the lines
//! without one continue the cell before them; or, where an export lost the tabs, in which
//! the table came out as alternate lines under its column headings ("Observations", "Force
//! Response"): each observation, then its response.
//!
//! Numbered pairs instead of a table are [`super::pairs`]'s.
//!
//! A table's header row ("Observations", "Force Response") is structure. Anything after
//! the table is the closing remarks; so is, in a text export, a last cell that has no
//! response beside it, with a warning, since only its position says so.

use super::Block;
use super::recognise::{Imported, Item, Observation, lines};
use crate::diagnostic::{Diagnostic, Loc};

/// The words that open an observations table's first column heading, and that its
/// second column's heading holds.
const OBSERVATION_HEADINGS: [&str; 6] = [
    "observation",
    "recommendation",
    "action",
    "issue",
    "finding",
    "area for improvement",
];
const RESPONSE_HEADINGS: [&str; 4] = ["response", "reply", "update", "answer"];

fn is_header(observation: &str, response: &str) -> bool {
    let o = super::unescape(observation).trim().to_lowercase();
    let r = super::unescape(response).trim().to_lowercase();
    OBSERVATION_HEADINGS.iter().any(|h| o.starts_with(h))
        && RESPONSE_HEADINGS.iter().any(|h| r.contains(h))
}

/// Fills `found`'s observations and closing remarks from the blocks of the section.
pub fn observations(blocks: &[&Block], found: &mut Imported, file: &str) {
    if blocks.iter().any(|b| matches!(b, Block::Table { .. })) {
        word_tables(blocks, found, file);
    } else if blocks.iter().any(|b| super::pairs::opens(b)) {
        super::pairs::observations(blocks, found, file);
    } else if blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { cell: true, .. }))
    {
        text_cells(blocks, found, file, |b| {
            matches!(b, Block::Paragraph { cell: true, .. })
        });
    } else if let Some(header) = alternate_header(blocks) {
        found
            .structure
            .extend(blocks[..header].iter().map(|b| b.line()));
        let rows = &blocks[header..];
        if let Some(first) = rows.first() {
            found.diagnostics.push(
                Diagnostic::warning(file, Loc::new(first.line(), 1), "the observations table came out as lines, one cell to a line, so each observation was paired with the line after it as its force response")
                    .hint("check observations/: if a cell ran to more than one line, the pairs from there on are out of step"),
            );
        }
        text_cells(rows, found, file, |_| true);
    } else if let Some(first) = blocks.first() {
        for block in blocks {
            let (text, line) = match block {
                Block::Heading { text, line, .. }
                | Block::Paragraph { text, line, .. }
                | Block::Bullet { text, line, .. } => (text.clone(), *line),
                Block::Table { .. } => continue,
            };
            found.observations.push(Observation {
                line,
                text: vec![(text, line)],
                response: Vec::new(),
            });
        }
        found.diagnostics.push(
            Diagnostic::warning(file, Loc::new(first.line(), 1), "the observations are not in a table, so each paragraph became an observation awaiting the force's response")
                .hint("check observations/: join an observation's paragraphs, and move any response under `## Force response`"),
        );
    }
}

fn word_tables(blocks: &[&Block], found: &mut Imported, file: &str) {
    let mut after_table = false;
    let mut before: Vec<usize> = Vec::new();
    for block in blocks {
        match block {
            Block::Table { rows, line, head } => {
                let understood = !rows.is_empty() && rows.iter().all(|r| r.len() >= 2);
                if !understood {
                    found.diagnostics.push(
                        Diagnostic::warning(file, Loc::new(*line, 1), "a table with a row of one cell is not the observations table, so it was kept as a table in closing.md")
                            .hint("the observations table has the observation in its first column and the force's response in its second"),
                    );
                    found.closing.push(Item::table(rows, *line));
                    continue;
                }
                after_table = true;
                for (index, row) in rows.iter().enumerate() {
                    if index == 0 && (*head || is_header(&row[0].text(), &row[1].text())) {
                        found
                            .structure
                            .extend(row.iter().flat_map(|c| c.paragraphs.iter().map(|p| p.1)));
                        continue;
                    }
                    let mut response: Vec<(String, usize)> = row[1].paragraphs.clone();
                    if row.len() > 2 {
                        let line = row[2].paragraphs.first().map_or(*line, |p| p.1);
                        found.diagnostics.push(
                            Diagnostic::warning(file, Loc::new(line, 1), format!("the observations table has {} columns; the text after the second was added to the force's response", row.len()))
                                .hint("check that observation's file in observations/"),
                        );
                        response.extend(row[2..].iter().flat_map(|c| c.paragraphs.clone()));
                    }
                    let text = row[0].paragraphs.clone();
                    // A row with no observation of its own continues the one above, as
                    // when its cell is merged down over several responses.
                    if text.is_empty() {
                        match found.observations.last_mut() {
                            Some(previous) => previous.response.extend(response),
                            None => {
                                let line = response.first().map_or(*line, |p| p.1);
                                found.diagnostics.push(
                                    Diagnostic::warning(file, Loc::new(line, 1), "the observations table's first row has a response but no observation, so its text was put in closing.md")
                                        .hint("move it into the observation it answers, under `## Force response`"),
                                );
                                for (text, line) in response {
                                    found.closing.push(Item::Paragraph(text, line));
                                }
                            }
                        }
                        continue;
                    }
                    found.observations.push(Observation {
                        line: text.first().or(response.first()).map_or(*line, |p| p.1),
                        text,
                        response,
                    });
                }
            }
            other => {
                if !after_table {
                    before.push(other.line());
                }
                push_closing(found, other);
            }
        }
    }
    if let Some(&first) = before.first() {
        found.diagnostics.push(
            Diagnostic::warning(file, Loc::new(first, 1), format!(
                "text between the Observations heading and its table ({}) was put in closing.md",
                lines(first, before.last().copied().unwrap_or(first))
            ))
            .hint("move it where it belongs"),
        );
    }
}

pub(super) fn push_closing(found: &mut Imported, block: &Block) {
    match block {
        Block::Heading { text, line, .. } => found.closing.push(Item::Heading(text.clone(), *line)),
        Block::Paragraph { text, line, .. } => {
            found.closing.push(Item::Paragraph(text.clone(), *line))
        }
        Block::Bullet {
            level, text, line, ..
        } => found
            .closing
            .push(Item::Bullet(*level, text.clone(), *line)),
        Block::Table { rows, line, .. } => found.closing.push(Item::table(rows, *line)),
    }
}

/// One cell of the text export's table: its first line and the lines that continue it.
struct TextCell<'a> {
    blocks: Vec<&'a Block>,
}

impl TextCell<'_> {
    fn paragraphs(&self) -> Vec<(String, usize)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, line, .. }
                | Block::Paragraph { text, line, .. }
                | Block::Bullet { text, line, .. } => Some((text.clone(), *line)),
                Block::Table { .. } => None,
            })
            .collect()
    }
}

/// How many blocks at the start of the section are the column headings of a table that
/// came out as alternate lines: "Force Response" alone, when the "Observations" over the
/// other column was read as the section's heading, or both. Each is a short line.
fn alternate_header(blocks: &[&Block]) -> Option<usize> {
    fn heading<'a>(block: Option<&&'a Block>) -> Option<&'a str> {
        match block {
            Some(Block::Paragraph {
                text, cell: false, ..
            }) if text.split_whitespace().count() <= 4 => Some(text.as_str()),
            _ => None,
        }
    }
    let first = heading(blocks.first())?;
    if is_header("observation", first) {
        return Some(1);
    }
    is_header(first, heading(blocks.get(1))?).then_some(2)
}

/// Pairs the cells of a text export's table, each begun by a block that `starts` one, as
/// observation and response.
fn text_cells(blocks: &[&Block], found: &mut Imported, file: &str, starts: fn(&Block) -> bool) {
    let mut cells: Vec<TextCell> = Vec::new();
    let mut before: Vec<&Block> = Vec::new();
    for block in blocks {
        match (block, cells.last_mut()) {
            (block, _) if starts(block) => cells.push(TextCell {
                blocks: vec![block],
            }),
            (_, Some(cell)) => cell.blocks.push(block),
            (_, None) => before.push(block),
        }
    }
    if let Some(first) = before.first() {
        found.diagnostics.push(
            Diagnostic::warning(file, Loc::new(first.line(), 1), format!(
                "text between the Observations heading and its table ({}) was put in closing.md",
                lines(first.line(), before.last().map_or(first.line(), |b| b.line()))
            ))
            .hint("move it where it belongs"),
        );
        for block in &before {
            push_closing(found, block);
        }
    }
    let mut cells = cells.into_iter().peekable();
    let mut header_checked = false;
    while let Some(observation) = cells.next() {
        let Some(response) = cells.next() else {
            let paragraphs = observation.paragraphs();
            let line = paragraphs.first().map_or(0, |p| p.1);
            found.diagnostics.push(
                Diagnostic::warning(file, Loc::new(line, 1), format!(
                    "the last cell of the observations table ({}) has no response beside it, so it was taken as the closing remarks",
                    lines(line, paragraphs.last().map_or(line, |p| p.1))
                ))
                .hint("if it is an observation still awaiting a response, move it from closing.md into a file of its own in observations/"),
            );
            for (text, line) in paragraphs {
                found.closing.push(Item::Paragraph(text, line));
            }
            break;
        };
        let text = observation.paragraphs();
        let answer = response.paragraphs();
        if !header_checked {
            header_checked = true;
            if text.len() == 1 && answer.len() == 1 && is_header(&text[0].0, &answer[0].0) {
                found.structure.extend([text[0].1, answer[0].1]);
                continue;
            }
        }
        found.observations.push(Observation {
            line: text.first().map_or(0, |p| p.1),
            text,
            response: answer,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Block {
        Block::Paragraph {
            text: text.into(),
            line: 1,
            indent: 0,
            cell: false,
        }
    }

    #[test]
    fn column_headings_on_lines_of_their_own_are_the_alternate_form_s_header() {
        let header = |texts: &[&str]| {
            let blocks: Vec<Block> = texts.iter().map(|t| line(t)).collect();
            alternate_header(&blocks.iter().collect::<Vec<_>>())
        };
        assert_eq!(header(&["Force Response", "Members asked."]), Some(1));
        assert_eq!(
            header(&["Recommendation", "Police response", "Members asked."]),
            Some(2)
        );
        assert_eq!(header(&["Members asked.", "The force will reply."]), None);
        assert_eq!(
            header(&["Members found the force response slow to arrive"]),
            None
        );
        assert_eq!(header(&[]), None);
    }
}
