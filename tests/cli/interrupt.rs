//! A build stopped part-way leaves output/ holding only the outputs, each one whole:
//! Ctrl-C and `kill` remove its temporary files before it exits with 130 or 143, and what
//! a build killed outright left is swept by the next build. Unix only, since the test
//! sends the signals with `kill`.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{run, s};

/// A report of enough cases that its PDF takes a while.
fn many_cases() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("cases")).unwrap();
    fs::write(
        dir.path().join("report.yaml"),
        "title: Interrupted\nmeeting_date: 2024-01-31\n",
    )
    .unwrap();
    let point = "Members noted that the record was brief and that the contact was slow. ";
    for case in 1..=40usize {
        let mut text = format!("---\ncase: {case}\ntitle: A case\n---\n## Feedback\n");
        for n in 0..8 {
            text.push_str(&format!("- {}\n", point.repeat(1 + (case + n) % 4)));
        }
        fs::write(dir.path().join(format!("cases/{case:03}.md")), text).unwrap();
    }
    dir
}

fn temporaries(out: &Path) -> Vec<String> {
    fs::read_dir(out)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".tmp-"))
                .collect()
        })
        .unwrap_or_default()
}

/// Every file of `out` and its bytes, sorted by name.
fn contents(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(out)
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

/// Starts a build, waits until it has `open` temporary files in `out`, sends `signal`
/// and returns the exit code (None when killed by the signal itself).
fn stop_build(dir: &Path, out: &Path, open: usize, signal: &str) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_build-report"))
        .args(["build", s(dir), "--out", s(out), "-q"])
        .env("BUILD_REPORT_CACHE", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while temporaries(out).len() < open {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before it had {open} temporary files open"
        );
        assert!(Instant::now() < deadline, "no temporary files appeared");
        std::thread::sleep(Duration::from_millis(2));
    }
    let sent = Command::new("kill")
        .args(["-s", signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    child.wait().unwrap().code()
}

#[test]
fn an_interrupted_build_leaves_only_whole_outputs() {
    let dir = many_cases();
    let out = dir.path().join("output");
    let first = run(&["build", s(dir.path()), "--out", s(&out), "-q"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let whole = contents(&out);
    assert!(temporaries(&out).is_empty());
    for (signal, open, code) in [
        ("INT", 1, 130),
        ("TERM", 1, 143),
        ("INT", 3, 130),
        ("HUP", 2, 129),
    ] {
        let stopped = stop_build(dir.path(), &out, open, signal);
        assert_eq!(stopped, Some(code), "SIG{signal} after {open} files");
        assert_eq!(
            temporaries(&out),
            Vec::<String>::new(),
            "SIG{signal} left files"
        );
        assert!(contents(&out) == whole, "SIG{signal} changed an output");
    }
    // Killed outright, a build cannot clean up; the next build sweeps what it left.
    for open in [1, 4] {
        assert_eq!(stop_build(dir.path(), &out, open, "KILL"), None);
        assert!(!temporaries(&out).is_empty(), "nothing was left to sweep");
        assert!(
            contents(&out)
                .iter()
                .filter(|(n, _)| !n.contains(".tmp-"))
                .eq(whole.iter())
        );
        let again = run(&["build", s(dir.path()), "--out", s(&out), "-q"]);
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert!(contents(&out) == whole, "after SIGKILL at {open} files");
    }
}
