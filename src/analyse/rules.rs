//! Deciding which cases have which themes, keeping the evidence for every match.
//!
//! Each point's text is normalised once, and each rule once, so the work grows with
//! cases × rules rather than anything worse. Tags are looked up in an index built in one
//! pass, because without themes.yaml every distinct tag is a theme, and visiting every
//! point for every theme would grow with the square of the report.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::analyse::{Evidence, EvidenceSource, Tally};
use crate::model::{Case, CaseKey, FieldTest, Meta, Negated, Report, Rule, Theme};
use crate::parse::normalise;

mod doubtful;
pub(super) mod field;
mod phrase;
pub use doubtful::{DoubtfulMatch, UNDECIDED_MATCH};
use field::field_match;
pub use phrase::Doubt;

#[cfg(test)]
mod recorded;

/// A rule of themes.yaml that held for no case, so gave its theme nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadRule {
    pub theme: String,
    /// The themes.yaml it is in.
    pub file: String,
    /// The line of its `- ` item in themes.yaml.
    pub line: usize,
    /// The rule as it reads in themes.yaml: `phrase: "after the 48 hour"`.
    pub rule: String,
}

/// A rule in the words of themes.yaml.
fn describe(rule: &Rule) -> String {
    match rule {
        Rule::Check { check, is } => {
            let answers: Vec<&str> = is.iter().map(|a| a.id()).collect();
            format!("check: {}, is: [{}]", check.value, answers.join(", "))
        }
        Rule::Field { name, .. } => format!("field: {name}"),
        Rule::Phrase { phrase, .. } => format!("phrase: \"{phrase}\""),
    }
}

/// The tally of every theme: themes.yaml's, or the tags used when there is none.
#[cfg(test)]
pub fn tally(report: &Report) -> Vec<Tally> {
    tally_themes(report).tallies
}

/// What matching every theme's rules against every case found.
pub struct Tallied {
    /// Most cases first.
    pub tallies: Vec<Tally>,
    /// The rules that held for no case, in themes.yaml's order.
    pub dead: Vec<DeadRule>,
    /// The phrases found only inside a word or after a negation, by theme in themes.yaml's
    /// order, then by case and line.
    pub doubtful: Vec<DoubtfulMatch>,
}

/// The tally of every theme: themes.yaml's, or the tags used when there is none.
pub fn tally_themes(report: &Report) -> Tallied {
    let themes: Vec<Theme> = match &report.themes {
        Some(themes) => themes.clone(),
        None => free_form_themes(report),
    };
    let normalised: Vec<Vec<String>> = report
        .cases
        .par_iter()
        .map(|case| case.points.iter().map(|p| normalise(&p.text)).collect())
        .collect();
    let tagged = tag_index(report);
    let index = case_index(report);
    // Each theme is matched on its own, in parallel, and kept in themes.yaml's order.
    let matched: Vec<(Tally, Vec<_>, Vec<DoubtfulMatch>)> = themes
        .par_iter()
        .map(|theme| {
            let over = counted_over(theme, &report.meta);
            let in_count = |case: &Case| over.is_none_or(|kind| case.kind() == Some(kind));
            let matcher = Matcher::new(theme, &report.meta.language);
            let mut evidence = Vec::new();
            let marks = tagged.get(theme.id.as_str()).map_or(&[][..], Vec::as_slice);
            if theme.rules.is_empty() {
                for group in marks.chunk_by(|a, b| a.0 == b.0) {
                    let case = group[0].0;
                    let key = report.meta.case_key(&report.cases[case]);
                    matcher.evidence(
                        &report.cases[case],
                        key,
                        &normalised[case],
                        group,
                        &mut evidence,
                    );
                }
            } else {
                let mut rest = marks;
                for (index, (case, points)) in report.cases.iter().zip(&normalised).enumerate() {
                    let (mine, after) = rest.split_at(rest.partition_point(|m| m.0 == index));
                    rest = after;
                    if in_count(case) {
                        let key = report.meta.case_key(case);
                        matcher.evidence(case, key, points, mine, &mut evidence);
                    }
                }
            }
            let dead = matcher.dead();
            let doubtful = matcher.doubtful.take();
            evidence.sort_by_key(|a| (index.get(a.file.as_str()), a.case, a.line, a.source));
            // By the case's place in the report, as two types each have a case 1.
            let cases: BTreeSet<usize> = evidence
                .iter()
                .filter_map(|e| index.get(e.file.as_str()).map(|&(case, _)| case))
                .collect();
            let not_recorded = if recordable(theme) {
                report
                    .cases
                    .iter()
                    .enumerate()
                    .filter(|(i, c)| in_count(c) && !cases.contains(i) && !answers_any(c, theme))
                    .map(|(_, c)| report.meta.case_key(c))
                    .collect()
            } else {
                Vec::new()
            };
            let tally = Tally {
                id: theme.id.clone(),
                label: theme.label.clone(),
                summary: theme.summary.clone(),
                label_in: theme.label_in.clone(),
                summary_in: theme.summary_in.clone(),
                kind: theme.kind,
                cases: cases
                    .into_iter()
                    .map(|i| report.meta.case_key(&report.cases[i]))
                    .collect(),
                not_recorded,
                evidence,
                over: over.map(str::to_string),
                total: report.cases.iter().filter(|c| in_count(c)).count(),
            };
            (tally, dead, doubtful)
        })
        .collect();
    let (mut tallies, mut dead, mut doubtful) = (Vec::new(), Vec::new(), Vec::new());
    for (tally, theme_dead, theme_doubtful) in matched {
        tallies.push(tally);
        dead.extend(theme_dead);
        doubtful.extend(theme_doubtful);
    }
    tallies.sort_by_key(|t| std::cmp::Reverse(t.count()));
    Tallied {
        tallies,
        dead,
        doubtful,
    }
}

