//! word/numbering.xml: real Word lists, one numbering instance per Markdown list.
//!
//! Word numbers paragraphs through two layers: an abstract definition (the bullet or
//! number format of each of nine levels) and a `w:num` instance that paragraphs point at.
//! Paragraphs sharing an instance share one counter, so every list gets its own instance,
//! with a `w:startOverride` when it is ordered: a list never continues the numbering of an
//! earlier one. Our ids are allocated above every id a house template uses, and the
//! template's own definitions are kept, because its styles may number their headings.
//! Word reads these ids as signed 32-bit numbers, so a template whose ids leave no room
//! below that is refused rather than allowed to wrap round onto its own ids.

use crate::office::xml::{W_NS, Xml};
use crate::office::xml::{attr, name, walk};
use crate::office::{Reading, Refusal};

/// The part the template's lists are read from, for a refusal to name.
const PART: &str = "word/numbering.xml";

/// The largest list id Word reads.
const MAX_ID: u32 = i32::MAX as u32;

const LEVELS: u8 = 9;
const BULLETS: [&str; 3] = ["\u{2022}", "\u{2013}", "\u{25AA}"];
const ORDERED: [(&str, &str); 3] = [("decimal", "."), ("lowerLetter", ")"), ("lowerRoman", ".")];

/// Indentation of list level 0, and the step to each deeper level, in twips.
pub const INDENT: u32 = 360;
pub const HANGING: u32 = 360;

/// The lists of one document.
#[derive(Debug)]
pub struct Numbering {
    /// The abstract definition ids for bullets and for numbers; instances follow them.
    bullet_abstract: u32,
    ordered_abstract: u32,
    first_num: u32,
    /// One entry per instance: its id, ordered or not, and its level and start when
    /// ordered.
    lists: Vec<(u32, bool, u8, u64)>,
    template: Option<TemplateNumbering>,
}

/// The parts of a house template's numbering.xml that are kept.
#[derive(Debug)]
struct TemplateNumbering {
    /// The root's start tag, which declares every prefix the definitions use.
    root: String,
    abstracts: Vec<String>,
    nums: Vec<String>,
    /// The largest ids in the template, including definitions that were left out, which
    /// its styles may still name.
    max_abstract: u32,
    max_num: u32,
}

impl Numbering {
    /// A numbering part that keeps `template`'s definitions (a numbering.xml) if any, or
    /// why its ids leave no room for the report's.
    pub fn new(template: Option<&str>) -> Result<Self, Refusal> {
        let template = template.and_then(parse_template);
        let (max_abstract, max_num) = template
            .as_ref()
            .map_or((0, 0), |t| (t.max_abstract, t.max_num));
        let above = |max: u32, step: u32| max.checked_add(step).filter(|&id| id <= MAX_ID);
        let (Some(bullet_abstract), Some(ordered_abstract), Some(first_num)) = (
            above(max_abstract, 1),
            above(max_abstract, 2),
            above(max_num, 1),
        ) else {
            return Err(Refusal::new(
                format!(
                    "word/numbering.xml inside the Word template numbers its lists up to {}, leaving no list numbers for the report (Word reads them only up to {MAX_ID})",
                    max_abstract.max(max_num)
                ),
                "remove the lists from the template, or start again from a new Word document",
            ));
        };
        Ok(Numbering {
            bullet_abstract,
            ordered_abstract,
            first_num,
            lists: Vec::new(),
            template,
        })
    }

    /// A new list instance whose items sit at `level`; returns its `w:numId`. When a
    /// template's ids leave too few for every list, the last lists share one instance:
    /// their numbers run on, which is better than ids Word cannot read.
    pub fn add(&mut self, ordered: bool, level: u8, start: u64) -> u32 {
        let id = u32::try_from(self.lists.len())
            .ok()
            .and_then(|n| self.first_num.checked_add(n))
            .filter(|&id| id <= MAX_ID);
        match (id, self.lists.last()) {
            (None, Some(&(last, ..))) => last,
            (id, _) => {
                let id = id.unwrap_or(self.first_num);
                self.lists.push((id, ordered, level.min(LEVELS - 1), start));
                id
            }
        }
    }

