//! Section 3.0's figures as Word tables: the theme chart and tally, the judgement counts,
//! the checklist results and the checklist matrix.
//!
//! The chart is drawn with table cells rather than a picture or a Word chart part: shaded
//! cells spanning a share of a fixed grid give bars whose length is exact in Word and in
//! LibreOffice, that print in any colour scheme, and that the officer can edit as text.

use super::body::{Body, Fmt, Para};
use super::styles::MUTED;
use super::tables::{self, Cell, Look, split};
use crate::catalogue::{Labels, fill};
use crate::model::Answer;
use crate::view::wording::{self, answer_label};
use crate::view::{CaseGroup, Count, Figure, ThemeView, View, mark_of, superscript};

/// Grid columns the bar area is divided into: bars are drawn to a twentieth of all cases.
const BAR_STEPS: u32 = 20;
const BAR: &str = "2F5F98";
/// Cell borders that leave a white gap between one bar and the next.
const BAR_GAP: &str = r#"<w:top w:val="single" w:sz="24" w:space="0" w:color="FFFFFF"/><w:bottom w:val="single" w:sz="24" w:space="0" w:color="FFFFFF"/>"#;

/// The rule along the chart's scale.
const SCALE: &str = r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>"#;

/// Width of a column of counts, and of the "Not recorded" column, in twips.
const NUMBER_COLUMN: u32 = 1000;
const NOT_RECORDED_COLUMN: u32 = 1500;

pub fn caption(body: &mut Body, text: &str) {
    body.paragraph(Para::style("Caption"), text, Fmt::PLAIN);
}

/// Grid steps a bar of `count` of `total` cases fills: the nearest, but at least one for a
/// theme any case has, so that a bar is never hidden.
fn bar_steps(count: usize, total: usize) -> u32 {
    let (count, total) = (count as u64, total.max(count).max(1) as u64);
    let steps = (2 * count * u64::from(BAR_STEPS) + total) / (2 * total);
    if count == 0 { 0 } else { steps.max(1) as u32 }
}

