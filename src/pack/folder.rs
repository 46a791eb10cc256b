//! The report a pack is made from or collected into: its cases as `check` reads them,
//! the headings members write under, and each member's file in each case folder.
//!
//! In an archive the folder is one meeting, whose cases' paths start with the meeting's
//! own folder; [`Folder::local`] takes that off, so files are named from the meeting.

use std::path::Path;

use crate::Checked;
use crate::archive::{self, Target};
use crate::model::{Case, plain_text};
use crate::scaffold::case::usual_headings;

/// A report folder, checked.
pub struct Folder {
    pub checked: Checked,
    /// What the cases' paths start with in an archive: the meeting's folder and `/`.
    pub base: String,
    /// The headings of the panel's cases, as `new-case` chooses them, response headings
    /// left out: the force answers under those, not a member.
    pub headings: Vec<String>,
}

/// The report at `dir`, a report folder or a meeting of an archive.
pub fn read(dir: &Path) -> Option<Folder> {
    let (checked, base, headings) = match archive::discover(dir) {
        Target::Archive {
            root,
            focus: Some(id),
        } => {
            let archive = archive::check(&root, Some(&id), &crate::Silent);
            let headings = usual_headings(
                archive
                    .meetings
                    .iter()
                    .flat_map(|m| m.checked.report.cases.iter()),
            );
            let meeting = archive.meetings.into_iter().find(|m| m.id == id)?;
            (meeting.checked, format!("{id}/"), headings)
        }
        Target::Archive { focus: None, .. } => return None,
        Target::Report(_) => {
            let checked = crate::check(dir);
            let headings = usual_headings(&checked.report.cases);
            (checked, String::new(), headings)
        }
    };
    let response = &checked.report.meta.response_headings;
    let normal = |h: &str| crate::parse::normalise(h);
    let headings = headings
        .into_iter()
        .filter(|h| !response.iter().any(|r| normal(r) == normal(h)))
        .collect();
    Some(Folder {
        checked,
        base,
        headings,
    })
}

impl Folder {
    /// `path` from the report folder.
    pub fn local<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(&self.base).unwrap_or(path)
    }

    /// The case with the id `id`.
    pub fn case(&self, id: &str) -> Option<&Case> {
        self.checked.report.cases.iter().find(|c| c.id() == id)
    }

    /// The ids of `members:`.
    pub fn members(&self) -> Vec<&str> {
        let meta = &self.checked.report.meta;
        meta.members.iter().map(|m| m.id.value.as_str()).collect()
    }
}

/// The folder of `case` from the report folder: its own, or for a single-file case the
/// one it becomes (`cases/case-06.md` → `cases/case-06`).
pub fn case_folder(case_file: &str) -> String {
    crate::layout::case_stem(case_file).to_string()
}

/// The file of `member` for the case in `case_file`, from the report folder.
pub fn member_file(case_file: &str, member: &str) -> String {
    format!("{}/{member}.md", case_folder(case_file))
}

/// Whether the case is a folder of case.md and the members' files.
pub fn is_folder(case_file: &str) -> bool {
    crate::load::members::is_case_in_folder(case_file)
}

/// The plain text of a section's heading, trimmed; `None` for the text before any.
pub fn heading_text(section: &crate::model::Section) -> Option<String> {
    section
        .heading
        .as_ref()
        .map(|h| plain_text(h).trim().to_string())
}
