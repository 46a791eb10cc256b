//! Section 5.0's table: each earlier observation that was open when the meeting began,
//! the force's response and where it stood, and this meeting's update on it.
//!
//! It follows section 4.0's table in look and in its repeated header, so that the force
//! reads both the same way; a row with no update says so in words, since a blank cell
//! would look like an omission.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::observations::{DIVIDER, status_line};
use super::styles::{ACCENT, MUTED};
use super::tables::{self, Cell, Look, split};
use crate::view::View;

/// Observation | Force response | Update at this meeting.
pub fn follow_up(view: &View<'_>, body: &mut Body) {
    let l = view.labels;
    body.paragraph(Para::default(), &l.follow_up_intro, Fmt::PLAIN);
    let widths = split(body.text_width(), &[4, 3, 3]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(
        body,
        &widths,
        &[&l.col_observation, &l.col_force_response, &l.col_update],
        &[],
    );
    body.keep_together = false;
    let divided = Cell {
        borders: Some(DIVIDER),
        ..Cell::BODY
    };
    for (i, shown) in view.follow_up.iter().enumerate() {
        let row = shown.row;
        body.keep_together = tables::before_last(i, view.follow_up.len());
        tables::open_splittable_row(body);
        tables::cell(body, widths[0], Cell::BODY, |body| {
            body.paragraph(
                Para::style("TableText"),
                &shown.raised,
                Fmt {
                    bold: true,
                    color: Some(ACCENT),
                    ..Fmt::PLAIN
                },
            );
            blocks(body, &row.observation, Place::cell(widths[0]));
        });
        tables::cell(body, widths[1], divided, |body| {
            blocks(body, &row.response, Place::cell(widths[1]));
            status_line(
                body,
                &l.col_status_before,
                shown.before,
                row.before,
                !row.response.is_empty(),
                None,
            );
        });
        tables::cell(body, widths[2], divided, |body| {
            match (shown.update, &row.update) {
                (Some((status, text)), Some(step)) => {
                    status_line(body, &l.status, status, step.status, false, None);
                    blocks(body, text, Place::cell(widths[2]));
                }
                _ => body.paragraph(
                    Para::style("TableText"),
                    &l.no_update,
                    Fmt {
                        color: Some(MUTED),
                        italic: true,
                        ..Fmt::PLAIN
                    },
                ),
            }
        });
        tables::close_row(body);
    }
    body.keep_together = false;
    tables::close(body);
    tables::spacer(body);
}
