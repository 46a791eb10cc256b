//! The benchmark's floor: the least work any tool must do to read a report folder's cases.
//!
//! `cargo run --release --example floor -- /tmp/synth` reads every Markdown file under
//! the folder's `cases/`, splits off its front matter, parses that with serde-saphyr and
//! the body with pulldown-cmark (the two parsers build-report uses), and does nothing else:
//! no checks, no analysis, no output. bench/run.sh times it in the same run as
//! build-report, so build-report's times are read as multiples of this floor, which moves
//! with the machine and the load on it as build-report's own times do.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pulldown_cmark::{Options, Parser};
use walkdir::WalkDir;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: floor REPORT_FOLDER");
        return ExitCode::from(2);
    };
    match read_cases(&folder.join("cases")) {
        Ok((files, events)) => {
            println!("{files} case files, {events} Markdown events");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("floor: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Parses every case file; the counts it returns keep the work from being optimised away.
fn read_cases(cases: &Path) -> Result<(usize, usize), String> {
    let mut files = 0;
    let mut events = 0;
    for entry in WalkDir::new(cases).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (front, body) = split(&text);
        let _: serde_json::Value = serde_saphyr::from_str(front)
            .map_err(|e| format!("{}: front matter: {e}", path.display()))?;
        events += Parser::new_ext(body, Options::ENABLE_TABLES).count();
        files += 1;
    }
    Ok((files, events))
}

/// The front matter between the opening `---` line and the next, and the body after it.
fn split(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return ("", text);
    };
    match rest.find("\n---\n") {
        Some(end) => (&rest[..end], &rest[end + 5..]),
        None => ("", text),
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn front_matter_is_split_from_the_body() {
        assert_eq!(split("---\na: 1\n---\n- x\n"), ("a: 1", "- x\n"));
        assert_eq!(split("- x\n"), ("", "- x\n"));
    }
}
