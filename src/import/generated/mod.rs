//! A report.docx that build-report itself wrote, or LibreOffice's text export of one, read
//! back as the folder it was built from.
//!
//! Such a report is known by its catalogue's words (a "Contents" line, then numbered
//! sections named as the catalogue names them), in any built-in language, so the Word
//! document and its text export are read alike. What build-report made from the folder
//! rather than copied from it (the title page, the contents, each case's facts, checklist
//! and themes lines, section 3.0's figures, the observation numbers and statuses, the
//! evidence appendix, "No observations were recorded.") is structure, left out; the
//! judgement and checklist answers it shows are read back into [`Recovered`] instead.

mod case;
mod observations;
mod recovered;

use std::sync::LazyLock;

use regex::Regex;

pub use recovered::Recovered;

use super::recognise::{Imported, push_items};
use super::{Block, date, unescape};
use crate::catalogue::{LANGUAGES, Labels};

/// A part of build-report's own report, by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Background,
    Cases,
    Summary,
    Observations,
    FollowUp,
    Closing,
    Appendix,
}

static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\.0 (.+)$").expect("a valid pattern"));
static SUBSECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\.[1-9]\d* .+$").expect("a valid pattern"));

/// The words of a heading or paragraph as a reader sees them, with its line.
fn words(block: &Block) -> Option<(String, usize)> {
    match block {
        Block::Heading { text, line, .. } | Block::Paragraph { text, line, .. } => {
            Some((unescape(text).trim().to_string(), *line))
        }
        _ => None,
    }
}

/// Every source line a block holds.
fn block_lines(block: &Block) -> Vec<usize> {
    match block {
        Block::Table { rows, .. } => rows
            .iter()
            .flatten()
            .flat_map(|c| c.paragraphs.iter().map(|p| p.1))
            .collect(),
        other => vec![other.line()],
    }
}

fn part_of(l: &Labels, text: &str) -> Option<Part> {
    if text == l.appendix_evidence {
        return Some(Part::Appendix);
    }
    let name = SECTION.captures(text)?.get(1)?.as_str();
    [
        (&l.background, Part::Background),
        (&l.cases, Part::Cases),
        (&l.summary, Part::Summary),
        (&l.observations, Part::Observations),
        (&l.follow_up, Part::FollowUp),
        (&l.closing_remarks, Part::Closing),
    ]
    .into_iter()
    .find_map(|(label, part)| (label == name).then_some(part))
}

/// The language whose catalogue the report is written in, and where its contents begin,
/// when `blocks` are build-report's own report.
fn own_report(blocks: &[Block]) -> Option<(&'static str, Labels, usize)> {
    LANGUAGES.iter().find_map(|(code, _)| {
        let l = Labels::built_in(code)?;
        let at = blocks
            .iter()
            .position(|b| words(b).is_some_and(|(t, _)| t == l.contents))?;
        let cases = blocks[at + 1..]
            .iter()
            .filter(|b| words(b).is_some_and(|(t, _)| part_of(&l, &t) == Some(Part::Cases)))
            .count();
        // The contents name the cases section once, and the body once more.
        (cases >= 2).then_some((*code, l, at))
    })
}

/// `blocks` recognised as build-report's own report, or `None` when they are not one.
pub fn recognise(blocks: &[Block]) -> Option<Imported> {
    let (code, l, contents) = own_report(blocks)?;
    let mut found = Imported::default();
    found.generated.language = Some(code.to_string());
    title_page(&l, &blocks[..contents], &mut found);
    let body = skip_contents(blocks, contents, &mut found);
    let styled = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    found.generated.judgements = case::scale(&l, body);
    let mut part = None;
    let mut held: Vec<&Block> = Vec::new();
    for block in body {
        if let Some(next) = words(block).and_then(|(t, _)| part_of(&l, &t)) {
            finish(&l, part, &held, styled, &mut found);
            held.clear();
            part = Some(next);
            found.structure.push(block.line());
            continue;
        }
        held.push(block);
    }
    finish(&l, part, &held, styled, &mut found);
    Some(found)
}

