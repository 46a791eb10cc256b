//! A case's facts box: which front-matter fields it shows, under which labels, and each
//! field's value in words. `case_facts:` in report.yaml decides the fields; without it
//! the box shows the standard ones.

use super::wording;
use super::{Swatch, View};
use crate::catalogue::Labels;
use crate::model::{Case, Field, Report};

/// One entry of a case's facts box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactColumn {
    pub field: String,
    pub label: String,
}

/// One fact of one case.
pub struct ShownFact<'a> {
    pub field: &'a str,
    pub label: &'a str,
    pub value: String,
    /// The judgement's colour, when the scale gives it one.
    pub swatch: Option<Swatch>,
}

/// The standard facts, shown when report.yaml has no `case_facts:`.
const STANDARD_FACTS: [&str; 4] = ["recorded_as", "strand", "risk", "judgement"];

/// `case_facts:` as written, or the standard facts. The judgement is the panel's verdict
/// on the case, so it is shown even when `case_facts:` leaves it out.
pub(super) fn fact_columns(report: &Report, l: &Labels) -> Vec<FactColumn> {
    let given = &report.meta.case_facts;
    let mut columns: Vec<FactColumn> = if given.is_empty() {
        STANDARD_FACTS
            .iter()
            .map(|&field| FactColumn {
                field: field.into(),
                label: wording::standard_fact_label(l, field)
                    .map_or_else(|| wording::field_label(field), String::from),
            })
            .collect()
    } else {
        given
            .iter()
            .map(|fact| FactColumn {
                field: fact.field.clone(),
                label: fact.label.clone().unwrap_or_else(|| {
                    wording::standard_fact_label(l, &fact.field)
                        .map_or_else(|| wording::field_label(&fact.field), String::from)
                }),
            })
            .collect()
    };
    if !columns.iter().any(|c| c.field == "judgement") {
        columns.push(FactColumn {
            field: "judgement".into(),
            label: wording::standard_fact_label(l, "judgement")
                .unwrap_or_default()
                .into(),
        });
    }
    columns
}

/// A case's value of a standard or custom field, in words.
pub(super) fn fact_value(view: &View<'_>, case: &Case, field: &str) -> Option<String> {
    let l = view.labels;
    match field {
        "title" => case.title.clone(),
        "recorded_as" => case.recorded_as.clone(),
        "strand" | "strands" => {
            (!case.strands.is_empty()).then(|| wording::strand_list(l, &case.strands))
        }
        "risk" => case.risk.as_deref().map(|r| wording::risk_label(l, r)),
        "judgement" => case
            .judgement
            .as_ref()
            .map(|j| view.judgement_label(&j.value).to_string()),
        _ => case
            .fields
            .binary_search_by(|(name, _)| name.as_str().cmp(field))
            .ok()
            .map(|i| field_text(l, &case.fields[i].1)),
    }
}

/// A front-matter value as a reader would write it: `30`, `Yes`, `Charge`.
pub fn field_text(l: &Labels, field: &Field) -> String {
    match field {
        Field::Text(t) => t.clone(),
        Field::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => format!("{}", *n as i64),
        Field::Number(n) => n.to_string(),
        Field::Bool(b) => wording::yes_no(l, *b).to_string(),
    }
}
