//! The archive's trends as a reader sees them: one view, built once from the analysis's
//! [`Trends`], that every trends file lays out, as [`crate::view::View`] is for a report.
//!
//! What index.html, trends.html, trends.docx, trends.json and trends.csv must agree on is
//! decided here: each meeting's date in words and its judgements in the scale's order,
//! each theme's count at each meeting with its share of the cases that recorded it, as a
//! fraction and in words (none where no case did), each
//! check's answers, the range's period. The view borrows the trends; the per-meeting
//! records are few (themes times meetings), so they are made at once, while an
//! observation's sentences are made only when a renderer asks for them.

mod words;

use crate::analyse::trends::{CheckTrend, MeetingRow, ThemeInMeeting, ThemeTrend, Tracked, Trends};
use crate::catalogue::Labels;
use crate::model::{Choice, ThemeKind};
use crate::view::Swatch;
use crate::view::wording::{long_date, sitting_date};

pub use words::{answer_counts, count_share, in_brief, judgement_label, period, time_open};

/// The view every trends renderer reads.
pub struct TrendsView<'a> {
    /// The analysis's own figures, for what a renderer passes through unchanged: titles,
    /// ids, dates as written, an observation's text.
    pub trends: &'a Trends,
    /// The catalogue's words in the archive's language.
    pub labels: &'a Labels,
    pub language: &'a str,
    /// `14 March 2023 to 21 November 2023`; none without meetings.
    pub period: Option<String>,
    /// The date of the latest meeting, in words.
    pub as_of: String,
    /// Oldest first.
    pub meetings: Vec<MeetingView<'a>>,
    /// Concerns first, then good practice, as the analysis orders them.
    pub themes: Vec<ThemeView<'a>>,
    pub checks: Vec<CheckView<'a>>,
    /// The judgement scale, in order, each with the colours its `colour:` names.
    pub scale: Vec<JudgementView<'a>>,
}

/// One judgement of the scale.
pub struct JudgementView<'a> {
    pub choice: &'a Choice,
    pub swatch: Option<Swatch>,
}

/// One meeting of the range.
pub struct MeetingView<'a> {
    pub row: &'a MeetingRow,
    /// Its date in words, with its session if it has one.
    pub date: String,
    /// Its cases per judgement, in the scale's order, zeros included.
    pub judgements: Vec<usize>,
}

/// One theme across the meetings.
pub struct ThemeView<'a> {
    pub theme: &'a ThemeTrend,
    /// One per meeting, in the order of [`TrendsView::meetings`].
    pub cells: Vec<ThemeCell<'a>>,
}

/// One theme at one meeting.
pub struct ThemeCell<'a> {
    pub at: &'a ThemeInMeeting,
    /// The meeting's date as written; empty for a meeting not in range.
    pub meeting_date: &'a str,
    /// The meeting's `session:`, for one of a day's sittings.
    pub session: Option<&'a str>,
    /// The meeting's date in words, or its id for a meeting not in range.
    pub date: String,
    /// The exact share of the meeting's cases that recorded it, for drawing; none where
    /// none did, which is a gap rather than 0%.
    pub share: Option<f64>,
    /// The share to four places, as the data files print it.
    pub fraction: Option<f64>,
    /// `3 of 12 (25%)`, over the cases that recorded it, or `Not recorded`.
    pub words: String,
}

/// One checklist question across the meetings.
pub struct CheckView<'a> {
    pub check: &'a CheckTrend,
    /// `Yes 9 · No 3`, one per meeting.
    pub cells: Vec<String>,
}

/// An observation's sentences, made when asked for.
pub struct TrackedWords {
    /// The date it was raised, in words.
    pub raised: String,
    /// The start of its text, for a summary table.
    pub in_brief: String,
    /// `Open for 8 months (2 later meetings)`.
    pub time_open: String,
    /// The date of each of its updates in words, in the order of its history.
    pub history: Vec<String>,
}

