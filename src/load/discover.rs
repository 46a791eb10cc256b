//! Finding out what a command was given: a lone report folder, an archive, or one meeting
//! of an archive; and finding an archive's meetings.
//!
//! A meeting folder is read with its archive's settings whichever way it is named, so a
//! command given a folder with a report.yaml looks for panel.yaml above it, as `just`
//! looks upward for its justfile. Only the parent and grandparent are looked at, since
//! meetings are at most two levels down.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::layout;

/// What a folder given on the command line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A report folder with no archive above it: part 1's single meeting.
    Report(PathBuf),
    /// An archive; `focus` is the id of the one meeting asked for, if the folder given
    /// was a meeting rather than the archive itself.
    Archive {
        root: PathBuf,
        focus: Option<String>,
    },
}

/// What `dir` is. A folder that is neither a report nor in an archive is a report folder,
/// so that loading it explains what is missing.
pub fn discover(dir: &Path) -> Target {
    if dir.join(layout::PANEL).is_file() {
        return Target::Archive {
            root: dir.to_path_buf(),
            focus: None,
        };
    }
    if !dir.join(layout::REPORT).is_file() {
        return Target::Report(dir.to_path_buf());
    }
    let Ok(full) = dir.canonicalize() else {
        return Target::Report(dir.to_path_buf());
    };
    for depth in 1..=layout::MEETING_DEPTH {
        let Some(root) = full.ancestors().nth(depth) else {
            break;
        };
        if root.join(layout::PANEL).is_file() {
            let id = id_of(root, &full);
            // A folder the archive does not count as a meeting (output/ or templates/
            // below it) stays a lone report.
            if is_meeting_id(&id) {
                return Target::Archive {
                    root: dir.join(layout::up(depth)),
                    focus: Some(id),
                };
            }
        }
    }
    Target::Report(dir.to_path_buf())
}

fn is_meeting_id(id: &str) -> bool {
    id.split('/')
        .all(|part| !part.starts_with('.') && !part.is_empty())
        && !layout::NOT_MEETINGS.contains(&id.split('/').next().unwrap_or(id))
}

/// The meetings of the archive at `root`: every folder at most two levels down with a
/// report.yaml, by id (its path from the archive with `/`). A meeting's own folders are
/// not searched for more meetings, and links to folders are not followed.
pub fn meetings(root: &Path) -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let walker = WalkDir::new(root)
        .min_depth(1)
        .max_depth(layout::MEETING_DEPTH)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker.into_iter().flatten() {
        if !entry.file_type().is_dir() {
            continue;
        }
        let id = id_of(root, entry.path());
        let inside_meeting = found
            .iter()
            .any(|(meeting, _)| id.starts_with(&format!("{meeting}/")));
        if is_meeting_id(&id) && !inside_meeting && entry.path().join(layout::REPORT).is_file() {
            found.push((id, entry.into_path()));
        }
    }
    found
}

/// A meeting's id: its folder below the archive, with `/` on every system, so that an id
/// written on Windows is found on Linux.
fn id_of(root: &Path, path: &Path) -> String {
    super::relative(root, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn finds_meetings_one_or_two_levels_down_and_looks_up_from_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("panel.yaml"), "title: T\n").unwrap();
        for meeting in [
            "2023-06",
            "2024/01",
            "output/2023-06",
            "templates/x",
            ".git/x",
            "2023-06/cases",
        ] {
            fs::create_dir_all(root.join(meeting)).unwrap();
        }
        for meeting in [
            "2023-06",
            "2024/01",
            "output/2023-06",
            "templates/x",
            ".git/x",
        ] {
            fs::write(root.join(meeting).join("report.yaml"), "").unwrap();
        }
        fs::write(root.join("2023-06/cases/report.yaml"), "").unwrap();
        let ids: Vec<String> = meetings(root).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["2023-06", "2024/01"]);
        assert_eq!(
            discover(root),
            Target::Archive {
                root: root.to_path_buf(),
                focus: None
            }
        );
        match discover(&root.join("2024/01")) {
            Target::Archive { root: found, focus } => {
                assert_eq!(focus.as_deref(), Some("2024/01"));
                assert_eq!(found.canonicalize().unwrap(), root.canonicalize().unwrap());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            discover(&root.join("output/2023-06")),
            Target::Report(_)
        ));
        let lone = tempfile::tempdir().unwrap();
        fs::write(lone.path().join("report.yaml"), "").unwrap();
        assert_eq!(
            discover(lone.path()),
            Target::Report(lone.path().to_path_buf())
        );
    }
}
