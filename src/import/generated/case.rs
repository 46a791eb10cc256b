//! Section 2.0 of build-report's own report: each case's heading, the facts and checklist
//! lines under it (read back as its judgement and answers, then left out), its feedback,
//! and the themes line that closes it (left out: themes are found again from the text).

use regex::Regex;

use super::recovered::{CaseAnswers, id_of};
use super::{block_lines, words};
use crate::catalogue::Labels;
use crate::import::Block;
use crate::import::recognise::{Case, Imported, Item, push_points};
use crate::model::Answer;

/// "Case 12 – Title" as the catalogue writes a case's heading: its number and title.
fn heading_pattern(l: &Labels) -> Option<Regex> {
    let (before, after) = l.case.split_once("{number}")?;
    Regex::new(&format!(
        r"^{}(\d{{1,6}}){}(?: – (.+))?$",
        regex::escape(before),
        regex::escape(after)
    ))
    .ok()
}

/// The judgement scale in the order of the judgements table of section 3.3 when it is a
/// table, else in the order the cases show them.
pub fn scale(l: &Labels, body: &[Block]) -> Vec<(String, String)> {
    let mut labels: Vec<String> = Vec::new();
    for block in body {
        if let Block::Table { rows, .. } = block
            && rows.first().and_then(|r| r.first()).map(|c| c.text())
                == Some(l.col_judgement.clone())
        {
            labels.extend(
                rows[1..]
                    .iter()
                    .filter_map(|r| r.first().map(|c| c.text()))
                    .filter(|t| *t != l.no_judgement && !t.is_empty()),
            );
        }
    }
    let prefix = format!("{}: ", l.panel_judgement);
    for block in body {
        if let Some((text, _)) = words(block)
            && let Some((_, value)) = text.split_once(&prefix)
            && !labels.iter().any(|s| value.starts_with(s.as_str()))
        {
            labels.push(value.to_string());
        }
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for label in labels {
        let id = id_of(&label, '-', "judgement", out.iter().map(|p| p.0.as_str()));
        out.push((id, label));
    }
    out
}

/// Places the blocks of section 2.0 as cases.
pub fn cases(l: &Labels, held: &[&Block], styled: bool, found: &mut Imported) {
    let Some(pattern) = heading_pattern(l) else {
        return;
    };
    let mut groups: Vec<(usize, u32, Option<String>, Vec<&Block>)> = Vec::new();
    for block in held {
        let heading =
            words(block).filter(|_| !matches!(block, Block::Paragraph { cell: true, .. }));
        if let Some((text, line)) = heading
            && let Some(found) = pattern.captures(&text)
            && let Ok(number) = found[1].parse::<u32>()
        {
            let title = found.get(2).map(|t| t.as_str().to_string());
            groups.push((line, number, title, Vec::new()));
            continue;
        }
        match groups.last_mut() {
            Some(group) => group.3.push(block),
            None => found.structure.extend(block_lines(block)),
        }
    }
    for (line, number, title, blocks) in groups {
        found.structure.push(line);
        let answers = one_case(l, &blocks, styled, line, found);
        let case = found.cases.last_mut();
        if let Some(case) = case {
            case.number = number;
            case.title = title;
        }
        found.generated.cases.push((line, answers));
    }
}

/// One case's blocks after its heading.
fn one_case(
    l: &Labels,
    blocks: &[&Block],
    styled: bool,
    line: usize,
    found: &mut Imported,
) -> CaseAnswers {
    let mut answers = CaseAnswers::default();
    let mut rest = blocks;
    let judgement = format!("{}: ", l.panel_judgement);
    let checklist = format!("{}: ", l.checklist);
    let first_is = |rest: &[&Block], prefix: &str| {
        rest.first()
            .and_then(|b| words(b))
            .is_some_and(|(t, _)| t.contains(prefix))
    };
    // The facts line holds the judgement, or comes just before the checklist line.
    let facts = first_is(rest, &judgement)
        || (rest
            .first()
            .is_some_and(|b| matches!(b, Block::Paragraph { .. }))
            && rest
                .get(1)
                .and_then(|b| words(b))
                .is_some_and(|(t, _)| t.starts_with(&checklist)));
    if facts && let Some((first, after)) = rest.split_first() {
        if let Some((text, _)) = words(first)
            && let Some((_, value)) = text.split_once(&judgement)
        {
            let scale = &found.generated.judgements;
            answers.judgement = scale
                .iter()
                .filter(|(_, label)| value.starts_with(label.as_str()))
                .max_by_key(|(_, label)| label.len())
                .map(|(id, _)| id.clone());
        }
        found.structure.push(first.line());
        rest = after;
    }
    if let Some((first, after)) = rest.split_first()
        && let Some((text, _)) = words(first)
        && let Some(list) = text.strip_prefix(&checklist)
    {
        for part in list.split(" · ") {
            let Some((label, answer)) = part.rsplit_once(": ") else {
                continue;
            };
            let id = found.generated.check(label);
            if let Some(answer) = answer_of(l, answer.trim()) {
                answers.checks.push((id, answer.id().to_string()));
            }
        }
        found.structure.push(first.line());
        rest = after;
    }
    let themes = format!("{}: ", l.themes);
    if let Some((last, before)) = rest.split_last()
        && matches!(last, Block::Paragraph { .. })
        && words(last).is_some_and(|(t, _)| t.starts_with(&themes))
    {
        found.structure.push(last.line());
        rest = before;
    }
    let mut items: Vec<Item> = Vec::new();
    for (index, block) in rest.iter().enumerate() {
        match block {
            Block::Heading { text, line, .. } => items.push(Item::Heading(text.clone(), *line)),
            Block::Paragraph { text, line, .. } => {
                let next = rest.get(index + 1);
                if !styled && heading_in_text(text, next.copied()) {
                    items.push(Item::Heading(text.clone(), *line));
                } else {
                    items.push(Item::Paragraph(text.clone(), *line));
                }
            }
            other => push_points(&mut items, other),
        }
    }
    found.cases.push(Case {
        number: 0,
        title: None,
        line,
        items,
        ..Case::default()
    });
    answers
}

/// In a text export, where headings are plain lines: a short line that ends in no full
/// stop and is followed by a point.
fn heading_in_text(text: &str, next: Option<&Block>) -> bool {
    let text = text.trim();
    matches!(next, Some(Block::Bullet { .. }))
        && !text.ends_with(['.', '?', '!', ':', ';'])
        && text.split_whitespace().count() <= 12
}

/// An answer as the catalogue words it; "Not recorded" is no answer.
fn answer_of(l: &Labels, text: &str) -> Option<Answer> {
    Answer::ALL
        .into_iter()
        .find(|a| crate::view::wording::answer_label(l, *a) == text)
}
