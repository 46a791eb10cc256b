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
/// from the earlier meeting.
fn mark_earlier(text: &str, label: &str, words: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let body_start = body_start(&lines);
    let mut out = String::with_capacity(text.len() + 256);
    let mut fence: Option<&str> = None;
    let mut dropped = false;
    for (i, line) in lines.iter().enumerate() {
        let was_dropped = std::mem::take(&mut dropped);
        if i >= body_start && fence.is_none() {
            if is_label(line, words) {
                dropped = true;
                continue;
            }
            if was_dropped && line.trim().is_empty() {
                continue;
            }
        }
        out.push_str(line);
        if i < body_start {
            continue;
        }
        let bare = line.trim_start();
        if let Some(open) = fence {
            if bare.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if bare.starts_with("```") || bare.starts_with("~~~") {
            fence = Some(&bare[..3]);
            continue;
        }
        if is_heading(line) && section_has_points(&lines[i + 1..]) {
            let nl = newline(text);
            if !line.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str(nl);
            out.push_str(label);
            out.push_str(nl);
            // A paragraph of its own, whatever follows the heading.
            if lines.get(i + 1).is_some_and(|next| !next.trim().is_empty()) {
                out.push_str(nl);
            }
        }
    }
    out
}

/// Whether `line` is a paragraph made from `words` ("At the meeting of {date}:") with
/// any date.
fn is_label(line: &str, words: &str) -> bool {
    let Some((before, after)) = words.split_once("{date}") else {
        return false;
    };
    let line = line.trim();
    line.len() > before.len() + after.len()
        && line.starts_with(before.trim_start())
        && line.ends_with(after.trim_end())
}

/// The line ending `text` is written with: a file saved on Windows keeps its CRLFs.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// The index of the first line after the front matter.
fn body_start(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map_or(0, |i| i + 2)
}

/// An ATX heading: up to three spaces, one to six `#`, then a space or the line's end.
fn is_heading(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    indent <= 3
        && (1..=6).contains(&hashes)
        && rest[hashes..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

/// Whether the lines up to the next heading hold a list item.
fn section_has_points(lines: &[&str]) -> bool {
    lines
        .iter()
        .take_while(|l| !is_heading(l))
        .any(|l| is_item(l.trim_start()))
}

fn is_item(line: &str) -> bool {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
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
