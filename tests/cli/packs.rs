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
    // `check` says so first, at its line, with the copy likely meant.
    let t = panel().append("report.yaml", "packs_audience: forse\n");
    let checked = t.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("report.yaml:20:17: error: `packs_audience: forse` names no audience"),
        "{}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("did you mean `force`?"),
        "{}",
        checked.stderr
    );
}

/// The pack `member` was sent, with each `(from, to)` done once in its document.xml, as
/// Word would save what the member typed.
pub(super) fn filled(report: &Report, member: &str, edits: &[(&str, &str)]) -> Vec<u8> {
    let path = report.path().join(format!("output/packs/{member}.docx"));
    let mut bytes = fs::read(path).unwrap();
    for (from, to) in edits {
        let document = &unzip(&bytes)["word/document.xml"];
        assert!(document.contains(from), "{from} is not in the pack");
        let after = document.replacen(from, to, 1);
        bytes = super::docx::replace_in_part(&bytes, "word/document.xml", document, &after);
    }
    bytes
}

/// The first empty box's prompt, and the first drop-down left unanswered.
const PROMPT: &str = r#"<w:t xml:space="preserve">Type your points here.</w:t>"#;
const UNANSWERED: &str = r#"<w:t xml:space="preserve">not answered</w:t>"#;

