//! Dates in the privacy scan: which digit runs are dates that can exist, which is the
//! meeting's own date (it identifies no one), and where a date counts at all.
//!
//! A case file or an observation is about people, so any full date in it may be a date
//! of birth. Most are the incident's or the viewing's, from the months before the
//! meeting: those are told apart ([`is_recent`]) so that a panel can accept them all at
//! once, while a date next to a word for birth, or any older date, still counts. The background, summary and closing remarks name meeting and review periods
//! ("1 April 2024 to 31 March 2025") as a matter of course, so there a date counts only
//! next to "born", "DOB" or "date of birth"; so too in report.yaml's and themes.yaml's
//! published text, which is about the review as a whole.

use std::sync::LazyLock;

use regex::Regex;

/// Where a full date counts as a possible date of birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// Case files and observations.
    Always,
    /// Text about the review as a whole: only a date next to a word for birth.
    NearBirth,
}

/// How many characters either side of a date "next to" reaches, on the date's own line.
const NEAR: usize = 40;

static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:born|d\.?o\.?b\.?|date[\s_]+of[\s_]+birth|birth[\s_]*date|birthday|aged|geni)(?:\b|$)")
        .expect("built-in pattern is valid")
});

/// Whether the date at `start..end` of `text` has "born", "DOB", "date of birth" or the
/// like next to it on its line: a little before it with no other number between (`born
/// on 12 March 1985`), or straight after it with no number of its own (`12/03/1985
/// (DOB)`), so that in "next meeting 14/05/2024; DOB 1 May 1990" only the second counts.
pub fn near_birth(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let chars: Vec<char> = text[line_start..start].chars().collect();
    let before: String = chars[chars.len().saturating_sub(NEAR)..].iter().collect();
    let before_ok = BIRTH
        .find_iter(&before)
        .last()
        .is_some_and(|m| !before[m.end()..].contains(|c: char| c.is_ascii_digit()));
    let after: String = text[end..line_end].chars().take(NEAR).collect();
    let word = after.trim_start_matches(|c: char| c.is_whitespace() || "(,;:-–".contains(c));
    let after_ok = BIRTH.find(word).is_some_and(|m| {
        m.start() == 0 && !word[m.end()..].chars().take(4).any(|c| c.is_ascii_digit())
    });
    before_ok || after_ok
}

pub const DATE: &str = "a full date (possibly a date of birth)";

/// A full date from the two years up to the meeting, not next to a word for birth.
pub const RECENT: &str = "a full date (an incident or viewing date?)";

/// How far before the meeting a date may be and still be taken for the incident's.
const RECENT_YEARS: u32 = 2;

pub const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

/// Whether `text`, a run of digits separated by `/`, `.` or `-` around a date, is a date
/// that can exist: day and month in range either way round, and a plausible year.
pub fn is_digit_date(text: &str) -> bool {
    let parts: Vec<u32> = text
        .trim_matches(|c: char| !c.is_ascii_digit())
        .split(['/', '.', '-'])
        .filter_map(|p| p.parse().ok())
        .collect();
    let &[a, b, c] = parts.as_slice() else {
        return false;
    };
    let (year, first, second) = if a > 999 { (a, c, b) } else { (c, a, b) };
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let year_ok = year < 100 || (1900..=2099).contains(&year);
    year_ok && (day_month(first, second) || day_month(second, first))
}

/// Whether a date found in the text, in any form the scan finds, is the meeting date
/// `meeting` (`YYYY-MM-DD`). No day is a meeting dated by its month.
pub fn is_meeting_date(text: &str, meeting: &str) -> bool {
    ymd(meeting).is_some_and(|day| readings(text, day.0).contains(&day))
}

/// Whether a date found in the text falls in the two years up to the meeting `meeting`
/// (`YYYY-MM-DD`), that day included; a meeting dated by its month (`YYYY-MM`) reaches to
/// the month's last day. A digit date is read day first, as British panels write it,
/// unless only the other way round is a date.
pub fn is_recent(text: &str, meeting: &str) -> bool {
    let Some(to) = ymd(&crate::parse::meta::last_day(meeting)) else {
        return false;
    };
    let from = (to.0.saturating_sub(RECENT_YEARS), to.1, to.2);
    readings(text, to.0)
        .first()
        .is_some_and(|day| (from..=to).contains(day))
}

