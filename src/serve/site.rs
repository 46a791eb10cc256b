//! Every HTML page of a report, an archive or one meeting, rendered into memory.
//!
//! The pages are those `build` writes for the same folder, named as it names them:
//! `report.html` (or one per language), an archive's `index.html` and `trends.html` with
//! each meeting's pages under its id. Only HTML is built, since a browser previews pages;
//! the documents stay for `build`.

use std::collections::BTreeMap;
use std::io::Cursor;

use crate::archive::{self, Archive, Target};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::render::{self, Format, RenderError};
use crate::{Checked, Silent, layout};

/// One build of the pages, with every problem found on the way.
#[derive(Debug, Default)]
pub struct Site {
    /// The pages by name, as `build` would write them: `report.html`, `2023-06/report.html`.
    pub pages: BTreeMap<String, Vec<u8>>,
    /// The page `/` shows: the report, or the archive's index.
    pub home: Option<String>,
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
                site.home = report_pages(&checked, "", &mut site.pages, &mut found);
            }
            site.diagnostics = checked.diagnostics;
        }
        Target::Archive { root, focus } => {
            let archive = archive::check(root, focus.as_deref(), &Silent);
            if !archive.diagnostics.has_errors() {
                site.home = archive_pages(&archive, &mut site.pages, &mut found);
            }
            site.diagnostics = archive.diagnostics;
        }
    }
    site.diagnostics.extend(found);
    if site.diagnostics.has_errors() {
        site.pages.clear();
        site.home = None;
    }
    site
}

/// The pages of one meeting asked for, or of the whole archive. Returns the home page.
fn archive_pages(
    archive: &Archive,
    pages: &mut BTreeMap<String, Vec<u8>>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if let Some(meeting) = archive.focused() {
        let mut found = Diagnostics::default();
        let home = report_pages(&meeting.checked, "", pages, &mut found);
        diagnostics.absorb(found, "", |_| true);
        return home;
    }
    let meetings = archive.in_range(None, None);
    for meeting in &meetings {
        let mut found = Diagnostics::default();
        report_pages(
            &meeting.checked,
            &format!("{}/", meeting.id),
            pages,
            &mut found,
        );
        diagnostics.absorb(found, &meeting.id, |_| true);
    }
    let trends = archive::trends::trends(archive, &meetings);
    for renderer in render::trends::RENDERERS {
        let name = renderer.file_name();
        if !name.ends_with(".html") {
            continue;
        }
        let mut out = Cursor::new(Vec::new());
        match renderer.render(&trends, &mut out) {
            Ok(()) => {
                pages.insert(name.to_string(), out.into_inner());
            }
            Err(err) => diagnostics.push(not_rendered(name, err)),
        }
    }
    Some(layout::INDEX_PAGE.to_string())
}

/// Renders every version of a report's page under `prefix`. Returns the first version's
/// name, the one `/` shows.
fn report_pages(
    checked: &Checked,
    prefix: &str,
    pages: &mut BTreeMap<String, Vec<u8>>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let mut home = None;
    for (language, name) in crate::versions(checked, Format::Html) {
        let name = format!("{prefix}{name}");
        let mut out = Cursor::new(Vec::new());
        let view = checked.view(language);
        match render::render(Format::Html, checked.sources(&view), &mut out, diagnostics) {
            Ok(()) => {
                home.get_or_insert_with(|| name.clone());
                pages.insert(name, out.into_inner());
            }
            Err(RenderError::Reported) => {}
            Err(err) => diagnostics.push(not_rendered(&name, err)),
        }
    }
    home
}

/// Memory does not fail as a disk does, but a renderer's error is still shown, not lost.
fn not_rendered(name: &str, err: RenderError) -> Diagnostic {
    let reason = match err {
        RenderError::Io(err) => err.to_string(),
        RenderError::Reported => "see the problems above".to_string(),
    };
    Diagnostic::error(
        name,
        Loc::START,
        format!("{name} could not be rendered: {reason}"),
    )
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
    fn errors_leave_no_page() {
        let dir = tempfile::tempdir().unwrap();
        let site = build(&archive::discover(dir.path()));
        assert!(site.diagnostics.has_errors());
        assert!(site.pages.is_empty());
        assert_eq!(site.page(""), None);
    }
}
