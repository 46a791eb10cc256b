//! The nothing-lost promise, checked: every non-blank line of a source is, word for word,
//! in exactly one file written, unless it is a heading the folder's structure stands for.

use proptest::prelude::*;

use super::write::{Meta, files};
use super::{recognise, rows, text, unescape};

/// The lines a source's text should be found as, in order, with the structure lines
/// left out; `markdown` sources drop their `#`s. A table's rows are compared cell by cell.
fn source_lines(source: &str, markdown: bool, structure: &[usize]) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .filter(|(i, l)| !l.trim().is_empty() && !structure.contains(&(i + 1)))
        .flat_map(|(_, l)| {
            let l = l.trim();
            let l = text::bullet(l).unwrap_or(l);
            if markdown {
                let l = l.trim_start_matches('#').trim();
                cells(l, true)
            } else {
                cells(l, false)
            }
        })
        .collect()
}

/// A line's cells, or the line itself when it is not a table row: split at tabs and, in
/// Markdown, at unescaped `|`s, with a pipe table's delimiter row left out.
fn cells(line: &str, markdown: bool) -> Vec<String> {
    if markdown && rows::is_delimiter(line) {
        return Vec::new();
    }
    let pieces = match markdown && rows::has_pipe(line) {
        true => rows::pipe_cells(line),
        false => vec![line.to_string()],
    };
    pieces
        .iter()
        .flat_map(|p| p.split('\t'))
        .map(|p| match markdown {
            true => unescape(p).trim().to_string(),
            false => p.trim().to_string(),
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every line of text in the files written, with the Markdown the writer added taken off:
/// front matter, the observation files' own headings, list marks, `##`, escapes.
fn written_lines(written: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in written {
        if path == crate::layout::REPORT {
            for line in text.lines() {
                if let Some(title) = line.strip_prefix("title: ") {
                    let title = serde_json::from_str::<String>(title).expect("a quoted title");
                    out.extend(cells(&title, false));
                }
            }
            continue;
        }
        let body = match text.strip_prefix("---\n") {
            Some(rest) => rest.split_once("---\n").map_or(rest, |(_, b)| b),
            None => text,
        };
        let mut generated = if path.starts_with(crate::layout::OBSERVATIONS) {
            vec!["## Observation", "## Force response"]
        } else {
            vec![]
        };
        for line in body.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(at) = generated.iter().position(|g| *g == line) {
                generated.remove(at);
                continue;
            }
            let line = line.strip_prefix("- ").unwrap_or(line);
            let line = line.strip_prefix("## ").unwrap_or(line);
            out.extend(cells(line, true));
        }
    }
    out
}

fn meta() -> Meta {
    Meta {
        title: String::new(),
        meeting_date: "2021-09-29".into(),
        source: "test.txt".into(),
    }
}

/// The lines of `source` missing from, or repeated in, what import writes for it.
fn lost(source: &str, markdown: bool) -> (Vec<String>, Vec<String>) {
    let blocks = text::blocks(source, markdown);
    let imported = recognise(&blocks, "test.txt");
    let mut meta = meta();
    if let Some((title, _)) = &imported.title {
        meta.title = title.clone();
    }
    let mut written = files(&imported, &meta);
    if imported.title.is_none() {
        // The title then comes from the file's name, not from a line.
        written.retain(|(p, _)| p != crate::layout::REPORT);
    }
    let mut expected = source_lines(source, markdown, &imported.structure);
    let mut got = written_lines(&written);
    expected.sort();
    got.sort();
    let missing: Vec<String> = diff(&expected, &got);
    let mut extra: Vec<String> = diff(&got, &expected);
    // The words after a label on a structure line ("ACTION POINT 1: Call back") are
    // written as text of their own.
    let labels: Vec<&str> = source
        .lines()
        .enumerate()
        .filter(|(i, _)| imported.structure.contains(&(i + 1)))
        .map(|(_, l)| l.trim())
        .collect();
    extra.retain(|e| !labels.iter().any(|l| l.ends_with(e.as_str())));
    (missing, extra)
}

/// The items of sorted `a` not matched one for one in sorted `b`.
fn diff(a: &[String], b: &[String]) -> Vec<String> {
    let mut b = b.to_vec();
    let mut out = Vec::new();
    for item in a {
        match b.iter().position(|x| x == item) {
            Some(at) => {
                b.remove(at);
            }
            None => out.push(item.clone()),
        }
    }
    out
}

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/hate-crime-qap-2021-09.txt"
);

#[test]
fn nothing_of_the_reference_report_is_lost_or_doubled() {
    let Ok(source) = std::fs::read_to_string(REFERENCE) else {
        eprintln!("SKIPPED: the reference report is not at {REFERENCE}");
        return;
    };
    let (missing, extra) = lost(&source, false);
    assert!(missing.is_empty(), "lost: {missing:#?}");
    assert!(extra.is_empty(), "doubled or invented: {extra:#?}");
}

#[test]
fn the_reference_report_is_recognised_section_by_section() {
    let Ok(source) = std::fs::read_to_string(REFERENCE) else {
        eprintln!("SKIPPED: the reference report is not at {REFERENCE}");
        return;
    };
    let found = recognise(&text::blocks(&source, false), "ref.txt");
    let numbers: Vec<u32> = found.cases.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]);
    assert_eq!(
        found.meeting_date.as_ref().map(|d| d.0.as_str()),
        Some("2021-09-29")
    );
    assert_eq!(found.observations.len(), 5);
    assert!(found.observations.iter().all(|o| !o.response.is_empty()));
    assert_eq!(found.summary.len(), 10);
    assert_eq!(found.closing.len(), 1);
    let gap = found
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("Case 10 is missing"))
        .expect("the gap is warned about");
    assert!(
        gap.message.contains("among Case 9's (lines 119–132)"),
        "{}",
        gap.message
    );
}

