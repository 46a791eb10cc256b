//! The document body as it is written: paragraphs, runs, headings and section breaks.
//!
//! [`Body`] is the one place that knows how a paragraph or run is spelt in
//! WordprocessingML, with its properties in the order the schema demands (Word rejects a
//! file whose `w:pPr` children are out of order, even where LibreOffice does not). It also
//! collects what other parts need: the headings for the table of contents, the external
//! links for the relationships, and the lists for numbering.xml.

use super::layout::Layout;
use super::numbering::Numbering;
use super::styles::{ACCENT, MUTED, StyleIds};
use crate::office::xml::Xml;

/// Paragraph properties the report uses, written in schema order.
#[derive(Debug, Clone, Copy, Default)]
pub struct Para {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub page_break: bool,
    pub num: Option<(u32, u8)>,
    pub shade: Option<&'static str>,
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub indent: Option<u32>,
    pub align: Option<&'static str>,
}

impl Para {
    pub fn style(style: &'static str) -> Self {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }
}

/// Run properties: what Markdown emphasis and the report's own labels need.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fmt {
    pub style: Option<&'static str>,
    pub code: bool,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub color: Option<&'static str>,
    /// Half-points.
    pub size: Option<u32>,
}

impl Fmt {
    pub const PLAIN: Fmt = Fmt {
        style: None,
        code: false,
        bold: false,
        italic: false,
        strike: false,
        color: None,
        size: None,
    };
    pub const BOLD: Fmt = Fmt {
        bold: true,
        ..Fmt::PLAIN
    };
    /// The report's own small grey notes, such as counts after a finding.
    pub const MUTED: Fmt = Fmt {
        color: Some(MUTED),
        size: Some(20),
        ..Fmt::PLAIN
    };
    /// Column labels in a table's header row.
    pub const HEADER: Fmt = Fmt {
        bold: true,
        color: Some(ACCENT),
        ..Fmt::PLAIN
    };
}

/// The name of the `id`th bookmark, counting from 1 in the order headings are written.
pub fn bookmark(id: u32) -> String {
    format!("_Toc{id:08}")
}

/// A heading that the table of contents lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub text: String,
    pub bookmark: String,
}

pub struct Body<'a> {
    pub xml: Xml,
    pub numbering: Numbering,
    pub styles: &'a StyleIds,
    pub layout: Layout,
    /// Targets of external links, ready for the relationships part; the link `i` has
    /// relationship id [`link_id`](super::links::link_id)`(i)`.
    pub links: Vec<String>,
    pub toc: Vec<TocEntry>,
    /// Whether the section being written is landscape.
    pub landscape: bool,
    /// Every paragraph keeps with the next: set while writing the rows of a short table,
    /// which Word and LibreOffice then keep on one page with its header.
    pub keep_together: bool,
    /// A section break has just started a new page, so a heading that starts a new page
    /// must not start another.
    pub(super) fresh_page: bool,
    /// The language, as Word names it (`en-GB`), of text written while it is set: text
    /// that shows untranslated in another language's version.
    pub lang: Option<&'static str>,
    bookmarks: u32,
}

impl<'a> Body<'a> {
    /// A horizontal line: an empty paragraph with a bottom border, `size` in eighths of
    /// a point, followed by `after` twentieths of a point of space.
    pub fn rule(&mut self, color: &str, size: u32, after: u32) {
        self.xml
            .open("w:p", &[])
            .open("w:pPr", &[])
            .open("w:pBdr", &[])
            .empty(
                "w:bottom",
                &[
                    ("w:val", &"single"),
                    ("w:sz", &size),
                    ("w:space", &1),
                    ("w:color", &color),
                ],
            )
            .close("w:pBdr");
        if after > 0 {
            self.xml.empty("w:spacing", &[("w:after", &after)]);
        }
        self.xml.close("w:pPr").close("w:p");
    }

    pub fn new(styles: &'a StyleIds, numbering: Numbering, layout: Layout) -> Self {
        Body {
            xml: Xml::new(),
            numbering,
            styles,
            layout,
            links: Vec::new(),
            toc: Vec::new(),
            landscape: false,
            keep_together: false,
            fresh_page: false,
            lang: None,
            bookmarks: 0,
        }
    }

