//! `build-report new-meeting YYYY-MM-DD [ARCHIVE] [--cases N] [--session TEXT]` and `build-report new-case
//! [DIR] [--case N]`: the next meeting of an archive and the next case of a report,
//! written by [`crate::scaffold`] for the officer to fill in.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, folder_exists, usage_error};
use crate::scaffold::{self, case, meeting};

#[derive(Args, Debug)]
pub(super) struct MeetingArgs {
    /// The meeting's date, YYYY-MM-DD, or its month, YYYY-MM; its folder is named by its month (by the date with --session)
    date: String,
    /// The archive (the folder with panel.yaml)
    #[arg(default_value = ".")]
    archive: PathBuf,
    /// How many case files to start
    #[arg(long, default_value_t = 0, value_name = "N")]
    cases: u32,
    /// One of the day's sittings, such as "7–9 pm": its folder is the date and its number that day (2025-04-01-2)
    #[arg(long, value_name = "TEXT")]
    session: Option<String>,
}

#[derive(Debug)]
pub(super) struct MeetingPlan {
    date: String,
    archive: PathBuf,
    cases: u32,
    session: Option<String>,
}

impl super::Plan for MeetingPlan {
    type Args = MeetingArgs;

    fn resolve(args: MeetingArgs) -> Result<Self, u8> {
        if !scaffold::is_date(&args.date) {
            return Err(usage_error(&format!(
                "`{}` is not a date written YYYY-MM-DD, such as 2024-09-10, nor a month written YYYY-MM",
                args.date
            )));
        }
        folder_exists(&args.archive)?;
        // A hundred cases is more than any meeting reviews; more is a slip of the keyboard.
        if args.cases > 100 {
            return Err(usage_error(&format!(
                "--cases {} is more cases than a meeting reviews; give at most 100",
                args.cases
            )));
        }
        let session = match args.session.as_deref().map(str::trim) {
            Some(session) if session.is_empty() || session.contains('\n') => {
                return Err(usage_error(
                    "--session needs the sitting's time or name on one line, such as --session \"7–9 pm\"",
                ));
            }
            session => session.map(String::from),
        };
        Ok(MeetingPlan {
            date: args.date,
            archive: args.archive,
            cases: args.cases,
            session,
        })
    }

    /// Under `quiet`, nothing unless the meeting is refused.
    fn run(self, quiet: bool) -> u8 {
        match meeting::new_meeting(
            &self.archive,
            &self.date,
            self.session.as_deref(),
            self.cases,
        ) {
            Ok(_) if quiet => OK,
            Ok(made) => {
                for file in &made.files {
                    say!("wrote {}", self.archive.join(file).display());
                }
                let carried = match made.carried {
                    0 => String::new(),
                    n => format!(
                        ", {n} case{} carried over from an earlier meeting to decide",
                        super::plural(n)
                    ),
                };
                say!(
                    "the meeting {}, with {} case file{}{carried} and {} update{} on open observations to write",
                    made.id,
                    self.cases,
                    super::plural(self.cases as usize),
                    made.updates,
                    super::plural(made.updates)
                );
                OK
            }
            Err(refused) => {
                super::print_refusal(&refused);
                INPUT
            }
        }
    }
}

#[derive(Args, Debug)]
pub(super) struct CaseArgs {
    /// The report folder, or a meeting of an archive
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The case's number; by default the next after the highest
    #[arg(long = "case", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    number: Option<u32>,
    /// The case's type, an id of `case_types:`: it is numbered among that type's cases
    /// and lists that type's checks
    #[arg(long = "type", value_name = "ID")]
    kind: Option<String>,
}

#[derive(Debug)]
pub(super) struct CasePlan {
    dir: PathBuf,
    number: Option<u32>,
    kind: Option<String>,
}

impl super::Plan for CasePlan {
    type Args = CaseArgs;

    fn resolve(args: CaseArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        Ok(CasePlan {
            dir: args.dir,
            number: args.number,
            kind: args.kind,
        })
    }

    /// Under `quiet`, nothing unless the case is refused.
    fn run(self, quiet: bool) -> u8 {
        match case::new_case(&self.dir, self.number, self.kind.as_deref()) {
            Ok(_) if quiet => OK,
            Ok(made) => {
                for path in std::iter::once(&made.path).chain(&made.members) {
                    say!("wrote {}", made.dir.join(path).display());
                }
                say!(
                    "case {}: its checks are listed unanswered; answer them, write the points under the headings, and give its judgement",
                    crate::model::case_id(self.kind.as_deref(), made.number)
                );
                OK
            }
            Err(refused) => {
                super::print_refusal(&refused);
                INPUT
            }
        }
    }
}
