//! A house template taking over report.docx's styles, page and header, and what of a
//! hostile or broken template is refused or left out, each with a diagnostic.

use std::fs;
use std::io::{Cursor, Write as _};

use quick_xml::events::Event;

use super::docx::{build, docx_text, squeeze, unzip};
use super::tools::{assert_schema_valid, assert_valid_report, violations};
use super::{Report, run, s};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A minimal house template: Georgia red headings and a header saying HOUSE HEADER, on
/// US Letter paper.
pub(super) fn house_template() -> Vec<u8> {
    house_template_with(&[])
}

/// [`house_template`] with some of its parts replaced or added, by name.
fn house_template_with(changes: &[(&str, String)]) -> Vec<u8> {
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p><w:r><w:t>Template body, never shown</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#)),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        ("word/styles.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="FF0000"/><w:sz w:val="40"/></w:rPr></w:style></w:styles>"#)),
        ("word/header1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:r><w:t>HOUSE HEADER</w:t></w:r></w:p></w:hdr>"#)),
    ];
    for (name, text) in changes {
        parts.retain(|(n, _)| n != name);
        parts.push((*name, text.clone()));
    }
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The template's word/document.xml with `sect_pr` inside its final `w:sectPr`.
fn document_with(sect_pr: &str) -> (&'static str, String) {
    (
        "word/document.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p/><w:sectPr>{sect_pr}</w:sectPr></w:body></w:document>"#
        ),
    )
}

