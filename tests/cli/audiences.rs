//! Two copies from one folder (`audiences:`), through the real binary: each audience's
//! copy in its own folder, not one hidden value nor restricted note in any byte of the
//! public copy while the force's has them all, `--publish` reading the public copy's text, and `responses`
//! refusing the public copy's report.docx.

use std::fs;
use std::path::Path;

use super::builder::Report;
use super::docx::unzip;
use super::tools::require;

/// What the force needs to find each case, and the public copy must never show.
const HIDDEN: [&str; 5] = [
    "DP/24/004512",
    "DP/24/007731",
    "DP/24/009102",
    "PC 4512",
    "DC 3318",
];

/// The panel's restricted notes, under `## For the force only` and in a fenced
/// `restricted` block: in the force's copy, in no byte of the public one.
const RESTRICTED: [&str; 3] = ["Hathersage station", "DP/24/011877", "Quellbrook"];

const FILES: [&str; 6] = [
    "report.docx",
    "report.html",
    "report.json",
    "report.pdf",
    "report.xlsx",
    "themes.csv",
];

fn built(args: &[&str]) -> Report {
    let t = Report::copy("audiences");
    let run = t.run(&[&["build"], args].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    t
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every text a reader or a program can get out of `copy`'s files, by file: the pages and
/// the data as written, each XML part of the Word document and the workbook, and the
/// PDF's text when pdftotext is there to read it.
pub(super) fn texts(copy: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in FILES {
        let path = copy.join(name);
        match name.rsplit('.').next() {
            Some("docx" | "xlsx") => {
                for (part, text) in unzip(&fs::read(&path).unwrap()) {
                    out.push((format!("{name}:{part}"), text));
                }
            }
            Some("pdf") if require("pdftotext") => {
                let text = std::process::Command::new("pdftotext")
                    .arg(&path)
                    .arg("-")
                    .output()
                    .expect("pdftotext runs");
                out.push((name.into(), String::from_utf8_lossy(&text.stdout).into()));
            }
            Some("pdf") => {}
            _ => out.push((name.into(), fs::read_to_string(&path).unwrap())),
        }
    }
    out
}

#[test]
fn a_build_writes_each_audience_s_copy_in_its_own_folder() {
    let t = built(&[]);
    let output = t.path().join("output");
    assert_eq!(names(&output), ["force", "public"]);
    assert_eq!(names(&output.join("force")), FILES);
    assert_eq!(names(&output.join("public")), FILES);
    let marking = |copy: &str| {
        let json: serde_json::Value =
            serde_json::from_str(&t.read(&format!("output/{copy}/report.json"))).unwrap();
        json["marking"].as_str().unwrap().to_string()
    };
    assert_eq!(marking("force"), "OFFICIAL-SENSITIVE");
    assert_eq!(marking("public"), "OFFICIAL");
    super::tools::assert_schema_valid(&output.join("public/report.docx"));
}

#[test]
fn audience_writes_that_copy_alone_and_refuses_one_the_report_lacks() {
    let t = built(&["--audience", "public"]);
    assert_eq!(names(&t.path().join("output")), ["public"]);
    let t = t.expect_code(2).expect_stderr(
        "--audience press is not one of the report's audiences; it has `force` or `public`",
    );
    t.run(&["build", "--audience", "press"]);
    assert_eq!(names(&t.path().join("output")), ["public"]);
    let plain = Report::copy("good/small");
    plain
        .expect_code(2)
        .expect_stderr(
            "--audience public chooses one copy of `audiences:`, and the report declares none",
        )
        .run(&["build", "--audience", "public"]);
}

#[test]
fn not_one_hidden_value_is_in_any_file_of_the_public_copy() {
    let t = built(&[]);
    let output = t.path().join("output");
    let public = texts(&output.join("public"));
    for value in HIDDEN.into_iter().chain(RESTRICTED) {
        let leaks: Vec<&str> = public
            .iter()
            .filter(|(_, text)| text.contains(value))
            .map(|(name, _)| name.as_str())
            .collect();
        assert!(
            leaks.is_empty(),
            "{value} is in the public copy's {leaks:?}"
        );
    }
    // The same greps find every value in each file of the force's copy, so they are not
    // blind to where a value would be.
    let force = texts(&output.join("force"));
    for file in [
        "report.html",
        "report.json",
        "report.docx:word/document.xml",
        "report.pdf",
    ] {
        let Some((_, text)) = force.iter().find(|(name, _)| name == file) else {
            continue;
        };
        for value in HIDDEN.into_iter().chain(RESTRICTED) {
            assert!(text.contains(value), "{value} is not in the force's {file}");
        }
    }
    let workbook = force
        .iter()
        .filter(|(name, _)| name.starts_with("report.xlsx:"))
        .map(|(_, text)| text.as_str())
        .collect::<String>();
    assert!(HIDDEN.iter().all(|v| workbook.contains(v)), "{workbook}");
}

#[test]
fn publish_reads_the_public_copy_so_a_hidden_reference_passes_and_one_in_a_point_does_not() {
    let t = Report::copy("audiences");
    let run = t.run(&["build", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let t = t.append("cases/case-03.md", "- Logged again as DP/24/009102.\n");
    let t = t
        .expect_code(1)
        .expect_stderr("cases/case-03.md:11:19: error: possible personal data, a crime or incident reference: `DP/24/009102`");
    t.run(&["build", "--publish"]);
    t.expect_code(2)
        .expect_stderr("--publish checks the copy for `public`, and --audience force is another")
        .run(&["build", "--publish", "--audience", "force"]);
}

#[test]
fn a_mistyped_hidden_field_is_warned_about_and_stops_publishing() {
    let t = Report::copy("audiences");
    let yaml = t
        .read("report.yaml")
        .replace("hide: [crime_ref, oic]", "hide: [crime_rf, oic]");
    let t = t.file("report.yaml", yaml);
    let check = t.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("warning: no case has the field `crime_rf` that the audience `public` names"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("did you mean `crime_ref`?"),
        "{}",
        check.stderr
    );
    // Now nothing hides the references, so the scan of the public copy finds them too.
    assert!(
        check
            .stdout
            .contains("the public copy (OFFICIAL): hides `oic`; 4 warnings above block publishing"),
        "{}",
        check.stdout
    );
    t.expect_code(1)
        .expect_stderr("error: no case has the field `crime_rf`")
        .run(&["build", "--publish"]);
}

#[test]
fn check_says_what_each_copy_hides_suppresses_and_carries_and_what_blocks_publishing() {
    let t = Report::copy("audiences");
    let run = t.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "the force copy (OFFICIAL-SENSITIVE): shows every field; not published\n  shows every number\n  carries 2 restricted notes (cases 1 and 2)\nthe public copy (OFFICIAL): hides `crime_ref` and `oic`; nothing blocks publishing\n  shows \"fewer than 3\" for the themes `named-officer` and `late-contact`; the judgements `appropriate`, `appropriate-with-observations` and `inappropriate`; the answers to `risk_assessment`; the breakdown by `strand`\n  leaves out 2 restricted notes (cases 1 and 2)\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn responses_are_taken_from_the_force_s_copy_and_never_from_the_public_one() {
    let t = built(&["--format", "docx"]);
    let t = t
        .expect_code(1)
        .expect_stderr("this is the public copy of the report")
        .expect_stderr("output/force/report.docx");
    t.run(&["responses", "{dir}/output/public/report.docx", "{dir}"]);
    let force = t.run(&["responses", "{dir}/output/force/report.docx", "{dir}"]);
    assert_eq!(force.code, 0, "{}", force.stderr);
    let properties = &unzip(&fs::read(t.path().join("output/force/report.docx")).unwrap())["docProps/custom.xml"];
    assert!(
        properties.contains("<vt:lpwstr>force</vt:lpwstr>"),
        "{properties}"
    );
}

/// An archive of one meeting, whose panel.yaml declares a force copy with every field and
/// a public one that hides the case's crime reference, shown in each case's facts.
pub(super) fn archive_of_one_meeting() -> Report {
    Report::new()
        .file(
            "panel.yaml",
            "title: Panel\nfields:\n  crime_ref: Crime reference\ncase_facts: [crime_ref]\naudiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL, hide: [crime_ref]}\n",
        )
        .file("2024-03/report.yaml", "meeting_date: 2024-03-20\n")
        .case_in("2024-03", 1, "crime_ref: DP/24/004512\n", "- A point.\n")
}

#[test]
fn an_archive_writes_each_meeting_s_copies_in_its_folder() {
    let t = archive_of_one_meeting();
    let run = t.run(&["build", "--format", "json", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        t.read("output/2024-03/force/report.json")
            .contains("DP/24/004512")
    );
    assert!(
        !t.read("output/2024-03/public/report.json")
            .contains("DP/24/004512")
    );
    assert!(!t.path().join("output/2024-03/report.json").exists());
    // Each copy's index links to that copy's page of the meeting.
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let index = t.read("output/public/index.html");
    assert!(
        index.contains("href=\"../2024-03/public/report.html"),
        "{index}"
    );
    assert!(t.path().join("output/2024-03/public/report.html").exists());
    assert!(!t.path().join("output/index.html").exists());
}

#[test]
fn a_restricted_note_is_never_evidence_and_without_audiences_is_in_no_output() {
    let t = built(&["--format", "json"]);
    let force: serde_json::Value =
        serde_json::from_str(&t.read("output/force/report.json")).unwrap();
    let late = force["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|theme| theme["id"] == "late-contact")
        .unwrap();
    // Case 2's note says "late contact", and the panel's private words count for nothing.
    assert_eq!(late["cases"], serde_json::json!([1, 3]));
    let case = |n: usize| {
        force["cases"][n]["restricted_notes"]
            .as_str()
            .map(str::to_string)
    };
    assert!(case(1).unwrap().contains("Quellbrook"));
    assert_eq!(case(2), None);

    let plain = Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-03-20\n")
        .case(
            1,
            "",
            "- A point.\n\n## For the force only\n\n- Quellbrook.\n",
        );
    let check = plain.run(&["check"]);
    assert!(
        check.stderr.contains(
            "cases/case-01.md:6:1: warning: these restricted notes are in no copy of the report"
        ),
        "{}",
        check.stderr
    );
    let run = plain.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = plain.read("output/report.html");
    assert!(page.contains("A point.") && !page.contains("Quellbrook"));
}

#[test]
fn a_mistake_in_the_panel_s_template_is_told_once_not_once_a_copy() {
    let t = Report::copy("audiences").file(
        "templates/report.html",
        "<p>{{ no_such_thing.at_all }}</p>\n",
    );
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("error: template error").count(),
        1,
        "{}",
        run.stderr
    );
}
