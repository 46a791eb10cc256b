//! The observation tracker of trends.docx: a table of every observation, open ones
//! first, and then each observation in full with the force's response and its updates.

use super::{caption, empty};
use crate::analyse::trends::Tracked;
use crate::catalogue::fill;
use crate::model::Status;
use crate::render::docx::blocks::{Place, blocks};
use crate::render::docx::body::{Body, Fmt, Para};
use crate::render::docx::styles::ACCENT;
use crate::render::docx::tables::{self, split};
use crate::view::trends::{TrendsView, carried_open};
use crate::view::wording::{long_date, status_label};

pub(super) fn tracker(view: &TrendsView, body: &mut Body) {
    let (trends, l) = (view.trends, view.labels);
    caption(body, &fill(&l.tracker_caption, &[("date", &view.as_of)]));
    let widths = split(body.text_width(), &[7, 17, 38, 15, 23]);
    let labels = [
        &l.col_number,
        &l.col_raised,
        &l.col_observation,
        &l.status,
        &l.col_time_open,
    ];
    let rows: Vec<Vec<String>> = trends
        .observations
        .iter()
        .map(|o| {
            let words = view.words(o);
            vec![
                o.number.clone(),
                words.raised,
                words.in_brief,
                status_label(l, o.status).to_string(),
                words.time_open,
            ]
        })
        .collect();
    tables::text_table(body, &widths, &labels.map(String::as_str), &rows);
    for (heading, open) in [
        (&l.open_observations, true),
        (&l.closed_observations, false),
    ] {
        let items: Vec<&Tracked> = trends
            .observations
            .iter()
            .filter(|o| o.is_open() == open)
            .collect();
        if items.is_empty() {
            continue;
        }
        body.heading(2, heading, false);
        for o in items {
            observation(view, body, o);
        }
    }
}

/// The cases carried over that no meeting has judged yet, when there are any.
pub(super) fn carried(view: &TrendsView, body: &mut Body) {
    let (trends, l) = (view.trends, view.labels);
    if trends.carried.is_empty() {
        return;
    }
    body.heading(2, &l.carried_open, false);
    caption(
        body,
        &fill(&l.carried_open_caption, &[("date", &view.as_of)]),
    );
    let widths = split(body.text_width(), &[30, 25, 45]);
    let labels = [&l.col_latest_meeting, &l.col_case, &l.col_time_open];
    let rows: Vec<Vec<String>> = trends
        .carried
        .iter()
        .map(|c| {
            vec![
                long_date(l, &c.meeting_date),
                c.case.clone(),
                carried_open(l, c, &trends.as_of),
            ]
        })
        .collect();
    tables::text_table(body, &widths, &labels.map(String::as_str), &rows);
}

fn observation(view: &TrendsView, body: &mut Body, o: &Tracked) {
    let l = view.labels;
    let words = view.words(o);
    let raised = words.raised;
    // A short observation is kept on one page: every paragraph keeps with the next but
    // the last, which `updates` writes.
    body.keep_together = true;
    body.heading(3, &format!("{} – {raised}", o.number), false);
    let colour = if o.status == Status::AwaitingResponse {
        "AA3333"
    } else {
        ACCENT
    };
    body.open_p(Para {
        keep_next: true,
        ..Para::default()
    });
    body.run(&format!("{}: ", l.status), Fmt::MUTED);
    let status = Fmt {
        bold: true,
        color: Some(colour),
        size: Some(20),
        ..Fmt::PLAIN
    };
    body.run(status_label(l, o.status), status);
    body.run(&format!(" · {}", words.time_open), Fmt::MUTED);
    body.close_p();
    label(body, &l.col_observation);
    blocks(body, &o.text, Place::BODY);
    label(body, &l.col_force_response);
    if o.response.is_empty() {
        empty(body, &l.awaiting_response);
    } else {
        blocks(body, &o.response, Place::BODY);
    }
    label(body, &l.col_updates);
    if o.history.is_empty() {
        body.keep_together = false;
        empty(body, &l.no_update_yet);
    }
    for (i, (step, date)) in o.history.iter().zip(&words.history).enumerate() {
        body.open_p(Para {
            keep_next: true,
            before: Some(80),
            ..Para::default()
        });
        body.run(date, Fmt::BOLD);
        body.run(&format!(" · {}", status_label(l, step.status)), Fmt::BOLD);
        body.close_p();
        body.keep_together = i + 1 < o.history.len();
        blocks(body, &step.text, Place::BODY);
    }
    body.keep_together = false;
}

/// A small heading inside an observation, kept with what it labels.
fn label(body: &mut Body, text: &str) {
    let para = Para {
        keep_next: true,
        before: Some(120),
        after: Some(40),
        ..Para::default()
    };
    body.paragraph(para, text, Fmt::HEADER);
}
