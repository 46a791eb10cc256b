//! The judgement tables: the report's scale over the cases judged on it, and, with
//! `case_types:`, one more table for each type judged on a scale of its own, over that
//! type's cases alone, so that a use of force "justified" is never a share of searches.
//! Each table's shares of its whole add up, and a copy suppresses its small numbers.

use super::language::Shown;
use super::{Count, Figure, Suppression, colour_of, largest_remainder, listed};
use crate::analyse::JudgementCount;
use crate::catalogue::Labels;
use crate::model::{CaseKey, Choice};

/// One type's own judgement table, as its heading, chart and rows show it.
pub struct TypeScale<'a> {
    /// The type's id in `case_types:`.
    pub kind: &'a str,
    /// The type's label in this version.
    pub label: Shown<'a>,
    /// How many cases the type has: the whole its shares are of.
    pub total: usize,
    pub judgements: Vec<Count<'a>>,
    pub unjudged: Count<'a>,
}

impl TypeScale<'_> {
    /// A caption of the report's words followed by the type's label, as each type's
    /// checklist matrix is captioned: "The panel's overall judgement of each case: Use
    /// of force".
    pub fn caption(&self, words: &str) -> String {
        format!("{words}: {}", self.label.text)
    }
}

/// The counts of one scale, over `total` cases, each judgement under its label as `tr`
/// words it in this version and with its colour, then the cases with none.
pub(super) fn counts<'a>(
    tr: impl Fn(&'a str, &'a [(String, String)]) -> Shown<'a>,
    scale: &'a [Choice],
    counted: &'a [JudgementCount],
    unjudged: &'a [CaseKey],
    total: usize,
    suppression: &Suppression,
    l: &'a Labels,
) -> (Vec<Count<'a>>, Count<'a>) {
    let mut parts: Vec<usize> = counted.iter().map(|j| j.cases.len()).collect();
    parts.push(unjudged.len());
    let shares = largest_remainder(&parts, total);
    let mut figures = suppression.parts(&parts);
    let unjudged_figure = figures.pop().unwrap_or(Figure::Shown(0));
    let judgements = counted
        .iter()
        .zip(&shares)
        .zip(figures)
        .map(|((j, &share), figure)| {
            let shown = scale.iter().find(|c| c.id == j.id).map_or(
                Shown {
                    text: &j.label,
                    lang: None,
                },
                |c| tr(&c.label, &c.label_in),
            );
            Count {
                label: shown.text,
                lang: shown.lang,
                colour: colour_of(scale, &j.id),
                listed: listed(&j.cases, &figure),
                share: figure.number().map(|_| share),
                figure,
            }
        })
        .collect();
    let unjudged = Count {
        label: &l.no_judgement,
        lang: None,
        colour: None,
        listed: listed(unjudged, &unjudged_figure),
        share: unjudged_figure
            .number()
            .map(|_| shares.last().copied().unwrap_or(0)),
        figure: unjudged_figure,
    };
    (judgements, unjudged)
}

impl<'a> super::View<'a> {
    /// Whether the report's own judgement table is shown: always, unless every case is of
    /// a type judged on a scale of its own, when it would count nothing.
    pub fn shows_report_scale(&self) -> bool {
        self.type_scales.is_empty() || self.judged > 0
    }

    /// The label of the judgement `id` on the report's scale or else on a type's own,
    /// as a breakdown's column heads the judgements of every scale.
    pub fn any_judgement_label<'b>(&'b self, id: &'b str) -> &'b str {
        let meta = &self.report.meta;
        let kind = meta
            .own_scales()
            .find(|(_, scale)| {
                !meta.judgements.iter().any(|j| j.id == id) && scale.iter().any(|j| j.id == id)
            })
            .map(|(kind, _)| kind.id.value.as_str());
        self.judgement_label_of(kind, id)
    }

    /// The label of the judgement `id` on the scale of a case of the type `kind`, in
    /// this version's language, or the id itself for one the scale lacks.
    pub fn judgement_label_of<'b>(&'b self, kind: Option<&str>, id: &'b str) -> &'b str {
        self.choice_label(self.report.meta.judgement_scale(kind), id)
    }
}
