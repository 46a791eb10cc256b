//! Finding and reading the files of a report folder.
//!
//! This is the only stage that touches the file system for input. It turns every file into
//! clean text (BOM removed, CRLF made LF, UTF-8 checked) so that later stages work on
//! strings whose line and column numbers match what the user sees in their editor. Files
//! that cannot be read become diagnostics, never panics, and nothing here follows symbolic
//! links into directories, so a link loop inside `cases/` cannot hang the build. A file
//! reached through a link that leads outside the report folder (or its archive) is not read
//! at all: a folder someone else prepared must not publish the officer's own files.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::layout;

mod bound;
pub mod discover;
pub mod members;
mod names;
mod text;
mod word_template;

pub use bound::{Bound, LINK_OUTSIDE};
pub use discover::{Target, discover};
pub use names::translation_of;
use names::{FileKind, kind_of, near_misses, near_misses_of};
pub use text::{LineIndex, decode, loc_of};
pub use word_template::read_word_template;

/// Larger files are refused: no real case file comes near this, and it bounds memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One input file, read and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Path relative to the report folder, with `/` separators, as shown in diagnostics.
    pub path: String,
    pub text: String,
}

/// A user's template file, kept as bytes because a Word template is binary.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    pub name: String,
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything read from a report folder.
#[derive(Debug, Default)]
pub struct Folder {
    pub root: PathBuf,
    pub report: Option<Source>,
    pub background: Option<Source>,
    pub cases: Vec<Source>,
    /// The members' own files in case folders, `cases/case-06/alice.md`, each read with
    /// the case.md beside it.
    pub members: Vec<Source>,
    pub themes: Option<Source>,
    pub summary: Option<Source>,
    pub observations: Vec<Source>,
    pub closing: Option<Source>,
    /// Translations beside the files they translate: `cases/case-06.cy.md`,
    /// `background.cy.md`. Kept apart so that a translated case is never counted twice.
    pub translations: Vec<Source>,
    /// The report folder's templates, then those it inherits from its archive that it
    /// does not replace.
    pub templates: Vec<TemplateFile>,
    /// `updates/*.md`: this meeting's updates on earlier meetings' observations.
    pub updates: Vec<Source>,
    /// What the folder inherits as a meeting of an archive; empty for a lone report.
    pub panel: Panel,
    /// The folder no file read may lead outside of: the report folder, or a meeting's
    /// archive.
    pub bound: PathBuf,
}

const REPORT_FOLDER: &str = "report folder";
const ARCHIVE: &str = "archive";

/// The files of an archive that every meeting below it inherits: panel.yaml, the panel's
/// themes.yaml and its templates/. Paths are relative to the folder that reads them, so
/// in a meeting's [`Folder`] they start with `../`.
#[derive(Debug, Clone, Default)]
pub struct Panel {
    pub settings: Option<Source>,
    pub themes: Option<Source>,
    pub templates: Vec<TemplateFile>,
}

impl Panel {
    /// The same files as seen from a folder `depth` levels below the archive.
    pub fn seen_from(&self, depth: usize) -> Panel {
        let up = layout::up(depth);
        let rebase = |source: &Source| Source {
            path: format!("{up}{}", source.path),
            text: source.text.clone(),
        };
        Panel {
            settings: self.settings.as_ref().map(rebase),
            themes: self.themes.as_ref().map(rebase),
            templates: self
                .templates
                .iter()
                .map(|t| TemplateFile {
                    path: format!("{up}{}", t.path),
                    ..t.clone()
                })
                .collect(),
        }
    }
}

/// Reads an archive's own files at `root`. panel.yaml is known to exist there.
pub fn load_panel(root: &Path, diagnostics: &mut Diagnostics) -> Panel {
    near_misses_of(root, &layout::ARCHIVE_NAMES, diagnostics);
    if root.join(layout::REPORT).is_file() {
        diagnostics.push(
            Diagnostic::warning(layout::REPORT, Loc::START, "report.yaml beside panel.yaml is not read")
                .hint("in an archive, settings every meeting shares go in panel.yaml, and each meeting's own in the report.yaml of its folder, such as 2023-06/report.yaml"),
        );
    }
    let bound = Bound::new(root, ARCHIVE);
    Panel {
        settings: read_optional(root, layout::PANEL, &bound, diagnostics),
        themes: read_optional(root, layout::THEMES, &bound, diagnostics),
        templates: read_templates(root, &bound, diagnostics),
    }
}

