//! Dates in the privacy scan: which digit runs are dates that can exist, and which is
//! the meeting's own date, which identifies no one.

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
