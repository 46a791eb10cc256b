//! report.json: the whole report as data, in the shape SPEC.md gives, for other tools.
//!
//! schemas/report.schema.json describes exactly what is written here, and every output
//! names the version of it that it follows, so that a force's analysts can rely on it;
//! every share is a fraction from 0 to 1.
//!
//! Ids, counts and the panel's text are the model's; labels and shares are the
//! [`View`]'s, so they are the numbers and words every other format prints.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::analyse::{Evidence, JudgementCount};
use crate::model::CaseKey;
use crate::model::{Choice, Field, Status, ThemeKind, blocks_text, plain_text};
use crate::view::{CaseNames, Count, Figure, View};

/// Cases as report.json lists them: by number, or by id (`stop-search-1`) for a case of
/// a type, whose number another type's case may share.
pub(crate) fn case_refs(names: &CaseNames<'_>, cases: &[CaseKey]) -> Vec<Value> {
    cases
        .iter()
        .map(|&key| match key.kind {
            None => Value::from(key.number),
            Some(_) => Value::from(names.id(key)),
        })
        .collect()
}

mod breakdown;

/// The version of schemas/report.schema.json that report.json follows: a change that
/// breaks the schema raises its major version, a new optional key its minor one.
pub const SCHEMA_VERSION: &str = "1.1.0";

#[derive(Serialize)]
struct Root<'a> {
    schema_version: &'static str,
    title: &'a str,
    meeting_date: &'a str,
    /// Only for a meeting that is one of a day's sittings.
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a str>,
    panel: Option<&'a str>,
    organisation: Option<&'a str>,
    force: Option<&'a str>,
    marking: Option<&'a str>,
    total_cases: usize,
    cases: Vec<CaseJson<'a>>,
    themes: Vec<ThemeJson<'a>>,
    /// One table per field of `breakdown:`: each theme's cases by the field's values.
    breakdowns: Vec<breakdown::BreakdownJson<'a>>,
    /// The themes found together in two or more cases.
    pairs: Vec<breakdown::PairJson<'a>>,
    checks: Vec<CheckJson<'a>>,
    judgements: Map<String, Value>,
    /// The judgement scale with each judgement's count, share of every case and colour.
    judgement_scale: Vec<JudgementJson<'a>>,
    /// With `case_types:`, each type judged on a scale of its own, counted over its
    /// cases alone; `judgements` and `judgement_scale` then count the other cases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    type_judgements: Vec<TypeJudgementsJson<'a>>,
    summary: Vec<String>,
    observations: Vec<ObservationJson>,
    /// Section 5.0, in an archive: earlier meetings' observations that were open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    follow_up: Vec<FollowUpJson>,
    /// The cases carried over to the next meeting, which no figure above counts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    carried_over: Vec<CarriedJson<'a>>,
}

#[derive(Serialize)]
struct CarriedJson<'a> {
    case: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    judgement: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct FollowUpJson {
    observation: String,
    meeting: String,
    meeting_date: String,
    number: String,
    text: String,
    response: String,
    status_before: crate::model::Status,
    update: Option<UpdateJson>,
}

#[derive(Serialize)]
struct UpdateJson {
    status: crate::model::Status,
    text: String,
}

#[derive(Serialize)]
struct CaseJson<'a> {
    case: u32,
    /// For a case of a type, its id (`stop-search-1`) and its type; left out otherwise,
    /// where the number alone names the case.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    file: &'a str,
    title: Option<&'a str>,
    judgement: Option<&'a str>,
    themes: &'a [String],
    checks: Map<String, Value>,
    /// The words written beside answers, by check id; the answers stay in `checks`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    check_notes: Map<String, Value>,
    fields: Map<String, Value>,
    /// The facts box as the report shows it, in order.
    facts: Vec<FactJson>,
    points: usize,
    feedback: Vec<PointJson<'a>>,
    /// The force's response on the case, under a heading of `response_headings:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<String>,
    /// The panel's restricted notes, in a copy that carries them.
    #[serde(skip_serializing_if = "Option::is_none")]
    restricted_notes: Option<String>,
    /// `carried_from:`, for a case an earlier meeting carried over.
    #[serde(skip_serializing_if = "Option::is_none")]
    carried_from: Option<&'a str>,
}

#[derive(Serialize)]
struct PointJson<'a> {
    line: usize,
    /// The heading the point is under, the innermost of `headings`.
    section: Option<String>,
    /// Every heading the point is under, outermost first: `###` under `##` is nested.
    headings: Vec<String>,
    text: &'a str,
    tags: Vec<&'a str>,
    /// The member whose file in a case folder it is in; absent for the case's own points.
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a str>,
}

