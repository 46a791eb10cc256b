//! Taking back the force's answers: a returned report.docx's Force Response cells,
//! written into the observation files they came from.
//!
//! The cells are found by the content-control tags report.docx carries
//! ([`crate::office::names`]), never by their place in the table, so a row the force
//! deleted or the officer reordered cannot put an answer in the wrong file. The work is
//! split the way the data flows: the Office layer's bounded reader opens the zip,
//! [`controls`] reads the tagged cells, [`markdown`] turns them into Markdown, and
//! [`splice`] writes that into the file leaving every other byte alone. Nothing here
//! writes to disk; the command does, once it has shown or checked every change.

mod cases;
pub mod controls;
pub mod diff;
pub mod markdown;
pub mod splice;

use std::collections::BTreeSet;
use std::path::{Component, Path};

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::load::Source;
use crate::model::audience::PUBLIC;
use crate::model::{Observation, Status};
use crate::office::names::{
    AUDIENCE_PROPERTY, MARK_PROPERTY, PACK, RESPONSE_MARK, RESPONSE_TAG, TAGS, TEXT_MARK,
    TRANSLATION, mark_name,
};
use crate::office::package::{DOCUMENT, Package};
pub use crate::office::{Reading, Refusal};
use crate::parse::markdown::{Mode, parse};

/// The most of word/document.xml that is read: a report of a hundred cases is a few MiB.
pub const MAX_DOCUMENT_BYTES: u64 = crate::office::package::MAX_BYTES;
/// The most of docProps/custom.xml that is read.
const MAX_PROPERTIES_BYTES: u64 = 1024 * 1024;

/// What the document says of one observation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The response is written: `paragraphs` of them, replacing a response or added.
    Written {
        paragraphs: usize,
        replaced: bool,
        status_moved: bool,
    },
    /// The document's response is the file's already.
    Unchanged,
    /// The response cell still shows its prompt, and the file has no response.
    Awaited,
}

/// One observation the document names, and what taking it back does to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// The file, from the report folder, with `/`.
    pub file: String,
    pub outcome: Outcome,
    pub before: String,
    pub after: String,
}

/// Everything taking the document back would do.
#[derive(Debug, Default)]
pub struct TakeBack {
    pub taken: Vec<Taken>,
    pub diagnostics: Diagnostics,
}

/// Reads the returned document `docx` (named `name` in messages) against the report
/// folder `dir`, and works out each observation file's new text.
pub fn take_back(docx: &[u8], name: &str, dir: &Path) -> Result<TakeBack, Refusal> {
    let mut package = Package::open(docx, Reading::Returned)?;
    let document = package
        .text(DOCUMENT, MAX_DOCUMENT_BYTES)?
        .ok_or_else(|| Reading::Returned.no_document())?;
    let properties = package.text("docProps/custom.xml", MAX_PROPERTIES_BYTES)?;
    let property = |name| {
        properties
            .as_deref()
            .and_then(|p| controls::property(p, name))
    };
    let mark = property(MARK_PROPERTY);
    let found = controls::read(&document, TAGS)?;
    if mark.as_deref() == Some(PACK) {
        return Err(Refusal::new(
            "this is a member's review pack, not the report",
            "a member's returned pack is taken back by `build-report collect`; `responses` takes the report.docx the force filled in",
        ));
    }
    if mark.as_deref() == Some(TRANSLATION) {
        return Err(Refusal::new(
            "this is a translated version of the report",
            "take the responses back from the version in the report's own language: report.docx, or report.LANGUAGE.docx when the report is built in several",
        ));
    }
    if property(AUDIENCE_PROPERTY).as_deref() == Some(PUBLIC) {
        return Err(Refusal::new(
            "this is the public copy of the report, which leaves out what only the force may see",
            "take the responses back from the copy the force was sent to fill in, such as output/force/report.docx",
        ));
    }
    let ours = found
        .iter()
        .any(|c| c.tag.starts_with(RESPONSE_TAG) || c.tag.starts_with(RESPONSE_MARK));
    if mark.is_none() && !ours {
        return Err(Refusal::new(
            "this document was not written by build-report, so its rows cannot be matched to observation files",
            "give the report.docx that `build-report build` wrote and the force filled in; a document without build-report's ids has its responses copied by hand",
        ));
    }
    let prompts: Vec<String> = crate::catalogue::LANGUAGES
        .iter()
        .filter_map(|(code, _)| crate::catalogue::Labels::built_in(code))
        .map(|l| l.response_prompt)
        .collect();
    let mut out = TakeBack::default();
    let files = observation_files(dir);
    let rows = rows(
        &found,
        &OBSERVATION_CELLS,
        &files,
        name,
        &mut out.diagnostics,
    );
    for (id, control, panel) in rows {
        let found = observation(
            dir,
            name,
            &id,
            control,
            panel,
            &prompts,
            &mut out.diagnostics,
        );
        out.taken.extend(found);
    }
    cases::take_back(&found, dir, name, &prompts, &mut out);
    // A report without observations has no cells to find.
    if !ours && !files.is_empty() {
        out.diagnostics.push(Diagnostic::warning(
            name,
            Loc::START,
            "the document has no Force Response cells build-report can recognise",
        ).hint("the table of observations was deleted, or rebuilt by copying and pasting; copy the responses by hand"));
    }
    Ok(out)
}

