//! A check answered with its words (`{answer: partial, note: ...}`), through the real
//! binary: the note is beside its answer and marked in the checklist matrix in every
//! format, in the workbook and report.json, in a translation's words in that version, and
//! a note without an answer stops the build at its place.

use std::fs;

use serde_json::Value;

use super::builder::Report;
use super::docx::{paragraphs, unzip};
use super::pdf::body_text;
use super::sample::visible_text;
use super::tools::{require, require_openpyxl};
use super::xlsx::sheet_rows;

const REPORT: &str = "title: Stop and search\nmeeting_date: 2025-02-12\nchecks:\n  gowisely: GOWISELY\n  bwv_on: Body-worn video on\n";
const NOTE: &str = "No mention that he was being detained";

fn folder() -> Report {
    Report::new()
        .file("report.yaml", REPORT)
        .case(
            1,
            &format!("checks:\n  gowisely: {{answer: partial, note: \"{NOTE}\"}}\n  bwv_on: yes\n"),
            "- Grounds were given.\n",
        )
        .case(2, "checks:\n  gowisely: no\n", "- Grounds were thin.\n")
}

fn built(t: &Report) {
    let run = t.run(&["build", "--format", "html,docx,pdf,xlsx,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_note_is_beside_its_answer_and_under_the_matrix_in_html_and_json() {
    let t = folder();
    built(&t);
    let html = t.read("output/report.html");
    let page = visible_text(&html);
    assert!(
        page.contains(&format!("GOWISELY Partly – {NOTE}")),
        "{page}"
    );
    assert!(
        page.contains(&format!("Case 1, GOWISELY : {NOTE}")),
        "{page}"
    );
    assert!(
        html.contains(
            r##"<td class="a-partial">Partly<sup><a href="#check-note-1">1</a></sup></td>"##
        ),
        "{html}"
    );
    assert_eq!(
        html.matches("<sup>").count(),
        1,
        "only the noted cell is marked"
    );
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let cases = &json["cases"];
    assert_eq!(cases[0]["checks"]["gowisely"], "partial");
    assert_eq!(
        cases[0]["check_notes"],
        serde_json::json!({ "gowisely": NOTE })
    );
    assert!(cases[1].get("check_notes").is_none(), "{}", cases[1]);
    // The answer counts as any other.
    assert_eq!(json["checks"][0]["answers"]["partial"], 1);
}

#[test]
fn a_note_is_in_the_word_document_the_pdf_and_the_workbook() {
    let t = folder();
    built(&t);
    super::tools::assert_schema_valid(&t.path().join("output/report.docx"));
    let docx = fs::read(t.path().join("output/report.docx")).unwrap();
    let texts: Vec<String> = paragraphs(&unzip(&docx)["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(
        texts
            .iter()
            .any(|p| p.contains(&format!("GOWISELY: Partly – {NOTE}"))),
        "{texts:#?}"
    );
    assert!(texts.iter().any(|p| p == "Partly¹"), "{texts:#?}");
    assert!(
        texts
            .iter()
            .any(|p| p == &format!("¹ Case 1, GOWISELY: {NOTE}")),
        "{texts:#?}"
    );
    if require("pdftotext") {
        let text = body_text(&t.path().join("output/report.pdf"), None);
        // The note has a row of its own under its answer.
        assert!(
            text.contains(&format!("GOWISELY {NOTE} Body-worn video on")),
            "{text}"
        );
        assert!(
            text.contains(&format!("1 Case 1, GOWISELY: {NOTE}")),
            "{text}"
        );
    }
    if require_openpyxl() {
        let rows = sheet_rows(&t.path().join("output/report.xlsx"), "Cases");
        let header: Vec<&str> = rows[0]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let at = header.iter().position(|h| *h == "GOWISELY").unwrap();
        assert_eq!(header[at + 1], "GOWISELY: note", "{header:?}");
        assert_eq!(header[at + 2], "Body-worn video on", "{header:?}");
        assert_eq!(rows[1][at], "Partly");
        assert_eq!(rows[1][at + 1], NOTE);
        assert_eq!(rows[2][at + 1], Value::Null);
    }
}

#[test]
fn a_translation_gives_the_note_in_its_language() {
    let t = folder()
        .append("report.yaml", "languages: [en, cy]")
        .file(
            "cases/case-01.cy.md",
            "---\nchecks:\n  gowisely: {note: \"Dim sôn ei fod yn cael ei gadw\"}\n---\n- Rhoddwyd sail.\n",
        );
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cy = visible_text(&t.read("output/report.cy.html"));
    assert!(cy.contains("Dim sôn ei fod yn cael ei gadw"), "{cy}");
    assert!(!cy.contains(NOTE), "{cy}");
    let en = visible_text(&t.read("output/report.en.html"));
    assert!(en.contains(NOTE), "{en}");
}

#[test]
fn a_translation_gives_no_answer_and_no_note_the_plain_file_lacks() {
    let t = folder().append("report.yaml", "languages: [en, cy]").file(
        "cases/case-02.cy.md",
        "---\nchecks:\n  gowisely: {answer: yes, note: Tenau}\n---\n- Sail denau.\n",
    );
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cases/case-02.cy.md:3:14: warning: `answer` is not read from a translation"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("cases/case-02.cy.md:3:3: warning: cases/case-02.md gives no note on `gowisely`, so this one is not shown"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_note_without_an_answer_stops_the_build_at_its_place() {
    let t = Report::new().file("report.yaml", REPORT).case(
        1,
        "checks:\n  gowisely: {note: late}\n",
        "- Seen.\n",
    );
    let run = t.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cases/case-01.md:4:13: error: the note on `gowisely` has no answer"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a note alone would not count"),
        "{}",
        run.stderr
    );
}
