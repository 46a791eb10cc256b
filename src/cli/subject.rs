//! What a command was given, read and checked: a lone report folder, or an archive or
//! one of its meetings. Every command that reads a report starts here, so each treats
//! a meeting folder as a meeting of its archive.

use std::path::Path;

use crate::archive::{self, Archive, Target};
use crate::diagnostic::Diagnostics;
use crate::{Checked, Progress};

pub(super) enum Subject {
    Report(Box<Checked>),
    Archive(Box<Archive>),
}

impl Subject {
    pub(super) fn check(target: &Target, progress: &dyn Progress) -> Subject {
        match target {
            Target::Report(dir) => Subject::Report(Box::new(crate::check_with(dir, progress))),
            Target::Archive { root, focus } => {
                Subject::Archive(Box::new(archive::check(root, focus.as_deref(), progress)))
            }
        }
    }

    pub(super) fn diagnostics(&self) -> &Diagnostics {
        match self {
            Subject::Report(checked) => &checked.diagnostics,
            Subject::Archive(archive) => &archive.diagnostics,
        }
    }

    pub(super) fn diagnostics_mut(&mut self) -> &mut Diagnostics {
        match self {
            Subject::Report(checked) => &mut checked.diagnostics,
            Subject::Archive(archive) => &mut archive.diagnostics,
        }
    }

    /// The names of the audiences its reports declare, in the order first declared, once
    /// each: the copies a build can write.
    pub(super) fn audiences(&self) -> Vec<&str> {
        let reports: Vec<&Checked> = match self {
            Subject::Report(checked) => vec![checked],
            Subject::Archive(archive) => archive.meetings.iter().map(|m| &m.checked).collect(),
        };
        let mut names: Vec<&str> = Vec::new();
        for audience in reports.iter().flat_map(|c| &c.report.meta.audiences) {
            if !names.contains(&audience.name.value.as_str()) {
                names.push(&audience.name.value);
            }
        }
        names
    }

    /// The one report the command is about: the lone report, or the meeting asked for.
    /// `None` for a whole archive.
    pub(super) fn single(&self) -> Option<&Checked> {
        match self {
            Subject::Report(checked) => Some(checked),
            Subject::Archive(archive) => archive.focused().map(|m| &m.checked),
        }
    }
}

/// What `dir` is, for a plan to settle before any work.
pub(super) fn target(dir: &Path) -> Target {
    archive::discover(dir)
}
