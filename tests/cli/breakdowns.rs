//! Breakdowns, themes found together and mentions, run through the real binary on
//! tests/fixtures/good/breakdowns: four cases whose numbers were counted by hand.
//!
//! Case 1 is race and religion (a list), assault and criminal damage (a list of the
//! panel's own field), appropriate: `late` by its check and
//! two points, one of them also tagged `#records`. Case 2 is race, harassment,
//! inappropriate: `late` by its check only, `records` and `voice` by tags. Case 3 gives no
//! strand and no offence, appropriate: `late` by a point that has both the tag and the
//! phrase (one mention), and `voice`. Case 4 is disability, assault, appropriate, with no
//! theme. So `late` and `records` share cases 1 and 2, `late` and `voice` cases 2 and 3,
//! and `records` and `voice` only case 2, which is not a pair.

use std::fs;

use serde_json::json;

use super::builder::Report;
use super::docx::unzip;
use super::*;

fn build(folder: &Path) -> (tempfile::TempDir, Run) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(folder),
        "--out",
        s(out.path()),
        "--format",
        "html,docx,json",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    (out, result)
}

#[test]
fn report_json_gives_the_counts_by_hand() {
    let (out, result) = build(&fixture("good/breakdowns"));
    assert!(!result.stderr.contains("warning"), "{}", result.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    let points: Vec<(&str, u64)> = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["points"].as_u64().unwrap()))
        .collect();
    assert_eq!(points, [("late", 3), ("records", 2), ("voice", 2)]);
    assert_eq!(
        json["breakdowns"],
        json!([
            {
                "field": "strand",
                "values": ["race", "religion", "disability", "(not given)"],
                "all": {"race": 2, "religion": 1, "disability": 1, "(not given)": 1},
                "rows": [
                    {"theme": "late", "counts": {"race": 2, "religion": 1, "disability": 0, "(not given)": 1}},
                    {"theme": "records", "counts": {"race": 2, "religion": 1, "disability": 0, "(not given)": 0}},
                    {"theme": "voice", "counts": {"race": 1, "religion": 0, "disability": 0, "(not given)": 1}}
                ]
            },
            {
                "field": "offence",
                "values": ["assault", "criminal damage", "harassment", "(not given)"],
                "all": {"assault": 2, "criminal damage": 1, "harassment": 1, "(not given)": 1},
                "rows": [
                    {"theme": "late", "counts": {"assault": 1, "criminal damage": 1, "harassment": 1, "(not given)": 1}},
                    {"theme": "records", "counts": {"assault": 1, "criminal damage": 1, "harassment": 1, "(not given)": 0}},
                    {"theme": "voice", "counts": {"assault": 0, "criminal damage": 0, "harassment": 1, "(not given)": 1}}
                ]
            },
            {
                "field": "judgement",
                "values": ["appropriate", "inappropriate"],
                "all": {"appropriate": 3, "inappropriate": 1},
                "rows": [
                    {"theme": "late", "counts": {"appropriate": 2, "inappropriate": 1}},
                    {"theme": "records", "counts": {"appropriate": 1, "inappropriate": 1}},
                    {"theme": "voice", "counts": {"appropriate": 1, "inappropriate": 1}}
                ]
            }
        ])
    );
    assert_eq!(
        json["pairs"],
        json!([
            {"themes": ["late", "records"], "cases": [1, 2]},
            {"themes": ["late", "voice"], "cases": [2, 3]}
        ])
    );
}

