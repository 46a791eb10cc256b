//! Writing new report folders and new files in them: `init`, `new-meeting` and `new-case`.
//!
//! A scaffold is a list of files decided in full before anything is written, so that a
//! folder is never left half made and a file that already exists is never overwritten:
//! if any of them is there, nothing is written and the caller is told which. The names
//! all come from [`crate::layout`], so what is written here is what loading reads; what a
//! new file holds (the checks of the report, the panel's usual headings, the
//! observations still open) comes from the report as `check` reads it.

mod carry;
pub mod case;
pub mod init;
pub mod meeting;

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// One file to write, at a `/`-separated path relative to the folder it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub text: String,
}

impl File {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        File {
            path: path.into(),
            text: text.into(),
        }
    }
}

/// Why nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// These files are there already, as paths from the folder.
    Exists(Vec<String>),
    /// The folder is not an archive: it has no panel.yaml.
    NotArchive(PathBuf),
    /// The folder is not a report folder: it has no report.yaml.
    NotReport(PathBuf),
    /// The folder is an archive, where a meeting was wanted.
    IsArchive(PathBuf),
    /// A meeting with this id exists already.
    MeetingTaken { id: String, date: String },
    /// A meeting on this date exists already.
    SameDate { id: String, date: String },
    /// A new sitting cannot be told apart from this meeting on its date: it has no
    /// session, or the same one.
    SittingTaken {
        id: String,
        date: String,
        session: Option<String>,
    },
    /// A case with this number (of this type) exists already, in this file.
    CaseTaken {
        number: u32,
        kind: Option<String>,
        file: String,
    },
    /// `--type` names no type of the meeting's `case_types:`, which are these.
    UnknownType { kind: String, types: Vec<String> },
    /// The folder could not be written.
    Io { path: String, error: String },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Exists(paths) => write!(
                f,
                "nothing was written, since {} exist{} already: {}",
                if paths.len() == 1 {
                    "this file"
                } else {
                    "these files"
                },
                if paths.len() == 1 { "s" } else { "" },
                paths.join(", ")
            ),
            Refused::NotArchive(dir) => write!(
                f,
                "{} is not a panel's archive: it has no {}",
                dir.display(),
                crate::layout::PANEL
            ),
            Refused::NotReport(dir) => write!(
                f,
                "{} is not a report folder: it has no {}",
                dir.display(),
                crate::layout::REPORT
            ),
            Refused::IsArchive(dir) => write!(
                f,
                "{} is a panel's archive; a case belongs in one of its meetings",
                dir.display()
            ),
            Refused::MeetingTaken { id, .. } => {
                write!(f, "the archive has a meeting {id} already")
            }
            Refused::SameDate { id, date } => {
                write!(f, "the meeting {id} is on {date} already")
            }
            Refused::SittingTaken {
                id,
                date,
                session: None,
            } => write!(
                f,
                "the meeting {id} is on {date} already, with no `session:`"
            ),
            Refused::SittingTaken {
                id,
                date,
                session: Some(session),
            } => write!(
                f,
                "the meeting {id} on {date} is the sitting {session} already"
            ),
            Refused::CaseTaken { number, kind, file } => {
                let id = crate::model::case_id(kind.as_deref(), *number);
                write!(f, "case {id} is taken, by {file}")
            }
            Refused::UnknownType { kind, .. } => write!(f, "there is no case type `{kind}`"),
            Refused::Io { path, error } => write!(f, "could not write {path}: {error}"),
        }
    }
}