    pub fn text_width(&self) -> u32 {
        self.layout.text_width(self.landscape)
    }

    pub fn open_p(&mut self, para: Para) {
        self.xml.open("w:p", &[]);
        let mut props = Xml::new();
        if let Some(style) = para.style {
            props.val("w:pStyle", self.styles.id(style));
        }
        if para.keep_next || self.keep_together {
            props.empty("w:keepNext", &[]);
        }
        if para.page_break && !self.fresh_page {
            props.empty("w:pageBreakBefore", &[]);
        } else if para.page_break || para.style == Some("Heading1") {
            // Heading 1 starts a page by its style; a section that should follow on (or
            // one already at the top of a page) says otherwise, under a house template too.
            props.val("w:pageBreakBefore", 0);
        }
        self.fresh_page = false;
        if let Some((id, level)) = para.num {
            props
                .open("w:numPr", &[])
                .val("w:ilvl", level)
                .val("w:numId", id)
                .close("w:numPr");
        }
        if let Some(fill) = para.shade {
            props.empty(
                "w:shd",
                &[("w:val", &"clear"), ("w:color", &"auto"), ("w:fill", &fill)],
            );
        }
        if para.before.is_some() || para.after.is_some() {
            let before = para.before.map(|b| b.to_string());
            let after = para.after.map(|a| a.to_string());
            let mut attrs: Vec<(&str, &dyn std::fmt::Display)> = Vec::new();
            if let Some(b) = &before {
                attrs.push(("w:before", b));
            }
            if let Some(a) = &after {
                attrs.push(("w:after", a));
            }
            props.empty("w:spacing", &attrs);
        }
        if let Some(left) = para.indent {
            props.empty("w:ind", &[("w:left", &left)]);
        }
        if let Some(align) = para.align {
            props.val("w:jc", align);
        }
        if !props.is_empty() {
            self.xml
                .open("w:pPr", &[])
                .raw(&props.finish())
                .close("w:pPr");
        }
    }

    pub fn close_p(&mut self) {
        self.xml.close("w:p");
    }

    /// A paragraph of one run.
    pub fn paragraph(&mut self, para: Para, text: &str, fmt: Fmt) {
        self.open_p(para);
        self.run(text, fmt);
        self.close_p();
    }

