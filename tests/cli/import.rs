//! `build-report import` of text: the reference report's text export round trip, the
//! folder's name, and the refusal to overwrite. Word documents are in `import_docx`.

use std::fs;
use std::path::Path;

use super::{run, s};

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/hate-crime-qap-2021-09.txt"
);

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Imports `file` into a new folder and builds its JSON, both of which must succeed.
pub(super) fn import_and_build(file: &Path) -> (tempfile::TempDir, super::Run, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("report");
    let imported = run(&["import", s(file), "--into", s(&dir)]);
    assert_eq!(imported.code, 0, "{}{}", imported.stdout, imported.stderr);
    let out = tmp.path().join("out");
    let built = run(&["build", s(&dir), "--out", s(&out), "--format", "json,html"]);
    assert_eq!(built.code, 0, "{}{}", built.stdout, built.stderr);
    assert!(!built.stderr.contains("error:"), "{}", built.stderr);
    let report = json(&out.join("report.json"));
    (tmp, imported, report)
}

pub(super) fn texts(values: &serde_json::Value, key: &str) -> Vec<String> {
    values
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v[key].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_reference_report_round_trips_with_every_point_word_for_word() {
    let reference = Path::new(REFERENCE);
    if !reference.exists() {
        eprintln!("SKIPPED in import::reference: the reference report is not at {REFERENCE}");
        return;
    }
    let (tmp, imported, report) = import_and_build(reference);
    assert!(
        imported.stdout.contains("Cases: 15 (1–9, 11–16)"),
        "{}",
        imported.stdout
    );
    assert!(
        imported
            .stdout
            .contains("Observations: 5 (5 with the force's response)")
    );
    assert!(imported.stdout.contains("Closing remarks: 1 paragraph"));
    assert!(
        imported.stderr.contains("hate-crime-qap-2021-09.txt:126:1: warning: Case 10 is missing between 9 and 11; its points may be among Case 9's (lines 119–132)"),
        "{}",
        imported.stderr
    );
    assert_eq!(report["meeting_date"], "2021-09-29");
    let mut points: Vec<String> = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| texts(&c["feedback"], "text"))
        .collect();
    points.extend(
        report["summary"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().or(p["text"].as_str()).map(str::to_string)),
    );
    let source = fs::read_to_string(reference).unwrap();
    let mut bullets = 0;
    for line in source.lines() {
        let Some(point) = line.trim().strip_prefix('·') else {
            continue;
        };
        bullets += 1;
        let point = point.trim();
        assert!(
            points.iter().any(|p| p == point),
            "not in report.json word for word: {point}"
        );
    }
    assert_eq!(bullets, 113);
    let observations = report["observations"].as_array().unwrap();
    assert_eq!(observations.len(), 5);
    assert_eq!(
        observations[0]["text"],
        "Members queried whether a MAVIS report should be created for cases that are deemed as low risk."
    );
    assert!(
        observations
            .iter()
            .all(|o| o["response"].as_str().is_some_and(|r| !r.is_empty()))
    );
    assert!(
        observations[4]["response"]
            .as_str()
            .unwrap()
            .contains("Since the review undertaken by the Panel I have created a podcast")
    );
    let html = fs::read_to_string(tmp.path().join("out/report.html")).unwrap();
    assert!(html.contains("I am very grateful to the Quality Assurance Panel"));
}

#[test]
fn an_occupied_folder_is_refused_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("old.txt");
    fs::write(
        &file,
        "Panel report\n1.0 Background\nText.\nCase 1\n• A point.\n",
    )
    .unwrap();
    let dir = tmp.path().join("taken");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("notes.md"), "mine").unwrap();
    let refused = run(&["import", s(&file), "--into", s(&dir)]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("exists and is not empty"),
        "{}",
        refused.stderr
    );
    assert!(!dir.join("report.yaml").exists());
    let forced = run(&["import", s(&file), "--into", s(&dir), "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(fs::read_to_string(dir.join("notes.md")).unwrap(), "mine");
    assert!(dir.join("cases/case-01.md").exists());
    builds(&dir);
}

#[test]
fn the_folder_is_named_after_the_file_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("june.md"), "# June meeting\n\n## Background\n\nMet on 3 June 2024.\n\n## Case 1: Theft\n\n- A point.\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(["import", "june.md"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let case = fs::read_to_string(tmp.path().join("june/cases/case-01.md")).unwrap();
    assert_eq!(case, "---\ncase: 1\ntitle: \"Theft\"\n---\n\n- A point.\n");
    let yaml = fs::read_to_string(tmp.path().join("june/report.yaml")).unwrap();
    assert!(
        yaml.contains("title: \"June meeting\"\nmeeting_date: 2024-06-03\n"),
        "{yaml}"
    );
    assert!(yaml.contains("left to the panel"));
    builds(&tmp.path().join("june"));
}

/// Every folder import writes builds.
fn builds(dir: &Path) {
    let out = tempfile::tempdir().unwrap();
    let built = run(&["build", s(dir), "--out", s(out.path()), "--format", "json"]);
    assert_eq!(built.code, 0, "{}{}", built.stdout, built.stderr);
}

#[test]
fn a_file_import_does_not_read_is_wrong_usage() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("report.pdf");
    fs::write(&file, "%PDF").unwrap();
    let refused = run(&["import", s(&file)]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("not a file import reads"),
        "{}",
        refused.stderr
    );
    let missing = run(&["import", s(&tmp.path().join("none.docx"))]);
    assert_eq!(missing.code, 2);
}

#[test]
fn a_windows_text_export_is_read_as_windows_1252_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("export.txt");
    fs::write(
        &file,
        b"Panel\r\n1.0 Background\r\nMet on 3 March 2020.\r\nCase 1\r\n\x95\tMembers\x92 view \x93here\x94\r\n",
    )
    .unwrap();
    let (_tmp, imported, report) = import_and_build(&file);
    assert!(
        imported
            .stderr
            .contains("warning: the file is not UTF-8, so it was read as Windows-1252"),
        "{}",
        imported.stderr
    );
    assert_eq!(
        report["cases"][0]["feedback"][0]["text"],
        "Members’ view “here”"
    );
}

/// Stray control characters from an old case-management system are dropped, with one
/// warning naming the first, in a Windows-1252 export and a UTF-8 one alike, and what
/// import wrote builds.
#[test]
fn control_characters_in_an_export_are_dropped_and_the_folder_builds() {
    let exports: [(&str, &[u8]); 2] = [
        (
            "windows.txt",
            b"Panel\r\n1.0 Background\r\nMet on 3 March 2020.\r\nCase 1\r\n\x95\tMembers\x92 view\x00 was \x07clear\r\n",
        ),
        (
            "utf8.txt",
            "Panel\n1.0 Background\nMet on 3 March 2020.\nCase 1\n• Members’ view\u{1b} was \u{b}clear\n"
                .as_bytes(),
        ),
    ];
    for (name, bytes) in exports {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join(name);
        fs::write(&file, bytes).unwrap();
        let (_tmp, imported, report) = import_and_build(&file);
        let warnings: Vec<&str> = imported
            .stderr
            .lines()
            .filter(|l| l.contains("control characters"))
            .collect();
        assert_eq!(warnings.len(), 1, "{name}: {}", imported.stderr);
        assert!(
            warnings[0].contains(&format!("{name}:5:")),
            "{}",
            warnings[0]
        );
        assert_eq!(
            report["cases"][0]["feedback"][0]["text"], "Members’ view was clear",
            "{name}"
        );
    }
}