impl Folder {
    /// Every text source, for attaching source lines to diagnostics.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        [
            &self.panel.settings,
            &self.panel.themes,
            &self.report,
            &self.background,
            &self.themes,
            &self.summary,
            &self.closing,
        ]
        .into_iter()
        .flatten()
        .chain(&self.cases)
        .chain(&self.members)
        .chain(&self.observations)
        .chain(&self.translations)
        .chain(&self.updates)
    }
}

/// Reads the report folder at `root`. Problems are added to `diagnostics`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Folder {
    let bound = Bound::new(root, REPORT_FOLDER);
    read_folder(root, root, &bound, Panel::default(), diagnostics)
}

/// Reads the report folder at `root`, a meeting of the archive at `archive` that inherits
/// `panel` (already seen from `root`, see [`Panel::seen_from`]).
pub fn load_inheriting(
    root: &Path,
    archive: &Path,
    panel: Panel,
    diagnostics: &mut Diagnostics,
) -> Folder {
    let bound = Bound::new(archive, ARCHIVE);
    read_folder(root, archive, &bound, panel, diagnostics)
}

fn read_folder(
    root: &Path,
    bounds: &Path,
    bound: &Bound,
    panel: Panel,
    diagnostics: &mut Diagnostics,
) -> Folder {
    let mut folder = Folder {
        root: root.to_path_buf(),
        bound: bounds.to_path_buf(),
        ..Folder::default()
    };
    folder.report = read_optional(root, layout::REPORT, bound, diagnostics);
    if folder.report.is_none() && !root.join(layout::REPORT).exists() {
        let meetings = discover::meetings(root);
        let hint = match meetings.as_slice() {
            [] => format!(
                "every report folder needs a report.yaml with at least `title:` and \
                 `meeting_date:`; is {} the right folder?",
                root.display()
            ),
            [first, ..] => format!(
                "this folder holds meetings, such as {}/; to build them together as a panel's \
                 archive, add a panel.yaml here with the settings they share, such as its `title:`",
                first.0
            ),
        };
        diagnostics.push(
            Diagnostic::error(layout::REPORT, Loc::START, "no report.yaml in this folder")
                .hint(hint),
        );
    }
    folder.background = read_optional(root, layout::BACKGROUND, bound, diagnostics);
    folder.themes = read_optional(root, layout::THEMES, bound, diagnostics);
    folder.summary = read_optional(root, layout::SUMMARY, bound, diagnostics);
    folder.closing = read_optional(root, layout::CLOSING, bound, diagnostics);
    for (code, _) in crate::catalogue::LANGUAGES {
        for name in layout::DOCUMENTS {
            let name = format!("{name}.{code}.md");
            folder
                .translations
                .extend(read_optional(root, &name, bound, diagnostics));
        }
    }
    let (cases, found) = read_markdown_dir(root, layout::CASES, bound, diagnostics);
    let (translations, cases): (Vec<Source>, Vec<Source>) = cases
        .into_iter()
        .partition(|s| translation_of(&s.path).is_some());
    folder.translations.extend(translations);
    (folder.members, folder.cases) = members::split(cases);
    if found == 0 {
        let exists = root.join(layout::CASES).is_dir();
        let message = if exists {
            "cases/ has no case files"
        } else {
            "no cases/ folder"
        };
        diagnostics.push(
            Diagnostic::error(layout::folder(layout::CASES), Loc::START, message)
                .hint("add one Markdown file per case, such as cases/case-01.md, starting with `---` front matter that gives `case: 1`"),
        );
    }
    let (translations, observations): (Vec<Source>, Vec<Source>) =
        read_markdown_dir(root, layout::OBSERVATIONS, bound, diagnostics)
            .0
            .into_iter()
            .partition(|s| translation_of(&s.path).is_some());
    folder.translations.extend(translations);
    folder.observations = observations;
    folder.updates = read_markdown_dir(root, layout::UPDATES, bound, diagnostics).0;
    folder.templates = read_templates(root, bound, diagnostics);
    // The meeting's own template of a name replaces the panel's.
    let inherited: Vec<TemplateFile> = panel
        .templates
        .iter()
        .filter(|t| !folder.templates.iter().any(|own| own.name == t.name))
        .cloned()
        .collect();
    folder.templates.extend(inherited);
    folder.panel = panel;
    near_misses(root, diagnostics);
    folder
}

fn read_optional(
    root: &Path,
    name: &str,
    bound: &Bound,
    diagnostics: &mut Diagnostics,
) -> Option<Source> {
    let path = root.join(name);
    if !path.is_file() {
        return None;
    }
    let bytes = read_bounded(&path, name, bound, diagnostics)?;
    decode(name, &bytes, diagnostics)
}

