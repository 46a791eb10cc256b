//! Breakdowns, pairs and mentions counted on four cases whose numbers are known by hand.

use super::*;
use crate::diagnostic::Loc;
use crate::model::{Case, Choice, FieldDecl, FieldKind, Located, Meta, Point};

fn case(number: u32, strands: &[&str], offence: Option<&str>, tags: &[&str]) -> Case {
    Case {
        number,
        file: format!("cases/{number}.md"),
        lists: vec![(
            "strand".to_string(),
            strands.iter().map(|s| Field::Text(s.to_string())).collect(),
        )],
        fields: offence
            .map(|o| vec![("offence".to_string(), Field::Text(o.into()))])
            .unwrap_or_default(),
        points: vec![Point {
            line: 5,
            text: "A point.".into(),
            tags: tags
                .iter()
                .map(|t| Located {
                    value: t.to_string(),
                    loc: Loc::START,
                    source: crate::diagnostic::SourceId::new("report.yaml"),
                })
                .collect(),
            member: None,
        }],
        ..Case::default()
    }
}

/// A declared field whose choices come in this order.
fn declared(id: &str, list: bool, choices: &[&str]) -> FieldDecl {
    let choices: Vec<Choice> = choices
        .iter()
        .map(|c| Choice {
            id: c.to_string(),
            label: c.to_string(),
            label_in: Vec::new(),
            colour: None,
            carry_over: false,
        })
        .collect();
    FieldDecl {
        id: id.into(),
        label: id.into(),
        label_in: Vec::new(),
        kind: if list {
            FieldKind::List(choices)
        } else {
            FieldKind::Choice(choices)
        },
        required: false,
        file: "report.yaml".into(),
        loc: Loc::START,
    }
}

fn report(fields: &[&str]) -> Report {
    Report {
        meta: Meta {
            fields: vec![
                declared("strand", true, &["race", "religion", "disability"]),
                declared("risk", false, &["low", "high"]),
            ],
            breakdown: fields
                .iter()
                .map(|f| Located {
                    value: f.to_string(),
                    loc: Loc::new(3, 14),
                    source: crate::diagnostic::SourceId::new("report.yaml"),
                })
                .collect(),
            ..Meta::default()
        },
        cases: vec![
            case(
                1,
                &["religion", "race"],
                Some("assault"),
                &["late", "records"],
            ),
            case(2, &["race"], None, &["late", "records"]),
            case(3, &[], Some("criminal damage"), &["late", "voice"]),
            case(4, &["race"], Some("assault"), &["records"]),
        ],
        ..Report::default()
    }
}

fn analysed(fields: &[&str]) -> (super::super::Analysis, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let analysis = super::super::analyse(&report(fields), &mut diagnostics);
    (analysis, diagnostics)
}

#[test]
fn a_declared_field_keeps_its_choices_order_and_the_cases_without_it_come_last() {
    let (analysis, _) = analysed(&["strand"]);
    let table = &analysis.breakdowns[0];
    assert_eq!(
        table.values,
        [Some("race".into()), Some("religion".into()), None]
    );
    // Case 1 is race and religion, so counts under both.
    assert_eq!(table.all, [3, 1, 1]);
    let rows: Vec<(&str, &[usize])> = table
        .rows
        .iter()
        .map(|r| (r.theme.as_str(), r.counts.as_slice()))
        .collect();
    assert_eq!(
        rows,
        [
            ("late", &[2, 1, 1][..]),
            ("records", &[3, 1, 0][..]),
            ("voice", &[0, 0, 1][..]),
        ]
    );
}

#[test]
fn a_custom_field_keeps_the_order_its_values_first_appear_in() {
    let (analysis, diagnostics) = analysed(&["offence"]);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let table = &analysis.breakdowns[0];
    assert_eq!(
        table.values,
        [Some("assault".into()), Some("criminal damage".into()), None]
    );
    assert_eq!(table.all, [2, 1, 1]);
}

#[test]
fn a_field_no_case_has_is_warned_about_with_the_nearest_and_gets_no_table() {
    let (analysis, diagnostics) = analysed(&["offense", "risk"]);
    let brief = diagnostics.brief();
    assert_eq!(brief.len(), 1, "{brief:?}");
    assert!(
        brief[0].starts_with("3:14 no case has the field `offense`"),
        "{brief:?}"
    );
    assert!(brief[0].ends_with("did you mean `offence`?"), "{brief:?}");
    // `risk` is a declared field: no case giving it is itself worth showing.
    assert_eq!(analysis.breakdowns.len(), 1);
    assert_eq!(analysis.breakdowns[0].values, [None]);
    assert_eq!(analysis.breakdowns[0].all, [4]);
}

#[test]
fn pairs_are_the_themes_two_or_more_cases_share() {
    let (analysis, _) = analysed(&[]);
    let pairs: Vec<(&str, &str, Vec<u32>)> = analysis
        .pairs
        .iter()
        .map(|p| {
            (
                p.themes[0].as_str(),
                p.themes[1].as_str(),
                p.cases.iter().map(|c| c.number).collect::<Vec<_>>(),
            )
        })
        .collect();
    // late and voice share only case 3, so are not a pair.
    assert_eq!(pairs, [("late", "records", vec![1, 2])]);
}

#[test]
fn mentions_count_each_point_once() {
    let (analysis, _) = analysed(&[]);
    let late = analysis.themes.iter().find(|t| t.id == "late").unwrap();
    assert_eq!(late.points(), 3);
}
