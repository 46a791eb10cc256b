//! The archive's trends as a reader sees them: one view, built once from the analysis's
//! [`Trends`], that every trends file lays out, as [`crate::view::View`] is for a report.
//!
//! What index.html, trends.html, trends.docx, trends.json and trends.csv must agree on is
//! decided here: each meeting's date in words and its judgements in the scale's order,
//! each theme's count at each meeting with its share of the cases that recorded it, as a
//! fraction and in words (none where no case did), each
//! check's answers, the range's period, and, for one audience's trends, which of those
//! numbers its `suppress_below:` shows as "fewer than N", decided by the same
//! [`Suppression`] as a report's. Every share shown has its 95% interval, and each theme
//! its change from one meeting to the next and across the range with what chance would
//! give, so that no file calls a change a change when it is not one. The view borrows the trends; the per-meeting
//! records are few (themes times meetings), so they are made at once, while an
//! observation's sentences are made only when a renderer asks for them.

mod words;

use crate::analyse::interval::{self, Change, Interval};
use crate::analyse::trends::{
    CheckTrend, MeetingRow, ThemeInMeeting, ThemeTrend, Tracked, TrendCase, Trends,
    TypeJudgementTrend,
};
use crate::catalogue::Labels;
use crate::model::{Answer, Choice, ThemeKind};
use crate::view::wording::{long_date, sitting_date};
use crate::view::{Figure, Suppression, Swatch};

pub use words::{
    answer_counts, carried_open, change_words, count_share, in_brief, judgement_label, period,
    share_interval, time_open,
};

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
    /// Each case type judged on its own scale, as its own table.
    pub type_judgements: Vec<TypeJudgementsView<'a>>,
    /// Which numbers these trends show.
    pub suppression: Suppression,
}

/// A case type's own judgement scale across the meetings.
pub struct TypeJudgementsView<'a> {
    pub trend: &'a TypeJudgementTrend,
    /// One row per judgement of its scale, then one for its cases with none when any
    /// meeting has such a case, each with its label and a cell per meeting as shown.
    pub rows: Vec<(&'a str, Vec<Figure>)>,
}

/// A type's judgements per meeting, each meeting's counts suppressed as parts of its
/// cases of the type.
fn type_judgements<'a>(
    trend: &'a TypeJudgementTrend,
    l: &'a Labels,
    suppression: &Suppression,
) -> TypeJudgementsView<'a> {
    let shown: Vec<Vec<Figure>> = trend
        .by_meeting
        .iter()
        .map(|parts| suppression.parts(parts))
        .collect();
    let mut labels: Vec<&str> = trend.scale.iter().map(|c| c.label.as_str()).collect();
    if trend
        .by_meeting
        .iter()
        .any(|m| m.last().is_some_and(|&n| n > 0))
    {
        labels.push(&l.no_judgement);
    }
    let rows = labels
        .into_iter()
        .enumerate()
        .map(|(row, label)| {
            let cells = shown
                .iter()
                .map(|m| m.get(row).cloned().unwrap_or(Figure::Shown(0)))
                .collect();
            (label, cells)
        })
        .collect();
    TypeJudgementsView { trend, rows }
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
    /// Its cases per judgement, in the scale's order, zeros included, as shown: with
    /// the cases without one they are parts of its cases reviewed, so one small number
    /// takes the next smallest with it.
    pub judgements: Vec<Figure>,
    /// Its cases without a judgement, as shown.
    pub unjudged: Figure,
    /// Each judgement's share of its cases judged on the scale, as `judgements`; none
    /// where the number is not shown.
    pub judgement_shares: Vec<Option<Share>>,
}

/// A share of a meeting's cases to four places, with its Wilson 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Share {
    pub share: f64,
    pub interval: Interval,
}

impl Share {
    /// `count` of `total`, or none where `count` is not shown or there are no cases.
    fn of(figure: &Figure, count: usize, total: usize) -> Option<Share> {
        (!figure.is_suppressed() && total > 0).then(|| Share {
            share: fraction4(count, total),
            interval: interval::wilson(count, total).rounded(),
        })
    }
}

