//! Finding the `[`, `{` or quote that a YAML syntax error comes from.
//!
//! An unclosed flow collection or quoted text swallows the lines after it, so the parser
//! notices only later, often at the end of the text, and names a line the officer never
//! touched. When parsing has failed, this scan reads the text again the way YAML does
//! (quotes, comments, block text), finds the opener that is never closed, or the one
//! whose text ran on over the place of the error, and the error is reported there once.

/// A `[`, `{`, `"` or `'` that starts a collection or a quoted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opener {
    /// From 0, in the text scanned.
    pub line: usize,
    /// In characters, from 0.
    pub column: usize,
    pub mark: char,
    /// Whether it opened inside a flow collection.
    in_flow: bool,
}

/// The opener to blame for a syntax error the parser found on `error_line` (from 0): one
/// never closed, else one at the top level whose text ran over several lines up to the
/// error.
pub(super) fn unclosed(text: &str, error_line: Option<usize>) -> Option<Opener> {
    let mut flows: Vec<Opener> = Vec::new();
    let mut quote: Option<Opener> = None;
    // Top-level openers closed on a later line than they opened, and that line.
    let mut spans: Vec<(Opener, usize)> = Vec::new();
    // Inside block text (`|` or `>`): its key's indentation.
    let mut block_text: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(key_indent) = block_text {
            if line.trim().is_empty() || indent > key_indent {
                continue;
            }
            block_text = None;
        }
        let top = quote.is_none() && flows.is_empty();
        if top && (line == "---" || line.starts_with("--- ") || line == "...") {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut start = true;
        let mut after_space = true;
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let next = chars.get(j + 1).copied();
            if let Some(open) = quote {
                match (open.mark, c) {
                    ('"', '\\') | ('\'', '\'') if open.mark == '"' || next == Some('\'') => {
                        j += 2;
                        continue;
                    }
                    (mark, c) if mark == c => {
                        quote = None;
                        if !open.in_flow && open.line != i {
                            spans.push((open, i));
                        }
                        start = false;
                    }
                    _ => {}
                }
                j += 1;
                continue;
            }
            let ends_word = next.is_none_or(|n| n == ' ' || n == '\t');
            match c {
                '#' if after_space => break,
                '"' | '\'' if start => {
                    quote = Some(Opener {
                        line: i,
                        column: j,
                        mark: c,
                        in_flow: !flows.is_empty(),
                    });
                }
                '[' | '{' if start || !flows.is_empty() => {
                    flows.push(Opener {
                        line: i,
                        column: j,
                        mark: c,
                        in_flow: !flows.is_empty(),
                    });
                    start = true;
                }
                ']' | '}' if !flows.is_empty() => {
                    if let Some(open) = flows.pop()
                        && flows.is_empty()
                        && open.line != i
                    {
                        spans.push((open, i));
                    }
                    start = false;
                }
                ',' if !flows.is_empty() => start = true,
                ':' if ends_word || !flows.is_empty() => start = true,
                '-' | '?' if start && ends_word => {}
                '|' | '>' if start && flows.is_empty() && block_header(&chars[j + 1..]) => {
                    block_text = Some(indent);
                    break;
                }
                ' ' | '\t' => {}
                _ => start = false,
            }
            after_space = c == ' ' || c == '\t';
            j += 1;
        }
    }
    let open = [flows.first().copied(), quote]
        .into_iter()
        .flatten()
        .min_by_key(|o| (o.line, o.column));
    open.or_else(|| {
        let error_line = error_line?;
        spans
            .into_iter()
            .find(|(o, end)| (o.line..=*end).contains(&error_line))
            .map(|(o, _)| o)
    })
}

/// Whether what follows a `|` or `>` makes it the start of block text: an indentation or
/// chomping mark at most, then nothing but a comment.
fn block_header(rest: &[char]) -> bool {
    let rest: String = rest.iter().collect();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with('#')
}

/// What to say about an opener never closed, and how to mend it: `line` is its line.
pub(super) fn explain(open: &Opener, line: &str) -> (String, String) {
    let message = format!("this `{}` is never closed", open.mark);
    let quoted = line
        .split_once(": ")
        .map(|(key, value)| {
            // A note after the value stays a note, outside the quotes.
            let value = value.split(" #").next().unwrap_or(value);
            format!(
                "`{}: \"{}\"`",
                key.trim_start(),
                value.trim().replace('\\', "\\\\").replace('"', "\\\"")
            )
        })
        .unwrap_or_else(|| "in double quotes".to_string());
    let hint = match open.mark {
        '[' => format!("close it with `]` on the same line, or, if the value is text, quote it: {quoted}"),
        '{' => format!("close it with `}}` on the same line, or, if the value is text, quote it: {quoted}"),
        '"' => "end the text with `\"` on the same line; a `\"` inside it is written `\\\"`".to_string(),
        _ => "end the text with `'` on the same line; a `'` inside it is written `''`, or put the text in double quotes instead".to_string(),
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, error_line: Option<usize>) -> Option<(usize, usize, char)> {
        unclosed(text, error_line).map(|o| (o.line, o.column, o.mark))
    }

    #[test]
    fn an_unclosed_bracket_or_brace_is_found_where_it_opened() {
        assert_eq!(
            at("case: 6\ntitle: [unclosed\nrisk: low\n", None),
            Some((1, 7, '['))
        );
        assert_eq!(
            at("a: 1\nb: {x: 1, y: [2, 3]\nc: [d]\n", None),
            Some((1, 3, '{'))
        );
        assert_eq!(at("list:\n  - [a, b\n  - c\n", None), Some((1, 4, '[')));
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opened() {
        assert_eq!(
            at("case: 6\ntitle: \"Public order\nrisk: low\n", None),
            Some((1, 7, '"'))
        );
        assert_eq!(at("a: 'it''s\nb: 1\n", None), Some((0, 3, '\'')));
        // Its text runs on to the next quote; the error after it is blamed on the opener.
        let text = "title: \"Public order\nrisk: low\nnote: \"x\"\n";
        assert_eq!(at(text, Some(2)), Some((0, 7, '"')));
        assert_eq!(at(text, Some(5)), None);
    }

    #[test]
    fn closed_openers_quotes_in_words_comments_and_block_text_are_not_blamed() {
        let text = "title: Victim's wishes [draft]\nsummary: \"a [b\" # c [ d\nthemes: [a,\n  b]\nnote: |\n  free [text \" here\nk: 'x'\nurl: http://x/[y\n";
        assert_eq!(at(text, Some(7)), None);
        assert_eq!(at("a: \"say \\\" [\"\nb: 1\n", None), None);
        // Inside plain text a `[` is a letter like any other.
        assert_eq!(at("a: C# [x\n", None), None);
        assert_eq!(at("a: x # [not closed\n", None), None);
    }

    #[test]
    fn the_hint_shows_the_quoted_form_of_the_line() {
        let open = unclosed("title: [unclosed\n", None).unwrap();
        let (message, hint) = explain(&open, "title: [unclosed   # a note");
        assert_eq!(message, "this `[` is never closed");
        assert_eq!(
            hint,
            "close it with `]` on the same line, or, if the value is text, quote it: `title: \"[unclosed\"`"
        );
    }
}
