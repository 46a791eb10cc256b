//! Markdown bodies into the model's block tree, with feedback points and `#theme` tags.
//!
//! pulldown-cmark does the Markdown; this module only builds the tree and, in case files,
//! finds the points and tags. Source offsets from pulldown-cmark give every point and tag
//! its line and column in the *file*, so evidence and diagnostics point where the user
//! typed. A tag is recognised only in plain text (never in code) and never after a
//! backslash, so `\#1` stays literal text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::load::LineIndex;
use crate::model::{Block, Inline, Item, Located, Point};

/// A parsed Markdown body.
#[derive(Debug, Default, PartialEq)]
pub struct Body {
    pub blocks: Vec<Block>,
    /// Every list item, in document order; empty unless points were asked for.
    pub points: Vec<Point>,
    /// `#theme` tags written outside any point, which tag nothing; found only with points.
    pub stray_tags: Vec<Located<String>>,
}

/// Whether list items are feedback points carrying `#theme` tags (case files) or plain
/// content (background, summary, observations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Points,
    Plain,
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    Item {
        point: Option<usize>,
        blocks: Vec<Block>,
    },
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Paragraph {
        inlines: Vec<Inline>,
        implicit: bool,
    },
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Link {
        url: String,
        inlines: Vec<Inline>,
    },
    /// Images are not embedded (the report loads nothing from outside); their alt text is kept.
    Image(Vec<Inline>),
    Code(String),
    Html(String),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    Row(Vec<Vec<Inline>>),
    Cell(Vec<Inline>),
}

struct Builder<'a> {
    /// The whole file, so offsets become file lines.
    file_text: &'a str,
    lines: LineIndex<'a>,
    /// Where the body starts in `file_text`.
    offset: usize,
    mode: Mode,
    stack: Vec<Frame>,
    points: Vec<Point>,
    stray_tags: Vec<Located<String>>,
    /// The point each open item belongs to, innermost last.
    open_points: Vec<usize>,
    /// For each open Markdown element, whether it has a frame (deeper ones are flattened).
    opened: Vec<bool>,
    /// How many lists are open.
    lists: usize,
}

/// Deeper nesting is flattened into its parent: no real report nests this far, and the
/// renderers walk the tree recursively, so the limit bounds their stack use.
pub const MAX_DEPTH: usize = 40;

/// Lists nest this deep at most, as in Word, which has nine list levels. Items nested
/// deeper become items of the deepest list, after the item they were under, so each stays
/// a point of its own, word for word, and the tree stays shallow.
pub const MAX_LIST_DEPTH: usize = 9;

