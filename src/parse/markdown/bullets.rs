//! Bullet glyphs that Markdown does not know, read as the bullets they were meant to be.
//!
//! Text pasted from Word or an email keeps its `•` (or `·`, `◦`, `▪`, `‣`, `●`, `–`)
//! bullets, and Word's lettered lists their `a)` or `(a)`. Markdown reads such a line as plain text, so the point would be lost from
//! every count and its `#tags` printed as words. Each such line is rewritten to a `-`
//! item before parsing, with the glyph's bytes replaced by spaces and a `-` so that every
//! byte offset (and so every line, and every column counted in the original) stays where
//! it was. The spaces go before the `-`, which keeps an indented `◦` under the `•` above.

use crate::diagnostic::{Loc, SourceId};
use crate::model::Located;

/// The glyphs taken for bullets at the start of a line. An en dash counts only when a
/// space follows it, since a line may begin with a dash in running text.
pub(super) const GLYPHS: [char; 7] = ['•', '·', '◦', '▪', '‣', '●', '–'];

/// `file_text` with every glyph-bullet line of the body (from byte `offset`) rewritten
/// as a `-` item, and each glyph with its place. Lines in fenced code are left alone.
/// When there is none, the text is returned unchanged and the list is empty.
pub fn rewrite(
    source: &SourceId,
    file_text: &str,
    offset: usize,
) -> (String, Vec<Located<String>>) {
    let mut found = Vec::new();
    if !may_have(&file_text[offset..]) {
        return (file_text.to_string(), found);
    }
    let mut out = String::with_capacity(file_text.len());
    out.push_str(&file_text[..offset]);
    let mut line = file_text[..offset].matches('\n').count() + 1;
    let mut fence: Option<char> = None;
    for text in file_text[offset..].split_inclusive('\n') {
        let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
        let rest = &text[indent..];
        let fenced = |c: char| rest.starts_with(&String::from(c).repeat(3));
        if let Some(open) = fence {
            if fenced(open) {
                fence = None;
            }
            out.push_str(text);
            line += 1;
            continue;
        }
        if let Some(open) = ['`', '~'].into_iter().find(|&c| fenced(c)) {
            fence = Some(open);
            out.push_str(text);
            line += 1;
            continue;
        }
        match marker(rest) {
            Some(len) => {
                let column = text[..indent].chars().count() + 1;
                found.push(Located {
                    value: rest[..len].to_string(),
                    loc: Loc::new(line, column),
                    source: source.clone(),
                });
                out.push_str(&text[..indent]);
                out.extend(std::iter::repeat_n(' ', len - 1));
                out.push('-');
                let after = &rest[len..];
                if !after.starts_with([' ', '\t']) {
                    // `•text`: the `-` needs a space after it, taken from before it.
                    out.pop();
                    out.pop();
                    out.push_str("- ");
                }
                out.push_str(after);
            }
            None => out.push_str(text),
        }
        line += 1;
    }
    (out, found)
}

/// Whether `text` may have a line [`rewrite`] changes; nearly every file has none, and is
/// then not copied.
pub fn may_have(text: &str) -> bool {
    text.contains(GLYPHS) || text.contains(')')
}

