//! Who raised what, for a panel whose members review on their own: each member's cases
//! reviewed, points and themes, for each theme and case how many of the members who
//! reviewed the case raised it, and where members' own judgements and checklist answers
//! differ from the panel's agreed one. Read from the themes' evidence, so a member
//! "raises" a theme exactly where a point of theirs is counted for it. For the panel's
//! own use: the report never shows it.

use std::collections::{BTreeMap, BTreeSet};

use crate::analyse::Analysis;
use crate::model::{Answer, Case, CaseKey, Report, Review};

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

/// One member's file in one case folder, with the themes their points in it count for:
/// a row of the workbook's Members sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberReview<'a> {
    pub key: CaseKey,
    pub case: &'a Case,
    pub review: &'a Review,
    /// Theme ids in the tally's order.
    pub themes: Vec<&'a str>,
}

/// Every member's file in every case folder, member by member in `members:` order, then
/// case by case in the report's order, so that a filter on either column reads in order.
pub fn reviews<'a>(report: &'a Report, analysis: &'a Analysis) -> Vec<MemberReview<'a>> {
    // One pass over the evidence, since a meeting may have thousands of both.
    let mut raised: BTreeMap<(CaseKey, &str), BTreeSet<usize>> = BTreeMap::new();
    for (t, theme) in analysis.themes.iter().enumerate() {
        for e in &theme.evidence {
            let member = report
                .case(e.case)
                .zip(e.point)
                .and_then(|(case, p)| case.points.get(p))
                .and_then(|p| p.member.as_deref());
            if let Some(member) = member {
                raised.entry((e.case, member)).or_default().insert(t);
            }
        }
    }
    let mut rows = Vec::new();
    for member in &report.meta.members {
        let id = member.id.value.as_str();
        for case in &report.cases {
            let Some(review) = case.reviews.iter().find(|r| r.member == id) else {
                continue;
            };
            let key = report.meta.case_key(case);
            let themes = raised
                .get(&(key, id))
                .into_iter()
                .flatten()
                .map(|&t| analysis.themes[t].id.as_str())
                .collect();
            rows.push(MemberReview {
                key,
                case,
                review,
                themes,
            });
        }
    }
    rows
}

/// One question of a case on which members' own answers differ from the panel's: its
/// judgement, or one check. "Judged appropriate by 2 of 3; the panel agreed: appropriate
/// with observations."
#[derive(Debug, Clone, PartialEq)]
pub struct Difference<'a, T> {
    pub case: &'a Case,
    /// The check asked, or `None` for the judgement.
    pub check: Option<&'a str>,
    /// The case.md answer, which the report counts; `None` when it has none yet.
    pub agreed: Option<T>,
    /// Each answer members gave with the ids of those who gave it, in `members:` order,
    /// most members first.
    pub given: Vec<(T, Vec<&'a str>)>,
}

impl<T> Difference<'_, T> {
    /// How many members answered the question: the "of 3".
    pub fn answered(&self) -> usize {
        self.given.iter().map(|(_, members)| members.len()).sum()
    }
}

/// Where members' own answers differ from the panel's agreed ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Differences<'a> {
    pub judgements: Vec<Difference<'a, &'a str>>,
    pub checks: Vec<Difference<'a, Answer>>,
}

impl Differences<'_> {
    pub fn is_empty(&self) -> bool {
        self.judgements.is_empty() && self.checks.is_empty()
    }
}

/// Each case whose members' own `judgement:` or `checks:` differ from its case.md, in
/// the report's order, checks in report.yaml's order. A question no member answered, or
/// every member answered as the panel agreed, is left out.
pub fn differences(report: &Report) -> Differences<'_> {
    let mut found = Differences::default();
    for case in report.cases.iter().filter(|c| !c.reviews.is_empty()) {
        let judged = case.reviews.iter().filter_map(|r| {
            let judgement = r.judgement.as_ref()?;
            Some((judgement.value.as_str(), r.member.as_str()))
        });
        let agreed = case.judgement.as_ref().map(|j| j.value.as_str());
        found
            .judgements
            .extend(difference(case, None, agreed, judged));
        for check in &report.meta.checks {
            let id = check.id.as_str();
            let answered = case.reviews.iter().filter_map(|r| {
                let answer = r.checks.iter().find(|a| a.id == id)?;
                Some((answer.answer, r.member.as_str()))
            });
            let agreed = case.checks.iter().find(|a| a.id == id).map(|a| a.answer);
            found
                .checks
                .extend(difference(case, Some(id), agreed, answered));
        }
    }
    found
}

