//! Outside programs some tests need — Chromium, LibreOffice, Poppler, openxml-audit,
//! script(1), the Nu Html Checker — and the schema check every test that builds a .docx runs.
//!
//! `cargo test` must pass on a machine with only Rust, so a test whose program is missing
//! says so on the terminal and returns. Under CI (`CI` set, as `.ci/run` and the usual CI
//! services do) a missing program fails the test instead, so CI still proves everything.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

/// What each program is and where it comes from, for the message when it is missing.
const PROGRAMS: &[(&str, &str)] = &[
    ("chromium", "Chromium: apt-get install chromium"),
    (
        "soffice",
        "LibreOffice: apt-get install libreoffice-writer-nogui",
    ),
    ("pdftotext", "Poppler: apt-get install poppler-utils"),
    ("pdftoppm", "Poppler: apt-get install poppler-utils"),
    ("pdfinfo", "Poppler: apt-get install poppler-utils"),
    ("pdffonts", "Poppler: apt-get install poppler-utils"),
    ("pdftohtml", "Poppler: apt-get install poppler-utils"),
    ("openpyxl", "openpyxl for Python 3: pip install openpyxl"),
    (
        "openxml-audit",
        "the OOXML validator: pip install openxml-audit",
    ),
    ("script", "script(1): apt-get install bsdutils"),
    ("node", "Node.js: apt-get install nodejs npm"),
    (
        "axe-core",
        "the accessibility audit: npm ci --prefix tests/axe",
    ),
    (
        "commonmark-spec",
        "the CommonMark spec's examples: npm ci --prefix tests/commonmark",
    ),
    ("java", "Java: apt-get install default-jre-headless"),
    ("vnu.jar", "the Nu Html Checker: npm ci --prefix tests/axe"),
];

/// Whether CI is running the tests, where every outside program must be present.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Whether an executable called `program` is on `PATH`.
fn installed(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let file = dir.join(program);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            file.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        }
        #[cfg(not(unix))]
        {
            file.is_file() || file.with_extension("exe").is_file()
        }
    })
}

/// Whether `program` can be used. When it cannot, the test should return at once: this
/// prints that it was skipped and why, or under CI fails it.
///
/// The note is written to the real standard error rather than through `eprintln!`, which
/// the test harness captures and shows only for failing tests; a skipped check must not
/// pass unseen.
pub fn require(program: &str) -> bool {
    require_if(program, installed(program))
}

/// Whether the accessibility audit can run: Node.js, Chromium, and tests/axe's packages.
pub fn require_axe() -> bool {
    let packages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/axe/node_modules");
    let ready = ["axe-core", "playwright-core"]
        .iter()
        .all(|p| packages.join(p).join("package.json").is_file());
    require("node") && require("chromium") && require_if("axe-core", ready)
}

/// The Nu Html Checker's jar, when it and Java are there to run it.
pub fn require_vnu() -> Option<std::path::PathBuf> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/axe/node_modules/vnu-jar/build/dist/vnu.jar");
    (require("java") && require_if("vnu.jar", jar.is_file())).then_some(jar)
}

/// Whether the CommonMark spec's examples are at `spec`, where tests/commonmark's
/// package puts them.
pub fn require_commonmark_spec(spec: &Path) -> bool {
    require_if("commonmark-spec", spec.is_file())
}

/// [`require`] for a program whose presence the caller has found out.
/// Whether Python 3 can import openpyxl, which reads report.xlsx back as Excel would.
pub fn require_openpyxl() -> bool {
    let ready = installed("python3")
        && Command::new("python3")
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success());
    require_if("openpyxl", ready)
}

fn require_if(program: &str, available: bool) -> bool {
    if available {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    match skip_or_fail(&test, program, in_ci()) {
        Ok(note) => {
            // Once per test and program, however often the test asks.
            static SAID: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
            let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
            if said.insert(note.clone()) {
                let _ = writeln!(std::io::stderr(), "{note}");
            }
            false
        }
        Err(message) => panic!("{message}"),
    }
}

/// For a missing `program`: the note that `test` was skipped, or under CI the failure.
fn skip_or_fail(test: &str, program: &str, ci: bool) -> Result<String, String> {
    let what = PROGRAMS
        .iter()
        .find(|(p, _)| *p == program)
        .map_or("an outside program", |(_, what)| what);
    if ci {
        Err(format!(
            "{test} needs `{program}` ({what}), which is not on PATH; CI must install it (see .ci/run)"
        ))
    } else {
        Ok(format!(
            "SKIPPED in {test}: the check that needs `{program}` ({what}), which is not on PATH"
        ))
    }
}

/// One violation openxml-audit reports: its description and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub description: String,
    pub part: String,
    pub path: String,
}

