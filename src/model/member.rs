//! The panel's members and what each wrote on a case, for a panel whose members review a
//! case on their own before they meet: a case folder holds the agreed case.md and one file
//! per member, and each point remembers whose it is. The report speaks for the panel and
//! names no member; only the members' own view reads these.

use super::{Case, CheckAnswer, Located, Point, Report};

/// One entry of `members:`: the id a member's files are named by, and their name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: Located<String>,
    pub name: String,
}

/// One member's file in a case folder: their own answers and how many points it gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Review {
    pub member: String,
    pub file: String,
    pub judgement: Option<Located<String>>,
    pub checks: Vec<CheckAnswer>,
    /// Zero means the member has not reviewed the case yet, as `new-case` writes the file.
    pub points: usize,
    /// Their points under their headings, as merged into the case's sections; kept so
    /// that a translation of case.md can take them in under its own headings.
    pub sections: Vec<crate::model::Section>,
}

impl Case {
    /// The file `point` was written in: its member's, or the case's own.
    pub fn file_of(&self, point: &Point) -> &str {
        point
            .member
            .as_deref()
            .and_then(|id| self.reviews.iter().find(|r| r.member == id))
            .map_or(&self.file, |r| &r.file)
    }

    /// Every file the case was read from: its own, then its members' in `members:` order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.file.as_str()).chain(self.reviews.iter().map(|r| r.file.as_str()))
    }
}

impl Report {
    /// Each member with a file still empty in some case folder, in `members:` order, and
    /// those cases' ids in the report's order: who is behind before the meeting.
    pub fn still_to_review(&self) -> Vec<(&str, Vec<String>)> {
        self.meta
            .members
            .iter()
            .map(|m| m.id.value.as_str())
            .map(|id| {
                let cases = self
                    .cases
                    .iter()
                    .filter(|c| c.reviews.iter().any(|r| r.member == id && r.points == 0))
                    .map(Case::id)
                    .collect();
                (id, cases)
            })
            .filter(|(_, cases): &(&str, Vec<String>)| !cases.is_empty())
            .collect()
    }
}
