//! A panel's meetings side by side: the data behind index.html and the trends files.
//!
//! The archive layer fills a [`Trends`] from the meetings in a date range; the renderers
//! in `render::trends` only arrange it. It is plain data, as the rest of the analysis is:
//! counts, case numbers, statuses and dates, never a sentence. The one calculation kept
//! here, [`months_between`], is date arithmetic every renderer of the tracker needs alike.

use crate::model::{Answer, Block, Choice, Status, ThemeKind};

/// A panel's meetings in one date range, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    /// panel.yaml's `title:`.
    pub title: String,
    /// panel.yaml's `panel:`, such as "Hate Crime Quality Assurance Panel".
    pub panel: Option<String>,
    pub organisation: Option<String>,
    /// `en` or `cy`: the language these trends are written in.
    pub language: String,
    /// The archive's `languages:`, in order, each written as trends of its own; just
    /// `language` for an archive in one language.
    pub languages: Vec<String>,
    /// Whether `language` is another than the plain files', as a translated version is:
    /// the data files, which are in the plain files' language, are not written from it.
    pub translated: bool,
    /// `YYYY-MM-DD`: the date of the latest meeting in range.
    pub as_of: String,
    /// The protective marking of the latest meeting in range (of its copy, for an
    /// audience's trends), printed on every page as a report's is.
    pub marking: Option<String>,
    /// Oldest first.
    pub meetings: Vec<MeetingRow>,
    /// The judgement scale, for column order and labels.
    pub judgement_scale: Vec<Choice>,
    /// Each case type judged on a scale of its own at any meeting in range, in the
    /// order first seen.
    pub type_judgements: Vec<TypeJudgementTrend>,
    /// Concerns first, then good practice, each in themes.yaml's order.
    pub themes: Vec<ThemeTrend>,
    /// In report.yaml's order.
    pub checks: Vec<CheckTrend>,
    /// Open ones first (oldest raised first), then closed ones.
    pub observations: Vec<Tracked>,
    /// The cases carried over that no meeting up to the latest in range has judged,
    /// oldest first.
    pub carried: Vec<CarriedCase>,
    /// The audience's `suppress_below:` when these are one audience's trends: a count of
    /// cases from 1 to one less is shown as "fewer than" it. 0 shows every number.
    pub suppress_below: u32,
}

/// One meeting of the range.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRow {
    /// The folder's path relative to the archive: `2023-06` or `2023/06`.
    pub id: String,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a meeting dated by its month.
    pub meeting_date: String,
    /// Its `session:`, which of a day's sittings it was.
    pub session: Option<String>,
    pub title: String,
    pub total_cases: usize,
    /// (judgement id, cases), in `judgement_scale` order, zeros included.
    pub judgements: Vec<(String, usize)>,
    /// Cases with no judgement.
    pub unjudged: usize,
    /// The relative link from output/ to its page: `2023-06/report.html`.
    pub report: String,
}

/// A case type's own judgement scale across the meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeJudgementTrend {
    /// The type's id in `case_types:`, and its label.
    pub kind: String,
    pub label: String,
    /// Every judgement of the type's scale at any meeting, in the order first seen.
    pub scale: Vec<Choice>,
    /// One per meeting, in order: its cases of the type per judgement of `scale`, then
    /// those with none; all zeros at a meeting that did not judge the type so.
    pub by_meeting: Vec<Vec<usize>>,
}

/// One theme across the meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeTrend {
    pub id: String,
    pub label: String,
    pub kind: ThemeKind,
    /// One per meeting in range, in the order of [`Trends::meetings`].
    pub by_meeting: Vec<ThemeInMeeting>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeInMeeting {
    /// The meeting's id.
    pub meeting: String,
    pub count: usize,
    /// Its cases, by number or, in a meeting with types, by name.
    pub cases: Vec<TrendCase>,
    /// That meeting's cases.
    pub total_cases: usize,
    /// The cases that recorded it, for the share: all of them, but for a theme read
    /// only from answers those that answered. A case without an answer is not a "no".
    pub recorded: usize,
}

/// A case as a trend lists it: its number, or, for a case of a type, its name by type
/// ("S&S 2"), since a meeting's searches and uses of force each have a case 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrendCase {
    Number(u32),
    Named(String),
}

/// As a number, or as the name, so that an archive without types lists numbers as always.
impl serde::Serialize for TrendCase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TrendCase::Number(number) => number.serialize(serializer),
            TrendCase::Named(name) => name.serialize(serializer),
        }
    }
}

/// One checklist question across the meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckTrend {
    pub id: String,
    pub label: String,
    pub by_meeting: Vec<CheckInMeeting>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckInMeeting {
    pub meeting: String,
    /// In [`Answer::ALL`] order, only answers given (count > 0).
    pub answers: Vec<(Answer, usize)>,
}