/// The length in bytes of the bullet a line starts with, if it is one Markdown does not
/// know: a glyph (an en dash only before a space), or a letter in Word's lettered-list
/// form, `a)` or `(a)`, before a space. A marker with nothing after it is no point.
pub(super) fn marker(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let len = if GLYPHS.contains(&first) {
        let after = &line[first.len_utf8()..];
        if first == '–' && !after.starts_with([' ', '\t']) {
            return None;
        }
        first.len_utf8()
    } else {
        match line.as_bytes() {
            [b'(', l, b')', b' ' | b'\t', ..] if l.is_ascii_alphabetic() => 3,
            [l, b')', b' ' | b'\t', ..] if l.is_ascii_alphabetic() => 2,
            _ => return None,
        }
    };
    (!line[len..].trim().is_empty()).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(found: &[Located<String>]) -> Vec<(&str, usize, usize)> {
        found
            .iter()
            .map(|g| (g.value.as_str(), g.loc.line, g.loc.column))
            .collect()
    }

    #[test]
    fn glyph_lines_become_items_of_the_same_length() {
        let text = "---\ncase: 1\n---\n• One\n  ◦ Two\n·Three\n– Four\nText – dash\n";
        let (out, found) = rewrite(&SourceId::new("cases/a.md"), text, 16);
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out,
            "---\ncase: 1\n---\n  - One\n    - Two\n- Three\n  - Four\nText – dash\n"
        );
        assert_eq!(
            glyphs(&found),
            [("•", 4, 1), ("◦", 5, 3), ("·", 6, 1), ("–", 7, 1)]
        );
    }

    #[test]
    fn lettered_items_become_items_of_the_same_length() {
        let text = "a) One\n(b) Two\nB) Three\nab) Not\na)No space\n(a)\n";
        let (out, found) = rewrite(&SourceId::new("cases/a.md"), text, 0);
        assert_eq!(out, " - One\n  - Two\n - Three\nab) Not\na)No space\n(a)\n");
        assert_eq!(glyphs(&found), [("a)", 1, 1), ("(b)", 2, 1), ("B)", 3, 1)]);
    }

    #[test]
    fn fenced_code_dashes_and_empty_glyphs_are_left_alone() {
        let text = "```\n• in code\n```\n–no space\n•\n~~~\n• code\n~~~\n";
        let (out, found) = rewrite(&SourceId::new("cases/a.md"), text, 0);
        assert_eq!(out, text);
        assert!(found.is_empty());
    }

    #[test]
    fn front_matter_is_never_rewritten() {
        let text = "---\n• x\n---\n";
        let (out, found) = rewrite(&SourceId::new("cases/a.md"), text, text.len());
        assert_eq!(out, text);
        assert!(found.is_empty());
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::rewrite;
        use crate::diagnostic::SourceId;
        use crate::parse::markdown::{Mode, parse};

        proptest! {
            #[test]
            fn every_byte_and_line_stays_where_it_was(text in "(\\PC{0,12}\n){0,8}") {
                let (out, found) = rewrite(&SourceId::new("cases/a.md"), &text, 0);
                prop_assert_eq!(out.len(), text.len());
                prop_assert_eq!(out.matches('\n').count(), text.matches('\n').count());
                for (a, b) in out.lines().zip(text.lines()) {
                    prop_assert_eq!(a.len(), b.len());
                }
                prop_assert!(found.iter().all(|g| g.loc.line <= text.lines().count()));
            }

            #[test]
            fn a_glyph_bullet_gives_the_point_a_hyphen_would(
                lines in proptest::collection::vec(("[•·◦▪‣●–]|[a-z]\\)|\\([a-z]\\)", "[a-z]{1,8}( [a-z]{1,8}){0,3}( #[a-z]{1,6})?"), 1..6),
            ) {
                let glyphs: String = lines.iter().map(|(g, t)| format!("{g} {t}\n")).collect();
                let hyphens: String = lines.iter().map(|(_, t)| format!("- {t}\n")).collect();
                let a = parse(&SourceId::new("cases/a.md"), &glyphs, 0, Mode::Points);
                let b = parse(&SourceId::new("cases/a.md"), &hyphens, 0, Mode::Points);
                prop_assert_eq!(a.glyph_bullets.len(), lines.len());
                // A tag's column, counted from the end of its line's bullet, is the same.
                let bullet = |line: usize, hyphens: bool| {
                    if hyphens { 1 } else { lines[line - 1].0.chars().count() }
                };
                let shown = |p: &crate::model::Point, hyphens: bool| {
                    let tags: Vec<(String, usize, usize)> = p
                        .tags
                        .iter()
                        .map(|t| (t.value.clone(), t.loc.line, t.loc.column - bullet(t.loc.line, hyphens)))
                        .collect();
                    (p.line, p.text.clone(), tags)
                };
                prop_assert_eq!(
                    a.points.iter().map(|p| shown(p, false)).collect::<Vec<_>>(),
                    b.points.iter().map(|p| shown(p, true)).collect::<Vec<_>>()
                );
            }
        }
    }
}
