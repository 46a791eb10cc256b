//! report.docx as Word and LibreOffice see it: the parts inside the package and the text
//! a reader gets after LibreOffice lays the document out. A house template's part is in
//! house.rs.
//!
//! Every report.docx a test builds is checked against the schema with openxml-audit. The
//! LibreOffice checks need `soffice` and `pdftotext`; without them they are skipped with a
//! note, and fail under CI (see tools.rs).

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read as _, Write as _};
use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;

use super::tools::{assert_valid_report, require};
use super::{Report, fixture, run, s};

/// Every part of a .docx, by name; binary parts are kept lossily as text.
pub(super) fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
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

/// Builds report folder `dir` and returns the output folder and report.docx, which must
/// be valid by the schema (beyond what its house template brings).
pub(super) fn build(dir: &Path) -> (tempfile::TempDir, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(dir), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let docx = super::copy_of(out.path()).join("report.docx");
    let bytes = fs::read(&docx).expect("report.docx was written");
    assert_valid_report(&docx, dir);
    (out, bytes)
}

/// `docx` with `from` replaced by `to` in part `name`, which must contain it.
pub(super) fn replace_in_part(docx: &[u8], name: &str, from: &str, to: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (part, text) in unzip(docx) {
        let text = if part == name {
            assert!(text.contains(from), "{from} is not in {name}");
            text.replace(from, to)
        } else {
            text
        };
        zip.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.as_ref().to_string())
}

/// Each paragraph's style and text, in order (entities such as `&amp;` are skipped).
pub(super) fn paragraphs(xml: &str) -> Vec<(String, String)> {
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
pub(super) fn values(xml: &str, element: &str, name: &str) -> Vec<String> {
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
            "5.0 Closing remarks",
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
    let dir = Report::copy("good/small").case(
        4,
        "",
        "<script>document.title='pwned'</script>\n\n- <img src=x onerror=\"alert(1)\"> [link](javascript:alert(1)) [site](https://example.org)\n- Text with <b onclick=\"x()\">bold</b> & a bell \u{7}\n",
    );
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
/// pdftotext reads the PDF back. `None` when either program is missing (see
/// [`require`]).
pub(super) fn docx_text(docx: &Path) -> Option<String> {
    laid_out_text(docx, &[])
}

/// [`docx_text`] with more options to pdftotext, such as `-layout` to keep each line of
/// the page where it is; pages are separated by form feeds.
pub(super) fn laid_out_text(docx: &Path, options: &[&str]) -> Option<String> {
    if !require("soffice") || !require("pdftotext") {
        return None;
    }
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
        .expect("soffice runs");
    let pdf = work.path().join("report.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice could not open report.docx:\n{}{}",
        String::from_utf8_lossy(&converted.stdout),
        String::from_utf8_lossy(&converted.stderr)
    );
    let text = Command::new("pdftotext")
        .args(options)
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(text.status.success());
    Some(String::from_utf8_lossy(&text.stdout).into_owned())
}

/// Text without white space or hyphens, so that line wrapping does not matter:
/// pdftotext joins a line that ends in a hyphen to the next without it (`13-` then
/// `point` reads `13point`), and a soft hyphen is only where a line may break.
pub(super) fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{AD}' && *c != '-')
        .collect()
}

fn every_point_is_in_the_laid_out_document(dir: &Path) {
    let (out, _) = build(dir);
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(super::copy_of(out.path()).join("report.json")).unwrap(),
    )
    .unwrap();
    let Some(text) = docx_text(&super::copy_of(out.path()).join("report.docx")) else {
        return;
    };
    let text = squeeze(&text);
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

#[test]
fn link_targets_are_percent_encoded_and_unsafe_schemes_dropped() {
    let dir = Report::copy("good/small");
    fs::write(
        dir.path().join("cases/links.md"),
        "---\ncase: 4\n---\n- [spaced](<https://example.org/a b>) [quoted](https://example.org/ü?q=\"x\"&r=1) [tel](tel:+441234)\n- [js](javascript:alert(1)) [data](data:text/html,hi) [vb](VBScript:msgbox) [rel](notes.md)\n",
    )
    .unwrap();
    let (_out, bytes) = build(dir.path());
    let parts = unzip(&bytes);
    let rels = &parts["word/_rels/document.xml.rels"];
    let mut targets = Vec::new();
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Empty(e) if attr(&e, "TargetMode").as_deref() == Some("External") => {
                let target = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "Target")
                    .expect("a target");
                targets.push(
                    target
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        targets,
        [
            "https://example.org/a%20b",
            "https://example.org/%C3%BC?q=%22x%22&r=1",
            "tel:+441234"
        ]
    );
    let document = &parts["word/document.xml"];
    for text in ["js", "data", "vb", "rel"] {
        assert!(
            document.contains(&format!(">{text}<")),
            "{text} kept as text"
        );
    }
}

/// A theme found in hundreds of cases is written to the document in pieces (every 256
/// points of its evidence), and the document stays whole, valid and in order.
#[test]
fn a_theme_found_in_hundreds_of_cases_lists_all_its_evidence_in_order() {
    let mut report = Report::new().file("report.yaml", "title: Many\nmeeting_date: 2025-02-12\n");
    for n in 1..=300 {
        report = report.case(
            n,
            "",
            &format!("- Contact in case {n} came late #late-contact\n"),
        );
    }
    let run = report.run(&["build", "--format", "docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docx = report.path().join("output/report.docx");
    let parts = unzip(&fs::read(&docx).unwrap());
    let texts: Vec<String> = paragraphs(&parts["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let evidence: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains(": Contact in case "))
        .collect();
    assert_eq!(evidence.len(), 300, "{evidence:?}");
    for (n, text) in (1..=300).zip(&evidence) {
        assert!(
            text.contains(&format!("Contact in case {n} came late")),
            "{n}: {text}"
        );
    }
    assert_valid_report(&docx, report.path());
}
