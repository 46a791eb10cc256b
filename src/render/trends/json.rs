//! trends.json: the archive's trends as data, in the shape SPEC.md gives, for other tools.
//!
//! Every key SPEC.md names is here with its nesting; the extra keys are ones a tool would
//! otherwise have to work out again or look up in each meeting's report.json: each
//! meeting's link and unjudged cases, each theme's kind and each meeting's total and
//! share, and each observation's number, dates and time open. A share is a fraction of
//! the meeting's cases to four places, as in trends.csv.

use std::io::Write;

use serde::Serialize;
use serde_json::{Map, Value};

use super::TrendsSources;
use crate::analyse::trends::{Step, Tracked};
use crate::diagnostic::Diagnostics;
use crate::model::{Status, ThemeKind, blocks_text};
use crate::render::{Output, RenderError, Renderer};
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

#[derive(Serialize)]
struct Root<'a> {
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
    unjudged: usize,
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
    count: usize,
    cases: &'a [u32],
    total_cases: usize,
    /// The cases that recorded it: the share is over these, and is null where none did.
    recorded: usize,
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
        panel: trends.panel.as_deref(),
        title: &trends.title,
        organisation: trends.organisation.as_deref(),
        language: view.language,
        as_of: &trends.as_of,
        meetings: trends
            .meetings
            .iter()
            .map(|m| MeetingJson {
                id: &m.id,
                meeting_date: &m.meeting_date,
                session: m.session.as_deref(),
                title: &m.title,
                total_cases: m.total_cases,
                judgements: m
                    .judgements
                    .iter()
                    .map(|(id, n)| (id.clone(), Value::from(*n)))
                    .collect(),
                unjudged: m.unjudged,
                report: &m.report,
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
                        count: c.at.count,
                        cases: &c.at.cases,
                        total_cases: c.at.total_cases,
                        recorded: c.at.recorded,
                        share: c.fraction,
                    })
                    .collect(),
            })
            .collect(),
        checks: trends
            .checks
            .iter()
            .map(|c| CheckJson {
                id: &c.id,
                label: &c.label,
                by_meeting: c
                    .by_meeting
                    .iter()
                    .map(|b| CheckMeetingJson {
                        meeting: &b.meeting,
                        answers: b
                            .answers
                            .iter()
                            .map(|(a, n)| (a.id().to_string(), Value::from(*n)))
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
