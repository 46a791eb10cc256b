//! Markdown, as the model holds it, turned into the small tree the PDF's template walks.
//!
//! Blocks keep their kind (`k`); inline content is flattened into runs of styled text, so
//! however deeply a member nests emphasis the template never recurses into it (typst
//! limits how deep calls go). Headings are renumbered by depth, since PDF/UA wants no
//! heading level skipped and Markdown lets a writer go from `#` to `###`.

use serde::Serialize;

use crate::model::{Block, Inline, Section as CaseSection};
use crate::view::PointLangs;

/// One block of Markdown, by its kind `k`. Inline content is flattened into runs of
/// text with their styles, so that however deeply a member nests emphasis the template
/// never recurses into it (typst limits how deep calls go).
#[derive(Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Node<'a> {
    /// A heading inside a case or a free document, below the report's own levels.
    /// `level` is its depth, 1 for the outermost: PDF/UA wants no level skipped, and
    /// Markdown lets a writer go from `#` to `###`.
    Heading {
        level: u8,
        c: Vec<Run<'a>>,
        /// Its language where it is not the text's around it (a heading only a member's
        /// file has, left untranslated).
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<&'a str>,
    },
    Par {
        c: Vec<Run<'a>>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Node<'a>>>,
        /// Each item's language where it is not the text's around it (a member's point
        /// left untranslated); left out when every item is in that language.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        langs: Vec<Option<&'a str>>,
    },
    Quote {
        c: Vec<Node<'a>>,
    },
    Code {
        s: &'a str,
    },
    Rule,
    /// Every row has as many cells as the head.
    Table {
        head: Vec<Vec<Run<'a>>>,
        rows: Vec<Vec<Vec<Run<'a>>>>,
    },
}

/// A run of text in one style; `br` is a line break.
#[derive(Serialize, Default, Clone)]
pub struct Run<'a> {
    s: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    b: bool,
    #[serde(skip_serializing_if = "is_false")]
    i: bool,
    /// Struck through.
    #[serde(skip_serializing_if = "is_false")]
    x: bool,
    /// Code, set apart in its own style but never run.
    #[serde(skip_serializing_if = "is_false")]
    m: bool,
    /// A link's target, only for a web or mail address, the only targets a PDF should
    /// open.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    br: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// How deep quotes and lists nest in the PDF; anything deeper is kept, word for word,
/// at this depth, so that typst's limit on nested calls is never reached.
const DEEPEST: usize = 12;

/// A case's feedback: each heading, then what is under it, deeper headings nested, its
/// points marked with their languages where `langs` gives them.
pub fn sections<'a>(all: &'a [CaseSection], langs: PointLangs<'a>) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    case_sections(all, 1, langs, &mut out);
    out
}

fn case_sections<'a>(
    all: &'a [CaseSection],
    depth: u8,
    langs: PointLangs<'a>,
    out: &mut Vec<Node<'a>>,
) {
    for section in all {
        let heading = section.heading.as_deref().map(inlines);
        let inner = if let Some(c) = heading.filter(|c| shows_something(c)) {
            out.push(Node::Heading {
                level: depth,
                c,
                lang: langs.heading(section),
            });
            depth + 1
        } else {
            depth
        };
        out.extend(nested(&section.blocks, 0, langs));
        case_sections(&section.children, inner, langs, out);
    }
}

pub fn blocks(blocks: &[Block]) -> Vec<Node<'_>> {
    nested(blocks, 0, PointLangs::NONE)
}

