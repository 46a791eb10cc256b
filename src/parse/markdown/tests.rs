//! The Markdown builder's tests: points and their lines, tags, nesting, and properties
//! over arbitrary text.

use super::*;
use crate::model::plain_text;

/// Parses `text` as the body of a case file.
fn parse(text: &str, offset: usize, mode: Mode) -> Body {
    super::parse(&SourceId::new("cases/a.md"), text, offset, mode)
}

fn points(src: &str) -> Vec<Point> {
    parse(src, 0, Mode::Points).points
}

#[test]
fn items_are_points_with_file_lines() {
    let src = "intro\n\n- one\n- two\n  - nested\n";
    let p = points(src);
    assert_eq!(p.len(), 3);
    assert_eq!((p[0].line, p[0].text.as_str()), (3, "one"));
    assert_eq!((p[2].line, p[2].text.as_str()), (5, "nested"));
    assert_eq!(p[1].text, "two");
}

#[test]
fn tags_are_found_and_removed() {
    let src = "- The referral was slow. #late-hcso-contact\n- #record-errors Wrong age.\n";
    let body = parse(src, 0, Mode::Points);
    assert_eq!(body.points[0].text, "The referral was slow.");
    assert_eq!(body.points[0].tags[0].value, "late-hcso-contact");
    assert_eq!(body.points[0].tags[0].loc.column, 26);
    assert_eq!(body.points[1].text, "Wrong age.");
    let Block::List { items, .. } = &body.blocks[0] else {
        panic!("{:?}", body.blocks)
    };
    let Block::Paragraph(inlines) = &items[0].blocks[0] else {
        panic!()
    };
    assert_eq!(plain_text(inlines), "The referral was slow.");
}

#[test]
fn no_tags_in_code_after_backslash_or_mid_word() {
    let src = "- use `#code` and \\#escaped and C#sharp and issue#3\n";
    let p = points(src);
    assert!(p[0].tags.is_empty(), "{:?}", p[0].tags);
    assert_eq!(p[0].text, "use #code and #escaped and C#sharp and issue#3");
}

#[test]
fn tag_in_middle_keeps_one_space() {
    let p = points("- the #slow referral\n");
    assert_eq!(p[0].text, "the referral");
}

#[test]
fn tags_outside_points_are_stray_and_kept_in_the_text() {
    let src = "## Risk #late\n\nA paragraph #slow here, `#code`, C#sharp.\n\n- point #kept\n";
    let body = parse(src, 0, Mode::Points);
    let stray: Vec<(&str, usize, usize)> = body
        .stray_tags
        .iter()
        .map(|t| (t.value.as_str(), t.loc.line, t.loc.column))
        .collect();
    assert_eq!(stray, [("late", 1, 9), ("slow", 3, 13)]);
    assert_eq!(body.points[0].tags[0].value, "kept");
    assert!(crate::model::blocks_text(&body.blocks).contains("A paragraph #slow here"));
    assert!(parse(src, 0, Mode::Plain).stray_tags.is_empty());
}

#[test]
fn plain_mode_has_no_points() {
    let body = parse("- a #b\n", 0, Mode::Plain);
    assert!(body.points.is_empty());
    assert_eq!(crate::model::blocks_text(&body.blocks), "a #b");
}

#[test]
fn finished_vectors_keep_no_spare_capacity() {
    let body = parse(
        "- one *two* three\n  - four\n- five #tag\n\nSix\n",
        0,
        Mode::Points,
    );
    assert_eq!(body.blocks.capacity(), body.blocks.len());
    assert_eq!(body.points.capacity(), body.points.len());
    let Block::List { items, .. } = &body.blocks[0] else {
        panic!("a list: {:?}", body.blocks);
    };
    assert_eq!(items.capacity(), items.len());
    let Block::Paragraph(inlines) = &items[0].blocks[0] else {
        panic!("a paragraph: {:?}", items[0].blocks);
    };
    assert_eq!(inlines.capacity(), inlines.len());
    let tagged = body
        .points
        .iter()
        .find(|p| p.text == "five")
        .expect("point five");
    assert_eq!(tagged.tags.capacity(), 1);
}

#[test]
fn deep_nesting_is_flattened_not_overflowed() {
    let src = format!(
        "{} x\n\n{}",
        ">".repeat(100_000),
        (0..2000)
            .map(|i| format!("{}- a\n", "  ".repeat(i)))
            .collect::<String>()
    );
    let body = parse(&src, 0, Mode::Points);
    assert!(!body.points.is_empty());
    let html = crate::render::markup::blocks_html(&body.blocks, Some("case-1"));
    assert!(html.contains('x'));
}

