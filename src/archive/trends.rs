//! The archive's meetings in one date range, laid side by side as [`Trends`]: each
//! theme's cases per meeting, each check's answers, the judgements, and every observation
//! followed to where it stands.
//!
//! Every number is taken from the meetings' own analyses, so a trend can never disagree
//! with the reports it sums up.

use crate::analyse::follow::{self, Record};
use crate::analyse::trends::{
    CheckInMeeting, CheckTrend, MeetingRow, ThemeInMeeting, ThemeTrend, Tracked, Trends,
};
use crate::catalogue::Labels;
use crate::diagnostic::Diagnostics;
use crate::model::{Choice, Meta, Status, ThemeKind};
use crate::parse::meta;
use crate::render::Format;

use super::{Archive, Meeting};

/// The trends of the meetings of `archive` in `range` (a subset of its meetings, in
/// order), and the catalogue's words they are written in: those of panel.yaml's
/// language with its `labels:`, or else the latest meeting's.
pub fn trends(archive: &Archive, range: &[&Meeting]) -> (Trends, Labels) {
    let panel = panel_meta(archive);
    let settings = panel.as_ref().or(latest(range));
    let language = settings.map_or_else(|| "en".to_string(), |m| m.language.clone());
    let labels = settings.map_or_else(Labels::english, |m| m.labels(&language).clone());
    let judgement_scale = union(range.iter().map(|m| &m.checked.report.meta.judgements));
    let meetings = range
        .iter()
        .map(|m| meeting_row(m, &judgement_scale))
        .collect();
    let trends = Trends {
        title: settings.map(|m| m.title.clone()).unwrap_or_default(),
        panel: settings.and_then(|m| m.panel.clone()),
        organisation: settings.and_then(|m| m.organisation.clone()),
        language,
        as_of: range
            .last()
            .map(|m| m.checked.report.meta.meeting_date.clone())
            .unwrap_or_default(),
        meetings,
        themes: themes(range),
        checks: checks(range),
        observations: tracker(archive, range),
        judgement_scale,
    };
    (trends, labels)
}

/// The latest meeting's settings, for an archive without a panel.yaml.
fn latest<'a>(range: &[&'a Meeting]) -> Option<&'a Meta> {
    range.last().map(|m| &m.checked.report.meta)
}

/// panel.yaml's own settings, for the archive's title and words. Its problems were
/// reported with each meeting's, and panel.yaml alone has no meeting date.
fn panel_meta(archive: &Archive) -> Option<Meta> {
    let source = archive.panel.settings.as_ref()?;
    meta::parse_layers(&[source], &mut Diagnostics::default())
}

/// The entries of several scales, each once, in the order first seen.
fn union<'a>(scales: impl Iterator<Item = &'a Vec<Choice>>) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for scale in scales {
        for choice in scale {
            match out.iter_mut().find(|c| c.id == choice.id) {
                // The latest meeting's label is the one a reader knows now.
                Some(old) => *old = choice.clone(),
                None => out.push(choice.clone()),
            }
        }
    }
    out
}

fn meeting_row(meeting: &Meeting, scale: &[Choice]) -> MeetingRow {
    let report = &meeting.checked.report;
    let analysis = &meeting.checked.analysis;
    let meta = &report.meta;
    MeetingRow {
        id: meeting.id.clone(),
        meeting_date: meta.meeting_date.clone(),
        session: meta.session.clone(),
        title: meta.title.clone(),
        total_cases: analysis.total_cases,
        judgements: scale
            .iter()
            .map(|choice| {
                let cases = analysis
                    .judgements
                    .iter()
                    .find(|j| j.id == choice.id)
                    .map_or(0, |j| j.cases.len());
                (choice.id.clone(), cases)
            })
            .collect(),
        unjudged: analysis.unjudged.len(),
        report: format!(
            "{}/{}",
            meeting.id,
            Format::Html.file_name_in(
                meta.languages.first().unwrap_or(&meta.language),
                &meta.languages
            )
        ),
    }
}

