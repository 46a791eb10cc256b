//! `build-report responses FILE.docx [DIR]`: the force's answers in a returned
//! report.docx, written into the observation files, or with `--dry-run` shown as a diff.
//!
//! Every file's new text is worked out before any is written, so a refusal leaves the
//! folder as it was; each file is then replaced through a temporary file beside it and a
//! rename, so an interrupted run never leaves half a file.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{INPUT, OK, folder_exists, plural, print_diagnostics, usage_error};
use crate::load::{Target, discover};
use crate::responses::{MAX_DOCUMENT_BYTES, Outcome, Taken, diff, take_back};

#[derive(Args, Debug)]
pub(super) struct ResponsesArgs {
    /// The report.docx the force filled in and sent back
    file: PathBuf,
    /// The report folder, or a meeting of an archive
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Show what would change, as a diff, without writing anything
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug)]
pub(super) struct Plan {
    file: PathBuf,
    dir: PathBuf,
    dry_run: bool,
}

impl super::Plan for Plan {
    type Args = ResponsesArgs;

    fn resolve(args: ResponsesArgs) -> Result<Self, u8> {
        if !args.file.is_file() {
            return Err(usage_error(&format!(
                "no file {}; give the report.docx the force sent back",
                args.file.display()
            )));
        }
        folder_exists(&args.dir)?;
        if let Target::Archive { focus: None, .. } = discover(&args.dir) {
            return Err(usage_error(&format!(
                "{} is an archive; give the folder of the meeting whose report this is",
                args.dir.display()
            )));
        }
        Ok(Plan {
            file: args.file,
            dir: args.dir,
            dry_run: args.dry_run,
        })
    }

    /// Under `quiet`, the problems and --dry-run's changes, without a line per file.
    fn run(self, quiet: bool) -> u8 {
        let name = self.file.display().to_string();
        let bytes = match read(&self.file) {
            Ok(bytes) => bytes,
            Err(message) => {
                say_err!("error: {name}: {message}");
                return INPUT;
            }
        };
        let taken = match take_back(&bytes, &name, &self.dir) {
            Ok(taken) => taken,
            Err(refusal) => {
                say_err!(
                    "error: {name}: {}\n  = help: {}",
                    refusal.message,
                    refusal.hint
                );
                return INPUT;
            }
        };
        print_diagnostics(&taken.diagnostics);
        let mut written = 0;
        for t in &taken.taken {
            if !quiet {
                say!("{}: {}", t.file, summary(&t.outcome));
            }
            if t.before == t.after {
                continue;
            }
            if self.dry_run {
                say!("{}", diff::unified(&t.file, &t.before, &t.after).trim_end());
            } else if let Err(err) = write(&self.dir, t) {
                say_err!("error: cannot write {}: {err}", t.file);
                return INPUT;
            } else {
                written += 1;
            }
        }
        match (quiet, self.dry_run) {
            (true, _) => {}
            (false, true) => say!("--dry-run: nothing was written"),
            (false, false) => say!("{written} file{} written", plural(written)),
        }
        OK
    }
}

/// The file, refused when it is larger than any report could be; a pack too.
pub(super) fn read(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "it is larger than {} MiB, more than any report",
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn summary(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Written {
            paragraphs,
            replaced,
            status_moved,
        } => {
            let what = if *replaced { "replaced" } else { "added" };
            let status = if *status_moved {
                "; awaiting-response → responded"
            } else {
                ""
            };
            format!(
                "response {what} ({paragraphs} paragraph{}){status}",
                plural(*paragraphs)
            )
        }
        Outcome::Unchanged => "response unchanged".into(),
        Outcome::Awaited => "no response yet".into(),
    }
}

/// Replaces the file through a temporary file beside it.
fn write(dir: &Path, taken: &Taken) -> std::io::Result<()> {
    let path: PathBuf = dir.join(&taken.file);
    let temporary = path.with_extension("md.responses-tmp");
    std::fs::write(&temporary, &taken.after)?;
    std::fs::rename(&temporary, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
