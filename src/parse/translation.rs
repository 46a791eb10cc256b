//! Translations: `cases/case-06.cy.md`, `background.cy.md` and the like, beside the files
//! they translate.
//!
//! A translation only changes what one version of the report says. Its case's number,
//! checks, judgement and tags all come from the plain file, so that both versions count
//! the same cases the same way; a translation's front matter may give only `title:` and
//! the notes on its answers. Its
//! points pair one to one with the original's, in order, which is how the Welsh version
//! quotes the Welsh point as evidence; where the two part, that is said at the first place.

pub mod settings;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::layout;
use crate::load::{Source, translation_of};
use crate::model::{Block, Case, Meta, Point, Section, Translated, Translation};
use crate::parse::frontmatter::{self, entries, text};
use crate::parse::markdown::{self, Mode};
use crate::parse::yaml::Node;

/// Code for the warnings that something is not translated, which `build --publish`
/// turns into errors.
pub const UNTRANSLATED: &str = "untranslated";

/// Parses every translation in `sources` against the parsed plain files.
pub fn parse(
    sources: &[Source],
    meta: &Meta,
    cases: &[Case],
    observations: &[String],
    diagnostics: &mut Diagnostics,
) -> Vec<Translation> {
    let mut out = Vec::new();
    for source in sources {
        let file = source.path.as_str();
        let Some((code, original)) = translation_of(file) else {
            continue;
        };
        if code == meta.language {
            diagnostics.push(
                Diagnostic::warning(file, Loc::START, format!("{file} is in the report's own language, so it is not read"))
                    .hint(format!("the plain files are in `{code}`; put this text in {original}, or set `language:` in report.yaml to the language of the plain files")),
            );
            continue;
        }
        if !meta.languages.iter().any(|l| l == code) {
            diagnostics.push(
                Diagnostic::warning(file, Loc::START, format!("the report is not published in `{code}`, so {file} is not used"))
                    .hint(format!("add `{code}` to `languages:` in report.yaml, such as `languages: [{code}, {}]`", meta.language)),
            );
            continue;
        }
        let content = if layout::within(layout::CASES, &original).is_some() {
            let Some(case) = cases.iter().find(|c| c.file == original) else {
                diagnostics.push(missing_original(file, &original));
                continue;
            };
            case_translation(source, case, meta, diagnostics)
        } else if layout::within(layout::OBSERVATIONS, &original).is_some() {
            if !observations.contains(&original) {
                diagnostics.push(missing_original(file, &original));
                continue;
            }
            let body = markdown::parse(&SourceId::new(file), &source.text, 0, Mode::Plain);
            markdown::warn_empty_headings(file, &body, diagnostics);
            let (observation, response) = super::observation::divide(body.blocks);
            Translated::Observation {
                observation,
                response,
            }
        } else {
            Translated::Doc(super::doc(source, diagnostics))
        };
        out.push(Translation {
            language: code.to_string(),
            file: file.to_string(),
            original,
            content,
        });
    }
    out
}

fn missing_original(file: &str, original: &str) -> Diagnostic {
    Diagnostic::warning(
        file,
        Loc::START,
        format!("{file} translates {original}, which is not in the report"),
    )
    .hint("a translation sits beside the file it translates, with the same name and the language before `.md`; rename it to match, or remove it")
}

