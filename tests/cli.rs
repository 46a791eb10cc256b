//! Runs the real `build-report` executable on fixture folders, good and bad.
//!
//! This file holds the shared helpers and the good small report; the modules beside it
//! cover bad folders, hostile input, the sample report and the Word output, `tools`
//! the outside programs some tests need and the schema check of every .docx built, and
//! `builder` the [`Report`] folders a test writes for itself.

#[path = "cli/answer_notes.rs"]
mod answer_notes;
#[path = "cli/archive.rs"]
mod archive;
#[path = "cli/archive_copies.rs"]
mod archive_copies;
#[path = "cli/archive_languages.rs"]
mod archive_languages;
#[path = "cli/archive_spec.rs"]
mod archive_spec;
#[path = "cli/audiences.rs"]
mod audiences;
#[path = "cli/axe.rs"]
mod axe;
#[path = "cli/bad.rs"]
mod bad;
#[path = "cli/breakdowns.rs"]
mod breakdowns;
#[path = "cli/builder.rs"]
mod builder;
#[path = "cli/cache.rs"]
mod cache;
#[path = "cli/carried.rs"]
mod carried;
#[path = "cli/case_responses.rs"]
mod case_responses;
#[path = "cli/case_types.rs"]
mod case_types;
#[path = "cli/changes.rs"]
mod changes;
#[path = "cli/commonmark.rs"]
mod commonmark;
#[path = "cli/docx.rs"]
mod docx;
#[path = "cli/fields.rs"]
mod fields;
#[path = "cli/fuzz.rs"]
mod fuzz;
#[path = "cli/hostile.rs"]
mod hostile;
#[path = "cli/house.rs"]
mod house;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/import_docx.rs"]
mod import_docx;
#[path = "cli/import_forms.rs"]
mod import_forms;
#[path = "cli/import_hostile.rs"]
mod import_hostile;
#[path = "cli/import_lines.rs"]
mod import_lines;
#[path = "cli/import_own.rs"]
mod import_own;
#[path = "cli/import_tables.rs"]
mod import_tables;
#[path = "cli/install.rs"]
mod install;
#[path = "cli/interrupt.rs"]
mod interrupt;
#[path = "cli/keys.rs"]
mod keys;
#[path = "cli/labels.rs"]
mod labels;
#[path = "cli/languages.rs"]
mod languages;
#[path = "cli/members.rs"]
mod members;
#[path = "cli/mistakes.rs"]
mod mistakes;
#[path = "cli/months.rs"]
mod months;
#[path = "cli/negation.rs"]
mod negation;
#[path = "cli/not_recorded.rs"]
mod not_recorded;
#[path = "cli/packs.rs"]
mod packs;
#[path = "cli/pages.rs"]
mod pages;
#[path = "cli/pdf.rs"]
mod pdf;
#[path = "cli/promise.rs"]
mod promise;
#[path = "cli/quiet.rs"]
mod quiet;
#[path = "cli/responses.rs"]
mod responses;
#[path = "cli/sample.rs"]
mod sample;
#[path = "cli/scaffold.rs"]
mod scaffold;
#[path = "cli/schema.rs"]
mod schema;
#[path = "cli/serve.rs"]
mod serve;
#[path = "cli/sittings.rs"]
mod sittings;
#[path = "cli/suppression.rs"]
mod suppression;
#[path = "cli/tools.rs"]
mod tools;
#[path = "cli/type_breakdowns.rs"]
mod type_breakdowns;
#[path = "cli/type_judgements.rs"]
mod type_judgements;
#[path = "cli/visible.rs"]
mod visible;
#[path = "cli/vnu.rs"]
mod vnu;
#[path = "cli/xlsx.rs"]
mod xlsx;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use builder::Report;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` and no store of earlier PDFs, so every test lays out its
/// own; cache.rs runs it with one.
fn run(args: &[&str]) -> Run {
    run_with_cache(args, None)
}

/// [`run`], with `BUILD_REPORT_CACHE` naming `cache` (or `off`).
fn run_with_cache(args: &[&str], cache: Option<&Path>) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(args)
        .env("BUILD_REPORT_CACHE", cache.map_or("off", s))
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Copies the folder `from`, and everything beneath it, to `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Where a build into `out` wrote its report: `out` itself, or for a folder with
/// `audiences:`, such as the sample, the public copy, the one a panel publishes and
/// prints. The force's is checked beside it where both are (audiences.rs, axe, vnu and
/// the committed sample's schema check).
fn copy_of(out: &Path) -> PathBuf {
    let public = out.join("public");
    if public.is_dir() {
        public
    } else {
        out.to_path_buf()
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Builds only `formats` (such as `pdf,json`) of `folder` into a new folder, which must
/// succeed.
fn build_formats(folder: &Path, formats: &str) -> tempfile::TempDir {
    build_formats_run(folder, formats).0
}

/// [`build_formats`], with what the build printed.
fn build_formats_run(folder: &Path, formats: &str) -> (tempfile::TempDir, Run) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(folder),
        "--out",
        s(out.path()),
        "--format",
        formats,
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    (out, result)
}

/// Every file under `dir` with its path there, `/`-separated, in order.
fn read_dir_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e.path().strip_prefix(dir).unwrap();
            let parts: Vec<String> = name
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (parts.join("/"), fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn small_report_builds_every_output() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/small")), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stderr.is_empty(), "{}", result.stderr);
    let names: Vec<String> = read_dir_bytes(out.path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            "report.docx",
            "report.html",
            "report.json",
            "report.pdf",
            "report.xlsx",
            "themes.csv"
        ]
    );
    let json = fs::read_to_string(out.path().join("report.json")).unwrap();
    insta::assert_snapshot!("small_report_json", json);
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    insta::assert_snapshot!("small_report_html", html);
    let csv = fs::read_to_string(out.path().join("themes.csv")).unwrap();
    // The byte-order mark makes Excel read the file as UTF-8.
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("themes.csv starts with a UTF-8 byte-order mark");
    insta::assert_snapshot!("small_themes_csv", csv);
    tools::assert_schema_valid(&out.path().join("report.docx"));
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(
        run(&[s(&fixture("good/small")), "--out", s(a.path())]).code,
        0
    );
    assert_eq!(
        run(&[s(&fixture("good/small")), "--out", s(b.path())]).code,
        0
    );
    assert_eq!(read_dir_bytes(a.path()), read_dir_bytes(b.path()));
    tools::assert_schema_valid(&a.path().join("report.docx"));
}

