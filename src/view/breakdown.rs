//! Breakdowns, pairs and mentions as a reader sees them: each column's value in words
//! (a strand's, a risk's or a judgement's label, yes and no in the version's language),
//! each theme by its label, and the headings and captions filled in with the field's
//! name.

use super::{Figure, Shown, View};
use crate::analyse::{Breakdown, Pair};
use crate::catalogue::fill;
use crate::model::CaseKey;

/// One breakdown table.
pub struct BreakdownView<'a> {
    pub table: &'a Breakdown,
    /// `Themes by strand`.
    pub heading: String,
    pub caption: String,
    /// One heading per column, the cases without the field last.
    pub columns: Vec<String>,
    /// The first row: every case, under [`Labels::all_cases`], as this copy shows it.
    pub all: Vec<Figure>,
    /// One row per theme with cases, in display order, as this copy shows it.
    pub rows: Vec<(Shown<'a>, Vec<Figure>)>,
}

/// Two themes found together in two or more cases.
pub struct PairView<'a> {
    pub pair: &'a Pair,
    pub first: Shown<'a>,
    pub second: Shown<'a>,
    /// How many cases have both, as this copy shows it, and those it lists.
    pub figure: Figure,
    pub listed: &'a [CaseKey],
}

impl<'a> View<'a> {
    pub(super) fn breakdown_views(&self) -> Vec<BreakdownView<'a>> {
        let l = self.labels;
        self.analysis
            .breakdowns
            .iter()
            .map(|table| {
                let name = mid_sentence(&self.field_label(&table.field));
                BreakdownView {
                    table,
                    heading: fill(&l.breakdown_heading, &[("field", &name)]),
                    caption: caption(l, &name, table.several),
                    columns: table
                        .values
                        .iter()
                        .map(|value| match value {
                            Some(id) => self.value_label(&table.field, id),
                            None => l.not_given.clone(),
                        })
                        .collect(),
                    // A row's cells add up to the theme's count, and the first row's to
                    // every case, each of which the report shows.
                    all: self.suppression.parts(&table.all),
                    rows: table
                        .rows
                        .iter()
                        .map(|row| {
                            let cells = self.suppression.parts(&row.counts);
                            (self.theme_shown(&row.theme), cells)
                        })
                        .collect(),
                }
            })
            .collect()
    }

    pub(super) fn pair_views(&self) -> Vec<PairView<'a>> {
        self.analysis
            .pairs
            .iter()
            .map(|pair| {
                let figure = self.suppression.one(pair.cases.len());
                PairView {
                    pair,
                    first: self.theme_shown(&pair.themes[0]),
                    second: self.theme_shown(&pair.themes[1]),
                    listed: super::listed(&pair.cases, &figure),
                    figure,
                }
            })
            .collect()
    }

    /// A theme's label in this version, or its id for one no tally has.
    fn theme_shown(&self, id: &'a str) -> Shown<'a> {
        self.themes.iter().find(|t| t.tally.id == id).map_or(
            Shown {
                text: id,
                lang: None,
            },
            |t| t.label,
        )
    }

    /// A value of a case field as the facts box would show it.
    fn value_label(&self, field: &str, id: &str) -> String {
        match field {
            "judgement" => self.any_judgement_label(id).to_string(),
            _ => self.field_value_label(field, id),
        }
    }
}

/// What the table counts, and, when a case counts under more than one value, that it
/// does: a reader adding up a row would otherwise find more cases than the theme has.
fn caption(l: &crate::catalogue::Labels, name: &str, several: bool) -> String {
    let counts = fill(&l.breakdown_caption, &[("field", name)]);
    if several {
        format!(
            "{counts} {}",
            fill(&l.breakdown_caption_several, &[("field", name)])
        )
    } else {
        counts
    }
}

/// A label as it reads inside a sentence: `Strand` in "Themes by strand". A word that
/// starts with two capitals, such as `HCSO contact`, is an abbreviation and kept.
fn mid_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_label_inside_a_sentence_keeps_its_abbreviations() {
        assert_eq!(super::mid_sentence("Strand"), "strand");
        assert_eq!(super::mid_sentence("HCSO contact"), "HCSO contact");
        assert_eq!(super::mid_sentence("Llinyn"), "llinyn");
        assert_eq!(super::mid_sentence(""), "");
    }
}
