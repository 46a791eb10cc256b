//! External links: which are kept, and how their targets are written.
//!
//! A link becomes a relationship of document.xml whose target Word reads as a URI, so
//! anything a URI may not hold (spaces, quotes, angle brackets, letters outside ASCII) is
//! percent-encoded as UTF-8, while what is already encoded is left alone; the XML writer
//! then escapes it for the attribute. Links keep the schemes the HTML page keeps
//! ([`LINK_SCHEMES`](crate::render::markup::LINK_SCHEMES)), so `javascript:`, `data:` and
//! `vbscript:` links become plain text in both. Relative links, which the web page can
//! resolve, have nothing to point at inside a Word document and become plain text too.

use super::body::Body;
use crate::render::markup::allowed_scheme;

/// The relationship id of the `i`th external link.
pub fn link_id(i: usize) -> String {
    format!("rIdLink{}", i + 1)
}

impl Body<'_> {
    /// The relationship id for an external link, if its scheme is one a reader can
    /// safely follow.
    pub fn link(&mut self, url: &str) -> Option<String> {
        allowed_scheme(url)?;
        let target = uri(url.trim());
        let i = match self.links.iter().position(|u| *u == target) {
            Some(i) => i,
            None => {
                self.links.push(target);
                self.links.len() - 1
            }
        };
        Some(link_id(i))
    }
}

impl Body<'_> {
    /// The relationship id for a link to `name`, a file build-report writes beside this
    /// one (the report in another language): relative, and never from user input.
    pub fn sibling_link(&mut self, name: &str) -> String {
        let target = uri(name);
        let i = match self.links.iter().position(|u| *u == target) {
            Some(i) => i,
            None => {
                self.links.push(target);
                self.links.len() - 1
            }
        };
        link_id(i)
    }
}

/// `url` with every character a URI may not hold percent-encoded.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let bytes = url.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let escape_start = b == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        let keep =
            escape_start || b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::layout::Layout;
    use crate::render::docx::numbering::Numbering;
    use crate::render::docx::styles::StyleIds;

    #[test]
    fn only_safe_links_get_relationships() {
        let ids = StyleIds::default();
        let mut body = Body::new(&ids, Numbering::new(None).unwrap(), Layout::default());
        assert_eq!(
            body.link("https://example.org/a").as_deref(),
            Some("rIdLink1")
        );
        assert_eq!(
            body.link("MAILTO:x@example.org").as_deref(),
            Some("rIdLink2")
        );
        assert_eq!(
            body.link(" https://example.org/a ").as_deref(),
            Some("rIdLink1")
        );
        assert_eq!(body.link("tel:+441234567890").as_deref(), Some("rIdLink3"));
        for unsafe_link in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "cases/06.md",
        ] {
            assert_eq!(body.link(unsafe_link), None, "{unsafe_link}");
        }
        assert_eq!(body.links.len(), 3);
    }

    #[test]
    fn targets_are_percent_encoded_once() {
        assert_eq!(
            uri(r#"https://example.org/a b/"q"<x>?k=v&w=ü#f"#),
            "https://example.org/a%20b/%22q%22%3Cx%3E?k=v&w=%C3%BC#f"
        );
        assert_eq!(
            uri("https://example.org/a%20b/100%/%zz"),
            "https://example.org/a%20b/100%25/%25zz"
        );
        assert_eq!(uri("mailto:a\\b{c}|^`"), "mailto:a%5Cb%7Bc%7D%7C%5E%60");
    }
}
