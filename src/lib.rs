//! build-report turns a scrutiny panel's folder of case reviews into a finished report.
//!
//! The pipeline is one module per stage, run in this order by [`build`] and [`check`]:
//! [`load`] finds and reads the files, [`parse`] turns them into the [`model`],
//! [`analyse`] counts themes, checks and judgements, [`render`] produces HTML, Word, PDF,
//! Excel, JSON and CSV, and [`write`] replaces the output files atomically. Every stage reports
//! problems as [`diagnostic::Diagnostic`]s instead of stopping, so one run shows them all.

pub mod analyse;
pub mod archive;
pub mod catalogue;
pub mod cli;
pub mod diagnostic;
pub mod import;
pub mod layout;
pub mod load;
pub mod model;
pub mod office;
pub mod parse;
pub mod progress;
pub mod render;
pub mod responses;
pub mod scaffold;
pub mod serve;
pub mod view;
pub mod write;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use analyse::Analysis;
use diagnostic::Diagnostics;
use load::Folder;
use model::Report;
pub use progress::{Progress, Silent};
use render::{Format, RenderError, Sources};
use write::{Staging, WriteError};

/// A report folder read, parsed and analysed, with every problem found on the way.
pub struct Checked {
    pub folder: Folder,
    pub report: Report,
    pub analysis: Analysis,
    pub diagnostics: Diagnostics,
    /// The bytes of report.yaml's `word_template:` file, when it names one that exists.
    pub word_template: Option<Vec<u8>>,
}

impl Checked {
    /// The version of the report in `language`, one of report.yaml's `languages:`, as
    /// every renderer shows it.
    pub fn view(&self, language: &str) -> view::View<'_> {
        view::View::in_language(&self.report, &self.analysis, language)
    }

    /// What the renderers read to render `view`.
    pub fn sources<'a>(&'a self, view: &'a view::View<'a>) -> Sources<'a> {
        Sources {
            view,
            templates: &self.folder.templates,
            word_template: self.word_template.as_deref(),
        }
    }
}

/// Runs load, parse and analyse on the folder at `dir`.
pub fn check(dir: &Path) -> Checked {
    check_with(dir, &Silent)
}

/// [`check`], reporting progress as it goes.
pub fn check_with(dir: &Path, progress: &dyn Progress) -> Checked {
    let mut diagnostics = Diagnostics::default();
    progress.stage("Reading files", 0);
    let folder = load::load(dir, &mut diagnostics);
    // Updates follow up an earlier meeting, which only an archive has.
    if !folder.updates.is_empty() {
        diagnostics.push(
            diagnostic::Diagnostic::warning(format!("{}/", layout::UPDATES), diagnostic::Loc::START, "updates/ is read only in a meeting of an archive, and this folder is not in one")
                .hint("an archive is a folder with a panel.yaml, holding one folder per meeting; move this report folder into one, or remove updates/"),
        );
    }
    check_folder(folder, Some(dir), diagnostics, progress)
}

/// Runs parse and analyse on a folder already read, and everything `check` finds beyond
/// them. `dir` is where report.yaml's `word_template:` is looked up; without it the Word
/// template is not read. The fuzzer calls this with folders it makes up in memory.
pub fn check_folder(
    folder: Folder,
    dir: Option<&Path>,
    mut diagnostics: Diagnostics,
    progress: &dyn Progress,
) -> Checked {
    let report = parse::parse_with(&folder, &mut diagnostics, progress);
    progress.stage("Analysing", 0);
    let analysis = analyse::analyse(&report, &mut diagnostics);
    analyse::privacy::scan_folder(&folder, &report.meta, &mut diagnostics);
    let word_template = report
        .meta
        .word_template
        .as_ref()
        .zip(dir)
        .and_then(|(name, dir)| {
            load::read_word_template(dir, &folder.bound, name, &mut diagnostics)
        });
    let view = view::View::new(&report, &analysis);
    let sources = Sources {
        view: &view,
        templates: &folder.templates,
        word_template: word_template.as_deref(),
    };
    render::check(sources, &mut diagnostics);
    for source in folder.sources() {
        diagnostics.attach_source(&source.path, &source.text);
    }
    Checked {
        folder,
        report,
        analysis,
        diagnostics,
        word_template,
    }
}

