//! report.docx's pages: what Word is told to keep together, and what LibreOffice's layout
//! then shows at the foot of each page.
//!
//! No heading ends a page; a case's heading and facts stay with its first point; a table
//! short enough for one page is not split, and one that must split repeats its header
//! row; the chart's bars are shares of every case reviewed.

use std::fs;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::docx::{build, laid_out_text, squeeze, unzip};
use super::{Report, fixture, s};

/// A paragraph of the body as it matters for page breaks.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    text: String,
    /// `w:keepNext` set on the paragraph itself.
    keep_next: bool,
}

/// A row of a table of the body (not of a table inside a cell).
#[derive(Debug, Default)]
struct Row {
    cant_split: bool,
    header: bool,
    paras: Vec<Para>,
    /// The cells' `w:gridSpan`s, 1 where there is none.
    spans: Vec<u32>,
    /// Whether each cell is filled with the chart's bar colour.
    bars: Vec<bool>,
}

#[derive(Debug, Default)]
struct Table {
    style: Option<String>,
    rows: Vec<Row>,
}

/// The body's paragraphs in order (those in tables included) and its outermost tables.
fn layout(document: &str) -> (Vec<Para>, Vec<Table>) {
    let mut reader = quick_xml::Reader::from_str(document);
    let (mut paras, mut tables) = (Vec::<Para>::new(), Vec::<Table>::new());
    let mut depth = 0usize;
    let (mut para, mut in_text) = (None::<Para>, false);
    let val = |e: &BytesStart| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == "w:val")
            .map(|a| a.value.to_string())
    };
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "w:tbl" => depth -= 1,
                    "w:t" => in_text = false,
                    "w:p" => {
                        let p = para.take().expect("a paragraph");
                        if depth == 1 {
                            let table = tables.last_mut().expect("a table");
                            table.rows.last_mut().expect("a row").paras.push(p.clone());
                        }
                        paras.push(p);
                    }
                    _ => {}
                }
                continue;
            }
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&t.xml10_content());
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let outer_row = || depth == 1;
        match e.name().as_ref() {
            "w:tbl" if !empty => {
                depth += 1;
                if depth == 1 {
                    tables.push(Table::default());
                }
            }
            "w:tblStyle" if depth == 1 => tables.last_mut().unwrap().style = val(e),
            "w:tr" if outer_row() => tables.last_mut().unwrap().rows.push(Row::default()),
            "w:cantSplit" if outer_row() && para.is_none() => row(&mut tables).cant_split = true,
            "w:tblHeader" if outer_row() && para.is_none() => row(&mut tables).header = true,
            "w:tc" if outer_row() => {
                let r = row(&mut tables);
                r.spans.push(1);
                r.bars.push(false);
            }
            "w:gridSpan" if outer_row() => {
                *row(&mut tables).spans.last_mut().unwrap() = val(e).unwrap().parse().unwrap();
            }
            "w:shd" if outer_row() && para.is_none() => {
                let bar = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "w:fill" && a.value.as_ref() == "2F5F98");
                *row(&mut tables).bars.last_mut().unwrap() = bar;
            }
            "w:p" if !empty => para = Some(Para::default()),
            "w:pStyle" => para.as_mut().unwrap().style = val(e).unwrap_or_default(),
            "w:keepNext" => {
                if let Some(p) = para.as_mut() {
                    p.keep_next = val(e).is_none_or(|v| v != "0" && v != "false");
                }
            }
            "w:t" if !empty => in_text = true,
            _ => {}
        }
    }
    (paras, tables)
}

fn row(tables: &mut [Table]) -> &mut Row {
    tables.last_mut().unwrap().rows.last_mut().unwrap()
}

fn is_heading(p: &Para, heading_ids: &[&str]) -> bool {
    heading_ids.contains(&p.style.as_str())
}

/// The small report with a case whose feedback holds a Markdown table, built with
/// `template` as its house template when given.
fn small_with_a_table(template: Option<Vec<u8>>) -> Vec<u8> {
    let mut dir = Report::copy("good/small").case(
        4,
        "risk: low\n",
        "## Timeline\n| Day | Contact |\n| --- | --- |\n| 1 | Call |\n| 3 | Visit |\n| 9 | Letter |\n",
    );
    if let Some(bytes) = template {
        dir = dir
            .file("house.docx", bytes)
            .append("report.yaml", "word_template: house.docx\n");
    }
    build(dir.path()).1
}

