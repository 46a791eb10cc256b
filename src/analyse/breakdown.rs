//! Breakdowns and pairs: each theme's cases counted by a case field that report.yaml's
//! `breakdown:` names, and the themes that are found together in the same cases.
//!
//! A case's field is read by the same reader theme rules use, so a table and a rule never
//! disagree about what a case says. Values are kept as the ids the cases give; turning
//! them into words is the view's work. Columns come in a fixed order, so the same folder
//! always gives the same table: a field with a scale in the scale's order (a declared choice field's, or the judgements'), any other field in the order its values first appear in the cases,
//! read by case number, and the cases without the field last. With `case_types:` a field
//! is counted over the cases of the types that carry it, and a type judged on a scale of
//! its own has its judgements as columns after the report's.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::Tally;
use super::rules::field::{STANDARD, field_values};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{CaseKey, Field, Report, ThemeKind};

/// One table: the cases of every theme, counted by one field's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub field: String,
    /// The columns: each value some case gives, then `None` for the cases that give
    /// none, when there are any.
    pub values: Vec<Option<String>>,
    /// Every case counted by value, one count per column.
    pub all: Vec<usize>,
    /// Whether some case gives more than one value, so counts more than once.
    pub several: bool,
    /// One row per theme with cases, in display order.
    pub rows: Vec<BreakdownRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakdownRow {
    pub theme: String,
    /// One count per column. A case with several values counts under each, so a row may
    /// add up to more than the theme's cases.
    pub counts: Vec<usize>,
}

/// Two themes found together, and the cases that have both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// In display order.
    pub themes: [String; 2],
    pub cases: Vec<CaseKey>,
}

/// The order the report shows themes in: concerns, then good practice, each most cases
/// first. The view shows them so too; pairs and rows are listed in the same order.
pub(super) fn display_order(themes: &[Tally]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..themes.len()).collect();
    order.sort_by_key(|&i| themes[i].kind == ThemeKind::GoodPractice);
    order
}

/// Warns about each field of `breakdown:` that no case has and the tool does not know,
/// with the nearest field that cases do have. Returns the fields worth a table: a
/// mistyped name would give a table of cases that all lack it.
pub(super) fn check<'r>(report: &'r Report, diagnostics: &mut Diagnostics) -> Vec<&'r str> {
    let mut kept = Vec::new();
    for field in &report.meta.breakdown {
        let name = field.value.as_str();
        let given = STANDARD.contains(&name)
            || report.meta.field(name).is_some()
            || report.cases.iter().any(|c| names(c).any(|n| n == name));
        if given {
            kept.push(name);
            continue;
        }
        let mut known: Vec<&str> = report
            .cases
            .iter()
            .flat_map(names)
            .chain(STANDARD)
            .collect();
        known.sort_unstable();
        known.dedup();
        let hint = match did_you_mean(name, known.iter().copied()) {
            Some(like) => format!("did you mean `{like}`?"),
            None => format!(
                "no case has a field `{name}`; the fields cases have are {}",
                crate::diagnostic::one_of(&known)
            ),
        };
        diagnostics.push(
            Diagnostic::warning(
                &field.source,
                field.loc,
                format!(
                    "no case has the field `{name}` that `breakdown` names, so it gets no table"
                ),
            )
            .width(name.chars().count())
            .hint(hint)
            .code(NO_CASE_HAS),
        );
    }
    kept
}

/// The code of the warning that no case has a `breakdown:` field, which an archive gathers
/// from its meetings into one.
pub const NO_CASE_HAS: &str = "breakdown-field-in-no-case";

/// The names of a case's own fields, single values and lists.
fn names(case: &crate::model::Case) -> impl Iterator<Item = &str> {
    case.fields
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(case.lists.iter().map(|(n, _)| n.as_str()))
}

/// A field's value as a column's id: text as written, a whole number without a decimal
/// point, and YAML's true/false as the yes/no the panel wrote.
fn value_id(field: &Field) -> Option<String> {
    match field {
        Field::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
        Field::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Some(format!("{}", *n as i64)),
        Field::Number(n) => Some(n.to_string()),
        Field::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
    }
}

