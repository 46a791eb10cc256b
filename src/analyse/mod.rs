//! Themes, checks and judgements: what the report says about the cases as a whole.
//!
//! This stage turns the parsed report into counts, each traced to the cases (and, for
//! themes, the exact lines) behind it. It also makes the checks that need more than one
//! file, such as duplicate case numbers or tags naming a theme that does not exist. It
//! produces data only; wording and layout belong to the renderers.

mod breakdown;
pub mod follow;
pub mod interval;
pub mod members;
pub mod privacy;
mod rules;

/// A case's value of a field by name, read as theme rules read it, so that a table, a
/// facts box and a rule never disagree about what a case says.
pub(crate) use rules::field::field_values;
pub mod trends;
mod validate;

use serde::Serialize;

use crate::diagnostic::Diagnostics;
use crate::model::{Answer, CaseKey, Report, ThemeKind};

pub use breakdown::{Breakdown, BreakdownRow, NO_CASE_HAS, Pair};
pub use rules::{DeadRule, Doubt, DoubtfulMatch, UNDECIDED_MATCH};

/// Everything the renderers show beyond the parsed report itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub total_cases: usize,
    /// Most frequent first; ties keep themes.yaml's order.
    pub themes: Vec<Tally>,
    /// In report.yaml's order.
    pub checks: Vec<CheckTally>,
    /// In report.yaml's order, including judgements no case has: the cases judged on the
    /// report's scale, which are every case unless a type has a scale of its own.
    pub judgements: Vec<JudgementCount>,
    /// Cases with no judgement, of those judged on the report's scale.
    pub unjudged: Vec<CaseKey>,
    /// One count per type of `case_types:` with its own `judgements:`, in their order,
    /// over that type's cases alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub type_judgements: Vec<TypeJudgements>,
    /// For each observation (in display order), the cases that have its themes.
    pub observation_cases: Vec<Vec<CaseKey>>,
    /// For each case (in report order), the ids of the themes it has.
    pub case_themes: Vec<Vec<String>>,
    /// The rules of themes.yaml that held for no case, in its order: a rule that is
    /// never met may be mistyped, and would otherwise only show as a low count.
    pub dead_rules: Vec<DeadRule>,
    /// The phrases found only inside a word or after a negation, each with how its rule's
    /// `negated:` decided it, so `themes --explain` can show what was and was not counted.
    pub doubtful: Vec<DoubtfulMatch>,
    /// In an archive, the observations of earlier meetings that were open when this one
    /// began; filled in by the archive, which alone sees every meeting.
    #[serde(skip)]
    pub follow_up: Vec<follow::FollowUp>,
    /// One table per field of report.yaml's `breakdown:` that cases have, in its order.
    pub breakdowns: Vec<Breakdown>,
    /// The themes found together in two or more cases, most shared cases first.
    pub pairs: Vec<Pair>,
    /// The cases carried over to the next meeting, in report order: listed, and counted
    /// in none of the figures above, which count them at the meeting that judges them.
    pub carried_over: Vec<CaseKey>,
    /// In an archive, for each case that says `carried_from:`, the date of the meeting
    /// that carried it over; filled in by the archive, which alone sees that meeting.
    #[serde(skip)]
    pub carried_from: Vec<(CaseKey, String)>,
}

/// How many cases have one theme, and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub id: String,
    pub label: String,
    pub summary: Option<String>,
    /// The label and summary in the report's other languages, by language.
    #[serde(skip)]
    pub label_in: Vec<(String, String)>,
    #[serde(skip)]
    pub summary_in: Vec<(String, String)>,
    pub kind: ThemeKind,
    pub cases: Vec<CaseKey>,
    /// The cases that did not record it: for a theme found only from checks and field
    /// values, the cases that answered none of them. Without an answer a case is neither
    /// one of its cases nor a case without it, so a share can leave it out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_recorded: Vec<CaseKey>,
    pub evidence: Vec<Evidence>,
    /// The case type it is counted over, when every rule reads a check only that type's
    /// cases are asked; `None` counts it over every case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over: Option<String>,
    /// How many cases it is counted over: its type's, or every case.
    #[serde(skip)]
    pub total: usize,
}

