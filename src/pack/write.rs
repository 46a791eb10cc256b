//! A member's file with what a returned pack brings: their answers in its front matter
//! and each box's points under its heading, every other line as it was.
//!
//! A section whose points read the same as the box's (by what Word can carry, as
//! `responses` compares a response) is left byte for byte, so collecting a pack twice,
//! or one that changed nothing, changes nothing.

use std::collections::BTreeMap;

use super::folder::Folder;
use crate::diagnostic::SourceId;
use crate::model::Case;
use crate::parse::markdown::{Mode, parse};
use crate::responses::controls::{Paragraph, Run};
use crate::responses::markdown::{point, shape};

/// The answers a pack's drop-downs give: each of the case's checks and the judgement,
/// `None` where "not answered" was chosen; a drop-down deleted is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub checks: Vec<(String, Option<String>)>,
    pub judgement: Option<Option<String>>,
}

impl Answers {
    /// Whether any answer was chosen.
    pub fn brings(&self) -> bool {
        self.checks.iter().any(|(_, a)| a.is_some())
            || self.judgement.as_ref().is_some_and(Option::is_some)
    }
}

/// The member's file `current` (`None` when there is none yet) with `answers` and the
/// points of `boxes`, each a heading and the paragraphs in its box.
pub fn member_text(
    current: Option<&str>,
    folder: &Folder,
    case: &Case,
    member: &str,
    answers: &Answers,
    boxes: &[(String, Vec<Paragraph>)],
) -> String {
    let raw = current.unwrap_or("---\njudgement:\n---\n");
    let bom = if raw.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let crlf = raw.contains("\r\n");
    let mut text = raw[bom.len()..].replace("\r\n", "\n");
    let review = case.reviews.iter().find(|r| r.member == member);
    let mut checks: BTreeMap<String, String> = review
        .map(|r| {
            r.checks
                .iter()
                .map(|a| (a.id.clone(), a.answer.id().to_string()))
                .collect()
        })
        .unwrap_or_default();
    // A member's words beside an answer are theirs, not the pack's: kept as written.
    let notes: BTreeMap<String, String> = review
        .map(|r| {
            r.checks
                .iter()
                .filter_map(|a| Some((a.id.clone(), a.note.clone()?)))
                .collect()
        })
        .unwrap_or_default();
    let had = checks.clone();
    for (check, answer) in &answers.checks {
        match answer {
            Some(answer) => checks.insert(check.clone(), answer.clone()),
            None => checks.remove(check),
        };
    }
    let was = review
        .and_then(|r| r.judgement.as_ref())
        .map(|j| j.value.clone());
    let judgement = answers.judgement.clone().unwrap_or_else(|| was.clone());
    if checks != had || judgement != was {
        text = with_front_matter(&text, judgement.as_deref(), &checks, &notes);
    }
    let prompts = prompts(folder);
    for (heading, paragraphs) in boxes {
        let points = points(paragraphs, &prompts);
        text = with_points(&text, heading, &points);
    }
    if crlf {
        text = text.replace('\n', "\r\n");
    }
    format!("{bom}{text}")
}

/// The prompt an empty box shows, in every language, which is not a point.
fn prompts(folder: &Folder) -> Vec<String> {
    let meta = &folder.checked.report.meta;
    crate::catalogue::LANGUAGES
        .iter()
        .filter_map(|(code, _)| crate::catalogue::Labels::built_in(code))
        .map(|l| l.pack_prompt)
        .chain(
            meta.languages
                .iter()
                .map(|l| meta.labels(l).pack_prompt.clone()),
        )
        .chain([meta.labels(&meta.language).pack_prompt.clone()])
        .collect()
}

/// A box's paragraphs as Markdown points, one a paragraph or list item: a bullet or
/// number the member typed is taken off, Word's list levels nest.
pub fn points(paragraphs: &[Paragraph], prompts: &[String]) -> String {
    let mut lines = Vec::new();
    for paragraph in paragraphs {
        let mut runs: Vec<Run> = paragraph.runs.clone();
        untyped(&mut runs, prompts);
        let level = usize::from(paragraph.list.unwrap_or(0));
        let indent = level * 2;
        let text = point(&runs, indent + 2);
        if text.trim().is_empty() {
            continue;
        }
        lines.push(format!("{}- {text}", " ".repeat(indent)));
    }
    lines.join("\n")
}

