//! `build-report import` of build-report's own report.docx, and of LibreOffice's text
//! export of it: every good fixture is built, its report imported, the folder built again,
//! and what a reader sees of each case and observation compared through report.json.

use std::path::Path;

use super::import::import_and_build;
use super::{build_formats, fixture, s, tools};

/// White space as a reader sees it: Word keeps no run of spaces.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Per case its number, title, points (text and innermost heading), judgement label and
/// checks (label and answer); then each observation with its response.
fn seen(report: &serde_json::Value) -> (Vec<String>, Vec<(String, String)>) {
    let label = |list: &str, id: &serde_json::Value| {
        report[list]
            .as_array()
            .into_iter()
            .flatten()
            .find(|j| &j["id"] == id)
            .map(|j| j["label"].to_string())
            .unwrap_or_default()
    };
    let cases = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| {
            // A point whose every word was markup the report does not show has nothing
            // in report.docx to come back from.
            let points: Vec<String> = case["feedback"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["text"].as_str().is_some_and(|t| !t.trim().is_empty()))
                .map(|p| {
                    let heading = p["headings"].as_array().and_then(|h| h.last()).cloned();
                    format!("{} [{heading:?}]", squeeze(p["text"].as_str().unwrap()))
                })
                .collect();
            let mut checks: Vec<String> = case["checks"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(id, answer)| format!("{}={answer}", label("checks", &id.clone().into())))
                .collect();
            checks.sort();
            format!(
                "case {} {} judgement {} checks {checks:?} points {points:#?}",
                case["case"],
                case["title"],
                label("judgement_scale", &case["judgement"]),
            )
        })
        .collect();
    let observations = report["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let text = |key: &str| squeeze(o[key].as_str().unwrap_or_default());
            (text("text"), text("response"))
        })
        .collect();
    (cases, observations)
}

fn json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap()
}

/// Builds `name`'s report.docx (in the report's own language) and its report.json.
fn built(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = build_formats(&fixture(&format!("good/{name}")), "docx,json");
    let docx = ["report.docx", "report.en.docx"]
        .into_iter()
        .map(|n| out.path().join(n))
        .find(|p| p.exists())
        .expect("a report.docx");
    (out, docx)
}

const FIXTURES: [&str; 5] = ["small", "every-key", "breakdowns", "hostile", "bilingual"];

#[test]
fn every_good_fixture_comes_back_from_its_own_report_docx() {
    for name in FIXTURES {
        let (out, docx) = built(name);
        let (_tmp, imported, again) = import_and_build(&docx);
        assert!(
            !imported.stderr.contains("appears twice"),
            "{name}: {}",
            imported.stderr
        );
        let (cases, observations) = seen(&json(out.path()));
        let (cases_again, observations_again) = seen(&again);
        assert_eq!(cases_again, cases, "{name}");
        assert_eq!(observations_again, observations, "{name}");
        assert_eq!(again["title"], json(out.path())["title"], "{name}");
    }
}

#[test]
fn what_build_report_generated_is_left_out() {
    let (_out, docx) = built("small");
    let (tmp, imported, again) = import_and_build(&docx);
    assert!(imported.stdout.contains("Cases: 3"), "{}", imported.stdout);
    let folder = tmp.path().join("report");
    let report = std::fs::read_to_string(folder.join("report.yaml")).unwrap();
    assert!(
        report.contains("  hcso_contact_within_48_hours: \"HCSO contact within 48 hours\"\n"),
        "{report}"
    );
    assert!(
        report.contains("  appropriate-with-observations: \"Appropriate with observations\"\n"),
        "{report}"
    );
    for generated in [
        "Contents",
        "Themes:",
        "Checklist:",
        "Cases behind this",
        "Status:",
        "Evidence behind each theme",
        "(2 of 3 cases",
    ] {
        for entry in walkdir::WalkDir::new(&folder) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                assert!(
                    !text.contains(generated),
                    "{generated:?} in {}:\n{text}",
                    entry.path().display()
                );
            }
        }
    }
    assert_eq!(again["observations"].as_array().unwrap().len(), 2);
    assert_eq!(again["observations"][1]["response"], "");
}

#[test]
fn the_libreoffice_text_export_of_the_sample_comes_back_too() {
    if !tools::require("soffice") {
        return;
    }
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = build_formats(sample, "docx,json");
    // The published copy, as a panel would have it to hand.
    let public = out.path().join("public");
    let profile = out.path().join("profile");
    let converted = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", s(&profile)))
        .args([
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            s(out.path()),
        ])
        .arg(public.join("report.docx"))
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let (_tmp, _imported, again) = import_and_build(&out.path().join("report.txt"));
    assert_eq!(seen(&again), seen(&json(&public)));
    assert_eq!(again["meeting_date"], "2021-09-29");
}
