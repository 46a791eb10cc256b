//! The comparison itself: two snapshots of one meeting in, what moved out, as plain data.
//!
//! Cases are matched by their file, not their number, because adding a case renumbers
//! those after it; a point by its heading and its member, then by its words, so that a
//! reworded point reads as one change rather than one removal and one addition.

use std::collections::{BTreeMap, BTreeSet};

use crate::diff::{Op, ops};

use super::snapshot::{Case, CaseRef, Observation, Point, Snapshot};

/// Past this many words a point is not diffed word by word but shown replaced.
const MAX_WORDS: usize = 2000;
/// Two points under one heading are taken for one reworded when at least this share of
/// their words is common.
const REWORDED: f64 = 0.5;

/// What moved in one meeting's report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub cases_added: Vec<CaseRef>,
    pub cases_removed: Vec<CaseRef>,
    pub tallies: Vec<Tally>,
    pub judgements: Vec<Answer>,
    pub checks: Vec<Answer>,
    pub points: Vec<PointChange>,
    pub observations: Vec<ObservationChange>,
}

/// A theme whose cases changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub theme: String,
    pub label: String,
    pub before: usize,
    pub after: usize,
    pub added: Vec<CaseRef>,
    pub removed: Vec<CaseRef>,
}

/// A judgement (`check` is `None`) or a check answer that changed on one case.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub case: CaseRef,
    pub check: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PointChange {
    pub case: CaseRef,
    pub section: Option<String>,
    pub change: Edit,
}

/// How a piece of text changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Added(String),
    Removed(String),
    /// Its words in order, each kept, removed or added.
    Reworded(Vec<(Op, String)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationChange {
    pub number: String,
    /// The observation's own text; `None` when only its response changed.
    pub text: Option<Edit>,
    pub response: Option<Edit>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// What changed from `before` to `after`.
pub fn compare(before: &Snapshot, after: &Snapshot) -> Changes {
    let old = keyed(&before.cases, Case::key);
    let new = keyed(&after.cases, Case::key);
    let (old_keys, new_keys): (BTreeMap<_, _>, BTreeMap<_, _>) = (
        old.iter().map(|(k, c)| (k, *c)).collect(),
        new.iter().map(|(k, c)| (k, *c)).collect(),
    );
    let mut changes = Changes {
        cases_added: new
            .iter()
            .filter(|(k, _)| !old_keys.contains_key(k))
            .map(|(_, c)| c.name())
            .collect(),
        cases_removed: old
            .iter()
            .filter(|(k, _)| !new_keys.contains_key(k))
            .map(|(_, c)| c.name())
            .collect(),
        tallies: tallies(before, after),
        ..Changes::default()
    };
    for (key, case) in &new {
        let Some(was) = old_keys.get(key) else {
            continue;
        };
        if was.judgement != case.judgement {
            changes.judgements.push(Answer {
                case: case.name(),
                check: None,
                before: was.judgement.clone(),
                after: case.judgement.clone(),
            });
        }
        let ids: BTreeSet<&String> = was.checks.keys().chain(case.checks.keys()).collect();
        for id in ids {
            let (b, a) = (was.checks.get(id), case.checks.get(id));
            if b != a {
                changes.checks.push(Answer {
                    case: case.name(),
                    check: Some(id.clone()),
                    before: b.cloned(),
                    after: a.cloned(),
                });
            }
        }
        changes
            .points
            .extend(points(case.name(), &was.feedback, &case.feedback));
    }
    changes.observations = observations(before, after);
    changes
}

fn tallies(before: &Snapshot, after: &Snapshot) -> Vec<Tally> {
    let cases = |s: &Snapshot| -> BTreeMap<String, (String, BTreeSet<CaseRef>)> {
        s.themes
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    (t.label.clone(), t.cases.iter().cloned().collect()),
                )
            })
            .collect()
    };
    let (old, new) = (cases(before), cases(after));
    // In the order the report lists its themes now, then those it no longer has.
    let order = after
        .themes
        .iter()
        .chain(&before.themes)
        .map(|t| &t.id)
        .collect::<Vec<_>>();
    let mut seen = BTreeSet::new();
    let empty = (String::new(), BTreeSet::new());
    order
        .into_iter()
        .filter(|id| seen.insert(*id))
        .filter_map(|id| {
            let (old_label, was) = old.get(id).unwrap_or(&empty);
            let (new_label, now) = new.get(id).unwrap_or(&empty);
            (was != now).then(|| Tally {
                theme: id.clone(),
                label: if new_label.is_empty() {
                    old_label
                } else {
                    new_label
                }
                .clone(),
                before: was.len(),
                after: now.len(),
                added: now.difference(was).cloned().collect(),
                removed: was.difference(now).cloned().collect(),
            })
        })
        .collect()
}