/// Takes off a leading prompt and a typed bullet or number from `runs`.
fn untyped(runs: &mut [Run], prompts: &[String]) {
    let Some(first) = runs.iter_mut().find(|r| !r.text.trim().is_empty()) else {
        return;
    };
    let mut text = first.text.trim_start().to_string();
    for prompt in prompts {
        if let Some(rest) = text.strip_prefix(prompt.as_str()) {
            text = rest.trim_start().to_string();
        }
    }
    for bullet in ["•", "-", "*", "–", "◦", "▪"] {
        if let Some(rest) = text.strip_prefix(bullet)
            && rest.starts_with([' ', '\t'])
        {
            text = rest.trim_start().to_string();
        }
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = text[digits..].strip_prefix(['.', ')'])
        && rest.starts_with([' ', '\t'])
    {
        text = rest.trim_start().to_string();
    }
    first.text = text;
}

/// `text` with a front matter of `judgement` and `checks` (with their `notes`) in place of
/// its own.
fn with_front_matter(
    text: &str,
    judgement: Option<&str>,
    checks: &BTreeMap<String, String>,
    notes: &BTreeMap<String, String>,
) -> String {
    let body = crate::parse::frontmatter::body_offset(text);
    let mut front = format!("---\njudgement: {}\n", judgement.unwrap_or(""));
    let front = {
        front = front.replace(": \n", ":\n");
        if !checks.is_empty() {
            front.push_str("checks:\n");
            for (id, answer) in checks {
                match notes.get(id) {
                    // A JSON string is a YAML double-quoted scalar, escapes and all.
                    Some(note) => front.push_str(&format!(
                        "  {id}: {{answer: {answer}, note: {}}}\n",
                        serde_json::Value::String(note.clone())
                    )),
                    None => front.push_str(&format!("  {id}: {answer}\n")),
                }
            }
        }
        front.push_str("---\n");
        front
    };
    let has_front = text.starts_with("---");
    let rest = if has_front { &text[body..] } else { text };
    format!("{front}{rest}")
}

/// A heading line of the body: where it starts and ends, its level and its words.
struct Heading {
    start: usize,
    end: usize,
    level: usize,
    text: String,
}

fn headings(text: &str, from: usize) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut fenced = false;
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            fenced = !fenced;
        }
        let level = trimmed.chars().take_while(|c| *c == '#').count();
        let rest = &trimmed[level..];
        if !fenced && (1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t']))
        {
            out.push(Heading {
                start: at,
                end: at + line.len(),
                level,
                text: rest.trim().trim_end_matches('#').trim().to_string(),
            });
        }
        at += line.len();
    }
    out
}

/// `text` with `points` under `heading`, in place of what was there, unless that reads
/// the same; added at the end under a new heading when the file has none and there are
/// points to add.
fn with_points(text: &str, heading: &str, points: &str) -> String {
    let found = headings(text, crate::parse::frontmatter::body_offset(text));
    let normal = crate::parse::normalise(heading);
    let Some(index) = found
        .iter()
        .position(|h| crate::parse::normalise(&h.text) == normal)
    else {
        if points.is_empty() {
            return text.to_string();
        }
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        return format!("{out}\n## {heading}\n\n{points}\n");
    };
    let own = &found[index];
    let end = found[index + 1..]
        .iter()
        .find(|h| h.level <= own.level)
        .map_or(text.len(), |h| h.start);
    let section = &text[own.end..end];
    let read = |md: &str| shape(&parse(&SourceId::new(""), md, 0, Mode::Plain).blocks);
    if read(section) == read(points) {
        return text.to_string();
    }
    let mut out = text[..own.end].to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    if !points.is_empty() {
        out.push('\n');
        out.push_str(points);
        out.push('\n');
    }
    if end < text.len() {
        out.push('\n');
    }
    out.push_str(&text[end..]);
    out
}

