//! Reading the Word template that `word_template:` names, and explaining what is wrong
//! with it at the setting.

use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Located;

use super::MAX_FILE_BYTES;

/// Reads the Word template that `word_template:` names, relative to the folder of the
/// settings file that names it (the report folder, or an archive's for panel.yaml). It
/// must be a .docx (a zip holding word/document.xml); what is wrong with it is reported
/// at the `word_template:` value.
pub fn read_word_template(
    root: &Path,
    bound: &Path,
    name: &Located<String>,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<u8>> {
    let problem = |message: String, hint: &str| {
        Diagnostic::error(&name.source, name.loc, message)
            .width(name.value.chars().count())
            .hint(hint)
    };
    let base = Path::new(name.source.path())
        .parent()
        .unwrap_or(Path::new(""));
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
    let folder = if bound == root {
        "report folder"
    } else {
        "archive"
    };
    if !super::Bound::new(bound, folder).contains(&path) {
        diagnostics.push(problem(
            format!("the Word template `{}` is outside the {folder}, so it is not read", name.value),
            "copy the template into the folder and name it from there, such as `word_template: house-style.docx`; build-report reads only the files inside the folder, so that a folder from someone else cannot read files from elsewhere on this computer",
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
