//! The case parser's tests: every front-matter value, the body's problems and the
//! grouping of points under nested headings.

use super::body::file_number;
use super::*;
use crate::model::Choice;
use crate::model::{Answer, Field, FieldDecl, FieldKind, Section};

fn choices(ids: &[&str]) -> Vec<Choice> {
    ids.iter()
        .map(|id| Choice {
            id: id.to_string(),
            label: crate::view::wording::field_label(id),
            colour: None,
            label_in: Vec::new(),
            carry_over: false,
        })
        .collect()
}

fn declared(id: &str, kind: FieldKind) -> FieldDecl {
    FieldDecl {
        id: id.into(),
        label: id.into(),
        label_in: Vec::new(),
        kind,
        required: false,
        file: "report.yaml".into(),
        loc: Loc::START,
    }
}

fn meta() -> Meta {
    Meta {
        fields: vec![
            declared(
                "strand",
                FieldKind::List(choices(&["race", "religion", "disability"])),
            ),
            declared("risk", FieldKind::Choice(choices(&["low", "medium"]))),
            declared("hours", FieldKind::Number),
            declared("rank", FieldKind::Number),
        ],
        checks: vec![Choice {
            id: "hcso_48h".into(),
            label: "HCSO".into(),
            colour: None,
            label_in: Vec::new(),
            carry_over: false,
        }],
        judgements: vec![Choice {
            id: "appropriate".into(),
            label: "Appropriate".into(),
            colour: None,
            label_in: Vec::new(),
            carry_over: false,
        }],
        ..Meta::default()
    }
}

fn run(text: &str) -> (Option<Case>, Diagnostics) {
    run_with(&meta(), text)
}

/// As a panel that declares no fields reads the case: every field is its own.
fn run_undeclared(text: &str) -> (Option<Case>, Diagnostics) {
    let meta = Meta {
        fields: Vec::new(),
        ..meta()
    };
    run_with(&meta, text)
}

fn run_with(meta: &Meta, text: &str) -> (Option<Case>, Diagnostics) {
    let mut d = Diagnostics::default();
    let source = Source {
        path: "cases/c.md".into(),
        text: text.into(),
    };
    (parse(&source, Some(meta), &mut d), d)
}

#[test]
fn reads_a_full_case() {
    let (case, d) = run(
        "---\ncase: 6\nstrand: disability\nrisk: medium\nchecks:\n  hcso_48h: no\njudgement: appropriate\nhours: 60\n---\nBefore.\n\n## Risk\n- slow #late\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let case = case.unwrap();
    assert_eq!(case.number, 6);
    assert_eq!(
        case.lists,
        [("strand".to_string(), vec![Field::Text("disability".into())])]
    );
    assert_eq!(case.checks[0].answer, Answer::No);
    assert_eq!(
        case.fields,
        [
            ("hours".to_string(), Field::Number(60.0)),
            ("risk".to_string(), Field::Text("medium".into()))
        ]
    );
    assert_eq!(case.sections.len(), 2);
    assert_eq!(case.points[0].line, 13);
    assert_eq!(case.points[0].tags[0].value, "late");
}

#[test]
fn every_bad_value_is_reported() {
    let (_, d) = run(
        "---\ncase: six\nstrand: disabilty\nchecks:\n  hcso48h: yes\n  hcso_48h: maybe\njudgement: fine\n---\n",
    );
    let messages: Vec<String> = d
        .sorted()
        .iter()
        .map(|d| format!("{}:{} {}", d.loc.line, d.loc.column, d.message))
        .collect();
    assert_eq!(d.error_count(), 5, "{messages:#?}");
    assert!(messages[0].starts_with("2:7 "), "{messages:#?}");
    let hints: String = d.sorted().iter().filter_map(|d| d.hint.clone()).collect();
    assert!(hints.contains("did you mean `disability`"));
    assert!(hints.contains("did you mean `hcso_48h`"));
}

#[test]
fn empty_front_matter_has_no_number() {
    let (case, d) = run("---\n---\n- A point.\n");
    assert!(case.is_none());
    let all = d.sorted();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].loc, Loc::new(2, 1));
    assert!(all[0].message.contains("front matter is empty"), "{all:#?}");
}

