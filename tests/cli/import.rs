//! `build-report import`: the reference report's text export round trip, Word documents
//! built here from Word's own structures, the refusal to overwrite, and bad documents.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use super::{run, s};

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/hate-crime-qap-2021-09.txt"
);

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Imports `file` into a new folder and builds its JSON, both of which must succeed.
fn import_and_build(file: &Path) -> (tempfile::TempDir, super::Run, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("report");
    let imported = run(&["import", s(file), "--into", s(&dir)]);
    assert_eq!(imported.code, 0, "{}{}", imported.stdout, imported.stderr);
    let out = tmp.path().join("out");
    let built = run(&["build", s(&dir), "--out", s(&out), "--format", "json,html"]);
    assert_eq!(built.code, 0, "{}{}", built.stdout, built.stderr);
    assert!(!built.stderr.contains("error:"), "{}", built.stderr);
    let report = json(&out.join("report.json"));
    (tmp, imported, report)
}

fn texts(values: &serde_json::Value, key: &str) -> Vec<String> {
    values
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v[key].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_reference_report_round_trips_with_every_point_word_for_word() {
    let reference = Path::new(REFERENCE);
    if !reference.exists() {
        eprintln!("SKIPPED in import::reference: the reference report is not at {REFERENCE}");
        return;
    }
    let (tmp, imported, report) = import_and_build(reference);
    assert!(
        imported.stdout.contains("Cases: 15 (1–9, 11–16)"),
        "{}",
        imported.stdout
    );
    assert!(
        imported
            .stdout
            .contains("Observations: 5 (5 with the force's response)")
    );
    assert!(imported.stdout.contains("Closing remarks: 1 paragraph"));
    assert!(
        imported.stderr.contains("hate-crime-qap-2021-09.txt:126:1: warning: Case 10 is missing between 9 and 11; its points may be among Case 9's (lines 119–132)"),
        "{}",
        imported.stderr
    );
    assert_eq!(report["meeting_date"], "2021-09-29");
    let mut points: Vec<String> = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| texts(&c["feedback"], "text"))
        .collect();
    points.extend(
        report["summary"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().or(p["text"].as_str()).map(str::to_string)),
    );
    let source = fs::read_to_string(reference).unwrap();
    let mut bullets = 0;
    for line in source.lines() {
        let Some(point) = line.trim().strip_prefix('·') else {
            continue;
        };
        bullets += 1;
        let point = point.trim();
        assert!(
            points.iter().any(|p| p == point),
            "not in report.json word for word: {point}"
        );
    }
    assert_eq!(bullets, 113);
    let observations = report["observations"].as_array().unwrap();
    assert_eq!(observations.len(), 5);
    assert_eq!(
        observations[0]["text"],
        "Members queried whether a MAVIS report should be created for cases that are deemed as low risk."
    );
    assert!(
        observations
            .iter()
            .all(|o| o["response"].as_str().is_some_and(|r| !r.is_empty()))
    );
    assert!(
        observations[4]["response"]
            .as_str()
            .unwrap()
            .contains("Since the review undertaken by the Panel I have created a podcast")
    );
    let html = fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    assert!(html.contains("I am very grateful to the Quality Assurance Panel"));
}

#[test]
fn an_occupied_folder_is_refused_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("old.txt");
    fs::write(
        &file,
        "Panel report\n1.0 Background\nText.\nCase 1\n• A point.\n",
    )
    .unwrap();
    let dir = tmp.path().join("taken");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("notes.md"), "mine").unwrap();
    let refused = run(&["import", s(&file), "--into", s(&dir)]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("exists and is not empty"),
        "{}",
        refused.stderr
    );
    assert!(!dir.join("report.yaml").exists());
    let forced = run(&["import", s(&file), "--into", s(&dir), "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(fs::read_to_string(dir.join("notes.md")).unwrap(), "mine");
    assert!(dir.join("cases/case-01.md").exists());
}

#[test]
fn the_folder_is_named_after_the_file_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("june.md"), "# June meeting\n\n## Background\n\nMet on 3 June 2024.\n\n## Case 1: Theft\n\n- A point.\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(["import", "june.md"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let case = fs::read_to_string(tmp.path().join("june/cases/case-01.md")).unwrap();
    assert_eq!(case, "---\ncase: 1\ntitle: \"Theft\"\n---\n\n- A point.\n");
    let yaml = fs::read_to_string(tmp.path().join("june/report.yaml")).unwrap();
    assert!(
        yaml.contains("title: \"June meeting\"\nmeeting_date: 2024-06-03\n"),
        "{yaml}"
    );
    assert!(yaml.contains("left to the panel"));
}

