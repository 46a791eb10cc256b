//! What an installed binary is: everything it needs is inside it, and it says which
//! version and commit it is, without that reaching any output.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::s;

/// The binary alone in an empty folder, as an installer leaves it, builds the sample and a
/// new `init` folder: every template, font and label catalogue is inside it.
#[test]
fn the_binary_alone_builds_the_sample_and_a_new_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let place = tempfile::tempdir().unwrap();
    let binary = place.path().join(
        Path::new(env!("CARGO_BIN_EXE_build-report"))
            .file_name()
            .unwrap(),
    );
    fs::copy(env!("CARGO_BIN_EXE_build-report"), &binary).unwrap();
    let sample = place.path().join("sample");
    for file in [
        "report.yaml",
        "themes.yaml",
        "background.md",
        "summary.md",
        "closing.md",
    ] {
        fs::create_dir_all(&sample).unwrap();
        fs::copy(root.join(file), sample.join(file)).unwrap();
    }
    for folder in ["cases", "observations"] {
        super::copy_tree(&root.join(folder), &sample.join(folder));
    }
    let run = |args: &[&str]| {
        let output = Command::new(&binary)
            .args(args)
            .env("BUILD_REPORT_CACHE", "off")
            .current_dir(place.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(&["build", "sample", "-q"]);
    run(&["init", "fresh"]);
    run(&["build", "fresh", "-q"]);
    for folder in ["sample", "fresh"] {
        let out = place.path().join(folder).join("output");
        for name in [
            "report.html",
            "report.docx",
            "report.pdf",
            "report.xlsx",
            "report.json",
        ] {
            let found = fs::read_dir(&out)
                .unwrap()
                .flatten()
                .any(|e| e.file_name() == name)
                || fs::read_dir(&out)
                    .unwrap()
                    .flatten()
                    .filter(|e| e.path().is_dir())
                    .any(|e| e.path().join(name).exists());
            assert!(found, "{folder}: no {name}");
        }
    }
}

/// `--version` names the version and, built from git, the commit; the commit is in no
/// output, so two commits build the same bytes.
#[test]
fn the_version_names_the_commit_and_no_output_holds_it() {
    let output = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .arg("--version")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let version = concat!("build-report ", env!("CARGO_PKG_VERSION"));
    assert!(shown.starts_with(version), "{shown}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join(".git").exists() {
        return;
    }
    let commit = shown
        .split("(commit ")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("no commit in `{shown}`"));
    assert_eq!(commit.len(), 12, "{shown}");
    assert!(commit.bytes().all(|b| b.is_ascii_hexdigit()), "{shown}");
    let out = tempfile::tempdir().unwrap();
    let built = super::run(&[
        "build",
        s(root),
        "--out",
        s(out.path()),
        "--format",
        "html,json,csv",
        "-q",
    ]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    for entry in walk(out.path()) {
        let text = fs::read(&entry).unwrap();
        assert!(
            !text.windows(commit.len()).any(|w| w == commit.as_bytes()),
            "{} holds the commit",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            files.extend(walk(&entry.path()));
        } else {
            files.push(entry.path());
        }
    }
    files
}