/// Every file is read here, so that none is read from outside the folder.
fn read_bounded(
    path: &Path,
    shown: &str,
    bound: &Bound,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<u8>> {
    if !bound.admits(path, shown, diagnostics) {
        return None;
    }
    read_inside(path, shown, diagnostics)
}

/// Reads a file already known to be inside the folder, refusing one too large to be a
/// case.
fn read_inside(path: &Path, shown: &str, diagnostics: &mut Diagnostics) -> Option<Vec<u8>> {
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        diagnostics.push(
            Diagnostic::error(
                shown,
                Loc::START,
                format!(
                    "file is too large ({} MiB; the limit is {} MiB)",
                    size / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .hint(
                "split it into smaller files, or check it is not a document pasted in by mistake",
            ),
        );
        return None;
    }
    match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(shown, Loc::START, format!("cannot read the file: {err}"))
                    .hint("check that the file exists and that you have permission to read it"),
            );
            None
        }
    }
}

/// Reads every Markdown file (`.md` in any case, or `.markdown`) under `root/dir`, warning
/// about any other file there. Also returns how many were found, including
/// those that could not be read, so an unreadable file is not also reported as missing.
fn read_markdown_dir(
    root: &Path,
    dir: &str,
    bound: &Bound,
    diagnostics: &mut Diagnostics,
) -> (Vec<Source>, usize) {
    let base = root.join(dir);
    if !base.is_dir() {
        return (Vec::new(), 0);
    }
    let mut sources = Vec::new();
    // Each file with whether it is a link. The walk follows no link below `base`, so a
    // file reached by real folders alone is inside the bound when `base` is, and only a
    // link needs resolving on its own: one resolution per folder instead of per file.
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    let base_inside = bound.contains(&base);
    let walker = WalkDir::new(&base)
        .follow_links(false)
        .max_depth(8)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let shown = err
                    .path()
                    .map_or_else(|| dir.to_string(), |p| relative(root, p));
                diagnostics.push(
                    Diagnostic::warning(shown, Loc::START, format!("skipped: {err}"))
                        .hint("remove the broken link or fix its permissions"),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let link = entry.file_type().is_symlink();
        let is_file = if link {
            entry.path().is_file()
        } else {
            entry.file_type().is_file()
        };
        if name.starts_with('.') || !is_file {
            continue;
        }
        match kind_of(&name) {
            FileKind::Markdown => paths.push((entry.into_path(), link)),
            FileKind::Ignored => {}
            FileKind::Other => {
                let shown = relative(root, entry.path());
                diagnostics.push(
                    Diagnostic::warning(&shown, Loc::START, format!("{shown} is not read: it is not a Markdown (.md) file"))
                        .hint(format!("if it is a {what}, rename it to end in `.md` (a plain-text file saved from a word processor must be re-saved as plain text first); otherwise move it out of {dir}/", what = match dir {
                        layout::CASES => "case",
                        layout::UPDATES => "an update",
                        _ => "an observation",
                    })),
                );
            }
        }
    }
    // Reading and decoding are independent per file, so they run in parallel; the results
    // keep the walk's order, so the output does not depend on scheduling.
    let read: Vec<(Option<Source>, Diagnostics)> = paths
        .par_iter()
        .map(|(path, link)| {
            let mut found = Diagnostics::default();
            let shown = relative(root, path);
            let bytes = if base_inside && !link {
                read_inside(path, &shown, &mut found)
            } else {
                read_bounded(path, &shown, bound, &mut found)
            };
            let source = bytes.and_then(|bytes| decode(&shown, &bytes, &mut found));
            (source, found)
        })
        .collect();
    let found = paths.len();
    for (source, found) in read {
        diagnostics.extend(found);
        sources.extend(source);
    }
    (sources, found)
}

fn read_templates(root: &Path, bound: &Bound, diagnostics: &mut Diagnostics) -> Vec<TemplateFile> {
    let base = root.join(layout::TEMPLATES);
    let Ok(entries) = fs::read_dir(&base) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let shown = relative(root, &path);
            let bytes = read_bounded(&path, &shown, bound, diagnostics)?;
            Some(TemplateFile {
                name: path.file_name()?.to_string_lossy().into_owned(),
                path: shown,
                bytes,
            })
        })
        .collect()
}

/// `path` below `root`, its parts joined with `/` on every system: every name a file is
/// known by in diagnostics, ids and outputs is written the same on Windows and Linux.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
