//! The Members sheet, for the panel's own use: one row per member and case folder, with
//! the points in their file, the themes those points count for, and their own judgement
//! and checklist answers beside the columns' questions, so that a filter on the member
//! shows one person's reviews and a filter on the case shows how its reviewers differed.
//! A member with no points in a case has not reviewed it yet. It names members, so only a
//! copy that still lists them, never the public one, has it.

use rust_xlsxwriter::XlsxError;

use super::Sheet;
use crate::analyse::members::reviews;
use crate::view::View;
use crate::view::wording::answer_label;

pub(super) fn members(mut sheet: Sheet<'_>, view: &View<'_>) -> Result<(), XlsxError> {
    let l = view.labels;
    let meta = &view.report.meta;
    let mut header: Vec<&str> = vec![
        &l.col_member,
        &l.col_case,
        &l.col_points,
        &l.themes,
        &l.col_judgement,
    ];
    header.extend(meta.checks.iter().map(|c| view.check_label(&c.id)));
    sheet.header(&header)?;
    for row in reviews(view.report, view.analysis) {
        let review = row.review;
        sheet.row();
        let name = meta.members.iter().find(|m| m.id.value == review.member);
        sheet.text(name.map_or(review.member.as_str(), |m| m.name.as_str()))?;
        sheet.case(&view.names, row.key)?;
        sheet.number(review.points as f64)?;
        let themes: Vec<&str> = row.themes.iter().map(|t| view.theme_label(t)).collect();
        sheet.optional(Some(&themes.join("; ")))?;
        let judgement = review.judgement.as_ref();
        sheet.optional(judgement.map(|j| view.judgement_label_of(row.case.kind(), &j.value)))?;
        for check in &meta.checks {
            let answer = review.checks.iter().find(|a| a.id == check.id);
            sheet.optional(answer.map(|a| answer_label(l, a.answer)))?;
        }
    }
    sheet.finish()
}