/// An observation followed from the meeting that raised it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    /// `2023-03/referrals`: the meeting's id, `/`, the observation's file stem.
    pub id: String,
    /// The meeting that raised it.
    pub meeting: String,
    pub meeting_date: String,
    pub session: Option<String>,
    /// Its number in that meeting's report, such as `4.2`.
    pub number: String,
    pub text: Vec<Block>,
    /// The force's response; may be empty.
    pub response: Vec<Block>,
    /// Its status as of [`Trends::as_of`].
    pub status: Status,
    /// `YYYY-MM-DD`: the date of the meeting whose update closed it, or `as_of` while open.
    pub open_until: String,
    /// How many later meetings in range it stayed open through.
    pub meetings_open: usize,
    /// Its updates, in meeting order.
    pub history: Vec<Step>,
}

impl Tracked {
    pub fn is_open(&self) -> bool {
        self.status != Status::Closed
    }
}

/// A case carried over and not judged as of [`Trends::as_of`]: where it stands now, and
/// how long it has waited.
#[derive(Debug, Clone, PartialEq)]
pub struct CarriedCase {
    /// The meeting where it stands: the one that carried it over last, or the one that
    /// took it up and has not judged it yet; its date, and the case as its report names
    /// it, with the case's anchor in that report.
    pub meeting: String,
    pub meeting_date: String,
    pub case: String,
    pub anchor: String,
    /// `2026-03/case-04`: that case, as a `carried_from:` names it.
    pub id: String,
    /// The date of the meeting that first carried it over.
    pub since: String,
    /// How many later meetings in range it has waited through.
    pub meetings_open: usize,
}

/// One meeting's update on an observation, as the follow-up of each meeting has it.
pub use crate::analyse::follow::Step;

impl Trends {
    /// The meeting with this id, if it is in range.
    pub fn meeting(&self, id: &str) -> Option<&MeetingRow> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The first and last meeting dates of the range.
    pub fn period(&self) -> Option<(&str, &str)> {
        let first = self.meetings.first()?;
        let last = self.meetings.last()?;
        Some((&first.meeting_date, &last.meeting_date))
    }
}

/// Whole calendar months from the date `from` to the date `to`, both `YYYY-MM-DD`: a
/// month counts once its day of the month is reached again, so 14 March to 13 April is 0
/// and to 14 April is 1. A meeting dated by its month (`YYYY-MM`) has no day to reach, so
/// from or to one only the months are counted. `None` for a date that does not read; 0
/// when `to` is earlier.
pub fn months_between(from: &str, to: &str) -> Option<u32> {
    let (y1, m1, d1) = ymd(from)?;
    let (y2, m2, d2) = ymd(to)?;
    let mut months = (i64::from(y2) - i64::from(y1)) * 12 + i64::from(m2) - i64::from(m1);
    if let (Some(d1), Some(d2)) = (d1, d2)
        && d2 < d1
    {
        months -= 1;
    }
    Some(u32::try_from(months.max(0)).unwrap_or(u32::MAX))
}

fn ymd(date: &str) -> Option<(u32, u32, Option<u32>)> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = match parts.next() {
        None => None,
        Some(day) => Some(day.parse().ok().filter(|d| (1..=31).contains(d))?),
    };
    Some((year, month, day))
}

/// A small archive of three meetings for the renderers' tests, and for looking at the
/// files they write (`cargo test --lib write_the_example -- --ignored`).
#[cfg(test)]
pub(crate) fn example() -> Trends {
    example::trends()
}

#[cfg(test)]
mod example;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_once_the_day_comes_round() {
        assert_eq!(months_between("2023-03-14", "2023-03-14"), Some(0));
        assert_eq!(months_between("2023-03-14", "2023-04-13"), Some(0));
        assert_eq!(months_between("2023-03-14", "2023-04-14"), Some(1));
        assert_eq!(months_between("2023-03-14", "2023-12-05"), Some(8));
        assert_eq!(months_between("2022-11-30", "2024-02-01"), Some(14));
        assert_eq!(months_between("2023-06-01", "2023-03-01"), Some(0));
        assert_eq!(months_between("2023-13-01", "2024-01-01"), None);
        assert_eq!(months_between("March 2023", "2024-01-01"), None);
        assert_eq!(months_between("2023-03", "2023-04-01"), Some(1));
        assert_eq!(months_between("2023-03-31", "2023-04"), Some(1));
        assert_eq!(months_between("2023-03", "2023-03-31"), Some(0));
        assert_eq!(months_between("2023-03-", "2023-04-01"), None);
    }

    #[test]
    fn the_example_keeps_the_promised_order() {
        let trends = example();
        assert_eq!(trends.meetings.len(), 3);
        assert!(
            trends
                .meetings
                .windows(2)
                .all(|w| w[0].meeting_date < w[1].meeting_date)
        );
        for theme in &trends.themes {
            let ids: Vec<&str> = theme
                .by_meeting
                .iter()
                .map(|b| b.meeting.as_str())
                .collect();
            let meetings: Vec<&str> = trends.meetings.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(ids, meetings, "{}", theme.id);
        }
        let open: Vec<bool> = trends.observations.iter().map(Tracked::is_open).collect();
        assert_eq!(open, [true, true, true, false]);
        assert_eq!(trends.period(), Some(("2023-03-14", "2023-11-21")));
    }
}
