//! A phrase found inside a word, after a hyphenated prefix or after a negation: warned
//! about where it is, counted until its rule's `negated:` decides, refused by `--publish`,
//! and shown with its decision by `themes --explain`.

use super::builder::Report;
use super::{run, s};

/// A report whose three points each hold a phrase of theme `records` that may mean its
/// opposite, and a fourth that holds one as itself. `negated` is added to every rule.
fn report(negated: &str) -> Report {
    let rule = |phrase: &str| format!("    - phrase: {phrase}\n{negated}");
    Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-01-10\n")
        .file(
            "themes.yaml",
            format!(
                "records:\n  label: Records\n  when:\n{}{}{}",
                rule("complete"),
                rule("compliant"),
                rule("escalat")
            ),
        )
        .case(1, "", "- The file was incomplete.\n")
        .case(2, "", "- Officers were not fully compliant.\n")
        .case(3, "", "- Good De-escalating words.\n")
        .case(4, "", "- The log was complete.\n")
}

/// Checks `t`, which must pass without a warning: its rules have decided every match.
fn check_quietly(t: &Report) {
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(!checked.stderr.contains("warning"), "{}", checked.stderr);
}

fn explain(t: &Report) -> String {
    let explained = t.run(&["themes", "{dir}", "--explain", "records"]);
    assert_eq!(explained.code, 0, "{}", explained.stderr);
    explained.stdout
}

#[test]
fn a_match_that_may_mean_the_opposite_is_counted_with_a_warning_at_its_word() {
    let t = report("")
        .expect_code(0)
        .expect_stderr("cases/case-01.md:4:16: warning: the phrase \"complete\" is found inside a word in \"incomplete\", and counted for theme `records`")
        .expect_stderr("cases/case-02.md:4:17: warning: the phrase \"compliant\" is found after \"not\" in \"not fully compliant\", and counted for theme `records`")
        .expect_stderr("cases/case-03.md:4:8: warning: the phrase \"escalat\" is found after \"de-\" in \"de-escalating\", and counted for theme `records`")
        .expect_stderr("add `negated: skip` to the rule at themes.yaml:4 if it does")
        .expect_stderr("3 warnings");
    let checked = t.run(&["check"]);
    assert!(!checked.stderr.contains("case-04"), "{}", checked.stderr);
    let tally = t.run(&["themes"]);
    assert!(
        tally.stdout.contains("Records      4   100%  1, 2, 3, 4"),
        "no count moves until a rule says so:\n{}",
        tally.stdout
    );
    let explained = explain(&t);
    assert!(
        explained.contains("Phrases found inside a word or after a negation:\ncases/case-01.md:4: case 1 [phrase complete] found inside a word in \"incomplete\": counted, with a warning, as the rule has no `negated:`\n"),
        "{explained}"
    );
    let out = tempfile::tempdir().unwrap();
    t.expect_code(0)
        .expect_stderr("cases/case-02.md:4:17: warning: the phrase \"compliant\"")
        .run(&["build", "--out", s(out.path()), "--format", "json"]);
}

#[test]
fn negated_skip_leaves_such_matches_uncounted_without_a_warning() {
    let t = report("      negated: skip\n");
    check_quietly(&t);
    let tally = t.run(&["themes"]);
    assert!(
        tally.stdout.contains("Records      1    25%  4"),
        "{}",
        tally.stdout
    );
    let explained = explain(&t);
    assert!(
        explained.contains("cases/case-02.md:4: case 2 [phrase compliant] found after \"not\" in \"not fully compliant\": not counted (negated: skip)"),
        "{explained}"
    );
    assert!(
        !explained.contains("cases/case-02.md:4: case 2 [phrase compliant] Officers"),
        "a skipped match is no evidence:\n{explained}"
    );
}

#[test]
fn negated_count_counts_such_matches_without_a_warning() {
    let t = report("      negated: count\n");
    check_quietly(&t);
    let explained = explain(&t);
    for expected in [
        "Records (records): 4 of 4 cases: 1, 2, 3, 4",
        "cases/case-03.md:4: case 3 [phrase escalat] Good De-escalating words.",
        "cases/case-03.md:4: case 3 [phrase escalat] found after \"de-\" in \"de-escalating\": counted (negated: count)",
    ] {
        assert!(explained.contains(expected), "{expected}\n{explained}");
    }
}

#[test]
fn publish_refuses_a_match_no_rule_has_decided() {
    let out = tempfile::tempdir().unwrap();
    let args = [
        "build",
        "--publish",
        "--out",
        s(out.path()),
        "--format",
        "json",
    ];
    let t = report("").expect_code(1).expect_stderr(
        "cases/case-01.md:4:16: error: the phrase \"complete\" is found inside a word",
    );
    t.run(&args);
    assert!(!out.path().join("report.json").exists());
    let t = report("      negated: skip\n").expect_code(0);
    t.run(&args);
    assert!(out.path().join("report.json").exists());
    let help = run(&["build", "--help"]);
    assert!(
        help.stdout
            .contains("a phrase found inside a word or after a negation"),
        "{}",
        help.stdout
    );
}

#[test]
fn a_negated_value_off_the_list_is_an_error_with_a_suggestion() {
    report("      negated: skipp\n")
        .expect_code(1)
        .expect_stderr("themes.yaml:5:16: error: `skipp` is not a choice for `negated:`")
        .expect_stderr("did you mean `skip`?")
        .run(&["check"]);
}

#[test]
fn welsh_negations_are_read_in_a_report_written_in_welsh() {
    let t = Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-01-10\nlanguage: cy\n")
        .file(
            "themes.yaml",
            "cofnodion:\n  label: Cofnodion\n  when:\n    - phrase: cyflawn\n",
        )
        .case(1, "", "- Roedd y ffeil heb cyflawn.\n")
        .expect_stderr("cases/case-01.md:4:17: warning: the phrase \"cyflawn\" is found after \"heb\" in \"heb cyflawn\"");
    t.run(&["check"]);
}
