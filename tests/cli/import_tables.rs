//! `build-report import` keeps tables and numbered observations: a table in a case or a
//! section stays a table in the folder and in the built report, an observations table
//! becomes one observation per row without its header, and "ACTION POINT 1" … "POLICE
//! RESPONSE 1" become observations with their responses; in .txt, .md and .docx alike.

use std::fs;
use std::path::Path;

use super::import::{import_and_build, texts};
use super::import_docx::{cell, docx_file, p, run_text, word};
use super::{run, s};

/// Imports `name` holding `text` and builds it: the folder written, the report's JSON
/// and its HTML page.
fn import_text(name: &str, text: &str) -> (tempfile::TempDir, serde_json::Value, String) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join(name);
    fs::write(&file, text).unwrap();
    built(&file, tmp)
}

fn built(file: &Path, keep: tempfile::TempDir) -> (tempfile::TempDir, serde_json::Value, String) {
    let (out, _, report) = import_and_build(file);
    let html = fs::read_to_string(out.path().join("out/report.html")).unwrap();
    drop(keep);
    (out, report, html)
}

fn case_file(out: &tempfile::TempDir, number: u32) -> String {
    fs::read_to_string(out.path().join(format!("report/cases/case-{number:02}.md"))).unwrap()
}

/// Each observation's text and response, as the built report has them.
fn observations(report: &serde_json::Value) -> Vec<(String, String)> {
    texts(&report["observations"], "text")
        .into_iter()
        .zip(texts(&report["observations"], "response"))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn tab_separated_rows_in_a_text_export_stay_tables_and_build() {
    let text = "Stop and search panel 2024-05-01\nBackground\nStrand\tCases\nStop and search\t4\nCases\nCase 1 – Search of a car\n• The grounds were recorded.\nStage\tNote\nOutcome\tNo further action | released\nObservations\nRecommendation\tForce update\nRecord the grounds.\tAgreed.\nOffer a receipt.\tDone in May.\nClosing remarks\nThank you.\n";
    let (out, report, html) = import_text("panel.txt", text);
    let case = case_file(&out, 1);
    assert!(
        case.contains(
            "- The grounds were recorded.\n\n| Stage | Note |\n| --- | --- |\n| Outcome | No further action \\| released |\n"
        ),
        "{case}"
    );
    let background = fs::read_to_string(out.path().join("report/background.md")).unwrap();
    assert!(
        background.contains("| Stop and search | 4 |"),
        "{background}"
    );
    assert!(
        html.contains("<td>No further action | released</td>"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">Strand</th>"), "{html}");
    assert_eq!(
        texts(&report["cases"][0]["feedback"], "text"),
        ["The grounds were recorded."]
    );
    assert_eq!(
        observations(&report),
        pairs(&[
            ("Record the grounds.", "Agreed."),
            ("Offer a receipt.", "Done in May.")
        ])
    );
}

#[test]
fn markdown_pipe_tables_stay_tables_and_their_header_is_never_an_observation() {
    let text = "# Use of force panel\n\nMet on 2024-06-12.\n\n## Cases\n\n### Case 1 – Handcuffing\n\n- Handcuffs were double locked.\n\n| Stage | Note |\n|:--|--:|\n| Force used | Handcuffs \\| rear stack |\n\n## Observations\n\n| Point raised | What the force did |\n| --- | --- |\n| Body-worn video started late. | Reminder issued. |\n| No debrief. |  |\n";
    let (out, report, html) = import_text("panel.md", text);
    let case = case_file(&out, 1);
    assert!(
        case.contains("| Force used | Handcuffs \\| rear stack |"),
        "{case}"
    );
    assert!(html.contains("<td>Handcuffs | rear stack</td>"), "{html}");
    assert_eq!(
        observations(&report),
        pairs(&[
            ("Body-worn video started late.", "Reminder issued."),
            ("No debrief.", "")
        ])
    );
    assert_eq!(report["observations"][1]["status"], "awaiting-response");
}

#[test]
fn a_word_table_in_a_case_stays_a_table_and_the_observations_table_loses_its_header() {
    let row = |a: &str, b: &str| {
        format!(
            "<w:tr>{}{}</w:tr>",
            cell(&p("", &run_text(a)), ""),
            cell(&p("", &run_text(b)), "")
        )
    };
    let body = [
        p("Title", &run_text("Complaints panel")),
        p("", &run_text("Held on 2024-02-07.")),
        p("Heading1", &run_text("Cases")),
        p("Heading2", &run_text("Case 1 – Delay")),
        p("", &run_text("The reply was late.")),
        format!(
            "<w:tbl>{}{}</w:tbl>",
            row("Stage", "Note"),
            row("Category", "Delay | service")
        ),
        p("Heading1", &run_text("Observations")),
        format!(
            "<w:tbl>{}{}</w:tbl>",
            row("Recommendation", "Response"),
            row("Answer within 20 days.", "Accepted.")
        ),
    ]
    .concat();
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "complaints.docx", &word(&body));
    let (out, report, html) = built(&file, tmp);
    let case = case_file(&out, 1);
    assert!(
        case.contains("| Stage | Note |\n| --- | --- |\n| Category | Delay \\| service |\n"),
        "{case}"
    );
    assert!(html.contains("<td>Delay | service</td>"), "{html}");
    assert_eq!(
        observations(&report),
        pairs(&[("Answer within 20 days.", "Accepted.")])
    );
}

