//! `build-report themes --by-member`: who raised what, for the panel before or after it
//! meets: each member's cases, points and themes, then for each theme and case how many of
//! the members who reviewed it raised it. It names members, so it is printed, never written.

use std::io::Write as _;

use crate::Checked;
use crate::analyse::members::by_member;
use crate::cli::{OK, plural, usage_error};
use crate::diagnostic::all_of;

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
    OK
}
