//! Markdown content, as the model holds it, written as Word paragraphs, lists and tables.
//!
//! The renderer walks [`Block`] and [`Inline`] and never parses text again. Raw HTML that a
//! member typed is untrusted and has no meaning in Word, so it is left out: its tags are
//! dropped, and the words between them, which the parser keeps as text, remain. Links keep
//! their target only when it is a web or mail address.

use super::body::{Body, Fmt, Para};
use super::numbering::{HANGING, INDENT};
use super::styles::RULE;
use super::tables;
use crate::model::{Block, Inline, Item, plain_text};
use crate::view::PointLangs;

/// Space after the last paragraph of a list in the body, in twips: list items sit close
/// together, and the text after a list needs air.
const LIST_END: u32 = 200;

/// Where blocks are being written: the paragraph style to use, how deep in lists, and
/// how far continuation paragraphs are indented.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'a> {
    pub style: Option<&'static str>,
    pub depth: u8,
    pub indent: Option<u32>,
    /// Width available to a table, in twips, when it is less than the page's text.
    pub width: Option<u32>,
    /// The last paragraph written here is the last of a list in the body.
    ends_list: bool,
    /// The language of each point of a case body written here, where not the body's.
    pub points: PointLangs<'a>,
}

impl Place<'static> {
    pub const BODY: Place<'static> = Place {
        style: None,
        depth: 0,
        indent: None,
        width: None,
        ends_list: false,
        points: PointLangs::NONE,
    };

    /// Inside a table cell `width` twips wide.
    pub fn cell(width: u32) -> Place<'static> {
        Place {
            style: Some("TableText"),
            width: Some(width.saturating_sub(2 * tables::CELL_MARGIN)),
            ..Place::BODY
        }
    }
}

