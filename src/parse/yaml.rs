//! YAML read into a small tree in which every key and value knows where it came from.
//!
//! Deserialising straight into typed structs would stop at the first wrong value and lose
//! the position of every value that is merely unknown or out of range. Reading into a
//! located tree first lets the parse stage check everything and report every problem at
//! its own line and column. serde-saphyr supplies the locations and the resource budget
//! that stops alias bombs and deep nesting.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Loc};

mod unclosed;

/// A YAML value with its location in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
    /// Width in characters of the value's text, for underlining it.
    pub width: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub loc: Loc,
}

impl Node {
    /// The value as display text, for scalars.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Str(s) => Some(s.clone()),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// A diagnostic pointing at this value.
    pub fn error(&self, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(file, self.loc, message).width(self.width)
    }
}

/// The value read by serde before it is given its final location.
#[derive(Debug)]
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Raw::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

/// Parses `text`, which starts on line `first_line` of `file`.
///
/// A YAML error becomes one diagnostic at its place in the file.
pub fn parse(file: &str, text: &str, first_line: usize) -> Result<Node, Box<Diagnostic>> {
    let options = serde_saphyr::options! {
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 200_000,
            max_aliases: 1_000,
            max_documents: 1,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(raw) => Ok(convert(raw, first_line)),
        Err(err) => Err(Box::new(syntax_error(file, text, &err, first_line))),
    }
}

