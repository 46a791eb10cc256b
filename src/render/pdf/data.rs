//! The report as the data the PDF's typst template reads.
//!
//! Everything the template shows comes from the [`View`], the one every renderer reads,
//! so the PDF says what the page and the Word document say; every word of the page
//! furniture comes from [`text`], handed over as `labels`, so the template spells none.
//! User text travels only as JSON strings, which the template places as text: nothing a
//! member types is ever read as typst markup or code. Markdown arrives as a small tree
//! (`k` names the kind of each node) that the template walks.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{Block, Inline, Section as CaseSection};
use crate::render::text;
use crate::view::{Count, Section, Swatch, View};

#[derive(Serialize)]
pub struct Report<'a> {
    title: &'a str,
    /// The BCP 47 tag the PDF declares.
    language: &'a str,
    organisation: Option<&'a str>,
    marking: Option<&'a str>,
    meeting_date: String,
    total_cases: usize,
    cover: Vec<Fact>,
    labels: Labels,
    sections: Sections<'a>,
    background: Option<Vec<Node<'a>>>,
    cases: Vec<CaseData<'a>>,
    summary: Option<Vec<Node<'a>>>,
    themes: Vec<ThemeData<'a>>,
    theme_groups: Vec<Group>,
    judgements: Vec<CountData<'a>>,
    unjudged: Option<CountData<'a>>,
    checks: Vec<CheckData<'a>>,
    observations: Vec<ObservationData<'a>>,
    closing: Option<Vec<Node<'a>>>,
}

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
    fill: Option<String>,
    ink: Option<String>,
}

/// Every word the template prints that is not the report's own.
#[derive(Serialize)]
struct Labels {
    contents: &'static str,
    page_of: [&'static str; 3],
    case_facts: &'static str,
    checklist: &'static str,
    themes: &'static str,
    cases_behind: &'static str,
    evidence_appendix: &'static str,
    evidence_column: &'static str,
    tally_chart: &'static str,
    judgement_chart: &'static str,
    theme: &'static str,
    judgement: &'static str,
    check: &'static str,
    count: &'static str,
    share: &'static str,
    case_numbers: &'static str,
    case: &'static str,
    number: &'static str,
    observation: &'static str,
    response: &'static str,
    answers: &'static str,
    not_recorded: &'static str,
    checklist_matrix: &'static str,
}

const LABELS: Labels = Labels {
    contents: text::CONTENTS,
    page_of: text::PAGE_OF,
    case_facts: text::CASE_FACTS,
    checklist: text::CHECKLIST_ANSWERS,
    themes: text::COLUMN_THEMES,
    cases_behind: text::CASES_BEHIND,
    evidence_appendix: text::EVIDENCE_APPENDIX,
    evidence_column: text::COLUMN_EVIDENCE,
    tally_chart: text::TALLY_CHART,
    judgement_chart: text::JUDGEMENT_CHART,
    theme: text::COLUMN_THEME,
    judgement: text::COLUMN_JUDGEMENT,
    check: text::COLUMN_CHECK,
    count: text::COLUMN_COUNT,
    share: text::COLUMN_SHARE_SHORT,
    case_numbers: text::COLUMN_CASE_NUMBERS,
    case: text::COLUMN_CASE,
    number: text::COLUMN_NUMBER,
    observation: text::COLUMN_OBSERVATION,
    response: text::COLUMN_RESPONSE,
    answers: text::COLUMN_ANSWERS,
    not_recorded: text::NOT_RECORDED,
    checklist_matrix: text::CHECKLIST_MATRIX,
};

#[derive(Serialize)]
struct Sections<'a> {
    background: &'a Section,
    cases: &'a Section,
    summary: &'a Section,
    themes: &'a Section,
    tally: &'a Section,
    judgements: &'a Section,
    checklist: Option<&'a Section>,
    observations: &'a Section,
    closing: Option<&'a Section>,
}

#[derive(Serialize)]
struct CaseData<'a> {
    number: u32,
    heading: String,
    facts: Vec<Fact>,
    answers: Vec<Answer<'a>>,
    themes: Vec<&'a str>,
    body: Vec<Node<'a>>,
}

#[derive(Serialize)]
struct Answer<'a> {
    label: &'a str,
    text: &'static str,
}

