//! What `changes` compares: the part of a report.json that a reader of the report would
//! notice moving. Read from report.json's text in both directions, so that a comparison
//! with a report.json written months ago (`--since FILE.json`) and one with the folder at
//! a git revision take one path, and the data contract of report.json is the only thing
//! either side must agree on. Fields this does not compare are ignored, so an older or
//! newer schema version still reads.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::Checked;
use crate::render::json;

/// One meeting's report as `changes` sees it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub meeting_date: String,
    #[serde(default)]
    pub marking: Option<String>,
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// The scale's and the checks' words, to name what changed as the report does.
    #[serde(default)]
    pub judgement_scale: Vec<Label>,
    #[serde(default)]
    pub checks: Vec<Label>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Label {
    pub id: String,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Case {
    /// Its number, within its type in a report with case types.
    pub case: u64,
    /// With case types: the id lists name it by, such as "stop-search-1".
    #[serde(default)]
    pub id: Option<String>,
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub judgement: Option<String>,
    #[serde(default)]
    pub checks: BTreeMap<String, String>,
    #[serde(default)]
    pub feedback: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Point {
    #[serde(default)]
    pub section: Option<String>,
    pub text: String,
    #[serde(default)]
    pub member: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Theme {
    pub id: String,
    #[serde(default)]
    pub label: String,
    /// Its cases by number, or by id in a report with case types.
    #[serde(default)]
    pub cases: Vec<CaseRef>,
}

/// A case as report.json lists it: by number, or by id where numbers restart per type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(untagged)]
pub enum CaseRef {
    Number(u64),
    Id(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Observation {
    pub number: String,
    pub file: String,
    pub text: String,
    #[serde(default)]
    pub response: String,
}

impl Snapshot {
    /// Reads a report.json's text.
    pub fn from_json(text: &str) -> Result<Snapshot, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The report.json a build of `checked` would write in its first language, read back.
    pub fn of(checked: &Checked) -> Snapshot {
        let language = checked
            .report
            .meta
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| "en".to_string());
        let view = checked.view(&language);
        let mut bytes = Vec::new();
        // Writing into memory cannot fail, and what json::render writes always reads
        // back: the schema tests hold it to that.
        if json::render(&view, &mut bytes).is_err() {
            return Snapshot::default();
        }
        serde_json::from_slice(&bytes).unwrap_or_default()
    }
}

impl Snapshot {
    /// The words for the judgement `id`, or the id where the scale has none.
    pub fn judgement_label<'a>(&'a self, id: &'a str) -> &'a str {
        label(&self.judgement_scale, id)
    }

    /// The words for the check `id`, or the id where there are none.
    pub fn check_label<'a>(&'a self, id: &'a str) -> &'a str {
        label(&self.checks, id)
    }
}

fn label<'a>(labels: &'a [Label], id: &'a str) -> &'a str {
    labels
        .iter()
        .find(|l| l.id == id && !l.label.is_empty())
        .map_or(id, |l| l.label.as_str())
}

impl Case {
    /// What names the case across the two versions: its file without `.md`, and a case
    /// folder by the folder, so that a case moved into the folder form is the same case.
    pub fn key(&self) -> String {
        crate::layout::case_stem(&self.file).to_string()
    }

    /// How the report names it: "stop-search-1" with case types, "9" without.
    pub fn name(&self) -> CaseRef {
        match &self.id {
            Some(id) => CaseRef::Id(id.clone()),
            None => CaseRef::Number(self.case),
        }
    }
}

impl std::fmt::Display for CaseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseRef::Number(n) => write!(f, "{n}"),
            CaseRef::Id(id) => f.write_str(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_json_reads_whatever_else_it_holds() {
        let text = r#"{"schema_version": "9.0.0", "title": "T", "meeting_date": "2026-03-03",
            "cases": [{"case": 9, "file": "cases/case-09/case.md", "judgement": null,
                       "checks": {"hcso": "yes"}, "feedback": [{"line": 3, "section": "Risk",
                       "text": "Late.", "tags": [], "member": "alice"}], "extra": 1}],
            "themes": [{"id": "late", "cases": [9, "stop-search-1"]}],
            "observations": [{"number": "4.1", "file": "observations/01.md", "text": "O"}]}"#;
        let snapshot = Snapshot::from_json(text).unwrap();
        assert_eq!(snapshot.cases[0].key(), "cases/case-09");
        assert_eq!(
            snapshot.cases[0].feedback[0].member.as_deref(),
            Some("alice")
        );
        assert_eq!(
            snapshot.themes[0].cases,
            vec![CaseRef::Number(9), CaseRef::Id("stop-search-1".into())]
        );
        assert_eq!(snapshot.observations[0].response, "");
    }

    #[test]
    fn a_file_that_is_not_a_report_json_is_refused() {
        assert!(Snapshot::from_json("[1, 2]").is_err());
        assert!(Snapshot::from_json("{\"cases\": 3}").is_err());
    }
}
