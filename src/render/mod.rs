//! Turning the model and its analysis into output files.
//!
//! Each format has its own module behind the one [`Renderer`] interface and reads only
//! the [`View`] of one version of the report, with the panel's own templates; none of
//! them parses text again, counts, divides or words a label of its own. Rendering is
//! deterministic: the same input gives the same bytes, so outputs diff cleanly in git.

pub mod cache;
pub mod changes;
pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markup;
pub mod members;
pub mod pdf;
pub mod trends;
pub mod xlsx;

use std::io::{self, Seek, Write};

use crate::diagnostic::Diagnostics;
use crate::load::TemplateFile;
use crate::view::View;

/// Everything a renderer may read: one version of the report as its readers see it, and
/// the files that style it.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    /// The version to render, in one of report.yaml's `languages:`.
    pub view: &'a View<'a>,
    /// The report folder's own templates, which replace the built-in ones by name.
    pub templates: &'a [TemplateFile],
    /// The bytes of report.yaml's `word_template:` file.
    pub word_template: Option<&'a [u8]>,
}

impl<'a> Sources<'a> {
    /// The report folder's own template of this name, which replaces the built-in one.
    pub fn template(&self, name: &str) -> Option<&'a TemplateFile> {
        self.templates.iter().find(|t| t.name == name)
    }
}

/// The help under an error in a template. A panel's own template is theirs to fix; a
/// failure of a built-in one is a fault in build-report, and the user must never be told
/// to fix a file they cannot see.
pub(crate) fn template_hint(own: bool, fix: &str) -> String {
    if own {
        fix.to_string()
    } else {
        format!(
            "this is a fault in build-report {}, not in the report: please report it, with the files that show it; meanwhile `--format` can leave that output out",
            env!("CARGO_PKG_VERSION")
        )
    }
}

/// A user template's text, with a byte-order mark and Windows line endings removed so
/// that the template engine's line numbers match what an editor shows.
pub(crate) fn template_text(
    file: &TemplateFile,
    diagnostics: &mut Diagnostics,
) -> Result<String, RenderError> {
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(_) => {
            diagnostics.push(
                crate::diagnostic::Diagnostic::error(
                    &file.path,
                    crate::diagnostic::Loc::START,
                    "this template is not UTF-8 text",
                )
                .hint("save the template as UTF-8 text"),
            );
            Err(RenderError::Reported)
        }
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

/// Where a renderer writes: a file, or memory in the tests and the fuzzer. Word and
/// Excel files are zips, whose writer seeks back to finish each entry.
pub trait Output: Write + Seek {}

impl<T: Write + Seek> Output for T {}

/// What every renderer does, a meeting's report's formats and an archive's own files
/// alike, so that adding one is adding a module and one entry of its list ([`Format`],
/// or [`trends::RENDERERS`]): its file name, a check of its own assets (templates, a
/// house style) that runs before anything is rendered, and rendering into a writer.
/// `Input` is what it lays out: a report's [`Sources`], or an archive's
/// [`trends::TrendsSources`].
pub trait Renderer<Input>: Sync {
    /// The file it writes in the output folder.
    fn file_name(&self) -> &'static str;

    /// Reports what would stop it rendering that can be found without rendering, such
    /// as a user template that does not compile.
    fn check(&self, _input: Input, _diagnostics: &mut Diagnostics) {}

    /// Renders into `out`, streaming rather than building the file in memory where the
    /// format allows. Problems in its assets are added to `diagnostics`.
    fn render(
        &self,
        input: Input,
        out: &mut dyn Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError>;
}

/// A renderer of a meeting's report, whichever report it is given.
pub type ReportRenderer = dyn for<'a> Renderer<Sources<'a>>;

/// The formats `--format` accepts, in the order they are written and listed. This enum
/// is the one list of renderers: [`Format::renderer`] gives each one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    Html,
    Docx,
    Pdf,
    Xlsx,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::Xlsx,
        Format::Json,
        Format::Csv,
    ];

    /// The format's renderer.
    pub fn renderer(self) -> &'static ReportRenderer {
        match self {
            Format::Html => &html::Html,
            Format::Docx => &docx::Docx,
            Format::Pdf => &pdf::Pdf,
            Format::Xlsx => &xlsx::Xlsx,
            Format::Json => &json::Json,
            Format::Csv => &csv::Csv,
        }
    }

    /// Whether the format has one file per language of a bilingual report; report.json
    /// and themes.csv are data, the same in every language.
    pub fn per_language(self) -> bool {
        matches!(self, Format::Html | Format::Docx | Format::Pdf)
    }

    /// The file of the version in `language`: `report.cy.html` when the report has
    /// several languages, else the plain name.
    pub fn file_name_in(self, language: &str, languages: &[String]) -> String {
        if !self.per_language() {
            return self.file_name().to_string();
        }
        name_in(self.file_name(), language, languages)
    }

    pub fn file_name(self) -> &'static str {
        self.renderer().file_name()
    }
}

/// Reports what would stop any format from rendering that can be found without
/// rendering: a user template that does not compile, or a Word template that cannot be
/// used.
pub fn check(sources: Sources<'_>, diagnostics: &mut Diagnostics) {
    for format in Format::ALL {
        format.renderer().check(sources, diagnostics);
    }
    members::Page.check(sources, diagnostics);
}

/// Renders `format` into `out`. Problems in user templates and the Word template are
/// added to `diagnostics`.
pub fn render(
    format: Format,
    sources: Sources<'_>,
    out: &mut dyn Output,
    diagnostics: &mut Diagnostics,
) -> Result<(), RenderError> {
    format.renderer().render(sources, out, diagnostics)
}

/// The file `name` of the version in `language`: `report.cy.html` when the report is
/// written in several `languages`, `name` itself when in one.
pub fn name_in(name: &str, language: &str, languages: &[String]) -> String {
    if languages.len() < 2 {
        return name.to_string();
    }
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{language}.{extension}"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_panels_own_template_is_theirs_to_fix() {
        assert_eq!(super::template_hint(true, "fix it"), "fix it");
        let built_in = super::template_hint(false, "fix it");
        assert!(built_in.contains("fault in build-report"), "{built_in}");
        assert!(!built_in.contains("fix it"), "{built_in}");
    }
}
