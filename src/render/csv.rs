//! themes.csv: one row per theme, for spreadsheets and year-on-year comparison.
//!
//! The file starts with a UTF-8 byte-order mark. Excel reads a CSV file without one in the
//! machine's legacy code page, so a double-clicked themes.csv would show curly quotes and
//! Welsh letters (ŵ, ŷ) as nonsense; with the mark it reads UTF-8. Programs should read
//! report.json, and most CSV readers skip the mark.
//!
//! The rows are the [`View`]'s themes in the tally's order, with its labels and shares;
//! the column names come from the catalogue, in the report's own language.

use crate::view::View;
use crate::view::wording::case_list;

/// themes.csv's renderer.
pub struct Csv;

impl crate::render::Renderer<crate::render::Sources<'_>> for Csv {
    fn file_name(&self) -> &'static str {
        "themes.csv"
    }

    fn render(
        &self,
        sources: crate::render::Sources<'_>,
        out: &mut dyn crate::render::Output,
        _diagnostics: &mut crate::diagnostic::Diagnostics,
    ) -> Result<(), crate::render::RenderError> {
        Ok(out.write_all(&render(sources.view))?)
    }
}

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(view: &View<'_>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let l = view.labels;
    let mut rows = vec![vec![
        l.csv_id.clone(),
        l.csv_label.clone(),
        l.csv_count.clone(),
        l.csv_share.clone(),
        l.csv_cases.clone(),
    ]];
    for theme in view.themes_by_count() {
        rows.push(vec![
            theme.tally.id.clone(),
            theme.label.text.to_string(),
            theme.figure.to_string(),
            theme
                .fraction
                .map_or_else(String::new, |f| format!("{f:.3}")),
            case_list(theme.listed),
        ]);
    }
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{Analysis, Tally};
    use crate::model::{Meta, Report, ThemeKind};

    fn theme(id: &str, label: &str, kind: ThemeKind, cases: Vec<u32>) -> Tally {
        Tally {
            id: id.into(),
            label: label.into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind,
            cases,
            not_recorded: Vec::new(),
            evidence: vec![],
        }
    }

    fn csv(report: &Report, analysis: &Analysis) -> String {
        String::from_utf8(render(&View::new(report, analysis))).unwrap()
    }

    #[test]
    fn quotes_labels_with_commas() {
        let analysis = Analysis {
            total_cases: 4,
            themes: vec![theme("a", "Late, slow", ThemeKind::Concern, vec![1, 3])],
            ..Analysis::default()
        };
        assert_eq!(
            csv(&Report::default(), &analysis),
            "\u{feff}id,label,count,share,cases\na,\"Late, slow\",2,0.500,\"1, 3\"\n"
        );
    }

    #[test]
    fn rows_keep_the_tally_s_order_and_columns_are_in_the_report_s_language() {
        let analysis = Analysis {
            total_cases: 4,
            themes: vec![
                theme("kind", "Kindness", ThemeKind::GoodPractice, vec![1, 2, 3]),
                theme("late", "Late", ThemeKind::Concern, vec![4]),
            ],
            ..Analysis::default()
        };
        let cy = crate::catalogue::Labels::built_in("cy").unwrap();
        let report = Report {
            meta: Meta {
                language: "cy".into(),
                catalogues: vec![("cy".into(), cy)],
                ..Meta::default()
            },
            ..Report::default()
        };
        assert_eq!(
            csv(&report, &analysis),
            "\u{feff}dynodydd,label,nifer,cyfran,achosion\n\
             kind,Kindness,3,0.750,\"1, 2, 3\"\nlate,Late,1,0.250,4\n"
        );
    }
}
