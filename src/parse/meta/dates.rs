//! A date written some other way, rewritten as YYYY-MM-DD for a "did you mean".
//!
//! Panel officers write dates the British way: `14/05/2024`, `14.05.2024`, `14 May 2024`.
//! Numbers are read day first, as in the UK, and a suggestion is made only when the
//! result is a real date and nothing else could be meant: a two-digit year is left
//! alone, since its century is a guess.

use super::is_calendar_date;

/// The months in English, lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The calendar date `days` after 1970-01-01, as `YYYY-MM-DD` (Howard Hinnant's
/// `civil_from_days`): for today's date, and a file's, without a date crate.
pub fn from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `text` as `YYYY-MM-DD`, when it is a date written another way.
pub fn rewrite(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 && a.bytes().all(|b| b.is_ascii_digit()) {
        (a, month_of(b)?, day_of(c)?)
    } else if let Some(month) = month_name(a) {
        // `May 14, 2024`: a month name first can only be read one way.
        (c, month, day_of(b)?)
    } else {
        (c, month_of(b)?, day_of(a)?)
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = format!("{year}-{month:02}-{day:02}");
    is_calendar_date(&date).then_some(date)
}

fn day_of(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    (digits.len() <= 2).then(|| digits.parse().ok()).flatten()
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    month_name(word)
}

/// A month's name, in full or its first three letters (`Sept` too).
fn month_name(word: &str) -> Option<u32> {
    let word = if word == "sept" { "sep" } else { word };
    MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.starts_with(word))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_dates_are_rewritten() {
        for (written, meant) in [
            ("14/05/2024", "2024-05-14"),
            ("14.05.2024", "2024-05-14"),
            ("14-5-2024", "2024-05-14"),
            ("14 May 2024", "2024-05-14"),
            ("14th May 2024", "2024-05-14"),
            ("1 Sept 2021", "2021-09-01"),
            ("May 14, 2024", "2024-05-14"),
            ("2024/05/14", "2024-05-14"),
            ("2024-5-4", "2024-05-04"),
            ("29 february 2024", "2024-02-29"),
        ] {
            assert_eq!(rewrite(written).as_deref(), Some(meant), "{written}");
        }
    }

    #[test]
    fn anything_unsure_is_left_alone() {
        for written in [
            "05/14/2024",
            "14/05/24",
            "29 February 2023",
            "sometime in May",
            "14 Ma 2024",
            "",
            "2024",
        ] {
            assert_eq!(rewrite(written), None, "{written}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::rewrite;
        use crate::parse::meta::is_calendar_date;

        proptest! {
            #[test]
            fn a_suggestion_is_always_a_real_date(text in "\\PC{0,24}") {
                if let Some(date) = rewrite(&text) {
                    prop_assert!(is_calendar_date(&date), "{} from {}", date, text);
                }
            }

            #[test]
            fn a_real_date_in_uk_order_comes_back_as_itself(y in 1900u32..2100, m in 1u32..13, d in 1u32..29) {
                let date = format!("{y}-{m:02}-{d:02}");
                prop_assert_eq!(rewrite(&format!("{d}/{m}/{y}")), Some(date.clone()));
                prop_assert_eq!(rewrite(&format!("{d:02}.{m:02}.{y}")), Some(date));
            }
        }
    }
}
