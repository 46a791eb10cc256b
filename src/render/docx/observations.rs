//! Section 4.0's table: the panel's observations beside the force's responses.
//!
//! The header row repeats on every page because a response often runs to several pages
//! and the reader must still see which column is which. Each observation names the cases
//! behind it, from the themes it is about, so the force can check the panel's claim.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::styles::MUTED;
use super::tables::{self, Cell, Look, split};
use crate::analyse::Analysis;
use crate::model::{Report, Status};
use crate::render::text::case_list;

/// Observation | Force Response, the header repeated on every page.
pub fn observations(report: &Report, analysis: &Analysis, body: &mut Body) {
    let widths = split(body.text_width(), &[1, 1]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(body, &widths, &["Observation", "Force Response"], &[]);
    body.keep_together = false;
    let divided = Cell {
        borders: Some(DIVIDER),
        ..Cell::BODY
    };
    for (o, cases) in report.observations.iter().zip(&analysis.observation_cases) {
        tables::open_splittable_row(body);
        tables::cell(body, widths[0], Cell::BODY, |body| {
            blocks(body, &o.observation, Place::cell(widths[0]));
            if !cases.is_empty() {
                body.paragraph(
                    Para::style("TableText"),
                    &format!("Cases behind this: {}", case_list(cases)),
                    Fmt {
                        color: Some(MUTED),
                        size: Some(18),
                        ..Fmt::PLAIN
                    },
                );
            }
        });
        tables::cell(body, widths[1], divided, |body| {
            if o.response.is_empty() {
                body.paragraph(
                    Para::style("TableText"),
                    "Awaiting response.",
                    Fmt {
                        italic: true,
                        color: Some(MUTED),
                        ..Fmt::PLAIN
                    },
                );
            } else {
                blocks(body, &o.response, Place::cell(widths[1]));
            }
            let (status, color) = match o.status {
                Status::AwaitingResponse => ("Awaiting response", "AA3333"),
                Status::Responded => ("Responded", MUTED),
                Status::Closed => ("Closed", MUTED),
            };
            body.open_p(Para {
                before: Some(60),
                ..Para::style("TableText")
            });
            body.run(
                "Status: ",
                Fmt {
                    color: Some(MUTED),
                    size: Some(17),
                    ..Fmt::PLAIN
                },
            );
            body.run(
                status,
                Fmt {
                    bold: true,
                    color: Some(color),
                    size: Some(17),
                    ..Fmt::PLAIN
                },
            );
            body.close_p();
        });
        tables::close_row(body);
    }
    tables::close(body);
    tables::spacer(body);
}

const DIVIDER: &str = r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#;