impl<'a> TrendsView<'a> {
    /// The view of `trends` in the words of `labels`: the catalogue's, in the archive's
    /// language, with panel.yaml's `labels:` applied.
    pub fn new(trends: &'a Trends, labels: &'a Labels) -> TrendsView<'a> {
        let l = labels;
        let meetings = trends
            .meetings
            .iter()
            .map(|m| MeetingView {
                row: m,
                date: sitting_date(l, &m.meeting_date, m.session.as_deref()),
                judgements: trends
                    .judgement_scale
                    .iter()
                    .map(|c| {
                        let found = m.judgements.iter().find(|(id, _)| *id == c.id);
                        found.map_or(0, |(_, n)| *n)
                    })
                    .collect(),
            })
            .collect();
        let themes = trends
            .themes
            .iter()
            .map(|theme| ThemeView {
                theme,
                cells: theme
                    .by_meeting
                    .iter()
                    .map(|at| {
                        let meeting = trends.meeting(&at.meeting);
                        ThemeCell {
                            at,
                            meeting_date: meeting.map_or("", |m| m.meeting_date.as_str()),
                            session: meeting.and_then(|m| m.session.as_deref()),
                            date: meeting.map_or(at.meeting.clone(), |m| {
                                sitting_date(l, &m.meeting_date, m.session.as_deref())
                            }),
                            share: (at.recorded > 0).then(|| exact_share(at.count, at.recorded)),
                            fraction: (at.recorded > 0).then(|| fraction4(at.count, at.recorded)),
                            words: if at.recorded > 0 {
                                count_share(l, at.count, at.recorded)
                            } else {
                                l.not_recorded.clone()
                            },
                        }
                    })
                    .collect(),
            })
            .collect();
        let checks = trends
            .checks
            .iter()
            .map(|check| CheckView {
                check,
                cells: check
                    .by_meeting
                    .iter()
                    .map(|b| answer_counts(l, &b.answers))
                    .collect(),
            })
            .collect();
        TrendsView {
            trends,
            labels: l,
            language: &trends.language,
            period: period(l, trends),
            as_of: long_date(l, &trends.as_of),
            meetings,
            themes,
            checks,
            scale: trends
                .judgement_scale
                .iter()
                .map(|choice| JudgementView {
                    choice,
                    swatch: choice.colour.as_deref().and_then(Swatch::of),
                })
                .collect(),
        }
    }

    /// The themes of one kind, in order.
    pub fn themes_of(&self, kind: ThemeKind) -> impl Iterator<Item = &ThemeView<'a>> {
        self.themes.iter().filter(move |t| t.theme.kind == kind)
    }

    /// Whether themes of another kind than `kind` sit beside it, so that each kind is
    /// shown under its own heading.
    pub fn grouped_apart_from(&self, kind: ThemeKind) -> bool {
        self.themes.iter().any(|t| t.theme.kind != kind)
    }

    /// The link from output/ to a meeting's report, when that meeting is in range.
    pub fn report_of(&self, meeting: &str) -> Option<&'a str> {
        self.trends.meeting(meeting).map(|m| m.report.as_str())
    }

    /// An observation's sentences.
    pub fn words(&self, tracked: &Tracked) -> TrackedWords {
        TrackedWords {
            raised: sitting_date(
                self.labels,
                &tracked.meeting_date,
                tracked.session.as_deref(),
            ),
            in_brief: in_brief(tracked),
            time_open: time_open(self.labels, tracked),
            history: tracked
                .history
                .iter()
                .map(|step| sitting_date(self.labels, &step.meeting_date, step.session.as_deref()))
                .collect(),
        }
    }
}

/// `count` of `total` as a fraction; 0 of nothing is 0.
fn exact_share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64
    }
}

/// `count` of `total` as a fraction to four places.
pub fn fraction4(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (count as f64 / total as f64 * 10_000.0).round() / 10_000.0
    }
}
