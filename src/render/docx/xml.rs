//! A small, infallible XML writer for the document's parts, and a reader for a template's.
//!
//! Word refuses a whole file over one bad character, so every piece of user text passes
//! through [`Xml::text`] or an attribute, where quick-xml escapes it and characters that
//! XML 1.0 forbids (control characters pasted from other programs) are dropped first.
//! Writing into a `String` cannot fail, which keeps the renderer free of error paths that
//! could never happen. Reading matches elements and attributes by local name, because a
//! template saved by another program may bind the same namespaces to other prefixes.

use std::borrow::Cow;
use std::fmt::{Display, Write as _};
use std::io::{self, Write};

use quick_xml::XmlVersion;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesStart, Event};

pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The WordprocessingML namespace, also declared on styles appended to a house template's
/// styles.xml, whose root may bind it to another prefix.
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// An attribute list: names are fixed by the code, values may come from the user.
pub type Attrs<'a> = &'a [(&'a str, &'a dyn Display)];

#[derive(Debug, Default)]
pub struct Xml {
    out: String,
}

impl Xml {
    pub fn new() -> Self {
        Xml::default()
    }

    /// Starts a part with the XML declaration.
    pub fn part() -> Self {
        Xml {
            out: DECLARATION.to_string(),
        }
    }

    /// The root of document.xml, a header or a footer, declaring the namespaces they use.
    pub fn root(&mut self, tag: &str) -> &mut Self {
        self.open(tag, &[("xmlns:w", &W_NS), ("xmlns:r", &R_NS)])
    }

    pub fn open(&mut self, tag: &str, attrs: Attrs) -> &mut Self {
        self.start(tag, attrs);
        self.out.push('>');
        self
    }

    pub fn empty(&mut self, tag: &str, attrs: Attrs) -> &mut Self {
        self.start(tag, attrs);
        self.out.push_str("/>");
        self
    }

    /// `<tag w:val="value"/>`, the commonest element in WordprocessingML.
    pub fn val(&mut self, tag: &str, value: impl Display) -> &mut Self {
        self.empty(tag, &[("w:val", &value)])
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&partial_escape(clean(text)));
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: Attrs, text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Appends XML that is already well formed, such as a fragment written by another
    /// [`Xml`] or copied from a house template.
    pub fn raw(&mut self, xml: &str) -> &mut Self {
        self.out.push_str(xml);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn ends_with(&self, tail: &str) -> bool {
        self.out.ends_with(tail)
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Hands what has been written so far to `sink` and starts again empty, so that a
    /// long part is never held in memory whole.
    pub fn spill(&mut self, sink: &mut dyn Write) -> io::Result<()> {
        sink.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    fn start(&mut self, tag: &str, attrs: Attrs) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            // Escapes as it formats: attributes are the writer's hottest path.
            let _ = write!(AttributeValue(&mut self.out), "{value}");
            self.out.push('"');
        }
    }
}

/// `value` escaped and cleaned for a double-quoted attribute, for the few places that
/// build markup as a string rather than through [`Xml`].
pub fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let _ = AttributeValue(&mut out).write_str(value);
    out
}

/// Writes formatted text into an attribute value, escaped and cleaned on the way.
struct AttributeValue<'a>(&'a mut String);

impl std::fmt::Write for AttributeValue<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&apos;"),
                c if allowed(c) => self.0.push(c),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Whether XML 1.0 allows the character.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Calls `visit` with every element's start tag and the local names of the elements
/// around it, outermost first; stops at the first fault in the XML.
pub fn walk(
    xml: &str,
    mut visit: impl FnMut(&[String], &BytesStart),
) -> Result<(), quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                visit(&path, &e);
                path.push(local(&e));
            }
            Event::Empty(e) => visit(&path, &e),
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Checks what a reader of the package needs beyond [`walk`]: one root, every element
/// closed, every attribute quoted, unique and free of `<`, and every entity one that XML
/// predefines. A template's part that fails this would make the report's package corrupt.
pub fn well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                for a in e.attributes().with_checks(true) {
                    let a = a.map_err(|e| e.to_string())?;
                    if a.value.contains('<') {
                        return Err("`<` in an attribute value".into());
                    }
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.checked_sub(1).ok_or("an end tag too many")?,
            Event::GeneralRef(r) => {
                let known = matches!(r.as_ref(), "amp" | "lt" | "gt" | "quot" | "apos");
                if !known && !r.resolve_char_ref().is_ok_and(|c| c.is_some()) {
                    return Err("an entity XML does not define".into());
                }
            }
            Event::Text(t) if depth == 0 && !t.as_ref().trim().is_empty() => {
                return Err("text outside the root element".into());
            }
            Event::Eof if depth > 0 => return Err("an element is not closed".into()),
            Event::Eof if roots != 1 => return Err("not exactly one root element".into()),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An element's name without its namespace prefix.
pub fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// The value of the attribute whose name without prefix is `name`.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// `text` without the characters XML 1.0 does not allow; tabs and line ends are kept.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut xml = Xml::new();
        xml.open("w:t", &[("a", &"x\"<y>&'z")])
            .text("a < b & c > d \"q\"")
            .close("w:t");
        assert_eq!(
            xml.finish(),
            "<w:t a=\"x&quot;&lt;y&gt;&amp;&apos;z\">a &lt; b &amp; c &gt; d \"q\"</w:t>"
        );
        assert_eq!(attribute("x\"<y>&'z\u{7}"), "x&quot;&lt;y&gt;&amp;&apos;z");
    }

    #[test]
    fn drops_characters_xml_forbids() {
        let mut xml = Xml::new();
        xml.text("bell\u{7} nul\u{0} tab\t ok\u{FFFF}");
        assert_eq!(xml.finish(), "bell nul tab\t ok");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn writes_numbers_and_empty_elements() {
        let mut xml = Xml::new();
        xml.val("w:sz", 22).empty("w:tab", &[]);
        assert_eq!(xml.finish(), "<w:sz w:val=\"22\"/><w:tab/>");
    }

    #[test]
    fn well_formed_finds_what_walk_lets_through() {
        assert_eq!(
            well_formed(r#"<a b="&quot;&#65;"><c/>&amp;&#x42;</a>"#),
            Ok(())
        );
        for bad in [
            r#"<a b="x"y"/>"#,
            r#"<a b="<"/>"#,
            r#"<a b="1" b="2"/>"#,
            "<a>&nbsp;</a>",
            r#"<a b="&bogus;"/>"#,
            "<a><b></b>",
            "<a></b>",
            "<a/><a/>",
            "",
            "<a/>text",
        ] {
            assert!(well_formed(bad).is_err(), "{bad}");
        }
    }
}
