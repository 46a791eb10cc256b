//! `init`: a new report folder, or a new archive with its first meeting, that builds at
//! once with no error and no warning, and teaches by example.
//!
//! Every optional key is there with a note; the ones that would change the report (a
//! Word template, a second language) are there commented out. The themes file has one
//! theme of each kind of rule, and the first case is written so that every one of them
//! finds it, so the first build shows each at work.
//!
//! Each [`Kind`] of panel is a set of files shipped in the binary (`kinds/<kind>/`): its
//! checks, declared fields, judgements, themes and usual headings, drawn from published
//! panel practice (`kinds/SOURCES.md`). The code knows nothing of any of them.

use super::File;
use crate::layout;

const BACKGROUND: &str = include_str!("files/background.md");
const SUMMARY: &str = include_str!("files/summary.md");
const CLOSING: &str = include_str!("files/closing.md");

/// The kinds of panel `init --kind` can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Kind {
    /// A hate crime quality assurance or scrutiny panel
    #[default]
    HateCrime,
    /// A use of force scrutiny panel, reviewing body-worn video and forms
    UseOfForce,
    /// A stop and search scrutiny panel or community monitoring group
    StopAndSearch,
    /// An out of court resolutions (disposals) scrutiny panel
    OutOfCourt,
}

/// One kind's files.
struct Files {
    settings: &'static str,
    themes: &'static str,
    case: &'static str,
    observation: &'static str,
    /// The example observation's file name, which an archive knows as
    /// `<meeting>/<name without .md>`.
    observation_file: &'static str,
    background: &'static str,
    summary: &'static str,
}

macro_rules! kind_files {
    ($dir:literal, $observation_file:literal, background: $background:expr, summary: $summary:expr) => {
        Files {
            settings: include_str!(concat!("kinds/", $dir, "/settings.yaml")),
            themes: include_str!(concat!("kinds/", $dir, "/themes.yaml")),
            case: include_str!(concat!("kinds/", $dir, "/case.md")),
            observation: include_str!(concat!("kinds/", $dir, "/observation.md")),
            observation_file: $observation_file,
            background: $background,
            summary: $summary,
        }
    };
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::HateCrime,
        Kind::UseOfForce,
        Kind::StopAndSearch,
        Kind::OutOfCourt,
    ];

    fn files(self) -> Files {
        match self {
            Kind::HateCrime => {
                kind_files!("hate-crime", "01-hcso-contact.md", background: BACKGROUND, summary: SUMMARY)
            }
            Kind::UseOfForce => kind_files!(
                "use-of-force",
                "01-body-worn-video.md",
                background: include_str!("kinds/use-of-force/background.md"),
                summary: include_str!("kinds/use-of-force/summary.md")
            ),
            Kind::StopAndSearch => kind_files!(
                "stop-and-search",
                "01-body-worn-video.md",
                background: include_str!("kinds/stop-and-search/background.md"),
                summary: include_str!("kinds/stop-and-search/summary.md")
            ),
            Kind::OutOfCourt => kind_files!(
                "out-of-court",
                "01-victims-views.md",
                background: include_str!("kinds/out-of-court/background.md"),
                summary: SUMMARY
            ),
        }
    }

    /// The example observation's file name.
    pub fn observation_file(self) -> &'static str {
        self.files().observation_file
    }
}

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

/// Where git is told to leave the outputs alone: they are made afresh on every build, and
/// a report's PDFs would otherwise be committed with the first `git add .`.
pub const GITIGNORE: &str = ".gitignore";

const GITIGNORE_TEXT: &str = "\
# build-report writes output/ afresh on every build, so git need not keep it.
output/
";

/// A report folder for a meeting on `date` (`YYYY-MM-DD`).
pub fn report(kind: Kind, date: &str) -> Vec<File> {
    let own = kind.files();
    let meeting = format!(
        "meeting_date: {date}                                     # required: the day the panel met, YYYY-MM-DD\n\
         # session: 3–5 pm                                            # which sitting, when the panel sat twice that day"
    );
    let mut files = vec![
        File::new(
            layout::REPORT,
            format!(
                "{REPORT_HEAD}{}",
                own.settings.replace("{meeting_date}", &meeting)
            ),
        ),
        File::new(layout::THEMES, own.themes),
        File::new(GITIGNORE, GITIGNORE_TEXT),
    ];
    files.extend(meeting_files(&own, ""));
    files
}