/// Parses `body`, which starts at byte `offset` of `file_text`.
pub fn parse(file_text: &str, offset: usize, mode: Mode) -> Body {
    let body = &file_text[offset..];
    let mut builder = Builder {
        file_text,
        lines: LineIndex::new(file_text),
        offset,
        mode,
        stack: vec![Frame::Blocks(Vec::new())],
        points: Vec::new(),
        stray_tags: Vec::new(),
        open_points: Vec::new(),
        opened: Vec::new(),
        lists: 0,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        builder.event(event, range);
    }
    builder.close_implicit();
    while builder.stack.len() > 1 {
        builder.close_top();
    }
    let blocks = match builder.stack.pop() {
        Some(Frame::Blocks(blocks)) => tight(blocks),
        _ => Vec::new(),
    };
    let mut points = tight(builder.points);
    for point in &mut points {
        point.text = collapse(&point.text);
        point.tags.shrink_to_fit();
    }
    Body {
        blocks,
        points,
        stray_tags: builder.stray_tags,
    }
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::Text(text) => {
                if let Some(Frame::Code(code)) | Some(Frame::Html(code)) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.text(&text, range);
                }
            }
            Event::Code(code) => {
                self.note_point_text(&code);
                self.inline(Inline::Code(code.into_string()));
            }
            Event::Html(html) => {
                if let Some(Frame::Html(buf)) = self.stack.last_mut() {
                    buf.push_str(&html);
                } else {
                    self.block(Block::Html(html.into_string()));
                }
            }
            Event::InlineHtml(html) => self.inline(Inline::Html(html.into_string())),
            Event::SoftBreak => {
                self.note_point_text(" ");
                self.inline(Inline::SoftBreak);
            }
            Event::HardBreak => {
                self.note_point_text(" ");
                self.inline(Inline::HardBreak);
            }
            Event::Rule => self.block(Block::Rule),
            Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        // Lists and items are always framed, however deep: their depth is bounded when
        // items close, and a point must never be lost in its parent's text.
        let list = matches!(tag, Tag::List(_) | Tag::Item);
        if self.stack.len() >= MAX_DEPTH && !list {
            self.opened.push(false);
            return;
        }
        let frame = match tag {
            Tag::Paragraph => {
                self.close_implicit();
                self.note_point_text(" ");
                Frame::Paragraph {
                    inlines: Vec::new(),
                    implicit: false,
                }
            }
            Tag::Heading { level, .. } => {
                self.close_implicit();
                Frame::Heading {
                    level: heading_level(level),
                    inlines: Vec::new(),
                }
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                Frame::Quote(Vec::new())
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                Frame::Code(String::new())
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                Frame::Html(String::new())
            }
            Tag::List(start) => {
                self.close_implicit();
                self.lists += 1;
                Frame::List {
                    start,
                    items: Vec::new(),
                }
            }
            Tag::Item => {
                self.close_implicit();
                let point = (self.mode == Mode::Points).then(|| {
                    let line = self.lines.loc(self.offset + range.start).line;
                    self.points.push(Point {
                        line,
                        text: String::new(),
                        tags: Vec::new(),
                    });
                    self.points.len() - 1
                });
                if let Some(index) = point {
                    self.open_points.push(index);
                }
                Frame::Item {
                    point,
                    blocks: Vec::new(),
                }
            }
            Tag::Emphasis => Frame::Emphasis(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Strikethrough => Frame::Strikethrough(Vec::new()),
            Tag::Link { dest_url, .. } => Frame::Link {
                url: dest_url.into_string(),
                inlines: Vec::new(),
            },
            Tag::Image { .. } => Frame::Image(Vec::new()),
            Tag::Table(_) => {
                self.close_implicit();
                Frame::Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                    in_head: false,
                }
            }
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                Frame::Row(Vec::new())
            }
            Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Cell(Vec::new()),
            _ => {
                self.opened.push(false);
                return;
            }
        };
        self.opened.push(true);
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        if !self.opened.pop().unwrap_or(false) {
            return;
        }
        let block = matches!(
            end,
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
        );
        if block {
            self.close_implicit();
        }
        self.close_top();
    }

    /// Closes a paragraph that was opened for loose text in a tight list item.
    fn close_implicit(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Paragraph { implicit: true, .. })
        ) {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(blocks) | Frame::Quote(blocks) => self.block(Block::Quote(tight(blocks))),
            Frame::Item { point, blocks } => {
                if point.is_some() {
                    self.open_points.pop();
                }
                let (blocks, lifted) = if self.lists >= MAX_LIST_DEPTH {
                    lift_lists(blocks)
                } else {
                    (blocks, Vec::new())
                };
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(Item {
                        point,
                        blocks: tight(blocks),
                    });
                    items.extend(lifted);
                }
            }
            Frame::List { start, items } => {
                self.lists -= 1;
                self.block(Block::List {
                    start,
                    items: tight(items),
                });
            }
            Frame::Paragraph { inlines, .. } => {
                let inlines = trim_inlines(inlines);
                if !inlines.is_empty() {
                    self.block(Block::Paragraph(inlines));
                }
            }
            Frame::Heading { level, inlines } => self.block(Block::Heading {
                level,
                content: trim_inlines(inlines),
            }),
            Frame::Emphasis(c) => self.inline(Inline::Emphasis(tight(c))),
            Frame::Strong(c) => self.inline(Inline::Strong(tight(c))),
            Frame::Strikethrough(c) => self.inline(Inline::Strikethrough(tight(c))),
            Frame::Link { url, inlines } => self.inline(Inline::Link {
                url,
                content: tight(inlines),
            }),
            Frame::Image(alt) => {
                for inline in alt {
                    self.inline(inline);
                }
            }
            Frame::Code(code) => self.block(Block::Code(code)),
            Frame::Html(html) => self.block(Block::Html(html)),
            Frame::Table { head, rows, .. } => self.block(Block::Table { head, rows }),
            Frame::Row(cells) => {
                if let Some(Frame::Table {
                    head,
                    rows,
                    in_head,
                }) = self.stack.last_mut()
                {
                    if *in_head {
                        *head = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Frame::Cell(inlines) => {
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(trim_inlines(inlines));
                }
            }
        }
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks))
            | Some(Frame::Quote(blocks))
            | Some(Frame::Item { blocks, .. }) => blocks.push(block),
            _ => {}
        }
    }

    fn inline(&mut self, inline: Inline) {
        if matches!(
            self.stack.last(),
            Some(Frame::Blocks(_) | Frame::Quote(_) | Frame::Item { .. })
        ) {
            self.stack.push(Frame::Paragraph {
                inlines: Vec::new(),
                implicit: true,
            });
        }
        match self.stack.last_mut() {
            Some(Frame::Paragraph { inlines, .. })
            | Some(Frame::Heading { inlines, .. })
            | Some(Frame::Emphasis(inlines))
            | Some(Frame::Strong(inlines))
            | Some(Frame::Strikethrough(inlines))
            | Some(Frame::Link { inlines, .. })
            | Some(Frame::Image(inlines))
            | Some(Frame::Cell(inlines)) => inlines.push(inline),
            _ => {}
        }
    }

    /// Whether text is going into a point's own paragraph (not a heading or table).
    fn in_point_text(&self) -> bool {
        self.open_points.last().is_some()
            && !self
                .stack
                .iter()
                .any(|f| matches!(f, Frame::Heading { .. } | Frame::Table { .. }))
    }

    fn note_point_text(&mut self, text: &str) {
        if self.in_point_text()
            && let Some(&index) = self.open_points.last()
        {
            self.points[index].text.push_str(text);
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        let text = if self.in_point_text() {
            self.take_tags(text, range)
        } else {
            if self.mode == Mode::Points && text.contains('#') {
                self.take_tags(text, range);
            }
            text.to_string()
        };
        self.note_point_text(&text);
        if !text.is_empty() {
            self.inline(Inline::Text(text));
        }
    }

    /// Removes `#theme-id` words from `text`, recording them on the open point, or as
    /// stray when the text is not a point's own.
    fn take_tags(&mut self, text: &str, range: Range<usize>) -> String {
        let in_point = self.in_point_text();
        let start = self.offset + range.start;
        let verbatim = self.file_text.get(start..self.offset + range.end) == Some(text);
        if !verbatim || !text.contains('#') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        let mut consumed = 0;
        while let Some(hash) = rest.find('#') {
            let at = consumed + hash;
            let id_len = rest[hash + 1..]
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
                .count();
            let after = rest[hash + 1 + id_len..].chars().next();
            let before_ok = self.file_text[..start + at]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
            let after_ok = after.is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let id = rest[hash + 1..hash + 1 + id_len].trim_end_matches('-');
            if before_ok && after_ok && !id.is_empty() {
                let tag = Located {
                    value: id.to_string(),
                    loc: self.lines.loc(start + at),
                };
                match self.open_points.last() {
                    Some(&index) if in_point => self.points[index].tags.push(tag),
                    _ => self.stray_tags.push(tag),
                }
                let kept = &rest[..hash];
                let kept = if after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
                    kept.trim_end_matches([' ', '\t'])
                } else {
                    kept
                };
                out.push_str(kept);
                let skip = hash + 1 + id.len();
                consumed += skip;
                rest = &rest[skip..];
                if out.is_empty() || out.ends_with(char::is_whitespace) {
                    let trimmed = rest.trim_start_matches([' ', '\t']);
                    consumed += rest.len() - trimmed.len();
                    rest = trimmed;
                }
            } else {
                out.push_str(&rest[..=hash]);
                consumed += hash + 1;
                rest = &rest[hash + 1..];
            }
        }
        out.push_str(rest);
        out
    }
}

