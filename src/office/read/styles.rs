//! styles.xml: which paragraph styles are headings, and of which level, and which carry a
//! list's numbering. A style says so with `w:outlineLvl`, or by being named "Heading N" or
//! "Title", or it inherits either through `w:basedOn`.

use std::collections::HashMap;

use super::READING;
use crate::office::Refusal;
use crate::office::xml::{Item, Part, attr, name, val};

/// How many `w:basedOn` steps are followed; a longer chain is a loop.
const MAX_BASED_ON: usize = 32;

#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    level: Option<u8>,
}

/// The paragraph styles of a document, by style id.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    pub fn read(xml: &str) -> Result<Styles, Refusal> {
        let mut part = Part::new(xml, "word/styles.xml", READING);
        let mut styles = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        loop {
            match part.next()? {
                Item::Open(e) | Item::Empty(e) => match name(&e) {
                    "style" => {
                        let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                        current = attr(&e, "styleId")
                            .filter(|_| paragraph)
                            .map(|id| (id, Style::default()));
                    }
                    "name" => set(&mut current, |s| s.name = val(&e).unwrap_or_default()),
                    "basedOn" => set(&mut current, |s| s.based_on = val(&e)),
                    "outlineLvl" => set(&mut current, |s| {
                        s.outline = val(&e).and_then(|v| v.parse().ok())
                    }),
                    "numId" => set(&mut current, |s| s.num_id = val(&e)),
                    "ilvl" => set(&mut current, |s| {
                        s.level = val(&e).and_then(|v| v.parse().ok())
                    }),
                    _ => {}
                },
                Item::Close(n) if n == "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                Item::End => break,
                _ => {}
            }
        }
        Ok(Styles { styles })
    }

    /// The heading level of a paragraph in style `id`: 0 for a title, 1 to 9 for
    /// headings, `None` for body text. A style id such as `Heading2` counts even
    /// without styles.xml, as some generators leave it out.
    pub fn heading(&self, id: &str) -> Option<u8> {
        let mut style_id = id;
        for _ in 0..MAX_BASED_ON {
            let Some(style) = self.styles.get(style_id) else {
                return level_in_name(style_id);
            };
            if let Some(outline) = style.outline {
                // Level 9 is Word's "body text".
                return (outline < 9).then_some(outline + 1);
            }
            if let Some(level) = level_in_name(&style.name) {
                return Some(level);
            }
            match &style.based_on {
                Some(parent) => style_id = parent,
                None => return level_in_name(style_id),
            }
        }
        None
    }

    /// The numbering (num id, level) a style gives its paragraphs, inherited too.
    pub fn numbering(&self, id: &str) -> Option<(String, u8)> {
        let mut style_id = id;
        for _ in 0..MAX_BASED_ON {
            let style = self.styles.get(style_id)?;
            if let Some(num) = &style.num_id {
                return Some((num.clone(), style.level.unwrap_or(0)));
            }
            style_id = style.based_on.as_deref()?;
        }
        None
    }
}

fn set(current: &mut Option<(String, Style)>, change: impl FnOnce(&mut Style)) {
    if let Some((_, style)) = current {
        change(style);
    }
}

/// "Heading 2", "heading 2", "Heading2" → 2; "Title" → 0.
fn level_in_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase().replace(' ', "");
    if lower == "title" {
        return Some(0);
    }
    let digits = lower.strip_prefix("heading")?;
    digits.parse().ok().filter(|n| (1..=9).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="Kop 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="CaseHead"><w:name w:val="Case head"/><w:basedOn w:val="Kop2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
      <w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
      <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
    </w:styles>"#;

    #[test]
    fn headings_by_name_by_outline_level_and_by_inheritance() {
        let styles = Styles::read(STYLES).unwrap();
        assert_eq!(styles.heading("Heading1"), Some(1));
        assert_eq!(styles.heading("Kop2"), Some(2));
        assert_eq!(styles.heading("CaseHead"), Some(2));
        assert_eq!(styles.heading("Title"), Some(0));
        assert_eq!(styles.heading("Loop"), None);
        assert_eq!(styles.heading("Heading3"), Some(3));
        assert_eq!(styles.heading("Normal"), None);
        assert_eq!(styles.numbering("Bullets"), Some(("7".into(), 1)));
    }
}
