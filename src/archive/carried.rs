//! Cases carried over from one meeting to the next: the links `carried_from:` makes,
//! checked across the archive, and the chains they form.
//!
//! A meeting's report cannot tell on its own whether `carried_from: 2026-03/case-04`
//! names a case, nor whether a case it carried over was taken up, so both are checked
//! here, where every meeting is in view. Each case is counted once, at the meeting that
//! judges it (see [`crate::analyse::analyse`]); what is kept here is which carried-over
//! cases no meeting has judged yet, for the tracker.

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Case, CaseKey, Located, Point, Section};
use crate::parse::case::members::key;
use crate::view::wording::long_date;

use super::Meeting;

/// Code of the warning that a carried-over case was taken up by no later meeting: the
/// case is in an earlier meeting's files, and a check of the latest meeting alone still
/// shows it, as that is the meeting that should have taken it up.
pub const UNTAKEN: &str = "carried-over-untaken";

/// One case a meeting carried over to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carry {
    /// The meeting that carried it over, by its place in the archive.
    pub meeting: usize,
    pub case: CaseKey,
    /// `2026-03/case-04`, as `carried_from:` names it.
    pub id: String,
    /// The meeting that first carried it over, when this is a case carried over again.
    pub first: usize,
    /// The meeting and case that took it up, if any has.
    pub taken_by: Option<(usize, CaseKey)>,
}

/// `2026-03/case-04` for the case of `case`'s file in meeting `meeting`: its file in
/// cases/ without `.md`, or its folder.
pub fn case_id(meeting: &str, case: &Case) -> String {
    let stem = crate::layout::case_stem(&case.file);
    let stem = crate::layout::within(crate::layout::CASES, stem).unwrap_or(stem);
    format!("{meeting}/{stem}")
}

/// Checks every `carried_from:` of `meetings` (in date order), gives each case that has
/// one its earlier meeting's date, and returns every carried-over case with what took it
/// up. Problems go to the meeting whose file has them.
pub fn link(meetings: &mut [(Meeting, Diagnostics)]) -> Vec<Carry> {
    let mut carries: Vec<Carry> = Vec::new();
    for (at, (meeting, _)) in meetings.iter().enumerate() {
        let report = &meeting.checked.report;
        for case in report.cases.iter().filter(|c| report.meta.carried_over(c)) {
            carries.push(Carry {
                meeting: at,
                case: report.meta.case_key(case),
                id: case_id(&meeting.id, case),
                first: at,
                taken_by: None,
            });
        }
    }
    let ids: Vec<String> = meetings.iter().map(|(m, _)| m.id.clone()).collect();
    for at in 0..meetings.len() {
        let mut found = Diagnostics::default();
        let mut dates = Vec::new();
        let (before, rest) = meetings.split_at_mut(at);
        let (meeting, diagnostics) = &mut rest[0];
        let report = &meeting.checked.report;
        for case in &report.cases {
            let Some(from) = &case.carried_from else {
                continue;
            };
            let Some(earlier) = earlier_case(before, from, &case.file, &mut found) else {
                continue;
            };
            let (index, source) = earlier;
            let carry = carries
                .iter()
                .position(|c| c.meeting == index && c.id == from.value);
            let Some(carry) = carry else {
                found.push(not_carried(&case.file, from, source, &before[index].0));
                continue;
            };
            let key = report.meta.case_key(case);
            match carries[carry].taken_by {
                Some(taken) if taken != (at, key) => {
                    found.push(taken_twice(&case.file, from, &ids[taken.0]));
                    continue;
                }
                _ => carries[carry].taken_by = Some((at, key)),
            }
            let first = carries[carry].first;
            if let Some(next) = carries
                .iter_mut()
                .find(|c| c.meeting == at && c.case == key)
            {
                next.first = first;
            }
            let date = &before[index].0.checked.report.meta.meeting_date;
            dates.push((key, date.clone()));
            let meta = &report.meta;
            kept(
                case,
                source,
                from,
                date,
                meta.labels(&meta.language),
                &mut found,
            );
        }
        meeting.checked.analysis.carried_from = dates;
        attach_sources(meeting, &mut found);
        diagnostics.extend(found);
    }
    untaken(meetings, &carries);
    carries
}

