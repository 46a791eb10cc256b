//! The names report.docx carries so that the force's answers can be taken back into the
//! right observation files: the writer in `render/docx` puts them in, `responses` looks
//! for them, and both take them from here so they cannot drift apart.
//!
//! Each Force Response cell is a content control tagged [`RESPONSE_TAG`] and the
//! observation's file; each row's cells also carry bookmarks named by [`mark_name`],
//! which LibreOffice keeps where it drops the tags.

/// The tag of an observation's Force Response cell, before the observation's file path.
pub const RESPONSE_TAG: &str = "build-report:observation:";
/// The tag of a case's response cell (with `response_headings:`), before the case's id.
pub const CASE_RESPONSE_TAG: &str = "build-report:case:";
/// What every tag of build-report's starts with.
pub const TAGS: &str = "build-report:";
/// The custom document property that marks report.docx as build-report's; its value
/// says which language version it is.
pub const MARK_PROPERTY: &str = "build-report";
/// The custom document property that names the audience of a copy of the report
/// (`audiences:`), so that `responses` can refuse the copy that was published.
pub const AUDIENCE_PROPERTY: &str = "build-report-audience";
/// The mark's value on the version in the report's own language.
pub const ORIGINAL: &str = "original";
/// The mark's value on a translated version.
pub const TRANSLATION: &str = "translation";

/// What the names of build-report's bookmarks start with.
pub const MARKS: &str = "_Br";
/// The bookmark in the paragraph of an observation's number, marking the cell of the
/// panel's text.
pub const TEXT_MARK: &str = "_BrText_";
/// The bookmark in the "Cases behind this" paragraph, which is not the panel's text.
pub const CASES_MARK: &str = "_BrCases_";
/// The bookmark in a response cell's status line, which is not the force's answer.
pub const RESPONSE_MARK: &str = "_BrResp_";

/// The bookmark in the label of a case's response cell, which is not the force's answer.
pub const CASE_RESPONSE_MARK: &str = "_BrCaseResp_";

/// The mark's value on a member's review pack, which `collect` reads and `responses`
/// refuses.
pub const PACK: &str = "pack";
/// The custom document property of a review pack that says whose it is and what it holds,
/// as JSON, which Word and LibreOffice keep when they save.
pub const PACK_PROPERTY: &str = "build-report-pack";
/// The tag of a pack's drop-down, before its case and what it answers; LibreOffice drops
/// it, so the drop-down's bookmark is what is read.
pub const PACK_TAG: &str = "build-report:pack:";
/// The bookmark before a pack's grey box, named from its case and heading.
pub const BOX_MARK: &str = "_BrBox_";
/// The bookmark after a pack's grey box.
pub const BOX_END_MARK: &str = "_BrBoxEnd_";
/// The bookmark in a pack's drop-down, named from its case and what it answers.
pub const PICK_MARK: &str = "_BrPick_";

/// The key a pack's box or drop-down is named from: its case's id and its heading, or
/// `check:ID` or `judgement` for a drop-down.
pub fn pack_key(case: &str, part: &str) -> String {
    format!("{case}\n{part}")
}

/// The id a case's response cell is tagged and bookmarked with: its number.
pub fn case_id(number: u32) -> String {
    number.to_string()
}

/// The name of the bookmark `kind` for the observation file `file`.
///
/// A bookmark's name is at most 40 letters, digits and underscores, too few for a path,
/// so it carries a hash of the path instead, which the reader matches against the files
/// in the folder. The leading underscore keeps it out of Word's list of bookmarks, as
/// Word's own `_Toc` ones are.
pub fn mark_name(kind: &str, file: &str) -> String {
    format!("{kind}{:016x}", fnv1a(file))
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_names_fit_word_s_limit_and_are_stable() {
        let name = mark_name(RESPONSE_MARK, "observations/02-late.md");
        assert!(name.len() <= 40, "{name}");
        assert!(name.starts_with(MARKS), "{name}");
        assert_eq!(name, mark_name(RESPONSE_MARK, "observations/02-late.md"));
        assert_ne!(name, mark_name(RESPONSE_MARK, "observations/03-late.md"));
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
