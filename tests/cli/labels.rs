//! `build-report labels`: every built-in word by its key, in the language asked, with the
//! folder's own `labels:` marked, as an officer looking for a key to change would run it.

use std::process::Command;

use build_report::layout;

use super::Run;
use super::builder::Report;

/// A report with one case; `more` is added to its report.yaml.
fn report(more: &str) -> Report {
    Report::new()
        .file(
            layout::REPORT,
            format!("title: T\nmeeting_date: 2024-01-10\n{more}"),
        )
        .case(1, "", "- A point.\n")
}

/// The line that lists `key`, which there must be exactly one of.
fn line<'a>(run: &'a Run, key: &str) -> &'a str {
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.get(2..).and_then(|l| l.split_whitespace().next()) == Some(key))
        .collect();
    assert_eq!(lines.len(), 1, "{key} in:\n{}", run.stdout);
    lines[0]
}

/// The words after the key on a line, spaces between them made one.
fn words(line: &str) -> String {
    line[2..]
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_key_is_listed_in_english_in_the_catalogue_s_order() {
    let t = report("").expect_code(0);
    let listed = t.run(&["labels"]);
    assert!(listed.stdout.starts_with("The words the report in "));
    let keys: Vec<&str> = listed
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.get(2..)?.split_whitespace().next())
        .collect();
    assert_eq!(keys, build_report::catalogue::KEYS);
    assert_eq!(words(line(&listed, "meeting_date")), "Meeting date");
    assert_eq!(words(line(&listed, "case")), "Case {number}");
    assert!(words(line(&listed, "months")).starts_with("January, February, March"));
    assert!(!listed.stdout.contains("\n* "), "{}", listed.stdout);
    // The key and its words line up, so a long list reads as two columns.
    let column = |key: &str| line(&listed, key).find(&words(line(&listed, key))).unwrap();
    assert_eq!(
        column("case"),
        column("judgement_appropriate_with_observations")
    );
}

#[test]
fn welsh_is_the_report_s_own_language_or_asked_for() {
    let t = report("language: cy\n").expect_code(0);
    let welsh = t.run(&["labels"]);
    assert_eq!(words(line(&welsh, "background")), "Cefndir");
    assert_eq!(
        words(line(&welsh, "col_force_response")),
        "Ymateb yr Heddlu"
    );

    let t = report("").expect_code(0);
    let asked = t.run(&["labels", "--lang", "cy"]);
    assert_eq!(words(line(&asked, "background")), "Cefndir");
    assert!(
        asked
            .stdout
            .lines()
            .next()
            .unwrap()
            .contains("is not written in `cy`"),
        "{}",
        asked.stdout
    );
}

#[test]
fn the_folder_s_changes_are_marked_with_the_built_in_words() {
    let t = report(
        "languages: [en, cy]\nlabels:\n  meeting_date: Date of viewing\n  col_force_response: {en: Police response, cy: Ymateb yr heddlu}\n",
    )
    .expect_code(0);
    let english = t.run(&["labels"]);
    let changed = line(&english, "meeting_date");
    assert!(changed.starts_with("* "), "{changed}");
    assert_eq!(words(changed), "Date of viewing (built in: Meeting date)");
    assert_eq!(
        words(line(&english, "col_force_response")),
        "Police response (built in: Force Response)"
    );
    assert!(line(&english, "background").starts_with("  "));

    let t = t.expect_code(0);
    let welsh = t.run(&["labels", "{dir}", "--lang", "cy"]);
    assert_eq!(
        words(line(&welsh, "col_force_response")),
        "Ymateb yr heddlu (built in: Ymateb yr Heddlu)"
    );
    // Written as one string, the change is in the report's own language only.
    assert_eq!(words(line(&welsh, "meeting_date")), "Dyddiad y cyfarfod");
}

#[test]
fn a_meeting_lists_its_archive_s_changes_too() {
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Panel\nlabels:\n  meeting_date: Date of viewing\n",
        )
        .file(
            "2024-01/report.yaml",
            "meeting_date: 2024-01-10\nlabels:\n  contents: Table of contents\n",
        )
        .case_in("2024-01", 1, "", "- A point.\n")
        .expect_code(0);
    let meeting = t.run(&["labels", "{dir}/2024-01"]);
    assert!(line(&meeting, "meeting_date").starts_with("* "));
    assert!(line(&meeting, "contents").starts_with("* "));
    let t = t.expect_code(0);
    let archive = t.run(&["labels"]);
    assert!(
        archive
            .stdout
            .starts_with("The words the latest meeting, 2024-01, prints"),
        "{}",
        archive.stdout
    );
    assert!(line(&archive, "contents").starts_with("* "));
}

#[test]
fn an_unknown_language_is_refused_with_the_languages_there_are() {
    let t = report("").expect_code(2).expect_stderr(
        "error: no built-in words for the language `fr`; the languages are `en` or `cy`",
    );
    let refused = t.run(&["labels", "{dir}", "--lang", "fr"]);
    assert!(refused.stdout.is_empty(), "{}", refused.stdout);
}

#[test]
fn without_a_report_folder_the_built_in_words_are_listed() {
    let empty = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(["labels", "--lang", "cy"])
        .current_dir(empty.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("The built-in words in `cy`"), "{stdout}");
    assert!(stdout.contains("  background "), "{stdout}");
    assert!(stdout.contains(" Cefndir\n"), "{stdout}");
}

#[test]
fn a_key_that_is_no_label_points_to_the_list() {
    let t = report("labels:\n  qqqqqqqq: Words\n")
        .expect_code(0)
        .expect_stderr("`qqqqqqqq` is not a label build-report prints")
        .expect_stderr("`build-report labels` lists the keys");
    t.run(&["check"]);
}
