//! The parts of a case set apart after the panel's points, each a shaded cell under its
//! label: the force's answer on the case and the panel's restricted notes.
//!
//! The force's answer is set apart from the panel's words. It is the force's to fill in, so with
//! `response_headings:` every case has one, tagged and bookmarked with the case's id as
//! an observation's Force Response cell is with its file (the same [`control`] and
//! [`mark`]), for `responses` to take back into the case file.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::controls::{CASE_MARKS, Control, control, mark};
use super::styles::{ACCENT, ACCENT_PALE, NO_PALE};
use super::tables::{self, Cell, Look};
use crate::office::names::{CASE_RESPONSE_MARK, CASE_RESPONSE_TAG, case_id, mark_name};
use crate::view::{CaseView, View};

/// A left rule in the accent colour, as the page's response box has.
const RULE: &str = r#"<w:left w:val="single" w:sz="24" w:space="0" w:color="1D3C6E"/>"#;

/// A box that sets a part of a case apart from the panel's points: its ground, its
/// borders and the colour of its label.
pub struct Apart {
    fill: &'static str,
    borders: &'static str,
    color: &'static str,
}

/// The force's answer: the page's ruled, pale box.
const RESPONSE: Apart = Apart {
    fill: ACCENT_PALE,
    borders: RULE,
    color: ACCENT,
};

/// The panel's restricted notes: a dashed red border on a pale red ground, as the page
/// draws them, so that no one takes them for words the public may read.
const RESTRICTED: Apart = Apart {
    fill: NO_PALE,
    borders: r#"<w:top w:val="dashed" w:sz="12" w:space="0" w:color="AA3333"/><w:left w:val="dashed" w:sz="12" w:space="0" w:color="AA3333"/><w:bottom w:val="dashed" w:sz="12" w:space="0" w:color="AA3333"/><w:right w:val="dashed" w:sz="12" w:space="0" w:color="AA3333"/>"#,
    color: "AA3333",
};

/// Writes one cell the width of the text in `look`: `label` in bold, then what `after`
/// writes after it in the label's paragraph, then what `fill` writes.
fn apart(
    body: &mut Body,
    look: &Apart,
    label: &str,
    after: impl FnOnce(&mut Body),
    fill: impl FnOnce(&mut Body, u32),
) {
    let width = body.text_width();
    tables::open(body, &[width], Look::Plain, 0);
    tables::open_splittable_row(body);
    let boxed = Cell {
        fill: Some(look.fill),
        borders: Some(look.borders),
        ..Cell::BODY
    };
    tables::cell(body, width, boxed, |body| {
        body.open_p(Para {
            keep_next: true,
            ..Para::style("TableText")
        });
        body.run(
            label,
            Fmt {
                bold: true,
                color: Some(look.color),
                ..Fmt::PLAIN
            },
        );
        after(body);
        body.close_p();
        fill(body, width);
    });
    tables::close_row(body);
    tables::close(body);
    tables::spacer(body);
}

/// Writes case `shown`'s response cell, when the report takes the force's answers.
pub fn case_response(view: &View<'_>, shown: &CaseView<'_>, body: &mut Body) {
    if view.report.meta.response_headings.is_empty() {
        return;
    }
    let id = case_id(shown.case.number);
    let l = view.labels;
    let number = shown.case.number;
    let name = mark_name(CASE_RESPONSE_MARK, &id);
    apart(
        body,
        &RESPONSE,
        &l.case_response,
        |body| mark(body, CASE_MARKS + number, &name),
        |body, width| {
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
        },
    );
}

/// Writes case `shown`'s restricted notes, in a copy that carries them. They are not the
/// force's to answer, so unlike the response they are no control for `responses` to read.
pub fn restricted_notes(view: &View<'_>, shown: &CaseView<'_>, body: &mut Body) {
    let Some((notes, lang)) = shown.body.restricted else {
        return;
    };
    apart(
        body,
        &RESTRICTED,
        &view.labels.restricted_notes,
        |_| {},
        |body, width| body.in_language(lang, |body| blocks(body, notes, Place::cell(width))),
    );
}
