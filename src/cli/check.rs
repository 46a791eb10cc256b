//! `build-report check [DIR]`: every problem in the report, and a one-line verdict when
//! none is an error. Nothing is written.

use std::path::PathBuf;

use clap::Args;

use super::build::BLOCKS_PUBLISHING;
use super::subject::{self, Subject};
use super::{INPUT, OK, counted_cases, folder_exists, plural, print_diagnostics};

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

    /// Under `quiet`, nothing but problems: no copies and no verdict.
    fn run(self, quiet: bool) -> u8 {
        // Never freed: the process ends with the command, and freeing thousands of cases
        // one by one would only keep the officer waiting for it.
        let subject: &Subject = Box::leak(Box::new(Subject::check(
            &subject::target(&self.dir),
            &crate::Silent,
        )));
        let diagnostics = subject.diagnostics();
        print_diagnostics(diagnostics);
        if diagnostics.has_errors() {
            return INPUT;
        }
        if quiet {
            return OK;
        }
        if let Some(checked) = subject.single() {
            let blocking = diagnostics
                .sorted()
                .iter()
                .filter(|d| d.code.is_some_and(|c| BLOCKS_PUBLISHING.contains(&c)))
                .count();
            let carries = crate::audience::carries(&checked.report, &checked.analysis);
            for (line, [numbers, notes]) in crate::audience::summary(&checked.report, blocking)
                .into_iter()
                .zip(carries)
            {
                say!("{line}\n  {numbers}\n  {notes}");
            }
        }
        // In a whole archive, who is behind matters for the coming meeting alone.
        let coming = match &subject {
            Subject::Archive(archive) if archive.focus.is_none() => archive
                .meetings
                .last()
                .map(|m| (&m.checked, m.dir.as_path())),
            _ => subject.single().map(|c| (c, self.dir.as_path())),
        };
        if let Some((checked, dir)) = coming {
            for (member, cases) in checked.report.still_to_review() {
                let noun = if cases.len() == 1 { "case" } else { "cases" };
                let cases = crate::diagnostic::all_of(&cases);
                say!("note: {member} has not reviewed {noun} {cases} yet");
            }
            for line in crate::pack::record::outstanding(dir, &checked.report) {
                say!("note: {line}");
            }
        }
        let (what, dead) = match (&subject, subject.single()) {
            (_, Some(checked)) => (
                counted_cases(&checked.analysis),
                checked.analysis.dead_rules.len(),
            ),
            (Subject::Archive(archive), None) => {
                let cases: usize = archive
                    .meetings
                    .iter()
                    .map(|m| m.checked.analysis.total_cases)
                    .sum();
                let meetings = archive.meetings.len();
                let dead = archive.dead_rules().len();
                // Each case counts once, at the meeting that judged it; one no meeting
                // has judged yet is said apart.
                let open = archive
                    .carries
                    .iter()
                    .filter(|c| c.taken_by.is_none())
                    .count();
                let carried = match open {
                    0 => String::new(),
                    n => format!(" and {n} carried over"),
                };
                (
                    format!(
                        "{meetings} meeting{}, {cases} case{}{carried}",
                        plural(meetings),
                        plural(cases)
                    ),
                    dead,
                )
            }
            (Subject::Report(_), None) => (String::new(), 0),
        };
        let warnings = diagnostics.warning_count();
        say!(
            "{}: {what}, no errors{}{}",
            self.dir.display(),
            match warnings {
                0 => String::new(),
                n => format!(", {n} warning{} to look at", plural(n)),
            },
            match dead {
                0 => String::new(),
                1 => ", 1 rule that matched no case (`build-report themes` lists it)".to_string(),
                n => format!(", {n} rules that matched no case (`build-report themes` lists them)"),
            }
        );
        OK
    }
}