/// The case an earlier meeting has that `from` names, with that meeting's place, or an
/// error for `file` saying why there is none.
fn earlier_case<'a>(
    before: &'a [(Meeting, Diagnostics)],
    from: &Located<String>,
    file: &str,
    found: &mut Diagnostics,
) -> Option<(usize, &'a Case)> {
    let (meeting, case) = from.value.rsplit_once('/')?;
    let width = from.value.chars().count();
    let Some(index) = before.iter().position(|(m, _)| m.id == meeting) else {
        let ids = before.iter().map(|(m, _)| m.id.as_str());
        let mut error = Diagnostic::error(
            file,
            from.loc,
            format!(
                "`carried_from:` names `{meeting}`, which is no earlier meeting of this archive"
            ),
        )
        .width(width);
        error = match did_you_mean(meeting, ids) {
            Some(near) => error.hint(format!("did you mean `{near}/{case}`?")),
            None => error.hint("write the folder of the meeting that carried the case over, then `/` and the case's file without `.md`, such as `carried_from: 2026-03/case-04`"),
        };
        found.push(error);
        return None;
    };
    let earlier = &before[index].0;
    let cases = &earlier.checked.report.cases;
    match cases.iter().find(|c| case_id(meeting, c) == from.value) {
        Some(source) => Some((index, source)),
        None => {
            let ids: Vec<String> = cases.iter().map(|c| case_id(meeting, c)).collect();
            let mut error = Diagnostic::error(
                file,
                from.loc,
                format!(
                    "`carried_from:` names `{}`, but meeting {meeting} has no case `{case}`",
                    from.value
                ),
            )
            .width(width);
            error = match did_you_mean(&from.value, ids.iter().map(String::as_str)) {
                Some(near) => error.hint(format!("did you mean `{near}`?")),
                None => error.hint(format!("name a file of {meeting}/cases/ without `.md`")),
            };
            found.push(error);
            None
        }
    }
}

fn not_carried(file: &str, from: &Located<String>, source: &Case, earlier: &Meeting) -> Diagnostic {
    let judged = source
        .judgement
        .as_ref()
        .map_or("gave it no judgement".to_string(), |j| {
            format!("judged it `{}`", j.value)
        });
    Diagnostic::error(
        file,
        from.loc,
        format!("`{}` was not carried over: meeting {} {judged}", from.value, earlier.id),
    )
    .width(from.value.chars().count())
    .hint("a case is carried over by a judgement with `carry_over: true` in `judgements:`; give it one at that meeting, or remove `carried_from:` if this is a new case")
}

fn taken_twice(file: &str, from: &Located<String>, other: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        from.loc,
        format!("`{}` is taken up already, by a case of meeting {other}", from.value),
    )
    .width(from.value.chars().count())
    .hint("a carried-over case is taken up once, by one case of a later meeting; if the panel carried it over again, write `carried_from:` with the later meeting's case")
}

/// Warns at the case's judgement for each case carried over before the latest meeting
/// that no later meeting took up: the panel meant to decide it, and it is counted
/// nowhere.
fn untaken(meetings: &mut [(Meeting, Diagnostics)], carries: &[Carry]) {
    let latest = meetings.len().saturating_sub(1);
    for carry in carries
        .iter()
        .filter(|c| c.taken_by.is_none() && c.meeting < latest)
    {
        let (meeting, diagnostics) = &mut meetings[carry.meeting];
        let Some(case) = meeting.checked.report.case(carry.case) else {
            continue;
        };
        let loc = case.judgement.as_ref().map_or(case.number_loc, |j| j.loc);
        let warning = Diagnostic::warning(
            &case.file,
            loc,
            "this case was carried over, but no later meeting takes it up, so it is counted at no meeting",
        )
        .code(UNTAKEN)
        .hint(format!("copy it into a later meeting's cases/ with `carried_from: {}` in its front matter (`build-report new-meeting` does this for the next meeting), or give it the judgement the panel reached", carry.id));
        let mut found = Diagnostics::default();
        found.push(warning);
        attach_sources(meeting, &mut found);
        diagnostics.extend(found);
    }
}

/// Gives each problem found in a meeting's case files the line it is on, to show.
fn attach_sources(meeting: &Meeting, found: &mut Diagnostics) {
    if found.is_empty() {
        return;
    }
    let folder = &meeting.checked.folder;
    for source in folder.cases.iter().chain(&folder.members) {
        found.attach_source(&source.path, &source.text);
    }
}

/// Warns when the points of the earlier meeting, which `new-meeting` copied under each
/// heading, no longer stand first and as they were: the report shows them as what the
/// panel said then.
fn kept(
    case: &Case,
    source: &Case,
    from: &Located<String>,
    date: &str,
    l: &crate::catalogue::Labels,
    found: &mut Diagnostics,
) {
    for (member, path, now) in files(case) {
        let Some((_, _, then)) = files(source).into_iter().find(|f| f.0 == member) else {
            continue;
        };
        if let Some((line, heading)) = changed(now, &case.points, then, &source.points) {
            let at = match line {
                0 => from.loc,
                line => crate::diagnostic::Loc::new(line, 1),
            };
            found.push(
                Diagnostic::warning(
                    path,
                    at,
                    format!(
                        "the points from the meeting of {} under “{heading}” have been changed",
                        long_date(l, date)
                    ),
                )
                .hint(format!("they stand as the panel wrote them then, in {}; keep them first and as they were, and write what the panel says now in new points below them", from.value)),
            );
        }
    }
}

/// Each file of a case, its own first and then its members', as (member, path, sections).
fn files(case: &Case) -> Vec<(Option<&str>, &str, &[Section])> {
    let own = case.own_sections.as_deref().unwrap_or(&case.sections);
    let mut out = vec![(None, case.file.as_str(), own)];
    out.extend(case.reviews.iter().map(|r| {
        (
            Some(r.member.as_str()),
            r.file.as_str(),
            r.sections.as_slice(),
        )
    }));
    out
}

