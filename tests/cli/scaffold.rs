//! `init`, `init --panel`, `new-meeting` and `new-case` run as an officer would: what
//! they write checks and builds, they never overwrite a file, and what `check` then says
//! about the files still to fill in.

use std::fs;

use build_report::layout;

use super::{Report, run, s};

/// The warnings of a `check` run, one line each (`file:line:column: warning: ...`).
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect()
}

/// Every file below `dir`, as `/`-separated paths, sorted.
fn files(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn init_writes_a_report_that_checks_clean_and_builds() {
    let t = Report::new();
    let dir = t.path().join("my-panel");
    let made = run(&["init", s(&dir)]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert_eq!(
        files(&dir),
        [
            ".gitignore",
            "background.md",
            "cases/case-01.md",
            "closing.md",
            "observations/01-hcso-contact.md",
            "report.yaml",
            "summary.md",
            "themes.yaml"
        ]
    );
    let checked = run(&["check", s(&dir)]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(checked.stderr.is_empty(), "{}", checked.stderr);
    assert!(
        checked.stdout.ends_with(": 1 case, no errors\n"),
        "{}",
        checked.stdout
    );
    let out = t.path().join("out");
    let built = run(&["build", s(&dir), "--out", s(&out), "--format", "html,json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stderr.is_empty(), "{}", built.stderr);
    let json = fs::read_to_string(out.join("report.json")).unwrap();
    // Every theme of the example finds the example case.
    let themes = ["late-hcso-contact", "risk-unclear", "victim-not-updated"];
    for theme in themes {
        assert!(json.contains(&format!("\"id\": \"{theme}\"")), "{theme}");
    }
    let report = fs::read_to_string(dir.join("report.yaml")).unwrap();
    assert!(
        report.contains("\n# word_template: house-style.docx"),
        "{report}"
    );
}

/// `init` keeps output/ out of git, for a report and an archive alike, and leaves a
/// .gitignore the folder already has as it was.
#[test]
fn init_writes_a_gitignore_for_output_unless_there_is_one() {
    for panel in [false, true] {
        let t = Report::new();
        let args: &[&str] = if panel {
            &["init", "--panel"]
        } else {
            &["init"]
        };
        assert_eq!(t.run(args).code, 0);
        let ignored = t.read(".gitignore");
        assert!(ignored.lines().any(|l| l == "output/"), "{ignored}");
        let own = Report::new().file(".gitignore", "target/\n");
        let made = own.run(args);
        assert_eq!(made.code, 0, "{}", made.stderr);
        assert_eq!(own.read(".gitignore"), "target/\n");
        assert!(!made.stdout.contains(".gitignore"), "{}", made.stdout);
    }
}

#[test]
fn init_never_overwrites_and_then_writes_nothing() {
    let t = Report::new()
        .file(layout::THEMES, "# the panel's own\n")
        .expect_code(1)
        .expect_stderr("nothing was written, since this file exists already: themes.yaml")
        .expect_file(layout::THEMES, "# the panel's own\n");
    t.run(&["init"]);
    assert_eq!(files(t.path()), [layout::THEMES]);
    let t = Report::new().file("2024-05/notes.md", "x").expect_code(0);
    t.run(&["init", "--panel"]);
    let t = t.expect_code(1).expect_stderr(layout::PANEL);
    t.run(&["init", "--panel"]);
}

#[test]
fn a_new_archive_checks_clean_and_a_new_meeting_has_its_stubs() {
    let t = Report::new();
    let made = t.run(&["init", "--panel"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(checked.stderr.is_empty(), "{}", checked.stderr);
    let first: Vec<String> = files(t.path())
        .into_iter()
        .filter(|f| f.ends_with("/report.yaml"))
        .collect();
    assert_eq!(first.len(), 1, "{first:?}");
    let own = t.read(&first[0]);
    assert!(
        own.starts_with("meeting_date: ") && own.lines().count() == 1,
        "{own}"
    );

    // A year on, so that the month is never the first meeting's.
    let date = "2999-03-10";
    let next = t.run(&["new-meeting", date, "{dir}", "--cases", "2"]);
    assert_eq!(next.code, 0, "{}", next.stderr);
    let written: Vec<String> = files(t.path())
        .into_iter()
        .filter(|f| f.starts_with("2999-03/"))
        .collect();
    assert_eq!(
        written,
        [
            "2999-03/cases/case-01.md",
            "2999-03/cases/case-02.md",
            "2999-03/report.yaml",
            "2999-03/updates/01-hcso-contact.md"
        ]
    );
    assert_eq!(
        t.read("2999-03/report.yaml"),
        format!("meeting_date: {date}\n")
    );
    let update = t.read("2999-03/updates/01-hcso-contact.md");
    let id = first[0].trim_end_matches("/report.yaml");
    assert!(
        update.starts_with(&format!(
            "---\nobservation: {id}/01-hcso-contact\nstatus: responded "
        )),
        "{update}"
    );

    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let warned = warnings(&checked.stderr);
    let unanswered: Vec<&&str> = warned
        .iter()
        .filter(|w| w.contains("unanswered checks"))
        .collect();
    assert_eq!(unanswered.len(), 2, "{warned:#?}");
    assert!(
        unanswered[0].starts_with("2999-03/cases/case-01.md:"),
        "{warned:#?}"
    );
    assert!(
        unanswered[1].starts_with("2999-03/cases/case-02.md:"),
        "{warned:#?}"
    );
    assert!(
        warned.iter().any(|w| w.starts_with(
            "2999-03/updates/01-hcso-contact.md:5:1: warning: this update has no text yet"
        )),
        "{warned:#?}"
    );

    let again = t.run(&["new-meeting", "2999-03-24", "{dir}"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("2999-03-24/"), "{}", again.stderr);
    let not_archive = t.run(&["new-meeting", date, "{dir}/2999-03"]);
    assert_eq!(not_archive.code, 1);
    assert!(
        not_archive.stderr.contains("no panel.yaml"),
        "{}",
        not_archive.stderr
    );
    let bad_date = t.run(&["new-meeting", "10/03/2999", "{dir}"]);
    assert_eq!(bad_date.code, 2, "{}", bad_date.stderr);
}

#[test]
fn new_case_takes_the_next_number_and_the_usual_headings() {
    let t = Report::new()
        .file(
            "report.yaml",
            "title: T\nmeeting_date: 2024-05-14\nchecks:\n  hcso_48h: HCSO contact within 48 hours\n  victim_contract: Victim contract\n",
        )
        .case(3, "", "## Risk\n- a\n## Victim care\n- b\n## Outcome\n- c\n")
        .case(4, "", "## Risk\n- a\n## Outcome\n- c\n## Once only\n- d\n")
        .case(1, "", "## Risk\n- a\n## Victim care\n- b\n## Outcome\n- c\n");
    let made = t.run(&["new-case"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let text = t.read("cases/case-05.md");
    assert!(text.starts_with("---\ncase: 5\n"), "{text}");
    assert!(
        text.contains("\n  hcso_48h:          # HCSO contact within 48 hours\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  victim_contract:   # Victim contract\n"),
        "{text}"
    );
    assert!(
        text.ends_with("---\n\n## Risk\n\n## Victim care\n\n## Outcome\n"),
        "{text}"
    );

    let chosen = t.run(&["new-case", "{dir}", "--case", "12"]);
    assert_eq!(chosen.code, 0, "{}", chosen.stderr);
    assert!(t.read("cases/case-12.md").starts_with("---\ncase: 12\n"));
    let taken = t.run(&["new-case", "{dir}", "--case", "4"]);
    assert_eq!(taken.code, 1);
    assert!(
        taken
            .stderr
            .contains("case 4 is taken, by cases/case-04.md"),
        "{}",
        taken.stderr
    );

    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let warned = warnings(&checked.stderr);
    let unanswered: Vec<&&str> = warned
        .iter()
        .filter(|w| w.contains(": warning: 2 unanswered checks: `hcso_48h` and `victim_contract`"))
        .collect();
    assert_eq!(unanswered.len(), 2, "{warned:#?}");
}

#[test]
fn new_case_in_a_new_folder_uses_the_usual_first_headings() {
    let t = Report::new().file("report.yaml", "title: T\nmeeting_date: 2024-05-14\n");
    let made = t.run(&["new-case"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let text = t.read("cases/case-01.md");
    assert!(!text.contains("checks:"), "{text}");
    assert!(
        text.ends_with("judgement:\n---\n\n## Risk and vulnerability\n\n## Outcome\n"),
        "{text}"
    );
    let nowhere = Report::new();
    let refused = nowhere.run(&["new-case"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("no report.yaml"),
        "{}",
        refused.stderr
    );
}

#[test]
fn an_unclosed_bracket_is_reported_on_its_own_line_once() {
    let t = Report::new()
        .file(
            "report.yaml",
            "title: T\nmeeting_date: 2024-05-14\nforce: [Dyfed-Powys\nmarking: OFFICIAL\n",
        )
        .case(1, "title: [unclosed\nrisk: low\n", "- a point\n")
        .case(2, "title: Public order\n", "- a point\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1);
    let errors: Vec<&str> = checked
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors,
        [
            "cases/case-01.md:3:8: error: this `[` is never closed",
            "report.yaml:3:8: error: this `[` is never closed"
        ],
        "{}",
        checked.stderr
    );
    assert!(
        checked
            .stderr
            .contains("quote it: `force: \"[Dyfed-Powys\"`"),
        "{}",
        checked.stderr
    );
}
