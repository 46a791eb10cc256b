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

use rayon::prelude::*;

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
    // The formats are independent, so they render in parallel; each keeps its own
    // diagnostics, merged afterwards in the formats' order.
    let rendered: Vec<(Option<Output>, Diagnostics)> = formats
        .par_iter()
        .map(|&format| {
            let mut found = Diagnostics::default();
            let bytes = match format {
                Format::Html => {
                    html::render(report, analysis, templates, &mut found).map(String::into_bytes)
                }
                Format::Docx => docx::render(report, analysis, word_template, &mut found),
                Format::Json => Some(json::render(report, analysis).into_bytes()),
                Format::Csv => Some(csv::render(analysis)),
            };
            let output = bytes.map(|bytes| Output {
                name: format.file_name().to_string(),
                bytes,
            });
            (output, found)
        })
        .collect();
    let mut outputs = Vec::with_capacity(rendered.len());
    for (output, found) in rendered {
        diagnostics.extend(found);
        outputs.extend(output);
    }
    outputs
}
