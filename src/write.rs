//! Writing the rendered files so that a reader never sees a half-written report.
//!
//! Every file is first written in full to a temporary name in the output folder, and only
//! when all of them are on disk are they renamed into place. A rename within one folder
//! is atomic, so each output is either the old file or the new one, never a mixture, and
//! a failure part-way leaves the previous outputs untouched.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::render::Output;

/// Why the outputs could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// `--out` names something that is not a folder.
    NotAFolder(PathBuf),
    Io {
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotAFolder(path) => {
                write!(f, "{} exists and is not a folder", path.display())
            }
            WriteError::Io { path, source } => {
                write!(f, "cannot write {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Checks that `out` can be used as the output folder, before any work is done.
pub fn check_out_dir(out: &Path) -> Result<(), WriteError> {
    if out.exists() && !out.is_dir() {
        return Err(WriteError::NotAFolder(out.to_path_buf()));
    }
    Ok(())
}

/// Writes `outputs` into `out`, creating it if needed. Returns the paths written.
pub fn write_all(out: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, WriteError> {
    check_out_dir(out)?;
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError::Io { path, source }
    };
    fs::create_dir_all(out).map_err(io_err(out))?;
    let mut staged = Vec::new();
    for output in outputs {
        let temp = out.join(format!(".{}.tmp-{}", output.name, std::process::id()));
        let result = File::create(&temp).and_then(|mut file| {
            file.write_all(&output.bytes)?;
            file.sync_all()
        });
        if let Err(source) = result {
            for (temp, _) in &staged {
                let _ = fs::remove_file(temp);
            }
            let _ = fs::remove_file(&temp);
            return Err(WriteError::Io { path: temp, source });
        }
        staged.push((temp, out.join(&output.name)));
    }
    let mut written = Vec::new();
    for (temp, target) in staged {
        fs::rename(&temp, &target).map_err(io_err(&target))?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_leaving_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let first = [Output {
            name: "a.txt".into(),
            bytes: b"one".to_vec(),
        }];
        write_all(&out, &first).unwrap();
        let second = [Output {
            name: "a.txt".into(),
            bytes: b"two".to_vec(),
        }];
        write_all(&out, &second).unwrap();
        assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"two");
        assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn refuses_a_file_as_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "x").unwrap();
        assert!(matches!(
            write_all(&file, &[]),
            Err(WriteError::NotAFolder(_))
        ));
    }
}