/// Alice's pack with a point typed into case 1's empty box and one of hers there
/// reworded, and in case 2 two points, one bold and one with a tag, and its check answered.
fn alice_filled(t: &Report) -> Vec<u8> {
    filled(
        t,
        "alice",
        &[
            (
                PROMPT,
                r#"<w:t xml:space="preserve">Charged too late.</w:t>"#,
            ),
            (UNANSWERED, r#"<w:t xml:space="preserve">Yes</w:t>"#),
            (
                PROMPT,
                r#"<w:t xml:space="preserve">• Nobody called the HCSO. #late-hcso-contact</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Second</w:t></w:r><w:r><w:t xml:space="preserve"> point</w:t>"#,
            ),
            ("Contact came ", "Contact came very "),
        ],
    )
}

fn collect(t: &Report, pack: &[u8], more: &[&str]) -> super::Run {
    let file = t.path().join("returned.docx");
    fs::write(&file, pack).unwrap();
    let mut args = vec!["collect", super::s(&file), super::s(t.path())];
    args.extend(more);
    t.run(&args)
}

#[test]
fn a_returned_pack_goes_into_the_member_s_own_files_and_again_changes_nothing() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    let case = t.read("cases/case-02.md");
    let bob = t.read("cases/case-01/bob.md");
    let run = collect(&t, &pack, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("case 1 (cases/case-01/alice.md): 1 point added; 1 point reworded"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("case 2 (cases/case-02/alice.md): 2 points added; hcso_48h: yes"),
        "{}",
        run.stdout
    );
    // The single-file case became a folder, its text moved unchanged.
    assert!(!t.path().join("cases/case-02.md").exists());
    assert_eq!(t.read("cases/case-02/case.md"), case);
    assert_eq!(
        t.read("cases/case-02/alice.md"),
        "---\njudgement:\nchecks:\n  hcso_48h: yes\n---\n\n## Risk\n\n- Nobody called the HCSO. #late-hcso-contact\n- **Second** point\n"
    );
    let alice = t.read("cases/case-01/alice.md");
    assert!(
        alice.contains("- Contact came very **late**. #late-hcso-contact\n"),
        "{alice}"
    );
    assert!(
        alice.ends_with("## Outcome\n\n- Charged too late.\n"),
        "{alice}"
    );
    assert_eq!(t.read("cases/case-01/bob.md"), bob);
    assert!(t.read("packs.yaml").contains("  collected: \""));
    let before = read_dir_bytes(t.path());
    let again = collect(&t, &pack, &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
    assert_eq!(
        read_dir_bytes(t.path()),
        before,
        "collecting again changed a file"
    );
}

#[test]
fn dry_run_writes_nothing_and_a_file_changed_since_the_pack_is_refused_unless_forced() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    let before = read_dir_bytes(t.path());
    let run = collect(&t, &pack, &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("would move cases/case-02.md to cases/case-02/case.md"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("+- **Second** point"), "{}", run.stdout);
    fs::remove_file(t.path().join("returned.docx")).unwrap();
    assert_eq!(read_dir_bytes(t.path()), before);
    let t = t.append(
        "cases/case-01/alice.md",
        "- Written by hand after the pack.\n",
    );
    let run = collect(&t, &pack, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("case 1: this file changed since alice's pack was written"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("-- Written by hand after the pack."),
        "{}",
        run.stderr
    );
    assert!(t.read("cases/case-01/alice.md").contains("Written by hand"));
    assert!(
        t.path().join("cases/case-02/alice.md").exists(),
        "the other case is collected"
    );
    let run = collect(&t, &pack, &["--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!t.read("cases/case-01/alice.md").contains("Written by hand"));
}

#[test]
fn tracked_changes_are_accepted_and_comments_warned_of() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = filled(
        &t,
        "alice",
        &[(
            "Contact came ",
            r#"Contact came </w:t></w:r><w:del w:id="90" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>rather </w:delText></w:r></w:del><w:ins w:id="91" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">far too </w:t></w:r></w:ins><w:commentRangeStart w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">"#,
        )],
    );
    let run = collect(&t, &pack, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the pack has comments, which are not read back"),
        "{}",
        run.stderr
    );
    let alice = t.read("cases/case-01/alice.md");
    assert!(
        alice.contains("- Contact came far too **late**."),
        "{alice}"
    );
    assert!(!alice.contains("rather"), "{alice}");
}

/// Collecting `pack` is refused with `words`, and leaves every file as it was.
fn refused(t: &Report, pack: &[u8], words: &str) -> String {
    let file = t.path().join("returned.docx");
    fs::write(&file, pack).unwrap();
    let before = read_dir_bytes(t.path());
    let run = t.run(&["collect", super::s(&file), super::s(t.path())]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(words), "{}", run.stderr);
    assert_eq!(read_dir_bytes(t.path()), before, "a refused pack wrote");
    run.stderr
}

#[test]
fn a_pack_of_no_member_or_of_no_case_here_or_a_report_is_refused() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    let yaml = t
        .read("report.yaml")
        .replace("  alice: Alice Jones\n", "  alicia: Alice Jones\n");
    let alice = t.read("cases/case-01/alice.md");
    fs::remove_file(t.path().join("cases/case-01/alice.md")).unwrap();
    let t = t
        .file("report.yaml", &yaml)
        .file("cases/case-01/alicia.md", &alice);
    let stderr = refused(&t, &pack, "no member `alice` in `members:`");
    assert!(stderr.contains("did you mean `alicia`?"), "{stderr}");

    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    fs::remove_dir_all(t.path().join("cases")).unwrap();
    let t = t.case(7, "judgement: appropriate\n", "## Risk\n- Fine.\n");
    refused(
        &t,
        &pack,
        "none of the pack's cases (1 and 2) is in this report",
    );

    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    fs::remove_file(t.path().join("cases/case-02.md")).unwrap();
    let run = collect(&t, &pack, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the pack has case 2 that the report no longer has"),
        "{}",
        run.stderr
    );
    assert!(
        t.read("cases/case-01/alice.md")
            .contains("Charged too late.")
    );

    let t = panel();
    assert_eq!(
        t.run(&["build", super::s(t.path()), "--format", "docx"])
            .code,
        0
    );
    let report = fs::read(t.path().join("output/force/report.docx")).unwrap();
    refused(&t, &report, "taken back by `build-report responses`");
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = fs::read(t.path().join("output/packs/bob.docx")).unwrap();
    fs::write(t.path().join("bob.docx"), &pack).unwrap();
    let run = t.run(&[
        "responses",
        super::s(&t.path().join("bob.docx")),
        super::s(t.path()),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`build-report collect`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_hostile_or_broken_pack_is_refused_as_responses_refuses_it() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = alice_filled(&t);
    let truncated = pack[..pack.len() / 2].to_vec();
    let bomb = super::responses::zip(&[("word/document.xml".into(), vec![b'<'; 65 * 1024 * 1024])]);
    let entity = filled(
        &t,
        "alice",
        &[
            (
                "<w:document ",
                "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><w:document ",
            ),
            (PROMPT, "<w:t>&secret;</w:t>"),
        ],
    );
    for (bytes, words) in [
        (truncated, "not a zip package"),
        (bomb, "larger than 64 MiB"),
    ] {
        let stderr = refused(&t, &bytes, words);
        let error = stderr
            .lines()
            .find(|l| l.starts_with("error:"))
            .unwrap()
            .to_string();
        let run = t.run(&[
            "responses",
            super::s(&t.path().join("returned.docx")),
            super::s(t.path()),
        ]);
        assert!(
            run.stderr.contains(&error),
            "responses refused it otherwise: {}\n{error}",
            run.stderr
        );
    }
    // An external entity is never fetched: it reads as nothing, as in `responses`.
    let run = collect(&t, &entity, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!t.read("cases/case-01/alice.md").contains("root:"));
    assert!(!t.read("cases/case-01/alice.md").contains("Outcome"));
}

#[test]
fn a_deleted_box_or_drop_down_is_a_warning_and_the_file_keeps_its_points_there() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let pack = fs::read(t.path().join("output/packs/alice.docx")).unwrap();
    let document = &unzip(&pack)["word/document.xml"];
    // Word deletes a bookmark with the text around it: here the first box's start and
    // the first drop-down's.
    let without = |xml: &str, kind: &str| {
        let at = xml.find(&format!("w:name=\"{kind}")).unwrap();
        let start = xml[..at].rfind("<w:bookmarkStart").unwrap();
        format!(
            "{}{}",
            &xml[..start],
            &xml[at..].split_once("/>").unwrap().1
        )
    };
    let edited = without(&without(document, "_BrBox_"), "_BrPick_");
    let edited = edited.replacen("Contact came ", "Rewritten ", 1);
    let pack = super::docx::replace_in_part(&pack, "word/document.xml", document, &edited);
    let alice = t.read("cases/case-01/alice.md");
    let run = collect(&t, &pack, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("case 1: the grey box under \"Risk\" was deleted"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("case 1: the drop-down for \"HCSO contact within 48 hours\" was deleted"),
        "{}",
        run.stderr
    );
    assert_eq!(t.read("cases/case-01/alice.md"), alice);
}

#[test]
fn check_lists_a_pack_still_out_with_the_cases_still_empty_until_it_is_collected() {
    let t = panel();
    assert_eq!(t.run(&["pack", super::s(t.path())]).code, 0);
    let run = t.run(&["check", super::s(t.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("note: bob's review pack of 20"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("is out and not collected yet; case 2 is still empty"),
        "{}",
        run.stdout
    );
    assert_eq!(collect(&t, &alice_filled(&t), &[]).code, 0);
    let run = t.run(&["check", super::s(t.path())]);
    assert!(
        !run.stdout.contains("alice's review pack"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("bob's review pack"), "{}", run.stdout);
}

/// `report.json` of the folder, without the line numbers, which depend on how a file is
/// laid out rather than on what it says.
fn report_json(t: &Report) -> serde_json::Value {
    let out = super::build_formats(t.path(), "json");
    let text = fs::read_to_string(out.path().join("force/report.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("line");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut json);
    json
}

#[test]
fn a_pack_filled_as_word_and_as_libreoffice_saves_it_builds_the_report_written_by_hand() {
    let by_hand = panel()
        .file(
            "cases/case-01/alice.md",
            "---\njudgement: appropriate-with-observations\nchecks:\n  hcso_48h: partial\n---\n## Risk\n- Contact came very **late**. #late-hcso-contact\n\n## Outcome\n- Charged too late.\n",
        )
        .file("cases/case-02/case.md", panel().read("cases/case-02.md"))
        .file(
            "cases/case-02/alice.md",
            "---\nchecks:\n  hcso_48h: yes\n---\n## Risk\n- Nobody called the HCSO. #late-hcso-contact\n- **Second** point\n",
        );
    fs::remove_file(by_hand.path().join("cases/case-02.md")).unwrap();
    let expected = report_json(&by_hand);
    let alice: Vec<&serde_json::Value> = expected["cases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["feedback"].as_array().unwrap())
        .filter(|p| p["member"] == "alice")
        .collect();
    assert_eq!(alice.len(), 4, "{expected}");

    let word = panel();
    assert_eq!(word.run(&["pack", super::s(word.path())]).code, 0);
    let pack = alice_filled(&word);
    let run = collect(&word, &pack, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report_json(&word), expected);

    if !super::tools::require("soffice") {
        return;
    }
    let office = panel();
    assert_eq!(office.run(&["pack", super::s(office.path())]).code, 0);
    let saved = tempfile::tempdir().unwrap();
    let filled = saved.path().join("alice.docx");
    fs::write(&filled, alice_filled(&office)).unwrap();
    let out = saved.path().join("out");
    let converted = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            saved.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&out)
        .arg(&filled)
        .output()
        .expect("soffice runs");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let resaved = fs::read(out.join("alice.docx")).unwrap();
    let run = collect(&office, &resaved, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(report_json(&office), expected);
}

#[test]
fn in_an_archive_a_pack_is_of_a_meeting_and_the_archive_alone_names_its_latest() {
    let t = Report::new()
        .file(
            "panel.yaml",
            "title: Scrutiny Panel\nmembers:\n  alice: Alice Jones\n",
        )
        .file("2025-01/report.yaml", "meeting_date: 2025-01-15\n")
        .case_in(
            "2025-01",
            1,
            "judgement: appropriate\n",
            "## Risk\n- Fine.\n",
        )
        .file("2025-03/report.yaml", "meeting_date: 2025-03-12\n")
        .case_in(
            "2025-03",
            1,
            "judgement: appropriate\n",
            "## Risk\n- Slow.\n",
        );
    let run = t.run(&["pack", super::s(t.path())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is an archive"), "{}", run.stderr);
    assert!(run.stderr.contains("2025-03"), "{}", run.stderr);
    let run = t.run(&["pack", super::s(&t.path().join("2025-03"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(t.path().join("output/2025-03/packs/alice.docx").is_file());
    assert!(
        t.read("2025-03/packs.yaml")
            .contains("\"cases/case-01/alice.md\": \"none\"")
    );
}
