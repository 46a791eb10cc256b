//! From blocks to a report: which block is the title, which headings open the sections,
//! where each case begins, and which paragraphs are the observations and the force's
//! responses. Whatever cannot be placed with certainty is still placed somewhere, so that
//! nothing is lost, and a warning names the source lines to look at.

use std::sync::LazyLock;

use regex::Regex;

use super::facts::Facts;
use super::heading::Forms;
use super::start::{self, Starts};
use super::table;
use super::{Block, date};
use crate::diagnostic::{Diagnostic, Loc};

/// A piece of a free document or of a case, with its source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Heading(String, usize),
    Paragraph(String, usize),
    Bullet(u8, String, usize),
    /// A table's rows of cells, each cell's paragraphs joined, first row first.
    Table(Vec<Vec<String>>, usize),
}

impl Item {
    pub fn line(&self) -> usize {
        match self {
            Item::Heading(_, l)
            | Item::Paragraph(_, l)
            | Item::Bullet(_, _, l)
            | Item::Table(_, l) => *l,
        }
    }

    /// A table block as an item, kept a table.
    pub fn table(rows: &[Vec<super::Cell>], line: usize) -> Item {
        let rows = rows
            .iter()
            .map(|row| row.iter().map(super::Cell::text).collect())
            .collect();
        Item::Table(rows, line)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Case {
    /// 0 until the case is numbered, for a heading that gives no number.
    pub number: u32,
    /// The id of its type, among [`Imported::case_types`], when the report has types.
    pub kind: Option<String>,
    pub title: Option<String>,
    pub line: usize,
    pub items: Vec<Item>,
    /// Each point's indentation in the source and its line.
    pub indents: Vec<(usize, usize)>,
    pub facts: Facts,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Observation {
    pub line: usize,
    pub text: Vec<(String, usize)>,
    pub response: Vec<(String, usize)>,
}

/// A report as recognised, ready to be written as a folder.
#[derive(Debug, Default)]
pub struct Imported {
    /// The title and its line, when the source has one.
    pub title: Option<(String, usize)>,
    pub meeting_date: Option<(String, usize)>,
    pub background: Vec<Item>,
    pub cases: Vec<Case>,
    /// The kinds of case numbered apart, when there are two or more (see `types`).
    pub case_types: Vec<super::types::CaseType>,
    pub summary: Vec<Item>,
    pub observations: Vec<Observation>,
    pub closing: Vec<Item>,
    /// The lines that became the folder's structure: section headings, "Case N" headings,
    /// the observations table's header.
    pub structure: Vec<usize>,
    pub diagnostics: Vec<Diagnostic>,
    /// What build-report's own report showed of the folder's settings.
    pub generated: super::generated::Recovered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Before,
    Background,
    Cases,
    Summary,
    Observations,
    Closing,
}

static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+)*\.?\s+").expect("a valid pattern"));
/// The section a heading's words open, numbered or not.
fn section_of(text: &str) -> Option<Section> {
    let plain = super::unescape(text);
    let words = SECTION_NUMBER.replace(plain.trim(), "");
    let words = words.trim().trim_end_matches([':', '.']).to_lowercase();
    Some(match words.as_str() {
        "background" | "introduction" | "context" => Section::Background,
        "cases" | "case reviews" | "the cases" | "case feedback" | "cases reviewed"
        | "feedback" | "case studies" => Section::Cases,
        "summary" | "summary of findings" | "key findings" | "findings" | "panel summary" => {
            Section::Summary
        }
        "observations"
        | "panel observations"
        | "recommendations"
        | "action points"
        | "observations and responses"
        | "observations and force responses" => Section::Observations,
        "closing remarks" | "closing" | "conclusion" | "conclusions" | "closing comments" => {
            Section::Closing
        }
        _ => return None,
    })
}

/// Whether a heading's words open one of the sections.
pub(super) fn opens_section(text: &str) -> bool {
    section_of(text).is_some()
}

/// Recognises a report in `blocks`; `file` names the source in warnings.
pub fn recognise(blocks: &[Block], file: &str) -> Imported {
    recognise_with(blocks, file, &Forms::default())
}

/// Recognises a report in `blocks` with case headings in `forms`.
pub fn recognise_with(blocks: &[Block], file: &str, forms: &Forms) -> Imported {
    if let Some(own) = super::generated::recognise(blocks) {
        return own;
    }
    let mut starts = Starts::new(forms);
    // A table keyed by dates is a list of cases only where no heading opened one: under
    // a case it is that case's timeline.
    let mut headed = false;
    let mut found = Imported::default();
    let mut section = Section::Before;
    let mut before: Vec<usize> = Vec::new();
    let mut orphans: Vec<usize> = Vec::new();
    let mut observation_blocks: Vec<&Block> = Vec::new();
    let mut rest = blocks;
    if let Some((first, after)) = blocks.split_first()
        && let Some((text, line)) = title_of(first, forms)
    {
        found.title = Some((text, line));
        rest = after;
    }
    for (index, block) in rest.iter().enumerate() {
        // Numbered pairs ("ACTION POINT 1" … "POLICE RESPONSE 1") are the observations,
        // wherever they begin, with or without a heading over them; so a label is never
        // taken for a case's heading.
        if section != Section::Observations && super::pairs::begin(block) {
            section = Section::Observations;
        }
        let heading_text = match block {
            Block::Heading { text, .. } => Some(text.as_str()),
            Block::Paragraph {
                text, cell: false, ..
            } => Some(text.as_str()),
            _ => None,
        };
        let open = matches!(
            section,
            Section::Before | Section::Background | Section::Cases
        );
        if let Some(text) = heading_text {
            if let Some(next) = section_of(text) {
                section = next;
                starts.section(block, next == Section::Cases);
                found.structure.push(block.line());
                continue;
            }
            if open
                && let Some(heading) = starts.heading(
                    rest,
                    index,
                    section == Section::Cases,
                    file,
                    &mut found.diagnostics,
                )
            {
                section = Section::Cases;
                headed = true;
                found.structure.push(block.line());
                found.cases.push(Case {
                    number: heading.number.unwrap_or(0),
                    line: block.line(),
                    facts: Facts::of(&heading),
                    title: heading.title,
                    ..Case::default()
                });
                continue;
            }
        }
        if open
            && !headed
            && let Some((cases, header)) = start::table_cases(block)
        {
            section = Section::Cases;
            found.structure.extend(header);
            found.cases.extend(cases);
            continue;
        }
        match section {
            Section::Before => {
                before.push(block.line());
                push_items(&mut found.background, block);
            }
            Section::Background => push_items(&mut found.background, block),
            Section::Cases => match found.cases.last_mut() {
                Some(case) => {
                    if case.facts.take(block, &mut found.structure) {
                        continue;
                    }
                    if let Block::Paragraph { indent, line, .. }
                    | Block::Bullet { indent, line, .. } = block
                    {
                        case.indents.push((*indent, *line));
                    }
                    push_points(&mut case.items, block)
                }
                None => {
                    orphans.push(block.line());
                    push_items(&mut found.background, block);
                }
            },
            Section::Summary => push_items(&mut found.summary, block),
            Section::Observations => observation_blocks.push(block),
            Section::Closing => push_items(&mut found.closing, block),
        }
    }
    if let Some(&first) = before.first() {
        found.diagnostics.push(
            Diagnostic::warning(file, Loc::new(first, 1), format!(
                "text before the first section ({}) was put in background.md",
                lines(first, before.last().copied().unwrap_or(first))
            ))
            .hint("move it where it belongs; the sections import knows are Background, Cases, Summary, Observations and Closing remarks"),
        );
    }
    if let Some(&first) = orphans.first() {
        found.diagnostics.push(
            Diagnostic::warning(file, Loc::new(first, 1), format!(
                "text in the cases section before the first \"Case N\" heading ({}) was put in background.md",
                lines(first, orphans.last().copied().unwrap_or(first))
            ))
            .hint("if it is a case's feedback, give it a \"Case N\" heading in the source and import again"),
        );
    }
    table::observations(&observation_blocks, &mut found, file);
    found.meeting_date = meeting_date(&found);
    start::number(&mut found.cases);
    found.case_types = super::types::assign(&mut found.cases);
    let mut kinds: Vec<Option<String>> = Vec::new();
    for case in &found.cases {
        if !kinds.contains(&case.kind) {
            kinds.push(case.kind.clone());
        }
    }
    for kind in kinds {
        check_numbers(&mut found, kind.as_deref(), file);
    }
    found
}

/// The title: a first block that is a heading or a line of its own, and opens no section.
fn title_of(block: &Block, forms: &Forms) -> Option<(String, usize)> {
    let text = match block {
        Block::Heading { text, .. } => text,
        Block::Paragraph {
            text, cell: false, ..
        } => text,
        _ => return None,
    };
    (section_of(text).is_none() && forms.heading(text).is_none())
        .then(|| (super::unescape(text), block.line()))
}

/// The first date in the title, then in the text before the cases, then anywhere.
fn meeting_date(found: &Imported) -> Option<(String, usize)> {
    let early = found
        .title
        .iter()
        .map(|(t, l)| (t.as_str(), *l))
        .chain(found.background.iter().flat_map(item_text));
    let late = found
        .cases
        .iter()
        .flat_map(|c| c.items.iter().flat_map(item_text))
        .chain(found.summary.iter().flat_map(item_text))
        .chain(found.closing.iter().flat_map(item_text));
    early
        .chain(late)
        .find_map(|(text, line)| date::find(&super::unescape(text)).map(|d| (d, line)))
}

/// An item's texts, a table's cell by cell.
fn item_text(item: &Item) -> Vec<(&str, usize)> {
    match item {
        Item::Heading(t, l) | Item::Paragraph(t, l) | Item::Bullet(_, t, l) => {
            vec![(t.as_str(), *l)]
        }
        Item::Table(rows, l) => rows.iter().flatten().map(|c| (c.as_str(), *l)).collect(),
    }
}

/// A block of a free document as items; a table stays a table.
pub(super) fn push_items(items: &mut Vec<Item>, block: &Block) {
    match block {
        Block::Heading { text, line, .. } => items.push(Item::Heading(text.clone(), *line)),
        Block::Paragraph { text, line, .. } => items.push(Item::Paragraph(text.clone(), *line)),
        Block::Bullet {
            level, text, line, ..
        } => items.push(Item::Bullet(*level, text.clone(), *line)),
        Block::Table { rows, line, .. } => items.push(Item::table(rows, *line)),
    }
}

/// A block of a case as points: a line without a bullet is a point of its own.
pub(super) fn push_points(items: &mut Vec<Item>, block: &Block) {
    match block {
        Block::Paragraph { text, line, .. } => items.push(Item::Bullet(0, text.clone(), *line)),
        _ => push_items(items, block),
    }
}

/// `line 5` or `lines 5–9`.
pub(super) fn lines(first: usize, last: usize) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}–{last}")
    }
}

