//! Dates in the privacy scan: which digit runs are dates that can exist, which is the
//! meeting's own date (it identifies no one), and where a date counts at all.
//!
//! A case file or an observation is about people, so any full date in it may be a date
//! of birth. The background, summary and closing remarks name meeting and review periods
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
    Regex::new(r"(?i)\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday)(?:\b|$)")
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
/// `meeting` (`YYYY-MM-DD`).
pub fn is_meeting_date(text: &str, meeting: &str) -> bool {
    let mut meeting = meeting.split('-').filter_map(|p| p.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (meeting.next(), meeting.next(), meeting.next())
    else {
        return false;
    };
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
    let (found_year, a, b) = match (named, numbers.as_slice()) {
        (Some(m), &[d, y]) => (y, d, m),
        (None, &[y, m, d]) if y > 999 => (y, d, m),
        (None, &[d, m, y]) => (y, d, m),
        _ => return false,
    };
    let same_year = found_year == year || (found_year < 100 && found_year == year % 100);
    same_year && ((a, b) == (day, month) || (b, a) == (day, month))
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
