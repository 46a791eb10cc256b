//! Every file and folder name of a report folder and of a panel's archive.
//!
//! Loading reads these names, the archive finds its meetings by them, and the commands
//! that write folders (scaffolding, import) must write the same ones. Keeping them in one
//! place means a name is never spelt two ways, and a near miss such as `themes.yml` can be
//! recognised against the complete list.

/// A report folder's settings; a folder with one is a report (or an archive's meeting).
pub const REPORT: &str = "report.yaml";
/// An archive's settings, shared by every meeting below it.
pub const PANEL: &str = "panel.yaml";
pub const THEMES: &str = "themes.yaml";
pub const BACKGROUND: &str = "background.md";
pub const SUMMARY: &str = "summary.md";
pub const CLOSING: &str = "closing.md";
/// The free documents of a report, each translated as `name.<code>.md`.
pub const DOCUMENTS: [&str; 3] = ["background", "summary", "closing"];
pub const CASES: &str = "cases";
pub const OBSERVATIONS: &str = "observations";
/// A meeting's updates on earlier meetings' observations.
pub const UPDATES: &str = "updates";
pub const TEMPLATES: &str = "templates";
/// Where build-report writes, by default.
pub const OUTPUT: &str = "output";

/// The review packs sent to members, which `pack` writes and `collect` updates.
pub const PACKS: &str = "packs.yaml";

/// The names build-report reads in a report folder, for spotting near misses.
pub const REPORT_NAMES: [&str; 12] = [
    REPORT,
    PANEL,
    BACKGROUND,
    THEMES,
    SUMMARY,
    CLOSING,
    CASES,
    OBSERVATIONS,
    UPDATES,
    TEMPLATES,
    OUTPUT,
    PACKS,
];

/// The names build-report reads at the top of an archive, besides its meetings.
pub const ARCHIVE_NAMES: [&str; 4] = [PANEL, THEMES, TEMPLATES, OUTPUT];

/// Folders of an archive that are never meetings, whatever they hold.
pub const NOT_MEETINGS: [&str; 2] = [OUTPUT, TEMPLATES];

/// How deep below an archive its meetings may be: `2023-06/` or `2023/06/`.
pub const MEETING_DEPTH: usize = 2;

/// The archive's own files in its output folder.
pub const INDEX_PAGE: &str = "index.html";
pub const TRENDS: &str = "trends";

/// A folder as diagnostics name it, with a trailing slash: `cases/`.
pub fn folder(name: &str) -> String {
    format!("{name}/")
}

/// `path` below the folder `name`, as a path relative to it: `a.md` for `cases/a.md`.
pub fn within<'a>(name: &str, path: &'a str) -> Option<&'a str> {
    path.strip_prefix(name)?.strip_prefix('/')
}

/// The file name `new-case` and `init` give case `number`: `case-06.md`, two digits at
/// least so that the files sort by number. Loading reads any `.md` name in cases/.
pub fn case_file(number: u32) -> String {
    format!("case-{number:02}.md")
}

/// The file of case `number` of the type `kind`, `stop-search-01.md`, so that each
/// type's cases sort together and by number.
pub fn typed_case_file(kind: &str, number: u32) -> String {
    format!("{kind}-{number:02}.md")
}

/// The file of a case written as a folder, `cases/case-06/case.md`, which holds its front
/// matter and the points the panel agreed together; beside it each member's own file.
pub const CASE_IN_FOLDER: &str = "case.md";

/// Whether `path` is the case.md of a case folder, however its name is capitalised.
pub fn is_case_md(path: &str) -> bool {
    case_folder(path).is_some()
        && path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.eq_ignore_ascii_case(CASE_IN_FOLDER))
}

/// Where a case stands below the report folder, whichever form it is written in: the
/// folder of a case written as one (`cases/case-06` for `cases/case-06/case.md`), else
/// its file without `.md` (`cases/case-06` for `cases/case-06.md`). The two forms of one
/// case are named alike, so a case moved into a folder stays the same case.
pub fn case_stem(case_file: &str) -> &str {
    match case_folder(case_file) {
        Some(folder) if is_case_md(case_file) => folder,
        _ => case_file.strip_suffix(".md").unwrap_or(case_file),
    }
}

