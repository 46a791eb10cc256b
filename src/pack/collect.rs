//! `collect`: a returned pack's boxes and drop-downs, taken back into the member's own
//! file in each case folder.
//!
//! Only what came from the pack is replaced: the points under each of the pack's
//! headings and the member's answers. case.md and the other members' files are never
//! written; a single-file case becomes a folder only when the pack brings something to
//! it. A member file changed since the pack was written (packs.yaml keeps its hash) is
//! not overwritten unless forced, since the member's pack does not show that change.
//! Everything is worked out here before anything is written, which the command does.

use std::collections::BTreeMap;
use std::path::Path;

use super::Manifest;
use super::folder::{self, Folder, member_file};
use super::record::{Entry, Record, hash};
use super::write::{Answers, member_text};
use crate::diagnostic::{Diagnostic, Diagnostics, Loc, all_of};
use crate::model::{Answer, Case};
use crate::office::names::{
    BOX_END_MARK, BOX_MARK, MARK_PROPERTY, PACK, PACK_PROPERTY, PICK_MARK, RESPONSE_MARK,
    RESPONSE_TAG, mark_name, pack_key,
};
use crate::office::package::{DOCUMENT, MAX_BYTES, Package};
use crate::office::{Reading, Refusal};
use crate::responses::controls::{self, Paragraph};

/// What collecting a pack does to one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub case: String,
    /// The member's file, from the report folder.
    pub file: String,
    /// Its text before, `None` when it is new.
    pub before: Option<String>,
    pub after: String,
    /// A single-file case's files moved into its folder, each from and to.
    pub moves: Vec<(String, String)>,
    /// What changed, in words: "2 points added", "judgement: appropriate".
    pub summary: Vec<String>,
}

/// Everything collecting a pack would do.
#[derive(Debug, Default)]
pub struct Collected {
    pub member: String,
    pub changes: Vec<Change>,
    /// Cases left as they were, each with why.
    pub kept: Vec<(String, String)>,
    /// packs.yaml's text before and after.
    pub record: (String, String),
    pub diagnostics: Diagnostics,
}

