//! What a file's name says it is: a translation (`case-06.cy.md`), a Markdown file or
//! something else, and whether a name is a near miss of one build-report reads.
//!
//! A case saved as `case-6.txt`, or themes in `themes.yml`, would otherwise be passed over
//! without a word, and every count that needs them would quietly shrink.

use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::layout;

/// The language and the original of a translation's path: `cases/case-06.cy.md` is the
/// Welsh of `cases/case-06.md`. `None` for a file that is not a translation.
pub fn translation_of(path: &str) -> Option<(&'static str, String)> {
    let dot = path.rfind('.')?;
    let (stem, extension) = path.split_at(dot);
    let code_dot = stem.rfind('.')?;
    let code = &stem[code_dot + 1..];
    let code = crate::catalogue::LANGUAGES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| c.eq_ignore_ascii_case(code))?;
    Some((code, format!("{}{extension}", &stem[..code_dot])))
}

/// Warns about a file or folder whose name is close to one build-report reads but is not
/// it (`themes.yml`, `Observations`, `observation/`, `summary.txt`): it would be passed
/// over without a word, and with it every theme or observation it holds.
pub(super) fn near_misses(root: &Path, diagnostics: &mut Diagnostics) {
    near_misses_of(root, &layout::REPORT_NAMES, diagnostics);
}

/// [`near_misses`] against the names `known` that a folder of this kind reads.
pub(super) fn near_misses_of(root: &Path, known: &[&str], diagnostics: &mut Diagnostics) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !known.contains(&n.as_str()))
        .filter(|n| translation_of(n).is_none())
        .collect();
    names.sort();
    for name in names {
        let lower = name.to_lowercase();
        let stem = lower.split('.').next().unwrap_or(&lower);
        let meant = known.iter().copied().find(|known| {
            let known_stem = known.split('.').next().unwrap_or(known);
            stem == known_stem
                || (stem.len() >= 4 && strsim::damerau_levenshtein(stem, known_stem) <= 1)
        });
        let Some(meant) = meant else {
            continue;
        };
        // Another file of the same name beside the real one (`themes.yaml.bak`) is a copy;
        // and where names ignore case (Windows, macOS) `Summary.md` is summary.md.
        let copy = lower.starts_with(&format!("{meant}.")) || lower == meant;
        if copy && root.join(meant).exists() {
            continue;
        }
        let (what, shown) = if root.join(&name).is_dir() {
            ("folder", format!("{name}/"))
        } else {
            ("file", name.clone())
        };
        diagnostics.push(
            Diagnostic::warning(shown, Loc::START, format!("the {what} `{name}` is not read: did you mean `{meant}`?"))
                .hint(format!("build-report reads only `{meant}` by that name; rename `{name}` to `{meant}` if it is meant to be part of the report")),
        );
    }
}

/// What a file in cases/ or observations/ is taken for, by its name.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum FileKind {
    /// `.md` in any case, or `.markdown`: read.
    Markdown,
    /// Files that systems and editors leave beside others: skipped without a word.
    Ignored,
    /// Anything else. It is warned about, since a case saved as `case-6.txt` or
    /// `case-6.MD.docx` would otherwise vanish from every count unnoticed.
    Other,
}

pub(super) fn kind_of(name: &str) -> FileKind {
    let lower = name.to_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        FileKind::Markdown
    } else if lower == "thumbs.db"
        || lower == "desktop.ini"
        || lower.ends_with('~')
        || lower.ends_with(".swp")
        || lower.starts_with("~$")
    {
        FileKind::Ignored
    } else {
        FileKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_known_by_its_language_before_the_extension() {
        assert_eq!(
            translation_of("cases/case-06.cy.md"),
            Some(("cy", "cases/case-06.md".to_string()))
        );
        assert_eq!(
            translation_of("background.CY.MD"),
            Some(("cy", "background.MD".to_string()))
        );
        assert_eq!(translation_of("cases/case-06.md"), None);
        assert_eq!(translation_of("cases/v1.2.md"), None);
        assert_eq!(translation_of("cases/a.fr.md"), None);
    }
    #[test]
    fn markdown_files_are_known_by_name_in_any_case() {
        assert_eq!(kind_of("case-6.md"), FileKind::Markdown);
        assert_eq!(kind_of("case-6.MD"), FileKind::Markdown);
        assert_eq!(kind_of("case-6.markdown"), FileKind::Markdown);
        assert_eq!(kind_of("case-6.txt"), FileKind::Other);
        assert_eq!(kind_of("case-6.md.docx"), FileKind::Other);
        assert_eq!(kind_of("Thumbs.db"), FileKind::Ignored);
        assert_eq!(kind_of("~$case-6.docx"), FileKind::Ignored);
    }
    #[test]
    fn names_close_to_the_report_files_are_warned_about() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "themes.yml",
            "Summary.txt",
            "report.yaml",
            "notes.md",
            "themes.yaml.bak",
        ] {
            fs::write(dir.path().join(file), "").unwrap();
        }
        for folder in ["observation", "case", "src"] {
            fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let mut d = Diagnostics::default();
        near_misses(dir.path(), &mut d);
        let found: Vec<String> = d.sorted().iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            found,
            [
                "the file `Summary.txt` is not read: did you mean `summary.md`?",
                "the folder `case` is not read: did you mean `cases`?",
                "the folder `observation` is not read: did you mean `observations`?",
                "the file `themes.yaml.bak` is not read: did you mean `themes.yaml`?",
                "the file `themes.yml` is not read: did you mean `themes.yaml`?",
            ]
        );
    }
}
