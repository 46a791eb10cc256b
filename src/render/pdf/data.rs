//! The report as the data the PDF's typst template reads.
//!
//! Everything the template shows comes from the [`View`], the one every renderer reads,
//! so the PDF says what the page and the Word document say; every word of the page
//! furniture comes from [`text`], handed over as `labels`, so the template spells none.
//! User text travels only as JSON strings, which the template places as text: nothing a
//! member types is ever read as typst markup or code. Markdown arrives as a small tree
//! (`k` names the kind of each node) that the template walks.
//!
//! Text that a version shows untranslated carries its language in a `lang` beside it
//! (`background_lang`, `title_lang`, ...), left out for text in the version's own, so
//! that the template marks it for a screen reader to read in that language's voice.

use std::collections::BTreeSet;

use serde::Serialize;

use super::breakdown::{self, BreakdownData, PairData};
use super::markdown::{Node, blocks, sections};
use super::printable;

use crate::catalogue;
use crate::view::CaseNames;
use crate::view::wording;
use crate::view::{Count, Section, Swatch, View, mark_of};

#[derive(Serialize)]
pub struct Report<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_lang: Option<&'a str>,
    /// The BCP 47 tag the PDF declares.
    language: &'a str,
    organisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation_lang: Option<&'a str>,
    marking: Option<&'a str>,
    meeting_date: String,
    total_cases: usize,
    cover: Vec<Fact>,
    labels: Labels<'a>,
    sections: Sections<'a>,
    background: Option<Vec<Node<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_lang: Option<&'a str>,
    cases: Vec<CaseData<'a>>,
    summary: Option<Vec<Node<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary_lang: Option<&'a str>,
    themes: Vec<ThemeData<'a>>,
    theme_groups: Vec<Group<'a>>,
    breakdowns: Vec<BreakdownData<'a>>,
    pairs: Vec<PairData<'a>>,
    /// The report's scale; empty when every case is judged on its type's own.
    judgements: Vec<CountData<'a>>,
    unjudged: Option<CountData<'a>>,
    /// One table per case type judged on a scale of its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    type_scales: Vec<TypeScaleData<'a>>,
    checks: Vec<CheckData<'a>>,
    /// One checklist matrix per case type; none in a meeting without `case_types:`, whose
    /// one matrix is every case under every check.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    matrices: Vec<MatrixData<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    matrix_notes: Vec<MatrixNote<'a>>,
    observations: Vec<ObservationData<'a>>,
    follow_up: Vec<FollowUpData<'a>>,
    closing: Option<Vec<Node<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closing_lang: Option<&'a str>,
    /// The cases carried over to the next meeting, which no figure counts.
    carried: Vec<CarriedData<'a>>,
}

#[derive(Serialize)]
struct CarriedData<'a> {
    case: String,
    judgement: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
    fill: Option<String>,
    ink: Option<String>,
}

/// Every word the template prints that is not the report's own, from the catalogue of
/// the version's language.
#[derive(Serialize)]
struct Labels<'a> {
    contents: &'a str,
    page_of: [String; 3],
    case_facts: &'a str,
    checklist: &'a str,
    themes: &'a str,
    cases_behind: &'a str,
    evidence_appendix: &'a str,
    evidence_column: &'a str,
    tally_chart: String,
    judgement_chart: String,
    theme: &'a str,
    judgement: &'a str,
    check: &'a str,
    count: &'a str,
    share: &'a str,
    case_numbers: &'a str,
    case: &'a str,
    number: &'a str,
    observation: &'a str,
    response: &'a str,
    answers: &'a str,
    not_recorded: &'a str,
    checklist_matrix: &'a str,
    follow_up_intro: &'a str,
    status_before: &'a str,
    update: &'a str,
    no_update: &'a str,
    no_observations: &'a str,
    mentions: &'a str,
    all_cases: &'a str,
    found_with: &'a str,
    pairs_heading: &'a str,
    pairs_caption: &'a str,
    no_pairs: &'a str,
    carried_heading: &'a str,
    carried_caption: &'a str,
}

