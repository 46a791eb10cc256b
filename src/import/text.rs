//! Reading a .txt export or a .md file into blocks: one block per non-blank line, since a
//! text export writes each paragraph and each bullet on a line of its own.
//!
//! Bullets are recognised by their glyph (• · ◦ ▪ ‣ ⁃ - * +) and nest by indentation. A
//! line that begins with a tab is marked as a table cell, because that is how a word
//! processor's text export writes the cells of a table. Rows written out whole, as a
//! Markdown pipe table or as lines of tab-separated cells, are one table block.

use super::{Block, Cell, rows};

/// The glyphs that start a bullet; the ASCII ones only when white space follows, so that
/// `*emphasis*` or `-5` stays text.
const GLYPHS: [char; 7] = ['•', '·', '◦', '▪', '‣', '⁃', '●'];
const ASCII_GLYPHS: [char; 3] = ['-', '*', '+'];

/// Columns a tab counts for when measuring indentation.
const TAB: usize = 4;

/// The blocks of `text`; `markdown` also reads `#` headings.
pub fn blocks(text: &str, markdown: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The indentation of each open bullet level, so that a deeper bullet nests one level
    // further whatever its exact indentation.
    let mut levels: Vec<usize> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut index = 0;
    while let Some(&raw) = lines.get(index) {
        let line = index + 1;
        index += 1;
        if raw.trim().is_empty() {
            continue;
        }
        let indent = indentation(raw);
        let rest = raw.trim_start();
        let table = match markdown {
            true => rows::pipe_table(&lines, line - 1),
            false => None,
        }
        .map(|found| (found, true))
        .or_else(|| {
            rows::tab_rows(&lines, line - 1, |l| bullet(l.trim_start()).is_none())
                .map(|found| (found, false))
        });
        if let Some((found, head)) = table {
            levels.clear();
            index = line - 1 + found.lines;
            blocks.push(table_block(found, line, head, markdown));
            continue;
        }
        if markdown && let Some((level, heading)) = heading(rest) {
            levels.clear();
            blocks.push(Block::Heading {
                level,
                text: heading.to_string(),
                line,
            });
            continue;
        }
        if let Some(item) = bullet(rest) {
            // A step of less than two columns is a stray space, not a nested list.
            loop {
                match levels.last() {
                    Some(&open) if indent >= open + 2 => levels.push(indent),
                    Some(&open) if indent + 1 >= open => {}
                    Some(_) => {
                        levels.pop();
                        continue;
                    }
                    None => levels.push(indent),
                }
                break;
            }
            blocks.push(Block::Bullet {
                level: u8::try_from(levels.len() - 1).unwrap_or(u8::MAX),
                text: inline(item.trim_end(), markdown),
                line,
                indent,
            });
            continue;
        }
        levels.clear();
        blocks.push(Block::Paragraph {
            text: inline(rest.trim_end(), markdown),
            line,
            indent,
            cell: raw.starts_with('\t'),
        });
    }
    blocks
}

/// A table found in the text as a block; a pipe table's delimiter row is not a row.
fn table_block(found: rows::Found, line: usize, pipes: bool, markdown: bool) -> Block {
    let rows = found
        .rows
        .into_iter()
        .enumerate()
        .map(|(at, cells)| {
            let row_line = match (pipes, at) {
                (true, 0) => line,
                (true, _) => line + at + 1,
                (false, _) => line + at,
            };
            cells
                .into_iter()
                .map(|text| Cell {
                    paragraphs: match text.is_empty() {
                        true => Vec::new(),
                        false => vec![(inline(&text, markdown), row_line)],
                    },
                })
                .collect()
        })
        .collect();
    Block::Table {
        rows,
        line,
        head: pipes,
    }
}

/// A line's text as Markdown: a .md file's already is; a .txt file's is escaped.
fn inline(text: &str, markdown: bool) -> String {
    if markdown {
        text.to_string()
    } else {
        super::escape(text)
    }
}

fn indentation(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { TAB } else { 1 })
        .sum()
}

/// A Markdown ATX heading: its level and text.
fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some((hashes as u8, text))
}