/// Reads the returned pack `docx` (named `name` in messages) against the report at
/// `dir`; `force` takes a case back even where the member's file changed since.
pub fn collect(
    docx: &[u8],
    name: &str,
    dir: &Path,
    force: bool,
    today: &str,
) -> Result<Collected, Refusal> {
    let mut package = Package::open(docx, Reading::Returned)?;
    let document = package
        .text(DOCUMENT, MAX_BYTES)?
        .ok_or_else(|| Reading::Returned.no_document())?;
    let properties = package.text("docProps/custom.xml", MAX_BYTES)?;
    let property = |key| {
        properties
            .as_deref()
            .and_then(|p| controls::property(p, key))
    };
    let manifest = property(PACK_PROPERTY).and_then(|m| Manifest::from_json(&m));
    let manifest = match (property(MARK_PROPERTY).as_deref(), manifest) {
        (Some(PACK), Some(manifest)) => manifest,
        (Some(_), _) => return Err(a_report()),
        (None, _) if document.contains(RESPONSE_TAG) || document.contains(RESPONSE_MARK) => {
            return Err(a_report());
        }
        _ => {
            return Err(Refusal::new(
                "this document is not a review pack written by `build-report pack`, so its answers cannot be matched to cases",
                "give the .docx the member was sent, as they saved it; copy the points from any other document into their files by hand",
            ));
        }
    };
    let folder = folder::read(dir).ok_or_else(|| {
        Refusal::new(
            format!("{} is not a report folder", dir.display()),
            "give the folder with report.yaml, or the meeting of an archive the pack is for",
        )
    })?;
    let member = manifest.member.clone();
    let ids = folder.members();
    if !ids.contains(&member.as_str()) {
        return Err(super::make::no_member(&member, &ids));
    }
    if folder.checked.diagnostics.has_errors() {
        return Err(Refusal::new(
            "the report folder has errors, so the pack cannot be taken back into it",
            format!(
                "run `build-report check {}` and fix them first",
                dir.display()
            ),
        ));
    }
    let missing: Vec<&String> = manifest
        .cases
        .iter()
        .filter(|id| folder.case(id).is_none())
        .collect();
    if !manifest.cases.is_empty() && missing.len() == manifest.cases.len() {
        return Err(Refusal::new(
            format!(
                "none of the pack's cases ({}) is in this report",
                all_of(&manifest.cases)
            ),
            "give the folder of the meeting the pack was written for",
        ));
    }
    let mut out = Collected {
        member: member.clone(),
        ..Collected::default()
    };
    if !missing.is_empty() {
        out.diagnostics.push(
            Diagnostic::warning(
                name,
                Loc::START,
                format!(
                    "the pack has case{} {} that the report no longer has; {} passed over",
                    if missing.len() == 1 { "" } else { "s" },
                    all_of(&missing),
                    if missing.len() == 1 {
                        "it is"
                    } else {
                        "they are"
                    }
                ),
            )
            .hint("if a case was renumbered, copy the member's points into its file by hand"),
        );
    }
    if document.contains("commentReference") {
        out.diagnostics.push(
            Diagnostic::warning(
                name,
                Loc::START,
                "the pack has comments, which are not read back",
            )
            .hint("if the member wrote points as comments, copy them into their file by hand"),
        );
    }
    let paragraphs = controls::paragraphs(&document)?;
    let record_text = std::fs::read_to_string(dir.join(super::record::FILE)).unwrap_or_default();
    let mut record = Record::parse(&record_text).map_err(|e| {
        Refusal::new(
            e,
            "packs.yaml is written by `build-report pack`; put it back as it was",
        )
    })?;
    let entry = record.packs.entry(member.clone()).or_insert_with(|| Entry {
        date: manifest.date.clone(),
        ..Entry::default()
    });
    let pack = Pack {
        manifest: &manifest,
        paragraphs: &paragraphs,
        name,
    };
    for id in &manifest.cases {
        let Some(case) = folder.case(id) else {
            continue;
        };
        let file = member_file(folder.local(&case.file), &member);
        let current = std::fs::read_to_string(dir.join(&file)).ok();
        let answers = pack.answers(&folder, case, &mut out.diagnostics);
        let boxes = pack.boxes(case, &mut out.diagnostics);
        let after = member_text(current.as_deref(), &folder, case, &member, &answers, &boxes);
        let unchanged = Some(after.as_str()) == current.as_deref()
            || current.is_none()
                && !answers.brings()
                && super::write::point_texts(&after).is_empty();
        if unchanged {
            entry
                .files
                .insert(file, hash(current.as_deref().map(str::as_bytes)));
            continue;
        }
        let now = hash(current.as_deref().map(str::as_bytes));
        let stale = entry.files.get(&file).is_some_and(|was| *was != now);
        if stale && !force {
            out.diagnostics.push(
                Diagnostic::error(
                    file.as_str(),
                    Loc::START,
                    format!("case {id}: this file changed since {member}'s pack was written, so the pack's points are not taken back into it"),
                )
                .hint(format!(
                    "the pack would change it so:\n{}\nmerge the two by hand, or run `build-report collect` again with --force to take the pack's version",
                    crate::responses::diff::unified(&file, current.as_deref().unwrap_or(""), &after).trim_end()
                )),
            );
            out.kept.push((id.clone(), "changed since the pack".into()));
            continue;
        }
        let moves = if folder::is_folder(folder.local(&case.file)) {
            Vec::new()
        } else {
            moves(dir, folder.local(&case.file))
        };
        entry
            .files
            .insert(file.clone(), hash(Some(after.as_bytes())));
        out.changes.push(Change {
            case: id.clone(),
            summary: summary(current.as_deref(), &after, case, &member, &answers),
            file,
            before: current,
            after,
            moves,
        });
    }
    if entry.collected.is_none() {
        entry.collected = Some(today.to_string());
    }
    let record = (record_text, record.text());
    out.record = if record.0.trim().is_empty() && out.changes.is_empty() {
        (String::new(), String::new())
    } else {
        record
    };
    Ok(out)
}

/// A report.docx given to `collect`.
fn a_report() -> Refusal {
    Refusal::new(
        "this is the report, not a member's review pack",
        "the force's answers in a returned report.docx are taken back by `build-report responses`; `collect` takes the packs `build-report pack` wrote",
    )
}

/// A returned pack's paragraphs, read by their bookmarks.
struct Pack<'a> {
    manifest: &'a Manifest,
    paragraphs: &'a [Paragraph],
    name: &'a str,
}