/// Renders `formats` of a folder that [`check`] passed into `out`, replacing the files
/// there only once every one of them is complete. A problem found while rendering, such
/// as a broken user template, is added to the diagnostics and nothing is replaced.
pub fn write_report(
    checked: &mut Checked,
    formats: &[Format],
    out: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    write_report_with(checked, formats, out, &Silent)
}

/// [`write_report`], reporting each format as it is finished: a PDF of a large report
/// takes longest, and the bar shows how many of the files are done.
pub fn write_report_with(
    checked: &mut Checked,
    formats: &[Format],
    out: &Path,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, WriteError> {
    progress.stage("Rendering", formats.len() as u64);
    let staging = Staging::open(out)?;
    let mut found = Diagnostics::default();
    let files = render_into(checked, formats, &staging, "", &mut found, progress);
    checked.diagnostics.extend(found);
    let files = files?;
    if checked.diagnostics.has_errors() {
        return Ok(Vec::new());
    }
    staging.commit(files)
}

/// Renders `formats` of a checked report into `staging`, under `prefix` (`""`, or a
/// meeting's `2023-06/`). Problems found while rendering go to `diagnostics`; the files
/// are returned uncommitted, so that several reports can be replaced together.
pub fn render_into(
    checked: &Checked,
    formats: &[Format],
    staging: &Staging,
    prefix: &str,
    diagnostics: &mut Diagnostics,
    progress: &dyn Progress,
) -> Result<Vec<write::StagedFile>, WriteError> {
    let jobs: Vec<(Format, &str, String)> = formats
        .iter()
        .flat_map(|&format| {
            versions(checked, format)
                .into_iter()
                .map(move |(language, name)| (format, language, format!("{prefix}{name}")))
        })
        .collect();
    // The files are independent, so they render in parallel, each streaming to its own
    // file; each keeps its own diagnostics, merged afterwards in the jobs' order.
    let rendered: Vec<_> = jobs
        .par_iter()
        .map(|(format, language, name)| {
            let mut found = Diagnostics::default();
            let view = checked.view(language);
            let sources = checked.sources(&view);
            let result = staging.file(name).and_then(|mut file| {
                match render::render(*format, sources, &mut file, &mut found) {
                    Ok(()) => Ok(Some(file)),
                    Err(RenderError::Reported) => Ok(None),
                    Err(RenderError::Io(source)) => Err(WriteError::Io {
                        path: staging.path_of(name),
                        source,
                    }),
                }
            });
            progress.advance();
            (result, found)
        })
        .collect();
    let mut files = Vec::with_capacity(rendered.len());
    let mut failure = None;
    for (result, found) in rendered {
        diagnostics.extend(found);
        match result {
            Ok(Some(file)) => files.push(file),
            Ok(None) => {}
            Err(err) => failure = failure.or(Some(err)),
        }
    }
    match failure {
        Some(err) => Err(err),
        None => Ok(files),
    }
}

/// The files of `format` a checked report has, each with the language it is in: a
/// bilingual report has a page and a document per language, in `languages:` order;
/// report.json and themes.csv are data and stay one file each.
pub fn versions(checked: &Checked, format: Format) -> Vec<(&str, String)> {
    let languages = &checked.report.meta.languages;
    let chosen: Vec<&str> = if format.per_language() && languages.len() > 1 {
        languages.iter().map(String::as_str).collect()
    } else {
        vec![checked.report.meta.language.as_str()]
    };
    chosen
        .into_iter()
        .map(|language| (language, format.file_name_in(language, languages)))
        .collect()
}
