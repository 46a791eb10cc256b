//! `build-report check [DIR]`: every problem in the report, and a one-line verdict when
//! none is an error. Nothing is written.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, folder_exists, plural, print_diagnostics};

#[derive(Args, Debug)]
pub(super) struct CheckArgs {
    /// The report folder
    #[arg(default_value = ".")]
    dir: PathBuf,
}

/// A check of a folder known to exist.
#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
}

impl super::Plan for Plan {
    type Args = CheckArgs;

    fn resolve(args: CheckArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        Ok(Plan { dir: args.dir })
    }

    fn run(self) -> u8 {
        let checked = crate::check(&self.dir);
        print_diagnostics(&checked.diagnostics);
        if checked.diagnostics.has_errors() {
            return INPUT;
        }
        let warnings = checked.diagnostics.warning_count();
        say!(
            "{}: {} case{}, no errors{}{}",
            self.dir.display(),
            checked.analysis.total_cases,
            plural(checked.analysis.total_cases),
            match warnings {
                0 => String::new(),
                n => format!(", {n} warning{} to look at", plural(n)),
            },
            match checked.analysis.dead_rules.len() {
                0 => String::new(),
                1 => ", 1 rule that matched no case (`build-report themes` lists it)".to_string(),
                n => format!(", {n} rules that matched no case (`build-report themes` lists them)"),
            }
        );
        OK
    }
}
