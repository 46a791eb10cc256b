//! The CommonMark 0.31.2 spec's examples as a corpus of what a panel might write: each
//! one outside the raw-HTML sections is placed as background.md, as closing.md and as a
//! case's points, and for each `check` and `build` agree, and every word the spec's
//! HTML shows is in report.html, report.docx and the PDF, in its order and its place.
//!
//! A case's points are the example under a `## Points` heading, as a case section: the
//! heading keeps an example that opens with `---` from being read as front matter.
//! Each report folder holds three examples, one in each place, so that a build is spent
//! on three; a folder `check` refuses is tried again one example at a time, to name it.
//! The spec comes from npm (`npm ci --prefix tests/commonmark`, as `.ci/run` does); without
//! it the test is skipped, and fails under CI.

use std::fs;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::tools::require;
use super::visible::{docx_text, find_in_order, html_text, pdf_text, squeezed, words};
use super::*;

/// The sections whose examples are raw HTML, which build-report never passes through.
const RAW_HTML: &[&str] = &["HTML blocks", "Raw HTML"];

/// One example of the spec: its Markdown and the HTML it must give.
struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

/// The examples of spec.txt, read as the package's own index.js reads them: a section is
/// the last `#` line before, and `→` stands for a tab.
fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let opening = format!("{fence} example");
    let mut found = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("<!-- END TESTS -->") {
            break;
        }
        if line == opening {
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for line in lines.by_ref() {
                if line == fence {
                    break;
                }
                if line == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let into = if in_html { &mut html } else { &mut markdown };
                into.push_str(&line.replace('→', "\t"));
                into.push('\n');
            }
            found.push(Example {
                number: found.len() + 1,
                section: section.clone(),
                markdown,
                html,
            });
        } else if let Some(title) = section_title(line) {
            section = title.to_string();
        }
    }
    found
}

/// The title of a spec section heading such as `## Tabs`.
fn section_title(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (hashes > 0).then(|| line[hashes.min(6)..].trim_start_matches(' '))
}

/// Where in a report folder an example is placed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Background,
    Case,
    Closing,
}

impl Place {
    const ALL: [Place; 3] = [Place::Background, Place::Case, Place::Closing];

    fn name(self) -> &'static str {
        match self {
            Place::Background => "background.md",
            Place::Case => "a case's points",
            Place::Closing => "closing.md",
        }
    }
}

/// The words of the case title, by which the case's part of each output is found.
fn case_title(number: usize) -> String {
    format!("CommonMark example {number}")
}

