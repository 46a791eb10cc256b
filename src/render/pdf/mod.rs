//! report.pdf: the report as an accessible PDF, made inside the binary with typst.
//!
//! typst (pinned to 0.15, whose API changes between minor versions) lays out a `.typ`
//! template in a sealed [`world`] and writes a tagged PDF with its title, language and
//! outline, to PDF/UA-1, with fonts embedded and no timestamp, so the same input gives the
//! same bytes. The built-in template lays the report out in [`pieces`], side by side,
//! joined into one document; a panel's own template, which knows nothing of pieces, lays it
//! out whole. The report reaches the template only as data ([`data`], a JSON file the
//! template reads), never spliced into typst source, so nothing typed in a case file can
//! run as typst markup or code. As with report.html, a `templates/report.typ` in the
//! report folder replaces the built-in template, and a mistake in it is reported at its
//! file, line and column. A PDF laid out before from the same template and data is taken
//! from the [`cache`](crate::render::cache) instead.

mod breakdown;
mod data;
mod markdown;
mod pieces;
mod printable;
mod world;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::syntax::DiagSpanKind;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::render::{Output, RenderError, Renderer, Sources};

pub use world::FONT_FAMILY;
use world::ReportWorld;

/// The built-in template, and the name of the file in templates/ that replaces it.
pub const BUILT_IN: &str = include_str!("../../../templates/report.typ");
pub const TEMPLATE: &str = "report.typ";

/// The PDF's renderer.
pub struct Pdf;

impl Renderer<Sources<'_>> for Pdf {
    fn file_name(&self) -> &'static str {
        "report.pdf"
    }

    /// A user template with a syntax error is reported before anything is rendered;
    /// mistakes that only show when it runs are reported by [`Renderer::render`].
    fn check(&self, sources: Sources<'_>, diagnostics: &mut Diagnostics) {
        let Some(file) = sources.template(TEMPLATE) else {
            return;
        };
        let Ok(text) = crate::render::template_text(file, diagnostics) else {
            return;
        };
        let source = typst::syntax::Source::detached(text.clone());
        if let Some(error) = source.root().errors_and_warnings().0.first() {
            let start = match error.span.get() {
                DiagSpanKind::Number { num, sub_range, .. } => {
                    source.range(num, sub_range).map(|r| r.start)
                }
                DiagSpanKind::Range { range, .. } => Some(range.start),
                DiagSpanKind::Detached => None,
            };
            let loc = start.map_or(Loc::START, |byte| loc_of(&source, byte));
            diagnostics.push(template_error(
                &file.path,
                &text,
                loc,
                &error.message,
                (Severity::Error, true),
            ));
        }
    }

    fn render(
        &self,
        sources: Sources<'_>,
        out: &mut dyn Output,
        diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        let user = sources.template(TEMPLATE);
        let (template, shown) = match user {
            Some(file) => (
                crate::render::template_text(file, diagnostics)?,
                file.path.clone(),
            ),
            None => (
                BUILT_IN.to_string(),
                format!("(built-in) templates/{TEMPLATE}"),
            ),
        };
        let (data, missing) =
            data::json(sources.view, world::covered).map_err(std::io::Error::other)?;
        if !missing.is_empty() {
            diagnostics.push(missing_letters(&missing));
        }
        let store = crate::render::cache::store();
        let key = store.map(|store| store.key("pdf", &[template.as_bytes(), &data]));
        if let Some(bytes) = store.zip(key.as_ref()).and_then(|(s, key)| s.get(key)) {
            return Ok(out.write_all(&bytes)?);
        }
        // A panel's own template knows nothing of pieces, so it lays out the report whole;
        // the built-in one copied to templates/ unchanged is still the built-in one. A
        // report of one run of cases gains nothing from pieces but the cost of making them.
        let built_in = user.is_none() || template == BUILT_IN;
        let long = sources.view.report.cases.len() > pieces::CASES_PER_PIECE;
        let joined = if built_in && long {
            in_pieces(&template, &data, &shown, diagnostics)?
        } else {
            None
        };
        let (bytes, warned) = match joined {
            Some(bytes) => (bytes, false),
            None => whole(
                ReportWorld::new(template, data),
                &shown,
                user.is_some(),
                diagnostics,
            )?,
        };
        // A PDF whose making warned is made again each time, so the warning is not lost.
        if let Some((store, key)) = store.zip(key).filter(|_| !warned) {
            store.put(&key, &bytes);
        }
        Ok(out.write_all(&bytes)?)
    }
}