#[test]
fn formats_can_be_chosen() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(&fixture("good/small")),
        "--out",
        s(out.path()),
        "--format",
        "json,csv",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let names: Vec<String> = read_dir_bytes(out.path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["report.json", "themes.csv"]);
    let bad = run(&["build", s(&fixture("good/small")), "--format", "ps"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let dir = Report::copy("good/small");
    assert_eq!(dir.run(&[]).code, 0);
    let output = dir.path().join("output");
    tools::assert_schema_valid(&output.join("report.docx"));
    let before = read_dir_bytes(&output);
    let dir = dir.file("cases/b-first.md", "---\ncase: one\n---\n- x\n");
    let result = dir.run(&[]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("nothing was written"));
    assert_eq!(read_dir_bytes(&output), before);
}

#[test]
fn wrong_usage_exits_2() {
    let missing = run(&["build", "/no/such/folder"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no folder /no/such/folder"),
        "{}",
        missing.stderr
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    let out_is_file = run(&["build", s(&fixture("good/small")), "--out", s(file.path())]);
    assert_eq!(out_is_file.code, 2);
    assert!(
        out_is_file.stderr.contains("is not a folder"),
        "{}",
        out_is_file.stderr
    );
    assert_eq!(run(&["--no-such-flag"]).code, 2);
}

#[test]
fn a_word_that_is_no_folder_is_answered_with_the_commands() {
    let mistyped = run(&["chek"]);
    assert_eq!(mistyped.code, 2);
    assert_eq!(
        mistyped.stderr,
        "error: no folder chek; give the path of a report folder (the one with report.yaml); did you mean the command `check`?\n"
    );
    let unknown = run(&["xyz"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.ends_with(
            "; the commands are `build`, `check`, `themes`, `labels`, `serve`, `init`, `new-meeting`, `new-case`, `responses`, `import`, `pack`, `collect` and `changes`\n"
        ),
        "{}",
        unknown.stderr
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    let not_a_folder = run(&["check", s(file.path())]);
    assert_eq!(not_a_folder.code, 2);
    assert!(
        not_a_folder
            .stderr
            .ends_with("is a file, not a report folder\n"),
        "{}",
        not_a_folder.stderr
    );
}

#[test]
fn themes_prints_the_tally_and_explains_evidence() {
    let tally = run(&["themes", s(&fixture("good/small"))]);
    assert_eq!(tally.code, 0, "{}", tally.stderr);
    assert!(
        tally
            .stdout
            .contains("HCSO contact not made within 48 hours      2    67%  1, 3"),
        "{}",
        tally.stdout
    );
    let explain = run(&[
        "themes",
        s(&fixture("good/small")),
        "--explain",
        "late-hcso-contact",
    ]);
    assert_eq!(explain.code, 0);
    assert!(
        explain
            .stdout
            .contains("cases/b-first.md:9: case 1 [check hcso_48h] no"),
        "{}",
        explain.stdout
    );
    assert!(
        explain
            .stdout
            .contains("cases/a-third.md:3: case 3 [field hcso_contact_hours] 60"),
        "{}",
        explain.stdout
    );
    let unknown = run(&[
        "themes",
        s(&fixture("good/small")),
        "--explain",
        "late-hcso",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `late-hcso-contact`?"),
        "{}",
        unknown.stderr
    );
}