#[test]
fn a_tag_outside_a_point_is_warned_about() {
    let (case, d) = run("---\ncase: 1\n---\nSlow overall. #late\n\n- A point.\n");
    assert!(case.unwrap().points[0].tags.is_empty());
    let all = d.sorted();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(!all[0].is_error());
    assert_eq!(all[0].loc, Loc::new(4, 15));
    assert!(
        all[0]
            .message
            .contains("`#late` is not in a feedback point")
    );
}

#[test]
fn glyph_bullets_are_points_with_their_tags_and_one_warning() {
    let (case, d) = run("---\ncase: 1\n---\n• Slow. #late\n• Fine.\n");
    let case = case.unwrap();
    let points: Vec<(&str, usize)> = case
        .points
        .iter()
        .map(|p| (p.text.as_str(), p.line))
        .collect();
    assert_eq!(points, [("Slow.", 4), ("Fine.", 5)]);
    assert_eq!(case.points[0].tags[0].loc, Loc::new(4, 9));
    let all = d.brief();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("4:1 `•` is not a Markdown bullet; the line was read as a feedback point (and 1 more line)"),
        "{all:#?}"
    );
    assert!(all[0].contains("`- `"), "{all:#?}");
}

#[test]
fn a_case_with_no_point_is_warned_about() {
    let (case, d) = run("---\ncase: 3\n---\nJust a paragraph.\n");
    assert!(case.is_some());
    let all = d.sorted();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(!all[0].is_error());
    assert_eq!(all[0].message, "case 3 has no feedback point");
    assert_eq!(all[0].loc, Loc::new(2, 7));
}

#[test]
fn a_misspelt_standard_key_is_an_error_and_not_a_field() {
    let (case, d) = run("---\ncase: 1\njudgment: appropriate\nhours: 2\n---\n- x\n");
    let all = d.brief();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(d.has_errors());
    assert!(
        all[0]
            .starts_with("3:1 `judgment` is not a standard case field | did you mean `judgement`?"),
        "{all:#?}"
    );
    assert_eq!(
        case.unwrap().fields,
        [("hours".to_string(), Field::Number(2.0))]
    );
}

#[test]
fn an_answer_off_the_scale_gets_the_likely_one() {
    let (_, d) = run("---\ncase: 1\nchecks:\n  hcso_48h: partly\n---\n- x\n");
    let all = d.brief();
    assert!(
        all[0].starts_with(
            "4:13 `partly` is not an answer on the scale for `hcso_48h` | did you mean `partial`?"
        ),
        "{all:#?}"
    );
    let (case, d) = run("---\ncase: 1\nchecks:\n  hcso_48h: ' Partial '\n---\n- x\n");
    assert!(d.is_empty(), "{:?}", d.brief());
    assert_eq!(case.unwrap().checks[0].answer, Answer::Partial);
}

#[test]
fn friendly_readings_of_numbers_and_lists() {
    let (case, d) =
        run("---\ncase: \"6\"\nstrand: race, Disability\nthemes: late, \"slow\"\n---\n- x\n");
    assert!(d.is_empty(), "{:?}", d.brief());
    let case = case.unwrap();
    assert_eq!(case.number, 6);
    assert_eq!(
        case.lists,
        [(
            "strand".to_string(),
            vec![Field::Text("race".into()), Field::Text("disability".into())]
        )]
    );
    let themes: Vec<(&str, usize)> = case
        .themes
        .iter()
        .map(|t| (t.value.as_str(), t.loc.column))
        .collect();
    assert_eq!(themes, [("late", 9), ("slow", 15)]);
    let (_, d) = run("---\ncase: 1\nstrand: race, disabilty\n---\n- x\n");
    assert_eq!(
        d.brief(),
        [
            "3:15 `disabilty` is not a choice for `strand` | did you mean `disability`? The choices are `race`, `religion` or `disability` (declared under `fields:` in report.yaml)"
        ]
    );
}

