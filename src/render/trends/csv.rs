//! trends.csv: one row per theme and meeting, for a spreadsheet's pivot table or chart.
//!
//! The columns are `theme,label,meeting,meeting_date,cases,total_cases,share,recorded`.
//! `share` is the theme's cases as a decimal fraction of that meeting's cases, rounded to
//! four places (`0.2500`), so that a spreadsheet can format it as a percentage with a
//! decimal place without the rounding of a whole percentage. A `session` column follows
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

pub const HEADER: [&str; 8] = [
    "theme",
    "label",
    "meeting",
    "meeting_date",
    "cases",
    "total_cases",
    "share",
    "recorded",
];

pub fn render(view: &TrendsView) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let sittings = view.trends.meetings.iter().any(|m| m.session.is_some());
    let header = HEADER.iter().copied().chain(sittings.then_some("session"));
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for theme in &view.themes {
        for cell in &theme.cells {
            let at = cell.at;
            let row = [
                theme.theme.id.as_str(),
                theme.theme.label.as_str(),
                at.meeting.as_str(),
                cell.meeting_date,
                &at.count.to_string(),
                &at.total_cases.to_string(),
                // A meeting where no case recorded it has no share: blank, never 0.
                &cell
                    .fraction
                    .map_or_else(String::new, |f| format!("{f:.4}")),
                &at.recorded.to_string(),
            ];
            let session = sittings.then(|| cell.session.unwrap_or_default());
            let _ = writer.write_record(row.into_iter().chain(session));
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
    }
}
