//! Section 4.0's table: the panel's observations beside the force's responses.
//!
//! The header row repeats on every page because a response often runs to several pages
//! and the reader must still see which column is which. Each observation carries its
//! number (4.1, 4.2, …), as the page does, so that the force can answer "4.2" by number,
//! and names the cases behind it, so the force can check the panel's claim. Its status
//! is shown once, under the response, outside the response's content control so that
//! it is not taken back as part of the force's answer.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::controls::{Control, control, mark};
use super::styles::{ACCENT, MUTED};
use super::tables::{self, Cell, Look, split};
use crate::model::Status;
use crate::office::names::{CASES_MARK, RESPONSE_MARK, RESPONSE_TAG, TEXT_MARK, mark_name};
use crate::view::View;

/// Observation | Force Response, the header repeated on every page.
pub fn observations(view: &View<'_>, body: &mut Body) {
    let widths = split(body.text_width(), &[1, 1]);
    tables::open(body, &widths, Look::Data, 0);
    let l = view.labels;
    tables::header_row(
        body,
        &widths,
        &[&l.col_observation, &l.col_force_response],
        &[],
    );
    body.keep_together = false;
    let divided = Cell {
        borders: Some(DIVIDER),
        ..Cell::BODY
    };
    for (i, shown) in view.observations.iter().enumerate() {
        let o = shown.observation;
        let (text, response, lang) = view.observation_text(o);
        let marks = u32::try_from(i).unwrap_or(u32::MAX / 4).saturating_mul(3);
        body.keep_together = tables::before_last(i, view.observations.len());
        tables::open_splittable_row(body);
        tables::cell(body, widths[0], Cell::BODY, |body| {
            body.open_p(Para::style("TableText"));
            body.run(
                &shown.number,
                Fmt {
                    bold: true,
                    color: Some(ACCENT),
                    ..Fmt::PLAIN
                },
            );
            mark(body, marks, &mark_name(TEXT_MARK, &o.file));
            body.close_p();
            body.in_language(lang, |body| blocks(body, text, Place::cell(widths[0])));
            if !shown.cases.is_empty() {
                body.open_p(Para::style("TableText"));
                body.run(
                    &format!("{}: {}", l.cases_behind, view.names.list(shown.cases)),
                    Fmt {
                        color: Some(MUTED),
                        size: Some(18),
                        ..Fmt::PLAIN
                    },
                );
                mark(body, marks + 1, &mark_name(CASES_MARK, &o.file));
                body.close_p();
            }
        });
        tables::cell(body, widths[1], divided, |body| {
            let force = Control {
                tag: format!("{RESPONSE_TAG}{}", o.file),
                alias: &l.col_force_response,
                prompt: Some(&l.response_prompt),
            };
            control(body, &force, |body| {
                if !response.is_empty() {
                    body.in_language(lang, |body| {
                        blocks(body, response, Place::cell(widths[1]));
                    });
                }
            });
            let name = mark_name(RESPONSE_MARK, &o.file);
            status_line(
                body,
                &l.status,
                shown.status,
                o.status,
                true,
                Some((marks + 2, &name)),
            );
        });
        tables::close_row(body);
    }
    body.keep_together = false;
    tables::close(body);
    tables::spacer(body);
}

/// `Status: Responded`, muted but for a response still awaited, which stands out.
pub(super) fn status_line(
    body: &mut Body,
    label: &str,
    shown: &str,
    status: Status,
    after_text: bool,
    bookmark: Option<(u32, &str)>,
) {
    let color = match status {
        Status::AwaitingResponse => "AA3333",
        Status::Responded | Status::InProgress | Status::Closed => MUTED,
    };
    body.open_p(Para {
        before: after_text.then_some(60),
        ..Para::style("TableText")
    });
    body.run(
        &format!("{label}: "),
        Fmt {
            color: Some(MUTED),
            size: Some(17),
            ..Fmt::PLAIN
        },
    );
    body.run(
        shown,
        Fmt {
            bold: true,
            color: Some(color),
            size: Some(17),
            ..Fmt::PLAIN
        },
    );
    if let Some((n, name)) = bookmark {
        mark(body, n, name);
    }
    body.close_p();
}

pub(super) const DIVIDER: &str =
    r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#;
