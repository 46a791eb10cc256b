//! The order of an archive's meetings, and the rule that lets two of them share a date.
//!
//! Meetings are ordered by date, a month before the days of that month; a day's sittings
//! (`2025-04-01-am/`, `2025-04-01-pm/`, each with its `session:`) then by folder name, so
//! the later sitting is the later meeting for following observations up. Without
//! sessions two meetings on one date cannot be told apart in a title or a trend, so they
//! are an error, as they always were.

use std::cmp::Ordering;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::layout;

use super::Meeting;

/// Whether the meeting on `date` in folder `id` comes before or after another:
/// by date, then by folder name with numbers read as numbers (`-2` before `-10`).
pub fn order(a: (&str, &str), b: (&str, &str)) -> Ordering {
    a.0.cmp(b.0).then_with(|| by_name(a.1, b.1))
}

/// Meetings as [`order`] puts them.
pub fn sort(meetings: &mut [(Meeting, Diagnostics)]) {
    meetings.sort_by(|(a, _), (b, _)| order(key(a), key(b)));
}

fn key(meeting: &Meeting) -> (&str, &str) {
    (&meeting.checked.report.meta.meeting_date, &meeting.id)
}

/// Folder names compared as a reader counts: runs of digits by their value.
fn by_name(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = digits(a);
                let (nb, rb) = digits(b);
                // Leading zeros aside, a longer run is a larger number.
                let (ta, tb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
                let by_value = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                match by_value.then_with(|| na.cmp(nb)) {
                    Ordering::Equal => (a, b) = (ra, rb),
                    other => return other,
                }
            }
            (Some(x), Some(y)) if x != y => return x.cmp(&y),
            (Some(x), Some(_)) => {
                (a, b) = (&a[x.len_utf8()..], &b[x.len_utf8()..]);
            }
        }
    }
}

/// The run of ASCII digits at the start of `text`, and the rest.
fn digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Reports meetings that share a date and cannot be told apart: one without a
/// `session:` (in its own report.yaml, which is what needs the line), or two with the
/// same session. `meetings` are in order.
pub fn same_dates(meetings: &mut [(Meeting, Diagnostics)]) {
    for i in 1..meetings.len() {
        let (before, after) = meetings.split_at_mut(i);
        let earlier = &mut before[i - 1];
        let later = &mut after[0];
        let date = later.0.checked.report.meta.meeting_date.clone();
        if date.is_empty() || date != earlier.0.checked.report.meta.meeting_date {
            continue;
        }
        let session = |m: &Meeting| m.checked.report.meta.session.clone();
        let (earlier_id, later_id) = (earlier.0.id.clone(), later.0.id.clone());
        match (session(&earlier.0), session(&later.0)) {
            (_, None) => later.1.push(no_session(&later.0, &date, &earlier_id)),
            (None, Some(_)) => earlier.1.push(no_session(&earlier.0, &date, &later_id)),
            (Some(a), Some(b)) if a == b => later.1.push(
                Diagnostic::error(layout::REPORT, at(&later.0, "session"), format!("this meeting has the same `meeting_date:` ({date}) and `session:` ({b}) as the meeting {earlier_id}"))
                    .hint("each sitting of a day names its own session, such as `session: 3–5 pm` and `session: 7–9 pm`"),
            ),
            _ => {}
        }
    }
}

fn no_session(meeting: &Meeting, date: &str, other: &str) -> Diagnostic {
    Diagnostic::error(
        layout::REPORT,
        at(meeting, "meeting_date"),
        format!("this meeting has the same `meeting_date:` ({date}) as the meeting {other}, and no `session:` to tell them apart"),
    )
    .hint("if the panel sat twice that day, give each sitting's report.yaml its `session:`, such as `session: 3–5 pm` and `session: 7–9 pm`; otherwise correct the date in one of the two")
}

/// Where the meeting's report.yaml gives `key`, or its start.
fn at(meeting: &Meeting, key: &str) -> Loc {
    meeting
        .checked
        .report
        .meta
        .keys
        .iter()
        .rev()
        .find(|k| k.value == key)
        .map_or(Loc::START, |k| k.loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sittings_sort_by_folder_name_counting_numbers_as_numbers() {
        let mut ids = [
            "2025-04-01-10",
            "2025-04-01-pm",
            "2025-04-01-2",
            "2025-04",
            "2025-04-01-am",
            "2025-04-01-1",
            "2025-04-01",
        ];
        ids.sort_by(|a, b| order(("2025-04-01", a), ("2025-04-01", b)));
        assert_eq!(
            ids,
            [
                "2025-04",
                "2025-04-01",
                "2025-04-01-1",
                "2025-04-01-2",
                "2025-04-01-10",
                "2025-04-01-am",
                "2025-04-01-pm"
            ]
        );
    }

    #[test]
    fn the_date_comes_first_and_a_month_before_its_days() {
        assert_eq!(
            order(("2025-03", "2025-03-z"), ("2025-03-01", "2025-03-a")),
            Ordering::Less
        );
        assert_eq!(
            order(("2025-04-01", "b"), ("2025-03-31", "c")),
            Ordering::Greater
        );
        assert_eq!(by_name("x007", "x7"), Ordering::Less);
        assert_eq!(by_name("x7", "x7"), Ordering::Equal);
        assert_eq!(by_name("2024/01", "2024/1"), Ordering::Less);
    }
}
