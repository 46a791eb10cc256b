//! Finding `#theme-id` tags in a run of text, the way SPEC defines them: a `#` at the
//! start of a word, followed by lower-case letters, digits and hyphens, and (unlike SPEC)
//! at least one letter, so that "attempt #2" keeps its number.
//!
//! The text must be exactly as written in the file, so that a tag's column is right and
//! a `#` produced by an escape or an entity is never taken for one.

use std::ops::Range;

use crate::load::LineIndex;
use crate::model::Located;
use crate::parse::themes::is_theme_id;

/// Splits the text at `range` of `file_text` into the text with its tags removed (white
/// space closed up around them) and the tags, each located in the file.
pub fn split(
    file_text: &str,
    range: Range<usize>,
    lines: &LineIndex,
) -> (String, Vec<Located<String>>) {
    let start = range.start;
    let text = &file_text[range];
    let mut tags = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut consumed = 0;
    while let Some(hash) = rest.find('#') {
        let at = consumed + hash;
        let id_len = rest[hash + 1..]
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
            .count();
        let after = rest[hash + 1 + id_len..].chars().next();
        let before_ok = file_text[..start + at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let after_ok = after.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let id = rest[hash + 1..hash + 1 + id_len].trim_end_matches('-');
        if before_ok && after_ok && is_theme_id(id) {
            let tag = Located {
                value: id.to_string(),
                loc: lines.loc(start + at),
            };
            tags.push(tag);
            let kept = &rest[..hash];
            let kept = if after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
                kept.trim_end_matches([' ', '\t'])
            } else {
                kept
            };
            out.push_str(kept);
            let skip = hash + 1 + id_len;
            consumed += skip;
            rest = &rest[skip..];
            if out.is_empty() || out.ends_with(char::is_whitespace) {
                let trimmed = rest.trim_start_matches([' ', '\t']);
                consumed += rest.len() - trimmed.len();
                rest = trimmed;
            }
        } else {
            out.push_str(&rest[..=hash]);
            consumed += hash + 1;
            rest = &rest[hash + 1..];
        }
    }
    out.push_str(rest);
    (out, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_all(text: &str) -> (String, Vec<(String, usize, usize)>) {
        let (kept, tags) = split(text, 0..text.len(), &LineIndex::new(text));
        let tags = tags
            .into_iter()
            .map(|t| (t.value, t.loc.line, t.loc.column))
            .collect();
        (kept, tags)
    }

    #[test]
    fn tags_are_removed_and_located() {
        let (kept, tags) = split_all("Slow contact #late-hcso, no plan #no-plan.");
        assert_eq!(kept, "Slow contact, no plan.");
        assert_eq!(
            tags,
            [("late-hcso".into(), 1, 14), ("no-plan".into(), 1, 34)]
        );
    }

    #[test]
    fn a_tag_written_with_a_trailing_hyphen_leaves_no_hyphen_behind() {
        let (kept, tags) = split_all("Contact was slow #late- and by email.");
        assert_eq!(kept, "Contact was slow and by email.");
        assert_eq!(tags, [("late".into(), 1, 18)]);
    }

    #[test]
    fn a_number_after_a_hash_is_text_not_a_tag() {
        let (kept, tags) = split_all("Contact on attempt #2 of #3, see #13-point-plan.");
        assert_eq!(kept, "Contact on attempt #2 of #3, see.");
        assert_eq!(tags, [("13-point-plan".into(), 1, 34)]);
    }

    #[test]
    fn a_hash_inside_a_word_or_before_capitals_is_text() {
        let (kept, tags) = split_all("Ref C#12 and #Heading and issue#3");
        assert_eq!(kept, "Ref C#12 and #Heading and issue#3");
        assert!(tags.is_empty());
    }
}