/// The text of a bullet line (already without its indentation), without its glyph.
pub fn bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let glyph =
        GLYPHS.contains(&first) || (ASCII_GLYPHS.contains(&first) && rest.starts_with([' ', '\t']));
    if !glyph {
        return None;
    }
    let text = rest.trim_start();
    (!text.is_empty()).then_some(text)
}

/// The characters Windows-1252 gives bytes 0x80 to 0x9F; the five it leaves undefined
/// are read as Latin-1's control characters, so that no byte is lost.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A text export that is not UTF-8, read as Windows-1252, which is what Word's "Plain
/// Text" saves on Windows unless told otherwise.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The text without control characters other than tab and newline, and the line and
/// column of the first one dropped. Old case-management exports hold stray NULs, BELs and
/// escapes; kept, they would make a case file that `build` refuses as binary.
pub fn without_controls(text: &str) -> (String, Option<(usize, usize)>) {
    let mut first = None;
    let (mut line, mut column) = (1, 1);
    let kept = text
        .chars()
        .filter(|&c| {
            let control = c.is_control() && c != '\t' && c != '\n';
            if control && first.is_none() {
                first = Some((line, column));
            }
            if c == '\n' {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
            !control
        })
        .collect();
    (kept, first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bullet_levels(text: &str) -> Vec<(u8, String)> {
        blocks(text, false)
            .into_iter()
            .filter_map(|b| match b {
                Block::Bullet { level, text, .. } => Some((level, text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_glyph_is_a_bullet_and_its_glyph_is_dropped() {
        let text = "• a\n· b\n◦ c\n- d\n* e\n•\tf\n·g\n";
        let texts: Vec<String> = bullet_levels(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn ascii_marks_need_a_space_to_be_bullets() {
        let found = blocks("*emphasis* here\n-5 degrees\n", false);
        assert!(found.iter().all(|b| matches!(b, Block::Paragraph { .. })));
    }

    #[test]
    fn indentation_nests_and_a_stray_space_does_not() {
        let text = "• a\n    ◦ b\n    ◦ c\n• d\n • e\n";
        let levels: Vec<u8> = bullet_levels(text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(levels, [0, 1, 1, 0, 0]);
    }

    #[test]
    fn tab_lines_are_cells_and_lines_are_numbered_from_one() {
        let found = blocks("Title\n\n\tObservations\n", false);
        assert_eq!(
            found[1],
            Block::Paragraph {
                text: "Observations".into(),
                line: 3,
                indent: 4,
                cell: true
            }
        );
    }

    #[test]
    fn a_windows_export_is_read_with_its_curly_quotes_and_bullets() {
        assert_eq!(
            windows_1252(b"\x95\tMembers\x92 view \x93here\x94 \xa35"),
            "•\tMembers’ view “here” £5"
        );
    }

    #[test]
    fn control_characters_are_dropped_and_the_first_is_placed() {
        let (text, first) = without_controls(
            "Case 1\nMembers\u{0} felt\u{7}\tthe \u{1b}[0mcall\u{b} was late\u{81}",
        );
        assert_eq!(text, "Case 1\nMembers felt\tthe [0mcall was late");
        assert_eq!(first, Some((2, 8)));
        assert_eq!(
            without_controls("tab\tand\nnewline"),
            ("tab\tand\nnewline".into(), None)
        );
    }

    proptest::proptest! {
        #[test]
        fn what_is_left_has_no_control_but_tab_and_newline(text in "\\PC*[\u{0}-\u{1f}\u{7f}-\u{9f}]?\\PC*") {
            let (kept, first) = without_controls(&text);
            proptest::prop_assert!(!kept.chars().any(|c| c.is_control() && c != '\t' && c != '\n'));
            proptest::prop_assert_eq!(first.is_none(), kept == text);
        }
    }

    #[test]
    fn markdown_headings_are_read_only_from_markdown() {
        assert!(matches!(
            blocks("## Risk\n", true)[0],
            Block::Heading { level: 2, .. }
        ));
        assert!(matches!(
            blocks("## Risk\n", false)[0],
            Block::Paragraph { .. }
        ));
        assert!(matches!(
            blocks("#hashtag\n", true)[0],
            Block::Paragraph { .. }
        ));
    }
}
