//! Hostile and oversized input: links and raw HTML that must not run, personal data that
//! must not be published, folders that must not hang or exhaust memory.

use std::fs;
use std::path::Path;

use super::*;

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_cases_does_not_hang() {
    let dir = Report::copy("good/small");
    std::os::unix::fs::symlink(dir.path().join("cases"), dir.path().join("cases/loop")).unwrap();
    let result = run(&["check", s(dir.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn raw_html_in_a_case_never_reaches_the_page_as_markup() {
    let dir = Report::copy("good/small").case(
        4,
        "",
        "<script>document.title='pwned'</script>\n\n- <img src=x onerror=\"alert(1)\"> [link](javascript:alert(1)) <svg onload=alert(1)></svg>\n- Text with <b onclick=\"x()\">bold</b> & an <iframe src=\"https://example.com\"></iframe>\n",
    );
    assert_eq!(dir.run(&[]).code, 0);
    let html = dir.read("output/report.html");
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
    tools::assert_schema_valid(&dir.path().join("output/report.docx"));
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
    assert!(
        checked.stdout.contains("1 case, no errors, ")
            && checked.stdout.contains(" warnings to look at"),
        "{}",
        checked.stdout
    );
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    let published = run(&["build", s(&dir), "--publish", "--out", s(&target)]);
    assert_eq!(published.code, 1, "{}", published.stderr);
    assert!(published.stderr.contains("error: possible personal data"));
    assert!(!target.exists());
    assert_eq!(run(&["build", s(&dir), "--out", s(&target)]).code, 0);
    tools::assert_schema_valid(&target.join("report.docx"));
}

/// A report folder of `n` small cases, written at test time.
fn many_cases(n: u32) -> Report {
    let report = Report::new().file("report.yaml", "title: Many\nmeeting_date: 2024-01-31\n");
    (1..=n).fold(report, |report, case| {
        let body = format!(
            "- Point one of case {case}. #theme-{}\n- Point two.\n",
            case % 7
        );
        report.case(case, "", &body)
    })
}

#[test]
fn twenty_thousand_cases_are_handled() {
    let dir = many_cases(20_000);
    let result = dir.run(&["themes"]);
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
    let huge = "word ".repeat(1_000_000);
    let deep_quote = ">".repeat(50_000);
    let deep_list: String = (0..1_000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    let nested_html = "<div>".repeat(50_000);
    let body = format!("- {huge}\n\n{deep_quote} x\n\n{deep_list}\n{nested_html}\n");
    let dir = many_cases(1).case(2, "", &body);
    // Every format but the PDF: typst takes minutes to set a million-word paragraph in
    // an unoptimised test build. The PDF's own test below builds the deep nesting.
    let result = dir.run(&["--format", "html,docx,xlsx,json,csv"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let html = dir.read("output/report.html");
    assert!(html.contains(&huge.trim_end()[..1000]));
    assert!(
        !html.contains("<div><div>"),
        "nested raw HTML passed through"
    );
    tools::assert_schema_valid(&dir.path().join("output/report.docx"));
}

#[test]
fn deep_nesting_builds_as_a_pdf() {
    let deep_quote = ">".repeat(50_000);
    let deep_list: String = (0..1_000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    let deep_emphasis = format!("{}deep{}", "*_".repeat(500), "_*".repeat(500));
    let body = format!("- {deep_emphasis}\n\n{deep_quote} x\n\n{deep_list}\n");
    let dir = many_cases(1).case(2, "", &body);
    let result = dir.run(&["--format", "pdf"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let pdf = fs::read(dir.path().join("output/report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// Opens a page in headless Chromium, lets its scripts run, and returns the DOM after;
/// `None` when Chromium is missing (see [`tools::require`]).
fn chromium_dom(page: &Path) -> Option<String> {
    if !tools::require("chromium") {
        return None;
    }
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
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn a_hostile_report_runs_nothing_in_a_real_browser() {
    let out = tempfile::tempdir().unwrap();
    let result = run(&[s(&fixture("good/hostile")), "--out", s(out.path())]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    // The writer is told, once per line, that raw HTML is cleaned before it is shown.
    for at in [
        "cases/case-1.md:5:1:",
        "cases/case-1.md:7:1:",
        "cases/case-1.md:21:16:",
    ] {
        assert!(
            result
                .stderr
                .contains(&format!("{at} warning: raw HTML `<")),
            "no warning at {at}:\n{}",
            result.stderr
        );
    }
    assert_eq!(result.stderr.matches("cases/case-1.md:7:").count(), 1);
    let page = out.path().join("report.html");
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("https://example.com"),
        "an outside address survived"
    );
    tools::assert_schema_valid(&out.path().join("report.docx"));
    let Some(dom) = chromium_dom(&page) else {
        return;
    };
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
    if let Some(dom) = chromium_dom(&page) {
        assert!(dom.contains("data-pwned"), "{dom}");
    }
}

/// Runs the binary with a terminal as its standard error (through `script`), with the
/// progress bar's usual one-second wait removed.
fn run_on_a_terminal(args: &[&str]) -> String {
    let command = std::iter::once(env!("CARGO_BIN_EXE_build-report"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("BUILD_REPORT_PROGRESS_DELAY_MS", "0")
        .output()
        .expect("script runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only_and_not_under_quiet() {
    if !tools::require("script") {
        return;
    }
    let dir = many_cases(2_000);
    let out = tempfile::tempdir().unwrap();
    let (dir, out) = (s(dir.path()), s(out.path()));
    let shown = run_on_a_terminal(&["build", dir, "--out", out]);
    assert!(shown.contains("Rendering"), "no progress bar:\n{shown}");
    let quiet = run_on_a_terminal(&["build", dir, "--out", out, "--quiet"]);
    assert!(
        !quiet.contains("Rendering"),
        "--quiet showed a bar:\n{quiet}"
    );
    let piped = run(&["build", dir, "--out", out]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(!piped.stderr.contains("Rendering"), "{}", piped.stderr);
    // This report.docx is not checked against the schema: openxml-audit takes minutes over
    // 2,000 cases, and the smaller reports exercise the same code.
}

/// A file elsewhere on the machine, holding a word no report has.
#[cfg(unix)]
fn secret_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("diary.md");
    fs::write(
        &secret,
        "---\ncase: 9\njudgement: appropriate\n---\n- Xylophone-secret-7731.\n",
    )
    .unwrap();
    (elsewhere, secret)
}

#[cfg(unix)]
#[test]
fn a_case_linked_to_a_file_outside_the_folder_is_not_read_or_published() {
    let (_elsewhere, secret) = secret_file();
    let dir = Report::copy("good/small");
    std::os::unix::fs::symlink(&secret, dir.path().join("cases/z-linked.md")).unwrap();
    fs::remove_file(dir.path().join("summary.md")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("summary.md")).unwrap();
    let built = dir.run(&["build", "--format", "html,json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    for warned in ["cases/z-linked.md", "summary.md"] {
        assert!(
            built.stderr.contains(&format!(
                "{warned}:1:1: warning: {warned} is not read: it is a link to a file outside the report folder"
            )),
            "{}",
            built.stderr
        );
    }
    assert!(!built.stderr.contains(secret.to_str().unwrap()));
    for output in ["output/report.html", "output/report.json"] {
        assert!(!dir.read(output).contains("Xylophone"), "{output}");
    }
    let checked = dir.run(&["check"]);
    assert!(checked.stderr.contains("cases/z-linked.md is not read"));
}

/// The walk resolves cases/ once and trusts the real folders below it, so a cases/ that
/// is itself a link elsewhere, or a case folder that is, must still be refused.
#[cfg(unix)]
#[test]
fn a_cases_folder_or_case_folder_linked_outside_is_not_read() {
    let (elsewhere, _secret) = secret_file();
    let dir = Report::copy("good/small");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("cases/z-folder")).unwrap();
    let built = dir.run(&["build", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(!dir.read("output/report.json").contains("Xylophone"));

    let linked = Report::copy("good/small");
    fs::remove_dir_all(linked.path().join("cases")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), linked.path().join("cases")).unwrap();
    let checked = linked.run(&["check"]);
    assert!(
        checked.stderr.contains(
            "cases/diary.md:1:1: warning: cases/diary.md is not read: it is a link to a file outside the report folder"
        ),
        "{}",
        checked.stderr
    );
    assert!(!checked.stderr.contains("Xylophone"), "{}", checked.stderr);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_inside_the_folder_is_read() {
    let dir = Report::copy("good/small");
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::rename(
        dir.path().join("cases/b-first.md"),
        dir.path().join("drafts/b-first.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../drafts/b-first.md", dir.path().join("cases/b-first.md"))
        .unwrap();
    let built = dir.run(&["build", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(!built.stderr.contains("is not read"), "{}", built.stderr);
    let json = dir.read("output/report.json");
    assert!(json.contains("Public order offence"), "{json}");
}

#[cfg(unix)]
#[test]
fn a_meeting_reads_links_within_its_archive_but_not_outside_it() {
    let (_elsewhere, secret) = secret_file();
    let t = Report::new()
        .file("panel.yaml", "title: Panel\n")
        .file(
            "2023-06/report.yaml",
            "title: June\nmeeting_date: 2023-06-14\n",
        )
        .case_in("2023-06", 1, "judgement: appropriate\n", "- A point.\n")
        .file(
            "shared/case-02.md",
            "---\ncase: 2\njudgement: appropriate\n---\n- Shared.\n",
        );
    let cases = t.path().join("2023-06/cases");
    std::os::unix::fs::symlink(t.path().join("shared/case-02.md"), cases.join("case-02.md"))
        .unwrap();
    std::os::unix::fs::symlink(&secret, cases.join("case-03.md")).unwrap();
    let built = t.run(&["build", "{dir}/2023-06", "--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(
        built
            .stderr
            .contains("cases/case-03.md is not read: it is a link to a file outside the archive"),
        "{}",
        built.stderr
    );
    assert!(!built.stderr.contains("case-02.md is not read"));
    let json = t.read("2023-06/output/report.json");
    assert!(json.contains("Shared."));
    assert!(!json.contains("Xylophone"));
}
