//! Field rules: reading a case's front-matter value by name and testing it.
//!
//! Values come from YAML, so a number may be written as text in the rule and a yes/no
//! answer may have been read as true/false; the comparison allows for both.

use crate::model::{Case, Field, FieldTest};

/// Whether the case's `name` passes `test`, and if so the value that did, as shown in the
/// evidence (empty when the test is that the field is absent).
pub(super) fn field_match(case: &Case, name: &str, test: &FieldTest) -> Option<String> {
    let values = field_values(case, name);
    let passing = match test {
        FieldTest::Present(_) => field_matches(values.first(), test).then(|| values.first()),
        _ => values
            .iter()
            .find(|v| field_matches(Some(v), test))
            .map(Some),
    };
    passing.map(|value| match value {
        Some(Field::Text(t)) => t.clone(),
        Some(Field::Number(n)) => n.to_string(),
        // YAML reads an unquoted `no` as false; the panel wrote, and expects to see, no.
        Some(Field::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        None => String::new(),
    })
}

/// A front-matter value by name: a field or one of the standard single values, or for a
/// field given as a list, each of its values, so that a rule
/// holds when it holds for any of them. Breakdowns read fields through this too, so that a
/// table and a rule never disagree about what a case's field says.
pub(crate) fn field_values(case: &Case, name: &str) -> Vec<Field> {
    let text = |t: &Option<String>| t.iter().map(|t| Field::Text(t.clone())).collect();
    match name {
        "title" => text(&case.title),
        "judgement" => case
            .judgement
            .iter()
            .map(|j| Field::Text(j.value.clone()))
            .collect(),
        _ => match case.fields.iter().find(|(n, _)| n == name) {
            Some((_, value)) => vec![value.clone()],
            None => case
                .lists
                .iter()
                .find(|(n, _)| n == name)
                .map_or_else(Vec::new, |(_, values)| values.clone()),
        },
    }
}

/// The fields this reader knows by name whether or not any case gives them.
pub(crate) const STANDARD: [&str; 2] = ["judgement", "title"];

/// Text that is a number, as a quoted value such as `"60"` is.
pub fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn field_matches(value: Option<&Field>, test: &FieldTest) -> bool {
    match (test, value) {
        (FieldTest::Present(want), v) => v.is_some() == *want,
        (_, None) => false,
        (FieldTest::Above(n), Some(Field::Number(v))) => v > n,
        (FieldTest::Below(n), Some(Field::Number(v))) => v < n,
        // `hours: "60"` is the number 60, quoted.
        (FieldTest::Above(n), Some(Field::Text(t))) => number(t).is_some_and(|v| v > *n),
        (FieldTest::Below(n), Some(Field::Text(t))) => number(t).is_some_and(|v| v < *n),
        (FieldTest::Is(values), Some(v)) => {
            let text = match v {
                Field::Text(t) => t.trim().to_lowercase(),
                Field::Number(n) => n.to_string(),
                Field::Bool(b) => b.to_string(),
            };
            values.iter().any(|want| {
                let want = want.trim().to_lowercase();
                want == text
                    || (matches!(v, Field::Number(_))
                        && want.parse::<f64>().ok() == text.parse::<f64>().ok())
                    || (matches!(v, Field::Bool(true)) && want == "yes")
                    || (matches!(v, Field::Bool(false)) && want == "no")
            })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_on_a_custom_list_holds_for_any_of_its_values() {
        let case = Case {
            lists: vec![(
                "offence".into(),
                vec![Field::Text("assault".into()), Field::Text("arson".into())],
            )],
            ..Case::default()
        };
        let is = |v: &str| FieldTest::Is(vec![v.into()]);
        assert_eq!(
            field_match(&case, "offence", &is("arson")),
            Some("arson".into())
        );
        assert_eq!(field_match(&case, "offence", &is("theft")), None);
    }

    #[test]
    fn a_yes_or_no_read_as_a_boolean_is_shown_as_written() {
        let case = Case {
            fields: vec![("mavis".into(), Field::Bool(false))],
            ..Case::default()
        };
        let no = FieldTest::Is(vec!["no".into()]);
        assert_eq!(field_match(&case, "mavis", &no), Some("no".into()));
    }

    #[test]
    fn field_tests() {
        let n = Field::Number(60.0);
        assert!(field_matches(Some(&n), &FieldTest::Above(48.0)));
        assert!(!field_matches(Some(&n), &FieldTest::Below(48.0)));
        assert!(!field_matches(
            Some(&Field::Number(48.0)),
            &FieldTest::Above(48.0)
        ));
        assert!(field_matches(
            Some(&Field::Text("Email".into())),
            &FieldTest::Is(vec!["email".into()])
        ));
        assert!(field_matches(None, &FieldTest::Present(false)));
        let quoted = Field::Text(" 60 ".into());
        assert!(field_matches(Some(&quoted), &FieldTest::Above(48.0)));
        assert!(!field_matches(Some(&quoted), &FieldTest::Below(48.0)));
        let words = Field::Text("60 hours".into());
        assert!(!field_matches(Some(&words), &FieldTest::Above(48.0)));
        assert!(!field_matches(None, &FieldTest::Above(1.0)));
    }
}
