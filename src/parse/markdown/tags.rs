//! Finding `#theme-id` tags in a run of text, the way SPEC defines them: a `#` at the
//! start of a word, followed by lower-case letters, digits and hyphens, and (unlike SPEC)
//! at least one letter, so that "attempt #2" keeps its number.
//!
//! The text must be exactly as written in the file, so that a tag's column is right and
//! a `#` produced by an escape or an entity is never taken for one.
//!
//! A tag typed with capitals or underscores (`#Record-quality`, `#record_quality`) is
//! still a tag: it is removed from the text like any other, so it never reaches the page
//! as a literal word, and it is returned with the id it most likely means and the form
//! it was written in, for the parse stage to report.

use std::ops::Range;

use crate::diagnostic::SourceId;
use crate::load::LineIndex;
use crate::model::Located;
use crate::parse::themes::is_theme_id;

/// One tag found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The theme id, lower case with hyphens, located at the `#`.
    pub id: Located<String>,
    /// The tag as typed, `#` included, when that is not `#id`: it had capitals or `_`.
    pub written: Option<String>,
}

/// Splits the text at `range` of `file_text` into the text with its tags removed (white
/// space closed up around them) and the tags, each located in the file.
pub fn split(
    source: &SourceId,
    file_text: &str,
    range: Range<usize>,
    lines: &LineIndex,
) -> (String, Vec<Tag>) {
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
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        let after = rest[hash + 1 + id_len..].chars().next();
        let before_ok = file_text[..start + at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let after_ok = after.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let typed = rest[hash + 1..hash + 1 + id_len].trim_end_matches(['-', '_']);
        let plain = typed
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let id = if plain {
            typed.to_string()
        } else {
            crate::parse::id_from(typed, '-')
        };
        if before_ok && after_ok && is_theme_id(&id) {
            let written = (typed != id).then(|| format!("#{typed}"));
            tags.push(Tag {
                id: Located {
                    value: id,
                    loc: lines.loc(start + at),
                    source: source.clone(),
                },
                written,
            });
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

/// `# word` in the text at `range` of `file_text`, where `word` has the shape of a theme
/// id: a tag typed with a space after its `#`, which is text. Each is located at its `#`,
/// with the word, so the analyse stage can say so when the word is a theme.
pub fn spaced(
    source: &SourceId,
    file_text: &str,
    range: Range<usize>,
    lines: &LineIndex,
) -> Vec<Located<String>> {
    let start = range.start;
    let text = &file_text[range];
    let mut found = Vec::new();
    for (at, _) in text.match_indices("# ") {
        let before_ok = file_text[..start + at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let word: String = text[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        let after = text[at + 2 + word.len()..].chars().next();
        let word = word.trim_end_matches('-');
        if before_ok && after.is_none_or(|c| !c.is_alphanumeric()) && is_theme_id(word) {
            found.push(Located {
                value: word.to_string(),
                loc: lines.loc(start + at),
                source: source.clone(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_all(text: &str) -> (String, Vec<(String, usize, usize)>) {
        let (kept, tags) = split(
            &SourceId::new("cases/a.md"),
            text,
            0..text.len(),
            &LineIndex::new(text),
        );
        let tags = tags
            .into_iter()
            .map(|t| (t.id.value, t.id.loc.line, t.id.loc.column))
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
    fn a_hash_with_a_space_after_it_is_noted_with_its_word() {
        let text = "Slow # late-contact, ref # 12, C# x and # Big";
        let found: Vec<(String, usize)> = spaced(
            &SourceId::new("cases/a.md"),
            text,
            0..text.len(),
            &LineIndex::new(text),
        )
        .into_iter()
        .map(|t| (t.value, t.loc.column))
        .collect();
        assert_eq!(found, [("late-contact".to_string(), 6)]);
    }

    #[test]
    fn a_hash_inside_a_word_is_text() {
        let (kept, tags) = split_all("Ref C#12 and issue#3 and C#Sharp");
        assert_eq!(kept, "Ref C#12 and issue#3 and C#Sharp");
        assert!(tags.is_empty());
    }

    #[test]
    fn a_tag_with_capitals_or_underscores_is_a_tag_with_its_plain_id() {
        let text = "Poor record #Record-quality, again #record_quality.";
        let (kept, tags) = split(
            &SourceId::new("cases/a.md"),
            text,
            0..text.len(),
            &LineIndex::new(text),
        );
        assert_eq!(kept, "Poor record, again.");
        let found: Vec<(&str, usize, Option<&str>)> = tags
            .iter()
            .map(|t| (t.id.value.as_str(), t.id.loc.column, t.written.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("record-quality", 13, Some("#Record-quality")),
                ("record-quality", 36, Some("#record_quality")),
            ]
        );
        let (_, plain) = split(
            &SourceId::new("cases/a.md"),
            "#late",
            0..5,
            &LineIndex::new("#late"),
        );
        assert_eq!(plain[0].written, None);
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::split;
        use crate::diagnostic::SourceId;
        use crate::load::LineIndex;

        proptest! {
            #[test]
            fn a_tag_in_any_shape_leaves_the_text_and_keeps_its_plain_id(
                words in proptest::collection::vec("[a-z]{1,6}|#[A-Za-z][A-Za-z_-]{0,8}", 1..8),
            ) {
                let text = words.join(" ");
                let (kept, tags) = split(&SourceId::new("cases/a.md"), &text, 0..text.len(), &LineIndex::new(&text));
                prop_assert!(!kept.contains('#'), "{:?} from {:?}", kept, text);
                let typed: Vec<&String> = words.iter().filter(|w| w.starts_with('#')).collect();
                prop_assert_eq!(tags.len(), typed.len());
                for (tag, typed) in tags.iter().zip(typed) {
                    let bare = typed[1..].trim_end_matches(['-', '_']);
                    let plain = if bare.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                        bare.to_string()
                    } else {
                        crate::parse::id_from(bare, '-')
                    };
                    prop_assert_eq!(&tag.id.value, &plain);
                    prop_assert_eq!(tag.written.is_some(), bare != plain);
                }
            }
        }
    }
}
