use super::*;
use crate::analyse::trends::{Trends, example};
use std::io::Read as _;

fn document(trends: &Trends) -> (Vec<u8>, String) {
    let mut out = io::Cursor::new(Vec::new());
    render(
        &TrendsView::new(trends, &crate::catalogue::Labels::english()),
        &mut out,
    )
    .unwrap();
    let bytes = out.into_inner();
    let mut zip = zip::ZipArchive::new(io::Cursor::new(bytes.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    (bytes, xml)
}

#[test]
fn the_document_is_well_formed_and_says_everything() {
    let trends = example();
    let (_, xml) = document(&trends);
    crate::office::xml::well_formed(&xml).unwrap();
    for words in [
        "Themes across meetings",
        "3 of 12 (25%)",
        "Yes 10 · Partly 1 · Unclear 1",
        "Observation tracker",
        "Open for 8 months (2 later meetings)",
        "All HCSOs were trained in May.",
        "21 November 2023",
        "Police &amp; Crime",
        "2 of 10, down from 3 of 12: within what chance gives with so few cases",
        "Late HCSO contact, over 48 hours: 1 of 14, down from 3 of 12: within what chance gives",
    ] {
        assert!(xml.contains(words), "{words}");
    }
    // Three meetings fit a portrait page.
    assert!(!xml.contains("w:orient=\"landscape\""));
}

#[test]
fn rows_that_do_not_match_the_meetings_still_make_whole_tables() {
    let mut trends = example();
    trends.themes[0].by_meeting.pop();
    trends.checks[0].by_meeting.clear();
    trends.meetings[0].judgements.clear();
    let (_, xml) = document(&trends);
    crate::office::xml::well_formed(&xml).unwrap();
    // Every row of every table fills the table's grid.
    for table in xml.split("<w:tbl>").skip(1) {
        let table = table.split("</w:tbl>").next().unwrap();
        let grid = table.matches("<w:gridCol ").count();
        for row in table.split("<w:tr>").skip(1) {
            let spans: usize = row
                .split("<w:tc>")
                .skip(1)
                .map(|cell| {
                    cell.split("<w:gridSpan w:val=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .map_or(1, |n| n.parse().unwrap())
                })
                .sum();
            assert_eq!(spans, grid, "{row}");
        }
    }
}

#[test]
fn many_meetings_turn_the_page() {
    let mut trends = example();
    let more = trends.meetings.clone();
    trends.meetings.extend(more.into_iter().map(|mut m| {
        m.id.push('b');
        m
    }));
    let (_, xml) = document(&trends);
    assert!(xml.contains("w:orient=\"landscape\""));
}

/// openxml-audit, when it is installed, finds no error in trends.docx. Without it the
/// check is left to tests/cli's tools, which fail under CI when it is missing.
#[test]
fn the_schema_check_passes() {
    let (bytes, _) = document(&example());
    let dir = std::env::temp_dir().join(format!("trends-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("trends.docx");
    std::fs::write(&file, bytes).unwrap();
    let run = std::process::Command::new("openxml-audit")
        .args(["--output", "json", "--max-errors", "0"])
        .arg(&file)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(run) = run else {
        eprintln!("openxml-audit is not installed: the schema check is skipped");
        return;
    };
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report[0]["error_count"], 0, "{report}");
}
