//! Two kinds of case at one sitting (`case_types:`), through the real binary: searches
//! and uses of force each numbered from 1, each case named by its id in diagnostics and
//! observations, and each mistake in a type stopped at its place.

use std::collections::BTreeSet;

use super::builder::Report;
use super::docx::{paragraphs, unzip};
use super::pdf::body_text;
use super::sample::visible_text;
use super::tools::{assert_valid_report, require, require_openpyxl, violations};
use super::xlsx::sheet_rows;

/// The fixture: three searches and two uses of force, with GOWISELY-style checks.
const FIXTURE: &str = "case-types";

fn fixture() -> Report {
    Report::copy(FIXTURE)
}

#[test]
fn a_meeting_of_searches_and_uses_of_force_checks_clean_with_both_numbered_from_1() {
    let t = fixture();
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("5 cases, no errors"), "{}", run.stdout);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn a_type_naming_no_type_is_an_error_with_the_one_meant() {
    fixture()
        .file(
            "cases/ss-03.md",
            "---\ncase: 3\ntype: stop-serach\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("cases/ss-03.md:3:7: error: unknown case type `stop-serach`")
        .expect_stderr("did you mean `stop-search`?")
        .run(&["check"]);
    fixture()
        .file(
            "cases/ss-03.md",
            "---\ncase: 3\ntype: Use of force\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("did you mean `use-of-force`? `Use of force` is its label")
        .run(&["check"]);
}

#[test]
fn a_case_without_a_type_is_warned_about_in_a_meeting_that_sets_types() {
    fixture()
        .file("cases/ss-03.md", "---\ncase: 3\n---\n- A point.\n")
        .expect_code(0)
        .expect_stderr("cases/ss-03.md:2:1: warning: this case has no `type:`")
        .expect_stderr("one of `stop-search` or `use-of-force`")
        .run(&["check"]);
}

#[test]
fn numbers_are_unique_within_a_type_and_diagnostics_name_the_id() {
    fixture()
        .file(
            "cases/ss-04.md",
            "---\ncase: 2\ntype: stop-search\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("error: case stop-search-2 is also cases/ss-02.md")
        .run(&["check"]);
    let gap = fixture()
        .file(
            "cases/uof-05.md",
            "---\ncase: 5\ntype: use-of-force\nchecks:\n  force_justified: yes\n  handcuffs_explained: yes\n  bwv_on: yes\n---\n- A point.\n",
        )
        .expect_code(0)
        .expect_stderr(
            "warning: Cases use-of-force-3–use-of-force-4 are missing between use-of-force-2 and use-of-force-5",
        )
        .run(&["check"]);
    assert_eq!(
        gap.stderr.matches("missing between").count(),
        1,
        "{}",
        gap.stderr
    );
}

#[test]
fn an_observation_names_cases_by_id_and_a_bare_number_is_an_error_naming_the_ids() {
    fixture()
        .file(
            "observations/02-video.md",
            "---\ncases: [2, use-of-force-9]\n---\n## Observation\nVideo.\n",
        )
        .expect_code(1)
        .expect_stderr("observations/02-video.md:2:9: error: `2` is a bare number")
        .expect_stderr("name the case by its id: `stop-search-2` or `use-of-force-2`")
        .expect_stderr("observations/02-video.md:2:12: error: there is no case use-of-force-9")
        .expect_stderr("did you mean use-of-force-2?")
        .run(&["check"]);
}

#[test]
fn a_type_s_check_must_be_a_declared_check() {
    let t = fixture();
    let report = t.read("report.yaml").replace(
        "checks: [grounds, gowisely, bwv_on]",
        "checks: [grounds, gowisley, bwv_on]",
    );
    t.file("report.yaml", report)
        .expect_code(1)
        .expect_stderr(
            "report.yaml:19:23: error: the case type `stop-search` names the unknown check `gowisley`",
        )
        .expect_stderr("did you mean `gowisely`?")
        .run(&["check"]);
}

#[test]
fn a_case_is_asked_only_its_type_s_checks() {
    let t = fixture();
    let run = t.run(&["build", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let unanswered: Vec<(&str, u64)> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["unanswered"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        unanswered,
        [
            ("grounds", 0),
            ("gowisely", 0),
            ("bwv_on", 0),
            ("force_justified", 0),
            ("handcuffs_explained", 0)
        ],
        "a use of force is not asked the grounds for a search, nor a search about force"
    );
    fixture()
        .file(
            "cases/uof-02.md",
            "---\ncase: 2\ntype: use-of-force\nchecks:\n  force_justified: yes\n  gowisely:\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("cases/uof-02.md:6:3: error: `gowisely` is not a check of use-of-force cases")
        .expect_stderr("it is asked of `stop-search` cases")
        .run(&["check"]);
}

#[test]
fn a_theme_read_from_one_type_s_checks_is_counted_over_that_type_s_cases() {
    let t = fixture();
    let run = t.run(&["build", "--format", "json,html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let theme = |id: &str| {
        json["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    let gowisely = theme("gowisely-incomplete");
    assert_eq!(gowisely["type"], "stop-search");
    assert_eq!(gowisely["over_cases"], 3);
    assert_eq!(gowisely["count"], 2);
    assert_eq!(gowisely["share"], 0.667);
    assert!(
        gowisely.get("not_recorded").is_none(),
        "a use of force is not a case that did not record it: {gowisely}"
    );
    // Body-worn video is asked of both types, so it is counted over every case, and the
    // second search and the second use of force are two cases.
    let video = theme("video-gaps");
    assert!(video.get("type").is_none(), "{video}");
    assert_eq!(video["count"], 2);
    assert_eq!(video["share"], 0.4);
    let page = super::sample::visible_text(&t.read("output/report.html"));
    assert!(page.contains("(2 of 3 searches: S&S 1 , 3 )"), "{page}");
    assert!(page.contains("(2 of 5 cases"), "{page}");
}

/// The fixture with a required field for each type: `object` for searches and `tactic`
/// for uses of force, each listed under its type's `fields:`; `fields` replaces the
/// searches' list.
fn with_own_fields(fields: &str) -> Report {
    let t = fixture();
    let report = t
        .read("report.yaml")
        .replace(
            "    checks: [grounds, gowisely, bwv_on]\n",
            &format!("    checks: [grounds, gowisely, bwv_on]\n    fields: {fields}\n"),
        )
        .replace(
            "    checks: [force_justified, handcuffs_explained, bwv_on]\n",
            "    checks: [force_justified, handcuffs_explained, bwv_on]\n    fields: [tactic]\n",
        )
        + "fields:\n  object: {label: Object of the search, required: true}\n  tactic: {label: Tactic, required: true}\n";
    t.file("report.yaml", report)
}

#[test]
fn a_type_s_fields_are_required_only_of_its_cases_and_new_case_stubs_only_them() {
    let t = with_own_fields("[object]");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    for (file, field, other) in [
        ("cases/ss-01.md", "object", "tactic"),
        ("cases/uof-01.md", "tactic", "object"),
    ] {
        assert!(
            checked
                .stderr
                .contains(&format!("{file}:2:1: warning: this case has no `{field}`")),
            "{}",
            checked.stderr
        );
        assert!(
            !checked
                .stderr
                .contains(&format!("{file}:2:1: warning: this case has no `{other}`")),
            "{}",
            checked.stderr
        );
    }
    let made = t.run(&["new-case", "--type", "stop-search"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let text = t.read("cases/stop-search-04.md");
    assert!(text.contains("\nobject:\n"), "{text}");
    assert!(!text.contains("tactic"), "{text}");
}

#[test]
fn a_type_s_field_must_be_a_declared_field() {
    with_own_fields("[objcet]")
        .expect_code(1)
        .expect_stderr("error: the case type `stop-search` names the unknown field `objcet`")
        .expect_stderr("did you mean `object`? A type's fields are ids from `fields:`")
        .run(&["check"]);
}

#[test]
fn new_case_with_a_type_writes_the_next_of_that_type_with_its_checks() {
    let t = fixture();
    let made = t.run(&["new-case", "--type", "stop-search"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        made.stdout.contains("case stop-search-4:"),
        "{}",
        made.stdout
    );
    let text = t.read("cases/stop-search-04.md");
    assert!(
        text.starts_with("---\ncase: 4\ntype: stop-search\n"),
        "{text}"
    );
    assert!(text.contains("  gowisely:"), "{text}");
    assert!(!text.contains("force_justified"), "{text}");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked.stderr.contains("cases/stop-search-04.md"),
        "{}",
        checked.stderr
    );
    let force = t.run(&["new-case", "--type", "use-of-force"]);
    assert_eq!(force.code, 0, "{}", force.stderr);
    assert!(
        t.read("cases/use-of-force-03.md")
            .contains("  handcuffs_explained:")
    );
    let t = t
        .expect_code(1)
        .expect_stderr("case use-of-force-1 is taken, by cases/uof-01.md");
    t.run(&["new-case", "--type", "use-of-force", "--case", "1"]);
    t.expect_code(1)
        .expect_stderr("there is no case type `stop-serch`")
        .expect_stderr("did you mean `--type stop-search`?")
        .run(&["new-case", "--type", "stop-serch"]);
}

#[test]
fn every_format_names_a_case_by_its_type_so_two_cases_1_never_clash() {
    let t = fixture();
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = t.read("output/report.html");
    let mut ids = BTreeSet::new();
    for id in html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        assert!(ids.insert(id), "the id {id} is used twice");
    }
    for anchor in [
        "case-stop-search-1",
        "case-use-of-force-1",
        "case-use-of-force-2-point-1",
    ] {
        assert!(ids.contains(anchor), "no {anchor} in {ids:?}");
    }
    assert!(
        html.contains("<a href=\"#case-use-of-force-2\">2</a>"),
        "{html}"
    );
    assert!(
        html.contains("aria-label=\"Checklist answers for case UOF 2\""),
        "{html}"
    );
    let page = visible_text(&html);
    for words in ["S&S Case 1", "UOF Case 1", "UOF Case 2"] {
        assert!(page.contains(words), "no {words} in {page}");
    }
    // Body-worn video was off in the second search and the second use of force.
    assert!(page.contains("(2 of 5 cases: S&S 2 ; UOF 2 )"), "{page}");
    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    let case = &json["cases"][3];
    assert_eq!(
        (&case["case"], &case["id"], &case["type"]),
        (&1.into(), &"use-of-force-1".into(), &"use-of-force".into()),
        "{case}"
    );
    let video = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "video-gaps")
        .unwrap();
    assert_eq!(
        video["cases"],
        serde_json::json!(["stop-search-2", "use-of-force-2"])
    );
    let observation = &json["observations"][1]["cases"];
    assert_eq!(
        observation,
        &serde_json::json!(["stop-search-2", "use-of-force-2"])
    );
    let csv = t.read("output/themes.csv");
    assert!(csv.contains("S&S 2; UOF 2"), "{csv}");
    assert_valid_report(&t.path().join("output/report.docx"), t.path());
    let docx = unzip(&std::fs::read(t.path().join("output/report.docx")).unwrap());
    let texts: Vec<String> = paragraphs(&docx["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for heading in ["UOF Case 1", "UOF Case 2"] {
        assert!(texts.iter().any(|p| p.starts_with(heading)), "{texts:#?}");
    }
    assert!(docx["word/document.xml"].contains("S&amp;S Case 1"));
    if require("pdftotext") {
        let text = body_text(&t.path().join("output/report.pdf"), None);
        assert!(text.contains("S&S Case 3"), "{text}");
        assert!(text.contains("S&S 2; UOF 2"), "{text}");
        // The use-of-force matrix has none of the searches' checks or rows.
        let force = &text[text.find("checklist: Use of force").unwrap()..];
        let force = &force[..force.find("Observations").unwrap()];
        assert!(force.contains("UOF 1 UOF 2"), "{force}");
        assert!(
            !force.contains("GOWISELY") && !force.contains("S&S"),
            "{force}"
        );
    }
}

#[test]
fn section_2_heads_each_type_and_each_type_has_a_matrix_of_its_own_checks() {
    let t = fixture();
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = t.read("output/report.html");
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in {html}"))
    };
    let searches = at("<h3 class=\"case-type\" id=\"cases-stop-search\">Stop and search</h3>");
    let force = at("<h3 class=\"case-type\" id=\"cases-use-of-force\">Use of force</h3>");
    assert!(searches < at("id=\"case-stop-search-1\""));
    assert!(at("id=\"case-stop-search-3\"") < force);
    assert!(force < at("id=\"case-use-of-force-1\""));
    let search_matrix = at("<caption>Checklist answers, case by case: Stop and search</caption>");
    let force_matrix = at("<caption>Checklist answers, case by case: Use of force</caption>");
    let tables = &html[search_matrix..];
    let (searched, forced) = tables.split_at(force_matrix - search_matrix);
    let searched = &searched[..searched.find("</table>").unwrap()];
    let forced = &forced[..forced.find("</table>").unwrap()];
    assert!(searched.contains("GOWISELY") && !searched.contains("Handcuffing"));
    assert!(forced.contains("The force used was justified"), "{forced}");
    assert!(
        !forced.contains("GOWISELY") && !forced.contains("S&amp;S 1"),
        "{forced}"
    );
    assert_eq!(
        forced.matches("<tr>").count(),
        3,
        "a header and two uses of force"
    );

    let docx = unzip(&std::fs::read(t.path().join("output/report.docx")).unwrap());
    let texts: Vec<String> = paragraphs(&docx["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let place = |text: &str| {
        texts
            .iter()
            .position(|p| p == text)
            .unwrap_or_else(|| panic!("no {text} in {texts:#?}"))
    };
    assert!(place("Stop and search") < place("UOF Case 1 – Handcuffing at a roadside arrest"));
    assert!(place("Use of force") < place("UOF Case 1 – Handcuffing at a roadside arrest"));
    let search_caption = place("Checklist answers, case by case: Stop and search");
    assert!(search_caption < place("Checklist answers, case by case: Use of force"));

    if require("pdftotext") {
        let text = body_text(&t.path().join("output/report.pdf"), None);
        for words in [
            "Stop and search S&S Case 1",
            "Use of force UOF Case 1",
            "checklist: Stop and search",
        ] {
            assert!(text.contains(words), "no {words} in {text}");
        }
    }
    assert_valid_report(&t.path().join("output/report.docx"), t.path());
    let xlsx = t.path().join("output/report.xlsx");
    if let Some(found) = violations(&xlsx) {
        assert!(found.is_empty(), "openxml-audit: {found:?}");
    }
    if require_openpyxl() {
        let rows = sheet_rows(&xlsx, "Cases");
        assert_eq!(rows[0][0], "Case");
        assert_eq!(rows[0][1], "Type");
        assert_eq!(
            (&rows[1][0], &rows[1][1]),
            (&"S&S 1".into(), &"Stop and search".into())
        );
        assert_eq!(
            (&rows[4][0], &rows[4][1]),
            (&"UOF 1".into(), &"Use of force".into())
        );
    }
}

#[test]
fn an_archive_s_trends_name_a_typed_meeting_s_cases_by_their_type() {
    let t = Report::new().file("panel.yaml", "title: Panel\n");
    super::copy_tree(&super::fixture(FIXTURE), &t.path().join("2025-03"));
    let built = t.run(&["build", "{dir}", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let trends: serde_json::Value = serde_json::from_str(&t.read("output/trends.json")).unwrap();
    let cases: Vec<(&str, &serde_json::Value)> = trends["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|theme| {
            (
                theme["id"].as_str().unwrap(),
                &theme["by_meeting"][0]["cases"],
            )
        })
        .collect();
    assert_eq!(
        cases,
        [
            (
                "gowisely-incomplete",
                &serde_json::json!(["S&S 1", "S&S 3"])
            ),
            ("video-gaps", &serde_json::json!(["S&S 2", "UOF 2"])),
            ("good-rapport", &serde_json::json!(["S&S 1", "UOF 2"])),
        ]
    );
}
