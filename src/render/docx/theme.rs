//! word/theme/theme1.xml and word/fontTable.xml: two parts the report's formatting does not
//! use but a WordprocessingML document must have.
//!
//! The schema requires the main document to have a theme and a font table, and Word
//! checks for both when it opens a file. Every style names its fonts and colours
//! directly, so the theme only has to be valid and agree with them (Arial, the report's
//! blue); a house template's own theme and font table are used instead when it has them.
//! The font table lists the fonts the built-in styles name, with the panose and family
//! Word needs to substitute them on a machine that lacks them.

use super::styles::{ACCENT, ACCENT_PALE, MUTED, RULE};
use crate::office::xml::{DECLARATION, W_NS};

/// The fonts the built-in styles and lists name: (name, panose, family, pitch).
const FONTS: &[(&str, &str, &str, &str)] = &[
    ("Arial", "020B0604020202020204", "swiss", "variable"),
    ("Courier New", "02070309020205020404", "modern", "fixed"),
];

pub fn font_table() -> Vec<u8> {
    let mut xml = format!("{DECLARATION}<w:fonts xmlns:w=\"{W_NS}\">");
    for (name, panose, family, pitch) in FONTS {
        xml.push_str(&format!(
            "<w:font w:name=\"{name}\"><w:panose1 w:val=\"{panose}\"/><w:charset w:val=\"00\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>"
        ));
    }
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}

pub fn theme() -> Vec<u8> {
    let colour = |name: &str, rgb: &str| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    let fonts = r#"<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/>"#;
    // A format scheme must list at least three of each kind of style.
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#.repeat(3);
    let line =
        r#"<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#.repeat(3);
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3);
    format!(
        concat!(
            "{decl}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"build-report\">",
            "<a:themeElements><a:clrScheme name=\"build-report\">",
            "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>",
            "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>",
            "{dk2}{lt2}{a1}{a2}{a3}{a4}{a5}{a6}{hlink}{fol}</a:clrScheme>",
            "<a:fontScheme name=\"build-report\"><a:majorFont>{fonts}</a:majorFont>",
            "<a:minorFont>{fonts}</a:minorFont></a:fontScheme>",
            "<a:fmtScheme name=\"build-report\"><a:fillStyleLst>{fill}</a:fillStyleLst>",
            "<a:lnStyleLst>{line}</a:lnStyleLst><a:effectStyleLst>{effect}</a:effectStyleLst>",
            "<a:bgFillStyleLst>{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>",
            "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        ),
        decl = DECLARATION,
        dk2 = colour("dk2", ACCENT),
        lt2 = colour("lt2", "F3F2F1"),
        a1 = colour("accent1", ACCENT),
        a2 = colour("accent2", MUTED),
        a3 = colour("accent3", RULE),
        a4 = colour("accent4", ACCENT_PALE),
        a5 = colour("accent5", "00703C"),
        a6 = colour("accent6", "D4351C"),
        hlink = colour("hlink", ACCENT),
        fol = colour("folHlink", "4C2C92"),
        fonts = fonts,
        fill = fill,
        line = line,
        effect = effect,
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::xml::well_formed;

    #[test]
    fn both_parts_are_well_formed_and_name_the_report_fonts() {
        let fonts = String::from_utf8(font_table()).unwrap();
        let theme = String::from_utf8(theme()).unwrap();
        assert_eq!(well_formed(&fonts), Ok(()));
        assert_eq!(well_formed(&theme), Ok(()));
        assert!(fonts.contains(r#"<w:font w:name="Arial">"#));
        assert!(theme.contains(r#"<a:latin typeface="Arial"/>"#));
        assert_eq!(theme.matches("<a:effectStyle>").count(), 3);
    }
}
