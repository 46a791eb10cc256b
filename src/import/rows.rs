//! Tables as text: reading a Markdown pipe table or a run of tab-separated rows out of a
//! text's lines, and writing a table back as a pipe table. Both directions live here so
//! that what import writes is what it would read again.
//!
//! A pipe table is known by its delimiter row (`| --- | --- |`) under the header, so its
//! first row is its header for certain. Tab-separated rows have no such mark, and a single
//! line with a tab in it is as often a numbered heading ("1.0\tBackground"), so they are a
//! table only as two or more rows of the same width.

use std::sync::LazyLock;

use regex::Regex;

static DELIMITER_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^:?-+:?$").expect("a valid pattern"));
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+)*\.?$").expect("a valid pattern"));

/// A table found in a text: its rows of cells, as written (still Markdown), and how many
/// lines it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub rows: Vec<Vec<String>>,
    pub lines: usize,
}

/// The cells of a pipe table's row: split at each `|` that no backslash escapes, without
/// the row's opening and closing `|`; each cell keeps its escapes.
pub fn pipe_cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in row.chars() {
        if c == '|' && !escaped {
            cells.push(std::mem::take(&mut cell));
        } else {
            cell.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    cells.push(cell);
    if row.starts_with('|') {
        cells.remove(0);
    }
    if row.len() > 1 && row.ends_with('|') && !row.ends_with("\\|") {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Whether a line has a `|` that no backslash escapes, as every pipe table row has.
pub fn has_pipe(line: &str) -> bool {
    pipe_cells(line).len() > 1 || line.trim().starts_with('|')
}

/// Whether a line is a pipe table's delimiter row, such as `|---|:--:|`.
pub fn is_delimiter(line: &str) -> bool {
    has_pipe(line) && {
        let cells = pipe_cells(line);
        !cells.is_empty() && cells.iter().all(|c| DELIMITER_CELL.is_match(c))
    }
}

/// The pipe table that starts at `lines[at]`: a header row, its delimiter row, then every
/// following line that has a `|`.
pub fn pipe_table(lines: &[&str], at: usize) -> Option<Found> {
    let header = lines.get(at)?;
    let delimiter = lines.get(at + 1)?;
    if !has_pipe(header) || is_delimiter(header) || !is_delimiter(delimiter) {
        return None;
    }
    let mut rows = vec![pipe_cells(header)];
    let mut end = at + 2;
    while let Some(line) = lines.get(end)
        && !line.trim().is_empty()
        && has_pipe(line)
    {
        rows.push(pipe_cells(line));
        end += 1;
    }
    Some(Found {
        rows,
        lines: end - at,
    })
}

/// The cells of a line with a tab between its words, or `None` for any other line.
pub fn tab_cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    line.contains('\t')
        .then(|| line.split('\t').map(|c| c.trim().to_string()).collect())
}

/// The tab-separated rows that start at `lines[at]`: two or more lines, one after the
/// other, with the same number of cells, not opening with a section number. `is_row` says
/// which lines may be rows at all (a bullet may not).
pub fn tab_rows(lines: &[&str], at: usize, is_row: impl Fn(&str) -> bool) -> Option<Found> {
    let first = lines
        .get(at)
        .filter(|l| is_row(l))
        .and_then(|l| tab_cells(l))?;
    if SECTION_NUMBER.is_match(&first[0]) {
        return None;
    }
    let width = first.len();
    let mut rows = vec![first];
    while let Some(line) = lines.get(at + rows.len()).filter(|l| is_row(l))
        && let Some(cells) = tab_cells(line).filter(|c| c.len() == width)
    {
        rows.push(cells);
    }
    let lines = rows.len();
    (lines >= 2).then_some(Found { rows, lines })
}

/// A table as a Markdown pipe table, its first row the header; short rows are filled
/// with empty cells so that every row has the widest row's cells.
pub fn pipe_table_text(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut out = String::new();
    for (index, row) in rows.iter().enumerate() {
        out.push('|');
        for at in 0..width {
            let cell = row.get(at).map_or("", String::as_str);
            out.push(' ');
            out.push_str(&pipe_cell(cell));
            out.push_str(" |");
        }
        out.push('\n');
        if index == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out
}

/// A cell's Markdown on one line, with every `|` that would end it escaped.
fn pipe_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\n' | '\r' => {
                out.push(' ');
                escaped = false;
                continue;
            }
            '|' if !escaped => out.push('\\'),
            _ => {}
        }
        out.push(c);
        escaped = c == '\\' && !escaped;
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_pipe_row_splits_at_its_unescaped_pipes_only() {
        assert_eq!(pipe_cells("| a | b \\| c |"), strings(&["a", "b \\| c"]));
        assert_eq!(pipe_cells("a | b"), strings(&["a", "b"]));
        assert_eq!(pipe_cells("| a | |"), strings(&["a", ""]));
        assert!(!has_pipe("a \\| b"));
    }

    #[test]
    fn a_pipe_table_needs_its_delimiter_row_and_ends_at_a_line_without_a_pipe() {
        let lines = [
            "| Field | Details |",
            "|:---|---:|",
            "| Date | 3 May |",
            "Officer | PC 1",
            "After.",
        ];
        let found = pipe_table(&lines, 0).expect("a table");
        assert_eq!(found.lines, 4);
        assert_eq!(found.rows[2], strings(&["Officer", "PC 1"]));
        assert_eq!(pipe_table(&lines, 2), None);
        assert_eq!(pipe_table(&["| a | b |", "not a delimiter"], 0), None);
    }

    #[test]
    fn tab_rows_are_a_table_only_two_at_a_time_and_of_one_width() {
        let lines = ["Date\t3 May", "Officer\tPC 1", "Three\tcells\there"];
        let found = tab_rows(&lines, 0, |_| true).expect("a table");
        assert_eq!(found.lines, 2);
        assert_eq!(tab_rows(&lines, 1, |_| true), None);
        assert_eq!(
            tab_rows(&["1.0\tBackground", "2.0\tCases"], 0, |_| true),
            None
        );
        assert_eq!(
            tab_rows(&["\tObservation", "\tResponse"], 0, |_| true),
            None
        );
        assert_eq!(tab_rows(&lines, 0, |_| false), None);
    }

    #[test]
    fn a_written_table_reads_back_as_the_same_cells() {
        let rows = vec![
            strings(&["Field", "Details"]),
            strings(&["Weapon", "knife | blade"]),
            strings(&["Only one"]),
            strings(&["escaped \\| already", "two\nlines"]),
        ];
        let text = pipe_table_text(&rows);
        assert_eq!(
            text,
            "| Field | Details |\n| --- | --- |\n| Weapon | knife \\| blade |\n| Only one |  |\n| escaped \\| already | two lines |\n"
        );
        let lines: Vec<&str> = text.lines().collect();
        let found = pipe_table(&lines, 0).expect("a table");
        assert_eq!(found.lines, 5);
        assert_eq!(found.rows[1], strings(&["Weapon", "knife \\| blade"]));
        assert_eq!(found.rows[2], strings(&["Only one", ""]));
    }
}
