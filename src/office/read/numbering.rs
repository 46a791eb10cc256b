//! numbering.xml: which lists a document defines. A paragraph's
//! `w:numPr` names a `w:num`, which names an abstract numbering, whose `w:lvl`s say
//! each level's format.

use std::collections::HashMap;

use super::READING;
use crate::office::Refusal;
use crate::office::xml::{Item, Part, attr, name, val};

#[derive(Debug, Default)]
pub struct Numbering {
    /// num id → abstract numbering id.
    nums: HashMap<String, String>,
    /// (abstract id, level) → format, such as `bullet` or `decimal`.
    formats: HashMap<(String, u8), String>,
}

impl Numbering {
    pub fn read(xml: &str) -> Result<Numbering, Refusal> {
        let mut part = Part::new(xml, "word/numbering.xml", READING);
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<u8> = None;
        let mut num_id: Option<String> = None;
        loop {
            match part.next()? {
                Item::Open(e) | Item::Empty(e) => match name(&e) {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" => level = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    "numFmt" => {
                        if let (Some(id), Some(level), Some(format)) =
                            (&abstract_id, level, val(&e))
                        {
                            numbering.formats.insert((id.clone(), level), format);
                        }
                    }
                    "num" => num_id = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(num), Some(id)) = (&num_id, val(&e)) {
                            numbering.nums.insert(num.clone(), id);
                        }
                    }
                    _ => {}
                },
                Item::Close(n) if n == "abstractNum" => abstract_id = None,
                Item::Close(n) if n == "num" => num_id = None,
                Item::End => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// Whether `num_id` is a list the document defines: Word shows a paragraph whose
    /// `w:numPr` names any other (or `0`) as plain text, with no bullet or number.
    pub fn defines(&self, num_id: &str) -> bool {
        self.nums
            .get(num_id)
            .is_some_and(|id| self.formats.keys().any(|(a, _)| a == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_num_leads_to_its_abstract_levels() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>"#;
        let numbering = Numbering::read(xml).unwrap();
        assert!(numbering.defines("3"));
        assert!(!numbering.defines("0"));
    }
}
