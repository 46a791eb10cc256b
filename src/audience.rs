//! The copies one folder makes, one per audience of `audiences:`: the force's, with every
//! reference it needs to find a case, and the public's, without them.
//!
//! A copy is the report and its analysis with what its audience may not see taken out,
//! made once here before any renderer runs. Every format then lays out a copy as it lays
//! out a report, and none of them can show a hidden value, because none is given one.
//! Counting is done once, on the whole folder, so each copy counts the same cases.

mod carries;
mod check;

pub use carries::carries;
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
    if audience.is_public() {
        forget_members(&mut report, &mut analysis);
    }
    Copy {
        audience: audience.clone(),
        report,
        analysis,
    }
}

/// Takes out who wrote what, since the public copy names no member: a member's id is
/// often their first name, so it leaves each point, and evidence from a member's file is
/// cited by its case folder, where the point is, rather than by a file named for them.
fn forget_members(report: &mut Report, analysis: &mut Analysis) {
    let mut files = Vec::new();
    for case in &mut report.cases {
        for point in &mut case.points {
            point.member = None;
        }
        files.extend(case.reviews.drain(..).map(|review| review.file));
    }
    report.meta.members.clear();
    for evidence in analysis.themes.iter_mut().flat_map(|t| &mut t.evidence) {
        if files.contains(&evidence.file) {
            let folder = evidence
                .file
                .rsplit_once('/')
                .map_or("", |(folder, _)| folder);
            evidence.file = format!("{folder}/");
        }
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
    use crate::model::{Case, CaseKey, Field, Located, Shown};

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
            case: CaseKey::plain(1),
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
                cases: vec![CaseKey::plain(1)],
                not_recorded: Vec::new(),
                evidence: vec![
                    evidence("crime_ref", EvidenceSource::Field),
                    evidence("strand", EvidenceSource::Field),
                ],
                ..crate::analyse::Tally::default()
            }],
            ..Analysis::default()
        };
        let all = copies(&report, &analysis, None);
        assert_eq!(all[0].analysis.themes[0].evidence.len(), 2);
        let public = &all[1].analysis.themes[0];
        assert_eq!(public.cases, [CaseKey::plain(1)]);
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
        assert_eq!(
            public.analysis.themes[0].cases,
            [CaseKey::plain(1)],
            "still counted"
        );
        assert!(public.analysis.themes[0].evidence.is_empty());
        assert!(public.analysis.case_themes[0].is_empty());
    }

    #[test]
    fn the_public_copy_names_no_member_and_cites_their_points_by_case_folder() {
        let mut report = report();
        report.meta.audiences[1].suppress_below = Some(0);
        report.meta.members = vec![crate::model::Member {
            id: at("alice"),
            name: "Alice Jones".into(),
        }];
        let case = &mut report.cases[0];
        case.file = "cases/case-01/case.md".into();
        case.points = vec![crate::model::Point {
            member: Some("alice".into()),
            ..crate::model::Point::default()
        }];
        case.reviews = vec![crate::model::Review {
            member: "alice".into(),
            file: "cases/case-01/alice.md".into(),
            points: 1,
            ..crate::model::Review::default()
        }];
        let analysis = Analysis {
            themes: vec![crate::analyse::Tally {
                id: "t".into(),
                cases: vec![CaseKey::plain(1)],
                evidence: vec![crate::analyse::Evidence {
                    case: CaseKey::plain(1),
                    file: "cases/case-01/alice.md".into(),
                    line: 3,
                    source: EvidenceSource::Tag,
                    rule: "#t".into(),
                    text: "Late contact".into(),
                    point: Some(0),
                }],
                ..crate::analyse::Tally::default()
            }],
            ..Analysis::default()
        };
        let all = copies(&report, &analysis, None);
        let (force, public) = (&all[0], &all[1]);
        assert_eq!(
            force.report.cases[0].points[0].member.as_deref(),
            Some("alice")
        );
        assert_eq!(
            force.analysis.themes[0].evidence[0].file,
            "cases/case-01/alice.md"
        );
        assert_eq!(public.report.cases[0].points[0].member, None);
        assert!(public.report.cases[0].reviews.is_empty());
        assert!(public.report.meta.members.is_empty());
        let evidence = &public.analysis.themes[0].evidence[0];
        assert_eq!(
            (evidence.file.as_str(), evidence.line),
            ("cases/case-01/", 3)
        );
    }
}