    pub fn xml(&self) -> String {
        let mut xml = Xml::part();
        match &self.template {
            Some(t) => xml.raw(&t.root),
            None => xml.open("w:numbering", &[("xmlns:w", &W_NS)]),
        };
        if let Some(t) = &self.template {
            t.abstracts.iter().for_each(|a| {
                xml.raw(a);
            });
        }
        abstract_num(&mut xml, self.bullet_abstract, false);
        abstract_num(&mut xml, self.ordered_abstract, true);
        if let Some(t) = &self.template {
            t.nums.iter().for_each(|n| {
                xml.raw(n);
            });
        }
        for &(id, ordered, level, start) in &self.lists {
            let abstract_id = if ordered {
                self.ordered_abstract
            } else {
                self.bullet_abstract
            };
            xml.open("w:num", &[("w:numId", &id)])
                .val("w:abstractNumId", abstract_id);
            if ordered {
                xml.open("w:lvlOverride", &[("w:ilvl", &level)])
                    .val("w:startOverride", start)
                    .close("w:lvlOverride");
            }
            xml.close("w:num");
        }
        xml.close("w:numbering");
        xml.finish()
    }
}

fn abstract_num(xml: &mut Xml, id: u32, ordered: bool) {
    xml.open("w:abstractNum", &[("w:abstractNumId", &id)])
        .val("w:multiLevelType", "hybridMultilevel");
    for level in 0..LEVELS {
        let cycle = usize::from(level) % 3;
        let (format, text) = if ordered {
            let (format, suffix) = ORDERED[cycle];
            (format, format!("%{}{suffix}", level + 1))
        } else {
            ("bullet", BULLETS[cycle].to_string())
        };
        let left = INDENT + u32::from(level) * INDENT + HANGING;
        xml.open("w:lvl", &[("w:ilvl", &level)])
            .val("w:start", 1)
            .val("w:numFmt", format)
            .val("w:lvlText", text)
            .val("w:lvlJc", "left")
            .open("w:pPr", &[])
            .empty("w:ind", &[("w:left", &left), ("w:hanging", &HANGING)])
            .close("w:pPr");
        if !ordered {
            xml.open("w:rPr", &[])
                .empty(
                    "w:rFonts",
                    &[
                        ("w:ascii", &"Arial"),
                        ("w:hAnsi", &"Arial"),
                        ("w:hint", &"default"),
                    ],
                )
                .close("w:rPr");
        }
        xml.close("w:lvl");
    }
    xml.close("w:abstractNum");
}

