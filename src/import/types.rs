//! The kinds of case a report numbers apart: "S&S Case 1…" beside "UOF Case 1…". When
//! two or more prefixes each number their cases from 1, a second "Case 1" is not a
//! repeat to renumber but another kind's first case, so import declares the prefixes as
//! `case_types:` and gives each case its `type:`, keeping its number within its type.

use super::recognise::Case;

/// A kind of case as the report wrote it: the id it is given and its prefix ("S&S").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseType {
    pub id: String,
    pub prefix: String,
}

/// The report's kinds of case, in the order first met, when every case has a prefix and
/// two or more prefixes each begin at 1; each case then takes its type's id in place of
/// its prefix. Otherwise none, and the cases are left as they are.
pub fn assign(cases: &mut [Case]) -> Vec<CaseType> {
    let mut types: Vec<(CaseType, u32)> = Vec::new();
    for case in cases.iter() {
        let Some(prefix) = &case.facts.prefix else {
            return Vec::new();
        };
        let prefix = super::unescape(prefix).trim().to_string();
        let id = id_of(&prefix);
        match types.iter_mut().find(|(t, _)| t.id == id) {
            Some((_, lowest)) => *lowest = (*lowest).min(case.number),
            None => types.push((CaseType { id, prefix }, case.number)),
        }
    }
    if types.len() < 2 || types.iter().any(|(_, lowest)| *lowest != 1) {
        return Vec::new();
    }
    for case in cases.iter_mut() {
        if let Some(prefix) = case.facts.prefix.take() {
            case.kind = Some(id_of(super::unescape(&prefix).trim()));
        }
    }
    types.into_iter().map(|(t, _)| t).collect()
}

/// A prefix as a type's id: "S&S" is `s-s`, "Hate Crime" `hate-crime`. An id may not
/// end in a digit, since its cases are named `s-s-1`.
fn id_of(prefix: &str) -> String {
    let id = crate::parse::id_from(prefix, '-');
    if id.is_empty() {
        "type".to_string()
    } else if id.ends_with(|c: char| c.is_ascii_digit()) {
        format!("{id}-case")
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::facts::Facts;

    fn case(prefix: Option<&str>, number: u32) -> Case {
        Case {
            number,
            facts: Facts {
                prefix: prefix.map(str::to_string),
                ..Facts::default()
            },
            ..Case::default()
        }
    }

    fn kinds(cases: &[Case]) -> Vec<Option<&str>> {
        cases.iter().map(|c| c.kind.as_deref()).collect()
    }

    #[test]
    fn two_prefixes_each_from_one_are_types_and_the_cases_keep_their_numbers() {
        let mut cases = vec![
            case(Some("S&S"), 1),
            case(Some("S&S"), 2),
            case(Some("UOF"), 1),
            case(Some("s&s"), 3),
        ];
        let types = assign(&mut cases);
        assert_eq!(
            types,
            [
                CaseType {
                    id: "s-s".into(),
                    prefix: "S&S".into()
                },
                CaseType {
                    id: "uof".into(),
                    prefix: "UOF".into()
                },
            ]
        );
        assert_eq!(
            kinds(&cases),
            [Some("s-s"), Some("s-s"), Some("uof"), Some("s-s")]
        );
        assert!(cases.iter().all(|c| c.facts.prefix.is_none()));
        let numbers: Vec<u32> = cases.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [1, 2, 1, 3]);
    }

    #[test]
    fn one_prefix_a_case_without_one_or_a_prefix_not_from_one_makes_no_types() {
        for mut cases in [
            vec![case(Some("S&S"), 1), case(Some("S&S"), 2)],
            vec![case(Some("S&S"), 1), case(None, 2), case(Some("UOF"), 1)],
            vec![case(Some("S&S"), 1), case(Some("UOF"), 2)],
        ] {
            assert!(assign(&mut cases).is_empty());
            assert!(cases.iter().all(|c| c.kind.is_none()));
            assert!(cases[0].facts.prefix.is_some());
        }
    }

    #[test]
    fn an_id_never_ends_in_a_digit_nor_is_empty() {
        assert_eq!(id_of("Hate Crime"), "hate-crime");
        assert_eq!(id_of("Section 60"), "section-60-case");
        assert_eq!(id_of("&"), "type");
    }
}