impl Tally {
    pub fn count(&self) -> usize {
        self.cases.len()
    }

    /// Its mentions: the feedback points among its evidence, each once however many of
    /// its rules found it, as the evidence a reader sees lists them.
    pub fn points(&self) -> usize {
        let points: std::collections::BTreeSet<(CaseKey, usize)> = self
            .evidence
            .iter()
            .filter_map(|e| e.point.map(|p| (e.case, p)))
            .collect();
        points.len()
    }
}

/// One reason a case has a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub case: CaseKey,
    pub file: String,
    pub line: usize,
    pub source: EvidenceSource,
    /// The rule or tag that matched, as written: `#late-hcso-contact`, `hcso_48h`, the phrase.
    pub rule: String,
    /// The feedback point's text, or the front-matter value that matched.
    pub text: String,
    /// Index into the case's points, when the evidence is a point.
    #[serde(skip)]
    pub point: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceSource {
    /// A `#theme` tag in a point.
    Tag,
    /// The case's front matter `themes:` list.
    FrontMatter,
    Check,
    Field,
    Phrase,
}

impl EvidenceSource {
    pub fn id(self) -> &'static str {
        match self {
            EvidenceSource::Tag => "tag",
            EvidenceSource::FrontMatter => "front-matter",
            EvidenceSource::Check => "check",
            EvidenceSource::Field => "field",
            EvidenceSource::Phrase => "phrase",
        }
    }
}

/// The answers given to one check across all cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckTally {
    pub id: String,
    pub label: String,
    /// Only answers that some case gave, in the scale's order, with those cases.
    pub answers: Vec<(Answer, Vec<CaseKey>)>,
    pub unanswered: Vec<CaseKey>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgementCount {
    pub id: String,
    pub label: String,
    pub cases: Vec<CaseKey>,
}

/// The judgements of one type's cases on the type's own scale.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TypeJudgements {
    /// The type's id in `case_types:`.
    pub kind: String,
    /// How many cases the type has: the whole its shares are of.
    pub total: usize,
    /// In the order of the type's scale, including judgements none of its cases has.
    pub judgements: Vec<JudgementCount>,
    pub unjudged: Vec<CaseKey>,
}

/// Analyses `report`, adding cross-file problems to `diagnostics`. A case carried over
/// to the next meeting is counted there, with its points from this one, so that no total
/// across meetings counts it twice; here it is only listed.
pub fn analyse(report: &Report, diagnostics: &mut Diagnostics) -> Analysis {
    validate::validate(report, diagnostics);
    let carried_over: Vec<CaseKey> = report
        .cases
        .iter()
        .filter(|c| report.meta.carried_over(c))
        .map(|c| report.meta.case_key(c))
        .collect();
    if carried_over.is_empty() {
        return Analysis {
            carried_over,
            ..counts(report, diagnostics)
        };
    }
    let judged = Report {
        cases: report
            .cases
            .iter()
            .filter(|c| !report.meta.carried_over(c))
            .cloned()
            .collect(),
        meta: report.meta.clone(),
        background: report.background.clone(),
        themes: report.themes.clone(),
        summary: report.summary.clone(),
        observations: report.observations.clone(),
        closing: report.closing.clone(),
        translations: report.translations.clone(),
        updates: report.updates.clone(),
    };
    let mut analysis = counts(&judged, diagnostics);
    // Renderers read `case_themes` by the report's own case order.
    let mut themes = std::mem::take(&mut analysis.case_themes).into_iter();
    analysis.case_themes = report
        .cases
        .iter()
        .map(|c| match report.meta.carried_over(c) {
            true => Vec::new(),
            false => themes.next().unwrap_or_default(),
        })
        .collect();
    Analysis {
        carried_over,
        ..analysis
    }
}

