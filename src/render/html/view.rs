//! What the page template sees: the report as Tera values, every fragment of user text
//! already escaped or sanitised and every count already worked out.
//!
//! A 20,000-case report is tens of megabytes of text, and Tera keeps each record as a
//! hash map, so the values are built one list item at a time (never as a second, Rust-side
//! copy of the whole page) and the many small records are kept lean: a case link is its
//! number, a case's theme is an id the template looks up in `theme_labels`, a checklist cell is an
//! answer id it looks up in `answer_labels`, and
//! a case's feedback and a theme's evidence each come as one fragment of HTML.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, TeraResult, Value};

use crate::catalogue::{Labels, fill};
use crate::model::{Answer, CaseKey, Section, plain_text};
use crate::render::markup::{Points, blocks_html, escape, inlines_html, point_anchor, points_html};
use crate::view::wording::{
    Counted, answer_label, count_and_mentions, count_over, did_not_record, from_checklist,
    mentions_cell, theme_note,
};
use crate::view::{
    CaseGroup, CaseNames, ChecklistReading, Figure, MatrixNote, Reading, View, mark_of,
};

use super::records::*;

use super::judgements::{self, BAR_ROW};

/// The template's variables.
pub fn context<'a>(view: &View<'a>) -> TeraResult<Context> {
    let report = view.report;
    let analysis = view.analysis;
    let meta = &report.meta;
    let l = view.labels;
    let total = analysis.total_cases;
    let labels = view.theme_labels();
    let names = &view.names;
    let html = |doc: &Option<crate::model::Doc>| {
        view.doc(doc)
            .map(|(blocks, lang)| in_language(blocks_html(blocks, None), lang))
    };

    let mut context = Context::new();
    let title = view.title();
    put(&mut context, "title", title.text)?;
    put(&mut context, "title_lang", &title.lang)?;
    put(&mut context, "meeting_date", &view.meeting_date())?;
    put(&mut context, "meeting_date_iso", &meta.meeting_date)?;
    put(&mut context, "panel", &view.panel().map(|p| p.text))?;
    put(
        &mut context,
        "organisation",
        &view.organisation().map(|o| o.text),
    )?;
    put(&mut context, "force", &meta.force)?;
    put(&mut context, "marking", &meta.marking)?;
    put(
        &mut context,
        "marking_css",
        &meta.marking.as_deref().map(css_string),
    )?;
    put(&mut context, "language", view.language)?;
    let languages = &meta.languages;
    let versions: Vec<BTreeMap<&str, String>> = view
        .other_versions()
        .into_iter()
        .map(|(code, text)| {
            BTreeMap::from([
                (
                    "href",
                    crate::render::Format::Html.file_name_in(code, languages),
                ),
                ("lang", code.to_string()),
                ("text", text.to_string()),
            ])
        })
        .collect();
    put(&mut context, "versions", &versions)?;
    put(&mut context, "total_cases", &total)?;
    put(&mut context, "sections", &sections(view))?;
    let cover: Vec<CoverFact> = view
        .title_facts()
        .into_iter()
        .map(|(label, value)| CoverFact {
            label,
            datetime: (label == view.labels.meeting_date).then_some(meta.meeting_date.as_str()),
            value,
        })
        .collect();
    put(&mut context, "cover", &cover)?;
    put(&mut context, "theme_labels", &labels)?;
    put(&mut context, "background", &html(&report.background))?;
    put(&mut context, "summary", &html(&report.summary))?;
    put(&mut context, "closing", &html(&report.closing))?;
    // The cases are most of the page, and each is made on its own, so they are made in
    // parallel, in their order.
    let case_groups = view.case_groups();
    let cases = (0..report.cases.len())
        .into_par_iter()
        .map_init(SharedAnswers::default, |answers, i| {
            let opened = case_groups.iter().find(|g| g.cases.start == i);
            Value::try_from_serializable(&case_view(view, i, opened, answers)?)
        })
        .collect::<TeraResult<Vec<Value>>>()?;
    context.insert_value("cases", Value::from(cases));

    // The chart's rows: a group heading, when the themes are grouped, takes a row.
    let mut groups = Vec::new();
    let mut chart_groups = Vec::new();
    let mut theme_y = Vec::new();
    let mut row = 0;
    for (label, themes) in view.theme_groups() {
        if let Some(label) = label {
            chart_groups.push(ChartGroup {
                label,
                y: row * BAR_ROW,
            });
            row += 1;
        }
        groups.push(GroupView {
            label,
            themes: (theme_y.len()..theme_y.len() + themes.len()).collect(),
        });
        for _ in themes {
            theme_y.push(row * BAR_ROW);
            row += 1;
        }
    }
    let themes = each(view.themes.iter().zip(&theme_y).map(|(t, &y)| {
        let tally = t.tally;
        ThemeView {
            id: tally.id.clone(),
            label: t.label.text.to_string(),
            lang: t.label.lang,
            sentence_lang: t.sentence().1,
            kind: t.kind.id(),
            sentence: t.sentence().0,
            found: tally.count() > 0,
            count: shown(&t.figure),
            share: share(t.share),
            cases: numbers(t.listed),
            cases_html: case_links(names, t.listed),
            points: tally.points(),
            mentions: mentions_cell(tally),
            did_not_record: did_not_record(l, t),
            note: theme_note(l, names, t),
            evidence_note: count_and_mentions(l, t),
            note_html: match did_not_record(l, t) {
                Some(words) => format!(
                    "({} · {})",
                    count_html(l, names, &t.figure, t.listed, t.counted),
                    escape(&words)
                ),
                None => format!("({})", count_html(l, names, &t.figure, t.listed, t.counted)),
            },
            evidence: view
                .checklist_evidence(tally)
                .iter()
                .map(|c| checklist_item(l, names, c))
                .chain(view.evidence(tally).iter().map(|r| evidence_item(names, r)))
                .collect(),
            bar: t.bar,
            bar_width: chart_units(t.bar),
            value_x: 446.0 + chart_units(t.bar),
            y,
        }
    }))?;
    context.insert_value("themes", themes);
    put(&mut context, "theme_groups", &groups)?;
    let breakdowns = view.breakdowns.iter().map(|b| BreakdownView {
        heading: b.heading.clone(),
        caption: b.caption.clone(),
        columns: b.columns.clone(),
        all: b.all.iter().map(shown).collect(),
        rows: b
            .rows
            .iter()
            .map(|(label, counts)| BreakdownRow {
                label: label.text,
                lang: label.lang,
                counts: counts.iter().map(shown).collect(),
            })
            .collect(),
    });
    context.insert_value("breakdowns", each(breakdowns)?);
    let pairs = view.pairs.iter().map(|p| PairView {
        first: p.first.text,
        first_lang: p.first.lang,
        second: p.second.text,
        second_lang: p.second.lang,
        count: shown(&p.figure),
        cases: numbers(p.listed),
        cases_html: case_links(names, p.listed),
    });
    context.insert_value("pairs", each(pairs)?);
    put(&mut context, "chart_groups", &chart_groups)?;
    put(&mut context, "chart_height", &(row * BAR_ROW))?;

    let count_view =
        |(row, c): (usize, &crate::view::Count<'a>)| judgements::count_view(names, total, row, c);
    // The report's scale under the names a panel's own template may use.
    let judged = view.judged;
    let on_report_scale = |(row, c)| judgements::count_view(names, judged, row, c);
    context.insert_value(
        "judgements",
        each(view.judgements.iter().enumerate().map(on_report_scale))?,
    );
    put(
        &mut context,
        "judgement_chart_height",
        &(view.judgements.len() * BAR_ROW),
    )?;
    // Only whether there are any, when their number is suppressed.
    let unjudged = match view.unjudged.listed {
        [] if view.unjudged.any() => view.unjudged.figure.to_string(),
        listed => names.list(listed),
    };
    put(&mut context, "unjudged", &unjudged)?;
    put(
        &mut context,
        "unjudged_view",
        &on_report_scale((view.judgements.len(), &view.unjudged)),
    )?;
    put(&mut context, "judgement_tables", &judgements::tables(view))?;
    let checks = view.checks.iter().map(|c| CheckView {
        id: c.tally.id.clone(),
        label: c.label.text.to_string(),
        lang: c.label.lang,
        answers: c
            .answers
            .iter()
            .enumerate()
            .map(|(i, (_, count))| count_view((i, count)))
            .collect(),
        unanswered: shown(&c.unanswered.figure),
        unanswered_share: share(c.unanswered.share),
    });
    context.insert_value("checks", each(checks)?);
    let notes = view.matrix_notes();
    let every_check: Vec<usize> = (0..meta.checks.len()).collect();
    let matrix = (0..report.cases.len()).map(|i| matrix_row(view, &notes, i, &every_check));
    context.insert_value("matrix", each(matrix)?);
    let matrices = case_groups.iter().map(|group| MatrixView {
        caption: group.matrix_caption(l),
        rows: group
            .cases
            .clone()
            .map(|i| matrix_row(view, &notes, i, &group.checks))
            .collect(),
        checks: group.checks.clone(),
    });
    context.insert_value("matrices", each(matrices)?);
    let matrix_notes = notes.iter().map(|n| MatrixNoteView {
        mark: n.mark,
        case: n.case.number,
        anchor: names.anchor(n.case),
        at: format!("{}, {}", names.heading(n.case), n.check_label),
        note: n.note.text,
        lang: n.note.lang,
    });
    context.insert_value("matrix_notes", each(matrix_notes)?);
    put(&mut context, "answer_labels", &answer_labels(l))?;
    put(&mut context, "labels", l)?;
    let total_text = total.to_string();
    let judged_text = view.judged.to_string();
    let with_total = |template: &str| fill(template, &[("total", &total_text)]);
    let words = BTreeMap::from([
        ("chart_title", with_total(&l.chart_title)),
        ("chart_caption", with_total(&l.chart_caption)),
        (
            "judgement_chart_title",
            fill(&l.judgement_chart_title, &[("total", &judged_text)]),
        ),
        (
            "judgement_chart_caption",
            fill(&l.judgement_chart_caption, &[("total", &judged_text)]),
        ),
        ("page_css", page_css(l)),
    ]);
    put(&mut context, "words", &words)?;

    let observations = view.observations.iter().map(|o| {
        let (text, response, lang) = view.observation_text(o.observation);
        (o, text, response, lang)
    });
    let observations = observations.map(|(o, text, response, lang)| ObservationView {
        number: o.number.clone(),
        observation: in_language(blocks_html(text, None), lang),
        response: (!response.is_empty()).then(|| in_language(blocks_html(response, None), lang)),
        status: o.status,
        status_id: o.observation.status.id(),
        themes: o
            .observation
            .themes
            .iter()
            .map(|t| t.value.as_str())
            .collect(),
        cases: numbers(o.cases),
        cases_html: case_links(names, o.cases),
    });
    context.insert_value("observations", each(observations)?);
    let follow_up = view.follow_up.iter().map(|f| FollowUpView {
        raised: f.raised.clone(),
        observation: blocks_html(&f.row.observation, None),
        response: (!f.row.response.is_empty()).then(|| blocks_html(&f.row.response, None)),
        before: f.before,
        before_id: f.row.before.id(),
        update_status: f.update.map(|(status, _)| status),
        update_id: f.row.update.as_ref().map(|u| u.status.id()),
        update: f.update.map(|(_, text)| blocks_html(text, None)),
    });
    context.insert_value("follow_up", each(follow_up)?);
    let carried = view.carried().into_iter().map(|c| CarriedView {
        case_html: case_links(names, &[c.case]),
        judgement: c.judgement.text,
        lang: c.judgement.lang,
    });
    context.insert_value("carried", each(carried)?);
    Ok(context)
}

/// Each section's number, title and anchor, by a name the template uses:
/// `sections.tally.number` is `3.2`.
fn sections<'v>(view: &'v View<'_>) -> BTreeMap<&'static str, &'v crate::view::Section> {
    let outline = &view.outline;
    let mut sections = BTreeMap::from([
        ("background", &outline.background),
        ("cases", &outline.cases),
        ("summary", &outline.summary),
        ("themes", &outline.themes_found),
        ("tally", &outline.tally),
        ("judgements", &outline.judgements),
        ("observations", &outline.observations),
    ]);
    if let Some(checklist) = &outline.checklist {
        sections.insert("checklist", checklist);
    }
    if let Some(follow_up) = &outline.follow_up {
        sections.insert("follow_up", follow_up);
    }
    if let Some(closing) = &outline.closing {
        sections.insert("closing", closing);
    }
    sections
}

