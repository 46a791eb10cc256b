//! `build-report import` of the case headings real reports write (tests/fixtures/import):
//! every case found, none merged into another, and every folder written builds. A text
//! with no case is refused with the forms looked for; `--case-heading` adds a form.

use std::fs;

use super::import::import_and_build;
use super::import_docx::{W, docx_file, package};
use super::{fixture, run, s};

/// Imports the fixture `name` and builds it; the cases' numbers and titles.
fn cases_of(name: &str) -> (tempfile::TempDir, super::Run, serde_json::Value) {
    import_and_build(&fixture(&format!("import/{name}")))
}

fn numbers_and_titles(report: &serde_json::Value) -> Vec<(u64, String)> {
    report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["case"].as_u64().unwrap(),
                c["title"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn points(report: &serde_json::Value, case: usize) -> Vec<String> {
    super::import::texts(&report["cases"][case]["feedback"], "text")
}

fn case_file(tmp: &tempfile::TempDir, number: u32) -> String {
    fs::read_to_string(tmp.path().join(format!("report/cases/case-{number:02}.md"))).unwrap()
}

#[test]
fn ordinal_videos_in_a_text_export_are_each_a_case() {
    let (_tmp, imported, report) = cases_of("videos.txt");
    assert!(
        imported.stdout.contains("Cases: 3 (1–3), 7 points"),
        "{}",
        imported.stdout
    );
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "Two young men stopped near the station".into()),
            (2, String::new()),
            (3, "Driver searched at the roadside".into()),
        ]
    );
    assert_eq!(
        points(&report, 0)[2],
        "Partial – the grounds were given, but late and without the object of the search"
    );
}

#[test]
fn videos_numbered_in_words_in_markdown_are_each_a_case() {
    let (_tmp, _imported, report) = cases_of("videos.md");
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "A search for drugs outside a school".into()),
            (2, String::new()),
            (3, "Stop of a cyclist late at night".into()),
        ]
    );
    assert_eq!(points(&report, 1).len(), 1);
}

#[test]
fn case_types_are_kept_a_repeated_number_is_renumbered_and_gradings_are_judgements() {
    let (tmp, imported, report) = cases_of("opcc.txt");
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "Search of a man for cannabis in the town centre".into()),
            (2, "Vehicle stopped on the ring road".into()),
            (3, "A search under section 60 at a football match after a crowd gathered near the away end".into()),
            (4, "Handcuffing during an arrest at a house".into()),
        ]
    );
    assert!(
        imported
            .stderr
            .contains("Case 1 appears twice (lines 6 and 16); the second is written as case 4"),
        "{}",
        imported.stderr
    );
    assert_eq!(
        case_file(&tmp, 4),
        "---\ncase: 4\ntitle: \"Handcuffing during an arrest at a house\"\nprefix: \"UOF\"\njudgement: green\n---\n\n- The use of handcuffs was explained on the form.\n"
    );
    assert!(case_file(&tmp, 3).contains("prefix: \"S&S\"\njudgement: red\n"));
    let judgements: Vec<&str> = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["judgement"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(judgements, ["green", "amber", "red", "green"]);
    let yaml = fs::read_to_string(tmp.path().join("report/report.yaml")).unwrap();
    assert!(yaml.contains("\n# The review checklist (checks:) and themes.yaml\n"));
    assert!(
        yaml.ends_with("fields:\n  prefix: \"Case type\"\njudgements:\n  green: {label: \"Green\", colour: \"#00703C\"}\n  amber: {label: \"Amber\", colour: \"#FFDD00\"}\n  red: {label: \"Red\", colour: \"#D4351C\"}\n"),
        "{yaml}"
    );
    assert_eq!(points(&report, 1).len(), 2, "the grading is not a point");
}

#[test]
fn a_reference_heading_is_the_crime_reference_and_the_case_takes_the_next_number() {
    let (tmp, _imported, report) = cases_of("references.txt");
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "Racially aggravated assault".into()),
            (2, "Criminal damage to a car".into()),
            (3, "Harassment at work".into()),
        ]
    );
    assert!(
        case_file(&tmp, 1)
            .contains("title: \"Racially aggravated assault\"\ncrime_ref: \"K15439/2009\"\n"),
        "{}",
        case_file(&tmp, 1)
    );
    let yaml = fs::read_to_string(tmp.path().join("report/report.yaml")).unwrap();
    assert!(
        yaml.contains("fields:\n  crime_ref: \"Crime reference\"\n"),
        "{yaml}"
    );
}

