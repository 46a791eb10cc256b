use super::*;
use crate::diagnostic::Diagnostics;
use crate::load::{Folder, Source};

fn source(path: &str, text: &str) -> Source {
    Source {
        path: path.into(),
        text: text.into(),
    }
}

/// Parses and analyses a folder made of `report.yaml`, `themes.yaml` and case files.
fn build(report: &str, themes: &str, cases: &[&str]) -> (Report, Analysis) {
    let folder = Folder {
        report: Some(source("report.yaml", report)),
        themes: (!themes.is_empty()).then(|| source("themes.yaml", themes)),
        cases: cases
            .iter()
            .enumerate()
            .map(|(i, text)| source(&format!("cases/{i}.md"), text))
            .collect(),
        ..Folder::default()
    };
    let mut diagnostics = Diagnostics::default();
    let report = crate::parse::parse(&folder, &mut diagnostics);
    let analysis = crate::analyse::analyse(&report, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{:?}", diagnostics.brief());
    (report, analysis)
}

const REPORT: &str = "title: T\nmeeting_date: 2021-09-29\nchecks:\n  hcso_48h: HCSO contact within 48 hours\njudgements:\n  good: {label: Good, colour: \"#00703C\"}\n  poor: {label: Poor, colour: \"#FFDD00\"}\n  mixed: Mixed\ncase_facts: {minutes: Minutes detained, outcome: Outcome}\n";

const THEMES: &str = "late:\n  label: Late contact\n  when:\n    - phrase: slow\n    - check: hcso_48h\n      is: [no]\n    - field: minutes\n      above: 20\nkind-words:\n  label: Kind words\n  kind: good-practice\n";

fn case(n: u32, judgement: &str, answer: &str, minutes: u32, body: &str) -> String {
    format!(
        "---\ncase: {n}\njudgement: {judgement}\nchecks:\n  hcso_48h: {answer}\nminutes: {minutes}\noutcome: Charge\n---\n{body}"
    )
}

#[test]
fn judgement_shares_add_up_and_keep_their_colours() {
    let cases: Vec<String> = (1..=3)
        .map(|n| {
            case(
                n,
                ["good", "poor", "mixed"][n as usize - 1],
                "yes",
                5,
                "- Fine.\n",
            )
        })
        .collect();
    let cases: Vec<&str> = cases.iter().map(String::as_str).collect();
    let (report, analysis) = build(REPORT, THEMES, &cases);
    let view = View::new(&report, &analysis);
    let shares: Vec<Option<u32>> = view.judgements.iter().map(|j| j.share).collect();
    assert_eq!(shares, [Some(34), Some(33), Some(33)]);
    assert_eq!(view.unjudged.share, Some(0));
    let good = view.judgements[0].colour.unwrap();
    assert_eq!(good.fill_hex(), "00703C");
    assert_eq!(good.ink_hex(), "FFFFFF");
    let poor = view.judgements[1].colour.unwrap();
    assert_eq!(poor.ink_hex(), "000000");
    assert!(view.judgements[2].colour.is_none());
    let check = &view.checks[0];
    let (answered, unanswered) = (check.answers[0].1.share, check.unanswered.share);
    assert_eq!(answered.zip(unanswered).map(|(a, b)| a + b), Some(100));
}

#[test]
fn a_point_found_by_a_tag_and_a_phrase_is_read_once_in_words() {
    let one = case(
        1,
        "good",
        "no",
        30,
        "- It was slow. #late\n- Kind words were used. #kind-words\n",
    );
    let (report, analysis) = build(REPORT, THEMES, &[&one]);
    let view = View::new(&report, &analysis);
    let late = view.themes.iter().find(|t| t.tally.id == "late").unwrap();
    // Four pieces of evidence: the tag, the phrase, the check and the field.
    assert_eq!(late.tally.evidence.len(), 4);
    let readings = view.evidence(late.tally);
    let texts: Vec<&str> = readings.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "HCSO contact within 48 hours: No",
            "Minutes detained: 30",
            "It was slow."
        ]
    );
    assert_eq!(readings[2].point, Some(0));
}

#[test]
fn good_practice_is_listed_after_concerns_and_grouped() {
    let one = case(
        1,
        "good",
        "yes",
        5,
        "- Kind words. #kind-words\n- Kind again. #kind-words\n",
    );
    let two = case(
        2,
        "good",
        "yes",
        5,
        "- Kind words. #kind-words\n- It was slow.\n",
    );
    let (report, analysis) = build(REPORT, THEMES, &[&one, &two]);
    let view = View::new(&report, &analysis);
    // Good practice has more cases, yet concerns come first.
    let ids: Vec<&str> = view.themes.iter().map(|t| t.tally.id.as_str()).collect();
    assert_eq!(ids, ["late", "kind-words"]);
    assert!(view.grouped);
    let groups = view.theme_groups();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].0, Some("Concerns"));
    assert_eq!(groups[1].0, Some("Good practice"));
    // Bars are shares of every case reviewed: 2 of 2 fills the chart, 1 of 2 half of it.
    assert_eq!(view.themes[1].bar, 100.0);
    assert_eq!(view.themes[0].bar, 50.0);
    // The data formats keep the tally's order, most cases first whatever the kind.
    let by_count: Vec<(&str, Option<f64>)> = view
        .themes_by_count()
        .map(|t| (t.tally.id.as_str(), t.fraction))
        .collect();
    assert_eq!(by_count, [("kind-words", Some(1.0)), ("late", Some(0.5))]);
}

