//! Wording shared by every renderer, so that the HTML, the Word document and the terminal
//! say the same thing in the same words.

use crate::model::Answer;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2021-09-29` as `29 September 2021`; anything else is returned as it is.
pub fn long_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
    {
        return format!("{d} {} {y}", MONTHS[m - 1]);
    }
    iso.to_string()
}

/// `6, 10, 14`.
pub fn case_list(cases: &[u32]) -> String {
    cases
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A share of the cases as a whole percentage.
pub fn share(count: usize, total: usize) -> u32 {
    if total == 0 {
        0
    } else {
        ((count as f64 / total as f64) * 100.0).round() as u32
    }
}

/// `(4 of 16 cases: 6, 10, 14, 16)`.
pub fn count_note(cases: &[u32], total: usize) -> String {
    let noun = if total == 1 { "case" } else { "cases" };
    if cases.is_empty() {
        format!("(0 of {total} {noun})")
    } else {
        format!("({} of {total} {noun}: {})", cases.len(), case_list(cases))
    }
}

/// How an answer is shown to readers.
pub fn answer_label(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "Yes",
        Answer::Partial => "Partly",
        Answer::No => "No",
        Answer::Unclear => "Unclear",
        Answer::Split => "Panel split",
        Answer::NotApplicable => "N/A",
    }
}

/// A strand id as words: `sexual-orientation` becomes `Sexual orientation`.
pub fn strand_label(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(long_date("2021-09-29"), "29 September 2021");
        assert_eq!(
            count_note(&[6, 10, 14, 16], 16),
            "(4 of 16 cases: 6, 10, 14, 16)"
        );
        assert_eq!(share(3, 16), 19);
        assert_eq!(strand_label("sexual-orientation"), "Sexual orientation");
    }
}
