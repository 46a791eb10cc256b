//! The page furniture: the header and footer on every page.
//!
//! The built-in footer numbers the pages ("Page 3 of 12", with Word's PAGE and NUMPAGES
//! fields, which every reader updates as it lays out) and both header and footer carry
//! the protective marking, as the Government Security Classifications ask for a marking
//! at the top and bottom of each page. A house template's own headers or footers replace
//! the built-in ones of the same kind.

use super::styles::StyleIds;
use crate::catalogue::Labels;
use crate::model::Meta;
use crate::office::template::Template;
use crate::office::xml::Xml;
use crate::view::wording::page_x_of_y;

/// A header or footer part of the package.
#[derive(Debug, Clone)]
pub struct Furniture {
    /// `header` or `footer`.
    pub kind: &'static str,
    /// `default`, `first` or `even`.
    pub which: String,
    /// File name inside word/.
    pub name: String,
    pub rel_id: String,
    pub xml: Vec<u8>,
    /// The part's own relationships (a logo, a link), copied from a template.
    pub rels: Option<Vec<u8>>,
}

/// The headers and footers of the document, template ones first choice.
pub fn furniture(
    meta: &Meta,
    labels: &Labels,
    template: Option<&Template>,
    ids: &StyleIds,
) -> Vec<Furniture> {
    let mut parts = Vec::new();
    let house = |kind: &'static str, list: &[crate::office::template::HeaderFooter]| {
        list.iter()
            .enumerate()
            .map(|(i, part)| Furniture {
                kind,
                which: part.which.clone(),
                name: part.name.clone(),
                rel_id: format!("rIdHouse{kind}{}", i + 1),
                xml: part.xml.clone(),
                rels: part.rels.clone(),
            })
            .collect::<Vec<_>>()
    };
    match template.filter(|t| !t.headers.is_empty()) {
        Some(t) => parts.extend(house("header", &t.headers)),
        None => {
            if let Some(marking) = &meta.marking {
                parts.push(built_in("header", header_xml(marking, ids)));
            }
        }
    }
    match template.filter(|t| !t.footers.is_empty()) {
        Some(t) => parts.extend(house("footer", &t.footers)),
        None => parts.push(built_in(
            "footer",
            footer_xml(meta.marking.as_deref(), labels, ids),
        )),
    }
    parts
}

fn built_in(kind: &'static str, xml: String) -> Furniture {
    Furniture {
        kind,
        which: "default".into(),
        name: format!("{kind}1.xml"),
        rel_id: format!("rId{kind}1"),
        xml: xml.into_bytes(),
        rels: None,
    }
}

fn marking_paragraph(xml: &mut Xml, marking: &str, ids: &StyleIds) {
    xml.open("w:p", &[])
        .open("w:pPr", &[])
        .val("w:pStyle", ids.id("Marking"))
        .close("w:pPr")
        .open("w:r", &[])
        .leaf("w:t", &[("xml:space", &"preserve")], marking)
        .close("w:r")
        .close("w:p");
}

fn header_xml(marking: &str, ids: &StyleIds) -> String {
    let mut xml = Xml::part();
    xml.root("w:hdr");
    marking_paragraph(&mut xml, marking, ids);
    xml.close("w:hdr");
    xml.finish()
}

fn footer_xml(marking: Option<&str>, labels: &Labels, ids: &StyleIds) -> String {
    let [before, between, after] = page_x_of_y(labels);
    let mut xml = Xml::part();
    xml.root("w:ftr")
        .open("w:p", &[])
        .open("w:pPr", &[])
        .val("w:pStyle", ids.id("Footer"))
        .val("w:jc", "center")
        .close("w:pPr");
    text_run(&mut xml, &before);
    field(&mut xml, " PAGE ");
    text_run(&mut xml, &between);
    field(&mut xml, " NUMPAGES ");
    text_run(&mut xml, &after);
    xml.close("w:p");
    if let Some(marking) = marking {
        marking_paragraph(&mut xml, marking, ids);
    }
    xml.close("w:ftr");
    xml.finish()
}

fn text_run(xml: &mut Xml, text: &str) {
    if text.is_empty() {
        return;
    }
    xml.open("w:r", &[])
        .leaf("w:t", &[("xml:space", &"preserve")], text)
        .close("w:r");
}

/// A simple field with a cached result of 1, which every reader replaces on layout.
fn field(xml: &mut Xml, instruction: &str) {
    xml.open("w:fldSimple", &[("w:instr", &instruction)])
        .open("w:r", &[])
        .open("w:rPr", &[])
        .empty("w:noProof", &[])
        .close("w:rPr")
        .leaf("w:t", &[], "1")
        .close("w:r")
        .close("w:fldSimple");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_numbers_pages_and_both_carry_the_marking() {
        let meta = Meta {
            marking: Some("OFFICIAL-SENSITIVE".into()),
            ..Meta::default()
        };
        let parts = furniture(&meta, &Labels::english(), None, &StyleIds::default());
        assert_eq!(parts.len(), 2);
        let footer = String::from_utf8(parts[1].xml.clone()).unwrap();
        assert!(footer.contains(r#"w:instr=" PAGE ""#), "{footer}");
        assert!(footer.contains(r#"w:instr=" NUMPAGES ""#), "{footer}");
        assert!(
            footer.contains(">Page <") && footer.contains("> of <"),
            "{footer}"
        );
        let welsh = furniture(
            &meta,
            &Labels::built_in("cy").unwrap(),
            None,
            &StyleIds::default(),
        );
        let footer = String::from_utf8(welsh[1].xml.clone()).unwrap();
        assert!(
            footer.contains(">Tudalen <") && footer.contains("> o <"),
            "{footer}"
        );
        for part in &parts {
            assert!(String::from_utf8_lossy(&part.xml).contains("OFFICIAL-SENSITIVE"));
        }
        let unmarked = furniture(
            &Meta::default(),
            &Labels::english(),
            None,
            &StyleIds::default(),
        );
        assert_eq!(
            unmarked.iter().map(|p| p.kind).collect::<Vec<_>>(),
            ["footer"]
        );
    }
}
