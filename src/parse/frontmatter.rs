//! Splitting a Markdown file into its `---` front matter and its body, and reading
//! typed values out of the front matter's located YAML tree.
//!
//! The helpers here turn "wrong kind of value" into diagnostics at the value's place, so
//! the per-file parsers stay short and every message has the same wording.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc, did_you_mean, one_of};
use crate::load::Source;
use crate::parse::yaml::{self, Key, Node, Value};

/// A file's front matter (already parsed) and where its body starts.
pub struct Split {
    /// `None` when the file has no front matter, or it could not be parsed.
    pub front: Option<Node>,
    /// Whether the file opened with `---` at all.
    pub present: bool,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Where a file's front matter lies, found without reading its YAML.
enum Bounds {
    /// No `---` first line: the whole file is body.
    Absent,
    /// The YAML's bytes, and where the body starts.
    Closed {
        yaml: std::ops::Range<usize>,
        body_offset: usize,
    },
    /// A `---` first line with no closing one.
    Unclosed,
}

fn bounds(text: &str) -> Bounds {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Bounds::Absent;
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut at = yaml_start;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..end].trim_end();
        if line == "---" || line == "..." {
            return Bounds::Closed {
                yaml: yaml_start..at,
                body_offset: (end + 1).min(text.len()),
            };
        }
        at = end + 1;
    }
    Bounds::Unclosed
}

/// Where the body of `text` starts, for a reader of the body alone: the privacy scan, a
/// review pack. A file whose front matter never closes has no body.
pub fn body_offset(text: &str) -> usize {
    match bounds(text) {
        Bounds::Absent => 0,
        Bounds::Closed { body_offset, .. } => body_offset,
        Bounds::Unclosed => text.len(),
    }
}

/// Splits `source` at its front matter. A file with no `---` first line has none.
pub fn split(source: &Source, diagnostics: &mut Diagnostics) -> Split {
    let text = source.text.as_str();
    match bounds(text) {
        Bounds::Absent => Split {
            front: None,
            present: false,
            body_offset: 0,
        },
        Bounds::Closed { yaml, body_offset } => {
            let yaml_text = &text[yaml];
            // Empty front matter is an empty mapping, so that each file type reports the
            // keys it lacks at the front matter's place instead of passing over it.
            let front = if yaml_text.trim().is_empty() {
                Some(Node {
                    value: Value::Null,
                    loc: Loc::new(2, 1),
                    width: 3,
                })
            } else {
                match yaml::parse(&source.path, yaml_text, 2) {
                    Ok(node) => Some(node),
                    Err(diagnostic) => {
                        diagnostics.push(*diagnostic);
                        None
                    }
                }
            };
            Split {
                front,
                present: true,
                body_offset,
            }
        }
        Bounds::Unclosed => {
            diagnostics.push(
                Diagnostic::error(&source.path, Loc::START, "the front matter is never closed")
                    .width(3)
                    .hint("add a line with just `---` after the last front-matter field, before the text of the case"),
            );
            Split {
                front: None,
                present: true,
                body_offset: text.len(),
            }
        }
    }
}

/// The entries of a mapping node, or a diagnostic if it is not one.
pub fn entries<'a>(
    node: &'a Node,
    file: &str,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> &'a [(Key, Node)] {
    match &node.value {
        Value::Map(entries) => entries,
        Value::Null => &[],
        _ => {
            diagnostics.push(
                node.error(
                    file,
                    format!(
                        "{what} must be a mapping of `key: value` lines, not {}",
                        node.kind()
                    ),
                )
                .hint("write one `key: value` per line"),
            );
            &[]
        }
    }
}

/// A scalar as text; lists and mappings are reported.
pub fn text(node: &Node, file: &str, key: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    match node.scalar_text() {
        Some(text) => Some(text),
        None if node.value == Value::Null => None,
        None => {
            diagnostics.push(
                node.error(file, format!("`{key}` must be text, not {}", node.kind()))
                    .hint(format!("write `{key}: some text` on one line")),
            );
            None
        }
    }
}

/// One text value or a list of them.
pub fn text_list(
    node: &Node,
    file: &str,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, Node)> {
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|item| text(item, file, key, diagnostics).map(|t| (t, item.clone())))
            .collect(),
        Value::Null => Vec::new(),
        _ => text(node, file, key, diagnostics)
            .map(|t| vec![(t, node.clone())])
            .unwrap_or_default(),
    }
}

/// Reports a key that is not one of `known`, with a suggestion.
pub fn unknown_key(
    file: &str,
    key: &Key,
    known: &[&str],
    what: &str,
    severity_error: bool,
) -> Diagnostic {
    let message = format!("unknown key `{}` in {what}", key.name);
    let diagnostic = if severity_error {
        Diagnostic::error(file, key.loc, message)
    } else {
        Diagnostic::warning(file, key.loc, message)
    };
    let hint = match did_you_mean(&key.name, known.iter().copied()) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!("the known keys are {}", one_of(known)),
    };
    diagnostic.width(key.name.chars().count()).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source {
            path: "cases/a.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_front_matter_and_body() {
        let mut d = Diagnostics::default();
        let s = split(&source("---\ncase: 1\n---\n- point\n"), &mut d);
        assert!(s.present && s.front.is_some());
        assert_eq!(s.body_offset, 16);
        assert!(d.is_empty());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let mut d = Diagnostics::default();
        let s = split(&source("---\ncase: 1\n- point\n"), &mut d);
        assert!(s.front.is_none());
        assert!(d.sorted()[0].message.contains("never closed"));
    }

    #[test]
    fn empty_front_matter_is_present_and_empty() {
        let mut d = Diagnostics::default();
        let s = split(&source("---\n---\n- point\n"), &mut d);
        assert!(s.present);
        assert_eq!(
            s.front.map(|f| (f.value, f.loc)),
            Some((Value::Null, Loc::new(2, 1)))
        );
        assert!(d.is_empty());
    }

    #[test]
    fn no_front_matter() {
        let mut d = Diagnostics::default();
        let s = split(&source("- point\n"), &mut d);
        assert!(!s.present);
        assert_eq!(s.body_offset, 0);
    }
}
