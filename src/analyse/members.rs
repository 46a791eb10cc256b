//! Who raised what, for a panel whose members review on their own: each member's cases
//! reviewed, points and themes, and for each theme and case how many of the members who
//! reviewed the case raised it. Read from the themes' evidence, so a member "raises" a
//! theme exactly where a point of theirs is counted for it. For the panel's own use: the
//! report never shows it.

use std::collections::BTreeSet;

use crate::analyse::Analysis;
use crate::model::{Case, Report};

/// One member's part in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberCounts<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The ids of the cases whose file of theirs has a point, in the report's order.
    pub reviewed: Vec<String>,
    pub points: usize,
    /// The ids of the themes a point of theirs is counted for, most cases first.
    pub themes: Vec<&'a str>,
}

/// How many of a case's reviewers raised a theme in it: "3 of 3 members".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement<'a> {
    pub theme: &'a str,
    pub case: String,
    pub raised: usize,
    pub reviewed: usize,
}

/// Each member of `members:` in order, then each theme's agreement case by case, in the
/// tally's order; a case written as one file has no members and is left out.
pub fn by_member<'a>(
    report: &'a Report,
    analysis: &'a Analysis,
) -> (Vec<MemberCounts<'a>>, Vec<Agreement<'a>>) {
    let reviewers = |case: &Case| case.reviews.iter().filter(|r| r.points > 0).count();
    let mut agreement = Vec::new();
    // (member, theme) pairs found, to list each member's themes.
    let mut raised_by: BTreeSet<(&str, usize)> = BTreeSet::new();
    for (t, theme) in analysis.themes.iter().enumerate() {
        for &key in &theme.cases {
            let Some(case) = report.case(key) else {
                continue;
            };
            if case.reviews.is_empty() {
                continue;
            }
            let members: BTreeSet<&str> = theme
                .evidence
                .iter()
                .filter(|e| e.case == key)
                .filter_map(|e| e.point.and_then(|p| case.points.get(p)))
                .filter_map(|p| p.member.as_deref())
                .collect();
            raised_by.extend(members.iter().map(|m| (*m, t)));
            agreement.push(Agreement {
                theme: &theme.id,
                case: case.id(),
                raised: members.len(),
                reviewed: reviewers(case),
            });
        }
    }
    let members = report
        .meta
        .members
        .iter()
        .map(|member| {
            let id = member.id.value.as_str();
            let mine = |case: &&Case| case.reviews.iter().any(|r| r.member == id && r.points > 0);
            MemberCounts {
                id,
                name: &member.name,
                reviewed: report.cases.iter().filter(mine).map(Case::id).collect(),
                points: report
                    .cases
                    .iter()
                    .flat_map(|c| &c.points)
                    .filter(|p| p.member.as_deref() == Some(id))
                    .count(),
                themes: analysis
                    .themes
                    .iter()
                    .enumerate()
                    .filter(|(t, _)| raised_by.contains(&(id, *t)))
                    .map(|(_, theme)| theme.id.as_str())
                    .collect(),
            }
        })
        .collect();
    (members, agreement)
}