fn words<'a>(l: &'a catalogue::Labels, total: usize, judged: usize) -> Labels<'a> {
    let total = total.to_string();
    let judged = judged.to_string();
    Labels {
        contents: &l.contents,
        page_of: wording::page_x_of_y(l),
        case_facts: &l.case_facts,
        checklist: &l.checklist,
        themes: &l.themes,
        cases_behind: &l.cases_behind,
        evidence_appendix: &l.appendix_evidence,
        evidence_column: &l.col_evidence,
        tally_chart: catalogue::fill(&l.chart_title, &[("total", &total)]),
        judgement_chart: catalogue::fill(&l.judgement_chart_title, &[("total", &judged)]),
        theme: &l.col_theme,
        judgement: &l.col_judgement,
        check: &l.col_check,
        count: &l.col_cases,
        share: &l.col_share,
        case_numbers: &l.col_case_numbers,
        case: &l.col_case,
        number: &l.col_number,
        observation: &l.col_observation,
        response: &l.col_force_response,
        answers: &l.col_answers,
        not_recorded: &l.not_recorded,
        checklist_matrix: &l.checks_caption,
        follow_up_intro: &l.follow_up_intro,
        status_before: &l.col_status_before,
        update: &l.col_update,
        no_update: &l.no_update,
        no_observations: &l.no_observations,
        mentions: &l.col_mentions,
        all_cases: &l.all_cases,
        found_with: &l.col_found_with,
        pairs_heading: &l.pairs_heading,
        pairs_caption: &l.pairs_caption,
        no_pairs: &l.no_pairs,
        carried_heading: &l.carried_heading,
        carried_caption: &l.carried_caption,
    }
}

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
    follow_up: Option<&'a Section>,
    closing: Option<&'a Section>,
}

#[derive(Serialize)]
struct CaseData<'a> {
    number: u32,
    /// The label of its type, over the first case of each type.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_lang: Option<&'a str>,
    /// The case as the checklist matrix's row names it: `6`, or `S&S 6`.
    name: String,
    heading: String,
    /// The heading in its two parts, when its title is untranslated: the label in the
    /// version's language and the title in its own, each marked as such.
    #[serde(skip_serializing_if = "Option::is_none")]
    heading_parts: Option<HeadingParts<'a>>,
    facts: Vec<Fact>,
    answers: Vec<Answer<'a>>,
    /// Its row of the checklist matrix, a cell per check of report.yaml: a check its type
    /// does not ask is `–`, so that every row lines up under the matrix's columns.
    row: Vec<Answer<'a>>,
    themes: Vec<&'a str>,
    body: Vec<Node<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_lang: Option<&'a str>,
    /// The force's answer on the case, set apart after the panel's points.
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<Apart<'a>>,
    /// The panel's restricted notes, in a copy that carries them, set apart likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    restricted: Option<Apart<'a>>,
    /// "Carried over from the meeting of 3 March 2026.", under its heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    carried_from: Option<String>,
}

/// A part of a case set apart from the panel's points, under its label.
#[derive(Serialize)]
struct Apart<'a> {
    label: &'a str,
    body: Vec<Node<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct HeadingParts<'a> {
    label: String,
    title: &'a str,
    lang: &'a str,
}

#[derive(Serialize, Clone)]
struct Answer<'a> {
    label: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note_lang: Option<&'a str>,
    /// The number of its note under the checklist matrix.
    #[serde(skip_serializing_if = "Option::is_none")]
    mark: Option<usize>,
}

/// A type's checklist matrix: its cases under its checks, each an index into the
/// report's `cases` and `checks`.
#[derive(Serialize)]
struct MatrixData<'a> {
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    columns: Vec<usize>,
    cases: Vec<usize>,
}

/// A note on an answer, under the checklist matrix.
#[derive(Serialize)]
struct MatrixNote<'a> {
    mark: usize,
    /// "Case 3, GOWISELY"
    cell: String,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct ThemeData<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    kind: &'static str,
    sentence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence_lang: Option<&'a str>,
    /// Whether any case has it, which a suppressed count still says.
    found: bool,
    /// Counts and shares are text: a number, or the words for one the copy suppresses.
    count: String,
    share: String,
    /// Per cent of all cases, to a tenth: the bar's length.
    bar: f64,
    note: String,
    /// Its mentions: the feedback points among its evidence.
    points: usize,
    /// The mentions as the tally shows them: `–` for a theme found from answers alone.
    mentions: String,
    /// `(4 of 16 cases · 6 mentions)`, above its evidence.
    evidence_note: String,
    cases: String,
    /// The tally's cell: the case numbers and how many did not record it, or `–`.
    case_numbers: String,
    /// `from the checklist: 'Ethnicity asked': No in 3 cases (1, 2, 3)`, before its points.
    checklist: Vec<String>,
    evidence: Vec<Evidence>,
}

#[derive(Serialize)]
struct Evidence {
    case: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
}

#[derive(Serialize)]
struct Group<'a> {
    label: Option<&'a str>,
    themes: Vec<usize>,
}

#[derive(Serialize)]
struct CountData<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    count: String,
    share: String,
    bar: f64,
    cases: String,
    fill: Option<String>,
    ink: Option<String>,
}

#[derive(Serialize)]
struct CheckData<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    answers: Vec<CountData<'a>>,
    unanswered: String,
}

/// A row of section 5.0.
#[derive(Serialize)]
struct FollowUpData<'a> {
    raised: &'a str,
    observation: Vec<Node<'a>>,
    response: Vec<Node<'a>>,
    before: &'a str,
    update_status: Option<&'a str>,
    update: Option<Vec<Node<'a>>>,
}