/// Which of the document's cells a kind of response is in: observations' or cases'.
pub(crate) struct Cells<'a> {
    /// The tag of its cells, before the id.
    pub tag: &'a str,
    /// The bookmark kind in the cell, outside the answer.
    pub mark: &'a str,
    /// The bookmark kind of the panel's text beside it, if it has a cell of its own.
    pub text: Option<&'a str>,
    /// What a cell's id names, for a warning when it is gone, and what to do then.
    pub what: &'a str,
    pub gone: &'a str,
}

const OBSERVATION_CELLS: Cells<'static> = Cells {
    tag: RESPONSE_TAG,
    mark: RESPONSE_MARK,
    text: Some(TEXT_MARK),
    what: "an observation whose file",
    gone: "if the observation was renamed, copy the response into its new file by hand",
};

/// Each response cell with the id it belongs to and the panel's text beside it: the
/// tagged cells first, then the bookmarked cells of a document whose tags a program
/// dropped (a Word document has both, and the tags win). `ids` are those the folder has,
/// which the bookmarks' hashes are matched against.
pub(crate) fn rows<'a>(
    found: &'a [controls::Control],
    cells: &Cells<'_>,
    ids: &[String],
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, &'a controls::Control, Option<&'a controls::Control>)> {
    // The panel's text is found by its cell's bookmark, whichever program saved it.
    let text_of = |id: &str| {
        let name = mark_name(cells.text?, id);
        found.iter().find(|c| c.tag == name)
    };
    let mut rows: Vec<_> = found
        .iter()
        .filter_map(|c| {
            let id = c.tag.strip_prefix(cells.tag)?;
            Some((id.to_string(), c, text_of(id)))
        })
        .collect();
    let tagged: BTreeSet<String> = rows.iter().map(|(id, _, _)| id.clone()).collect();
    for control in found {
        if !control.tag.starts_with(cells.mark) {
            continue;
        }
        if tagged
            .iter()
            .any(|id| mark_name(cells.mark, id) == control.tag)
        {
            continue;
        }
        match ids.iter().find(|f| mark_name(cells.mark, f) == control.tag) {
            Some(id) => rows.push((id.clone(), control, text_of(id))),
            None => diagnostics.push(
                Diagnostic::warning(
                    name,
                    Loc::START,
                    format!("the document has a response for {} is gone", cells.what),
                )
                .hint(cells.gone),
            ),
        }
    }
    let mut seen = BTreeSet::new();
    rows.retain(|(id, _, _)| {
        let first = seen.insert(id.clone());
        if !first {
            diagnostics.push(
                Diagnostic::warning(
                    name,
                    Loc::START,
                    format!("the document has two responses for {id}; only the first is taken"),
                )
                .hint("a row was copied in Word; put the whole response in the first row"),
            );
        }
        first
    });
    rows
}

/// The force's answer in a response cell, as paragraphs and as Markdown, or `None` when
/// nothing was typed: the cell still shows its prompt, or is empty. A program that drops
/// the placeholder's mark keeps its words as text, so those are passed over too.
pub(crate) fn answer(
    control: &controls::Control,
    prompts: &[String],
) -> Option<(Vec<controls::Paragraph>, String)> {
    let answer: Vec<controls::Paragraph> = control
        .paragraphs
        .iter()
        .filter(|p| {
            !prompts
                .iter()
                .any(|prompt| prompt.trim() == p.text().trim())
        })
        .cloned()
        .collect();
    let response = markdown::markdown(&answer);
    let typed = !control.placeholder
        && !response.is_empty()
        && !prompts.iter().any(|p| p.trim() == response.trim());
    typed.then_some((answer, response))
}

/// The number of paragraphs with words in an answer, for the summary line.
pub(crate) fn paragraphs(answer: &[controls::Paragraph]) -> usize {
    answer
        .iter()
        .filter(|p| !p.text().trim().is_empty())
        .count()
}

