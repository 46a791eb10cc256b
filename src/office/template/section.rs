//! A house template's final section: its page set-up and its header and footer references.
//!
//! The numbers come from an untrusted file and feed arithmetic (the text width that sizes
//! every table) and every section of the report, so they are checked here, once, with
//! wide integers: a page or margin that no printer could use, or margins that leave no
//! room for text, gives a warning and the built-in A4 page, never an overflow or a page
//! Word lays out as a sliver.

use quick_xml::events::BytesStart;

use crate::office::package::DOCUMENT;
use crate::office::xml::{attr, is_on, name, walk};
use crate::office::{Reading, Refusal};

/// Page size and margins in twentieths of a point, as in `w:pgSz` and `w:pgMar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSetup {
    pub width: u32,
    pub height: u32,
    pub top: i32,
    pub right: u32,
    pub bottom: i32,
    pub left: u32,
    pub header: u32,
    pub footer: u32,
    pub gutter: u32,
}

impl PageSetup {
    /// A4 portrait with 2 cm margins.
    pub const A4: PageSetup = PageSetup {
        width: 11906,
        height: 16838,
        top: 1134,
        right: 1134,
        bottom: 1134,
        left: 1134,
        header: 567,
        footer: 567,
        gutter: 0,
    };
}

/// Word's own bounds for a side of the page, 0.1 to 22 inches, in twips.
const MIN_SIDE: i64 = 144;
const MAX_SIDE: i64 = 31680;
/// The least text width or height the report is laid out in: one inch.
const MIN_TEXT: i64 = 1440;

#[derive(Debug, Default)]
pub struct Section {
    pub page: Option<PageSetup>,
    pub title_page: bool,
    /// (`header` or `footer`, `default`/`first`/`even`, relationship id).
    pub references: Vec<(String, String, String)>,
    /// What was found and not used, for warnings.
    pub warnings: Vec<Refusal>,
}

/// The document's own section properties: the `w:sectPr` that is a child of `w:body`.
pub fn final_section(document: &str) -> Result<Section, Refusal> {
    let mut section = Section::default();
    let mut size = None;
    let mut margins = None;
    walk(document, DOCUMENT, Reading::Template, |path, e| {
        let in_final = path.len() == 3 && path[1] == "body" && path[2] == "sectPr";
        if !in_final {
            return;
        }
        match name(e) {
            "headerReference" | "footerReference" => {
                let kind = if name(e) == "headerReference" {
                    "header"
                } else {
                    "footer"
                };
                let which = attr(e, "type").unwrap_or_else(|| "default".into());
                // Word refuses a whole document over a reference of another type, and
                // every section of the report repeats these references.
                if !matches!(which.as_str(), "default" | "first" | "even") {
                    section.warnings.push(Refusal::new(
                        format!("the Word template's {kind} of type `{which}` is not used: a {kind} is `default`, `first` or `even`"),
                        format!("open the template in Word and set its {kind}s again under Insert > {}", if kind == "header" { "Header" } else { "Footer" }),
                    ));
                } else if let Some(id) = attr(e, "id") {
                    section.references.push((kind.into(), which, id));
                }
            }
            "pgSz" => size = Some(e.to_owned()),
            "pgMar" => margins = Some(e.to_owned()),
            "titlePg" => section.title_page = is_on(e),
            _ => {}
        }
    })?;
    if let Some(size) = &size {
        match page_setup(size, margins.as_ref()) {
            Ok(page) => section.page = Some(page),
            Err(problem) => section.warnings.push(Refusal::new(
                format!("the Word template's page set-up is not used: {problem}; the report is laid out on A4 with 2 cm margins"),
                "open the template in Word and set its paper size and margins under Layout",
            )),
        }
    }
    // Word keeps the references of a section in document order; ours are sorted so the
    // package is the same however the template was saved.
    section.references.sort();
    section.references.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    Ok(section)
}