/// The texts of the points in a member's file, for saying what changed.
pub fn point_texts(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let body = crate::parse::frontmatter::body_offset(&text);
    parse(&SourceId::new(""), &text, body, Mode::Points)
        .points
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    fn paragraph(list: Option<u8>, text: &str) -> Paragraph {
        Paragraph {
            list,
            runs: vec![Run {
                text: text.into(),
                bold: false,
                italic: false,
            }],
            marks: Vec::new(),
        }
    }

    #[test]
    fn typed_bullets_numbers_and_the_prompt_are_taken_off() {
        let prompts = ["Type your points here.".to_string()];
        let md = points(
            &[
                paragraph(None, "Type your points here."),
                paragraph(None, "• Late #late-hcso-contact"),
                paragraph(None, "2. Second"),
                paragraph(Some(1), "nested"),
                paragraph(None, "   "),
                paragraph(None, "Type your points here. typed beside it"),
            ],
            &prompts,
        );
        assert_eq!(
            md,
            "- Late #late-hcso-contact\n- Second\n  - nested\n- typed beside it"
        );
    }

    #[test]
    fn points_replace_their_heading_s_own_and_nothing_else() {
        let file =
            "---\njudgement:\n---\n## Risk\n- old\n\n### Detail\n- deep\n\n## Other\n- kept\n";
        assert_eq!(
            with_points(file, "Risk", "- new"),
            "---\njudgement:\n---\n## Risk\n\n- new\n\n## Other\n- kept\n"
        );
        assert_eq!(with_points(file, "Other", "- kept"), file);
        assert_eq!(
            with_points(file, "Outcome", "- one"),
            format!("{file}\n## Outcome\n\n- one\n")
        );
        assert_eq!(with_points(file, "Outcome", ""), file);
    }

    #[test]
    fn the_answers_replace_the_front_matter() {
        let checks = BTreeMap::from([("hcso".to_string(), "no".to_string())]);
        assert_eq!(
            with_front_matter(
                "---\njudgement:\n---\n## Risk\n",
                Some("appropriate"),
                &checks,
                &BTreeMap::new()
            ),
            "---\njudgement: appropriate\nchecks:\n  hcso: no\n---\n## Risk\n"
        );
        assert_eq!(
            with_front_matter("## Risk\n", None, &BTreeMap::new(), &BTreeMap::new()),
            "---\njudgement:\n---\n## Risk\n"
        );
    }

    #[test]
    fn a_member_s_note_beside_an_answer_is_kept_and_reads_back() {
        let checks = BTreeMap::from([("hcso".to_string(), "partial".to_string())]);
        let notes = BTreeMap::from([("hcso".to_string(), "Late: \"day 3\", by phone".to_string())]);
        let text = with_front_matter("---\njudgement:\n---\n", None, &checks, &notes);
        assert_eq!(
            text,
            "---\njudgement:\nchecks:\n  hcso: {answer: partial, note: \"Late: \\\"day 3\\\", by phone\"}\n---\n"
        );
        let meta: crate::model::Meta = crate::model::Meta {
            checks: vec![crate::model::Choice {
                id: "hcso".into(),
                label: "HCSO".into(),
                colour: None,
                label_in: Vec::new(),
                carry_over: false,
            }],
            ..crate::model::Meta::default()
        };
        let source = Source {
            path: "cases/case-01/case.md".into(),
            text: "---\ncase: 1\n---\n".into(),
        };
        let mut diagnostics = crate::diagnostic::Diagnostics::default();
        let mut case = crate::parse::case::parse(&source, Some(&meta), &mut diagnostics).unwrap();
        let member = Source {
            path: "cases/case-01/alice.md".into(),
            text,
        };
        crate::parse::case::members::add(
            &mut case,
            &member,
            "alice",
            Some(&meta),
            &mut diagnostics,
        );
        assert!(!diagnostics.has_errors(), "{:?}", diagnostics.sorted());
        let answer = &case.reviews[0].checks[0];
        assert_eq!(answer.note.as_deref(), Some("Late: \"day 3\", by phone"));
    }
}
