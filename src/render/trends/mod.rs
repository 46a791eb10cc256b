//! The archive's own files: index.html, trends.html, trends.docx, trends.json and
//! trends.csv, written into the archive's output/ beside each meeting's folder.
//!
//! They read one [`TrendsView`], built once from the archive layer's trends, as the
//! report's renderers read [`crate::view::View`], and share the
//! report's assets: the page's base template and stylesheet (which the panel's
//! templates/ may replace), the Word document's Office XML layer, themes.csv's quoting.
//! Each is a [`Renderer`] of [`TrendsSources`], listed once in [`RENDERERS`].

pub mod chart;
pub mod csv;
pub mod docx;
pub mod html;
pub mod json;

use crate::load::TemplateFile;
use crate::render::Renderer;
use crate::view::trends::TrendsView;

/// Everything an archive's renderer may read.
#[derive(Clone, Copy)]
pub struct TrendsSources<'a> {
    pub view: &'a TrendsView<'a>,
    /// The panel's own templates, which replace the built-in ones by name.
    pub templates: &'a [TemplateFile],
}

/// A renderer of an archive's own files, whichever archive it is given.
pub type TrendsRenderer = dyn for<'a> Renderer<TrendsSources<'a>>;

/// The archive's files, in the order they are written.
pub const RENDERERS: [&TrendsRenderer; 5] = [
    &html::Index,
    &html::Page,
    &docx::Word,
    &json::Json,
    &csv::Csv,
];

/// Whether `renderer` writes a version per language of a bilingual archive, as its
/// pages and its document do; the data files are written once.
pub fn per_language(renderer: &TrendsRenderer) -> bool {
    [".html", ".docx"]
        .iter()
        .any(|extension| renderer.file_name().ends_with(extension))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::{Trends, example};
    use crate::catalogue::Labels;
    use crate::diagnostic::Diagnostics;
    use crate::write::Staging;

    fn sources<'a>(view: &'a TrendsView<'a>) -> TrendsSources<'a> {
        TrendsSources {
            view,
            templates: &[],
        }
    }

    /// Writes the example's five files for a person to look at:
    /// `TRENDS_OUT=/tmp/trends cargo test --lib write_the_example -- --ignored`, and
    /// `TRENDS_LANG=cy` for its words in Welsh, `TRENDS_YEARS=3` for its meetings repeated
    /// over three years.
    #[test]
    #[ignore = "writes files for looking at"]
    fn write_the_example() {
        let out = std::env::var("TRENDS_OUT").unwrap_or_else(|_| "/tmp/trends-example".into());
        let mut trends = example();
        if let Ok(language) = std::env::var("TRENDS_LANG") {
            trends.language = language;
        }
        if let Some(years) = std::env::var("TRENDS_YEARS")
            .ok()
            .and_then(|y| y.parse().ok())
        {
            trends = over_years(trends, years);
        }
        let labels = Labels::built_in(&trends.language).unwrap();
        let view = TrendsView::new(&trends, &labels);
        let staging = Staging::open(std::path::Path::new(&out)).unwrap();
        let files = RENDERERS
            .iter()
            .map(|renderer| {
                let mut file = staging.file(renderer.file_name()).unwrap();
                let mut diagnostics = Diagnostics::default();
                renderer
                    .render(sources(&view), &mut file, &mut diagnostics)
                    .unwrap();
                file
            })
            .collect();
        let written = staging.commit(files).unwrap();
        assert_eq!(written.len(), RENDERERS.len());
        eprintln!("wrote {out}");
    }

    /// The example's meetings held again in each of `years` years, for a long archive.
    fn over_years(mut trends: Trends, years: i32) -> Trends {
        let later = |date: &str, year: i32| {
            let (y, rest) = date.split_at(4);
            format!("{}{rest}", y.parse::<i32>().unwrap() + year)
        };
        let (meetings, themes, checks) = (
            trends.meetings.clone(),
            trends.themes.clone(),
            trends.checks.clone(),
        );
        for year in 1..years {
            trends
                .meetings
                .extend(meetings.iter().cloned().map(|mut m| {
                    m.id = later(&m.id, year);
                    m.meeting_date = later(&m.meeting_date, year);
                    m.report = format!("{}/report.html", m.id);
                    m
                }));
            for (theme, original) in trends.themes.iter_mut().zip(&themes) {
                theme
                    .by_meeting
                    .extend(original.by_meeting.iter().cloned().map(|mut b| {
                        b.meeting = later(&b.meeting, year);
                        b
                    }));
            }
            for (check, original) in trends.checks.iter_mut().zip(&checks) {
                check
                    .by_meeting
                    .extend(original.by_meeting.iter().cloned().map(|mut b| {
                        b.meeting = later(&b.meeting, year);
                        b
                    }));
            }
        }
        trends.as_of = trends.meetings.last().unwrap().meeting_date.clone();
        trends
    }

    #[test]
    fn every_file_renders_the_same_bytes_twice() {
        let trends = example();
        let labels = crate::catalogue::Labels::english();
        let view = TrendsView::new(&trends, &labels);
        for renderer in RENDERERS {
            let render = || {
                let mut out = std::io::Cursor::new(Vec::new());
                let mut diagnostics = Diagnostics::default();
                renderer
                    .render(sources(&view), &mut out, &mut diagnostics)
                    .unwrap();
                out.into_inner()
            };
            let first = render();
            assert!(!first.is_empty(), "{}", renderer.file_name());
            assert_eq!(first, render(), "{}", renderer.file_name());
        }
        let names: Vec<&str> = RENDERERS.iter().map(|r| r.file_name()).collect();
        assert_eq!(
            names,
            [
                "index.html",
                "trends.html",
                "trends.docx",
                "trends.json",
                "trends.csv"
            ]
        );
    }
}
