//! Turning a file's bytes into the clean text every later stage reads, and finding a
//! line and column in it.
//!
//! A file is refused here, with the place and the likely cause, when it is not UTF-8 text:
//! a Word document saved as .md, or a file from an old Windows editor. Line endings and a
//! byte-order mark are normalised so that positions match what the user's editor shows.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};

use super::Source;

/// Checks the bytes are UTF-8 text and normalises them: no BOM, LF line endings.
pub fn decode(shown: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Option<Source> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                diagnostics.push(
                    Diagnostic::error(shown, loc_of(text, nul), "this is a binary file, not text")
                        .hint("case files must be plain text (Markdown); save it as .md from a text editor, not a word processor"),
                );
                return None;
            }
            let text = if text.contains('\r') {
                text.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                text.to_string()
            };
            Some(Source {
                path: shown.to_string(),
                text,
            })
        }
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let loc = loc_of(good, good.len());
            let line_start = good.rfind('\n').map_or(0, |i| i + 1);
            let line_end = bytes[line_start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| line_start + i);
            let bad = bytes[err.valid_up_to()];
            let message = match windows_1252(bad) {
                Some(c) => format!(
                    "the file is not valid UTF-8 text: byte 0x{bad:02X} here is `{c}` in Windows-1252, so the file was probably saved in that encoding"
                ),
                None => "the file is not valid UTF-8 text".to_string(),
            };
            let mut diagnostic = Diagnostic::error(shown, loc, message);
            diagnostic.source_line =
                Some(String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned());
            diagnostics.push(
                diagnostic.hint("re-save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8); it may have been saved as Windows-1252 or pasted from another system"),
            );
            None
        }
    }
}

/// The character a byte above 0x7F stands for in Windows-1252, the encoding older Windows
/// programs save in; `None` for the five bytes it leaves undefined.
fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match byte {
        0x81 | 0x8D | 0x8F | 0x90 | 0x9D => None,
        0x80..=0x9F => HIGH.chars().nth(usize::from(byte - 0x80)),
        0xA0..=0xFF => char::from_u32(u32::from(byte)),
        _ => None,
    }
}

/// The line and column (1-based, in characters) of byte offset `at` in `text`.
pub fn loc_of(text: &str, at: usize) -> Loc {
    let at = at.min(text.len());
    let before = &text[..floor_char_boundary(text, at)];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Loc::new(
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where each line of a text starts, so that many offsets can be turned into lines and
/// columns without scanning the text from the start each time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The same as [`loc_of`], in logarithmic time.
    pub fn loc(&self, at: usize) -> Loc {
        let at = floor_char_boundary(self.text, at.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= at);
        let start = self.starts[line - 1];
        Loc::new(line, self.text[start..at].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let mut d = Diagnostics::default();
        let s = decode("a.md", b"\xEF\xBB\xBFline one\r\nline two\r\n", &mut d).unwrap();
        assert_eq!(s.text, "line one\nline two\n");
        assert!(d.is_empty());
    }
    #[test]
    fn reports_where_utf8_breaks() {
        let mut d = Diagnostics::default();
        assert!(decode("a.md", b"ok\nab\xE9c\n", &mut d).is_none());
        let diag = d.sorted()[0].clone();
        assert_eq!(diag.loc, Loc::new(2, 3));
        assert!(diag.message.contains("UTF-8"));
        assert!(
            diag.message
                .contains("byte 0xE9 here is `é` in Windows-1252"),
            "{}",
            diag.message
        );
        assert_eq!(windows_1252(0x92), Some('’'));
        assert_eq!(windows_1252(0x80), Some('€'));
        assert_eq!(windows_1252(0x9F), Some('Ÿ'));
        assert_eq!(windows_1252(0x81), None);
    }
    #[test]
    fn refuses_binary() {
        let mut d = Diagnostics::default();
        assert!(decode("a.md", b"PK\0\x03", &mut d).is_none());
        assert!(d.has_errors());
    }
    #[test]
    fn locates_offsets() {
        assert_eq!(loc_of("ab\ncdé\nf", 7), Loc::new(2, 4));
        assert_eq!(loc_of("", 0), Loc::START);
    }
    #[test]
    fn the_line_index_agrees_with_loc_of() {
        let text = "ab\ncdé\n\nf\n";
        let index = LineIndex::new(text);
        for at in 0..=text.len() + 2 {
            assert_eq!(index.loc(at), loc_of(text, at), "at {at}");
        }
    }
}
