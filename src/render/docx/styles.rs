//! word/styles.xml: the named styles every paragraph, run and table of the report uses.
//!
//! Formatting lives in styles rather than on each paragraph so that the panel officer can
//! restyle the whole report in Word, and so that a house template can replace it. The
//! headings use Word's own ids and names (`Heading1`, "heading 1") so that Word treats them
//! as its built-in headings: navigation pane, outline levels and the table of contents all
//! work. A template's styles win; a style the report needs and the template lacks is
//! appended, and where a template names a built-in style under another id (as a German
//! Word does) the report uses the template's id.

use crate::office::Reading;
use crate::office::xml::{DECLARATION, W_NS};
use crate::office::xml::{attr, attribute, name, walk};

pub const ACCENT: &str = "1D3C6E";
pub const MUTED: &str = "505A5F";
pub const RULE: &str = "B1B4B6";
pub const ACCENT_PALE: &str = "E8EEF7";
/// The ground of a "no", and of what the public copy must not carry.
pub const NO_PALE: &str = "FBE5E1";

/// One style: its id, its name and the XML inside `<w:style>` after the name.
struct Def {
    id: &'static str,
    name: &'static str,
    kind: &'static str,
    based_on: Option<&'static str>,
    /// From `next` up to and including `qFormat`, in schema order.
    flags: &'static str,
    /// `pPr`, `rPr`, `tblPr`, `tcPr` and `tblStylePr`, in schema order.
    body: &'static str,
}

const fn def(
    id: &'static str,
    name: &'static str,
    kind: &'static str,
    based_on: Option<&'static str>,
    flags: &'static str,
    body: &'static str,
) -> Def {
    Def {
        id,
        name,
        kind,
        based_on,
        flags,
        body,
    }
}

const P: &str = "paragraph";
const NORMAL: Option<&str> = Some("Normal");
const HEADING: &str = r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>"#;

const DEFS: &[Def] = &[
    def("Normal", "Normal", P, None, "<w:qFormat/>", ""),
    def(
        "Title",
        "Title",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:b/><w:color w:val="1D3C6E"/><w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>"#,
    ),
    def(
        "Subtitle",
        "Subtitle",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>"#,
    ),
    def(
        "Heading1",
        "heading 1",
        P,
        NORMAL,
        HEADING,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="1D3C6E"/></w:pBdr><w:spacing w:before="0" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="1D3C6E"/><w:kern w:val="32"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>"#,
    ),
    def(
        "Heading2",
        "heading 2",
        P,
        NORMAL,
        HEADING,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="1D3C6E"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>"#,
    ),
    def(
        "Heading3",
        "heading 3",
        P,
        NORMAL,
        HEADING,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="1D3C6E"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>"#,
    ),
    def(
        "Heading4",
        "heading 4",
        P,
        NORMAL,
        HEADING,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:color w:val="1D3C6E"/></w:rPr>"#,
    ),
    def(
        "TOCHeading",
        "TOC Heading",
        P,
        Some("Heading1"),
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>"#,
        r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="9"/></w:pPr>"#,
    ),
    def(
        "TOC1",
        "toc 1",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:spacing w:before="160" w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr>"#,
    ),
    def(
        "TOC2",
        "toc 2",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:spacing w:after="40"/><w:ind w:left="440"/></w:pPr>"#,
    ),
    def(
        "ListParagraph",
        "List Paragraph",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="34"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/></w:pPr>"#,
    ),
    def(
        "Quote",
        "Quote",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>"#,
        r#"<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="B1B4B6"/></w:pBdr><w:ind w:left="284" w:right="284"/></w:pPr><w:rPr><w:color w:val="505A5F"/></w:rPr>"#,
    ),
    def(
        "CodeBlock",
        "Code Block",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/>"#,
        r#"<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>"#,
    ),
    def(
        "Caption",
        "caption",
        P,
        NORMAL,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="80"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>"#,
    ),
    def(
        "Note",
        "Note",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/><w:qFormat/>"#,
        r#"<w:rPr><w:color w:val="505A5F"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#,
    ),
    def(
        "CaseFacts",
        "Case Facts",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/>"#,
        r#"<w:pPr><w:keepNext/><w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/><w:spacing w:before="0" w:after="160"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#,
    ),
    def(
        "Marking",
        "Protective Marking",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/>"#,
        r#"<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:caps/><w:spacing w:val="20"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#,
    ),
    def(
        "TableText",
        "Table Text",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#,
    ),
    def(
        "Header",
        "header",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>"#,
    ),
    def(
        "Footer",
        "footer",
        P,
        NORMAL,
        r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>"#,
    ),
    def(
        "Hyperlink",
        "Hyperlink",
        "character",
        None,
        r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
        r#"<w:rPr><w:color w:val="1D3C6E"/><w:u w:val="single"/></w:rPr>"#,
    ),
    def(
        "HTMLCode",
        "HTML Code",
        "character",
        None,
        r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
        r#"<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#,
    ),
    // Word's own placeholder style, in the report's muted grey rather than Word's paler
    // one, so that the prompt in an empty response cell still reads at WCAG AA.
    def(
        "PlaceholderText",
        "Placeholder Text",
        "character",
        None,
        r#"<w:uiPriority w:val="99"/><w:semiHidden/>"#,
        r#"<w:rPr><w:color w:val="505A5F"/></w:rPr>"#,
    ),
    def(
        "TableNormal",
        "Normal Table",
        "table",
        None,
        r#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#,
        r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>"#,
    ),
    def(
        "ReportTable",
        "Report Table",
        "table",
        Some("TableNormal"),
        r#"<w:uiPriority w:val="99"/>"#,
        r#"<w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="1D3C6E"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/></w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="1D3C6E"/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="1D3C6E"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="E8EEF7"/></w:tcPr></w:tblStylePr>"#,
    ),
];

