//! Wording shared by the view and every renderer, so that the HTML, the Word document,
//! the workbook and the terminal say the same thing in the same words. It sits in the
//! view because the view words what it decides (a status, a date, an answer) before any
//! renderer lays it out. The words themselves come from the version's [`Labels`]; this
//! module only puts them together.

use crate::analyse::{Evidence, Tally};
use crate::catalogue::{Labels, fill};
use crate::model::{Answer, Status, ThemeKind};
use crate::view::{ChecklistReading, Figure, ThemeView};

/// `2021-09-29` as `29 September 2021` (`29 Medi 2021`), and a month meeting's `2025-02` as
/// `February 2025` (`Chwefror 2025`), with no day made up; anything else is returned as it is.
pub fn long_date(l: &Labels, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
    {
        let day = d.to_string();
        return fill(
            &l.date,
            &[("day", &day), ("month", &l.months[m - 1]), ("year", y)],
        );
    }
    if let [y, m] = parts.as_slice()
        && let Ok(m) = m.parse::<usize>()
        && (1..=12).contains(&m)
    {
        return fill(&l.month_date, &[("month", &l.months[m - 1]), ("year", y)]);
    }
    iso.to_string()
}

/// A meeting's date in words, with its session when it has one: `1 April 2025, 3–5 pm`.
pub fn sitting_date(l: &Labels, iso: &str, session: Option<&str>) -> String {
    let date = long_date(l, iso);
    match session {
        Some(session) => fill(&l.sitting_date, &[("date", &date), ("session", session)]),
        None => date,
    }
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
pub fn count_of(l: &Labels, count: impl std::fmt::Display, total: usize) -> String {
    let template = if total == 1 {
        &l.count_of_one
    } else {
        &l.count_of_many
    };
    fill(
        template,
        &[("count", &count.to_string()), ("total", &total.to_string())],
    )
}

/// `(4 of 16 cases: 6, 10, 14, 16)`: `count`, and the cases listed behind it.
pub fn count_note(l: &Labels, count: &Figure, cases: &[u32], total: usize) -> String {
    let count = count_of(l, count, total);
    if cases.is_empty() {
        format!("({count})")
    } else {
        format!("({count}: {})", case_list(cases))
    }
}

/// A share of the cases as a table cell, `25%`, or `–` for one suppressed with its
/// number.
pub fn share_cell(share: Option<u32>) -> String {
    share.map_or_else(|| "–".to_string(), percent)
}

/// `6 mentions`: the feedback points among a theme's evidence.
pub fn mentions(l: &Labels, count: usize) -> String {
    let template = if count == 1 {
        &l.mentions_one
    } else {
        &l.mentions_many
    };
    fill(template, &[("count", &count.to_string())])
}

/// `(4 of 16 cases · 1 did not record it · 6 mentions)`, for the heading of a theme's
/// evidence. A theme found from answers alone has no mention, and "0 mentions" beside its
/// cases would read as a count without support, so it is left out.
pub fn count_and_mentions(l: &Labels, theme: &ThemeView<'_>, total: usize) -> String {
    let mut parts = vec![count_of(l, &theme.figure, total)];
    parts.extend(did_not_record(l, theme));
    if theme.tally.points() > 0 {
        parts.push(mentions(l, theme.tally.points()));
    }
    format!("({})", parts.join(" · "))
}

/// `(4 of 16 cases: 6, 10, 14, 16 · 1 did not record it)`: a theme's count as the
/// summary states it, over every case reviewed, saying how many gave no answer.
pub fn theme_note(l: &Labels, theme: &ThemeView<'_>, total: usize) -> String {
    let note = count_note(l, &theme.figure, theme.listed, total);
    match did_not_record(l, theme) {
        Some(words) => format!("{} · {words})", note.trim_end_matches(')')),
        None => note,
    }
}

/// `1 did not record it`, when any case gave none of the answers the theme is read from.
pub fn did_not_record(l: &Labels, theme: &ThemeView<'_>) -> Option<String> {
    (!theme.tally.not_recorded.is_empty()).then(|| {
        fill(
            &l.did_not_record,
            &[("count", &theme.not_recorded.to_string())],
        )
    })
}

/// A theme's case numbers as a table cell: `6, 10, 14 · 1 did not record it`, or `–`.
pub fn case_numbers_cell(l: &Labels, theme: &ThemeView<'_>) -> String {
    let mut parts: Vec<String> = (!theme.listed.is_empty())
        .then(|| case_list(theme.listed))
        .into_iter()
        .chain(did_not_record(l, theme))
        .collect();
    if parts.is_empty() {
        parts.push("–".to_string());
    }
    parts.join(" · ")
}

/// A theme's mentions as a table cell: `–` for a theme whose cases were all found from
/// answers, since no point mentions it and `0` would read as no support.
pub fn mentions_cell(theme: &Tally) -> String {
    match theme.points() {
        0 if theme.count() > 0 => "–".to_string(),
        points => points.to_string(),
    }
}

/// `from the checklist: 'Ethnicity asked': No in 3 cases (1, 2, 3)`, with the case
/// numbers as `list` gives them, so that a page can link each.
pub fn from_checklist(l: &Labels, reading: &ChecklistReading<'_>, list: &str) -> String {
    let template = if reading.cases.len() == 1 {
        &l.in_cases_one
    } else {
        &l.in_cases_many
    };
    let count = reading.cases.len().to_string();
    let (check, answer) = (reading.check, reading.answer);
    let in_cases = fill(template, &[("count", &count), ("cases", list)]);
    fill(
        &l.from_checklist,
        &[("check", check), ("answer", answer), ("cases", &in_cases)],
    )
}

/// A percentage for a table cell: `19%`.
pub fn percent(share: u32) -> String {
    format!("{share}%")
}

/// `Page 2 of 9`, split around the two numbers, for page furniture that inserts them as
/// fields: the words before the page, between the two, and after the total.
pub fn page_x_of_y(l: &Labels) -> [String; 3] {
    let text = &l.page_x_of_y;
    match (text.find("{page}"), text.find("{pages}")) {
        (Some(p), Some(q)) if p < q => [
            text[..p].to_string(),
            text[p + "{page}".len()..q].to_string(),
            text[q + "{pages}".len()..].to_string(),
        ],
        _ => [format!("{text} "), " / ".to_string(), String::new()],
    }
}

/// How an observation's status is shown, in the one place it is shown.
pub fn status_label(l: &Labels, status: Status) -> &str {
    match status {
        Status::AwaitingResponse => &l.awaiting_response,
        Status::Responded => &l.responded,
        Status::InProgress => &l.in_progress,
        Status::Closed => &l.closed,
    }
}

/// The heading of a group of themes in the summary and the tally.
pub fn kind_label(l: &Labels, kind: ThemeKind) -> &str {
    match kind {
        ThemeKind::Concern => &l.concerns,
        ThemeKind::GoodPractice => &l.good_practice,
    }
}

/// A theme's kind, as one row of a table names it.
pub fn kind_name(l: &Labels, kind: ThemeKind) -> &str {
    match kind {
        ThemeKind::Concern => &l.kind_concern,
        ThemeKind::GoodPractice => &l.kind_good_practice,
    }
}

/// The facts box's labels for the fields every case has.
pub fn standard_fact_label<'l>(l: &'l Labels, field: &str) -> Option<&'l str> {
    Some(match field {
        "title" => &l.title,
        "judgement" => &l.panel_judgement,
        _ => return None,
    })
}