/// Checks what report.docx tells Word about page breaks; `headings` are the heading
/// style ids in use.
fn assert_keeps(docx: &[u8], headings: &[&str]) {
    let parts = unzip(docx);
    let (paras, tables) = layout(&parts["word/document.xml"]);

    for p in paras.iter().filter(|p| is_heading(p, headings)) {
        assert!(p.keep_next, "heading {:?} may end a page", p.text);
    }
    // A case's heading and facts keep with what follows them: its first heading and
    // point, or whatever it starts with.
    let mut cases = 0;
    for (i, p) in paras.iter().enumerate() {
        if !(is_heading(p, headings) && p.text.starts_with("Case ")) {
            continue;
        }
        cases += 1;
        let facts = &paras[i + 1];
        assert!(facts.style == "CaseFacts", "{:?} has no facts", p.text);
        assert!(facts.keep_next, "the facts of {:?} may end a page", p.text);
        let content = paras[i + 2..]
            .iter()
            .find(|q| !is_heading(q, headings))
            .expect("content after the case's headings");
        assert!(!content.text.is_empty(), "{:?} starts with nothing", p.text);
    }
    assert_eq!(cases, 4);

    let mut with_header = 0;
    for table in &tables {
        let observations = table.rows[0]
            .paras
            .iter()
            .any(|p| p.text == "Force Response");
        let data = table.style.is_some();
        assert_eq!(
            table.rows[0].header, data,
            "a data table's first row, and only its, is a repeating header: {:?}",
            table.rows[0].paras
        );
        with_header += usize::from(data);
        for (i, row) in table.rows.iter().enumerate() {
            let body_row = i > 0 || !row.header;
            if observations && body_row {
                assert!(
                    !row.cant_split,
                    "an observation's row must be able to split"
                );
                continue;
            }
            assert!(row.cant_split, "row {i} may split: {:?}", row.paras);
            let last = i + 1 == table.rows.len();
            for p in &row.paras {
                assert_eq!(
                    p.keep_next,
                    !last,
                    "row {i} of {}: {:?} keepNext",
                    table.rows.len(),
                    p.text
                );
            }
        }
    }
    // Tally, judgements, checklist, matrix, observations and the Markdown table.
    assert_eq!(with_header, 6, "{tables:?}");
}

#[test]
fn word_is_told_to_keep_headings_facts_and_short_tables_with_what_follows() {
    assert_keeps(
        &small_with_a_table(None),
        &["Heading1", "Heading2", "Heading3", "Heading4"],
    );
}

#[test]
fn a_house_template_without_keep_with_next_still_keeps_headings() {
    // The house template's Heading 1 says nothing of keeping with the next paragraph.
    let template = super::house::house_template();
    let styles = unzip(&template)["word/styles.xml"].clone();
    assert!(!styles.contains("keepNext"));
    assert_keeps(
        &small_with_a_table(Some(template)),
        &["Heading1", "Heading2", "Heading3", "Heading4"],
    );
}

#[test]
fn the_chart_bars_are_shares_of_every_case_with_the_count_at_the_end() {
    let (out, bytes) = build(&fixture("good/small"));
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(super::copy_of(out.path()).join("report.json")).unwrap(),
    )
    .unwrap();
    let total = json["cases"].as_array().unwrap().len();
    let counts: Vec<usize> = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["cases"].as_array().unwrap().len())
        .collect();
    assert_eq!(total, 3);
    assert!(counts.iter().all(|c| *c < total), "{counts:?}");
    let (_, tables) = layout(&unzip(&bytes)["word/document.xml"]);
    let chart = tables
        .iter()
        .find(|t| t.rows.iter().any(|r| r.bars.contains(&true)))
        .expect("a chart");
    assert_eq!(
        chart.rows.len(),
        counts.len() + 1,
        "a row per theme and the scale"
    );
    let steps: u32 = chart.rows[0].spans.iter().sum();
    for (row, count) in chart.rows.iter().zip(&counts) {
        assert_eq!(row.spans.iter().sum::<u32>(), steps);
        let bar = row.bars.iter().position(|b| *b).expect("a bar");
        // The grid is the label, 20 steps of bar and a column for the count.
        let expected = (count * 20 + total / 2) / total;
        assert_eq!(row.spans[bar] as usize, expected, "{count} of {total}");
        assert_eq!(
            row.paras[bar + 1].text,
            count.to_string(),
            "count after the bar"
        );
    }
    let scale: Vec<&str> = chart.rows[counts.len()]
        .paras
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(scale.contains(&"3 (all cases)"), "{scale:?}");
}

/// A report folder of 32 cases, each with its facts, headings and points of varied
/// length, so that cases fall across page ends in many different places.
fn thirty_two_cases() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("cases")).unwrap();
    fs::write(
        dir.path().join("report.yaml"),
        "title: Page layout\nmeeting_date: 2024-01-31\nmarking: OFFICIAL\nchecks:\n  a: Risk assessed\n  b: Victim contacted\n",
    )
    .unwrap();
    let sentence = "Members noted that the record was brief and that the contact was slow. ";
    for case in 1..=32usize {
        let mut text = format!(
            "---\ncase: {case}\ntitle: Case of many parts\nrecorded_as: Hate crime\nrisk: low\njudgement: appropriate\nchecks:\n  a: yes\n  b: no\n---\n"
        );
        for section in 0..(1 + case % 3) {
            text.push_str(&format!("## Section {section} of case {case}\n"));
            for point in 0..(1 + (case + section) % 4) {
                let words = sentence.repeat(1 + (case * 7 + point) % 5);
                text.push_str(&format!("- {words}#theme-{}\n", (case + point) % 5));
            }
        }
        fs::write(dir.path().join(format!("cases/{case:02}.md")), text).unwrap();
    }
    dir
}