/// A `YYYY-MM-DD` date as numbers.
fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// The calendar days a date found in the text may be, as (year, month, day): one, or two
/// for a digit date whose day and month could be either way round, day first first. A two-digit year is
/// taken in the century that puts it at or before `year`, the meeting's.
fn readings(text: &str, year: u32) -> Vec<(u32, u32, u32)> {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect();
    let lower = text.to_lowercase();
    let named = MONTHS
        .split('|')
        .position(|m| lower.contains(&m.to_lowercase()))
        .map(|i| {
            [
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12,
            ][i]
        });
    let (found_year, day, month) = match (named, numbers.as_slice()) {
        (Some(m), &[d, y]) => (y, d, m),
        (None, &[y, m, d]) if y > 999 => (y, d, m),
        (None, &[d, m, y]) => (y, d, m),
        _ => return Vec::new(),
    };
    let full_year = match found_year {
        0..=99 if 2000 + found_year <= year => 2000 + found_year,
        0..=99 => 1900 + found_year,
        _ => found_year,
    };
    let mut days = Vec::new();
    for (d, m) in [(day, month), (month, day)] {
        let day = (full_year, m, d);
        if (1..=12).contains(&m) && (1..=31).contains(&d) && !days.contains(&day) {
            // A named month is never read the other way round.
            if named.is_none() || m == month {
                days.push(day);
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str, date: &str) -> bool {
        let start = text.find(date).unwrap();
        near_birth(text, start, start + date.len())
    }

    #[test]
    fn a_date_is_near_birth_only_with_a_word_for_it_close_by_on_its_line() {
        assert!(near("She was born on 12 March 1985.", "12 March 1985"));
        assert!(near("DOB: 12/03/1985", "12/03/1985"));
        assert!(near("12/03/1985 (d.o.b.)", "12/03/1985"));
        assert!(near(
            "Her date of birth, 12/03/1985, was wrong.",
            "12/03/1985"
        ));
        assert!(!near(
            "The review period ended on 31 March 2024.",
            "31 March 2024"
        ));
        assert!(!near(
            "A stubborn delay until 31 March 2024.",
            "31 March 2024"
        ));
        assert!(!near(
            "Born in Wales.\nThe period ended 31 March 2024.",
            "31 March 2024"
        ));
        assert!(!near(
            "Next meeting 14/05/2024; DOB 1 May 1990",
            "14/05/2024"
        ));
        assert!(near(
            "Next meeting 14/05/2024; DOB 1 May 1990",
            "1 May 1990"
        ));
        assert!(!near("Born 1985, reviewed 31 March 2024", "31 March 2024"));
        let far = format!("Born {} on 31 March 2024", "x".repeat(60));
        assert!(!near(&far, "31 March 2024"));
    }

    #[test]
    fn a_date_is_recent_when_every_reading_of_it_is_in_the_two_years_to_the_meeting() {
        let meeting = "2025-02-12";
        for text in [
            "12/02/2025",
            "2023-02-12",
            "3 March 2024",
            "01/02/24",
            "4.5.2024",
            "13/12/2024",
        ] {
            assert!(is_recent(text, meeting), "{text}");
        }
        for text in [
            "11/02/2023",
            "13/02/2025",
            "12/03/1985",
            "12/03/87",
            "1 March 2026",
            "02/11/2025",
        ] {
            assert!(!is_recent(text, meeting), "{text}");
        }
    }

    #[test]
    fn a_month_meeting_is_recent_to_its_last_day_and_no_day_is_it() {
        for text in ["28/02/2025", "1 February 2025", "01/03/2023"] {
            assert!(is_recent(text, "2025-02"), "{text}");
        }
        for text in ["01/03/2025", "27/02/2023"] {
            assert!(!is_recent(text, "2025-02"), "{text}");
        }
        for text in ["01/02/2025", "2025-02-01", "February 2025", "28/02/2025"] {
            assert!(!is_meeting_date(text, "2025-02"), "{text}");
        }
    }

    #[test]
    fn birth_cues_include_field_names_ages_and_welsh() {
        assert!(near("date_of_birth: 12/03/2024", "12/03/2024"));
        assert!(near("dob: 12/03/2024", "12/03/2024"));
        assert!(near("Dyddiad geni 12/03/2024", "12/03/2024"));
        assert!(near("aged 3, born 12/03/2022", "12/03/2022"));
    }

    #[test]
    fn the_meeting_date_is_known_in_every_form() {
        for text in [
            "29/09/2021",
            "29.09.2021",
            "2021-09-29",
            "29/9/21",
            "29 September 2021",
            "29th Sept 2021",
            "9/29/2021",
        ] {
            assert!(is_meeting_date(text, "2021-09-29"), "{text}");
        }
        for text in ["30/09/2021", "29/09/2020", "29 October 2021", "1985-03-12"] {
            assert!(!is_meeting_date(text, "2021-09-29"), "{text}");
        }
    }
}
