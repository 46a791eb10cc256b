//! What changed in a report since an earlier version of it: the draft the force read, or
//! any git revision. Its own stage beside the build, because it runs the pipeline twice
//! and compares the two results as data (tallies, answers, points, observations), never
//! their pages.
//!
//! [`revision`] lays out the folder as it was at a revision, [`snapshot`] reads the part
//! of a report.json a reader would notice, [`compare`] finds what moved and
//! [`translations`] which Welsh text its English has left behind. The page is rendered by
//! render::changes and the terminal's summary by the `changes` command.

pub mod compare;
pub mod revision;
pub mod snapshot;
pub mod translations;

pub use compare::{Answer, Changes, Edit, ObservationChange, PointChange, Tally, compare};
pub use snapshot::{CaseRef, Snapshot};

use crate::load::Folder;

/// One meeting of one version: the lone report has the id "".
pub struct Meeting<'a> {
    pub id: String,
    pub snapshot: Snapshot,
    /// Its files, for the translations left behind; `None` for a report.json.
    pub folder: Option<&'a Folder>,
}

/// Whether a meeting is in both versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Both,
    Added,
    Removed,
}

/// What changed in one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingChanges {
    pub id: String,
    pub presence: Presence,
    /// The meeting as it is now, or as it was if it is gone: for its date and words.
    pub snapshot: Snapshot,
    pub changes: Changes,
    /// (translation, original) paths.
    pub stale: Vec<(String, String)>,
}

impl MeetingChanges {
    pub fn is_empty(&self) -> bool {
        self.presence == Presence::Both && self.changes.is_empty() && self.stale.is_empty()
    }
}

/// Each meeting of `after`, then those only `before` has, with what changed in it.
pub fn compare_versions(before: &[Meeting<'_>], after: &[Meeting<'_>]) -> Vec<MeetingChanges> {
    let empty = Snapshot::default();
    let mut out: Vec<MeetingChanges> = after
        .iter()
        .map(|now| {
            let was = before.iter().find(|m| m.id == now.id);
            let stale = match (was.and_then(|m| m.folder), now.folder) {
                (Some(old), Some(new)) => translations::stale(old, new),
                _ => Vec::new(),
            };
            MeetingChanges {
                id: now.id.clone(),
                presence: if was.is_some() {
                    Presence::Both
                } else {
                    Presence::Added
                },
                snapshot: now.snapshot.clone(),
                changes: compare(was.map_or(&empty, |m| &m.snapshot), &now.snapshot),
                stale,
            }
        })
        .collect();
    out.extend(
        before
            .iter()
            .filter(|was| !after.iter().any(|m| m.id == was.id))
            .map(|was| MeetingChanges {
                id: was.id.clone(),
                presence: Presence::Removed,
                snapshot: was.snapshot.clone(),
                changes: Changes::default(),
                stale: Vec::new(),
            }),
    );
    out
}
