//! A panel's own case fields, as a use-of-force panel declares them: every value checked
//! with a "did you mean", stubs and outputs that show the panel's fields and no others, a
//! choice in each language, the near-miss warning for a panel that declares none, and
//! every `init --kind` folder checking clean and building.

use std::fs;

use super::tools::require_openpyxl;
use super::{Report, build_formats, run, s};

const SETTINGS: &str = "\
title: Use of Force Scrutiny Panel
meeting_date: 2025-02-12
checks:
  bwv: Body-worn video recording before force was used
  form_on_time: Use of force form submitted on time
fields:
  tactic:
    label: {en: Tactic, cy: Tacteg}
    choices:
      handcuffing: {en: Handcuffing, cy: Gefynnau}
      taser-drawn: {en: Taser drawn, cy: Taser wedi'i dynnu}
      spit-guard: Spit guard
    required: true
  form_hours: {label: Hours until the form was submitted, type: number}
  setting: {label: Setting, type: text}
";

const THEMES: &str = "\
late-form:
  label: Use of force form late
  when:
    - field: form_hours
      above: 24
taser:
  label: Taser drawn
  when:
    - field: tactic
      is: [taser-drawn]
";

/// A use-of-force panel's folder with two cases, the second given `tactic`.
fn panel(tactic: &str) -> Report {
    Report::new()
        .file("report.yaml", SETTINGS)
        .file("themes.yaml", THEMES)
        .case(
            1,
            "tactic: handcuffing\nform_hours: 30\nsetting: Street\nchecks:\n  bwv: yes\n  form_on_time: no\njudgement: appropriate\n",
            "- Officers explained what was happening.\n",
        )
        .case(
            2,
            &format!("tactic: {tactic}\nform_hours: 4\nchecks:\n  bwv: partial\n  form_on_time: yes\njudgement: appropriate\n"),
            "- The form was prompt.\n",
        )
}

#[test]
fn a_value_off_a_declared_scale_is_an_error_with_the_choice_it_likely_means() {
    let t = panel("Handcufing");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("cases/case-02.md:3:9: error: `Handcufing` is not a choice for `tactic`"),
        "{}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("did you mean `handcuffing`?"),
        "{}",
        checked.stderr
    );
    // A choice typed as its label, in any case, is that choice.
    let t = panel("Taser Drawn");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(checked.stderr.is_empty(), "{}", checked.stderr);
}

#[test]
fn a_rule_is_checked_against_its_field_and_an_undeclared_field_is_warned_about() {
    let t = panel("handcuffing")
        .append(
            "themes.yaml",
            "odd:\n  label: Odd\n  when:\n    - field: tactic\n      above: 2\n    - field: tactic\n      is: [taser-drawm]\n",
        )
        .case(3, "tactics: handcuffing\n", "- A point.\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    for expected in [
        "themes.yaml:14:7: error: theme `odd` compares `tactic` with a number, but `tactic` is a choice field",
        "themes.yaml:16:7: error: theme `odd` tests `tactic` for `taser-drawm`, which is not one of its choices",
        "did you mean `taser-drawn`?",
        "cases/case-03.md:3:1: warning: `tactics` is not one of the panel's declared fields",
        "did you mean `tactic`?",
        "cases/case-03.md:2:1: warning: this case has no `tactic`, which every case must give",
    ] {
        assert!(
            checked.stderr.contains(expected),
            "{expected}\n{}",
            checked.stderr
        );
    }
}

