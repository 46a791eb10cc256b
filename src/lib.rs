//! build-report turns a scrutiny panel's folder of case reviews into a finished report.
//!
//! The pipeline is one module per stage, run in this order by [`build`] and [`check`]:
//! [`load`] finds and reads the files, [`parse`] turns them into the [`model`],
//! [`analyse`] counts themes, checks and judgements, [`render`] produces HTML, Word, PDF,
//! Excel, JSON and CSV, and [`sink`] writes the files, replacing them on disk atomically
//! with [`write`] or keeping them in memory for `serve`. Every stage reports problems as
//! [`diagnostic::Diagnostic`]s instead of stopping, so one run shows them all.

pub mod analyse;
pub mod archive;
pub mod audience;
pub mod catalogue;
pub mod changes;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod import;
pub mod layout;
pub mod load;
pub mod model;
pub mod office;
pub mod pack;
pub mod parse;
pub mod progress;
pub mod render;
pub mod responses;
pub mod scaffold;
pub mod serve;
pub mod sink;
pub mod view;
pub mod write;

use std::path::{Path, PathBuf};

use analyse::Analysis;
use diagnostic::Diagnostics;
use load::Folder;
use model::Report;
pub use progress::{Progress, Silent};
use render::{Format, Sources};
use write::WriteError;

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
    // The privacy scan reads the files, not the analysis, so the two run side by side;
    // their problems keep the order they had one after the other.
    let mut scanned = Diagnostics::default();
    let (analysis, ()) = rayon::join(
        || analyse::analyse(&report, &mut diagnostics),
        || analyse::privacy::scan_folder(&folder, &report.meta, &mut scanned),
    );
    audience::check(&report, &mut diagnostics);
    diagnostics.extend(scanned);
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
/// as a broken user template, is added to the diagnostics and nothing is replaced. A
/// report with `audiences:` is written as one copy per audience, each in its own folder.
pub fn write_report(
    checked: &mut Checked,
    formats: &[Format],
    out: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    write_report_with(checked, formats, out, None, &Silent)
}

/// [`write_report`] of the copy for `audience` alone, or of every copy, reporting each
/// file as it is finished: a PDF of a large report takes longest, and the bar shows how
/// many of the files are done.
pub fn write_report_with(
    checked: &mut Checked,
    formats: &[Format],
    out: &Path,
    audience: Option<&str>,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, WriteError> {
    let mut found = Diagnostics::default();
    let copies = audience::copies(&checked.report, &checked.analysis, audience);
    let staged = sink::stage(
        &sink::outputs::report(checked, &copies, formats, ""),
        out,
        &mut found,
        progress,
    );
    checked.diagnostics.extend(found);
    staged?.commit(&checked.diagnostics)
}
