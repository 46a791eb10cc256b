//! The CommonMark 0.31.2 spec's examples as a corpus of what a panel might write: each
//! one outside the raw-HTML sections is placed as background.md, as closing.md and as a
//! case's points, and for each `check` and `build` agree, and every word the spec's
//! HTML shows is in report.html, report.docx and the PDF, in its order and its place.
//!
//! A case's points are the example under a `## Points` heading, as a case section: the
//! heading keeps an example that opens with `---` from being read as front matter.
//! Each meeting of an archive holds three examples, one in each place, and an archive
//! twenty meetings, so that one build is spent on sixty; an archive `check` refuses is
//! tried again one example at a time, each in a meeting of its own, to name it.
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

/// The examples of one meeting, at most one in each place.
type Meeting<'e> = Vec<(Place, &'e Example)>;

/// How many meetings an archive holds. A build spends most of its time once per process
/// (typst's fonts and library), so twenty meetings in one archive build in the time of
/// about four reports built alone, and the corpus in a few minutes of a debug build.
const MEETINGS_PER_ARCHIVE: usize = 20;

/// The folder, and so the id, of the archive's meeting `i`: a date of its own, since two
/// meetings on one date need sessions.
fn meeting_id(i: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        2001 + i / 336,
        i / 28 % 12 + 1,
        i % 28 + 1
    )
}

/// What a meeting's examples are called in a problem.
fn named(meeting: &Meeting) -> String {
    meeting
        .iter()
        .map(|(p, e)| format!("example {} ({}) as {}", e.number, e.section, p.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds an archive of `meetings` (a place a meeting leaves out holds a plain sentence)
/// and returns what went wrong: nothing when check and build agree and no word is lost.
/// `None` when check refused an archive of more than one example, to be tried one by one.
fn try_archive(meetings: &[Meeting]) -> Option<Vec<String>> {
    let mut t = Report::new().file("panel.yaml", "title: T\n");
    for (i, meeting) in meetings.iter().enumerate() {
        let id = meeting_id(i);
        let at = |place: Place| meeting.iter().find(|(p, _)| *p == place).map(|(_, e)| *e);
        let text = |place| at(place).map_or("A plain sentence.\n", |e| e.markdown.as_str());
        let number = at(Place::Case).map_or(0, |e| e.number);
        t = t
            .file(
                &format!("{id}/report.yaml"),
                format!("meeting_date: {id}\n"),
            )
            .file(&format!("{id}/background.md"), text(Place::Background))
            .file(&format!("{id}/closing.md"), text(Place::Closing))
            .case_in(
                &id,
                1,
                &format!("title: {}\n", case_title(number)),
                &format!("## Points\n\n{}", text(Place::Case)),
            );
    }
    let all = || meetings.iter().map(named).collect::<Vec<_>>().join(", ");
    let checked = t.run(&["check"]);
    let out = tempfile::tempdir().unwrap();
    let built = t.run(&["build", "--out", s(out.path())]);
    if (checked.code == 0) != (built.code == 0) {
        return Some(vec![format!(
            "{}: check exits {} but build {}:\n{}{}",
            all(),
            checked.code,
            built.code,
            checked.stderr,
            built.stderr
        )]);
    }
    if checked.code != 0 {
        return (meetings.iter().map(Vec::len).sum::<usize>() == 1).then(Vec::new);
    }
    let mut lost = Vec::new();
    for (i, meeting) in meetings.iter().enumerate() {
        let id = meeting_id(i);
        lost.extend(lost_words(
            meeting,
            &out.path().join(&id),
            &built.stderr,
            &id,
        ));
    }
    Some(lost)
}

/// The words of `meeting`'s examples that its outputs in `dir` lose, or show out of their
/// place; `stderr` is the build's, whose warnings for meeting `id` excuse letters the
/// PDF's font lacks.
fn lost_words(meeting: &Meeting, dir: &Path, stderr: &str, id: &str) -> Vec<String> {
    let at = |place: Place| meeting.iter().find(|(p, _)| *p == place).map(|(_, e)| *e);
    let number = at(Place::Case).map_or(0, |e| e.number);
    let html = fs::read_to_string(dir.join("report.html")).unwrap();
    let docx = fs::read(dir.join("report.docx")).unwrap();
    let mut outputs = vec![
        ("report.html", html_text(&html), Vec::new()),
        ("report.docx", docx_text(&docx), Vec::new()),
    ];
    if require("pdftotext") {
        outputs.push((
            "report.pdf",
            pdf_text(&dir.join("report.pdf")),
            unshown_in_pdf(stderr, id),
        ));
    }
    let mut lost = Vec::new();
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
            lost.push(format!("{}: {output} has no `{anchor}`", named(meeting)));
            continue;
        };
        // A place that loses a word is reported, and the next is looked for from where
        // it began, so that one loss is not reported again as the next place's.
        let mut report = |place: Place, from: usize, found: Result<usize, &str>| match found {
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
                from
            }
        };
        report(
            Place::Background,
            0,
            find_in_order(&text[..case_at], 0, &expected(Place::Background)),
        );
        let case_from = case_at + anchor.len();
        let case_end = report(
            Place::Case,
            case_from,
            find_in_order(&text, case_from, &expected(Place::Case)),
        );
        report(
            Place::Closing,
            case_end,
            find_in_order(&text, case_end, &expected(Place::Closing)),
        );
    }
    lost
}

/// The characters the build warned meeting `id`'s PDF has no letter for, each named by
/// its code point: the PDF shows them as a mark, which is not a lost word.
fn unshown_in_pdf(stderr: &str, id: &str) -> Vec<char> {
    let file = format!("{id}/report.pdf:");
    stderr
        .lines()
        .filter(|line| line.starts_with(&file) && line.contains("the PDF's font has no letter for"))
        .flat_map(|line| line.split("(U+").skip(1))
        .filter_map(|code| code.split(')').next())
        .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
        .filter_map(char::from_u32)
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
    // Each meeting has an example in each place, a third of the corpus apart, so that
    // every example is in every place once.
    let n = corpus.len();
    let meetings: Vec<Meeting> = (0..n)
        .map(|i| {
            Place::ALL
                .iter()
                .enumerate()
                .map(|(k, place)| (*place, corpus[(i + k * n / 3) % n]))
                .collect()
        })
        .collect();
    let archives: Vec<&[Meeting]> = meetings.chunks(MEETINGS_PER_ARCHIVE).collect();
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(archive) = archives.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let found = try_archive(archive).unwrap_or_else(|| {
                        archive
                            .iter()
                            .flatten()
                            .flat_map(|one| try_archive(&[vec![*one]]).unwrap_or_default())
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

#[test]
fn every_letter_a_meeting_s_pdf_lacks_is_read_from_its_own_warning() {
    let stderr = "2001-01-02/report.pdf:1:1: warning: the PDF's font has no letter for \
                  `ಫ` (U+0CAB), `ആ` (U+0D06), so report.pdf shows `?` in its place\n\
                  2001-01-03/report.pdf:1:1: warning: the PDF's font has no letter for \
                  `🙂` (U+1F642), so report.pdf shows `?` in its place\n";
    assert_eq!(unshown_in_pdf(stderr, "2001-01-02"), ['ಫ', 'ആ']);
    assert_eq!(unshown_in_pdf(stderr, "2001-01-03"), ['🙂']);
    assert!(unshown_in_pdf(stderr, "2001-01-04").is_empty());
}
