//! `build-report import` of Word documents made here from Word's own structures (styles,
//! numbering, merged tables, tracked changes, fields, links). Bad documents are in
//! `import_hostile`, which builds its packages with the helpers here.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use super::import::{import_and_build, texts};

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(super) const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
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

pub(super) fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{style}{runs}</w:p>")
}

pub(super) fn run_text(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn bullet(num: u8, level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        run_text(text)
    )
}

pub(super) fn cell(content: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

pub(super) fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A .docx package of `parts`, as Word writes them (deflated).
pub(super) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

pub(super) fn word(body: &str) -> Vec<u8> {
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
pub(super) fn docx_file(tmp: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
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
fn the_text_of_a_text_box_is_kept_once() {
    let boxed = r#"<w:p><w:r><w:t xml:space="preserve">Before the box. </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:posOffset>914400</wp:posOffset></wp:positionH><wp:docPr id="1" name="Text Box 1" descr="a box"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Members asked for the box to be kept.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Members asked for the box to be kept.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let body = format!(
        "{}{}{boxed}{}{}",
        p("Title", &run_text("Hate Crime Scrutiny Panel")),
        p("Heading1", &run_text("1.0 Background")),
        p("Heading1", &run_text("2.0 Cases")),
        p("Heading2", &run_text("Case 1")) + &bullet(1, 0, "A point.")
    );
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "boxed.docx", &word(&body));
    let (out, _, _) = import_and_build(&file);
    let background = fs::read_to_string(out.path().join("report/background.md")).unwrap();
    assert_eq!(
        background
            .matches("Members asked for the box to be kept.")
            .count(),
        1,
        "{background}"
    );
    assert!(!background.contains("914400"), "{background}");
    assert!(background.contains("Before the box."), "{background}");
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
