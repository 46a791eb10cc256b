//! `build-report import` of text exports whose observations table came out as lines (issue
//! 21, item 5): LibreOffice's text export of the sample's own report.docx, committed as
//! `tests/fixtures/import/sample-export.txt`, and hand-written exports in which the table's
//! headings stand on lines of their own and each observation is followed by its response.

use super::builder::Report;
use super::fixture;
use super::import::{import_and_build, texts};

#[test]
fn the_committed_text_export_of_the_sample_comes_back_with_its_observations_paired() {
    let (tmp, imported, report) = import_and_build(&fixture("import/sample-export.txt"));
    assert_eq!(report["meeting_date"], "2021-09-29");
    assert_eq!(report["cases"].as_array().unwrap().len(), 16);
    let observations = report["observations"].as_array().unwrap();
    assert_eq!(observations.len(), 5, "{}", imported.stderr);
    assert!(
        observations[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Members queried whether a MAVIS report should be created")
    );
    assert!(
        observations[0]["response"]
            .as_str()
            .unwrap()
            .starts_with("A MAVIS report would be appropriate")
    );
    for observation in observations {
        assert!(
            !observation["response"].as_str().unwrap().is_empty(),
            "{observation}"
        );
    }
    // The table's column headings are structure, never an observation.
    for text in texts(&report["observations"], "text") {
        assert!(!["Observation", "Force Response"].contains(&text.trim()));
    }
    let closing = std::fs::read_to_string(tmp.path().join("report/closing.md")).unwrap();
    assert!(!closing.trim().is_empty());
}

/// A hate crime report's text export, ending with `observations`: the lines of its
/// observations section.
fn export(observations: &str) -> String {
    format!(
        "Hate Crime Scrutiny Panel\nMeeting held on 14 March 2023\n1.0 Background\nThe panel met to review two hate crime cases.\n2.0 Cases\nCase 1 - Racially aggravated public order\n• The HCSO made contact four days after the report.\nCase 2 - Harassment of a neighbour\n• The risk assessment was clear.\n{observations}"
    )
}

const ROWS: &str = "Members asked that HCSO contact be made within 48 hours.\nThe force will remind HCSOs of the requirement.\nMembers asked for the referral pathways list to be reissued.\nThe list is being revised with Victim Support.\n";

fn pairs(report: &serde_json::Value) -> Vec<(String, String)> {
    texts(&report["observations"], "text")
        .into_iter()
        .zip(texts(&report["observations"], "response"))
        .collect()
}

fn two_pairs() -> Vec<(String, String)> {
    let lines: Vec<String> = ROWS.lines().map(String::from).collect();
    vec![
        (lines[0].clone(), lines[1].clone()),
        (lines[2].clone(), lines[3].clone()),
    ]
}

#[test]
fn a_table_exported_as_alternate_lines_makes_one_observation_per_row_with_its_response() {
    let t = Report::new().file(
        "export.txt",
        export(&format!(
            "4.0 Observations\nObservations\nForce Response\n{ROWS}The panel thanks the officers who attended.\n"
        )),
    );
    let (tmp, imported, report) = import_and_build(&t.path().join("export.txt"));
    assert_eq!(pairs(&report), two_pairs(), "{}", imported.stderr);
    // What follows the table is the closing remarks, said with a warning, since only its
    // place says so.
    let closing = std::fs::read_to_string(tmp.path().join("report/closing.md")).unwrap();
    assert_eq!(
        closing.trim(),
        "The panel thanks the officers who attended."
    );
    assert!(
        imported.stderr.contains(
            "export.txt:13:1: warning: the observations table came out as lines, one cell to a line"
        ),
        "{}",
        imported.stderr
    );
    assert!(
        imported
            .stderr
            .contains("export.txt:17:1: warning: the last cell of the observations table"),
        "{}",
        imported.stderr
    );
}

#[test]
fn a_markdown_export_with_both_column_headings_on_lines_pairs_its_rows_too() {
    let markdown = export(&format!(
        "## Action points\n\nRecommendation\n\nPolice response\n\n{ROWS}"
    ))
    .replace('\n', "\n\n");
    let t = Report::new().file("export.md", markdown);
    let (tmp, imported, report) = import_and_build(&t.path().join("export.md"));
    assert_eq!(pairs(&report), two_pairs(), "{}", imported.stderr);
    assert!(!tmp.path().join("report/closing.md").exists());
    assert!(
        !imported.stderr.contains("not in a table"),
        "{}",
        imported.stderr
    );
}

#[test]
fn lines_that_are_not_column_headings_are_still_each_an_observation() {
    let t = Report::new().file("export.txt", export(&format!("4.0 Observations\n{ROWS}")));
    let (_tmp, imported, report) = import_and_build(&t.path().join("export.txt"));
    assert_eq!(report["observations"].as_array().unwrap().len(), 4);
    assert!(
        imported
            .stderr
            .contains("the observations are not in a table"),
        "{}",
        imported.stderr
    );
}