#[test]
fn a_file_import_does_not_read_is_wrong_usage() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("report.pdf");
    fs::write(&file, "%PDF").unwrap();
    let refused = run(&["import", s(&file)]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("not a file import reads"),
        "{}",
        refused.stderr
    );
    let missing = run(&["import", s(&tmp.path().join("none.docx"))]);
    assert_eq!(missing.code, 2);
}

// ----- Word documents, made here from Word's own structures -----

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="CaseHeading"><w:name w:val="Case Heading"/><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/guidance?a=1&amp;b=2" TargetMode="External"/>
</Relationships>"#;

fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{style}{runs}</w:p>")
}

fn run_text(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn bullet(num: u8, level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        run_text(text)
    )
}

fn cell(content: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A .docx package of `parts`, as Word writes them (deflated).
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn word(body: &str) -> Vec<u8> {
    package(&[
        (
            "[Content_Types].xml",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", &document(body)),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/_rels/document.xml.rels", RELS),
    ])
}

/// A meeting's report as Word stores it: styles, lists, a merged table, tracked changes,
/// fields and a hyperlink.
fn meeting() -> Vec<u8> {
    let field = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "d MMMM yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>29 September 2021</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    let header = format!(
        "<w:tr>{}{}</w:tr>",
        cell(&p("", &run_text("Observations")), ""),
        cell(&p("", &run_text("Force Response")), "")
    );
    let row_a = format!(
        "<w:tr>{}{}</w:tr>",
        cell(
            &p("", &run_text("Members queried the MAVIS reports.")),
            r#"<w:vMerge w:val="restart"/>"#
        ),
        cell(&p("", &run_text("A MAVIS is not needed for low risk.")), "")
    );
    let row_a2 = format!(
        "<w:tr>{}{}</w:tr>",
        cell("<w:p/>", "<w:vMerge/>"),
        cell(&p("", &run_text("Supervisors will check this.")), "")
    );
    let row_b = format!(
        "<w:tr>{}{}</w:tr>",
        cell(&p("", &run_text("Contact was late &amp; slow.")), ""),
        cell(
            "<w:p><w:ins w:id=\"1\" w:author=\"Force\"><w:r><w:t>Noted; HCSOs are reminded.</w:t></w:r></w:ins><w:del w:id=\"2\" w:author=\"Force\"><w:r><w:delText>Disputed.</w:delText></w:r></w:del></w:p>",
            ""
        )
    );
    let spanned = format!(
        "<w:tr>{}</w:tr>",
        cell(
            &p("", &run_text("Responses received in October.")),
            r#"<w:gridSpan w:val="2"/>"#
        )
    );
    let body = [
        p("Title", &run_text("Hate Crime Scrutiny Panel")),
        p("", &format!("{}{field}", run_text("Meeting of "))),
        p("Heading1", &run_text("1.0 Background")),
        p("", &format!(r#"{}<w:hyperlink r:id="rId9"><w:r><w:t>the guidance</w:t></w:r></w:hyperlink>{}"#, run_text("Members read "), run_text("."))),
        p("", r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t>Page 1</w:t></w:r></w:fldSimple>"#),
        p("Heading1", &run_text("2.0 Cases")),
        p("CaseHeading", &run_text("Case 1 – Theft")),
        bullet(1, 0, "Risk was identified."),
        bullet(1, 1, "A nested point."),
        p("", r#"<w:r><w:t xml:space="preserve">The victim was </w:t></w:r><w:ins w:id="3" w:author="A"><w:r><w:t>kept informed</w:t></w:r></w:ins><w:del w:id="4" w:author="A"><w:r><w:delText>ignored</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r>"#,
        ),
        p("Heading2", &run_text("Case 2")),
        bullet(2, 0, "A numbered point *with stars*."),
        p("Heading1", &run_text("3.0 Summary")),
        bullet(1, 0, "Contact was not always within 48 hours."),
        p("Heading1", &run_text("4.0 Observations")),
        format!(r#"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{header}{row_a}{row_a2}{row_b}{spanned}</w:tbl>"#),
        p("", &run_text("Thank you to the panel.")),
    ]
    .concat();
    word(&body)
}

/// Writes `bytes` as a .docx in `tmp`, and, when `DOCX_CORPUS` names a folder, copies it
/// there too (when small), for the fuzzer's corpus.
fn docx_file(tmp: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = tmp.join(name);
    fs::write(&path, bytes).unwrap();
    if let Some(corpus) = std::env::var_os("DOCX_CORPUS").filter(|_| bytes.len() < 65_536) {
        fs::write(Path::new(&corpus).join(name), bytes).unwrap();
    }
    path
}

#[test]
fn a_word_document_imports_with_its_headings_lists_table_and_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "meeting.docx", &meeting());
    let (out, imported, report) = import_and_build(&file);
    assert!(
        imported.stderr.contains(
            "meeting.docx:10:1: warning: the document has tracked changes; they were accepted"
        ),
        "{}",
        imported.stderr
    );
    assert!(
        imported.stdout.contains("Cases: 2 (1–2), 4 points"),
        "{}",
        imported.stdout
    );
    assert_eq!(report["title"], "Hate Crime Scrutiny Panel");
    assert_eq!(report["meeting_date"], "2021-09-29");
    let dir = out.path().join("report");
    let case = fs::read_to_string(dir.join("cases/case-01.md")).unwrap();
    assert_eq!(
        case,
        "---\ncase: 1\ntitle: \"Theft\"\n---\n\n- Risk was identified.\n  - A nested point.\n- The victim was kept informed.\n"
    );
    let case2 = fs::read_to_string(dir.join("cases/case-02.md")).unwrap();
    assert!(
        case2.contains(r"- A numbered point \*with stars\*."),
        "{case2}"
    );
    let background = fs::read_to_string(dir.join("background.md")).unwrap();
    assert_eq!(
        background,
        "Meeting of 29 September 2021\n\nMembers read [the guidance](https://example.org/guidance?a=1&b=2).\n\nPage 1\n"
    );
    let observations = report["observations"].as_array().unwrap();
    assert_eq!(
        texts(&report["observations"], "text"),
        [
            "Members queried the MAVIS reports.",
            "Contact was late & slow.",
            "Responses received in October.",
        ]
    );
    assert_eq!(
        observations[0]["response"],
        "A MAVIS is not needed for low risk.\n\nSupervisors will check this."
    );
    assert_eq!(observations[1]["response"], "Noted; HCSOs are reminded.");
    let closing = fs::read_to_string(dir.join("closing.md")).unwrap();
    assert_eq!(closing, "Thank you to the panel.\n");
    let points: Vec<String> = report["cases"][1]["feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(points, ["A numbered point *with stars*."]);
}

#[test]
fn a_word_document_without_styles_still_has_its_headings_by_style_id() {
    let body = [
        p("Heading1", &run_text("Background")),
        p("", &run_text("Held on 2022-03-04.")),
        p("Heading3", &run_text("Case 4:")),
        p("", &run_text("A point of its own.")),
    ]
    .concat();
    let bytes = package(&[("word/document.xml", &document(&body))]);
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "plain.docx", &bytes);
    let (_out, imported, report) = import_and_build(&file);
    assert!(
        imported.stderr.contains("no title found"),
        "{}",
        imported.stderr
    );
    assert_eq!(report["meeting_date"], "2022-03-04");
    assert_eq!(report["cases"][0]["case"], 4);
    assert_eq!(
        report["cases"][0]["feedback"][0]["text"],
        "A point of its own."
    );
}

/// Runs import on `bytes` as a .docx; it must be refused (exit 1) with `message`, fast.
fn refused(name: &str, bytes: &[u8], message: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), name, bytes);
    let dir = tmp.path().join("out");
    let started = Instant::now();
    let result = run(&["import", s(&file), "--into", s(&dir)]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(result.code, 1, "{}{}", result.stdout, result.stderr);
    assert!(result.stderr.contains(message), "{}", result.stderr);
    assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
    assert!(!dir.exists(), "nothing is written for a refused document");
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    refused(
        "text.docx",
        b"Case 1\n- not a package\n",
        "a .docx is a zip package, and this file is not one",
    );
}

#[test]
fn a_zip_without_a_document_is_refused() {
    let bytes = package(&[("word/styles.xml", STYLES)]);
    refused("empty.docx", &bytes, "the package has no word/document.xml");
}

#[test]
fn deeply_nested_xml_is_refused() {
    let depth = 100_000;
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}{}</w:body></w:document>"#,
        "<w:sdt>".repeat(depth),
        "</w:sdt>".repeat(depth)
    );
    refused(
        "deep.docx",
        &package(&[("word/document.xml", &xml)]),
        "nests its elements more than 256 deep",
    );
}