/// The template's definitions, as written, when its root binds `w:` as ours does.
/// Definitions with picture bullets are left out: their pictures are not copied.
fn parse_template(xml: &str) -> Option<TemplateNumbering> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut root = None;
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut abstracts = Vec::new();
    let mut nums = Vec::new();
    let (mut max_abstract, mut max_num) = (0, 0);
    loop {
        let before = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let after = usize::try_from(reader.buffer_position()).ok()?;
        let raw = xml.get(before..after)?;
        match event {
            quick_xml::events::Event::Start(e) => {
                if depth == 0 {
                    let binds_w = attr(&e, "w").is_some_and(|ns| ns == W_NS);
                    if name(&e) != "numbering" || !binds_w || !raw.starts_with("<w:") {
                        return None;
                    }
                    root = Some(raw.to_string());
                } else if depth == 1 {
                    start = before;
                }
                depth += 1;
            }
            quick_xml::events::Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 1 {
                    let fragment = xml.get(start..after)?;
                    if fragment.starts_with("<w:abstractNum") {
                        max_abstract =
                            max_abstract.max(id_of(fragment, "abstractNumId").unwrap_or(0));
                        if !fragment.contains("lvlPicBulletId") {
                            abstracts.push(fragment.to_string());
                        }
                    } else if fragment.starts_with("<w:num ") || fragment.starts_with("<w:num>") {
                        max_num = max_num.max(id_of(fragment, "numId").unwrap_or(0));
                        nums.push(fragment.to_string());
                    }
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let kept: Vec<u32> = abstracts
        .iter()
        .filter_map(|a| id_of(a, "abstractNumId"))
        .collect();
    nums.retain(|n| {
        let mut target = None;
        let _ = walk(n, PART, Reading::Template, |_, e| {
            if name(e) == "abstractNumId" {
                target = attr(e, "val").and_then(|v| v.parse::<u32>().ok());
            }
        });
        target.is_some_and(|t| kept.contains(&t))
    });
    Some(TemplateNumbering {
        root: root?,
        abstracts,
        nums,
        max_abstract,
        max_num,
    })
}

/// The id attribute `name` on a fragment's outermost element.
fn id_of(fragment: &str, name: &str) -> Option<u32> {
    let mut id = None;
    let _ = walk(fragment, PART, Reading::Template, |path, e| {
        if path.is_empty() {
            id = attr(e, name).and_then(|v| v.parse().ok());
        }
    });
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(xml: &str, element: &str, attribute: &str) -> Vec<String> {
        let mut out = Vec::new();
        walk(xml, PART, Reading::Template, |_, e| {
            if name(e) == element
                && let Some(v) = attr(e, attribute)
            {
                out.push(v);
            }
        })
        .unwrap();
        out
    }

    #[test]
    fn every_list_gets_its_own_instance_with_a_restart() {
        let mut numbering = Numbering::new(None).unwrap();
        let a = numbering.add(true, 0, 1);
        let b = numbering.add(true, 0, 1);
        let c = numbering.add(false, 1, 1);
        assert_eq!((a, b, c), (1, 2, 3));
        let xml = numbering.xml();
        assert_eq!(ids(&xml, "num", "numId"), ["1", "2", "3"]);
        assert_eq!(ids(&xml, "startOverride", "val"), ["1", "1"]);
        assert_eq!(ids(&xml, "abstractNum", "abstractNumId"), ["1", "2"]);
    }

    #[test]
    fn template_ids_are_kept_and_ours_come_after_them() {
        let house = format!(
            r#"<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}" xmlns:w15="x"><w:abstractNum w:abstractNumId="4" w15:restartNumberingAfterBreak="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:lvlPicBulletId w:val="0"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
        );
        let mut numbering = Numbering::new(Some(&house)).unwrap();
        assert_eq!(numbering.add(false, 0, 1), 4);
        let xml = numbering.xml();
        assert!(xml.contains("xmlns:w15=\"x\""));
        assert_eq!(ids(&xml, "abstractNum", "abstractNumId"), ["4", "8", "9"]);
        assert_eq!(ids(&xml, "num", "numId"), ["1", "4"]);
    }

    fn house_with_ids(abstract_id: u64, num_id: u64) -> String {
        format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0"/></w:abstractNum><w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num></w:numbering>"#
        )
    }

    #[test]
    fn template_ids_at_the_limit_are_refused_not_wrapped() {
        let max = u64::from(MAX_ID);
        for (a, n) in [
            (u64::from(u32::MAX), 1),
            (1, u64::from(u32::MAX)),
            (max, 1),
            (max - 1, 1),
            (1, max),
        ] {
            let err = Numbering::new(Some(&house_with_ids(a, n))).unwrap_err();
            assert!(err.message.contains("no list numbers"), "{err:?}");
        }
        let mut numbering = Numbering::new(Some(&house_with_ids(max - 2, max - 2))).unwrap();
        assert_eq!(numbering.add(false, 0, 1), MAX_ID - 1);
        assert_eq!(numbering.add(false, 0, 1), MAX_ID);
        assert_eq!(
            numbering.add(true, 0, 1),
            MAX_ID,
            "the last instance is shared"
        );
        let xml = numbering.xml();
        assert_eq!(
            ids(&xml, "abstractNum", "abstractNumId"),
            [
                (max - 2).to_string(),
                (max - 1).to_string(),
                max.to_string()
            ]
        );
        assert_eq!(
            ids(&xml, "num", "numId"),
            [
                (max - 2).to_string(),
                (max - 1).to_string(),
                max.to_string()
            ]
        );
    }
}
