//! `-q`, which every command takes: each prints only its problems and what was asked for,
//! and an error is never hidden.

use super::builder::Report;

/// A report that checks with one warning: a phrase found inside a word.
fn with_a_warning() -> Report {
    Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-01-10\n")
        .file(
            "themes.yaml",
            "records:\n  label: Records\n  when:\n    - phrase: complete\n",
        )
        .case(1, "", "- The file was incomplete.\n")
}

const WARNING: &str = "warning: the phrase \"complete\" is found inside a word";

#[test]
fn check_q_prints_the_problems_without_the_verdict() {
    let t = with_a_warning();
    let loud = t.run(&["check"]);
    assert!(
        loud.stdout.contains("1 case, no errors, 1 warning"),
        "{}",
        loud.stdout
    );
    let t = t.expect_code(0).expect_stderr(WARNING);
    let quiet = t.run(&["check", "-q"]);
    assert_eq!(quiet.stdout, "", "check -q printed a verdict");
    let t = t.case(2, "judgement: maybe\n", "- A point.\n");
    let t = t.expect_code(1);
    let failed = t.run(&["check", "--quiet"]);
    assert!(failed.stderr.contains("error:"), "{}", failed.stderr);
    assert_eq!(failed.stdout, "");
}

#[test]
fn themes_q_prints_the_tally_without_warnings_but_with_errors() {
    let t = with_a_warning();
    let loud = t.run(&["themes"]);
    assert!(loud.stderr.contains(WARNING), "{}", loud.stderr);
    let t = t.expect_code(0);
    let quiet = t.run(&["themes", "-q"]);
    assert!(
        quiet.stdout.contains("Records      1   100%  1"),
        "{}",
        quiet.stdout
    );
    assert_eq!(quiet.stderr, "", "themes -q printed a warning");
    let t = t.append("themes.yaml", "broken: [");
    let t = t.expect_code(1);
    let failed = t.run(&["themes", "-q"]);
    assert!(
        failed.stderr.contains("error: this `[` is never closed"),
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.ends_with("1 error\n"), "{}", failed.stderr);
}

#[test]
fn build_q_prints_only_problems() {
    let mut t = with_a_warning();
    for args in [&["build", "-q"][..], &["-q"], &["build", "--quiet"]] {
        t = t.expect_code(0).expect_stderr(WARNING);
        let built = t.run(args);
        assert_eq!(built.stdout, "", "{args:?}");
    }
    assert!(t.path().join("output/report.json").is_file());
}

#[test]
fn scaffolding_with_q_writes_its_files_and_says_nothing() {
    let t = Report::new();
    let t = t.expect_code(0);
    let made = t.run(&["init", "-q"]);
    assert_eq!(made.stdout, "");
    assert!(t.path().join("report.yaml").is_file());
    let t = t.expect_code(0);
    let added = t.run(&["new-case", "-q"]);
    assert_eq!(added.stdout, "");
    assert!(t.path().join("cases/case-02.md").is_file());
    let t = t.expect_code(1);
    let refused = t.run(&["init", "-q"]);
    assert!(
        refused.stderr.contains("error: nothing was written"),
        "{}",
        refused.stderr
    );
}
