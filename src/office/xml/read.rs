//! Reading a part: the next event with the nesting depth capped, an element's local
//! name, an attribute by local name, and text with its entities resolved.
//!
//! Names are matched without their prefix, because a part saved by another program may
//! bind the same namespaces to other prefixes. Every fault is a [`Refusal`] worded for
//! what the package is read for.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::office::{Reading, Refusal};

/// How deeply a part's elements may nest; Word's own documents stay far below it, and a
/// part built to nest deeper is refused rather than followed.
pub const MAX_DEPTH: usize = 256;

/// A reader of one part that keeps count of its depth.
pub struct Part<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    name: &'a str,
    reading: Reading,
}

/// What a part's reader acts on.
pub enum Item<'a> {
    Open(BytesStart<'a>),
    /// An element with no content, such as `<w:tab/>`.
    Empty(BytesStart<'a>),
    Close(String),
    Text(String),
    End,
}

impl<'a> Part<'a> {
    /// A reader of `xml`, the part `name` of a package read for `reading`.
    pub fn new(xml: &'a str, name: &'a str, reading: Reading) -> Self {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().check_end_names = !reading.is_tolerant();
        Part {
            reader,
            depth: 0,
            name,
            reading,
        }
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The next item. Not an `Iterator`: every caller matches the end of the part,
    /// [`Item::End`], beside the other items, and a fault ends the reading.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Item<'a>, Refusal> {
        loop {
            let at = self.reader.buffer_position();
            let event = self
                .reader
                .read_event()
                .map_err(|err| self.reading.malformed(self.name, Some(at), err))?;
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.reading.too_deep(self.name, MAX_DEPTH));
                    }
                    Item::Open(e)
                }
                Event::Empty(e) => Item::Empty(e),
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Item::Close(local(e.name().as_ref()).to_string())
                }
                Event::Text(t) => Item::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Item::Text(t.xml10_content().into_owned()),
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => quick_xml::escape::resolve_predefined_entity(&r)
                            .unwrap_or_default()
                            .to_string(),
                    };
                    Item::Text(text)
                }
                Event::Eof => Item::End,
                _ => continue,
            });
        }
    }
}

/// A name without its namespace prefix: `w:p` is `p`.
pub fn local(name: &str) -> &str {
    match name.find(':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// An element's local name.
pub fn name<'b>(e: &'b BytesStart<'_>) -> &'b str {
    local(e.name().into_inner())
}

/// The value of the attribute whose local name is `key`, entities resolved.
pub fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The attribute `w:val`, which most of WordprocessingML's settings use.
pub fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "val")
}

/// A toggle such as `<w:b/>` or `<w:titlePg/>`, which is on unless its value says
/// otherwise.
pub fn is_on(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

/// Calls `visit` with every element's start tag and the local names of the elements
/// around it, outermost first; stops at the first fault in the XML.
pub fn walk(
    xml: &str,
    part_name: &str,
    reading: Reading,
    mut visit: impl FnMut(&[String], &BytesStart),
) -> Result<(), Refusal> {
    let mut part = Part::new(xml, part_name, reading);
    let mut path: Vec<String> = Vec::new();
    loop {
        match part.next()? {
            Item::Open(e) => {
                visit(&path, &e);
                path.push(name(&e).to_string());
            }
            Item::Empty(e) => visit(&path, &e),
            Item::Close(_) => {
                path.pop();
            }
            Item::Text(_) => {}
            Item::End => return Ok(()),
        }
    }
}

/// Skips to the end of the element just opened, returning its depth-checked end.
pub fn skip(part: &mut Part<'_>) -> Result<(), Refusal> {
    let depth = part.depth();
    loop {
        match part.next()? {
            Item::Close(_) if part.depth() < depth => return Ok(()),
            Item::End => return Ok(()),
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

#[cfg(test)]
mod tests {
    use super::*;

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
