//! `pack`: a pack per member, written to output/packs/, and each recorded in packs.yaml.
//!
//! Every refusal comes before anything is written, so a mistyped member or audience
//! leaves the folder as it was.

use std::path::{Path, PathBuf};

use super::Manifest;
use super::folder::{Folder, member_file};
use super::record::{Entry, Record, hash_file};
use crate::diagnostic::{Diagnostics, did_you_mean, one_of};
use crate::model::audience::PUBLIC;
use crate::office::Refusal;
use crate::view::View;

/// Why no pack was written.
#[derive(Debug)]
pub enum Refused {
    /// The folder has errors, which `check` lists.
    Errors(Diagnostics),
    Refusal(Refusal),
}

impl From<Refusal> for Refused {
    fn from(refusal: Refusal) -> Self {
        Refused::Refusal(refusal)
    }
}

/// The packs written: each member's id and file.
#[derive(Debug, Default)]
pub struct Made {
    pub packs: Vec<(String, PathBuf)>,
    pub diagnostics: Diagnostics,
}

/// Writes a pack for each of `only` (every member when empty) of the report at `dir`
/// into `out`, dated `today`, and records them in `dir`'s packs.yaml.
pub fn make(dir: &Path, out: &Path, only: &[String], today: &str) -> Result<Made, Refused> {
    let mut folder = super::folder::read(dir).ok_or_else(|| {
        Refusal::new(
            format!("{} is not a report folder", dir.display()),
            "give the folder with report.yaml, or a meeting of an archive",
        )
    })?;
    let diagnostics = std::mem::take(&mut folder.checked.diagnostics);
    if diagnostics.has_errors() {
        return Err(Refused::Errors(diagnostics));
    }
    let members = chosen(&folder, only)?;
    let report = &folder.checked.report;
    let copy = audience(&folder)?;
    let (shown, analysis) = match &copy {
        Some(copy) => (&copy.report, &copy.analysis),
        None => (report, &folder.checked.analysis),
    };
    let view = View::new(shown, analysis);
    let mut record = Record::read(dir).map_err(|e| {
        Refusal::new(
            e,
            "packs.yaml is written by `build-report pack`; delete it and make the packs again",
        )
    })?;
    let packs = out.join("packs");
    std::fs::create_dir_all(&packs).map_err(|e| cannot_write(&packs, &e))?;
    let mut made = Made {
        diagnostics,
        ..Made::default()
    };
    for member in members {
        let manifest = Manifest {
            member: member.clone(),
            date: today.to_string(),
            cases: report.cases.iter().map(crate::model::Case::id).collect(),
            headings: folder.headings.clone(),
        };
        let path = packs.join(format!("{member}.docx"));
        let mut bytes = std::io::Cursor::new(Vec::new());
        super::document::write(&folder, &view, &manifest, &mut bytes)
            .map_err(|e| cannot_write(&path, &e))?;
        std::fs::write(&path, bytes.into_inner()).map_err(|e| cannot_write(&path, &e))?;
        let files = report
            .cases
            .iter()
            .map(|case| {
                let file = member_file(folder.local(&case.file), &member);
                let hash = hash_file(&dir.join(&file));
                (file, hash)
            })
            .collect();
        record.packs.insert(
            member.clone(),
            Entry {
                date: today.to_string(),
                collected: None,
                files,
            },
        );
        made.packs.push((member, path));
    }
    let file = dir.join(super::record::FILE);
    std::fs::write(&file, record.text()).map_err(|e| cannot_write(&file, &e))?;
    Ok(made)
}

/// The members to write packs for: `only`, each checked against `members:`, or all.
fn chosen(folder: &Folder, only: &[String]) -> Result<Vec<String>, Refusal> {
    let ids = folder.members();
    if ids.is_empty() {
        return Err(Refusal::new(
            "this report declares no `members:`, so there is no one to write a pack for",
            "list the panel's members in report.yaml (or panel.yaml), such as\nmembers:\n  alice: Alice Jones",
        ));
    }
    if only.is_empty() {
        return Ok(ids.iter().map(|id| id.to_string()).collect());
    }
    for id in only {
        if !ids.contains(&id.as_str()) {
            return Err(no_member(id, &ids));
        }
    }
    Ok(only.to_vec())
}

/// `id` is not one of `members:`, with the one meant.
pub fn no_member(id: &str, ids: &[&str]) -> Refusal {
    let near = match did_you_mean(id, ids.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? "),
        None => String::new(),
    };
    Refusal::new(
        format!("no member `{id}` in `members:`"),
        format!(
            "{near}the members are {}; a pack is for a member listed under `members:` in report.yaml (or panel.yaml)",
            one_of(ids)
        ),
    )
}

/// The copy whose facts the packs show: `packs_audience:`'s, else the public one, else
/// none, and then every field.
fn audience(folder: &Folder) -> Result<Option<crate::audience::Copy>, Refusal> {
    let report = &folder.checked.report;
    let meta = &report.meta;
    let names: Vec<&str> = meta
        .audiences
        .iter()
        .map(|a| a.name.value.as_str())
        .collect();
    let name = match &meta.packs_audience {
        Some(given) if !names.contains(&given.value.as_str()) => {
            return Err(Refusal::new(
                format!(
                    "`packs_audience: {}` names no audience of `audiences:`",
                    given.value
                ),
                if names.is_empty() {
                    "declare the copy under `audiences:`, or leave `packs_audience:` out to show every field".to_string()
                } else {
                    format!("give one of {}", one_of(&names))
                },
            ));
        }
        Some(given) => given.value.as_str(),
        None if names.contains(&PUBLIC) => PUBLIC,
        None => return Ok(None),
    };
    Ok(crate::audience::copies(report, &folder.checked.analysis, Some(name)).pop())
}

fn cannot_write(path: &Path, err: &dyn std::fmt::Display) -> Refusal {
    Refusal::new(
        format!("cannot write {}: {err}", path.display()),
        "check that the folder can be written to and the file is not open in Word",
    )
}
