//! The force's answer on a case (`response_headings:`), through the real binary: shown
//! apart after the panel's points in every format, never evidence for a theme, not linted
//! as points, scanned for personal data, and taken back from report.docx by `responses`.

use serde_json::Value;

use super::builder::Report;

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