#[derive(Serialize)]
struct ThemeData<'a> {
    label: &'a str,
    kind: &'static str,
    sentence: String,
    count: usize,
    share: u32,
    /// Per cent of all cases, to a tenth: the bar's length.
    bar: f64,
    note: String,
    cases: String,
    evidence: Vec<Evidence>,
}

#[derive(Serialize)]
struct Evidence {
    case: String,
    text: String,
}

#[derive(Serialize)]
struct Group {
    label: Option<&'static str>,
    themes: Vec<usize>,
}

#[derive(Serialize)]
struct CountData<'a> {
    label: &'a str,
    count: usize,
    share: u32,
    bar: f64,
    cases: String,
    fill: Option<String>,
    ink: Option<String>,
}

#[derive(Serialize)]
struct CheckData<'a> {
    label: &'a str,
    answers: Vec<CountData<'a>>,
    unanswered: usize,
}

#[derive(Serialize)]
struct ObservationData<'a> {
    number: &'a str,
    observation: Vec<Node<'a>>,
    response: Vec<Node<'a>>,
    status: &'static str,
    cases: String,
}

/// One block of Markdown, by its kind `k`. Inline content is flattened into runs of
/// text with their styles, so that however deeply a member nests emphasis the template
/// never recurses into it (typst limits how deep calls go).
#[derive(Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
enum Node<'a> {
    /// A heading inside a case or a free document, below the report's own levels.
    /// `level` is its depth, 1 for the outermost: PDF/UA wants no level skipped, and
    /// Markdown lets a writer go from `#` to `###`.
    Heading {
        level: u8,
        c: Vec<Run<'a>>,
    },
    Par {
        c: Vec<Run<'a>>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Node<'a>>>,
    },
    Quote {
        c: Vec<Node<'a>>,
    },
    Code {
        s: &'a str,
    },
    Rule,
    /// Every row has as many cells as the head.
    Table {
        head: Vec<Vec<Run<'a>>>,
        rows: Vec<Vec<Vec<Run<'a>>>>,
    },
}

/// A run of text in one style; `br` is a line break.
#[derive(Serialize, Default, Clone)]
struct Run<'a> {
    s: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    b: bool,
    #[serde(skip_serializing_if = "is_false")]
    i: bool,
    /// Struck through.
    #[serde(skip_serializing_if = "is_false")]
    x: bool,
    /// Code, set apart in its own style but never run.
    #[serde(skip_serializing_if = "is_false")]
    m: bool,
    /// A link's target, only for a web or mail address, the only targets a PDF should
    /// open.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    br: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// How deep quotes and lists nest in the PDF; anything deeper is kept, word for word,
/// at this depth, so that typst's limit on nested calls is never reached.
const DEEPEST: usize = 12;

/// The data for the whole report, as JSON, with the characters the PDF's font lacks
/// (each shown as `?`).
pub fn json(
    view: &View<'_>,
    covered: impl Fn(char) -> bool,
) -> serde_json::Result<(Vec<u8>, BTreeSet<char>)> {
    let raw = serde_json::to_string(&report(view))?;
    Ok(printable(&raw, covered))
}

/// What the shown character of a missing one is.
pub const MISSING: char = '?';

/// The JSON text with every string made printable in the PDF's font. A PDF/UA file may
/// not hold a character its font cannot show, so typst refuses one; a control character
/// (a bell typed by accident) is dropped, an invisible formatting character the font
/// lacks (a zero-width space) is dropped, and any other character the font lacks (an
/// emoji) becomes [`MISSING`] and is reported. JSON escapes only control characters, so
/// every other character is seen here as itself.
fn printable(json: &str, covered: impl Fn(char) -> bool) -> (Vec<u8>, BTreeSet<char>) {
    let mut out = String::with_capacity(json.len());
    let mut missing = BTreeSet::new();
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                // A control character written `\u0007`: dropped, a tab as a space.
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16) {
                        Ok(0x09) => out.push(' '),
                        Ok(0x0a) => out.push_str("\\n"),
                        Ok(code) if code < 0x20 => {}
                        _ => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some('t') => out.push(' '),
                Some('b' | 'f' | 'r') => {}
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            c if c.is_ascii() || covered(c) => out.push(c),
            c if c.is_control() || invisible(c) => {}
            c => {
                missing.insert(c);
                out.push(MISSING);
            }
        }
    }
    (out.into_bytes(), missing)
}

/// Characters that only shape or direct the text around them.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