#[test]
fn items_nested_deeper_than_word_allows_stay_points_at_the_deepest_level() {
    let levels = 30;
    let src: String = (0..levels)
        .map(|i| format!("{}- level {} words #t{i}\n", "  ".repeat(i), i + 1))
        .collect();
    let body = parse(&src, 0, Mode::Points);
    let texts: Vec<&str> = body.points.iter().map(|p| p.text.as_str()).collect();
    let expected: Vec<String> = (1..=levels).map(|n| format!("level {n} words")).collect();
    assert_eq!(texts, expected);
    assert!(
        body.points
            .iter()
            .enumerate()
            .all(|(i, p)| p.tags.len() == 1
                && p.tags[0].value == format!("t{i}")
                && p.line == i + 1)
    );
    let mut blocks = &body.blocks;
    for depth in 1..MAX_LIST_DEPTH {
        let Some(Block::List { items, .. }) = blocks.last() else {
            panic!("no list at depth {depth}: {blocks:?}")
        };
        assert_eq!(items.len(), 1);
        blocks = &items[0].blocks;
    }
    let Some(Block::List { items, .. }) = blocks.last() else {
        panic!("{blocks:?}")
    };
    let deepest: Vec<Option<usize>> = items.iter().map(|i| i.point).collect();
    let expected: Vec<Option<usize>> = (MAX_LIST_DEPTH - 1..levels).map(Some).collect();
    assert_eq!(deepest, expected);
    assert!(
        items
            .iter()
            .all(|i| i.blocks.iter().all(|b| !matches!(b, Block::List { .. })))
    );
}

#[test]
fn offsets_give_file_lines() {
    let file = "---\ncase: 1\n---\n- first\n";
    let p = parse(file, 16, Mode::Points).points;
    assert_eq!(p[0].line, 4);
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::load::{Source, decode};
    use crate::render::markup::{blocks_html, escape};

    proptest! {
        #[test]
        fn parsing_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut diagnostics = Diagnostics::default();
            if let Some(source) = decode("cases/x.md", &bytes, &mut diagnostics) {
                let _ = crate::parse::case::parse(&source, None, &mut diagnostics);
            }
        }

        #[test]
        fn parsing_never_panics_on_case_like_text(
            front in "(case: [0-9a-z]{0,3}\n|checks:\n  a: [a-z/]{0,4}\n|themes: \\[[a-z,]{0,8}\\]\n|[a-z]{1,5}: [\\[\\]{}:#&*a-z ]{0,10}\n){0,6}",
            body in "(- [a-z #`<>&\\\\-]{0,20}\n|  - [a-z #]{0,10}\n|#{1,6} [a-z]{0,8}\n|\n|[a-z]{0,10}\n|[•·◦–] [A-Za-z #_]{0,12}\n|[A-Z][a-z]{0,6}\\.\n|-\n){0,8}",
        ) {
            let mut diagnostics = Diagnostics::default();
            let source = Source { path: "cases/x.md".into(), text: format!("---\n{front}---\n{body}") };
            let _ = crate::parse::case::parse(&source, None, &mut diagnostics);
        }

        #[test]
        fn point_text_survives_into_html_escaped_and_word_for_word(text in "[A-Za-z0-9<>&\"' .,;:!?()£%/-]{1,80}") {
            let text = text.trim().to_string();
            prop_assume!(!text.is_empty() && !text.starts_with(['-', '#', '<']) && !text.contains("  "));
            prop_assume!(!text.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '>'));
            // Markup, not text: raw HTML tags and character references.
            let markup = text.as_bytes().windows(2).any(|w| {
                (w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
                    || (w[0] == b'&' && (w[1].is_ascii_alphanumeric() || w[1] == b'#'))
            });
            prop_assume!(!markup);
            let source = format!("- {text}\n");
            let body = parse(&source, 0, Mode::Plain);
            let html = blocks_html(&body.blocks, None);
            let expected = escape(&text).replace("&#39;", "'").replace("&quot;", "\"");
            prop_assert!(html.contains(&expected), "{html} lacks {expected}");
        }
    }
}

#[test]
fn raw_html_is_noted_once_per_line_at_its_first_tag() {
    let body = parse(
        "- a <b>bold</b> word <i>too</i>\n- fine\n\n<div>\nblock\n</div>\n",
        0,
        Mode::Points,
    );
    let noted: Vec<(&str, usize, usize)> = body
        .raw_html
        .iter()
        .map(|h| (h.value.as_str(), h.loc.line, h.loc.column))
        .collect();
    assert_eq!(noted, [("<b>", 1, 5), ("<div>", 4, 1)]);
}