#[test]
fn a_long_case_heading_is_a_case_not_a_point_of_the_case_before() {
    let (_tmp, imported, report) = cases_of("long-heading.md");
    assert!(
        imported.stdout.contains("Cases: 3 (1–3), 4 points"),
        "{}",
        imported.stdout
    );
    assert_eq!(points(&report, 1), ["The victim pack was sent."]);
}

#[test]
fn markdown_headings_at_the_level_under_the_cases_section_are_cases() {
    let (_tmp, _imported, report) = cases_of("levels.md");
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "A detainee who asked for a solicitor twice".into()),
            (2, "A young person held overnight".into()),
        ]
    );
    assert_eq!(points(&report, 1).len(), 2);
}

#[test]
fn a_text_with_no_case_is_refused_and_names_the_forms_and_the_closest_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    let file = fixture("import/no-case.txt");
    let refused = run(&["import", s(&file), "--into", s(&dir)]);
    assert_eq!(refused.code, 1, "{}{}", refused.stdout, refused.stderr);
    assert!(!dir.exists(), "nothing is written");
    assert!(!refused.stdout.contains("build it"), "{}", refused.stdout);
    for expected in [
        "no-case.txt:1:1: error: no case found, so nothing was written",
        "\"Case N\" with anything before or after it",
        "\"Clip N\", \"Video N\"",
        "a crime or case reference opening the line",
        "line 4: Stop 1 – Town centre",
        "line 6: Stop 2 – Retail park",
        "--case-heading REGEX",
    ] {
        assert!(
            refused.stderr.contains(expected),
            "{expected}\n{}",
            refused.stderr
        );
    }
    assert_eq!(
        refused.stderr.matches("  line ").count(),
        3,
        "{}",
        refused.stderr
    );
}

