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

use crate::analyse::Analysis;
use crate::diagnostic::Diagnostics;
use crate::load::TemplateFile;
use crate::model::Report;

/// One rendered file, named relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub name: String,
    pub bytes: Vec<u8>,
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

    pub fn file_name(self) -> &'static str {
        match self {
            Format::Html => "report.html",
            Format::Docx => "report.docx",
            Format::Json => "report.json",
            Format::Csv => "themes.csv",
        }
    }
}

/// Renders `formats`. Problems in user templates, and in the Word template whose bytes
/// are `word_template`, are added to `diagnostics`.
pub fn render(
    report: &Report,
    analysis: &Analysis,
    templates: &[TemplateFile],
    word_template: Option<&[u8]>,
    formats: &[Format],
    diagnostics: &mut Diagnostics,
) -> Vec<Output> {
    formats
        .iter()
        .filter_map(|&format| {
            let bytes = match format {
                Format::Html => {
                    html::render(report, analysis, templates, diagnostics)?.into_bytes()
                }
                Format::Docx => docx::render(report, analysis, word_template, diagnostics)?,
                Format::Json => json::render(report, analysis).into_bytes(),
                Format::Csv => csv::render(analysis),
            };
            Some(Output {
                name: format.file_name().to_string(),
                bytes,
            })
        })
        .collect()
}
