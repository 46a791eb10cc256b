//! Following observations from meeting to meeting: which updates are valid, what each
//! observation's status was when each meeting began, and what each meeting's section on
//! previous observations lists.
//!
//! An observation's status at a date is its own `status:`, then that of each update in
//! the meetings up to that date, in meeting order. This needs every meeting of the archive
//! at once, so it runs above the single reports, on their parsed models, and hands each
//! meeting its [`FollowUp`] rows as plain data.

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::layout;
use crate::model::{Block, Observation, Report, Status};

/// One meeting as following up needs it; `reports` are in meeting order.
pub struct Meeting<'a> {
    pub id: &'a str,
    pub report: &'a Report,
}

/// An observation of an earlier meeting that was open when a meeting began, as that
/// meeting's section on previous observations lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    /// `2023-03/referrals`.
    pub id: String,
    pub meeting: String,
    pub meeting_date: String,
    /// Its meeting's `session:`, for a day with two sittings.
    pub session: Option<String>,
    /// Its number in its own meeting's section 4.0, counting from 1.
    pub number: usize,
    pub observation: Vec<Block>,
    pub response: Vec<Block>,
    /// Its status when this meeting began.
    pub before: Status,
    /// This meeting's update on it, if it has one.
    pub update: Option<Step>,
}

/// One update on an observation, at one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The meeting whose updates/ holds it.
    pub meeting: String,
    pub meeting_date: String,
    pub session: Option<String>,
    pub status: Status,
    pub text: Vec<Block>,
}

/// Every observation of the archive with its updates, in meeting order.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    pub id: String,
    /// Index of its meeting in meeting order.
    pub meeting: usize,
    pub number: usize,
    pub observation: &'a Observation,
    /// Index of the meeting of each update, and the update.
    pub history: Vec<(usize, Step)>,
}

impl Record<'_> {
    /// Its status when meeting `at` began: its own, then every update before `at`.
    pub fn status_before(&self, at: usize) -> Status {
        self.history
            .iter()
            .take_while(|(m, _)| *m < at)
            .last()
            .map_or(self.observation.status, |(_, step)| step.status)
    }

    /// Its status once meeting `at` has been held.
    pub fn status_after(&self, at: usize) -> Status {
        self.status_before(at + 1)
    }
}

/// The id an observation is known by across the archive: its meeting's id, `/`, and its
/// file's path under observations/ without `.md`.
pub fn observation_id(meeting: &str, file: &str) -> String {
    let within = layout::within(layout::OBSERVATIONS, file).unwrap_or(file);
    let stem = within
        .strip_suffix(".md")
        .or_else(|| within.strip_suffix(".markdown"))
        .or_else(|| within.strip_suffix(".MD"))
        .unwrap_or(within);
    format!("{meeting}/{stem}")
}

/// Checks every meeting's updates against the archive's observations and works out each
/// observation's history. Problems go to the diagnostics of the meeting whose file has
/// them (`diagnostics[i]` for `meetings[i]`, paths relative to that meeting).
pub fn records<'a>(meetings: &[Meeting<'a>], diagnostics: &mut [Diagnostics]) -> Vec<Record<'a>> {
    let mut records: Vec<Record<'a>> = meetings
        .iter()
        .enumerate()
        .flat_map(|(m, meeting)| {
            meeting
                .report
                .observations
                .iter()
                .enumerate()
                .map(move |(i, o)| Record {
                    id: observation_id(meeting.id, &o.file),
                    meeting: m,
                    number: i + 1,
                    observation: o,
                    history: Vec::new(),
                })
        })
        .collect();
    for (m, meeting) in meetings.iter().enumerate() {
        let found = &mut diagnostics[m];
        for update in &meeting.report.updates {
            let named = &update.observation;
            let Some(record) = records.iter_mut().find(|r| r.id == named.value) else {
                let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
                let hint = match did_you_mean(&named.value, ids.iter().map(String::as_str)) {
                    Some(id) => format!("did you mean `{id}`?"),
                    None if ids.is_empty() => "the archive has no observations yet".to_string(),
                    None => "write the meeting's id (its folder, such as `2023-03`), `/`, and the observation's file name without .md, such as `2023-03/referrals`".to_string(),
                };
                found.push(
                    Diagnostic::error(
                        &update.file,
                        named.loc,
                        format!("there is no observation `{}`", named.value),
                    )
                    .width(named.value.chars().count())
                    .hint(hint),
                );
                continue;
            };
            if record.meeting >= m {
                let when = if record.meeting == m {
                    "this meeting"
                } else {
                    "a later meeting"
                };
                found.push(
                    Diagnostic::error(&update.file, named.loc, format!("`{}` is an observation of {when}; an update follows up an observation of an earlier meeting", named.value))
                        .width(named.value.chars().count())
                        .hint("give the observation's own status in its file under observations/, or move this update to a later meeting's updates/"),
                );
                continue;
            }
            if record.history.iter().any(|(at, _)| *at == m) {
                found.push(
                    Diagnostic::error(
                        &update.file,
                        named.loc,
                        format!("`{}` already has an update at this meeting", named.value),
                    )
                    .width(named.value.chars().count())
                    .hint("a meeting gives one update per observation; merge the two files"),
                );
                continue;
            }
            record.history.push((
                m,
                Step {
                    meeting: meeting.id.to_string(),
                    meeting_date: meeting.report.meta.meeting_date.clone(),
                    session: meeting.report.meta.session.clone(),
                    status: update.status,
                    text: update.text.clone(),
                },
            ));
        }
    }
    for record in &mut records {
        record.history.sort_by_key(|(m, _)| *m);
    }
    records
}