#[test]
fn every_heading_form_opens_its_section_or_case() {
    let source = "Hate Crime Scrutiny Panel\nWednesday 29 September 2021\nBackground\nWhy we met.\n2.0 Cases\nCase 6 – Public order offence\n• a point\nCase 7:\n- another\nCase 8 (Harassment)\n* third\n  * nested\nSummary\n· summed up\nPanel observations\n\tObservation\n\tForce response\n\tWe saw this.\n\tWe did that.\nClosing remarks\nThank you.\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert_eq!(
        found.title.as_ref().map(|t| t.0.as_str()),
        Some("Hate Crime Scrutiny Panel")
    );
    assert_eq!(
        found.meeting_date.as_ref().map(|d| d.0.as_str()),
        Some("2021-09-29")
    );
    let cases: Vec<(u32, Option<&str>)> = found
        .cases
        .iter()
        .map(|c| (c.number, c.title.as_deref()))
        .collect();
    assert_eq!(
        cases,
        [
            (6, Some("Public order offence")),
            (7, None),
            (8, Some("Harassment"))
        ]
    );
    assert_eq!(found.cases[2].items.len(), 2);
    assert!(matches!(
        found.cases[2].items[1],
        super::recognise::Item::Bullet(1, ..)
    ));
    assert_eq!(found.summary.len(), 1);
    assert_eq!(found.observations.len(), 1);
    assert_eq!(found.observations[0].response[0].0, "We did that.");
    assert_eq!(found.closing.len(), 1);
    let messages: Vec<&str> = found
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["text before the first section (line 2) was put in background.md"]
    );
    assert_eq!(lost(source, false), (vec![], vec![]));
}

#[test]
fn a_line_without_a_bullet_in_a_case_is_a_point_and_a_sentence_is_not_a_heading() {
    let source = "1.0 Background\nText.\nCase 1\nA plain line.\n• a bullet\nCase 2. In this instance, a sentence that only begins like a heading would, and goes on.\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert_eq!(found.cases.len(), 1);
    assert_eq!(found.cases[0].items.len(), 3);
    assert!(
        found.cases[0]
            .items
            .iter()
            .all(|i| matches!(i, super::recognise::Item::Bullet(0, ..)))
    );
}

#[test]
fn text_before_the_first_section_is_kept_and_warned_about() {
    let source = "1.0 Background\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert!(found.diagnostics.is_empty());
    let source = "Title\nA stray line.\n1.0 Background\nText.\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert_eq!(found.background.len(), 2);
    assert!(
        found.diagnostics[0]
            .message
            .starts_with("text before the first section (line 2)")
    );
}

