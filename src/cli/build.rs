//! `build-report build [DIR]` (and plain `build-report [DIR]`): checks the report and, when
//! nothing is an error, writes the chosen outputs.
//!
//! The plan settles the output folder and the formats before anything is read, so a wrong
//! `--out` is refused at once and not after the whole report has been analysed.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, folder_exists, plural, print_diagnostics, usage_error};
use crate::progress::Bar;
use crate::render::Format;
use crate::{Checked, write};

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
    /// Refuse to build while any possible personal data is found
    #[arg(long)]
    publish: bool,
    /// Print nothing but problems
    #[arg(long, short)]
    quiet: bool,
}

/// A build with its folder checked, its output folder chosen and its formats in order.
#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    out: PathBuf,
    /// Sorted and without repeats, so the outputs are written and listed in one order.
    formats: Vec<Format>,
    publish: bool,
    quiet: bool,
}

impl super::Plan for Plan {
    type Args = BuildArgs;

    fn resolve(args: BuildArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        let out = args.out.unwrap_or_else(|| args.dir.join("output"));
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
            dir: args.dir,
            out,
            formats,
            publish: args.publish,
            quiet: args.quiet,
        })
    }

    fn run(self) -> u8 {
        let bar = Bar::new(!self.quiet);
        let mut checked = crate::check_with(&self.dir, &bar);
        if self.publish {
            // Publishing needs both safe text and, in a bilingual report, every version whole.
            checked
                .diagnostics
                .escalate(crate::analyse::privacy::PERSONAL_DATA);
            checked
                .diagnostics
                .escalate(crate::parse::translation::UNTRANSLATED);
        }
        let written = if checked.diagnostics.has_errors() {
            None
        } else {
            Some(crate::write_report_with(
                &mut checked,
                &self.formats,
                &self.out,
                &bar,
            ))
        };
        let Checked {
            analysis,
            diagnostics,
            ..
        } = checked;
        bar.finish();
        print_diagnostics(&diagnostics);
        if diagnostics.has_errors() {
            say_err!("nothing was written; fix the errors above and build again");
            return INPUT;
        }
        match written.unwrap_or_else(|| Ok(Vec::new())) {
            Ok(paths) => {
                if !self.quiet {
                    say!(
                        "built {} case{}, {} theme{}: {}",
                        analysis.total_cases,
                        plural(analysis.total_cases),
                        analysis.themes.len(),
                        plural(analysis.themes.len()),
                        paths
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
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
            quiet: true,
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