const DOC_DEFAULTS: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{LANG}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#;

/// The ids the document must use for each of the report's styles.
#[derive(Debug, Default, Clone)]
pub struct StyleIds {
    /// (the report's id, the template's id for the same style).
    renamed: Vec<(&'static str, String)>,
    /// Ids the template defines, so those styles are not appended again.
    template: Vec<String>,
    from_template: bool,
}

impl StyleIds {
    /// Matches the report's styles to a template's styles.xml by name, then by id.
    pub fn new(template_styles: Option<&str>) -> Self {
        let Some(xml) = template_styles else {
            return StyleIds::default();
        };
        let mut found: Vec<(String, String)> = Vec::new();
        let _ = walk(
            xml,
            "word/styles.xml",
            Reading::Template,
            |path, e| match name(e) {
                "style" => found.push((attr(e, "styleId").unwrap_or_default(), String::new())),
                "name" if path.last().is_some_and(|p| p == "style") => {
                    if let Some(last) = found.last_mut() {
                        last.1 = attr(e, "val").unwrap_or_default().to_lowercase();
                    }
                }
                _ => {}
            },
        );
        let renamed = DEFS
            .iter()
            .filter_map(|d| {
                let theirs = found
                    .iter()
                    .find(|(_, name)| *name == d.name.to_lowercase())?;
                (theirs.0 != d.id && !theirs.0.is_empty()).then(|| (d.id, theirs.0.clone()))
            })
            .collect();
        StyleIds {
            renamed,
            template: found.into_iter().map(|(id, _)| id).collect(),
            from_template: true,
        }
    }

    /// The id to write for the report's style `ours`.
    pub fn id<'a>(&'a self, ours: &'a str) -> &'a str {
        self.renamed
            .iter()
            .find(|(id, _)| *id == ours)
            .map_or(ours, |(_, theirs)| theirs.as_str())
    }

