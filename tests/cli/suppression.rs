//! Small numbers in the public copy (`suppress_below:`), through the real binary: a count
//! of 1 or 2 is "fewer than 3" in every format with no case numbers behind it, 0 and 3
//! are shown, a number that subtraction from a shown total would give away is suppressed
//! with it, and the force's copy shows every number.

use std::fs;

use serde_json::{Value, json};

use super::builder::Report;
use super::docx::unzip;
use super::tools::require;

/// Eight cases. Themes: `zero` in none, `one` in case 1, `two` in 2 and 3, `three` in 4,
/// 5 and 6, `many` in 1, 2, 3, 4 and 6. Judgements: appropriate 4, inappropriate 3, none
/// 1. Strand: race for cases 1 to 5, religion for 6 to 8.
fn folder() -> Report {
    let mut t = Report::new()
        .file(
            "report.yaml",
            "title: Small numbers\nmeeting_date: 2024-03-20\nfields:\n  strand:\n    label: Strand\n    choices: {race: Race, religion: Religion}\nbreakdown: [strand]\naudiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL}\n",
        )
        .file(
            "themes.yaml",
            "zero: {label: Theme zero, when: [{phrase: zulu}]}\none: {label: Theme one, when: [{phrase: alpha}]}\ntwo: {label: Theme two, when: [{phrase: bravo}]}\nthree: {label: Theme three, when: [{phrase: charlie}]}\nmany: {label: Theme many, when: [{phrase: echo}]}\n",
        );
    let words = [
        "alpha echo",
        "bravo echo",
        "bravo echo",
        "charlie echo",
        "charlie",
        "charlie echo",
        "nothing",
        "nothing",
    ];
    for (i, said) in words.iter().enumerate() {
        let n = i as u32 + 1;
        let strand = if n <= 5 { "race" } else { "religion" };
        let judgement = match n {
            1..=4 => "judgement: appropriate\n",
            5..=7 => "judgement: inappropriate\n",
            _ => "",
        };
        t = t.case(
            n,
            &format!("title: Case {n}\nstrand: {strand}\n{judgement}"),
            &format!("- The file said {said}.\n"),
        );
    }
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    t
}

fn json(t: &Report, copy: &str) -> Value {
    serde_json::from_str(&t.read(&format!("output/{copy}/report.json"))).unwrap()
}

fn theme<'v>(report: &'v Value, id: &str) -> &'v Value {
    report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

const FEWER: &str = "fewer than 3";

#[test]
fn report_json_says_a_small_count_is_suppressed_and_lists_none_of_its_cases() {
    let t = folder();
    let public = json(&t, "public");
    let suppressed = json!({"suppressed": true, "fewer_than": 3});
    for (id, count, cases) in [
        ("zero", json!(0), json!([])),
        ("one", suppressed.clone(), json!([])),
        ("two", suppressed.clone(), json!([])),
        ("three", json!(3), json!([4, 5, 6])),
    ] {
        let theme = theme(&public, id);
        assert_eq!(theme["count"], count, "{id}");
        assert_eq!(theme["cases"], cases, "{id}");
        if count == suppressed {
            assert_eq!(theme["share"], Value::Null, "{id}");
            assert_eq!(theme["evidence"], json!([]), "{id}");
        }
    }
    // 1 case without a judgement could be had from 8 less the others: the smallest
    // other, 3, goes with it, and the 4 is left.
    assert_eq!(public["judgements"]["appropriate"], 4);
    assert_eq!(public["judgements"]["inappropriate"], suppressed);
    // `many` by strand: race 4, religion 1 of its 5; the 4 would give the 1 away.
    let strand = &public["breakdowns"][0];
    let many = strand["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["theme"] == "many")
        .unwrap();
    assert_eq!(many["counts"]["race"], suppressed);
    assert_eq!(many["counts"]["religion"], suppressed);
    assert_eq!(strand["all"]["race"], 5);
    assert_eq!(strand["all"]["religion"], 3);
    // Case 1's only small theme is not among its themes, where it could be counted.
    let case_1 = &public["cases"][0];
    assert_eq!(case_1["themes"], json!(["many"]));

    let force = json(&t, "force");
    assert_eq!(theme(&force, "one")["count"], 1);
    assert_eq!(theme(&force, "two")["cases"], json!([2, 3]));
    assert_eq!(force["judgements"]["inappropriate"], 3);
}

#[test]
fn every_format_shows_fewer_than_3_in_the_public_copy_and_the_numbers_in_the_force_s() {
    let t = folder();
    let csv = t.read("output/public/themes.csv");
    let row = |csv: &str, id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap()
            .to_string()
    };
    assert_eq!(row(&csv, "two"), format!("two,Theme two,{FEWER},,"));
    assert_eq!(row(&csv, "zero"), "zero,Theme zero,0,0.000,");
    assert_eq!(
        row(&t.read("output/force/themes.csv"), "two"),
        "two,Theme two,2,0.250,\"2, 3\""
    );

    let html = t.read("output/public/report.html");
    assert!(html.contains(FEWER), "the page");
    assert!(!t.read("output/force/report.html").contains(FEWER));
    // The tally's row for theme two: its words, no share, no case links.
    let tally = html.split("Theme two").nth(2).unwrap_or_default();
    let tally_row = tally.split("</tr>").next().unwrap();
    assert!(tally_row.contains(FEWER), "{tally_row}");
    assert!(!tally_row.contains("#case-"), "{tally_row}");

    for copy in ["public", "force"] {
        let docx = unzip(&fs::read(t.path().join(format!("output/{copy}/report.docx"))).unwrap());
        let xlsx = unzip(&fs::read(t.path().join(format!("output/{copy}/report.xlsx"))).unwrap());
        let said = |parts: &std::collections::BTreeMap<String, String>| {
            parts.values().any(|x| x.contains(FEWER))
        };
        assert_eq!(said(&docx), copy == "public", "{copy} report.docx");
        assert_eq!(said(&xlsx), copy == "public", "{copy} report.xlsx");
        if require("pdftotext") {
            let out = std::process::Command::new("pdftotext")
                .arg(t.path().join(format!("output/{copy}/report.pdf")))
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(text.contains(FEWER), copy == "public", "{copy} report.pdf");
        }
    }
}

#[test]
fn an_audience_s_own_suppress_below_and_one_without_it() {
    let t = Report::new()
        .file(
            "report.yaml",
            "title: T\nmeeting_date: 2024-03-20\naudiences:\n  force: {}\n  public: {suppress_below: 0}\n  press: {suppress_below: 5}\n",
        )
        .file("themes.yaml", "two: {label: Theme two, when: [{phrase: bravo}]}\n")
        .case(1, "title: A\n", "- bravo\n")
        .case(2, "title: B\n", "- bravo\n");
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(theme(&json(&t, "force"), "two")["count"], 2);
    assert_eq!(theme(&json(&t, "public"), "two")["count"], 2);
    assert_eq!(
        theme(&json(&t, "press"), "two")["count"],
        json!({"suppressed": true, "fewer_than": 5})
    );
    assert!(t.read("output/press/report.html").contains("fewer than 5"));
}