/// One theme across the meetings.
pub struct ThemeView<'a> {
    pub theme: &'a ThemeTrend,
    /// One per meeting, in the order of [`TrendsView::meetings`].
    pub cells: Vec<ThemeCell<'a>>,
    /// One per meeting, as `cells`: its change from the meeting before; none for the
    /// first meeting, and where either share is not given.
    pub changes: Vec<Option<ChangeView>>,
    /// From the range's first meeting to its last, for an annual report's trends: none
    /// with fewer than three meetings, where it would only repeat the one change.
    pub over_range: Option<ChangeView>,
}

/// A theme's change between two meetings, worked to four places, and said in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeView {
    /// The id of the earlier meeting.
    pub from: String,
    pub change: Change,
    /// `1 of 8, down from 3 of 12: within what chance gives with so few cases`.
    pub words: String,
}

/// One theme at one meeting.
pub struct ThemeCell<'a> {
    pub at: &'a ThemeInMeeting,
    /// Its number of cases as shown.
    pub figure: Figure,
    /// The cases listed under it: none when its number is suppressed.
    pub listed: &'a [TrendCase],
    /// The cases that recorded it, as shown: suppressed when the few that did not
    /// could be had from it and the meeting's cases, and then no share is given.
    pub recorded: Figure,
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
    /// The share's Wilson 95% interval to four places, where the share is given.
    pub interval: Option<Interval>,
    /// `3 of 12 (25%)`, over the cases that recorded it, or `Not recorded`; `fewer
    /// than 3` alone when its number is suppressed.
    pub words: String,
}

/// One checklist question across the meetings.
pub struct CheckView<'a> {
    pub check: &'a CheckTrend,
    /// Each meeting's answers as shown: with the cases that gave none they are parts
    /// of its cases reviewed.
    pub answers: Vec<Vec<(Answer, Figure)>>,
    /// `Yes 9 · No 3`, one per meeting.
    pub cells: Vec<String>,
    /// Each answer's share of the meeting's cases, as `answers`; none where its number
    /// is not shown.
    pub shares: Vec<Vec<Option<Share>>>,
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
        let suppression = Suppression::new(trends.suppress_below, l);
        let meetings = trends
            .meetings
            .iter()
            .map(|m| {
                let mut parts: Vec<usize> = trends
                    .judgement_scale
                    .iter()
                    .map(|c| {
                        let found = m.judgements.iter().find(|(id, _)| *id == c.id);
                        found.map_or(0, |(_, n)| *n)
                    })
                    .collect();
                parts.push(m.unjudged);
                let mut judgements = suppression.parts(&parts);
                let unjudged = judgements.pop().unwrap_or(Figure::Shown(0));
                let judged: usize = parts.iter().sum();
                MeetingView {
                    row: m,
                    date: sitting_date(l, &m.meeting_date, m.session.as_deref()),
                    judgement_shares: judgements
                        .iter()
                        .zip(&parts)
                        .map(|(figure, &n)| Share::of(figure, n, judged))
                        .collect(),
                    judgements,
                    unjudged,
                }
            })
            .collect();
        let themes = trends
            .themes
            .iter()
            .map(|theme| {
                let cells: Vec<ThemeCell> = theme
                    .by_meeting
                    .iter()
                    .map(|at| theme_cell(trends, l, &suppression, at))
                    .collect();
                let changes = (0..cells.len())
                    .map(|i| {
                        let earlier = cells.get(i.checked_sub(1)?)?;
                        change_between(l, earlier, &cells[i])
                    })
                    .collect();
                let over_range = over_range(l, &cells);
                ThemeView {
                    theme,
                    cells,
                    changes,
                    over_range,
                }
            })
            .collect();
        let checks = trends
            .checks
            .iter()
            .map(|check| {
                let mut shares = Vec::new();
                let answers: Vec<Vec<(Answer, Figure)>> = check
                    .by_meeting
                    .iter()
                    .map(|b| {
                        let total = trends.meeting(&b.meeting).map_or(0, |m| m.total_cases);
                        let mut parts: Vec<usize> = b.answers.iter().map(|(_, n)| *n).collect();
                        let answered: usize = parts.iter().sum();
                        parts.push(total.saturating_sub(answered));
                        let figures = suppression.parts(&parts);
                        shares.push(
                            b.answers
                                .iter()
                                .zip(&figures)
                                .map(|((_, n), figure)| Share::of(figure, *n, total))
                                .collect(),
                        );
                        b.answers.iter().map(|(a, _)| *a).zip(figures).collect()
                    })
                    .collect();
                CheckView {
                    check,
                    cells: answers.iter().map(|a| answer_counts(l, a)).collect(),
                    answers,
                    shares,
                }
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
            type_judgements: trends
                .type_judgements
                .iter()
                .map(|trend| type_judgements(trend, l, &suppression))
                .collect(),
            suppression,
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

/// One theme at one meeting as `suppression` shows it. Themes are not parts of one
/// whole, so its number stands alone; but with the meeting's cases shown, the cases
/// that recorded it give away those that did not, so where those are few its share and
/// "of" are left out and only its number is shown.
fn theme_cell<'a>(
    trends: &'a Trends,
    l: &Labels,
    suppression: &Suppression,
    at: &'a ThemeInMeeting,
) -> ThemeCell<'a> {
    let meeting = trends.meeting(&at.meeting);
    let figure = suppression.one(at.count);
    let unrecorded = at.total_cases.saturating_sub(at.recorded);
    let recorded = suppression.parts(&[at.recorded, unrecorded])[0].clone();
    let whole = !figure.is_suppressed() && !recorded.is_suppressed();
    let share = whole && at.recorded > 0;
    ThemeCell {
        at,
        listed: if figure.is_suppressed() {
            &[]
        } else {
            &at.cases
        },
        meeting_date: meeting.map_or("", |m| m.meeting_date.as_str()),
        session: meeting.and_then(|m| m.session.as_deref()),
        date: meeting.map_or(at.meeting.clone(), |m| {
            sitting_date(l, &m.meeting_date, m.session.as_deref())
        }),
        share: share.then(|| exact_share(at.count, at.recorded)),
        fraction: share.then(|| fraction4(at.count, at.recorded)),
        interval: share.then(|| interval::wilson(at.count, at.recorded).rounded()),
        words: if share {
            count_share(l, at.count, at.recorded)
        } else if whole {
            l.not_recorded.clone()
        } else {
            figure.to_string()
        },
        figure,
        recorded,
    }
}

