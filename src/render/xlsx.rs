//! report.xlsx: the report's numbers as an Excel workbook, for analysts and the board.
//!
//! Five sheets, as SPEC gives them: Themes (as themes.csv), Cases (one row per case with
//! its fields, judgement, answers and a column per theme), Evidence (every line behind
//! every theme, as report.json has it), Checks and Observations; and, when report.yaml
//! has `breakdown:`, a sixth, Breakdowns, with every breakdown table; and when it has
//! `members:`, for the panel's own use, Members, with a row per member's file of a case
//! (never in the public copy, which forgets its members). Every sheet has its
//! header row frozen, a filter on it, and widths that fit its text; numbers are stored as
//! numbers and shares as percentages, so a reader can sort, filter and sum without
//! retyping anything. Everything comes from the [`View`], so the counts are the ones the
//! other formats print.
//!
//! rust_xlsxwriter writes the SpreadsheetML itself, so this module shares none of the
//! Word renderer's XML. The workbook's creation time is set to the meeting date, because
//! the library otherwise stamps the time of the build and two builds would differ.

use crate::catalogue::fill;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format as CellFormat, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use crate::analyse::field_values;
use crate::diagnostic::Diagnostics;
use crate::model::CaseKey;
use crate::model::Field;
use crate::render::{Output, RenderError, Renderer, Sources};
use crate::view::wording::{self, evidence_value};
use crate::view::{CaseNames, Figure, View, field_text};

mod breakdown;
mod members;

/// The workbook's renderer.
pub struct Xlsx;

impl Renderer<Sources<'_>> for Xlsx {
    fn file_name(&self) -> &'static str {
        "report.xlsx"
    }

    fn render(
        &self,
        sources: Sources<'_>,
        out: &mut dyn Output,
        _diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        // The library wants a `Send` writer; the workbook is built in memory and copied.
        let bytes = workbook(sources.view)
            .and_then(|mut book| book.save_to_buffer())
            .map_err(|err| std::io::Error::other(format!("report.xlsx: {err}")))?;
        Ok(out.write_all(&bytes)?)
    }
}

/// The longest text a cell holds, in UTF-16 units (Excel's limit).
const CELL_LIMIT: usize = 32_767;
/// Column widths, in characters: never narrower than a number, never wider than a
/// screen's share; text past the widest wraps.
const NARROWEST: usize = 6;
const WIDEST: usize = 60;
/// Sheets with up to this many columns are printed one page wide.
const PRINT_FIT_COLUMNS: usize = 10;

fn workbook(view: &View<'_>) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let meta = &view.report.meta;
    let mut properties = DocProperties::new()
        .set_title(view.title().text)
        .set_creation_datetime(&creation_time(&meta.meeting_date)?);
    if let Some(panel) = &meta.panel {
        properties = properties.set_author(panel.as_str());
    }
    if let Some(organisation) = &meta.organisation {
        properties = properties.set_company(organisation.as_str());
    }
    book.set_properties(&properties);
    let formats = Formats::new();
    let l = view.labels;
    themes(Sheet::add(&mut book, &l.sheet_themes, &formats)?, view)?;
    cases(Sheet::add(&mut book, &l.sheet_cases, &formats)?, view)?;
    evidence(Sheet::add(&mut book, &l.sheet_evidence, &formats)?, view)?;
    checks(Sheet::add(&mut book, &l.sheet_checks, &formats)?, view)?;
    observations(
        Sheet::add(&mut book, &l.sheet_observations, &formats)?,
        view,
    )?;
    if !view.breakdowns.is_empty() {
        breakdown::breakdowns(Sheet::add(&mut book, &l.sheet_breakdowns, &formats)?, view)?;
    }
    if !meta.members.is_empty() {
        members::members(Sheet::add(&mut book, &l.sheet_members, &formats)?, view)?;
    }
    Ok(book)
}

/// The meeting date at midnight: a time that belongs to the report, not to the build. A
/// meeting dated by its month is stamped with the month's first day, since the file's
/// properties hold a whole date; no reader of the workbook sees it as the meeting's.
fn creation_time(meeting_date: &str) -> Result<ExcelDateTime, XlsxError> {
    let mut parts = meeting_date.split('-').map(|p| p.parse::<u16>().ok());
    match (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().unwrap_or(Some(1)),
    ) {
        (Some(y), Some(m), Some(d)) => ExcelDateTime::from_ymd(y, m as u8, d as u8)
            .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1)),
        _ => ExcelDateTime::from_ymd(2000, 1, 1),
    }
}

