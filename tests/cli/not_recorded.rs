//! A theme read only from check answers, in an archive whose cases do not all answer:
//! the report counts over the cases reviewed and says how many did not record it, the
//! trends share is over those that did, and a meeting where none did has no share.

use serde_json::Value;

use super::builder::Report;
use super::sample::visible_text;

const PANEL: &str = "title: Panel Review\nchecks:\n  ethnicity: Ethnicity asked\n";
const THEMES: &str =
    "not-asked:\n  label: Ethnicity not asked\n  when:\n    - check: ethnicity\n      is: [no]\n";

/// 2023-03: cases 1 and 2 answer no, case 3 leaves the check out, case 4 leaves it blank.
/// 2023-06: neither case answers it.
fn archive() -> Report {
    Report::new()
        .file("panel.yaml", PANEL)
        .file("themes.yaml", THEMES)
        .file("2023-03/report.yaml", "meeting_date: 2023-03-14\n")
        .file("2023-06/report.yaml", "meeting_date: 2023-06-20\n")
        .case_in("2023-03", 1, "checks:\n  ethnicity: no\n", "- Seen.\n")
        .case_in("2023-03", 2, "checks:\n  ethnicity: no\n", "- Seen.\n")
        .case_in("2023-03", 3, "", "- Seen.\n")
        .case_in("2023-03", 4, "checks:\n  ethnicity:\n", "- Seen.\n")
        .case_in("2023-06", 1, "", "- Seen.\n")
        .case_in("2023-06", 2, "", "- Seen.\n")
}

fn built() -> Report {
    let t = archive();
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The blank answer is warned about; the one left out is not.
    assert!(
        run.stderr.contains("1 unanswered check: `ethnicity`"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("unanswered check").count(),
        1,
        "{}",
        run.stderr
    );
    t
}

#[test]
fn the_report_counts_over_every_case_and_says_how_many_did_not_record_it() {
    let t = built();
    let json: Value = serde_json::from_str(&t.read("output/2023-03/report.json")).unwrap();
    let theme = &json["themes"][0];
    assert_eq!(theme["id"], "not-asked");
    assert_eq!(theme["count"], 2);
    assert_eq!(theme["not_recorded"], serde_json::json!([3, 4]));
    assert_eq!(theme["points"], 0);
    // The visible text spaces out the linked case numbers.
    let page = visible_text(&t.read("output/2023-03/report.html"));
    assert!(
        page.contains("Ethnicity not asked. (2 of 4 cases: 1 , 2 · 2 did not record it)"),
        "{page}"
    );
    assert!(
        page.contains("from the checklist: 'Ethnicity asked': No in 2 cases ( 1 , 2 )"),
        "{page}"
    );
    assert!(
        page.contains("(2 of 4 cases · 2 did not record it)"),
        "{page}"
    );
    assert!(!page.contains("0 mentions"), "{page}");
    // The tally: 2 cases, 50%, no mention but "–", then the case numbers.
    assert!(
        page.contains("Ethnicity not asked 2 50% – 1 , 2 · 2 did not record it"),
        "{page}"
    );
}

#[test]
fn the_trends_share_is_over_the_cases_that_recorded_it_and_none_is_no_share() {
    let t = built();
    let json: Value = serde_json::from_str(&t.read("output/trends.json")).unwrap();
    let rows = json["themes"][0]["by_meeting"].as_array().unwrap();
    assert_eq!(rows[0]["count"], 2);
    assert_eq!(rows[0]["recorded"], 2);
    assert_eq!(rows[0]["share"], 1.0);
    assert_eq!(rows[1]["count"], 0);
    assert_eq!(rows[1]["recorded"], 0);
    assert!(rows[1]["share"].is_null(), "{}", rows[1]);
    let csv = t.read("output/trends.csv");
    assert!(
        csv.contains(
            "not-asked,Ethnicity not asked,2023-03,2023-03-14,2,4,1.0000,2,0.3424,1.0000,,,,\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("not-asked,Ethnicity not asked,2023-06,2023-06-20,0,2,,0,,,,,,\n"),
        "{csv}"
    );
    let html = t.read("output/trends.html");
    let page = visible_text(&html);
    assert!(
        page.contains("Ethnicity not asked 2 of 2 (100%) Not recorded"),
        "{page}"
    );
    // One point on the chart with its whisker, and no line down to 0%.
    let series = &html[html.find("<g class=\"series\">").unwrap()..];
    let series = &series[..series.find("</g>").unwrap()];
    assert_eq!(series.matches("<polyline").count(), 1, "{series}");
    assert_eq!(series.matches("<path").count(), 2, "{series}");
    assert_eq!(series.matches("class=\"whisker\"").count(), 1, "{series}");
}
