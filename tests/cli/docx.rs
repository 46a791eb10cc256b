//! report.docx as Word and LibreOffice see it: the parts inside the package, the text a
//! reader gets after LibreOffice lays the document out, and a house template taking over
//! the styles and the header.
//!
//! The LibreOffice checks need `soffice` and `pdftotext` (CI installs both); without them
//! they fail rather than pass unseen.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read as _, Write as _};
use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;

use super::{copy_fixture, fixture, run, s};

/// Every part of a .docx, by name; binary parts are kept lossily as text.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("report.docx is a zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(
            file.name().unwrap().to_string(),
            String::from_utf8_lossy(&data).into_owned(),
        );
    }
    parts
}

fn build(dir: &Path) -> (tempfile::TempDir, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(dir), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let bytes = fs::read(out.path().join("report.docx")).expect("report.docx was written");
    (out, bytes)
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.as_ref().to_string())
}

/// Each paragraph's style and text, in order (entities such as `&amp;` are skipped).
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:p" => current = Some(Default::default()),
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                if let Some(p) = current.as_mut() {
                    p.0 = attr(&e, "w:val").unwrap_or_default();
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.1.push_str(&t.xml10_content());
                }
            }
            Event::End(e) if e.name().as_ref() == "w:p" => out.extend(current.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The values of attribute `name` on every `element` in `xml`.
fn values(xml: &str, element: &str, name: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                out.extend(attr(&e, name));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn small_report_docx_has_word_headings_lists_tables_and_page_numbers_and_is_stable() {
    let (_out, bytes) = build(&fixture("good/small"));
    let parts = unzip(&bytes);
    let document = &parts["word/document.xml"];
    let paras = paragraphs(document);
    let styled = |style: &str| -> Vec<&str> {
        paras
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    assert_eq!(
        styled("Heading1"),
        [
            "1.0 Background",
            "2.0 Cases",
            "3.0 Summary",
            "4.0 Observations",
            "Appendix – Evidence behind each theme"
        ]
    );
    let h2 = styled("Heading2");
    for text in [
        "Case 1 – Public order offence",
        "Case 2",
        "Case 3",
        "3.1 Themes found",
        "3.2 Theme tally",
        "3.3 Judgements",
        "3.4 Checklist results",
    ] {
        assert!(h2.contains(&text), "{text} is not a Heading 2 in {h2:?}");
    }
    assert!(styled("Heading3").contains(&"Risk and vulnerability"));
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains(r#"w:styleId="Heading1"><w:name w:val="heading 1"/>"#));

    // The contents is a TOC field whose cached result already lists the headings.
    assert!(document.contains(r#"TOC \o "1-2" \h \z \u"#));
    assert!(styled("TOC1").contains(&"1.0 Background"));
    assert!(styled("TOC2").contains(&"Case 1 – Public order offence"));
    assert!(!parts["word/settings.xml"].contains("updateFields"));

    // Every list is a real Word list whose numbering is defined, and no two lists share
    // an instance unless they are one list.
    let used = values(document, "w:numId", "w:val");
    assert!(used.len() >= 8, "{used:?}");
    let numbering = &parts["word/numbering.xml"];
    let defined = values(numbering, "w:num", "w:numId");
    let abstracts = values(numbering, "w:abstractNum", "w:abstractNumId");
    for id in &used {
        assert!(defined.contains(id), "numId {id} is used but not defined");
    }
    let mut unique = defined.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), defined.len(), "{defined:?}");
    for target in values(numbering, "w:abstractNumId", "w:val") {
        assert!(abstracts.contains(&target), "abstractNum {target} missing");
    }
    assert!(
        document.contains(r#"<w:ilvl w:val="1"/>"#),
        "nested level lost"
    );

    // The observations table repeats its header row on every page.
    let observations = document
        .split("<w:tbl>")
        .find(|t| t.contains(">Force Response<"))
        .expect("an observations table");
    assert!(observations.contains("<w:tblHeader/>"));
    assert!(observations.contains("Cases behind this: 1, 3"));
    assert!(document.contains(">Case numbers<"), "tally table");
    assert!(document.contains(">Not recorded<"), "checklist results");

    // Page numbers and the protective marking on every page.
    let footers: Vec<&String> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/footer"))
        .map(|(_, x)| x)
        .collect();
    assert!(
        footers
            .iter()
            .any(|f| f.contains(" PAGE ") && f.contains(" NUMPAGES ") && f.contains("OFFICIAL"))
    );
    assert!(
        parts
            .iter()
            .any(|(n, x)| n.starts_with("word/header") && x.contains("OFFICIAL"))
    );
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4"
    );
    assert!(document.contains("w:footerReference"));
    assert!(parts["docProps/core.xml"].contains("2021-09-29T00:00:00Z"));

    // Two builds give the same bytes: fixed timestamps, order and ids.
    let (_again, second) = build(&fixture("good/small"));
    assert!(bytes == second, "two builds gave different report.docx");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        assert_eq!(file.last_modified().map(|d| d.year()), Some(1980));
    }
}

#[test]
fn raw_html_and_script_links_never_reach_the_docx() {
    let dir = copy_fixture("good/small");
    fs::write(
        dir.path().join("cases/hostile.md"),
        "---\ncase: 4\n---\n<script>document.title='pwned'</script>\n\n- <img src=x onerror=\"alert(1)\"> [link](javascript:alert(1)) [site](https://example.org)\n- Text with <b onclick=\"x()\">bold</b> & a bell \u{7}\n",
    )
    .unwrap();
    let (_out, bytes) = build(dir.path());
    let parts = unzip(&bytes);
    let document = &parts["word/document.xml"];
    for bad in [
        "script",
        "onerror",
        "javascript",
        "onclick",
        "pwned",
        "\u{7}",
    ] {
        assert!(!document.contains(bad), "{bad:?} survived");
    }
    assert!(document.contains(">bold<"));
    assert!(
        parts["word/_rels/document.xml.rels"]
            .contains(r#"Target="https://example.org" TargetMode="External""#)
    );
}

/// Converts a .docx to text the way a reader sees it: LibreOffice lays it out as a PDF,
/// pdftotext reads the PDF back.
fn docx_text(docx: &Path) -> String {
    let work = tempfile::tempdir().unwrap();
    let profile = format!("-env:UserInstallation=file://{}/profile", s(work.path()));
    let converted = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            s(work.path()),
            s(docx),
        ])
        .output()
        .expect("soffice (LibreOffice) must be installed to check report.docx");
    let pdf = work.path().join("report.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice could not open report.docx:\n{}{}",
        String::from_utf8_lossy(&converted.stdout),
        String::from_utf8_lossy(&converted.stderr)
    );
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed to check report.docx");
    assert!(text.status.success());
    String::from_utf8_lossy(&text.stdout).into_owned()
}

/// Text without white space or soft hyphens, so that line wrapping does not matter.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{AD}')
        .collect()
}

fn every_point_is_in_the_laid_out_document(dir: &Path) {
    let (out, _) = build(dir);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    let text = squeeze(&docx_text(&out.path().join("report.docx")));
    let mut points = 0;
    for case in json["cases"].as_array().expect("cases") {
        for point in case["feedback"].as_array().expect("feedback") {
            let point = point["text"].as_str().expect("text");
            assert!(
                text.contains(&squeeze(point)),
                "case {}: {point:?} is not in the PDF LibreOffice made of report.docx",
                case["case"]
            );
            points += 1;
        }
    }
    assert!(points > 0);
    for heading in [
        "1.0Background",
        "2.0Cases",
        "3.0Summary",
        "4.0Observations",
        "ForceResponse",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
}

#[test]
fn libreoffice_shows_every_point_of_the_small_report() {
    every_point_is_in_the_laid_out_document(&fixture("good/small"));
}

#[test]
fn libreoffice_shows_every_point_of_the_sample_report() {
    every_point_is_in_the_laid_out_document(Path::new(env!("CARGO_MANIFEST_DIR")));
}

/// A minimal house template: Georgia red headings and a header saying HOUSE HEADER, on
/// US Letter paper.
fn house_template() -> Vec<u8> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p><w:r><w:t>Template body, never shown</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#)),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        ("word/styles.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="FF0000"/><w:sz w:val="40"/></w:rPr></w:style></w:styles>"#)),
        ("word/header1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:r><w:t>HOUSE HEADER</w:t></w:r></w:p></w:hdr>"#)),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A copy of the small report whose report.yaml ends with `word_template: NAME`, and the
/// `report.yaml:LINE:COL` of that value.
fn with_template(name: &str, bytes: Option<&[u8]>) -> (tempfile::TempDir, String) {
    let dir = copy_fixture("good/small");
    let yaml = dir.path().join("report.yaml");
    let mut text = fs::read_to_string(&yaml).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("word_template: {name}\n"));
    let place = format!("report.yaml:{}:16:", text.lines().count());
    fs::write(&yaml, text).unwrap();
    if let Some(bytes) = bytes {
        fs::write(dir.path().join(name), bytes).unwrap();
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
    let text = docx_text(&out.path().join("report.docx"));
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
