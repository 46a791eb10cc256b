//! The data contract: every report.json and trends.json that a fixture, the sample and an
//! archive build validates against its schema in schemas/, and every share in the JSON
//! and CSV outputs is a fraction from 0 to 1.

use std::fs;
use std::path::Path;

use serde_json::Value;

use super::{build_formats, fixture};

fn validator(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{name} is no schema: {e}"));
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The problems of `json` against the schema `name`, one line each.
fn problems(name: &str, json: &Value) -> Vec<String> {
    validator(name)
        .iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every `share` in `json` that is no fraction from 0 to 1, with where it is.
fn shares_over_one(json: &Value, at: &str, out: &mut Vec<String>) {
    match json {
        Value::Object(map) => {
            for (key, value) in map {
                let here = format!("{at}/{key}");
                if key == "share"
                    && let Some(n) = value.as_f64()
                    && !(0.0..=1.0).contains(&n)
                {
                    out.push(format!("{here} = {n}"));
                }
                shares_over_one(value, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                shares_over_one(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The column of the share in a CSV output, by its file name: themes.csv's fourth,
/// trends.csv's seventh (the headers are in the report's language).
fn share_column(name: &str) -> Option<usize> {
    match name {
        n if n.starts_with("themes") => Some(3),
        n if n.starts_with("trends") => Some(6),
        _ => None,
    }
}

/// Checks every JSON and CSV file under `dir`; returns how many JSON files were validated.
pub(super) fn check_outputs(dir: &Path) -> usize {
    let mut validated = 0;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = || fs::read_to_string(path).unwrap();
        if name.ends_with(".json") {
            let schema = if name.starts_with("trends") {
                "trends.schema.json"
            } else {
                "report.schema.json"
            };
            let json: Value = serde_json::from_str(&text()).unwrap();
            let found = problems(schema, &json);
            assert!(
                found.is_empty(),
                "{}:\n{}",
                path.display(),
                found.join("\n")
            );
            let mut over = Vec::new();
            shares_over_one(&json, "", &mut over);
            assert!(over.is_empty(), "{}: {over:?}", path.display());
            validated += 1;
        } else if let Some(column) = name
            .ends_with(".csv")
            .then(|| share_column(&name))
            .flatten()
        {
            let text = text();
            let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            for row in rows.records() {
                let row = row.unwrap();
                let share = &row[column];
                if share.is_empty() {
                    continue;
                }
                let n: f64 = share
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: share {share}", path.display()));
                assert!(
                    (0.0..=1.0).contains(&n),
                    "{}: share {share}",
                    path.display()
                );
            }
        }
    }
    validated
}

#[test]
fn every_fixture_s_report_json_follows_the_schema_and_its_shares_are_fractions() {
    for entry in fs::read_dir(fixture("good")).unwrap() {
        let folder = entry.unwrap().path();
        let out = build_formats(&folder, "json,csv");
        assert!(check_outputs(out.path()) > 0, "{}", folder.display());
    }
    let out = build_formats(&fixture("audiences"), "json,csv");
    assert!(check_outputs(out.path()) >= 2, "a report.json per copy");
    let out = build_formats(&fixture("case-types"), "json,csv");
    assert!(check_outputs(out.path()) > 0, "case types");
    let out = build_formats(&fixture("members"), "json,csv");
    assert!(check_outputs(out.path()) > 0, "members");
    let own = super::type_judgements::with_own_scale();
    let out = build_formats(own.path(), "json,csv");
    assert!(check_outputs(out.path()) > 0, "a type's own judgements");
}

#[test]
fn the_sample_s_committed_copies_follow_the_schema() {
    let output = Path::new(env!("CARGO_MANIFEST_DIR")).join("output");
    for copy in ["force", "public"] {
        assert_eq!(check_outputs(&output.join(copy)), 1, "{copy}");
    }
}

#[test]
fn an_archive_s_trends_json_and_each_meeting_s_report_json_follow_their_schemas() {
    for archive in ["archive/sample", "archive/sittings", "archive/carried"] {
        let out = build_formats(&fixture(archive), "json,csv");
        assert!(out.path().join("trends.json").is_file(), "{archive}");
        assert!(check_outputs(out.path()) > 2, "{archive}");
    }
}

#[test]
fn the_schema_refuses_a_whole_percent_and_an_unknown_key() {
    let out = build_formats(&fixture("good/small"), "json");
    let text = fs::read_to_string(out.path().join("report.json")).unwrap();
    let mut json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], "1.1.0");
    assert!(problems("report.schema.json", &json).is_empty());
    json["judgement_scale"][0]["share"] = Value::from(56);
    let found = problems("report.schema.json", &json);
    assert!(
        found.iter().any(|p| p.contains("/judgement_scale/0/share")),
        "{found:?}"
    );
    json["judgement_scale"][0]["share"] = Value::from(0.5);
    json["themes"][0]["percent"] = Value::from(50);
    assert!(!problems("report.schema.json", &json).is_empty());
}

#[test]
fn every_share_of_the_trends_has_its_interval_and_every_change_its_verdict() {
    let out = build_formats(&fixture("archive/sample"), "json,csv");
    let text = fs::read_to_string(out.path().join("trends.json")).unwrap();
    let mut json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], "1.2.0");
    let meetings = json["meetings"].as_array().unwrap().len();
    assert!(meetings > 1);
    let mut changes = 0;
    for theme in json["themes"].as_array().unwrap() {
        for (i, at) in theme["by_meeting"].as_array().unwrap().iter().enumerate() {
            if let Some(share) = at["share"].as_f64() {
                let low = at["interval"][0].as_f64().unwrap();
                let high = at["interval"][1].as_f64().unwrap();
                assert!(low <= share && share <= high, "{at}");
            }
            assert_eq!(at.get("change").is_some(), i > 0, "{at}");
            if let Some(change) = at["change"].as_object() {
                let verdict = change["verdict"].as_str().unwrap();
                let (low, high) = (
                    change["interval"][0].as_f64().unwrap(),
                    change["interval"][1].as_f64().unwrap(),
                );
                let holds_zero = low <= 0.0 && 0.0 <= high;
                assert_eq!(verdict == "no-clear-change", holds_zero, "{at}");
                changes += 1;
            }
        }
    }
    assert!(changes > 0);
    for meeting in json["meetings"].as_array().unwrap() {
        for share in meeting["judgement_shares"].as_object().unwrap().values() {
            assert_eq!(share["interval"].as_array().map(Vec::len), Some(2));
        }
    }
    let text = fs::read_to_string(out.path().join("trends.csv")).unwrap();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.ends_with("share_low,share_high,change,change_low,change_high,verdict"));
    // A verdict is one of three words: never "improved".
    json["themes"][0]["by_meeting"][1]["change"]["verdict"] = Value::from("improved");
    assert!(!problems("trends.schema.json", &json).is_empty());
}
