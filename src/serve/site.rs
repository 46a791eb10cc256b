//! Every HTML page of a report, an archive or one meeting, rendered into memory.
//!
//! The pages are those `build` writes for the same folder, named as it names them:
//! `report.html` (or one per language), an archive's `index.html` and `trends.html` with
//! each meeting's pages under its id. Only HTML is built, since a browser previews pages;
//! the documents stay for `build`.

use std::collections::BTreeMap;

use crate::archive::{self, Archive, Target};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::render::Format;
use crate::sink::{self, Planned, outputs};
use crate::view::trends::TrendsView;
use crate::write::WriteError;
use crate::{Checked, Silent, layout};

/// One build of the pages, with every problem found on the way.
#[derive(Debug, Default, PartialEq)]
pub struct Site {
    /// The pages by name, as `build` would write them: `report.html`, `2023-06/report.html`.
    pub pages: BTreeMap<String, Vec<u8>>,
    /// The page `/` shows: the report, or the archive's index.
    pub home: Option<String>,
    /// The page of each audience's copy of a report, in `audiences:` order.
    pub copies: Vec<String>,
    pub diagnostics: Diagnostics,
}

impl Site {
    /// The page called `name`, or a folder's own page for `2023-06/`.
    pub fn page(&self, name: &str) -> Option<(&str, &[u8])> {
        let found = |name: &str| self.pages.get_key_value(name);
        let hit = if name.is_empty() {
            self.home.as_deref().and_then(found)
        } else if name.ends_with('/') {
            [layout::INDEX_PAGE, Format::Html.file_name()]
                .iter()
                .find_map(|page| found(&format!("{name}{page}")))
        } else {
            found(name)
        };
        hit.map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
    }
}

/// Reads, checks and renders `target`. While there are errors no page is rendered, as
/// `build` writes none.
pub fn build(target: &Target) -> Site {
    let mut site = Site::default();
    let mut found = Diagnostics::default();
    match target {
        Target::Report(dir) => {
            let checked = crate::check(dir);
            if !checked.diagnostics.has_errors() {
                (site.home, site.pages) = report_pages(&checked, &mut found);
                site.copies = copy_pages(&site, audiences(&checked));
            }
            site.diagnostics = checked.diagnostics;
        }
        Target::Archive { root, focus } => {
            let archive = archive::check(root, focus.as_deref(), &Silent);
            if !archive.diagnostics.has_errors() {
                let names;
                (site.home, site.pages, names) = archive_pages(&archive, &mut found);
                site.copies = copy_pages(&site, names.iter().map(String::as_str));
            }
            site.diagnostics = archive.diagnostics;
        }
    }
    site.diagnostics.extend(found);
    if site.diagnostics.has_errors() {
        site.pages.clear();
        site.home = None;
        site.copies.clear();
    }
    site
}

/// The page `/` shows, every page, and the audiences whose copies are among them: of one
/// meeting asked for, or of the whole archive.
fn archive_pages(
    archive: &Archive,
    diagnostics: &mut Diagnostics,
) -> (Option<String>, Pages, Vec<String>) {
    if let Some(meeting) = archive.focused() {
        let (home, pages) = report_pages(&meeting.checked, diagnostics);
        let names = audiences(&meeting.checked).map(str::to_string).collect();
        return (home, pages, names);
    }
    let meetings = archive.in_range(None, None);
    let (trends, labels) = archive::trends::trends(archive, &meetings, None);
    let templates = &archive.panel.templates;
    // `/` shows each meeting whole, as its panel writes it, with the index and trends of
    // every meeting whole; each audience's copies are beside them where `build` writes
    // them (`public/index.html`, `2024-03/public/report.html`).
    let whole: Vec<Vec<crate::audience::Copy>> = meetings.iter().map(|_| Vec::new()).collect();
    let views = [(String::new(), TrendsView::new(&trends, &labels))];
    let copies: Vec<Vec<crate::audience::Copy>> = meetings
        .iter()
        .map(|m| crate::audience::copies(&m.checked.report, &m.checked.analysis, None))
        .collect();
    let own = if copies.iter().all(Vec::is_empty) {
        Vec::new()
    } else {
        archive::own_files(archive, &meetings, &copies)
    };
    let copy_views: Vec<(String, TrendsView)> = own
        .iter()
        .map(|(folder, trends, labels)| (folder.clone(), TrendsView::new(trends, labels)))
        .collect();
    let mut planned = outputs::archive(&meetings, &whole, &[Format::Html], &views, templates);
    if !own.is_empty() {
        planned.extend(outputs::archive(
            &meetings,
            &copies,
            &[Format::Html],
            &copy_views,
            templates,
        ));
    }
    planned.retain(Planned::is_page);
    let pages = pages(&planned, diagnostics);
    let names = own.iter().map(|(folder, ..)| folder.clone()).collect();
    (Some(layout::INDEX_PAGE.to_string()), pages, names)
}