impl Pack<'_> {
    fn at(&self, mark: &str) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.marks.iter().any(|m| m == mark))
    }

    /// Each heading's box as the member left it: `None` for a box they deleted, which
    /// is warned of and leaves the file's points there alone.
    fn boxes(&self, case: &Case, diagnostics: &mut Diagnostics) -> Vec<(String, Vec<Paragraph>)> {
        let id = case.id();
        let mut found = Vec::new();
        for heading in &self.manifest.headings {
            let key = pack_key(&id, heading);
            let start = self.at(&mark_name(BOX_MARK, &key));
            let end = self.at(&mark_name(BOX_END_MARK, &key));
            match (start, end) {
                (Some(start), Some(end)) if start < end => {
                    let inside = self.paragraphs[start + 1..end].to_vec();
                    found.push((heading.clone(), inside));
                }
                _ => diagnostics.push(
                    Diagnostic::warning(
                        self.name,
                        Loc::START,
                        format!("case {id}: the grey box under \"{heading}\" was deleted, so the member's points there are kept as they were"),
                    )
                    .hint("if the member wrote points there, copy them into their file by hand"),
                ),
            }
        }
        found
    }

    /// The answers the member chose, each drop-down read by its bookmark and shown words.
    fn answers(&self, folder: &Folder, case: &Case, diagnostics: &mut Diagnostics) -> Answers {
        let meta = &folder.checked.report.meta;
        let id = case.id();
        let labels = meta.labels(&meta.language);
        let mut answers = Answers::default();
        let mut shown = |part: &str, what: &str| {
            let mark = mark_name(PICK_MARK, &pack_key(&id, part));
            let text = self.at(&mark).map(|i| self.paragraphs[i].text());
            if text.is_none() {
                diagnostics.push(
                    Diagnostic::warning(
                        self.name,
                        Loc::START,
                        format!("case {id}: the drop-down for {what} was deleted, so the member's answer is kept as it was"),
                    )
                    .hint("if the member gave an answer, write it into their file by hand"),
                );
            }
            text.map(|t| t.trim().to_string())
        };
        for check in meta.checks.iter().filter(|c| meta.asks(case.kind(), &c.id)) {
            let Some(text) = shown(
                &format!("check:{}", check.id),
                &format!("\"{}\"", check.label),
            ) else {
                continue;
            };
            let answer = Answer::ALL
                .into_iter()
                .find(|a| crate::view::wording::answer_label(labels, *a) == text || a.id() == text);
            answers
                .checks
                .push((check.id.clone(), answer.map(|a| a.id().to_string())));
        }
        if let Some(text) = shown("judgement", "the judgement") {
            let scale = meta.judgement_scale(case.kind());
            let chosen = scale.iter().find(|c| {
                c.label == text || c.id == text || c.label_in.iter().any(|(_, l)| *l == text)
            });
            answers.judgement = Some(chosen.map(|c| c.id.clone()));
        }
        answers
    }
}

/// The other files of the single-file case `file` that move into its folder: the case
/// itself to case.md, and each translation `case-06.cy.md` to `case.cy.md`.
fn moves(dir: &Path, file: &str) -> Vec<(String, String)> {
    let folder = folder::case_folder(file);
    let stem = folder.rsplit('/').next().unwrap_or(&folder).to_string();
    let parent = file.rsplit_once('/').map_or("", |(p, _)| p);
    let mut moves = vec![(
        file.to_string(),
        format!("{folder}/{}", crate::layout::CASE_IN_FOLDER),
    )];
    let mut translations: Vec<String> = std::fs::read_dir(dir.join(parent))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| {
            n.strip_prefix(&format!("{stem}."))
                .and_then(|rest| rest.strip_suffix(".md"))
                .is_some_and(|lang| !lang.is_empty() && !lang.contains('.'))
        })
        .collect();
    translations.sort();
    for name in translations {
        let lang = &name[stem.len() + 1..name.len() - 3];
        moves.push((
            format!("{parent}/{name}"),
            format!("{folder}/case.{lang}.md"),
        ));
    }
    moves
}

/// What collecting changes in the member's file, in words.
fn summary(
    before: Option<&str>,
    after: &str,
    case: &Case,
    member: &str,
    answers: &Answers,
) -> Vec<String> {
    let points = |text: Option<&str>| -> Vec<String> {
        text.map(super::write::point_texts).unwrap_or_default()
    };
    let (old, new) = (points(before), points(Some(after)));
    let added = new.iter().filter(|p| !old.contains(p)).count();
    let removed = old.iter().filter(|p| !new.contains(p)).count();
    let reworded = added.min(removed);
    let mut out = Vec::new();
    let n = |count: usize, what: &str| {
        format!("{count} point{} {what}", if count == 1 { "" } else { "s" })
    };
    if added > reworded {
        out.push(n(added - reworded, "added"));
    }
    if removed > reworded {
        out.push(n(removed - reworded, "removed"));
    }
    if reworded > 0 {
        out.push(n(reworded, "reworded"));
    }
    let review = case.reviews.iter().find(|r| r.member == member);
    let had: BTreeMap<&str, &str> = review
        .map(|r| {
            r.checks
                .iter()
                .map(|a| (a.id.as_str(), a.answer.id()))
                .collect()
        })
        .unwrap_or_default();
    for (check, answer) in &answers.checks {
        if had.get(check.as_str()).copied() != answer.as_deref() {
            out.push(format!(
                "{check}: {}",
                answer.as_deref().unwrap_or("not answered")
            ));
        }
    }
    if let Some(judgement) = &answers.judgement {
        let was = review
            .and_then(|r| r.judgement.as_ref())
            .map(|j| j.value.as_str());
        if was != judgement.as_deref() {
            out.push(format!(
                "judgement: {}",
                judgement.as_deref().unwrap_or("not answered")
            ));
        }
    }
    if out.is_empty() {
        out.push("reformatted".into());
    }
    out
}