fn themes(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    // Only a report where some case left a theme unrecorded has the column, so a
    // workbook of themes that every case answers reads as it always has.
    let unrecorded = view.themes.iter().any(|t| !t.tally.not_recorded.is_empty());
    let mut header: Vec<&str> = vec![
        &l.col_theme_id,
        &l.col_theme,
        &l.col_cases,
        &l.col_share_of_cases,
        &l.col_case_numbers,
        &l.col_kind,
        &l.col_mentions,
    ];
    if unrecorded {
        header.push(&l.col_not_recorded);
    }
    sheet.header(&header)?;
    // In themes.csv's order, most cases first, so the two files read alike.
    for theme in view.themes_by_count() {
        sheet.row();
        sheet.text(&theme.tally.id)?;
        sheet.text(theme.label.text)?;
        sheet.figure(&theme.figure)?;
        sheet.optional_share(theme.fraction)?;
        sheet.text(&view.names.list(theme.listed))?;
        sheet.text(wording::kind_name(l, theme.kind))?;
        sheet.number(theme.tally.points() as f64)?;
        if unrecorded {
            sheet.figure(&theme.not_recorded)?;
        }
    }
    sheet.finish()
}

fn cases(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let report = view.report;
    let l = view.labels;
    // The declared fields in their order, then every other field any case has, by name,
    // so each has one column and a panel's columns are its own.
    let mut custom: Vec<&str> = report
        .cases
        .iter()
        .flat_map(|c| {
            c.fields
                .iter()
                .map(|(name, _)| name.as_str())
                .chain(c.lists.iter().map(|(name, _)| name.as_str()))
        })
        .filter(|name| report.meta.field(name).is_none())
        .collect();
    custom.sort_unstable();
    custom.dedup();
    let columns: Vec<&str> = report
        .meta
        .fields
        .iter()
        .map(|f| f.id.as_str())
        .chain(custom)
        .collect();
    // One sheet for every type, with its type beside each case, so that a filter on the
    // column gives one type's rows, its checks filled and the other types' left blank.
    let typed = !report.meta.case_types.is_empty();
    let mut header: Vec<String> = vec![l.col_case.clone()];
    if typed {
        header.push(l.col_type.clone());
    }
    header.push(view.field_label("title"));
    header.extend(columns.iter().map(|f| view.field_label(f)));
    header.push(view.field_label("judgement"));
    // A check's notes sit in a column beside its answers, only for checks some case
    // wrote a note on, so that the answer column still filters by answer.
    let noted: Vec<bool> = report
        .meta
        .checks
        .iter()
        .map(|c| {
            report
                .cases
                .iter()
                .flat_map(|case| &case.checks)
                .any(|a| a.id == c.id && a.note.is_some())
        })
        .collect();
    for (check, &noted) in report.meta.checks.iter().zip(&noted) {
        let label = view.check_label(&check.id);
        header.push(label.to_string());
        if noted {
            header.push(fill(&l.col_answer_note, &[("check", label)]));
        }
    }
    header.extend(view.themes_by_count().map(|t| t.label.text.to_string()));
    // The force's answers last, apart from the panel's columns, only where it gives them.
    let responses = !report.meta.response_headings.is_empty();
    if responses {
        header.push(l.case_response.clone());
    }
    sheet.header(&header.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (index, case) in report.cases.iter().enumerate() {
        let shown = view.case(index);
        sheet.row();
        let key = report.meta.case_key(case);
        sheet.case(&view.names, key)?;
        if typed {
            let kind = report.meta.type_of(key);
            sheet.optional(kind.map(|t| view.tr(&t.label, &t.label_in).text))?;
        }
        sheet.optional(case.title.as_deref())?;
        for field in &columns {
            let values = field_values(case, field);
            match values.as_slice() {
                [] => sheet.skip(),
                [Field::Number(n)] => sheet.number(*n)?,
                values => {
                    let words: Vec<String> = values
                        .iter()
                        .map(|value: &Field| match value {
                            Field::Text(id) => view.field_value_label(field, id),
                            other => field_text(l, other),
                        })
                        .collect();
                    sheet.text(&words.join(", "))?;
                }
            }
        }
        let judgement = case
            .judgement
            .as_ref()
            .map(|j| view.judgement_label_of(case.kind(), &j.value));
        sheet.optional(judgement)?;
        for (check, &noted) in report.meta.checks.iter().zip(&noted) {
            // A check the case is not asked, another type's, is left blank.
            let answer = shown.answers.iter().find(|a| a.check == check.id);
            sheet.optional(
                answer
                    .and_then(|a| a.answer)
                    .map(|a| wording::answer_label(l, a)),
            )?;
            if noted {
                sheet.optional(answer.and_then(|a| a.note).map(|n| n.text))?;
            }
        }
        for theme in view.themes_by_count() {
            let has = shown.themes.contains(&theme.tally.id);
            sheet.optional(has.then_some(l.value_yes.as_str()))?;
        }
        if responses {
            let text = shown
                .body
                .response
                .map(|(blocks, _)| crate::model::blocks_text(blocks));
            sheet.optional(text.as_deref().filter(|t| !t.is_empty()))?;
        }
    }
    sheet.finish()
}

fn evidence(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    sheet.header(&[
        &l.col_theme,
        &l.col_case,
        &l.col_file,
        &l.col_line,
        &l.col_found_by,
        &l.col_rule,
        &l.col_text,
    ])?;
    for theme in view.themes_by_count() {
        for e in &theme.tally.evidence {
            sheet.row();
            sheet.text(theme.label.text)?;
            sheet.case(&view.names, e.case)?;
            sheet.text(&e.file)?;
            sheet.number(e.line as f64)?;
            sheet.text(e.source.id())?;
            sheet.text(&e.rule)?;
            sheet.text(evidence_value(l, e))?;
        }
    }
    sheet.finish()
}

fn checks(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    sheet.header(&[
        &l.col_check,
        &l.col_answer,
        &l.col_cases,
        &l.col_share_of_cases,
        &l.col_case_numbers,
    ])?;
    for check in &view.checks {
        let counts = check
            .answers
            .iter()
            .map(|(_, count)| count)
            .chain(check.unanswered.any().then_some(&check.unanswered));
        for count in counts {
            sheet.row();
            sheet.text(check.label.text)?;
            sheet.text(count.label)?;
            sheet.figure(&count.figure)?;
            sheet.optional_share(count.share.map(|s| f64::from(s) / 100.0))?;
            sheet.text(&view.names.list(count.listed))?;
        }
    }
    sheet.finish()
}

fn observations(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    sheet.header(&[
        &l.col_number,
        &l.col_observation,
        &l.col_force_response,
        &l.status,
        &l.themes,
        &l.col_case_numbers,
    ])?;
    for o in &view.observations {
        sheet.row();
        sheet.text(&o.number)?;
        sheet.text(&crate::model::blocks_text(&o.observation.observation))?;
        sheet.text(&crate::model::blocks_text(&o.observation.response))?;
        sheet.text(o.status)?;
        let themes: Vec<&str> = o
            .observation
            .themes
            .iter()
            .map(|t| view.theme_label(&t.value))
            .collect();
        sheet.text(&themes.join("; "))?;
        sheet.text(&view.names.list(o.cases))?;
    }
    sheet.finish()
}

/// The cell formats the sheets share.
struct Formats {
    header: CellFormat,
    text: CellFormat,
    share: CellFormat,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: CellFormat::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border_bottom(FormatBorder::Medium),
            text: CellFormat::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            share: CellFormat::new()
                .set_num_format("0%")
                .set_align(FormatAlign::Top),
        }
    }
}