#[test]
fn a_missing_required_field_is_a_warning_that_publish_refuses() {
    let t = panel("handcuffing").case(3, "form_hours: 2\n", "- A point.\n");
    let out = tempfile::tempdir().unwrap();
    let built = t.run(&["build", "--out", s(out.path()), "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(
        built.stderr.contains("warning: this case has no `tactic`"),
        "{}",
        built.stderr
    );
    let published = t.run(&[
        "build",
        "--publish",
        "--out",
        s(out.path()),
        "--format",
        "json",
    ]);
    assert_eq!(published.code, 1, "{}", published.stderr);
    assert!(
        published
            .stderr
            .contains("error: this case has no `tactic`"),
        "{}",
        published.stderr
    );
}

#[test]
fn stubs_facts_data_and_workbook_show_the_panels_own_fields() {
    let t = panel("taser-drawn");
    let made = t.run(&["new-case"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let stub = t.read("cases/case-03.md");
    assert!(
        stub.contains("# Tactic (required): handcuffing | taser-drawn | spit-guard\ntactic:\n"),
        "{stub}"
    );
    assert!(
        stub.contains("form_hours:\n") && stub.contains("setting:\n"),
        "{stub}"
    );
    for other in ["strand", "risk", "recorded_as"] {
        assert!(!stub.contains(other), "{other} in\n{stub}");
    }
    fs::remove_file(t.path().join("cases/case-03.md")).unwrap();

    let out = build_formats(t.path(), "html,json,xlsx");
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(
        html.contains("Taser drawn") && html.contains("Tactic"),
        "{html}"
    );
    for other in ["Strand", "Risk", "Recorded as"] {
        assert!(!html.contains(other), "{other} in the page");
    }
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    // Data keeps the ids the scale names.
    assert_eq!(json["cases"][1]["fields"]["tactic"], "taser-drawn");
    assert_eq!(json["cases"][0]["fields"]["form_hours"], 30);
    assert!(json["cases"][0].get("strand").is_none());
    if require_openpyxl() {
        let book = super::xlsx::read_back(&out.path().join("report.xlsx"));
        let cases = book["sheets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Cases")
            .expect("a Cases sheet");
        let header: Vec<&str> = cases["rows"][0]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(
            header[..5],
            [
                "Case",
                "Title",
                "Tactic",
                "Hours until the form was submitted",
                "Setting"
            ]
        );
        assert_eq!(cases["rows"][2][2], "Taser drawn");
        assert_eq!(cases["rows"][1][3], 30);
    }
}

#[test]
fn the_welsh_copy_shows_each_choice_in_welsh() {
    let t = panel("handcuffing").append("report.yaml", "languages: [en, cy]\n");
    let out = build_formats(t.path(), "html");
    let welsh = fs::read_to_string(out.path().join("report.cy.html")).unwrap();
    assert!(welsh.contains("Gefynnau"), "no Gefynnau in the Welsh page");
    assert!(welsh.contains("Tacteg"), "no Tacteg in the Welsh page");
    let english = fs::read_to_string(out.path().join("report.en.html")).unwrap();
    assert!(english.contains("Handcuffing") && !english.contains("Gefynnau"));
}

#[test]
fn without_declarations_values_a_slip_apart_are_warned_about() {
    let t = Report::new()
        .file(
            "report.yaml",
            "title: T\nmeeting_date: 2025-02-12\nbreakdown: [tactic]\n",
        )
        .case(1, "tactic: Handcuffing\n", "- a\n")
        .case(2, "tactic: Handcuffing\n", "- b\n")
        .case(3, "tactic: Handcufing\n", "- c\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked.stderr.contains(
            "cases/case-03.md:3:9: warning: `Handcufing` (case 3) and `Handcuffing` (cases 1, 2) differ only slightly, so `tactic` counts them as two values"
        ),
        "{}",
        checked.stderr
    );
    // Declared, the same slip is an error instead.
    let t = t.append(
        "report.yaml",
        "fields:\n  tactic: {label: Tactic, choices: {handcuffing: Handcuffing}}\n",
    );
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        !checked.stderr.contains("differ only slightly"),
        "{}",
        checked.stderr
    );
}

#[test]
fn every_kind_of_panel_starts_clean_and_builds() {
    for kind in [
        "hate-crime",
        "use-of-force",
        "stop-and-search",
        "out-of-court",
    ] {
        let t = Report::new();
        let dir = t.path().join(kind);
        let made = run(&["init", "--kind", kind, s(&dir)]);
        assert_eq!(made.code, 0, "{kind}: {}", made.stderr);
        let checked = run(&["check", s(&dir)]);
        assert_eq!(checked.code, 0, "{kind}: {}", checked.stderr);
        assert!(checked.stderr.is_empty(), "{kind}: {}", checked.stderr);
        let out = build_formats(&dir, "html,json");
        assert!(out.path().join("report.html").is_file(), "{kind}");
    }
}

/// Officers write a power as they say it: `s60` for section 60.
#[test]
fn a_power_written_short_is_an_error_naming_the_power_meant() {
    let t = Report::new();
    let made = t.run(&["init", "--kind", "stop-and-search", "{dir}/ss"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let case = t.read("ss/cases/case-01.md");
    let power = case.lines().find(|l| l.starts_with("power:")).unwrap();
    std::fs::write(
        t.path().join("ss/cases/case-01.md"),
        case.replace(power, "power: s60"),
    )
    .unwrap();
    let checked = t.run(&["check", "{dir}/ss"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("cases/case-01.md:4:8: error: `s60` is not a choice for `power`")
            && checked.stderr.contains("help: did you mean `section-60`?"),
        "{}",
        checked.stderr
    );
}
