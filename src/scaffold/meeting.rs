//! `new-meeting`: the next meeting of an archive, with its case files to fill in and an
//! update to write on every observation still open.
//!
//! Which observations are open is the archive's own follow-up reckoning
//! ([`crate::analyse::follow`]) after the last meeting before the new one, so the stubs
//! are exactly the updates whose absence `check` would warn about at the new meeting.

use std::path::Path;

use super::{File, Refused, case, init::meeting_id};
use crate::analyse::follow;
use crate::archive::sittings;
use crate::diagnostic::Diagnostics;
use crate::import::write::yaml_string;
use crate::load::Source;
use crate::model::Status;
use crate::{Silent, layout};

/// A meeting written by [`new_meeting`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub id: String,
    /// The files written, from the archive.
    pub files: Vec<String>,
    /// How many of them are updates.
    pub updates: usize,
    /// How many cases carried over from earlier meetings it takes up.
    pub carried: usize,
}

/// An observation still open before the new meeting: its id and its status then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub id: String,
    /// Its path within its meeting's observations/, without `.md`.
    pub stem: String,
    pub status: Status,
}

/// Adds a meeting on `date` (`YYYY-MM-DD`, or `YYYY-MM` for a month) to the archive at
/// `root`, with `cases` case files and an update file for every observation still open.
/// A meeting with a `session` is one of the day's sittings, in a folder of its own
/// ([`sitting_id`]), after the sittings already made.
pub fn new_meeting(
    root: &Path,
    date: &str,
    session: Option<&str>,
    cases: u32,
) -> Result<NewMeeting, Refused> {
    if !root.join(layout::PANEL).is_file() {
        return Err(Refused::NotArchive(root.to_path_buf()));
    }
    let archive = crate::archive::check(root, None, &Silent);
    let same: Vec<&crate::archive::Meeting> = archive
        .meetings
        .iter()
        .filter(|m| m.checked.report.meta.meeting_date == date)
        .collect();
    let id = match session {
        None => match same.first() {
            Some(other) => {
                return Err(Refused::SameDate {
                    id: other.id.clone(),
                    date: date.to_string(),
                });
            }
            None if root.join(meeting_id(date)).exists() => {
                return Err(Refused::MeetingTaken {
                    id: meeting_id(date),
                    date: date.to_string(),
                });
            }
            None => meeting_id(date),
        },
        Some(session) => {
            let meta = |m: &crate::archive::Meeting| m.checked.report.meta.session.clone();
            if let Some(other) = same.iter().find(|m| meta(m).is_none_or(|s| s == session)) {
                return Err(Refused::SittingTaken {
                    id: other.id.clone(),
                    date: date.to_string(),
                    session: meta(other),
                });
            }
            sitting_id(root, date, same.len())
        }
    };
    let list = archive.follow();
    let earlier = archive
        .meetings
        .iter()
        .filter(|m| {
            let other = (m.checked.report.meta.meeting_date.as_str(), m.id.as_str());
            sittings::order(other, (date, &id)).is_lt()
        })
        .count();
    let open = open_before(&list, earlier);

    let own = Source {
        path: layout::REPORT.to_string(),
        text: match session {
            None => format!("meeting_date: {date}\n"),
            Some(session) => format!("meeting_date: {date}\nsession: {}\n", yaml_string(session)),
        },
    };
    let mut layers: Vec<&Source> = archive.panel.settings.iter().collect();
    layers.push(&own);
    // The new meeting's settings as check will read them; their problems are the
    // panel's, for `check` to report.
    let meta = crate::parse::meta::parse_layers(&layers, &mut Diagnostics::default());
    let meta = meta.unwrap_or_default();
    let headings = case::usual_headings(
        archive
            .meetings
            .iter()
            .flat_map(|m| m.checked.report.cases.iter()),
    );

    let mut files = vec![File::new(
        format!("{id}/{}", layout::REPORT),
        own.text.clone(),
    )];
    for number in 1..=cases {
        files.push(File::new(
            format!("{id}/{}/{}", layout::CASES, layout::case_file(number)),
            case::draft(&meta, number, &headings),
        ));
    }
    let (carried, carried_cases) = super::carry::carried_files(&archive, earlier, &id, cases);
    files.extend(carried);
    let mut names: Vec<String> = Vec::new();
    for observation in &open {
        let mut name = observation.stem.replace('/', "-");
        // Two meetings' observations may share a file name; the later gets its meeting's.
        if names.contains(&name) {
            name = observation.id.replace('/', "-");
        }
        names.push(name.clone());
        files.push(File::new(
            format!("{id}/{}/{name}.md", layout::UPDATES),
            update(observation),
        ));
    }
    super::write(root, &files)?;
    Ok(NewMeeting {
        id,
        updates: open.len(),
        carried: carried_cases,
        files: files.into_iter().map(|f| f.path).collect(),
    })
}

