//! packs.yaml: the packs sent out, one entry per member, so that `collect` can tell a
//! member's file changed since their pack was written from one changed by collecting
//! it, and `check` can say whose pack is still out.
//!
//! Each entry holds the day the pack was written, the day it was first collected, and a
//! hash of each member file the pack was filled from, `none` for one not yet written.
//! Collecting a pack records its files' new hashes, so collecting it again is no change.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The file's name in the report folder.
pub const FILE: &str = crate::layout::PACKS;
/// The hash of a file that does not exist.
pub const NONE: &str = "none";

/// One member's pack.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Entry {
    pub date: String,
    #[serde(default)]
    pub collected: Option<String>,
    /// Each member file's hash, by its path from the report folder.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

/// Every pack sent out, by member.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub packs: BTreeMap<String, Entry>,
}

impl Record {
    /// packs.yaml in `dir`; empty when there is none, an error when it cannot be read.
    pub fn read(dir: &Path) -> Result<Record, String> {
        let path = dir.join(FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Record::default());
        };
        Record::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Record, String> {
        if text.trim().is_empty() {
            return Ok(Record::default());
        }
        serde_saphyr::from_str::<BTreeMap<String, Entry>>(text)
            .map(|packs| Record { packs })
            .map_err(|e| format!("{FILE} cannot be read: {e}"))
    }

    /// The file's text, the same for the same record.
    pub fn text(&self) -> String {
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let mut out = String::from(
            "# The review packs sent to members, written by `build-report pack` and updated by\n# `build-report collect`. Each member file's hash tells a file changed since its pack.\n",
        );
        for (member, entry) in &self.packs {
            out.push_str(&format!(
                "{}:\n  date: {}\n",
                quote(member),
                quote(&entry.date)
            ));
            if let Some(collected) = &entry.collected {
                out.push_str(&format!("  collected: {}\n", quote(collected)));
            }
            out.push_str(if entry.files.is_empty() {
                "  files: {}\n"
            } else {
                "  files:\n"
            });
            for (file, hash) in &entry.files {
                out.push_str(&format!("    {}: {}\n", quote(file), quote(hash)));
            }
        }
        out
    }
}

/// For `check`: each member whose pack is out and not collected yet, with the cases of
/// `report` still empty in their files, one line each.
pub fn outstanding(dir: &Path, report: &crate::model::Report) -> Vec<String> {
    let Ok(record) = Record::read(dir) else {
        return Vec::new();
    };
    record
        .packs
        .iter()
        .filter(|(_, entry)| entry.collected.is_none())
        .map(|(member, entry)| {
            let empty: Vec<String> = report
                .cases
                .iter()
                .filter(|c| {
                    !c.reviews
                        .iter()
                        .any(|r| r.member == *member && r.points > 0)
                })
                .map(crate::model::Case::id)
                .collect();
            let cases = match empty.len() {
                0 => "no case is empty".to_string(),
                1 => format!("case {} is still empty", empty[0]),
                _ => format!(
                    "cases {} are still empty",
                    crate::diagnostic::all_of(&empty)
                ),
            };
            format!(
                "{member}'s review pack of {} is out and not collected yet; {cases}",
                entry.date
            )
        })
        .collect()
}

/// The hash packs.yaml records for a file's bytes, or [`NONE`] for no file.
pub fn hash(bytes: Option<&[u8]>) -> String {
    match bytes {
        Some(bytes) => format!("{:x}", Sha256::digest(bytes)),
        None => NONE.to_string(),
    }
}

/// The hash of the file at `path`.
pub fn hash_file(path: &Path) -> String {
    hash(std::fs::read(path).ok().as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_reads_back_what_it_writes() {
        let mut record = Record::default();
        record.packs.insert(
            "alice".into(),
            Entry {
                date: "2026-12-07".into(),
                collected: Some("2026-12-08".into()),
                files: BTreeMap::from([
                    ("cases/case-01/alice.md".into(), hash(Some(b"- a"))),
                    ("cases/case \"2\"/alice.md".into(), hash(None)),
                ]),
            },
        );
        record.packs.insert("bob".into(), Entry::default());
        let text = record.text();
        assert_eq!(Record::parse(&text), Ok(record.clone()));
        assert_eq!(Record::parse(&record.text()).unwrap().text(), text);
        assert!(Record::parse("alice: [").is_err());
    }
}
