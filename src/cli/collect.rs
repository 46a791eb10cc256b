//! `build-report collect FILE.docx... [DIR] [--dry-run] [--force]`: members' returned
//! review packs, taken back into their own files in the case folders.
//!
//! Every pack is read and checked before anything is written, so a refused pack leaves
//! the folder as it was; each file is then replaced through a temporary file beside it.

use std::path::{Path, PathBuf};

use clap::Args;

use super::responses::read;
use super::{INPUT, OK, folder_exists, plural, print_diagnostics, usage_error};
use crate::load::{Target, discover};
use crate::pack::collect::{Collected, collect};
use crate::responses::diff;

#[derive(Args, Debug)]
pub(super) struct CollectArgs {
    /// The packs the members sent back, then the report folder (or a meeting of an archive); the folder defaults to .
    #[arg(required = true, value_name = "FILE.docx... [DIR]")]
    paths: Vec<PathBuf>,
    /// Show what would change, as a diff, without writing anything
    #[arg(long)]
    dry_run: bool,
    /// Take a case back even where the member's file changed since their pack was written
    #[arg(long)]
    force: bool,
}

#[derive(Debug)]
pub(super) struct Plan {
    files: Vec<PathBuf>,
    dir: PathBuf,
    dry_run: bool,
    force: bool,
}

impl super::Plan for Plan {
    type Args = CollectArgs;

    fn resolve(args: CollectArgs) -> Result<Self, u8> {
        let mut files = args.paths;
        let dir = match files.last() {
            Some(last) if last.is_dir() && files.len() > 1 => files.pop().unwrap_or_default(),
            _ => PathBuf::from("."),
        };
        for file in &files {
            if !file.is_file() {
                return Err(usage_error(&format!(
                    "no file {}; give the packs the members sent back, then the report folder",
                    file.display()
                )));
            }
        }
        folder_exists(&dir)?;
        if let Target::Archive { focus: None, .. } = discover(&dir) {
            return Err(usage_error(&format!(
                "{} is an archive; give the folder of the meeting the packs are for",
                dir.display()
            )));
        }
        Ok(Plan {
            files,
            dir,
            dry_run: args.dry_run,
            force: args.force,
        })
    }

    fn run(self, quiet: bool) -> u8 {
        let today = super::today();
        // Every pack is checked first, so that a refused one leaves every file alone.
        for file in &self.files {
            if let Err(code) = self.take(file, &today) {
                return code;
            }
        }
        let mut written = 0;
        let mut failed = false;
        for file in &self.files {
            let Ok(collected) = self.take(file, &today) else {
                return INPUT;
            };
            print_diagnostics(&collected.diagnostics);
            failed |= collected.diagnostics.has_errors();
            if !quiet {
                say!("{}: {}'s pack", file.display(), collected.member);
                for change in &collected.changes {
                    say!(
                        "  case {} ({}): {}",
                        change.case,
                        change.file,
                        change.summary.join("; ")
                    );
                }
                if collected.changes.is_empty() {
                    say!("  nothing changed");
                }
            }
            match self.write(&collected) {
                Ok(n) => written += n,
                Err(err) => {
                    say_err!("error: {err}");
                    return INPUT;
                }
            }
        }
        match (quiet, self.dry_run) {
            (true, _) => {}
            (false, true) => say!("--dry-run: nothing was written"),
            (false, false) => say!("{written} file{} written", plural(written)),
        }
        if failed { INPUT } else { OK }
    }
}

impl Plan {
    /// The pack `file` read against the folder, or the exit status of its refusal.
    fn take(&self, file: &Path, today: &str) -> Result<Collected, u8> {
        let name = file.display().to_string();
        let bytes = read(file).map_err(|message| {
            say_err!("error: {name}: {message}");
            INPUT
        })?;
        collect(&bytes, &name, &self.dir, self.force, today).map_err(|refusal| {
            say_err!(
                "error: {name}: {}\n  = help: {}",
                refusal.message,
                refusal.hint
            );
            INPUT
        })
    }

    /// Writes what collecting changes, or with --dry-run shows it; the files written.
    fn write(&self, collected: &Collected) -> Result<usize, String> {
        let mut written = 0;
        for change in &collected.changes {
            if self.dry_run {
                for (from, to) in &change.moves {
                    say!("would move {from} to {to}");
                }
                let before = change.before.as_deref().unwrap_or("");
                say!(
                    "{}",
                    diff::unified(&change.file, before, &change.after).trim_end()
                );
                continue;
            }
            for (from, to) in &change.moves {
                let to = self.dir.join(to);
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot make {}: {e}", parent.display()))?;
                }
                std::fs::rename(self.dir.join(from), &to)
                    .map_err(|e| format!("cannot move {from}: {e}"))?;
            }
            replace(&self.dir.join(&change.file), &change.after)
                .map_err(|e| format!("cannot write {}: {e}", change.file))?;
            written += 1;
        }
        let (before, after) = &collected.record;
        if !self.dry_run && before != after {
            replace(&self.dir.join(crate::layout::PACKS), after)
                .map_err(|e| format!("cannot write {}: {e}", crate::layout::PACKS))?;
            written += 1;
        }
        Ok(written)
    }
}

/// Replaces the file through a temporary file beside it.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let temporary = path.with_extension("md.collect-tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