#[test]
fn a_case_number_among_words_is_suggested() {
    let (case, d) = run("---\ncase: Case 06\n---\n- x\n");
    assert!(case.is_none());
    assert_eq!(
        d.brief(),
        [
            "2:7 `case` must be a positive whole number, not `Case 06` | did you mean `case: 6`? Write the number alone"
        ]
    );
}

#[test]
fn a_comment_where_a_value_was_meant_is_warned_about() {
    let (case, d) = run("---\ncase: 1\nthemes: #late\ntitle:   # to do\n---\n- x\n");
    assert!(case.unwrap().themes.is_empty());
    let all = d.brief();
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all[0].starts_with("3:9 `themes` has no value: YAML reads `#late` as a comment | theme ids are written without `#` in front matter: `themes: [late]`"), "{all:#?}");
    assert!(all[1].starts_with("4:10 `title` has no value"), "{all:#?}");
}

#[test]
fn headings_of_any_level_group_points_and_nest() {
    let (case, _) = run(
        "---\ncase: 1\n---\nIntro.\n\n## Risk\n- a\n### Contact\n- b\n#### Calls\n- c\n### Letters\n- d\n## Records\n- e\n# Top\n### Deep\n- f\n",
    );
    fn shape(sections: &[Section]) -> Vec<String> {
        sections
            .iter()
            .map(|s| {
                let heading = s
                    .heading
                    .as_deref()
                    .map(crate::model::plain_text)
                    .unwrap_or_default();
                let inner = shape(&s.children);
                if inner.is_empty() {
                    format!("{}{heading}:{}", s.level, s.blocks.len())
                } else {
                    format!(
                        "{}{heading}:{}[{}]",
                        s.level,
                        s.blocks.len(),
                        inner.join(" ")
                    )
                }
            })
            .collect()
    }
    assert_eq!(
        shape(&case.unwrap().sections),
        [
            "0:1",
            "2Risk:1[3Contact:1[4Calls:1] 3Letters:1]",
            "2Records:1",
            "1Top:0[3Deep:1]",
        ]
    );
}

#[test]
fn a_forgotten_bullet_an_empty_point_and_a_copied_file_are_warned_about() {
    let mut d = Diagnostics::default();
    let source = Source {
        path: "cases/case-06.md".into(),
        text: "---\ncase: 7\n---\n- Contact was slow.\nThe log was wrong.\n-\n".into(),
    };
    let case = parse(&source, Some(&meta()), &mut d).unwrap();
    assert_eq!(case.points.len(), 2);
    let all = d.brief();
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(
        all[0].starts_with("2:7 this file is named for case 6 but is case 7"),
        "{all:#?}"
    );
    assert!(
        all[1].starts_with("5:1 this line is read as more of the point above"),
        "{all:#?}"
    );
    assert!(all[2].starts_with("6:1 this point is empty"), "{all:#?}");
    assert_eq!(file_number("cases/2024/Case 06.md"), Some(6));
    assert_eq!(file_number("cases/case-6-assault.md"), None);
    assert_eq!(file_number("cases/a-third.md"), None);
}

#[test]
fn missing_number_and_front_matter() {
    assert!(
        run("---\ntitle: x\n---\n").1.sorted()[0]
            .message
            .contains("no `case:`")
    );
    assert!(
        run("- just a point\n").1.sorted()[0]
            .message
            .contains("no front matter")
    );
}

#[test]
fn a_check_written_outside_checks_is_an_error_not_a_field() {
    let (case, d) = run("---\ncase: 1\nchecks:\nhcso_48h: no\n---\n- x\n");
    let case = case.unwrap();
    assert!(case.checks.is_empty() && case.fields.is_empty());
    assert_eq!(
        d.brief(),
        [
            "4:1 `hcso_48h` is a check, but is not under `checks:` | indent it by two spaces under a `checks:` line, as `  hcso_48h: ...`, so that it counts as the case's answer"
        ]
    );
}