#[derive(Serialize)]
struct JudgementJson<'a> {
    id: &'a str,
    label: &'a str,
    colour: Option<&'a str>,
    count: Figure,
    share: Option<f64>,
}

/// One case type's own judgement scale with its counts.
#[derive(Serialize)]
struct TypeJudgementsJson<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    label: &'a str,
    total_cases: usize,
    judgements: Map<String, Value>,
    judgement_scale: Vec<JudgementJson<'a>>,
}

/// Each judgement's id with its count.
fn judgement_counts(counted: &[JudgementCount], shown: &[Count<'_>]) -> Map<String, Value> {
    counted
        .iter()
        .zip(shown)
        .map(|(j, shown)| (j.id.clone(), breakdown::figure(&shown.figure)))
        .collect()
}

/// Each judgement of `scale` with its label, colour, count and share of `total` cases.
fn judgement_scale<'a>(
    scale: &'a [Choice],
    counted: &'a [JudgementCount],
    shown: &[Count<'a>],
    total: usize,
) -> Vec<JudgementJson<'a>> {
    counted
        .iter()
        .zip(shown)
        .map(|(j, shown)| JudgementJson {
            id: &j.id,
            label: shown.label,
            colour: scale
                .iter()
                .find(|c| c.id == j.id)
                .and_then(|c| c.colour.as_deref()),
            count: shown.figure.clone(),
            share: shown.fraction(total),
        })
        .collect()
}

#[derive(Serialize)]
struct FactJson {
    field: String,
    label: String,
    value: String,
}

#[derive(Serialize)]
struct ThemeJson<'a> {
    id: &'a str,
    label: &'a str,
    kind: ThemeKind,
    summary: Option<&'a str>,
    count: Figure,
    share: Option<f64>,
    cases: Vec<Value>,
    /// The case type it is counted over, and how many cases that type has; left out for
    /// a theme counted over every case.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    over: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    over_cases: Option<usize>,
    /// The cases that answered none of the checks or fields it is read from; left out
    /// where every case did, as it is for a theme that reads anything else.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_recorded: Vec<Value>,
    /// Its mentions: the feedback points among its evidence, each once.
    points: usize,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct CheckJson<'a> {
    id: &'a str,
    label: &'a str,
    answers: Map<String, Value>,
    unanswered: Figure,
}

#[derive(Serialize)]
struct ObservationJson {
    number: String,
    file: String,
    text: String,
    themes: Vec<String>,
    cases: Vec<Value>,
    response: String,
    status: Status,
}

/// report.json's renderer.
pub struct Json;

impl crate::render::Renderer<crate::render::Sources<'_>> for Json {
    fn file_name(&self) -> &'static str {
        "report.json"
    }

    fn render(
        &self,
        sources: crate::render::Sources<'_>,
        mut out: &mut dyn crate::render::Output,
        _diagnostics: &mut crate::diagnostic::Diagnostics,
    ) -> Result<(), crate::render::RenderError> {
        Ok(render(sources.view, &mut out)?)
    }
}

