//! Markdown bodies into the model's block tree, with feedback points and `#theme` tags.
//!
//! pulldown-cmark does the Markdown; this module only builds the tree and, in case files,
//! finds the points and tags. Source offsets from pulldown-cmark give every point and tag
//! its line and column in the *file*, so evidence and diagnostics point where the user
//! typed. A tag is recognised only in plain text (never in code) and never after a
//! backslash, so `\#1` stays literal text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::load::LineIndex;
use crate::model::{Block, Inline, Item, Located, OddTag, Point};

/// A parsed Markdown body.
#[derive(Debug, Default, PartialEq)]
pub struct Body {
    pub blocks: Vec<Block>,
    /// Every list item, in document order; empty unless points were asked for.
    pub points: Vec<Point>,
    /// `#theme` tags written outside any point, which tag nothing; found only with points.
    pub stray_tags: Vec<Located<String>>,
    /// Where raw HTML was written, with its first line. Renderers sanitise it, so it may
    /// not show as the writer meant.
    pub raw_html: Vec<Located<String>>,
    /// Tags in points typed with capitals or `_`, as written; each is also in its point's
    /// tags under the id it most likely means.
    pub odd_tags: Vec<OddTag>,
    /// `# word` in a point, where the word could be a tag: a tag with a space after its
    /// `#`, which is text. Found only with points.
    pub spaced_tags: Vec<Located<String>>,
    /// Lines that start with a bullet Markdown does not know (`•`, `a)`), each read as a
    /// point: the bullet and where it is. Found only with points.
    pub glyph_bullets: Vec<Located<String>>,
    /// Headings with no words (`## ` left while drafting). A tagged PDF may not hold one,
    /// so the PDF leaves them out and `check` says where they are.
    pub empty_headings: Vec<Loc>,
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
        /// Where the heading starts in `file_text`.
        start: usize,
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
    /// The whole file as parsed (bullet glyphs already made `-`), so offsets become file
    /// lines and tags can be read as written.
    file_text: &'a str,
    /// The file, which every tag and piece of raw HTML found in it names.
    source: &'a SourceId,
    /// Lines and columns of the file as the user wrote it: the same bytes, except that a
    /// glyph is one character where its `-` replacement is several.
    lines: LineIndex<'a>,
    /// Where the body starts in `file_text`.
    offset: usize,
    mode: Mode,
    stack: Vec<Frame>,
    points: Vec<Point>,
    stray_tags: Vec<Located<String>>,
    raw_html: Vec<Located<String>>,
    odd_tags: Vec<OddTag>,
    spaced_tags: Vec<Located<String>>,
    empty_headings: Vec<Loc>,
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

/// Parses `body`, which starts at byte `offset` of `file_text`, the text of `source`.
pub fn parse(source: &SourceId, file_text: &str, offset: usize, mode: Mode) -> Body {
    if mode == Mode::Points && bullets::may_have(&file_text[offset..]) {
        let (text, glyph_bullets) = bullets::rewrite(source, file_text, offset);
        if !glyph_bullets.is_empty() {
            let lines = LineIndex::new(file_text);
            let mut body = parse_as(source, &text, lines, offset, mode);
            body.glyph_bullets = glyph_bullets;
            return body;
        }
    }
    parse_as(source, file_text, LineIndex::new(file_text), offset, mode)
}

/// Parses `file_text` from `offset`, locating what it finds with `lines`.
fn parse_as(
    source: &SourceId,
    file_text: &str,
    lines: LineIndex<'_>,
    offset: usize,
    mode: Mode,
) -> Body {
    let body = &file_text[offset..];
    let mut builder = Builder {
        file_text,
        source,
        lines,
        offset,
        mode,
        stack: vec![Frame::Blocks(Vec::new())],
        points: Vec::new(),
        stray_tags: Vec::new(),
        raw_html: Vec::new(),
        odd_tags: Vec::new(),
        spaced_tags: Vec::new(),
        empty_headings: Vec::new(),
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
        raw_html: builder.raw_html,
        odd_tags: builder.odd_tags,
        spaced_tags: builder.spaced_tags,
        glyph_bullets: Vec::new(),
        empty_headings: builder.empty_headings,
    }
}

/// Warns of each heading of `body` with no words. The PDF leaves it out, since a tagged
/// PDF may not hold an empty heading, so `check` says so rather than `build` failing.
pub fn warn_empty_headings(file: &str, body: &Body, diagnostics: &mut Diagnostics) {
    for &loc in &body.empty_headings {
        diagnostics.push(
            Diagnostic::warning(
                file,
                loc,
                "this heading has no words, so the PDF leaves it out",
            )
            .hint("write the heading's words after the `#`s, or delete the line"),
        );
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
            Event::InlineHtml(html) => {
                self.note_raw_html(&range);
                self.inline(Inline::Html(html.into_string()));
            }
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
                    start: self.offset + range.start,
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
                self.note_raw_html(&range);
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
                        member: None,
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
            Frame::Heading {
                level,
                inlines,
                start,
            } => {
                let content = trim_inlines(inlines);
                if crate::model::plain_text(&content).trim().is_empty() {
                    self.empty_headings.push(self.lines.loc(start));
                }
                self.block(Block::Heading { level, content });
            }
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
    /// Records raw HTML once per line, at its first opening tag: one warning is enough
    /// to send the writer to the line.
    fn note_raw_html(&mut self, range: &Range<usize>) {
        let start = self.offset + range.start;
        let loc = self.lines.loc(start);
        if self.file_text[start..].starts_with("</")
            || self.raw_html.last().is_some_and(|h| h.loc.line == loc.line)
        {
            return;
        }
        let text = self.file_text[start..self.offset + range.end]
            .lines()
            .next()
            .unwrap_or("")
            .trim_end();
        self.raw_html.push(Located {
            value: text.chars().take(60).collect(),
            loc,
            source: self.source.clone(),
        });
    }

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
        let end = self.offset + range.end;
        if in_point {
            let spaced = tags::spaced(self.source, self.file_text, start..end, &self.lines);
            self.spaced_tags.extend(spaced);
        }
        let (kept, tags) = tags::split(self.source, self.file_text, start..end, &self.lines);
        for tag in tags {
            match self.open_points.last() {
                Some(&index) if in_point => {
                    if let Some(written) = tag.written {
                        self.odd_tags.push(OddTag {
                            written: Located {
                                value: written,
                                loc: tag.id.loc,
                                source: tag.id.source.clone(),
                            },
                            id: tag.id.value.clone(),
                            front: false,
                        });
                    }
                    self.points[index].tags.push(tag.id);
                }
                _ => self.stray_tags.push(tag.id),
            }
        }
        kept
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
    // Every point passes through here, so the words are copied once, with no list of
    // them made first.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

mod bullets;
mod lazy;
mod tags;

pub use lazy::{Forgotten, forgotten_bullets};
#[cfg(test)]
mod tests;