/// The PDF of the built-in template laid out in [`pieces`]; `None` when they could not be
/// joined, or typst could not write the joined report, which is then laid out whole.
fn in_pieces(
    template: &str,
    data: &[u8],
    shown: &str,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Vec<u8>>, RenderError> {
    let value = serde_json::from_slice(data).map_err(std::io::Error::other)?;
    match pieces::lay_out(template, &value, pieces::CASES_PER_PIECE) {
        Ok(document) => Ok(typst_pdf::pdf(&document, &options()).ok()),
        Err(pieces::NotJoined::Failed(failed)) => {
            report(&failed.world, shown, false, &failed.errors, diagnostics);
            Err(RenderError::Reported)
        }
        Err(pieces::NotJoined::Refused) => Ok(None),
    }
}

/// The PDF laid out whole, and whether typst warned; `own` when the template is the
/// panel's, whose warnings are reported.
fn whole(
    world: ReportWorld,
    shown: &str,
    own: bool,
    diagnostics: &mut Diagnostics,
) -> Result<(Vec<u8>, bool), RenderError> {
    let compiled = typst::compile::<PagedDocument>(&world);
    // Warnings matter only in a panel's own template; the built-in one has none.
    if own {
        report(&world, shown, own, &compiled.warnings, diagnostics);
    }
    let document = compiled.output.map_err(|errors| {
        report(&world, shown, own, &errors, diagnostics);
        RenderError::Reported
    })?;
    let bytes = typst_pdf::pdf(&document, &options()).map_err(|errors| {
        report(&world, shown, own, &errors, diagnostics);
        RenderError::Reported
    })?;
    Ok((bytes, !compiled.warnings.is_empty()))
}

/// One warning for every character the PDF's font cannot show.
fn missing_letters(missing: &std::collections::BTreeSet<char>) -> Diagnostic {
    let listed: Vec<String> = missing
        .iter()
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
        .collect();
    Diagnostic::warning(
        "report.pdf",
        Loc::START,
        format!(
            "the PDF's font has no letter for {}, so report.pdf shows `{}` in its place",
            listed.join(", "),
            printable::MISSING
        ),
    )
    .hint("the other formats show the text as written; a PDF/UA file may hold only what its font can show")
}

/// Tagged, to PDF/UA-1, with no timestamp: the document's identifier is a hash of its
/// title, so it is the same on every build.
fn options() -> PdfOptions {
    PdfOptions {
        ident: Smart::Auto,
        timestamp: None,
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default(),
        tagged: true,
        ..PdfOptions::default()
    }
}

/// Reports typst's errors or warnings at the template's file, line and column.
fn report(
    world: &ReportWorld,
    shown: &str,
    own: bool,
    found: &[SourceDiagnostic],
    diagnostics: &mut Diagnostics,
) {
    let source = world.template();
    for problem in found {
        let in_template = problem.span.id() == Some(source.id());
        let loc = world
            .range(problem.span)
            .filter(|_| in_template)
            .map_or(Loc::START, |range| loc_of(source, range.start));
        let mut message = problem.message.to_string();
        for hint in &problem.hints {
            message.push_str("; ");
            message.push_str(&hint.v);
        }
        diagnostics.push(template_error(
            shown,
            source.text(),
            loc,
            &message,
            (problem.severity, own),
        ));
    }
}

fn loc_of(source: &typst::syntax::Source, byte: usize) -> Loc {
    source
        .lines()
        .byte_to_line_column(byte)
        .map_or(Loc::START, |(line, column)| Loc::new(line + 1, column + 1))
}

fn template_error(
    file: &str,
    source: &str,
    loc: Loc,
    message: &str,
    (severity, own): (Severity, bool),
) -> Diagnostic {
    let make: fn(String, Loc, String) -> Diagnostic = match severity {
        Severity::Error => Diagnostic::error,
        Severity::Warning => Diagnostic::warning,
    };
    let mut diagnostic = make(file.into(), loc, format!("PDF template error: {message}")).hint(
        crate::render::template_hint(
            own,
            "fix the template, or delete it to use the built-in one; the report reaches it as the JSON file /report.json",
        ),
    );
    diagnostic.source_line = source.lines().nth(loc.line - 1).map(str::to_string);
    diagnostic
}
