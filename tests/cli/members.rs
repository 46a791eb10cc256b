//! Members reviewing on their own (issue 25), through the real binary: a case may be a
//! folder of case.md and one file per member, merged under the same headings; each point
//! keeps its member in report.json, the report names no member, themes count as if the
//! points were in one file, and every problem is named at the member's own file.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::builder::Report;
use super::docx::unzip;
use super::{build_formats, fixture};

const NAMES: [&str; 3] = ["Alice Jones", "Bob Evans", "Carol Price"];

fn report_json(dir: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join("report.json")).unwrap()).unwrap()
}

#[test]
fn a_folder_mixing_both_forms_builds_and_each_point_carries_its_member() {
    let out = build_formats(&fixture("members"), "json");
    let json = report_json(out.path());
    let case = &json["cases"][1];
    assert_eq!(case["file"], "cases/case-02/case.md");
    let points: Vec<(&str, Option<&str>)> = case["feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["section"].as_str().unwrap(), p["member"].as_str()))
        .collect();
    assert_eq!(
        points,
        [
            ("Risk", None),
            ("Risk", Some("alice")),
            ("Risk", Some("bob")),
            ("Records", Some("bob")),
            ("Risk", Some("carol")),
        ]
    );
    assert!(json["cases"][0]["feedback"][0].get("member").is_none());
    let late = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "late-hcso-contact")
        .unwrap();
    let evidence: Vec<(&str, u64)> = late["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["file"].as_str().unwrap(), e["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        evidence,
        [
            ("cases/case-02/case.md", 4),
            ("cases/case-02/alice.md", 7),
            ("cases/case-02/bob.md", 2),
            ("cases/case-02/carol.md", 7),
        ]
    );
    assert_eq!(
        (late["count"].as_u64(), late["points"].as_u64()),
        (Some(1), Some(3))
    );
}

