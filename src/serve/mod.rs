//! The live preview behind `build-report serve`: the report's pages built into memory,
//! the few paths that reach them, and what a served page has that a written one never
//! does.
//!
//! [`site::build`] renders the same pages as `build` with the same renderers, into a map
//! instead of a folder, as Zola's `BuildMode::Memory` does, so the preview cannot drift
//! from the report. [`route`] turns a URL into the name of one of those pages and nothing
//! else, so no file of the folder is ever served. [`page`] adds the reload script and the
//! header that lets exactly that script run, and shows the problems while there are
//! errors. [`live`] keeps the latest build, rebuilds it when a file changes and tells the
//! open pages to reload.

pub mod live;
pub mod page;
pub mod route;
pub mod site;

pub use site::Site;

/// A copy of the test fixture `name` (`good/small`), for a test to change.
#[cfg(test)]
fn fixture_copy(name: &str) -> tempfile::TempDir {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(to).unwrap();
        } else {
            std::fs::copy(entry.path(), to).unwrap();
        }
    }
    dir
}