/// A theme's change from `earlier` to `later`, where both give a share: a number
/// suppressed, or no case that recorded it, leaves nothing to compare.
fn change_between(l: &Labels, earlier: &ThemeCell, later: &ThemeCell) -> Option<ChangeView> {
    earlier.share?;
    later.share?;
    let counts = |c: &ThemeCell| (c.at.count, c.at.recorded);
    Some(change_view(
        l,
        &earlier.at.meeting,
        counts(earlier),
        counts(later),
    ))
}

/// The change from `earlier` to `later` cases (each with the cases that recorded the
/// theme), from the meeting `from`, rounded as the files print it and in words.
fn change_view(
    l: &Labels,
    from: &str,
    earlier: (usize, usize),
    later: (usize, usize),
) -> ChangeView {
    let exact = interval::change(earlier, later);
    let change = Change {
        difference: interval::round4(exact.difference),
        interval: exact.interval.rounded(),
        verdict: exact.verdict,
    };
    ChangeView {
        from: from.to_string(),
        words: change_words(l, earlier, later, &change),
        change,
    }
}

/// The change from the range's first quarter to its last, with three meetings or more:
/// the meetings of each calendar quarter taken together, so that a panel meeting monthly
/// compares three months with three. None where the range is one quarter, or a number
/// of either quarter is suppressed, which a sum would give away.
fn over_range(l: &Labels, cells: &[ThemeCell]) -> Option<ChangeView> {
    if cells.len() < 3 {
        return None;
    }
    let quarter = |c: &ThemeCell| quarter_of(c.meeting_date);
    let first = quarter(cells.first()?)?;
    let last = quarter(cells.last()?)?;
    if first == last {
        return None;
    }
    let pooled = |q: (u32, u32)| -> Option<(usize, usize, &str)> {
        let mut count = 0;
        let mut recorded = 0;
        let mut meeting = None;
        for cell in cells.iter().filter(|c| quarter(c) == Some(q)) {
            count += cell.figure.number()?;
            recorded += cell.recorded.number()?;
            meeting.get_or_insert(cell.at.meeting.as_str());
        }
        (recorded > 0).then_some((count, recorded, meeting?))
    };
    let (before, before_of, from) = pooled(first)?;
    let (after, after_of, _) = pooled(last)?;
    Some(change_view(l, from, (before, before_of), (after, after_of)))
}

