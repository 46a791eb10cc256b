//! report.pdf: tagged, titled, with its fonts embedded, a bookmark for every section and
//! case, every feedback point word for word, the same bytes on every build, and user
//! text that never runs as typst. The checks read the PDF with Poppler (`pdfinfo`,
//! `pdffonts`, `pdftotext`, `pdftohtml`); without it they are skipped with a note, and
//! fail under CI (see tools.rs).

use std::fs;
use std::path::Path;
use std::process::Command;

use super::tools::require;
use super::{Report, fixture, run, s};

/// Builds `folder`'s report.pdf and report.json into a new folder.
fn build(folder: &Path) -> tempfile::TempDir {
    super::build_formats(folder, "pdf,json")
}

fn poppler(program: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(pdf)
        .args(if program == "pdftotext" || program == "pdftohtml" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(output.status.success(), "{program}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn sample() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The PDF's text with the page furniture (the marking and "Page X of Y") taken out and
/// white space collapsed, so that a point broken across lines or pages reads whole.
pub(super) fn body_text(pdf: &Path, marking: Option<&str>) -> String {
    let text = poppler("pdftotext", &[], pdf);
    let page_number = regex_lite_page();
    text.lines()
        .map(str::trim)
        .filter(|line| Some(*line) != marking && !page_number(line))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The structure elements of `pdf` that carry their own language `lang`, each as its
/// type, then its title where it has one (a heading's words): `L`, `H3 Records`. typst
/// writes the structure elements uncompressed, and gives one its own /Lang where its text
/// is in another language than the element around it; the catalogue's is not among them.
pub(super) fn tagged(pdf: &[u8], lang: &str) -> Vec<String> {
    let pdf = String::from_utf8_lossy(pdf);
    let mark = format!("/Lang({lang})");
    pdf.split("<</Type/StructElem/S/")
        .skip(1)
        .map(|elem| &elem[..elem.find(">>").unwrap_or(elem.len())])
        .filter(|elem| elem.contains(&mark))
        .map(|elem| {
            let kind = &elem[..elem.find('/').unwrap_or(elem.len())];
            match elem.split_once("/T(") {
                Some((_, title)) => format!("{kind} {}", &title[..title.find(')').unwrap()]),
                None => kind.to_string(),
            }
        })
        .collect()
}

/// Whether a line is "Page 3 of 24".
fn regex_lite_page() -> impl Fn(&str) -> bool {
    |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        matches!(words.as_slice(), ["Page", x, "of", y]
            if x.parse::<u32>().is_ok() && y.parse::<u32>().is_ok())
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_sample_pdf_is_tagged_titled_and_embeds_its_fonts() {
    if !require("pdfinfo") || !require("pdffonts") {
        return;
    }
    let out = build(sample());
    let pdf = super::copy_of(out.path()).join("report.pdf");
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("\nTagged:          yes\n"), "{info}");
    assert!(
        info.contains("Title:           Quality Assurance Panel – Hate Crime Scrutiny\n"),
        "{info}"
    );
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    // The language is declared in the document catalogue, which typst leaves
    // uncompressed.
    let bytes = fs::read(&pdf).unwrap();
    assert!(
        bytes.windows(9).any(|w| w == b"/Lang(en)"),
        "report.pdf does not declare its language"
    );
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(
            row.contains("NotoSans"),
            "a font that is not Noto Sans: {row}"
        );
        // name, type (two words), encoding, then emb sub uni: the first flag is `emb`.
        let flags: Vec<&str> = row.split_whitespace().skip(4).take(3).collect();
        assert_eq!(flags, ["yes", "yes", "yes"], "not embedded: {row}");
    }
}

#[test]
fn the_sample_pdf_bookmarks_every_section_and_case() {
    if !require("pdftohtml") {
        return;
    }
    let out = build(sample());
    let xml = poppler(
        "pdftohtml",
        &["-xml", "-i", "-q", "-stdout"],
        &super::copy_of(out.path()).join("report.pdf"),
    );
    let outline = &xml[xml.find("<outline>").expect("the PDF has bookmarks")..];
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(super::copy_of(out.path()).join("report.json")).unwrap())
            .unwrap();
    let mut wanted: Vec<String> = [
        "1.0 Background",
        "2.0 Cases",
        "3.0 Summary",
        "3.1 Themes found",
        "3.2 Theme tally",
        "3.3 Judgements",
        "3.4 Checklist results",
        "4.0 Observations",
        "5.0 Closing remarks",
    ]
    .map(String::from)
    .to_vec();
    for case in json["cases"].as_array().unwrap() {
        let number = case["case"].as_u64().unwrap();
        wanted.push(match case["title"].as_str() {
            Some(title) => format!("Case {number} – {title}"),
            None => format!("Case {number}"),
        });
    }
    assert_eq!(wanted.len(), 9 + 16);
    for title in &wanted {
        let escaped = title.replace('&', "&amp;");
        assert!(
            outline.contains(&format!(">{escaped}</item>")),
            "no bookmark `{title}` in:\n{outline}"
        );
    }
    // Cases sit under 2.0 in the bookmarks, so the reader's panel folds them away.
    let cases_at = outline.find(">2.0 Cases</item>").unwrap();
    let first_case = outline.find(">Case 1 – ").unwrap();
    let summary_at = outline.find(">3.0 Summary</item>").unwrap();
    assert!(cases_at < first_case && first_case < summary_at);
    assert!(
        outline[cases_at..first_case].contains("<outline>"),
        "cases are not nested under 2.0:\n{outline}"
    );
}

#[test]
fn the_sample_pdf_has_every_point_word_for_word() {
    if !require("pdftotext") {
        return;
    }
    let out = build(sample());
    let text = body_text(
        &super::copy_of(out.path()).join("report.pdf"),
        Some("OFFICIAL"),
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(super::copy_of(out.path()).join("report.json")).unwrap())
            .unwrap();
    let mut points = 0;
    for case in json["cases"].as_array().unwrap() {
        for point in case["feedback"].as_array().unwrap() {
            let point = collapse(point["text"].as_str().unwrap());
            assert!(
                text.contains(&point),
                "case {}: the PDF lacks the point `{point}`",
                case["case"]
            );
            points += 1;
        }
    }
    assert!(points > 100, "only {points} points were checked");
    for furniture in ["Contents", "Page 1 of", "3.2 Theme tally"] {
        assert!(
            poppler(
                "pdftotext",
                &[],
                &super::copy_of(out.path()).join("report.pdf")
            )
            .contains(furniture),
            "no `{furniture}`"
        );
    }
}

/// The breakdown's count columns are as wide as their labels' longest words, so a theme
/// reads on one line rather than one word a line.
#[test]
fn the_breakdown_table_gives_each_theme_its_line() {
    if !require("pdftotext") {
        return;
    }
    let out = build(sample());
    // The force's copy, which shows every number; the public one shows 1s and 2s in words.
    let text = poppler(
        "pdftotext",
        &["-layout"],
        &out.path().join("force/report.pdf"),
    );
    let breakdown = |text: &str| {
        text.split("Themes by panel judgement")
            .nth(1)
            .and_then(|rest| rest.split("Themes found together").next())
            .expect("the breakdown table is in the PDF")
            .to_string()
    };
    let table = breakdown(&text);
    let row = table
        .lines()
        .find(|line| line.contains("Victim kept updated and informed"))
        .expect("the theme's label is on one line");
    assert_eq!(
        row.split_whitespace().rev().take(4).collect::<Vec<_>>(),
        ["0", "2", "3", "2"],
        "the counts are beside the label: {row}"
    );
    assert!(
        table.contains("Inappropriate"),
        "a column label broke inside a word"
    );
    // The public copy's count columns also fit the words for a small number.
    let public = poppler(
        "pdftotext",
        &["-layout"],
        &out.path().join("public/report.pdf"),
    );
    let public = breakdown(&public);
    let row = public
        .lines()
        .find(|line| line.contains("No victim contract created"))
        .expect("the theme's label is on one line");
    assert!(
        row.trim_end().ends_with("fewer than 3"),
        "a suppressed count broke over lines: {row}"
    );
}

/// No page ends with a section's heading, in the sample or in a report of many cases:
/// a heading always goes over with what it heads.
#[test]
fn no_page_of_the_pdf_ends_with_a_heading() {
    if !require("pdftotext") {
        return;
    }
    let numbered = regex::Regex::new(r"^\d+\.\d+ \p{L}").unwrap();
    let page_number = regex_lite_page();
    let out = build(sample());
    let text = poppler(
        "pdftotext",
        &[],
        &super::copy_of(out.path()).join("report.pdf"),
    );
    let mut pages = 0;
    for (page, content) in text.split('\u{c}').enumerate() {
        let Some(last) = content
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && *l != "OFFICIAL" && !page_number(l))
        else {
            continue;
        };
        pages += 1;
        assert!(
            !numbered.is_match(last)
                && !last.starts_with("Themes by ")
                && last != "Themes found together",
            "page {} ends with the heading `{last}`",
            page + 1
        );
    }
    assert!(pages > 20, "only {pages} pages were read");
}

/// The last observation shares its page with the one before it: typst, which has no
/// orphan control for a table's rows, once put 4.5 alone on the last page of
/// observations. (The summary, earlier, quotes it too.)
#[test]
fn the_last_observation_never_stands_alone_on_a_page() {
    if !require("pdftotext") {
        return;
    }
    let out = build(sample());
    for copy in ["force", "public"] {
        let text = poppler("pdftotext", &[], &out.path().join(copy).join("report.pdf"));
        let last = "There appeared to be variation of documents";
        let page = text
            .split('\u{c}')
            .rfind(|page| collapse(page).contains(last))
            .expect("the last observation is in the PDF");
        assert!(
            collapse(page)
                .contains("It was found in a small number of cases that a victim contract"),
            "observation 4.5 is alone on its page of the {copy} copy:\n{page}"
        );
    }
}

#[test]
fn two_builds_of_the_pdf_and_the_workbook_are_byte_identical() {
    let builds: Vec<_> = (0..2)
        .map(|_| {
            let out = tempfile::tempdir().unwrap();
            let result = run(&[
                "build",
                s(&fixture("good/every-key")),
                "--out",
                s(out.path()),
                "--format",
                "pdf,xlsx",
            ]);
            assert_eq!(result.code, 0, "{}", result.stderr);
            out
        })
        .collect();
    for name in ["report.pdf", "report.xlsx"] {
        let a = fs::read(builds[0].path().join(name)).unwrap();
        let b = fs::read(builds[1].path().join(name)).unwrap();
        assert!(a.len() > 1000, "{name} is nearly empty");
        assert!(a == b, "two builds of {name} differ");
    }
}

/// Typst markup and code typed in a case file, each where a member might type it.
const TYPST: &str = r##"---
case: 9
title: "#sys.version and $x$"
---
## Typst in the text
- A point holding `#read("/etc/passwd")` in code.
- A point with #{ 1 + 1 } and $ x^2 $ and a \#sys.inputs escape.
- A point ending in \#panic("pwned") after the words.
- A point with a raw block next.

```typ
#set page(fill: red)
#read("/etc/shadow")
```
"##;

#[test]
fn typst_markup_in_a_case_file_is_printed_as_text() {
    if !require("pdftotext") {
        return;
    }
    let dir = Report::copy("good/small");
    fs::write(dir.path().join("cases/typst.md"), TYPST).unwrap();
    let out = build(dir.path());
    let text = body_text(
        &super::copy_of(out.path()).join("report.pdf"),
        Some("OFFICIAL"),
    );
    for literal in [
        "Case 9 – #sys.version and $x$",
        r#"A point holding #read("/etc/passwd") in code."#,
        "A point with #{ 1 + 1 } and $ x^2 $ and a #sys.inputs escape.",
        "#set page(fill: red)",
        r#"#read("/etc/shadow")"#,
    ] {
        assert!(
            text.contains(literal),
            "`{literal}` is not in the PDF as text:\n{text}"
        );
    }
    assert!(
        text.contains(r#"A point ending in #panic("pwned") after the words."#),
        "{text}"
    );
    assert!(
        !text.contains("root:"),
        "the PDF shows a file of the machine"
    );
}

#[test]
fn a_panels_own_typst_template_is_used_and_its_mistakes_are_located() {
    if !require("pdftotext") {
        return;
    }
    let dir = Report::copy("good/small");
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    let template = dir.path().join("templates/report.typ");
    fs::write(
        &template,
        "#let report = json(\"/report.json\")\n#set document(title: report.title)\n#set text(font: \"Noto Sans\")\n= Our own layout\n#report.title\n",
    )
    .unwrap();
    let out = build(dir.path());
    let text = body_text(&super::copy_of(out.path()).join("report.pdf"), None);
    assert!(text.contains("Our own layout"), "{text}");

    // A syntax error is found by `check`, before anything is built.
    fs::write(
        &template,
        "#let report = json(\"/report.json\")\n= Title\n#let x = (1, 2\n",
    )
    .unwrap();
    let checked = run(&["check", s(dir.path())]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    assert!(
        checked.stderr.contains("templates/report.typ:3:"),
        "{}",
        checked.stderr
    );

    // A template cannot read the machine's files: only the report's data is there.
    fs::write(
        &template,
        "#set document(title: \"x\")\n#read(\"/etc/passwd\")\n",
    )
    .unwrap();
    let refused = run(&["build", s(dir.path()), "--format", "pdf"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("templates/report.typ:2:") && refused.stderr.contains("not found"),
        "{}",
        refused.stderr
    );
}

#[test]
fn a_character_the_font_lacks_is_marked_and_warned_about_not_a_failed_build() {
    let dir = Report::copy("good/small");
    fs::write(
        dir.path().join("cases/emoji.md"),
        "---\ncase: 9\n---\n- The victim sent 🙂 and a bell \u{7} by text; Dŵr Cymru.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(dir.path()),
        "--out",
        s(out.path()),
        "--format",
        "pdf",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("the PDF's font has no letter for `🙂` (U+1F642)"),
        "{}",
        result.stderr
    );
    if !require("pdftotext") {
        return;
    }
    let text = body_text(
        &super::copy_of(out.path()).join("report.pdf"),
        Some("OFFICIAL"),
    );
    assert!(
        text.contains("The victim sent ? and a bell by text; Dŵr Cymru."),
        "{text}"
    );
}

/// A report of more than 100 cases is laid out in pieces and joined: one tagged PDF whose
/// pages are numbered to the last, whose contents give each section's page, with a
/// bookmark for every case, which starts a new page after the hundredth case, and which is
/// the same bytes on every build.
#[test]
fn a_long_report_laid_out_in_pieces_is_one_numbered_bookmarked_pdf() {
    if !require("pdftohtml") || !require("pdftotext") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    fs::write(
        folder.path().join("report.yaml"),
        "title: T\nmeeting_date: 2021-09-29\n",
    )
    .unwrap();
    fs::create_dir(folder.path().join("cases")).unwrap();
    for i in 1..=101 {
        let case = format!("---\ncase: {i}\n---\n- Point {i} was slow. #slow\n");
        fs::write(folder.path().join(format!("cases/{i}.md")), case).unwrap();
    }
    let out = build(folder.path());
    let pdf = out.path().join("report.pdf");
    // The pieces are laid out in parallel, in whatever order the cores take them.
    let again = build(folder.path());
    assert!(fs::read(&pdf).unwrap() == fs::read(again.path().join("report.pdf")).unwrap());
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the pages");
    let text = poppler("pdftotext", &[], &pdf);
    let pages_text: Vec<&str> = text.split('\u{c}').collect();
    for (i, page) in pages_text.iter().take(pages).enumerate() {
        let number = format!("Page {} of {pages}", i + 1);
        assert!(page.contains(&number), "no `{number}` on its page:\n{page}");
    }
    let on = |words: &str| {
        let found = pages_text
            .iter()
            .skip(2)
            .position(|p| p.lines().any(|l| l.trim() == words));
        found
            .map(|i| i + 3)
            .unwrap_or_else(|| panic!("no page has `{words}`"))
    };
    // The hundred-and-first case opens a page of its own.
    let first = pages_text[on("Case 101") - 1];
    let before: Vec<&str> = first
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        before.iter().position(|l| *l == "Case 101") < Some(2),
        "{first}"
    );
    // The contents give each section's page.
    for section in [
        "1.0 Background",
        "2.0 Cases",
        "3.0 Summary",
        "4.0 Observations",
    ] {
        let line = pages_text[1]
            .lines()
            .find(|l| l.starts_with(section))
            .unwrap_or_else(|| panic!("no `{section}` in the contents"));
        let number: String = line
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let number: String = number.chars().rev().collect();
        assert_eq!(number, on(section).to_string(), "{section}");
    }
    // The contents are one list of links, each line an item, as a screen reader hears
    // typst's own outline as one.
    let tags = poppler("pdfinfo", &["-struct"], &pdf);
    let after = tags
        .split("H1 \"Contents\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no Contents heading:\n{tags}"));
    let list: Vec<&str> = after
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("   "))
        .collect();
    assert!(
        after.lines().nth(1).is_some_and(|l| l.starts_with("  L ")),
        "{after}"
    );
    let items = list.iter().filter(|l| l.trim() == "LI (block)").count();
    let links = list.iter().filter(|l| l.trim().starts_with("Link")).count();
    let lines = pages_text[1]
        .lines()
        .filter(|l| l.contains(" . . "))
        .count();
    assert!(
        items >= 4 && items == links && items == lines,
        "{items} items, {links} links, {lines} lines:\n{after}"
    );
    let xml = poppler("pdftohtml", &["-xml", "-i", "-q", "-stdout"], &pdf);
    for i in [1, 100, 101] {
        assert!(
            xml.contains(&format!(">Case {i}</item>")),
            "no bookmark for case {i}"
        );
    }
}
