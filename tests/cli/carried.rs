//! Cases carried over, as Cleveland and Durham's out of court panel carries a case it cannot
//! decide to its next meeting: the fixture archive/carried carries one case from March to
//! June and again to September, where it is judged. It is counted once, at September;
//! each report says where it came from or where it goes; `new-meeting` copies it with its
//! earlier points; the tracker lists it while no meeting has judged it; and every slip in
//! `carried_from:` is reported.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::builder::Report;
use super::docx::unzip;

/// The fixture copied into `dir` with September's judgement not yet given, so that its
/// pages show every part of carrying over: the table of the cases carried over (June),
/// the mark of a case taken up (June and September), and the tracker's list (trends).
pub(super) fn still_open(dir: &Path) -> PathBuf {
    let to = dir.join("carried-open");
    super::copy_tree(&super::fixture("archive/carried"), &to);
    let case = to.join("2026-09/cases/case-01.md");
    let text = fs::read_to_string(&case).unwrap();
    fs::write(&case, text.replace("judgement: inappropriate\n", "")).unwrap();
    to
}

fn json(t: &Report, path: &str) -> Value {
    serde_json::from_str(&t.read(path)).unwrap()
}

/// Each meeting's number of a theme's cases in trends.json.
fn theme_counts(trends: &Value, id: &str) -> Vec<u64> {
    let theme = trends["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no theme {id}: {trends}"));
    theme["by_meeting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["count"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_carried_case_is_counted_once_at_the_meeting_that_judged_it() {
    let t = Report::copy("archive/carried");
    let built = t.run(&["build", "{dir}", "--format", "html,json,docx"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stderr.is_empty(), "{}", built.stderr);

    let trends = json(&t, "output/trends.json");
    let totals: Vec<u64> = trends["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["total_cases"].as_u64().unwrap())
        .collect();
    assert_eq!(totals, [1, 1, 1]);
    // The case's points were made in March and June, and counted in September alone.
    assert_eq!(theme_counts(&trends, "late-contact"), [0, 0, 1]);
    assert_eq!(theme_counts(&trends, "no-views"), [0, 0, 1]);
    let judgements = &trends["meetings"][2]["judgements"];
    assert_eq!(judgements["inappropriate"], 1, "{judgements}");
    assert!(judgements.get("more-information").is_none(), "{judgements}");
    assert!(trends.get("carried_over").is_none(), "{trends}");

    let march = json(&t, "output/2026-03/report.json");
    assert_eq!(march["total_cases"], 1);
    assert_eq!(march["carried_over"][0]["case"], 2);
    assert_eq!(march["carried_over"][0]["judgement"], "more-information");
    assert!(march["judgements"].get("more-information").is_none());
    assert_eq!(march["themes"][0]["count"], 0, "{}", march["themes"]);
    let html = t.read("output/2026-03/report.html");
    assert!(html.contains("Carried over to the next meeting"), "{html}");
    assert!(
        html.contains(r##"<tr><td><a href="#case-2">2</a></td><td>More information needed: carried over</td></tr>"##),
        "{html}"
    );
    let docx = unzip(&fs::read(t.path().join("output/2026-03/report.docx")).unwrap());
    assert!(
        docx["word/document.xml"].contains("Carried over to the next meeting"),
        "the Word report lists the carried-over case too"
    );

    let june = t.read("output/2026-06/report.html");
    assert!(
        june.contains(r#"<p class="carried">Carried over from the meeting of 3 March 2026.</p>"#),
        "{june}"
    );
    let september = json(&t, "output/2026-09/report.json");
    assert_eq!(september["cases"][0]["carried_from"], "2026-06/case-02");
    let docx = unzip(&fs::read(t.path().join("output/2026-09/report.docx")).unwrap());
    assert!(
        docx["word/document.xml"].contains("Carried over from the meeting of 2 June 2026."),
        "the Word report marks the case"
    );
}

#[test]
fn the_tracker_lists_a_carried_case_until_a_meeting_judges_it() {
    // Taken up in September but not yet judged there: open since March, at September.
    let t = Report::copy("archive/carried");
    let case = t.read("2026-09/cases/case-01.md");
    let t = t.file(
        "2026-09/cases/case-01.md",
        case.replace("judgement: inappropriate\n", ""),
    );
    let built = t.run(&["build", "{dir}", "--format", "html,json,docx"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let trends = json(&t, "output/trends.json");
    let open = &trends["carried_over"];
    assert_eq!(open.as_array().map(Vec::len), Some(1), "{open}");
    assert_eq!(open[0]["case"], "2026-09/case-01");
    assert_eq!(open[0]["since"], "2026-03-03");
    assert_eq!(open[0]["meetings_open"], 2);
    let html = t.read("output/trends.html");
    assert!(
        html.contains("Cases carried over, not yet judged"),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="2026-09/report.html#case-1">Case 1</a>"#),
        "{html}"
    );
    assert!(
        html.contains("Open for 5 months (2 later meetings)"),
        "{html}"
    );
    let docx = unzip(&fs::read(t.path().join("output/trends.docx")).unwrap());
    assert!(docx["word/document.xml"].contains("Cases carried over, not yet judged"));

    // Carried over in June and taken up by no later meeting: warned about at June's
    // judgement, in a check of the archive and of its latest meeting alike.
    let t = Report::copy("archive/carried");
    let case = t.read("2026-09/cases/case-01.md");
    let t = t.file(
        "2026-09/cases/case-01.md",
        case.replace("carried_from: 2026-06/case-02\n", ""),
    );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked.stderr.contains("2026-06/cases/case-02.md:7:12: warning: this case was carried over, but no later meeting takes it up"),
        "{}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("`carried_from: 2026-06/case-02`"),
        "{}",
        checked.stderr
    );
    let latest = t.run(&["check", "{dir}/2026-09"]);
    assert!(
        latest
            .stderr
            .contains("../2026-06/cases/case-02.md:7:12: warning: this case was carried over"),
        "{}",
        latest.stderr
    );
    // It is the latest meeting's to take up, not the business of the meeting itself.
    let own = t.run(&["check", "{dir}/2026-06"]);
    assert!(
        !own.stderr.contains("no later meeting takes it up"),
        "{}",
        own.stderr
    );
    let built = t.run(&["build", "{dir}", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let open = &json(&t, "output/trends.json")["carried_over"];
    assert_eq!(open[0]["case"], "2026-06/case-02", "{open}");
    assert_eq!(open[0]["meeting"], "2026-06", "{open}");
}

#[test]
fn new_meeting_copies_a_carried_case_with_its_earlier_points() {
    let t = Report::copy("archive/carried");
    fs::remove_dir_all(t.path().join("2026-09")).unwrap();
    let made = t.run(&["new-meeting", "2026-09-01", "{dir}", "--cases", "1"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        made.stdout
            .contains("1 case carried over from an earlier meeting to decide")
            || made
                .stderr
                .contains("1 case carried over from an earlier meeting to decide"),
        "{}{}",
        made.stdout,
        made.stderr
    );
    let copy = t.read("2026-09/cases/case-02.md");
    assert_eq!(
        copy,
        "---\ncase: 2\ncarried_from: 2026-06/case-02\ntitle: Criminal damage, conditional caution\nchecks:\n  victim_views: no\n---\n\n## Feedback\n\nAt the meeting of 2 June 2026:\n\n- The panel could not see whether the victim was asked about the caution. #no-views\n- The first contact with the victim came nine days after the offence. #late-contact\n\n- The force is still looking for the officer's notes of the victim's call.\n"
    );
    // The copy checks clean: its earlier meeting's date is no one's personal data.
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(!checked.stderr.contains("case-02.md"), "{}", checked.stderr);

    // A new point below is the panel's word now; an earlier point reworded is warned about.
    let t = t.append("2026-09/cases/case-02.md", "- The notes were found.\n");
    let checked = t.run(&["check"]);
    assert!(!checked.stderr.contains("case-02.md"), "{}", checked.stderr);
    let reworded = t
        .read("2026-09/cases/case-02.md")
        .replace("nine days", "ten days");
    let t = t.file("2026-09/cases/case-02.md", reworded);
    let checked = t.run(&["check"]);
    assert!(
        checked.stderr.contains("2026-09/cases/case-02.md:14:1: warning: the points from the meeting of 2 June 2026 under “Feedback” have been changed"),
        "{}",
        checked.stderr
    );
}

#[test]
fn every_slip_in_carried_from_is_an_error_at_its_line() {
    let t = Report::copy("archive/carried");
    let case = t.read("2026-09/cases/case-01.md");
    for (written, expected) in [
        (
            "2026-06/case-2",
            "2026-09/cases/case-01.md:3:15: error: `carried_from:` names `2026-06/case-2`, but meeting 2026-06 has no case `case-2`",
        ),
        (
            "2026-6/case-02",
            "2026-09/cases/case-01.md:3:15: error: `carried_from:` names `2026-6`, which is no earlier meeting of this archive",
        ),
        (
            "2026-06/case-01",
            "2026-09/cases/case-01.md:3:15: error: `2026-06/case-01` was not carried over: meeting 2026-06 judged it `appropriate-with-learning`",
        ),
        (
            "case-02",
            "2026-09/cases/case-01.md:3:15: error: `carried_from: case-02` does not name a meeting and a case",
        ),
    ] {
        let t = Report::copy("archive/carried").file(
            "2026-09/cases/case-01.md",
            case.replace(
                "carried_from: 2026-06/case-02",
                &format!("carried_from: {written}"),
            ),
        );
        let checked = t.run(&["check"]);
        assert_eq!(checked.code, 1, "{written}: {}", checked.stderr);
        assert!(
            checked.stderr.contains(expected),
            "{written}: {}",
            checked.stderr
        );
    }
    let t = Report::copy("archive/carried").file(
        "2026-09/cases/case-01.md",
        case.replace(
            "carried_from: 2026-06/case-02",
            "carried_from: 2026-06/case-2",
        ),
    );
    let checked = t.run(&["check"]);
    assert!(
        checked.stderr.contains("did you mean `2026-06/case-02`?"),
        "{}",
        checked.stderr
    );
    // Two cases of one meeting cannot both take it up.
    let t = Report::copy("archive/carried").file(
        "2026-09/cases/case-02.md",
        case.replace("case: 1", "case: 2"),
    );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked.stderr.contains("2026-09/cases/case-02.md:3:15: error: `2026-06/case-02` is taken up already, by a case of meeting 2026-09"),
        "{}",
        checked.stderr
    );
}