/// Builds the small report with `template` and returns report.docx's parts and the
/// standard error, which must hold a warning at the `word_template:` line.
fn build_with_warning(
    template: &[u8],
    warning: &str,
) -> std::collections::BTreeMap<String, String> {
    let (dir, place) = with_template("house.docx", Some(template));
    let out = dir.path().join("out");
    let result = run(&[s(dir.path()), "--out", s(&out)]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let expected = format!("{place} warning: `house.docx`: {warning}");
    assert!(result.stderr.contains(&expected), "{}", result.stderr);
    assert_eq!(result.stderr.matches(" warning: `house.docx`").count(), 1);
    assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
    assert_valid_report(&out.join("report.docx"), dir.path());
    unzip(&fs::read(out.join("report.docx")).unwrap())
}

/// A copy of the small report whose report.yaml ends with `word_template: NAME`, and the
/// `report.yaml:LINE:COL` of that value.
fn with_template(name: &str, bytes: Option<&[u8]>) -> (Report, String) {
    let mut dir =
        Report::copy("good/small").append("report.yaml", &format!("word_template: {name}\n"));
    let place = format!(
        "report.yaml:{}:16:",
        dir.read("report.yaml").lines().count()
    );
    if let Some(bytes) = bytes {
        dir = dir.file(name, bytes);
    }
    (dir, place)
}

#[test]
fn a_house_template_gives_its_styles_page_and_header() {
    let (dir, _) = with_template("house.docx", Some(&house_template()));
    let (out, bytes) = build(dir.path());
    let parts = unzip(&bytes);
    let styles = &parts["word/styles.xml"];
    assert!(
        styles.contains("Georgia") && styles.contains("FF0000"),
        "{styles}"
    );
    assert_eq!(styles.matches(r#"w:styleId="Heading1""#).count(), 1);
    assert!(
        styles.contains(r#"w:styleId="ReportTable""#),
        "missing styles appended"
    );
    assert!(parts.iter().any(|(n, x)| n.starts_with("word/")
        && n.contains("header")
        && x.contains("HOUSE HEADER")));
    let document = &parts["word/document.xml"];
    assert!(
        document.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#),
        "page set-up"
    );
    assert!(!document.contains("Template body"));
    let Some(text) = docx_text(&out.path().join("report.docx")) else {
        return;
    };
    assert!(text.contains("HOUSE HEADER"), "{text}");
    assert!(squeeze(&text).contains("Page1of"), "built-in footer kept");
}

#[test]
fn a_missing_or_broken_word_template_is_an_error_at_its_line() {
    let (missing, place) = with_template("missing.docx", None);
    let result = run(&[s(missing.path()), "--out", s(&missing.path().join("out"))]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    let expected = format!("{place} error: the Word template `missing.docx` does not exist");
    assert!(result.stderr.contains(&expected), "{}", result.stderr);
    assert!(result.stderr.contains("help:"), "{}", result.stderr);
    assert!(!missing.path().join("out").exists());

    let (broken, place) = with_template("house.docx", Some(b"not a zip at all"));
    let result = run(&["check", s(broken.path())]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result.stderr.contains(&format!("{place} error:")),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("not a .docx"), "{}", result.stderr);

    let mut empty = zip::ZipWriter::new(Cursor::new(Vec::new()));
    empty
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let bytes = empty.finish().unwrap().into_inner();
    let (not_word, _) = with_template("house.docx", Some(&bytes));
    let result = run(&[s(not_word.path())]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result.stderr.contains("no word/document.xml"),
        "{}",
        result.stderr
    );
    assert!(!result.stderr.contains("panicked"), "{}", result.stderr);

    let mut malformed = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    malformed.start_file("word/document.xml", options).unwrap();
    malformed
        .write_all(b"<w:document><w:body></w:document>")
        .unwrap();
    let bytes = malformed.finish().unwrap().into_inner();
    let (malformed, place) = with_template("house.docx", Some(&bytes));
    let result = run(&[
        s(malformed.path()),
        "--out",
        s(&malformed.path().join("out")),
    ]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result.stderr.contains(&format!("{place} error:")),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("not well-formed XML"),
        "{}",
        result.stderr
    );
    assert!(!malformed.path().join("out").exists());
}

#[test]
fn absurd_page_margins_give_a4_and_a_warning_not_an_overflow() {
    let template = house_template_with(&[document_with(
        r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="4294967295" w:bottom="1440" w:left="4294967295" w:header="720" w:footer="720" w:gutter="0"/>"#,
    )]);
    let parts = build_with_warning(&template, "the Word template's page set-up is not used");
    let document = &parts["word/document.xml"];
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4 is used"
    );
    assert!(!document.contains("4294967295"));
}

#[test]
fn template_list_ids_at_the_limit_are_an_error_not_an_overflow() {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="4294967295"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="2147483647"><w:abstractNumId w:val="4294967295"/></w:num></w:numbering>"#
    );
    let template = house_template_with(&[
        ("word/numbering.xml", numbering),
        (
            "word/_rels/document.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/header" Target="header1.xml"/><Relationship Id="rId2" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{R}/numbering" Target="numbering.xml"/></Relationships>"#
            ),
        ),
    ]);
    let (dir, place) = with_template("house.docx", Some(&template));
    for args in [vec!["check", s(dir.path())], vec![s(dir.path())]] {
        let result = run(&args);
        assert_eq!(result.code, 1, "{}", result.stderr);
        assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
        let expected = format!("{place} error: `house.docx`: word/numbering.xml");
        assert!(result.stderr.contains(&expected), "{}", result.stderr);
        assert_eq!(result.stderr.matches(&expected).count(), 1);
    }
    assert!(!dir.path().join("output").exists());
}

/// Reads `xml` to the end, attribute values included, failing on anything malformed;
/// returns the unescaped values of attribute `name` on elements `element`.
fn parse_strictly(xml: &str, element: &str, name: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let e = match &event {
            Event::Start(e) | Event::Empty(e) => e,
            Event::End(_) => {
                depth -= 1;
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        depth += usize::from(matches!(event, Event::Start(_)));
        for a in e.attributes().with_checks(true) {
            let a = a.expect("a well-formed attribute");
            assert!(!a.value.contains('<'), "`<` in {:?}", a.value);
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .expect("valid escapes")
                .into_owned();
            if e.name().as_ref() == element && a.key.as_ref() == name {
                found.push(value);
            }
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    found
}

#[test]
fn template_style_ids_with_markup_characters_stay_escaped() {
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="N&quot;&amp;&lt;"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="H&amp;&quot;&lt;1&gt;"><w:name w:val="heading 1"/><w:basedOn w:val="N&quot;&amp;&lt;"/></w:style><w:style w:type="paragraph" w:styleId="Odd&amp;"><w:name w:val="a&quot;b&amp;c&lt;d"/></w:style></w:styles>"#
    );
    let template = house_template_with(&[("word/styles.xml", styles)]);
    let (dir, _) = with_template("house.docx", Some(&template));
    let (_out, bytes) = build(dir.path());
    let parts = unzip(&bytes);
    let document = parse_strictly(&parts["word/document.xml"], "w:pStyle", "w:val");
    assert!(document.iter().any(|s| s == "H&\"<1>"), "{document:?}");
    assert!(!document.iter().any(|s| s == "Heading1"));
    let based_on = parse_strictly(&parts["word/styles.xml"], "w:basedOn", "w:val");
    assert!(based_on.iter().any(|s| s == "N\"&<"), "{based_on:?}");
    assert!(based_on.iter().any(|s| s == "H&\"<1>"), "{based_on:?}");
}

#[test]
fn a_template_part_copied_as_it_is_must_be_well_formed() {
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}"><w:p><w:r><w:t a="x"y">HOUSE</w:t></w:r></w:p></w:hdr>"#
    );
    let template = house_template_with(&[("word/header1.xml", header)]);
    let (dir, place) = with_template("house.docx", Some(&template));
    let result = run(&[s(dir.path()), "--out", s(&dir.path().join("out"))]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    let expected = format!(
        "{place} error: `house.docx`: word/header1.xml inside the Word template is not well-formed XML"
    );
    assert!(result.stderr.contains(&expected), "{}", result.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_header_reference_of_an_unknown_type_is_left_out_with_a_warning() {
    let template = house_template_with(&[document_with(
        r#"<w:headerReference w:type="odd" r:id="rId1"/><w:pgSz w:w="12240" w:h="15840"/>"#,
    )]);
    let parts = build_with_warning(
        &template,
        "the Word template's header of type `odd` is not used",
    );
    let document = &parts["word/document.xml"];
    let types = parse_strictly(document, "w:headerReference", "w:type");
    assert!(
        types
            .iter()
            .all(|t| ["default", "first", "even"].contains(&t.as_str())),
        "{types:?}"
    );
    assert!(!parts.values().any(|x| x.contains("HOUSE HEADER")));
}

/// A template as Word saves one in another language: its own ids for built-in styles,
/// latent styles, its own font table and settings, a first-page header and a footer.
fn word_like_template() -> Vec<u8> {
    let rel = |id: &str, kind: &str, target: &str| {
        format!(r#"<Relationship Id="{id}" Type="{R}/{kind}" Target="{target}"/>"#)
    };
    let part = |root: &str, text: &str, style: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:{root} xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p></w:{root}>"#
        )
    };
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}{}{}{}{}{}</Relationships>"#,
        rel("rId1", "header", "header1.xml"),
        rel("rId2", "header", "header2.xml"),
        rel("rId3", "footer", "footer1.xml"),
        rel("rId4", "styles", "styles.xml"),
        rel("rId5", "settings", "settings.xml"),
        rel("rId6", "fontTable", "fontTable.xml"),
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:next w:val="Standard"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="FF0000"/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="NormaleTabelle"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style><w:style w:type="paragraph" w:styleId="Kopfzeile"><w:name w:val="header"/><w:basedOn w:val="Standard"/></w:style><w:style w:type="paragraph" w:styleId="Fuzeile"><w:name w:val="footer"/><w:basedOn w:val="Standard"/></w:style></w:styles>"#
    );
    let fonts = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:fonts xmlns:w="{W}"><w:font w:name="Georgia"><w:panose1 w:val="02040502050405020303"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    );
    house_template_with(&[
        ("[Content_Types].xml", types.to_string()),
        ("word/_rels/document.xml.rels", rels),
        document_with(
            r#"<w:headerReference w:type="default" r:id="rId1"/><w:headerReference w:type="first" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/>"#,
        ),
        ("word/styles.xml", styles),
        (
            "word/settings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="{W}"><w:evenAndOddHeaders/></w:settings>"#
            ),
        ),
        ("word/fontTable.xml", fonts),
        ("word/header1.xml", part("hdr", "HOUSE HEADER", "Kopfzeile")),
        ("word/header2.xml", part("hdr", "FIRST PAGE", "Kopfzeile")),
        ("word/footer1.xml", part("ftr", "HOUSE FOOTER", "Fuzeile")),
    ])
}