    fn in_template(&self, def: &Def) -> bool {
        self.from_template
            && (self.renamed.iter().any(|(id, _)| *id == def.id)
                || self.template.iter().any(|id| id == def.id))
    }
}

/// styles.xml: the template's, with the report's missing styles appended, or the report's.
/// `lang` is the report's language as Word names it (`cy-GB`), so that Word's spelling
/// checker and screen readers read the text as that language; a template's own default
/// language is replaced by it.
pub fn styles_xml(template_styles: Option<&str>, ids: &StyleIds, lang: &str) -> String {
    if let Some(xml) = template_styles
        && let Some(end) = root_end(xml)
    {
        let mut out = with_language(&xml[..end], lang);
        for def in DEFS.iter().filter(|d| !ids.in_template(d)) {
            out.push_str(&style(def, ids, true));
        }
        out.push_str(&xml[end..]);
        return out;
    }
    let defaults = DOC_DEFAULTS.replace("{LANG}", lang);
    let mut out = format!("{DECLARATION}<w:styles xmlns:w=\"{W_NS}\">{defaults}");
    for def in DEFS {
        out.push_str(&style(def, ids, false));
    }
    out.push_str("</w:styles>");
    out
}

/// `xml` with the language of its document defaults' `w:lang` set to `lang`; a template
/// without one keeps its styles as they are.
fn with_language(xml: &str, lang: &str) -> String {
    let Some(defaults) = xml.find("<w:rPrDefault>") else {
        return xml.to_string();
    };
    let end = xml[defaults..]
        .find("</w:rPrDefault>")
        .map_or(xml.len(), |e| defaults + e);
    let Some(at) = xml[defaults..end].find("<w:lang ").map(|i| defaults + i) else {
        return xml.to_string();
    };
    let Some(val) = xml[at..end]
        .find("w:val=\"")
        .map(|i| at + i + "w:val=\"".len())
    else {
        return xml.to_string();
    };
    let Some(close) = xml[val..end].find('"').map(|i| val + i) else {
        return xml.to_string();
    };
    format!("{}{lang}{}", &xml[..val], &xml[close..])
}

/// Where the root's end tag `</…styles>` starts.
fn root_end(xml: &str) -> Option<usize> {
    let end = xml.rfind("</")?;
    let tag = xml[end + 2..].trim_end().strip_suffix('>')?;
    (tag == "styles" || tag.ends_with(":styles")).then_some(end)
}

fn style(def: &Def, ids: &StyleIds, declare: bool) -> String {
    let ns = if declare {
        format!(" xmlns:w=\"{W_NS}\"")
    } else {
        String::new()
    };
    let default = if def.id == "Normal" || def.id == "TableNormal" {
        " w:default=\"1\""
    } else {
        ""
    };
    // The ids may be the template's, read unescaped, so they are escaped again here.
    let based = def
        .based_on
        .map(|b| format!("<w:basedOn w:val=\"{}\"/>", attribute(ids.id(b))))
        .unwrap_or_default();
    let flags = def.flags.replace(
        "w:val=\"Normal\"",
        &format!("w:val=\"{}\"", attribute(ids.id("Normal"))),
    );
    format!(
        "<w:style{ns} w:type=\"{}\"{default} w:styleId=\"{}\"><w:name w:val=\"{}\"/>{based}{flags}{}</w:style>",
        def.kind, def.id, def.name, def.body
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::xml::well_formed;

    const HOUSE: &str = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>"#;

    #[test]
    fn built_in_styles_are_word_built_ins() {
        let xml = styles_xml(None, &StyleIds::default(), "en-GB");
        assert!(xml.contains(r#"w:styleId="Heading1"><w:name w:val="heading 1"/>"#));
        assert!(xml.contains(r#"<w:outlineLvl w:val="1"/>"#));
        assert_eq!(xml.matches("<w:style ").count(), DEFS.len());
    }

    #[test]
    fn template_styles_win_and_missing_ones_are_appended() {
        let ids = StyleIds::new(Some(HOUSE));
        assert_eq!(ids.id("Heading1"), "berschrift1");
        assert_eq!(ids.id("Heading2"), "Heading2");
        let xml = styles_xml(Some(HOUSE), &ids, "en-GB");
        assert!(xml.contains("FF0000"));
        assert_eq!(xml.matches("w:styleId=\"Normal\"").count(), 1);
        assert!(!xml.contains("w:styleId=\"Heading1\""));
        assert!(xml.contains("w:styleId=\"ReportTable\""));
        assert!(xml.contains(r#"w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="berschrift1"/>"#));
        assert!(xml.trim_end().ends_with("</w:styles>"));
    }

    #[test]
    fn template_ids_are_escaped_where_the_report_names_them() {
        let house = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="N&quot;o&amp;r&lt;m"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="H&amp;1&quot;&gt;"><w:name w:val="heading 1"/></w:style></w:styles>"#;
        let ids = StyleIds::new(Some(house));
        assert_eq!(ids.id("Normal"), "N\"o&r<m");
        let xml = styles_xml(Some(house), &ids, "en-GB");
        assert_eq!(well_formed(&xml), Ok(()));
        assert!(xml.contains(r#"<w:basedOn w:val="N&quot;o&amp;r&lt;m"/>"#));
        assert!(xml.contains(r#"<w:basedOn w:val="H&amp;1&quot;&gt;"/>"#));
        assert!(xml.contains(r#"<w:next w:val="N&quot;o&amp;r&lt;m"/>"#));
    }
}
