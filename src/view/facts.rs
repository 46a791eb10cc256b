//! A case's facts box: which front-matter fields it shows, under which labels, and each
//! field's value in words. `case_facts:` in report.yaml decides the fields; without it
//! the box shows every field the panel declares. A declared field is shown under its
//! label, and a choice as its label, in the version's language.

use super::wording;
use super::{Swatch, View};
use crate::catalogue::Labels;
use crate::model::{Case, Field, FieldKind, Report};

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

/// `case_facts:` as written, or every declared field. The judgement is the panel's
/// verdict on the case, so it is shown even when `case_facts:` leaves it out.
pub(super) fn fact_columns(report: &Report, l: &Labels, language: &str) -> Vec<FactColumn> {
    let given = &report.meta.case_facts;
    let mut columns: Vec<FactColumn> = if given.is_empty() {
        report
            .meta
            .fields
            .iter()
            .map(|field| FactColumn {
                field: field.id.clone(),
                label: field_label(report, l, language, &field.id),
            })
            .collect()
    } else {
        given
            .iter()
            .map(|fact| FactColumn {
                field: fact.field.clone(),
                label: fact.label.as_ref().map_or_else(
                    || field_label(report, l, language, &fact.field),
                    |own| {
                        super::language::pick(language, &report.meta.language, own, &fact.label_in)
                            .text
                            .to_string()
                    },
                ),
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

/// A field's label in `language`: the declared one, the catalogue's for a standard
/// field, or the field's name in words.
pub fn field_label(report: &Report, l: &Labels, language: &str, field: &str) -> String {
    match report.meta.field(field) {
        Some(declared) => super::language::pick(
            language,
            &report.meta.language,
            &declared.label,
            &declared.label_in,
        )
        .text
        .to_string(),
        None => wording::standard_fact_label(l, field)
            .map_or_else(|| wording::field_label(field), String::from),
    }
}

/// A case's value of a standard or declared or other field, in words: a declared
/// choice by its label in the version's language, a list of them joined.
pub(super) fn fact_value(view: &View<'_>, case: &Case, field: &str) -> Option<String> {
    let l = view.labels;
    match field {
        "title" => case.title.clone(),
        "judgement" => case
            .judgement
            .as_ref()
            .map(|j| view.judgement_label_of(case.kind(), &j.value).to_string()),
        _ => {
            let values = crate::analyse::field_values(case, field);
            if values.is_empty() {
                return None;
            }
            let words: Vec<String> = values
                .iter()
                .map(|value| match value {
                    Field::Text(id) => view.field_value_label(field, id),
                    other => field_text(l, other),
                })
                .collect();
            Some(words.join(", "))
        }
    }
}

impl View<'_> {
    /// A case's value of `field` in words, as its facts box would show it; `None` when
    /// the case gives none.
    pub fn field_value(&self, case: &Case, field: &str) -> Option<String> {
        fact_value(self, case, field)
    }

    /// A value of a case field in words: a declared choice's label in this version, a
    /// yes or no in its words, anything else as written.
    pub fn field_value_label(&self, field: &str, id: &str) -> String {
        let declared = self.report.meta.field(field);
        if let Some(choice) = declared.and_then(|d| d.choice(id)) {
            return self.tr(&choice.label, &choice.label_in).text.to_string();
        }
        if declared.is_some_and(|d| matches!(d.kind, FieldKind::Text | FieldKind::Date)) {
            return id.to_string();
        }
        match id {
            "yes" => wording::yes_no(self.labels, true).to_string(),
            "no" => wording::yes_no(self.labels, false).to_string(),
            _ => id.to_string(),
        }
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
