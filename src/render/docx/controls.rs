//! The ids report.docx carries so that the force's answers can be taken back into the
//! right observation files.
//!
//! Matching rows by position would go wrong the moment the force deletes a row or the
//! officer reorders the observations, so each Force Response cell's content is a
//! block-level content control (`w:sdt`) whose `w:tag` names the observation's file. Word
//! keeps a control's tag through editing; the control is locked against deletion (its
//! content stays editable) so a user clearing the cell does not remove the id with it. An
//! empty response cell shows Word's placeholder text, which typing replaces.
//!
//! Each row's cells also carry hidden bookmarks, which LibreOffice keeps where it drops
//! the tags, and which mark the panel's own text without a control around it: LibreOffice
//! 7.4 shows the first paragraph of a block-level control without its bold, italic or
//! colour, which the panel's text must not lose.

use super::body::{Body, Fmt, Para};
use super::styles::MUTED;

/// The tag of an observation's Force Response cell, before the observation's file path.
pub const RESPONSE_TAG: &str = "build-report:observation:";
/// The custom document property that marks report.docx as build-report's; its value
/// says which language version it is.
pub const MARK_PROPERTY: &str = "build-report";
/// The mark's value on the version in the report's own language.
pub const ORIGINAL: &str = "original";
/// The mark's value on a translated version.
pub const TRANSLATION: &str = "translation";

/// What a control holds, and how it shows when empty.
pub struct Control<'a> {
    pub tag: String,
    /// The name Word shows on the control's frame.
    pub alias: &'a str,
    /// Shown, greyed, while the control is empty.
    pub prompt: Option<&'a str>,
}

/// Writes a block-level content control around what `fill` writes; an empty control
/// gets its prompt as placeholder text.
pub fn control(body: &mut Body, control: &Control<'_>, fill: impl FnOnce(&mut Body)) {
    let start = body.xml.len();
    let mut content = std::mem::take(&mut body.xml);
    fill(body);
    std::mem::swap(&mut content, &mut body.xml);
    debug_assert_eq!(body.xml.len(), start);
    let empty = content.is_empty();
    let placeholder = empty.then_some(control.prompt).flatten();
    body.xml
        .open("w:sdt", &[])
        .open("w:sdtPr", &[])
        .val("w:alias", control.alias)
        .val("w:tag", &control.tag)
        .val("w:lock", "sdtLocked");
    if placeholder.is_some() {
        body.xml.empty("w:showingPlcHdr", &[]);
    }
    body.xml.empty("w:richText", &[]).close("w:sdtPr");
    body.xml.open("w:sdtContent", &[]);
    if let Some(prompt) = placeholder {
        body.open_p(Para::style("TableText"));
        body.run(
            prompt,
            // The colour is also given directly, since LibreOffice shows the placeholder
            // style's runs in plain black.
            Fmt {
                style: Some("PlaceholderText"),
                color: Some(MUTED),
                ..Fmt::PLAIN
            },
        );
        body.close_p();
    } else if empty {
        // A control must hold a block; an empty paragraph is what Word writes.
        body.open_p(Para::style("TableText"));
        body.close_p();
    } else {
        body.xml.raw(&content.finish());
    }
    body.xml.close("w:sdtContent").close("w:sdt");
}

/// The bookmark in the paragraph of an observation's number, marking the cell of the
/// panel's text.
pub const TEXT_MARK: &str = "_BrText_";
/// The bookmark in the "Cases behind this" paragraph, which is not the panel's text.
pub const CASES_MARK: &str = "_BrCases_";
/// The bookmark in a response cell's status line, which is not the force's answer.
pub const RESPONSE_MARK: &str = "_BrResp_";
/// Bookmark ids from here on are these marks', far above the headings' own.
const MARK_IDS: u32 = 1_000_000;

/// The name of the bookmark `kind` for the observation file `file`.
///
/// A bookmark's name is at most 40
/// letters, digits and underscores, too few for a path, so it carries a hash of the
/// path instead, which the reader matches against the files in the folder. The leading
/// underscore keeps it out of Word's list of bookmarks, as Word's own `_Toc` ones are.
pub fn mark_name(kind: &str, file: &str) -> String {
    format!("{kind}{:016x}", fnv1a(file))
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A bookmark around nothing, the `n`th mark of the document, named `name`.
pub fn mark(body: &mut Body, n: u32, name: &str) {
    let id = MARK_IDS + n;
    body.xml
        .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)])
        .empty("w:bookmarkEnd", &[("w:id", &id)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_names_fit_word_s_limit_and_are_stable() {
        let name = mark_name(RESPONSE_MARK, "observations/02-late.md");
        assert!(name.len() <= 40, "{name}");
        assert_eq!(name, mark_name(RESPONSE_MARK, "observations/02-late.md"));
        assert_ne!(name, mark_name(RESPONSE_MARK, "observations/03-late.md"));
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