#[test]
fn a_second_case_pasted_into_the_file_is_an_error() {
    let (case, d) = run("---\ncase: 1\n---\n- One.\n\n---\ncase: 2\n---\n- Two.\n");
    assert_eq!(case.unwrap().number, 1);
    let all = d.brief();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(d.has_errors());
    assert!(
        all[0].starts_with("6:1 a second front matter, for case 2, in the body of case 1"),
        "{all:#?}"
    );
}

#[test]
fn a_key_a_slip_from_a_standard_one_is_an_error_and_from_a_declared_one_a_warning() {
    for key in ["judgment", "Judgement", "tittle", "check"] {
        let (_, d) = run(&format!("---\ncase: 1\n{key}: x\n---\n- x\n"));
        assert!(d.has_errors(), "{key}: {:?}", d.brief());
    }
    // A slip from a declared field is warned about, with the field it likely means.
    let (_, d) = run("---\ncase: 1\nstrands: race\n---\n- x\n");
    assert!(!d.has_errors(), "{:?}", d.brief());
    assert!(
        d.brief()[0].contains(
            "`strands` is not one of the panel's declared fields | did you mean `strand`?"
        ),
        "{:?}",
        d.brief()
    );
    // A declared field a slip away from a standard key is the panel's own.
    let (case, d) = run("---\ncase: 1\nrank: 3\n---\n- x\n");
    assert!(d.is_empty(), "{:?}", d.brief());
    assert_eq!(
        case.unwrap().fields,
        [("rank".to_string(), Field::Number(3.0))]
    );
}

#[test]
fn a_custom_list_of_single_values_is_kept_for_rules_and_breakdowns() {
    let (case, d) = run_undeclared(
        "---\ncase: 1\noffence: [assault, 12, true]\nnested: [[a]]\nwhere: {a: b}\n---\n- A point.\n",
    );
    let case = case.unwrap();
    assert_eq!(
        case.lists,
        [(
            "offence".to_string(),
            vec![
                Field::Text("assault".into()),
                Field::Number(12.0),
                Field::Bool(true)
            ]
        )]
    );
    assert!(case.fields.is_empty());
    let brief = d.brief();
    assert_eq!(brief.len(), 2, "{brief:?}");
    assert!(
        brief[0].starts_with("4:1 `nested` is a list of more than single values"),
        "{brief:?}"
    );
    assert!(
        brief[1].starts_with("5:1 `where` is a mapping"),
        "{brief:?}"
    );
}

#[test]
fn a_check_with_no_answer_is_unanswered_with_one_warning_at_checks() {
    let (case, d) =
        run("---\ncase: 2\nchecks:\n  hcso_48h:\n  risk:\njudgement:\n---\n- a point\n");
    let case = case.unwrap();
    assert!(case.checks.is_empty(), "{:?}", case.checks);
    assert_eq!(case.judgement, None);
    let brief = d.brief();
    // `risk` is not a check of the report: its error stands, and the unanswered one warns once.
    assert_eq!(brief.len(), 2, "{brief:?}");
    assert!(
        brief[0].starts_with("3:1 1 unanswered check: `hcso_48h`"),
        "{brief:?}"
    );
    assert!(
        brief[1].starts_with("5:3 unknown check `risk`"),
        "{brief:?}"
    );
}