/// The folder a case file stands in below cases/, `cases/case-06` for
/// `cases/case-06/alice.md`; `None` for a file directly in cases/, which is a case of its
/// own whatever its name.
pub fn case_folder(path: &str) -> Option<&str> {
    let (folder, _) = path.rsplit_once('/')?;
    within(CASES, folder).map(|_| folder)
}

/// A member's id from the name of their file in a case folder: `alice` for
/// `cases/case-06/alice.md`.
pub fn member_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split_once('.').map_or(name, |(stem, _)| stem)
}

/// A path relative to a folder, as diagnostics show it, made from `/`-separated parts;
/// `..` steps back over the part before it, so `2023-06/../panel.yaml` is `panel.yaml`.
pub fn join(base: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in base.split('/').chain(path.split('/')) {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    // A folder keeps its trailing slash, as in `cases/`.
    if path.ends_with('/') && !joined.is_empty() {
        format!("{joined}/")
    } else {
        joined
    }
}

/// The path from a meeting folder `depth` levels below its archive back up to the archive.
pub fn up(depth: usize) -> String {
    "../".repeat(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_folder_is_a_folder_below_cases() {
        assert_eq!(case_folder("cases/case-06/alice.md"), Some("cases/case-06"));
        assert_eq!(
            case_folder("cases/2024/case-06/case.md"),
            Some("cases/2024/case-06")
        );
        assert_eq!(case_folder("cases/case-06.md"), None);
        assert_eq!(member_of("cases/case-06/alice.md"), "alice");
        assert_eq!(member_of("cases/case-06/Bob.MD"), "Bob");
    }

    #[test]
    fn joining_steps_back_over_parent_parts() {
        assert_eq!(join("2023-06", "../panel.yaml"), "panel.yaml");
        assert_eq!(join("2024/01", "../../themes.yaml"), "themes.yaml");
        assert_eq!(join("", "../panel.yaml"), "../panel.yaml");
        assert_eq!(
            join("../2023-03", "observations/a.md"),
            "../2023-03/observations/a.md"
        );
        assert_eq!(join("2023-06", "cases/"), "2023-06/cases/");
        assert_eq!(join("", "report.yaml"), "report.yaml");
        assert_eq!(join("..", "../x"), "../../x");
    }

    #[test]
    fn a_path_within_a_folder_is_below_its_slash() {
        assert_eq!(within(CASES, "cases/a.md"), Some("a.md"));
        assert_eq!(within(CASES, "casesx/a.md"), None);
        assert_eq!(within(OBSERVATIONS, "cases/a.md"), None);
        assert_eq!(folder(UPDATES), "updates/");
    }

    #[test]
    fn case_files_sort_by_number_up_to_99() {
        assert_eq!(case_file(6), "case-06.md");
        assert_eq!(case_file(123), "case-123.md");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// A joined path has no empty or `.` parts, and steps back only at its start, so
        /// it names each file one way however the build was started.
        #[test]
        fn a_joined_path_is_plain(
            base in proptest::collection::vec("[a-z0-9-]{1,6}|\\.\\.|\\.", 0..4),
            path in proptest::collection::vec("[a-z0-9-]{1,6}|\\.\\.|\\.", 1..4),
        ) {
            let joined = join(&base.join("/"), &path.join("/"));
            let parts: Vec<&str> = joined.split('/').filter(|p| !p.is_empty()).collect();
            prop_assert!(!parts.contains(&"."));
            let first_other = parts.iter().position(|p| *p != "..").unwrap_or(parts.len());
            prop_assert!(parts[first_other..].iter().all(|p| *p != ".."), "{}", joined);
            prop_assert!(!joined.contains("//"));
        }
    }
}
