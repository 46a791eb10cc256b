//! Writing the rendered files so that a reader never sees a half-written report.
//!
//! Each output is streamed to a temporary name in the output folder, and only when every
//! one of them is complete are they renamed into place. A rename within one folder is
//! atomic, so each output is either the old file or the new one, never a mixture, and a
//! failure part-way leaves the previous outputs untouched. Streaming, rather than holding
//! each rendered file in memory, keeps a 20,000-case build within a few hundred MiB.
//!
//! The files are not fsynced: atomicity is about what readers see, and after a power cut
//! the report is rebuilt from the case files in git, which is cheaper than making every
//! build wait for the disk.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub mod interrupt;

/// Why the outputs could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// `--out` names something that is not a folder.
    NotAFolder(PathBuf),
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// Windows kept refusing to replace an output, as it does while a program has it open.
    InUse(PathBuf),
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
            WriteError::InUse(path) => write!(
                f,
                "cannot replace {}: it may be open in another program, such as Word, Excel or a PDF reader; close it there and build again",
                path.display()
            ),
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

/// An output folder being written. Files staged in it reach their real names only through
/// [`Staging::commit`]; anything not committed is removed, and so is the folder itself if
/// this build created it.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    created: bool,
    committed: bool,
}

impl Staging {
    /// Opens `out`, creating it if needed.
    pub fn open(out: &Path) -> Result<Staging, WriteError> {
        check_out_dir(out)?;
        let created = !out.exists();
        fs::create_dir_all(out).map_err(|source| WriteError::Io {
            path: out.to_path_buf(),
            source,
        })?;
        interrupt::sweep(out);
        Ok(Staging {
            out: out.to_path_buf(),
            created,
            committed: false,
        })
    }

    /// Starts the file that will be called `name` in the output folder. A `name` with
    /// `/` is in a folder below it (an archive's meeting), made if needed; the temporary
    /// file sits beside its target, since a rename is atomic only within one folder.
    pub fn file(&self, name: &str) -> Result<StagedFile, WriteError> {
        let target = self.out.join(name);
        let folder = target.parent().unwrap_or(&self.out);
        fs::create_dir_all(folder).map_err(|source| WriteError::Io {
            path: folder.to_path_buf(),
            source,
        })?;
        let base = name.rsplit('/').next().unwrap_or(name);
        let temp = folder.join(format!(".{base}.tmp-{}", std::process::id()));
        let file = interrupt::create(&temp).map_err(|source| WriteError::Io {
            path: temp.clone(),
            source,
        })?;
        Ok(StagedFile {
            target,
            temp: Some(temp),
            file: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Where the file called `name` goes.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.out.join(name)
    }

    /// Puts every file in `files` in place. Returns the paths written.
    pub fn commit(mut self, files: Vec<StagedFile>) -> Result<Vec<PathBuf>, WriteError> {
        let mut ready = Vec::with_capacity(files.len());
        for mut file in files {
            let path = file.temp.clone().unwrap_or_default();
            file.file
                .flush()
                .map_err(|source| WriteError::Io { path, source })?;
            ready.push(file);
        }
        let mut written = Vec::with_capacity(ready.len());
        for mut file in ready {
            let Some(temp) = file.temp.take() else {
                continue;
            };
            let renamed = replace(&temp, &file.target);
            if renamed.is_err() {
                let _ = fs::remove_file(&temp);
            }
            interrupt::done(&temp);
            renamed?;
            written.push(file.target.clone());
        }
        self.committed = true;
        Ok(written)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.created && !self.committed {
            // Only an empty folder is removed, so nothing a user put there is lost.
            let _ = fs::remove_dir(&self.out);
        }
    }
}

/// How many times a replacement Windows refuses is tried again, a quarter second apart:
/// a preview pane or a virus scanner lets go in that time, an open document does not.
const RETRIES: u32 = 8;

/// Renames `temp` over `target`, trying again for a moment while Windows says the target
/// is in use, and then saying it may be open in another program.
fn replace(temp: &Path, target: &Path) -> Result<(), WriteError> {
    let mut tries = 0;
    loop {
        match fs::rename(temp, target) {
            Ok(()) => return Ok(()),
            Err(source) if in_use(&source) => {
                if tries == RETRIES {
                    return Err(WriteError::InUse(target.to_path_buf()));
                }
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            Err(source) => {
                return Err(WriteError::Io {
                    path: target.to_path_buf(),
                    source,
                });
            }
        }
    }
}

/// Whether Windows refused because another program has the file open: a sharing or lock
/// violation, or access denied, which is what replacing an open file gives.
#[cfg(windows)]
fn in_use(err: &io::Error) -> bool {
    matches!(err.raw_os_error(), Some(5 | 32 | 33))
}

/// Elsewhere an open file can be replaced, so a refusal means something else.
#[cfg(not(windows))]
fn in_use(_: &io::Error) -> bool {
    false
}

/// One output being written under a temporary name; removed if dropped before commit.
#[derive(Debug)]
pub struct StagedFile {
    target: PathBuf,
    temp: Option<PathBuf>,
    file: BufWriter<File>,
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for StagedFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.file.seek(pos)
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let _ = fs::remove_file(&temp);
            interrupt::done(&temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(out: &Path, name: &str, text: &str) -> Vec<PathBuf> {
        let staging = Staging::open(out).unwrap();
        let mut file = staging.file(name).unwrap();
        file.write_all(text.as_bytes()).unwrap();
        staging.commit(vec![file]).unwrap()
    }

    #[test]
    fn writes_and_replaces_leaving_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(&out, "a.txt", "one");
        let written = write(&out, "a.txt", "two");
        assert_eq!(written, vec![out.join("a.txt")]);
        assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"two");
        assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn an_abandoned_build_leaves_the_old_files_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write(&out, "a.txt", "old");
        {
            let staging = Staging::open(&out).unwrap();
            let mut file = staging.file("a.txt").unwrap();
            file.write_all(b"half").unwrap();
        }
        assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"old");
        assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn an_abandoned_build_removes_the_folder_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let staging = Staging::open(&out).unwrap();
        drop(staging.file("a.txt").unwrap());
        drop(staging);
        assert!(!out.exists());
    }

    #[test]
    fn a_replacement_refused_says_the_file_may_be_open_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let (temp, target) = (dir.path().join(".a.tmp-1"), dir.path().join("a"));
        fs::write(&temp, "new").unwrap();
        fs::write(&target, "old").unwrap();
        replace(&temp, &target).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        let gone = replace(&temp, &target).unwrap_err();
        assert!(matches!(gone, WriteError::Io { .. }), "{gone}");
        let open = WriteError::InUse(target).to_string();
        assert!(open.contains("may be open in another program"), "{open}");
    }

    #[test]
    fn refuses_a_file_as_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "x").unwrap();
        assert!(matches!(
            Staging::open(&file),
            Err(WriteError::NotAFolder(_))
        ));
    }
}