#[test]
fn a_declared_field_is_read_as_its_type_says() {
    let (case, d) = run(
        "---\ncase: 1\nstrand: Religion, race\nrisk: Medium\nhours: \" 12 \"\n---\n- a point\n",
    );
    assert!(d.is_empty(), "{:?}", d.brief());
    let case = case.unwrap();
    assert_eq!(
        case.lists[0].1,
        [Field::Text("religion".into()), Field::Text("race".into())]
    );
    assert_eq!(
        case.fields,
        [
            ("hours".to_string(), Field::Number(12.0)),
            ("risk".to_string(), Field::Text("medium".into()))
        ]
    );
    let (case, d) = run("---\ncase: 1\nrisk: [low]\nhours: 60 hours\nrank: x\n---\n- a point\n");
    assert_eq!(
        d.brief(),
        [
            "3:7 `risk` takes one value, not a list | `risk` is declared as a choice field (declared under `fields:` in report.yaml)",
            "4:8 `60 hours` is not a number, and `hours` is a number field | did you mean `hours: 60`? Write the number alone (declared under `fields:` in report.yaml)",
            "5:7 `x` is not a number, and `rank` is a number field | write the number alone, such as `rank: 12` (declared under `fields:` in report.yaml)",
        ]
    );
    assert!(case.unwrap().fields.is_empty());
}

#[test]
fn a_required_field_left_out_is_a_warning_publish_refuses() {
    let mut meta = meta();
    meta.fields[1].required = true;
    let (_, d) = run_with(&meta, "---\ncase: 3\n---\n- a point\n");
    let all = d.sorted();
    assert_eq!(all.len(), 1, "{:?}", d.brief());
    assert!(!all[0].is_error());
    assert_eq!(all[0].code, Some(REQUIRED_FIELD));
    assert!(all[0].message.contains("no `risk`"), "{:?}", d.brief());
    // A value written but refused is its own error, not also a missing field.
    let (_, d) = run_with(&meta, "---\ncase: 3\nrisk: hgh\n---\n- a point\n");
    assert_eq!(d.brief().len(), 1, "{:?}", d.brief());
    assert!(d.has_errors());
}

#[test]
fn an_answered_check_gives_no_unanswered_warning() {
    let (case, d) = run("---\ncase: 2\nchecks:\n  hcso_48h: yes\n---\n- a point\n");
    assert_eq!(case.unwrap().checks.len(), 1);
    assert!(d.is_empty(), "{:?}", d.brief());
}

#[test]
fn an_answer_may_carry_its_words() {
    let (case, d) = run(
        "---\ncase: 6\nchecks:\n  hcso_48h: {answer: partial, note: \"No mention that he was being detained\"}\n---\n- A point.\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let answer = &case.unwrap().checks[0];
    assert_eq!(answer.answer, Answer::Partial);
    assert_eq!(
        answer.note.as_deref(),
        Some("No mention that he was being detained")
    );
    assert_eq!((answer.loc.line, answer.loc.column), (4, 22));
}

#[test]
fn an_answer_written_as_a_mapping_has_only_its_answer_and_note() {
    let (case, d) = run(
        "---\ncase: 6\nchecks:\n  hcso_48h:\n    answer: no\n    notes: late\n---\n- A point.\n",
    );
    let messages: Vec<String> = d
        .sorted()
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} | {}",
                d.loc.line,
                d.loc.column,
                d.message,
                d.hint.clone().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        messages,
        ["6:5 unknown key `notes` in the answer to `hcso_48h` | did you mean `note`?"]
    );
    assert!(case.unwrap().checks.is_empty());
}

#[test]
fn a_note_without_an_answer_is_an_error() {
    let (case, d) = run("---\ncase: 6\nchecks:\n  hcso_48h: {note: late}\n---\n- A point.\n");
    let errors: Vec<&str> = d
        .sorted()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(errors, ["the note on `hcso_48h` has no answer"]);
    assert!(case.unwrap().checks.is_empty());
}

#[test]
fn a_plain_answer_has_no_note() {
    let (case, d) = run("---\ncase: 6\nchecks:\n  hcso_48h: {answer: yes}\n---\n- A point.\n");
    assert!(d.is_empty(), "{d:?}");
    let answer = &case.unwrap().checks[0];
    assert_eq!((answer.answer, answer.note.as_deref()), (Answer::Yes, None));
}
