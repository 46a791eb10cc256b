//! Finding a meeting's date in a sentence: in words ("29th September 2021", "Wednesday
//! 29 September 2021", "September 29, 2021") or in digits ("29/09/2021", "2021-09-29").
//! Digits with slashes are read day first, as British reports write them.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::meta::dates::MONTHS;

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+(\d{{4}})\b"
    ))
    .expect("a valid pattern")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("a valid pattern")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("a valid pattern"));
static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").expect("a valid pattern")
});

/// The first valid date in `text`, as `YYYY-MM-DD`.
pub fn find(text: &str) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        if let Some(date) = ymd(&c[3], month(&c[2]), &c[1]) {
            found.push((c.get(0).map_or(0, |m| m.start()), date));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        if let Some(date) = ymd(&c[3], month(&c[1]), &c[2]) {
            found.push((c.get(0).map_or(0, |m| m.start()), date));
        }
    }
    for c in ISO.captures_iter(text) {
        if let Some(date) = ymd(&c[1], c[2].parse().ok(), &c[3]) {
            found.push((c.get(0).map_or(0, |m| m.start()), date));
        }
    }
    for c in SLASHED.captures_iter(text) {
        if let Some(date) = ymd(&c[3], c[2].parse().ok(), &c[1]) {
            found.push((c.get(0).map_or(0, |m| m.start()), date));
        }
    }
    found.into_iter().min().map(|(_, date)| date)
}

fn month(name: &str) -> Option<u32> {
    let name = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&name[..name.len().min(3)]))
        .map(|i| i as u32 + 1)
}

fn ymd(year: &str, month: Option<u32>, day: &str) -> Option<String> {
    let year: u32 = year.parse().ok()?;
    let month = month.filter(|m| (1..=12).contains(m))?;
    let day: u32 = day.parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    ((1900..=2999).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn dates_in_words_and_digits() {
        for text in [
            "a meeting via Skype on the 29th September 2021 to review",
            "Wednesday 29 September 2021",
            "held on September 29, 2021.",
            "29/09/2021",
            "Date: 2021-09-29",
            "29 Sept 2021",
            "29th of September, 2021",
        ] {
            assert_eq!(find(text).as_deref(), Some("2021-09-29"), "{text}");
        }
    }

    #[test]
    fn the_earliest_date_wins_and_impossible_dates_are_not_dates() {
        assert_eq!(
            find("On 1/2/2020, after 3 March 2019").as_deref(),
            Some("2020-02-01")
        );
        assert_eq!(find("31/02/2021 and 30 February 2021"), None);
        assert_eq!(find("Objective 9 of 2020"), None);
    }
}
