//! Turning the model and its analysis into output files.
//!
//! Each format has its own module and reads only the model and the [`Analysis`]; none of
//! them parses text again. Rendering is deterministic: the same input gives the same bytes,
//! so outputs diff cleanly in git.

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markup;
pub mod text;

use std::io::{self, Seek, Write};

use crate::analyse::Analysis;
use crate::diagnostic::Diagnostics;
use crate::load::TemplateFile;
use crate::model::Report;

/// Everything a renderer may read.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub report: &'a Report,
    pub analysis: &'a Analysis,
    /// The report folder's own templates, which replace the built-in ones by name.
    pub templates: &'a [TemplateFile],
    /// The bytes of report.yaml's `word_template:` file.
    pub word_template: Option<&'a [u8]>,
    /// Which version to render: one of report.yaml's `languages:`.
    pub language: &'a str,
}

impl<'a> Sources<'a> {
    /// The report as every renderer shows it.
    pub fn view(&self) -> crate::view::View<'a> {
        crate::view::View::in_language(self.report, self.analysis, self.language)
    }
}

/// Why a format was not rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A problem in the input, such as a broken user template, already added to the
    /// diagnostics.
    Reported,
    /// The output could not be written.
    Io(io::Error),
}

impl From<io::Error> for RenderError {
    fn from(err: io::Error) -> Self {
        RenderError::Io(err)
    }
}

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    Html,
    Docx,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Docx, Format::Json, Format::Csv];

    /// Whether the format has one file per language of a bilingual report; report.json
    /// and themes.csv are data, the same in every language.
    pub fn per_language(self) -> bool {
        matches!(self, Format::Html | Format::Docx)
    }

    /// The file of the version in `language`: `report.cy.html` when the report has
    /// several languages, else the plain name.
    pub fn file_name_in(self, language: &str, languages: &[String]) -> String {
        let name = self.file_name();
        if !self.per_language() || languages.len() < 2 {
            return name.to_string();
        }
        match name.rsplit_once('.') {
            Some((stem, extension)) => format!("{stem}.{language}.{extension}"),
            None => name.to_string(),
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Format::Html => "report.html",
            Format::Docx => "report.docx",
            Format::Json => "report.json",
            Format::Csv => "themes.csv",
        }
    }
}

/// Reports what would stop a format from rendering that can be found without rendering:
/// a user template that does not compile, or a Word template that cannot be used.
pub fn check(sources: Sources<'_>, diagnostics: &mut Diagnostics) {
    let _ = html::compile(sources.templates, diagnostics);
    docx::check(sources, diagnostics);
}

/// Renders `format` into `out`, streaming it rather than building it in memory.
/// Problems in user templates and the Word template are added to `diagnostics`.
pub fn render(
    format: Format,
    sources: Sources<'_>,
    out: &mut (impl Write + Seek),
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    match format {
        Format::Html => html::render(sources, out, diagnostics),
        Format::Docx => docx::render(sources, out, diagnostics),
        Format::Json => Ok(json::render(&sources.view(), out)?),
        Format::Csv => Ok(out.write_all(&csv::render(sources.analysis))?),
    }
}
