//! trends.json: the archive's trends as data, in the shape SPEC.md gives, for other tools.
//!
//! Every key SPEC.md names is here with its nesting; the extra keys are ones a tool would
//! otherwise have to work out again or look up in each meeting's report.json: each
//! meeting's link and unjudged cases, each theme's kind and each meeting's total and
//! share, and each observation's number, dates and time open. A share is a fraction of
//! the meeting's cases to four places, as in trends.csv. schemas/trends.schema.json
//! describes exactly what is written here, and the file names the version it follows.

use std::io::Write;

use serde::Serialize;
use serde_json::{Map, Value};

use super::TrendsSources;
use crate::analyse::trends::{Step, Tracked};
use crate::diagnostic::Diagnostics;
use crate::model::{Status, ThemeKind, blocks_text};
use crate::render::{Output, RenderError, Renderer};
use crate::view::Figure;
use crate::view::trends::TrendsView;

/// trends.json's renderer.
pub struct Json;

impl Renderer<TrendsSources<'_>> for Json {
    fn file_name(&self) -> &'static str {
        "trends.json"
    }

    fn render(
        &self,
        sources: TrendsSources<'_>,
        mut out: &mut dyn Output,
        _diagnostics: &mut Diagnostics,
    ) -> Result<(), RenderError> {
        render(sources.view, &mut out)?;
        Ok(())
    }
}

/// The version of schemas/trends.schema.json that trends.json follows: a change that
/// breaks the schema raises its major version, a new optional key its minor one.
pub const SCHEMA_VERSION: &str = "1.0.0";

#[derive(Serialize)]
struct Root<'a> {
    schema_version: &'static str,
    panel: Option<&'a str>,
    title: &'a str,
    organisation: Option<&'a str>,
    language: &'a str,
    as_of: &'a str,
    meetings: Vec<MeetingJson<'a>>,
    themes: Vec<ThemeJson<'a>>,
    checks: Vec<CheckJson<'a>>,
    observations: Vec<ObservationJson<'a>>,
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: &'a str,
    meeting_date: &'a str,
    /// Only for a meeting that is one of a day's sittings.
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a str>,
    title: &'a str,
    total_cases: usize,
    judgements: Map<String, Value>,
    unjudged: &'a Figure,
    /// Each case type judged on its own scale, by the type's id: its cases per
    /// judgement of that scale.
    #[serde(skip_serializing_if = "Map::is_empty")]
    type_judgements: Map<String, Value>,
    report: &'a str,
}

#[derive(Serialize)]
struct ThemeJson<'a> {
    id: &'a str,
    label: &'a str,
    kind: ThemeKind,
    by_meeting: Vec<ThemeMeetingJson<'a>>,
}

#[derive(Serialize)]
struct ThemeMeetingJson<'a> {
    meeting: &'a str,
    count: &'a Figure,
    /// None when its count is suppressed.
    cases: &'a [crate::analyse::trends::TrendCase],
    total_cases: usize,
    /// The cases that recorded it: the share is over these, and is null where none did.
    recorded: &'a Figure,
    share: Option<f64>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    id: &'a str,
    label: &'a str,
    by_meeting: Vec<CheckMeetingJson<'a>>,
}

#[derive(Serialize)]
struct CheckMeetingJson<'a> {
    meeting: &'a str,
    answers: Map<String, Value>,
}

#[derive(Serialize)]
struct ObservationJson<'a> {
    id: &'a str,
    meeting: &'a str,
    meeting_date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a str>,
    number: &'a str,
    text: String,
    response: String,
    status: Status,
    open_until: &'a str,
    meetings_open: usize,
    history: Vec<StepJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    meeting: &'a str,
    meeting_date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a str>,
    status: Status,
    text: String,
}

