//! Two sittings on one day (issue 29, item 4) beside a meeting dated by its month: an
//! archive names each meeting by its folder, so `2025-04-01-am/` and `2025-04-01-pm/` may
//! share a date when each gives its `session:`, shown wherever its date is; sittings sort
//! by folder name and the later one follows the earlier one up; `new-meeting --session`
//! makes the next sitting. The fixture is `tests/fixtures/archive/sittings`.

use serde_json::Value;

use super::builder::Report;
use super::docx::unzip;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The fixture built whole, with no problem to report.
fn built() -> Report {
    let t = Report::copy("archive/sittings");
    let built = t.run(&["build", "{dir}", "--format", "html,json,docx,csv"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stderr.is_empty(), "{}", built.stderr);
    t
}

/// Where each of `needles` first is in `text`, which must hold them in that order.
fn in_order(text: &str, needles: &[&str]) {
    let at: Vec<usize> = needles
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("no {n:?} in {text}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{needles:?} at {at:?}");
}

const DATES: [&str; 4] = [
    "February 2025",
    "11 February 2025",
    "1 April 2025, 3–5 pm",
    "1 April 2025, 7–9 pm",
];

#[test]
fn an_archive_with_a_month_meeting_and_two_sittings_builds_in_order() {
    let t = built();
    let trends = json(&t.read("output/trends.json"));
    let meetings: Vec<(&str, &str, Option<&str>)> = trends["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m["meeting_date"].as_str().unwrap(),
                m["session"].as_str(),
            )
        })
        .collect();
    // The month's meeting comes before the dated one of its month although its folder
    // sorts after it; the sittings of one day come by folder name.
    assert_eq!(
        meetings,
        [
            ("2025-02-viewing", "2025-02", None),
            ("2025-02", "2025-02-11", None),
            ("2025-04-01-am", "2025-04-01", Some("3–5 pm")),
            ("2025-04-01-pm", "2025-04-01", Some("7–9 pm")),
        ]
    );
    // A meeting without a session has no `session` key, as before sittings existed.
    assert!(trends["meetings"][0].get("session").is_none());

    // The index lists the newest first, each sitting with its session.
    let index = t.read("output/index.html");
    let newest_first: Vec<String> = DATES.iter().rev().map(|d| format!(">{d}<")).collect();
    in_order(
        &index,
        &newest_first.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let html = t.read("output/trends.html");
    let oldest_first: Vec<String> = DATES.iter().map(|d| format!(">{d}<")).collect();
    in_order(
        &html,
        &oldest_first.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let docx = unzip(&std::fs::read(t.path().join("output/trends.docx")).unwrap());
    in_order(&docx["word/document.xml"], &DATES);

    let csv = t.read("output/trends.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}theme,label,meeting,meeting_date,cases,total_cases,share,recorded,share_low,share_high,change,change_low,change_high,verdict,session"
    );
    let rows: Vec<&str> = lines.take(4).collect();
    assert!(
        rows[0].starts_with("weak-grounds,")
            && rows[0].ends_with(",2025-02,1,2,0.5000,2,0.0945,0.9055,,,,,")
    );
    assert!(rows[2].contains(",2025-04-01-am,2025-04-01,") && rows[2].ends_with(",3–5 pm"));
    assert!(rows[3].contains(",2025-04-01-pm,2025-04-01,") && rows[3].ends_with(",7–9 pm"));
}

#[test]
fn each_sitting_s_report_shows_its_session_with_its_date() {
    let t = built();
    let html = t.read("output/2025-04-01-pm/report.html");
    assert!(
        html.contains("<title>Stop and Search Scrutiny Panel – 1 April 2025, 7–9 pm</title>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<time datetime="2025-04-01">1 April 2025, 7–9 pm</time>"#),
        "{html}"
    );
    let report = json(&t.read("output/2025-04-01-pm/report.json"));
    assert_eq!(report["meeting_date"], "2025-04-01");
    assert_eq!(report["session"], "7–9 pm");
    let docx = unzip(&std::fs::read(t.path().join("output/2025-04-01-am/report.docx")).unwrap());
    assert!(docx["word/document.xml"].contains("1 April 2025, 3–5 pm"));
    // A meeting without a session says nothing of one.
    let plain = json(&t.read("output/2025-02/report.json"));
    assert!(plain.get("session").is_none());
}

#[test]
fn a_later_sitting_follows_up_the_earlier_sitting_s_observations() {
    let t = built();
    let pm = json(&t.read("output/2025-04-01-pm/report.json"));
    let row = &pm["follow_up"][0];
    assert_eq!(row["observation"], "2025-04-01-am/camera");
    assert_eq!(row["status_before"], "awaiting-response");
    assert_eq!(row["update"]["status"], "responded");
    let html = t.read("output/2025-04-01-pm/report.html");
    assert!(
        html.contains("Raised as 4.1 at the meeting of 1 April 2025, 3–5 pm"),
        "{html}"
    );
    let am = json(&t.read("output/2025-04-01-am/report.json"));
    assert!(am.get("follow_up").is_none(), "{am}");

    // The earlier sitting cannot update the later one's observation.
    let t = Report::copy("archive/sittings")
        .file(
            "2025-04-01-pm/observations/search-record.md",
            "---\nstatus: awaiting-response\n---\n## Observation\n\nMembers asked for the search record.\n",
        )
        .file(
            "2025-04-01-am/updates/search-record.md",
            "---\nobservation: 2025-04-01-pm/search-record\nstatus: closed\n---\nDone.\n",
        );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked.stderr.contains("2025-04-01-am/updates/search-record.md:2:14: error: `2025-04-01-pm/search-record` is an observation of a later meeting"),
        "{}",
        checked.stderr
    );
}

#[test]
fn two_meetings_on_one_date_need_a_session_each() {
    Report::copy("archive/sittings")
        .file("2025-04-01-pm/report.yaml", "meeting_date: 2025-04-01\n")
        .expect_code(1)
        .expect_stderr("2025-04-01-pm/report.yaml:1:1: error: this meeting has the same `meeting_date:` (2025-04-01) as the meeting 2025-04-01-am, and no `session:` to tell them apart")
        .expect_stderr("give each sitting's report.yaml its `session:`")
        .run(&["check"]);
    // The one without a session is the one told, whichever sorts first.
    Report::copy("archive/sittings")
        .file("2025-04-01-am/report.yaml", "meeting_date: 2025-04-01\n")
        .expect_code(1)
        .expect_stderr("2025-04-01-am/report.yaml:1:1: error: this meeting has the same `meeting_date:` (2025-04-01) as the meeting 2025-04-01-pm")
        .run(&["check"]);
    Report::copy("archive/sittings")
        .file("2025-04-01-pm/report.yaml", "meeting_date: 2025-04-01\nsession: 3–5 pm\n")
        .expect_code(1)
        .expect_stderr("2025-04-01-pm/report.yaml:2:1: error: this meeting has the same `meeting_date:` (2025-04-01) and `session:` (3–5 pm) as the meeting 2025-04-01-am")
        .run(&["check"]);
    Report::copy("archive/sittings")
        .append("panel.yaml", "session: 3–5 pm\n")
        .expect_code(1)
        .expect_stderr("error: `session` belongs in each meeting's report.yaml, not in panel.yaml")
        .run(&["check"]);
}

#[test]
fn new_meeting_with_a_session_makes_the_next_sitting_of_the_day() {
    let t = Report::new();
    assert_eq!(t.run(&["init", "--panel"]).code, 0);
    let first = t.run(&["new-meeting", "2999-04-01", "{dir}", "--cases", "1"]);
    assert_eq!(first.code, 0, "{}", first.stderr);

    // The day's first meeting has no session yet, so a second cannot be told from it.
    let refused = t.run(&["new-meeting", "2999-04-01", "{dir}", "--session", "7–9 pm"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("error: the meeting 2999-04 is on 2999-04-01 already, with no `session:`"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("its folder keeps its name"),
        "{}",
        refused.stderr
    );
    assert!(!t.path().join("2999-04-01-2").exists());

    let t = t.append("2999-04/report.yaml", "session: 3–5 pm\n");
    let second = t.run(&[
        "new-meeting",
        "2999-04-01",
        "{dir}",
        "--session",
        "7–9 pm",
        "--cases",
        "1",
    ]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        t.read("2999-04-01-2/report.yaml"),
        "meeting_date: 2999-04-01\nsession: \"7–9 pm\"\n"
    );
    let third = t.run(&[
        "new-meeting",
        "2999-04-01",
        "{dir}",
        "--session",
        "late",
        "--cases",
        "1",
    ]);
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(t.path().join("2999-04-01-3/report.yaml").is_file());

    let again = t.run(&["new-meeting", "2999-04-01", "{dir}", "--session", "7–9 pm"]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("the meeting 2999-04-01-2 on 2999-04-01 is the sitting 7–9 pm already"),
        "{}",
        again.stderr
    );
    let plain = t.run(&["new-meeting", "2999-04-01", "{dir}"]);
    assert_eq!(plain.code, 1, "{}", plain.stderr);
    assert!(plain.stderr.contains("--session"), "{}", plain.stderr);

    // The sittings are meetings of the archive in the order made, with no date clash.
    let built = t.run(&["build", "{dir}", "--format", "json"]);
    let ids: Vec<String> = json(&t.read("output/trends.json"))["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !built.stderr.contains("same `meeting_date:`"),
        "{}",
        built.stderr
    );
    assert_eq!(
        ids[ids.len() - 3..],
        ["2999-04", "2999-04-01-2", "2999-04-01-3"]
    );

    let blank = t.run(&["new-meeting", "2999-05-01", "{dir}", "--session", " "]);
    assert_eq!(blank.code, 2, "{}", blank.stderr);
}
