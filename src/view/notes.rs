//! The words a panel wrote beside a check's answer (`{answer: partial, note: ...}`), as
//! a version shows them: in the case's list of answers, and numbered under the checklist
//! matrix, whose cell carries the number as a mark. Notes are never counted, so they live
//! here with the other words a reader sees, not in the analysis.

use super::View;
use super::language::Shown;
use crate::model::{Answer, Case, CaseKey, CheckAnswer, Translated};

/// One check of report.yaml as a case answered it.
#[derive(Debug, PartialEq)]
pub struct CaseAnswer<'a> {
    /// The check's id, as a table with a column per check finds the answer by.
    pub check: &'a str,
    pub label: &'a str,
    /// `None` where the case gave no answer.
    pub answer: Option<Answer>,
    pub note: Option<Shown<'a>>,
}

/// A note under the checklist matrix, and the mark its cell carries.
pub struct MatrixNote<'a> {
    pub mark: usize,
    pub case: CaseKey,
    pub check: &'a str,
    pub check_label: &'a str,
    pub note: Shown<'a>,
}

impl<'a> View<'a> {
    /// A check answer's note in this version: the translation's where it gives one.
    pub fn answer_note(&self, case: &'a Case, answer: &'a CheckAnswer) -> Option<Shown<'a>> {
        let own = answer.note.as_deref()?;
        if !self.is_original()
            && let Some(Translated::Case { notes, .. }) = self
                .translations
                .get(case.file.as_str())
                .map(|t| &t.content)
            && let Some((_, text)) = notes.iter().find(|(id, _)| *id == answer.id)
        {
            return Some(Shown { text, lang: None });
        }
        Some(Shown {
            text: own,
            lang: (!self.is_original()).then_some(self.report.meta.language.as_str()),
        })
    }

    /// Every check of report.yaml the case is asked, with its answer and its note: a case
    /// of a type is not asked another type's checks, so they are not "not recorded".
    pub fn case_answers(&self, case: &'a Case) -> Vec<CaseAnswer<'a>> {
        let meta = &self.report.meta;
        meta.checks
            .iter()
            .filter(|check| meta.asks(case.kind(), &check.id))
            .map(|check| {
                let answer = case.checks.iter().find(|a| a.id == check.id);
                CaseAnswer {
                    check: &check.id,
                    label: self.tr(&check.label, &check.label_in).text,
                    answer: answer.map(|a| a.answer),
                    note: answer.and_then(|a| self.answer_note(case, a)),
                }
            })
            .collect()
    }

    /// The notes of the checklist matrix, marked 1, 2, … in its reading order: by case,
    /// then by check as report.yaml lists them.
    pub fn matrix_notes(&self) -> Vec<MatrixNote<'a>> {
        let meta = &self.report.meta;
        let notes = self.report.cases.iter().flat_map(|case| {
            meta.checks.iter().filter_map(move |check| {
                let answer = case.checks.iter().find(|a| a.id == check.id)?;
                Some(MatrixNote {
                    mark: 0,
                    case: meta.case_key(case),
                    check: &check.id,
                    check_label: self.tr(&check.label, &check.label_in).text,
                    note: self.answer_note(case, answer)?,
                })
            })
        });
        notes
            .enumerate()
            .map(|(i, note)| MatrixNote {
                mark: i + 1,
                ..note
            })
            .collect()
    }
}

/// The mark of a matrix cell, if its answer has a note.
pub fn mark_of(notes: &[MatrixNote<'_>], case: CaseKey, check: &str) -> Option<usize> {
    notes
        .iter()
        .find(|n| n.case == case && n.check == check)
        .map(|n| n.mark)
}

/// A note's mark as superscript digits (`¹²`), for cells whose format has no
/// superscript of its own.
pub fn superscript(mark: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    mark.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_mark_is_written_in_superscript_digits() {
        assert_eq!(super::superscript(1), "¹");
        assert_eq!(super::superscript(20), "²⁰");
    }
}