/// Warns about gaps in the numbers of the cases of type `kind`, and renumbers a repeated
/// one within its type so the folder builds.
fn check_numbers(found: &mut Imported, kind: Option<&str>, file: &str) {
    let prefix = kind
        .and_then(|k| found.case_types.iter().find(|t| t.id == k))
        .map(|t| format!("{} ", t.prefix))
        .unwrap_or_default();
    let named = |n: u32| format!("{prefix}Case {n}");
    let file_of = |n: u32| match kind {
        Some(kind) => crate::layout::typed_case_file(kind, n),
        None => crate::layout::case_file(n),
    };
    let front = |n: u32| match kind {
        Some(kind) => format!("`case: {n}` and `type: {kind}`"),
        None => format!("`case: {n}`"),
    };
    let mut seen = std::collections::BTreeMap::new();
    let mut next = found
        .cases
        .iter()
        .filter(|c| c.kind.as_deref() == kind)
        .map(|c| c.number)
        .max()
        .unwrap_or(0)
        + 1;
    for case in found.cases.iter_mut().filter(|c| c.kind.as_deref() == kind) {
        if let Some(first) = seen.get(&case.number) {
            let written = match kind {
                Some(_) => named(next),
                None => format!("case {next}"),
            };
            found.diagnostics.push(
                Diagnostic::warning(file, Loc::new(case.line, 1), format!(
                    "{} appears twice (lines {first} and {}); the second is written as {written}",
                    named(case.number), case.line
                ))
                .hint("give it its right number in cases/ (the file's `case:`)"),
            );
            case.number = next;
            next += 1;
        }
        seen.insert(case.number, case.line);
    }
    let mut order: Vec<&Case> = found
        .cases
        .iter()
        .filter(|c| c.kind.as_deref() == kind)
        .collect();
    order.sort_by_key(|c| c.number);
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.number <= a.number + 1 {
            continue;
        }
        let missing = if b.number == a.number + 2 {
            format!("{} is", named(a.number + 1))
        } else {
            format!("{prefix}Cases {}–{} are", a.number + 1, b.number - 1)
        };
        let first = a.items.first().map_or(a.line, Item::line);
        let last = a.items.last().map_or(a.line, Item::line);
        let (at, hint) = match odd_one_out(a) {
            Some(line) => (
                line,
                format!(
                    "line {line} is indented unlike the points before it, perhaps where {} begins; move its points into cases/{} with {}",
                    named(a.number + 1),
                    file_of(a.number + 1),
                    front(a.number + 1)
                ),
            ),
            None => (
                first,
                format!(
                    "if its heading was lost, move its points from cases/{} into cases/{} with {}",
                    file_of(a.number),
                    file_of(a.number + 1),
                    front(a.number + 1)
                ),
            ),
        };
        found.diagnostics.push(
            Diagnostic::warning(
                file,
                Loc::new(at, 1),
                format!(
                    "{missing} missing between {} and {}; its points may be among {}'s ({})",
                    a.number,
                    b.number,
                    named(a.number),
                    lines(first, last)
                ),
            )
            .hint(hint),
        );
    }
}

/// The first point of a case indented by a stray space unlike its first point: where a
/// lost heading's points often begin in a text export.
fn odd_one_out(case: &Case) -> Option<usize> {
    let indents = case.indents.as_slice();
    let (&(first, _), rest) = indents.split_first()?;
    rest.iter()
        .find(|(i, _)| *i != first && i.abs_diff(first) < 2)
        .map(|&(_, line)| line)
}
