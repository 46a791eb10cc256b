//! Review packs (issue 30), through the real binary: `pack` writes each member a Word
//! document of the cases with their own points and answers in it, and records it in
//! packs.yaml.

use std::fs;

use super::builder::Report;
use super::docx::unzip;
use super::read_dir_bytes;
use super::tools::assert_schema_valid;

/// A panel of two members with audiences, one case a folder and one a single file.
pub(super) fn panel() -> Report {
    Report::new()
        .file(
            "report.yaml",
            "title: Scrutiny Panel\nmeeting_date: 2025-03-12\nmarking: OFFICIAL-SENSITIVE\nchecks:\n  hcso_48h: HCSO contact within 48 hours\nmembers:\n  alice: Alice Jones\n  bob: Bob Evans\nfields:\n  crime_ref:\n    label: Crime reference\n    type: text\n  offence:\n    label: Offence\n    type: text\naudiences:\n  force: {}\n  public:\n    hide: [crime_ref]\n",
        )
        .file(
            "cases/case-01/case.md",
            "---\ncase: 1\ncrime_ref: CR/123/24\noffence: Assault\nchecks:\n  hcso_48h: no\njudgement: appropriate\n---\n## Risk\n- Members agreed the referral was slow.\n\n## Outcome\n- Charged.\n",
        )
        .file(
            "cases/case-01/alice.md",
            "---\njudgement: appropriate-with-observations\nchecks:\n  hcso_48h: partial\n---\n## Risk\n- Contact came **late**. #late-hcso-contact\n",
        )
        .file("cases/case-01/bob.md", "---\njudgement:\n---\n## Risk\n- Bob's own view.\n")
        .case(2, "offence: Theft\njudgement: appropriate\n", "## Risk\n- Fine.\n\n## Outcome\n- Caution.\n")
}

fn document(report: &Report, member: &str) -> String {
    let bytes = fs::read(report.path().join(format!("output/packs/{member}.docx"))).unwrap();
    unzip(&bytes)["word/document.xml"].clone()
}

#[test]
fn each_member_gets_a_pack_with_their_own_points_and_answers() {
    let t = panel();
    let run = t.run(&["pack", super::s(t.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("alice.docx"), "{}", run.stdout);
    let alice = document(&t, "alice");
    for words in [
        "Review pack for Alice Jones",
        "Only what is in the grey boxes",
        "Case 1",
        "Members agreed the referral was slow.",
        "Contact came ",
        " #late-hcso-contact",
        "w:dropDownList",
        "Partly",
        "Appropriate with observations",
        "Assault",
        "Type your points here.",
    ] {
        assert!(alice.contains(words), "no {words} in alice's pack");
    }
    assert!(
        !alice.contains("Bob's own view"),
        "bob's points in alice's pack"
    );
    // The public copy's facts: its hidden field is not shown.
    assert!(!alice.contains("CR/123/24"), "a hidden field in the pack");
    assert!(document(&t, "bob").contains("Bob's own view."));
    let parts = unzip(&fs::read(t.path().join("output/packs/alice.docx")).unwrap());
    assert!(parts["word/header1.xml"].contains("OFFICIAL-SENSITIVE"));
    assert!(parts["docProps/custom.xml"].contains("build-report-pack"));
    let record = t.read("packs.yaml");
    assert!(record.contains("\"alice\":\n  date: \""), "{record}");
    assert!(
        record.contains("\"cases/case-02/alice.md\": \"none\""),
        "{record}"
    );
    assert!(!record.contains("collected"), "{record}");
    assert_schema_valid(&t.path().join("output/packs/alice.docx"));
    assert_schema_valid(&t.path().join("output/packs/bob.docx"));
}

#[test]
fn the_packs_audience_decides_the_facts_and_a_bilingual_panel_reads_both_languages() {
    let t = panel()
        .append(
            "report.yaml",
            "packs_audience: force\npacks_due: 2025-03-05\nlanguages: [en, cy]\n",
        )
        .file(
            "cases/case-01/case.cy.md",
            "---\ncase: 1\n---\n## Risk\n- Araf.\n\n## Outcome\n- Cyhuddo.\n",
        )
        .file(
            "cases/case-02.cy.md",
            "---\ncase: 2\n---\n## Risk\n- Iawn.\n\n## Outcome\n- Rhybudd.\n",
        );
    let run = t.run(&["pack", super::s(t.path()), "--member", "alice"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let alice = document(&t, "alice");
    assert!(
        alice.contains("CR/123/24"),
        "the force's copy shows the reference"
    );
    assert!(alice.contains("by 5 March 2025"), "no due date");
    assert!(
        alice.contains("Pecyn adolygu ar gyfer Alice Jones"),
        "no Welsh first page"
    );
    assert!(!t.path().join("output/packs/bob.docx").exists());
}

#[test]
fn a_member_not_in_members_is_refused_and_nothing_is_written() {
    let t = panel();
    let before = read_dir_bytes(t.path());
    let run = t.run(&["pack", super::s(t.path()), "--member", "alcie"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("no member `alcie`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `alice`?"),
        "{}",
        run.stderr
    );
    assert_eq!(read_dir_bytes(t.path()), before);
    let t = panel().append("report.yaml", "packs_audience: press\n");
    let run = t.run(&["pack", super::s(t.path())]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`packs_audience: press` names no audience"),
        "{}",
        run.stderr
    );
}