/// The counts of `report`'s cases, every one of which is counted.
fn counts(report: &Report, diagnostics: &mut Diagnostics) -> Analysis {
    let breakdown_fields = breakdown::check(report, diagnostics);
    let rules::Tallied {
        tallies: themes,
        dead: dead_rules,
        doubtful,
    } = rules::tally_themes(report);
    for warning in doubtful.iter().filter_map(DoubtfulMatch::warning) {
        diagnostics.push(warning);
    }
    // Filled from each theme's cases rather than by asking every theme about every case:
    // without themes.yaml there can be as many themes as cases.
    // Each theme's cases are found by their evidence's file, which alone names one case
    // when two types both number a case 1.
    let index = rules::case_index(report);
    let mut case_themes: Vec<Vec<String>> = vec![Vec::new(); report.cases.len()];
    for theme in &themes {
        for evidence in &theme.evidence {
            if let Some(ids) = index
                .get(evidence.file.as_str())
                .map(|&(i, _)| &mut case_themes[i])
                && !ids.contains(&theme.id)
            {
                ids.push(theme.id.clone());
            }
        }
    }
    let observation_cases = report
        .observations
        .iter()
        .map(|o| {
            if let Some(given) = &o.cases {
                let mut cases: Vec<CaseKey> = given
                    .iter()
                    .map(|c| report.meta.ref_key(&c.value))
                    .collect();
                cases.sort_unstable();
                cases.dedup();
                return cases;
            }
            let mut cases: Vec<CaseKey> = themes
                .iter()
                .filter(|t| o.themes.iter().any(|id| id.value == t.id))
                .flat_map(|t| t.cases.iter().copied())
                .collect();
            cases.sort_unstable();
            cases.dedup();
            cases
        })
        .collect();
    let breakdowns = breakdown::breakdowns(report, &themes, &case_themes, &breakdown_fields);
    let (judgements, unjudged) = judgement_counts(report, &report.meta.judgements, None);
    let pairs = breakdown::pairs(report, &themes, &case_themes);
    Analysis {
        total_cases: report.cases.len(),
        breakdowns,
        pairs,
        themes,
        checks: check_tallies(report),
        judgements,
        unjudged,
        type_judgements: type_judgements(report),
        observation_cases,
        case_themes,
        dead_rules,
        doubtful,
        follow_up: Vec::new(),
        carried_over: Vec::new(),
        carried_from: Vec::new(),
    }
}

fn check_tallies(report: &Report) -> Vec<CheckTally> {
    report
        .meta
        .checks
        .iter()
        .map(|check| {
            let answer_of = |case: &crate::model::Case| {
                case.checks
                    .iter()
                    .find(|a| a.id == check.id)
                    .map(|a| a.answer)
            };
            let answers = Answer::ALL
                .into_iter()
                .map(|answer| {
                    let cases: Vec<CaseKey> = report
                        .cases
                        .iter()
                        .filter(|c| answer_of(c) == Some(answer))
                        .map(|c| report.meta.case_key(c))
                        .collect();
                    (answer, cases)
                })
                .filter(|(_, cases)| !cases.is_empty())
                .collect();
            CheckTally {
                id: check.id.clone(),
                label: check.label.clone(),
                answers,
                unanswered: report
                    .cases
                    .iter()
                    .filter(|c| answer_of(c).is_none() && report.meta.asks(c.kind(), &check.id))
                    .map(|c| report.meta.case_key(c))
                    .collect(),
            }
        })
        .collect()
}