/// The tables for `fields`, from each case's themes (`case_themes`, in report order).
pub(super) fn breakdowns(
    report: &Report,
    themes: &[Tally],
    case_themes: &[Vec<String>],
    fields: &[&str],
) -> Vec<Breakdown> {
    let order = display_order(themes);
    let shown: Vec<usize> = order
        .into_iter()
        .filter(|&i| themes[i].count() > 0)
        .collect();
    let row_of: HashMap<&str, usize> = shown
        .iter()
        .enumerate()
        .map(|(row, &i)| (themes[i].id.as_str(), row))
        .collect();
    fields
        .iter()
        .map(|&field| {
            // Each case's values, once each however often it lists one; `None` for a case
            // of a type that does not carry the field, which is not counted at all.
            let values: Vec<Option<Vec<String>>> = report
                .cases
                .iter()
                .map(|case| {
                    let declared = report.meta.field(field).is_some();
                    if declared && !report.meta.carries(case.kind(), field) {
                        return None;
                    }
                    let mut ids: Vec<String> = Vec::new();
                    for id in field_values(case, field).iter().filter_map(value_id) {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    Some(ids)
                })
                .collect();
            let columns = columns(report, field, &values);
            let column_of: HashMap<&str, usize> = columns
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.as_deref().map(|v| (v, i)))
                .collect();
            let width = columns.len();
            let mut all = vec![0; width];
            let mut rows = vec![vec![0; width]; shown.len()];
            for (ids, themes_of_case) in values.iter().zip(case_themes) {
                let Some(ids) = ids else { continue };
                let cells: Vec<usize> = if ids.is_empty() {
                    vec![width - 1]
                } else {
                    ids.iter().map(|id| column_of[id.as_str()]).collect()
                };
                for &cell in &cells {
                    all[cell] += 1;
                    for theme in themes_of_case {
                        if let Some(&row) = row_of.get(theme.as_str()) {
                            rows[row][cell] += 1;
                        }
                    }
                }
            }
            Breakdown {
                field: field.to_string(),
                values: columns,
                several: values.iter().flatten().any(|ids| ids.len() > 1),
                all,
                rows: shown
                    .iter()
                    .zip(rows)
                    .map(|(&i, counts)| BreakdownRow {
                        theme: themes[i].id.clone(),
                        counts,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The columns of one field's table, in the order the module's notes give.
fn columns(report: &Report, field: &str, values: &[Option<Vec<String>>]) -> Vec<Option<String>> {
    let meta = &report.meta;
    let scale: Vec<&str> = match field {
        // The report's scale, then each type's own: a case is judged on one of them, so
        // a use of force "justified" has a column of its own beside the searches'.
        "judgement" => meta
            .judgements
            .iter()
            .chain(meta.own_scales().flat_map(|(_, scale)| scale))
            .map(|j| j.id.as_str())
            .collect(),
        _ => report.meta.field(field).map_or_else(Vec::new, |declared| {
            declared
                .kind
                .choices()
                .iter()
                .map(|c| c.id.as_str())
                .collect()
        }),
    };
    let mut seen: Vec<&str> = Vec::new();
    for id in values.iter().flatten().flatten() {
        if !seen.contains(&id.as_str()) {
            seen.push(id);
        }
    }
    let rank = |id: &str| scale.iter().position(|s| *s == id).unwrap_or(scale.len());
    // Stable, so values off the scale keep the order they first appear in.
    seen.sort_by_key(|id| rank(id));
    let mut columns: Vec<Option<String>> = seen.into_iter().map(|v| Some(v.into())).collect();
    if values.iter().flatten().any(Vec::is_empty) {
        columns.push(None);
    }
    columns
}

/// Every two themes that two or more cases share, most shared cases first, then in
/// display order.
pub(super) fn pairs(report: &Report, themes: &[Tally], case_themes: &[Vec<String>]) -> Vec<Pair> {
    let order = display_order(themes);
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(rank, &i)| (themes[i].id.as_str(), rank))
        .collect();
    // Built from each case's few themes rather than by comparing every two themes:
    // without themes.yaml there can be thousands.
    let mut shared: BTreeMap<(usize, usize), Vec<CaseKey>> = BTreeMap::new();
    for (case, ids) in report.cases.iter().zip(case_themes) {
        let mut ranks: Vec<usize> = ids
            .iter()
            .filter_map(|id| rank.get(id.as_str()).copied())
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        for (n, &a) in ranks.iter().enumerate() {
            for &b in &ranks[n + 1..] {
                let cases = shared.entry((a, b)).or_default();
                let key = report.meta.case_key(case);
                if cases.last() != Some(&key) {
                    cases.push(key);
                }
            }
        }
    }
    let mut pairs: Vec<((usize, usize), Vec<CaseKey>)> = shared
        .into_iter()
        .filter(|(_, cases)| cases.len() >= 2)
        .collect();
    pairs.sort_by_key(|((a, b), cases)| (std::cmp::Reverse(cases.len()), *a, *b));
    pairs
        .into_iter()
        .map(|((a, b), cases)| Pair {
            themes: [themes[order[a]].id.clone(), themes[order[b]].id.clone()],
            cases,
        })
        .collect()
}

#[cfg(test)]
mod tests;
