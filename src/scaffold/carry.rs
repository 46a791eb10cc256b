//! The case files `new-meeting` writes for the cases an earlier meeting carried over: a
//! copy of each file as the panel left it, renumbered, with `carried_from:` naming the
//! case it continues and the earlier points marked, under each heading, as said at that
//! meeting.
//!
//! The copy is made from the files' text rather than from the parsed case, so that
//! everything the panel wrote (its formatting, its facts, its notes) comes across as
//! written; only the lines that must change are touched.

use super::File;
use crate::archive::carried::Carry;
use crate::archive::{Archive, Meeting};
use crate::catalogue::fill;
use crate::layout;
use crate::load::Source;
use crate::model::Case;
use crate::view::wording::long_date;

/// The files of the cases carried over before the new meeting `id` that no meeting has
/// taken up, numbered after its `first` case numbers (per type, a typed case after that
/// type's cases the new meeting already has: none), and how many cases they are.
pub fn carried_files(archive: &Archive, before: usize, id: &str, first: u32) -> (Vec<File>, usize) {
    let mut count = 0;
    let mut files = Vec::new();
    let mut plain = first;
    let mut typed: Vec<(String, u32)> = Vec::new();
    for carry in archive
        .carries
        .iter()
        .filter(|c| c.meeting < before && c.taken_by.is_none())
    {
        let meeting = &archive.meetings[carry.meeting];
        let Some(case) = meeting.checked.report.case(carry.case) else {
            continue;
        };
        let number = match case.kind() {
            None => {
                plain += 1;
                plain
            }
            Some(kind) => match typed.iter_mut().find(|(k, _)| k == kind) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    typed.push((kind.to_string(), 1));
                    1
                }
            },
        };
        files.extend(copy(meeting, case, carry, id, number));
        count += 1;
    }
    (files, count)
}

/// The new meeting's files for `case`: its own file, and its members' and translations
/// when it is a folder or translated.
fn copy(meeting: &Meeting, case: &Case, carry: &Carry, id: &str, number: u32) -> Vec<File> {
    let folder = &meeting.checked.folder;
    let meta = &meeting.checked.report.meta;
    let date = &meta.meeting_date;
    let name = match case.kind() {
        Some(kind) => layout::typed_case_file(kind, number),
        None => layout::case_file(number),
    };
    let stem = name.trim_end_matches(".md");
    let in_folder = layout::case_folder(&case.file);
    let target = |file: &str| -> String {
        match in_folder {
            Some(dir) => {
                let rest = file.strip_prefix(dir).unwrap_or(file);
                format!("{id}/{}/{stem}{rest}", layout::CASES)
            }
            None => {
                let rest = file
                    .strip_prefix(case.file.trim_end_matches(".md"))
                    .unwrap_or(".md");
                format!("{id}/{}/{stem}{rest}", layout::CASES)
            }
        }
    };
    let earlier = |language: &str| {
        let words = &meta.labels(language).carried_earlier;
        let label = fill(words, &[("date", &long_date(meta.labels(language), date))]);
        (label, words.clone())
    };
    let mut files = Vec::new();
    let sources = folder
        .cases
        .iter()
        .chain(&folder.members)
        .chain(&folder.translations);
    for source in sources.filter(|s| belongs(s, case, in_folder)) {
        let language = crate::load::translation_of(&source.path)
            .map_or(meta.language.as_str(), |(code, _)| code);
        let own = source.path == case.file;
        let text = front_matter(&source.text, own.then_some((number, &carry.id)));
        let (label, words) = earlier(language);
        files.push(File::new(
            target(&source.path),
            mark_earlier(&text, &label, &words),
        ));
    }
    files
}

/// Whether `source` is one of `case`'s files: the case file, its translations, or any
/// file of its folder.
fn belongs(source: &Source, case: &Case, folder: Option<&str>) -> bool {
    match folder {
        Some(dir) => layout::case_folder(&source.path) == Some(dir),
        None => {
            source.path == case.file
                || crate::load::translation_of(&source.path)
                    .is_some_and(|(_, original)| original == case.file)
        }
    }
}

/// `text` with its front matter's judgement left for the new meeting to give, and, for
/// the case's own file (`own`: its new number and what it continues), its number and
/// `carried_from:`.
fn front_matter(text: &str, own: Option<(u32, &String)>) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut lines = text.split_inclusive('\n');
    let mut in_front = false;
    let mut first = true;
    for line in lines.by_ref() {
        let bare = line.trim_end();
        if first {
            first = false;
            if bare == "---" {
                in_front = true;
                out.push_str(line);
                continue;
            }
        }
        if in_front && bare == "---" {
            out.push_str(line);
            break;
        }
        if !in_front {
            out.push_str(line);
            continue;
        }
        // The judgement is the new meeting's to give, and what the case continues is
        // said anew.
        if line.starts_with("judgement:") || line.starts_with("carried_from:") {
            continue;
        }
        match own {
            Some((number, from)) if line.starts_with("case:") => {
                let nl = newline(text);
                out.push_str(&format!("case: {number}{nl}carried_from: {from}{nl}"));
            }
            _ => out.push_str(line),
        }
    }
    out.extend(lines);
    out
}