/// One sheet being written row by row, keeping each column's widest text so that the
/// widths fit what the column holds.
struct Sheet<'w> {
    sheet: &'w mut Worksheet,
    formats: &'w Formats,
    widths: Vec<usize>,
    row: u32,
    col: u16,
}

impl<'w> Sheet<'w> {
    fn add(book: &'w mut Workbook, name: &str, formats: &'w Formats) -> Result<Self, XlsxError> {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        Ok(Sheet {
            sheet,
            formats,
            widths: Vec::new(),
            row: 0,
            col: 0,
        })
    }

    fn header(&mut self, labels: &[&str]) -> Result<(), XlsxError> {
        for (col, label) in (0u16..).zip(labels) {
            self.sheet
                .write_string_with_format(0, col, *label, &self.formats.header)?;
            // A long heading may wrap onto two lines, so it asks for half its length.
            let length = label.chars().count();
            let width = if length <= 16 {
                length
            } else {
                length.div_ceil(2).max(label_word(label))
            };
            self.widen(col, width);
        }
        Ok(())
    }

    /// Starts the next row.
    fn row(&mut self) {
        self.row += 1;
        self.col = 0;
    }

    fn skip(&mut self) {
        self.col += 1;
    }

    fn text(&mut self, value: &str) -> Result<(), XlsxError> {
        let value = fit(value);
        let width = value.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        self.widen(self.col, width);
        self.sheet
            .write_string_with_format(self.row, self.col, value, &self.formats.text)?;
        self.col += 1;
        Ok(())
    }