fn syntax_error(
    file: &str,
    text: &str,
    err: &serde_saphyr::Error,
    first_line: usize,
) -> Diagnostic {
    let loc = err.location().map_or(Loc::new(first_line, 1), |l| {
        Loc::new(
            l.line() as usize + first_line - 1,
            (l.column() as usize).max(1),
        )
    });
    let full = err.without_snippet().to_string();
    let message = match full.find(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    let hint = if message.contains("budget") {
        "the YAML is too large or too deeply nested (or uses too many aliases) to be a report file; simplify it"
    } else if message.contains("duplicate") {
        "each key may appear only once; remove or rename the repeated one"
    } else {
        "check the indentation, that every `key: value` has a space after the colon, and that every `[` or `{` is closed, and that text containing `: ` or starting with `[`, `{`, `*`, `&` or `#` is in quotes"
    };
    // serde-saphyr's wording speaks to programmers ("set DuplicateKeyPolicy in Options").
    let duplicate = message
        .strip_prefix("duplicate mapping key: ")
        .map(|rest| rest.split(", set ").next().unwrap_or(rest).trim());
    // An unclosed `[`, `{` or quote runs on over the lines after it, so the parser
    // notices later than the mistake; the mistake is where it opened.
    let error_line = err
        .location()
        .and_then(|l| (l.line() as usize).checked_sub(1));
    if !message.contains("budget")
        && duplicate.is_none()
        && let Some(open) = unclosed::unclosed(text, error_line)
    {
        let (message, hint) =
            unclosed::explain(&open, text.lines().nth(open.line).unwrap_or_default());
        return Diagnostic::error(
            file,
            Loc::new(open.line + first_line, open.column + 1),
            message,
        )
        .hint(hint);
    }
    // The commonest slip in front matter: a value with its own `: `, as in
    // `title: Disability: hate crime`. The fix is to quote it, so show the quoted line.
    let line = err
        .location()
        .and_then(|l| text.lines().nth((l.line() as usize).checked_sub(1)?));
    if message.starts_with("mapping values are not allowed")
        && let Some((key, value)) = line.and_then(|l| l.split_once(": "))
    {
        let quoted = format!("{key}: \"{}\"", value.trim().replace('"', "\\\""));
        return Diagnostic::error(
            file,
            loc,
            "this value has a `: ` in it, which YAML reads as the start of another key",
        )
        .hint(format!(
            "put the value in double quotes: `{}`",
            quoted.trim_start()
        ));
    }
    // A tab is invisible in most editors, and YAML's own message names a place near it
    // rather than the tab itself. Any error in text with a tab in its indentation, or
    // that mentions a tab, is most likely that tab.
    let indented_tab = text.lines().enumerate().find_map(|(i, l)| {
        let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
        indent
            .find('\t')
            .map(|at| (i, indent[..at].chars().count()))
    });
    let any_tab = || {
        text.lines()
            .enumerate()
            .find_map(|(i, l)| l.find('\t').map(|at| (i, l[..at].chars().count())))
    };
    let tab = indented_tab.or_else(|| message.contains("tab").then(any_tab).flatten());
    if let Some((line, column)) = tab {
        return Diagnostic::error(
            file,
            Loc::new(line + first_line, column + 1),
            "a tab here: YAML does not allow tabs for indenting",
        )
        .hint("replace the tab with spaces (two per level is usual); many editors can show tabs, or convert them with \"Convert indentation to spaces\"");
    }
    let message = match (message.strip_prefix("budget breached: "), duplicate) {
        (Some(limit), _) => format!("the YAML exceeds a safety limit ({limit})"),
        (None, Some(key)) => format!("`{key}` is given twice"),
        (None, None) => format!("YAML syntax error: {message}"),
    };
    Diagnostic::error(file, loc, message).hint(hint)
}

fn location(spanned_line: u64, spanned_column: u64, first_line: usize) -> Loc {
    Loc::new(
        (spanned_line as usize).max(1) + first_line - 1,
        (spanned_column as usize).max(1),
    )
}

fn convert(raw: Spanned<Raw>, first_line: usize) -> Node {
    let loc = location(raw.referenced.line(), raw.referenced.column(), first_line);
    let width = raw.referenced.span().len() as usize;
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| convert(item, first_line))
                .collect(),
        ),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let key_loc =
                        location(key.referenced.line(), key.referenced.column(), first_line);
                    (
                        Key {
                            name: key.value,
                            loc: key_loc,
                        },
                        convert(value, first_line),
                    )
                })
                .collect(),
        ),
    };
    Node {
        value,
        loc,
        width: width.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_locations_shifted_by_the_first_line() {
        let node = parse("a.md", "case: 6\nchecks:\n  hcso_48h: no\n", 2).unwrap();
        let Value::Map(entries) = &node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].0.name, "case");
        assert_eq!(entries[0].1.loc, Loc::new(2, 7));
        let Value::Map(checks) = &entries[1].1.value else {
            panic!("not a map")
        };
        assert_eq!(checks[0].0.loc, Loc::new(4, 3));
        assert_eq!(checks[0].1.value, Value::Bool(false));
    }

    #[test]
    fn syntax_errors_point_into_the_file() {
        let err = parse("a.md", "case: 6\ntitle: oops: x\nfoo: 1\n", 2).unwrap_err();
        assert_eq!(err.loc.line, 3);
        let err = parse("a.md", "case: 6\nrisk low\nfoo: 1\n", 2).unwrap_err();
        assert!(
            err.message.starts_with("YAML syntax error"),
            "{}",
            err.message
        );
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opened() {
        let err = parse("a.md", "case: 6\ntitle: [unclosed\nfoo: 1\nbar: 2\n", 2).unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (3, 8));
        assert_eq!(err.message, "this `[` is never closed");
        let err = parse("r.yaml", "title: T\nforce: \"Dyfed\nmarking: x\n", 1).unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (2, 8), "{}", err.message);
    }

    #[test]
    fn a_value_with_a_colon_gets_its_quoted_form_as_the_hint() {
        let err = parse("a.md", "case: 6\ntitle: Disability: hate crime\n", 2).unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (3, 18));
        assert!(err.message.contains("has a `: ` in it"), "{}", err.message);
        assert_eq!(
            err.hint.as_deref(),
            Some("put the value in double quotes: `title: \"Disability: hate crime\"`")
        );
    }

    #[test]
    fn a_tab_is_named_and_pointed_at() {
        let err = parse("a.md", "case: 10\n\tchecks: x\n", 2).unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (3, 1));
        assert!(err.message.contains("tab"), "{}", err.message);
        let err = parse("a.md", "case: 1\nchecks:\n\thcso: no\n", 2).unwrap_err();
        assert_eq!((err.loc.line, err.loc.column), (4, 1), "{}", err.message);
    }

    #[test]
    fn a_repeated_key_is_named_in_plain_words() {
        let err = parse("a.md", "case: 6\nrisk: low\nrisk: high\n", 2).unwrap_err();
        assert_eq!(err.message, "`risk` is given twice");
        assert_eq!(err.loc.line, 4);
        assert!(err.hint.as_deref().unwrap_or("").contains("only once"));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (name, prev) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
        ] {
            let refs = vec![format!("*{prev}"); 9].join(",");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let err = parse("r.yaml", &text, 1).unwrap_err();
        assert!(err.hint.unwrap().contains("too large"));
    }
}
