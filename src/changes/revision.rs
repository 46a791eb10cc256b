//! The report folder as it was at a git revision, read from the repository itself.
//!
//! gix reads the commit's tree in pure Rust, so `changes --since` needs no git program
//! (officers on Windows rarely have one) and runs nothing. The files are laid out in a
//! private temporary folder, removed when the [`Checkout`] is dropped, where the ordinary
//! loader reads them: the pipeline then meets the old folder exactly as it met the new,
//! down to its archive and templates. A tree entry whose name could lead outside that
//! folder is skipped, as are links and submodules, which a report folder never needs.

use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

use gix::bstr::ByteSlice;

use crate::load::MAX_FILE_BYTES;

/// The folder at a revision, laid out on disk for as long as this lives.
pub struct Checkout {
    dir: tempfile::TempDir,
    /// The revision as given and the commit it named, for the page and the terminal.
    pub revision: String,
    pub commit: String,
}

impl Checkout {
    /// The folder as it was: the same folder the command was given, at the revision.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Why the folder could not be read at the revision.
#[derive(Debug)]
pub enum RevisionError {
    NotARepository(PathBuf),
    NoRevision { revision: String, reason: String },
    Absent { folder: String, revision: String },
    Read(String),
    Write(std::io::Error),
}

impl fmt::Display for RevisionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RevisionError::NotARepository(dir) => write!(
                f,
                "{} is not in a git repository, so there is no revision to compare with; \
                 give --since a report.json written earlier instead",
                dir.display()
            ),
            RevisionError::NoRevision { revision, reason } => write!(
                f,
                "the repository has no revision `{revision}` ({reason}); give a commit, a tag \
                 or a name such as HEAD~1"
            ),
            RevisionError::Absent { folder, revision } => {
                write!(f, "the folder {folder} did not exist at `{revision}`")
            }
            RevisionError::Read(reason) => write!(f, "the repository could not be read: {reason}"),
            RevisionError::Write(err) => {
                write!(
                    f,
                    "the earlier version could not be laid out in a temporary folder: {err}"
                )
            }
        }
    }
}

impl std::error::Error for RevisionError {}

/// Lays out the folder `dir` as it was at `revision` of the repository it is in.
pub fn checkout(dir: &Path, revision: &str) -> Result<Checkout, RevisionError> {
    let repo = gix::discover(dir).map_err(|_| RevisionError::NotARepository(dir.into()))?;
    let workdir = repo
        .workdir()
        .ok_or_else(|| RevisionError::NotARepository(dir.into()))?;
    let (Ok(workdir), Ok(folder)) = (fs::canonicalize(workdir), fs::canonicalize(dir)) else {
        return Err(RevisionError::NotARepository(dir.into()));
    };
    let inside = folder
        .strip_prefix(&workdir)
        .map_err(|_| RevisionError::NotARepository(dir.into()))?;
    let no_revision = |reason: String| RevisionError::NoRevision {
        revision: revision.to_string(),
        reason,
    };
    let id = repo
        .rev_parse_single(revision)
        .map_err(|e| no_revision(e.to_string()))?;
    let read = |e: &dyn fmt::Display| RevisionError::Read(e.to_string());
    let root = id
        .object()
        .map_err(|e| read(&e))?
        .peel_to_tree()
        .map_err(|e| no_revision(e.to_string()))?;
    let tree = if inside.as_os_str().is_empty() {
        root
    } else {
        let absent = || RevisionError::Absent {
            folder: dir.display().to_string(),
            revision: revision.to_string(),
        };
        root.lookup_entry_by_path(inside)
            .map_err(|e| read(&e))?
            .ok_or_else(absent)?
            .object()
            .map_err(|e| read(&e))?
            .peel_to_tree()
            .map_err(|_| absent())?
    };
    let mut recorder = gix::traverse::tree::Recorder::default();
    tree.traverse()
        .breadthfirst(&mut recorder)
        .map_err(|e| read(&e))?;
    let out = tempfile::Builder::new()
        .prefix("build-report-since-")
        .tempdir()
        .map_err(RevisionError::Write)?;
    for entry in recorder.records {
        if !entry.mode.is_blob() {
            continue;
        }
        let Some(path) = safe_path(out.path(), entry.filepath.as_bytes()) else {
            continue;
        };
        let header = repo.find_header(entry.oid).map_err(|e| read(&e))?;
        // The loader refuses such a file anyway; not writing it bounds the disk used.
        if header.size() > MAX_FILE_BYTES {
            continue;
        }
        let object = repo.find_object(entry.oid).map_err(|e| read(&e))?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(RevisionError::Write)?;
        }
        fs::write(&path, &object.data).map_err(RevisionError::Write)?;
    }
    Ok(Checkout {
        dir: out,
        revision: revision.to_string(),
        commit: id.to_hex_with_len(7).to_string(),
    })
}

/// `name` (a tree path, `/`-separated) below `root`, unless a part of it is empty, `.`,
/// `..`, not UTF-8, or could name a drive or a second path on Windows.
fn safe_path(root: &Path, name: &[u8]) -> Option<PathBuf> {
    let name = std::str::from_utf8(name).ok()?;
    let mut path = root.to_path_buf();
    for part in name.split('/') {
        let plain = !part.is_empty()
            && !part.contains(['\\', ':', '\0'])
            && matches!(
                Path::new(part).components().next(),
                Some(Component::Normal(_))
            )
            && Path::new(part).components().count() == 1;
        if !plain {
            return None;
        }
        path.push(part);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_path_stays_inside_the_folder() {
        let root = Path::new("base");
        assert_eq!(
            safe_path(root, b"cases/case-01.md"),
            Some(Path::new("base").join("cases").join("case-01.md"))
        );
        for hostile in [
            &b"../x.md"[..],
            b"cases/../../x",
            b"/etc/passwd",
            b"c:evil",
            b"a\\..\\b",
            b"cases//x",
            b"./x",
            b"\xff.md",
        ] {
            assert_eq!(safe_path(root, hostile), None, "{hostile:?}");
        }
    }

    #[test]
    fn a_folder_outside_any_repository_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        match checkout(dir.path(), "HEAD") {
            Err(RevisionError::NotARepository(_)) => {}
            Err(other) => panic!("expected not a repository, got {other}"),
            Ok(_) => panic!("expected not a repository"),
        }
    }
}
