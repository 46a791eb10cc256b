//! Writing a response into an observation file without touching anything else in it.
//!
//! The file is edited as text, never rewritten from the model: the `## Force response`
//! section's body is replaced (or the section appended), and an explicit
//! `status: awaiting-response` has its value replaced. Every other byte, line endings
//! included, is as it was, so the panel's diff shows only the force's words.

use crate::parse::observation::{Part, heading_part};

/// What [`splice`] changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spliced {
    pub text: String,
    /// The file had a response section, now replaced; otherwise one was appended.
    pub replaced: bool,
    /// `status: awaiting-response` became `status: responded`.
    pub status_moved: bool,
}

/// `file` with `response` (Markdown with `\n` line ends) as its force response.
pub fn splice(file: &str, response: &str) -> Spliced {
    let newline = if file.contains("\r\n") { "\r\n" } else { "\n" };
    let response = response.replace('\n', newline);
    let (front_end, status) = front_matter(file);
    let mut text = String::with_capacity(file.len() + response.len() + 32);
    let status_moved = status.is_some();
    match status {
        Some(range) => {
            text.push_str(&file[..range.start]);
            text.push_str("responded");
            text.push_str(&file[range.end..front_end]);
        }
        None => text.push_str(&file[..front_end]),
    }
    let body = &file[front_end..];
    let replaced = match response_section(body) {
        Some((start, end)) => {
            text.push_str(&body[..start]);
            text.push_str(newline);
            text.push_str(&response);
            text.push_str(newline);
            if end < body.len() {
                text.push_str(newline);
            }
            text.push_str(&body[end..]);
            true
        }
        None => {
            text.push_str(body);
            if !text.is_empty() && !text.ends_with('\n') {
                text.push_str(newline);
            }
            let blank = format!("{newline}{newline}");
            if !body.trim().is_empty() && !text.ends_with(&blank) {
                text.push_str(newline);
            }
            text.push_str("## Force response");
            text.push_str(newline);
            text.push_str(newline);
            text.push_str(&response);
            text.push_str(newline);
            false
        }
    };
    Spliced {
        text,
        replaced,
        status_moved,
    }
}

/// Where the body starts, and the byte range of an explicit `awaiting-response` value
/// of the top-level `status:` key.
fn front_matter(file: &str) -> (usize, Option<std::ops::Range<usize>>) {
    let mut lines = lines(file);
    let Some((_, first)) = lines.next() else {
        return (0, None);
    };
    if first.trim_end() != "---" {
        return (0, None);
    }
    let mut status = None;
    for (at, line) in lines {
        let content = line.trim_end_matches(['\r', '\n']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            return (at + line.len(), status);
        }
        if let Some(rest) = content.strip_prefix("status:") {
            let value = rest.split(" #").next().unwrap_or(rest);
            let trimmed = value.trim();
            let bare = trimmed.trim_matches(['"', '\'']);
            if bare.eq_ignore_ascii_case("awaiting-response") {
                let offset = at + "status:".len() + (value.len() - value.trim_start().len());
                status = Some(offset..offset + trimmed.len());
            }
        }
    }
    // An unclosed front matter: the file does not load, and is not edited.
    (file.len(), None)
}

/// The byte range of the response section's body in `body`: from after its heading
/// line to the next `## Observation` heading or the end, as the parser divides a file.
fn response_section(body: &str) -> Option<(usize, usize)> {
    let mut fence: Option<&str> = None;
    let mut start = None;
    for (at, line) in lines(body) {
        let content = line.trim_end_matches(['\r', '\n']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if indent <= 3 {
            let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
            match (fence, marker) {
                (None, Some(m)) => {
                    fence = Some(m);
                    continue;
                }
                (Some(open), Some(m)) if open == m => {
                    fence = None;
                    continue;
                }
                _ => {}
            }
        }
        if fence.is_some() || indent > 3 {
            continue;
        }
        let Some(title) = heading(trimmed) else {
            continue;
        };
        match (heading_part(title), start) {
            (Some(Part::Response), None) => start = Some(at + line.len()),
            (Some(Part::Observation), Some(s)) => return Some((s, at)),
            _ => {}
        }
    }
    start.map(|s| (s, body.len()))
}

/// The title of an ATX heading line (`## Force response ##`), if it is one.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

/// Each line of `text` with its line end, and the byte offset it starts at.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_appended_and_the_status_moved() {
        let file = "---\norder: 2\nstatus: awaiting-response # until the force replies\n---\n\n## Observation\n\nLate.\n";
        let out = splice(file, "Noted.\n\n- one\n- two");
        assert_eq!(
            out.text,
            "---\norder: 2\nstatus: responded # until the force replies\n---\n\n## Observation\n\nLate.\n\n## Force response\n\nNoted.\n\n- one\n- two\n"
        );
        assert!(out.status_moved && !out.replaced);
    }

    #[test]
    fn a_response_section_is_replaced_up_to_the_next_observation_heading() {
        let file = "---\nstatus: responded\n---\n## Force response\r\nOld.\r\n\r\n### Observation\r\nLate.\r\n";
        let out = splice(file, "New.\nLine.");
        assert_eq!(
            out.text,
            "---\nstatus: responded\n---\n## Force response\r\n\r\nNew.\r\nLine.\r\n\r\n### Observation\r\nLate.\r\n"
        );
        assert!(out.replaced && !out.status_moved);
    }

    #[test]
    fn a_heading_inside_a_code_fence_starts_nothing() {
        let file = "Late.\n```\n## Force response\n```\n";
        let out = splice(file, "Noted.");
        assert_eq!(out.text, format!("{file}\n## Force response\n\nNoted.\n"));
    }

    #[test]
    fn a_quoted_status_and_a_file_without_front_matter() {
        let out = splice("---\nstatus: 'awaiting-response'\n---\nLate.", "Noted.");
        assert_eq!(
            out.text,
            "---\nstatus: responded\n---\nLate.\n\n## Force response\n\nNoted.\n"
        );
        let out = splice("Late.\n\n", "Noted.");
        assert_eq!(out.text, "Late.\n\n## Force response\n\nNoted.\n");
    }
}
