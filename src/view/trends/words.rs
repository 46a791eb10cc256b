//! The sentences every trends file says alike, put together from the catalogue's words:
//! how long an observation has been open, a theme's "3 of 12 (25%)" and its change from
//! one meeting to another, a check's answers and the range's period. They live apart from [`super::TrendsView`] so that the view
//! only decides what each record holds, and each sentence is tested on its own.

use crate::analyse::interval::{Change, Interval, Verdict};
use crate::analyse::trends::{CarriedCase, Tracked, Trends, months_between};
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

/// `1 of 8, down from 3 of 12: within what chance gives with so few cases`: a theme's
/// change from `earlier` to `later`, each (cases, cases that recorded it). It never
/// says better or worse, which depends on the theme, and a change within what chance
/// gives is said to be so; a clear one gives its interval in percentage points.
pub fn change_words(
    l: &Labels,
    earlier: (usize, usize),
    later: (usize, usize),
    change: &Change,
) -> String {
    let of = |(count, total): (usize, usize)| {
        fill(
            &l.count_of_total,
            &[("count", &count.to_string()), ("total", &total.to_string())],
        )
    };
    // Compared as counts, so that 1 of 3 and 2 of 6 are the same share to the last place.
    let (now, before) = (later.0 * earlier.1, earlier.0 * later.1);
    let direction = match now.cmp(&before) {
        std::cmp::Ordering::Greater => &l.change_up,
        std::cmp::Ordering::Less => &l.change_down,
        std::cmp::Ordering::Equal => &l.change_same,
    };
    let moved = fill(direction, &[("now", &of(later)), ("before", &of(earlier))]);
    match change.verdict {
        Verdict::NoClearChange => fill(&l.change_within_chance, &[("change", &moved)]),
        Verdict::Up | Verdict::Down => fill(
            &l.change_beyond_chance,
            &[
                ("change", &moved),
                ("low", &points(change.interval.low)),
                ("high", &points(change.interval.high)),
            ],
        ),
    }
}

/// A difference of two fractions in whole percentage points, signed: `+17`, `−26`.
fn points(difference: f64) -> String {
    let points = (difference * 100.0).round() as i64;
    match points {
        0 => "0".to_string(),
        p if p > 0 => format!("+{p}"),
        p => format!("−{}", p.unsigned_abs()),
    }
}

/// `3 of 12 (25%); 95% interval 9% to 53%`: a share as `words` say it, with the range
/// that chance alone gives with so few cases.
pub fn share_interval(l: &Labels, words: &str, interval: Interval) -> String {
    let whole = |f: f64| percent((f * 100.0).round() as u32);
    fill(
        &l.share_interval,
        &[
            ("share", words),
            ("low", &whole(interval.low)),
            ("high", &whole(interval.high)),
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
    waited(
        l,
        (&tracked.meeting_date, &tracked.open_until),
        tracked.meetings_open,
        tracked.is_open(),
    )
}

/// `Open for 3 months (1 later meeting)`: how long a carried-over case has waited for a
/// judgement, from the meeting that first carried it over to the latest.
pub fn carried_open(l: &Labels, carried: &CarriedCase, as_of: &str) -> String {
    waited(l, (&carried.since, as_of), carried.meetings_open, true)
}

/// The time from one date to another, in months, and the meetings held in it.
fn waited(l: &Labels, (from, to): (&str, &str), meetings: usize, open: bool) -> String {
    let time = match months_between(from, to) {
        Some(0) | None => l.under_a_month.clone(),
        Some(1) => fill(&l.month_one, &[("count", "1")]),
        Some(n) => fill(&l.month_many, &[("count", &n.to_string())]),
    };
    let meetings = match meetings {
        0 => l.later_meeting_none.clone(),
        1 => fill(&l.later_meeting_one, &[("count", "1")]),
        n => fill(&l.later_meeting_many, &[("count", &n.to_string())]),
    };
    let template = if open { &l.open_for } else { &l.closed_after };
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
    fn a_change_within_chance_is_said_to_be_so_and_never_called_better_or_worse() {
        let l = Labels::english();
        let said = |earlier, later| {
            let change = crate::analyse::interval::change(earlier, later);
            change_words(&l, earlier, later, &change)
        };
        assert_eq!(
            said((3, 12), (1, 8)),
            "1 of 8, down from 3 of 12: within what chance gives with so few cases"
        );
        assert_eq!(
            said((3, 10), (9, 10)),
            "9 of 10, up from 3 of 10: more than chance alone gives (95% interval +17 to +81 points)"
        );
        assert_eq!(
            said((9, 10), (3, 10)),
            "3 of 10, down from 9 of 10: more than chance alone gives (95% interval −81 to −17 points)"
        );
        assert_eq!(
            said((1, 3), (2, 6)),
            "2 of 6, the same share as 1 of 3: within what chance gives with so few cases"
        );
        for (earlier, later) in [((3, 12), (1, 8)), ((0, 5), (5, 5)), ((2, 9), (2, 9))] {
            let words = said(earlier, later).to_lowercase();
            assert!(
                !words.contains("improv") && !words.contains("wors"),
                "{words}"
            );
        }
        let cy = Labels::built_in("cy").unwrap();
        let change = crate::analyse::interval::change((3, 12), (1, 8));
        assert_eq!(
            change_words(&cy, (3, 12), (1, 8), &change),
            "1 o 8, i lawr o 3 o 12: o fewn yr hyn y gall siawns ei roi gyda chyn lleied o achosion"
        );
        assert_eq!(
            share_interval(&l, "3 of 12 (25%)", crate::analyse::interval::wilson(3, 12)),
            "3 of 12 (25%); 95% interval 9% to 53%"
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