/// The calendar quarter of a meeting's `YYYY-MM-DD` or `YYYY-MM`: its year and 0 to 3.
fn quarter_of(date: &str) -> Option<(u32, u32)> {
    let mut parts = date.split('-');
    let year = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    (1..=12).contains(&month).then_some((year, (month - 1) / 3))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::example;

    #[test]
    fn the_range_is_compared_quarter_with_quarter_the_meetings_of_each_taken_together() {
        let mut trends = example();
        // The first two meetings in one quarter, the last in another.
        trends.meetings[0].meeting_date = "2023-01-10".into();
        trends.meetings[1].meeting_date = "2023-02-14".into();
        let l = Labels::english();
        let view = TrendsView::new(&trends, &l);
        let cells = &view.themes[0].cells;
        let pooled = |c: &[ThemeCell]| {
            c.iter()
                .fold((0, 0), |(n, of), c| (n + c.at.count, of + c.at.recorded))
        };
        let exact = interval::change(pooled(&cells[..2]), pooled(&cells[2..]));
        let range = view.themes[0].over_range.as_ref().unwrap();
        assert_eq!(range.change.difference, interval::round4(exact.difference));
        assert_eq!(range.from, cells[0].at.meeting);
        // One quarter alone has nothing to compare.
        trends.meetings[2].meeting_date = "2023-03-21".into();
        let view = TrendsView::new(&trends, &l);
        assert!(view.themes[0].over_range.is_none());
    }

    #[test]
    fn an_audience_s_trends_show_small_counts_as_fewer_than_n() {
        let mut trends = example();
        trends.suppress_below = 3;
        // One case of 12 did not record whether the victim's wishes were.
        trends.themes[1].by_meeting[0].recorded = 11;
        let l = Labels::english();
        let view = TrendsView::new(&trends, &l);
        let late: Vec<&str> = view.themes[0]
            .cells
            .iter()
            .map(|c| c.words.as_str())
            .collect();
        assert_eq!(late, ["3 of 12 (25%)", "fewer than 3", "fewer than 3"]);
        let small = &view.themes[0].cells[1];
        assert!(small.listed.is_empty() && small.share.is_none() && small.fraction.is_none());
        assert_eq!(
            view.themes[0].cells[0].listed,
            [2, 6, 12].map(TrendCase::Number)
        );
        // 6 of 11 would say that 1 case did not record it: its number alone is shown.
        let wishes = &view.themes[1].cells[0];
        assert_eq!(wishes.words, "6");
        assert!(wishes.recorded.is_suppressed() && wishes.share.is_none());

        let shown = |figures: &[Figure]| -> Vec<String> {
            figures.iter().map(ToString::to_string).collect()
        };
        // Judgements 5, 3, 1 and 1 without: both small ones are hidden already.
        assert_eq!(
            shown(&view.meetings[1].judgements),
            ["5", "3", "fewer than 3"]
        );
        assert_eq!(view.meetings[1].unjudged.to_string(), "fewer than 3");
        // 8, 5, 1 and none without: the 5 goes too, or 14 − 8 − 5 gives the 1.
        let november = &view.meetings[2];
        assert_eq!(
            shown(&november.judgements),
            ["8", "not shown", "fewer than 3"]
        );
        assert_eq!(november.unjudged, Figure::Shown(0));
        // Yes 13 and No 1 of 14: the 13 would give the 1 away.
        assert_eq!(view.checks[0].cells[2], "Yes not shown · No fewer than 3");
        assert_eq!(view.checks[0].cells[0], "Yes 9 · No 3");

        trends.suppress_below = 0;
        let view = TrendsView::new(&trends, &l);
        assert_eq!(view.themes[0].cells[2].words, "1 of 14 (7%)");
        assert_eq!(view.themes[1].cells[0].words, "6 of 11 (55%)");
    }
}