/// Takes the lists out of an item's blocks, returning the rest and the lists' items.
fn lift_lists(blocks: Vec<Block>) -> (Vec<Block>, Vec<Item>) {
    let mut kept = Vec::with_capacity(blocks.len());
    let mut lifted = Vec::new();
    for block in blocks {
        match block {
            Block::List { items, .. } => lifted.extend(items),
            other => kept.push(other),
        }
    }
    (kept, lifted)
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Trims white space at the two ends of a run of inlines (left there by removed tags).
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        let start = first.len() - first.trim_start().len();
        first.drain(..start);
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        last.truncate(last.trim_end().len());
    }
    while matches!(inlines.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
        inlines.pop();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    tight(inlines)
}

/// Gives back a finished vector's spare capacity. A case holds thousands of small
/// vectors that grew by doubling; in a 20,000-case report the slack was a fifth of the
/// memory the whole build needed.
fn tight<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

/// Runs of white space become one space; the ends are trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    fn points(src: &str) -> Vec<Point> {
        parse(src, 0, Mode::Points).points
    }

    #[test]
    fn items_are_points_with_file_lines() {
        let src = "intro\n\n- one\n- two\n  - nested\n";
        let p = points(src);
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].line, p[0].text.as_str()), (3, "one"));
        assert_eq!((p[2].line, p[2].text.as_str()), (5, "nested"));
        assert_eq!(p[1].text, "two");
    }

    #[test]
    fn tags_are_found_and_removed() {
        let src = "- The referral was slow. #late-hcso-contact\n- #record-errors Wrong age.\n";
        let body = parse(src, 0, Mode::Points);
        assert_eq!(body.points[0].text, "The referral was slow.");
        assert_eq!(body.points[0].tags[0].value, "late-hcso-contact");
        assert_eq!(body.points[0].tags[0].loc.column, 26);
        assert_eq!(body.points[1].text, "Wrong age.");
        let Block::List { items, .. } = &body.blocks[0] else {
            panic!("{:?}", body.blocks)
        };
        let Block::Paragraph(inlines) = &items[0].blocks[0] else {
            panic!()
        };
        assert_eq!(plain_text(inlines), "The referral was slow.");
    }

    #[test]
    fn no_tags_in_code_after_backslash_or_mid_word() {
        let src = "- use `#code` and \\#escaped and C#sharp and issue#3\n";
        let p = points(src);
        assert!(p[0].tags.is_empty(), "{:?}", p[0].tags);
        assert_eq!(p[0].text, "use #code and #escaped and C#sharp and issue#3");
    }

    #[test]
    fn tag_in_middle_keeps_one_space() {
        let p = points("- the #slow referral\n");
        assert_eq!(p[0].text, "the referral");
    }

    #[test]
    fn tags_outside_points_are_stray_and_kept_in_the_text() {
        let src = "## Risk #late\n\nA paragraph #slow here, `#code`, C#sharp.\n\n- point #kept\n";
        let body = parse(src, 0, Mode::Points);
        let stray: Vec<(&str, usize, usize)> = body
            .stray_tags
            .iter()
            .map(|t| (t.value.as_str(), t.loc.line, t.loc.column))
            .collect();
        assert_eq!(stray, [("late", 1, 9), ("slow", 3, 13)]);
        assert_eq!(body.points[0].tags[0].value, "kept");
        assert!(crate::model::blocks_text(&body.blocks).contains("A paragraph #slow here"));
        assert!(parse(src, 0, Mode::Plain).stray_tags.is_empty());
    }

    #[test]
    fn plain_mode_has_no_points() {
        let body = parse("- a #b\n", 0, Mode::Plain);
        assert!(body.points.is_empty());
        assert_eq!(crate::model::blocks_text(&body.blocks), "a #b");
    }

    #[test]
    fn finished_vectors_keep_no_spare_capacity() {
        let body = parse(
            "- one *two* three\n  - four\n- five #tag\n\nSix\n",
            0,
            Mode::Points,
        );
        assert_eq!(body.blocks.capacity(), body.blocks.len());
        assert_eq!(body.points.capacity(), body.points.len());
        let Block::List { items, .. } = &body.blocks[0] else {
            panic!("a list: {:?}", body.blocks);
        };
        assert_eq!(items.capacity(), items.len());
        let Block::Paragraph(inlines) = &items[0].blocks[0] else {
            panic!("a paragraph: {:?}", items[0].blocks);
        };
        assert_eq!(inlines.capacity(), inlines.len());
        let tagged = body
            .points
            .iter()
            .find(|p| p.text == "five")
            .expect("point five");
        assert_eq!(tagged.tags.capacity(), 1);
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowed() {
        let src = format!(
            "{} x\n\n{}",
            ">".repeat(100_000),
            (0..2000)
                .map(|i| format!("{}- a\n", "  ".repeat(i)))
                .collect::<String>()
        );
        let body = parse(&src, 0, Mode::Points);
        assert!(!body.points.is_empty());
        let html = crate::render::markup::blocks_html(&body.blocks, Some(1));
        assert!(html.contains('x'));
    }

    #[test]
    fn items_nested_deeper_than_word_allows_stay_points_at_the_deepest_level() {
        let levels = 30;
        let src: String = (0..levels)
            .map(|i| format!("{}- level {} words #t{i}\n", "  ".repeat(i), i + 1))
            .collect();
        let body = parse(&src, 0, Mode::Points);
        let texts: Vec<&str> = body.points.iter().map(|p| p.text.as_str()).collect();
        let expected: Vec<String> = (1..=levels).map(|n| format!("level {n} words")).collect();
        assert_eq!(texts, expected);
        assert!(
            body.points
                .iter()
                .enumerate()
                .all(|(i, p)| p.tags.len() == 1
                    && p.tags[0].value == format!("t{i}")
                    && p.line == i + 1)
        );
        let mut blocks = &body.blocks;
        for depth in 1..MAX_LIST_DEPTH {
            let Some(Block::List { items, .. }) = blocks.last() else {
                panic!("no list at depth {depth}: {blocks:?}")
            };
            assert_eq!(items.len(), 1);
            blocks = &items[0].blocks;
        }
        let Some(Block::List { items, .. }) = blocks.last() else {
            panic!("{blocks:?}")
        };
        let deepest: Vec<Option<usize>> = items.iter().map(|i| i.point).collect();
        let expected: Vec<Option<usize>> = (MAX_LIST_DEPTH - 1..levels).map(Some).collect();
        assert_eq!(deepest, expected);
        assert!(
            items
                .iter()
                .all(|i| i.blocks.iter().all(|b| !matches!(b, Block::List { .. })))
        );
    }

    #[test]
    fn offsets_give_file_lines() {
        let file = "---\ncase: 1\n---\n- first\n";
        let p = parse(file, 16, Mode::Points).points;
        assert_eq!(p[0].line, 4);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::load::{Source, decode};
    use crate::render::markup::{blocks_html, escape};

    proptest! {
        #[test]
        fn parsing_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut diagnostics = Diagnostics::default();
            if let Some(source) = decode("cases/x.md", &bytes, &mut diagnostics) {
                let _ = crate::parse::case::parse(&source, None, &mut diagnostics);
            }
        }

        #[test]
        fn parsing_never_panics_on_case_like_text(
            front in "(case: [0-9a-z]{0,3}\n|checks:\n  a: [a-z/]{0,4}\n|themes: \\[[a-z,]{0,8}\\]\n|[a-z]{1,5}: [\\[\\]{}:#&*a-z ]{0,10}\n){0,6}",
            body in "(- [a-z #`<>&\\\\-]{0,20}\n|  - [a-z #]{0,10}\n|## [a-z]{0,8}\n|\n|[a-z]{0,10}\n){0,8}",
        ) {
            let mut diagnostics = Diagnostics::default();
            let source = Source { path: "cases/x.md".into(), text: format!("---\n{front}---\n{body}") };
            let _ = crate::parse::case::parse(&source, None, &mut diagnostics);
        }

        #[test]
        fn point_text_survives_into_html_escaped_and_word_for_word(text in "[A-Za-z0-9<>&\"' .,;:!?()£%/-]{1,80}") {
            let text = text.trim().to_string();
            prop_assume!(!text.is_empty() && !text.starts_with(['-', '#', '<']) && !text.contains("  "));
            prop_assume!(!text.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '>'));
            // Markup, not text: raw HTML tags and character references.
            let markup = text.as_bytes().windows(2).any(|w| {
                (w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
                    || (w[0] == b'&' && (w[1].is_ascii_alphanumeric() || w[1] == b'#'))
            });
            prop_assume!(!markup);
            let source = format!("- {text}\n");
            let body = parse(&source, 0, Mode::Plain);
            let html = blocks_html(&body.blocks, None);
            let expected = escape(&text).replace("&#39;", "'").replace("&quot;", "\"");
            prop_assert!(html.contains(&expected), "{html} lacks {expected}");
        }
    }
}