#[test]
fn a_zip_bomb_is_refused() {
    refused("bomb.docx", &bomb(), "unpack to more than 64 MiB");
}

#[test]
fn a_zip_bomb_whose_header_understates_its_size_is_still_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "liar.docx", &bomb_claiming(10 << 20));
    let started = Instant::now();
    let result = run(&["import", s(&file), "--into", s(&tmp.path().join("out"))]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(result.code, 1, "{}{}", result.stdout, result.stderr);
    assert!(
        result.stderr.contains("could not unpack word/document.xml"),
        "{}",
        result.stderr
    );
}

#[test]
fn broken_xml_is_refused_with_where() {
    let bytes = package(&[(
        "word/document.xml",
        "<w:document><w:body><w:p><w:t>a</w:body",
    )]);
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "broken.docx", &bytes);
    let result = run(&["import", s(&file), "--into", s(&tmp.path().join("out"))]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("word/document.xml is not well-formed XML (at byte 31)"),
        "{}",
        result.stderr
    );
}

/// A package whose document.xml inflates to 80 MiB of spaces while its headers claim 1 GiB.
fn bomb() -> Vec<u8> {
    bomb_claiming(1 << 30)
}

/// A package whose document.xml is a deflate stream of 80 MiB of spaces, more than the
/// reader's budget, made of fixed-Huffman codes written by hand so that the test neither
/// compresses nor holds that much: one literal, then matches of 258 bytes at distance 1,
/// 13 bits each. Its headers claim `claim` bytes.
fn bomb_claiming(claim: u64) -> Vec<u8> {
    const SIZE: u64 = 80 << 20;
    let mut bits = BitWriter::default();
    bits.put(1, 1); // the last block
    bits.put(0b01, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(b' '), 8); // the literal ' ', whose code is 0x30 + byte
    let mut written = 1u64;
    while written + 258 <= SIZE {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        written += 258;
    }
    bits.code(0, 7); // end of block (code 256)
    raw_zip("word/document.xml", &bits.finish(), claim)
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    current: u32,
    used: u32,
}

