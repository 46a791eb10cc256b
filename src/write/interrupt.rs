//! An interrupted build leaves nothing behind.
//!
//! While a build writes, the temporary files it has open are listed here. A Ctrl-C or a
//! `kill` (SIGINT, SIGTERM or SIGHUP; Ctrl-C or closing the console on Windows) removes
//! them before the process exits with the signal's conventional status, 128 + its number
//! (130 for Ctrl-C). The list is process-wide because a signal is: it is the one piece of
//! global state in the crate, and only the build command turns it on.
//!
//! A build killed outright (SIGKILL, a power cut) cannot clean up, so each temporary file
//! is also locked by the build writing it, and the next build in the folder removes those
//! nobody holds (see [`sweep`]). A second build running in the same folder holds its own,
//! so it is never disturbed.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files being written, and whether the process is on its way out.
struct Live {
    paths: Vec<PathBuf>,
    exiting: bool,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    paths: Vec::new(),
    exiting: false,
});

fn live() -> MutexGuard<'static, Live> {
    // A panic elsewhere must not stop the clean-up, so a poisoned list is still used.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Creates and locks the temporary file `path`, listed for removal on an interrupt. The
/// list is held throughout, so that an interrupt either comes first, and nothing is
/// created, or after, and the file is removed.
pub fn create(path: &Path) -> io::Result<File> {
    let mut live = live();
    if live.exiting {
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "the build was interrupted",
        ));
    }
    let file = File::create(path)?;
    file.lock()?;
    live.paths.push(path.to_path_buf());
    Ok(file)
}

/// Takes `path` off the list once it has been renamed into place or removed.
pub fn done(path: &Path) {
    live().paths.retain(|p| p != path);
}

/// Removes every temporary file still listed and keeps the list locked, so that no new
/// one is made before the process exits.
fn remove_all() -> MutexGuard<'static, Live> {
    let mut live = live();
    live.exiting = true;
    for path in live.paths.drain(..) {
        let _ = fs::remove_file(path);
    }
    live
}

/// Turns on the clean-up for this process. Called once, by the build command.
pub fn remove_on_interrupt() -> Result<(), String> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            .map_err(|err| err.to_string())?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _held = remove_all();
                std::process::exit(128 + signal);
            }
        });
        Ok(())
    }
    #[cfg(not(unix))]
    {
        ctrlc::set_handler(|| {
            let _held = remove_all();
            std::process::exit(130);
        })
        .map_err(|err| err.to_string())
    }
}

/// Whether a file name is one of a build's temporary files: `.report.pdf.tmp-1234`.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        && name
            .rsplit_once(".tmp-")
            .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes the temporary files in `folder` and the folders below it that no running build
/// holds: what a killed build left. Returns how many were removed.
pub fn sweep(folder: &Path) -> usize {
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(folder)
        .max_depth(3)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() || !is_temporary(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let Ok(file) = File::options().read(true).write(true).open(entry.path()) else {
            continue;
        };
        // A build still writing holds its lock; only a file nobody holds is left over.
        if file.try_lock().is_ok() {
            drop(file);
            if fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_told_from_outputs() {
        assert!(is_temporary(".report.pdf.tmp-1234"));
        assert!(!is_temporary("report.pdf"));
        assert!(!is_temporary(".report.pdf.tmp-"));
        assert!(!is_temporary("report.pdf.tmp-12"));
        assert!(!is_temporary(".notes.tmp-draft"));
    }

    #[test]
    fn a_file_nobody_holds_is_swept_and_one_being_written_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let left = dir.path().join(".report.pdf.tmp-1");
        fs::write(&left, "half").unwrap();
        let nested = dir.path().join("2024-05");
        fs::create_dir(&nested).unwrap();
        fs::write(nested.join(".report.html.tmp-1"), "half").unwrap();
        fs::write(dir.path().join("report.pdf"), "whole").unwrap();
        let writing = dir.path().join(".report.docx.tmp-2");
        let held = create(&writing).unwrap();
        assert_eq!(sweep(dir.path()), 2);
        assert!(!left.exists());
        assert!(writing.exists(), "a running build's file was swept");
        assert!(dir.path().join("report.pdf").exists());
        drop(held);
        done(&writing);
        assert_eq!(sweep(dir.path()), 1);
    }
}
