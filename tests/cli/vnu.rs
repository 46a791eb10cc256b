//! Every page build-report makes is valid HTML to the Nu Html Checker (vnu.jar, the W3C's
//! validator): the sample, the fixtures with every key, breakdowns, hostile input and two
//! languages, the sample archive's index, trends and meeting pages (also per audience and
//! in two languages), the members' view (also of a case folder in two languages), and
//! the first page of every kind `init --kind` starts, and a changes.html. `npm ci --prefix tests/axe` installs the checker; it
//! runs with Java.

use std::process::Command;

use super::*;

#[test]
fn every_page_is_valid_html() {
    let Some(jar) = tools::require_vnu() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![
        ("sample".to_string(), root.to_path_buf()),
        ("small".into(), fixture("good/small")),
        ("every-key".into(), fixture("good/every-key")),
        ("breakdowns".into(), fixture("good/breakdowns")),
        ("hostile".into(), fixture("good/hostile")),
        ("bilingual".into(), fixture("good/bilingual")),
        ("response-headings".into(), fixture("response-headings")),
        ("case-types".into(), fixture("case-types")),
        ("members".into(), fixture("members")),
        (
            "members-welsh".into(),
            super::members::welsh_members(out.path()),
        ),
        ("archive".into(), fixture("archive/sample")),
        ("carried".into(), super::carried::still_open(out.path())),
        (
            "archive-copies".into(),
            super::axe::archive_with_audiences(out.path()),
        ),
        (
            "archive-bilingual".into(),
            super::archive_languages::bilingual_archive(out.path()),
        ),
    ];
    for kind in ["use-of-force", "stop-and-search", "out-of-court"] {
        let dir = out.path().join("kinds").join(kind);
        let made = run(&["init", "--kind", kind, s(&dir)]);
        assert_eq!(made.code, 0, "{kind}: {}", made.stderr);
        folders.push((kind.to_string(), dir));
    }
    // A page the checker must fault, so that a checker that does not run cannot pass.
    let faulty = out.path().join("faulty.html");
    fs::write(
        &faulty,
        "<!DOCTYPE html><html lang=en><p><a rel=x>no title</a></p></html>",
    )
    .unwrap();
    let mut pages = vec![faulty.clone(), super::changes::changes_page(out.path())];
    for (name, folder) in &folders {
        let to = out.path().join(name);
        let built = run(&["build", s(folder), "--out", s(&to), "--format", "html"]);
        assert_eq!(built.code, 0, "{name}: {}", built.stderr);
        for entry in walkdir::WalkDir::new(&to) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "html") {
                pages.push(entry.into_path());
            }
        }
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&pages)
        .output()
        .expect("java runs");
    let found: serde_json::Value =
        serde_json::from_slice(&output.stderr).expect("the checker prints JSON");
    let messages = found["messages"].as_array().expect("messages");
    let faulty_url = format!("file:{}", s(&faulty));
    let (faults, errors): (Vec<_>, Vec<_>) = messages
        .iter()
        .filter(|m| m["type"] == "error")
        .partition(|m| {
            m["url"]
                .as_str()
                .is_some_and(|u| u.ends_with("faulty.html"))
        });
    assert!(
        !faults.is_empty(),
        "{faulty_url}: the missing title and the stray rel went unnoticed"
    );
    assert!(pages.len() > 15, "only {} pages were checked", pages.len());
    assert!(errors.is_empty(), "{errors:#?}");
}