#[test]
fn judgements_and_checks_are_named_in_the_version_s_language() {
    let report = "title: T\nmeeting_date: 2021-09-29\nlanguage: en\nlanguages: [en, cy]\nchecks:\n  hcso_48h: {en: HCSO contact, cy: Cyswllt SCTC}\njudgements:\n  good: {en: Good, cy: Da}\n";
    let one = "---\ncase: 1\njudgement: good\nchecks:\n  hcso_48h: yes\n---\n- Fine.\n";
    let (report, analysis) = build(report, "", &[one]);
    let english = View::in_language(&report, &analysis, "en");
    assert_eq!(english.judgement_label("good"), "Good");
    assert_eq!(english.check_label("hcso_48h"), "HCSO contact");
    let welsh = View::in_language(&report, &analysis, "cy");
    assert_eq!(welsh.judgement_label("good"), "Da");
    assert_eq!(welsh.check_label("hcso_48h"), "Cyswllt SCTC");
    // An id the scale lacks is shown as it is written.
    assert_eq!(welsh.judgement_label("odd"), "odd");
}

#[test]
fn the_facts_box_follows_case_facts_and_keeps_the_judgement() {
    let one = case(1, "poor", "partial", 5, "- Fine.\n");
    let (report, analysis) = build(REPORT, THEMES, &[&one]);
    let view = View::new(&report, &analysis);
    let case = view.case(0);
    let facts: Vec<(&str, &str)> = case
        .facts
        .iter()
        .map(|f| (f.label, f.value.as_str()))
        .collect();
    assert_eq!(
        facts,
        [
            ("Minutes detained", "5"),
            ("Outcome", "Charge"),
            ("Panel judgement", "Poor")
        ]
    );
    assert!(case.facts[2].swatch.is_some());
    assert_eq!(
        case.answers,
        [CaseAnswer {
            label: "HCSO contact within 48 hours",
            answer: Some(Answer::Partial),
            note: None
        }]
    );
}

#[test]
fn a_note_shows_with_its_answer_and_is_marked_in_the_matrix_but_never_counts() {
    let noted = case(
        2,
        "good",
        "{answer: yes, note: slow to call}",
        5,
        "- Fine.\n",
    );
    let plain = case(1, "good", "no", 5, "- Fine.\n");
    let (report, analysis) = build(REPORT, THEMES, &[&plain, &noted]);
    let view = View::new(&report, &analysis);
    let note = Shown {
        text: "slow to call",
        lang: None,
    };
    assert_eq!(view.case(1).answers[0].note, Some(note));
    assert_eq!(view.case(0).answers[0].note, None);
    let marks: Vec<(usize, u32, &str)> = view
        .matrix_notes()
        .iter()
        .map(|n| (n.mark, n.case, n.check_label))
        .collect();
    assert_eq!(marks, [(1, 2, "HCSO contact within 48 hours")]);
    assert_eq!(mark_of(&view.matrix_notes(), 2, "hcso_48h"), Some(1));
    assert_eq!(mark_of(&view.matrix_notes(), 1, "hcso_48h"), None);
    // "slow" is the theme's phrase, but a note is not a point: only case 1's `no` counts.
    let late = analysis.themes.iter().find(|t| t.id == "late").unwrap();
    assert_eq!(late.cases, [1]);
}

#[test]
fn the_outline_numbers_sections_and_observations() {
    let (mut report, analysis) = build(REPORT, "", &[&case(1, "good", "yes", 5, "- Fine.\n")]);
    assert!(View::new(&report, &analysis).outline.closing.is_none());
    report.closing = Some(crate::model::Doc::default());
    let view = View::new(&report, &analysis);
    let headings: Vec<String> = view
        .outline
        .all()
        .iter()
        .map(|(_, s)| s.heading())
        .collect();
    assert_eq!(headings[0], "1.0 Background");
    assert_eq!(headings[4], "3.2 Theme tally");
    assert_eq!(headings.last().unwrap(), "5.0 Closing remarks");
}

#[test]
fn every_colour_gets_ink_that_meets_aa() {
    for r in (0..=255).step_by(15) {
        for g in (0..=255).step_by(15) {
            for b in (0..=255).step_by(51) {
                let swatch = Swatch::of(&format!("#{r:02X}{g:02X}{b:02X}")).unwrap();
                assert!(
                    swatch.contrast() >= 4.5,
                    "{r} {g} {b}: {}",
                    swatch.contrast()
                );
            }
        }
    }
}
