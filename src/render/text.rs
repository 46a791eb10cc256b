//! Wording shared by every renderer, so that the HTML, the Word document and the terminal
//! say the same thing in the same words.

use crate::analyse::{Evidence, EvidenceSource, Tally};
use crate::model::{Answer, Case, Meta};

/// The numbered section headings of the Word document. The HTML page spells the same
/// words in its template, where a panel can change them.
pub const BACKGROUND: &str = "1.0 Background";
pub const CASES: &str = "2.0 Cases";
pub const SUMMARY: &str = "3.0 Summary";
pub const THEMES_FOUND: &str = "3.1 Themes found";
pub const THEME_TALLY: &str = "3.2 Theme tally";
pub const JUDGEMENTS: &str = "3.3 Judgements";
pub const CHECKLIST: &str = "3.4 Checklist results";
pub const OBSERVATIONS: &str = "4.0 Observations";

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

/// A share of the cases as a percentage for a table cell: `19%`.
pub fn percent(count: usize, total: usize) -> String {
    format!("{}%", share(count, total))
}

/// `Case 6`.
pub fn case_label(number: u32) -> String {
    format!("Case {number}")
}

/// `Case 6 – Public order offence`, or `Case 6` for a case without a title.
pub fn case_heading(case: &Case) -> String {
    match &case.title {
        Some(title) => format!("{} – {title}", case_label(case.number)),
        None => case_label(case.number),
    }
}

/// A case's strands as words: `Race, Sexual orientation`.
pub fn strand_list(strands: &[String]) -> String {
    strands
        .iter()
        .map(|s| strand_label(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The label report.yaml gives a judgement id, or the id when it gives none.
pub fn judgement_label(meta: &Meta, id: &str) -> String {
    meta.judgements
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// The label report.yaml gives a check id, or the id when it gives none.
pub fn check_label(meta: &Meta, id: &str) -> String {
    meta.checks
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// The sentence that states a theme in the summary: the panel's own, or its label.
pub fn theme_sentence(theme: &Tally) -> String {
    match &theme.summary {
        Some(summary) => summary.trim_end().to_string(),
        None => format!("{}.", theme.label).trim_end().to_string(),
    }
}

/// What made a piece of evidence count: the tag, the check or field and its value, or
/// the phrase in quotes.
pub fn evidence_rule(e: &Evidence) -> String {
    match e.source {
        EvidenceSource::Tag | EvidenceSource::FrontMatter => e.rule.clone(),
        EvidenceSource::Check | EvidenceSource::Field => {
            format!("{} is {}", e.rule, evidence_value(e))
        }
        EvidenceSource::Phrase => format!("“{}”", e.rule),
    }
}

/// The text a piece of evidence quotes: the point itself, or the check's wording.
pub fn evidence_text(meta: &Meta, e: &Evidence) -> String {
    match e.source {
        EvidenceSource::Check => check_label(meta, &e.rule),
        _ => evidence_value(e).to_string(),
    }
}

/// The text or value behind a piece of evidence. A `present: false` field rule matches
/// a field the case does not have, and an empty quote would look like a mistake.
pub fn evidence_value(e: &Evidence) -> &str {
    if e.text.is_empty() {
        "(not given)"
    } else {
        &e.text
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

    fn evidence(source: EvidenceSource, rule: &str, text: &str) -> Evidence {
        Evidence {
            case: 6,
            file: "cases/06.md".into(),
            line: 9,
            source,
            rule: rule.into(),
            text: text.into(),
            point: None,
        }
    }

    #[test]
    fn cases_and_labels() {
        let case = Case {
            number: 6,
            title: Some("Public order offence".into()),
            strands: vec!["race".into(), "sexual-orientation".into()],
            ..Case::default()
        };
        assert_eq!(case_heading(&case), "Case 6 – Public order offence");
        let untitled = Case {
            title: None,
            ..case.clone()
        };
        assert_eq!(case_heading(&untitled), "Case 6");
        assert_eq!(strand_list(&case.strands), "Race, Sexual orientation");
        assert_eq!(percent(3, 16), "19%");
        assert_eq!(percent(1, 0), "0%");
        let meta = Meta {
            judgements: vec![crate::model::Choice {
                id: "appropriate".into(),
                label: "Appropriate".into(),
            }],
            checks: vec![crate::model::Choice {
                id: "hcso_48h".into(),
                label: "HCSO contact within 48 hours".into(),
            }],
            ..Meta::default()
        };
        assert_eq!(judgement_label(&meta, "appropriate"), "Appropriate");
        assert_eq!(judgement_label(&meta, "unknown"), "unknown");
        assert_eq!(
            check_label(&meta, "hcso_48h"),
            "HCSO contact within 48 hours"
        );
        let check = evidence(EvidenceSource::Check, "hcso_48h", "no");
        assert_eq!(evidence_rule(&check), "hcso_48h is no");
        assert_eq!(evidence_text(&meta, &check), "HCSO contact within 48 hours");
        let absent = evidence(EvidenceSource::Field, "officer", "");
        assert_eq!(evidence_rule(&absent), "officer is (not given)");
        assert_eq!(evidence_text(&meta, &absent), "(not given)");
        let phrase = evidence(EvidenceSource::Phrase, "after the 48 hour", "Point.");
        assert_eq!(evidence_rule(&phrase), "“after the 48 hour”");
        assert_eq!(evidence_text(&meta, &phrase), "Point.");
        let tag = evidence(EvidenceSource::Tag, "#late", "Point.");
        assert_eq!(evidence_rule(&tag), "#late");
    }

    #[test]
    fn a_theme_is_stated_by_its_summary_or_its_label() {
        let mut theme = Tally {
            id: "late".into(),
            label: "Late contact".into(),
            summary: None,
            cases: vec![6],
            evidence: Vec::new(),
        };
        assert_eq!(theme_sentence(&theme), "Late contact.");
        theme.summary = Some("Contact was late. \n".into());
        assert_eq!(theme_sentence(&theme), "Contact was late.");
    }
}
