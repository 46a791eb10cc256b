//! `build-report themes --by-member`: who raised what, for the panel before or after it
//! meets: each member's cases, points and themes, then for each theme and case how many of
//! the members who reviewed it raised it, then members' own judgements and checklist
//! answers where they differ from the panel's agreed one. It names members, so it is
//! printed here and written only into members.html, which no public copy has.

use std::io::Write as _;

use crate::Checked;
use crate::analyse::members::{Difference, by_member, differences};
use crate::cli::{OK, plural, usage_error};
use crate::diagnostic::all_of;
use crate::view::View;
use crate::view::wording::answer_label;

pub(super) fn print(checked: &Checked) -> u8 {
    let report = &checked.report;
    if report.meta.members.is_empty() {
        return usage_error(
            "--by-member needs the panel's `members:`; list them in report.yaml, such as `members: {alice: Alice Jones}`",
        );
    }
    let (members, agreement) = by_member(report, &checked.analysis);
    let label = |id: &str| {
        checked
            .analysis
            .themes
            .iter()
            .find(|t| t.id == id)
            .map_or(id.to_string(), |t| t.label.clone())
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Members");
    for m in &members {
        let cases = match m.reviewed.len() {
            0 => "no case yet".to_string(),
            n => format!("case{} {}", plural(n), all_of(&m.reviewed)),
        };
        let _ = writeln!(
            out,
            "  {} ({}): reviewed {cases}; {} point{}",
            m.name,
            m.id,
            m.points,
            plural(m.points)
        );
        if !m.themes.is_empty() {
            let themes: Vec<String> = m.themes.iter().map(|t| label(t)).collect();
            let _ = writeln!(out, "    raised: {}", themes.join("; "));
        }
    }
    let _ = writeln!(out, "Themes, case by case");
    for a in &agreement {
        let _ = writeln!(
            out,
            "  {}: case {}: {} of {} member{}",
            label(a.theme),
            a.case,
            a.raised,
            a.reviewed,
            plural(a.reviewed)
        );
    }
    let found = differences(report);
    if !found.is_empty() {
        let view = View::new(report, &checked.analysis);
        let _ = writeln!(out, "Answers that differ from the panel's");
        for d in &found.judgements {
            let kind = d.case.kind();
            let given = given(d, |j| view.judgement_label_of(kind, j).to_string());
            let agreed = d
                .agreed
                .map(|j| view.judgement_label_of(kind, j).to_string());
            let _ = writeln!(out, "{}", line(d, "judged", &given, agreed));
        }
        for d in &found.checks {
            let label = |a| answer_label(view.labels, a).to_string();
            let asked = format!("{}:", view.check_label(d.check.unwrap_or_default()));
            let _ = writeln!(
                out,
                "{}",
                line(d, &asked, &given(d, label), d.agreed.map(label))
            );
        }
    }
    OK
}

/// `  case 2: judged Appropriate by 1 of 2 (alice) ...; the panel agreed: ...`.
fn line<T>(d: &Difference<'_, T>, asked: &str, given: &[String], agreed: Option<String>) -> String {
    format!(
        "  case {}: {asked} {}; the panel agreed: {}",
        d.case.id(),
        all_of(given),
        agreed.as_deref().unwrap_or("nothing yet")
    )
}

/// Each answer members gave: `Appropriate by 2 of 3 (alice, bob)`.
fn given<T: Copy>(d: &Difference<'_, T>, label: impl Fn(T) -> String) -> Vec<String> {
    let answered = d.answered();
    d.given
        .iter()
        .map(|(answer, members)| {
            format!(
                "{} by {} of {answered} ({})",
                label(*answer),
                members.len(),
                members.join(", ")
            )
        })
        .collect()
}