impl<'a> Place<'a> {
    /// In the body, a case's points, each in the language `points` gives it.
    pub fn points(points: PointLangs<'a>) -> Place<'a> {
        Place {
            points,
            ..Place::BODY
        }
    }
}

pub fn blocks(body: &mut Body, blocks: &[Block], place: Place<'_>) {
    for (i, block) in blocks.iter().enumerate() {
        let ends_list = place.ends_list && i + 1 == blocks.len();
        match block {
            Block::Heading { level, content } => {
                body.heading(if *level <= 2 { 3 } else { 4 }, &plain_text(content), false);
            }
            Block::Paragraph(content) => {
                body.open_p(Para {
                    style: place.style,
                    indent: place.indent,
                    after: ends_list.then_some(LIST_END),
                    ..Para::default()
                });
                inlines(body, content, Fmt::PLAIN);
                body.close_p();
            }
            Block::List { start, items } => {
                let id = body
                    .numbering
                    .add(start.is_some(), place.depth, start.unwrap_or(1));
                let in_body = place.depth == 0 && place.style.is_none();
                for (j, item) in items.iter().enumerate() {
                    let last = j + 1 == items.len() && (in_body || ends_list);
                    list_item(body, item, id, place, last);
                }
            }
            Block::Quote(inner) => {
                let quoted = Place {
                    style: Some("Quote"),
                    ..place
                };
                self::blocks(body, inner, quoted);
            }
            Block::Code(code) => body.paragraph(
                Para {
                    indent: place.indent,
                    ..Para::style("CodeBlock")
                },
                code.trim_end_matches('\n'),
                Fmt::PLAIN,
            ),
            Block::Html(_) => {}
            Block::Rule => body.rule(RULE, 6, 0),
            Block::Table { head, rows } => {
                let width = place.width.unwrap_or_else(|| body.text_width());
                tables::markdown(body, head, rows, place.indent.unwrap_or(0), width);
            }
        }
    }
}

/// A list item: its first paragraph carries the bullet or number; whatever follows is
/// indented to the item's text, and nested lists go one level deeper.
fn list_item(body: &mut Body, item: &Item, num: u32, place: Place<'_>, last: bool) {
    body.in_language(place.points.of(item.point), |body| {
        list_item_in(body, item, num, place, last);
    });
}

fn list_item_in(body: &mut Body, item: &Item, num: u32, place: Place<'_>, last: bool) {
    let level = place.depth;
    let inner = Place {
        depth: level.saturating_add(1).min(8),
        indent: Some(INDENT + u32::from(level) * INDENT + HANGING),
        ends_list: last,
        ..place
    };
    let mut rest = item.blocks.as_slice();
    let alone = match rest {
        [Block::Paragraph(_), after @ ..] => after.is_empty(),
        _ => rest.is_empty(),
    };
    let numbered = Para {
        style: Some(place.style.unwrap_or("ListParagraph")),
        num: Some((num, level)),
        after: (last && alone).then_some(LIST_END),
        ..Para::default()
    };
    if let [Block::Paragraph(content), after @ ..] = rest {
        body.open_p(numbered);
        inlines(body, content, Fmt::PLAIN);
        body.close_p();
        rest = after;
    } else {
        body.open_p(numbered);
        body.close_p();
    }
    blocks(body, rest, inner);
}

pub fn inlines(body: &mut Body, inlines: &[Inline], fmt: Fmt) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => body.run(&text.replace('\n', " "), fmt),
            Inline::Emphasis(c) => self::inlines(
                body,
                c,
                Fmt {
                    italic: true,
                    ..fmt
                },
            ),
            Inline::Strong(c) => self::inlines(body, c, Fmt { bold: true, ..fmt }),
            Inline::Strikethrough(c) => self::inlines(
                body,
                c,
                Fmt {
                    strike: true,
                    ..fmt
                },
            ),
            Inline::Code(code) => body.run(&code.replace('\n', " "), Fmt { code: true, ..fmt }),
            Inline::Link { url, content } => match body.link(url) {
                Some(id) => {
                    body.xml
                        .open("w:hyperlink", &[("r:id", &id), ("w:history", &1)]);
                    let link = Fmt {
                        style: Some("Hyperlink"),
                        ..fmt
                    };
                    self::inlines(body, content, link);
                    body.xml.close("w:hyperlink");
                }
                None => self::inlines(body, content, fmt),
            },
            Inline::Html(_) => {}
            Inline::SoftBreak => body.run(" ", fmt),
            Inline::HardBreak => body.line_break(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceId;
    use crate::parse::markdown::{Mode, parse};
    use crate::render::docx::layout::Layout;
    use crate::render::docx::numbering::Numbering;
    use crate::render::docx::styles::StyleIds;

    fn render(src: &str) -> (String, String) {
        let ids = StyleIds::default();
        let mut body = Body::new(&ids, Numbering::new(None).unwrap(), Layout::default());
        blocks(
            &mut body,
            &parse(&SourceId::new("cases/a.md"), src, 0, Mode::Points).blocks,
            Place::BODY,
        );
        let numbering = body.numbering.xml();
        (body.xml.finish(), numbering)
    }

    #[test]
    fn nested_lists_keep_their_level_and_ordered_lists_restart() {
        let (xml, numbering) = render("1. one\n   - inner\n2. two\n\nText.\n\n1. again\n");
        assert!(
            xml.contains(r#"<w:ilvl w:val="0"/><w:numId w:val="1"/>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<w:ilvl w:val="1"/><w:numId w:val="2"/>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<w:ilvl w:val="0"/><w:numId w:val="3"/>"#),
            "{xml}"
        );
        assert_eq!(
            numbering.matches("<w:startOverride").count(),
            2,
            "{numbering}"
        );
    }

    #[test]
    fn raw_html_and_unsafe_links_leave_no_markup() {
        let (xml, _) = render(
            "<script>alert(1)</script>\n\n- Text with <b onclick=\"x()\">bold</b> [x](javascript:alert(1)) [ok](https://example.org)\n",
        );
        assert!(!xml.contains("script"), "{xml}");
        assert!(!xml.contains("onclick"), "{xml}");
        assert!(!xml.contains("javascript"), "{xml}");
        assert!(xml.contains(">bold<"), "{xml}");
        assert_eq!(xml.matches("<w:hyperlink").count(), 1, "{xml}");
    }

    #[test]
    fn emphasis_becomes_run_properties() {
        let (xml, _) = render("Some *it* **bold** ~~gone~~ `code`.\n");
        for part in ["<w:i/>", "<w:b/>", "<w:strike/>", "Courier New"] {
            assert!(xml.contains(part), "{part} in {xml}");
        }
    }
}
