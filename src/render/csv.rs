//! themes.csv: one row per theme, for spreadsheets and year-on-year comparison.
//!
//! The file starts with a UTF-8 byte-order mark. Excel reads a CSV file without one in the
//! machine's legacy code page, so a double-clicked themes.csv would show curly quotes and
//! Welsh letters (ŵ, ŷ) as nonsense; with the mark it reads UTF-8. Programs should read
//! report.json, and most CSV readers skip the mark.

use crate::analyse::Analysis;
use crate::render::text::case_list;
use crate::view::fraction;

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
        Ok(out.write_all(&render(sources.analysis))?)
    }
}

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(analysis: &Analysis) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let total = analysis.total_cases;
    let mut rows = vec![vec![
        "id".to_string(),
        "label".to_string(),
        "count".to_string(),
        "share".to_string(),
        "cases".to_string(),
    ]];
    for theme in &analysis.themes {
        let share = fraction(theme.count(), total);
        rows.push(vec![
            theme.id.clone(),
            theme.label.clone(),
            theme.count().to_string(),
            format!("{share:.3}"),
            case_list(&theme.cases),
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
    use crate::analyse::Tally;

    #[test]
    fn quotes_labels_with_commas() {
        let analysis = Analysis {
            total_cases: 4,
            themes: vec![Tally {
                id: "a".into(),
                label: "Late, slow".into(),
                summary: None,
                label_in: Vec::new(),
                summary_in: Vec::new(),
                kind: Default::default(),
                cases: vec![1, 3],
                evidence: vec![],
            }],
            ..Analysis::default()
        };
        let text = String::from_utf8(render(&analysis)).unwrap();
        assert_eq!(
            text,
            "\u{feff}id,label,count,share,cases\na,\"Late, slow\",2,0.500,\"1, 3\"\n"
        );
    }
}