/// Builds a folder with `placed` examples (a place left out holds a plain sentence) and
/// returns what went wrong: nothing when check and build agree and no word is lost.
/// `None` when check refused a folder of more than one example, to be tried one by one.
fn try_folder(placed: &[(Place, &Example)]) -> Option<Vec<String>> {
    let at = |place: Place| placed.iter().find(|(p, _)| *p == place).map(|(_, e)| *e);
    let text = |place| at(place).map_or("A plain sentence.\n", |e| e.markdown.as_str());
    let number = at(Place::Case).map_or(0, |e| e.number);
    let t = Report::new()
        .file("report.yaml", "title: T\nmeeting_date: 2024-05-14\n")
        .file("background.md", text(Place::Background))
        .file("closing.md", text(Place::Closing))
        .file(
            "cases/case-01.md",
            format!(
                "---\ncase: 1\ntitle: {}\n---\n## Points\n\n{}",
                case_title(number),
                text(Place::Case)
            ),
        );
    let named = || {
        placed
            .iter()
            .map(|(p, e)| format!("example {} ({}) as {}", e.number, e.section, p.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let checked = t.run(&["check"]);
    let out = tempfile::tempdir().unwrap();
    let built = t.run(&["build", "--out", s(out.path())]);
    if (checked.code == 0) != (built.code == 0) {
        return Some(vec![format!(
            "{}: check exits {} but build {}:\n{}{}",
            named(),
            checked.code,
            built.code,
            checked.stderr,
            built.stderr
        )]);
    }
    if checked.code != 0 {
        return (placed.len() == 1).then(Vec::new);
    }
    let mut lost = Vec::new();
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    let docx = fs::read(out.path().join("report.docx")).unwrap();
    let mut outputs = vec![
        ("report.html", html_text(&html), Vec::new()),
        ("report.docx", docx_text(&docx), Vec::new()),
    ];
    if require("pdftotext") {
        outputs.push((
            "report.pdf",
            pdf_text(&out.path().join("report.pdf")),
            unshown_in_pdf(&built.stderr),
        ));
    }
    for (output, text, unshown) in outputs {
        let text = squeezed(&text);
        let expected = |place| {
            at(place).map_or_else(
                || words("A plain sentence.", &[]),
                |e| words(&html_text(&e.html), &unshown),
            )
        };
        let anchor = squeezed(&case_title(number));
        let Some(case_at) = text.rfind(&anchor) else {
            lost.push(format!("{}: {output} has no `{anchor}`", named()));
            continue;
        };
        let mut report = |place: Place, found: Result<usize, &str>| match found {
            Ok(end) => end,
            Err(word) => {
                if let Some(e) = at(place) {
                    lost.push(format!(
                        "example {} ({}) as {}: {output} loses `{word}`",
                        e.number,
                        e.section,
                        place.name()
                    ));
                }
                text.len()
            }
        };
        report(
            Place::Background,
            find_in_order(&text[..case_at], 0, &expected(Place::Background)),
        );
        let case_end = report(
            Place::Case,
            find_in_order(&text, case_at + anchor.len(), &expected(Place::Case)),
        );
        report(
            Place::Closing,
            find_in_order(&text, case_end.min(text.len()), &expected(Place::Closing)),
        );
    }
    Some(lost)
}

/// The characters the build warned the PDF's font has no letter for: the PDF shows them
/// as a mark, which is not a lost word.
fn unshown_in_pdf(stderr: &str) -> Vec<char> {
    let marker = "the PDF's font has no letter for `";
    stderr
        .match_indices(marker)
        .filter_map(|(i, _)| stderr[i + marker.len()..].chars().next())
        .collect()
}

#[test]
fn every_commonmark_example_builds_in_every_place_and_keeps_its_words() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/commonmark/node_modules/commonmark-spec/spec.txt");
    if !tools::require_commonmark_spec(&spec) {
        return;
    }
    let all = examples(&fs::read_to_string(&spec).unwrap());
    assert_eq!(all.len(), 652, "the 0.31.2 spec has 652 examples");
    let corpus: Vec<&Example> = all
        .iter()
        .filter(|e| !RAW_HTML.contains(&e.section.as_str()))
        .collect();
    assert_eq!(corpus.len(), 588, "and 64 of raw HTML");
    // Each folder has an example in each place, a third of the corpus apart, so that
    // every example is in every place once.
    let n = corpus.len();
    let folders: Vec<Vec<(Place, &Example)>> = (0..n)
        .map(|i| {
            Place::ALL
                .iter()
                .enumerate()
                .map(|(k, place)| (*place, corpus[(i + k * n / 3) % n]))
                .collect()
        })
        .collect();
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(folder) = folders.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let found = try_folder(folder).unwrap_or_else(|| {
                        folder
                            .iter()
                            .flat_map(|one| try_folder(&[*one]).unwrap_or_default())
                            .collect()
                    });
                    problems.lock().unwrap().extend(found);
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(
        problems.is_empty(),
        "{} problem(s) with the CommonMark examples:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_spec_is_read_as_its_package_reads_it() {
    let fence = "`".repeat(32);
    let spec = format!(
        "# Tabs\n\n{fence} example\n→foo\n.\n<pre><code>foo\n</code></pre>\n{fence}\n\n\
         ## Raw HTML\n\n{fence} example\n<a>\n.\n<p><a></p>\n{fence}\n\
         <!-- END TESTS -->\n{fence} example\nx\n.\n<p>x</p>\n{fence}\n"
    );
    let found = examples(&spec);
    assert_eq!(found.len(), 2);
    assert_eq!(
        (found[0].section.as_str(), found[0].markdown.as_str()),
        ("Tabs", "\tfoo\n")
    );
    assert_eq!(found[1].html, "<p><a></p>\n");
    assert_eq!(
        (found[1].number, found[1].section.as_str()),
        (2, "Raw HTML")
    );
}
