//! A case type judged on a scale of its own (`judgements:` under a type of
//! `case_types:`), through the real binary: its cases are checked against its scale, and
//! every format gives it a judgement table of its own over its cases alone, while the
//! other types keep the report's scale.

use super::builder::Report;
use super::docx::{paragraphs, unzip};
use super::pdf::body_text;
use super::sample::visible_text;
use super::tools::{require, require_openpyxl};
use super::xlsx::sheet_rows;

/// The case-types fixture with uses of force judged justified or not: the searches
/// keep the report's four judgements.
pub(super) fn with_own_scale() -> Report {
    let report = Report::copy("case-types");
    let yaml = report.read("report.yaml").replace(
        "    checks: [force_justified, handcuffs_explained, bwv_on]\n",
        "    checks: [force_justified, handcuffs_explained, bwv_on]\n    judgements:\n      justified: {label: Justified, colour: \"#00703C\"}\n      not-justified: {label: {en: Not justified, cy: Heb ei gyfiawnhau}, colour: \"#D4351C\"}\n",
    );
    let judged = |path: &str, judgement: &str| {
        report
            .read(path)
            .replace(
                "judgement: appropriate-with-observations",
                "judgement: appropriate",
            )
            .replace("judgement: appropriate", &format!("judgement: {judgement}"))
    };
    let (first, second) = (
        judged("cases/uof-01.md", "justified"),
        judged("cases/uof-02.md", "not-justified"),
    );
    report
        .file("report.yaml", yaml)
        .file("cases/uof-01.md", first)
        .file("cases/uof-02.md", second)
}

