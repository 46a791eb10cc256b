//! Field rules: reading a case's front-matter value by name and testing it.
//!
//! Values come from YAML, so a number may be written as text in the rule and a yes/no
//! answer may have been read as true/false; the comparison allows for both.

use crate::model::{Case, Field, FieldTest};

/// A front-matter value by name: a custom field, or one of the standard single values.
pub(super) fn field_value(case: &Case, name: &str) -> Option<Field> {
    let text = |t: &Option<String>| t.as_ref().map(|t| Field::Text(t.clone()));
    match name {
        "risk" => text(&case.risk),
        "title" => text(&case.title),
        "recorded_as" => text(&case.recorded_as),
        "judgement" => case
            .judgement
            .as_ref()
            .map(|j| Field::Text(j.value.clone())),
        "strand" if case.strands.len() == 1 => Some(Field::Text(case.strands[0].clone())),
        _ => case
            .fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone()),
    }
}

pub(super) fn field_matches(value: Option<&Field>, test: &FieldTest) -> bool {
    match (test, value) {
        (FieldTest::Present(want), v) => v.is_some() == *want,
        (_, None) => false,
        (FieldTest::Above(n), Some(Field::Number(v))) => v > n,
        (FieldTest::Below(n), Some(Field::Number(v))) => v < n,
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
        assert!(!field_matches(None, &FieldTest::Above(1.0)));
    }
}