/// The points of one case that changed, heading by heading.
fn points(case: CaseRef, before: &[Point], after: &[Point]) -> Vec<PointChange> {
    let place = |p: &Point| (p.section.clone(), p.member.clone());
    let mut gone: Vec<&Point> = before.iter().collect();
    let mut added: Vec<&Point> = Vec::new();
    for point in after {
        match gone
            .iter()
            .position(|p| place(p) == place(point) && p.text == point.text)
        {
            Some(i) => {
                gone.remove(i);
            }
            None => added.push(point),
        }
    }
    let mut out = Vec::new();
    for point in added {
        let best = gone
            .iter()
            .enumerate()
            .filter(|(_, p)| place(p) == place(point))
            .map(|(i, p)| (i, likeness(&p.text, &point.text)))
            .filter(|(_, score)| *score >= REWORDED)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let change = match best {
            Some((i, _)) => Edit::Reworded(words(&gone.remove(i).text, &point.text)),
            None => Edit::Added(point.text.clone()),
        };
        out.push(PointChange {
            case: case.clone(),
            section: point.section.clone(),
            change,
        });
    }
    out.extend(gone.into_iter().map(|p| PointChange {
        case: case.clone(),
        section: p.section.clone(),
        change: Edit::Removed(p.text.clone()),
    }));
    out
}

fn observations(before: &Snapshot, after: &Snapshot) -> Vec<ObservationChange> {
    let file = |o: &Observation| o.file.clone();
    let old = keyed(&before.observations, file);
    let new = keyed(&after.observations, file);
    let old_keys: BTreeMap<&String, &Observation> = old.iter().map(|(k, o)| (k, *o)).collect();
    let new_keys: BTreeSet<&String> = new.iter().map(|(k, _)| k).collect();
    let mut out = Vec::new();
    for (key, now) in &new {
        let change = match old_keys.get(key) {
            None => ObservationChange {
                number: now.number.clone(),
                text: Some(Edit::Added(now.text.clone())),
                response: (!now.response.is_empty()).then(|| Edit::Added(now.response.clone())),
            },
            Some(was) => ObservationChange {
                number: now.number.clone(),
                text: edit(&was.text, &now.text),
                response: edit(&was.response, &now.response),
            },
        };
        if change.text.is_some() || change.response.is_some() {
            out.push(change);
        }
    }
    out.extend(
        old.iter()
            .filter(|(k, _)| !new_keys.contains(k))
            .map(|(_, o)| ObservationChange {
                number: o.number.clone(),
                text: Some(Edit::Removed(o.text.clone())),
                response: None,
            }),
    );
    out
}

/// Each item by its key, a key met again numbered by its occurrence ("cases/a#2"), so
/// that a report.json naming one file twice still pairs each item with one other.
fn keyed<T>(items: &[T], key: impl Fn(&T) -> String) -> Vec<(String, &T)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    items
        .iter()
        .map(|item| {
            let key = key(item);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            match n {
                1 => (key, item),
                n => (format!("{key}#{n}"), item),
            }
        })
        .collect()
}

/// How `before` became `after`, or `None` when it did not change.
fn edit(before: &str, after: &str) -> Option<Edit> {
    match (before.is_empty(), after.is_empty()) {
        _ if before == after => None,
        (true, _) => Some(Edit::Added(after.to_string())),
        (_, true) => Some(Edit::Removed(before.to_string())),
        _ => Some(Edit::Reworded(words(before, after))),
    }
}

/// `before` and `after` word by word, each run of words kept, removed or added together
/// as one item: "appointed [-after the 48 hour mark.-] {+late.+}".
pub fn words(before: &str, after: &str) -> Vec<(Op, String)> {
    let old: Vec<&str> = before.split_whitespace().collect();
    let new: Vec<&str> = after.split_whitespace().collect();
    let mut runs: Vec<(Op, String)> = Vec::new();
    for (op, word) in ops(&old, &new, MAX_WORDS) {
        match runs.last_mut() {
            Some((last, run)) if *last == op => {
                run.push(' ');
                run.push_str(word);
            }
            _ => runs.push((op, word.to_string())),
        }
    }
    runs
}

