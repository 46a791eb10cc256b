//! Text the PDF's font can show.
//!
//! A PDF/UA file may not hold a character its font cannot show, and typst refuses to write
//! one, which would fail the whole build over one emoji. So the report's data is made
//! printable on its way to typst, and what had to change is reported.

use std::collections::BTreeSet;

/// What the shown character of a missing one is.
pub const MISSING: char = '?';

/// The JSON text with every string made printable in the PDF's font. A PDF/UA file may
/// not hold a character its font cannot show, so typst refuses one; a control character
/// (a bell typed by accident) is dropped, an invisible formatting character the font
/// lacks (a zero-width space) is dropped, and any other character the font lacks (an
/// emoji) becomes [`MISSING`] and is reported. JSON escapes only control characters, so
/// every other character is seen here as itself.
pub fn printable(json: &str, covered: impl Fn(char) -> bool) -> (Vec<u8>, BTreeSet<char>) {
    let mut out = String::with_capacity(json.len());
    let mut missing = BTreeSet::new();
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                // A control character written `\u0007`: dropped, a tab as a space.
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16) {
                        Ok(0x09) => out.push(' '),
                        Ok(0x0a) => out.push_str("\\n"),
                        Ok(code) if code < 0x20 => {}
                        _ => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some('t') => out.push(' '),
                Some('b' | 'f' | 'r') => {}
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            c if c.is_ascii() || covered(c) => out.push(c),
            c if c.is_control() || invisible(c) => {}
            c => {
                missing.insert(c);
                out.push(MISSING);
            }
        }
    }
    (out.into_bytes(), missing)
}

/// Characters that only shape or direct the text around them.
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(json: &str) -> (String, Vec<char>) {
        let (bytes, missing) = printable(json, |c| !matches!(c, '🙂' | 'ǂ' | '\u{200B}'));
        (
            String::from_utf8(bytes).unwrap(),
            missing.into_iter().collect(),
        )
    }

    #[test]
    fn what_the_font_cannot_show_is_dropped_or_marked() {
        assert_eq!(shown(r#"{"s":"a\u0007b\tc\nd"}"#).0, r#"{"s":"ab c\nd"}"#);
        assert_eq!(
            shown(r#"{"s":"x\\u0007 \"q\""}"#).0,
            r#"{"s":"x\\u0007 \"q\""}"#
        );
        assert_eq!(
            shown("{\"s\":\"ŵ\u{200B}🙂ǂ\"}"),
            ("{\"s\":\"ŵ??\"}".to_string(), vec!['ǂ', '🙂'])
        );
    }
}
