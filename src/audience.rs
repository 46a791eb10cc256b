//! The copies one folder makes, one per audience of `audiences:`: the force's, with every
//! reference it needs to find a case, and the public's, without them.
//!
//! A copy is the report and its analysis with what its audience may not see taken out,
//! made once here before any renderer runs. Every format then lays out a copy as it lays
//! out a report, and none of them can show a hidden value, because none is given one.
//! Counting is done once, on the whole folder, so each copy counts the same cases.

mod check;

pub use check::{UNKNOWN_FIELD, check, hidden, hidden_lines, summary};

use crate::analyse::{Analysis, EvidenceSource};
use crate::model::{Audience, Report, Translated};

/// The report as one audience reads it.
pub struct Copy {
    pub audience: Audience,
    pub report: Report,
    pub analysis: Analysis,
}

impl Copy {
    /// The copy's folder in the output.
    pub fn name(&self) -> &str {
        &self.audience.name.value
    }
}

/// The copies of `report` a build writes: one per audience in `audiences:` order, or
/// only `only`'s. None when the report declares no audiences, and then the report itself
/// is what is written.
pub fn copies(report: &Report, analysis: &Analysis, only: Option<&str>) -> Vec<Copy> {
    report
        .meta
        .audiences
        .iter()
        .filter(|a| only.is_none_or(|name| a.name.value == name))
        .map(|audience| copy(report, analysis, audience))
        .collect()
}

/// `report` and `analysis` without the fields `audience` hides: not in a case, not among
/// the declared fields or the facts a case box shows, not as a breakdown's table, and
/// not as the evidence a rule on such a field found; and without the panel's restricted
/// notes, in any language, unless the audience carries them. The copy carries its
/// audience's marking and its name.
fn copy(report: &Report, analysis: &Analysis, audience: &Audience) -> Copy {
    let hides = |field: &str| audience.hides(field);
    let mut report = report.clone();
    let meta = &mut report.meta;
    meta.audience = Some(audience.name.value.clone());
    meta.suppress_below = audience.suppress_below();
    if audience.marking.is_some() {
        meta.marking.clone_from(&audience.marking);
    }
    meta.fields.retain(|f| !hides(&f.id));
    meta.case_facts.retain(|f| !hides(&f.field));
    meta.breakdown.retain(|f| !hides(&f.value));
    for case in &mut report.cases {
        case.fields.retain(|(name, _)| !hides(name));
        case.lists.retain(|(name, _)| !hides(name));
        case.key_lines.retain(|(name, _)| !hides(name));
        case.field_locs.retain(|(name, _)| !hides(name));
        if !audience.restricted_notes {
            case.restricted = None;
        }
    }
    if !audience.restricted_notes {
        for translation in &mut report.translations {
            if let Translated::Case { restricted, .. } = &mut translation.content {
                restricted.clear();
            }
        }
    }
    let mut analysis = analysis.clone();
    analysis.breakdowns.retain(|b| !hides(&b.field));
    for tally in &mut analysis.themes {
        tally
            .evidence
            .retain(|e| !(e.source == EvidenceSource::Field && hides(&e.rule)));
    }
    unlist_small_themes(&mut analysis, audience.suppress_below());
    Copy {
        audience: audience.clone(),
        report,
        analysis,
    }
}