/// The members' `answers` to one question beside the `agreed` one, if any differs.
fn difference<'a, T: PartialEq + Copy>(
    case: &'a Case,
    check: Option<&'a str>,
    agreed: Option<T>,
    answers: impl Iterator<Item = (T, &'a str)>,
) -> Option<Difference<'a, T>> {
    let mut given: Vec<(T, Vec<&str>)> = Vec::new();
    for (answer, member) in answers {
        match given.iter_mut().find(|(a, _)| *a == answer) {
            Some((_, members)) => members.push(member),
            None => given.push((answer, vec![member])),
        }
    }
    if given.iter().all(|(answer, _)| Some(*answer) == agreed) {
        return None;
    }
    // Stable, so answers as common keep the order members gave them.
    given.sort_by_key(|(_, members)| std::cmp::Reverse(members.len()));
    Some(Difference {
        case,
        check,
        agreed,
        given,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked() -> crate::Checked {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/members");
        crate::check(&dir)
    }

    #[test]
    fn members_answers_that_differ_stand_beside_the_panels() {
        let checked = checked();
        let found = differences(&checked.report);
        let judged: Vec<_> = found
            .judgements
            .iter()
            .map(|d| (d.case.id(), d.agreed, d.given.clone(), d.answered()))
            .collect();
        assert_eq!(
            judged,
            [(
                "2".to_string(),
                Some("appropriate-with-observations"),
                vec![
                    ("appropriate", vec!["alice"]),
                    ("appropriate-with-observations", vec!["carol"])
                ],
                2
            )]
        );
        let checks: Vec<_> = found
            .checks
            .iter()
            .map(|d| (d.case.id(), d.check, d.agreed, d.given.clone()))
            .collect();
        assert_eq!(
            checks,
            [(
                "2".to_string(),
                Some("hcso_48h"),
                Some(Answer::No),
                vec![(Answer::No, vec!["alice"]), (Answer::Yes, vec!["carol"])]
            )]
        );
    }

    #[test]
    fn members_who_all_answer_as_the_panel_agreed_differ_in_nothing() {
        let mut checked = checked();
        for case in &mut checked.report.cases {
            for review in &mut case.reviews {
                review.judgement.clone_from(&case.judgement);
                review.checks.clone_from(&case.checks);
            }
        }
        assert!(differences(&checked.report).is_empty());
    }

    #[test]
    fn each_members_file_is_a_row_with_the_themes_its_points_count_for() {
        let checked = checked();
        let rows: Vec<_> = reviews(&checked.report, &checked.analysis)
            .into_iter()
            .map(|r| {
                (
                    r.review.member.as_str(),
                    r.case.id(),
                    r.review.points,
                    r.themes,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("alice", "2".to_string(), 1, vec!["late-hcso-contact"]),
                ("alice", "3".to_string(), 1, vec!["good-updates"]),
                (
                    "bob",
                    "2".to_string(),
                    2,
                    vec!["late-hcso-contact", "record-errors"]
                ),
                ("bob", "3".to_string(), 0, vec![]),
                ("carol", "2".to_string(), 1, vec!["late-hcso-contact"]),
                ("carol", "3".to_string(), 0, vec![]),
            ]
        );
    }

    #[test]
    fn the_most_common_answer_comes_first() {
        let mut checked = checked();
        let case = &mut checked.report.cases[1];
        let appropriate = case.reviews[0].judgement.clone();
        case.reviews[2].judgement.clone_from(&appropriate);
        let found = differences(&checked.report);
        assert_eq!(
            found.judgements[0].given,
            [("appropriate", vec!["alice", "carol"])]
        );
    }
}
