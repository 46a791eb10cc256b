//! The sample report at the repository root: the reference report rebuilt word for
//! word, and its committed output kept up to date.

use std::fs;
use std::path::PathBuf;

use super::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The page's visible text: tags dropped, entities decoded, white space collapsed.
pub(super) fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every bullet point of the published reference report, word for word.
fn reference_points() -> Vec<String> {
    let text = fs::read_to_string(fixture("reference/hate-crime-qap-2021-09.txt")).unwrap();
    let mut points: Vec<String> = text
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("· "))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // Its bullet was lost in the original; the sample restores it as a point of Case 3.
    points.push("A 13-point plan had been created and this was updated by the Officer in the case and the Hate Crime Support Officer.".into());
    points
}

#[test]
fn the_sample_report_has_every_point_of_the_reference_word_for_word() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&["build", s(&root()), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stderr.is_empty(),
        "the sample has warnings:\n{}",
        result.stderr
    );
    // The published copy has every point; the force's has them too, and more.
    let public = out.path().join("public");
    let html = visible_text(&fs::read_to_string(public.join("report.html")).unwrap());
    let points = reference_points();
    assert!(points.len() > 100, "only {} points read", points.len());
    let missing: Vec<&String> = points
        .iter()
        .filter(|p| !html.contains(p.as_str()))
        .collect();
    assert!(missing.is_empty(), "missing from report.html: {missing:#?}");
    for n in 1..=16 {
        assert!(html.contains(&format!("Case {n} ")), "no Case {n} heading");
    }
    tools::assert_schema_valid(&public.join("report.docx"));
}

#[test]
fn the_committed_sample_output_is_up_to_date() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(run(&["build", s(&root()), "--out", s(out.path())]).code, 0);
    let fresh = read_dir_bytes(out.path());
    let committed = read_dir_bytes(&root().join("output"));
    let names =
        |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&fresh),
        "output/ has different files; run `cargo run --release`"
    );
    for ((name, old), (_, new)) in committed.iter().zip(&fresh) {
        assert!(
            old == new,
            "output/{name} is stale; run `cargo run --release` and commit output/"
        );
    }
    for copy in ["force", "public"] {
        tools::assert_schema_valid(&root().join("output").join(copy).join("report.docx"));
    }
}