/// The cases judged on `scale`, by judgement, and those with none: the cases of the type
/// `kind` when it has a scale of its own, else every case that is not of such a type.
fn judgement_counts(
    report: &Report,
    scale: &[crate::model::Choice],
    kind: Option<&str>,
) -> (Vec<JudgementCount>, Vec<CaseKey>) {
    let meta = &report.meta;
    let on_scale = |c: &&crate::model::Case| match kind {
        Some(kind) => c.kind() == Some(kind),
        None => meta
            .case_type(c.kind().unwrap_or_default())
            .is_none_or(|t| t.judgements.is_none()),
    };
    let cases: Vec<&crate::model::Case> = report.cases.iter().filter(on_scale).collect();
    // A carried-over case is listed on its own, not judged.
    let counts = scale
        .iter()
        .filter(|j| !j.carry_over)
        .map(|j| JudgementCount {
            id: j.id.clone(),
            label: j.label.clone(),
            cases: cases
                .iter()
                .filter(|c| c.judgement.as_ref().is_some_and(|cj| cj.value == j.id))
                .map(|c| meta.case_key(c))
                .collect(),
        })
        .collect();
    let unjudged = cases
        .iter()
        .filter(|c| c.judgement.is_none())
        .map(|c| meta.case_key(c))
        .collect();
    (counts, unjudged)
}