/// Each case's place in the report by each of its files, which alone names one case when
/// two types both number a case 1, with the file's place among the case's: its own first,
/// then its members' in `members:` order, as their points are merged.
pub(super) fn case_index(report: &Report) -> HashMap<&str, (usize, usize)> {
    report
        .cases
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.files().enumerate().map(move |(f, file)| (file, (i, f))))
        .collect()
}

/// The case type a theme is counted over: the one type asking every check its rules
/// read, when they read checks alone and no other type asks any of them. Cases of other
/// types could never have it, so counting them would only shrink its share.
fn counted_over<'a>(theme: &Theme, meta: &'a Meta) -> Option<&'a str> {
    let mut over = None;
    for rule in &theme.rules {
        let Rule::Check { check, .. } = &rule.value else {
            return None;
        };
        let mut asking = meta.case_types.iter().filter(|t| t.asks(&check.value));
        let (Some(kind), None) = (asking.next(), asking.next()) else {
            return None;
        };
        if over.is_some_and(|o: &str| o != kind.id.value) {
            return None;
        }
        over = Some(kind.id.value.as_str());
    }
    over
}

/// Whether a case can leave `theme` unrecorded: only when every rule reads an answer or
/// a value that a case may leave out. A phrase or a tag is found or not in what the case
/// says, and `present:` asks about the absence itself, so those always give an answer.
fn recordable(theme: &Theme) -> bool {
    !theme.rules.is_empty()
        && theme.rules.iter().all(|rule| match &rule.value {
            Rule::Check { .. } => true,
            Rule::Field { test, .. } => !matches!(test, FieldTest::Present(_)),
            Rule::Phrase { .. } => false,
        })
}

/// Whether `case` answers any check or gives any field that `theme`'s rules read. A
/// check left out counts as unanswered, as a blank one does, since neither says "no".
fn answers_any(case: &Case, theme: &Theme) -> bool {
    theme.rules.iter().any(|rule| match &rule.value {
        Rule::Check { check, .. } => case.checks.iter().any(|a| a.id == check.value),
        Rule::Field { name, .. } => !field::field_values(case, name).is_empty(),
        Rule::Phrase { .. } => false,
    })
}

/// Where a theme id is given by hand in one case: an entry of its front matter `themes:`
/// or a point with the tag, each an index into the case's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Front(usize),
    Point(usize),
}

