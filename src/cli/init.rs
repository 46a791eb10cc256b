//! `build-report init [DIR]` and `init --panel [DIR]`: a new report folder, or a new
//! archive with its first meeting, dated today. The files are the library's
//! ([`crate::scaffold::init`]); this module picks the date and says what was written.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, usage_error};
use crate::scaffold::{self, init};

#[derive(Args, Debug)]
pub(super) struct InitArgs {
    /// The folder to start in; it is made if it does not exist
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Start a panel's archive (panel.yaml and a first meeting) instead of one report
    #[arg(long)]
    panel: bool,
    /// The kind of panel: its checklist, case fields, judgements and themes
    #[arg(long, value_enum, default_value_t = init::Kind::HateCrime)]
    kind: init::Kind,
}

#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    panel: bool,
    kind: init::Kind,
    date: String,
}

impl super::Plan for Plan {
    type Args = InitArgs;

    fn resolve(args: InitArgs) -> Result<Self, u8> {
        if args.dir.exists() && !args.dir.is_dir() {
            return Err(usage_error(&format!(
                "{} is a file; give a folder to start the report in",
                args.dir.display()
            )));
        }
        Ok(Plan {
            dir: args.dir,
            panel: args.panel,
            kind: args.kind,
            date: super::today(),
        })
    }

    /// Under `quiet`, nothing unless the folder is refused.
    fn run(self, quiet: bool) -> u8 {
        let mut files = if self.panel {
            init::archive(self.kind, &self.date)
        } else {
            init::report(self.kind, &self.date)
        };
        // A folder already in git may have its own .gitignore; that is the user's, not a
        // clash to refuse over.
        files.retain(|f| f.path != init::GITIGNORE || !self.dir.join(init::GITIGNORE).exists());
        if let Err(refused) = scaffold::write(&self.dir, &files) {
            super::print_refusal(&refused);
            return INPUT;
        }
        if quiet {
            return OK;
        }
        for file in &files {
            say!("wrote {}", self.dir.join(&file.path).display());
        }
        let shown = self.dir.display();
        if self.panel {
            say!(
                "a panel's archive, with its first meeting {}; next: `build-report check {shown}`, then `build-report new-meeting YYYY-MM-DD {shown}` for the next meeting",
                init::meeting_id(&self.date)
            );
        } else {
            say!(
                "a report folder; next: `build-report new-case {shown}` for each case, `build-report serve {shown}` to watch it, `build-report build {shown}` to build it"
            );
        }
        OK
    }
}
