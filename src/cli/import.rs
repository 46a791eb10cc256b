//! `build-report import FILE [--into DIR]`: an existing report, as .docx, .txt or .md,
//! written as a report folder that builds at once. What was found is printed per section;
//! what could not be placed with certainty is a warning naming the source's lines.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, USAGE, plural, print_diagnostics, usage_error};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::import::{self, Block, Imported, Kind};

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
}

/// An import of a readable kind of file into a folder that may be written.
#[derive(Debug)]
pub(super) struct Plan {
    file: PathBuf,
    kind: Kind,
    dir: PathBuf,
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
        })
    }

    fn run(self) -> u8 {
        let shown = self.file.display().to_string();
        let mut diagnostics = Diagnostics::default();
        let Some((blocks, text)) = self.read(&shown, &mut diagnostics) else {
            print_diagnostics(&diagnostics);
            return INPUT;
        };
        if blocks.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    &shown,
                    Loc::START,
                    "there is nothing to import: no text was found in it",
                )
                .hint("give the report itself, as a Word document or its text export"),
            );
            print_diagnostics(&diagnostics);
            return INPUT;
        }
        let mut imported = import::recognise(&blocks, &shown);
        let meta = self.meta(&imported, &shown, &mut diagnostics);
        for diagnostic in std::mem::take(&mut imported.diagnostics) {
            diagnostics.push(diagnostic);
        }
        let files = import::write::files(&imported, &meta);
        if let Err(err) = import::write::write(&self.dir, &files) {
            say_err!("error: could not write {}: {err}", self.dir.display());
            return INPUT;
        }
        if let Some(text) = &text {
            diagnostics.attach_source(&shown, text);
        }
        print_diagnostics(&diagnostics);
        for line in found(&imported) {
            say!("{line}");
        }
        say!(
            "Wrote {} file{} to {}; build it with `build-report build {}`",
            files.len(),
            plural(files.len()),
            self.dir.display(),
            self.dir.display()
        );
        OK
    }
}

impl Plan {
    /// The file's blocks, and its text when it is text, for showing under warnings.
    fn read(
        &self,
        shown: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<(Vec<Block>, Option<String>)> {
        let bytes = match std::fs::read(&self.file) {
            Ok(bytes) => bytes,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    shown,
                    Loc::START,
                    format!("could not read it: {err}"),
                ));
                return None;
            }
        };
        match self.kind {
            Kind::Word => match crate::office::read::blocks(&bytes) {
                Ok(read) => {
                    for warning in read.warnings {
                        diagnostics.push(
                            Diagnostic::warning(
                                shown,
                                Loc::new(warning.paragraph, 1),
                                warning.message,
                            )
                            .hint(warning.hint),
                        );
                    }
                    Some((read.blocks, None))
                }
                Err(refusal) => {
                    diagnostics.push(
                        Diagnostic::error(shown, Loc::START, refusal.message).hint(refusal.hint),
                    );
                    None
                }
            },
            Kind::Text | Kind::Markdown => {
                let text = if std::str::from_utf8(&bytes).is_ok() {
                    crate::load::decode(shown, &bytes, diagnostics)?.text
                } else {
                    diagnostics.push(
                        Diagnostic::warning(shown, Loc::START, "the file is not UTF-8, so it was read as Windows-1252")
                            .hint("if any letters came out wrong, save the export again as UTF-8 and import it again"),
                    );
                    import::text::windows_1252(&bytes)
                        .replace("\r\n", "\n")
                        .replace('\r', "\n")
                };
                let blocks = import::text::blocks(&text, self.kind == Kind::Markdown);
                Some((blocks, Some(text)))
            }
        }
    }

    /// The title and date for report.yaml, from the source or, with a warning, the file.
    fn meta(
        &self,
        imported: &Imported,
        shown: &str,
        diagnostics: &mut Diagnostics,
    ) -> import::write::Meta {
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let title = match &imported.title {
            Some((title, _)) => title.clone(),
            None => {
                diagnostics.push(
                    Diagnostic::warning(
                        shown,
                        Loc::START,
                        format!(
                            "no title found; report.yaml's title is the file's name, \"{stem}\""
                        ),
                    )
                    .hint("put the report's title in report.yaml"),
                );
                stem.clone()
            }
        };
        let meeting_date = match &imported.meeting_date {
            Some((date, _)) => date.clone(),
            None => {
                let date = import::date_of_file(&self.file, &stem);
                diagnostics.push(
                    Diagnostic::warning(shown, Loc::START, format!("no meeting date found; report.yaml's meeting_date is {date}, taken from the file"))
                        .hint("put the meeting's date in report.yaml as YYYY-MM-DD"),
                );
                date
            }
        };
        let source = self
            .file
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        import::write::Meta {
            title,
            meeting_date,
            source,
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
        match (paragraphs, bullets) {
            (p, 0) => format!("{p} paragraph{}", plural(p)),
            (0, b) => format!("{b} point{}", plural(b)),
            (p, b) => format!("{p} paragraph{} and {b} point{}", plural(p), plural(b)),
        }
    };
    if let Some((title, line)) = &imported.title {
        out.push(format!("Title: {title} (line {line})"));
    }
    if let Some((date, line)) = &imported.meeting_date {
        out.push(format!("Meeting date: {date} (line {line})"));
    }
    out.push(format!("Background: {}", count(&imported.background)));
    let mut numbers: Vec<u32> = imported.cases.iter().map(|c| c.number).collect();
    numbers.sort_unstable();
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
        "Cases: {} ({}), {points} point{}",
        numbers.len(),
        runs(&numbers),
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
