//! Languages: a report in Welsh, and one in both languages at once, through the real
//! binary. The Welsh sample must keep no English word of build-report's own, and the two
//! versions of a bilingual report must count the same cases the same way.

use std::fs;

use super::docx::unzip;
use super::*;

/// The sample report rebuilt with `language: cy`.
fn welsh_sample() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["background.md", "themes.yaml", "summary.md", "closing.md"] {
        fs::copy(root.join(name), dir.path().join(name)).unwrap();
    }
    for sub in ["cases", "observations"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(root.join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    let yaml = fs::read_to_string(root.join("report.yaml")).unwrap();
    fs::write(
        dir.path().join("report.yaml"),
        yaml.replace("language: en", "language: cy"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let result = run(&["build", s(dir.path()), "--out", s(&out)]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let copy = super::copy_of(&out);
    let html = fs::read_to_string(copy.join("report.html")).unwrap();
    let docx = copy.join("report.docx");
    tools::assert_schema_valid(&docx);
    let document = unzip(&fs::read(&docx).unwrap());
    let word = [
        "word/document.xml",
        "word/footer1.xml",
        "word/styles.xml",
        "docProps/core.xml",
    ]
    .iter()
    .map(|part| document[*part].clone())
    .collect::<String>();
    (dir, html, word)
}

#[test]
fn a_welsh_report_keeps_no_english_word_of_its_own() {
    let (_dir, html, word) = welsh_sample();
    assert!(html.contains(r#"<html lang="cy">"#));
    assert!(word.contains(r#"<w:lang w:val="cy-GB""#));
    assert!(word.contains("<dc:language>cy-GB</dc:language>"));
    for welsh in [
        "Cefndir",
        "Achosion",
        "Achos 6",
        "Crynodeb",
        "Cynnwys",
        "29 Medi 2021",
    ] {
        assert!(html.contains(welsh), "the page has no `{welsh}`");
        assert!(word.contains(welsh), "the document has no `{welsh}`");
    }
    assert!(
        html.contains("(3 o 16 achos: "),
        "a numeral takes the singular noun"
    );
    assert!(word.contains(">Tudalen <") && word.contains("> o <"));
    assert!(word.contains("Ymateb yr Heddlu") && html.contains("Ymateb yr Heddlu"));
    // Every English word of build-report's own that Welsh words differently must be gone
    // from the text of both, whole, as it would be printed.
    let english = serde_json::to_value(build_report::catalogue::Labels::english()).unwrap();
    let welsh =
        serde_json::to_value(build_report::catalogue::Labels::built_in("cy").unwrap()).unwrap();
    for (key, value) in english.as_object().unwrap() {
        let Some(text) = value.as_str() else { continue };
        // The sample's report.yaml gives its own judgement scale, in English.
        let own_scale = key.starts_with("judgement_");
        if own_scale || text.contains('{') || Some(text) == welsh[key].as_str() || text.len() < 4 {
            continue;
        }
        let escaped = text.replace('&', "&amp;");
        for (what, output) in [("page", &html), ("document", &word)] {
            assert!(
                !output.contains(&format!(">{escaped}<")),
                "the Welsh {what} still says `{text}` ({key})"
            );
        }
    }
}

fn bilingual() -> (tempfile::TempDir, Run) {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/bilingual")), "--out", s(out.path())]);
    (out, result)
}

#[test]
fn a_bilingual_report_writes_both_versions_linked_to_each_other() {
    let (out, result) = bilingual();
    assert_eq!(result.code, 0, "{}", result.stderr);
    let names: Vec<String> = read_dir_bytes(out.path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            "report.cy.docx",
            "report.cy.html",
            "report.cy.pdf",
            "report.en.docx",
            "report.en.html",
            "report.en.pdf",
            "report.json",
            "report.xlsx",
            "themes.csv"
        ]
    );
    let cy = fs::read_to_string(out.path().join("report.cy.html")).unwrap();
    let en = fs::read_to_string(out.path().join("report.en.html")).unwrap();
    assert!(cy.contains(r#"<html lang="cy">"#) && en.contains(r#"<html lang="en">"#));
    assert!(cy.contains(
        r#"<a href="report.en.html" hreflang="en" lang="en">This report in English</a>"#
    ));
    assert!(en.contains(
        r#"<a href="report.cy.html" hreflang="cy" lang="cy">Yr adroddiad hwn yn Gymraeg</a>"#
    ));
    for lang in ["cy", "en"] {
        let docx = out.path().join(format!("report.{lang}.docx"));
        tools::assert_schema_valid(&docx);
        let parts = unzip(&fs::read(&docx).unwrap());
        let other = if lang == "cy" { "en" } else { "cy" };
        assert!(
            parts["word/_rels/document.xml.rels"]
                .contains(&format!("Target=\"report.{other}.docx\"")),
            "report.{lang}.docx does not link to report.{other}.docx"
        );
    }
    // Each PDF declares its own language.
    for lang in ["cy", "en"] {
        let pdf = fs::read(out.path().join(format!("report.{lang}.pdf"))).unwrap();
        let needle = format!("/Lang ({lang})");
        let compact = format!("/Lang({lang})");
        let found = pdf.windows(needle.len()).any(|w| w == needle.as_bytes())
            || pdf.windows(compact.len()).any(|w| w == compact.as_bytes());
        assert!(found, "report.{lang}.pdf does not declare `{lang}`");
    }
    // The counts and the case lists are the same in both.
    let counts = |page: &str| -> Vec<String> {
        page.match_indices("<td class=\"n\">")
            .map(|(i, _)| page[i..].split('<').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(counts(&cy), counts(&en));
    assert!(cy.contains("(2 o 3 achos: ") && en.contains("(2 of 3 cases: "));
}

#[test]
fn translated_text_shows_in_welsh_and_the_rest_in_english_marked_as_such() {
    let (out, result) = bilingual();
    assert_eq!(result.code, 0, "{}", result.stderr);
    let cy = fs::read_to_string(out.path().join("report.cy.html")).unwrap();
    // Case 1 is translated: its Welsh points show and its evidence quotes them.
    assert!(cy.contains("Teimlai'r aelodau fod yr atgyfeiriad yn araf."));
    assert!(cy.contains(r##"<li><a href="#case-1-point-2">Achos 1</a>: Roedd oedran y dioddefwr yn anghywir yn y log.</li>"##));
    assert!(cy.contains("Trosedd trefn gyhoeddus"));
    assert!(cy.contains("Panel Sicrhau Ansawdd"));
    assert!(cy.contains("Ni chafwyd cyswllt gan SCTC bob tro"));
    assert!(cy.contains("Adolygodd y panel"));
    assert!(cy.contains("Roedd cyswllt gan SCTC yn hwyr"));
    // Case 2 is not: it shows in English, marked as English, and so does its evidence.
    assert!(cy.contains("<div lang=\"en\">"));
    assert!(cy.contains(r##"<li lang="en"><a href="#case-2-point-1">Achos 2</a>: The risk assessment was not completed.</li>"##));
    // A theme label without Welsh is marked; the default judgements come in Welsh.
    assert!(cy.contains(r##"<th scope="row" lang="en"><a href="#evidence-record-errors">Errors in the record</a></th>"##));
    assert!(cy.contains(">Priodol<") && !cy.contains(">Appropriate<"));
    // The English version marks nothing.
    let en = fs::read_to_string(out.path().join("report.en.html")).unwrap();
    // Only the link to the Welsh version is in Welsh.
    assert_eq!(en.matches(" lang=\"cy\"").count(), 1, "{en}");
    assert!(!en.contains("<div lang=") && !en.contains("<li lang=") && !en.contains("<span lang="));
    let word = unzip(&fs::read(out.path().join("report.cy.docx")).unwrap());
    let document = &word["word/document.xml"];
    assert!(document.contains("Teimlai'r aelodau") || document.contains("Teimlai&apos;r aelodau"));
    assert!(
        document.contains(r#"<w:lang w:val="en-GB"/>"#),
        "the English text is not marked"
    );
}

#[test]
fn check_lists_what_is_untranslated_and_a_parting_translation() {
    let result = run(&["check", s(&fixture("good/bilingual"))]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    for expected in [
        "cases/case-02.md:1:1: warning: cases/case-02.md has no `cy` translation",
        "closing.md:1:1: warning: closing.md has no `cy` translation",
        "cases/case-03.cy.md:3:1: warning: this translation parts from cases/case-03.md here",
    ] {
        assert!(
            result.stderr.contains(expected),
            "{expected}\n{}",
            result.stderr
        );
    }
    // Case 3's translation has a point too many: the extra point is the case's, never a
    // theme's evidence, which is found from the checklist's answers.
    let (out, _) = bilingual();
    let cy = fs::read_to_string(out.path().join("report.cy.html")).unwrap();
    assert!(cy.contains("<li id=\"case-3-point-2\">Pwynt ychwanegol nad yw yn y gwreiddiol.</li>"));
    assert!(!cy.contains("</a>: Pwynt ychwanegol"));
    assert!(cy.contains(
        "<li>o'r rhestr wirio: 'Cyswllt gan SCTC o fewn 48 awr': Na mewn 2 achos (<a href=\"#case-1\">1</a>, <a href=\"#case-3\">3</a>)</li>"
    ));
}

#[test]
fn check_names_the_settings_without_welsh_words_once_per_file() {
    let result = run(&["check", s(&fixture("good/bilingual"))]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    for expected in [
        "report.yaml:3:1: warning: 2 settings have no `cy` words: panel, checks.victim_contract",
        "help: give each as a map by language, such as `panel: {en: Quality Assurance Panel, cy: ...}`; until then the `cy` version shows them in `en`",
        "themes.yaml:10:3: warning: 1 setting has no `cy` words: record-errors.label",
    ] {
        assert!(
            result.stderr.contains(expected),
            "{expected}\n{}",
            result.stderr
        );
    }
    // A report in one language has nothing to translate.
    let result = run(&["check", s(&fixture("good/small"))]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(!result.stderr.contains("words:"), "{}", result.stderr);
}

#[test]
fn publish_refuses_while_anything_is_untranslated() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(&fixture("good/bilingual")),
        "--out",
        s(out.path()),
        "--publish",
    ]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("cases/case-02.md:1:1: error: cases/case-02.md has no `cy` translation"),
        "{}",
        result.stderr
    );
    assert!(
        result
            .stderr
            .contains("report.yaml:3:1: error: 2 settings have no `cy` words"),
        "{}",
        result.stderr
    );
    assert!(read_dir_bytes(out.path()).is_empty(), "nothing is written");
}

#[test]
fn a_label_can_be_changed_and_a_mistyped_one_is_explained() {
    let dir = Report::copy("good/small").append(
        "report.yaml",
        "labels:\n  contents: Table of contents\n  contnets: x\n  case: Review\n",
    );
    let out = dir.path().join("out");
    let result = run(&["build", s(dir.path()), "--out", s(&out)]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("warning: `contnets` is not a label build-report prints"),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("did you mean `contents`?"));
    assert!(
        result
            .stderr
            .contains("warning: this wording has no {number}")
    );
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(r#"<h2 id="contents-title">Table of contents</h2>"#));
}

#[test]
fn the_welsh_pdf_marks_each_untranslated_passage_as_english_and_the_english_pdf_none() {
    // The fixture leaves case 2, closing.md, a check's label and a theme's label
    // untranslated; this copy leaves background.md and the observation so as well.
    let all = Report::copy("good/bilingual");
    let fewer = Report::copy("good/bilingual");
    for file in ["background.cy.md", "observations/01-hcso.cy.md"] {
        fs::remove_file(fewer.path().join(file)).unwrap();
    }
    for t in [&all, &fewer] {
        let run = t.run(&["build", "{dir}", "--format", "pdf"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let tagged = |t: &Report, version: &str, lang: &str| {
        let pdf = fs::read(t.path().join(format!("output/report.{version}.pdf"))).unwrap();
        super::pdf::tagged(&pdf, lang)
    };
    let count = |tags: &[String], kind: &str| tags.iter().filter(|t| *t == kind).count();

    let welsh = tagged(&all, "cy", "en");
    // Case 2's points, as one list.
    assert!(welsh.iter().any(|t| t == "L"), "{welsh:?}");
    // closing.md, the one paragraph of the report's own in English.
    assert_eq!(count(&welsh, "P"), 1, "{welsh:?}");
    // The untranslated theme's heading over its evidence, and not the translated one's.
    assert!(
        welsh.iter().any(|t| t == "H2 Errors in the record"),
        "{welsh:?}"
    );
    assert!(!welsh.iter().any(|t| t.contains("48")), "{welsh:?}");

    // background.md's paragraph and the observation's table body join them, in English.
    let more = tagged(&fewer, "cy", "en");
    assert_eq!(count(&more, "P"), 2, "{more:?}");
    assert_eq!(
        count(&more, "TBody"),
        count(&welsh, "TBody") + 1,
        "{more:?}"
    );
    // Nothing in the English version is in another language than its own.
    for t in [&all, &fewer] {
        assert_eq!(tagged(t, "en", "en"), Vec::<String>::new());
        assert_eq!(tagged(t, "en", "cy"), Vec::<String>::new());
    }
}
