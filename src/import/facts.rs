//! A case's facts as a report states them: the type before "Case" and a crime reference
//! from its heading, a "Field | Details" table under it, and the panel's grading on a line
//! of its own ("Graded as Amber by the panel", "Overall assessment (RAG): Amber").
//!
//! They become the case file's front matter, and report.yaml declares every field and the
//! judgement scale they use, so that the folder builds without a warning about them.

use std::sync::LazyLock;

use regex::Regex;

use super::Block;
use super::heading::CaseHeading;

/// A case's facts beside its points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub prefix: Option<String>,
    pub crime_ref: Option<String>,
    pub fields: Vec<Field>,
    pub judgement: Option<Judgement>,
}

/// One of the panel's own fields with a case's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub value: String,
}

/// A judgement as the report wrote it, and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub id: String,
    pub label: String,
}

/// The fields every imported case may have, with their labels.
pub const PREFIX: (&str, &str) = ("prefix", "Case type");
pub const CRIME_REF: (&str, &str) = ("crime_ref", "Crime reference");

/// The keys of a case's front matter that a field may not take.
const RESERVED: [&str; 7] = [
    "case",
    "title",
    "checks",
    "judgement",
    "themes",
    "prefix",
    "crime_ref",
];

static GRADED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:graded|rated|assessed|judged)\s+(?:as\s+)?(?P<a>[^\s.:;,][^.:;,]{0,40}?)(?:\s+by\s+the\s+panel)?|(?:overall\s+|panel(?:'s|’s)?\s+)?(?:assessment|grading|grade|rating|rag\s+rating|rag\s+status|rag|judgement|verdict)(?:\s*\(rag\))?\s*[:\-–—]\s*(?P<b>[^\s.:;,][^.:;,]{0,40}?))\s*\.?$")
        .expect("a valid pattern")
});

static GRADE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:overall\s+|panel(?:'s|’s)?\s+)?(?:assessment|grading|grade|rating|rag\s+rating|rag\s+status|rag|judgement|verdict)(?:\s*\(rag\))?$")
        .expect("a valid pattern")
});

static CRIME_REF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:crime\s+(?:ref(?:erence)?|number|no\.?)|urn|reference)$")
        .expect("a valid pattern")
});

/// The most words a grading may have: "Amber", "Partly met", not a sentence.
const GRADE_WORDS: usize = 4;

/// The RAG scale, in the order a reader expects, with the colours of README's example.
const RAG: [(&str, &str, &str); 3] = [
    ("green", "Green", "#00703C"),
    ("amber", "Amber", "#FFDD00"),
    ("red", "Red", "#D4351C"),
];

impl Facts {
    /// The facts a case's heading states.
    pub fn of(heading: &CaseHeading) -> Facts {
        Facts {
            prefix: heading.prefix.clone(),
            crime_ref: heading.crime_ref.clone(),
            ..Facts::default()
        }
    }

    /// Takes `block`, a block under a case, as facts when it is a field table or a
    /// grading line, and adds the lines it stood on to `structure`.
    pub fn take(&mut self, block: &Block, structure: &mut Vec<usize>) -> bool {
        match block {
            Block::Paragraph { text, line, .. } | Block::Bullet { text, line, .. } => {
                if self.judgement.is_some() {
                    return false;
                }
                let Some(judgement) = grading(text) else {
                    return false;
                };
                self.judgement = Some(judgement);
                structure.push(*line);
                true
            }
            Block::Table { rows, .. } => {
                let header = rows
                    .first()
                    .is_some_and(|r| r.len() == 2 && is_header(&r[0].text(), &r[1].text()));
                if !header || rows.iter().any(|r| r.len() != 2) {
                    return false;
                }
                for row in rows {
                    structure.extend(row.iter().flat_map(|c| c.paragraphs.iter().map(|p| p.1)));
                }
                for row in &rows[1..] {
                    let label = super::unescape(&row[0].text());
                    let label = label.trim().trim_end_matches(':').trim();
                    let value = row[1].text();
                    if label.is_empty() || value.trim().is_empty() {
                        continue;
                    }
                    let plain = super::unescape(&value).trim().to_string();
                    if GRADE_LABEL.is_match(label) && self.judgement.is_none() {
                        self.judgement = judgement(&plain);
                        if self.judgement.is_some() {
                            continue;
                        }
                    }
                    if CRIME_REF_LABEL.is_match(label) && self.crime_ref.is_none() {
                        self.crime_ref = Some(plain);
                        continue;
                    }
                    self.fields.push(Field::new(label, &value));
                }
                true
            }
            Block::Heading { .. } => false,
        }
    }
}

impl Field {
    /// A field called `label`, with `value` as the source wrote it (Markdown escapes
    /// dropped); its id is the label in lower case with `_` between the words.
    pub fn new(label: &str, value: &str) -> Field {
        let mut id = slug(label, '_');
        if RESERVED.contains(&id.as_str()) || id.is_empty() {
            id = format!("{}_field", if id.is_empty() { "case" } else { &id });
        }
        Field {
            id,
            label: label.trim().to_string(),
            value: super::unescape(value).trim().to_string(),
        }
    }
}