#[test]
fn a_word_like_template_gives_a_schema_valid_report_with_its_own_fonts() {
    let (dir, _) = with_template("house.docx", Some(&word_like_template()));
    // `build` checks report.docx against the schema.
    let (_out, bytes) = build(dir.path());
    let parts = unzip(&bytes);
    assert!(
        parts["word/fontTable.xml"].contains("Georgia"),
        "the template's font table"
    );
    assert!(
        parts["word/theme/theme1.xml"].contains("<a:theme"),
        "the report's theme"
    );
    let rels = &parts["word/_rels/document.xml.rels"];
    for kind in ["styles", "settings", "fontTable", "theme", "numbering"] {
        assert!(
            rels.contains(&format!("relationships/{kind}\"")),
            "{kind} in {rels}"
        );
    }
    assert!(parts["word/styles.xml"].contains(r#"w:styleId="ReportTable""#));
    assert!(parts["word/document.xml"].contains(r#"<w:pStyle w:val="berschrift1"/>"#));
}

#[test]
fn a_template_s_own_schema_violation_is_carried_but_none_is_added() {
    // The template's Heading 1 has its paragraph properties out of the schema's order.
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/><w:keepNext/></w:pPr></w:style></w:styles>"#
    );
    let template = house_template_with(&[("word/styles.xml", styles)]);
    let (dir, _) = with_template("house.docx", Some(&template));
    let (out, _) = build(dir.path());
    let Some(found) = violations(&out.path().join("report.docx")) else {
        return;
    };
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].part, "/word/styles.xml");
    assert!(found[0].description.contains("'keepNext'"), "{found:?}");
    // The allowance is only for what the template brings: the same report checked on its
    // own is not valid.
    let alone = std::panic::catch_unwind(|| assert_schema_valid(&out.path().join("report.docx")));
    assert!(alone.is_err());
}

/// A house template named in panel.yaml is a setting every meeting inherits, so what is
/// wrong with it is reported in panel.yaml, not in the meeting's report.yaml.
#[test]
fn a_word_template_from_panel_yaml_is_warned_about_in_panel_yaml() {
    let template = house_template_with(&[document_with(
        r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="4294967295" w:bottom="1440" w:left="4294967295" w:header="720" w:footer="720" w:gutter="0"/>"#,
    )]);
    let t = Report::new()
        .file("panel.yaml", "title: Panel\nword_template: house.docx\n")
        .file("house.docx", template)
        .file("2023-06/report.yaml", "meeting_date: 2023-06-13\n")
        .case_in("2023-06", 1, "", "- A point.\n");
    let warning = "2:16: warning: `house.docx`: the Word template's page set-up is not used";
    let whole = t.run(&["check"]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let starts = |stderr: &str, place: &str| stderr.lines().any(|l| l.starts_with(place));
    assert!(
        starts(&whole.stderr, &format!("panel.yaml:{warning}")),
        "{}",
        whole.stderr
    );
    assert!(!whole.stderr.contains("report.yaml:"), "{}", whole.stderr);
    // From the meeting's own folder, the panel's file is one level up.
    let alone = t.run(&["check", "{dir}/2023-06"]);
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    assert!(
        starts(&alone.stderr, &format!("../panel.yaml:{warning}")),
        "{}",
        alone.stderr
    );
}