/// The title page: the title, the meeting's date from its facts, and the rest generated.
fn title_page(l: &Labels, blocks: &[Block], found: &mut Imported) {
    let fact_labels = [
        &l.panel,
        &l.force,
        &l.meeting_date,
        &l.cases_reviewed,
        &l.protective_marking,
    ];
    let links: Vec<String> = LANGUAGES
        .iter()
        .filter_map(|(code, _)| Labels::built_in(code).map(|o| o.this_report_in))
        .collect();
    let facts_at = blocks
        .iter()
        .position(|b| {
            matches!(b, Block::Table { .. })
                || words(b).is_some_and(|(t, _)| fact_labels.contains(&&t))
        })
        .unwrap_or(blocks.len());
    found.title = blocks[..facts_at]
        .iter()
        .filter_map(words)
        .rfind(|(t, _)| !links.iter().any(|link| t.contains(link.as_str())));
    let mut pairs: Vec<(String, String)> = Vec::new();
    for block in &blocks[facts_at..] {
        match block {
            Block::Table { rows, .. } => {
                pairs.extend(
                    rows.iter()
                        .filter(|r| r.len() >= 2)
                        .map(|r| (r[0].text(), r[1].text())),
                );
            }
            other => {
                if let Some((text, _)) = words(other) {
                    match pairs.last_mut() {
                        Some((_, value)) if value.is_empty() => *value = text,
                        _ => pairs.push((text, String::new())),
                    }
                }
            }
        }
    }
    found.meeting_date = pairs
        .iter()
        .find(|(label, _)| unescape(label).trim() == l.meeting_date)
        .and_then(|(_, value)| date_in(l, &unescape(value)))
        .map(|d| (d, blocks[facts_at..].first().map_or(0, Block::line)));
    let title_line = found.title.as_ref().map(|t| t.1);
    for block in blocks {
        let lines = block_lines(block);
        found
            .structure
            .extend(lines.into_iter().filter(|&n| Some(n) != title_line));
    }
}

/// A date written as the catalogue writes one ("29 Medi 2021"), or in any form import
/// reads.
fn date_in(l: &Labels, text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let number = |t: &&str| t.chars().all(|c| c.is_ascii_digit());
    let day = tokens.iter().find(|t| number(t) && t.len() <= 2);
    let year = tokens.iter().find(|t| number(t) && t.len() == 4);
    let month = tokens.iter().find_map(|t| {
        l.months
            .iter()
            .position(|m| m.to_lowercase() == t.to_lowercase())
    });
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => date::find(&format!("{y}-{:02}-{d:0>2}", m + 1)),
        _ => date::find(text),
    }
}

/// The blocks after the contents: in Word the first heading, in a text export the line
/// where the first entry comes again.
fn skip_contents<'b>(blocks: &'b [Block], contents: usize, found: &mut Imported) -> &'b [Block] {
    found.structure.push(blocks[contents].line());
    let first = blocks.get(contents + 1).and_then(words);
    let mut at = contents + 1;
    while let Some(block) = blocks.get(at) {
        let again =
            at > contents + 1 && words(block).map(|w| w.0) == first.as_ref().map(|w| w.0.clone());
        if matches!(block, Block::Heading { .. }) || again {
            break;
        }
        found.structure.push(block.line());
        at += 1;
    }
    &blocks[at..]
}

/// Places the blocks of one part.
fn finish(l: &Labels, part: Option<Part>, held: &[&Block], styled: bool, found: &mut Imported) {
    let generated = |found: &mut Imported| {
        for block in held {
            found.structure.extend(block_lines(block));
        }
    };
    match part {
        None | Some(Part::FollowUp | Part::Appendix) => generated(found),
        Some(Part::Background) => {
            let empty = held.len() == 1 && words(held[0]).is_some_and(|w| w.0 == l.no_background);
            if empty {
                generated(found);
            } else {
                for block in held {
                    push_items(&mut found.background, block);
                }
            }
        }
        Some(Part::Cases) => case::cases(l, held, styled, found),
        Some(Part::Summary) => summary(l, held, found),
        Some(Part::Observations) => observations::observations(l, held, found),
        Some(Part::Closing) => {
            for block in held {
                push_items(&mut found.closing, block);
            }
        }
    }
}

/// Section 3.0: only the panel's own summary, under its heading in "Themes found", is
/// the folder's; the rest is counted from it.
fn summary(l: &Labels, held: &[&Block], found: &mut Imported) {
    let mut panel = false;
    for block in held {
        let text = words(block).map(|w| w.0);
        if text.as_deref().is_some_and(|t| SUBSECTION.is_match(t)) {
            panel = false;
        } else if text.as_deref() == Some(l.panel_summary.as_str()) {
            panel = true;
            found.structure.push(block.line());
            continue;
        }
        if panel {
            push_items(&mut found.summary, block);
        } else {
            found.structure.extend(block_lines(block));
        }
    }
}
