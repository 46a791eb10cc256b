//! Pages and sections: paper size, margins and the header and footer references that
//! every section of the document repeats.
//!
//! The page comes from the house template when there is one, A4 otherwise. A section can
//! be turned to landscape (for a wide table) by swapping the page's sides; the margins stay
//! as they are, so the text sits where the template put it.

use super::body::Body;
use crate::office::template::PageSetup;
use crate::office::xml::Xml;

/// Where the page's headers and footers come from, for every section's properties.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub page: Option<PageSetup>,
    /// (`header` or `footer`, `default`/`first`/`even`, relationship id).
    pub references: Vec<(&'static str, String, String)>,
    pub title_page: bool,
}

impl Layout {
    fn page(&self) -> PageSetup {
        self.page.unwrap_or(PageSetup::A4)
    }

    /// Width of the text between the margins, in twips.
    pub fn text_width(&self, landscape: bool) -> u32 {
        let p = self.page();
        let width = if landscape {
            p.height.max(p.width)
        } else {
            p.width
        };
        // A house template's page is checked when it is read; saturating keeps any other
        // page from wrapping round to a huge width.
        let margins = p.left.saturating_add(p.right).saturating_add(p.gutter);
        width.saturating_sub(margins).max(1440)
    }

    /// `w:sectPr` for a section of the document.
    pub fn sect_pr(&self, xml: &mut Xml, landscape: bool) {
        let p = self.page();
        xml.open("w:sectPr", &[]);
        for (kind, which, id) in &self.references {
            let tag = if *kind == "header" {
                "w:headerReference"
            } else {
                "w:footerReference"
            };
            xml.empty(tag, &[("w:type", which), ("r:id", id)]);
        }
        let (short, long) = (p.width.min(p.height), p.width.max(p.height));
        if landscape {
            xml.empty(
                "w:pgSz",
                &[("w:w", &long), ("w:h", &short), ("w:orient", &"landscape")],
            );
        } else {
            xml.empty("w:pgSz", &[("w:w", &p.width), ("w:h", &p.height)]);
        }
        xml.empty(
            "w:pgMar",
            &[
                ("w:top", &p.top),
                ("w:right", &p.right),
                ("w:bottom", &p.bottom),
                ("w:left", &p.left),
                ("w:header", &p.header),
                ("w:footer", &p.footer),
                ("w:gutter", &p.gutter),
            ],
        );
        xml.empty("w:cols", &[("w:space", &708)]);
        if self.title_page {
            xml.empty("w:titlePg", &[]);
        }
        xml.close("w:sectPr");
    }
}

impl Body<'_> {
    /// Ends the section written so far, which is landscape or not as `self.landscape`
    /// says, and starts the next one in `landscape`.
    pub fn section_break(&mut self, landscape: bool) {
        // The paragraph that carries a section's properties is its last; it is made a
        // hairline so that a table filling the page does not push it onto a page of its own.
        self.xml
            .open("w:p", &[])
            .open("w:pPr", &[])
            .empty(
                "w:spacing",
                &[
                    ("w:before", &0),
                    ("w:after", &0),
                    ("w:line", &20),
                    ("w:lineRule", &"exact"),
                ],
            )
            .open("w:rPr", &[])
            .val("w:sz", 2)
            .close("w:rPr");
        let mut sect = Xml::new();
        self.layout.sect_pr(&mut sect, self.landscape);
        self.xml.raw(&sect.finish()).close("w:pPr").close("w:p");
        self.landscape = landscape;
        self.fresh_page = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn landscape_sections_swap_the_page() {
        let mut xml = Xml::new();
        Layout::default().sect_pr(&mut xml, true);
        let xml = xml.finish();
        assert!(
            xml.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#),
            "{xml}"
        );
    }

    #[test]
    fn text_width_never_wraps_round() {
        let layout = Layout {
            page: Some(PageSetup {
                left: u32::MAX,
                right: u32::MAX,
                gutter: u32::MAX,
                ..PageSetup::A4
            }),
            ..Layout::default()
        };
        assert_eq!(layout.text_width(false), 1440);
        assert_eq!(layout.text_width(true), 1440);
    }
}
