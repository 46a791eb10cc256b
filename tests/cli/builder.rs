//! A report folder or a panel's archive written from a few lines of Rust, and the real
//! binary run on it, so that a test shows the whole input it is about instead of copying a
//! fixture folder for every variation (as mdBook's `BookTest` and just's `Test` do).
//!
//! ```ignore
//! let t = Report::new()
//!     .file("report.yaml", "title: T\nmeeting_date: 2024-01-10\n")
//!     .case(1, "judgement: appropriate\n", "- a point\n");
//! let run = t.run(&["check"]);
//! ```
//! Paths are relative to the folder and may be nested (`2023-06/report.yaml`); folders
//! are made as needed. Each step writes at once, so a test can change a file and run again.
//! Expectations (`expect_code`, `expect_stderr`, `expect_file`) are checked by the next
//! run, and only by it, so a test that runs again states what it expects again.

use std::cell::RefCell;
use std::fs;
use std::path::Path;

use build_report::layout;

use super::{Run, fixture, run, s};

/// A temporary report folder or archive, removed when dropped.
pub(super) struct Report {
    dir: tempfile::TempDir,
    expected: RefCell<Expected>,
}

/// What the next run must do.
#[derive(Default)]
struct Expected {
    code: Option<i32>,
    stderr: Vec<String>,
    files: Vec<(String, String)>,
}

impl Report {
    /// An empty folder: a test writes report.yaml (or panel.yaml) itself, so that what it
    /// reads is all there is.
    pub(super) fn new() -> Self {
        Report {
            dir: tempfile::tempdir().unwrap(),
            expected: RefCell::default(),
        }
    }

    /// A copy of the fixture folder `name` (such as `good/small`) under tests/fixtures.
    pub(super) fn copy(name: &str) -> Self {
        let report = Report::new();
        super::copy_tree(&fixture(name), report.dir.path());
        report
    }

    /// Writes `text` to `path`, replacing what was there.
    pub(super) fn file(self, path: &str, text: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Adds `text` at the end of `path` on a line of its own, as a person adds a key to
    /// report.yaml.
    pub(super) fn append(self, path: &str, text: &str) -> Self {
        let mut old = self.read(path);
        if !old.is_empty() && !old.ends_with('\n') {
            old.push('\n');
        }
        self.file(path, old + text)
    }

    /// Writes case `number` as `cases/case-NN.md`, the name `new` gives it: the front
    /// matter is `case: NUMBER` then `front` (YAML lines, each ending in a newline), and
    /// `body` is the Markdown after it.
    pub(super) fn case(self, number: u32, front: &str, body: &str) -> Self {
        self.case_in("", number, front, body)
    }

    /// Like [`Report::case`], in the meeting folder `meeting` of an archive.
    pub(super) fn case_in(self, meeting: &str, number: u32, front: &str, body: &str) -> Self {
        let path = Path::new(meeting)
            .join(layout::CASES)
            .join(layout::case_file(number));
        let text = format!("---\ncase: {number}\n{front}---\n{body}");
        self.file(s(&path), text)
    }

    /// The next run must exit with `code`.
    pub(super) fn expect_code(self, code: i32) -> Self {
        self.expected.borrow_mut().code = Some(code);
        self
    }

    /// The next run's standard error must hold `text`.
    pub(super) fn expect_stderr(self, text: &str) -> Self {
        self.expected.borrow_mut().stderr.push(text.to_string());
        self
    }

    /// After the next run, the file at `path` in the folder must hold exactly `text`.
    pub(super) fn expect_file(self, path: &str, text: &str) -> Self {
        let expected = (path.to_string(), text.to_string());
        self.expected.borrow_mut().files.push(expected);
        self
    }

    pub(super) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The text of `path` in the folder, such as `output/report.json`.
    pub(super) fn read(&self, path: &str) -> String {
        let path = self.dir.path().join(path);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Runs build-report with `args`, the folder standing for each `{dir}` in them, or
    /// given last when none holds one: `t.run(&["check"])`,
    /// `t.run(&["build", "{dir}/2023-06", "--format", "json"])`.
    pub(super) fn run(&self, args: &[&str]) -> Run {
        let dir = s(self.dir.path());
        let mut args: Vec<String> = args.iter().map(|a| a.replace("{dir}", dir)).collect();
        if !args.iter().any(|a| a.contains(dir)) {
            args.push(dir.to_string());
        }
        let result = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let expected = self.expected.take();
        if let Some(code) = expected.code {
            assert_eq!(result.code, code, "{}{}", result.stdout, result.stderr);
        }
        for text in &expected.stderr {
            assert!(
                result.stderr.contains(text),
                "no {text:?} in:\n{}",
                result.stderr
            );
        }
        for (path, text) in &expected.files {
            assert_eq!(&self.read(path), text, "{path}");
        }
        result
    }
}

#[test]
fn an_archive_s_files_land_in_their_meetings_and_its_meetings_check_alone() {
    let meeting = "title: June\nmeeting_date: 2023-06-14\n";
    let t = Report::new()
        .file("panel.yaml", "title: Panel\n")
        .file("2023-06/report.yaml", meeting)
        .case_in("2023-06", 3, "risk: low\n", "- A point.\n")
        .case_in("2023/09", 12, "", "- Another.\n");
    assert_eq!(t.read("panel.yaml"), "title: Panel\n");
    assert_eq!(
        t.read("2023-06/cases/case-03.md"),
        "---\ncase: 3\nrisk: low\n---\n- A point.\n"
    );
    assert_eq!(
        t.read("2023/09/cases/case-12.md"),
        "---\ncase: 12\n---\n- Another.\n"
    );
    let checked = t.run(&["check", "{dir}/2023-06"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(checked.stdout.contains("2023-06: 1 case, no errors"));
}

#[test]
fn the_folder_is_the_last_argument_unless_placed() {
    // No cases is an error, so this shows the folder was read, not `.`.
    let t = Report::new()
        .file(layout::REPORT, "title: T\nmeeting_date: 2024-01-10\n")
        .expect_code(1);
    t.run(&["check"]);
    let t = t
        .case(1, "", "- A point.\n")
        .append("report.yaml", "language: en");
    assert_eq!(
        t.read("report.yaml"),
        "title: T\nmeeting_date: 2024-01-10\nlanguage: en"
    );
    let placed = t.run(&["build", "{dir}", "--out", "{dir}/out", "--format", "json"]);
    assert_eq!(placed.code, 0, "{}", placed.stderr);
    assert!(t.read("out/report.json").contains("\"total_cases\": 1"));
}