#[test]
fn case_heading_adds_a_panels_own_form() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("report");
    let file = fixture("import/no-case.txt");
    let imported = run(&[
        "import",
        s(&file),
        "--into",
        s(&dir),
        "--case-heading",
        r"^Stop (?P<number>\d+)",
    ]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(
        imported.stdout.contains("Cases: 2 (1–2), 3 points"),
        "{}",
        imported.stdout
    );
    let built = run(&[
        "build",
        s(&dir),
        "--out",
        s(&tmp.path().join("built")),
        "--format",
        "json",
    ]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let case = fs::read_to_string(dir.join("cases/case-02.md")).unwrap();
    assert!(
        case.starts_with("---\ncase: 2\ntitle: \"Retail park\"\n"),
        "{case}"
    );
    let bad = run(&[
        "import",
        s(&file),
        "--into",
        s(&dir),
        "--case-heading",
        "^Stop (\\d+",
    ]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr
            .contains("--case-heading is not a regular expression"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_line_in_a_case_form_without_points_after_it_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("clips.txt");
    fs::write(
        &file,
        "Panel\nMet on 4 June 2024.\nClip 1\n• Seen in full.\nClip 2\n2.0 Summary\n• Fine.\n",
    )
    .unwrap();
    let (_tmp, imported, report) = import_and_build(&file);
    assert!(
        imported.stderr.contains("clips.txt:5:1: warning: \"Clip 2\" is in the form of a case heading, but no points follow it, so it was kept as text"),
        "{}",
        imported.stderr
    );
    assert_eq!(report["cases"].as_array().unwrap().len(), 1);
}

fn para(style: &str, text: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!(r#"<w:p>{style}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|row| {
            let cells: String = row
                .iter()
                .map(|c| format!("<w:tc>{}</w:tc>", para("", c)))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

fn word(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    package(&[("word/document.xml", &document)])
}

#[test]
fn a_word_document_with_typed_cases_field_tables_and_ordinal_videos() {
    let body = [
        para("Heading1", "Scrutiny Panel: stop and search"),
        para("", "Meeting held on 21 November 2023"),
        para("Heading1", "Cases"),
        para("Heading2", "S&amp;S Case 1 – Search in the town centre"),
        table(&[
            &["Field", "Details"],
            &["Date of search", "2 November 2023"],
            &["Crime reference", "K15439/2009"],
            &["RAG", "Amber"],
        ]),
        para("", "The grounds were recorded in full."),
        para("", "First video: Stop of a cyclist"),
        para("", "The officer gave the grounds."),
        para("", "Graded as Green by the panel"),
    ]
    .concat();
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "typed.docx", &word(&body));
    let (out, imported, report) = import_and_build(&file);
    assert!(
        imported.stdout.contains("Cases: 2 (1–2), 2 points"),
        "{}",
        imported.stdout
    );
    let case = fs::read_to_string(out.path().join("report/cases/case-01.md")).unwrap();
    assert_eq!(
        case,
        "---\ncase: 1\ntitle: \"Search in the town centre\"\nprefix: \"S&S\"\ncrime_ref: \"K15439/2009\"\ndate_of_search: \"2 November 2023\"\njudgement: amber\n---\n\n- The grounds were recorded in full.\n"
    );
    assert_eq!(report["cases"][1]["judgement"], "green");
    let yaml = fs::read_to_string(out.path().join("report/report.yaml")).unwrap();
    assert!(
        yaml.contains("fields:\n  prefix: \"Case type\"\n  crime_ref: \"Crime reference\"\n  date_of_search: \"Date of search\"\n"),
        "{yaml}"
    );
}

#[test]
fn word_headings_by_reference_at_the_cases_level_and_long_are_each_a_case() {
    let body = [
        para("Heading1", "Hate Crime Scrutiny Panel"),
        para("", "Meeting on 9 January 2024"),
        para("Heading1", "Cases reviewed"),
        para("Heading2", "K15439/2009 (Racially aggravated assault)"),
        para("", "The victim was contacted the same day."),
        para("Heading2", "A young person held overnight"),
        para("", "An appropriate adult was called."),
        para("Heading2", "Case 3 – Repeated harassment of a neighbour over several months, reported by the victim's daughter"),
        para("", "The officer visited within 48 hours."),
    ]
    .concat();
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "headings.docx", &word(&body));
    let (_out, _imported, report) = import_and_build(&file);
    assert_eq!(
        numbers_and_titles(&report),
        [
            (1, "Racially aggravated assault".into()),
            (2, "A young person held overnight".into()),
            (3, "Repeated harassment of a neighbour over several months, reported by the victim's daughter".into()),
        ]
    );
    assert_eq!(report["cases"][0]["fields"]["crime_ref"], "K15439/2009");
}

#[test]
fn a_word_table_keyed_by_dates_is_one_case_per_row() {
    let body = [
        para("Title", "Complaints Review Panel"),
        para("", "Meeting of 8 July 2024"),
        para("Heading1", "Cases reviewed"),
        table(&[
            &["Date received", "Complaint", "Panel's view"],
            &["3 March 2024", "Rude at the front desk.", "Handled well."],
            &["12/04/2024", "No reply to two letters.", "Too slow."],
            &["20 May 2024", "Property not returned.", "Resolved."],
        ]),
    ]
    .concat();
    let tmp = tempfile::tempdir().unwrap();
    let file = docx_file(tmp.path(), "complaints.docx", &word(&body));
    let (out, imported, report) = import_and_build(&file);
    assert!(
        imported.stdout.contains("Cases: 3 (1–3), 6 points"),
        "{}",
        imported.stdout
    );
    assert_eq!(report["cases"].as_array().unwrap().len(), 3);
    let case = fs::read_to_string(out.path().join("report/cases/case-02.md")).unwrap();
    assert_eq!(
        case,
        "---\ncase: 2\ndate_received: \"12/04/2024\"\n---\n\n## Complaint\n\n- No reply to two letters.\n\n## Panel's view\n\n- Too slow.\n"
    );
}

/// Every fixture, imported: its cases all found, none merged into another, and the
/// folder built. A fixture added to tests/fixtures/import must be listed here.
#[test]
fn every_import_fixture_imports_every_case_and_builds() {
    let expected = [
        ("levels.md", 2),
        ("long-heading.md", 3),
        ("long-heading.txt", 3),
        ("opcc.md", 3),
        ("opcc.txt", 4),
        ("references.md", 2),
        ("references.txt", 3),
        ("sample-export.txt", 16),
        ("videos.md", 3),
        ("videos.txt", 3),
    ];
    let mut names: Vec<String> = fs::read_dir(fixture("import"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "no-case.txt")
        .collect();
    names.sort();
    let listed: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(names, listed, "list every fixture here");
    for (name, count) in expected {
        let (_tmp, imported, report) = cases_of(name);
        let numbers: Vec<u64> = numbers_and_titles(&report)
            .into_iter()
            .map(|c| c.0)
            .collect();
        let all: Vec<u64> = (1..=count).collect();
        assert_eq!(numbers, all, "{name}\n{}", imported.stderr);
    }
}
