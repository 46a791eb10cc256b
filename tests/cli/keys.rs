//! The keys a panel added in the trial (`case_facts`, coloured judgements, good-practice
//! themes, an observation's `cases:`) and the published text they lead to, run through the
//! real binary on tests/fixtures/good/every-key, a 32-case stop and search report.

use std::fs;
use std::sync::OnceLock;

use super::docx::unzip;
use super::*;

struct Built {
    _out: tempfile::TempDir,
    html: String,
    json: serde_json::Value,
    document: String,
}

/// The fixture built once for all the tests here, its Word document checked against the
/// schema on the way.
fn build_every_key() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(build)
}

fn build() -> Built {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/every-key")), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    let json = fs::read_to_string(out.path().join("report.json")).unwrap();
    let docx = fs::read(out.path().join("report.docx")).unwrap();
    super::tools::assert_valid_report(&out.path().join("report.docx"), &fixture("good/every-key"));
    Built {
        html,
        json: serde_json::from_str(&json).unwrap(),
        document: unzip(&docx)["word/document.xml"].clone(),
        _out: out,
    }
}

#[test]
fn the_facts_box_shows_case_facts_and_the_judgement_in_its_colour() {
    let built = build_every_key();
    // Case 2 is red: white ink on the red, as the text of the swatch.
    assert!(
        built.html.contains("<dt>Minutes detained</dt><dd>24</dd>"),
        "{}",
        built.html
    );
    assert!(built.html.contains(
        r#"<span class="swatch" style="background-color:#D4351C;color:#FFFFFF">Grounds not recorded</span>"#
    ));
    // The judgement chart marks each bar with its colour, its label beside it.
    assert!(built.html.contains(r#"class="bar" style="fill:#00703C""#));
    // Yellow takes black ink.
    assert!(
        built
            .html
            .contains("background-color:#FFDD00;color:#000000")
    );
    let case = &built.json["cases"][1];
    assert_eq!(case["facts"][2]["label"], "Minutes detained");
    assert_eq!(case["facts"][2]["value"], "24");
    assert_eq!(case["facts"][3]["label"], "Panel judgement");
    assert!(built.document.contains(r#"w:fill="D4351C""#));
    assert!(built.document.contains("Minutes detained: "));
}

#[test]
fn each_case_shows_its_own_checklist_answers() {
    let built = build_every_key();
    assert!(built.html.contains(
        r#"<div><dt>Grounds for the search recorded</dt><dd class="a-no">No</dd></div>"#
    ));
    assert!(built.document.contains("Grounds for the search recorded: "));
}

#[test]
fn judgement_shares_add_up_to_a_hundred_on_the_page_and_are_fractions_in_the_data() {
    let built = build_every_key();
    let scale = built.json["judgement_scale"].as_array().unwrap();
    // 10, 11 and 11 of 32: rounded one by one they would give 31 + 34 + 34 = 99.
    for share in [31, 35, 34] {
        assert!(
            built
                .html
                .contains(&format!("<td class=\"n\">{share}%</td>")),
            "{share}%"
        );
    }
    let fractions: Vec<f64> = scale.iter().map(|j| j["share"].as_f64().unwrap()).collect();
    assert_eq!(fractions, [0.313, 0.344, 0.344]);
    assert_eq!(scale[0]["colour"], "#00703C");
}

#[test]
fn good_practice_is_listed_apart_from_concerns() {
    let built = build_every_key();
    let concerns = built
        .html
        .find("<h4>Concerns</h4>")
        .expect("a Concerns heading");
    let good = built
        .html
        .find("<h4>Good practice</h4>")
        .expect("a Good practice heading");
    let courteous = built.html.find("Officers were courteous").unwrap();
    assert!(concerns < good && good < courteous);
    assert!(
        built
            .html
            .contains(r#"<th scope="rowgroup" colspan="5">Good practice</th>"#)
    );
    let kinds: Vec<&str> = built.json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "good-practice").count(), 1);
    assert!(built.document.contains(">Good practice<"));
}

#[test]
fn observations_are_numbered_name_their_cases_and_show_their_status_once() {
    let built = build_every_key();
    assert!(
        built
            .html
            .contains(r#"<th scope="row" class="obs-n">4.1</th>"#)
    );
    assert!(
        built
            .html
            .contains(r#"<th scope="row" class="obs-n">4.2</th>"#)
    );
    assert_eq!(built.html.matches("Awaiting response").count(), 1);
    let given = &built.json["observations"][1];
    assert_eq!(given["number"], "4.2");
    assert_eq!(given["cases"], serde_json::json!([4, 8, 12]));
    assert!(built.html.contains(r##"Cases behind this: <a href="#case-4">4</a>, <a href="#case-8">8</a>, <a href="#case-12">12</a>"##));
    assert!(built.document.contains(">4.2<"));
    assert_eq!(built.document.matches(">Awaiting response<").count(), 1);
}

#[test]
fn the_closing_remarks_have_their_own_heading() {
    let built = build_every_key();
    assert!(
        built
            .html
            .contains(r#"<span class="num">5.0</span> Closing remarks</h2>"#)
    );
    assert!(built.document.contains(">5.0 Closing remarks<"));
}

#[test]
fn published_evidence_reads_as_a_reader_would_say_it() {
    let built = build_every_key();
    for text in [&built.html, &built.document] {
        // A theme found from check answers alone gives them as its evidence.
        assert!(text.contains("'Grounds for the search recorded': Partly in 11 cases"));
        assert!(text.contains("Minutes detained: 31"));
        assert!(!text.contains("cases/case-"), "a file path was published");
        assert!(
            !text.contains("detention_minutes"),
            "a field id was published"
        );
        assert!(!text.contains("field:"), "a rule kind was published");
    }
    // Case 4's video point has a tag and matches the phrase: it is listed once.
    let point = "There was no body-worn video of the encounter.";
    let evidence = &built.html[built.html.find("id=\"evidence-no-bwv\"").unwrap()..];
    let evidence = &evidence[..evidence.find("</details>").unwrap()];
    assert_eq!(evidence.matches(point).count(), 8, "{evidence}");
    assert!(evidence.contains(r##"<a href="#case-4-point-2">Case 4</a>"##));
    // The count's case numbers link to the cases.
    assert!(
        built
            .html
            .contains(r##"(8 of 32 cases: <a href="#case-4">4</a>, "##)
    );
    // report.json keeps every rule that matched, with its file and line.
    let bwv = built.json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "no-bwv")
        .unwrap();
    assert_eq!(bwv["evidence"].as_array().unwrap().len(), 16);
    assert_eq!(bwv["evidence"][0]["file"], "cases/case-04.md");
}

#[test]
fn the_chart_is_scaled_to_every_case_reviewed() {
    let built = build_every_key();
    // 16 of 32 cases is half the bar area of 280.
    assert!(
        built
            .html
            .contains(r#"width="140.0" height="18" rx="2" class="bar bar-good-practice""#)
    );
}

#[test]
fn the_fixture_checks_clean_though_its_background_names_the_review_period() {
    // background.md says "from the period 1 January 2024 to 31 March 2024": dates in
    // the background are a date of birth only beside "born" or "DOB".
    let result = run(&["check", s(&fixture("good/every-key"))]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(!result.stderr.contains("warning"), "{}", result.stderr);
    assert!(
        result.stdout.contains("32 cases, no errors"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_deeper_heading_nests_under_the_one_above_in_every_output() {
    let built = build_every_key();
    let point = &built.json["cases"][4]["feedback"][3];
    assert_eq!(
        point["headings"],
        serde_json::json!(["Outcome", "Follow-up"])
    );
    assert!(built.html.contains("<h5>Follow-up</h5>"), "{}", built.html);
    assert!(built.document.contains(">Follow-up<"));
}

#[test]
fn each_breakdown_counts_what_the_cases_say() {
    let built = build_every_key();
    let json = &built.json;
    let tables = json["breakdowns"].as_array().unwrap();
    let fields: Vec<&str> = tables
        .iter()
        .map(|t| t["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["outcome", "judgement"]);
    // Outcomes in the order they first appear by case number; the judgement scale's order.
    assert_eq!(
        tables[0]["values"],
        serde_json::json!([
            "Community resolution",
            "Arrest",
            "Cannabis warning",
            "No further action"
        ])
    );
    assert_eq!(
        tables[1]["values"],
        serde_json::json!(["green", "amber", "red"])
    );
    assert_eq!(
        tables[1]["all"],
        serde_json::json!({"green": 10, "amber": 11, "red": 11})
    );
    // Every cell recounted here from the cases report.json lists.
    let cases = json["cases"].as_array().unwrap();
    let value_of = |case: &serde_json::Value, field: &str| -> String {
        match field {
            "judgement" => case["judgement"].as_str().unwrap().to_string(),
            _ => case["fields"][field].as_str().unwrap().to_string(),
        }
    };
    for table in tables {
        let field = table["field"].as_str().unwrap();
        for value in table["values"].as_array().unwrap() {
            let value = value.as_str().unwrap();
            let with = |theme: Option<&str>| {
                cases
                    .iter()
                    .filter(|c| value_of(c, field) == value)
                    .filter(|c| {
                        theme.is_none_or(|t| c["themes"].as_array().unwrap().iter().any(|x| x == t))
                    })
                    .count()
            };
            assert_eq!(table["all"][value], with(None), "{field} {value}");
            for row in table["rows"].as_array().unwrap() {
                let theme = row["theme"].as_str().unwrap();
                assert_eq!(
                    row["counts"][value],
                    with(Some(theme)),
                    "{field} {value} {theme}"
                );
            }
        }
    }
    // The page shows the outcome table under its `case_facts:` label.
    assert!(
        built.html.contains("<h4>Themes by outcome</h4>"),
        "{}",
        built.html
    );
    assert!(built.document.contains("Themes by outcome"));
}

#[test]
fn themes_found_together_are_most_shared_first_and_mentions_are_points() {
    let built = build_every_key();
    let pairs = built.json["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 6);
    assert_eq!(
        pairs[0]["themes"],
        serde_json::json!(["weak-grounds", "long-detention"])
    );
    assert_eq!(pairs[0]["cases"].as_array().unwrap().len(), 14);
    let counts: Vec<usize> = pairs
        .iter()
        .map(|p| p["cases"].as_array().unwrap().len())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // A check or a field is no mention; each phrase match is a point of its own case.
    let points: Vec<(&str, u64)> = built.json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["points"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        points,
        [
            ("weak-grounds", 0),
            ("long-detention", 0),
            ("courteous", 16),
            ("no-bwv", 8)
        ]
    );
}