impl Refused {
    /// What to do about it, in the words of the command line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Refused::Exists(_) => Some(
                "choose an empty folder, or a new one (it is made for you); build-report never overwrites a file".into(),
            ),
            Refused::NotArchive(_) => Some(format!(
                "give the archive's folder (the one with {}), or start one with `build-report init --panel`",
                crate::layout::PANEL
            )),
            Refused::NotReport(_) => Some(format!(
                "give a report folder (the one with {}), or start one with `build-report init`",
                crate::layout::REPORT
            )),
            Refused::IsArchive(dir) => Some(format!(
                "give the folder of one of its meetings, such as {}, or add a meeting with `build-report new-meeting YYYY-MM-DD {}`",
                dir.join("2024-05").display(),
                dir.display()
            )),
            Refused::MeetingTaken { date, .. } => Some(format!(
                "for a second meeting in one month, make its folder by hand with another name, such as {}/, holding a {} with `meeting_date: {date}`",
                free_folder(date),
                crate::layout::REPORT
            )),
            Refused::SameDate { date, .. } => Some(format!(
                "check the date; if the panel sits twice that day, give each sitting its session, as `new-meeting {date} --session \"7–9 pm\"`"
            )),
            Refused::SittingTaken {
                id, session: None, ..
            } => Some(format!(
                "add the earlier sitting's session to {id}/{} (such as `session: 3–5 pm`), then run this again; its folder keeps its name",
                crate::layout::REPORT
            )),
            Refused::SittingTaken { .. } => Some(
                "give this sitting a session of its own, which the title, the index and the trends tell the sittings apart by".into(),
            ),
            Refused::CaseTaken { .. } => {
                Some("leave out --case to take the next free number".into())
            }
            Refused::UnknownType { kind, types } if types.is_empty() => Some(format!(
                "the meeting sets no `case_types:`; declare `{kind}` there first, or leave out --type"
            )),
            Refused::UnknownType { kind, types } => Some(
                match crate::diagnostic::did_you_mean(kind, types.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean `--type {near}`?"),
                    None => format!("the types are {}", crate::diagnostic::one_of(types)),
                },
            ),
            Refused::Io { .. } => None,
        }
    }
}

/// A folder name for a meeting on `date` other than its month's: the date itself, or for
/// a meeting dated by its month, whose date is the taken name, the month with `-month`.
fn free_folder(date: &str) -> String {
    if crate::parse::meta::is_calendar_month(date) {
        format!("{date}-month")
    } else {
        date.to_string()
    }
}

/// Writes `files` below `root`, making folders as needed, or nothing at all if any of
/// them exists already.
pub fn write(root: &Path, files: &[File]) -> Result<(), Refused> {
    let taken: Vec<String> = files
        .iter()
        .filter(|f| fs::symlink_metadata(root.join(&f.path)).is_ok())
        .map(|f| f.path.clone())
        .collect();
    if !taken.is_empty() {
        return Err(Refused::Exists(taken));
    }
    for file in files {
        let path = root.join(&file.path);
        let io = |error: std::io::Error| Refused::Io {
            path: path.display().to_string(),
            error: error.to_string(),
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io)?;
        }
        // `create_new` keeps the promise even against a file made since the look above.
        let mut out = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io)?;
        out.write_all(file.text.as_bytes()).map_err(io)?;
    }
    Ok(())
}

/// Whether `date` may date a meeting: a calendar date written `YYYY-MM-DD`, or a month
/// written `YYYY-MM` for a meeting known only by its month.
pub fn is_date(date: &str) -> bool {
    crate::parse::meta::is_calendar_date(date) || crate::parse::meta::is_calendar_month(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_month_is_never_suggested_as_the_free_folder() {
        let taken = |date: &str| Refused::MeetingTaken {
            id: "2025-02".into(),
            date: date.into(),
        };
        assert!(
            taken("2025-02-20")
                .hint()
                .unwrap()
                .contains("such as 2025-02-20/")
        );
        assert!(
            taken("2025-02")
                .hint()
                .unwrap()
                .contains("such as 2025-02-month/")
        );
    }

    #[test]
    fn nothing_is_written_when_any_file_exists() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.md"), "mine").unwrap();
        let files = [File::new("a/a.md", "new"), File::new("b.md", "new")];
        assert_eq!(
            write(dir.path(), &files),
            Err(Refused::Exists(vec!["b.md".into()]))
        );
        assert!(!dir.path().join("a").exists());
        assert_eq!(fs::read_to_string(dir.path().join("b.md")).unwrap(), "mine");
    }

    #[test]
    fn folders_are_made_as_needed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("new");
        write(&root, &[File::new("cases/case-01.md", "x")]).unwrap();
        assert_eq!(
            fs::read_to_string(root.join("cases/case-01.md")).unwrap(),
            "x"
        );
    }
}