#[test]
fn numbered_pairs_become_observations_with_their_responses_in_text_and_markdown() {
    let text = "Hate crime panel 2024-03-06\nCases\nCase 1\n• Contact was made.\nACTION POINT 1\nContact within 48 hours.\nPOLICE RESPONSE 1\nOfficers have been reminded.\nACTION POINT 2: Record the victim's wishes.\nPOLICE RESPONSE 2: Agreed.\n";
    let (_out, report, _) = import_text("pairs.txt", text);
    let expected = pairs(&[
        ("Contact within 48 hours.", "Officers have been reminded."),
        ("Record the victim's wishes.", "Agreed."),
    ]);
    assert_eq!(observations(&report), expected);
    assert_eq!(
        texts(&report["cases"][0]["feedback"], "text"),
        ["Contact was made."]
    );
    let markdown = "# Hate crime panel\n\nMet on 2024-03-06.\n\n## Cases\n\n### Case 1\n\n- Contact was made.\n\n## Action points\n\n### ACTION POINT 1\n\nContact within 48 hours.\n\n### ACTION POINT 2\n\nRecord the victim's wishes.\n\n### POLICE RESPONSE 1\n\nOfficers have been reminded.\n\n### POLICE RESPONSE 2\n\nAgreed.\n";
    let (_out, report, _) = import_text("pairs.md", markdown);
    assert_eq!(observations(&report), expected);
}

#[test]
fn numbered_pairs_as_word_headings_become_observations() {
    let body = [
        p("Title", &run_text("Hate crime panel")),
        p("", &run_text("Held on 2024-03-06.")),
        p("Heading1", &run_text("Cases")),
        p("Heading2", &run_text("Case 1")),
        p("", &run_text("Contact was made.")),
        p("Heading2", &run_text("Action Point 1")),
        p("", &run_text("Contact within 48 hours.")),
        p("Heading2", &run_text("Police Response 1")),
        p("", &run_text("Officers have been reminded.")),
    ]
    .concat();
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "pairs.docx", &word(&body));
    let (_out, report, _) = built(&file, tmp);
    assert_eq!(
        observations(&report),
        pairs(&[("Contact within 48 hours.", "Officers have been reminded.")])
    );
}

#[test]
fn a_complaints_table_keyed_by_dates_is_one_case_per_row_in_markdown_and_text() {
    let md = "# Complaints Scrutiny Panel\n\nMeeting held 12 March 2025.\n\n## Cases\n\n| Date received | Complaint | Panel view |\n| --- | --- | --- |\n| 3 January 2025 | Rude at the front desk. | Handled well. |\n| 14/01/2025 | No reply to three letters. | Too slow. |\n\n## Observations\n\n| Observation | Force response |\n| --- | --- |\n| Reply to letters within 10 days. | Agreed. |\n";
    let txt = "Complaints Scrutiny Panel\nMeeting held 12 March 2025\nCases\nDate received\tComplaint\tPanel view\n3 January 2025\tRude at the front desk.\tHandled well.\n14/01/2025\tNo reply to three letters.\tToo slow.\n";
    for (name, text) in [("complaints.md", md), ("complaints.txt", txt)] {
        let (out, report, _) = import_text(name, text);
        assert_eq!(report["cases"].as_array().unwrap().len(), 2, "{name}");
        let second = case_file(&out, 2);
        assert!(
            second.contains("date_received: \"14/01/2025\""),
            "{name}: {second}"
        );
        assert!(
            second.contains("## Complaint\n\n- No reply to three letters."),
            "{name}: {second}"
        );
        assert!(
            second.contains("## Panel view\n\n- Too slow."),
            "{name}: {second}"
        );
    }
}

#[test]
fn the_import_summary_counts_a_sections_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("panel.txt");
    fs::write(
        &file,
        "Panel\nBackground\nStrand\tCases\nRace\t4\nReligion\t3\nCases\nCase 1 – A stop\n• A point.\n",
    )
    .unwrap();
    let into = tmp.path().join("report");
    let result = run(&["import", s(&file), "--into", s(&into)]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.contains("Background: 1 table\n"),
        "{}",
        result.stdout
    );
}