pub fn render(view: &View<'_>, out: &mut impl Write) -> io::Result<()> {
    let report = view.report;
    let analysis = view.analysis;
    let total = analysis.total_cases;
    let json = Root {
        schema_version: SCHEMA_VERSION,
        title: &report.meta.title,
        meeting_date: &report.meta.meeting_date,
        session: report.meta.session.as_deref(),
        panel: report.meta.panel.as_deref(),
        organisation: report.meta.organisation.as_deref(),
        force: report.meta.force.as_deref(),
        marking: report.meta.marking.as_deref(),
        total_cases: total,
        cases: report
            .cases
            .iter()
            .zip(&analysis.case_themes)
            .enumerate()
            .map(|(index, (case, themes))| CaseJson {
                case: case.number,
                id: case
                    .kind()
                    .map(|_| view.names.id(report.meta.case_key(case))),
                kind: case.kind(),
                file: &case.file,
                title: case.title.as_deref(),
                judgement: case.judgement.as_ref().map(|j| j.value.as_str()),
                themes,
                checks: case
                    .checks
                    .iter()
                    .map(|a| (a.id.clone(), Value::from(a.answer.id())))
                    .collect(),
                check_notes: case
                    .checks
                    .iter()
                    .filter_map(|a| Some((a.id.clone(), Value::from(a.note.as_deref()?))))
                    .collect(),
                fields: fields(case),
                facts: facts(view, index),
                points: case.points.len(),
                feedback: feedback(case),
                response: case.response.as_ref().map(|r| blocks_text(&r.blocks)),
                restricted_notes: case.restricted.as_ref().map(|r| blocks_text(&r.blocks)),
                carried_from: case.carried_from.as_ref().map(|c| c.value.as_str()),
            })
            .collect(),
        themes: view
            .themes_by_count()
            .map(|shown| (shown, shown.tally))
            .map(|(shown, t)| ThemeJson {
                id: &t.id,
                label: shown.label.text,
                kind: t.kind,
                summary: t.summary.as_deref(),
                count: shown.figure.clone(),
                share: shown.fraction,
                cases: case_refs(&view.names, shown.listed),
                over: t.over.as_deref(),
                over_cases: t.over.is_some().then_some(t.total),
                not_recorded: if shown.not_recorded.is_suppressed() {
                    Vec::new()
                } else {
                    case_refs(&view.names, &t.not_recorded)
                },
                points: t.points(),
                evidence: &t.evidence,
            })
            .collect(),
        breakdowns: breakdown::breakdowns(&view.breakdowns),
        pairs: breakdown::pairs(&view.names, &view.pairs),
        checks: view
            .checks
            .iter()
            .map(|shown| CheckJson {
                id: &shown.tally.id,
                label: shown.label.text,
                answers: shown
                    .answers
                    .iter()
                    .map(|(a, count)| (a.id().to_string(), breakdown::figure(&count.figure)))
                    .collect(),
                unanswered: shown.unanswered.figure.clone(),
            })
            .collect(),
        judgements: judgement_counts(&analysis.judgements, &view.judgements),
        judgement_scale: judgement_scale(
            &report.meta.judgements,
            &analysis.judgements,
            &view.judgements,
            view.judged,
        ),
        type_judgements: analysis
            .type_judgements
            .iter()
            .zip(&view.type_scales)
            .map(|(t, shown)| TypeJudgementsJson {
                kind: &t.kind,
                label: shown.label.text,
                total_cases: t.total,
                judgements: judgement_counts(&t.judgements, &shown.judgements),
                judgement_scale: judgement_scale(
                    report.meta.judgement_scale(Some(&t.kind)),
                    &t.judgements,
                    &shown.judgements,
                    t.total,
                ),
            })
            .collect(),
        summary: report.summary.as_ref().map_or_else(Vec::new, |doc| {
            doc.blocks
                .iter()
                .map(|b| blocks_text(std::slice::from_ref(b)))
                .flat_map(|t| t.split("\n\n").map(str::to_string).collect::<Vec<_>>())
                .filter(|t| !t.is_empty())
                .collect()
        }),
        observations: view
            .observations
            .iter()
            .map(|shown| (shown.observation, shown.cases, &shown.number))
            .map(|(o, cases, number)| ObservationJson {
                number: number.clone(),
                file: o.file.clone(),
                text: blocks_text(&o.observation),
                themes: o.themes.iter().map(|t| t.value.clone()).collect(),
                cases: case_refs(&view.names, cases),
                response: blocks_text(&o.response),
                status: o.status,
            })
            .collect(),
        follow_up: view
            .follow_up
            .iter()
            .map(|f| FollowUpJson {
                observation: f.row.id.clone(),
                meeting: f.row.meeting.clone(),
                meeting_date: f.row.meeting_date.clone(),
                number: f.number.clone(),
                text: blocks_text(&f.row.observation),
                response: blocks_text(&f.row.response),
                status_before: f.row.before,
                update: f.row.update.as_ref().map(|u| UpdateJson {
                    status: u.status,
                    text: blocks_text(&u.text),
                }),
            })
            .collect(),
        carried_over: view
            .carried()
            .into_iter()
            .filter_map(|c| {
                let case = report.case(c.case)?;
                Some(CarriedJson {
                    case: c.case.number,
                    id: case.kind().map(|_| case.id()),
                    judgement: case.judgement.as_ref()?.value.as_str(),
                    label: c.judgement.text,
                })
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}

fn facts(view: &View<'_>, index: usize) -> Vec<FactJson> {
    view.case(index)
        .facts
        .into_iter()
        .map(|fact| FactJson {
            field: fact.field.to_string(),
            label: fact.label.to_string(),
            value: fact.value,
        })
        .collect()
}

fn feedback(case: &crate::model::Case) -> Vec<PointJson<'_>> {
    let mut headings_of = vec![Vec::new(); case.points.len()];
    mark_sections(&case.sections, &mut Vec::new(), &mut headings_of);
    case.points
        .iter()
        .zip(headings_of)
        .map(|(p, headings)| PointJson {
            line: p.line,
            section: headings.last().cloned(),
            headings,
            text: &p.text,
            tags: p.tags.iter().map(|t| t.value.as_str()).collect(),
            member: p.member.as_deref(),
        })
        .collect()
}

/// Gives each point the headings it is under, outermost first: `path` holds those of
/// the sections around `sections`.
fn mark_sections(
    sections: &[crate::model::Section],
    path: &mut Vec<String>,
    out: &mut [Vec<String>],
) {
    for section in sections {
        let heading = section.heading.as_ref().map(|h| plain_text(h));
        let pushed = heading.is_some();
        path.extend(heading);
        mark_points(&section.blocks, path, out);
        mark_sections(&section.children, path, out);
        if pushed {
            path.pop();
        }
    }
}

fn mark_points(blocks: &[crate::model::Block], path: &[String], out: &mut [Vec<String>]) {
    use crate::model::Block;
    for block in blocks {
        match block {
            Block::List { items, .. } => {
                for item in items {
                    if let Some(slot) = item.point.and_then(|i| out.get_mut(i)) {
                        *slot = path.to_vec();
                    }
                    mark_points(&item.blocks, path, out);
                }
            }
            Block::Quote(inner) => mark_points(inner, path, out),
            _ => {}
        }
    }
}

/// A case's fields by name, as the case gives them: a declared choice by its id, a list
/// as an array, so that data users read the values the panel's scale names.
fn fields(case: &crate::model::Case) -> Map<String, Value> {
    let mut out: Vec<(String, Value)> = case
        .fields
        .iter()
        .map(|(name, value)| (name.clone(), field_json(value)))
        .chain(case.lists.iter().map(|(name, values)| {
            (
                name.clone(),
                Value::Array(values.iter().map(field_json).collect()),
            )
        }))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().collect()
}

fn field_json(value: &Field) -> Value {
    match value {
        Field::Text(t) => Value::from(t.as_str()),
        Field::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Value::from(*n as i64),
        Field::Number(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        Field::Bool(b) => Value::from(*b),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Source};

    #[test]
    fn has_the_shape_spec_gives() {
        let folder = Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2021-09-29\nchecks:\n  hcso_48h: HCSO\n".into(),
            }),
            themes: Some(Source { path: "themes.yaml".into(), text: "late:\n  label: Late\n  when:\n    - check: hcso_48h\n      is: [no]\n".into() }),
            cases: vec![Source {
                path: "cases/a.md".into(),
                text: "---\ncase: 6\nchecks:\n  hcso_48h: no\njudgement: appropriate\n---\n## Risk\n- Slow.\n".into(),
            }],
            observations: vec![Source { path: "observations/a.md".into(), text: "---\nthemes: [late]\n---\nLate.\n\n## Force response\nNoted.\n".into() }],
            ..Folder::default()
        };
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&folder, &mut diagnostics);
        let analysis = crate::analyse::analyse(&report, &mut diagnostics);
        let mut bytes = Vec::new();
        super::render(&crate::view::View::new(&report, &analysis), &mut bytes).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["schema_version"], super::SCHEMA_VERSION);
        assert_eq!(json["total_cases"], 1);
        assert_eq!(json["judgement_scale"][0]["id"], "appropriate");
        assert_eq!(
            json["judgement_scale"][0]["share"], 1.0,
            "a fraction, not 100"
        );
        assert_eq!(json["cases"][0]["case"], 6);
        assert_eq!(json["cases"][0]["checks"]["hcso_48h"], "no");
        assert_eq!(json["cases"][0]["points"], 1);
        assert_eq!(json["cases"][0]["feedback"][0]["section"], "Risk");
        assert_eq!(json["themes"][0]["cases"], serde_json::json!([6]));
        assert_eq!(json["themes"][0]["evidence"][0]["line"], 4);
        assert_eq!(json["themes"][0]["evidence"][0]["source"], "check");
        assert_eq!(json["checks"][0]["answers"]["no"], 1);
        assert_eq!(json["judgements"]["appropriate"], 1);
        assert_eq!(json["observations"][0]["cases"], serde_json::json!([6]));
        assert_eq!(json["observations"][0]["status"], "responded");
        assert_eq!(json["observations"][0]["response"], "Noted.");
    }
}
