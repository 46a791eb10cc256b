//! The warning that no case has a `breakdown:` field, for an archive. Each meeting is
//! checked alone, so a field panel.yaml names was warned about once for whichever meetings
//! lacked it, naming none of them, even when building a meeting whose cases have it. Here
//! those warnings become one that names the meetings whose cases lack the field.

use crate::analyse::NO_CASE_HAS;
use crate::diagnostic::{Diagnostic, Diagnostics, all_of};
use crate::layout;

use super::Meeting;

/// One `breakdown:` field of a shared file and the meetings, in order, whose cases lack it.
struct Missing {
    /// The first such meeting's warning, its file as seen from the archive.
    warning: Diagnostic,
    field: String,
    meetings: Vec<String>,
}

/// Takes each meeting's warning about a `breakdown:` field of panel.yaml out of its own
/// problems, and adds one for the archive to `found`. With a `focus`, only a field that
/// meeting's cases lack is warned about, since the others do not change its report.
pub(super) fn gather(
    meetings: &mut [(Meeting, Diagnostics)],
    focus: Option<&str>,
    found: &mut Diagnostics,
) {
    let count = meetings.len();
    let mut missing: Vec<Missing> = Vec::new();
    for (meeting, diagnostics) in meetings.iter_mut() {
        let shared = |d: &Diagnostic| d.code == Some(NO_CASE_HAS) && d.file.starts_with("../");
        for mut warning in diagnostics.take(shared) {
            warning.file = layout::join(&meeting.id, &warning.file);
            let meta = &meeting.checked.report.meta;
            let Some(field) = meta.breakdown.iter().find(|f| f.loc == warning.loc) else {
                found.push(warning);
                continue;
            };
            let same =
                |m: &&mut Missing| m.warning.file == warning.file && m.warning.loc == warning.loc;
            match missing.iter_mut().find(same) {
                Some(entry) => entry.meetings.push(meeting.id.clone()),
                None => missing.push(Missing {
                    field: field.value.clone(),
                    meetings: vec![meeting.id.clone()],
                    warning,
                }),
            }
        }
    }
    for entry in missing {
        if focus.is_none_or(|id| entry.meetings.iter().any(|m| m == id)) {
            found.push(entry.into_warning(count));
        }
    }
}

impl Missing {
    /// The one warning, over `count` meetings in all.
    fn into_warning(self, count: usize) -> Diagnostic {
        let Missing {
            mut warning,
            field,
            meetings,
        } = self;
        if meetings.len() == count {
            warning.message = format!(
                "no case at any meeting has the field `{field}` that `breakdown` names, so it gets no table"
            );
            return warning;
        }
        let (which, reports) = match meetings.len() {
            1 => ("meeting", "its report has"),
            _ => ("meetings", "their reports have"),
        };
        warning.message = format!(
            "no case at the {which} {} has the field `{field}` that `breakdown` names, so {reports} no table for it",
            all_of(&meetings)
        );
        warning.hint = Some(format!(
            "the other meetings' cases have `{field}`; where a meeting recorded it, give it in its cases"
        ));
        warning
    }
}
