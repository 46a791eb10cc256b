//! Which member files join which case folder's case.md, in the order of `members:`, read
//! once before the cases are parsed in parallel. A file naming no member is reported here
//! and joins nothing; so is a member's file in a folder with no case.md.

use std::collections::HashMap;

use crate::diagnostic::Diagnostics;
use crate::layout;
use crate::load::{Folder, Source, members::is_case_in_folder};
use crate::model::Meta;

use super::case::members;

/// The member files of every case folder, by folder.
pub struct Reviews<'a> {
    by_folder: HashMap<&'a str, Vec<(&'a str, &'a Source)>>,
    member_ids: Vec<&'a str>,
}

/// The member files of `folder`, each checked to name a member of `meta`.
pub fn reviews<'a>(
    folder: &'a Folder,
    meta: Option<&'a Meta>,
    diagnostics: &mut Diagnostics,
) -> Reviews<'a> {
    let mut by_folder: HashMap<&str, Vec<(&str, &Source)>> = HashMap::new();
    let member_ids: Vec<&str> = meta
        .map(|m| m.members.iter().map(|m| m.id.value.as_str()).collect())
        .unwrap_or_default();
    for source in &folder.members {
        let Some(meta) = meta else { continue };
        let Some(member) = members::member(&source.path, meta, diagnostics) else {
            continue;
        };
        if let Some(case_folder) = layout::case_folder(&source.path) {
            by_folder
                .entry(case_folder)
                .or_default()
                .push((member, source));
        }
    }
    for files in by_folder.values_mut() {
        files.sort_by_key(|(member, _)| member_ids.iter().position(|id| id == member));
    }
    Reviews {
        by_folder,
        member_ids,
    }
}

impl<'a> Reviews<'a> {
    /// The members' files to merge into the case read from `source`, in `members:` order.
    pub fn of(&self, source: &Source) -> impl Iterator<Item = (&'a str, &'a Source)> + '_ {
        is_case_in_folder(&source.path)
            .then(|| layout::case_folder(&source.path))
            .flatten()
            .and_then(|f| self.by_folder.get(f))
            .into_iter()
            .flatten()
            .copied()
    }

    /// Whether `source`, read as a case, is a member's file in a folder with no case.md:
    /// a file below cases/ named for a declared member.
    pub fn stray(&self, source: &Source) -> bool {
        layout::case_folder(&source.path).is_some()
            && !is_case_in_folder(&source.path)
            && self.member_ids.contains(&layout::member_of(&source.path))
    }
}
