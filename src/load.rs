//! Finding and reading the files of a report folder.
//!
//! This is the only stage that touches the file system for input. It turns every file into
//! clean text (BOM removed, CRLF made LF, UTF-8 checked) so that later stages work on
//! strings whose line and column numbers match what the user sees in their editor. Files
//! that cannot be read become diagnostics, never panics, and nothing here follows symbolic
//! links into directories, so a link loop inside `cases/` cannot hang the build.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::layout;
use crate::model::Setting;

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
}

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
    Panel {
        settings: read_optional(root, layout::PANEL, diagnostics),
        themes: read_optional(root, layout::THEMES, diagnostics),
        templates: read_templates(root, diagnostics),
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
        .chain(&self.observations)
        .chain(&self.translations)
        .chain(&self.updates)
    }
}

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

/// Reads the report folder at `root`. Problems are added to `diagnostics`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Folder {
    load_inheriting(root, Panel::default(), diagnostics)
}

/// Reads the report folder at `root`, a meeting that inherits `panel` (already seen from
/// `root`, see [`Panel::seen_from`]).
pub fn load_inheriting(root: &Path, panel: Panel, diagnostics: &mut Diagnostics) -> Folder {
    let mut folder = Folder {
        root: root.to_path_buf(),
        ..Folder::default()
    };
    folder.report = read_optional(root, layout::REPORT, diagnostics);
    if folder.report.is_none() && !root.join(layout::REPORT).exists() {
        let meetings = crate::archive::discover::meetings(root);
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
    folder.background = read_optional(root, layout::BACKGROUND, diagnostics);
    folder.themes = read_optional(root, layout::THEMES, diagnostics);
    folder.summary = read_optional(root, layout::SUMMARY, diagnostics);
    folder.closing = read_optional(root, layout::CLOSING, diagnostics);
    for (code, _) in crate::catalogue::LANGUAGES {
        for name in layout::DOCUMENTS {
            let name = format!("{name}.{code}.md");
            folder
                .translations
                .extend(read_optional(root, &name, diagnostics));
        }
    }
    let (cases, found) = read_markdown_dir(root, layout::CASES, diagnostics);
    let (translations, cases): (Vec<Source>, Vec<Source>) = cases
        .into_iter()
        .partition(|s| translation_of(&s.path).is_some());
    folder.translations.extend(translations);
    folder.cases = cases;
    if found == 0 {
        let exists = root.join(layout::CASES).is_dir();
        let message = if exists {
            "cases/ has no case files"
        } else {
            "no cases/ folder"
        };
        diagnostics.push(
            Diagnostic::error("cases/", Loc::START, message)
                .hint("add one Markdown file per case, such as cases/case-01.md, starting with `---` front matter that gives `case: 1`"),
        );
    }
    let (translations, observations): (Vec<Source>, Vec<Source>) =
        read_markdown_dir(root, layout::OBSERVATIONS, diagnostics)
            .0
            .into_iter()
            .partition(|s| translation_of(&s.path).is_some());
    folder.translations.extend(translations);
    folder.observations = observations;
    folder.updates = read_markdown_dir(root, layout::UPDATES, diagnostics).0;
    folder.templates = read_templates(root, diagnostics);
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

fn read_optional(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Option<Source> {
    let path = root.join(name);
    if !path.is_file() {
        return None;
    }
    let bytes = read_bounded(&path, name, diagnostics)?;
    decode(name, &bytes, diagnostics)
}

fn read_bounded(path: &Path, shown: &str, diagnostics: &mut Diagnostics) -> Option<Vec<u8>> {
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

/// Checks the bytes are UTF-8 text and normalises them: no BOM, LF line endings.
pub fn decode(shown: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Option<Source> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                diagnostics.push(
                    Diagnostic::error(shown, loc_of(text, nul), "this is a binary file, not text")
                        .hint("case files must be plain text (Markdown); save it as .md from a text editor, not a word processor"),
                );
                return None;
            }
            let text = if text.contains('\r') {
                text.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                text.to_string()
            };
            Some(Source {
                path: shown.to_string(),
                text,
            })
        }
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let loc = loc_of(good, good.len());
            let line_start = good.rfind('\n').map_or(0, |i| i + 1);
            let line_end = bytes[line_start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| line_start + i);
            let bad = bytes[err.valid_up_to()];
            let message = match windows_1252(bad) {
                Some(c) => format!(
                    "the file is not valid UTF-8 text: byte 0x{bad:02X} here is `{c}` in Windows-1252, so the file was probably saved in that encoding"
                ),
                None => "the file is not valid UTF-8 text".to_string(),
            };
            let mut diagnostic = Diagnostic::error(shown, loc, message);
            diagnostic.source_line =
                Some(String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned());
            diagnostics.push(
                diagnostic.hint("re-save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8); it may have been saved as Windows-1252 or pasted from another system"),
            );
            None
        }
    }
}

