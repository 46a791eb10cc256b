//! Deciding which cases have which themes, keeping the evidence for every match.
//!
//! Each point's text is normalised once, and each rule once, so the work grows with
//! cases × rules rather than anything worse.

use std::collections::BTreeSet;

use crate::analyse::{Evidence, EvidenceSource, Tally};
use crate::model::{Case, Field, FieldTest, Report, Rule, Theme};

/// Text as phrase rules compare it: lower case, curly quotes made straight, white space
/// runs made one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The tally of every theme: themes.yaml's, or the tags used when there is none.
pub fn tally(report: &Report) -> Vec<Tally> {
    let themes: Vec<Theme> = match &report.themes {
        Some(themes) => themes.clone(),
        None => free_form_themes(report),
    };
    let normalised: Vec<Vec<String>> = report
        .cases
        .iter()
        .map(|case| case.points.iter().map(|p| normalise(&p.text)).collect())
        .collect();
    let mut tallies: Vec<Tally> = themes
        .iter()
        .map(|theme| {
            let matcher = Matcher::new(theme);
            let mut evidence = Vec::new();
            for (case, points) in report.cases.iter().zip(&normalised) {
                matcher.evidence(case, points, &mut evidence);
            }
            evidence.sort_by_key(|a| (a.case, a.line, a.source));
            let cases: BTreeSet<u32> = evidence.iter().map(|e| e.case).collect();
            Tally {
                id: theme.id.clone(),
                label: theme.label.clone(),
                summary: theme.summary.clone(),
                cases: cases.into_iter().collect(),
                evidence,
            }
        })
        .collect();
    tallies.sort_by_key(|t| std::cmp::Reverse(t.count()));
    tallies
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
            loc: Default::default(),
            label: id.to_string(),
            summary: None,
            rules: Vec::new(),
        })
        .collect()
}

/// A theme's rules, prepared for matching.
struct Matcher<'a> {
    theme: &'a Theme,
    phrases: Vec<(String, Vec<String>, &'a str)>,
}

impl<'a> Matcher<'a> {
    fn new(theme: &'a Theme) -> Self {
        let phrases = theme
            .rules
            .iter()
            .filter_map(|rule| match rule {
                Rule::Phrase { phrase, unless } => Some((
                    normalise(phrase),
                    unless.iter().map(|u| normalise(u)).collect(),
                    phrase.as_str(),
                )),
                _ => None,
            })
            .collect();
        Matcher { theme, phrases }
    }

    fn evidence(&self, case: &Case, points: &[String], out: &mut Vec<Evidence>) {
        let id = self.theme.id.as_str();
        let mut push = |line, source, rule: String, text: String, point| {
            out.push(Evidence {
                case: case.number,
                file: case.file.clone(),
                line,
                source,
                rule,
                text,
                point,
            });
        };
        for tag in case.themes.iter().filter(|t| t.value == id) {
            push(
                tag.loc.line,
                EvidenceSource::FrontMatter,
                format!("themes: {id}"),
                id.to_string(),
                None,
            );
        }
        for (index, point) in case.points.iter().enumerate() {
            if point.tags.iter().any(|t| t.value == id) {
                push(
                    point.line,
                    EvidenceSource::Tag,
                    format!("#{id}"),
                    point.text.clone(),
                    Some(index),
                );
            }
            let normal = &points[index];
            for (phrase, unless, written) in &self.phrases {
                if !phrase.is_empty()
                    && normal.contains(phrase.as_str())
                    && !unless
                        .iter()
                        .any(|u| !u.is_empty() && normal.contains(u.as_str()))
                {
                    push(
                        point.line,
                        EvidenceSource::Phrase,
                        (*written).to_string(),
                        point.text.clone(),
                        Some(index),
                    );
                }
            }
        }
        for rule in &self.theme.rules {
            match rule {
                Rule::Check { check, is } => {
                    if let Some(answer) = case
                        .checks
                        .iter()
                        .find(|a| a.id == check.value && is.contains(&a.answer))
                    {
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
                    let value = field_value(case, name);
                    if field_matches(value.as_ref(), test) {
                        let shown = match &value {
                            Some(Field::Text(t)) => t.clone(),
                            Some(Field::Number(n)) => n.to_string(),
                            Some(Field::Bool(b)) => b.to_string(),
                            None => String::new(),
                        };
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

/// A front-matter value by name: a custom field, or one of the standard single values.
fn field_value(case: &Case, name: &str) -> Option<Field> {
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

fn field_matches(value: Option<&Field>, test: &FieldTest) -> bool {
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
    fn normalises_quotes_case_and_space() {
        assert_eq!(
            normalise("  The  Victim’s\n“Pack”  "),
            "the victim's \"pack\""
        );
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
        assert!(!field_matches(None, &FieldTest::Above(1.0)));
    }
}
