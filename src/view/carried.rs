//! Cases carried over between meetings, as a report shows them: the short table of the
//! cases this meeting carries over to the next, and the mark on a case an earlier
//! meeting carried over to this one. Both are words only; the counts that leave a
//! carried-over case out are the analysis's.

use super::View;
use super::language::Shown;
use super::wording::long_date;
use crate::catalogue::fill;
use crate::model::{Case, CaseKey};

/// A case carried over to the next meeting, with the judgement that carried it over.
pub struct Carried<'a> {
    pub case: CaseKey,
    pub judgement: Shown<'a>,
}

impl<'a> View<'a> {
    /// The cases this meeting carries over, in report order.
    pub fn carried(&self) -> Vec<Carried<'a>> {
        let report = self.report;
        self.analysis
            .carried_over
            .iter()
            .filter_map(|&key| {
                let case = report.case(key)?;
                let id = &case.judgement.as_ref()?.value;
                let choice = report
                    .meta
                    .judgement_scale(case.kind())
                    .iter()
                    .find(|c| c.id == *id)?;
                Some(Carried {
                    case: key,
                    judgement: self.tr(&choice.label, &choice.label_in),
                })
            })
            .collect()
    }

    /// "Carried over from the meeting of 3 March 2026.", for a case that says
    /// `carried_from:`: in an archive the archive has found that meeting's date; a lone
    /// report knows only the folder and file it names.
    pub fn carried_from(&self, case: &Case) -> Option<String> {
        let from = case.carried_from.as_ref()?;
        let key = self.report.meta.case_key(case);
        let l = self.labels;
        Some(
            match self.analysis.carried_from.iter().find(|(k, _)| *k == key) {
                Some((_, date)) => fill(&l.carried_from, &[("date", &long_date(l, date))]),
                None => fill(&l.carried_from_earlier, &[("case", &from.value)]),
            },
        )
    }
}
