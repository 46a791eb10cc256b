//! The store of PDFs laid out before: a build that reuses one writes the same bytes as a
//! build that lays every PDF out, and a changed case is laid out again.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{copy_tree, fixture, read_dir_bytes, run_with_cache, s};

fn build(folder: &Path, cache: Option<&Path>) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let result = run_with_cache(&[s(folder), "--out", s(out.path()), "-q"], cache);
    assert_eq!(result.code, 0, "{}", result.stderr);
    out
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(cache)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// Replaces the kept `entry` with a PDF of its own, returned: an entry is its bytes' hash
/// and then the bytes, and finding this one in an output proves the build took its PDF
/// from the store rather than laying it out.
fn plant(entry: &Path) -> Vec<u8> {
    let planted = b"%PDF-1.7 planted".to_vec();
    let mut stored = Sha256::digest(&planted).to_vec();
    stored.extend(&planted);
    fs::write(entry, stored).unwrap();
    planted
}

/// A copy of the small report, built once with a store of its own, whose one entry is
/// then replaced by a PDF of the test's own: the store, the copy and that PDF.
fn planted_in_a_copy() -> (tempfile::TempDir, tempfile::TempDir, Vec<u8>) {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    copy_tree(&fixture("good/small"), work.path());
    build(work.path(), Some(cache.path()));
    let [entry] = entries(cache.path()).try_into().expect("one PDF kept");
    let planted = plant(&entry);
    (cache, work, planted)
}

#[test]
fn a_build_that_reuses_a_pdf_writes_what_a_full_build_writes() {
    let cache = tempfile::tempdir().unwrap();
    let folder = fixture("good/small");
    let full = read_dir_bytes(build(&folder, None).path());
    let first = read_dir_bytes(build(&folder, Some(cache.path())).path());
    assert_eq!(entries(cache.path()).len(), 1, "one PDF kept");
    let second = read_dir_bytes(build(&folder, Some(cache.path())).path());
    assert_eq!(first, full);
    assert_eq!(second, full);
}

#[test]
fn the_kept_pdf_is_used_until_a_case_changes() {
    let (cache, work, planted) = planted_in_a_copy();
    let reused = build(work.path(), Some(cache.path()));
    assert_eq!(fs::read(reused.path().join("report.pdf")).unwrap(), planted);

    let case = walkdir::WalkDir::new(work.path().join("cases"))
        .into_iter()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("a case file")
        .into_path();
    let mut text = fs::read_to_string(&case).unwrap();
    text.push_str("\n- Members added a point after the meeting.\n");
    fs::write(&case, text).unwrap();
    let changed = build(work.path(), Some(cache.path()));
    let full = build(work.path(), None);
    assert_eq!(
        read_dir_bytes(changed.path()),
        read_dir_bytes(full.path()),
        "the changed report's PDF is laid out again"
    );
    assert_eq!(entries(cache.path()).len(), 2);
}

#[test]
fn a_damaged_entry_is_laid_out_again() {
    let cache = tempfile::tempdir().unwrap();
    let folder = fixture("good/small");
    build(&folder, Some(cache.path()));
    let [entry] = entries(cache.path()).try_into().expect("one PDF kept");
    let mut bytes = fs::read(&entry).unwrap();
    bytes.truncate(bytes.len() / 2);
    fs::write(&entry, bytes).unwrap();
    let rebuilt = build(&folder, Some(cache.path()));
    assert_eq!(
        read_dir_bytes(rebuilt.path()),
        read_dir_bytes(build(&folder, None).path())
    );
}

#[test]
fn a_panel_s_own_template_is_part_of_what_names_the_pdf() {
    let (cache, work, planted) = planted_in_a_copy();
    // The built-in template with one comment more lays out the same pages, but is
    // another template: the planted PDF must not be taken for its.
    let built_in =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/report.typ"))
            .unwrap();
    fs::create_dir_all(work.path().join("templates")).unwrap();
    fs::write(
        work.path().join("templates/report.typ"),
        format!("// The panel's own copy.\n{built_in}"),
    )
    .unwrap();
    let own = build(work.path(), Some(cache.path()));
    let pdf = fs::read(own.path().join("report.pdf")).unwrap();
    assert_ne!(pdf, planted);
    assert!(pdf.starts_with(b"%PDF-"));
}
