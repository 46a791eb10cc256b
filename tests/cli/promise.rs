//! What `check` passes, `build` builds, in every format: the slips a writer makes while
//! drafting are warnings `check` names, and every output copes with them.

use std::fs;

use super::*;

/// `## ` left in background.md and in a case (CommonMark's example 79): `check` warns at
/// each line, and the build writes every format, the PDF leaving the headings out.
#[test]
fn an_empty_heading_is_a_warning_and_every_format_builds() {
    let t = Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-05-14\n")
        .file("background.md", "Some words.\n\n## \n\nMore words.\n\n#\n")
        .file("cases/case-01.md", "---\ncase: 1\n---\n## \n- A point.\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    for at in [
        "background.md:3:1:",
        "background.md:7:1:",
        "cases/case-01.md:4:1:",
    ] {
        assert!(
            checked
                .stderr
                .contains(&format!("{at} warning: this heading has no words")),
            "{at}: {}",
            checked.stderr
        );
    }
    let out = tempfile::tempdir().unwrap();
    let built = t.run(&["build", "--out", s(out.path())]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(!built.stderr.contains("template"), "{}", built.stderr);
    for name in [
        "report.html",
        "report.docx",
        "report.pdf",
        "report.xlsx",
        "report.json",
    ] {
        assert!(
            fs::metadata(out.path().join(name)).unwrap().len() > 0,
            "{name}"
        );
    }
}
