//! `build-report responses`: a report.docx the tests build with the real binary, edited
//! the way Word and LibreOffice store the force's answers, then taken back.

use std::fs;
use std::io::{Cursor, Read as _, Write as _};
use std::path::Path;

use super::builder::Report;
use super::{read_dir_bytes, s, tools};

/// The small report with its second observation awaiting a response explicitly, in a
/// file with Windows line endings, built into output/report.docx.
fn built() -> Report {
    let t = Report::copy("good/small").file(
        "observations/02-mavis.md",
        "---\r\nthemes: [mavis-low-risk]\r\nstatus: awaiting-response  # until the force replies\r\n---\r\nMembers queried whether a MAVIS report is needed for low-risk cases.\r\n",
    );
    let result = t.run(&["build", "{dir}", "--format", "docx"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    t
}

/// The parts of the package at `path`, in their order.
pub(super) fn parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(fs::read(path).unwrap())).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}

pub(super) fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// output/report.docx with word/document.xml passed through `edit`, saved as
/// returned.docx in the folder.
pub(super) fn returned(t: &Report, edit: impl Fn(String) -> String) -> String {
    let mut parts = parts(&t.path().join("output/report.docx"));
    for (name, bytes) in &mut parts {
        if name == "word/document.xml" {
            let xml = String::from_utf8(std::mem::take(bytes)).unwrap();
            let edited = edit(xml.clone());
            assert_ne!(edited, xml, "the edit changed nothing");
            *bytes = edited.into_bytes();
        }
    }
    let path = t.path().join("returned.docx");
    fs::write(&path, zip(&parts)).unwrap();
    s(&path).to_string()
}

/// Replaces the one `from` in `xml`.
pub(super) fn once(xml: &str, from: &str, to: &str) -> String {
    assert_eq!(xml.matches(from).count(), 1, "{from}");
    xml.replacen(from, to, 1)
}

/// The content of the control tagged `tag`, from `<w:sdtContent>` to its end.
pub(super) fn content_of(xml: &str, tag: &str) -> (usize, usize) {
    let at = xml.find(&format!("<w:tag w:val=\"{tag}\"/>")).expect(tag);
    let start = at + xml[at..].find("<w:sdtContent>").unwrap() + "<w:sdtContent>".len();
    let end = start + xml[start..].find("</w:sdtContent>").unwrap();
    (start, end)
}

const MAVIS: &str = "build-report:observation:observations/02-mavis.md";
const HCSO: &str = "build-report:observation:observations/01-hcso.md";

/// How Word stores typing over the placeholder: the prompt gone, the text in several
/// runs with revision ids, proofing marks and a bookmark, and a list.
fn typed_in_word(xml: String) -> String {
    let (start, end) = content_of(&xml, MAVIS);
    let typed = concat!(
        r#"<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:pStyle w:val="TableText"/></w:pPr>"#,
        r#"<w:r w:rsidR="00A1B2C3"><w:t xml:space="preserve">A MAVIS </w:t></w:r><w:proofErr w:type="spellStart"/>"#,
        r#"<w:r w:rsidR="00A1B2C3"><w:t>rep</w:t></w:r><w:r w:rsidRPr="00F00D00"><w:t xml:space="preserve">ort </w:t></w:r>"#,
        r#"<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>"#,
        r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>is</w:t></w:r><w:r><w:t xml:space="preserve"> needed &amp; </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:i/></w:rPr><w:t>only</w:t></w:r><w:r><w:t xml:space="preserve"> for high risk.</w:t></w:r></w:p>"#,
        r#"<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>First step</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>Nested *star* step</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>1. Done</w:t></w:r><w:r><w:tab/><w:t>today.</w:t></w:r></w:p>"#,
    );
    let xml = format!("{}{typed}{}", &xml[..start], &xml[end..]);
    once(
        &xml,
        &format!("<w:tag w:val=\"{MAVIS}\"/><w:lock w:val=\"sdtLocked\"/><w:showingPlcHdr/>"),
        &format!("<w:tag w:val=\"{MAVIS}\"/><w:lock w:val=\"sdtLocked\"/>"),
    )
}