/// The folder of a new sitting on `date` when `made` meetings are on it already: the date
/// and the sitting's number in the order made, `2025-04-01-2`, or a later free number.
fn sitting_id(root: &Path, date: &str, made: usize) -> String {
    (made + 1..)
        .map(|n| format!("{date}-{n}"))
        .find(|id| !root.join(id).exists())
        .unwrap_or_else(|| date.to_string())
}

/// The observations of the first `at` meetings that were not closed once the last of
/// them had been held.
pub fn open_before(meetings: &[follow::Meeting], at: usize) -> Vec<Open> {
    let mut found: Vec<Diagnostics> = meetings.iter().map(|_| Diagnostics::default()).collect();
    let records = follow::records(meetings, &mut found);
    let Some(last) = at.checked_sub(1) else {
        return Vec::new();
    };
    records
        .iter()
        .filter(|r| r.meeting <= last)
        .filter_map(|r| {
            let status = r.status_after(last);
            let meeting = meetings.get(r.meeting)?.id;
            let stem = r.id.strip_prefix(&format!("{meeting}/"))?.to_string();
            (status != Status::Closed).then(|| Open {
                id: r.id.clone(),
                stem,
                status,
            })
        })
        .collect()
}

/// An update file with its front matter filled in and its text left to write.
fn update(open: &Open) -> String {
    let scale: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
    format!(
        "---\nobservation: {}\nstatus: {}    # after this meeting: {}\n---\n\n",
        open.id,
        open.status.id(),
        scale.join(" | ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        super::super::write(
            dir.path(),
            &super::super::init::archive(super::super::init::Kind::HateCrime, "2024-05-14"),
        )
        .unwrap();
        dir
    }

    #[test]
    fn a_new_meeting_has_its_cases_and_an_update_on_each_open_observation() {
        let dir = archive();
        let made = new_meeting(dir.path(), "2024-09-10", None, 2).unwrap();
        assert_eq!(made.id, "2024-09");
        assert_eq!(made.updates, 1);
        assert_eq!(
            made.files,
            [
                "2024-09/report.yaml",
                "2024-09/cases/case-01.md",
                "2024-09/cases/case-02.md",
                "2024-09/updates/01-hcso-contact.md"
            ]
        );
        let update =
            std::fs::read_to_string(dir.path().join("2024-09/updates/01-hcso-contact.md")).unwrap();
        assert!(
            update.starts_with("---\nobservation: 2024-05/01-hcso-contact\nstatus: responded ")
        );
        let archive = crate::archive::check(dir.path(), None, &Silent);
        assert!(
            !archive.diagnostics.has_errors(),
            "{:?}",
            archive.diagnostics.brief()
        );
        assert_eq!(archive.meetings.len(), 2);
    }

    #[test]
    fn a_month_or_a_date_taken_is_refused_and_nothing_is_written() {
        let dir = archive();
        assert!(matches!(
            new_meeting(dir.path(), "2024-05-28", None, 1),
            Err(Refused::MeetingTaken { .. })
        ));
        assert!(matches!(
            new_meeting(&dir.path().join("2024-05"), "2024-06-01", None, 1),
            Err(Refused::NotArchive(_))
        ));
        assert!(!dir.path().join("2024-06").exists());
    }

    #[test]
    fn a_closed_observation_needs_no_update() {
        let dir = archive();
        let file = dir.path().join("2024-05/observations/01-hcso-contact.md");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replace("status: responded", "status: closed")).unwrap();
        let made = new_meeting(dir.path(), "2024-09-10", None, 0).unwrap();
        assert_eq!(made.updates, 0);
        assert_eq!(made.files, ["2024-09/report.yaml"]);
    }
}
