//! `init`: a new report folder, or a new archive with its first meeting, that builds at
//! once with no error and no warning, and teaches by example.
//!
//! Every optional key is there with a note; the ones that would change the report (a
//! Word template, a second language) are there commented out. The themes file has one
//! theme of each kind of rule, and the first case is written so that every one of them
//! finds it, so the first build shows each at work.

use super::File;
use crate::layout;

const SETTINGS: &str = include_str!("files/settings.yaml");
const THEMES: &str = include_str!("files/themes.yaml");
const CASE: &str = include_str!("files/case.md");
const BACKGROUND: &str = include_str!("files/background.md");
const SUMMARY: &str = include_str!("files/summary.md");
const CLOSING: &str = include_str!("files/closing.md");
const OBSERVATION: &str = include_str!("files/observation.md");

/// The example observation's file name; an archive knows it as `<meeting>/01-hcso-contact`.
pub const OBSERVATION_FILE: &str = "01-hcso-contact.md";

const REPORT_HEAD: &str = "\
# This meeting's details and the panel's review checklist.
# A line starting with # is a note; take away the # in front of a key to use it.
";

const PANEL_HEAD: &str = "\
# The panel's settings, shared by every meeting in this archive. A meeting's own
# report.yaml needs only `meeting_date:`; any key it gives overrides the one here, and its
# `checks:` and `judgements:` add to these.
# A line starting with # is a note; take away the # in front of a key to use it.
";

/// A report folder for a meeting on `date` (`YYYY-MM-DD`).
pub fn report(date: &str) -> Vec<File> {
    let meeting = format!(
        "meeting_date: {date}                                     # required: the day the panel met, YYYY-MM-DD"
    );
    let mut files = vec![
        File::new(
            layout::REPORT,
            format!(
                "{REPORT_HEAD}{}",
                SETTINGS.replace("{meeting_date}", &meeting)
            ),
        ),
        File::new(layout::THEMES, THEMES),
    ];
    files.extend(meeting_files(""));
    files
}

/// An archive whose first meeting is on `date`, in the folder named by its month.
pub fn archive(date: &str) -> Vec<File> {
    let id = meeting_id(date);
    let settings: String = SETTINGS
        .lines()
        .filter(|line| *line != "{meeting_date}")
        .map(|line| format!("{line}\n"))
        .collect();
    let mut files = vec![
        File::new(layout::PANEL, format!("{PANEL_HEAD}{settings}")),
        File::new(layout::THEMES, THEMES),
        File::new(
            format!("{id}/{}", layout::REPORT),
            format!("meeting_date: {date}\n"),
        ),
    ];
    files.extend(meeting_files(&format!("{id}/")));
    files
}

/// A meeting's id in an archive: the month of its date, `2024-05`.
pub fn meeting_id(date: &str) -> String {
    date.get(..7).unwrap_or(date).to_string()
}

/// The files of a report folder besides its settings and themes, below `prefix`.
fn meeting_files(prefix: &str) -> Vec<File> {
    vec![
        File::new(format!("{prefix}{}", layout::BACKGROUND), BACKGROUND),
        File::new(
            format!("{prefix}{}/{}", layout::CASES, layout::case_file(1)),
            CASE,
        ),
        File::new(format!("{prefix}{}", layout::SUMMARY), SUMMARY),
        File::new(
            format!("{prefix}{}/{OBSERVATION_FILE}", layout::OBSERVATIONS),
            OBSERVATION,
        ),
        File::new(format!("{prefix}{}", layout::CLOSING), CLOSING),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    fn written(files: &[File]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        super::super::write(dir.path(), files).unwrap();
        dir
    }

    fn clean(diagnostics: &Diagnostics) {
        let all: Vec<String> = diagnostics.sorted().iter().map(|d| d.render()).collect();
        assert!(diagnostics.is_empty(), "{}", all.join("\n"));
    }

    #[test]
    fn a_new_report_checks_with_no_error_and_no_warning() {
        let dir = written(&report("2024-05-14"));
        let checked = crate::check(dir.path());
        clean(&checked.diagnostics);
        assert_eq!(checked.report.meta.meeting_date, "2024-05-14");
        assert_eq!(checked.analysis.total_cases, 1);
        // The first case shows every theme at work, so no rule is idle.
        assert!(checked.analysis.dead_rules.is_empty());
        let themes = checked.report.themes.as_ref().unwrap();
        assert!(themes.len() >= 6);
    }

    #[test]
    fn a_new_archive_checks_with_no_error_and_no_warning() {
        let dir = written(&archive("2024-05-14"));
        let archive = crate::archive::check(dir.path(), None, &crate::Silent);
        clean(&archive.diagnostics);
        assert_eq!(archive.meetings.len(), 1);
        assert_eq!(archive.meetings[0].id, "2024-05");
        let own = std::fs::read_to_string(dir.path().join("2024-05/report.yaml")).unwrap();
        assert_eq!(own, "meeting_date: 2024-05-14\n");
    }

    #[test]
    fn every_optional_key_of_the_settings_is_there() {
        let text = &report("2024-05-14")[0].text;
        for key in crate::parse::meta::KEYS {
            let written = text
                .lines()
                .any(|l| l.starts_with(&format!("{key}:")) || l.starts_with(&format!("# {key}:")));
            assert!(written, "report.yaml lacks `{key}`");
        }
    }
}