/// Every version of a report's page, and the first of them, which `/` shows.
fn report_pages(checked: &Checked, diagnostics: &mut Diagnostics) -> (Option<String>, Pages) {
    // `/` shows the whole report, as the panel writes it; each audience's copy is beside
    // it under the name `build` writes it at (`public/report.html`), so the officer can
    // see what the public will read before publishing.
    let copies = crate::audience::copies(&checked.report, &checked.analysis, None);
    let mut planned = outputs::report(checked, &[], &[Format::Html], "");
    // With no copies the list is the whole report's again.
    if !copies.is_empty() {
        planned.extend(outputs::report(checked, &copies, &[Format::Html], ""));
    }
    let pages = pages(&planned, diagnostics);
    let home = planned
        .iter()
        .map(|p| &p.name)
        .find(|name| pages.contains_key(*name));
    (home.cloned(), pages)
}

/// The audiences of a report, in `audiences:` order.
fn audiences(checked: &Checked) -> impl Iterator<Item = &str> {
    checked
        .report
        .meta
        .audiences
        .iter()
        .map(|a| a.name.value.as_str())
}

/// The first page of each audience's copy, in `audiences:` order: its folder's own page
/// (`public/index.html` of an archive, `public/report.html` of a report), or the first
/// page in its folder.
fn copy_pages<'a>(site: &Site, audiences: impl Iterator<Item = &'a str>) -> Vec<String> {
    audiences
        .filter_map(|audience| {
            let folder = format!("{audience}/");
            site.page(&folder)
                .map(|(name, _)| name)
                .or_else(|| {
                    site.pages
                        .keys()
                        .find(|k| k.starts_with(&folder))
                        .map(String::as_str)
                })
                .map(str::to_string)
        })
        .collect()
}

type Pages = BTreeMap<String, Vec<u8>>;

