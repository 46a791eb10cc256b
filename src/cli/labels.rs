//! `build-report labels [DIR] [--lang cy]`: every built-in word by its key, as the report
//! prints it, so an officer renaming "Meeting date" finds the key `labels:` takes without
//! reading the catalogues in the source. Those the folder changes are marked, beside the
//! built-in words they replace.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::subject::{self, Subject};
use super::{INPUT, OK, folder_exists, print_problems, usage_error};
use crate::catalogue::{KEYS, Labels};
use crate::diagnostic::one_of;
use crate::layout;
use crate::model::Meta;
use crate::parse::labels::codes;

#[derive(Args, Debug)]
pub(super) struct LabelsArgs {
    /// The report folder; without one, the current folder if it is a report, or else the
    /// built-in words alone
    dir: Option<PathBuf>,
    /// The language to list; by default the report's `language:`, or en
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

/// The words to list: whose, and in which language.
#[derive(Debug)]
pub(super) struct Plan {
    /// A folder known to exist, or none for the built-in words alone.
    dir: Option<PathBuf>,
    /// A language with a built-in catalogue; `None` for the report's own.
    lang: Option<String>,
}

impl super::Plan for Plan {
    type Args = LabelsArgs;

    fn resolve(args: LabelsArgs) -> Result<Self, u8> {
        let lang = match args.lang {
            Some(raw) => Some(language(&raw)?),
            None => None,
        };
        let dir = match args.dir {
            Some(dir) => {
                folder_exists(&dir)?;
                Some(dir)
            }
            None => Some(PathBuf::from(".")).filter(|dir| is_report(dir)),
        };
        Ok(Plan { dir, lang })
    }

    /// Under `quiet`, the words without the warnings.
    fn run(self, quiet: bool) -> u8 {
        let Some(dir) = &self.dir else {
            let code = self.lang.unwrap_or_else(|| "en".into());
            let built_in = Labels::built_in(&code).unwrap_or_else(Labels::english);
            say!(
                "The built-in words in `{code}`, by the key `labels:` in report.yaml changes them with:"
            );
            print(&built_in, &built_in);
            return OK;
        };
        let subject = Subject::check(&subject::target(dir), &crate::Silent);
        print_problems(subject.diagnostics(), quiet);
        if subject.diagnostics().has_errors() {
            return INPUT;
        }
        let (meta, whose) = match (&subject, subject.single()) {
            (_, Some(checked)) if dir == Path::new(".") => {
                (&checked.report.meta, "this report".to_string())
            }
            (_, Some(checked)) => (
                &checked.report.meta,
                format!("the report in {}", dir.display()),
            ),
            (Subject::Archive(archive), None) => match archive.meetings.last() {
                Some(latest) => (
                    &latest.checked.report.meta,
                    format!("the latest meeting, {},", latest.id),
                ),
                None => return OK,
            },
            (Subject::Report(_), None) => return OK,
        };
        list(meta, self.lang.as_deref(), &whose);
        OK
    }
}

/// `--lang`, checked against the built-in catalogues.
fn language(raw: &str) -> Result<String, u8> {
    let code = raw.trim().to_lowercase();
    if codes().contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(usage_error(&format!(
            "no built-in words for the language `{raw}`; the languages are {}",
            one_of(&codes())
        )))
    }
}

/// Whether `dir` holds a report or an archive, for `labels` given no folder.
fn is_report(dir: &Path) -> bool {
    [layout::REPORT, layout::PANEL]
        .iter()
        .any(|name| dir.join(name).is_file())
}

/// The words of `meta` in `lang` (its own language when `None`), for the report `whose`.
fn list(meta: &Meta, lang: Option<&str>, whose: &str) {
    let code = lang.unwrap_or(&meta.language);
    let built_in = Labels::built_in(code).unwrap_or_else(Labels::english);
    match meta.catalogues.iter().find(|(c, _)| c == code) {
        Some((_, words)) => {
            say!(
                "The words {whose} prints in `{code}`, by key; * marks those its `labels:` change, the built-in words after them:"
            );
            print(words, &built_in);
        }
        None => {
            // `labels:` can change only the languages a report is written in, so another
            // language's words are the built-in ones whatever the folder says.
            say!(
                "The built-in words in `{code}`, by key; {whose} is not written in `{code}`, so its `labels:` change none of them:"
            );
            print(&built_in, &built_in);
        }
    }
}

/// One line per key in the catalogue's order: a marker, the key, the words, and for a
/// changed entry the built-in words it replaces.
fn print(words: &Labels, built_in: &Labels) {
    let (words, built_in) = (entries(words), entries(built_in));
    let width = KEYS.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for ((key, text), (_, before)) in words.iter().zip(&built_in) {
        let line = if text == before {
            format!("  {key:width$}  {text}")
        } else {
            format!("* {key:width$}  {text}  (built in: {before})")
        };
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Each key of the catalogue with its words on one line; the months joined by commas.
fn entries(labels: &Labels) -> Vec<(&'static str, String)> {
    let value = serde_json::to_value(labels).unwrap_or_default();
    KEYS.iter()
        .map(|&key| {
            let text = match &value[key] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .filter_map(|m| m.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            (key, text.replace('\n', " "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_listed_once_in_the_catalogue_s_order() {
        let english = entries(&Labels::english());
        let keys: Vec<&str> = english.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, KEYS);
        assert!(english.contains(&("meeting_date", "Meeting date".into())));
        let months = &english.iter().find(|(k, _)| *k == "months").unwrap().1;
        assert!(months.starts_with("January, February, "), "{months}");
    }

    #[test]
    fn a_language_is_read_as_report_yaml_reads_it() {
        assert_eq!(language(" CY ").unwrap(), "cy");
        assert_eq!(language("fr"), Err(super::super::USAGE));
    }
}