/// Every schema or semantic violation openxml-audit finds in the .docx at `docx`, or
/// `None` when the validator is not installed (and the test may go on without it).
pub fn violations(docx: &Path) -> Option<Vec<Violation>> {
    if !require("openxml-audit") {
        return None;
    }
    let output = Command::new("openxml-audit")
        .args(["--output", "json", "--max-errors", "0"])
        .arg(docx)
        .output()
        .expect("openxml-audit runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit gave no JSON report ({e}):\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let file = &report[0];
    let errors = file["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no `errors` in openxml-audit's report: {report}"));
    let text = |e: &serde_json::Value, key: &str| e[key].as_str().unwrap_or_default().to_string();
    let found: Vec<Violation> = errors
        .iter()
        .map(|e| Violation {
            description: text(e, "description"),
            part: text(e, "part_uri"),
            path: text(e, "path"),
        })
        .collect();
    assert_eq!(
        file["error_count"].as_u64(),
        Some(found.len() as u64),
        "openxml-audit left some errors out of its report"
    );
    Some(found)
}

fn listed(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(|v| format!("\n  {} ({} {})", v.description, v.part, v.path))
        .collect()
}

/// Asserts the .docx at `docx` is valid by the schema: openxml-audit finds nothing.
pub fn assert_schema_valid(docx: &Path) {
    assert_adds_no_violation(docx, None);
}

/// Asserts the report.docx built from report folder `folder` is valid by the schema, or
/// adds nothing to the violations of the house template its report.yaml names.
pub fn assert_valid_report(docx: &Path, folder: &Path) {
    let template = fs::read_to_string(folder.join("report.yaml"))
        .ok()
        .and_then(|yaml| {
            let name = yaml
                .lines()
                .find_map(|l| l.strip_prefix("word_template:"))?
                .trim()
                .to_string();
            Some(folder.join(name))
        });
    assert_adds_no_violation(docx, template.as_deref());
}

/// Asserts openxml-audit finds nothing in `docx` beyond what it finds in the parts of
/// `template` that a report takes over (styles, numbering, headers, footers, theme).
///
/// The template's document.xml is left out of the allowance, since the report writes its
/// own body and relationships; a violation there must not excuse one in the report.
/// Violations are matched by description, as the parts are renamed and their contents
/// placed differently in the report.
pub fn assert_adds_no_violation(docx: &Path, template: Option<&Path>) {
    let Some(found) = violations(docx) else {
        return;
    };
    let mut allowed: Vec<Violation> = match template {
        Some(template) => violations(template)
            .expect("openxml-audit ran on the report")
            .into_iter()
            .filter(|v| v.part != "/word/document.xml")
            .collect(),
        None => Vec::new(),
    };
    let added: Vec<Violation> = found
        .into_iter()
        .filter(|v| {
            let Some(i) = allowed.iter().position(|a| a.description == v.description) else {
                return true;
            };
            allowed.remove(i);
            false
        })
        .collect();
    assert!(
        added.is_empty(),
        "openxml-audit finds {} violation(s) in {}:{}",
        added.len(),
        docx.display(),
        listed(&added)
    );
}

#[test]
fn a_missing_program_is_skipped_but_fails_under_ci() {
    assert!(!installed("build-report-test-no-such-program"));
    assert!(installed("sh"), "the PATH search cannot find sh");
    let note = skip_or_fail("docx::x", "soffice", false).expect("skipped outside CI");
    assert!(
        note.contains("SKIPPED in docx::x") && note.contains("LibreOffice"),
        "{note}"
    );
    let failure = skip_or_fail("docx::x", "soffice", true).expect_err("a failure under CI");
    assert!(failure.contains("CI must install it"), "{failure}");
}

#[test]
fn the_validator_catches_a_violation() {
    // Proves the schema check can fail: a table layout written the way it once was.
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("report.docx");
    let (_out, bytes) = super::docx::build(&super::fixture("good/small"));
    let broken = super::docx::replace_in_part(
        &bytes,
        "word/document.xml",
        r#"<w:tblLayout w:type="fixed"/>"#,
        r#"<w:tblLayout w:val="fixed"/>"#,
    );
    std::fs::write(&docx, broken).unwrap();
    let Some(found) = violations(&docx) else {
        return;
    };
    assert!(
        found
            .iter()
            .any(|v| v.description.contains("'val' attribute is not declared")),
        "{found:?}"
    );
    let result = std::panic::catch_unwind(|| assert_schema_valid(&docx));
    assert!(result.is_err(), "assert_schema_valid let a violation pass");
}
