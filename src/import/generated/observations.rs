//! Section 4.0 of build-report's own report: the Observation | Force Response table, in
//! Word a table, in LibreOffice's text export one line per cell paragraph. The number
//! (4.1), "Cases behind this", the status line and the response prompt are generated;
//! the observation's words and the force's response are the folder's.

use std::sync::LazyLock;

use regex::Regex;

use super::words;
use crate::catalogue::Labels;
use crate::import::Block;
use crate::import::recognise::{Imported, Item, Observation, push_items};

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\.\d+$").expect("a valid pattern"));

/// What a cell paragraph is: generated, or the panel's or the force's words.
fn generated(l: &Labels, text: &str) -> bool {
    NUMBER.is_match(text)
        || text.starts_with(&format!("{}: ", l.cases_behind))
        || text.starts_with(&format!("{}: ", l.status))
        || text == l.response_prompt
        || text == l.no_observations
        || text == l.col_observation
        || text == l.col_force_response
}

pub fn observations(l: &Labels, held: &[&Block], found: &mut Imported) {
    if held.iter().any(|b| matches!(b, Block::Table { .. })) {
        for block in held {
            match block {
                Block::Table { rows, .. } => table(l, rows, found),
                other => push_items(&mut found.closing, other),
            }
        }
        return;
    }
    let mut lines: Vec<(String, usize, String)> = Vec::new();
    for block in held {
        match words(block) {
            Some((text, line)) => {
                let raw = match block {
                    Block::Paragraph { text, .. } | Block::Heading { text, .. } => text.clone(),
                    _ => continue,
                };
                lines.push((text, line, raw));
            }
            None => push_items(&mut found.closing, block),
        }
    }
    text_export(l, &lines, found);
}

fn table(l: &Labels, rows: &[Vec<crate::import::Cell>], found: &mut Imported) {
    for row in rows {
        let cells: Vec<Vec<(String, usize)>> = row.iter().map(|c| c.paragraphs.clone()).collect();
        let mut text = Vec::new();
        let mut response = Vec::new();
        for (index, cell) in cells.iter().enumerate() {
            for (paragraph, line) in cell {
                if generated(l, super::unescape(paragraph).trim()) {
                    found.structure.push(*line);
                } else if index == 0 {
                    text.push((paragraph.clone(), *line));
                } else {
                    response.push((paragraph.clone(), *line));
                }
            }
        }
        push(found, text, response);
    }
}

/// One line per cell paragraph: an observation runs from its number to its status line;
/// its words end at "Cases behind this", or, without that line, after the first line.
fn text_export(l: &Labels, lines: &[(String, usize, String)], found: &mut Imported) {
    let mut groups: Vec<Vec<&(String, usize, String)>> = Vec::new();
    for entry in lines {
        if NUMBER.is_match(&entry.0) {
            groups.push(Vec::new());
        }
        match groups.last_mut() {
            Some(group) => group.push(entry),
            None => found.structure.push(entry.1),
        }
    }
    let cases = format!("{}: ", l.cases_behind);
    for group in groups {
        let split = group
            .iter()
            .position(|e| e.0.starts_with(&cases))
            .unwrap_or(2.min(group.len()));
        let mut text = Vec::new();
        let mut response = Vec::new();
        for (index, (words, line, raw)) in group.iter().map(|e| (&e.0, e.1, &e.2)).enumerate() {
            if generated(l, words) {
                found.structure.push(line);
            } else if index < split {
                text.push((raw.clone(), line));
            } else {
                response.push((raw.clone(), line));
            }
        }
        push(found, text, response);
    }
}

/// One observation, its words and the force's response; without words, what there is
/// goes to the closing remarks rather than making an observation of a response alone.
fn push(found: &mut Imported, text: Vec<(String, usize)>, response: Vec<(String, usize)>) {
    if let Some(&(_, line)) = text.first() {
        found.observations.push(Observation {
            line,
            text,
            response,
        });
    } else {
        for (paragraph, line) in response {
            found.closing.push(Item::Paragraph(paragraph, line));
        }
    }
}