/// The judgements of each type that has a scale of its own.
fn type_judgements(report: &Report) -> Vec<TypeJudgements> {
    report
        .meta
        .own_scales()
        .map(|(kind, scale)| {
            let id = kind.id.value.as_str();
            let (judgements, unjudged) = judgement_counts(report, scale, Some(id));
            TypeJudgements {
                kind: id.to_string(),
                total: report.cases.iter().filter(|c| c.kind() == Some(id)).count(),
                judgements,
                unjudged,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Diagnostics, Loc};
    use crate::model::{Case, Located, Point, Report};

    fn tag(id: String) -> Located<String> {
        Located {
            value: id,
            loc: Loc::START,
            source: crate::diagnostic::SourceId::new("cases/a.md"),
        }
    }

    #[test]
    fn every_free_form_tag_becomes_a_theme_with_its_case() {
        // One new tag per case: the shape that was once quadratic. Only the result is
        // checked here; bench/run.sh's reports use themes.yaml and do not time it.
        let n = 2_000;
        let report = Report {
            cases: (1..=n)
                .map(|number| Case {
                    number,
                    file: format!("cases/{number}.md"),
                    themes: vec![tag(format!("given-{number}"))],
                    points: vec![
                        Point {
                            line: 4,
                            text: "One.".into(),
                            tags: vec![tag(format!("tag-{number}"))],
                            member: None,
                        },
                        Point {
                            line: 5,
                            text: "Two.".into(),
                            tags: Vec::new(),
                            member: None,
                        },
                    ],
                    ..Case::default()
                })
                .collect(),
            ..Report::default()
        };
        let analysis = super::analyse(&report, &mut Diagnostics::default());
        assert_eq!(analysis.themes.len(), 2 * n as usize);
        assert_eq!(analysis.case_themes[41], ["given-42", "tag-42"]);
    }

    #[test]
    fn a_case_carried_over_is_listed_and_counted_in_no_figure() {
        let judged = |number: u32, judgement: &str| Case {
            number,
            file: format!("cases/{number}.md"),
            judgement: Some(Located {
                value: judgement.into(),
                ..tag(String::new())
            }),
            points: vec![Point {
                line: 4,
                text: "Late.".into(),
                tags: vec![tag("late".into())],
                member: None,
            }],
            ..Case::default()
        };
        let choice = |id: &str, carry_over| crate::model::Choice {
            id: id.into(),
            label: id.into(),
            carry_over,
            ..crate::model::Choice::default()
        };
        let report = Report {
            meta: crate::model::Meta {
                judgements: vec![choice("done", false), choice("more", true)],
                ..crate::model::Meta::default()
            },
            cases: vec![judged(1, "done"), judged(2, "more"), judged(3, "done")],
            ..Report::default()
        };
        let analysis = super::analyse(&report, &mut Diagnostics::default());
        let key = crate::model::CaseKey::plain;
        assert_eq!(analysis.carried_over, [key(2)]);
        assert_eq!(analysis.total_cases, 2);
        assert_eq!(analysis.themes[0].cases, [key(1), key(3)]);
        assert_eq!(
            analysis.judgements.len(),
            1,
            "the carrying judgement is no row"
        );
        assert_eq!(analysis.judgements[0].cases, [key(1), key(3)]);
        assert!(analysis.unjudged.is_empty());
        // Each case keeps its place in the report's order.
        assert_eq!(analysis.case_themes, [vec!["late"], vec![], vec!["late"]]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::diagnostic::Diagnostics;
    use crate::load::{Folder, Source};

    const THEMES: &str = "late:\n  label: Late\n  when:\n    - phrase: slow\n      unless: [not slow]\n    - check: hcso\n      is: [no]\nerrors:\n  label: Errors\n";

    fn folder(cases: &[(u32, String, bool)], names: &[String]) -> Folder {
        Folder {
            report: Some(Source {
                path: "report.yaml".into(),
                text: "title: T\nmeeting_date: 2021-09-29\nchecks:\n  hcso: HCSO\n".into(),
            }),
            themes: Some(Source {
                path: "themes.yaml".into(),
                text: THEMES.into(),
            }),
            cases: cases
                .iter()
                .zip(names)
                .map(|((n, body, late), name)| Source {
                    path: format!("cases/{name}.md"),
                    text: format!(
                        "---\ncase: {n}\nchecks:\n  hcso: {}\n---\n{body}",
                        if *late { "no" } else { "yes" }
                    ),
                })
                .collect(),
            ..Folder::default()
        }
    }

    fn tally(folder: &Folder) -> Vec<(String, Vec<u32>)> {
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(folder, &mut diagnostics);
        let analysis = super::analyse(&report, &mut diagnostics);
        assert!(!diagnostics.has_errors(), "{diagnostics:?}");
        analysis
            .themes
            .into_iter()
            .map(|t| (t.id, t.cases.iter().map(|c| c.number).collect()))
            .collect()
    }

    proptest! {
        #[test]
        fn tallies_do_not_depend_on_file_names_or_read_order(
            bodies in proptest::collection::vec(("(- (it was slow|not slow|fine|#errors here)\n){0,4}", any::<bool>()), 1..12),
            seed in any::<u64>(),
        ) {
            let cases: Vec<(u32, String, bool)> = bodies
                .into_iter()
                .enumerate()
                .map(|(i, (body, late))| (i as u32 + 1, body, late))
                .collect();
            let names: Vec<String> = (0..cases.len()).map(|i| format!("c{i}")).collect();
            let expected = tally(&folder(&cases, &names));
            let mut shuffled = cases.clone();
            let len = shuffled.len();
            for i in 0..len {
                shuffled.swap(i, (seed as usize).wrapping_mul(i + 7) % len);
            }
            let other_names: Vec<String> = (0..len).map(|i| format!("z{}", (seed as usize + i * 13) % 1000 + i * 1000)).collect();
            prop_assert_eq!(tally(&folder(&shuffled, &other_names)), expected);
        }
    }

    #[test]
    fn rules_that_hold_for_no_case_are_listed_with_their_lines() {
        let cases = [(1, "- it was slow\n".to_string(), false)];
        let first = folder(&cases, &["a".to_string()]);
        let mut diagnostics = Diagnostics::default();
        let report = crate::parse::parse(&first, &mut diagnostics);
        let analysis = super::analyse(&report, &mut diagnostics);
        let dead: Vec<(&str, usize, &str)> = analysis
            .dead_rules
            .iter()
            .map(|d| (d.theme.as_str(), d.line, d.rule.as_str()))
            .collect();
        assert_eq!(dead, [("late", 6, "check: hcso, is: [no]")]);
        let cases = [(1, "- not slow\n".to_string(), true)];
        let report = crate::parse::parse(&folder(&cases, &["a".to_string()]), &mut diagnostics);
        let analysis = super::analyse(&report, &mut diagnostics);
        assert_eq!(analysis.dead_rules.len(), 1);
        assert_eq!(analysis.dead_rules[0].rule, "phrase: \"slow\"");
        assert_eq!(analysis.dead_rules[0].line, 4);
    }
}
