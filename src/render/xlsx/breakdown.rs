//! The Breakdowns sheet: every breakdown table as rows of one long table (field, value,
//! theme, cases), so that a spreadsheet's filter picks out a field, a value or a theme.
//! Each field's rows start with every case, as the report's table does.

use rust_xlsxwriter::XlsxError;

use super::Sheet;
use crate::view::View;

pub(super) fn breakdowns(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    sheet.header(&[
        &l.col_field,
        &l.col_value,
        &l.col_theme_id,
        &l.col_theme,
        &l.col_cases,
    ])?;
    for table in &view.breakdowns {
        let field = view.field_label(&table.table.field);
        let every = std::iter::once((None, l.all_cases.as_str(), table.all.as_slice()));
        let rows = table
            .table
            .rows
            .iter()
            .zip(&table.rows)
            .map(|(row, (label, counts))| {
                (Some(row.theme.as_str()), label.text, counts.as_slice())
            });
        for (id, theme, counts) in every.chain(rows) {
            for (value, count) in table.columns.iter().zip(counts) {
                sheet.row();
                sheet.text(&field)?;
                sheet.text(value)?;
                sheet.optional(id)?;
                sheet.text(theme)?;
                sheet.figure(count)?;
            }
        }
    }
    sheet.finish()
}
