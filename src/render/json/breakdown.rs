//! report.json's `breakdowns` and `pairs`, in the shape SPEC.md gives.
//!
//! Values are the ids the cases give, not words, so that a tool reading the file need
//! not know the report's language. The cases without the field come under the key
//! `(not given)` in every language: it is a key of the data, fixed by SPEC.md, not a word
//! shown to a reader (the report's pages take theirs from the catalogue).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::view::{BreakdownView, Figure, PairView};

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
    cases: &'a [u32],
    /// Only when the copy suppresses their number, and then lists none of them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
}

pub(super) fn breakdowns<'a>(views: &'a [BreakdownView<'a>]) -> Vec<BreakdownJson<'a>> {
    views
        .iter()
        .map(|view| {
            let table = view.table;
            let values: Vec<&str> = table
                .values
                .iter()
                .map(|v| v.as_deref().unwrap_or(NOT_GIVEN))
                .collect();
            let counts = |counts: &[Figure]| -> Map<String, Value> {
                values
                    .iter()
                    .zip(counts)
                    .map(|(v, n)| ((*v).to_string(), figure(n)))
                    .collect()
            };
            BreakdownJson {
                field: &table.field,
                all: counts(&view.all),
                rows: table
                    .rows
                    .iter()
                    .zip(&view.rows)
                    .map(|(row, (_, cells))| RowJson {
                        theme: &row.theme,
                        counts: counts(cells),
                    })
                    .collect(),
                values,
            }
        })
        .collect()
}

pub(super) fn pairs<'a>(pairs: &'a [PairView<'a>]) -> Vec<PairJson<'a>> {
    pairs
        .iter()
        .map(|p| PairJson {
            themes: [&p.pair.themes[0], &p.pair.themes[1]],
            cases: p.listed,
            suppressed: p.figure.is_suppressed(),
        })
        .collect()
}

/// A count as report.json gives it: the number, or `{"suppressed": true, ...}`.
pub(super) fn figure(figure: &Figure) -> Value {
    serde_json::to_value(figure).unwrap_or(Value::Null)
}
