//! Where a case begins: a line in one of the heading forms that stands where a heading
//! would (few words, no closing full stop, points after it), a Markdown or Word heading at
//! the level the cases sit at, or a table with one case per row keyed by a date or a
//! reference. A line in a form that does not stand as a heading is a warning, since a
//! case read as another's points is a miscount no one sees.

use super::facts::{Facts, Field};
use super::heading::{CaseHeading, FORMS, Forms, likeness, reference_of, shaped};
use super::recognise::{Case, Item, opens_section};
use super::{Block, date};
use crate::diagnostic::{Diagnostic, Loc};

/// What has been seen of the cases so far: the level of the heading that opened the
/// cases section, and the level the cases' own headings are at.
pub struct Starts<'a> {
    forms: &'a Forms,
    section_level: Option<u8>,
    case_level: Option<u8>,
}

impl<'a> Starts<'a> {
    pub fn new(forms: &'a Forms) -> Self {
        Starts {
            forms,
            section_level: None,
            case_level: None,
        }
    }

    /// A section's heading was passed; `cases` when it opens the cases.
    pub fn section(&mut self, block: &Block, cases: bool) {
        self.section_level = match (block, cases) {
            (Block::Heading { level, .. }, true) => Some(*level),
            _ => None,
        };
    }

    /// The case heading `blocks[index]` is, where it stands as one; `in_cases` when the
    /// cases section is open.
    pub fn heading(
        &mut self,
        blocks: &[Block],
        index: usize,
        in_cases: bool,
        file: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<CaseHeading> {
        match &blocks[index] {
            Block::Heading { level, text, .. } => {
                if let Some(found) = self.forms.heading(text) {
                    self.case_level = Some(*level);
                    return Some(found);
                }
                let at_case_level = match self.case_level {
                    Some(case_level) => case_level == *level,
                    None => {
                        self.section_level.is_some_and(|s| s + 1 == *level)
                            && !cases_beneath(blocks, index, *level, self.forms)
                    }
                };
                (in_cases && at_case_level).then(|| CaseHeading {
                    title: Some(super::unescape(text).trim().to_string()),
                    ..CaseHeading::default()
                })
            }
            Block::Paragraph {
                text,
                cell: false,
                line,
                ..
            } => {
                let found = self.forms.heading(text)?;
                if !shaped(text, &found) {
                    return None;
                }
                if points_follow(blocks, index, self.forms) {
                    return Some(found);
                }
                diagnostics.push(
                    Diagnostic::warning(file, Loc::new(*line, 1), format!(
                        "\"{}\" is in the form of a case heading, but no points follow it, so it was kept as text",
                        super::unescape(text).trim()
                    ))
                    .hint("if it opens a case, put that case's points under it and import again"),
                );
                None
            }
            _ => None,
        }
    }
}

/// Whether a heading at `level` has case headings in a form beneath it, and so groups
/// cases rather than being one ("Risk and vulnerability" above "Case 1").
fn cases_beneath(blocks: &[Block], index: usize, level: u8, forms: &Forms) -> bool {
    blocks[index + 1..]
        .iter()
        .map_while(|block| match block {
            Block::Heading { level: l, .. } if *l <= level => None,
            other => Some(other),
        })
        .any(|block| matches!(block, Block::Heading { text, .. } if forms.heading(text).is_some()))
}

/// Whether the block after `index` is a case's content: a point, a line of its own or a
/// table, and not a section's or another case's heading.
fn points_follow(blocks: &[Block], index: usize, forms: &Forms) -> bool {
    match blocks.get(index + 1) {
        Some(Block::Bullet { .. } | Block::Table { .. }) => true,
        Some(Block::Paragraph {
            text, cell: false, ..
        }) => {
            !opens_section(text)
                && forms
                    .heading(text)
                    .is_none_or(|found| !shaped(text, &found))
        }
        _ => false,
    }
}

/// What a row's first cell keys it by.
enum Key {
    Date,
    Reference(String),
}

fn key_of(text: &str) -> Option<Key> {
    let plain = super::unescape(text);
    let plain = plain.trim();
    if let Some(reference) = reference_of(plain) {
        return Some(Key::Reference(reference));
    }
    (plain.split_whitespace().count() <= 5 && date::find(plain).is_some()).then_some(Key::Date)
}

/// The cases of a table whose rows, after a header, are each keyed by a date or a
/// reference in the first column, and the header's lines, which the folder stands for.
pub fn table_cases(block: &Block) -> Option<(Vec<Case>, Vec<usize>)> {
    let Block::Table { rows, line, head } = block else {
        return None;
    };
    let first = |row: &Vec<super::Cell>| row.first().map(super::Cell::text).unwrap_or_default();
    let (header, body) = match rows.split_first() {
        Some((top, rest)) if *head || key_of(&first(top)).is_none() => (Some(top), rest),
        _ => (None, rows.as_slice()),
    };
    let keys: Vec<Key> = body
        .iter()
        .map(|r| key_of(&first(r)))
        .collect::<Option<_>>()?;
    if body.is_empty() || body.iter().any(|r| r.len() < 2) {
        return None;
    }
    let label = |column: usize| {
        header
            .and_then(|h| h.get(column))
            .map(|c| super::unescape(&c.text()).trim().to_string())
            .filter(|l| !l.is_empty())
    };
    let mut cases = Vec::new();
    for (row, key) in body.iter().zip(keys) {
        let at = row[0].paragraphs.first().map_or(*line, |p| p.1);
        let mut facts = Facts::default();
        match key {
            Key::Reference(reference) => facts.crime_ref = Some(reference),
            Key::Date => {
                let name = label(0).unwrap_or_else(|| "Date".to_string());
                facts.fields.push(Field::new(&name, &row[0].text()));
            }
        }
        let mut items = Vec::new();
        for (column, cell) in row.iter().enumerate().skip(1) {
            if cell.paragraphs.is_empty() {
                continue;
            }
            if let Some(label) = label(column) {
                items.push(Item::Heading(label, at));
            }
            for (text, line) in &cell.paragraphs {
                items.push(Item::Bullet(0, text.clone(), *line));
            }
        }
        cases.push(Case {
            line: at,
            items,
            facts,
            ..Case::default()
        });
    }
    let structure = header
        .into_iter()
        .flatten()
        .flat_map(|c| c.paragraphs.iter().map(|p| p.1))
        .collect();
    Some((cases, structure))
}

/// Gives each case without a number (0) the lowest number no case has, in order.
pub fn number(cases: &mut [Case]) {
    let mut used: std::collections::BTreeSet<u32> =
        cases.iter().map(|c| c.number).filter(|&n| n > 0).collect();
    let mut next = 1;
    for case in cases.iter_mut().filter(|c| c.number == 0) {
        while used.contains(&next) {
            next += 1;
        }
        case.number = next;
        used.insert(next);
    }
}

/// The error for a source with no case: the forms looked for, the three lines most like
/// a case heading, and `--case-heading`.
pub fn none_found(blocks: &[Block], file: &str) -> Diagnostic {
    let mut scored: Vec<(usize, usize, String)> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let (text, marked) = match block {
            Block::Heading { text, .. } => (text, true),
            Block::Paragraph {
                text, cell: false, ..
            } => (text, false),
            _ => continue,
        };
        if opens_section(text) {
            continue;
        }
        let before_points = matches!(blocks.get(index + 1), Some(Block::Bullet { .. }));
        let plain = super::unescape(text).trim().to_string();
        scored.push((likeness(&plain, marked, before_points), block.line(), plain));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(3);
    scored.sort_by_key(|s| s.1);
    let mut hint = String::from("import looks for a case heading in these forms:\n");
    for form in FORMS {
        hint.push_str(&format!("  - {form}\n"));
    }
    if !scored.is_empty() {
        hint.push_str("the lines most like a case heading are:\n");
        for (_, line, text) in &scored {
            hint.push_str(&format!("  line {line}: {text}\n"));
        }
    }
    hint.push_str("if your cases begin another way, give that form with --case-heading REGEX, for example --case-heading '^Search (?P<number>\\d+)'");
    Diagnostic::error(
        file,
        Loc::START,
        "no case found, so nothing was written: a report folder needs at least one case",
    )
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Cell;

    fn cell(text: &str, line: usize) -> Cell {
        Cell {
            paragraphs: vec![(text.to_string(), line)],
        }
    }

    #[test]
    fn a_table_keyed_by_dates_is_one_case_per_row() {
        let table = Block::Table {
            rows: vec![
                vec![cell("Date received", 1), cell("Complaint", 2)],
                vec![cell("3 March 2024", 3), cell("Rude at the desk.", 4)],
                vec![cell("12/04/2024", 5), cell("No reply to letters.", 6)],
            ],
            line: 1,
            head: false,
        };
        let (cases, structure) = table_cases(&table).unwrap();
        assert_eq!(structure, [1, 2]);
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[1].facts.fields[0].id, "date_received");
        assert_eq!(cases[1].facts.fields[0].value, "12/04/2024");
        assert_eq!(
            cases[0].items,
            [
                Item::Heading("Complaint".into(), 3),
                Item::Bullet(0, "Rude at the desk.".into(), 4)
            ]
        );
        let mixed = Block::Table {
            rows: vec![vec![cell("Strand", 1), cell("Cases", 2)]],
            line: 1,
            head: false,
        };
        assert!(table_cases(&mixed).is_none());
    }

    #[test]
    fn a_heading_under_the_cases_is_a_case_unless_cases_in_a_form_sit_beneath_it() {
        let heading = |level, text: &str, line| Block::Heading {
            level,
            text: text.to_string(),
            line,
        };
        let blocks = [
            heading(2, "Cases", 1),
            heading(3, "A detainee held overnight", 2),
            heading(3, "Risk and vulnerability", 3),
            heading(4, "Case 1", 4),
        ];
        let forms = Forms::default();
        let mut starts = Starts::new(&forms);
        starts.section(&blocks[0], true);
        let mut diagnostics = Vec::new();
        let mut found = |index| starts.heading(&blocks, index, true, "t.md", &mut diagnostics);
        assert!(found(1).is_some());
        assert!(found(2).is_none());
    }

    #[test]
    fn cases_without_a_number_take_the_free_ones_in_order() {
        let mut cases: Vec<Case> = [0, 2, 0, 0]
            .into_iter()
            .map(|number| Case {
                number,
                ..Case::default()
            })
            .collect();
        number(&mut cases);
        let numbers: Vec<u32> = cases.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
    }
}
