//! The breakdown tables and the themes found together, as the PDF's template reads them:
//! every word already chosen by the view, every count already worked out.

use serde::Serialize;

use crate::view::View;

#[derive(Serialize)]
pub(super) struct BreakdownData<'a> {
    heading: &'a str,
    caption: &'a str,
    columns: &'a [String],
    /// Each a number, or the words for one the copy suppresses.
    all: Vec<String>,
    rows: Vec<RowData<'a>>,
}

#[derive(Serialize)]
struct RowData<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    counts: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct PairData<'a> {
    first: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_lang: Option<&'a str>,
    second: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    second_lang: Option<&'a str>,
    count: String,
    cases: String,
}

pub(super) fn breakdowns<'a>(view: &'a View<'a>) -> Vec<BreakdownData<'a>> {
    view.breakdowns
        .iter()
        .map(|b| BreakdownData {
            heading: &b.heading,
            caption: &b.caption,
            columns: &b.columns,
            all: b.all.iter().map(ToString::to_string).collect(),
            rows: b
                .rows
                .iter()
                .map(|(label, counts)| RowData {
                    label: label.text,
                    lang: label.lang,
                    counts: counts.iter().map(ToString::to_string).collect(),
                })
                .collect(),
        })
        .collect()
}

pub(super) fn pairs<'a>(view: &'a View<'a>) -> Vec<PairData<'a>> {
    view.pairs
        .iter()
        .map(|p| PairData {
            first: p.first.text,
            first_lang: p.first.lang,
            second: p.second.text,
            second_lang: p.second.lang,
            count: p.figure.to_string(),
            cases: view.names.list(p.listed),
        })
        .collect()
}