fn case_translation(
    source: &Source,
    case: &Case,
    meta: &Meta,
    diagnostics: &mut Diagnostics,
) -> Translated {
    let file = source.path.as_str();
    let split = frontmatter::split(source, diagnostics);
    let mut title = None;
    let mut notes = Vec::new();
    if let Some(front) = &split.front {
        for (key, value) in entries(front, file, "the front matter", diagnostics) {
            if key.name == "title" {
                title = text(value, file, "title", diagnostics);
            } else if key.name == "checks" {
                notes = check_notes(value, file, case, diagnostics);
            } else {
                diagnostics.push(
                    Diagnostic::warning(file, key.loc, format!("`{}` is not read from a translation", key.name))
                        .width(key.name.chars().count())
                        .hint(format!("a translation gives only `title:` and its notes on answers (`checks: {{id: {{note: ...}}}}`); the case's number, checks, judgement and themes come from {}, so both versions count the same", case.file)),
                );
            }
        }
    }
    let words = super::case::restricted::heading_words(Some(meta));
    let (source, restricted) = super::case::restricted::take(source, split.body_offset, &words);
    let source = source.as_ref();
    // Notes no copy carries are in no version, as the original's are not.
    let restricted = restricted
        .filter(|_| meta.audiences.iter().any(|a| a.restricted_notes))
        .map_or_else(Vec::new, |notes| notes.blocks);
    let divided =
        super::case::response::divide(&source.text, split.body_offset, &meta.response_headings);
    let (text, response) = match &divided {
        None => (source.text.as_str(), Vec::new()),
        Some(divided) => {
            let id = SourceId::new(&source.path);
            let response = markdown::parse(&id, &divided.response, split.body_offset, Mode::Plain);
            (divided.points.as_str(), response.blocks)
        }
    };
    let body = markdown::parse(
        &SourceId::new(&source.path),
        text,
        split.body_offset,
        Mode::Points,
    );
    markdown::warn_empty_headings(&source.path, &body, diagnostics);
    let mut sections = super::case::body::sections(body.blocks);
    // In a case folder the translation is of case.md alone: the members' points, which
    // follow its own, are not in it.
    let own_sections = case.own_sections.as_deref().unwrap_or(&case.sections);
    let own_points = case
        .points
        .iter()
        .take_while(|p| p.member.is_none())
        .count();
    let paired = match parting(
        own_sections,
        &sections,
        &case.points[..own_points],
        &body.points,
    ) {
        None => true,
        Some((at, there)) => {
            diagnostics.push(
                Diagnostic::warning(file, at, format!("this translation parts from {} here", case.file))
                    .hint(format!("{there}; a translation has the same headings and points as its original, in the same order. Until they pair, this version quotes the original's points as evidence")),
            );
            false
        }
    };
    let surplus = body.points.len().saturating_sub(own_points);
    join_members(&mut sections, own_sections, case, paired, surplus);
    Translated::Case {
        title,
        sections,
        points: body.points,
        paired,
        notes,
        response,
        restricted,
    }
}

/// Adds the members' points of a case folder to its translation, as they were added to
/// case.md: each under the translation's heading at the place of case.md's heading of the
/// same words, when the two pair. The points stay in their own words, which this
/// version shows marked as the report's language, as it shows any untranslated text.
///
/// A translation that does not pair may have `surplus` points more than case.md; the
/// members' points are then numbered on past its own, so that no point of the
/// translation shares a member's number, which is both its anchor on the page and how a
/// version tells the members' points, in the original language, from the translated ones.
fn join_members(
    sections: &mut Vec<Section>,
    own: &[Section],
    case: &Case,
    paired: bool,
    surplus: usize,
) {
    let mut headings = Vec::new();
    if paired {
        pair_headings(own, sections, &mut headings);
    }
    for review in &case.reviews {
        let mut more = review.sections.clone();
        renumber(&mut more, surplus);
        rename(&mut more, &headings);
        super::case::members::merge_sections(sections, more);
    }
}

fn renumber(sections: &mut [Section], by: usize) {
    for section in sections {
        super::case::members::renumber(&mut section.blocks, by);
        renumber(&mut section.children, by);
    }
}

type Headings = Vec<((u8, Option<String>), Option<Vec<crate::model::Inline>>)>;

/// Each heading of `own` by its key, with the heading at its place in `translated`.
fn pair_headings(own: &[Section], translated: &[Section], out: &mut Headings) {
    for (a, b) in own.iter().zip(translated) {
        out.push((super::case::members::key(a), b.heading.clone()));
        pair_headings(&a.children, &b.children, out);
    }
}

/// Gives each of a member's headings the translation's words for it; one the
/// translation has no words for stays in the member's, and is marked so. Should the
/// translation have a heading of the same words after all, it joins that one and the
/// mark goes with it.
fn rename(sections: &mut [Section], headings: &Headings) {
    for section in sections {
        let key = super::case::members::key(section);
        match headings.iter().find(|(k, _)| *k == key) {
            Some((_, heading)) => section.heading.clone_from(heading),
            None => section.untranslated = section.heading.is_some(),
        }
        rename(&mut section.children, headings);
    }
}

