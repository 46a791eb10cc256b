//! Wording shared by every renderer, so that the HTML, the Word document and the terminal
//! say the same thing in the same words.

use crate::analyse::{Evidence, Tally};
use crate::model::{Answer, Case, Meta, Status, ThemeKind};

/// The titles of the report's sections; their numbers come from the view's outline.
pub const BACKGROUND: &str = "Background";
pub const CASES: &str = "Cases";
pub const SUMMARY: &str = "Summary";
pub const THEMES_FOUND: &str = "Themes found";
pub const THEME_TALLY: &str = "Theme tally";
pub const JUDGEMENTS: &str = "Judgements";
pub const CHECKLIST: &str = "Checklist results";
pub const OBSERVATIONS: &str = "Observations";
pub const CLOSING: &str = "Closing remarks";

/// The title page's facts.
pub const PANEL: &str = "Panel";
pub const FORCE: &str = "Force";
pub const MEETING_DATE: &str = "Meeting date";
pub const CASES_REVIEWED: &str = "Cases reviewed";
pub const MARKING: &str = "Protective marking";

/// Words of the tables and boxes.
pub const NO_JUDGEMENT: &str = "No judgement recorded";
pub const NOT_RECORDED: &str = "Not recorded";
pub const CHECKLIST_ANSWERS: &str = "Checklist";
/// Evidence from a case's front matter `themes:`: the panel said so outright.
pub const GIVEN_BY_PANEL: &str = "Identified by the panel for this case";
pub const CASES_BEHIND: &str = "Cases behind this";

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

/// `4 of 16 cases`.
pub fn count_of(count: usize, total: usize) -> String {
    let noun = if total == 1 { "case" } else { "cases" };
    format!("{count} of {total} {noun}")
}

/// `(4 of 16 cases: 6, 10, 14, 16)`.
pub fn count_note(cases: &[u32], total: usize) -> String {
    let count = count_of(cases.len(), total);
    if cases.is_empty() {
        format!("({count})")
    } else {
        format!("({count}: {})", case_list(cases))
    }
}

/// A percentage for a table cell: `19%`.
pub fn percent(share: u32) -> String {
    format!("{share}%")
}

/// How an observation's status is shown, in the one place it is shown.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::AwaitingResponse => "Awaiting response",
        Status::Responded => "Responded",
        Status::Closed => "Closed",
    }
}

/// The heading of a group of themes in the summary and the tally.
pub fn kind_label(kind: ThemeKind) -> &'static str {
    match kind {
        ThemeKind::Concern => "Concerns",
        ThemeKind::GoodPractice => "Good practice",
    }
}

/// A theme's kind, as one row of a table names it.
pub fn kind_name(kind: ThemeKind) -> &'static str {
    match kind {
        ThemeKind::Concern => "Concern",
        ThemeKind::GoodPractice => "Good practice",
    }
}

/// The facts box's labels for the standard front-matter fields.
pub fn standard_fact_label(field: &str) -> Option<&'static str> {
    Some(match field {
        "title" => "Title",
        "recorded_as" => "Recorded as",
        "strand" | "strands" => "Strand",
        "risk" => "Risk",
        "judgement" => "Panel judgement",
        _ => return None,
    })
}

/// A field's name in words, for a field `case_facts:` gives no label: `detention_minutes`
/// is shown as `Detention minutes`.
pub fn field_label(field: &str) -> String {
    strand_label(&field.replace('_', "-"))
}

pub fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
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

/// The workbook's sheets and column headings (report.xlsx).
pub const SHEET_THEMES: &str = "Themes";
pub const SHEET_CASES: &str = "Cases";
pub const SHEET_EVIDENCE: &str = "Evidence";
pub const SHEET_CHECKS: &str = "Checks";
pub const SHEET_OBSERVATIONS: &str = "Observations";
pub const COLUMN_THEME_ID: &str = "Theme id";
pub const COLUMN_THEME: &str = "Theme";
pub const COLUMN_KIND: &str = "Kind";
pub const COLUMN_COUNT: &str = "Cases";
pub const COLUMN_SHARE: &str = "Share of cases";
pub const COLUMN_CASE_NUMBERS: &str = "Case numbers";
pub const COLUMN_CASE: &str = "Case";
pub const COLUMN_FILE: &str = "File";
pub const COLUMN_LINE: &str = "Line";
pub const COLUMN_SOURCE: &str = "Found by";
pub const COLUMN_RULE: &str = "Rule or tag";
pub const COLUMN_TEXT: &str = "Text";
pub const COLUMN_CHECK: &str = "Check";
pub const COLUMN_ANSWER: &str = "Answer";
pub const COLUMN_NUMBER: &str = "No.";
pub const COLUMN_OBSERVATION: &str = "Observation";
pub const COLUMN_RESPONSE: &str = "Force Response";
pub const COLUMN_STATUS: &str = "Status";
pub const COLUMN_THEMES: &str = "Themes";
/// A case's cell in its theme's column of the Cases sheet, where the case has the theme.
pub const HAS_THEME: &str = "Yes";

/// The PDF's page furniture and headings of its own (report.pdf).
pub const CONTENTS: &str = "Contents";
/// "Page 3 of 12": the words around the two numbers.
pub const PAGE_OF: [&str; 3] = ["Page ", " of ", ""];
pub const EVIDENCE_APPENDIX: &str = "Appendix: evidence behind each theme";
pub const TALLY_CHART: &str = "Share of all cases with each theme";
pub const JUDGEMENT_CHART: &str = "Share of all cases given each judgement";
pub const CHECKLIST_MATRIX: &str = "Answers to each question of the review checklist";
pub const COLUMN_SHARE_SHORT: &str = "Share";
pub const COLUMN_ANSWERS: &str = "Answers";
pub const COLUMN_EVIDENCE: &str = "Evidence";
pub const COLUMN_JUDGEMENT: &str = "Judgement";
pub const CASE_FACTS: &str = "Case facts";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::EvidenceSource;

    #[test]
    fn wording() {
        assert_eq!(long_date("2021-09-29"), "29 September 2021");
        assert_eq!(
            count_note(&[6, 10, 14, 16], 16),
            "(4 of 16 cases: 6, 10, 14, 16)"
        );
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
        assert_eq!(percent(19), "19%");
        assert_eq!(field_label("detention_minutes"), "Detention minutes");
        let meta = Meta {
            judgements: vec![crate::model::Choice {
                id: "appropriate".into(),
                label: "Appropriate".into(),
                colour: None,
            }],
            checks: vec![crate::model::Choice {
                id: "hcso_48h".into(),
                label: "HCSO contact within 48 hours".into(),
                colour: None,
            }],
            ..Meta::default()
        };
        assert_eq!(judgement_label(&meta, "appropriate"), "Appropriate");
        assert_eq!(judgement_label(&meta, "unknown"), "unknown");
        assert_eq!(
            check_label(&meta, "hcso_48h"),
            "HCSO contact within 48 hours"
        );
        let absent = evidence(EvidenceSource::Field, "officer", "");
        assert_eq!(evidence_value(&absent), "(not given)");
    }

    #[test]
    fn a_theme_is_stated_by_its_summary_or_its_label() {
        let mut theme = Tally {
            id: "late".into(),
            label: "Late contact".into(),
            summary: None,
            kind: ThemeKind::Concern,
            cases: vec![6],
            evidence: Vec::new(),
        };
        assert_eq!(theme_sentence(&theme), "Late contact.");
        theme.summary = Some("Contact was late. \n".into());
        assert_eq!(theme_sentence(&theme), "Contact was late.");
    }
}