/// A field's name in words, for a field `case_facts:` gives no label: `detention_minutes`
/// is shown as `Detention minutes`. The panel named the field, so its words are its own.
pub fn field_label(field: &str) -> String {
    sentence_case(&field.replace(['_', '-'], " "))
}

pub fn yes_no(l: &Labels, value: bool) -> &str {
    if value { &l.value_yes } else { &l.value_no }
}

/// `Case 6`.
pub fn case_label(l: &Labels, number: u32) -> String {
    fill(&l.case, &[("number", &number.to_string())])
}

/// The text or value behind a piece of evidence, for `themes --explain` and the
/// workbook. A `present: false` field rule matches a field the case does not have, and an
/// empty quote would look like a mistake.
pub fn evidence_value<'e>(l: &'e Labels, e: &'e Evidence) -> &'e str {
    if e.text.is_empty() {
        &l.not_given
    } else {
        &e.text
    }
}

/// How an answer is shown to readers.
pub fn answer_label(l: &Labels, answer: Answer) -> &str {
    match answer {
        Answer::Yes => &l.answer_yes,
        Answer::Partial => &l.answer_partial,
        Answer::No => &l.answer_no,
        Answer::Unclear => &l.answer_unclear,
        Answer::Split => &l.answer_split,
        Answer::NotApplicable => &l.answer_na,
    }
}

