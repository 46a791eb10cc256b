//! The breakdown tables and the themes found together, as Word tables under the theme
//! tally: each the same table the HTML page shows, in the document's table style.

use super::body::{Body, Fmt, Para};
use super::summary::caption;
use super::tables::{self, Cell, Look, split};
use crate::view::wording::case_list;
use crate::view::{BreakdownView, Figure, View};

/// The theme column's share of the width, in per cent: less when there are many
/// values, so that each count's heading still has room for a word.
fn label_share(columns: usize) -> u32 {
    match columns {
        0..=4 => 40,
        5..=6 => 34,
        _ => 28,
    }
}

/// A heading, caption and table per field of `breakdown:`.
pub fn breakdowns(body: &mut Body, view: &View<'_>) {
    for table in &view.breakdowns {
        body.heading(3, &table.heading, false);
        caption(body, &table.caption);
        breakdown(body, view, table);
    }
}

/// Theme | one column per value: every case first, then one row per theme.
fn breakdown(body: &mut Body, view: &View<'_>, table: &BreakdownView<'_>) {
    let l = view.labels;
    let width = body.text_width();
    let columns = table.columns.len();
    // Columns share what the label leaves, but each is at least as wide as its label's
    // longest word, so that "Inappropriate" never breaks inside itself.
    let even = width.saturating_sub(width * label_share(columns) / 100) / columns.max(1) as u32;
    let wanted: Vec<u32> = table
        .columns
        .iter()
        .map(|column| tables::unbroken(column).max(even))
        .collect();
    let widths = tables::fit(width, width / 5, &wanted);
    let mut labels: Vec<&str> = vec![&l.col_theme];
    labels.extend(table.columns.iter().map(String::as_str));
    let numeric: Vec<usize> = (1..labels.len()).collect();
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(body, &widths, &labels, &numeric);
    let count = table.rows.len() + 1;
    tables::keep_row(body, 0, count);
    row(body, &widths, &l.all_cases, None, &table.all, Fmt::BOLD);
    for (i, (theme, counts)) in table.rows.iter().enumerate() {
        tables::keep_row(body, i + 1, count);
        row(body, &widths, theme.text, theme.lang, counts, Fmt::PLAIN);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

fn row(
    body: &mut Body,
    widths: &[u32],
    label: &str,
    lang: Option<&str>,
    counts: &[Figure],
    fmt: Fmt,
) {
    tables::open_row(body, false, None);
    tables::cell(body, widths[0], Cell::BODY, |body| {
        body.open_p(Para::style("TableText"));
        body.run_in(label, lang, fmt);
        body.close_p();
    });
    for (width, n) in widths[1..].iter().zip(counts) {
        tables::cell(body, *width, Cell::BODY, |body| {
            body.paragraph(
                Para {
                    align: Some("right"),
                    ..Para::style("TableText")
                },
                &n.to_string(),
                fmt,
            );
        });
    }
    tables::close_row(body);
}

/// Theme | Found with | Cases | Case numbers, or a line saying there are none.
pub fn pairs(body: &mut Body, view: &View<'_>, empty: impl FnOnce(&mut Body, &str)) {
    let l = view.labels;
    body.heading(3, &l.pairs_heading, false);
    if view.pairs.is_empty() {
        empty(body, &l.no_pairs);
        return;
    }
    caption(body, &l.pairs_caption);
    let widths = split(body.text_width(), &[33, 33, 10, 24]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(
        body,
        &widths,
        &[
            &l.col_theme,
            &l.col_found_with,
            &l.col_cases,
            &l.col_case_numbers,
        ],
        &[2],
    );
    let count = view.pairs.len();
    for (i, pair) in view.pairs.iter().enumerate() {
        tables::keep_row(body, i, count);
        tables::open_row(body, false, None);
        for (width, shown) in widths.iter().zip([pair.first, pair.second]) {
            body.in_language(shown.lang, |body| {
                tables::text_cell(body, *width, Cell::BODY, shown.text, None);
            });
        }
        tables::text_cell(
            body,
            widths[2],
            Cell::BODY,
            &pair.figure.to_string(),
            Some("right"),
        );
        tables::text_cell(body, widths[3], Cell::BODY, &case_list(pair.listed), None);
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}