    /// A run of text; tabs and line ends become Word's own tab and break.
    pub fn run(&mut self, text: &str, fmt: Fmt) {
        if text.is_empty() {
            return;
        }
        self.xml.open("w:r", &[]);
        self.run_props(fmt);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.xml.empty("w:br", &[]);
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    self.xml.empty("w:tab", &[]);
                }
                if !piece.is_empty() {
                    self.xml.leaf("w:t", &[("xml:space", &"preserve")], piece);
                }
            }
        }
        self.xml.close("w:r");
    }

    /// Bold `text` on a coloured ground, as a judgement with a colour is marked: always
    /// the words themselves, never the colour alone, in ink chosen to read at WCAG AA.
    /// `fill` and `ink` are `RRGGBB`.
    pub fn swatch_run(&mut self, text: &str, fill: &str, ink: &str) {
        self.xml
            .open("w:r", &[])
            .open("w:rPr", &[])
            .empty("w:b", &[])
            .val("w:color", ink)
            .empty(
                "w:shd",
                &[("w:val", &"clear"), ("w:color", &"auto"), ("w:fill", &fill)],
            )
            .close("w:rPr")
            .leaf(
                "w:t",
                &[("xml:space", &"preserve")],
                &format!("\u{a0}{text}\u{a0}"),
            )
            .close("w:r");
    }

    /// A paragraph linking to the document's version in the language `code`, the file
    /// `name` beside it, in the words of that language.
    pub fn version_link(&mut self, name: &str, code: &str, text: &str) {
        let id = self.sibling_link(name);
        self.open_p(Para {
            after: Some(240),
            ..Para::default()
        });
        self.xml
            .open("w:hyperlink", &[("r:id", &id), ("w:history", &1)]);
        self.run_in(
            text,
            Some(code),
            Fmt {
                style: Some("Hyperlink"),
                bold: true,
                ..Fmt::PLAIN
            },
        );
        self.xml.close("w:hyperlink");
        self.close_p();
    }

    /// `text` in the language `lang` when it is not the document's: a report code such as
    /// `en`, for text that shows untranslated.
    pub fn run_in(&mut self, text: &str, lang: Option<&str>, fmt: Fmt) {
        let before = self.lang;
        if let Some(lang) = lang {
            self.lang = Some(super::word_language(lang));
        }
        self.run(text, fmt);
        self.lang = before;
    }

    /// Runs `write` with text marked as being in `lang`, when given.
    pub fn in_language(&mut self, lang: Option<&str>, write: impl FnOnce(&mut Self)) {
        let before = self.lang;
        if let Some(lang) = lang {
            self.lang = Some(super::word_language(lang));
        }
        write(self);
        self.lang = before;
    }

    pub fn line_break(&mut self) {
        self.xml.open("w:r", &[]).empty("w:br", &[]).close("w:r");
    }

    fn run_props(&mut self, fmt: Fmt) {
        let mut props = Xml::new();
        let style = if fmt.code {
            Some("HTMLCode")
        } else {
            fmt.style
        };
        if let Some(style) = style {
            props.val("w:rStyle", self.styles.id(style));
        }
        if fmt.code {
            props.empty(
                "w:rFonts",
                &[
                    ("w:ascii", &"Courier New"),
                    ("w:hAnsi", &"Courier New"),
                    ("w:cs", &"Courier New"),
                ],
            );
        }
        if fmt.bold {
            props.empty("w:b", &[]);
        }
        if fmt.italic {
            props.empty("w:i", &[]);
        }
        if fmt.strike {
            props.empty("w:strike", &[]);
        }
        if let Some(color) = fmt.color {
            props.val("w:color", color);
        }
        if let Some(size) = fmt.size {
            props.val("w:sz", size).val("w:szCs", size);
        }
        if let Some(lang) = self.lang {
            props.val("w:lang", lang);
        }
        if !props.is_empty() {
            self.xml
                .open("w:rPr", &[])
                .raw(&props.finish())
                .close("w:rPr");
        }
    }

    /// A heading paragraph. Levels 1 and 2 get a bookmark and go into the table of
    /// contents; the bookmark's name is returned so other places can link to it.
    pub fn heading(&mut self, level: u8, text: &str, new_page: bool) -> Option<String> {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            3 => "Heading3",
            _ => "Heading4",
        };
        // Kept with the next paragraph here as well as in the style, so that no heading
        // ends a page even under a house template whose heading styles do not say so.
        self.open_p(Para {
            page_break: new_page,
            keep_next: true,
            ..Para::style(style)
        });
        let bookmark = (level <= 2).then(|| {
            self.bookmarks += 1;
            let id = self.bookmarks;
            let name = bookmark(id);
            self.xml
                .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)]);
            self.run(text, Fmt::PLAIN);
            self.xml.empty("w:bookmarkEnd", &[("w:id", &id)]);
            self.toc.push(TocEntry {
                level,
                text: text.to_string(),
                bookmark: name.clone(),
            });
            name
        });
        if bookmark.is_none() {
            self.run(text, Fmt::PLAIN);
        }
        self.close_p();
        bookmark
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let ids = StyleIds::default();
        let mut body = Body::new(&ids, Numbering::new(None).unwrap(), Layout::default());
        body.open_p(Para {
            style: Some("ListParagraph"),
            keep_next: true,
            num: Some((3, 1)),
            shade: Some("F3F2F1"),
            after: Some(80),
            indent: Some(720),
            align: Some("center"),
            ..Para::default()
        });
        body.run(
            "a\tb\nc",
            Fmt {
                bold: true,
                italic: true,
                color: Some("FF0000"),
                size: Some(20),
                ..Fmt::PLAIN
            },
        );
        body.close_p();
        let xml = body.xml.finish();
        let order = [
            "pStyle",
            "keepNext",
            "numPr",
            "shd",
            "spacing",
            "ind",
            "jc",
            "<w:r>",
            "<w:b/>",
            "<w:i/>",
            "<w:color ",
            "<w:sz ",
            "<w:tab/>",
            "<w:br/>",
        ];
        let positions: Vec<usize> = order
            .iter()
            .map(|t| xml.find(t).unwrap_or_else(|| panic!("{t} in {xml}")))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{xml}");
    }
}