#[derive(Serialize)]
struct ObservationData<'a> {
    number: &'a str,
    observation: Vec<Node<'a>>,
    response: Vec<Node<'a>>,
    /// The language of both when the version shows them untranslated.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    status: &'a str,
    cases: String,
}
/// The data for the whole report, as JSON, with the characters the PDF's font lacks
/// (each shown as `?`).
pub fn json(
    view: &View<'_>,
    covered: impl Fn(char) -> bool,
) -> serde_json::Result<(Vec<u8>, BTreeSet<char>)> {
    let raw = serde_json::to_string(&report(view))?;
    Ok(printable::printable(&raw, covered))
}

fn report<'a>(view: &'a View<'a>) -> Report<'a> {
    let report = view.report;
    let meta = &report.meta;
    let total = view.analysis.total_cases;
    let l = view.labels;
    let outline = &view.outline;
    let labels = view.theme_labels();
    let notes = view.matrix_notes();
    let groups = view.case_groups();
    let cases = (0..report.cases.len())
        .map(|i| {
            let group = groups.iter().find(|g| g.cases.start == i);
            let case = view.case(i);
            let key = report.meta.case_key(case.case);
            let answers: Vec<Answer<'_>> = case
                .answers
                .iter()
                .map(|a| Answer {
                    label: a.label,
                    text: a
                        .answer
                        .map_or(l.not_recorded.as_str(), |a| wording::answer_label(l, a)),
                    note: a.note.map(|n| n.text),
                    note_lang: a.note.and_then(|n| n.lang),
                    mark: mark_of(&notes, key, a.check),
                })
                .collect();
            let row = report
                .meta
                .checks
                .iter()
                .map(
                    |check| match case.answers.iter().position(|a| a.check == check.id) {
                        Some(at) => answers[at].clone(),
                        None => Answer {
                            label: view.check_label(&check.id),
                            text: "–",
                            note: None,
                            note_lang: None,
                            mark: None,
                        },
                    },
                )
                .collect();
            CaseData {
                number: case.case.number,
                group: group.and_then(|g| g.label).map(|label| label.text),
                group_lang: group.and_then(|g| g.label).and_then(|label| label.lang),
                name: view.names.list(&[key]),
                heading: case.heading.clone(),
                heading_parts: case.heading_lang.zip(case.body.title).map(|(lang, title)| {
                    HeadingParts {
                        label: view.names.heading(key),
                        title: title.text,
                        lang,
                    }
                }),
                facts: case
                    .facts
                    .iter()
                    .map(|f| fact(f.label.to_string(), f.value.clone(), f.swatch))
                    .collect(),
                answers,
                row,
                themes: case
                    .themes
                    .iter()
                    .map(|id| labels.get(id.as_str()).copied().unwrap_or(id))
                    .collect(),
                body: sections(case.body.sections, case.body.point_langs),
                body_lang: case.body.lang,
                response: case.body.response.map(|(response, lang)| Apart {
                    label: &l.case_response,
                    body: blocks(response),
                    lang,
                }),
                restricted: case.body.restricted.map(|(notes, lang)| Apart {
                    label: &l.restricted_notes,
                    body: blocks(notes),
                    lang,
                }),
                carried_from: view.carried_from(case.case),
            }
        })
        .collect();
    let themes = view
        .themes
        .iter()
        .map(|t| (t, t.sentence()))
        .map(|(t, (sentence, sentence_lang))| ThemeData {
            label: t.label.text,
            lang: t.label.lang,
            kind: t.kind.id(),
            sentence,
            sentence_lang,
            found: t.tally.count() > 0,
            count: t.figure.to_string(),
            share: wording::share_cell(t.share),
            bar: t.bar,
            note: wording::theme_note(l, &view.names, t),
            points: t.tally.points(),
            mentions: wording::mentions_cell(t.tally),
            evidence_note: wording::count_and_mentions(l, t),
            cases: view.names.list(t.listed),
            case_numbers: wording::case_numbers_cell(l, &view.names, t),
            checklist: view
                .checklist_evidence(t.tally)
                .iter()
                .map(|c| wording::from_checklist(l, c, &view.names.list(&c.cases)))
                .collect(),
            evidence: view
                .evidence(t.tally)
                .into_iter()
                .map(|r| Evidence {
                    case: view.names.heading(r.case),
                    text: r.text,
                    lang: r.lang,
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
    let background = view.doc(&report.background);
    let summary = view.doc(&report.summary);
    let closing = view.doc(&report.closing);
    Report {
        title: view.title().text,
        title_lang: view.title().lang,
        language: view.language,
        organisation: view.organisation().map(|o| o.text),
        organisation_lang: view.organisation().and_then(|o| o.lang),
        marking: meta.marking.as_deref(),
        meeting_date: view.meeting_date(),
        total_cases: total,
        cover: view
            .title_facts()
            .into_iter()
            .map(|(label, value)| fact(label.into(), value, None))
            .collect(),
        labels: words(l, total, view.judged),
        sections: Sections {
            background: &outline.background,
            cases: &outline.cases,
            summary: &outline.summary,
            themes: &outline.themes_found,
            tally: &outline.tally,
            judgements: &outline.judgements,
            checklist: outline.checklist.as_ref(),
            observations: &outline.observations,
            follow_up: outline.follow_up.as_ref(),
            closing: outline.closing.as_ref(),
        },
        background: background.map(|(d, _)| blocks(d)),
        background_lang: background.and_then(|(_, lang)| lang),
        cases,
        summary: summary.map(|(d, _)| blocks(d)),
        summary_lang: summary.and_then(|(_, lang)| lang),
        themes,
        theme_groups,
        breakdowns: breakdown::breakdowns(view),
        pairs: breakdown::pairs(view),
        judgements: if view.shows_report_scale() {
            scale(view, &view.judgements, view.judged)
        } else {
            Vec::new()
        },
        unjudged: (view.shows_report_scale() && view.unjudged.any())
            .then(|| count(&view.names, &view.unjudged, view.judged)),
        type_scales: view
            .type_scales
            .iter()
            .map(|s| TypeScaleData {
                label: s.label.text,
                lang: s.label.lang,
                chart: format!(
                    "{}: {}",
                    s.label.text,
                    catalogue::fill(&l.judgement_chart_title, &[("total", &s.total.to_string())])
                ),
                total: s.total,
                judgements: scale(view, &s.judgements, s.total),
                unjudged: s
                    .unjudged
                    .any()
                    .then(|| count(&view.names, &s.unjudged, s.total)),
            })
            .collect(),
        checks: view
            .checks
            .iter()
            .map(|c| CheckData {
                label: c.label.text,
                lang: c.label.lang,
                answers: c
                    .answers
                    .iter()
                    .map(|(_, a)| count(&view.names, a, total))
                    .collect(),
                unanswered: c.unanswered.figure.to_string(),
            })
            .collect(),
        matrices: if meta.case_types.is_empty() {
            Vec::new()
        } else {
            groups
                .iter()
                .map(|g| MatrixData {
                    label: g.label.map(|label| label.text),
                    lang: g.label.and_then(|label| label.lang),
                    columns: g.checks.clone(),
                    cases: g.cases.clone().collect(),
                })
                .collect()
        },
        matrix_notes: notes
            .iter()
            .map(|n| MatrixNote {
                mark: n.mark,
                cell: format!("{}, {}", view.names.heading(n.case), n.check_label),
                note: n.note.text,
                lang: n.note.lang,
            })
            .collect(),
        observations: view
            .observations
            .iter()
            .map(|o| (o, view.observation_text(o.observation)))
            .map(|(o, (text, response, lang))| ObservationData {
                number: &o.number,
                observation: blocks(text),
                response: blocks(response),
                lang,
                status: o.status,
                cases: view.names.list(o.cases),
            })
            .collect(),
        follow_up: view
            .follow_up
            .iter()
            .map(|f| FollowUpData {
                raised: &f.raised,
                observation: blocks(&f.row.observation),
                response: blocks(&f.row.response),
                before: f.before,
                update_status: f.update.map(|(status, _)| status),
                update: f.update.map(|(_, text)| blocks(text)),
            })
            .collect(),
        closing: closing.map(|(d, _)| blocks(d)),
        closing_lang: closing.and_then(|(_, lang)| lang),
        carried: view
            .carried()
            .into_iter()
            .map(|c| CarriedData {
                case: view.names.list(&[c.case]),
                judgement: c.judgement.text,
                lang: c.judgement.lang,
            })
            .collect(),
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

/// The counts of one judgement scale, over `total` cases.
fn scale<'a>(view: &View<'a>, counts: &[Count<'a>], total: usize) -> Vec<CountData<'a>> {
    counts
        .iter()
        .map(|j| count(&view.names, j, total))
        .collect()
}

/// A case type's own judgement scale, under its label.
#[derive(Serialize)]
struct TypeScaleData<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    /// The chart's caption, with the type's label before it.
    chart: String,
    total: usize,
    judgements: Vec<CountData<'a>>,
    unjudged: Option<CountData<'a>>,
}

fn count<'a>(names: &CaseNames<'_>, c: &Count<'a>, total: usize) -> CountData<'a> {
    CountData {
        label: c.label,
        lang: c.lang,
        count: c.figure.to_string(),
        share: wording::share_cell(c.share),
        bar: c.bar(total),
        cases: names.list(c.listed),
        fill: c.colour.map(|s| s.fill_hex()),
        ink: c.colour.map(|s| s.ink_hex()),
    }
}
