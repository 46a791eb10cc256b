//! A bilingual archive: `languages: [cy, en]` in panel.yaml. Its settings' words must be
//! given in Welsh before it can be published, and once they are, its index, trends and
//! meetings' pages exist in both languages, each linking to the other, and the Welsh ones
//! hold English only where the case files themselves are untranslated.

use std::fs;

use super::docx::unzip;
use super::*;

/// panel.yaml of the sample archive with every setting's words in both languages.
const PANEL: &str = r#"title: {en: Hate Crime Quality Assurance Panel, cy: Panel Sicrhau Ansawdd Troseddau Casineb}
panel: {en: Hate Crime Quality Assurance Panel, cy: Panel Sicrhau Ansawdd Troseddau Casineb}
organisation: {en: Office of the Police and Crime Commissioner, cy: Swyddfa'r Comisiynydd Heddlu a Throseddu}
force: Dyfed-Powys Police
marking: OFFICIAL
language: en
languages: [cy, en]
checks:
  risk_assessment: {en: Risk assessment completed and evidenced, cy: Asesiad risg wedi'i gwblhau a'i dystiolaethu}
  hcso_48h: {en: HCSO contact within 48 hours, cy: Cyswllt gan SCTC o fewn 48 awr}
  victim_contract: {en: Victim contract created, cy: Contract dioddefwr wedi'i greu}
fields:
  recorded_as: {en: Recorded as, cy: Cofnodwyd fel}
  strand:
    label: {en: Strand, cy: Llinyn}
    type: list
    choices:
      race: {en: Race, cy: Hil}
      religion: {en: Religion, cy: Crefydd}
      sexual-orientation: {en: Sexual orientation, cy: Cyfeiriadedd rhywiol}
      disability: {en: Disability, cy: Anabledd}
      transgender: {en: Transgender, cy: Trawsryweddol}
      not-recorded: {en: Not recorded, cy: Heb ei gofnodi}
      other: {en: Other, cy: Arall}
  risk:
    label: {en: Risk, cy: Risg}
    choices:
      low: {en: Low, cy: Isel}
      medium: {en: Medium, cy: Canolig}
      high: {en: High, cy: Uchel}
      unclear: {en: Unclear, cy: Aneglur}
"#;

/// themes.yaml of the sample archive with every label and summary in both languages.
const THEMES: &str = r#"late-hcso-contact:
  label: {en: HCSO contact not made within 48 hours, cy: Dim cyswllt gan SCTC o fewn 48 awr}
  summary:
    en: HCSO contact was not always made within the 48 hour requirement.
    cy: Ni chafwyd cyswllt gan SCTC bob tro o fewn y gofyniad 48 awr.
  when:
    - check: hcso_48h
      is: ["no", partial]
risk-unclear:
  label: {en: Outcome of the risk assessment unclear, cy: Canlyniad yr asesiad risg yn aneglur}
  when:
    - check: risk_assessment
      is: [unclear]
    - phrase: "risk assessment was unclear"
no-victim-contract:
  label: {en: No victim contract on file, cy: Dim contract dioddefwr ar ffeil}
  when:
    - check: victim_contract
      is: ["no"]
victim-kept-informed:
  label: {en: Victim kept informed throughout, cy: Dioddefwr wedi'i hysbysu drwy gydol}
  kind: good-practice
"#;

/// The sample archive copied into `dir` with `languages: [cy, en]`, its settings' words
/// in English only, as a panel first writes it.
fn english_only(dir: &Path) -> PathBuf {
    let to = dir.join("archive-english-only");
    copy_tree(&fixture("archive/sample"), &to);
    let panel = to.join("panel.yaml");
    let text = fs::read_to_string(&panel).unwrap();
    fs::write(&panel, format!("{text}languages: [cy, en]\n")).unwrap();
    to
}

/// The sample archive copied into `dir` with `languages: [cy, en]` and every setting's
/// words in both languages.
pub(super) fn bilingual_archive(dir: &Path) -> PathBuf {
    let to = dir.join("archive-bilingual");
    copy_tree(&fixture("archive/sample"), &to);
    fs::write(to.join("panel.yaml"), PANEL).unwrap();
    fs::write(to.join("themes.yaml"), THEMES).unwrap();
    to
}

#[test]
fn publish_refuses_a_bilingual_archive_whose_settings_are_english_only_naming_each_key() {
    let dir = tempfile::tempdir().unwrap();
    let archive = english_only(dir.path());
    let out = dir.path().join("out");
    let built = run(&["build", s(&archive), "--out", s(&out), "--publish"]);
    assert_eq!(built.code, 1, "{}", built.stderr);
    for expected in [
        "panel.yaml:3:1: error: 20 settings have no `cy` words: title, panel, organisation, checks.risk_assessment, checks.hcso_48h, checks.victim_contract, fields.recorded_as, fields.strand.label, fields.strand.choices.race,",
        "fields.risk.choices.unclear",
        "themes.yaml:2:3: error: 5 settings have no `cy` words: late-hcso-contact.label, late-hcso-contact.summary, risk-unclear.label, no-victim-contract.label, victim-kept-informed.label",
    ] {
        assert!(
            built.stderr.contains(expected),
            "{expected}\n{}",
            built.stderr
        );
    }
    // panel.yaml is named once, though every meeting reads it.
    assert_eq!(
        built
            .stderr
            .matches("settings have no `cy` words: title")
            .count(),
        1
    );
    assert!(
        !out.exists() || read_dir_bytes(&out).is_empty(),
        "nothing is written"
    );
    // Given in both languages, no setting is named.
    let archive = bilingual_archive(dir.path());
    let checked = run(&["check", s(&archive)]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(!checked.stderr.contains("words:"), "{}", checked.stderr);
    assert!(
        !checked.stderr.contains("unknown key"),
        "{}",
        checked.stderr
    );
}

/// The tag of each element of `page` marked `lang="en"`.
fn marked_english(page: &str) -> Vec<&str> {
    page.match_indices(" lang=\"en\"")
        .filter_map(|(at, _)| {
            let open = page[..at].rfind('<')?;
            page[open + 1..at].split([' ', '>']).next()
        })
        .collect()
}

#[test]
fn a_bilingual_archive_writes_its_index_and_trends_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let archive = bilingual_archive(dir.path());
    let out = dir.path().join("out");
    let built = run(&["build", s(&archive), "--out", s(&out)]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let said = format!("{}{}", built.stdout, built.stderr);
    assert!(
        said.contains(&format!("open {}", s(&out.join("index.cy.html")))),
        "{said}"
    );
    for name in [
        "index.cy.html",
        "index.en.html",
        "trends.cy.html",
        "trends.en.html",
        "trends.cy.docx",
        "trends.en.docx",
        "trends.json",
        "trends.csv",
        "2024/01/report.cy.html",
        "2024/01/report.en.html",
    ] {
        assert!(out.join(name).is_file(), "no {name}");
    }
    for name in ["index.html", "trends.html", "trends.docx", "trends.cy.json"] {
        assert!(!out.join(name).exists(), "{name} is written");
    }
    let page = |name: &str| fs::read_to_string(out.join(name)).unwrap();
    let (index, trends) = (page("index.cy.html"), page("trends.cy.html"));
    for welsh in [&index, &trends] {
        assert!(welsh.contains("<html lang=\"cy\">"));
        assert!(welsh.contains("Panel Sicrhau Ansawdd Troseddau Casineb"));
    }
    assert!(index.contains(r#"<a href="index.en.html" hreflang="en" lang="en">"#));
    assert!(index.contains(r#"<a href="trends.cy.html">"#));
    assert!(index.contains(r#"href="2024/01/report.cy.html""#));
    assert!(trends.contains(r#"<a href="trends.en.html" hreflang="en" lang="en">"#));
    assert!(trends.contains(r#"<a href="index.cy.html">"#));
    assert!(trends.contains("Dim cyswllt gan SCTC o fewn 48 awr"));
    assert!(trends.contains("Cyswllt gan SCTC o fewn 48 awr"));
    assert!(!trends.contains("HCSO contact"), "an English label is left");
    let english = page("index.en.html");
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains(r#"<a href="index.cy.html" hreflang="cy" lang="cy">"#));
    assert!(english.contains(r#"href="2024/01/report.en.html""#));
    // The only English in the Welsh pages is the link to the English version, and in a
    // meeting's report the case files and documents no one has translated yet.
    assert_eq!(marked_english(&index), ["a"]);
    assert_eq!(marked_english(&trends), ["a"]);
    let report = page("2024/01/report.cy.html");
    let tags = marked_english(&report);
    assert!(!tags.is_empty());
    assert!(
        tags.iter().all(|t| ["a", "div", "li"].contains(t)),
        "a setting shows in English: {tags:?}"
    );
    assert!(
        report.contains("Canlyniad yr asesiad risg yn aneglur")
            || report.contains("Cyswllt gan SCTC o fewn 48 awr")
    );
    // The documents link to each other and are in their language.
    for (lang, other, word) in [("cy", "en", "cy-GB"), ("en", "cy", "en-GB")] {
        let docx = out.join(format!("trends.{lang}.docx"));
        tools::assert_schema_valid(&docx);
        let parts = unzip(&fs::read(&docx).unwrap());
        assert!(
            parts["word/_rels/document.xml.rels"]
                .contains(&format!("Target=\"trends.{other}.docx\"")),
            "trends.{lang}.docx does not link to trends.{other}.docx"
        );
        assert!(parts["word/styles.xml"].contains(&format!("w:val=\"{word}\"")));
    }
}
