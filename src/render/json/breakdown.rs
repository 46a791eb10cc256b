//! report.json's `breakdowns` and `pairs`, in the shape SPEC.md gives.
//!
//! Values are the ids the cases give, not words, so that a tool reading the file need
//! not know the report's language. The cases without the field come under the key
//! `(not given)` in every language: it is a key of the data, fixed by SPEC.md, not a word
//! shown to a reader (the report's pages take theirs from the catalogue).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::analyse::{Breakdown, Pair};
use crate::view::CaseNames;

/// The key of the cases without the field.
const NOT_GIVEN: &str = "(not given)";

#[derive(Serialize)]
pub(super) struct BreakdownJson<'a> {
    field: &'a str,
    values: Vec<&'a str>,
    all: Map<String, Value>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    theme: &'a str,
    counts: Map<String, Value>,
}

#[derive(Serialize)]
pub(super) struct PairJson<'a> {
    themes: [&'a str; 2],
    cases: Vec<Value>,
}

pub(super) fn breakdowns(tables: &[Breakdown]) -> Vec<BreakdownJson<'_>> {
    tables
        .iter()
        .map(|table| {
            let values: Vec<&str> = table
                .values
                .iter()
                .map(|v| v.as_deref().unwrap_or(NOT_GIVEN))
                .collect();
            let counts = |counts: &[usize]| -> Map<String, Value> {
                values
                    .iter()
                    .zip(counts)
                    .map(|(v, n)| ((*v).to_string(), Value::from(*n)))
                    .collect()
            };
            BreakdownJson {
                field: &table.field,
                all: counts(&table.all),
                rows: table
                    .rows
                    .iter()
                    .map(|row| RowJson {
                        theme: &row.theme,
                        counts: counts(&row.counts),
                    })
                    .collect(),
                values,
            }
        })
        .collect()
}

pub(super) fn pairs<'a>(names: &CaseNames<'_>, pairs: &'a [Pair]) -> Vec<PairJson<'a>> {
    pairs
        .iter()
        .map(|p| PairJson {
            themes: [&p.themes[0], &p.themes[1]],
            cases: super::case_refs(names, &p.cases),
        })
        .collect()
}