fn is_header(first: &str, second: &str) -> bool {
    let first = super::unescape(first).trim().to_lowercase();
    let second = super::unescape(second).trim().to_lowercase();
    matches!(
        first.as_str(),
        "field" | "fields" | "item" | "fact" | "question"
    ) && matches!(
        second.as_str(),
        "details" | "detail" | "value" | "answer" | "information"
    )
}

/// The panel's grading, when `text` is a line that states one and nothing else.
fn grading(text: &str) -> Option<Judgement> {
    let plain = super::unescape(text);
    let found = GRADED.captures(plain.trim())?;
    let value = found.name("a").or(found.name("b"))?.as_str();
    judgement(value)
}

fn judgement(value: &str) -> Option<Judgement> {
    let value = value.trim();
    let words = value.split_whitespace().count();
    if words == 0 || words > GRADE_WORDS {
        return None;
    }
    let id = slug(value, '-');
    (!id.is_empty()).then(|| Judgement {
        id,
        label: value.to_string(),
    })
}

/// `text` in lower case, its words joined by `joiner`, anything else dropped.
fn slug(text: &str, joiner: char) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(joiner);
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'n');
        out.insert(1, joiner);
    }
    out
}

/// The judgement scale the cases use, for report.yaml: id, label, colour. The RAG
/// colours in their order when every judgement is one of them, otherwise the judgements
/// in the order first met.
pub fn scale(facts: &[&Facts]) -> Vec<(String, String, Option<&'static str>)> {
    let mut seen: Vec<&Judgement> = Vec::new();
    for judgement in facts.iter().filter_map(|f| f.judgement.as_ref()) {
        if !seen.iter().any(|s| s.id == judgement.id) {
            seen.push(judgement);
        }
    }
    if !seen.is_empty() && seen.iter().all(|j| RAG.iter().any(|r| r.0 == j.id)) {
        return RAG
            .iter()
            .map(|(id, label, colour)| {
                let label = seen
                    .iter()
                    .find(|j| j.id == *id)
                    .map_or(label.to_string(), |j| j.label.clone());
                (id.to_string(), label, Some(*colour))
            })
            .collect();
    }
    seen.into_iter()
        .map(|j| (j.id.clone(), j.label.clone(), None))
        .collect()
}

/// The fields the cases give, each once, in the order first met: id and label.
pub fn declarations(facts: &[&Facts]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |id: &str, label: &str| {
        if !out.iter().any(|(i, _)| i == id) {
            out.push((id.to_string(), label.to_string()));
        }
    };
    for f in facts {
        if f.prefix.is_some() {
            add(PREFIX.0, PREFIX.1);
        }
        if f.crime_ref.is_some() {
            add(CRIME_REF.0, CRIME_REF.1);
        }
        for field in &f.fields {
            add(&field.id, &field.label);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Cell;

    #[test]
    fn a_grading_line_is_the_judgement() {
        for line in [
            "Graded as Amber by the panel",
            "Overall assessment (RAG): Amber",
            "Panel grading: Amber.",
            "Rated amber",
        ] {
            assert_eq!(grading(line).map(|j| j.id), Some("amber".into()), "{line}");
        }
        assert_eq!(
            grading("Graded as a matter of urgency by the officer in charge of the case"),
            None
        );
        assert_eq!(grading("The grading was poor."), None);
    }

    #[test]
    fn a_field_table_gives_fields_a_reference_and_the_judgement() {
        let cell = |t: &str, l| Cell {
            paragraphs: vec![(t.to_string(), l)],
        };
        let table = Block::Table {
            rows: vec![
                vec![cell("Field", 1), cell("Details", 2)],
                vec![cell("Date of stop", 3), cell("4 May 2024", 4)],
                vec![cell("Crime reference", 5), cell("K15439/2009", 6)],
                vec![cell("RAG", 7), cell("Green", 8)],
                vec![cell("Title", 9), cell("A stop", 10)],
            ],
            line: 1,
            head: false,
        };
        let mut facts = Facts::default();
        let mut structure = Vec::new();
        assert!(facts.take(&table, &mut structure));
        assert_eq!(structure.len(), 10);
        assert_eq!(facts.crime_ref.as_deref(), Some("K15439/2009"));
        assert_eq!(
            facts.judgement.as_ref().map(|j| j.label.as_str()),
            Some("Green")
        );
        let ids: Vec<&str> = facts.fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["date_of_stop", "title_field"]);
    }

    #[test]
    fn a_rag_scale_is_written_whole_and_in_order() {
        let amber = Facts {
            judgement: judgement("Amber"),
            ..Facts::default()
        };
        let ids: Vec<String> = scale(&[&amber]).into_iter().map(|s| s.0).collect();
        assert_eq!(ids, ["green", "amber", "red"]);
        let partial = Facts {
            judgement: judgement("Partly met"),
            ..Facts::default()
        };
        assert_eq!(
            scale(&[&partial, &amber]),
            [
                ("partly-met".to_string(), "Partly met".to_string(), None),
                ("amber".to_string(), "Amber".to_string(), None)
            ]
        );
    }
}