/// Every theme of any meeting in range: concerns, then good practice, each in the order
/// of the themes files (the panel's, then each meeting's additions), or of first finding
/// where tags are free-form.
fn themes(range: &[&Meeting]) -> Vec<ThemeTrend> {
    let mut known: Vec<(String, String, ThemeKind)> = Vec::new();
    for meeting in range {
        let report = &meeting.checked.report;
        let defined: Vec<(String, String, ThemeKind)> = match &report.themes {
            Some(themes) => themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone(), t.kind))
                .collect(),
            None => meeting
                .checked
                .analysis
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone(), t.kind))
                .collect(),
        };
        for theme in defined {
            match known.iter_mut().find(|(id, _, _)| *id == theme.0) {
                Some(old) => *old = theme,
                None => known.push(theme),
            }
        }
    }
    known.sort_by_key(|(_, _, kind)| *kind);
    known
        .into_iter()
        .map(|(id, label, kind)| ThemeTrend {
            by_meeting: range
                .iter()
                .map(|m| {
                    let analysis = &m.checked.analysis;
                    let tally = analysis.themes.iter().find(|t| t.id == id);
                    let cases = tally.map(|t| t.cases.clone()).unwrap_or_default();
                    let unrecorded = tally.map_or(0, |t| t.not_recorded.len());
                    ThemeInMeeting {
                        meeting: m.id.clone(),
                        count: cases.len(),
                        cases,
                        total_cases: analysis.total_cases,
                        recorded: analysis.total_cases.saturating_sub(unrecorded),
                    }
                })
                .collect(),
            id,
            label,
            kind,
        })
        .collect()
}

fn checks(range: &[&Meeting]) -> Vec<CheckTrend> {
    union(range.iter().map(|m| &m.checked.report.meta.checks))
        .into_iter()
        .map(|check| CheckTrend {
            by_meeting: range
                .iter()
                .map(|m| CheckInMeeting {
                    meeting: m.id.clone(),
                    answers: m
                        .checked
                        .analysis
                        .checks
                        .iter()
                        .find(|c| c.id == check.id)
                        .map(|c| {
                            c.answers
                                .iter()
                                .map(|(answer, cases)| (*answer, cases.len()))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            id: check.id,
            label: check.label,
        })
        .collect()
}

/// Every observation that is the range's business: raised in it, or raised before it
/// and still open when it began. Open ones first, then closed; oldest raised first.
fn tracker(archive: &Archive, range: &[&Meeting]) -> Vec<Tracked> {
    let (Some(first), Some(last)) = (range.first(), range.last()) else {
        return Vec::new();
    };
    let index = |id: &str| archive.meetings.iter().position(|m| m.id == id);
    let (Some(first), Some(last)) = (index(&first.id), index(&last.id)) else {
        return Vec::new();
    };
    let list = archive.follow();
    // The updates were checked with the archive; here only their history is wanted.
    let mut ignored: Vec<Diagnostics> = list.iter().map(|_| Diagnostics::default()).collect();
    let records = follow::records(&list, &mut ignored);
    let as_of = &archive.meetings[last].checked.report.meta.meeting_date;
    let mut tracked: Vec<Tracked> = records
        .iter()
        .filter(|r| r.meeting <= last)
        .filter(|r| r.meeting >= first || r.status_before(first) != Status::Closed)
        .map(|r| track(archive, r, first, last, as_of))
        .collect();
    tracked.sort_by_key(|t| !t.is_open());
    tracked
}

fn track(archive: &Archive, record: &Record, first: usize, last: usize, as_of: &str) -> Tracked {
    let raised = &archive.meetings[record.meeting];
    let status = record.status_after(last);
    let closed_at = (record.meeting..=last).find(|&m| record.status_after(m) == Status::Closed);
    let open_until = closed_at.map_or_else(
        || as_of.to_string(),
        |m| archive.meetings[m].checked.report.meta.meeting_date.clone(),
    );
    let meetings_open = (record.meeting + 1..=last)
        .filter(|&m| m >= first && record.status_before(m) != Status::Closed)
        .count();
    Tracked {
        id: record.id.clone(),
        meeting: raised.id.clone(),
        meeting_date: raised.checked.report.meta.meeting_date.clone(),
        session: raised.checked.report.meta.session.clone(),
        number: format!("4.{}", record.number),
        text: record.observation.observation.clone(),
        response: record.observation.response.clone(),
        status,
        open_until,
        meetings_open,
        history: record
            .history
            .iter()
            .filter(|(m, _)| *m <= last)
            .map(|(_, step)| step.clone())
            .collect(),
    }
}