#[test]
fn markdown_headings_work_as_the_text_export_does() {
    let source = "# Panel report\n\n## 1.0 Background\n\nMet on 2021-09-29.\n\n### Case 3 – Theft\n\n#### Risk\n\n- *kept* as written\n";
    let found = recognise(&text::blocks(source, true), "t.md");
    assert_eq!(found.cases[0].title.as_deref(), Some("Theft"));
    assert!(
        matches!(&found.cases[0].items[0], super::recognise::Item::Heading(h, _) if h == "Risk")
    );
    assert_eq!(lost(source, true), (vec![], vec![]));
}

/// One line of a generated document: headings of every form, bullets of every glyph,
/// plain and tab-indented lines, tab-separated rows, numbered pairs' labels, and text
/// full of Markdown's special characters.
fn line() -> impl Strategy<Value = String> {
    let words = "[A-Za-z0-9 ,.:;*_#\\[\\]<>&|~`'’“”–-]{0,24}";
    prop_oneof![
        3 => words.prop_map(|w| w.to_string()),
        2 => ("[ \t]{0,3}", prop::sample::select(vec!["•", "·", "◦", "-", "*", "+"]), words)
            .prop_map(|(i, g, w)| format!("{i}{g} {w}")),
        1 => ("[1-4]\\.0 |", prop::sample::select(vec![
                "Background", "Cases", "Summary", "Observations", "Panel observations",
                "Closing remarks"]))
            .prop_map(|(n, s)| format!("{n}{s}")),
        1 => ("[0-9]{1,2}", prop::sample::select(vec!["", ":", " – Theft", " - A title", ". Sentence"]))
            .prop_map(|(n, t)| format!("Case {n}{t}")),
        1 => prop::sample::select(vec![
                "S&S Case 2 - A search", "Case 3 (UOF) - Handcuffs", "First video:", "Clip two",
                "K15439/2009 (Assault)", "Overall assessment (RAG): Amber",
                "Graded as Green by the panel"])
            .prop_map(str::to_string),
        1 => words.prop_map(|w| format!("\t{w}")),
        1 => (words, words).prop_map(|(a, b)| format!("{a}\t{b}")),
        1 => ("[1-3]", prop::sample::select(vec!["", ":", ": Call back", " – Records"]))
            .prop_map(|(n, t)| format!("ACTION POINT {n}{t}")),
        1 => ("( [1-4])?", prop::sample::select(vec!["", ": Noted."]))
            .prop_map(|(n, t)| format!("POLICE RESPONSE{n}{t}")),
        1 => Just(String::new()),
    ]
}

proptest! {
    #[test]
    fn nothing_of_any_document_is_lost_or_doubled(lines in prop::collection::vec(line(), 0..40)) {
        let source = lines.join("\n");
        let (missing, extra) = lost(&source, false);
        prop_assert!(missing.is_empty() && extra.is_empty(), "lost {missing:?}, doubled {extra:?}\nin\n{source}");
    }
}

#[test]
fn a_table_outside_the_observations_stays_a_table_where_it_sits() {
    use super::recognise::Item;
    use super::{Block, Cell};
    let cell = |t: &str, l| Cell {
        paragraphs: vec![(t.to_string(), l)],
    };
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: "Background".into(),
            line: 1,
        },
        Block::Table {
            rows: vec![vec![cell("Strand", 3), cell("Cases", 4)]],
            line: 2,
            head: false,
        },
        Block::Heading {
            level: 2,
            text: "Case 1".into(),
            line: 5,
        },
        Block::Table {
            rows: vec![
                vec![cell("Stage", 6), cell("Note", 7)],
                vec![cell("Outcome", 8), cell("Charged", 9)],
            ],
            line: 6,
            head: false,
        },
        Block::Heading {
            level: 1,
            text: "Observations".into(),
            line: 10,
        },
        Block::Table {
            rows: vec![
                vec![Cell::default(), cell("An answer to nothing.", 11)],
                vec![cell("Seen.", 12), cell("Answered.", 13)],
            ],
            line: 11,
            head: false,
        },
    ];
    let found = recognise(&blocks, "t.docx");
    let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        found.background,
        [Item::Table(vec![strings(&["Strand", "Cases"])], 2)]
    );
    assert_eq!(
        found.cases[0].items,
        [Item::Table(
            vec![
                strings(&["Stage", "Note"]),
                strings(&["Outcome", "Charged"])
            ],
            6
        )]
    );
    let messages: Vec<(usize, &str)> = found
        .diagnostics
        .iter()
        .map(|d| (d.loc.line, d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [(
            11,
            "the observations table's first row has a response but no observation, so its text was put in closing.md"
        )]
    );
    assert_eq!(found.observations.len(), 1);
    assert_eq!(found.closing.len(), 1);
}