const MAVIS_AFTER: &str = "---\r\nthemes: [mavis-low-risk]\r\nstatus: responded  # until the force replies\r\n---\r\nMembers queried whether a MAVIS report is needed for low-risk cases.\r\n\r\n## Force response\r\n\r\nA MAVIS report **is** needed & *only* for high risk.\r\n\r\n- First step\r\n  - Nested \\*star\\* step\r\n\r\n1\\. Done today.\r\n";

#[test]
fn a_response_typed_in_word_is_written_into_its_file_and_nothing_else_changes() {
    let t = built();
    let hcso = fs::read(t.path().join("observations/01-hcso.md")).unwrap();
    let docx = returned(&t, typed_in_word);
    let result = t.run(&["responses", &docx, "{dir}"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stderr.is_empty(), "{}", result.stderr);
    assert_eq!(
        result.stdout,
        "observations/01-hcso.md: response unchanged\n\
         observations/02-mavis.md: response added (4 paragraphs); awaiting-response → responded\n\
         1 file written\n"
    );
    assert_eq!(t.read("observations/02-mavis.md"), MAVIS_AFTER);
    assert_eq!(
        fs::read(t.path().join("observations/01-hcso.md")).unwrap(),
        hcso
    );
    // The report reads the response back as the force wrote it.
    let check = t.run(&["build", "{dir}", "--format", "json,docx"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let json = t.read("output/report.json");
    assert!(
        json.contains("A MAVIS report is needed & only for high risk."),
        "{json}"
    );
    assert!(json.contains("Nested *star* step"), "{json}");
    tools::assert_schema_valid(&t.path().join("output/report.docx"));
    // A second run, and a run on the rebuilt report, change nothing.
    let before = read_dir_bytes(&t.path().join("observations"));
    let again = t.run(&["responses", &docx, "{dir}"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.ends_with("0 files written\n"),
        "{}",
        again.stdout
    );
    let rebuilt = t.run(&["responses", "{dir}/output/report.docx", "{dir}"]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    assert!(rebuilt.stderr.is_empty(), "{}", rebuilt.stderr);
    assert_eq!(
        rebuilt.stdout,
        "observations/01-hcso.md: response unchanged\n\
         observations/02-mavis.md: response unchanged\n\
         0 files written\n"
    );
    assert_eq!(read_dir_bytes(&t.path().join("observations")), before);
}

/// How Word stores an answer made with Track Changes on: the old response deleted and a
/// new one inserted, a sentence moved, and a deletion in the panel's own text.
fn tracked_in_word(xml: String) -> String {
    let (start, end) = content_of(&xml, HCSO);
    let tracked = concat!(
        r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Feedback noted; </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="Force" w:date="2024-02-01T10:00:00Z"><w:r><w:delText>performance is measured in the audit regime.</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="Force" w:date="2024-02-01T10:00:00Z"><w:r><w:t xml:space="preserve">contact is </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>now</w:t></w:r><w:r><w:t xml:space="preserve"> audited weekly.</w:t></w:r></w:ins></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:moveFrom w:id="3" w:author="Force"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:moveTo w:id="4" w:author="Force"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> On 1 February.</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    );
    let xml = format!("{}{tracked}{}", &xml[..start], &xml[end..]);
    once(
        &xml,
        r#"<w:t xml:space="preserve">HCSO contact was not always made within 48 hours.</w:t></w:r>"#,
        r#"<w:t xml:space="preserve">HCSO contact was not always made</w:t></w:r><w:del w:id="5" w:author="Force"><w:r><w:delText xml:space="preserve"> within 48 hours</w:delText></w:r></w:del><w:ins w:id="6" w:author="Force"><w:r><w:t xml:space="preserve"> in time</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>"#,
    )
}

#[test]
fn tracked_changes_are_accepted_and_a_change_to_the_panel_s_text_is_a_warning() {
    let t = built();
    let docx = returned(&t, tracked_in_word);
    let result = t.run(&["responses", &docx, "{dir}"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stdout,
        "observations/01-hcso.md: response replaced (2 paragraphs)\n\
         observations/02-mavis.md: no response yet\n\
         1 file written\n"
    );
    assert!(
        result.stderr.contains(
            "observations/01-hcso.md:1:1: warning: the returned document changes the panel's observation; the panel's text is kept"
        ),
        "{}",
        result.stderr
    );
    assert!(
        result
            .stderr
            .contains("the panel's text: HCSO contact was not always made within 48 hours."),
        "{}",
        result.stderr
    );
    assert!(
        result
            .stderr
            .contains("the document's text: HCSO contact was not always made in time."),
        "{}",
        result.stderr
    );
    assert_eq!(
        t.read("observations/01-hcso.md"),
        "---\norder: 1\nthemes: [late-hcso-contact]\nstatus: responded\n---\n## Observation\nHCSO contact was not always made within 48 hours.\n\n## Force response\n\nFeedback noted; contact is **now** audited weekly.\n\nMoved here. On 1 February.\n"
    );
    // The awaited observation is as it was, its status too.
    assert!(
        t.read("observations/02-mavis.md")
            .contains("status: awaiting-response")
    );
}

#[test]
fn a_dry_run_shows_the_change_and_writes_nothing() {
    let t = built();
    let docx = returned(&t, typed_in_word);
    let before = read_dir_bytes(&t.path().join("observations"));
    let result = t.run(&["responses", &docx, "{dir}", "--dry-run"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(read_dir_bytes(&t.path().join("observations")), before);
    for line in [
        "observations/02-mavis.md: response added (4 paragraphs); awaiting-response → responded",
        "--- observations/02-mavis.md\n+++ observations/02-mavis.md\n@@ -1,5 +1,14 @@\n ---\n themes: [mavis-low-risk]\n-status: awaiting-response  # until the force replies\n+status: responded  # until the force replies\n ---\n",
        "\n+## Force response\n+\n+A MAVIS report **is** needed & *only* for high risk.\n",
        "--dry-run: nothing was written\n",
    ] {
        assert!(result.stdout.contains(line), "{line}\n{}", result.stdout);
    }
}

#[test]
fn a_document_build_report_did_not_write_is_refused() {
    let t = built();
    let before = read_dir_bytes(&t.path().join("observations"));
    let foreign = t.path().join("foreign.docx");
    let document = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:sdt><w:sdtPr><w:tag w:val="other"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:sdtContent></w:sdt></w:body></w:document>"#;
    fs::write(
        &foreign,
        zip(&[("word/document.xml".into(), document.as_bytes().to_vec())]),
    )
    .unwrap();
    let result = t.run(&["responses", s(&foreign), "{dir}"]);
    assert_eq!(result.code, 1);
    assert!(
        result
            .stderr
            .contains("foreign.docx: this document was not written by build-report"),
        "{}",
        result.stderr
    );
    let text = t.path().join("notes.docx");
    fs::write(&text, "not a zip at all").unwrap();
    let result = t.run(&["responses", s(&text), "{dir}"]);
    assert_eq!(result.code, 1);
    assert!(
        result.stderr.contains("it is not a zip package"),
        "{}",
        result.stderr
    );
    let bomb = t.path().join("bomb.docx");
    let zeros = vec![b'<'; 65 * 1024 * 1024];
    fs::write(&bomb, zip(&[("word/document.xml".into(), zeros)])).unwrap();
    let result = t.run(&["responses", s(&bomb), "{dir}"]);
    assert_eq!(result.code, 1);
    assert!(
        result.stderr.contains("larger than 64 MiB"),
        "{}",
        result.stderr
    );
    let missing = t.run(&["responses", "{dir}/no-such.docx", "{dir}"]);
    assert_eq!(missing.code, 2);
    assert_eq!(read_dir_bytes(&t.path().join("observations")), before);
}

#[test]
fn a_tag_naming_a_file_outside_the_observations_or_one_gone_is_a_warning() {
    let t = built();
    let docx = returned(&t, |xml| {
        once(
            &typed_in_word(xml),
            &format!("<w:tag w:val=\"{MAVIS}\"/>"),
            "<w:tag w:val=\"build-report:observation:observations/../report.yaml\"/>",
        )
        // The bookmarks, which would still find the files, now name none: each is a
        // warning of its own.
        .replace("w:name=\"_BrResp_", "w:name=\"_BrResp_0")
    });
    fs::remove_file(t.path().join("observations/01-hcso.md")).unwrap();
    let report = t.read("report.yaml");
    let result = t.run(&["responses", &docx, "{dir}"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stderr.contains("observations/01-hcso.md:1:1: warning: the document has a response for this observation, but the file is gone"),
        "{}",
        result.stderr
    );
    assert_eq!(
        result
            .stderr
            .matches("response for an observation whose file is gone")
            .count(),
        2,
        "{}",
        result.stderr
    );
    assert!(
        result
            .stderr
            .contains("which is not an observation file; it is passed over"),
        "{}",
        result.stderr
    );
    assert_eq!(result.stdout, "0 files written\n");
    assert_eq!(t.read("report.yaml"), report);
}

/// LibreOffice drops the controls' tags when it saves a .docx (7.4 does), so the rows
/// are then matched by the bookmarks in their cells.
#[test]
fn a_report_saved_by_libreoffice_is_matched_by_its_bookmarks() {
    if !tools::require("soffice") {
        return;
    }
    let t = built();
    let saved = t.path().join("saved");
    let profile = t.path().join("profile");
    let converted = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", s(&profile)))
        .args(["--headless", "--convert-to", "docx", "--outdir", s(&saved)])
        .arg(t.path().join("output/report.docx"))
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let saved = saved.join("report.docx");
    let xml = parts(&saved)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .unwrap();
    assert!(
        !xml.contains(MAVIS),
        "LibreOffice now keeps the tags: say so in README"
    );
    let result = t.run(&["responses", s(&saved), "{dir}"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stderr.is_empty(), "{}", result.stderr);
    assert_eq!(
        result.stdout,
        "observations/01-hcso.md: response unchanged\n\
         observations/02-mavis.md: no response yet\n\
         0 files written\n"
    );
    // Typing over the prompt, which LibreOffice keeps as plain text.
    let mut files = parts(&saved);
    for (name, bytes) in &mut files {
        if name == "word/document.xml" {
            let xml = String::from_utf8(std::mem::take(bytes)).unwrap();
            *bytes = once(&xml, "Force response to be added", "Typed in LibreOffice.").into_bytes();
        }
    }
    fs::write(&saved, zip(&files)).unwrap();
    let result = t.run(&["responses", s(&saved), "{dir}"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.contains(
            "observations/02-mavis.md: response added (1 paragraph); awaiting-response → responded"
        ),
        "{}",
        result.stdout
    );
    assert!(
        t.read("observations/02-mavis.md")
            .ends_with("low-risk cases.\r\n\r\n## Force response\r\n\r\nTyped in LibreOffice.\r\n")
    );
}

#[test]
fn an_archive_is_refused_but_its_meeting_is_taken_back() {
    let t = Report::new()
        .file("panel.yaml", "title: Panel\n")
        .file(
            "2023-06/report.yaml",
            "title: June\nmeeting_date: 2023-06-14\n",
        )
        .case_in("2023-06", 1, "", "- A point.\n")
        .file(
            "2023-06/observations/01-late.md",
            "---\nstatus: awaiting-response\n---\nContact was late.\n",
        );
    let out = t.path().join("built");
    let build = t.run(&[
        "build",
        "{dir}/2023-06",
        "--format",
        "docx",
        "--out",
        s(&out),
    ]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let docx = out.join("report.docx");
    let root = t.run(&["responses", s(&docx), "{dir}"]);
    assert_eq!(root.code, 2);
    assert!(
        root.stderr
            .contains("is an archive; give the folder of the meeting"),
        "{}",
        root.stderr
    );
    let meeting = t.run(&["responses", s(&docx), "{dir}/2023-06"]);
    assert_eq!(meeting.code, 0, "{}", meeting.stderr);
    assert_eq!(
        meeting.stdout,
        "observations/01-late.md: no response yet\n0 files written\n"
    );
}
