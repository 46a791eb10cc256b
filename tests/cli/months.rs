//! A meeting dated by its month (`meeting_date: 2025-02`): every format shows the month
//! and never a day nobody met, an archive puts it before the dated meetings of its month
//! and counts it in a `--from`/`--to` range when any day of the month is, and
//! `new-meeting` makes one.

use std::fs;

use serde_json::Value;

use super::docx::unzip;
use super::tools::require;
use super::{Report, run, s};

/// The small report, met in September 2021 on no day it records, in `language`.
fn small_by_month(language: &str) -> Report {
    let t = Report::copy("good/small");
    let yaml = t
        .read("report.yaml")
        .replace("meeting_date: 2021-09-29", "meeting_date: 2021-09");
    t.file("report.yaml", yaml)
        .append("report.yaml", &format!("language: {language}\n"))
}

#[test]
fn a_report_dated_by_its_month_shows_the_month_in_every_format() {
    let t = small_by_month("en");
    let built = t.run(&["build", "{dir}", "--format", "html,json,docx,pdf,xlsx"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let html = t.read("output/report.html");
    assert!(html.contains("September 2021"), "{html}");
    assert!(html.contains(r#"datetime="2021-09""#), "{html}");
    let json: Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    assert_eq!(json["meeting_date"], "2021-09");
    let docx = unzip(&fs::read(t.path().join("output/report.docx")).unwrap());
    let document = &docx["word/document.xml"];
    assert!(document.contains("September 2021"), "{document}");
    for text in [&html, document] {
        // No day is made up for the month: neither its first nor any other.
        assert!(!has_a_day(text), "{text}");
    }
    if require("pdftotext") {
        let pdf = std::process::Command::new("pdftotext")
            .arg(t.path().join("output/report.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&pdf.stdout);
        assert!(text.contains("September 2021"), "{text}");
        assert!(!has_a_day(&text), "{text}");
    }
}

/// Whether `text` gives September 2021 a day, as "1 September 2021" would.
fn has_a_day(text: &str) -> bool {
    (1..=30).any(|day| text.contains(&format!("{day} September 2021")))
}

#[test]
fn a_welsh_report_dated_by_its_month_says_the_month_in_welsh() {
    let t = small_by_month("cy");
    let built = t.run(&["build", "{dir}", "--format", "html"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let html = t.read("output/report.html");
    assert!(html.contains("Medi 2021"), "{html}");
    assert!(!(1..=30).any(|day| html.contains(&format!("{day} Medi 2021"))));
}

/// The sample archive with a meeting dated June 2023 beside the one of 13 June 2023.
fn archive_with_a_month() -> Report {
    Report::copy("archive/sample")
        .file("2023-06-viewing/report.yaml", "meeting_date: 2023-06\n")
        .case_in(
            "2023-06-viewing",
            1,
            "judgement: appropriate\nrecorded_as: Hate incident\nstrand: [race]\nrisk: low\nchecks:\n  risk_assessment: yes\n  hcso_48h: yes\n  victim_contract: yes\n",
            "## Panel feedback\n\n- The officer kept the victim informed.\n",
        )
}

fn meeting_ids(t: &Report) -> Vec<String> {
    let trends: Value = serde_json::from_str(&t.read("output/trends.json")).unwrap();
    trends["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_archive_puts_a_month_meeting_before_the_dated_meetings_of_its_month() {
    let t = archive_with_a_month();
    let built = t.run(&["build", "{dir}", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert_eq!(
        meeting_ids(&t),
        ["2023-03", "2023-06-viewing", "2023-06", "2024/01"]
    );
    let trends: Value = serde_json::from_str(&t.read("output/trends.json")).unwrap();
    assert_eq!(trends["meetings"][1]["meeting_date"], "2023-06");
    let report: Value =
        serde_json::from_str(&t.read("output/2023-06-viewing/report.json")).unwrap();
    assert_eq!(report["meeting_date"], "2023-06");
    let html = t.read("output/trends.html");
    assert!(html.contains("June 2023"), "{html}");
    assert!(!html.contains(" 1 June 2023"), "{html}");
}

#[test]
fn a_month_meeting_is_in_a_range_that_holds_any_day_of_its_month() {
    let t = archive_with_a_month();
    for (from, to, meetings) in [
        (
            "2023-06-30",
            "2024-12-31",
            &["2023-06-viewing", "2024/01"][..],
        ),
        (
            "2023-01-01",
            "2023-06-01",
            &["2023-03", "2023-06-viewing"][..],
        ),
        ("2023-06-14", "2023-06-14", &["2023-06-viewing"][..]),
        ("2023-07-01", "2024-12-31", &["2024/01"][..]),
        ("2023-01-01", "2023-05-31", &["2023-03"][..]),
    ] {
        let built = t.run(&[
            "build", "{dir}", "--from", from, "--to", to, "--format", "json",
        ]);
        assert_eq!(built.code, 0, "{from}..{to}: {}", built.stderr);
        assert_eq!(meeting_ids(&t), meetings, "{from}..{to}");
    }
}

#[test]
fn new_meeting_makes_a_meeting_dated_by_its_month() {
    let t = Report::new();
    let made = t.run(&["init", "--panel"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let next = t.run(&["new-meeting", "2999-02", "{dir}"]);
    assert_eq!(next.code, 0, "{}", next.stderr);
    assert_eq!(t.read("2999-02/report.yaml"), "meeting_date: 2999-02\n");
    // Its date is read as the month it is; only its cases are left to write.
    let checked = t.run(&["check"]);
    assert!(
        !checked.stderr.contains("report.yaml"),
        "{}",
        checked.stderr
    );
    let bad = run(&["new-meeting", "2999-13", s(t.path())]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("nor a month written YYYY-MM"),
        "{}",
        bad.stderr
    );
}