fn put<T: Serialize + ?Sized>(
    context: &mut Context,
    key: &'static str,
    value: &T,
) -> TeraResult<()> {
    context.insert_value(key, Value::try_from_serializable(value)?);
    Ok(())
}

/// A list of Tera values, each item converted as soon as it is made.
fn each<T: Serialize>(items: impl Iterator<Item = T>) -> TeraResult<Value> {
    items
        .map(|item| Value::try_from_serializable(&item))
        .collect::<TeraResult<Vec<Value>>>()
        .map(Value::from)
}

/// A bar's length, 0–100, in the chart's units (its bar area is 280 wide), to a
/// hundredth so the page does not carry floating-point noise.
pub(super) fn chart_units(bar: f64) -> f64 {
    (bar * 280.0).round() / 100.0
}

/// `6, 10, 14`, each number a link to its case.
pub(super) fn case_links(names: &CaseNames<'_>, cases: &[CaseKey]) -> String {
    names.list_with(cases, escape, |key, number| {
        format!("<a href=\"#{}\">{number}</a>", escape(&names.anchor(key)))
    })
}

/// `4 of 16 cases: 6, 10, 14, 16` with the numbers linked.
fn count_html(
    l: &Labels,
    names: &CaseNames<'_>,
    count: &Figure,
    cases: &[CaseKey],
    over: Counted<'_>,
) -> String {
    let count = escape(&count_over(l, count, over));
    if cases.is_empty() {
        count
    } else {
        format!("{count}: {}", case_links(names, cases))
    }
}