/// The first and the last line of each page LibreOffice lays out, leaving out the header
/// and footer (the marking, whose letters are spaced out, and the page number).
fn page_ends(docx: &Path) -> Option<Vec<(String, String)>> {
    let text = laid_out_text(docx, &["-layout"])?;
    let furniture = |line: &&str| {
        let line = squeeze(line);
        line.is_empty() || line == "OFFICIAL" || (line.starts_with("Page") && line.contains("of"))
    };
    let pages = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(|page| {
            let mut lines = page.lines().filter(|l| !furniture(l));
            let first = lines.next().unwrap_or_default();
            let last = lines.next_back().unwrap_or(first);
            (first.trim().to_string(), last.trim().to_string())
        })
        .collect();
    Some(pages)
}

fn no_heading_or_facts_ends_a_page(folder: &Path) {
    let (out, bytes) = build(folder);
    let (paras, _) = layout(&unzip(&bytes)["word/document.xml"]);
    let kept: Vec<String> = paras
        .iter()
        .filter(|p| p.style.starts_with("Heading") || p.style == "CaseFacts")
        .map(|p| squeeze(&p.text))
        .filter(|t| !t.is_empty())
        .collect();
    let Some(pages) = page_ends(&super::copy_of(out.path()).join("report.docx")) else {
        return;
    };
    // The contents lists every heading, so the check starts with the first heading's page.
    let start = pages
        .iter()
        .position(|(first, _)| squeeze(first) == kept[0])
        .unwrap_or_else(|| panic!("no page starts with {:?}: {pages:#?}", kept[0]));
    assert!(pages.len() - start > 5, "only {} pages", pages.len());
    for (page, (_, end)) in pages.iter().enumerate().skip(start) {
        let end = squeeze(end);
        let ending = kept
            .iter()
            .find(|k| end.chars().count() >= 4 && k.ends_with(&end));
        assert!(
            ending.is_none(),
            "page {} of the report of {} ends with {ending:?}",
            page + 1,
            s(folder)
        );
    }
}

#[test]
fn in_libreoffice_no_heading_or_case_facts_ends_a_page_of_the_sample() {
    no_heading_or_facts_ends_a_page(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn in_libreoffice_no_heading_or_case_facts_ends_a_page_of_32_cases() {
    no_heading_or_facts_ends_a_page(thirty_two_cases().path());
}

/// Every data table of `folder`'s report.docx keeps the row before its last with the
/// last, whether the table is short (kept whole), long (left to break) or one whose rows
/// may split (the observations), so that Word never starts a page with the last row alone.
fn no_table_leaves_its_last_row_alone(folder: &Path) {
    let (_out, bytes) = build(folder);
    let (_, tables) = layout(&unzip(&bytes)["word/document.xml"]);
    let mut checked = 0;
    for table in tables
        .iter()
        .filter(|t| t.style.is_some() && t.rows.len() > 2)
    {
        let before_last = &table.rows[table.rows.len() - 2];
        for p in &before_last.paras {
            assert!(
                p.keep_next,
                "a table of {} rows may leave its last row alone: {:?} does not keep with the next",
                table.rows.len(),
                p.text
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} tables in {}", s(folder));
}

#[test]
fn no_table_of_the_sample_docx_leaves_its_last_observation_alone() {
    no_table_leaves_its_last_row_alone(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn a_table_too_long_to_keep_whole_still_keeps_its_last_two_rows() {
    // Its checklist matrix has a row for each of 32 cases, too many to keep on one page.
    no_table_leaves_its_last_row_alone(thirty_two_cases().path());
}

/// The words of the text between `from` and `to`, as LibreOffice lays the page out.
fn words_between(text: &str, from: &str, to: &str) -> Vec<String> {
    let after = text.split(from).nth(1).unwrap_or_default();
    let within = after.split(to).next().unwrap_or_default();
    within.split_whitespace().map(str::to_string).collect()
}

#[test]
fn in_libreoffice_no_column_label_breaks_inside_a_word() {
    let (out, _) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let Some(text) = laid_out_text(
        &super::copy_of(out.path()).join("report.docx"),
        &["-layout"],
    ) else {
        return;
    };
    let breakdown = words_between(&text, "Themes by panel judgement", "All cases");
    for word in [
        "Appropriate",
        "with",
        "observations",
        "Inappropriate",
        "agree",
    ] {
        assert!(
            breakdown.iter().any(|w| w == word),
            "`{word}` is broken in the breakdown's header: {breakdown:?}"
        );
    }
    let checks = words_between(&text, "Answers to each question", "Risk identified");
    for word in ["Partly", "Unclear", "split", "recorded"] {
        assert!(
            checks.iter().any(|w| w == word),
            "`{word}` is broken in the checklist's header: {checks:?}"
        );
    }
}
