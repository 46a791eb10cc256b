//! `changes --since`: what moved since an earlier version, read from a git revision or
//! from a report.json kept from an earlier build, and the same changes found either way.

use std::path::Path;
use std::process::Command;

use super::builder::Report;
use super::tools::require;

/// Runs git in `dir` with a fixed author, as a panel officer's commit would be made.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Officer",
            "-c",
            "user.email=officer@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The small report's case 1 with its judgement changed, a point reworded and its HCSO
/// check turned from `no` to `yes`, which takes it out of the late-contact tally.
fn revise(t: Report) -> Report {
    let case = t
        .read("cases/b-first.md")
        .replace(
            "judgement: appropriate-with-observations",
            "judgement: inappropriate",
        )
        .replace("hcso_48h: no", "hcso_48h: yes")
        .replace(
            "with a HCSO appointed after the 48 hour mark",
            "with a HCSO appointed late",
        )
        .replace("were happy that the risks", "were satisfied that the risks");
    t.file("cases/b-first.md", case)
}

fn assert_the_three_changes(out: &str) {
    assert!(
        out.contains("case 1: judgement appropriate-with-observations → inappropriate"),
        "{out}"
    );
    assert!(
        out.contains("late-hcso-contact: 2 → 1 case, case 1 removed"),
        "{out}"
    );
    assert!(
        out.contains("reworded: Panel members were [-happy-] {+satisfied+} that the risks had been identified."),
        "{out}"
    );
}

#[test]
fn changes_since_a_git_revision_lists_a_judgement_a_tally_and_a_reworded_point() {
    if !require("git") {
        return;
    }
    let t = Report::copy("good/small");
    git(t.path(), &["init", "-q"]);
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-qm", "Draft sent to the force"]);
    let t = revise(t);
    git(t.path(), &["commit", "-qam", "Final"]);
    let run = t.run(&["changes", "--since", "HEAD~1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_the_three_changes(&run.stdout);
    let html = t.read("output/changes.html");
    assert!(
        html.contains("<del>happy</del> <ins>satisfied</ins>"),
        "{html}"
    );
    assert!(html.contains("Compared with HEAD~1 ("), "{html}");
    assert!(html.contains(r#"class="marking marking-top""#), "{html}");
    // Nothing changed since the last commit: it says so, and the page does too.
    let same = t.run(&["changes", "--since", "HEAD"]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(
        same.stdout.contains("Nothing in the report has changed."),
        "{}",
        same.stdout
    );
}

#[test]
fn changes_since_an_earlier_report_json_finds_the_same_changes() {
    let t = Report::copy("good/small");
    let built = t.run(&["build", "{dir}", "--format", "json", "--out", "{dir}/draft"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let t = revise(t);
    let run = t.run(&["changes", "{dir}", "--since", "{dir}/draft/report.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_the_three_changes(&run.stdout);
}

#[test]
fn a_revision_outside_git_or_unknown_is_a_clear_error_and_writes_nothing() {
    let t = Report::copy("good/small");
    let run = t.run(&["changes", "--since", "HEAD~1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("give --since a report.json"),
        "{}",
        run.stderr
    );
    assert!(!t.path().join("output").exists());
    if require("git") {
        git(t.path(), &["init", "-q"]);
        git(t.path(), &["add", "."]);
        git(t.path(), &["commit", "-qm", "one"]);
        let run = t.run(&["changes", "--since", "draft-for-force"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("no revision `draft-for-force`"),
            "{}",
            run.stderr
        );
        assert!(!t.path().join("output").exists());
    }
    let missing = t.run(&["changes", "{dir}", "--since", "{dir}/old/report.json"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    let t = t.file("old.json", "[1, 2, 3]");
    let not_a_report = t.run(&["changes", "{dir}", "--since", "{dir}/old.json"]);
    assert_eq!(not_a_report.code, 1, "{}", not_a_report.stderr);
    assert!(
        not_a_report.stderr.contains("not a report.json"),
        "{}",
        not_a_report.stderr
    );
}

#[test]
fn a_meeting_of_an_archive_is_compared_with_its_archive_at_the_revision() {
    if !require("git") {
        return;
    }
    let t = Report::copy("archive/sample");
    git(t.path(), &["init", "-q"]);
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-qm", "one"]);
    let meeting = t.path().join("2023-06");
    let case = std::fs::read_dir(meeting.join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .min()
        .unwrap();
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, format!("{text}\n- A point added after the draft.\n")).unwrap();
    let run = t.run(&["changes", "--since", "HEAD", "{dir}/2023-06"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("2023-06:"), "{}", run.stdout);
    assert!(
        run.stdout.contains("added: A point added after the draft."),
        "{}",
        run.stdout
    );
    // Only the meeting asked for is compared.
    assert!(!run.stdout.contains("2023-03:"), "{}", run.stdout);
    assert!(t.path().join("2023-06/output/changes.html").is_file());
}

#[test]
fn welsh_left_behind_by_its_english_is_named() {
    if !require("git") {
        return;
    }
    let t = Report::copy("good/small")
        .append("report.yaml", "languages: [en, cy]\n")
        .file("cases/c-second.cy.md", "- Pwynt yn Gymraeg.\n");
    git(t.path(), &["init", "-q"]);
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-qm", "one"]);
    let case = t
        .read("cases/c-second.md")
        .replace("Points before any heading.", "Points first.");
    let t = t.file("cases/c-second.md", case);
    let run = t.run(&["changes", "--since", "HEAD"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("cases/c-second.cy.md is older than cases/c-second.md, which changed"),
        "{}",
        run.stdout
    );
}

/// The small report in `dir`, revised since a build kept as draft/, and its changes.html,
/// for the accessibility audit and the HTML checker.
pub(super) fn changes_page(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("changes-small");
    super::copy_tree(&super::fixture("good/small"), &folder);
    let draft = folder.join("draft");
    let built = super::run(&[
        "build",
        super::s(&folder),
        "--format",
        "json",
        "--out",
        super::s(&draft),
    ]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let case = folder.join("cases/b-first.md");
    let text = std::fs::read_to_string(&case).unwrap();
    let revised = text
        .replace(
            "judgement: appropriate-with-observations",
            "judgement: inappropriate",
        )
        .replace("hcso_48h: no", "hcso_48h: yes")
        .replace("were happy that the risks", "were satisfied that the risks");
    std::fs::write(&case, revised).unwrap();
    let since = draft.join("report.json");
    let run = super::run(&["changes", super::s(&folder), "--since", super::s(&since)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    folder.join("output/changes.html")
}
