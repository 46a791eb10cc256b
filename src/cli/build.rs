//! `build-report build [DIR]` (and plain `build-report [DIR]`): checks the report and, when
//! nothing is an error, writes the chosen outputs.
//!
//! The plan settles the output folder and the formats before anything is read, so a wrong
//! `--out` is refused at once and not after the whole report has been analysed.

use std::path::PathBuf;

use clap::Args;

use super::subject::{self, Subject};
use super::{INPUT, OK, counted_cases, folder_exists, plural, print_diagnostics, usage_error};
use crate::archive::Target;
use crate::model::audience::PUBLIC;
use crate::progress::Bar;
use crate::render::Format;
use crate::write;

#[derive(Args, Debug)]
pub(super) struct BuildArgs {
    /// The report folder
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the outputs [default: DIR/output]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Which outputs to write, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    format: Vec<Format>,
    /// Refuse to build while any possible personal data is found, a case lacks a required
    /// field, a version of a bilingual report is incomplete, or a phrase found inside a word
    /// or after a negation is counted before its rule says `negated: skip` or `count`
    #[arg(long)]
    publish: bool,
    /// Write only this audience's copy of a report with `audiences:` [default: every copy]
    #[arg(long, value_name = "NAME")]
    audience: Option<String>,
    /// In an archive, build only the meetings on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = date)]
    from: Option<String>,
    /// In an archive, build only the meetings on or before this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = date)]
    to: Option<String>,
}

/// The codes of the warnings `--publish` refuses, which `check` counts for the copy that
/// is published.
pub(super) const BLOCKS_PUBLISHING: [&str; 5] = [
    crate::analyse::privacy::PERSONAL_DATA,
    crate::parse::case::REQUIRED_FIELD,
    crate::parse::translation::UNTRANSLATED,
    crate::analyse::UNDECIDED_MATCH,
    crate::audience::UNKNOWN_FIELD,
];

/// A `--from`/`--to` date, refused at once when it is not one.
fn date(text: &str) -> Result<String, String> {
    if crate::parse::meta::is_calendar_date(text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "`{text}` is not a date written YYYY-MM-DD, such as 2024-01-31"
        ))
    }
}

/// A build with its folder checked, its output folder chosen and its formats in order.
#[derive(Debug)]
pub(super) struct Plan {
    /// A lone report, an archive, or one meeting of an archive.
    target: Target,
    out: PathBuf,
    /// Sorted and without repeats, so the outputs are written and listed in one order.
    formats: Vec<Format>,
    publish: bool,
    /// The one audience whose copy is written; every audience's when `None`.
    audience: Option<String>,
    /// The range of meetings, for an archive.
    range: (Option<String>, Option<String>),
}

impl super::Plan for Plan {
    type Args = BuildArgs;

    fn resolve(args: BuildArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        let target = subject::target(&args.dir);
        let whole_archive = matches!(target, Target::Archive { focus: None, .. });
        if !whole_archive && (args.from.is_some() || args.to.is_some()) {
            return Err(usage_error(&format!(
                "--from and --to choose meetings of an archive, and {} is {}",
                args.dir.display(),
                match target {
                    Target::Report(_) => "a single report",
                    Target::Archive { .. } =>
                        "one meeting; give the archive's folder, the one with panel.yaml",
                }
            )));
        }
        if let Some(audience) = args.audience.as_deref().filter(|_| args.publish)
            && audience != PUBLIC
        {
            return Err(usage_error(&format!(
                "--publish checks the copy for `{PUBLIC}`, and --audience {audience} is another; the other copies are not published"
            )));
        }
        if let (Some(from), Some(to)) = (&args.from, &args.to)
            && from > to
        {
            return Err(usage_error(&format!("--from {from} is after --to {to}")));
        }
        let out = args
            .out
            .unwrap_or_else(|| args.dir.join(crate::layout::OUTPUT));
        if let Err(err) = write::check_out_dir(&out) {
            return Err(usage_error(&format!("--out: {err}")));
        }
        let mut formats = if args.format.is_empty() {
            Format::ALL.to_vec()
        } else {
            args.format
        };
        formats.sort();
        formats.dedup();
        Ok(Plan {
            target,
            out,
            formats,
            publish: args.publish,
            audience: args.audience,
            range: (args.from, args.to),
        })
    }