/// `text` with `label` as a paragraph after each heading whose section holds a list: the
/// points below it are the earlier meeting's. A case carried over again has such a
/// paragraph from the meeting before; `words`, the catalogue's sentence the labels are
/// made from, finds it, and it is replaced, as every point above the new one's is now
/// from the earlier meeting. The body is read as Markdown, as the case's parser reads it,
/// so a heading underlined with `---` or `===` is one, and a `#` line in a fence, an HTML
/// block or a list item's text is not.
fn mark_earlier(text: &str, label: &str, words: &str) -> String {
    let offset = crate::parse::frontmatter::body_offset(text);
    let marks = Marks::find(&text[offset..], offset, words);
    let nl = newline(text);
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = offset;
    out.push_str(&text[..offset]);
    let mut edits: Vec<(usize, Option<usize>)> = marks
        .headings
        .iter()
        .map(|&end| (line_end(text, end), None))
        .chain(marks.labels.iter().map(|r| {
            let end = line_end(text, r.end);
            // The blank line after a label goes with it.
            let blank_end = line_end(text, end + 1).min(text.len());
            let blank = end < text.len() && text[end..blank_end].trim().is_empty();
            (r.start, Some(if blank { blank_end } else { end }))
        }))
        .collect();
    edits.sort();
    for (position, dropped_to) in edits {
        out.push_str(&text[at..position]);
        at = position;
        match dropped_to {
            Some(end) => at = end,
            None => {
                if !out.ends_with('\n') {
                    out.push_str(nl);
                }
                out.push_str(nl);
                out.push_str(label);
                out.push_str(nl);
                // A paragraph of its own, whatever follows the heading.
                let next = &text[position..line_end(text, position + 1).min(text.len())];
                if !next.trim().is_empty() {
                    out.push_str(nl);
                }
            }
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Where a body's points are to be labelled: the end of each top-level heading whose
/// section holds a list item, and each top-level paragraph that is a label already.
#[derive(Debug, Default)]
struct Marks {
    headings: Vec<usize>,
    labels: Vec<std::ops::Range<usize>>,
}

impl Marks {
    fn find(body: &str, offset: usize, words: &str) -> Marks {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let mut marks = Marks::default();
        // The last heading, while no item has been seen in its section.
        let mut open: Option<usize> = None;
        let mut depth = 0usize;
        let mut paragraph: Option<(std::ops::Range<usize>, String)> = None;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            let range = offset + range.start..offset + range.end;
            match event {
                Event::Start(tag) => {
                    match tag {
                        Tag::Heading { .. } if depth == 0 => open = Some(range.end),
                        Tag::Paragraph if depth == 0 => paragraph = Some((range, String::new())),
                        Tag::Item => marks.headings.extend(open.take()),
                        _ => {}
                    }
                    depth += 1;
                }
                Event::End(end) => {
                    depth = depth.saturating_sub(1);
                    if end == TagEnd::Paragraph
                        && depth == 0
                        && let Some((range, written)) = paragraph.take()
                        && is_label(&written, words)
                    {
                        marks.labels.push(range);
                    }
                }
                Event::Text(words) | Event::Code(words) => {
                    if let Some((_, written)) = &mut paragraph {
                        written.push_str(&words);
                    }
                }
                // A paragraph of more than one line is the panel's text, not a label.
                Event::SoftBreak | Event::HardBreak => {
                    if let Some((_, written)) = &mut paragraph {
                        written.push('\n');
                    }
                }
                _ => {}
            }
        }
        marks
    }
}

/// The end of the line `position` is on, past its line break: `position` itself when it
/// is the start of a line or the text's end.
fn line_end(text: &str, position: usize) -> usize {
    if position >= text.len() {
        return text.len();
    }
    if position > 0 && text.as_bytes()[position - 1] == b'\n' {
        return position;
    }
    text[position..]
        .find('\n')
        .map_or(text.len(), |i| position + i + 1)
}

/// Whether `line` is a paragraph made from `words` ("At the meeting of {date}:") with
/// any date.
fn is_label(line: &str, words: &str) -> bool {
    let Some((before, after)) = words.split_once("{date}") else {
        return false;
    };
    let line = line.trim();
    !line.contains('\n')
        && line.len() > before.len() + after.len()
        && line.starts_with(before.trim_start())
        && line.ends_with(after.trim_end())
}

/// The line ending `text` is written with: a file saved on Windows keeps its CRLFs.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &str = "At the meeting of {date}:";

    #[test]
    fn the_copy_is_renumbered_names_what_it_continues_and_leaves_the_judgement_to_give() {
        let text = "---\ncase: 4\ntitle: Assault\njudgement: more-information\nchecks:\n  hcso_48h: no\n---\n\n## Risk\n\n- Members felt the risk was unclear #risk\n\n## Outcome\n\nNo points here.\n";
        let copied = front_matter(text, Some((9, &"2026-03/case-04".to_string())));
        assert_eq!(
            copied,
            "---\ncase: 9\ncarried_from: 2026-03/case-04\ntitle: Assault\nchecks:\n  hcso_48h: no\n---\n\n## Risk\n\n- Members felt the risk was unclear #risk\n\n## Outcome\n\nNo points here.\n"
        );
        let marked = mark_earlier(&copied, "At the meeting of 3 March 2026:", WORDS);
        assert_eq!(
            marked,
            "---\ncase: 9\ncarried_from: 2026-03/case-04\ntitle: Assault\nchecks:\n  hcso_48h: no\n---\n\n## Risk\n\nAt the meeting of 3 March 2026:\n\n- Members felt the risk was unclear #risk\n\n## Outcome\n\nNo points here.\n"
        );
    }

    #[test]
    fn a_heading_in_a_fence_or_without_points_is_not_marked() {
        let text =
            "---\ncase: 1\n---\n```\n# not a heading\n- nor a point\n```\n#tag-like\n## Empty\n";
        assert_eq!(mark_earlier(text, "Earlier:", WORDS), text);
    }

    #[test]
    fn an_underlined_heading_is_marked_and_a_hash_line_in_html_or_an_item_opens_no_section() {
        let text = "---\ncase: 1\n---\nRisk\n----\n- Unclear.\n\n<div>\n# not a heading\n</div>\n\n- A point\n  # still the point\n";
        assert_eq!(
            mark_earlier(text, "Earlier:", WORDS),
            "---\ncase: 1\n---\nRisk\n----\n\nEarlier:\n\n- Unclear.\n\n<div>\n# not a heading\n</div>\n\n- A point\n  # still the point\n"
        );
    }

    #[test]
    fn a_front_matter_closed_with_dots_is_not_read_as_body() {
        let text = "---\ncase: 1\n...\n## Risk\n- Unclear.\n";
        assert_eq!(
            mark_earlier(text, "Earlier:", WORDS),
            "---\ncase: 1\n...\n## Risk\n\nEarlier:\n\n- Unclear.\n"
        );
    }

    proptest::proptest! {
        /// Marking keeps every line that is not a label, in order, and marking again
        /// changes nothing: a case carried over twice has one label under each heading.
        #[test]
        fn marking_keeps_the_text_and_is_idempotent(
            picks in proptest::collection::vec(0usize..8, 0..24)
        ) {
            const LINES: [&str; 8] = [
                "## Risk", "- A point.", "", "At the meeting of 1 May 2026:", "Text.",
                "```", "### Outcome", "1. Another.",
            ];
            let mut text = String::from("---\ncase: 1\n---\n");
            for &i in &picks {
                text.push_str(LINES[i]);
                text.push('\n');
            }
            let label = "At the meeting of 2 June 2026:";
            let once = mark_earlier(&text, label, WORDS);
            let kept = |t: &str| -> Vec<String> {
                t.lines()
                    .filter(|l| !l.trim().is_empty() && !is_label(l, WORDS))
                    .map(String::from)
                    .collect()
            };
            proptest::prop_assert_eq!(kept(&once), kept(&text));
            proptest::prop_assert_eq!(mark_earlier(&once, label, WORDS), once);
        }
    }

    #[test]
    fn a_file_saved_on_windows_keeps_its_line_endings() {
        let text = "---\r\ncase: 4\r\njudgement: more\r\n---\r\n## Risk\r\n- Unclear.\r\n";
        let copied = front_matter(text, Some((2, &"2026-03/case-04".to_string())));
        let marked = mark_earlier(&copied, "At the meeting of 3 March 2026:", WORDS);
        assert_eq!(
            marked,
            "---\r\ncase: 2\r\ncarried_from: 2026-03/case-04\r\n---\r\n## Risk\r\n\r\nAt the meeting of 3 March 2026:\r\n\r\n- Unclear.\r\n"
        );
    }

    #[test]
    fn a_case_carried_over_again_has_one_label_under_each_heading() {
        let text = "---\ncase: 2\n---\n\n## Risk\n\nAt the meeting of 3 March 2026:\n\n- Unclear.\n\n- Still unclear.\n";
        assert_eq!(
            mark_earlier(text, "At the meeting of 2 June 2026:", WORDS),
            "---\ncase: 2\n---\n\n## Risk\n\nAt the meeting of 2 June 2026:\n\n- Unclear.\n\n- Still unclear.\n"
        );
    }
}