fn sentence_case(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::EvidenceSource;
    use crate::view::Suppression;

    fn en() -> Labels {
        Labels::english()
    }

    #[test]
    fn wording() {
        assert_eq!(long_date(&en(), "2021-09-29"), "29 September 2021");
        assert_eq!(long_date(&en(), "2025-02"), "February 2025");
        assert_eq!(long_date(&en(), "2025-13"), "2025-13");
        assert_eq!(
            count_note(&en(), &Figure::Shown(4), &[6, 10, 14, 16], 16),
            "(4 of 16 cases: 6, 10, 14, 16)"
        );
        assert_eq!(count_of(&en(), 1, 1), "1 of 1 case");
        assert_eq!(
            page_x_of_y(&en()),
            ["Page ".to_string(), " of ".into(), "".into()]
        );
    }

    #[test]
    fn welsh_wording() {
        let cy = Labels::built_in("cy").unwrap();
        assert_eq!(long_date(&cy, "2021-09-29"), "29 Medi 2021");
        assert_eq!(long_date(&cy, "2025-02"), "Chwefror 2025");
        assert_eq!(
            count_note(&cy, &Figure::Shown(2), &[6, 10], 16),
            "(2 o 16 achos: 6, 10)"
        );
        assert_eq!(case_label(&cy, 6), "Achos 6");
        assert_eq!(answer_label(&cy, Answer::Partial), "Yn rhannol");
        assert_eq!(
            page_x_of_y(&cy),
            ["Tudalen ".to_string(), " o ".into(), "".into()]
        );
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
    fn a_theme_some_cases_did_not_record_says_so_and_never_0_mentions() {
        let theme = Tally {
            id: "asked".into(),
            label: "Not asked".into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: ThemeKind::Concern,
            cases: vec![1, 2, 3],
            not_recorded: vec![7],
            evidence: vec![evidence(EvidenceSource::Check, "asked", "no")],
        };
        let l = en();
        let cy = Labels::built_in("cy").unwrap();
        let shown = |theme, below, l: &Labels| {
            let label = crate::view::Shown {
                text: "Not asked",
                lang: None,
            };
            ThemeView::new(theme, label, None, &Suppression::new(below, l), 16)
        };
        let seen = shown(&theme, 0, &l);
        assert_eq!(
            theme_note(&l, &seen, 16),
            "(3 of 16 cases: 1, 2, 3 · 1 did not record it)"
        );
        assert_eq!(
            count_and_mentions(&l, &seen, 16),
            "(3 of 16 cases · 1 did not record it)"
        );
        assert_eq!(mentions_cell(&theme), "–");
        assert_eq!(
            case_numbers_cell(&l, &seen),
            "1, 2, 3 · 1 did not record it"
        );
        assert_eq!(
            did_not_record(&cy, &shown(&theme, 0, &cy)).unwrap(),
            "1 heb ei gofnodi"
        );
        let few = shown(&theme, 4, &l);
        assert_eq!(
            theme_note(&l, &few, 16),
            "(fewer than 4 of 16 cases · fewer than 4 did not record it)"
        );
        assert_eq!(
            case_numbers_cell(&l, &few),
            "fewer than 4 did not record it"
        );
        assert_eq!(few.share, None);
        assert_eq!(
            did_not_record(&cy, &shown(&theme, 4, &cy)).unwrap(),
            "llai na 4 heb ei gofnodi"
        );
        let none = Tally {
            cases: Vec::new(),
            not_recorded: Vec::new(),
            ..theme.clone()
        };
        let none = shown(&none, 3, &l);
        assert_eq!(theme_note(&l, &none, 16), "(0 of 16 cases)");
        assert_eq!(case_numbers_cell(&l, &none), "–");
        assert_eq!(mentions_cell(none.tally), "0");
        let reading = ChecklistReading {
            check: "Ethnicity asked",
            answer: "No",
            cases: vec![1, 2, 3],
        };
        assert_eq!(
            from_checklist(&l, &reading, "1, 2, 3"),
            "from the checklist: 'Ethnicity asked': No in 3 cases (1, 2, 3)"
        );
        let one = ChecklistReading {
            cases: vec![4],
            ..reading
        };
        assert_eq!(
            from_checklist(&cy, &one, "4"),
            "o'r rhestr wirio: 'Ethnicity asked': No mewn 1 achos (4)"
        );
    }

    #[test]
    fn cases_and_labels() {
        assert_eq!(percent(19), "19%");
        assert_eq!(field_label("detention_minutes"), "Detention minutes");
        let absent = evidence(EvidenceSource::Field, "officer", "");
        assert_eq!(evidence_value(&en(), &absent), "(not given)");
        let cy = Labels::built_in("cy").unwrap();
        assert_eq!(evidence_value(&cy, &absent), cy.not_given);
        let given = evidence(EvidenceSource::Field, "officer", "PC 12");
        assert_eq!(evidence_value(&cy, &given), "PC 12");
    }
}
