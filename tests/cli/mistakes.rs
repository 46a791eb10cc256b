//! Ordinary mistakes that have a friendly reading: the real binary builds the folder and
//! the counts in report.json are the ones the person who typed it would expect.

use std::fs;
use std::path::Path;

use serde_json::Value;

use super::*;

const REPORT: &str = "title: Test panel\nmeeting_date: 2021-09-29\nchecks:\n  hcso_48h: HCSO contact within 48 hours\n";

/// A report folder holding only report.yaml, for a test to add its cases to.
fn folder() -> Report {
    Report::new().file("report.yaml", REPORT)
}

/// Builds `dir`'s report.json and reads it, with the warnings printed on the way.
fn build_json(dir: &Path) -> (Value, String) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(dir),
        "--out",
        s(out.path()),
        "--format",
        "json,html",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let json = fs::read_to_string(out.path().join("report.json")).unwrap();
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    (serde_json::from_str(&json).unwrap(), result.stderr + &html)
}

/// Each theme's id and cases, as report.json gives them.
fn tally(json: &Value) -> Vec<(String, Vec<u64>)> {
    json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let cases = t["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap())
                .collect();
            (t["id"].as_str().unwrap().to_string(), cases)
        })
        .collect()
}

fn point_texts(json: &Value, case: usize) -> Vec<String> {
    json["cases"][case]["feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn glyph_bullets_count_as_points_with_their_tags() {
    let (json, _) = build_json(&fixture("bad/glyph-bullets"));
    assert_eq!(json["cases"][0]["points"], 3);
    assert_eq!(
        point_texts(&json, 0),
        [
            "Contact was slow.",
            "Contact was by letter.",
            "Not by phone."
        ]
    );
    assert_eq!(tally(&json), [("late-contact".to_string(), vec![1])]);
}

#[test]
fn a_tag_typed_with_capitals_counts_with_its_plain_form_and_is_never_printed() {
    let (json, printed) = build_json(&fixture("bad/tag-capitals-free"));
    assert_eq!(tally(&json), [("record-quality".to_string(), vec![1, 2])]);
    assert_eq!(point_texts(&json, 0), ["The record was poor."]);
    let html = &printed[printed.find("<!DOCTYPE").unwrap_or(0)..];
    assert!(!html.contains("Record-quality"), "{html}");
}

#[test]
fn case_files_saved_as_upper_case_md_or_markdown_are_counted() {
    let (json, warnings) = build_json(&fixture("bad/other-files"));
    assert_eq!(json["total_cases"], 3);
    assert!(
        warnings.contains("cases/case-4.txt is not read"),
        "{warnings}"
    );
}

#[test]
fn quoted_numbers_comma_lists_and_answers_in_capitals_are_read_as_meant() {
    let dir = folder()
        .file(
            "cases/case-06.md",
            "---\ncase: \"6\"\nstrand: race, Disability\nchecks:\n  hcso_48h: ' NO '\n---\n- A point.\n",
        )
        .case(7, "checks:\n  hcso_48h: Partial\n", "- A point.\n")
        .file(
            "themes.yaml",
            "late:\n  label: Late\n  when:\n    - check: hcso_48h\n      is: [No, PARTIAL]\n",
        )
        .append(
            "report.yaml",
            "fields:\n  strand: {label: Strand, type: list, choices: {race: Race, disability: Disability}}\n",
        );
    let (json, warnings) = build_json(dir.path());
    assert!(!warnings.contains("warning"), "{warnings}");
    assert_eq!(json["cases"][0]["case"], 6);
    assert_eq!(
        json["cases"][0]["fields"]["strand"],
        serde_json::json!(["race", "disability"])
    );
    assert_eq!(json["cases"][0]["checks"]["hcso_48h"], "no");
    assert_eq!(json["cases"][1]["checks"]["hcso_48h"], "partial");
    assert_eq!(tally(&json), [("late".to_string(), vec![6, 7])]);
}

#[test]
fn a_phrase_typed_with_curly_quotes_keeps_its_count_in_straight_text() {
    let dir = folder()
        .case(1, "", "- The victim's \"safe word\" was not recorded.\n")
        .case(2, "", "- The victim’s “safe word” was not recorded.\n")
        .file(
            "themes.yaml",
            "safe-word:\n  label: Safe word\n  when:\n    - phrase: victim’s “safe word”\n",
        );
    let (json, warnings) = build_json(dir.path());
    assert!(!warnings.contains("warning"), "{warnings}");
    assert_eq!(tally(&json), [("safe-word".to_string(), vec![1, 2])]);
}

#[test]
fn a_response_heading_with_an_apostrophe_is_the_force_response() {
    let dir = folder().case(1, "", "- A point.\n").file(
        "observations/01.md",
        "## Observation\nMembers asked about MAVIS.\n\n## Force's response\nIt will be reviewed.\n",
    );
    let (json, _) = build_json(dir.path());
    let observation = &json["observations"][0];
    assert_eq!(observation["text"], "Members asked about MAVIS.");
    assert_eq!(observation["response"], "It will be reviewed.");
    assert_eq!(observation["status"], "responded");
}

#[test]
fn a_deeper_heading_nests_under_the_one_above_it_in_every_output() {
    let dir = folder().case(
        1,
        "",
        "## Risk\n- Risk point.\n### Contact\n- Contact point.\n## Records\n- Records point.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let result = run(&["build", s(dir.path()), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let json: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    let placed: Vec<(String, Value)> = json["cases"][0]["feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap().to_string(),
                p["headings"].clone(),
            )
        })
        .collect();
    assert_eq!(
        placed,
        [
            ("Risk point.".to_string(), serde_json::json!(["Risk"])),
            (
                "Contact point.".to_string(),
                serde_json::json!(["Risk", "Contact"])
            ),
            ("Records point.".to_string(), serde_json::json!(["Records"])),
        ]
    );
    assert_eq!(json["cases"][0]["feedback"][1]["section"], "Contact");
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    let risk = html.find("<h4>Risk</h4>").expect("Risk is an h4");
    let contact = html.find("<h5>Contact</h5>").expect("Contact is an h5");
    let records = html.find("<h4>Records</h4>").expect("Records is an h4");
    assert!(risk < contact && contact < records);
    let docx = fs::File::open(out.path().join("report.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(docx).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let style_of = |text: &str| {
        let at = xml.find(&format!(">{text}</w:t>")).expect(text);
        let para = xml[..at]
            .rfind("<w:p>")
            .or_else(|| xml[..at].rfind("<w:p "))
            .unwrap();
        let style = xml[para..at]
            .split("w:pStyle w:val=\"")
            .nth(1)
            .unwrap_or("");
        style.split('"').next().unwrap_or("").to_string()
    };
    assert_eq!(style_of("Risk"), "Heading3");
    assert_eq!(style_of("Contact"), "Heading4");
    assert_eq!(style_of("Records"), "Heading3");
}

