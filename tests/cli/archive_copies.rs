//! An archive with `audiences:` writes its index and trends once per audience, in the
//! audience's folder of output/, each from that audience's copy of every meeting: the
//! public one without a hidden value or restricted note in any byte, its smallest
//! counts shown as "fewer than 3" with no case listed behind them, and linking to the
//! public copy of each meeting; the force's with every number.

use std::fs;

use serde_json::{Value, json};

use super::builder::Report;
use super::docx::unzip;

/// What the public copy must never carry: the hidden references and a restricted note.
const NEVER_PUBLIC: [&str; 4] = ["DP/24/004512", "DP/24/004513", "DP/24/004514", "Quellbrook"];

/// An archive of two meetings. At 2024-03, `late-contact` has one case (case 1) and
/// `poor-updates` three; at 2024-06, `late-contact` has three.
fn archive() -> Report {
    let case = |n: u32, tags: &str| {
        (
            format!("crime_ref: DP/24/00451{}\n", n + 1),
            format!("- A point. {tags}\n"),
        )
    };
    let mut t = Report::new()
        .file(
            "panel.yaml",
            "title: Panel\naudiences:\n  force: {marking: OFFICIAL-SENSITIVE}\n  public: {marking: OFFICIAL, hide: [crime_ref]}\n",
        )
        .file("2024-03/report.yaml", "meeting_date: 2024-03-20\n")
        .file("2024-06/report.yaml", "meeting_date: 2024-06-19\n");
    for (n, tags) in [
        (1, "#late-contact #poor-updates"),
        (2, "#poor-updates"),
        (3, "#poor-updates"),
        (4, ""),
    ] {
        let (front, body) = case(n, tags);
        let body = if n == 2 {
            format!("{body}\n## For the force only\n\n- Quellbrook.\n")
        } else {
            body
        };
        t = t.case_in("2024-03", n, &front, &body);
    }
    for n in 1..=3 {
        let (front, body) = case(n, "#late-contact");
        t = t.case_in("2024-06", n, &front, &body);
    }
    t
}

fn trends(t: &Report, audience: &str) -> Value {
    serde_json::from_str(&t.read(&format!("output/{audience}/trends.json"))).unwrap()
}

/// The theme `id` at the meeting `at` of `trends`.
fn cell<'a>(trends: &'a Value, id: &str, at: usize) -> &'a Value {
    let theme = trends["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id);
    &theme.unwrap()["by_meeting"][at]
}

#[test]
fn each_audience_has_its_own_index_and_trends_from_its_copies() {
    let t = archive();
    let run = t.run(&["build", "--format", "html,json", "--publish"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for audience in ["force", "public"] {
        for name in [
            "index.html",
            "trends.html",
            "trends.docx",
            "trends.json",
            "trends.csv",
        ] {
            let path = t.path().join("output").join(audience).join(name);
            assert!(path.exists(), "{}", path.display());
        }
        let index = t.read(&format!("output/{audience}/index.html"));
        for meeting in ["2024-03", "2024-06"] {
            let href = format!("../{meeting}/{audience}/report.html");
            assert!(index.contains(&format!("href=\"{href}")), "{index}");
            assert!(t.path().join("output").join(audience).join(&href).exists());
        }
    }
    assert!(
        !t.path().join("output/index.html").exists(),
        "no trends of every field"
    );
    assert!(!t.path().join("output/trends.json").exists());

    let force = trends(&t, "force");
    assert_eq!(cell(&force, "late-contact", 0)["count"], 1);
    assert_eq!(cell(&force, "late-contact", 0)["cases"], json!([1]));
    let public = trends(&t, "public");
    let small = cell(&public, "late-contact", 0);
    assert_eq!(small["count"], json!({"suppressed": true, "fewer_than": 3}));
    assert_eq!(small["cases"], json!([]));
    assert_eq!(small["share"], Value::Null);
    assert_eq!(cell(&public, "poor-updates", 0)["count"], 3);
    assert_eq!(cell(&public, "poor-updates", 0)["cases"], json!([1, 2, 3]));
    assert_eq!(cell(&public, "late-contact", 1)["cases"], json!([1, 2, 3]));
    // Four cases without a judgement are shown; none is too few to publish.
    assert_eq!(public["meetings"][0]["unjudged"], 4);
}

#[test]
fn each_audience_s_index_and_trends_carry_its_marking_on_every_page() {
    let t = archive();
    let run = t.run(&["build", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (audience, marking) in [("force", "OFFICIAL-SENSITIVE"), ("public", "OFFICIAL")] {
        for page in ["index.html", "trends.html"] {
            let html = t.read(&format!("output/{audience}/{page}"));
            let band = format!("role=\"note\" aria-label=\"Protective marking\">{marking}</div>");
            assert_eq!(
                html.matches(&band).count(),
                2,
                "{audience}/{page}: top and bottom"
            );
            assert!(html.contains(&format!("@top-center {{ content: \"{marking}\"")));
        }
        let docx = fs::read(t.path().join(format!("output/{audience}/trends.docx"))).unwrap();
        let parts = unzip(&docx);
        let header = parts
            .iter()
            .find(|(name, _)| name.starts_with("word/header"))
            .map(|(_, xml)| xml.clone())
            .unwrap_or_default();
        assert!(
            header.contains(&format!(">{marking}<")),
            "{audience}: {header}"
        );
    }
}

#[test]
fn not_one_hidden_value_nor_suppressed_count_is_in_the_public_archive_files() {
    let t = archive();
    let run = t.run(&["build", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each audience's trends.json, suppressed numbers and all, follows the schema.
    for audience in ["force", "public"] {
        assert!(super::schema::check_outputs(&t.path().join("output").join(audience)) > 0);
    }
    let mut texts: Vec<(String, String)> = Vec::new();
    for name in ["index.html", "trends.html", "trends.json", "trends.csv"] {
        texts.push((name.into(), t.read(&format!("output/public/{name}"))));
    }
    let docx = fs::read(t.path().join("output/public/trends.docx")).unwrap();
    for (part, text) in unzip(&docx) {
        texts.push((format!("trends.docx:{part}"), text));
    }
    for (name, text) in &texts {
        for value in NEVER_PUBLIC {
            assert!(!text.contains(value), "{value} in public {name}");
        }
        // The suppressed cell says neither its number nor its share.
        assert!(!text.contains("1 of 4"), "a count of 1 in public {name}");
        assert!(!text.contains("(25%)"), "its share in public {name}");
    }
    let page = t.read("output/public/trends.html");
    assert!(page.contains("fewer than 3"), "{page}");
    assert!(page.contains("3 of 4 (75%)"), "{page}");
    let csv = t.read("output/public/trends.csv");
    assert!(
        csv.contains("late-contact,late-contact,2024-03,2024-03-20,fewer than 3,4,,4"),
        "{csv}"
    );
    let force = t.read("output/force/trends.html");
    assert!(force.contains("1 of 4 (25%)"), "{force}");
}