/// One horizontal bar per theme, concerns then good practice, most cases first, with its
/// count just after its end. The full width is every case reviewed, as the caption says,
/// so a bar shows the share of cases with the theme and a theme of few cases looks small
/// however it ranks.
pub fn chart(body: &mut Body, view: &View<'_>) {
    let width = body.text_width();
    // The label, the bar area, and room for the count after a bar that fills the area.
    let mut parts = vec![36 * BAR_STEPS];
    parts.extend([58; BAR_STEPS as usize]);
    parts.push(6 * BAR_STEPS);
    let widths = split(width, &parts);
    tables::open(body, &widths, Look::Plain, 0);
    // The scale is a row after the themes.
    grouped_rows(body, view, &widths, 1, |body, theme| {
        bar_row(body, &widths, theme, view.analysis.total_cases);
    });
    scale(body, &widths, view.labels, view.analysis.total_cases);
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// A row across the whole table naming a group of themes.
fn group_row(body: &mut Body, widths: &[u32], label: &str) {
    tables::open_row(body, false, None);
    let across = Cell {
        span: widths.len() as u32,
        ..Cell::BODY
    };
    tables::cell(body, widths.iter().sum(), across, |body| {
        body.paragraph(Para::style("TableText"), label, Fmt::HEADER);
    });
    tables::close_row(body);
}

fn bar_row(body: &mut Body, widths: &[u32], theme: &ThemeView<'_>, total: usize) {
    let steps = theme.figure.number().map_or(0, |n| bar_steps(n, total));
    tables::open_row(body, false, Some(340));
    let middle = Cell {
        middle: true,
        ..Cell::BODY
    };
    body.in_language(theme.label.lang, |body| {
        tables::text_cell(body, widths[0], middle, theme.label.text, Some("right"));
    });
    let (filled, rest) = widths[1..].split_at(steps as usize);
    if !filled.is_empty() {
        let bar = Cell {
            span: steps,
            fill: Some(BAR),
            borders: Some(BAR_GAP),
            ..Cell::BODY
        };
        tables::cell(body, filled.iter().sum(), bar, |_| {});
    }
    let after = Cell {
        span: rest.len() as u32,
        ..middle
    };
    tables::cell(body, rest.iter().sum(), after, |body| {
        body.paragraph(
            Para::style("TableText"),
            &theme.figure.to_string(),
            Fmt::BOLD,
        );
    });
    tables::close_row(body);
}

/// The chart's last row: a rule under the bar area from 0 to all cases, so the reader
/// sees what a full bar would be.
fn scale(body: &mut Body, widths: &[u32], l: &Labels, total: usize) {
    body.keep_together = false;
    tables::open_row(body, false, None);
    tables::cell(body, widths[0], Cell::BODY, |_| {});
    let half = (BAR_STEPS / 2) as usize;
    let steps = &widths[1..=BAR_STEPS as usize];
    let ends = [
        (&steps[..half], "0".to_string(), None),
        (
            &steps[half..],
            fill(&l.chart_scale_all, &[("total", &total.to_string())]),
            Some("right"),
        ),
    ];
    for (part, text, align) in ends {
        let cell = Cell {
            span: part.len() as u32,
            borders: Some(SCALE),
            ..Cell::BODY
        };
        tables::cell(body, part.iter().sum(), cell, |body| {
            body.paragraph(
                Para {
                    align,
                    ..Para::style("TableText")
                },
                &text,
                Fmt {
                    color: Some(MUTED),
                    size: Some(17),
                    ..Fmt::PLAIN
                },
            );
        });
    }
    tables::cell(body, widths[BAR_STEPS as usize + 1], Cell::BODY, |_| {});
    tables::close_row(body);
}

/// Theme | Cases | Share | Mentions | Case numbers, concerns and good practice apart.
pub fn tally(body: &mut Body, view: &View<'_>) {
    let widths = split(body.text_width(), &[38, 11, 10, 13, 28]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(
        body,
        &widths,
        &[
            &view.labels.col_theme,
            &view.labels.col_cases,
            &view.labels.col_share,
            &view.labels.col_mentions,
            &view.labels.col_case_numbers,
        ],
        &[1, 2, 3],
    );
    grouped_rows(body, view, &widths, 0, |body, theme| {
        tables::open_row(body, false, None);
        body.in_language(theme.label.lang, |body| {
            tables::text_cell(body, widths[0], Cell::BODY, theme.label.text, None);
        });
        tables::text_cell(
            body,
            widths[1],
            Cell::BODY,
            &theme.figure.to_string(),
            Some("right"),
        );
        tables::text_cell(
            body,
            widths[2],
            Cell::BODY,
            &wording::share_cell(theme.share),
            Some("right"),
        );
        tables::text_cell(
            body,
            widths[3],
            Cell::BODY,
            &wording::mentions_cell(theme.tally),
            Some("right"),
        );
        tables::text_cell(
            body,
            widths[4],
            Cell::BODY,
            &wording::case_numbers_cell(view.labels, &view.names, theme),
            None,
        );
        tables::close_row(body);
    });
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// A row per theme, written by `row`, concerns then good practice under a row naming
/// each group when there is good practice; each row kept with the next, as a short
/// table is, counting `more` rows that follow.
fn grouped_rows<'v>(
    body: &mut Body,
    view: &'v View<'_>,
    widths: &[u32],
    more: usize,
    mut row: impl FnMut(&mut Body, &ThemeView<'v>),
) {
    let groups = view.theme_groups();
    let count = view.themes.len() + groups.iter().filter(|g| g.0.is_some()).count() + more;
    let mut i = 0;
    for (label, themes) in &groups {
        if let Some(label) = label {
            tables::keep_row(body, i, count);
            i += 1;
            group_row(body, widths, label);
        }
        for theme in themes {
            tables::keep_row(body, i, count);
            i += 1;
            row(body, theme);
        }
    }
}

/// Judgement | Cases | Share | Case numbers of one scale's `counts`, with the cases that
/// have none; the shares add up to 100%.
pub fn judgements(body: &mut Body, view: &View<'_>, counts: &[Count<'_>], unjudged: &Count<'_>) {
    let widths = split(body.text_width(), &[43, 13, 10, 34]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(
        body,
        &widths,
        &[
            &view.labels.col_judgement,
            &view.labels.col_cases,
            &view.labels.col_share,
            &view.labels.col_case_numbers,
        ],
        &[1, 2],
    );
    let any_unjudged = unjudged.any();
    let count = counts.len() + usize::from(any_unjudged);
    let rows = counts.iter().chain(any_unjudged.then_some(unjudged));
    for (i, j) in rows.enumerate() {
        tables::keep_row(body, i, count);
        tables::open_row(body, false, None);
        tables::cell(body, widths[0], Cell::BODY, |body| {
            body.open_p(Para::style("TableText"));
            match j.colour {
                Some(swatch) => body.swatch_run(j.label, &swatch.fill_hex(), &swatch.ink_hex()),
                None => body.run_in(j.label, j.lang, Fmt::PLAIN),
            }
            body.close_p();
        });
        tables::text_cell(
            body,
            widths[1],
            Cell::BODY,
            &j.figure.to_string(),
            Some("right"),
        );
        tables::text_cell(
            body,
            widths[2],
            Cell::BODY,
            &wording::share_cell(j.share),
            Some("right"),
        );
        tables::text_cell(
            body,
            widths[3],
            Cell::BODY,
            &or_dash(view.names.list(j.listed)),
            None,
        );
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// Case | Judgement of the cases carried over to the next meeting, under a heading of
/// their own and a caption saying why no figure above counts them.
pub fn carried(body: &mut Body, view: &View<'_>) {
    let carried = view.carried();
    if carried.is_empty() {
        return;
    }
    let l = view.labels;
    body.heading(3, &l.carried_heading, false);
    caption(body, &l.carried_caption);
    let widths = split(body.text_width(), &[30, 70]);
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(body, &widths, &[&l.col_case, &l.col_judgement], &[]);
    for (i, c) in carried.iter().enumerate() {
        tables::keep_row(body, i, carried.len());
        tables::open_row(body, false, None);
        tables::text_cell(
            body,
            widths[0],
            Cell::BODY,
            &view.names.list(&[c.case]),
            None,
        );
        tables::cell(body, widths[1], Cell::BODY, |body| {
            body.open_p(Para::style("TableText"));
            body.run_in(c.judgement.text, c.judgement.lang, Fmt::PLAIN);
            body.close_p();
        });
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// Check | one column per answer given anywhere | Not recorded.
pub fn checks(body: &mut Body, view: &View<'_>) {
    let analysis = view.analysis;
    let l = view.labels;
    let answers: Vec<Answer> = Answer::ALL
        .into_iter()
        .filter(|a| {
            analysis
                .checks
                .iter()
                .any(|c| c.answers.iter().any(|(b, _)| b == a))
        })
        .collect();
    let mut labels: Vec<&str> = vec![&l.col_check];
    labels.extend(answers.iter().map(|a| answer_label(l, *a)));
    labels.push(&l.col_not_recorded);
    let wanted: Vec<u32> = labels[1..]
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let least = if i == answers.len() {
                NOT_RECORDED_COLUMN
            } else {
                NUMBER_COLUMN
            };
            tables::unbroken(label).max(least)
        })
        .collect();
    let widths = tables::fit(body.text_width(), 2000, &wanted);
    let numeric: Vec<usize> = (1..labels.len()).collect();
    tables::open(body, &widths, Look::Data, 0);
    tables::header_row(body, &widths, &labels, &numeric);
    let count = analysis.checks.len();
    for (i, shown) in view.checks.iter().enumerate() {
        tables::keep_row(body, i, count);
        tables::open_row(body, false, None);
        body.in_language(shown.label.lang, |body| {
            tables::text_cell(body, widths[0], Cell::BODY, shown.label.text, None);
        });
        for (k, answer) in answers.iter().enumerate() {
            let given = shown.answers.iter().find(|(a, _)| a == answer);
            let text = match given.map(|(_, count)| &count.figure) {
                None | Some(Figure::Shown(0)) => "–".to_string(),
                Some(figure) => figure.to_string(),
            };
            tables::text_cell(body, widths[k + 1], Cell::BODY, &text, Some("right"));
        }
        let last = widths.len() - 1;
        tables::text_cell(
            body,
            widths[last],
            Cell::BODY,
            &shown.unanswered.figure.to_string(),
            Some("right"),
        );
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
    tables::spacer(body);
}

/// The notes on answers, numbered as the matrix's cells mark them; nothing when no
/// answer has one.
pub fn matrix_notes(body: &mut Body, view: &View<'_>) {
    for note in view.matrix_notes() {
        body.open_p(Para::style("TableText"));
        body.run(&format!("{} ", superscript(note.mark)), Fmt::PLAIN);
        body.run(
            &format!("{}, {}: ", view.names.heading(note.case), note.check_label),
            Fmt::BOLD,
        );
        body.run_in(note.note.text, note.note.lang, Fmt::PLAIN);
        body.close_p();
    }
}

/// A group's cases down, its checks across, each answer shaded as in the HTML page. No
/// paragraph follows, so that a landscape section can end right after the table.
pub fn matrix(body: &mut Body, view: &View<'_>, group: &CaseGroup<'_>) {
    let report = view.report;
    let l = view.labels;
    let checks: Vec<_> = group
        .checks
        .iter()
        .map(|&i| &report.meta.checks[i])
        .collect();
    let mut widths = vec![NUMBER_COLUMN];
    let rest = body.text_width().saturating_sub(NUMBER_COLUMN);
    widths.extend(split(rest, &vec![1; checks.len()]));
    tables::open(body, &widths, Look::Data, 0);
    body.keep_together = true;
    tables::open_row(body, true, None);
    let header = Cell::HEADER;
    tables::cell(body, widths[0], header, |body| {
        body.paragraph(
            Para::style("TableText"),
            &l.col_case,
            Fmt {
                size: Some(17),
                ..Fmt::HEADER
            },
        );
    });
    let shown = group.checks.iter().map(|&i| &view.checks[i]);
    for (check, width) in shown.zip(&widths[1..]) {
        tables::cell(body, *width, header, |body| {
            body.lang = check.label.lang.map(super::word_language);
            body.paragraph(
                Para {
                    align: Some("center"),
                    ..Para::style("TableText")
                },
                check.label.text,
                Fmt {
                    size: Some(17),
                    ..Fmt::HEADER
                },
            );
            body.lang = None;
        });
    }
    tables::close_row(body);
    let cases = &report.cases[group.cases.clone()];
    let notes = view.matrix_notes();
    for (i, case) in cases.iter().enumerate() {
        let key = report.meta.case_key(case);
        tables::keep_row(body, i, cases.len());
        tables::open_row(body, false, None);
        tables::text_cell(body, widths[0], Cell::BODY, &view.names.list(&[key]), None);
        for (check, width) in checks.iter().zip(&widths[1..]) {
            let answer = case
                .checks
                .iter()
                .find(|a| a.id == check.id)
                .map(|a| a.answer);
            let fill = match answer {
                Some(Answer::Yes) => Some("E3F1E6"),
                Some(Answer::No) => Some(super::styles::NO_PALE),
                Some(Answer::Partial | Answer::Unclear | Answer::Split) => Some("FDF2D0"),
                Some(Answer::NotApplicable) | None => None,
            };
            let mut text = answer.map_or("–", |a| answer_label(l, a)).to_string();
            if let Some(mark) = mark_of(&notes, key, &check.id) {
                text.push_str(&superscript(mark));
            }
            tables::text_cell(
                body,
                *width,
                Cell { fill, ..Cell::BODY },
                &text,
                Some("center"),
            );
        }
        tables::close_row(body);
    }
    tables::close(body);
    body.keep_together = false;
}

fn or_dash(text: String) -> String {
    if text.is_empty() { "–".into() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_shares_of_all_cases() {
        assert_eq!(bar_steps(16, 16), BAR_STEPS);
        assert_eq!(bar_steps(8, 16), BAR_STEPS / 2);
        assert_eq!(bar_steps(7, 16), 9);
        assert_eq!(bar_steps(1, 16), 1);
        assert_eq!(bar_steps(1, 20_000), 1, "a theme any case has shows");
        assert_eq!(bar_steps(0, 16), 0);
        assert_eq!(
            bar_steps(3, 0),
            BAR_STEPS,
            "never more than the whole width"
        );
    }
}