/// The character a byte above 0x7F stands for in Windows-1252, the encoding older Windows
/// programs save in; `None` for the five bytes it leaves undefined.
fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match byte {
        0x81 | 0x8D | 0x8F | 0x90 | 0x9D => None,
        0x80..=0x9F => HIGH.chars().nth(usize::from(byte - 0x80)),
        0xA0..=0xFF => char::from_u32(u32::from(byte)),
        _ => None,
    }
}

/// The line and column (1-based, in characters) of byte offset `at` in `text`.
pub fn loc_of(text: &str, at: usize) -> Loc {
    let at = at.min(text.len());
    let before = &text[..floor_char_boundary(text, at)];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Loc::new(
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where each line of a text starts, so that many offsets can be turned into lines and
/// columns without scanning the text from the start each time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The same as [`loc_of`], in logarithmic time.
    pub fn loc(&self, at: usize) -> Loc {
        let at = floor_char_boundary(self.text, at.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= at);
        let start = self.starts[line - 1];
        Loc::new(line, self.text[start..at].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Reads every Markdown file (`.md` in any case, or `.markdown`) under `root/dir`, warning
/// about any other file there. Also returns how many were found, including
/// those that could not be read, so an unreadable file is not also reported as missing.
fn read_markdown_dir(
    root: &Path,
    dir: &str,
    diagnostics: &mut Diagnostics,
) -> (Vec<Source>, usize) {
    let base = root.join(dir);
    if !base.is_dir() {
        return (Vec::new(), 0);
    }
    let mut sources = Vec::new();
    let mut paths = Vec::new();
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
        let is_file = if entry.file_type().is_symlink() {
            entry.path().is_file()
        } else {
            entry.file_type().is_file()
        };
        if name.starts_with('.') || !is_file {
            continue;
        }
        match kind_of(&name) {
            FileKind::Markdown => paths.push(entry.into_path()),
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
        .map(|path| {
            let mut found = Diagnostics::default();
            let shown = relative(root, path);
            let source = read_bounded(path, &shown, &mut found)
                .and_then(|bytes| decode(&shown, &bytes, &mut found));
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

/// Warns about a file or folder whose name is close to one build-report reads but is not
/// it (`themes.yml`, `Observations`, `observation/`, `summary.txt`): it would be passed
/// over without a word, and with it every theme or observation it holds.
fn near_misses(root: &Path, diagnostics: &mut Diagnostics) {
    near_misses_of(root, &layout::REPORT_NAMES, diagnostics);
}

/// [`near_misses`] against the names `known` that a folder of this kind reads.
fn near_misses_of(root: &Path, known: &[&str], diagnostics: &mut Diagnostics) {
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
enum FileKind {
    /// `.md` in any case, or `.markdown`: read.
    Markdown,
    /// Files that systems and editors leave beside others: skipped without a word.
    Ignored,
    /// Anything else. It is warned about, since a case saved as `case-6.txt` or
    /// `case-6.MD.docx` would otherwise vanish from every count unnoticed.
    Other,
}

fn kind_of(name: &str) -> FileKind {
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

fn read_templates(root: &Path, diagnostics: &mut Diagnostics) -> Vec<TemplateFile> {
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
            let bytes = read_bounded(&path, &shown, diagnostics)?;
            Some(TemplateFile {
                name: path.file_name()?.to_string_lossy().into_owned(),
                path: shown,
                bytes,
            })
        })
        .collect()
}

/// Reads the Word template that `word_template:` names, relative to the folder of the
/// settings file that names it (the report folder, or an archive's for panel.yaml). It
/// must be a .docx (a zip holding word/document.xml); what is wrong with it is reported
/// at the `word_template:` value.
pub fn read_word_template(
    root: &Path,
    name: &Setting<String>,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<u8>> {
    let problem = |message: String, hint: &str| {
        Diagnostic::error(&name.file, name.loc, message)
            .width(name.value.chars().count())
            .hint(hint)
    };
    let base = Path::new(&name.file).parent().unwrap_or(Path::new(""));
    let path = root.join(base).join(&name.value);
    if !path.is_file() {
        let what = if path.exists() {
            "is not a file"
        } else {
            "does not exist"
        };
        diagnostics.push(problem(
            format!("the Word template `{}` {what}", name.value),
            "give the path of a .docx file relative to the report folder, such as `word_template: house-style.docx`, or remove the line to use the built-in style",
        ));
        return None;
    }
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        diagnostics.push(problem(
            format!(
                "the Word template `{}` is too large ({} MiB; the limit is {} MiB)",
                name.value,
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "remove large pictures from the template, keeping only its styles, headers and footers",
        ));
        return None;
    }
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(problem(
                format!("cannot read the Word template `{}`: {err}", name.value),
                "check that you have permission to read the file",
            ));
            return None;
        }
    };
    let is_word = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice()))
        .map(|mut zip| zip.by_name("word/document.xml").is_ok());
    match is_word {
        Ok(true) => Some(bytes),
        Ok(false) => {
            diagnostics.push(problem(
                format!(
                    "the Word template `{}` has no word/document.xml, so it is not a Word document",
                    name.value
                ),
                "save the template from Word as a Word Document (*.docx)",
            ));
            None
        }
        Err(_) => {
            diagnostics.push(problem(
                format!("the Word template `{}` is not a .docx file", name.value),
                "save the template from Word as a Word Document (*.docx); older .doc files cannot be used",
            ));
            None
        }
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
    fn strips_bom_and_crlf() {
        let mut d = Diagnostics::default();
        let s = decode("a.md", b"\xEF\xBB\xBFline one\r\nline two\r\n", &mut d).unwrap();
        assert_eq!(s.text, "line one\nline two\n");
        assert!(d.is_empty());
    }

    #[test]
    fn reports_where_utf8_breaks() {
        let mut d = Diagnostics::default();
        assert!(decode("a.md", b"ok\nab\xE9c\n", &mut d).is_none());
        let diag = d.sorted()[0].clone();
        assert_eq!(diag.loc, Loc::new(2, 3));
        assert!(diag.message.contains("UTF-8"));
        assert!(
            diag.message
                .contains("byte 0xE9 here is `é` in Windows-1252"),
            "{}",
            diag.message
        );
        assert_eq!(windows_1252(0x92), Some('’'));
        assert_eq!(windows_1252(0x80), Some('€'));
        assert_eq!(windows_1252(0x9F), Some('Ÿ'));
        assert_eq!(windows_1252(0x81), None);
    }

    #[test]
    fn refuses_binary() {
        let mut d = Diagnostics::default();
        assert!(decode("a.md", b"PK\0\x03", &mut d).is_none());
        assert!(d.has_errors());
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

    #[test]
    fn locates_offsets() {
        assert_eq!(loc_of("ab\ncdé\nf", 7), Loc::new(2, 4));
        assert_eq!(loc_of("", 0), Loc::START);
    }

    #[test]
    fn the_line_index_agrees_with_loc_of() {
        let text = "ab\ncdé\n\nf\n";
        let index = LineIndex::new(text);
        for at in 0..=text.len() + 2 {
            assert_eq!(index.loc(at), loc_of(text, at), "at {at}");
        }
    }
}