/// The share of the two texts' words that they have in common, from 0 to 1.
fn likeness(a: &str, b: &str) -> f64 {
    let old: Vec<&str> = a.split_whitespace().collect();
    let new: Vec<&str> = b.split_whitespace().collect();
    let same = ops(&old, &new, MAX_WORDS)
        .iter()
        .filter(|(op, _)| *op == Op::Same)
        .count();
    let total = old.len() + new.len();
    if total == 0 {
        return 1.0;
    }
    (2 * same) as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::snapshot::Theme;

    fn case(n: u64, judgement: &str, points: &[(&str, &str)]) -> Case {
        Case {
            case: n,
            id: None,
            file: format!("cases/case-{n:02}.md"),
            title: None,
            judgement: Some(judgement.into()),
            checks: BTreeMap::from([("hcso".to_string(), "yes".to_string())]),
            feedback: points
                .iter()
                .map(|(section, text)| Point {
                    section: Some(section.to_string()),
                    text: text.to_string(),
                    member: None,
                })
                .collect(),
        }
    }

    fn theme(id: &str, cases: &[u64]) -> Theme {
        Theme {
            id: id.into(),
            label: id.to_uppercase(),
            cases: cases.iter().map(|n| CaseRef::Number(*n)).collect(),
        }
    }

    #[test]
    fn the_same_report_has_no_changes() {
        let s = Snapshot {
            cases: vec![case(1, "appropriate", &[("Risk", "Late contact.")])],
            themes: vec![theme("late", &[1])],
            ..Snapshot::default()
        };
        assert!(compare(&s, &s).is_empty());
    }

    #[test]
    fn a_tally_a_judgement_and_a_reworded_point_are_each_found() {
        let before = Snapshot {
            cases: vec![
                case(
                    1,
                    "appropriate",
                    &[("Risk", "The victim was not updated by the officer.")],
                ),
                case(9, "appropriate", &[]),
            ],
            themes: vec![theme("victim-not-updated", &[1, 2, 3])],
            ..Snapshot::default()
        };
        let mut after = before.clone();
        after.cases[1].judgement = Some("inappropriate".into());
        after.cases[1].checks.insert("hcso".into(), "no".into());
        after.cases[0].feedback[0].text = "The victim was never updated by the officer.".into();
        after.themes = vec![theme("victim-not-updated", &[1, 2, 3, 9])];
        let changes = compare(&before, &after);
        assert_eq!(
            changes.tallies,
            vec![Tally {
                theme: "victim-not-updated".into(),
                label: "VICTIM-NOT-UPDATED".into(),
                before: 3,
                after: 4,
                added: vec![CaseRef::Number(9)],
                removed: vec![],
            }]
        );
        assert_eq!(
            changes.judgements[0].after.as_deref(),
            Some("inappropriate")
        );
        assert_eq!(changes.checks[0].before.as_deref(), Some("yes"));
        let Edit::Reworded(words) = &changes.points[0].change else {
            panic!("expected a rewording, got {:?}", changes.points);
        };
        let changed: Vec<_> = words.iter().filter(|(op, _)| *op != Op::Same).collect();
        assert_eq!(
            changed,
            vec![
                &(Op::Gone, "not".to_string()),
                &(Op::Added, "never".to_string())
            ]
        );
    }

    #[test]
    fn a_point_in_other_words_is_removed_and_another_added() {
        let before = Snapshot {
            cases: vec![case(1, "a", &[("Risk", "Late contact with the victim.")])],
            ..Snapshot::default()
        };
        let mut after = before.clone();
        after.cases[0].feedback[0].text = "Body-worn video was not used.".into();
        let kinds: Vec<_> = compare(&before, &after)
            .points
            .into_iter()
            .map(|p| match p.change {
                Edit::Added(_) => "added",
                Edit::Removed(_) => "removed",
                Edit::Reworded(_) => "reworded",
            })
            .collect();
        assert_eq!(kinds, ["added", "removed"]);
    }

    #[test]
    fn a_case_moved_into_a_folder_is_the_same_case() {
        let before = Snapshot {
            cases: vec![case(6, "a", &[])],
            ..Snapshot::default()
        };
        let mut after = before.clone();
        after.cases[0].file = "cases/case-06/case.md".into();
        assert!(compare(&before, &after).is_empty());
    }

    #[test]
    fn an_added_response_is_an_observation_change() {
        let observation = |response: &str| Observation {
            number: "4.1".into(),
            file: "observations/01.md".into(),
            text: "Members queried MAVIS.".into(),
            response: response.into(),
        };
        let before = Snapshot {
            observations: vec![observation("")],
            ..Snapshot::default()
        };
        let after = Snapshot {
            observations: vec![observation("Agreed.")],
            ..Snapshot::default()
        };
        let changes = compare(&before, &after).observations;
        assert_eq!(changes[0].text, None);
        assert_eq!(changes[0].response, Some(Edit::Added("Agreed.".into())));
    }

    proptest::proptest! {
        /// A report compared with itself has no changes, and one compared with nothing has
        /// every case added, whatever its files, duplicates included.
        #[test]
        fn a_report_is_unchanged_from_itself(
            cases in proptest::collection::vec(
                (0u64..4, "[a-c]{1,2}", proptest::collection::vec(("[xy]", "[a-c ]{0,6}"), 0..4)),
                0..6,
            )
        ) {
            let snapshot = Snapshot {
                cases: cases
                    .iter()
                    .map(|(n, file, points)| Case {
                        file: format!("cases/{file}.md"),
                        feedback: points
                            .iter()
                            .map(|(section, text)| Point {
                                section: Some(section.clone()),
                                text: text.clone(),
                                member: None,
                            })
                            .collect(),
                        ..case(*n, "a", &[])
                    })
                    .collect(),
                ..Snapshot::default()
            };
            proptest::prop_assert!(compare(&snapshot, &snapshot).is_empty());
            let added = compare(&Snapshot::default(), &snapshot).cases_added.len();
            proptest::prop_assert_eq!(added, snapshot.cases.len());
        }
    }
}