impl BitWriter {
    /// Puts `n` bits of `value`, least significant first (deflate's header fields).
    fn put(&mut self, value: u32, n: u32) {
        for i in 0..n {
            self.current |= ((value >> i) & 1) << self.used;
            self.used += 1;
            if self.used == 8 {
                self.bytes.push(self.current as u8);
                self.current = 0;
                self.used = 0;
            }
        }
    }

    /// Puts a Huffman code of `n` bits, most significant first.
    fn code(&mut self, code: u32, n: u32) {
        for i in (0..n).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.bytes.push(self.current as u8);
        }
        self.bytes
    }
}

/// A zip of one deflated entry, written by hand so that its sizes can be anything.
fn raw_zip(name: &str, data: &[u8], size: u64) -> Vec<u8> {
    let size = u32::try_from(size.min(u64::from(u32::MAX))).unwrap();
    let compressed = u32::try_from(data.len()).unwrap();
    let name_len = u16::try_from(name.len()).unwrap();
    let mut out = Vec::new();
    let common = |out: &mut Vec<u8>| {
        out.extend(8u16.to_le_bytes()); // deflate
        out.extend(0u16.to_le_bytes()); // time
        out.extend(0x21u16.to_le_bytes()); // date: 1980-01-01
        out.extend(0u32.to_le_bytes()); // crc, never reached
        out.extend(compressed.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra field
    };
    out.extend(0x0403_4b50u32.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    common(&mut out);
    out.extend(name.as_bytes());
    out.extend(data);
    let directory = out.len();
    out.extend(0x0201_4b50u32.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(20u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    common(&mut out);
    out.extend(0u16.to_le_bytes()); // comment
    out.extend(0u16.to_le_bytes()); // disk
    out.extend(0u16.to_le_bytes()); // internal attributes
    out.extend(0u32.to_le_bytes()); // external attributes
    out.extend(0u32.to_le_bytes()); // local header at 0
    out.extend(name.as_bytes());
    let directory_len = u32::try_from(out.len() - directory).unwrap();
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend(1u16.to_le_bytes());
    out.extend(directory_len.to_le_bytes());
    out.extend(u32::try_from(directory).unwrap().to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