fn report<'a>(view: &'a View<'a>) -> Report<'a> {
    let report = view.report;
    let meta = &report.meta;
    let total = view.analysis.total_cases;
    let outline = &view.outline;
    let labels = view.theme_labels();
    let cases = (0..report.cases.len())
        .map(|i| {
            let case = view.case(i);
            CaseData {
                number: case.case.number,
                heading: case.heading.clone(),
                facts: case
                    .facts
                    .iter()
                    .map(|f| fact(f.label.to_string(), f.value.clone(), f.swatch))
                    .collect(),
                answers: case
                    .answers
                    .iter()
                    .map(|(label, answer)| Answer {
                        label,
                        text: answer.map_or(text::NOT_RECORDED, text::answer_label),
                    })
                    .collect(),
                themes: case
                    .themes
                    .iter()
                    .map(|id| labels.get(id.as_str()).copied().unwrap_or(id))
                    .collect(),
                body: sections(&report.cases[i].sections),
            }
        })
        .collect();
    let themes = view
        .themes
        .iter()
        .map(|t| ThemeData {
            label: &t.tally.label,
            kind: t.kind.id(),
            sentence: t.sentence(),
            count: t.count(),
            share: t.share,
            bar: t.bar,
            note: text::count_note(&t.tally.cases, total),
            cases: text::case_list(&t.tally.cases),
            evidence: view
                .evidence(t.tally)
                .into_iter()
                .map(|r| Evidence {
                    case: text::case_label(r.case),
                    text: r.text,
                })
                .collect(),
        })
        .collect();
    let mut next = 0;
    let theme_groups = view
        .theme_groups()
        .into_iter()
        .map(|(label, themes)| {
            let indexes = (next..next + themes.len()).collect();
            next += themes.len();
            Group {
                label,
                themes: indexes,
            }
        })
        .collect();
    Report {
        title: &meta.title,
        language: &meta.language,
        organisation: meta.organisation.as_deref(),
        marking: meta.marking.as_deref(),
        meeting_date: text::long_date(&meta.meeting_date),
        total_cases: total,
        cover: view
            .title_facts()
            .into_iter()
            .map(|(label, value)| fact(label.into(), value, None))
            .collect(),
        labels: LABELS,
        sections: Sections {
            background: &outline.background,
            cases: &outline.cases,
            summary: &outline.summary,
            themes: &outline.themes_found,
            tally: &outline.tally,
            judgements: &outline.judgements,
            checklist: outline.checklist.as_ref(),
            observations: &outline.observations,
            closing: outline.closing.as_ref(),
        },
        background: report.background.as_ref().map(|d| blocks(&d.blocks)),
        cases,
        summary: report.summary.as_ref().map(|d| blocks(&d.blocks)),
        themes,
        theme_groups,
        judgements: view.judgements.iter().map(|j| count(j, total)).collect(),
        unjudged: (!view.unjudged.cases.is_empty()).then(|| count(&view.unjudged, total)),
        checks: view
            .checks
            .iter()
            .map(|c| CheckData {
                label: &c.tally.label,
                answers: c.answers.iter().map(|(_, a)| count(a, total)).collect(),
                unanswered: c.unanswered.cases.len(),
            })
            .collect(),
        observations: view
            .observations
            .iter()
            .map(|o| ObservationData {
                number: &o.number,
                observation: blocks(&o.observation.observation),
                response: blocks(&o.observation.response),
                status: o.status,
                cases: text::case_list(o.cases),
            })
            .collect(),
        closing: report.closing.as_ref().map(|d| blocks(&d.blocks)),
    }
}

fn fact(label: String, value: String, swatch: Option<Swatch>) -> Fact {
    Fact {
        label,
        value,
        fill: swatch.map(|s| s.fill_hex()),
        ink: swatch.map(|s| s.ink_hex()),
    }
}

fn count<'a>(c: &Count<'a>, total: usize) -> CountData<'a> {
    CountData {
        label: c.label,
        count: c.cases.len(),
        share: c.share,
        bar: crate::view::bar(c.cases.len(), total),
        cases: text::case_list(c.cases),
        fill: c.colour.map(|s| s.fill_hex()),
        ink: c.colour.map(|s| s.ink_hex()),
    }
}

/// A case's feedback: each heading, then what is under it, deeper headings nested.
fn sections(all: &[CaseSection]) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    case_sections(all, 1, &mut out);
    out
}