#[test]
fn a_case_is_checked_against_its_type_s_own_scale_and_others_against_the_report_s() {
    let t = with_own_scale();
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    with_own_scale()
        .file(
            "cases/uof-02.md",
            "---\ncase: 2\ntype: use-of-force\njudgement: not-justfied\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("cases/uof-02.md:4:12: error: `not-justfied` is not a judgement on the scale of `use-of-force` cases")
        .expect_stderr("did you mean `not-justified`?")
        .expect_stderr("under the case type `use-of-force`'s `judgements:` in report.yaml")
        .run(&["check"]);
    // The report's scale is not the type's.
    with_own_scale()
        .file(
            "cases/uof-02.md",
            "---\ncase: 2\ntype: use-of-force\njudgement: appropriate\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr("`appropriate` is not a judgement on the scale of `use-of-force` cases")
        .run(&["check"]);
    // Nor is the type's the searches'.
    with_own_scale()
        .file(
            "cases/ss-03.md",
            "---\ncase: 3\ntype: stop-search\njudgement: justified\n---\n- A point.\n",
        )
        .expect_code(1)
        .expect_stderr(
            "cases/ss-03.md:4:12: error: `justified` is not a judgement on the panel's scale",
        )
        .run(&["check"]);
}

#[test]
fn a_type_s_scale_has_its_own_table_over_its_cases_in_every_format() {
    let t = with_own_scale();
    let run = t.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let page = visible_text(&t.read("output/report.html"));
    let judgements = &page[page.rfind("3.3 Judgements").unwrap()..];
    let judgements = &judgements[..judgements.find("3.4 ").unwrap()];
    // The report's scale counts the three searches, the type's the two uses of force.
    assert!(judgements.contains("out of 3 reviewed"), "{judgements}");
    assert!(
        judgements.contains("Appropriate 1 34% S&S 2"),
        "{judgements}"
    );
    assert!(
        judgements.contains("Use of force: Cases with each judgement, out of 2 reviewed."),
        "{judgements}"
    );
    assert!(
        judgements.contains("judgement of each case: Use of force"),
        "{judgements}"
    );
    assert!(judgements.contains("Justified 1 50% UOF 1"), "{judgements}");
    assert!(
        judgements.contains("Not justified 1 50% UOF 2"),
        "{judgements}"
    );
    assert!(!judgements.contains("UOF 1 Appropriate"), "{judgements}");
    assert!(page.contains("Panel judgement Not justified"), "{page}");

    let json: serde_json::Value = serde_json::from_str(&t.read("output/report.json")).unwrap();
    assert_eq!(
        json["judgements"]["appropriate"], 1,
        "{}",
        json["judgements"]
    );
    assert_eq!(json["judgement_scale"][0]["share"], 0.333);
    let force = &json["type_judgements"][0];
    assert_eq!(force["type"], "use-of-force");
    assert_eq!(force["total_cases"], 2);
    assert_eq!(
        force["judgements"],
        serde_json::json!({"justified": 1, "not-justified": 1})
    );
    assert_eq!(force["judgement_scale"][1]["colour"], "#D4351C");
    assert_eq!(json["cases"][4]["judgement"], "not-justified");

    let docx = unzip(&std::fs::read(t.path().join("output/report.docx")).unwrap());
    let texts: Vec<String> = paragraphs(&docx["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(
        texts
            .iter()
            .any(|p| p == "The panel’s overall judgement of each case: Use of force"),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|p| p.trim_matches('\u{a0}') == "Not justified"),
        "{texts:#?}"
    );

    if require("pdftotext") {
        let text = body_text(&t.path().join("output/report.pdf"), None);
        assert!(
            text.contains("Use of force: Number of cases with each judgement, out of 2"),
            "{text}"
        );
        assert!(
            text.contains("Number of cases with each judgement, out of 3"),
            "{text}"
        );
    }
    if require_openpyxl() {
        let rows = sheet_rows(&t.path().join("output/report.xlsx"), "Cases");
        let text = serde_json::to_string(&rows).unwrap();
        assert!(text.contains("\"Not justified\""), "{text}");
    }
}

#[test]
fn a_scale_of_its_own_for_every_type_leaves_out_the_report_s_empty_table() {
    let t = with_own_scale();
    let yaml = t.read("report.yaml").replace(
        "    checks: [grounds, gowisely, bwv_on]\n",
        "    checks: [grounds, gowisely, bwv_on]\n    judgements: {lawful: Lawful search, unlawful: Unlawful search}\n",
    );
    let mut t = t.file("report.yaml", yaml);
    for case in ["cases/ss-01.md", "cases/ss-02.md", "cases/ss-03.md"] {
        let text = t.read(case);
        let text = text
            .lines()
            .map(|l| {
                if l.starts_with("judgement:") {
                    "judgement: lawful"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        t = t.file(case, text + "\n");
    }
    let run = t.run(&["build", "--format", "html,json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = visible_text(&t.read("output/report.html"));
    let judgements = &page[page.rfind("3.3 Judgements").unwrap()..];
    let judgements = &judgements[..judgements.find("3.4 ").unwrap()];
    assert!(!judgements.contains("Appropriate"), "{judgements}");
    assert!(
        judgements.contains("Lawful search 3 100% S&S 1 , 2 , 3"),
        "{judgements}"
    );
    assert!(judgements.contains("Justified 1 50% UOF 1"), "{judgements}");
}

#[test]
fn an_archive_s_trends_give_a_type_s_own_judgements_per_meeting() {
    let t = Report::new().file("panel.yaml", "title: Panel\n");
    let meeting = with_own_scale();
    super::copy_tree(meeting.path(), &t.path().join("2025-03"));
    super::copy_tree(meeting.path(), &t.path().join("2025-04"));
    let second = t
        .read("2025-04/report.yaml")
        .replace("meeting_date: 2025-03-12", "meeting_date: 2025-04-09");
    let t = t.file("2025-04/report.yaml", second).file(
        "2025-04/cases/uof-02.md",
        "---\ncase: 2\ntype: use-of-force\nchecks:\n  force_justified: yes\n  handcuffs_explained: yes\n  bwv_on: yes\njudgement: justified\n---\n- A point.\n",
    );
    let built = t.run(&["build", "{dir}", "--format", "html,docx,json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(super::schema::check_outputs(&t.path().join("output")) > 0);
    let trends: serde_json::Value = serde_json::from_str(&t.read("output/trends.json")).unwrap();
    let force = |m: usize| &trends["meetings"][m]["type_judgements"]["use-of-force"];
    assert_eq!(
        force(0),
        &serde_json::json!({"justified": 1, "not-justified": 1})
    );
    assert_eq!(
        force(1),
        &serde_json::json!({"justified": 2, "not-justified": 0})
    );
    // The searches stay on the report's scale, counted without the uses of force.
    assert_eq!(trends["meetings"][1]["judgements"]["appropriate"], 1);

    let page = visible_text(&t.read("output/trends.html"));
    assert!(
        page.contains(
            "Use of force Judgement 12 March 2025 9 April 2025 Justified 1 2 Not justified 1 0"
        ),
        "{page}"
    );
    let docx = unzip(&std::fs::read(t.path().join("output/trends.docx")).unwrap());
    let texts: Vec<String> = paragraphs(&docx["word/document.xml"])
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    assert!(
        texts.iter().any(|p| p.ends_with(": Use of force")),
        "{texts:#?}"
    );
}

/// A type's scale is short: its name, chart and table were once split over two pages,
/// the chart ending one and its table opening the next.
#[test]
fn a_type_s_chart_and_table_share_a_page_in_the_pdf() {
    if !require("pdftotext") {
        return;
    }
    let t = with_own_scale();
    let run = t.run(&["build", "--format", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = std::process::Command::new("pdftotext")
        .arg(t.path().join("output/report.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let caption = "Use of force: Number of cases with each judgement";
    let page = text
        .split('\u{c}')
        .find(|page| page.contains(caption))
        .expect("the type's chart is in the PDF");
    // Only the table gives shares, and each of the two uses of force is half.
    assert!(page.contains("50%"), "the table left its chart:\n{page}");
}

#[test]
fn check_says_which_of_a_type_s_own_judgements_the_public_copy_shows_as_fewer_than_3() {
    let t = with_own_scale();
    let yaml = t.read("report.yaml")
        + "audiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL}\n";
    let run = t.file("report.yaml", yaml).run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = format!("{}{}", run.stdout, run.stderr);
    let public = said
        .lines()
        .skip_while(|l| !l.starts_with("the public copy"))
        .nth(1)
        .unwrap_or_default();
    // One use of force judged justified and one not: each is fewer than 3.
    assert!(
        public.contains("`use-of-force: justified` and `use-of-force: not-justified`"),
        "{said}"
    );
}