/// Takes out which cases have a theme whose number of cases the copy suppresses: its
/// evidence, which names each case, and the theme among each case's themes, from which
/// a reader could count them. Its number stays, for the view to show as "fewer than N".
fn unlist_small_themes(analysis: &mut Analysis, below: u32) {
    let mut unlisted = Vec::new();
    for tally in &mut analysis.themes {
        if crate::view::too_small(tally.count(), below) {
            tally.evidence.clear();
            unlisted.push(tally.id.clone());
        }
    }
    for themes in &mut analysis.case_themes {
        themes.retain(|id| !unlisted.contains(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Loc, SourceId};
    use crate::model::{Case, Field, Located, Shown};

    fn at(name: &str) -> Located<String> {
        Located {
            value: name.into(),
            loc: Loc::START,
            source: SourceId::new("report.yaml"),
        }
    }

    fn report() -> Report {
        let mut report = Report::default();
        report.meta.marking = Some("OFFICIAL".into());
        report.meta.audiences = vec![
            Audience {
                name: at("force"),
                marking: Some("OFFICIAL-SENSITIVE".into()),
                shown: Shown::All,
                suppress_below: None,
                restricted_notes: true,
            },
            Audience {
                name: at("public"),
                marking: None,
                shown: Shown::AllBut(vec![at("crime_ref")]),
                suppress_below: None,
                restricted_notes: false,
            },
        ];
        report.meta.breakdown = vec![at("crime_ref"), at("strand")];
        report.cases.push(Case {
            number: 1,
            fields: vec![
                ("crime_ref".into(), Field::Text("CR/1234/21".into())),
                ("strand".into(), Field::Text("race".into())),
            ],
            ..Case::default()
        });
        report
    }

    #[test]
    fn each_copy_has_its_marking_and_only_the_fields_it_shows() {
        let report = report();
        let all = copies(&report, &Analysis::default(), None);
        assert_eq!(
            all.iter().map(Copy::name).collect::<Vec<_>>(),
            ["force", "public"]
        );
        let (force, public) = (&all[0].report, &all[1].report);
        assert_eq!(force.meta.marking.as_deref(), Some("OFFICIAL-SENSITIVE"));
        assert_eq!(force.cases[0].fields.len(), 2);
        assert_eq!(public.meta.marking.as_deref(), Some("OFFICIAL"));
        assert_eq!(public.meta.audience.as_deref(), Some("public"));
        assert_eq!(public.cases[0].fields.len(), 1);
        assert_eq!(public.cases[0].fields[0].0, "strand");
        assert_eq!(public.meta.breakdown.len(), 1);
    }

    #[test]
    fn one_audience_makes_one_copy_and_none_makes_none() {
        let report = report();
        let one = copies(&report, &Analysis::default(), Some("public"));
        assert_eq!(one.len(), 1);
        assert!(copies(&Report::default(), &Analysis::default(), None).is_empty());
    }

    #[test]
    fn evidence_from_a_hidden_field_is_not_in_the_copy() {
        let mut report = report();
        // One case would be suppressed in the public copy, which is tested below.
        report.meta.audiences[1].suppress_below = Some(0);
        let evidence = |rule: &str, source| crate::analyse::Evidence {
            case: 1,
            file: "cases/1.md".into(),
            line: 2,
            source,
            rule: rule.into(),
            text: "CR/1234/21".into(),
            point: None,
        };
        let analysis = Analysis {
            themes: vec![crate::analyse::Tally {
                id: "t".into(),
                label: "T".into(),
                summary: None,
                label_in: Vec::new(),
                summary_in: Vec::new(),
                kind: crate::model::ThemeKind::Concern,
                cases: vec![1],
                not_recorded: Vec::new(),
                evidence: vec![
                    evidence("crime_ref", EvidenceSource::Field),
                    evidence("strand", EvidenceSource::Field),
                ],
            }],
            ..Analysis::default()
        };
        let all = copies(&report, &analysis, None);
        assert_eq!(all[0].analysis.themes[0].evidence.len(), 2);
        let public = &all[1].analysis.themes[0];
        assert_eq!(public.cases, [1]);
        assert_eq!(public.evidence.len(), 1);
        assert_eq!(public.evidence[0].rule, "strand");

        report.meta.audiences[1].suppress_below = None;
        let analysis = Analysis {
            case_themes: vec![vec!["t".into()]],
            ..analysis
        };
        let all = copies(&report, &analysis, None);
        assert_eq!(all[0].analysis.case_themes, [["t"]]);
        let public = &all[1];
        assert_eq!(public.report.meta.suppress_below, 3);
        assert_eq!(public.analysis.themes[0].cases, [1], "still counted");
        assert!(public.analysis.themes[0].evidence.is_empty());
        assert!(public.analysis.case_themes[0].is_empty());
    }
}
