//! Runs the real `build-report` executable on fixture folders, good and bad.
//!
//! Every bad fixture under tests/fixtures/bad must appear in `BAD` with the exit status
//! and the `file:line:column` its message must name, so a new fixture cannot be forgotten.

#[path = "cli/docx.rs"]
mod docx;
#[path = "cli/house.rs"]
mod house;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Copies a fixture folder so a test can change it or build into it.
fn copy_fixture(name: &str) -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let from = fixture(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = temp.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    temp
}

fn read_dir_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// (fixture, exit status, text that must appear in standard error)
const BAD: &[(&str, i32, &[&str])] = &[
    (
        "bad-answer",
        1,
        &[
            "cases/case-1.md:4:13: error: `maybe` is not an answer",
            "`yes`, `partial`",
        ],
    ),
    (
        "bad-judgement",
        1,
        &[
            "cases/case-1.md:3:12: error:",
            "did you mean `appropriate`?",
        ],
    ),
    (
        "bad-report-fields",
        1,
        &[
            "report.yaml:1:1: error: report.yaml has no `title:`",
            "report.yaml:1:15: error: `meeting_date` must be a date",
        ],
    ),
    (
        "binary-file",
        1,
        &["cases/case-2.md:1:6: error: this is a binary file, not text"],
    ),
    (
        "broken-template",
        1,
        &["templates/report.html:4:16: error: template error"],
    ),
    (
        "duplicate-case",
        1,
        &["cases/case-1.md:2:7: error: case 1 is also cases/case-1-again.md"],
    ),
    (
        "empty-cases",
        1,
        &["cases/:1:1: error: cases/ has no case files"],
    ),
    (
        "empty-front-matter",
        1,
        &[
            "cases/case-1.md:2:1: error: the front matter is empty: this case has no `case:` number",
            "cases/:1:1: error: cases/ has no cases: none could be read from its one file",
        ],
    ),
    (
        "gap",
        0,
        &["cases/case-11.md:2:7: warning: Case 10 is missing between 9 and 11"],
    ),
    (
        "many-problems",
        1,
        &[
            "cases/case-1.md:4:3: error: unknown check",
            "cases/case-2.md:2:7: error: `case` must be a positive whole number",
            "report.yaml:2:15: error: `meeting_date`",
        ],
    ),
    (
        "missing-case",
        1,
        &["cases/case-1.md:2:1: error: this case has no `case:` number"],
    ),
    (
        "no-report-yaml",
        1,
        &["report.yaml:1:1: error: no report.yaml"],
    ),
    (
        "non-integer-case",
        1,
        &["cases/case-6.md:2:7: error: `case` must be a positive whole number, not `six`"],
    ),
    (
        "not-utf8",
        1,
        &["cases/case-1.md:4:13: error: the file is not valid UTF-8"],
    ),
    (
        "privacy-allow-empty",
        0,
        &[
            "report.yaml:5:7: warning: an empty entry in `allow:` is ignored",
            "cases/case-1.md:4:3: warning: possible personal data, a name after a title: `Mrs Jones`",
        ],
    ),
    (
        "rule-two-tests",
        1,
        &[
            "themes.yaml:6:7: error: the `field: hcso_contact_hours` rule already tests `above`, so `below` cannot be used too",
            "themes.yaml:7:6: error: this rule is empty",
        ],
    ),
    (
        "rule-unknown-check",
        1,
        &[
            "themes.yaml:4:14: error: unknown check `hcso48h`",
            "did you mean `hcso_48h`?",
        ],
    ),
    (
        "rule-unknown-kind",
        1,
        &[
            "themes.yaml:4:7: error: this rule has no",
            "did you mean `phrase`?",
        ],
    ),
    (
        "tag-outside-point",
        0,
        &[
            "cases/case-1.md:4:12: warning: `#late-contact` is not in a feedback point, so it tags nothing",
            "cases/case-1.md:6:24: warning: `#late-contact` is not in a feedback point",
            "tags only count inside a bullet point",
        ],
    ),
    (
        "unclosed-front-matter",
        1,
        &["cases/case-1.md:1:1: error: the front matter is never closed"],
    ),
    (
        "unknown-check",
        1,
        &[
            "cases/case-1.md:4:3: error: unknown check `hcso_48`",
            "did you mean `hcso_48h`?",
        ],
    ),
    (
        "unknown-report-key",
        0,
        &[
            "report.yaml:6:1: warning: unknown key `organsation`",
            "did you mean `organisation`?",
        ],
    ),
    (
        "unknown-tag",
        1,
        &[
            "cases/case-1.md:4:21: error: unknown theme `late-hcso-contcat`",
            "did you mean `late-hcso-contact`?",
        ],
    ),
    (
        "unusual-id",
        0,
        &[
            "report.yaml:4:3: warning: `Risk.Assessment` is an unusual id",
            "such as `risk_assessment`",
        ],
    ),
    (
        "yaml-alias-bomb",
        1,
        &["report.yaml:8:8: error: the YAML exceeds a safety limit"],
    ),
    (
        "yaml-deep-nesting",
        1,
        &["cases/case-1.md:3:39: error: the YAML exceeds a safety limit"],
    ),
    (
        "yaml-syntax",
        1,
        &["cases/case-1.md:4:5: error: YAML syntax error"],
    ),
];