/// The cases' numbers alone, for a page template written before case types, which
/// links each number itself.
/// The row of the case at `index` in a matrix of the checks `checks` (indices into
/// report.yaml's): each cell an answer id, and the marks of its notes.
fn matrix_row(
    view: &View<'_>,
    notes: &[MatrixNote<'_>],
    index: usize,
    checks: &[usize],
) -> MatrixRow {
    let meta = &view.report.meta;
    let case = &view.report.cases[index];
    let key = meta.case_key(case);
    let checks: Vec<&str> = checks.iter().map(|&i| meta.checks[i].id.as_str()).collect();
    MatrixRow {
        number: case.number,
        name: view.names.list(&[key]),
        anchor: view.names.anchor(key),
        marks: if notes.iter().any(|n| n.case == key) {
            checks
                .iter()
                .map(|check| mark_of(notes, key, check).unwrap_or(0))
                .collect()
        } else {
            Vec::new()
        },
        cells: checks
            .iter()
            .map(|check| {
                case.checks
                    .iter()
                    .find(|a| a.id == *check)
                    .map_or("none", |a| answer_class(a.answer))
            })
            .collect(),
    }
}

fn numbers(cases: &[CaseKey]) -> Vec<u32> {
    cases.iter().map(|c| c.number).collect()
}

/// `from the checklist: 'Ethnicity asked': No in 3 cases (1, 2, 3)`, each case a link.
fn checklist_item(l: &Labels, names: &CaseNames<'_>, reading: &ChecklistReading<'_>) -> String {
    let (check, answer) = (escape(reading.check), escape(reading.answer));
    let escaped = ChecklistReading {
        check: &check,
        answer: &answer,
        cases: reading.cases.clone(),
    };
    format!(
        "<li>{}</li>\n",
        from_checklist(l, &escaped, &case_links(names, &reading.cases))
    )
}

fn evidence_item(names: &CaseNames<'_>, reading: &Reading) -> String {
    let case = names.anchor(reading.case);
    let anchor = reading
        .point
        .map_or_else(|| case.clone(), |p| point_anchor(&case, p));
    let lang = reading
        .lang
        .as_deref()
        .map_or_else(String::new, |l| format!(" lang=\"{}\"", escape(l)));
    format!(
        "<li{lang}><a href=\"#{}\">{}</a>: {}</li>\n",
        escape(&anchor),
        escape(&names.heading(reading.case)),
        escape(&reading.text),
    )
}

/// Each check's answer without a note, as the template sees it: one Tera value (a map
/// behind an `Arc`) shared by every case that gives it. Made afresh for every case, they
/// were the largest part of a 20,000-case page's memory (heaptrack: 110 of 211 MB at
/// 10,000 cases).
#[derive(Default)]
struct SharedAnswers<'a>(std::collections::HashMap<(&'a str, &'static str), Value>);

/// The case at `index`, with the heading of the group it opens, if it opens one.
fn case_view<'a>(
    view: &'a View<'_>,
    index: usize,
    opened: Option<&CaseGroup<'a>>,
    shared: &mut SharedAnswers<'a>,
) -> TeraResult<CaseView<'a>> {
    let l = view.labels;
    let shown = view.case(index);
    let answers = shown
        .answers
        .iter()
        .map(|a| {
            let answer = a.answer.map_or("none", answer_class);
            let made = || {
                Value::try_from_serializable(&AnswerView {
                    label: a.label,
                    answer,
                    text: a
                        .answer
                        .map_or(l.not_recorded.as_str(), |a| answer_label(l, a)),
                    note: a.note.map(|n| n.text),
                    note_lang: a.note.and_then(|n| n.lang),
                })
            };
            if a.note.is_some() {
                return made();
            }
            if let Some(value) = shared.0.get(&(a.label, answer)) {
                return Ok(value.clone());
            }
            let value = made()?;
            shared.0.insert((a.label, answer), value.clone());
            Ok(value)
        })
        .collect::<TeraResult<Vec<Value>>>()?;
    let case = shown.case;
    let key = view.report.meta.case_key(case);
    let anchor = view.names.anchor(key);
    Ok(CaseView {
        number: case.number,
        group: opened.and_then(|g| {
            Some(GroupHeading {
                label: g.label?.text,
                lang: g.label?.lang,
                anchor: g.anchor.clone()?,
            })
        }),
        label: view.names.heading(key),
        checklist_label: fill(
            &l.checklist_for_case,
            &[("number", &view.names.list(&[key]))],
        ),
        heading: shown.heading.clone(),
        title: shown.body.title.map(|t| t.text.to_string()),
        title_lang: shown.body.title.and_then(|t| t.lang),
        judgement: case
            .judgement
            .as_ref()
            .map(|j| view.judgement_label_of(case.kind(), &j.value).to_string()),
        facts: shown
            .facts
            .iter()
            .map(|fact| FactView {
                label: fact.label.to_string(),
                value: fact.value.clone(),
                fill: fact.swatch.map(|s| format!("#{}", s.fill_hex())),
                ink: fact.swatch.map(|s| format!("#{}", s.ink_hex())),
            })
            .collect(),
        answers,
        themes: shown.themes.iter().map(String::as_str).collect(),
        body: in_language(
            sections_html(
                shown.body.sections,
                4,
                Points {
                    case: &anchor,
                    langs: shown.body.point_langs,
                },
            ),
            shown.body.lang,
        ),
        response: shown
            .body
            .response
            .map(|(blocks, lang)| in_language(blocks_html(blocks, None), lang)),
        carried_from: view.carried_from(case),
        anchor,
        restricted: shown
            .body
            .restricted
            .map(|(blocks, lang)| in_language(blocks_html(blocks, None), lang)),
    })
}

