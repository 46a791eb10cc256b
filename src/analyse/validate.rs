//! Checks that need more than one file: case numbers across cases, and theme ids used in
//! cases and observations against themes.yaml.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{Located, Report};

pub fn validate(report: &Report, diagnostics: &mut Diagnostics) {
    case_numbers(report, diagnostics);
    theme_ids(report, diagnostics);
}

fn case_numbers(report: &Report, diagnostics: &mut Diagnostics) {
    let mut first: BTreeMap<u32, &str> = BTreeMap::new();
    for case in &report.cases {
        if let Some(other) = first.get(&case.number) {
            diagnostics.push(
                Diagnostic::error(
                    &case.file,
                    case.number_loc,
                    format!("case {} is also {other}", case.number),
                )
                .hint("each case needs its own number; renumber one of the two files"),
            );
        } else {
            first.insert(case.number, &case.file);
        }
    }
    // A case file with errors may be the "missing" case: the gap would only be noise.
    if diagnostics.has_errors() {
        return;
    }
    let numbers: Vec<u32> = first.keys().copied().collect();
    for pair in numbers.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        if after - before < 2 {
            continue;
        }
        let missing = if after - before == 2 {
            format!(
                "Case {} is missing between {before} and {after}",
                before + 1
            )
        } else {
            format!(
                "Cases {}–{} are missing between {before} and {after}",
                before + 1,
                after - 1
            )
        };
        let case = report.cases.iter().find(|c| c.number == after);
        if let Some(case) = case {
            diagnostics.push(
                Diagnostic::warning(&case.file, case.number_loc, missing)
                    .hint("if a case file was lost or its number mistyped, restore it; if the numbering is meant, ignore this"),
            );
        }
    }
}

fn theme_ids(report: &Report, diagnostics: &mut Diagnostics) {
    let Some(themes) = &report.themes else {
        return;
    };
    let ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    let mut check = |file: &str, id: &Located<String>, what: &str, width: usize| {
        if ids.contains(&id.value.as_str()) {
            return;
        }
        let hint = match did_you_mean(&id.value, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Themes are defined in themes.yaml"),
            None if ids.is_empty() => {
                "themes.yaml defines no themes; add this one there".to_string()
            }
            None => format!(
                "add `{}` to themes.yaml, or use one of {}",
                id.value,
                one_of(&ids)
            ),
        };
        diagnostics.push(
            Diagnostic::error(file, id.loc, format!("unknown theme `{}` {what}", id.value))
                .width(width + id.value.chars().count())
                .hint(hint),
        );
    };
    for case in &report.cases {
        for id in &case.themes {
            check(&case.file, id, "in `themes:`", 0);
        }
        for point in &case.points {
            for tag in &point.tags {
                check(&case.file, tag, "in a tag", 1);
            }
        }
    }
    for observation in &report.observations {
        for id in &observation.themes {
            check(&observation.file, id, "in `themes:`", 0);
        }
    }
}