/// An archive whose first meeting is on `date`, in the folder named by its month.
pub fn archive(kind: Kind, date: &str) -> Vec<File> {
    let own = kind.files();
    let id = meeting_id(date);
    let settings: String = own
        .settings
        .lines()
        .filter(|line| *line != "{meeting_date}")
        .map(|line| format!("{line}\n"))
        .collect();
    let mut files = vec![
        File::new(layout::PANEL, format!("{PANEL_HEAD}{settings}")),
        File::new(layout::THEMES, own.themes),
        File::new(GITIGNORE, GITIGNORE_TEXT),
        File::new(
            format!("{id}/{}", layout::REPORT),
            format!("meeting_date: {date}\n"),
        ),
    ];
    files.extend(meeting_files(&own, &format!("{id}/")));
    files
}

/// A meeting's id in an archive: the month of its date, `2024-05`.
pub fn meeting_id(date: &str) -> String {
    date.get(..7).unwrap_or(date).to_string()
}

/// The files of a report folder besides its settings and themes, below `prefix`.
fn meeting_files(own: &Files, prefix: &str) -> Vec<File> {
    vec![
        File::new(format!("{prefix}{}", layout::BACKGROUND), own.background),
        File::new(
            format!("{prefix}{}/{}", layout::CASES, layout::case_file(1)),
            own.case,
        ),
        File::new(format!("{prefix}{}", layout::SUMMARY), own.summary),
        File::new(
            format!("{prefix}{}/{}", layout::OBSERVATIONS, own.observation_file),
            own.observation,
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
    fn a_new_report_of_every_kind_checks_with_no_error_and_no_warning() {
        for kind in Kind::ALL {
            let dir = written(&report(kind, "2024-05-14"));
            let checked = crate::check(dir.path());
            clean(&checked.diagnostics);
            assert_eq!(checked.report.meta.meeting_date, "2024-05-14");
            assert_eq!(checked.analysis.total_cases, 1);
            // The first case shows every theme at work, so no rule is idle.
            assert!(checked.analysis.dead_rules.is_empty(), "{kind:?}");
            let themes = checked.report.themes.as_ref().unwrap();
            assert!(themes.len() >= 4, "{kind:?}");
            assert!(
                checked.analysis.themes.iter().all(|t| t.cases.len() == 1),
                "{kind:?}: every theme finds the first case"
            );
            // Each kind declares its own fields, and its case gives every one.
            let meta = &checked.report.meta;
            assert!(meta.fields.len() >= 3, "{kind:?}");
            let case = &checked.report.cases[0];
            for field in &meta.fields {
                let given = case.fields.iter().any(|(n, _)| *n == field.id)
                    || case.lists.iter().any(|(n, _)| *n == field.id);
                assert!(given, "{kind:?}: the case lacks `{}`", field.id);
            }
        }
    }

    #[test]
    fn a_new_archive_of_every_kind_checks_with_no_error_and_no_warning() {
        for kind in Kind::ALL {
            let dir = written(&archive(kind, "2024-05-14"));
            let archive = crate::archive::check(dir.path(), None, &crate::Silent);
            clean(&archive.diagnostics);
            assert_eq!(archive.meetings.len(), 1);
            assert_eq!(archive.meetings[0].id, "2024-05");
            let own = std::fs::read_to_string(dir.path().join("2024-05/report.yaml")).unwrap();
            assert_eq!(own, "meeting_date: 2024-05-14\n");
        }
    }

    #[test]
    fn every_optional_key_of_the_settings_is_there() {
        for kind in Kind::ALL {
            let text = &report(kind, "2024-05-14")[0].text;
            for key in crate::parse::meta::KEYS {
                let written = text.lines().any(|l| {
                    l.starts_with(&format!("{key}:")) || l.starts_with(&format!("# {key}:"))
                });
                assert!(written, "{kind:?}: report.yaml lacks `{key}`");
            }
        }
    }
}
