//! Every page build-report makes has no WCAG 2.1 A or AA violation that axe-core finds in
//! Chromium: the sample, the small fixture, the fixture with every key, the breakdowns
//! one, the hostile one, both versions of the bilingual one, and the sample archive's
//! index, trends and meeting pages (one with section 5.0), the same archive's pages per
//! audience and in both its languages, the members' view, both versions of a case folder
//! whose members' points are left untranslated, and a changes.html. The audit is tests/axe/audit.js; `npm ci --prefix tests/axe` installs it.

use std::collections::BTreeMap;
use std::fs;
use std::process::Command;

use super::*;

/// Builds the pages of `folder` into `out` and gives where `pages` are there.
fn built_pages(folder: &Path, out: &Path, pages: &[&str]) -> Vec<PathBuf> {
    let built = run(&["build", s(folder), "--out", s(out), "--format", "html"]);
    assert_eq!(built.code, 0, "{}: {}", folder.display(), built.stderr);
    pages.iter().map(|page| out.join(page)).collect()
}

#[test]
fn every_page_passes_the_accessibility_audit() {
    if !tools::require_axe() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = [
        ("sample", root.to_path_buf()),
        ("small", fixture("good/small")),
        ("every-key", fixture("good/every-key")),
        ("breakdowns", fixture("good/breakdowns")),
        ("hostile", fixture("good/hostile")),
        ("bilingual", fixture("good/bilingual")),
        ("response-headings", fixture("response-headings")),
        ("case-types", fixture("case-types")),
        ("members-welsh", super::members::welsh_members(out.path())),
    ];
    // A page the audit must fault, so that a broken audit cannot pass every page.
    let faulty = out.path().join("faulty.html");
    fs::write(
        &faulty,
        "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"data:,\"></body></html>",
    )
    .unwrap();
    let mut pages = vec![faulty.clone()];
    for (name, folder) in &folders {
        let to = out.path().join(name);
        let built = run(&["build", s(folder), "--out", s(&to), "--format", "html"]);
        assert_eq!(built.code, 0, "{name}: {}", built.stderr);
        // A bilingual report has a page per language.
        // A report with audiences has a folder per copy.
        for page in ["report.html", "report.cy.html", "report.en.html"] {
            for copy in [to.clone(), to.join("force"), to.join("public")] {
                if copy.join(page).is_file() {
                    pages.push(copy.join(page));
                }
            }
        }
    }
    pages.extend(built_pages(
        &fixture("archive/sample"),
        &out.path().join("archive"),
        &["index.html", "trends.html", "2024/01/report.html"],
    ));
    pages.extend(built_pages(
        &super::carried::still_open(out.path()),
        &out.path().join("carried"),
        &["trends.html", "2026-06/report.html", "2026-09/report.html"],
    ));
    pages.extend(built_pages(
        &archive_with_audiences(out.path()),
        &out.path().join("archive-copies"),
        &[
            "public/index.html",
            "public/trends.html",
            "force/trends.html",
            "2024/01/public/report.html",
        ],
    ));
    pages.extend(built_pages(
        &super::archive_languages::bilingual_archive(out.path()),
        &out.path().join("archive-welsh"),
        &[
            "index.cy.html",
            "index.en.html",
            "trends.cy.html",
            "trends.en.html",
            "2024/01/report.cy.html",
        ],
    ));
    pages.push(super::changes::changes_page(out.path()));
    pages.extend(built_pages(
        &fixture("members"),
        &out.path().join("members"),
        &["members.html"],
    ));
    let script = root.join("tests/axe/audit.js");
    let output = Command::new("node")
        .arg(&script)
        .args(&pages)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "the audit did not run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("the audit prints JSON");
    assert_eq!(found.len(), pages.len());
    let faults = found[s(&faulty)].as_array().map_or(0, Vec::len);
    assert!(
        faults >= 2,
        "no lang and no alt text went unnoticed: {found:#?}"
    );
    for (page, violations) in found.iter().filter(|(page, _)| page.as_str() != s(&faulty)) {
        assert_eq!(
            violations.as_array().map(Vec::len),
            Some(0),
            "{page}: {violations:#}"
        );
    }
}

/// The sample archive copied into `dir` with a force and a public audience declared in its
/// panel.yaml, so that its index and trends are made once per audience.
pub(super) fn archive_with_audiences(dir: &Path) -> PathBuf {
    let to = dir.join("archive-with-audiences");
    copy_tree(&fixture("archive/sample"), &to);
    let panel = to.join("panel.yaml");
    let mut text = fs::read_to_string(&panel).unwrap();
    text.push_str(
        "audiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL}\n",
    );
    fs::write(&panel, text).unwrap();
    to
}