#[test]
fn a_rule_that_matches_no_case_is_listed_by_themes_and_counted_by_check() {
    let dir = folder()
        .case(
            1,
            "checks:\n  hcso_48h: no\n",
            "- Contact came after the 48 hour limit.\n",
        )
        .file(
            "themes.yaml",
            "late:\n  label: Late contact\n  when:\n    - phrase: after the 48 hour\n    - phrase: after 48 hours\n    - check: hcso_48h\n      is: [partial]\n    - check: hcso_48h\n      is: [no]\n",
        );
    let themes = dir.run(&["themes"]);
    assert_eq!(themes.code, 0, "{}", themes.stderr);
    assert!(
        themes.stdout.ends_with(
            "1 case in all\n\nRules that matched no case:\n  themes.yaml:5: late: phrase: \"after 48 hours\"\n  themes.yaml:6: late: check: hcso_48h, is: [partial]\n"
        ),
        "{}",
        themes.stdout
    );
    let check = dir.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stdout.ends_with(
            "1 case, no errors, 2 rules that matched no case (`build-report themes` lists them)\n"
        ),
        "{}",
        check.stdout
    );
    let small = run(&["check", s(&fixture("good/small"))]);
    assert!(
        !small.stdout.contains("matched no case"),
        "{}",
        small.stdout
    );
}

