//! Writing the ids report.docx carries so that the force's answers can be taken back
//! into the right observation files; the names themselves are [`crate::office::names`].
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

/// Bookmark ids from here on are these marks', far above the headings' own.
const MARK_IDS: u32 = 1_000_000;

/// The marks of the cases' response cells are numbered from here, by case, after any
/// report's observations' three each.
pub const CASE_MARKS: u32 = 500_000;

/// A bookmark around nothing, the `n`th mark of the document, named `name`.
pub fn mark(body: &mut Body, n: u32, name: &str) {
    let id = MARK_IDS + n;
    body.xml
        .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)])
        .empty("w:bookmarkEnd", &[("w:id", &id)]);
}