#[test]
fn the_members_points_read_in_order_under_one_heading_on_the_page() {
    let out = build_formats(&fixture("members"), "html");
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    let at = |text: &str| html.find(text).unwrap_or_else(|| panic!("{text}"));
    let order = [
        "Members agreed the HCSO referral was slow.",
        "The HCSO was contacted on day four.",
        "Contact with the HCSO came late.",
        "No HCSO contact within 48 hours.",
        "<h4>Records</h4>",
        "The victim's age is wrong in the log.",
    ];
    let places: Vec<usize> = order.iter().map(|t| at(t)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
}

#[test]
fn theme_counts_are_those_of_the_same_points_in_one_file() {
    let flat = Report::copy("members");
    fs::remove_dir_all(flat.path().join("cases/case-02")).unwrap();
    fs::remove_dir_all(flat.path().join("cases/case-03")).unwrap();
    let flat = flat
        .file(
            "cases/case-02.md",
            "---\ncase: 2\nchecks:\n  hcso_48h: no\njudgement: appropriate-with-observations\n---\n\
             ## Risk\n- Members agreed the HCSO referral was slow.\n\
             - The HCSO was contacted on day four. #late-hcso-contact\n\
             - Contact with the HCSO came late. #late-hcso-contact\n\
             - No HCSO contact within 48 hours. #late-hcso-contact\n\n\
             ## Records\n- The victim's age is wrong in the log. #record-errors\n",
        )
        .file(
            "cases/case-03.md",
            "---\ncase: 3\nchecks:\n  hcso_48h: yes\njudgement: appropriate\n---\n\
             ## Outcome\n- The victim was kept updated. #good-updates\n",
        );
    let folders = build_formats(&fixture("members"), "json,csv");
    let single = build_formats(flat.path(), "json,csv");
    let read = |dir: &std::path::Path| fs::read(dir.join("themes.csv")).unwrap();
    assert_eq!(read(folders.path()), read(single.path()));
    let counts = |json: Value| -> Vec<(String, u64, u64)> {
        json["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["id"].as_str().unwrap().to_string(),
                    t["count"].as_u64().unwrap(),
                    t["points"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let counted = counts(report_json(folders.path()));
    assert_eq!(counted, counts(report_json(single.path())));
    assert!(
        counted.contains(&("late-hcso-contact".into(), 1, 3)),
        "{counted:?}"
    );
}

#[test]
fn the_report_names_no_member_in_any_format() {
    let out = build_formats(&fixture("members"), "html,docx,pdf,xlsx,json,csv");
    let texts = super::audiences::texts(out.path());
    assert!(texts.len() > 6, "every format is read");
    // The workbook's Members sheet is the members' view, read sheet by sheet below.
    for (file, text) in texts.iter().filter(|(f, _)| !f.starts_with("report.xlsx")) {
        for name in NAMES {
            assert!(!text.contains(name), "{file} names {name}");
        }
    }
    if !super::tools::require_openpyxl() {
        return;
    }
    let book = super::xlsx::read_back(&out.path().join("report.xlsx"));
    for sheet in book["sheets"].as_array().unwrap() {
        let text = sheet["rows"].to_string();
        let named = NAMES.iter().any(|name| text.contains(name));
        assert_eq!(named, sheet["name"] == "Members", "{}", sheet["name"]);
    }
}

#[test]
fn a_file_of_no_member_is_an_error_with_the_one_meant() {
    let t = Report::copy("members")
        .file("cases/case-02/alcie.md", "- A point.\n")
        .expect_code(1)
        .expect_stderr("cases/case-02/alcie.md:1:1: error: no member `alcie`")
        .expect_stderr("did you mean `alice`?");
    t.run(&["check"]);
}

#[test]
fn member_files_without_members_are_an_error_saying_to_declare_them() {
    let t = Report::copy("members");
    let yaml = t.read("report.yaml");
    let without = yaml.split("members:").next().unwrap().to_string();
    let t = t
        .file("report.yaml", without)
        .expect_code(1)
        .expect_stderr("cases/case-02/alice.md:1:1: error: no member `alice`: this report declares no `members:`")
        .expect_stderr("members:\n");
    t.run(&["check"]);
}

#[test]
fn a_case_folder_without_case_md_is_an_error() {
    let t = Report::copy("members");
    fs::remove_file(t.path().join("cases/case-03/case.md")).unwrap();
    let t = t.expect_code(1).expect_stderr(
        "cases/case-03/alice.md:1:1: error: cases/case-03/ has no case.md for this member's file",
    );
    t.run(&["check"]);
}

#[test]
fn a_problem_in_a_member_s_file_is_named_at_its_file_and_line() {
    let t = Report::copy("members")
        .file(
            "cases/case-02/bob.md",
            "---\njudgement: apropriate\n---\n## Risk\n- Contact came late. #late-hcso-contat\n",
        )
        .expect_code(1)
        .expect_stderr("cases/case-02/bob.md:2:12: error: `apropriate` is not a judgement")
        .expect_stderr(
            "cases/case-02/bob.md:5:22: error: unknown theme `late-hcso-contat` in a tag",
        );
    t.run(&["check"]);
}

#[test]
fn check_notes_each_member_still_to_review_and_the_cases() {
    let t = Report::copy("members");
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let notes: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("note:"))
        .collect();
    assert_eq!(
        notes,
        [
            "note: bob has not reviewed case 3 yet",
            "note: carol has not reviewed case 3 yet"
        ]
    );
}

#[test]
fn new_case_with_members_writes_a_case_folder_with_a_file_per_member() {
    let t = Report::copy("members");
    let run = t.run(&["new-case"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in ["case.md", "alice.md", "bob.md", "carol.md"] {
        let path = format!("cases/case-04/{file}");
        assert!(t.path().join(&path).is_file(), "{path}");
        assert!(run.stdout.contains(&path), "{}", run.stdout);
    }
    assert!(
        t.read("cases/case-04/case.md")
            .starts_with("---\ncase: 4\n")
    );
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("note: alice has not reviewed case 4 yet"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("note: bob has not reviewed cases 3 and 4 yet"),
        "{}",
        run.stdout
    );
}

#[test]
fn themes_by_member_counts_who_raised_each_theme_of_those_who_reviewed_the_case() {
    let t = Report::copy("members");
    let run = t.run(&["themes", "--by-member"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "  Alice Jones (alice): reviewed cases 2 and 3; 2 points",
        "    raised: Victim kept updated; HCSO contact not made within 48 hours",
        "  Bob Evans (bob): reviewed case 2; 2 points",
        "  Carol Price (carol): reviewed case 2; 1 point",
        "  HCSO contact not made within 48 hours: case 2: 3 of 3 members",
        "  Errors in the record: case 2: 1 of 3 members",
        "  Victim kept updated: case 3: 1 of 1 member",
        "Answers that differ from the panel's",
        "  case 2: judged Appropriate by 1 of 2 (alice) and Appropriate with observations by 1 of 2 (carol); the panel agreed: Appropriate with observations",
        "  case 2: HCSO contact within 48 hours: No by 1 of 2 (alice) and Yes by 1 of 2 (carol); the panel agreed: No",
    ] {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "no {line:?} in:\n{}",
            run.stdout
        );
    }
    assert!(
        !run.stdout.contains("case 1:"),
        "a single-file case has no members"
    );
    let without = t.read("report.yaml");
    let without = without.split("members:").next().unwrap().to_string();
    let t = Report::new()
        .file("report.yaml", without)
        .case(1, "", "- A point.\n");
    let run = t.run(&["themes", "--by-member"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("needs the panel's `members:`"),
        "{}",
        run.stderr
    );
}

#[test]
fn members_html_shows_each_member_who_raised_what_and_answers_beside_the_panels() {
    let out = build_formats(&fixture("members"), "html");
    let html = fs::read_to_string(out.path().join("members.html")).unwrap();
    for words in [
        "<div class=\"marking marking-top\" role=\"note\" aria-label=\"Protective marking\">OFFICIAL</div>",
        "<tr><th scope=\"row\">Bob Evans</th><td>2</td><td class=\"n\">2</td><td>HCSO contact not made within 48 hours; Errors in the record</td></tr>",
        "<tr><th scope=\"row\">HCSO contact not made within 48 hours</th><td>2</td><td>3 of 3 members</td></tr>",
        "<li>Appropriate: 1 of 2 members (Alice Jones)</li>",
        "<td>Appropriate with observations</td></tr>",
        "<li>Yes: 1 of 2 members (Carol Price)</li>",
    ] {
        assert!(html.contains(words), "no {words} in:\n{html}");
    }
    let report = fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(
        !report.contains("Alice Jones"),
        "the report itself names no member"
    );
}

#[test]
fn without_members_no_members_html_is_written() {
    let t = Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-01-10\n")
        .case(1, "", "- A point.\n");
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(t.path().join("output/report.html").is_file());
    assert!(!t.path().join("output/members.html").exists());
}

#[test]
fn the_members_view_is_in_the_forces_copy_and_never_the_public_one() {
    let t = Report::copy("members");
    let yaml = t.read("report.yaml");
    let t = t.file(
        "report.yaml",
        format!("{yaml}audiences:\n  force: {{marking: OFFICIAL-SENSITIVE}}\n  public: {{}}\n"),
    );
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let force = t.read("output/force/members.html");
    assert!(
        force.contains("OFFICIAL-SENSITIVE"),
        "the copy's own marking"
    );
    assert!(force.contains("Alice Jones"));
    assert!(!t.path().join("output/public/members.html").exists());
    for (file, text) in super::audiences::texts(&t.path().join("output/public")) {
        for name in NAMES {
            assert!(!text.contains(name), "{file} names {name}");
        }
    }
}

#[test]
fn the_members_view_speaks_the_reports_language() {
    let t = Report::copy("members");
    let yaml = t.read("report.yaml");
    let t = t.file("report.yaml", format!("{yaml}language: cy\n"));
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = t.read("output/members.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    for words in [
        "<h1>Golwg yr aelodau</h1>",
        "3 o 3 aelod",
        "Cytunodd y panel",
    ] {
        assert!(html.contains(words), "no {words} in:\n{html}");
    }
}

#[test]
fn the_workbook_has_a_members_sheet_in_the_forces_copy_and_none_in_the_public_one() {
    let t = Report::copy("members");
    let yaml = t.read("report.yaml");
    let t = t.file(
        "report.yaml",
        format!("{yaml}audiences:\n  force: {{}}\n  public: {{}}\n"),
    );
    let run = t.run(&["build", "--format", "xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let force = t.path().join("output/force/report.xlsx");
    let public = t.path().join("output/public/report.xlsx");
    for xlsx in [&force, &public] {
        if let Some(found) = super::tools::violations(xlsx) {
            assert!(found.is_empty(), "openxml-audit: {found:?}");
        }
    }
    if !super::tools::require_openpyxl() {
        return;
    }
    let sheets = |xlsx: &std::path::Path| -> Vec<Value> {
        super::xlsx::read_back(xlsx)["sheets"]
            .as_array()
            .unwrap()
            .clone()
    };
    let public = sheets(&public);
    assert!(public.iter().all(|s| s["name"] != "Members"), "{public:?}");
    let force = sheets(&force);
    let members = force.iter().find(|s| s["name"] == "Members").unwrap();
    assert_eq!(members["freeze"], "A2");
    assert!(members["filter"].as_str().unwrap().starts_with("A1:"));
    let rows: Vec<Value> = members["rows"].as_array().unwrap().clone();
    let row = |values: Value| assert!(rows.contains(&values), "no {values} in {rows:?}");
    row(serde_json::json!([
        "Member",
        "Case",
        "Points",
        "Themes",
        "Judgement",
        "HCSO contact within 48 hours"
    ]));
    row(serde_json::json!([
        "Alice Jones",
        2,
        1,
        "HCSO contact not made within 48 hours",
        "Appropriate",
        "No"
    ]));
    row(serde_json::json!([
        "Bob Evans",
        2,
        2,
        "HCSO contact not made within 48 hours; Errors in the record",
        null,
        null
    ]));
    row(serde_json::json!(["Carol Price", 3, 0, null, null, null]));
    assert_eq!(rows.len(), 7, "a row per member and case folder");
}

#[test]
fn check_of_an_archive_notes_who_is_behind_at_its_latest_meeting() {
    let case = |n: u32| format!("---\ncase: {n}\njudgement: appropriate\n---\n- Agreed.\n");
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Panel\nmembers:\n  alice: Alice Jones\n  bob: Bob Evans\n",
        )
        .file("2025-01/report.yaml", "meeting_date: 2025-01-15\n")
        .file("2025-01/cases/case-01/case.md", case(1))
        .file("2025-01/cases/case-01/alice.md", "")
        .file("2025-01/cases/case-01/bob.md", "- Seen.\n")
        .file("2025-03/report.yaml", "meeting_date: 2025-03-12\n")
        .file("2025-03/cases/case-01/case.md", case(1))
        .file("2025-03/cases/case-01/alice.md", "- Seen.\n")
        .file("2025-03/cases/case-01/bob.md", "")
        .file("2025-03/cases/case-02/case.md", case(2))
        .file("2025-03/cases/case-02/alice.md", "")
        .file("2025-03/cases/case-02/bob.md", "");
    let notes = |dir: &str| {
        let run = t.run(&["check", &format!("{{dir}}/{dir}")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
            .lines()
            .filter(|l| l.starts_with("note:"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let latest = [
        "note: alice has not reviewed case 2 yet",
        "note: bob has not reviewed cases 1 and 2 yet",
    ];
    assert_eq!(notes("2025-03"), latest);
    assert_eq!(notes("."), latest, "the archive's latest meeting");
    assert_eq!(
        notes("2025-01"),
        ["note: alice has not reviewed case 1 yet"]
    );
}

#[test]
fn a_welsh_case_md_in_a_case_folder_translates_case_md_and_keeps_the_members_points() {
    let t = Report::copy("members")
        .append("report.yaml", "languages: [en, cy]\n")
        .file(
            "cases/case-02/case.cy.md",
            "## Risg\n- Cytunodd yr aelodau fod yr atgyfeiriad HCSO yn araf.\n",
        );
    let run = t.run(&["build", "{dir}", "--format", "html,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // case.cy.md translates case.md alone, so it pairs with it: no "parts from" warning.
    assert!(
        !run.stderr.contains("cases/case-02/case.cy.md"),
        "{}",
        run.stderr
    );
    let welsh = t.read("output/report.cy.html");
    let case = &welsh[welsh.find(r#"id="case-2""#).unwrap()..welsh.find(r#"id="case-3""#).unwrap()];
    // The members' points are still there in the Welsh version, under the Welsh heading
    // (one heading, not a second "Risk"), in their own words.
    let heading = case.find(">Risg<").expect(case);
    let welsh_point = case.find("Cytunodd yr aelodau").expect(case);
    let member_point = case
        .find("The HCSO was contacted on day four.")
        .expect(case);
    assert!(
        heading < welsh_point && welsh_point < member_point,
        "{case}"
    );
    assert!(!case.contains(">Risk<"), "{case}");
    let english = t.read("output/report.en.html");
    assert!(english.contains("Members agreed the HCSO referral was slow."));
    assert!(english.contains("The HCSO was contacted on day four."));
}

/// case-02/case.md of the members fixture in Welsh.
const CASE_CY: &str = "## Risg\n- Cytunodd yr aelodau fod yr atgyfeiriad HCSO yn araf.\n";

/// The members fixture copied into `dir` as a report in English and Welsh, with case 2's
/// case.md translated and its members' points not, for the audits of its pages.
pub(super) fn welsh_members(dir: &Path) -> PathBuf {
    let to = dir.join("members-welsh");
    super::copy_tree(&fixture("members"), &to);
    let yaml = to.join("report.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}languages: [en, cy]\n")).unwrap();
    fs::write(to.join("cases/case-02/case.cy.md"), CASE_CY).unwrap();
    to
}

/// The members fixture's themes.yaml with Welsh labels, so that in the Welsh version the
/// only English left in case 2 and the summary is what its members wrote.
const THEMES_CY: &str = "\
late-hcso-contact:
  label: {en: HCSO contact not made within 48 hours, cy: Dim cyswllt gan SCTC o fewn 48 awr}
  when:
    - check: hcso_48h
      is: [no]
record-errors:
  label: {en: Errors in the record, cy: Gwallau yn y cofnod}
good-updates:
  label: {en: Victim kept updated, cy: Cadwyd y dioddefwr yn y wybodaeth}
  kind: good-practice
";

#[test]
fn the_members_untranslated_points_are_marked_as_english_in_the_welsh_version() {
    let t = Report::copy("members")
        .append("report.yaml", "languages: [en, cy]\n")
        .file("themes.yaml", THEMES_CY)
        .file("cases/case-02/case.cy.md", CASE_CY);
    let run = t.run(&["build", "{dir}", "--format", "html,docx,pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let members = [
        (2, "The HCSO was contacted on day four."),
        (3, "Contact with the HCSO came late."),
        (4, "The victim's age is wrong in the log."),
        (5, "No HCSO contact within 48 hours."),
    ];

    let welsh = t.read("output/report.cy.html");
    assert!(
        welsh.contains(
            "<li id=\"case-2-point-1\">Cytunodd yr aelodau fod yr atgyfeiriad HCSO yn araf.</li>"
        ),
        "{welsh}"
    );
    for (n, text) in members {
        let item = format!("<li id=\"case-2-point-{n}\" lang=\"en\">{text}</li>");
        assert!(welsh.contains(&item), "{item}\n{welsh}");
    }
    // Bob's "Records" is a heading case.md has not, so the translation has no words for
    // it: it shows in English, and says so; the translated "Risg" does not.
    assert!(welsh.contains("<h4 lang=\"en\">Records</h4>"), "{welsh}");
    assert!(welsh.contains("<h4>Risg</h4>"), "{welsh}");
    // In the English version the same points are in the page's own language.
    let english = t.read("output/report.en.html");
    for (n, text) in members {
        let item = format!("<li id=\"case-2-point-{n}\">{text}</li>");
        assert!(english.contains(&item), "{item}\n{english}");
    }
    assert!(english.contains("<h4>Records</h4>"), "{english}");

    let docx = fs::read(t.path().join("output/report.cy.docx")).unwrap();
    let document = &unzip(&docx)["word/document.xml"];
    let paragraph = |text: &str| {
        let at = document.find(text).unwrap_or_else(|| panic!("{text}"));
        let start = document[..at].rfind("<w:p>").unwrap();
        let end = at + document[at..].find("</w:p>").unwrap();
        document[start..end].to_string()
    };
    for (_, text) in members {
        assert!(
            paragraph(text).contains(r#"<w:lang w:val="en-GB"/>"#),
            "{}",
            paragraph(text)
        );
    }
    let translated = paragraph("Cytunodd yr aelodau fod yr atgyfeiriad HCSO yn araf.");
    assert!(!translated.contains("<w:lang"), "{translated}");
    let heading = paragraph(">Records<");
    assert!(heading.contains(r#"<w:lang w:val="en-GB"/>"#), "{heading}");
    let heading = paragraph(">Risg<");
    assert!(!heading.contains("<w:lang"), "{heading}");

    // In the PDF each list item's body in another language than the document's carries
    // its own /Lang: the members' points of case 2 and nothing else, as the lists of the
    // untranslated cases 1 and 3 are marked whole. So does Bob's heading, and no other
    // heading of case 2.
    let tagged = |version: &str| {
        let pdf = fs::read(t.path().join(format!("output/report.{version}.pdf"))).unwrap();
        super::pdf::tagged(&pdf, "en")
    };
    let welsh = tagged("cy");
    let points = welsh.iter().filter(|t| *t == "LBody").count();
    assert_eq!(points, members.len(), "{welsh:?}");
    assert!(welsh.iter().any(|t| t == "H3 Records"), "{welsh:?}");
    assert!(!welsh.iter().any(|t| t == "H3 Risg"), "{welsh:?}");
    assert_eq!(tagged("en"), Vec::<String>::new());
}

#[test]
fn a_translation_with_more_points_than_case_md_leaves_its_own_unmarked_and_no_id_twice() {
    let t = Report::copy("members")
        .append("report.yaml", "languages: [en, cy]\n")
        .file(
            "cases/case-02/case.cy.md",
            "## Risg\n- Cytunodd yr aelodau fod yr atgyfeiriad yn araf.\n- Ac yn hwyr.\n",
        );
    let run = t.run(&["build", "{dir}", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("parts from"), "{}", run.stderr);
    let welsh = t.read("output/report.cy.html");
    let case = &welsh[welsh.find(r#"id="case-2""#).unwrap()..welsh.find(r#"id="case-3""#).unwrap()];
    assert!(
        case.contains("<li id=\"case-2-point-2\">Ac yn hwyr.</li>"),
        "{case}"
    );
    assert!(
        case.contains(
            "<li id=\"case-2-point-3\" lang=\"en\">The HCSO was contacted on day four.</li>"
        ),
        "{case}"
    );
    let ids: Vec<&str> = case
        .match_indices("<li id=\"")
        .map(|(at, _)| case[at..].split('"').nth(1).unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert_eq!(ids.len(), 6, "{ids:?}");
}
