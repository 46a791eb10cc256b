//! The folder no file read may lead outside of, once its links are followed.
//!
//! A report folder someone else prepared may hold a link in cases/ to a file elsewhere on
//! the officer's computer; following it would publish that file. Every read in load asks
//! [`Bound::admits`] first, which resolves the path with every link followed and refuses
//! it unless it is still inside the report folder, or for a meeting its archive.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};

/// The folder that every file read must be inside once its links are followed.
pub struct Bound {
    /// `None` when the folder itself cannot be resolved; then nothing is inside it.
    canonical: Option<PathBuf>,
    /// What the folder is called in a warning.
    what: &'static str,
}

impl Bound {
    pub fn new(folder: &Path, what: &'static str) -> Bound {
        Bound {
            canonical: folder.canonicalize().ok(),
            what,
        }
    }

    /// Whether `path`, with every link in it followed, is inside the folder.
    pub fn contains(&self, path: &Path) -> bool {
        match (&self.canonical, path.canonicalize()) {
            (Some(bound), Ok(path)) => path.starts_with(bound),
            _ => false,
        }
    }

    /// Whether `path` may be read; when it leads outside, a warning says so, naming the
    /// link but not where it leads.
    pub fn admits(&self, path: &Path, shown: &str, diagnostics: &mut Diagnostics) -> bool {
        if self.contains(path) {
            return true;
        }
        diagnostics.push(
            Diagnostic::warning(shown, Loc::START, format!("{shown} is not read: it is a link to a file outside the {}", self.what))
                .code(LINK_OUTSIDE)
                .hint(format!("build-report reads only the files inside the {}, so that a folder from someone else cannot publish files from elsewhere on this computer; copy the file in if it belongs to the report, or remove the link", self.what)),
        );
        false
    }
}

/// The code of the warning about a link that leads outside the folder.
pub const LINK_OUTSIDE: &str = "link-outside";
