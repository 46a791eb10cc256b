//! trends.json: the archive's trends as data, in the shape SPEC.md gives, for other tools.
//!
//! Every key SPEC.md names is here with its nesting; the extra keys are ones a tool would
//! otherwise have to work out again or look up in each meeting's report.json: each
//! meeting's link and unjudged cases, each theme's kind and each meeting's total and
//! share, and each observation's number, dates and time open. A share is a fraction of
//! the meeting's cases to four places, as in trends.csv, with its Wilson 95% interval;
//! a theme's change between meetings has its Newcombe interval and a verdict, so that a
//! tool can tell a change from what chance gives as the pages do. schemas/trends.schema.json
//! describes exactly what is written here, and the file names the version it follows.

use std::io::Write;

use serde::Serialize;
use serde_json::{Map, Value};

use super::TrendsSources;
use crate::analyse::interval::{Interval, Verdict};
use crate::analyse::trends::{Step, Tracked};
use crate::diagnostic::Diagnostics;
use crate::model::{Status, ThemeKind, blocks_text};
use crate::render::{Output, RenderError, Renderer};
use crate::view::Figure;
use crate::view::trends::{ChangeView, Share, TrendsView};

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
pub const SCHEMA_VERSION: &str = "1.2.0";

#[derive(Serialize)]
struct Root<'a> {
    schema_version: &'static str,
    panel: Option<&'a str>,
    title: &'a str,
    organisation: Option<&'a str>,
    /// The protective marking the pages and the document print on every page.
    marking: Option<&'a str>,
    language: &'a str,
    as_of: &'a str,
    meetings: Vec<MeetingJson<'a>>,
    themes: Vec<ThemeJson<'a>>,
    checks: Vec<CheckJson<'a>>,
    observations: Vec<ObservationJson<'a>>,
    /// The cases carried over that no meeting has judged yet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    carried_over: Vec<CarriedJson<'a>>,
}

#[derive(Serialize)]
struct CarriedJson<'a> {
    /// `2026-03/case-04`: the case as it stands, in the meeting that carried it over last.
    case: &'a str,
    meeting: &'a str,
    meeting_date: &'a str,
    /// The date of the meeting that first carried it over.
    since: &'a str,
    meetings_open: usize,
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
    /// Each shown judgement's share of the cases judged on the scale.
    judgement_shares: Map<String, Value>,
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
    /// From the range's first meeting to its last, with three meetings or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    over_range: Option<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    from: &'a str,
    to: &'a str,
    difference: f64,
    interval: Interval,
    verdict: Verdict,
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
    interval: Option<Interval>,
    /// From the meeting before: absent at the first meeting, null where either share
    /// is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<Option<ChangeJson<'a>>>,
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
    /// Each shown answer's share of the meeting's cases.
    shares: Map<String, Value>,
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
        marking: trends.marking.as_deref(),
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
                judgement_shares: trends
                    .judgement_scale
                    .iter()
                    .zip(&m.judgement_shares)
                    .filter_map(|(c, share)| Some((c.id.clone(), share_value(share.as_ref()?))))
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
                    .zip(&t.changes)
                    .enumerate()
                    .map(|(i, (c, change))| ThemeMeetingJson {
                        meeting: &c.at.meeting,
                        count: &c.figure,
                        cases: c.listed,
                        total_cases: c.at.total_cases,
                        recorded: &c.recorded,
                        share: c.fraction,
                        interval: c.interval,
                        change: (i > 0)
                            .then(|| change.as_ref().map(|v| change_json(v, &c.at.meeting))),
                    })
                    .collect(),
                over_range: t.over_range.as_ref().and_then(|v| {
                    let last = t.cells.last()?;
                    Some(change_json(v, &last.at.meeting))
                }),
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
                    .zip(c.answers.iter().zip(&c.shares))
                    .map(|(b, (answers, shares))| CheckMeetingJson {
                        meeting: &b.meeting,
                        answers: answers
                            .iter()
                            .map(|(a, n)| (a.id().to_string(), figure(n)))
                            .collect(),
                        shares: answers
                            .iter()
                            .zip(shares)
                            .filter_map(|((a, _), share)| {
                                Some((a.id().to_string(), share_value(share.as_ref()?)))
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        observations: trends.observations.iter().map(observation).collect(),
        carried_over: trends
            .carried
            .iter()
            .map(|c| CarriedJson {
                case: &c.id,
                meeting: &c.meeting,
                meeting_date: &c.meeting_date,
                since: &c.since,
                meetings_open: c.meetings_open,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &root)?;
    out.write_all(b"\n")
}

/// A number as itself, or `{"suppressed": true, "fewer_than": 3}`, as report.json says it.
fn figure(figure: &Figure) -> Value {
    serde_json::to_value(figure).unwrap_or(Value::Null)
}

/// `{"share": 0.25, "interval": [0.0889, 0.5323]}`.
fn share_value(share: &Share) -> Value {
    serde_json::to_value(share).unwrap_or(Value::Null)
}

fn change_json<'a>(view: &'a ChangeView, to: &'a str) -> ChangeJson<'a> {
    ChangeJson {
        from: &view.from,
        to,
        difference: view.change.difference,
        interval: view.change.interval,
        verdict: view.change.verdict,
    }
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
        assert_eq!(by["interval"], serde_json::json!([0.0889, 0.5323]));
        assert!(
            by.get("change").is_none(),
            "the first meeting has no change"
        );
        let later = &value["themes"][0]["by_meeting"][1];
        assert_eq!(later["change"]["from"], "2023-03");
        assert_eq!(later["change"]["to"], "2023-06");
        assert_eq!(later["change"]["verdict"], "no-clear-change");
        let range = &value["themes"][0]["over_range"];
        assert_eq!(range["from"], "2023-03");
        assert_eq!(range["to"], "2023-11");
        assert_eq!(range["verdict"], "no-clear-change");
        assert_eq!(
            meeting["judgement_shares"]["appropriate"]["share"],
            serde_json::json!(0.3333)
        );
        let answers = &value["checks"][1]["by_meeting"][0]["answers"];
        assert_eq!(
            answers,
            &serde_json::json!({"yes": 10, "partial": 1, "unclear": 1})
        );
        let shares = &value["checks"][1]["by_meeting"][0]["shares"];
        assert_eq!(shares["yes"]["share"], serde_json::json!(0.8333));
        assert_eq!(
            shares["yes"]["interval"][1].as_f64().map(|h| h < 1.0),
            Some(true)
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
