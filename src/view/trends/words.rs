//! The sentences every trends file says alike, put together from the catalogue's words:
//! how long an observation has been open, a theme's "3 of 12 (25%)", a check's answers
//! and the range's period. They live apart from [`super::TrendsView`] so that the view
//! only decides what each record holds, and each sentence is tested on its own.

use crate::analyse::trends::{Tracked, Trends, months_between};
use crate::catalogue::{Labels, fill};
use crate::model::Answer;
use crate::view::wording::{answer_label, long_date, percent};
use crate::view::{Figure, share};

/// `3 of 12 (25%)`: a theme's cases at one meeting and their share, as a whole
/// percentage of that meeting's cases.
pub fn count_share(l: &Labels, count: usize, total: usize) -> String {
    fill(
        &l.count_share,
        &[
            ("count", &count.to_string()),
            ("total", &total.to_string()),
            ("share", &percent(share(count, total))),
        ],
    )
}

/// `14 March 2023 to 21 November 2023`, the range's first and last meetings.
pub fn period(l: &Labels, trends: &Trends) -> Option<String> {
    let (from, to) = trends.period()?;
    Some(fill(
        &l.period_range,
        &[("from", &long_date(l, from)), ("to", &long_date(l, to))],
    ))
}

/// `Open for 8 months (2 later meetings)`, or `Closed after 3 months (1 later meeting)`:
/// from the meeting that raised it to the meeting that closed it, or to the latest.
pub fn time_open(l: &Labels, tracked: &Tracked) -> String {
    let time = match months_between(&tracked.meeting_date, &tracked.open_until) {
        Some(0) | None => l.under_a_month.clone(),
        Some(1) => fill(&l.month_one, &[("count", "1")]),
        Some(n) => fill(&l.month_many, &[("count", &n.to_string())]),
    };
    let meetings = match tracked.meetings_open {
        0 => l.later_meeting_none.clone(),
        1 => fill(&l.later_meeting_one, &[("count", "1")]),
        n => fill(&l.later_meeting_many, &[("count", &n.to_string())]),
    };
    let template = if tracked.is_open() {
        &l.open_for
    } else {
        &l.closed_after
    };
    fill(template, &[("time", &time), ("meetings", &meetings)])
}

/// Characters of an observation the tracker's table shows; the whole text follows it.
const IN_BRIEF: usize = 110;

/// The start of an observation's text for the tracker's table, cut at a word.
pub fn in_brief(tracked: &Tracked) -> String {
    shortened(&crate::model::blocks_text(&tracked.text), IN_BRIEF)
}

/// `text` cut at a word to at most `max` characters, with an ellipsis when cut.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// `Yes 9 · No 3`: one check's answers at one meeting, as shown.
pub fn answer_counts(l: &Labels, answers: &[(Answer, Figure)]) -> String {
    answers
        .iter()
        .map(|(a, n)| format!("{} {n}", answer_label(l, *a)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The label of a judgement id of the scale; the id itself for one not on it.
pub fn judgement_label<'t>(trends: &'t Trends, id: &'t str) -> &'t str {
    trends
        .judgement_scale
        .iter()
        .find(|c| c.id == id)
        .map_or(id, |c| c.label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::example;

    #[test]
    fn the_tracker_shortens_long_observations_at_a_word() {
        assert_eq!(shortened("Short.", 10), "Short.");
        assert_eq!(
            shortened("Referrals were not offered, again", 28),
            "Referrals were not offered…"
        );
        assert_eq!(shortened("ŵŵŵŵŵŵ", 3), "ŵŵŵ…");
        let trends = example();
        assert_eq!(
            in_brief(&trends.observations[0]),
            "Referrals to diversion schemes were not offered in three cases."
        );
    }

    #[test]
    fn shares_are_whole_percentages_of_each_meeting() {
        let l = Labels::english();
        assert_eq!(count_share(&l, 3, 12), "3 of 12 (25%)");
        assert_eq!(count_share(&l, 1, 3), "1 of 3 (33%)");
        assert_eq!(count_share(&l, 0, 0), "0 of 0 (0%)");
        let cy = Labels::built_in("cy").unwrap();
        assert_eq!(count_share(&cy, 3, 12), "3 o 12 (25%)");
    }

    #[test]
    fn time_open_counts_months_and_later_meetings() {
        let trends = example();
        let said: Vec<String> = trends
            .observations
            .iter()
            .map(|o| time_open(&Labels::english(), o))
            .collect();
        assert_eq!(
            said,
            [
                "Open for 8 months (2 later meetings)",
                "Open for 5 months (1 later meeting)",
                "Open for less than a month (no later meeting)",
                "Closed after 3 months (1 later meeting)",
            ]
        );
        let cy = Labels::built_in("cy").unwrap();
        assert_eq!(
            time_open(&cy, &trends.observations[0]),
            "Ar agor ers 8 mis (2 cyfarfod diweddarach)"
        );
    }

    #[test]
    fn the_period_and_answers_read_as_words() {
        let trends = example();
        let l = &Labels::english();
        assert_eq!(
            period(l, &trends).as_deref(),
            Some("14 March 2023 to 21 November 2023")
        );
        let answers: Vec<(Answer, Figure)> = trends.checks[1].by_meeting[0]
            .answers
            .iter()
            .map(|(a, n)| (*a, Figure::Shown(*n)))
            .collect();
        assert_eq!(answer_counts(l, &answers), "Yes 10 · Partly 1 · Unclear 1");
        assert_eq!(judgement_label(&trends, "inappropriate"), "Inappropriate");
        assert_eq!(judgement_label(&trends, "odd"), "odd");
    }
}