/// For each theme id, every case (by index) that names it, with where; in case order, and
/// within a case front matter first, then points in order, a point once however many
/// times it has the tag.
fn tag_index(report: &Report) -> HashMap<&str, Vec<(usize, Mark)>> {
    let mut index: HashMap<&str, Vec<(usize, Mark)>> = HashMap::new();
    for (c, case) in report.cases.iter().enumerate() {
        for (i, id) in case.themes.iter().enumerate() {
            index
                .entry(&id.value)
                .or_default()
                .push((c, Mark::Front(i)));
        }
        for (p, point) in case.points.iter().enumerate() {
            for tag in &point.tags {
                let marks = index.entry(&tag.value).or_default();
                if marks.last() != Some(&(c, Mark::Point(p))) {
                    marks.push((c, Mark::Point(p)));
                }
            }
        }
    }
    index
}

fn free_form_themes(report: &Report) -> Vec<Theme> {
    let ids: BTreeSet<&str> = report
        .cases
        .iter()
        .flat_map(|c| {
            c.themes.iter().map(|t| t.value.as_str()).chain(
                c.points
                    .iter()
                    .flat_map(|p| p.tags.iter().map(|t| t.value.as_str())),
            )
        })
        .collect();
    ids.into_iter()
        .map(|id| Theme {
            id: id.to_string(),
            file: String::new(),
            loc: Default::default(),
            label: id.to_string(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: Default::default(),
            rules: Vec::new(),
        })
        .collect()
}

/// A phrase rule prepared for matching.
struct PhraseRule<'a> {
    /// The phrase and its `unless` list, normalised.
    phrase: String,
    unless: Vec<String>,
    written: &'a str,
    negated: Option<Negated>,
    /// Its index among the theme's rules.
    index: usize,
}

/// A theme's rules, prepared for matching.
struct Matcher<'a> {
    theme: &'a Theme,
    phrases: Vec<PhraseRule<'a>>,
    /// The language the points are written in, which adds its own negations.
    language: &'a str,
    /// Whether each rule has held for some case.
    held: Vec<Cell<bool>>,
    doubtful: RefCell<Vec<DoubtfulMatch>>,
}

impl<'a> Matcher<'a> {
    fn new(theme: &'a Theme, language: &'a str) -> Self {
        let phrases = theme
            .rules
            .iter()
            .enumerate()
            .filter_map(|(index, rule)| match &rule.value {
                Rule::Phrase {
                    phrase,
                    unless,
                    negated,
                } => Some(PhraseRule {
                    phrase: normalise(phrase),
                    unless: unless.iter().map(|u| normalise(u)).collect(),
                    written: phrase.as_str(),
                    negated: *negated,
                    index,
                }),
                _ => None,
            })
            .collect();
        Matcher {
            theme,
            phrases,
            language,
            held: theme.rules.iter().map(|_| Cell::new(false)).collect(),
            doubtful: RefCell::default(),
        }
    }

    /// The rules that held for no case, once every case has been seen.
    fn dead(&self) -> Vec<DeadRule> {
        self.theme
            .rules
            .iter()
            .zip(&self.held)
            .filter(|(_, held)| !held.get())
            .map(|(rule, _)| DeadRule {
                theme: self.theme.id.clone(),
                file: self.theme.file.clone(),
                line: rule.loc.line,
                rule: describe(&rule.value),
            })
            .collect()
    }

