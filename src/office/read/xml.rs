//! The few things every part's reader needs from quick-xml: the next event with the
//! nesting depth capped, an element's local name, an attribute by local name, and text
//! with its entities resolved.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Refusal;

/// How deeply a part's elements may nest; Word's own documents stay far below it, and a
/// part built to nest deeper is refused rather than followed.
pub const MAX_DEPTH: usize = 256;

/// A reader of one part that keeps count of its depth.
pub struct Part<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    name: &'static str,
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
    pub fn new(xml: &'a str, name: &'static str) -> Self {
        let mut reader = Reader::from_str(xml);
        // A tolerant reader: Word and LibreOffice agree on names, but hand-made parts
        // may close an element under another prefix.
        reader.config_mut().check_end_names = false;
        Part {
            reader,
            depth: 0,
            name,
        }
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    pub fn next(&mut self) -> Result<Item<'a>, Refusal> {
        loop {
            let at = self.reader.buffer_position();
            let event = self.reader.read_event().map_err(|err| Refusal::Malformed {
                part: self.name,
                at,
                why: err.to_string(),
            })?;
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(Refusal::TooDeep { part: self.name });
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
    e.attributes().flatten().find_map(|a| {
        (local(a.key.as_ref()) == key).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
    })
}

/// The attribute `w:val`, which most of WordprocessingML's settings use.
pub fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "val")
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
