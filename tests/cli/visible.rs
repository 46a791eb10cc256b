//! The words a reader sees in an HTML page, a report.docx and a PDF, reduced to their
//! letters and digits, so that outputs laid out differently can be compared word for
//! word: a line broken inside a code block, a hyphen pdftotext takes out, or a run of
//! text split between two styles must not read as a lost word.

use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;

use super::s;

/// Elements that sit inside a word without breaking it: `foo<em>bar</em>` reads `foobar`.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "code", "del", "em", "i", "ins", "kbd", "mark", "s", "samp",
    "small", "span", "strong", "sub", "sup", "u", "wbr",
];

/// The text of `html` a browser shows: no tags, no attributes (an image's alt text is not
/// on the page), no style sheet or script, entities decoded.
pub(super) fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..open]));
        let tag = &rest[open + 1..];
        let end = tag.find('>').map_or(tag.len(), |i| i + 1);
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &tag[end.min(tag.len())..];
        if !tag.starts_with('/') && (name == "style" || name == "script") {
            let close = format!("</{name}");
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        if !INLINE.contains(&name.as_str()) {
            text.push(' ');
        }
    }
    text.push_str(&decode_entities(rest));
    text
}

/// `text` with HTML's character references replaced by the characters they stand for.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').and_then(|semi| {
            let name = &after[..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of a report.docx's body: each paragraph, line break and tab is a space.
pub(super) fn docx_text(docx: &[u8]) -> String {
    let parts = super::docx::unzip(docx);
    let mut reader = quick_xml::Reader::from_str(&parts["word/document.xml"]);
    let mut text = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => text.push_str(&decode_entities(t.as_ref())),
            Event::GeneralRef(r) if in_text => {
                text.push_str(&decode_entities(&format!("&{};", r.as_ref())));
            }
            Event::End(e) if e.name().as_ref() == "w:p" => text.push(' '),
            Event::Empty(e) if matches!(e.name().as_ref(), "w:br" | "w:tab") => text.push(' '),
            Event::Eof => break,
            _ => {}
        }
    }
    text
}

/// The text pdftotext reads from the PDF at `pdf`.
pub(super) fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args([s(pdf), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The words of `text`, each only its letters and digits, those in `unshown` left out.
pub(super) fn words(text: &str, unshown: &[char]) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() || unshown.contains(&c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text`'s letters and digits alone, with typographic ligatures spelt out, to look
/// words up in whatever spacing the output gave them.
pub(super) fn squeezed(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            _ => out.push(c),
        }
    }
    out
}

/// Finds `words` in `text` in order from byte `from`: where the last ends, or the first
/// word not found after those before it.
pub(super) fn find_in_order<'w>(
    text: &str,
    from: usize,
    words: &'w [String],
) -> Result<usize, &'w str> {
    let mut at = from;
    for word in words {
        match text[at..].find(word.as_str()) {
            Some(i) => at += i + word.len(),
            None => return Err(word),
        }
    }
    Ok(at)
}

#[test]
fn the_visible_text_of_html_leaves_out_tags_and_decodes_entities() {
    let html = "<style>p{}</style><p>a <em>b</em>c &amp; &#x41;&#66;<br />d<img alt=\"e\" /></p>";
    assert_eq!(words(&html_text(html), &[]), ["a", "bc", "AB", "d"]);
    assert_eq!(words("Dŵr ? x", &['ŵ']), ["D", "r", "x"]);
    assert_eq!(squeezed("ﬁ-ne 1"), "fine1");
}

#[test]
fn words_are_found_only_in_their_order() {
    let text = squeezed("one two three");
    let w = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(find_in_order(&text, 0, &w(&["one", "three"])), Ok(11));
    assert_eq!(find_in_order(&text, 0, &w(&["three", "one"])), Err("one"));
    assert_eq!(find_in_order(&text, 3, &w(&["one"])), Err("one"));
}
