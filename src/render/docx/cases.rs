//! One case of section 2.0: its heading, its facts box (the fields `case_facts:` names,
//! and the panel's judgement), its checklist answers, its feedback points under their
//! own headings, and the themes it was found to have.
//!
//! The heading, the facts and the checklist are kept with the first point, so a case
//! never starts at the foot of a page with its feedback on the next.

use super::blocks::{Place, blocks};
use super::body::{Body, Fmt, Para};
use super::styles::MUTED;
use crate::model::{Section, plain_text};
use crate::view::wording::answer_label;
use crate::view::{CaseView, View};

/// Writes the case and returns the bookmark of its heading, for links to it.
pub fn case_section(view: &View<'_>, shown: &CaseView<'_>, body: &mut Body) -> Option<String> {
    let mark = body.heading(2, &shown.heading, false);
    let label = Fmt {
        color: Some(MUTED),
        ..Fmt::PLAIN
    };
    if let Some(carried) = view.carried_from(shown.case) {
        body.paragraph(
            Para {
                keep_next: true,
                ..Para::default()
            },
            &carried,
            Fmt {
                italic: true,
                ..label
            },
        );
    }
    if !shown.facts.is_empty() {
        body.open_p(Para {
            keep_next: true,
            ..Para::style("CaseFacts")
        });
        for (i, fact) in shown.facts.iter().enumerate() {
            if i > 0 {
                body.run("     ", Fmt::PLAIN);
            }
            body.run(&format!("{}: ", fact.label), label);
            match fact.swatch {
                Some(swatch) => body.swatch_run(&fact.value, &swatch.fill_hex(), &swatch.ink_hex()),
                None => body.run(&fact.value, Fmt::BOLD),
            }
        }
        body.close_p();
    }
    if !shown.answers.is_empty() {
        body.open_p(Para {
            keep_next: true,
            ..Para::style("CaseFacts")
        });
        body.run(&format!("{}: ", view.labels.checklist), Fmt::BOLD);
        for (i, a) in shown.answers.iter().enumerate() {
            if i > 0 {
                body.run(" · ", label);
            }
            body.run(&format!("{}: ", a.label), label);
            let l = view.labels;
            let text = a
                .answer
                .map_or(l.not_recorded.as_str(), |a| answer_label(l, a));
            body.run(text, Fmt::BOLD);
            if let Some(note) = a.note {
                body.run(" – ", Fmt::PLAIN);
                body.run_in(note.text, note.lang, Fmt::PLAIN);
            }
        }
        body.close_p();
    }
    body.in_language(shown.body.lang, |body| {
        let place = Place::points(shown.body.point_langs);
        case_sections(body, shown.body.sections, 3, place);
    });
    super::case_response::case_response(view, shown, body);
    super::case_response::restricted_notes(view, shown, body);
    if !shown.themes.is_empty() {
        let labels: Vec<&str> = shown.themes.iter().map(|id| view.theme_label(id)).collect();
        body.open_p(Para {
            before: Some(60),
            ..Para::default()
        });
        body.run(
            &format!("{}: ", view.labels.themes),
            Fmt {
                bold: true,
                ..Fmt::MUTED
            },
        );
        body.run(&labels.join("; "), Fmt::MUTED);
        body.close_p();
    }
    mark
}

/// A case's sections under Heading 3, the sections nested in them under Heading 4 (the
/// deepest heading style the report has, so deeper ones share it).
fn case_sections(body: &mut Body, sections: &[Section], level: u8, place: Place<'_>) {
    for section in sections {
        if let Some(heading) = &section.heading {
            let text = plain_text(heading);
            if !text.trim().is_empty() {
                body.in_language(place.points.heading(section), |body| {
                    body.heading(level, &text, false);
                });
            }
        }
        blocks(body, &section.blocks, place);
        case_sections(body, &section.children, (level + 1).min(4), place);
    }
}