#[test]
fn a_review_period_in_the_background_is_not_taken_for_a_date_of_birth() {
    let checked = run(&["check", s(&fixture("privacy/review-period"))]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let dates: Vec<&str> = checked
        .stderr
        .lines()
        .filter(|l| l.contains("a full date"))
        .collect();
    assert_eq!(
        dates,
        [
            "background.md:3:18: warning: possible personal data, a full date (possibly a date of birth): `12/03/1985`",
            "cases/case-1.md:4:26: warning: possible personal data, a full date (an incident or viewing date?): `31 March 2024`",
            "observations/01.md:1:33: warning: possible personal data, a full date (an incident or viewing date?): `2 February 2024`",
        ],
        "{}",
        checked.stderr
    );
}

/// What `check` says of the dates in a meeting of 14 May 2024 whose report.yaml ends
/// with `privacy`.
fn dates_reported(privacy: &str) -> (Report, Vec<String>) {
    let t = Report::new()
        .file(
            "report.yaml",
            format!("title: Dates\nmeeting_date: 2024-05-14\n{privacy}"),
        )
        .case(
            1,
            "viewed: 02/04/2024\n",
            "- The stop was on 14/03/2024 and filmed.\n- He was born on 3 March 2023, the log says.\n- An old warning of 12/01/2021 was cited.\n",
        )
        .file(
            "observations/01.md",
            "The log of 2 February 2024 was late.\n",
        );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    let dates = checked
        .stderr
        .lines()
        .filter(|l| l.contains("a full date"))
        .map(|l| {
            l.split_once(": warning: possible personal data, ")
                .unwrap()
                .1
                .to_string()
        })
        .collect();
    (t, dates)
}

#[test]
fn recent_dates_are_told_apart_and_accepted_at_once_while_births_and_old_dates_still_count() {
    let (t, dates) = dates_reported("");
    assert_eq!(
        dates,
        [
            "a full date (an incident or viewing date?): `02/04/2024`",
            "a full date (an incident or viewing date?): `14/03/2024`",
            "a full date (possibly a date of birth): `3 March 2023`",
            "a full date (possibly a date of birth): `12/01/2021`",
            "a full date (an incident or viewing date?): `2 February 2024`",
        ]
    );
    t.expect_code(1)
        .expect_stderr("`privacy: {recent_dates: allow}`")
        .run(&["build", "--publish", "--format", "json"]);

    let (t, dates) = dates_reported("privacy:\n  recent_dates: allow\n");
    assert_eq!(
        dates,
        [
            "a full date (possibly a date of birth): `3 March 2023`",
            "a full date (possibly a date of birth): `12/01/2021`",
        ]
    );
    t.file(
        "cases/case-01.md",
        "---\ncase: 1\nviewed: 02/04/2024\n---\n- The stop was on 14/03/2024 and filmed.\n",
    )
    .expect_code(0)
    .run(&["build", "--publish", "--format", "json"]);
}

#[test]
fn a_recent_dates_setting_that_is_neither_allow_nor_report_is_an_error_with_a_suggestion() {
    Report::new()
        .file(
            "report.yaml",
            "title: Dates\nmeeting_date: 2024-05-14\nprivacy:\n  recent_dates: alow\n",
        )
        .expect_code(1)
        .expect_stderr("report.yaml:4:17: error: `recent_dates` is `allow` or `report`, not `alow`")
        .expect_stderr("did you mean `recent_dates: allow`?")
        .run(&["check"]);
}

#[test]
fn a_front_matter_theme_typed_another_way_counts_with_the_tags_of_its_id() {
    let dir = folder()
        .case(1, "themes: [Late_Contact]\n", "- A point.\n")
        .case(2, "themes: [\"#late-contact\"]\n", "- A point.\n")
        .case(3, "", "- Slow. #late-contact\n");
    let (json, warnings) = build_json(dir.path());
    assert_eq!(tally(&json), [("late-contact".to_string(), vec![1, 2, 3])]);
    assert!(
        warnings.contains(
            "cases/case-01.md:3:10: warning: `Late_Contact` is counted as the theme `late-contact`"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "cases/case-02.md:3:10: warning: `#late-contact` is counted as the theme `late-contact`"
        ),
        "{warnings}"
    );
}

#[test]
fn a_quoted_number_is_compared_as_the_number_it_is() {
    let (json, warnings) = build_json(&fixture("bad/field-in-words"));
    assert_eq!(tally(&json), [("late-contact".to_string(), vec![2])]);
    assert!(
        warnings.contains("`60 hours` is not a number"),
        "{warnings}"
    );
    assert!(!warnings.contains("`72`"), "{warnings}");
}

#[test]
fn word_lettered_items_count_as_points_with_their_tags() {
    let (json, _) = build_json(&fixture("bad/word-lists"));
    assert_eq!(
        point_texts(&json, 0),
        ["Contact was slow.", "The log was wrong."]
    );
    assert_eq!(tally(&json), [("late-contact".to_string(), vec![1])]);
}