/// The page of `w:pgSz` and `w:pgMar`, or what makes it unusable. A margin the template
/// leaves out is A4's.
fn page_setup(size: &BytesStart, margins: Option<&BytesStart>) -> Result<PageSetup, String> {
    let d = PageSetup::A4;
    let value = |e: &BytesStart, name: &str, default: i64| -> Result<i64, String> {
        match attr(e, name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<i64>()
                .map_err(|_| format!("{name} is `{v}`, not a whole number of twips")),
        }
    };
    let margin = |name: &str, default: i64| match margins {
        Some(e) => value(e, name, default),
        None => Ok(default),
    };
    let width = value(size, "w", 0)?;
    let height = value(size, "h", 0)?;
    for (name, side) in [("width", width), ("height", height)] {
        if !(MIN_SIDE..=MAX_SIDE).contains(&side) {
            return Err(format!(
                "the page {name} is {side} twips, outside Word's {MIN_SIDE} to {MAX_SIDE}"
            ));
        }
    }
    let top = margin("top", d.top.into())?;
    let bottom = margin("bottom", d.bottom.into())?;
    let right = margin("right", d.right.into())?;
    let left = margin("left", d.left.into())?;
    let header = margin("header", d.header.into())?;
    let footer = margin("footer", d.footer.into())?;
    let gutter = margin("gutter", d.gutter.into())?;
    for (name, v) in [
        ("left", left),
        ("right", right),
        ("header", header),
        ("footer", footer),
        ("gutter", gutter),
    ] {
        if !(0..=MAX_SIDE).contains(&v) {
            return Err(format!("the {name} margin is {v} twips"));
        }
    }
    for (name, v) in [("top", top), ("bottom", bottom)] {
        // Negative top and bottom margins are Word's way of letting text run under the
        // header or footer; only their size matters here.
        if v.abs() > MAX_SIDE {
            return Err(format!("the {name} margin is {v} twips"));
        }
    }
    // A landscape section keeps the margins and turns the page, so the text must fit
    // across the page's width and down its shorter side.
    if left + right + gutter + MIN_TEXT > width {
        return Err(format!(
            "margins of {left} and {right} twips leave less than an inch of the {width}-twip page width for text"
        ));
    }
    let short = width.min(height);
    if top.abs() + bottom.abs() + MIN_TEXT > short {
        return Err(format!(
            "top and bottom margins of {top} and {bottom} twips leave less than an inch of the page's {short}-twip side for text"
        ));
    }
    // Every value is now within ±MAX_SIDE, so the conversions cannot fail.
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    let signed = |v: i64| i32::try_from(v).unwrap_or(0);
    Ok(PageSetup {
        width: small(width),
        height: small(height),
        top: signed(top),
        right: small(right),
        bottom: signed(bottom),
        left: small(left),
        header: small(header),
        footer: small(footer),
        gutter: small(gutter),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(sect_pr: &str) -> Section {
        let doc = format!(
            r#"<w:document xmlns:w="w" xmlns:r="r"><w:body><w:sectPr>{sect_pr}</w:sectPr></w:body></w:document>"#
        );
        final_section(&doc).unwrap()
    }

    #[test]
    fn reads_the_final_section_only() {
        let doc = r#"<w:document xmlns:w="w" xmlns:r="r"><w:body>
            <w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="old"/></w:sectPr></w:pPr></w:p>
            <w:sectPr><w:headerReference w:type="first" r:id="rId9"/><w:footerReference w:type="default" r:id="rId8"/>
            <w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1000" w:bottom="1440" w:left="1000" w:header="720" w:footer="720" w:gutter="0"/>
            <w:titlePg/></w:sectPr></w:body></w:document>"#;
        let section = final_section(doc).unwrap();
        assert!(section.title_page);
        assert_eq!(
            section.references,
            [
                ("footer".into(), "default".into(), "rId8".into()),
                ("header".into(), "first".into(), "rId9".into())
            ]
        );
        let page = section.page.unwrap();
        assert_eq!((page.width, page.height, page.left), (12240, 15840, 1000));
        assert!(section.warnings.is_empty());
    }

    #[test]
    fn references_of_unknown_types_are_left_out_with_a_warning() {
        let s = section(
            r#"<w:headerReference w:type="odd" r:id="rId1"/><w:headerReference w:type="default&quot;/&gt;" r:id="rId2"/><w:footerReference w:type="even" r:id="rId3"/><w:footerReference r:id="rId4"/>"#,
        );
        assert_eq!(
            s.references,
            [
                ("footer".into(), "default".into(), "rId4".into()),
                ("footer".into(), "even".into(), "rId3".into())
            ]
        );
        assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
        assert!(s.warnings[0].message.contains("header of type `odd`"));
    }

    #[test]
    fn a_negative_top_margin_is_kept() {
        let s = section(r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="-1440"/>"#);
        assert_eq!(s.page.map(|p| p.top), Some(-1440));
    }

    #[test]
    fn absurd_pages_and_margins_fall_back_to_a4_with_a_warning() {
        for sect_pr in [
            // Sums that overflow 32 bits.
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="4294967295" w:right="4294967295"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="4294967000" w:right="1000" w:gutter="296"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="2147483647" w:bottom="2147483647"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="-2147483648"/>"#,
            r#"<w:pgSz w:w="99999999999999999999" w:h="15840"/>"#,
            // Margins wider than the page, or no text left.
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="6000" w:right="6000"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="6000" w:bottom="6000"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="-500"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:footer="-1"/>"#,
            r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="wide"/>"#,
            r#"<w:pgSz w:w="0" w:h="15840"/>"#,
            r#"<w:pgSz w:w="-12240" w:h="15840"/>"#,
            r#"<w:pgSz w:h="15840"/>"#,
        ] {
            let s = section(sect_pr);
            assert_eq!(s.page, None, "{sect_pr}");
            assert_eq!(s.warnings.len(), 1, "{sect_pr}");
            assert!(s.warnings[0].message.contains("A4"), "{:?}", s.warnings);
        }
    }
}
