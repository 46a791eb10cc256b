//! One import from start to finish: the file read into blocks, its parts recognised, the
//! title and date settled, and the report folder written. The command line only turns
//! its arguments into the file, its kind and the folder, and prints what this returns.

use std::io;
use std::path::Path;

use super::{Block, Forms, Imported, Kind};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};

/// How an import ended.
pub enum Outcome {
    /// Nothing was written; the diagnostics say why.
    Refused(Diagnostics),
    /// The folder could not be written.
    NotWritten(io::Error),
    /// The folder was written: how many files, what was recognised, and every warning
    /// about what could not be placed with certainty.
    Written {
        files: usize,
        imported: Box<Imported>,
        diagnostics: Diagnostics,
    },
}

/// Imports `file`, a report of `kind`, as the report folder `into`, its cases headed in
/// one of `forms`.
pub fn import(file: &Path, kind: Kind, into: &Path, forms: &Forms) -> Outcome {
    let shown = file.display().to_string();
    let mut diagnostics = Diagnostics::default();
    let Some((blocks, text)) = read(file, kind, &shown, &mut diagnostics) else {
        return Outcome::Refused(diagnostics);
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
        return Outcome::Refused(diagnostics);
    }
    let mut imported = super::recognise_with(&blocks, &shown, forms);
    if imported.cases.is_empty() {
        // A folder without a case does not build, so none is written.
        diagnostics.push(super::start::none_found(&blocks, &shown));
        if let Some(text) = &text {
            diagnostics.attach_source(&shown, text);
        }
        return Outcome::Refused(diagnostics);
    }
    let meta = meta(file, &imported, &shown, &mut diagnostics);
    for diagnostic in std::mem::take(&mut imported.diagnostics) {
        diagnostics.push(diagnostic);
    }
    let files = super::write::files(&imported, &meta);
    if let Err(err) = super::write::write(into, &files) {
        return Outcome::NotWritten(err);
    }
    if let Some(text) = &text {
        diagnostics.attach_source(&shown, text);
    }
    Outcome::Written {
        files: files.len(),
        imported: Box::new(imported),
        diagnostics,
    }
}

/// The file's blocks, and its text when it is text, for showing under warnings.
fn read(
    file: &Path,
    kind: Kind,
    shown: &str,
    diagnostics: &mut Diagnostics,
) -> Option<(Vec<Block>, Option<String>)> {
    let bytes = match std::fs::read(file) {
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
    match kind {
        Kind::Word => match crate::office::read::blocks(&bytes) {
            Ok(read) => {
                for warning in read.warnings {
                    diagnostics.push(
                        Diagnostic::warning(shown, Loc::new(warning.paragraph, 1), warning.message)
                            .hint(warning.hint),
                    );
                }
                Some((read.blocks, None))
            }
            Err(refusal) => {
                diagnostics
                    .push(Diagnostic::error(shown, Loc::START, refusal.message).hint(refusal.hint));
                None
            }
        },
        Kind::Text | Kind::Markdown => {
            let text = if let Ok(text) = std::str::from_utf8(&bytes) {
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                text.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                diagnostics.push(
                    Diagnostic::warning(shown, Loc::START, "the file is not UTF-8, so it was read as Windows-1252")
                        .hint("if any letters came out wrong, save the export again as UTF-8 and import it again"),
                );
                super::text::windows_1252(&bytes)
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
            };
            let (text, dropped) = super::text::without_controls(&text);
            if let Some((line, column)) = dropped {
                diagnostics.push(
                    Diagnostic::warning(shown, Loc::new(line, column), "control characters (such as NUL or ESC) were dropped from the text, keeping the words around them")
                        .hint("this is the first; they are left over from the system the export came from and show as nothing"),
                );
            }
            let blocks = super::text::blocks(&text, kind == Kind::Markdown);
            Some((blocks, Some(text)))
        }
    }
}

/// The title and date for report.yaml, from the source or, with a warning, the file.
fn meta(
    file: &Path,
    imported: &Imported,
    shown: &str,
    diagnostics: &mut Diagnostics,
) -> super::write::Meta {
    let stem = file
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
                    format!("no title found; report.yaml's title is the file's name, \"{stem}\""),
                )
                .hint("put the report's title in report.yaml"),
            );
            stem.clone()
        }
    };
    let meeting_date = match &imported.meeting_date {
        Some((date, _)) => date.clone(),
        None => {
            let date = super::date_of_file(file, &stem);
            diagnostics.push(
                Diagnostic::warning(shown, Loc::START, format!("no meeting date found; report.yaml's meeting_date is {date}, taken from the file"))
                    .hint("put the meeting's date in report.yaml as YYYY-MM-DD"),
            );
            date
        }
    };
    let source = file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::write::Meta {
        title,
        meeting_date,
        source,
    }
}
