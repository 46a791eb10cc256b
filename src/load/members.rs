//! Telling a case folder's member files from cases. A folder below cases/ that holds a
//! case.md is one case written by several hands: case.md is the case, and every other
//! Markdown file beside it is a member's own review of it. Elsewhere every file is a case,
//! so folders that only sort cases (one per year) read as before.

use std::collections::HashSet;

use crate::layout;

use super::Source;

/// Whether `path` is the case.md of a case folder.
pub fn is_case_in_folder(path: &str) -> bool {
    layout::is_case_md(path)
}

/// `sources` parted into the member files of case folders and everything else.
pub(super) fn split(sources: Vec<Source>) -> (Vec<Source>, Vec<Source>) {
    let folders: HashSet<String> = sources
        .iter()
        .filter(|s| is_case_in_folder(&s.path))
        .filter_map(|s| layout::case_folder(&s.path).map(str::to_string))
        .collect();
    sources.into_iter().partition(|s| {
        !is_case_in_folder(&s.path)
            && layout::case_folder(&s.path).is_some_and(|f| folders.contains(f))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_beside_a_case_md_are_members_files() {
        let source = |path: &str| Source {
            path: path.into(),
            text: String::new(),
        };
        let (members, cases) = split(vec![
            source("cases/case-01.md"),
            source("cases/case-06/alice.md"),
            source("cases/case-06/case.md"),
            source("cases/2024/case-02.md"),
            source("cases/case.md"),
        ]);
        let paths = |s: Vec<Source>| s.into_iter().map(|s| s.path).collect::<Vec<_>>();
        assert_eq!(paths(members), ["cases/case-06/alice.md"]);
        assert_eq!(
            paths(cases),
            [
                "cases/case-01.md",
                "cases/case-06/case.md",
                "cases/2024/case-02.md",
                "cases/case.md"
            ]
        );
    }
}