#[test]
fn every_bad_fixture_is_explained_at_its_place() {
    for (name, code, expected) in BAD {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("output");
        let result = run(&[
            "build",
            s(&fixture(&format!("bad/{name}"))),
            "--out",
            s(&target),
        ]);
        assert_eq!(result.code, *code, "{name}: exit status\n{}", result.stderr);
        for text in *expected {
            assert!(
                result.stderr.contains(text),
                "{name}: expected {text:?} in\n{}",
                result.stderr
            );
        }
        assert!(
            !result.stderr.contains("panicked"),
            "{name}: {}",
            result.stderr
        );
        if *code == 1 {
            // `check` must find everything a build would, templates included.
            let checked = run(&["check", s(&fixture(&format!("bad/{name}")))]);
            assert_eq!(checked.code, 1, "{name}: check's exit status");
            for text in *expected {
                assert!(
                    checked.stderr.contains(text),
                    "{name}: check should say {text:?}, not\n{}",
                    checked.stderr
                );
            }
        }
        if *code != 0 {
            assert!(!target.exists(), "{name}: a failed build wrote output");
            assert!(
                result.stderr.contains("help:"),
                "{name}: no hint in\n{}",
                result.stderr
            );
        }
    }
}

#[test]
fn every_bad_fixture_is_listed() {
    let mut names: Vec<String> = fs::read_dir(fixture("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<&str> = BAD.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(names, listed);
}

#[test]
fn check_reports_every_problem_in_one_run_and_writes_nothing() {
    let result = run(&["check", s(&fixture("bad/many-problems"))]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("3 errors"), "{}", result.stderr);
    assert!(!fixture("bad/many-problems/output").exists());
}

#[test]
fn small_report_builds_every_output() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/small")), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stderr.is_empty(), "{}", result.stderr);
    let names: Vec<String> = read_dir_bytes(out.path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        ["report.docx", "report.html", "report.json", "themes.csv"]
    );
    let json = fs::read_to_string(out.path().join("report.json")).unwrap();
    insta::assert_snapshot!("small_report_json", json);
    let html = fs::read_to_string(out.path().join("report.html")).unwrap();
    insta::assert_snapshot!("small_report_html", html);
    let csv = fs::read_to_string(out.path().join("themes.csv")).unwrap();
    insta::assert_snapshot!("small_themes_csv", csv);
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(
        run(&[s(&fixture("good/small")), "--out", s(a.path())]).code,
        0
    );
    assert_eq!(
        run(&[s(&fixture("good/small")), "--out", s(b.path())]).code,
        0
    );
    assert_eq!(read_dir_bytes(a.path()), read_dir_bytes(b.path()));
}

#[test]
fn formats_can_be_chosen() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        s(&fixture("good/small")),
        "--out",
        s(out.path()),
        "--format",
        "json,csv",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let names: Vec<String> = read_dir_bytes(out.path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["report.json", "themes.csv"]);
    let bad = run(&["build", s(&fixture("good/small")), "--format", "pdf"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let dir = copy_fixture("good/small");
    assert_eq!(run(&[s(dir.path())]).code, 0);
    let output = dir.path().join("output");
    let before = read_dir_bytes(&output);
    fs::write(
        dir.path().join("cases/b-first.md"),
        "---\ncase: one\n---\n- x\n",
    )
    .unwrap();
    let result = run(&[s(dir.path())]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("nothing was written"));
    assert_eq!(read_dir_bytes(&output), before);
}

#[test]
fn wrong_usage_exits_2() {
    let missing = run(&["build", "/no/such/folder"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no folder /no/such/folder"),
        "{}",
        missing.stderr
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    let out_is_file = run(&["build", s(&fixture("good/small")), "--out", s(file.path())]);
    assert_eq!(out_is_file.code, 2);
    assert!(
        out_is_file.stderr.contains("is not a folder"),
        "{}",
        out_is_file.stderr
    );
    assert_eq!(run(&["--no-such-flag"]).code, 2);
}

#[test]
fn themes_prints_the_tally_and_explains_evidence() {
    let tally = run(&["themes", s(&fixture("good/small"))]);
    assert_eq!(tally.code, 0, "{}", tally.stderr);
    assert!(
        tally
            .stdout
            .contains("HCSO contact not made within 48 hours      2    67%  1, 3"),
        "{}",
        tally.stdout
    );
    let explain = run(&[
        "themes",
        s(&fixture("good/small")),
        "--explain",
        "late-hcso-contact",
    ]);
    assert_eq!(explain.code, 0);
    assert!(
        explain
            .stdout
            .contains("cases/b-first.md:9: case 1 [check hcso_48h] no"),
        "{}",
        explain.stdout
    );
    assert!(
        explain
            .stdout
            .contains("cases/a-third.md:3: case 3 [field hcso_contact_hours] 60"),
        "{}",
        explain.stdout
    );
    let unknown = run(&[
        "themes",
        s(&fixture("good/small")),
        "--explain",
        "late-hcso",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `late-hcso-contact`?"),
        "{}",
        unknown.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_cases_does_not_hang() {
    let dir = copy_fixture("good/small");
    std::os::unix::fs::symlink(dir.path().join("cases"), dir.path().join("cases/loop")).unwrap();
    let result = run(&["check", s(dir.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn raw_html_in_a_case_never_reaches_the_page_as_markup() {
    let dir = copy_fixture("good/small");
    fs::write(
        dir.path().join("cases/hostile.md"),
        "---\ncase: 4\n---\n<script>document.title='pwned'</script>\n\n- <img src=x onerror=\"alert(1)\"> [link](javascript:alert(1)) <svg onload=alert(1)></svg>\n- Text with <b onclick=\"x()\">bold</b> & an <iframe src=\"https://example.com\"></iframe>\n",
    )
    .unwrap();
    assert_eq!(run(&[s(dir.path())]).code, 0);
    let html = fs::read_to_string(dir.path().join("output/report.html")).unwrap();
    for bad in [
        "<script",
        "onerror",
        "javascript:",
        "onload",
        "onclick",
        "<iframe",
        "<img",
        "pwned",
    ] {
        assert!(!html.contains(bad), "{bad} survived");
    }
    assert!(html.contains("<b>bold</b> &amp; an"));
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The page's visible text: tags dropped, entities decoded, white space collapsed.
fn visible_text(html: &str) -> String {
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
    let html = visible_text(&fs::read_to_string(out.path().join("report.html")).unwrap());
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
}

#[test]
fn planted_personal_data_is_caught_before_publication() {
    let dir = fixture("privacy/planted");
    let checked = run(&["check", s(&dir)]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    for expected in [
        "cases/case-1.md:3:19: warning: possible personal data, a name after a title: `Mrs Jones`",
        "cases/case-1.md:5:32: warning: possible personal data, an email address: `jo.bloggs@example.org`",
        "cases/case-1.md:5:57: warning: possible personal data, a phone number: `07700 900123`",
        "cases/case-1.md:6:16: warning: possible personal data, a postcode: `SA31 3AB`",
        "a National Insurance number: `QQ 12 34 56 C`",
        "cases/case-1.md:7:22: warning: possible personal data, a full date (possibly a date of birth): `12/03/1985`",
        "a crime or incident reference: `123456/21/0001`",
        "a reference number: `DPP123456`",
        "cases/case-1.md:9:3: warning: possible personal data, an officer's collar number: `PC 1234`",
    ] {
        assert!(
            checked.stderr.contains(expected),
            "expected {expected:?} in\n{}",
            checked.stderr
        );
    }
    assert!(
        !checked.stderr.contains("`Dr Who`"),
        "the allow list was ignored"
    );
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    let published = run(&["build", s(&dir), "--publish", "--out", s(&target)]);
    assert_eq!(published.code, 1, "{}", published.stderr);
    assert!(published.stderr.contains("error: possible personal data"));
    assert!(!target.exists());
    assert_eq!(run(&["build", s(&dir), "--out", s(&target)]).code, 0);
}

/// A report folder of `n` small cases, written at test time.
fn many_cases(n: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("cases")).unwrap();
    fs::write(
        dir.path().join("report.yaml"),
        "title: Many\nmeeting_date: 2024-01-31\n",
    )
    .unwrap();
    for case in 1..=n {
        fs::write(
            dir.path().join(format!("cases/{case:05}.md")),
            format!(
                "---\ncase: {case}\n---\n- Point one of case {case}. #theme-{}\n- Point two.\n",
                case % 7
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn twenty_thousand_cases_are_handled() {
    let dir = many_cases(20_000);
    let result = run(&["themes", s(dir.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains("20000 cases in all"));
    assert!(
        result
            .stdout
            .contains("\ntheme-0   2857    14%  7, 14, 21,")
    );
}

#[test]
fn a_five_megabyte_point_and_deep_nesting_build() {
    let dir = many_cases(1);
    let huge = "word ".repeat(1_000_000);
    let deep_quote = ">".repeat(50_000);
    let deep_list: String = (0..1_000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    let nested_html = "<div>".repeat(50_000);
    fs::write(
        dir.path().join("cases/00002.md"),
        format!("---\ncase: 2\n---\n- {huge}\n\n{deep_quote} x\n\n{deep_list}\n{nested_html}\n"),
    )
    .unwrap();
    let result = run(&[s(dir.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let html = fs::read_to_string(dir.path().join("output/report.html")).unwrap();
    assert!(html.contains(&huge.trim_end()[..1000]));
    assert!(
        !html.contains("<div><div>"),
        "nested raw HTML passed through"
    );
}

/// Opens a page in headless Chromium, lets its scripts run, and returns the DOM after.
fn chromium_dom(page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium must be installed to run this test (.ci/run installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_hostile_report_runs_nothing_in_a_real_browser() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/hostile")), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let page = out.path().join("report.html");
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("https://example.com"),
        "an outside address survived"
    );
    let dom = chromium_dom(&page);
    assert!(dom.contains("Bold text"), "the page did not load:\n{dom}");
    assert!(!dom.contains("data-pwned"), "a script ran:\n{dom}");
    assert!(
        dom.contains("<title>Hostile input &lt;script&gt;"),
        "the title changed"
    );
    assert!(dom.contains(">OFFICIAL\" ; } body { display: none } x { \"</div>"));
}

#[test]
fn chromium_sees_a_script_that_does_run() {
    // Proves the test above can fail: the same check catches a script that is not removed.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        "<html><body><script>document.body.dataset.pwned = 'yes';</script></body></html>",
    )
    .unwrap();
    assert!(chromium_dom(&page).contains("data-pwned"));
}
