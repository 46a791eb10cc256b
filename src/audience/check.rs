//! What an audience's `fields:` and `hide:` mean for the folder's cases: the fields a
//! copy leaves out, the lines of a case file that hold them (which the personal-data scan
//! of the published copy does not read), and the names that match no field, since a
//! mistyped name in `hide:` would leave the field in the copy.

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{Audience, Report};

use super::carries::join_and;

/// The code of the warning that `fields:` or `hide:` names a field no case has;
/// `build --publish` refuses it, since the field it meant may be published.
pub const UNKNOWN_FIELD: &str = "audience-field-in-no-case";

/// Every field the cases give or the panel declares, by name, once each.
fn known(report: &Report) -> Vec<&str> {
    let mut known: Vec<&str> = report
        .meta
        .fields
        .iter()
        .map(|f| f.id.as_str())
        .chain(report.cases.iter().flat_map(|c| {
            c.fields
                .iter()
                .map(|(n, _)| n.as_str())
                .chain(c.lists.iter().map(|(n, _)| n.as_str()))
        }))
        .collect();
    known.sort_unstable();
    known.dedup();
    known
}

/// Warns about each name in an audience's `fields:` or `hide:` that is no field.
pub fn check(report: &Report, diagnostics: &mut Diagnostics) {
    packs_audience(report, diagnostics);
    let known = known(report);
    for audience in &report.meta.audiences {
        for name in audience.named_fields() {
            if known.contains(&name.value.as_str()) {
                continue;
            }
            let hint = match did_you_mean(&name.value, known.iter().copied()) {
                Some(like) => format!("did you mean `{like}`?"),
                None if known.is_empty() => "no case gives a field of its own".to_string(),
                None => format!("the fields cases give are {}", one_of(&known)),
            };
            diagnostics.push(
                Diagnostic::warning(
                    &name.source,
                    name.loc,
                    format!(
                        "no case has the field `{}` that the audience `{}` names",
                        name.value, audience.name.value
                    ),
                )
                .width(name.value.chars().count())
                .hint(hint)
                .code(UNKNOWN_FIELD),
            );
        }
    }
}

/// `packs_audience:` must name a copy of `audiences:`, or `pack` would refuse what `check`
/// had passed.
fn packs_audience(report: &Report, diagnostics: &mut Diagnostics) {
    let Some(given) = &report.meta.packs_audience else {
        return;
    };
    let names: Vec<&str> = report
        .meta
        .audiences
        .iter()
        .map(|a| a.name.value.as_str())
        .collect();
    if names.contains(&given.value.as_str()) {
        return;
    }
    let hint = match did_you_mean(&given.value, names.iter().copied()) {
        Some(like) => format!("did you mean `{like}`?"),
        None if names.is_empty() => "declare the copy under `audiences:`, or leave `packs_audience:` out to show every field in the packs".to_string(),
        None => format!("give one of {}", one_of(&names)),
    };
    diagnostics.push(
        Diagnostic::error(
            &given.source,
            given.loc,
            format!(
                "`packs_audience: {}` names no audience of `audiences:`",
                given.value
            ),
        )
        .width(given.value.chars().count())
        .hint(hint),
    );
}

/// The fields of `report` that `audience`'s copy leaves out, by name.
pub fn hidden<'r>(report: &'r Report, audience: &Audience) -> Vec<&'r str> {
    known(report)
        .into_iter()
        .filter(|f| audience.hides(f))
        .collect()
}

/// What `check` says of each copy: its marking, the fields it leaves out, and for the
/// published one how many of the warnings found (`blocking`, those `build --publish`
/// refuses) stand in its way. Nothing when the report declares no audiences.
pub fn summary(report: &Report, blocking: usize) -> Vec<String> {
    report
        .meta
        .audiences
        .iter()
        .map(|audience| {
            let marking = audience
                .marking
                .as_deref()
                .or(report.meta.marking.as_deref())
                .unwrap_or("no marking");
            let hidden = hidden(report, audience);
            let shows = if hidden.is_empty() {
                "shows every field".to_string()
            } else {
                let names: Vec<String> = hidden.iter().map(|f| format!("`{f}`")).collect();
                format!("hides {}", join_and(&names))
            };
            let publishing = match (audience.is_public(), blocking) {
                (false, _) => "not published".to_string(),
                (true, 0) => "nothing blocks publishing".to_string(),
                (true, 1) => "1 warning above blocks publishing".to_string(),
                (true, n) => format!("{n} warnings above block publishing"),
            };
            format!(
                "the {} copy ({marking}): {shows}; {publishing}",
                audience.name.value
            )
        })
        .collect()
}

/// For each line of a case file's `text`, whether it belongs to a front-matter field
/// `audience` hides: the key's line and the lines of its value beneath it.
pub fn hidden_lines(text: &str, audience: &Audience) -> Vec<bool> {
    let mut lines = text.split('\n');
    let mut out = Vec::new();
    if lines.next().map(str::trim_end) != Some("---") {
        return out;
    }
    out.push(false);
    let mut hiding = false;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            break;
        }
        let top_level = !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty();
        if top_level {
            let key = line.split(':').next().unwrap_or_default();
            hiding = audience.hides(key.trim().trim_matches(['"', '\'']));
        }
        out.push(hiding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Loc, SourceId};
    use crate::model::{Case, Field, Located, Shown};

    fn at(name: &str) -> Located<String> {
        Located {
            value: name.into(),
            loc: Loc::new(3, 5),
            source: SourceId::new("report.yaml"),
        }
    }

    fn public(hide: &[&str]) -> Audience {
        Audience {
            name: at("public"),
            marking: None,
            shown: Shown::AllBut(hide.iter().map(|n| at(n)).collect()),
            suppress_below: None,
            restricted_notes: false,
        }
    }

    #[test]
    fn a_hidden_field_s_lines_are_its_key_and_its_value_beneath_it() {
        let text = "---\ncase: 1\ncrime_ref: CR/1/21\noic:\n  - PC 123\n  - PC 456\nstrand: race\n---\n- crime_ref: CR/1/21\n";
        let lines = hidden_lines(text, &public(&["crime_ref", "oic"]));
        assert_eq!(lines, [false, false, true, true, true, true, false]);
        assert!(hidden_lines("- no front matter\n", &public(&["oic"])).is_empty());
    }

    #[test]
    fn a_name_no_case_has_is_warned_about_with_the_likely_one() {
        let mut report = Report::default();
        report.meta.audiences = vec![public(&["crime_rf", "oic"])];
        report.cases.push(Case {
            fields: vec![
                ("crime_ref".into(), Field::Text("CR/1/21".into())),
                ("oic".into(), Field::Text("PC 123".into())),
            ],
            ..Case::default()
        });
        let mut d = Diagnostics::default();
        check(&report, &mut d);
        let all = d.brief();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0].starts_with("3:5 no case has the field `crime_rf`"),
            "{all:?}"
        );
        assert!(all[0].ends_with("did you mean `crime_ref`?"), "{all:?}");
        assert_eq!(hidden(&report, &report.meta.audiences[0]), ["oic"]);
        assert_eq!(
            summary(&report, 2),
            ["the public copy (no marking): hides `oic`; 2 warnings above block publishing"]
        );
    }
}
