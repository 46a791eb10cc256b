//! The force's response as Markdown, and the shape of a response as Word can carry it.
//!
//! Word gives paragraphs, list items and bold and italic runs; that is what is written,
//! with every character that Markdown would read as markup escaped, so the words come
//! back as typed. [`shape`] reduces parsed Markdown to the same terms, so that a response
//! the force did not touch is recognised as unchanged even where the file says more than
//! Word shows (a link's address, a heading), and the file is then left alone.

use super::controls::{Paragraph, Run};
use crate::model::{Block, Inline};

/// `paragraphs` as Markdown: paragraphs apart by a blank line, list items as `- `.
pub fn markdown(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    let mut last_list = false;
    for paragraph in paragraphs {
        let runs = tidy(&paragraph.runs);
        if runs.is_empty() {
            continue;
        }
        let indent = paragraph.list.map_or(0, |level| usize::from(level) * 2 + 2);
        if !out.is_empty() {
            out.push_str(if last_list && paragraph.list.is_some() {
                "\n"
            } else {
                "\n\n"
            });
        }
        if let Some(level) = paragraph.list {
            out.push_str(&" ".repeat(usize::from(level) * 2));
            out.push_str("- ");
        }
        out.push_str(&inline(&runs, indent, false));
        last_list = paragraph.list.is_some();
    }
    out
}

/// One paragraph as a feedback point's text, to follow `- ` indented by `indent`: as
/// [`markdown`] writes a paragraph, but a typed `#tag` stays a tag.
pub fn point(runs: &[Run], indent: usize) -> String {
    inline(&tidy(runs), indent, true)
}

/// Runs with tabs as spaces, whitespace unformatted, neighbours of one format merged,
/// and the paragraph's outer whitespace trimmed.
fn tidy(runs: &[Run]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for run in runs {
        for c in run.text.chars() {
            let c = if c == '\t' { ' ' } else { c };
            let plain = c.is_whitespace();
            let (bold, italic) = if plain {
                (false, false)
            } else {
                (run.bold, run.italic)
            };
            match out.last_mut() {
                Some(last) if last.bold == bold && last.italic == italic => last.text.push(c),
                _ => out.push(Run {
                    text: c.to_string(),
                    bold,
                    italic,
                }),
            }
        }
    }
    // Trimmed of spaces and breaks alike, which leaves no blank run at either end.
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    out.retain(|r| !r.text.is_empty());
    out
}

fn inline(runs: &[Run], indent: usize, tags: bool) -> String {
    let mut out = String::new();
    for run in runs {
        let marker = match (run.bold, run.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let at_start = out.is_empty();
        out.push_str(marker);
        out.push_str(&escape(&run.text, at_start, indent, tags));
        out.push_str(marker);
    }
    out
}

/// `text` with Markdown's markup characters escaped; a line break is Markdown's hard
/// break, the next line indented to stay in its list item. With `tags`, a `#` that
/// starts a word is left as it is, a tag, unless a heading could be read from it.
fn escape(text: &str, at_start: bool, indent: usize, tags: bool) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut line_start = at_start;
    // The index of the `.` or `)` that would make a line's leading number a list item.
    let mut ordinal = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            out.push_str("\\\n");
            out.push_str(&" ".repeat(indent));
            line_start = true;
            continue;
        }
        if line_start && c == ' ' {
            continue;
        }
        if line_start && c.is_ascii_digit() {
            let end = chars[i..]
                .iter()
                .position(|d| !d.is_ascii_digit())
                .map(|n| i + n);
            ordinal = end.filter(|&j| matches!(chars[j], '.' | ')'));
        }
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '#' if tags => line_start && !next.is_some_and(|n| n.is_alphanumeric()),
            '#' | '-' | '+' | '=' => line_start,
            '.' | ')' => ordinal == Some(i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        line_start = false;
    }
    out
}

/// One paragraph as Word carries it: its list level and its characters' formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub list: Option<u8>,
    pub runs: Vec<Run>,
}

/// What of `blocks` survives being written into Word and read back.
pub fn shape(blocks: &[Block]) -> Vec<Shape> {
    let mut out = Vec::new();
    shape_into(blocks, None, &mut out);
    out
}