    /// Adds the evidence that `case` has the theme; `marks` are the case's entries in the
    /// tag index for this theme.
    fn evidence(
        &self,
        case: &Case,
        key: CaseKey,
        points: &[String],
        marks: &[(usize, Mark)],
        out: &mut Vec<Evidence>,
    ) {
        let id = self.theme.id.as_str();
        let mut push = |line, source, rule: String, text: String, point: Option<usize>| {
            let file = point.map_or(case.file.as_str(), |p| case.file_of(&case.points[p]));
            out.push(Evidence {
                case: key,
                file: file.to_string(),
                line,
                source,
                rule,
                text,
                point,
            });
        };
        let mut tagged = Vec::new();
        for &(_, mark) in marks {
            match mark {
                Mark::Front(i) => push(
                    case.themes[i].loc.line,
                    EvidenceSource::FrontMatter,
                    format!("themes: {id}"),
                    id.to_string(),
                    None,
                ),
                Mark::Point(p) => tagged.push(p),
            }
        }
        // Without phrase rules only the tagged points can give evidence, so only they are
        // visited.
        let mut only_tagged = tagged.iter().copied();
        let mut every_point = 0..case.points.len();
        let visit: &mut dyn Iterator<Item = usize> = if self.phrases.is_empty() {
            &mut only_tagged
        } else {
            &mut every_point
        };
        let mut tagged = tagged.iter().copied().peekable();
        for index in visit {
            let point = &case.points[index];
            if tagged.next_if_eq(&index).is_some() {
                push(
                    point.line,
                    EvidenceSource::Tag,
                    format!("#{id}"),
                    point.text.clone(),
                    Some(index),
                );
            }
            let normal = &points[index];
            for rule in &self.phrases {
                let Some(found) = phrase::find(normal, &rule.phrase, self.language) else {
                    continue;
                };
                if rule
                    .unless
                    .iter()
                    .any(|u| !u.is_empty() && normal.contains(u.as_str()))
                {
                    continue;
                }
                if let Some(doubt) = found.doubt {
                    let doubtful = DoubtfulMatch {
                        theme: id.to_string(),
                        case: case.number,
                        file: case.file_of(point).to_string(),
                        line: point.line,
                        phrase: rule.written.to_string(),
                        rules_file: self.theme.file.clone(),
                        rule_line: self.theme.rules[rule.index].loc.line,
                        words: found.words,
                        doubt,
                        negated: rule.negated,
                    };
                    let counted = doubtful.counted();
                    self.doubtful.borrow_mut().push(doubtful);
                    if !counted {
                        continue;
                    }
                }
                self.held[rule.index].set(true);
                push(
                    point.line,
                    EvidenceSource::Phrase,
                    rule.written.to_string(),
                    point.text.clone(),
                    Some(index),
                );
            }
        }
        for (rule, held) in self.theme.rules.iter().zip(&self.held) {
            match &rule.value {
                Rule::Check { check, is } => {
                    if let Some(answer) = case
                        .checks
                        .iter()
                        .find(|a| a.id == check.value && is.contains(&a.answer))
                    {
                        held.set(true);
                        push(
                            answer.loc.line,
                            EvidenceSource::Check,
                            check.value.clone(),
                            answer.answer.id().to_string(),
                            None,
                        );
                    }
                }
                Rule::Field { name, test } => {
                    if let Some(shown) = field_match(case, name, test) {
                        held.set(true);
                        push(
                            case.key_lines
                                .iter()
                                .find(|(key, _)| key == name)
                                .map_or(case.number_loc.line, |(_, line)| *line),
                            EvidenceSource::Field,
                            name.clone(),
                            shown,
                            None,
                        );
                    }
                }
                Rule::Phrase { .. } => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_is_counted_over_a_type_only_when_its_checks_are_that_type_s_alone() {
        let source = crate::load::Source {
            path: "report.yaml".into(),
            text: "title: T\nmeeting_date: 2025-03-12\nchecks:\n  grounds: G\n  gowisely: W\n  bwv_on: V\ncase_types:\n  stop-search: {checks: [grounds, gowisely, bwv_on]}\n  use-of-force: {checks: [bwv_on]}\n".into(),
        };
        let mut d = crate::diagnostic::Diagnostics::default();
        let meta = crate::parse::meta::parse(&source, &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        let theme = |checks: &[&str], phrase: bool| Theme {
            id: "t".into(),
            file: "themes.yaml".into(),
            loc: crate::diagnostic::Loc::START,
            label: "T".into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: crate::model::ThemeKind::Concern,
            rules: checks
                .iter()
                .map(|c| Rule::Check {
                    check: crate::model::Located {
                        value: (*c).to_string(),
                        loc: crate::diagnostic::Loc::START,
                        source: crate::diagnostic::SourceId::new("themes.yaml"),
                    },
                    is: vec![crate::model::Answer::No],
                })
                .chain(phrase.then(|| Rule::Phrase {
                    phrase: "x".into(),
                    unless: Vec::new(),
                    negated: None,
                }))
                .map(|value| crate::model::Located {
                    value,
                    loc: crate::diagnostic::Loc::START,
                    source: crate::diagnostic::SourceId::new("themes.yaml"),
                })
                .collect(),
        };
        assert_eq!(
            counted_over(&theme(&["grounds", "gowisely"], false), &meta),
            Some("stop-search")
        );
        assert_eq!(
            counted_over(&theme(&["grounds", "bwv_on"], false), &meta),
            None
        );
        assert_eq!(counted_over(&theme(&["grounds"], true), &meta), None);
        assert_eq!(counted_over(&theme(&[], false), &meta), None);
    }

    #[test]
    fn normalises_quotes_case_and_space() {
        assert_eq!(
            normalise("  The  Victim’s\n“Pack”  "),
            "the victim's \"pack\""
        );
    }

    #[test]
    fn a_phrase_typed_with_curly_quotes_matches_straight_ones_and_back() {
        let case = |text: &str| Case {
            number: 1,
            points: vec![crate::model::Point {
                line: 4,
                text: text.into(),
                tags: Vec::new(),
                member: None,
            }],
            ..Case::default()
        };
        let theme = |phrase: &str| Theme {
            id: "pack".into(),
            file: "themes.yaml".into(),
            loc: crate::diagnostic::Loc::START,
            label: "Pack".into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: Default::default(),
            rules: vec![crate::model::Located {
                value: Rule::Phrase {
                    phrase: phrase.into(),
                    unless: Vec::new(),
                    negated: None,
                },
                loc: crate::diagnostic::Loc::START,
                source: crate::diagnostic::SourceId::new("themes.yaml"),
            }],
        };
        for (phrase, text) in [
            ("victim’s “pack”", "The victim's \"pack\" was late."),
            ("victim's \"pack\"", "The victim’s “pack” was late."),
        ] {
            let report = Report {
                cases: vec![case(text)],
                themes: Some(vec![theme(phrase)]),
                ..Report::default()
            };
            assert_eq!(
                tally(&report)[0].cases,
                [CaseKey::plain(1)],
                "{phrase} in {text}"
            );
        }
    }

    #[test]
    fn evidence_keeps_front_matter_then_each_point_tag_before_phrases() {
        let loc = crate::diagnostic::Loc::START;
        let located = |id: &str, line| crate::model::Located {
            value: id.to_string(),
            loc: crate::diagnostic::Loc::new(line, 1),
            source: crate::diagnostic::SourceId::new("cases/1.md"),
        };
        let point =
            |line, text: &str, tags: Vec<crate::model::Located<String>>| crate::model::Point {
                line,
                text: text.into(),
                tags,
                member: None,
            };
        let case = Case {
            number: 1,
            file: "cases/1.md".into(),
            themes: vec![located("late", 3), located("other", 3)],
            points: vec![
                point(6, "Slow.", vec![located("late", 6), located("late", 6)]),
                point(7, "Fine.", Vec::new()),
                point(8, "Slow again.", vec![located("other", 8)]),
            ],
            ..Case::default()
        };
        let theme = |id: &str, rules| Theme {
            id: id.into(),
            file: "themes.yaml".into(),
            loc,
            label: id.into(),
            summary: None,
            label_in: Vec::new(),
            summary_in: Vec::new(),
            kind: Default::default(),
            rules,
        };
        let report = Report {
            cases: vec![case],
            themes: Some(vec![
                theme(
                    "late",
                    vec![crate::model::Located {
                        value: Rule::Phrase {
                            phrase: "slow".into(),
                            unless: Vec::new(),
                            negated: None,
                        },
                        loc,
                        source: crate::diagnostic::SourceId::new("themes.yaml"),
                    }],
                ),
                theme("other", Vec::new()),
            ]),
            ..Report::default()
        };
        let shown: Vec<Vec<(usize, String)>> = tally(&report)
            .iter()
            .map(|t| {
                t.evidence
                    .iter()
                    .map(|e| (e.line, e.rule.clone()))
                    .collect()
            })
            .collect();
        let rows = |r: &[(usize, &str)]| -> Vec<(usize, String)> {
            r.iter().map(|(l, s)| (*l, s.to_string())).collect()
        };
        assert_eq!(
            shown,
            [
                rows(&[(3, "themes: late"), (6, "#late"), (6, "slow"), (8, "slow")]),
                rows(&[(3, "themes: other"), (8, "#other")]),
            ]
        );
    }
}