/// A translation's `checks: {id: {note: ...}}`: the notes in its language. The answers
/// come from the plain file, so a note here on an answer that has none there is unused.
fn check_notes(
    node: &Node,
    file: &str,
    case: &Case,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    for (check, value) in entries(node, file, "`checks`", diagnostics) {
        let noted = case
            .checks
            .iter()
            .any(|a| a.id == check.name && a.note.is_some());
        for (key, node) in entries(value, file, "a translated answer", diagnostics) {
            if key.name != "note" {
                diagnostics.push(
                    Diagnostic::warning(file, key.loc, format!("`{}` is not read from a translation", key.name))
                        .width(key.name.chars().count())
                        .hint(format!("a translation gives only the note on an answer, as `{}: {{note: ...}}`; the answer comes from {}", check.name, case.file)),
                );
            } else if !noted {
                diagnostics.push(
                    Diagnostic::warning(
                        file,
                        check.loc,
                        format!(
                            "{} gives no note on `{}`, so this one is not shown",
                            case.file, check.name
                        ),
                    )
                    .width(check.name.chars().count())
                    .hint(format!(
                        "write the note in {} first, as `{}: {{answer: ..., note: ...}}`",
                        case.file, check.name
                    )),
                );
            } else if let Some(note) = text(node, file, "note", diagnostics) {
                notes.push((check.name.clone(), note));
            }
        }
    }
    notes
}

/// One step of a case body's outline: a heading of some level, or a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Heading(u8),
    Point(usize),
}

/// Where the translation's outline first differs from the original's, if it does: the
/// place in the translation and what the original has there.
fn parting(
    original: &[Section],
    translated: &[Section],
    original_points: &[Point],
    translated_points: &[Point],
) -> Option<(Loc, String)> {
    let (a, b) = (outline(original), outline(translated));
    let line_of = |steps: &[Step], points: &[Point], from: usize| {
        steps[from..]
            .iter()
            .find_map(|s| match s {
                Step::Point(p) => points.get(*p).map(|p| p.line),
                Step::Heading(_) => None,
            })
            .or_else(|| points.last().map(|p| p.line))
            .unwrap_or(1)
    };
    for i in 0..a.len().max(b.len()) {
        let same = match (a.get(i), b.get(i)) {
            (Some(Step::Heading(x)), Some(Step::Heading(y))) => x == y,
            (Some(Step::Point(_)), Some(Step::Point(_))) => true,
            _ => false,
        };
        if same {
            continue;
        }
        let at = Loc::new(line_of(&b, translated_points, i.min(b.len())), 1);
        let there = match a.get(i) {
            Some(Step::Point(_)) => format!(
                "the original has a point here, at line {}",
                line_of(&a, original_points, i)
            ),
            Some(Step::Heading(_)) => "the original has a heading here".to_string(),
            None => "the original has nothing more".to_string(),
        };
        return Some((at, there));
    }
    None
}

fn outline(sections: &[Section]) -> Vec<Step> {
    let mut steps = Vec::new();
    for section in sections {
        if section.heading.is_some() {
            steps.push(Step::Heading(section.level));
        }
        points_in(&section.blocks, &mut steps);
        steps.extend(outline(&section.children));
    }
    steps
}

fn points_in(blocks: &[Block], steps: &mut Vec<Step>) {
    for block in blocks {
        match block {
            Block::List { items, .. } => {
                for item in items {
                    if let Some(point) = item.point {
                        steps.push(Step::Point(point));
                    }
                    points_in(&item.blocks, steps);
                }
            }
            Block::Quote(inner) => points_in(inner, steps),
            _ => {}
        }
    }
}

/// Warns, with [`UNTRANSLATED`], about every published file that has no translation into
/// one of the report's other languages, so that `check` lists them and `build --publish`
/// refuses while any remains.
pub fn untranslated(
    meta: &Meta,
    published: &[&str],
    translations: &[Translation],
    diagnostics: &mut Diagnostics,
) {
    for code in meta.languages.iter().filter(|l| **l != meta.language) {
        for file in published {
            if translations
                .iter()
                .any(|t| &t.language == code && t.original == *file)
            {
                continue;
            }
            let (stem, extension) = file.rsplit_once('.').unwrap_or((file, "md"));
            diagnostics.push(
                Diagnostic::warning(*file, Loc::START, format!("{file} has no `{code}` translation"))
                    .code(UNTRANSLATED)
                    .hint(format!("write it in {stem}.{code}.{extension}; until then the `{code}` version shows this text in its own language")),
            );
        }
    }
}
