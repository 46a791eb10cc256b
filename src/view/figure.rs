//! The numbers of cases a copy may show. In a small county a count of 1 or 2 can point
//! at a person, so a copy with `suppress_below: N` shows a count from 1 to N−1 as "fewer
//! than N", and with it every number that would give it away by subtraction from a total
//! it shows. The analysis keeps its plain numbers; this is the one step that decides
//! which of them a copy prints, so no format can print one that another hides.

use crate::catalogue::{Labels, fill};

/// A number of cases as a copy shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Shown(usize),
    /// Too small to publish: shown as `words`, "fewer than 3".
    FewerThan {
        below: u32,
        words: String,
    },
}

impl Figure {
    /// The number, when the copy may show it.
    pub fn number(&self) -> Option<usize> {
        match self {
            Figure::Shown(n) => Some(*n),
            Figure::FewerThan { .. } => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        self.number().is_none()
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Figure::Shown(n) => write!(f, "{n}"),
            Figure::FewerThan { words, .. } => f.write_str(words),
        }
    }
}

/// A number as itself, and a suppressed one as `{"suppressed": true, "fewer_than": 3}`,
/// so that a tool reading report.json is told rather than handed a number that is not
/// the count.
impl serde::Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Figure::Shown(n) => serializer.serialize_u64(*n as u64),
            Figure::FewerThan { below, .. } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("suppressed", &true)?;
                map.serialize_entry("fewer_than", below)?;
                map.end()
            }
        }
    }
}

/// Whether a copy with `suppress_below: below` hides `count`. 0 is shown: no case is no
/// person.
pub fn too_small(count: usize, below: u32) -> bool {
    count > 0 && count < below as usize
}

/// One copy's rule: the count under which it suppresses, and its words for it.
#[derive(Debug, Clone)]
pub struct Suppression {
    below: u32,
    words: String,
}

impl Suppression {
    pub fn new(below: u32, l: &Labels) -> Suppression {
        Suppression {
            below,
            words: fill(&l.fewer_than, &[("below", &below.to_string())]),
        }
    }

    pub fn hides(&self, count: usize) -> bool {
        too_small(count, self.below)
    }

    /// `count` as this copy shows it, standing alone.
    pub fn one(&self, count: usize) -> Figure {
        self.figure(count, self.hides(count))
    }

    /// The parts of a whole whose total the copy shows, such as the judgements and the
    /// cases without one: each small part is suppressed, and when that leaves exactly one
    /// suppressed the next smallest is too, so that it cannot be had by subtracting the
    /// others from the total.
    pub fn parts(&self, parts: &[usize]) -> Vec<Figure> {
        let mut hidden: Vec<bool> = parts.iter().map(|&n| self.hides(n)).collect();
        if hidden.iter().filter(|&&h| h).count() == 1 {
            let next = (0..parts.len())
                .filter(|&i| !hidden[i] && parts[i] > 0)
                .min_by_key(|&i| parts[i]);
            if let Some(i) = next {
                hidden[i] = true;
            }
        }
        parts
            .iter()
            .zip(hidden)
            .map(|(&n, hide)| self.figure(n, hide))
            .collect()
    }

    fn figure(&self, count: usize, hide: bool) -> Figure {
        if hide {
            Figure::FewerThan {
                below: self.below,
                words: self.words.clone(),
            }
        } else {
            Figure::Shown(count)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(below: u32) -> Suppression {
        Suppression::new(below, &Labels::english())
    }

    #[test]
    fn a_count_from_1_to_n_less_1_is_fewer_than_n_and_0_is_shown() {
        let three = rule(3);
        let shown: Vec<String> = [0, 1, 2, 3].map(|n| three.one(n).to_string()).into();
        assert_eq!(shown, ["0", "fewer than 3", "fewer than 3", "3"]);
        assert_eq!(rule(0).one(1), Figure::Shown(1));
        assert_eq!(
            serde_json::to_string(&three.one(2)).unwrap(),
            r#"{"suppressed":true,"fewer_than":3}"#
        );
        assert_eq!(serde_json::to_string(&three.one(3)).unwrap(), "3");
    }

    #[test]
    fn one_suppressed_part_of_a_whole_takes_the_next_smallest_with_it() {
        let three = rule(3);
        let shown = |parts: &[usize]| -> Vec<Option<usize>> {
            three.parts(parts).iter().map(Figure::number).collect()
        };
        assert_eq!(shown(&[0, 2, 5, 4]), [Some(0), None, Some(5), None]);
        assert_eq!(shown(&[1, 2, 5]), [None, None, Some(5)]);
        assert_eq!(shown(&[3, 4]), [Some(3), Some(4)]);
        assert_eq!(shown(&[0, 1]), [Some(0), None]);
    }
}