/// The first heading of `then` whose points are not the first points under the same
/// heading of `now`: the line of the first point that differs (0 when there is none) and
/// the heading's words.
fn changed(
    now: &[Section],
    now_points: &[Point],
    then: &[Section],
    then_points: &[Point],
) -> Option<(usize, String)> {
    for earlier in then {
        let heading = earlier
            .heading
            .as_ref()
            .map(|h| crate::model::plain_text(h))
            .unwrap_or_default();
        let before = points(&earlier.blocks);
        let same = now.iter().find(|s| key(s) == key(earlier));
        let after = same.map(|s| points(&s.blocks)).unwrap_or_default();
        let differs = before.iter().enumerate().find(|&(i, &p)| {
            after
                .get(i)
                .and_then(|&q| now_points.get(q))
                .is_none_or(|q| !same_point(q, &then_points[p]))
        });
        if let Some((i, _)) = differs {
            let line = after
                .get(i)
                .and_then(|&q| now_points.get(q))
                .map_or(0, |q| q.line);
            return Some((line, heading));
        }
        if let Some(found) = changed(
            same.map_or(&[][..], |s| &s.children),
            now_points,
            &earlier.children,
            then_points,
        ) {
            return Some(found);
        }
    }
    None
}

fn same_point(a: &Point, b: &Point) -> bool {
    a.text == b.text
        && a.tags.len() == b.tags.len()
        && a.tags.iter().zip(&b.tags).all(|(x, y)| x.value == y.value)
}

/// The points of `blocks`, in the order written, nested ones after their parent.
fn points(blocks: &[crate::model::Block]) -> Vec<usize> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            crate::model::Block::List { items, .. } => {
                for item in items {
                    out.extend(item.point);
                    out.extend(points(&item.blocks));
                }
            }
            crate::model::Block::Quote(inner) => out.extend(points(inner)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod properties {
    use std::path::PathBuf;

    use proptest::prelude::*;

    use crate::archive::{Read, check_read};
    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Panel, Source};

    /// A case of a meeting: its judgement (done, more or none) and the case of an
    /// earlier meeting it says it continues, if any, as (meeting, file).
    type Written = (u8, Option<(u8, u8)>);

    fn source(path: String, text: String) -> Source {
        Source { path, text }
    }

    proptest! {
        /// Whatever `carried_from:` says, every case is counted at one meeting at most,
        /// and a carried-over case is taken up by at most one case, which names it.
        #[test]
        fn a_case_is_counted_once_and_taken_up_once(
            meetings in proptest::collection::vec(
                proptest::collection::vec((0u8..3, proptest::option::of((0u8..3, 0u8..3))), 1..4),
                1..4,
            )
        ) {
            let panel = Panel {
                settings: Some(source(
                    "panel.yaml".into(),
                    "title: T\njudgements:\n  done: Done\n  more: {label: More, carry_over: true}\n".into(),
                )),
                ..Panel::default()
            };
            let read: Vec<Read> = meetings
                .iter()
                .enumerate()
                .map(|(i, cases): (usize, &Vec<Written>)| {
                    let cases = cases
                        .iter()
                        .enumerate()
                        .map(|(j, (judged, from))| {
                            let judgement = ["judgement: done\n", "judgement: more\n", ""][usize::from(*judged)];
                            let from = from.map_or(String::new(), |(m, c)| format!("carried_from: m{m}/{c}\n"));
                            source(
                                format!("cases/{j}.md"),
                                format!("---\ncase: {}\n{judgement}{from}---\n\n## Risk\n\n- A point.\n", j + 1),
                            )
                        })
                        .collect();
                    Read {
                        id: format!("m{i}"),
                        dir: PathBuf::from(format!("/nonexistent/m{i}")),
                        folder: Folder {
                            report: Some(source("report.yaml".into(), format!("meeting_date: 2024-01-0{}\n", i + 1))),
                            cases,
                            panel: panel.seen_from(1),
                            ..Folder::default()
                        },
                        diagnostics: Diagnostics::default(),
                    }
                })
                .collect();
            let archive = check_read(
                &PathBuf::from("/nonexistent"),
                panel,
                read,
                Diagnostics::default(),
                None,
                &crate::Silent,
            );
            let carried: usize = archive.meetings.iter().map(|m| m.checked.analysis.carried_over.len()).sum();
            let counted: usize = archive.meetings.iter().map(|m| m.checked.analysis.total_cases).sum();
            let written: usize = meetings.iter().map(Vec::len).sum();
            prop_assert_eq!(carried + counted, written);
            prop_assert_eq!(carried, archive.carries.len());
            let mut takers = Vec::new();
            for carry in &archive.carries {
                if let Some((at, key)) = carry.taken_by {
                    prop_assert!(at > carry.meeting);
                    let taker = archive.meetings[at].checked.report.case(key);
                    let named = taker.and_then(|c| c.carried_from.as_ref()).map(|f| f.value.clone());
                    prop_assert_eq!(named.as_deref(), Some(carry.id.as_str()));
                    prop_assert!(!takers.contains(&(at, key)));
                    takers.push((at, key));
                }
            }
        }
    }
}
