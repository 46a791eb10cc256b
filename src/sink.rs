//! Where rendered files go: one list of a build's outputs and one loop that renders it,
//! into a folder on disk or into memory.
//!
//! [`outputs`] makes the list once (format × language × meeting, and an archive's own
//! files), so `build` and `serve` cannot name or choose files differently. A [`Sink`] is
//! the far end of the loop, as Zola's writer has `Disk` and `Memory`: the output folder's
//! [`Staging`], whose files reach their names only when every one is complete, or
//! [`Memory`] for `serve`'s preview. The loop itself knows neither.

pub mod outputs;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Progress;
use crate::diagnostic::Diagnostics;
use crate::render::{Output, RenderError};
use crate::write::{StagedFile, Staging, WriteError};

/// How one output's bytes are made: rendering into a writer, with problems in its assets
/// (a user template) added to the diagnostics.
type Render<'a> = dyn Fn(&mut dyn Output, &mut Diagnostics) -> Result<(), RenderError> + Sync + 'a;

/// One file of a build, not yet rendered.
pub struct Planned<'a> {
    /// Its name in the output folder: `report.cy.html`, `2023-06/report.json`.
    pub name: String,
    /// The folder its problems' paths are relative to, from the one the command was
    /// given: `` or a meeting's `2023-06`.
    base: String,
    render: Box<Render<'a>>,
}

impl<'a> Planned<'a> {
    pub fn new(
        name: String,
        base: &str,
        render: impl Fn(&mut dyn Output, &mut Diagnostics) -> Result<(), RenderError> + Sync + 'a,
    ) -> Self {
        Planned {
            name,
            base: base.to_string(),
            render: Box::new(render),
        }
    }

    /// Whether a browser shows it, which is all a preview builds.
    pub fn is_page(&self) -> bool {
        self.name.ends_with(".html")
    }
}

/// Where the loop writes each file.
pub trait Sink: Sync {
    type File: Output + Send;

    /// Starts the file called `name`.
    fn file(&self, name: &str) -> Result<Self::File, WriteError>;

    /// Where the file called `name` goes, for an error to name it.
    fn path_of(&self, name: &str) -> PathBuf;
}

impl Sink for Staging {
    type File = StagedFile;

    fn file(&self, name: &str) -> Result<StagedFile, WriteError> {
        Staging::file(self, name)
    }

    fn path_of(&self, name: &str) -> PathBuf {
        Staging::path_of(self, name)
    }
}

/// Files held in memory, for `serve`.
pub struct Memory;

impl Sink for Memory {
    type File = Cursor<Vec<u8>>;

    fn file(&self, _name: &str) -> Result<Self::File, WriteError> {
        Ok(Cursor::new(Vec::new()))
    }

    fn path_of(&self, name: &str) -> PathBuf {
        PathBuf::from(name)
    }
}

/// Renders every output of `planned` into `sink`, returning them in the list's order with
/// their names. A file its renderer declined (a problem it reported) is left out. The
/// first failure to write is returned, but only after every file's problems are in
/// `diagnostics`.
pub fn render<S: Sink>(
    planned: &[Planned<'_>],
    sink: &S,
    diagnostics: &mut Diagnostics,
    progress: &dyn Progress,
) -> Result<Vec<(String, S::File)>, WriteError> {
    // The files are independent, so they render in parallel, each streaming to its own
    // file; each keeps its own diagnostics, merged afterwards in the list's order.
    let rendered: Vec<_> = planned
        .par_iter()
        .map(|planned| {
            let mut found = Diagnostics::default();
            let name = &planned.name;
            let result = sink.file(name).and_then(|mut file| {
                match (planned.render)(&mut file, &mut found) {
                    Ok(()) => Ok(Some((name.clone(), file))),
                    Err(RenderError::Reported) => Ok(None),
                    Err(RenderError::Io(source)) => Err(WriteError::Io {
                        path: sink.path_of(name),
                        source,
                    }),
                }
            });
            progress.advance();
            (result, found)
        })
        .collect();
    let mut files = Vec::with_capacity(rendered.len());
    let mut failure = None;
    for ((result, found), planned) in rendered.into_iter().zip(planned) {
        diagnostics.absorb_once(found, &planned.base);
        match result {
            Ok(Some(file)) => files.push(file),
            Ok(None) => {}
            Err(err) => failure = failure.or(Some(err)),
        }
    }
    match failure {
        Some(err) => Err(err),
        None => Ok(files),
    }
}

/// Every file of `planned` rendered into a staging of the folder `out`, for
/// [`Staged::commit`] to put in place.
pub fn stage(
    planned: &[Planned<'_>],
    out: &Path,
    diagnostics: &mut Diagnostics,
    progress: &dyn Progress,
) -> Result<Staged, WriteError> {
    progress.stage("Rendering", planned.len() as u64);
    let staging = Staging::open(out)?;
    let files = render(planned, &staging, diagnostics, progress)?;
    Ok(Staged {
        staging,
        files: files.into_iter().map(|(_, file)| file).collect(),
    })
}

/// A build's files written under temporary names in its output folder.
pub struct Staged {
    staging: Staging,
    files: Vec<StagedFile>,
}

impl Staged {
    /// Puts every file in place, unless `diagnostics` (the build's, with what rendering
    /// found) holds an error: then nothing is replaced. Returns the paths written.
    pub fn commit(self, diagnostics: &Diagnostics) -> Result<Vec<PathBuf>, WriteError> {
        if diagnostics.has_errors() {
            return Ok(Vec::new());
        }
        self.staging.commit(self.files)
    }
}

/// Every file of `planned` rendered into memory, by name.
pub fn to_memory(
    planned: &[Planned<'_>],
    diagnostics: &mut Diagnostics,
) -> Result<BTreeMap<String, Vec<u8>>, WriteError> {
    let files = render(planned, &Memory, diagnostics, &crate::Silent)?;
    Ok(files
        .into_iter()
        .map(|(name, file)| (name, file.into_inner()))
        .collect())
}