/// A case's sections, each heading an `h{level}`, the sections nested in it one level
/// deeper, down to `h6`.
/// `html` marked as being in `lang`, when given: text that shows untranslated.
fn in_language(html: String, lang: Option<&str>) -> String {
    match lang {
        Some(lang) => format!("<div lang=\"{}\">{html}</div>", escape(lang)),
        None => html,
    }
}

fn sections_html(sections: &[Section], level: usize, points: Points<'_>) -> String {
    let mut out = String::new();
    for section in sections {
        if let Some(heading) = section
            .heading
            .as_ref()
            .filter(|h| !plain_text(h).is_empty())
        {
            let lang = points
                .langs
                .heading(section)
                .map_or_else(String::new, |l| format!(" lang=\"{}\"", escape(l)));
            out.push_str(&format!(
                "<h{level}{lang}>{}</h{level}>\n",
                inlines_html(heading)
            ));
        }
        out.push_str(&points_html(&section.blocks, points));
        out.push_str(&sections_html(
            &section.children,
            (level + 1).min(6),
            points,
        ));
    }
    out
}

fn answer_class(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::Partial => "partial",
        Answer::No => "no",
        Answer::Unclear => "unclear",
        Answer::Split => "split",
        Answer::NotApplicable => "na",
    }
}

/// What each checklist cell shows, by the id in `matrix`.
fn answer_labels(l: &Labels) -> BTreeMap<&'static str, &str> {
    let mut labels: BTreeMap<_, _> = Answer::ALL
        .iter()
        .map(|&a| (answer_class(a), answer_label(l, a)))
        .collect();
    labels.insert("none", "–");
    labels
}

/// "Page X of Y" for the printed page's margin, as the value of a CSS `content:`.
pub(crate) fn page_css(l: &Labels) -> String {
    let [before, between, after] = crate::view::wording::page_x_of_y(l);
    let mut css = String::new();
    for (text, counter) in [
        (before, Some("page")),
        (between, Some("pages")),
        (after, None),
    ] {
        if !text.is_empty() {
            css.push_str(&format!("\"{}\" ", css_string(&text)));
        }
        if let Some(counter) = counter {
            css.push_str(&format!("counter({counter}) "));
        }
    }
    css.trim_end().to_string()
}

/// `text` as the contents of a CSS string, for the marking in the printed page's margins.
pub fn css_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out
}
