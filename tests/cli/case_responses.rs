//! The force's answer on a case (`response_headings:`), through the real binary: shown
//! apart after the panel's points in every format, never evidence for a theme, not linted
//! as points, scanned for personal data, and taken back from report.docx by `responses`.

use std::fs;

use serde_json::Value;

use super::builder::Report;
use super::docx::{paragraphs, unzip};
use super::pdf::body_text;
use super::responses::{content_of, once, returned};
use super::sample::visible_text;
use super::tools::{assert_schema_valid, require, require_openpyxl};
use super::xlsx::sheet_rows;

const RESPONSE: &str =
    "The force accepts that the grounds were not clear, and the officer was courteous.";

fn fixture() -> Report {
    Report::copy("response-headings")
}

#[test]
fn the_response_counts_toward_no_theme_and_is_no_point() {
    let t = fixture();
    let run = t.run(&["build", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let courteous = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "courteous")
        .unwrap();
    // "courteous" is only in the force's words, which are no evidence.
    assert_eq!(courteous["count"], 0, "{courteous}");
    // Case 1 has one point of the panel's; the force's two list items are not points.
    assert_eq!(json["cases"][0]["points"], 1, "{}", json["cases"][0]);
}

#[test]
fn a_response_point_is_not_linted_as_feedback() {
    let t = fixture().append(
        "cases/case-01.md",
        "-\n- Something the force said about CAD-1234/2021.\n",
    );
    let run = t.run(&["check"]);
    assert!(
        !run.stderr.contains("this point is empty"),
        "{}",
        run.stderr
    );
    // The force's words are published, so they are scanned like the rest.
    assert!(
        run.stderr.contains("cases/case-01.md:18:34: warning:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("crime or incident reference"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_case_with_only_a_response_has_no_feedback_point() {
    let t = fixture().case(
        3,
        "checks:\n  grounds: yes\n  bwv_on: yes\n",
        "## Police response\n- The force's words only.\n",
    );
    let run = t.run(&["check"]);
    assert!(
        run.stderr.contains("case 3 has no feedback point"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_response_is_shown_apart_after_the_points_in_html_and_json() {
    let t = fixture();
    let run = t.run(&["build", "--format", "html,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = visible_text(&t.read("output/report.html"));
    assert!(
        page.contains(&format!(
            "The grounds were not clear from the record. Police response {RESPONSE} The officer has been given advice"
        )),
        "{page}"
    );
    let html = t.read("output/report.html");
    assert_eq!(html.matches(r#"<section class="case-response""#).count(), 1);
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let response = json["cases"][0]["response"].as_str().unwrap();
    assert!(response.starts_with(RESPONSE), "{response}");
    assert!(response.contains("dip-sample"), "{response}");
    assert!(
        json["cases"][1].get("response").is_none(),
        "{}",
        json["cases"][1]
    );
}

#[test]
fn the_response_is_in_the_word_document_the_pdf_and_the_workbook() {
    let t = fixture();
    let run = t.run(&["build", "--format", "docx,pdf,xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_schema_valid(&t.path().join("output/report.docx"));
    let docx = fs::read(t.path().join("output/report.docx")).unwrap();
    let texts: Vec<String> = paragraphs(&unzip(&docx)["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let at = texts.iter().position(|p| p == "Police response").unwrap();
    assert_eq!(
        texts[at - 1],
        "The grounds were not clear from the record.",
        "{texts:#?}"
    );
    assert_eq!(texts[at + 1], RESPONSE, "{texts:#?}");
    // Case 2 has a cell of its own for the force to fill in.
    let second = texts.iter().rposition(|p| p == "Police response").unwrap();
    assert_eq!(
        texts[second + 1],
        "Force response to be added",
        "{texts:#?}"
    );
    if require("pdftotext") {
        let text = body_text(&t.path().join("output/report.pdf"), None);
        assert!(
            text.contains(&format!("from the record. Police response {RESPONSE}")),
            "{text}"
        );
    }
    if require_openpyxl() {
        let rows = sheet_rows(&t.path().join("output/report.xlsx"), "Cases");
        let header = rows[0].as_array().unwrap();
        assert_eq!(header.last().unwrap(), "Police response", "{header:?}");
        let first = rows[1]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_str()
            .unwrap();
        assert!(first.starts_with(RESPONSE), "{first}");
        assert_eq!(rows[2].as_array().unwrap().last(), Some(&Value::Null));
    }
}

#[test]
fn without_the_setting_the_heading_is_the_panel_s_and_no_cell_is_added() {
    let t = fixture().file(
        "report.yaml",
        "title: Stop and search\nmeeting_date: 2025-06-18\nchecks:\n  grounds: Grounds recorded\n  bwv_on: Body-worn video switched on\n",
    );
    let run = t.run(&["build", "--format", "docx,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // `check` points at the heading, naming the setting that would make it the force's.
    let check = t.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("cases/case-01.md:12:1: warning: \"Police response\" reads as the force's response, but its points count as the panel's"),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("add `response_headings: [Police response]` to report.yaml"),
        "{}",
        check.stderr
    );
    assert_eq!(
        check
            .stderr
            .matches("reads as the force's response")
            .count(),
        1
    );
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    assert_eq!(json["cases"][0]["points"], 3, "{}", json["cases"][0]);
    assert!(json["cases"][0].get("response").is_none());
    let docx = fs::read(t.path().join("output/report.docx")).unwrap();
    assert!(!unzip(&docx)["word/document.xml"].contains("build-report:case:"));
}

const CASE_1: &str = "build-report:case:1";
const CASE_2: &str = "build-report:case:2";

/// The force's typing in the response cells of report.docx: case 1's answer rewritten,
/// case 2's prompt typed over.
fn answered(xml: String) -> String {
    let para = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let (start, end) = content_of(&xml, CASE_1);
    let xml = format!(
        "{}{}{}",
        &xml[..start],
        para("Advice was given to the officer."),
        &xml[end..]
    );
    let (start, end) = content_of(&xml, CASE_2);
    let typed = format!(
        "{}{}",
        para("The camera fault is fixed."),
        para("Thank you.")
    );
    let xml = format!("{}{typed}{}", &xml[..start], &xml[end..]);
    once(
        &xml,
        &format!("<w:tag w:val=\"{CASE_2}\"/><w:lock w:val=\"sdtLocked\"/><w:showingPlcHdr/>"),
        &format!("<w:tag w:val=\"{CASE_2}\"/><w:lock w:val=\"sdtLocked\"/>"),
    )
}

#[test]
fn responses_takes_the_force_s_answers_back_into_the_case_files() {
    let t = fixture();
    let build = t.run(&["build", "{dir}", "--format", "docx"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let observation = t.read("observations/01-bwv.md");
    let docx = returned(&t, answered);
    let run = t.run(&["responses", &docx, "{dir}"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "observations/01-bwv.md: response unchanged\n\
         cases/case-01.md: response replaced (1 paragraph)\n\
         cases/case-02.md: response added (2 paragraphs)\n\
         2 files written\n"
    );
    assert!(
        t.read("cases/case-01.md").ends_with(
            "- The grounds were not clear from the record.\n\n## Police response\n\nAdvice was given to the officer.\n"
        ),
        "{}",
        t.read("cases/case-01.md")
    );
    assert!(
        t.read("cases/case-02.md").ends_with(
            "until the search ended.\n\n## Police response\n\nThe camera fault is fixed.\n\nThank you.\n"
        ),
        "{}",
        t.read("cases/case-02.md")
    );
    assert_eq!(t.read("observations/01-bwv.md"), observation);
    // The answers read back as the force's, and a second run changes nothing.
    let rebuilt = t.run(&["build", "{dir}", "--format", "json,docx"]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    assert_eq!(
        json["cases"][1]["response"],
        "The camera fault is fixed.\n\nThank you."
    );
    assert_eq!(json["cases"][1]["points"], 2);
    let again = t.run(&["responses", "{dir}/output/report.docx", "{dir}"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.ends_with("0 files written\n"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_stop_and_search_folder_takes_the_police_response_on_its_first_case() {
    let t = Report::new();
    let made = t.run(&["init", "--kind", "stop-and-search", "{dir}/ss"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        t.read("ss/report.yaml")
            .contains("\nresponse_headings: [Police response]"),
        "{}",
        t.read("ss/report.yaml")
    );
    let built = t.run(&["build", "{dir}/ss", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stderr.is_empty(), "{}", built.stderr);
    let json: Value = serde_json::from_str(&t.read("ss/output/report.json")).unwrap();
    let response = json["cases"][0]["response"].as_str().unwrap();
    assert!(
        response.starts_with("The officer's supervisor"),
        "{response}"
    );
    let evidence = json.to_string();
    assert_eq!(evidence.matches("supervisor has reviewed").count(), 1);
}

#[test]
fn a_translation_gives_the_response_in_its_language() {
    let settings = std::fs::read_to_string(super::fixture("response-headings/report.yaml"))
        .unwrap()
        .replace(
            "response_headings: [Police response]",
            "response_headings: [Police response, Ymateb yr heddlu]\nlanguages: [en, cy]",
        );
    let t = fixture()
        .file("report.yaml", settings)
        .file(
            "cases/case-01.cy.md",
            "---\ntitle: Chwilio am gyffuriau\n---\n\n## Sail\n- Nid oedd y sail yn glir.\n\n## Ymateb yr heddlu\nMae’r heddlu’n derbyn hyn.\n",
        );
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cy = visible_text(&t.read("output/report.cy.html"));
    assert!(
        cy.contains("Nid oedd y sail yn glir. Ymateb yr heddlu Mae’r heddlu’n derbyn hyn."),
        "{cy}"
    );
    assert!(!run.stderr.contains("parts from"), "{}", run.stderr);
    let en = visible_text(&t.read("output/report.en.html"));
    assert!(en.contains(&format!("Police response {RESPONSE}")), "{en}");
}
