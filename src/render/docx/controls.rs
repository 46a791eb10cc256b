//! Content controls: the ids report.docx carries so that the force's answers can be
//! taken back into the right observation files.
//!
//! Matching rows by position would go wrong the moment the force deletes a row or the
//! officer reorders the observations, so each observation's two cells are wrapped in a
//! block-level `w:sdt` whose `w:tag` names the observation's file. Word and LibreOffice
//! keep a control's tag through editing; the control is locked against deletion (its
//! content stays editable) so a user clearing the cell does not remove the id with it.
//! An empty response cell shows Word's placeholder text, which typing replaces.

use super::body::{Body, Fmt, Para};

/// The tag of an observation's Force Response cell, before the observation's file path.
pub const RESPONSE_TAG: &str = "build-report:observation:";
/// The tag of the panel's own observation text, before the observation's file path.
pub const TEXT_TAG: &str = "build-report:observation-text:";
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
            Fmt {
                style: Some("PlaceholderText"),
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