pub fn render(view: &TrendsView, out: &mut impl Write) -> std::io::Result<()> {
    let trends = view.trends;
    let root = Root {
        schema_version: SCHEMA_VERSION,
        panel: trends.panel.as_deref(),
        title: &trends.title,
        organisation: trends.organisation.as_deref(),
        language: view.language,
        as_of: &trends.as_of,
        meetings: view
            .meetings
            .iter()
            .enumerate()
            .map(|(meeting, m)| MeetingJson {
                id: &m.row.id,
                meeting_date: &m.row.meeting_date,
                session: m.row.session.as_deref(),
                title: &m.row.title,
                total_cases: m.row.total_cases,
                judgements: trends
                    .judgement_scale
                    .iter()
                    .zip(&m.judgements)
                    .map(|(c, n)| (c.id.clone(), figure(n)))
                    .collect(),
                unjudged: &m.unjudged,
                type_judgements: view
                    .type_judgements
                    .iter()
                    .map(|kind| {
                        let counts: Map<String, Value> = kind
                            .trend
                            .scale
                            .iter()
                            .zip(&kind.rows)
                            .map(|(c, (_, cells))| {
                                (c.id.clone(), cells.get(meeting).map_or(Value::Null, figure))
                            })
                            .collect();
                        (kind.trend.kind.clone(), Value::Object(counts))
                    })
                    .collect(),
                report: &m.row.report,
            })
            .collect(),
        themes: view
            .themes
            .iter()
            .map(|t| ThemeJson {
                id: &t.theme.id,
                label: &t.theme.label,
                kind: t.theme.kind,
                by_meeting: t
                    .cells
                    .iter()
                    .map(|c| ThemeMeetingJson {
                        meeting: &c.at.meeting,
                        count: &c.figure,
                        cases: c.listed,
                        total_cases: c.at.total_cases,
                        recorded: &c.recorded,
                        share: c.fraction,
                    })
                    .collect(),
            })
            .collect(),
        checks: view
            .checks
            .iter()
            .map(|c| CheckJson {
                id: &c.check.id,
                label: &c.check.label,
                by_meeting: c
                    .check
                    .by_meeting
                    .iter()
                    .zip(&c.answers)
                    .map(|(b, answers)| CheckMeetingJson {
                        meeting: &b.meeting,
                        answers: answers
                            .iter()
                            .map(|(a, n)| (a.id().to_string(), figure(n)))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        observations: trends.observations.iter().map(observation).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &root)?;
    out.write_all(b"\n")
}

/// A number as itself, or `{"suppressed": true, "fewer_than": 3}`, as report.json says it.
fn figure(figure: &Figure) -> Value {
    serde_json::to_value(figure).unwrap_or(Value::Null)
}

fn observation(o: &Tracked) -> ObservationJson<'_> {
    ObservationJson {
        id: &o.id,
        meeting: &o.meeting,
        meeting_date: &o.meeting_date,
        session: o.session.as_deref(),
        number: &o.number,
        text: blocks_text(&o.text),
        response: blocks_text(&o.response),
        status: o.status,
        open_until: &o.open_until,
        meetings_open: o.meetings_open,
        history: o.history.iter().map(step).collect(),
    }
}

fn step(s: &Step) -> StepJson<'_> {
    StepJson {
        meeting: &s.meeting,
        meeting_date: &s.meeting_date,
        session: s.session.as_deref(),
        status: s.status,
        text: blocks_text(&s.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::example;

    fn json() -> String {
        let mut out = Vec::new();
        let trends = example();
        render(
            &TrendsView::new(&trends, &crate::catalogue::Labels::english()),
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_example_as_data() {
        insta::assert_snapshot!(json());
    }

    #[test]
    fn it_has_the_shape_spec_gives() {
        let value: Value = serde_json::from_str(&json()).unwrap();
        let keys = |v: &Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect::<Vec<_>>()
        };
        for key in ["panel", "meetings", "themes", "checks", "observations"] {
            assert!(value.get(key).is_some(), "{key}");
        }
        let meeting = &value["meetings"][0];
        for key in ["id", "meeting_date", "title", "total_cases", "judgements"] {
            assert!(keys(meeting).contains(&key.to_string()), "{key}");
        }
        assert_eq!(meeting["judgements"]["appropriate"], 4);
        let by = &value["themes"][0]["by_meeting"][0];
        assert_eq!(by["meeting"], "2023-03");
        assert_eq!(by["count"], 3);
        assert_eq!(by["cases"], serde_json::json!([2, 6, 12]));
        assert_eq!(by["share"], 0.25);
        let answers = &value["checks"][1]["by_meeting"][0]["answers"];
        assert_eq!(
            answers,
            &serde_json::json!({"yes": 10, "partial": 1, "unclear": 1})
        );
        let closed = &value["observations"][3];
        assert_eq!(closed["id"], "2023-03/hcso-training");
        assert_eq!(closed["status"], "closed");
        assert_eq!(closed["history"][0]["meeting"], "2023-06");
        assert_eq!(closed["history"][0]["status"], "closed");
        assert_eq!(
            closed["history"][0]["text"],
            "All HCSOs were trained in May."
        );
        assert_eq!(json(), json(), "the same bytes every time");
    }
}
