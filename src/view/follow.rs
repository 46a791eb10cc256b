//! Section 5.0, the update on previous observations, as a reader sees it: each earlier
//! observation that was open when this meeting began, where it was raised, where it
//! stood, and what this meeting heard of it.

use super::wording;
use crate::analyse::Analysis;
use crate::analyse::follow::FollowUp;
use crate::catalogue::{Labels, fill};
use crate::model::Block;

/// One row of section 5.0.
pub struct FollowUpView<'a> {
    pub row: &'a FollowUp,
    /// `4.2`: its number in the report of the meeting that raised it.
    pub number: String,
    /// "Raised as 4.2 at the meeting of 14 March 2023".
    pub raised: String,
    /// Its status when this meeting began.
    pub before: &'a str,
    /// This meeting's update: its status and its text. `None` reads "No update at this
    /// meeting".
    pub update: Option<(&'a str, &'a [Block])>,
}

pub(super) fn rows<'a>(analysis: &'a Analysis, l: &'a Labels) -> Vec<FollowUpView<'a>> {
    analysis
        .follow_up
        .iter()
        .map(|row| {
            let number = format!("4.{}", row.number);
            let date = wording::sitting_date(l, &row.meeting_date, row.session.as_deref());
            FollowUpView {
                raised: fill(&l.raised_at, &[("number", &number), ("date", &date)]),
                number,
                row,
                before: wording::status_label(l, row.before),
                update: row
                    .update
                    .as_ref()
                    .map(|step| (wording::status_label(l, step.status), step.text.as_slice())),
            }
        })
        .collect()
}