/// The observation files in the folder, by their path from it, for the bookmarks.
fn observation_files(dir: &Path) -> Vec<String> {
    let folder = crate::layout::OBSERVATIONS;
    let mut files: Vec<String> = std::fs::read_dir(dir.join(folder))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(|n| format!("{folder}/{n}")))
        .filter(|f| f.ends_with(".md"))
        .collect();
    files.sort();
    files
}

/// Whether `id` names an observation file inside the report folder, so that a tag
/// cannot make the command write anywhere else.
fn is_observation_path(id: &str) -> bool {
    let path = Path::new(id);
    id.starts_with(&format!("{}/", crate::layout::OBSERVATIONS))
        && id.ends_with(".md")
        && !id.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

fn observation(
    dir: &Path,
    name: &str,
    id: &str,
    control: &controls::Control,
    panel: Option<&controls::Control>,
    prompts: &[String],
    diagnostics: &mut Diagnostics,
) -> Option<Taken> {
    if !is_observation_path(id) {
        diagnostics.push(Diagnostic::warning(
            name,
            Loc::START,
            format!(
                "the document names `{id}`, which is not an observation file; it is passed over"
            ),
        ));
        return None;
    }
    let path = dir.join(id);
    let Ok(bytes) = std::fs::read(&path) else {
        diagnostics.push(
            Diagnostic::warning(
                id,
                Loc::START,
                "the document has a response for this observation, but the file is gone",
            )
            .hint("if the observation was renamed, copy the response into its new file by hand"),
        );
        return None;
    };
    let Ok(before) = String::from_utf8(bytes) else {
        diagnostics.push(
            Diagnostic::warning(
                id,
                Loc::START,
                "this file is not UTF-8 text, so the response is not written into it",
            )
            .hint("save the file as UTF-8, then run `build-report responses` again"),
        );
        return None;
    };
    let bom = if before.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let source = Source {
        path: id.to_string(),
        text: before[bom.len()..].to_string(),
    };
    let mut parsed = Diagnostics::default();
    let model = crate::parse::observation::parse(&source, &mut parsed);
    let Some(model) = model.filter(|_| !parsed.has_errors()) else {
        diagnostics.push(
            Diagnostic::warning(
                id,
                Loc::START,
                "this file has errors, so the response is not written into it",
            )
            .hint(format!(
                "run `build-report check {}` and fix them first",
                dir.display()
            )),
        );
        return None;
    };
    if let Some(panel) = panel {
        compare_text(id, &model, panel, diagnostics);
    }
    let typed = answer(control, prompts);
    let had = !model.response.is_empty();
    let unchanged = |outcome| Taken {
        file: id.to_string(),
        outcome,
        before: before.clone(),
        after: before.clone(),
    };
    let Some((answer, response)) = typed else {
        if had {
            diagnostics.push(
                Diagnostic::warning(
                    id,
                    Loc::START,
                    "the document's Force Response cell is empty, so the file's response is kept",
                )
                .hint("if the force withdrew its response, delete it from the file by hand"),
            );
            return Some(unchanged(Outcome::Unchanged));
        }
        return Some(unchanged(Outcome::Awaited));
    };
    let blocks = parse(&SourceId::new(&source.path), &response, 0, Mode::Plain).blocks;
    if markdown::shape(&blocks) == markdown::shape(&model.response) {
        return Some(unchanged(Outcome::Unchanged));
    }
    let spliced = splice::splice(&source.text, &response);
    let status_moved = spliced.status_moved && model.status == Status::AwaitingResponse;
    Some(Taken {
        file: id.to_string(),
        outcome: Outcome::Written {
            paragraphs: paragraphs(&answer),
            replaced: spliced.replaced,
            status_moved,
        },
        after: format!("{bom}{}", spliced.text),
        before,
    })
}

/// Warns where the document's observation text is not the panel's, showing both.
fn compare_text(
    id: &str,
    model: &Observation,
    panel: &controls::Control,
    diagnostics: &mut Diagnostics,
) {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let theirs = words(
        &panel
            .paragraphs
            .iter()
            .map(controls::Paragraph::text)
            .collect::<Vec<_>>()
            .join(" "),
    );
    let ours = words(
        &markdown::shape(&model.observation)
            .iter()
            .map(|s| s.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if theirs != ours {
        diagnostics.push(
            Diagnostic::warning(
                id,
                Loc::START,
                "the returned document changes the panel's observation; the panel's text is kept",
            )
            .hint(format!(
                "the panel's text: {ours}\nthe document's text: {theirs}"
            )),
        );
    }
}
