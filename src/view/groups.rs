//! The cases grouped by their type, as section 2.0 heads them and the checklist matrix
//! rows them: one group per type of `case_types:`, in its order, each asked only its own
//! checks, so that a use-of-force case never sits under eight search checks left blank.
//! A meeting without `case_types:` is one group with no heading and every check, laid
//! out as it always was.

use std::ops::Range;

use super::View;
use super::language::Shown;
use crate::model::Choice;

/// The cases of one type, or of no type.
pub struct CaseGroup<'a> {
    /// The type's label in this version, `None` for cases of no type: a meeting without
    /// `case_types:` has no heading over its cases.
    pub label: Option<Shown<'a>>,
    /// `cases-stop-search`, the id of the group's heading in the HTML page.
    pub anchor: Option<String>,
    /// Where its cases stand among the report's, which are sorted by type.
    pub cases: Range<usize>,
    /// The checks its matrix shows, as indices into report.yaml's `checks:` (and the
    /// view's `checks`), in that order: its type's, or every check for cases of no type.
    pub checks: Vec<usize>,
}

impl<'a> View<'a> {
    /// The report's cases by type, in the order of `case_types:`; cases of no type, which
    /// sort first, are a group without a heading.
    pub fn case_groups(&self) -> Vec<CaseGroup<'a>> {
        let report = self.report;
        let meta = &report.meta;
        let mut groups: Vec<CaseGroup<'a>> = Vec::new();
        let keys: Vec<_> = report.case_keys().collect();
        for (index, key) in keys.iter().enumerate() {
            match groups.last_mut() {
                Some(group) if index > 0 && keys[index - 1].kind == key.kind => {
                    group.cases.end = index + 1;
                }
                _ => {
                    let kind = meta.type_of(*key);
                    groups.push(CaseGroup {
                        label: kind.map(|t| self.tr(&t.label, &t.label_in)),
                        anchor: kind.map(|t| format!("cases-{}", t.id.value)),
                        cases: index..index + 1,
                        checks: checks_asked(&meta.checks, |id| kind.is_none_or(|t| t.asks(id))),
                    });
                }
            }
        }
        if groups.is_empty() {
            groups.push(CaseGroup {
                label: None,
                anchor: None,
                cases: 0..0,
                checks: checks_asked(&meta.checks, |_| true),
            });
        }
        groups
    }
}

fn checks_asked(checks: &[Choice], asks: impl Fn(&str) -> bool) -> Vec<usize> {
    checks
        .iter()
        .enumerate()
        .filter(|(_, c)| asks(&c.id))
        .map(|(i, _)| i)
        .collect()
}

impl CaseGroup<'_> {
    /// The caption of its checklist matrix: the report's, with the type's label after it
    /// when it has one.
    pub fn matrix_caption(&self, l: &crate::catalogue::Labels) -> String {
        match &self.label {
            Some(label) => format!("{}: {}", l.matrix_caption, label.text),
            None => l.matrix_caption.clone(),
        }
    }
}