fn case_sections<'a>(all: &'a [CaseSection], depth: u8, out: &mut Vec<Node<'a>>) {
    for section in all {
        let inner = if let Some(heading) = &section.heading {
            out.push(Node::Heading {
                level: depth,
                c: inlines(heading),
            });
            depth + 1
        } else {
            depth
        };
        out.extend(blocks(&section.blocks));
        case_sections(&section.children, inner, out);
    }
}

fn blocks(blocks: &[Block]) -> Vec<Node<'_>> {
    nested(blocks, 0)
}

fn nested(blocks: &[Block], depth: usize) -> Vec<Node<'_>> {
    let mut out = Vec::with_capacity(blocks.len());
    // The Markdown levels of the headings this one is under.
    let mut open: Vec<u8> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { level, content } => {
                while open.last().is_some_and(|l| l >= level) {
                    open.pop();
                }
                open.push(*level);
                out.push(Node::Heading {
                    level: open.len() as u8,
                    c: inlines(content),
                });
            }
            Block::Paragraph(content) => out.push(Node::Par {
                c: inlines(content),
            }),
            Block::List { items, .. } if depth >= DEEPEST => {
                for item in items {
                    out.extend(nested(&item.blocks, depth));
                }
            }
            Block::List { start, items } => out.push(Node::List {
                start: *start,
                items: items
                    .iter()
                    .map(|item| nested(&item.blocks, depth + 1))
                    .collect(),
            }),
            Block::Quote(inner) if depth >= DEEPEST => out.extend(nested(inner, depth)),
            Block::Quote(inner) => out.push(Node::Quote {
                c: nested(inner, depth + 1),
            }),
            Block::Code(code) => out.push(Node::Code { s: code.trim_end() }),
            // Raw HTML means nothing in a PDF; the words between its tags are text of
            // their own and stay.
            Block::Html(_) => {}
            Block::Rule => out.push(Node::Rule),
            Block::Table { head, rows } => out.push(Node::Table {
                head: head.iter().map(|c| inlines(c)).collect(),
                rows: rows
                    .iter()
                    .map(|row| {
                        (0..head.len())
                            .map(|i| row.get(i).map(|c| inlines(c)).unwrap_or_default())
                            .collect()
                    })
                    .collect(),
            }),
        }
    }
    out
}

fn inlines(inlines: &[Inline]) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    flatten(inlines, Run::default(), &mut out);
    out
}

fn flatten<'a>(inlines: &'a [Inline], style: Run<'a>, out: &mut Vec<Run<'a>>) {
    for inline in inlines {
        match inline {
            Inline::Text(s) => out.push(Run { s, ..style.clone() }),
            Inline::Emphasis(c) => flatten(
                c,
                Run {
                    i: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strong(c) => flatten(
                c,
                Run {
                    b: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strikethrough(c) => flatten(
                c,
                Run {
                    x: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Code(s) => out.push(Run {
                s,
                m: true,
                ..style.clone()
            }),
            Inline::Link { url, content } => {
                let url = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|scheme| url.to_ascii_lowercase().starts_with(scheme))
                    .then_some(url.as_str());
                flatten(
                    content,
                    Run {
                        url,
                        ..style.clone()
                    },
                    out,
                );
            }
            Inline::Html(_) => {}
            Inline::SoftBreak => out.push(Run {
                s: " ",
                ..style.clone()
            }),
            Inline::HardBreak => out.push(Run {
                s: "",
                br: true,
                ..Run::default()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(json: &str) -> (String, Vec<char>) {
        let (bytes, missing) = printable(json, |c| !matches!(c, '🙂' | 'ǂ' | '\u{200B}'));
        (
            String::from_utf8(bytes).unwrap(),
            missing.into_iter().collect(),
        )
    }

    #[test]
    fn what_the_font_cannot_show_is_dropped_or_marked() {
        assert_eq!(shown(r#"{"s":"a\u0007b\tc\nd"}"#).0, r#"{"s":"ab c\nd"}"#);
        assert_eq!(
            shown(r#"{"s":"x\\u0007 \"q\""}"#).0,
            r#"{"s":"x\\u0007 \"q\""}"#
        );
        assert_eq!(
            shown("{\"s\":\"ŵ\u{200B}🙂ǂ\"}"),
            ("{\"s\":\"ŵ??\"}".to_string(), vec!['ǂ', '🙂'])
        );
    }
}
