//! The force's answer on a case, after the panel's points: a shaded cell under its label,
//! set apart from the panel's words. It is the force's to fill in, so with
//! `response_headings:` every case has one, tagged and bookmarked with the case's id as
//! an observation's Force Response cell is with its file (the same [`control`] and
//! [`mark`]), for `responses` to take back into the case file.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::controls::{CASE_MARKS, Control, control, mark};
use super::styles::{ACCENT, ACCENT_PALE};
use super::tables::{self, Cell, Look};
use crate::office::names::{CASE_RESPONSE_MARK, CASE_RESPONSE_TAG, case_id, mark_name};
use crate::view::{CaseView, View};

/// A left rule in the accent colour, as the page's response box has.
const RULE: &str = r#"<w:left w:val="single" w:sz="24" w:space="0" w:color="1D3C6E"/>"#;

/// Writes case `shown`'s response cell, when the report takes the force's answers.
pub fn case_response(view: &View<'_>, shown: &CaseView<'_>, body: &mut Body) {
    if view.report.meta.response_headings.is_empty() {
        return;
    }
    let width = body.text_width();
    let id = case_id(shown.case.number);
    let l = view.labels;
    tables::open(body, &[width], Look::Plain, 0);
    tables::open_splittable_row(body);
    let boxed = Cell {
        fill: Some(ACCENT_PALE),
        borders: Some(RULE),
        ..Cell::BODY
    };
    tables::cell(body, width, boxed, |body| {
        body.open_p(Para {
            keep_next: true,
            ..Para::style("TableText")
        });
        body.run(
            &l.case_response,
            Fmt {
                bold: true,
                color: Some(ACCENT),
                ..Fmt::PLAIN
            },
        );
        mark(
            body,
            CASE_MARKS + shown.case.number,
            &mark_name(CASE_RESPONSE_MARK, &id),
        );
        body.close_p();
        let force = Control {
            tag: format!("{CASE_RESPONSE_TAG}{id}"),
            alias: &l.case_response,
            prompt: Some(&l.response_prompt),
        };
        control(body, &force, |body| {
            if let Some((response, lang)) = shown.body.response {
                body.in_language(lang, |body| blocks(body, response, Place::cell(width)));
            }
        });
    });
    tables::close_row(body);
    tables::close(body);
    tables::spacer(body);
}