/// The pages of `planned` rendered into memory. Memory does not fail as a disk does, but
/// a renderer's error is still shown, not lost.
fn pages(planned: &[Planned<'_>], diagnostics: &mut Diagnostics) -> Pages {
    match sink::to_memory(planned, diagnostics) {
        Ok(pages) => pages,
        Err(err) => {
            let (name, reason) = match err {
                WriteError::Io { path, source } => (path.display().to_string(), source.to_string()),
                WriteError::NotAFolder(path) | WriteError::InUse(path) => {
                    (path.display().to_string(), String::new())
                }
            };
            diagnostics.push(Diagnostic::error(
                &name,
                Loc::START,
                format!("{name} could not be rendered: {reason}"),
            ));
            Pages::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    #[test]
    fn a_report_s_page_is_the_one_build_writes() {
        let dir = fixture("good/small");
        let site = build(&archive::discover(&dir));
        assert!(!site.diagnostics.has_errors());
        assert_eq!(site.home.as_deref(), Some("report.html"));
        let mut checked = crate::check(&dir);
        let out = tempfile::tempdir().unwrap();
        crate::write_report(&mut checked, &[Format::Html], out.path()).unwrap();
        let written = std::fs::read(out.path().join("report.html")).unwrap();
        assert_eq!(site.pages["report.html"], written);
        assert_eq!(site.page("").map(|(name, _)| name), Some("report.html"));
    }

    #[test]
    fn a_bilingual_report_has_a_page_per_language_and_shows_the_first() {
        let site = build(&archive::discover(&fixture("good/bilingual")));
        assert!(!site.diagnostics.has_errors());
        assert!(site.pages.len() > 1, "{:?}", site.pages.keys());
        let home = site.home.clone().unwrap();
        assert!(site.pages.contains_key(&home));
    }

    #[test]
    fn each_audience_s_copy_is_served_as_build_writes_it() {
        let dir = fixture("audiences");
        let site = build(&archive::discover(&dir));
        assert!(!site.diagnostics.has_errors(), "{:?}", site.diagnostics);
        assert_eq!(site.home.as_deref(), Some("report.html"));
        let mut checked = crate::check(&dir);
        let out = tempfile::tempdir().unwrap();
        crate::write_report(&mut checked, &[Format::Html], out.path()).unwrap();
        for copy in ["force", "public"] {
            let name = format!("{copy}/report.html");
            let written = std::fs::read(out.path().join(&name)).unwrap();
            assert_eq!(site.pages[&name], written, "{name}");
        }
        assert_eq!(
            site.page("public/").map(|(name, _)| name),
            Some("public/report.html")
        );
        assert_ne!(site.pages["public/report.html"], site.pages["report.html"]);
        assert_eq!(site.copies, ["force/report.html", "public/report.html"]);
    }

    #[test]
    fn an_archive_s_copies_are_served_as_build_writes_them() {
        let dir = crate::serve::fixture_copy("archive/sample");
        let panel = dir.path().join("panel.yaml");
        let mut text = std::fs::read_to_string(&panel).unwrap();
        text.push_str(
            "audiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL}\n",
        );
        std::fs::write(&panel, text).unwrap();
        let site = build(&archive::discover(dir.path()));
        assert!(!site.diagnostics.has_errors(), "{:?}", site.diagnostics);
        assert_eq!(site.home.as_deref(), Some("index.html"));
        assert_eq!(site.copies, ["force/index.html", "public/index.html"]);
        let mut archive = archive::check(dir.path(), None, &Silent);
        let out = tempfile::tempdir().unwrap();
        archive::write(
            &mut archive,
            &[Format::Html],
            out.path(),
            (None, None),
            None,
            &Silent,
        )
        .unwrap();
        let copies: Vec<&String> = site
            .pages
            .keys()
            .filter(|name| name.contains("public/") || name.contains("force/"))
            .collect();
        // Each audience's index and trends, and its copy of every meeting.
        assert!(copies.len() > 4, "{copies:?}");
        for name in copies {
            let written = std::fs::read(out.path().join(name)).unwrap();
            assert_eq!(site.pages[name], written, "{name}");
        }
        assert_ne!(site.pages["public/index.html"], site.pages["index.html"]);
    }

    #[test]
    fn a_page_is_rendered_once_and_its_problem_told_once() {
        let dir = crate::serve::fixture_copy("good/small");
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join("templates/report.html"),
            "<p>{{ no_such_thing.at_all }}</p>\n",
        )
        .unwrap();
        let site = build(&archive::discover(dir.path()));
        let told: Vec<_> = site
            .diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.file.contains("report.html"))
            .collect();
        assert_eq!(told.len(), 1, "{told:?}");
    }

    #[test]
    fn errors_leave_no_page() {
        let dir = tempfile::tempdir().unwrap();
        let site = build(&archive::discover(dir.path()));
        assert!(site.diagnostics.has_errors());
        assert!(site.pages.is_empty());
        assert_eq!(site.page(""), None);
    }
}