/// The section on previous observations of meeting `at`: every observation of an earlier
/// meeting that was not closed when it began, oldest first.
pub fn follow_up(meetings: &[Meeting], records: &[Record], at: usize) -> Vec<FollowUp> {
    records
        .iter()
        .filter(|r| r.meeting < at)
        .filter(|r| r.status_before(at) != Status::Closed)
        .map(|r| {
            let raised = &meetings[r.meeting];
            FollowUp {
                id: r.id.clone(),
                meeting: raised.id.to_string(),
                meeting_date: raised.report.meta.meeting_date.clone(),
                session: raised.report.meta.session.clone(),
                number: r.number,
                observation: r.observation.observation.clone(),
                response: r.observation.response.clone(),
                before: r.status_before(at),
                update: r
                    .history
                    .iter()
                    .find(|(m, _)| *m == at)
                    .map(|(_, step)| step.clone()),
            }
        })
        .collect()
}

/// At the archive's latest meeting, a warning for each open observation it gives no
/// update on: that is where the follow-up would be lost.
pub fn missing_updates(meetings: &[Meeting], records: &[Record], diagnostics: &mut Diagnostics) {
    let Some(latest) = meetings.len().checked_sub(1) else {
        return;
    };
    for row in follow_up(meetings, records, latest) {
        if row.update.is_some() {
            continue;
        }
        let stem = row.id.rsplit('/').next().unwrap_or(&row.id);
        diagnostics.push(
            Diagnostic::warning(layout::folder(layout::UPDATES), crate::diagnostic::Loc::START, format!("no update on `{}`, which is still {}", row.id, row.before.id()))
                .code("NO_UPDATE")
                .hint(format!("add updates/{stem}.md with `observation: {}` and its `status:`, so the report says where it stands", row.id)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Located, Meta, Update};

    fn report(date: &str, observations: &[(&str, Status)], updates: &[(&str, Status)]) -> Report {
        Report {
            meta: Meta {
                meeting_date: date.into(),
                ..Meta::default()
            },
            observations: observations
                .iter()
                .map(|(file, status)| Observation {
                    file: format!("observations/{file}.md"),
                    order: None,
                    themes: Vec::new(),
                    cases: None,
                    status: *status,
                    observation: Vec::new(),
                    response: Vec::new(),
                })
                .collect(),
            updates: updates
                .iter()
                .map(|(id, status)| Update {
                    file: "updates/u.md".into(),
                    observation: Located {
                        value: (*id).into(),
                        loc: crate::diagnostic::Loc::new(2, 14),
                        source: crate::diagnostic::SourceId::new("updates/a.md"),
                    },
                    status: *status,
                    status_loc: crate::diagnostic::Loc::new(3, 9),
                    text: Vec::new(),
                })
                .collect(),
            ..Report::default()
        }
    }

    #[test]
    fn a_status_is_the_latest_update_before_the_meeting() {
        let reports = [
            report(
                "2023-03-14",
                &[("a", Status::Responded), ("b", Status::AwaitingResponse)],
                &[],
            ),
            report(
                "2023-06-13",
                &[("c", Status::Responded)],
                &[("2023-03/a", Status::InProgress)],
            ),
            report(
                "2024-01-09",
                &[],
                &[("2023-03/a", Status::Closed), ("2023-06/c", Status::Closed)],
            ),
        ];
        let ids = ["2023-03", "2023-06", "2024/01"];
        let meetings: Vec<Meeting> = ids
            .iter()
            .zip(&reports)
            .map(|(id, report)| Meeting { id, report })
            .collect();
        let mut d: Vec<Diagnostics> = (0..3).map(|_| Diagnostics::default()).collect();
        let records = records(&meetings, &mut d);
        assert!(d.iter().all(Diagnostics::is_empty));
        assert_eq!(records[0].status_before(1), Status::Responded);
        assert_eq!(records[0].status_before(2), Status::InProgress);
        assert_eq!(records[0].status_after(2), Status::Closed);
        let second: Vec<String> = follow_up(&meetings, &records, 1)
            .into_iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(second, ["2023-03/a", "2023-03/b"]);
        let third = follow_up(&meetings, &records, 2);
        assert_eq!(third.len(), 3);
        assert_eq!(third[0].before, Status::InProgress);
        assert_eq!(third[0].update.as_ref().unwrap().status, Status::Closed);
        assert!(third[1].update.is_none());
        let mut latest = Diagnostics::default();
        missing_updates(&meetings, &records, &mut latest);
        let brief = latest.brief();
        assert_eq!(brief.len(), 1, "{brief:?}");
        assert!(
            brief[0].contains("`2023-03/b`, which is still awaiting-response"),
            "{brief:?}"
        );
    }

    #[test]
    fn an_update_must_name_an_earlier_observation_that_exists() {
        let reports = [
            report(
                "2023-03-14",
                &[("referrals", Status::Responded)],
                &[("2023-03/referrals", Status::Closed)],
            ),
            report(
                "2023-06-13",
                &[],
                &[
                    ("2023-03/referals", Status::Closed),
                    ("2023-03/referrals", Status::Closed),
                    ("2023-03/referrals", Status::Closed),
                ],
            ),
        ];
        let meetings = [
            Meeting {
                id: "2023-03",
                report: &reports[0],
            },
            Meeting {
                id: "2023-06",
                report: &reports[1],
            },
        ];
        let mut d: Vec<Diagnostics> = (0..2).map(|_| Diagnostics::default()).collect();
        let records = records(&meetings, &mut d);
        let first = d[0].brief();
        assert_eq!(first.len(), 1);
        assert!(
            first[0].contains("is an observation of this meeting"),
            "{first:?}"
        );
        let second = d[1].brief();
        assert_eq!(second.len(), 2, "{second:?}");
        assert!(
            second
                .iter()
                .any(|m| m.contains("no observation `2023-03/referals`")
                    && m.contains("did you mean `2023-03/referrals`?")),
            "{second:?}"
        );
        assert!(
            second
                .iter()
                .any(|m| m.contains("already has an update at this meeting")),
            "{second:?}"
        );
        assert_eq!(records[0].history.len(), 1);
    }

    #[test]
    fn ids_are_the_meeting_and_the_file_stem() {
        assert_eq!(
            observation_id("2024/01", "observations/referrals.md"),
            "2024/01/referrals"
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{Located, Meta, Update};

    fn status(n: u8) -> Status {
        Status::ALL[usize::from(n) % Status::ALL.len()]
    }

    proptest! {
        /// Over any run of meetings where each may update the first meeting's one
        /// observation, each meeting's section 5.0 lists it exactly when the latest
        /// status before that meeting is not closed, and that status is the one shown.
        #[test]
        fn a_meeting_lists_an_observation_exactly_while_it_is_open(
            own in 0u8..4,
            updates in proptest::collection::vec(proptest::option::of(0u8..4), 1..6),
        ) {
            let mut reports = vec![Report {
                meta: Meta { meeting_date: "2020-01-01".into(), ..Meta::default() },
                observations: vec![Observation {
                    file: "observations/a.md".into(),
                    order: None,
                    themes: Vec::new(),
                    cases: None,
                    status: status(own),
                    observation: Vec::new(),
                    response: Vec::new(),
                }],
                ..Report::default()
            }];
            for (i, update) in updates.iter().enumerate() {
                reports.push(Report {
                    meta: Meta { meeting_date: format!("2021-01-{:02}", i + 1), ..Meta::default() },
                    updates: update.iter().map(|&u| Update {
                        file: "updates/a.md".into(),
                        observation: Located { value: "m0/a".into(), loc: crate::diagnostic::Loc::START, source: crate::diagnostic::SourceId::new("updates/a.md") },
                        status: status(u),
                        status_loc: crate::diagnostic::Loc::START,
                        text: Vec::new(),
                    }).collect(),
                    ..Report::default()
                });
            }
            let ids: Vec<String> = (0..reports.len()).map(|i| format!("m{i}")).collect();
            let meetings: Vec<Meeting> = ids.iter().zip(&reports).map(|(id, report)| Meeting { id, report }).collect();
            let mut found: Vec<Diagnostics> = meetings.iter().map(|_| Diagnostics::default()).collect();
            let records = records(&meetings, &mut found);
            prop_assert!(found.iter().all(|d| !d.has_errors()));
            let mut current = status(own);
            for at in 1..meetings.len() {
                let rows = follow_up(&meetings, &records, at);
                prop_assert_eq!(rows.len(), usize::from(current != Status::Closed));
                if let Some(row) = rows.first() {
                    prop_assert_eq!(row.before, current);
                }
                if let Some(u) = updates[at - 1] {
                    current = status(u);
                }
            }
            prop_assert_eq!(records[0].status_after(meetings.len() - 1), current);
        }
    }
}
