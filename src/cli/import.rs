//! `build-report import FILE [--into DIR]`: an existing report, as .docx, .txt or .md,
//! written as a report folder that builds at once. What was found is printed per section;
//! what could not be placed with certainty is a warning naming the source's lines. The
//! import itself is the library's (`import::import`); this module resolves the arguments
//! and prints.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, USAGE, plural, print_diagnostics, usage_error};
use crate::import::{self, Forms, Imported, Kind, Outcome};

#[derive(Args, Debug)]
pub(super) struct ImportArgs {
    /// The report to import: a Word document (.docx), or its text export (.txt or .md)
    file: PathBuf,
    /// The report folder to write; by default one named after FILE
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Write into DIR even if it is not empty, replacing the files import writes
    #[arg(long)]
    force: bool,
    /// Also take a line matching REGEX as a case heading; its named groups `number` and
    /// `title`, if any, give the case's number and title
    #[arg(long, value_name = "REGEX")]
    case_heading: Option<String>,
}

/// An import of a readable kind of file into a folder that may be written.
#[derive(Debug)]
pub(super) struct Plan {
    file: PathBuf,
    kind: Kind,
    dir: PathBuf,
    forms: Forms,
}

impl super::Plan for Plan {
    type Args = ImportArgs;

    fn resolve(args: ImportArgs) -> Result<Self, u8> {
        if !args.file.is_file() {
            return Err(usage_error(&format!(
                "no file {}; give the report to import (.docx, .txt or .md)",
                args.file.display()
            )));
        }
        let custom = match args.case_heading.as_deref().map(regex::Regex::new) {
            None => None,
            Some(Ok(pattern)) => Some(pattern),
            Some(Err(err)) => {
                return Err(usage_error(&format!(
                    "--case-heading is not a regular expression import can use: {}",
                    err.to_string().replace('\n', "\n  ")
                )));
            }
        };
        let Some(kind) = Kind::of(&args.file) else {
            return Err(usage_error(&format!(
                "{} is not a file import reads; give a Word document (.docx) or a text export (.txt or .md)",
                args.file.display()
            )));
        };
        let dir = match args.into {
            Some(dir) => dir,
            None => match args.file.file_stem() {
                Some(stem) => PathBuf::from(stem),
                None => return Err(usage_error("give the folder to write with --into DIR")),
            },
        };
        if dir.is_file() {
            return Err(usage_error(&format!(
                "{} is a file; give --into a folder",
                dir.display()
            )));
        }
        let occupied = std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some());
        if occupied && !args.force {
            say_err!(
                "error: {} exists and is not empty; import never overwrites a folder\n  hint: choose another with --into DIR, or add --force to replace the files import writes there",
                dir.display()
            );
            return Err(USAGE);
        }
        Ok(Plan {
            file: args.file,
            kind,
            dir,
            forms: Forms::new(custom),
        })
    }

    /// Under `quiet`, the problems without what was found and written.
    fn run(self, quiet: bool) -> u8 {
        match import::import(&self.file, self.kind, &self.dir, &self.forms) {
            Outcome::Refused(diagnostics) => {
                print_diagnostics(&diagnostics);
                INPUT
            }
            Outcome::NotWritten(err) => {
                say_err!("error: could not write {}: {err}", self.dir.display());
                INPUT
            }
            Outcome::Written {
                files,
                imported,
                diagnostics,
            } => {
                print_diagnostics(&diagnostics);
                if quiet {
                    return OK;
                }
                for line in found(&imported) {
                    say!("{line}");
                }
                say!(
                    "Wrote {files} file{} to {}; build it with `build-report build {}`",
                    plural(files),
                    self.dir.display(),
                    self.dir.display()
                );
                OK
            }
        }
    }
}

/// What was found, a line per section.
fn found(imported: &Imported) -> Vec<String> {
    let mut out = Vec::new();
    let count = |items: &[import::recognise::Item]| {
        let paragraphs = items
            .iter()
            .filter(|i| matches!(i, import::recognise::Item::Paragraph(..)))
            .count();
        let bullets = items
            .iter()
            .filter(|i| matches!(i, import::recognise::Item::Bullet(..)))
            .count();
        let tables = items
            .iter()
            .filter(|i| matches!(i, import::recognise::Item::Table(..)))
            .count();
        let mut parts = Vec::new();
        if paragraphs > 0 || (bullets == 0 && tables == 0) {
            parts.push(format!("{paragraphs} paragraph{}", plural(paragraphs)));
        }
        if bullets > 0 {
            parts.push(format!("{bullets} point{}", plural(bullets)));
        }
        if tables > 0 {
            parts.push(format!("{tables} table{}", plural(tables)));
        }
        match parts.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => parts.concat(),
        }
    };
    if let Some((title, line)) = &imported.title {
        out.push(format!("Title: {title} (line {line})"));
    }
    if let Some((date, line)) = &imported.meeting_date {
        out.push(format!("Meeting date: {date} (line {line})"));
    }
    out.push(format!("Background: {}", count(&imported.background)));
    let numbers = |kind: Option<&str>| {
        let mut numbers: Vec<u32> = imported
            .cases
            .iter()
            .filter(|c| c.kind.as_deref() == kind)
            .map(|c| c.number)
            .collect();
        numbers.sort_unstable();
        runs(&numbers)
    };
    let listed = if imported.case_types.is_empty() {
        numbers(None)
    } else {
        imported
            .case_types
            .iter()
            .map(|t| format!("{} {}", t.prefix, numbers(Some(&t.id))))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let points: usize = imported
        .cases
        .iter()
        .map(|c| {
            c.items
                .iter()
                .filter(|i| matches!(i, import::recognise::Item::Bullet(..)))
                .count()
        })
        .sum();
    out.push(format!(
        "Cases: {} ({listed}), {points} point{}",
        imported.cases.len(),
        plural(points)
    ));
    out.push(format!("Summary: {}", count(&imported.summary)));
    let responses = imported
        .observations
        .iter()
        .filter(|o| !o.response.is_empty())
        .count();
    out.push(format!(
        "Observations: {} ({responses} with the force's response)",
        imported.observations.len()
    ));
    out.push(format!("Closing remarks: {}", count(&imported.closing)));
    out
}

/// `1–9, 11–16`.
fn runs(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut start = None::<(u32, u32)>;
    for &n in numbers {
        start = match start {
            Some((a, b)) if n == b + 1 => Some((a, n)),
            Some((a, b)) => {
                parts.push(run(a, b));
                Some((n, n))
            }
            None => Some((n, n)),
        };
    }
    if let Some((a, b)) = start {
        parts.push(run(a, b));
    }
    parts.join(", ")
}

fn run(a: u32, b: u32) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn case_numbers_are_shown_as_runs() {
        assert_eq!(runs(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(runs(&[]), "");
    }
}