fn nested<'a>(blocks: &'a [Block], depth: usize, langs: PointLangs<'a>) -> Vec<Node<'a>> {
    let mut out = Vec::with_capacity(blocks.len());
    // The Markdown levels of the headings this one is under.
    let mut open: Vec<u8> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } if !shows_something(&inlines(content)) => {}
            Block::Heading { level, content } => {
                while open.last().is_some_and(|l| l >= level) {
                    open.pop();
                }
                open.push(*level);
                out.push(Node::Heading {
                    level: open.len() as u8,
                    c: inlines(content),
                    lang: None,
                });
            }
            Block::Paragraph(content) => out.push(Node::Par {
                c: inlines(content),
            }),
            Block::List { items, .. } if depth >= DEEPEST => {
                for item in items {
                    out.extend(nested(&item.blocks, depth, langs));
                }
            }
            Block::List { start, items } => {
                let mut marked: Vec<_> = items.iter().map(|item| langs.of(item.point)).collect();
                if marked.iter().all(Option::is_none) {
                    marked.clear();
                }
                out.push(Node::List {
                    start: *start,
                    items: items
                        .iter()
                        .map(|item| nested(&item.blocks, depth + 1, langs))
                        .collect(),
                    langs: marked,
                });
            }
            Block::Quote(inner) if depth >= DEEPEST => out.extend(nested(inner, depth, langs)),
            Block::Quote(inner) => out.push(Node::Quote {
                c: nested(inner, depth + 1, langs),
            }),
            Block::Code(code) => out.push(Node::Code { s: code.trim_end() }),
            // Raw HTML means nothing in a PDF; the words between its tags are text of
            // their own and stay.
            Block::Html(_) => {}
            Block::Rule => out.push(Node::Rule),
            Block::Table { head, rows } => out.push(Node::Table {
                head: head.iter().map(|c| inlines(c)).collect(),
                rows: rows
                    .iter()
                    .map(|row| {
                        (0..head.len())
                            .map(|i| row.get(i).map(|c| inlines(c)).unwrap_or_default())
                            .collect()
                    })
                    .collect(),
            }),
        }
    }
    out
}

/// Whether runs show any character. A tagged PDF may not hold an empty heading, which a
/// `## ` left while drafting makes (CommonMark's example 79), so such a heading is left
/// out; `check` warns of it.
fn shows_something(runs: &[Run<'_>]) -> bool {
    runs.iter().any(|run| {
        run.s
            .chars()
            .any(|c| !c.is_whitespace() && !c.is_control() && !super::printable::invisible(c))
    })
}

fn inlines(inlines: &[Inline]) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    flatten(inlines, Run::default(), &mut out);
    out
}

fn flatten<'a>(inlines: &'a [Inline], style: Run<'a>, out: &mut Vec<Run<'a>>) {
    for inline in inlines {
        match inline {
            Inline::Text(s) => out.push(Run { s, ..style.clone() }),
            Inline::Emphasis(c) => flatten(
                c,
                Run {
                    i: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strong(c) => flatten(
                c,
                Run {
                    b: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strikethrough(c) => flatten(
                c,
                Run {
                    x: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Code(s) => out.push(Run {
                s,
                m: true,
                ..style.clone()
            }),
            Inline::Link { url, content } => {
                let url = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|scheme| url.to_ascii_lowercase().starts_with(scheme))
                    .then_some(url.as_str());
                flatten(
                    content,
                    Run {
                        url,
                        ..style.clone()
                    },
                    out,
                );
            }
            Inline::Html(_) => {}
            Inline::SoftBreak => out.push(Run {
                s: " ",
                ..style.clone()
            }),
            Inline::HardBreak => out.push(Run {
                s: "",
                br: true,
                ..Run::default()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str) -> Block {
        Block::Heading {
            level: 2,
            content: vec![Inline::Text(text.to_string())],
        }
    }

    #[test]
    fn a_heading_with_nothing_to_show_is_left_out() {
        let doc = [
            heading(""),
            heading(" \u{200B} "),
            heading("Contact"),
            Block::Rule,
        ];
        let nodes = blocks(&doc);
        assert_eq!(nodes.len(), 2);
        assert!(matches!(&nodes[0], Node::Heading { level: 1, c, .. } if c[0].s == "Contact"));
    }
}