    /// A case's cell: its number, or for a case of a type, `S&S 1` as lists name it.
    fn case(&mut self, names: &CaseNames<'_>, key: CaseKey) -> Result<(), XlsxError> {
        match key.kind {
            None => self.number(f64::from(key.number)),
            Some(_) => self.text(&names.list(&[key])),
        }
    }

    fn optional(&mut self, value: Option<&str>) -> Result<(), XlsxError> {
        match value {
            Some(value) if !value.is_empty() => self.text(value),
            _ => {
                self.skip();
                Ok(())
            }
        }
    }

    fn number(&mut self, value: f64) -> Result<(), XlsxError> {
        self.widen(self.col, value.to_string().len());
        self.sheet.write_number(self.row, self.col, value)?;
        self.col += 1;
        Ok(())
    }

    /// A count as a number, or as the words for one the copy suppresses, so that no
    /// cell holds it.
    fn figure(&mut self, figure: &Figure) -> Result<(), XlsxError> {
        match figure.number() {
            Some(n) => self.number(n as f64),
            None => self.text(&figure.to_string()),
        }
    }

    /// A share, or an empty cell for one suppressed with its count.
    fn optional_share(&mut self, value: Option<f64>) -> Result<(), XlsxError> {
        match value {
            Some(value) => self.share(value),
            None => {
                self.skip();
                Ok(())
            }
        }
    }

    fn share(&mut self, value: f64) -> Result<(), XlsxError> {
        self.widen(self.col, "100%".len());
        self.sheet
            .write_number_with_format(self.row, self.col, value, &self.formats.share)?;
        self.col += 1;
        Ok(())
    }

    fn widen(&mut self, col: u16, width: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width);
    }

    /// Freezes the header row, filters on it and sets the widths; printed, each sheet is
    /// landscape, one page wide when it is narrow, with the header row on every page.
    fn finish(self) -> Result<(), XlsxError> {
        let last_col = self.widths.len().saturating_sub(1) as u16;
        for (col, width) in (0u16..).zip(&self.widths) {
            let width = (*width + 2).clamp(NARROWEST, WIDEST);
            self.sheet.set_column_width(col, width as f64)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        self.sheet.autofilter(0, 0, self.row, last_col)?;
        self.sheet.set_landscape();
        // A wide sheet (Cases has a column per check and theme) would shrink to nothing.
        if self.widths.len() <= PRINT_FIT_COLUMNS {
            self.sheet.set_print_fit_to_pages(1, 0);
        }
        self.sheet.set_repeat_rows(0, 0)?;
        Ok(())
    }
}

/// The longest word of a heading, which cannot wrap.
fn label_word(label: &str) -> usize {
    label
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// Text cut to what one cell can hold. Only a point longer than a dozen pages of text is
/// cut; report.json and the other formats keep it whole.
fn fit(value: &str) -> &str {
    if value.encode_utf16().count() <= CELL_LIMIT {
        return value;
    }
    let mut units = 0;
    let end = value
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > CELL_LIMIT
        })
        .map_or(value.len(), |(i, _)| i);
    &value[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_too_long_for_a_cell_is_cut_at_excels_limit() {
        let long = "ŵ".repeat(CELL_LIMIT + 10);
        assert_eq!(fit(&long).encode_utf16().count(), CELL_LIMIT);
        assert_eq!(fit("short"), "short");
        // A character outside the BMP takes two units and is never split.
        let wide = "𝔸".repeat(CELL_LIMIT);
        assert!(fit(&wide).encode_utf16().count() <= CELL_LIMIT);
    }

    #[test]
    fn the_creation_time_is_the_meeting_date() {
        let day = |date: &str| creation_time(date).unwrap().to_excel();
        assert_eq!(
            day("2021-09-29"),
            ExcelDateTime::from_ymd(2021, 9, 29).unwrap().to_excel()
        );
        assert_eq!(
            day("2025-02"),
            ExcelDateTime::from_ymd(2025, 2, 1).unwrap().to_excel()
        );
        assert_eq!(
            day("not a date"),
            ExcelDateTime::from_ymd(2000, 1, 1).unwrap().to_excel()
        );
    }
}