#[test]
fn tables_in_text_stay_tables_and_nothing_in_them_is_lost() {
    use super::recognise::Item;
    let source = "Panel\nBackground\nStrand\tCases\nHate crime\t16\nCase 1 – Theft\n• a point\nStage\tNote\nOutcome\tCharged | bailed\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert!(matches!(&found.background[..], [Item::Table(rows, 3)] if rows.len() == 2));
    assert!(
        matches!(&found.cases[0].items[1], Item::Table(rows, 7) if rows[1][1] == r"Charged \| bailed")
    );
    assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
    assert_eq!(lost(source, false), (vec![], vec![]));
    let source = "# Panel\n\n## Background\n\n| Strand | Cases |\n|---|--:|\n| Hate \\| crime | 16 |\n\n### Case 1\n\n- a point\n";
    let found = recognise(&text::blocks(source, true), "t.md");
    assert!(
        matches!(&found.background[..], [Item::Table(rows, 5)] if rows[1][0] == r"Hate \| crime")
    );
    assert_eq!(lost(source, true), (vec![], vec![]));
}

#[test]
fn numbered_pairs_become_observations_with_their_responses() {
    let source = "Panel 2024-05-01\nCases\nCase 1\n• a point\nACTION POINT 1\nContact was late.\nIt was slow.\nPOLICE RESPONSE 1: Noted.\nWe will remind officers.\nAction point 2: Records were thin.\nPolice response 2\nAgreed.\nClosing remarks\nThank you.\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert_eq!(found.cases[0].items.len(), 1);
    let seen: Vec<(Vec<&str>, Vec<&str>)> = found
        .observations
        .iter()
        .map(|o| {
            (
                o.text.iter().map(|t| t.0.as_str()).collect(),
                o.response.iter().map(|t| t.0.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                vec!["Contact was late.", "It was slow."],
                vec!["Noted.", "We will remind officers."]
            ),
            (vec!["Records were thin."], vec!["Agreed."]),
        ]
    );
    assert_eq!(found.closing.len(), 1);
    assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
    assert_eq!(lost(source, false), (vec![], vec![]));
}

#[test]
fn numbered_responses_after_all_the_points_find_their_points() {
    let source = "# Panel\n\n## Action points\n\nWe raised these.\n\n### ACTION POINT 1\n\nCall back.\n\n### ACTION POINT 2\n\nWrite it down.\n\n### POLICE RESPONSE 2\n\nDone.\n\n### POLICE RESPONSE 1\n\nAgreed.\n\n### POLICE RESPONSE 3\n\nNothing to answer.\n";
    let found = recognise(&text::blocks(source, true), "t.md");
    let responses: Vec<Vec<&str>> = found
        .observations
        .iter()
        .map(|o| o.response.iter().map(|t| t.0.as_str()).collect())
        .collect();
    assert_eq!(
        responses,
        [vec!["Agreed."], vec!["Done.", "Nothing to answer."]]
    );
    let messages: Vec<(usize, &str)> = found
        .diagnostics
        .iter()
        .map(|d| (d.loc.line, d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                5,
                "text before the first numbered observation (line 5) was put in closing.md"
            ),
            (
                23,
                "response 3 answers no observation numbered 3, so it was added to the response of the observation before it"
            ),
        ]
    );
    assert_eq!(lost(source, true), (vec![], vec![]));
}

#[test]
fn a_numbered_label_amid_a_case_with_words_after_it_stays_a_point() {
    let source =
        "Panel\nCases\nCase 1\n• a point\nRecommendation 1: contact sooner.\nCase 2\n• another\n";
    let found = recognise(&text::blocks(source, false), "t.txt");
    assert_eq!(found.cases.len(), 2);
    assert_eq!(found.cases[0].items.len(), 2);
    assert!(found.observations.is_empty());
    assert_eq!(lost(source, false), (vec![], vec![]));
}
