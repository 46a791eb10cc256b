//! trends.csv: one row per theme and meeting, for a spreadsheet's pivot table or chart.
//!
//! The columns are `theme,label,meeting,meeting_date,cases,total_cases,share,recorded`,
//! then `share_low,share_high,change,change_low,change_high,verdict`.
//! `share` is the theme's cases as a decimal fraction of that meeting's cases, rounded to
//! four places (`0.2500`), so that a spreadsheet can format it as a percentage with a
//! decimal place without the rounding of a whole percentage; `share_low` and
//! `share_high` are its Wilson 95% interval, and the change columns its difference from
//! the meeting before, with its Newcombe interval and verdict, blank at the first
//! meeting and where either share is not given. The new columns come after the old ones,
//! so that a spreadsheet that reads the first eight by position still reads them. A `session` column follows
//! only when a meeting in range is one of a day's sittings, so that an archive without
//! sittings keeps the columns a spreadsheet already reads. Like themes.csv it starts with a
//! UTF-8 byte-order mark, so that Excel reads Welsh letters and curly quotes, and it is
//! quoted by the same writer.

use crate::diagnostic::Diagnostics;
use crate::render::csv::BOM;
use crate::render::{Output, RenderError, Renderer};

use super::TrendsSources;
use crate::view::trends::TrendsView;

/// trends.csv's renderer.
pub struct Csv;

impl Renderer<TrendsSources<'_>> for Csv {
    fn file_name(&self) -> &'static str {
        "trends.csv"
    }

    fn render(
        &self,
        sources: TrendsSources<'_>,
        out: &mut dyn Output,
        _diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        Ok(out.write_all(&render(sources.view))?)
    }
}

pub const HEADER: [&str; 14] = [
    "theme",
    "label",
    "meeting",
    "meeting_date",
    "cases",
    "total_cases",
    "share",
    "recorded",
    "share_low",
    "share_high",
    "change",
    "change_low",
    "change_high",
    "verdict",
];

pub fn render(view: &TrendsView) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let sittings = view.trends.meetings.iter().any(|m| m.session.is_some());
    let header = HEADER.iter().copied().chain(sittings.then_some("session"));
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    let four = |f: f64| format!("{f:.4}");
    for theme in &view.themes {
        for (cell, change) in theme.cells.iter().zip(&theme.changes) {
            let at = cell.at;
            let interval = cell.interval.map(|i| (four(i.low), four(i.high)));
            let (low, high) = interval.unwrap_or_default();
            let change = change.as_ref().map(|c| {
                let i = c.change.interval;
                [
                    four(c.change.difference),
                    four(i.low),
                    four(i.high),
                    c.change.verdict.id().to_string(),
                ]
            });
            let row = [
                theme.theme.id.as_str(),
                theme.theme.label.as_str(),
                at.meeting.as_str(),
                cell.meeting_date,
                &cell.figure.to_string(),
                &at.total_cases.to_string(),
                // A meeting where no case recorded it has no share: blank, never 0.
                &cell
                    .fraction
                    .map_or_else(String::new, |f| format!("{f:.4}")),
                &cell.recorded.to_string(),
                &low,
                &high,
            ];
            let change = change.unwrap_or_default();
            let row = row.into_iter().chain(change.iter().map(String::as_str));
            let session = sittings.then(|| cell.session.unwrap_or_default());
            let _ = writer.write_record(row.chain(session));
        }
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::example;

    #[test]
    fn the_example_as_rows() {
        let trends = example();
        let text = String::from_utf8(render(&TrendsView::new(
            &trends,
            &crate::catalogue::Labels::english(),
        )))
        .unwrap();
        assert!(text.starts_with('\u{feff}'));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn one_row_per_theme_and_meeting() {
        let trends = example();
        let bytes = render(&TrendsView::new(
            &trends,
            &crate::catalogue::Labels::english(),
        ));
        let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), trends.themes.len() * trends.meetings.len());
        assert_eq!(&rows[0][1], "Late HCSO contact, over 48 hours");
        assert_eq!(&rows[0][6], "0.2500");
        assert_eq!(&rows[5][6], "0.0000");
        assert_eq!((&rows[0][8], &rows[0][9]), ("0.0889", "0.5323"));
        assert_eq!(&rows[0][10], "", "no change at the first meeting");
        assert_eq!(&rows[1][13], "no-clear-change");
        assert!(rows[1][10].starts_with('-'), "{:?}", &rows[1]);
    }
}