#[test]
fn the_page_shows_each_table_every_case_first() {
    let (out, _) = build(&fixture("good/breakdowns"));
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(html.contains("<h4>Themes by strand</h4>"), "{html}");
    assert!(html.contains(
        "<caption>Cases with each theme, by strand. A case with more than one strand counts under each.</caption>"
    ));
    // A field no case gives twice does not say that one may.
    assert!(html.contains("<caption>Cases with each theme, by panel judgement.</caption>"));
    assert!(html.contains(
        "<caption>Cases with each theme, by offence. A case with more than one offence counts under each.</caption>"
    ));
    assert!(html.contains(
        r#"<thead><tr><th scope="col">Theme</th><th scope="col" class="n">Race</th><th scope="col" class="n">Religion</th><th scope="col" class="n">Disability</th><th scope="col" class="n">(not given)</th></tr></thead>"#
    ));
    assert!(html.contains(
        r#"<tr class="all"><th scope="row">All cases</th><td class="n">2</td><td class="n">1</td><td class="n">1</td><td class="n">1</td></tr>"#
    ));
    assert!(html.contains(
        r#"<tr><th scope="row">Victim&#39;s voice was heard</th><td class="n">1</td><td class="n">0</td><td class="n">0</td><td class="n">1</td></tr>"#
    ), "{html}");
    assert!(html.contains("<h4>Themes by panel judgement</h4>"));
    assert!(html.contains("<h4>Themes found together</h4>"));
    assert!(html.contains(r##"<tr><th scope="row">HCSO contact was late</th><td>Victim&#39;s voice was heard</td><td class="n">2</td><td><a href="#case-2">2</a>, <a href="#case-3">3</a></td></tr>"##), "{html}");
    assert!(!html.contains("<td>Errors in the record</td><td class=\"n\">1</td>"));
    assert!(html.contains("(3 of 4 cases · 3 mentions)"), "{html}");
}

#[test]
fn the_word_document_shows_each_table() {
    let (out, _) = build(&fixture("good/breakdowns"));
    let docx_path = out.path().join("report.docx");
    super::tools::assert_valid_report(&docx_path, &fixture("good/breakdowns"));
    let document = unzip(&fs::read(&docx_path).unwrap())["word/document.xml"].clone();
    let text = words(&document);
    for expected in [
        "Themes by strand",
        "Cases with each theme, by strand. A case with more than one strand counts under each.",
        "Theme|Race|Religion|Disability|(not given)|All cases|2|1|1|1|HCSO contact was late|2|1|0|1|",
        "Theme|assault|criminal damage|harassment|(not given)|All cases|2|1|1|1|",
        "Theme|Appropriate|Inappropriate|All cases|3|1|",
        "Themes found together",
        "HCSO contact was late|Errors in the record|2|1, 2|HCSO contact was late|Victim's voice was heard|2|2, 3|",
        "Mentions|Case numbers|",
        "(3 of 4 cases · 3 mentions)",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

/// The document's text, each paragraph ended by `|`.
fn words(document: &str) -> String {
    let run = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    let mut out = String::new();
    for paragraph in document.split("</w:p>") {
        let text: String = run
            .captures_iter(paragraph)
            .map(|c| c[1].to_string())
            .collect();
        if !text.is_empty() {
            out.push_str(&text.replace("&apos;", "'").replace("&amp;", "&"));
            out.push('|');
        }
    }
    out
}

#[test]
fn a_breakdown_field_no_case_has_is_a_warning_with_the_nearest() {
    let dir = Report::copy("good/breakdowns");
    let yaml = dir.path().join("report.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace("offence, judgement", "offense, judgement"),
    )
    .unwrap();
    let result = run(&["check", s(dir.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let all = format!("{}{}", result.stdout, result.stderr);
    assert!(
        all.contains("no case has the field `offense` that `breakdown` names"),
        "{all}"
    );
    assert!(all.contains("did you mean `offence`?"), "{all}");
    assert!(all.contains("report.yaml:7:21"), "{all}");
}

#[test]
fn with_no_two_themes_together_the_summary_says_so() {
    let dir = Report::copy("good/breakdowns");
    let case = dir.path().join("cases/case-1.md");
    fs::remove_file(&case).unwrap();
    let case = dir.path().join("cases/case-2.md");
    let text = fs::read_to_string(&case).unwrap();
    fs::write(
        &case,
        text.replace(" #records", "")
            .replace("hcso_48h: no", "hcso_48h: yes"),
    )
    .unwrap();
    let (out, _) = build(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(json["pairs"], json!([]));
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(html.contains(
        r#"<p class="empty">No two themes were found together in more than one case.</p>"#
    ));
}
