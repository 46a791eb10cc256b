//! A small, infallible XML writer for a package's parts.
//!
//! Word refuses a whole file over one bad character, so every piece of user text passes
//! through [`Xml::text`] or an attribute, where quick-xml escapes it and characters that
//! XML 1.0 forbids (control characters pasted from other programs) are dropped first.
//! Writing into a `String` cannot fail, which keeps the renderer free of error paths that
//! could never happen.

use std::borrow::Cow;
use std::fmt::{Display, Write as _};
use std::io::{self, Write};

use quick_xml::escape::partial_escape;

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
}