    /// Under `quiet`, nothing but problems: no progress bar and no line saying what was built.
    fn run(self, quiet: bool) -> u8 {
        if let Err(err) = crate::write::interrupt::remove_on_interrupt() {
            say_err!("warning: an interrupted build may leave temporary files behind: {err}");
        }
        crate::render::cache::open_default();
        let bar = Bar::new(!quiet);
        // Never freed: the process ends with the command, and freeing thousands of cases
        // one by one would only keep the officer waiting for it.
        let subject: &mut Subject = Box::leak(Box::new(Subject::check(&self.target, &bar)));
        if let Err(message) = self.audience_declared(subject) {
            bar.finish();
            return usage_error(&message);
        }
        if self.publish {
            // Publishing needs safe text, every case with the fields the panel requires,
            // in a bilingual report every version whole, and no count that may hold a
            // phrase's opposite without someone having decided it. With audiences the scan
            // has read the public copy's text, so a field it hides never blocks it, while a
            // name in `hide:` that is no field may be one that leaks.
            let diagnostics = subject.diagnostics_mut();
            for code in BLOCKS_PUBLISHING {
                diagnostics.escalate(code);
            }
        }
        let written = if subject.diagnostics().has_errors() {
            None
        } else {
            Some(self.write(subject, &bar))
        };
        bar.finish();
        crate::render::cache::tidy();
        let diagnostics = subject.diagnostics();
        print_diagnostics(diagnostics);
        if diagnostics.has_errors() {
            say_err!("nothing was written; fix the errors above and build again");
            return INPUT;
        }
        match written.unwrap_or_else(|| Ok(Vec::new())) {
            Ok(paths) => {
                if !quiet {
                    say!("{}", self.built(subject, &paths));
                }
                OK
            }
            Err(err) => {
                say_err!("error: {err}");
                INPUT
            }
        }
    }
}

impl Plan {
    /// Refuses `--audience` naming a copy the report does not make.
    fn audience_declared(&self, subject: &Subject) -> Result<(), String> {
        let Some(wanted) = &self.audience else {
            return Ok(());
        };
        let declared = subject.audiences();
        if declared.contains(&wanted.as_str()) {
            return Ok(());
        }
        Err(if declared.is_empty() {
            format!(
                "--audience {wanted} chooses one copy of `audiences:`, and the report declares none"
            )
        } else {
            format!(
                "--audience {wanted} is not one of the report's audiences; it has {}",
                crate::diagnostic::one_of(&declared)
            )
        })
    }

    fn write(
        &self,
        subject: &mut Subject,
        bar: &Bar,
    ) -> Result<Vec<PathBuf>, crate::write::WriteError> {
        match subject {
            Subject::Report(checked) => {
                let audience = self.audience.as_deref();
                crate::write_report_with(checked, &self.formats, &self.out, audience, bar)
            }
            Subject::Archive(archive) if archive.focus.is_some() => {
                let audience = self.audience.as_deref();
                crate::archive::write_meeting(archive, &self.formats, &self.out, audience, bar)
            }
            Subject::Archive(archive) => {
                let range = (self.range.0.as_deref(), self.range.1.as_deref());
                let audience = self.audience.as_deref();
                crate::archive::write(archive, &self.formats, &self.out, range, audience, bar)
            }
        }
    }

    /// The line that says what was built.
    fn built(&self, subject: &Subject, paths: &[PathBuf]) -> String {
        let list = |paths: &[PathBuf]| {
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(checked) = subject.single() {
            let analysis = &checked.analysis;
            return format!(
                "built {}, {} theme{}: {}",
                counted_cases(analysis),
                analysis.themes.len(),
                plural(analysis.themes.len()),
                list(paths)
            );
        }
        let Subject::Archive(archive) = subject else {
            return list(paths);
        };
        let meetings = archive.in_range(self.range.0.as_deref(), self.range.1.as_deref());
        let cases: usize = meetings
            .iter()
            .map(|m| m.checked.analysis.total_cases)
            .sum();
        // A bilingual archive's index is in each language, index.cy.html first.
        let home = self.out.join(crate::layout::INDEX_PAGE);
        let home = match paths.contains(&home) {
            true => home,
            false => paths
                .iter()
                .find(|p| {
                    p.parent() == Some(self.out.as_path())
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("index."))
                })
                .cloned()
                .unwrap_or(home),
        };
        format!(
            "built {} meeting{}, {} case{} in all, {} file{} in {}: open {}",
            meetings.len(),
            plural(meetings.len()),
            cases,
            plural(cases),
            paths.len(),
            plural(paths.len()),
            self.out.display(),
            home.display()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::Plan as _;
    use super::*;

    fn args(dir: PathBuf, format: Vec<Format>) -> BuildArgs {
        BuildArgs {
            dir,
            out: None,
            format,
            publish: false,
            audience: None,
            from: None,
            to: None,
        }
    }

    #[test]
    fn the_plan_fills_in_the_output_folder_and_every_format() {
        let dir = tempfile::tempdir().unwrap();
        let plan = Plan::resolve(args(dir.path().to_path_buf(), Vec::new())).unwrap();
        assert_eq!(plan.out, dir.path().join("output"));
        assert_eq!(plan.formats, Format::ALL);
    }

    #[test]
    fn the_plan_puts_formats_in_order_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let (first, last) = (Format::ALL[0], Format::ALL[Format::ALL.len() - 1]);
        let plan = Plan::resolve(args(dir.path().to_path_buf(), vec![last, first, last])).unwrap();
        assert_eq!(plan.formats, [first, last]);
    }
}