fn shape_into(blocks: &[Block], list: Option<u8>, out: &mut Vec<Shape>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                push_shape(content, list, out);
            }
            Block::List { items, .. } => {
                let level = list.map_or(0, |l| l.saturating_add(1));
                for item in items {
                    shape_into(&item.blocks, Some(level), out);
                }
            }
            Block::Quote(inner) => shape_into(inner, list, out),
            Block::Code(code) => push_shape(&[Inline::Text(code.clone())], list, out),
            Block::Table { head, rows } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    push_shape(cell, list, out);
                }
            }
            Block::Html(_) | Block::Rule => {}
        }
    }
}

fn push_shape(content: &[Inline], list: Option<u8>, out: &mut Vec<Shape>) {
    let mut runs = Vec::new();
    flatten(content, false, false, &mut runs);
    let mut runs = tidy(&runs);
    // Spaces are compared as one, since Word and Markdown wrap and space lines their own way.
    for run in &mut runs {
        run.text = run.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if !runs.is_empty() {
        out.push(Shape { list, runs });
    }
}

fn flatten(content: &[Inline], bold: bool, italic: bool, out: &mut Vec<Run>) {
    for inline in content {
        let text = |t: &str| Run {
            text: t.to_string(),
            bold,
            italic,
        };
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push(text(t)),
            Inline::Emphasis(c) => flatten(c, bold, true, out),
            Inline::Strong(c) => flatten(c, true, italic, out),
            Inline::Strikethrough(c) | Inline::Link { content: c, .. } => {
                flatten(c, bold, italic, out);
            }
            Inline::Html(_) => {}
            Inline::SoftBreak | Inline::HardBreak => out.push(text(" ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceId;
    use crate::parse::markdown::Mode;

    /// `text` parsed as an observation file's response.
    fn parse(text: &str, offset: usize, mode: Mode) -> crate::parse::markdown::Body {
        crate::parse::markdown::parse(&SourceId::new("observations/a.md"), text, offset, mode)
    }

    fn p(list: Option<u8>, runs: &[(&str, bool, bool)]) -> Paragraph {
        Paragraph {
            list,
            runs: runs
                .iter()
                .map(|(t, b, i)| Run {
                    text: t.to_string(),
                    bold: *b,
                    italic: *i,
                })
                .collect(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn paragraphs_lists_and_emphasis_become_markdown() {
        let md = markdown(&[
            p(
                None,
                &[
                    ("  Noted ", false, false),
                    ("now ", true, false),
                    ("and", false, true),
                ],
            ),
            p(None, &[(" ", false, false)]),
            p(Some(0), &[("one", false, false)]),
            p(Some(1), &[("two\nlines", false, false)]),
            p(None, &[("# not a heading_ *x* [y] 3. <b>", false, false)]),
        ]);
        assert_eq!(
            md,
            "Noted **now** *and*\n\n- one\n  - two\\\n    lines\n\n\\# not a heading\\_ \\*x\\* \\[y\\] 3. \\<b\\>"
        );
    }

    #[test]
    fn a_point_keeps_its_tags_and_escapes_the_rest() {
        let runs = [
            Run {
                text: "#late contact, ".into(),
                bold: false,
                italic: false,
            },
            Run {
                text: "very".into(),
                bold: true,
                italic: false,
            },
            Run {
                text: " *slow* #slow\n# not a heading".into(),
                bold: false,
                italic: false,
            },
        ];
        assert_eq!(
            point(&runs, 2),
            "#late contact, **very** \\*slow\\* #slow\\\n  \\# not a heading"
        );
    }

    #[test]
    fn what_markdown_escapes_comes_back_as_typed() {
        let typed = "1. *a* snake_case _b_ & &amp; \\ `c` - d";
        let md = markdown(&[p(None, &[(typed, false, false)])]);
        let blocks = parse(&md, 0, Mode::Plain).blocks;
        assert_eq!(crate::model::blocks_text(&blocks), typed);
        assert_eq!(shape(&blocks), shape(&parse(&md, 0, Mode::Plain).blocks));
    }

    #[test]
    fn the_shape_ignores_what_word_does_not_show() {
        let file = parse(
            "See [the policy](https://x.example) and\n**act** now.\n\n## Next\n\n* one\n",
            0,
            Mode::Plain,
        )
        .blocks;
        let back = parse(
            "See the policy and **act** now.\n\nNext\n\n- one",
            0,
            Mode::Plain,
        )
        .blocks;
        assert_eq!(shape(&file), shape(&back));
        let bolder = parse("See the policy and **act now**.", 0, Mode::Plain).blocks;
        assert_ne!(shape(&file)[0], shape(&bolder)[0]);
    }
}
