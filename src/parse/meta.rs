//! report.yaml: the meeting's metadata and the scales that case files are checked against.

use crate::catalogue::Labels;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::Source;
use crate::model::{Choice, Fact, Located, Meta, Privacy};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::labels::{self, localised};
use crate::parse::yaml::{self, Node, Value};

mod dates;

const KEYS: [&str; 14] = [
    "title",
    "meeting_date",
    "panel",
    "organisation",
    "force",
    "language",
    "languages",
    "labels",
    "marking",
    "word_template",
    "judgements",
    "checks",
    "case_facts",
    "privacy",
];

/// The verdict scale used when report.yaml gives none, in the report's language and, for
/// its other versions, in theirs.
fn default_judgements(language: &str, catalogues: &[(String, Labels)]) -> Vec<Choice> {
    let words = |labels: &Labels| {
        [
            labels.judgement_appropriate.clone(),
            labels.judgement_appropriate_with_observations.clone(),
            labels.judgement_inappropriate.clone(),
            labels.judgement_not_agreed.clone(),
        ]
    };
    let own = catalogues
        .iter()
        .find(|(code, _)| code == language)
        .map_or_else(|| words(&Labels::english()), |(_, l)| words(l));
    let others: Vec<(&String, [String; 4])> = catalogues
        .iter()
        .filter(|(code, _)| code != language)
        .map(|(code, l)| (code, words(l)))
        .collect();
    [
        "appropriate",
        "appropriate-with-observations",
        "inappropriate",
        "not-agreed",
    ]
    .into_iter()
    .zip(own)
    .enumerate()
    .map(|(i, (id, label))| Choice {
        id: id.into(),
        label,
        label_in: others
            .iter()
            .map(|(code, words)| ((*code).clone(), words[i].clone()))
            .collect(),
        colour: None,
    })
    .collect()
}

/// Parses report.yaml. Returns `None` only when it is not YAML at all.
pub fn parse(source: &Source, diagnostics: &mut Diagnostics) -> Option<Meta> {
    let file = source.path.as_str();
    let root = match yaml::parse(file, &source.text, 1) {
        Ok(root) => root,
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            return None;
        }
    };
    let mut meta = Meta {
        language: "en".into(),
        ..Meta::default()
    };
    // Texts given by language are read against the report's own language, which may be
    // written after them.
    let language = match &root.value {
        Value::Map(items) => items
            .iter()
            .find(|(k, _)| k.name == "language")
            .and_then(|(_, v)| v.scalar_text())
            .map(|l| l.trim().to_lowercase())
            .filter(|l| labels::codes().contains(&l.as_str()))
            .unwrap_or_else(|| "en".into()),
        _ => "en".into(),
    };
    let mut judgements = None;
    let mut languages = None;
    let mut labels_node = None;
    let mut title = None;
    let mut date = None;
    let mut date_given = false;
    for (key, value) in entries(&root, file, "report.yaml", diagnostics) {
        let name = key.name.as_str();
        match name {
            "title" => {
                (title, meta.title_in) = localised(value, file, name, &language, diagnostics);
            }
            "meeting_date" => {
                date_given = true;
                date = meeting_date(value, file, diagnostics);
            }
            "panel" => meta.panel = text(value, file, name, diagnostics),
            "organisation" => meta.organisation = text(value, file, name, diagnostics),
            "force" => meta.force = text(value, file, name, diagnostics),
            "marking" => meta.marking = text(value, file, name, diagnostics),
            "language" => {
                if let Some(language) = labels::language(value, file, diagnostics) {
                    meta.language = language;
                }
            }
            "languages" => languages = Some(labels::languages(value, file, diagnostics)),
            "labels" => labels_node = Some(value),
            "word_template" => {
                meta.word_template = text(value, file, name, diagnostics).map(|t| Located {
                    value: t,
                    loc: value.loc,
                });
            }
            "judgements" => {
                judgements = Some(scale(value, file, name, true, &language, diagnostics));
            }
            "checks" => meta.checks = scale(value, file, name, false, &language, diagnostics),
            "case_facts" => meta.case_facts = case_facts(value, file, diagnostics),
            "privacy" => meta.privacy = privacy(value, file, diagnostics),
            _ => diagnostics.push(unknown_key(file, key, &KEYS, "report.yaml", false)),
        }
    }
    meta.languages = languages
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![meta.language.clone()]);
    meta.catalogues = labels::catalogues(
        &meta.language,
        &meta.languages,
        labels_node,
        file,
        diagnostics,
    );
    meta.judgements =
        judgements.unwrap_or_else(|| default_judgements(&meta.language, &meta.catalogues));
    match title {
        Some(t) if !t.trim().is_empty() => meta.title = t,
        _ => diagnostics.push(
            Diagnostic::error(file, Loc::START, "report.yaml has no `title:`")
                .hint("add a line such as `title: Quality Assurance Panel – Hate Crime Scrutiny`"),
        ),
    }
    match date {
        Some(d) => meta.meeting_date = d,
        None if !date_given => diagnostics.push(
            Diagnostic::error(file, Loc::START, "report.yaml has no `meeting_date:`")
                .hint("add a line such as `meeting_date: 2021-09-29` (year-month-day)"),
        ),
        None => {}
    }
    Some(meta)
}

fn privacy(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Privacy {
    let mut privacy = Privacy::default();
    for (key, value) in entries(node, file, "`privacy`", diagnostics) {
        match key.name.as_str() {
            "references" => {
                for (pattern, item) in text_list(value, file, "references", diagnostics) {
                    match regex::Regex::new(&pattern) {
                        Ok(_) => privacy.references.push(Located { value: pattern, loc: item.loc }),
                        Err(err) => diagnostics.push(
                            item.error(file, format!("`{pattern}` is not a valid pattern: {}", err.to_string().lines().last().unwrap_or_default()))
                                .hint("references are regular expressions, such as `DP-\\d{8}` for DP- then eight digits"),
                        ),
                    }
                }
            }
            "allow" => {
                for (text, item) in text_list(value, file, "allow", diagnostics) {
                    // Every text contains the empty string, so it would allow everything.
                    if text.trim().is_empty() {
                        diagnostics.push(
                            Diagnostic::warning(file, item.loc, "an empty entry in `allow:` is ignored")
                                .width(item.width)
                                .hint("blank text would let every finding through; remove it, or give the exact text that is safe to publish, such as \"Dr Jane Smith\""),
                        );
                    } else {
                        privacy.allow.push(text);
                    }
                }
            }
            _ => diagnostics.push(unknown_key(
                file,
                key,
                &["references", "allow"],
                "`privacy`",
                false,
            )),
        }
    }
    privacy
}

/// A date in `YYYY-MM-DD` form that exists in the calendar.
fn meeting_date(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let raw = node.scalar_text().unwrap_or_default();
    if is_calendar_date(&raw) {
        return Some(raw);
    }
    let hint = match dates::rewrite(&raw) {
        Some(date) => {
            format!("did you mean `meeting_date: {date}`? Dates are written year-month-day")
        }
        None => "for the 29th of September 2021 write `meeting_date: 2021-09-29`".to_string(),
    };
    diagnostics.push(
        node.error(
            file,
            format!("`meeting_date` must be a date written YYYY-MM-DD, not `{raw}`"),
        )
        .hint(hint),
    );
    None
}

pub fn is_calendar_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An ordered `id: label` mapping such as `checks:`. With `coloured`, an entry may also
/// be `id: {label: ..., colour: "#RRGGBB"}`, as a RAG-style judgement scale needs.
fn scale(
    node: &Node,
    file: &str,
    what: &str,
    coloured: bool,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    let Value::Map(items) = &node.value else {
        diagnostics.push(
            node.error(
                file,
                format!("`{what}` must be a mapping of `id: label` lines"),
            )
            .hint(format!(
                "for example:\n{what}:\n  risk_assessment: Risk assessment completed"
            )),
        );
        return choices;
    };
    for (key, value) in items {
        let (label, colour, label_in) = match &value.value {
            Value::Map(items) if by_language(items) => {
                let (own, others) = localised(value, file, &key.name, language, diagnostics);
                (own.unwrap_or_else(|| key.name.clone()), None, others)
            }
            Value::Map(_) if coloured => coloured_choice(key, value, file, language, diagnostics),
            Value::Map(_) | Value::Seq(_) => {
                diagnostics.push(
                    value
                        .error(file, format!("the label of `{}` must be text", key.name))
                        .hint(format!(
                            "write it on one line: `{}: Risk assessment completed`",
                            key.name
                        )),
                );
                (key.name.clone(), None, Vec::new())
            }
            _ => (
                value.scalar_text().unwrap_or_else(|| key.name.clone()),
                None,
                Vec::new(),
            ),
        };
        if key.name.trim().is_empty() || key.name.contains(char::is_whitespace) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    key.loc,
                    format!("`{}` cannot be used as an id", key.name),
                )
                .hint("ids are single words such as `hcso_48h` or `risk-assessment`"),
            );
            continue;
        }
        if !is_plain_id(&key.name) {
            diagnostics.push(
                Diagnostic::warning(file, key.loc, format!("`{}` is an unusual id", key.name))
                    .width(key.name.chars().count())
                    .hint(format!(
                        "ids are typed in case files and appear in report.json and themes.csv, where capitals and punctuation are easily mistyped; use lower-case letters, digits, `_` and `-`, such as `{}`",
                        plain_id(&key.name)
                    )),
            );
        }
        choices.push(Choice {
            id: key.name.clone(),
            label,
            label_in,
            colour,
        });
    }
    choices
}

/// `id: {label: ..., colour: "#RRGGBB"}`.
fn coloured_choice(
    key: &yaml::Key,
    node: &Node,
    file: &str,
    language: &str,
    diagnostics: &mut Diagnostics,
) -> (String, Option<String>, Vec<(String, String)>) {
    let mut label = None;
    let mut label_in = Vec::new();
    let mut colour = None;
    let what = format!("`{}`", key.name);
    for (k, value) in entries(node, file, &what, diagnostics) {
        match k.name.as_str() {
            "label" => (label, label_in) = localised(value, file, "label", language, diagnostics),
            "colour" | "color" => {
                let raw = text(value, file, "colour", diagnostics).unwrap_or_default();
                match hex_colour(&raw) {
                    Some(hex) => colour = Some(hex),
                    None => diagnostics.push(
                        value
                            .error(file, format!("`{raw}` is not a colour"))
                            .hint("write a colour as `\"#RRGGBB\"` in quotes, such as `colour: \"#D4351C\"` for red"),
                    ),
                }
            }
            _ => diagnostics.push(unknown_key(file, k, &["label", "colour"], &what, false)),
        }
    }
    let label = label.unwrap_or_else(|| {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("judgement `{}` has no `label:`", key.name),
            )
            .width(key.name.chars().count())
            .hint("add `label: ...` under it: the words shown for this judgement"),
        );
        key.name.clone()
    });
    (label, colour, label_in)
}

/// Whether a mapping's keys are all language codes: a text given in several languages.
fn by_language(items: &[(yaml::Key, Node)]) -> bool {
    let codes = labels::codes();
    !items.is_empty() && items.iter().all(|(k, _)| codes.contains(&k.name.trim()))
}

/// `#RRGGBB` (or `RRGGBB`, or `#RGB`) as upper-case `#RRGGBB`.
fn hex_colour(raw: &str) -> Option<String> {
    let hex = raw.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        6 => hex.to_string(),
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_uppercase()))
}

/// `case_facts:` as a list of field names, or a map from field name to label.
fn case_facts(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut push =
        |field: String, label: Option<String>, loc: Loc, diagnostics: &mut Diagnostics| {
            if facts.iter().any(|f| f.field == field) {
                diagnostics.push(
                    Diagnostic::warning(file, loc, format!("`{field}` is already in `case_facts`"))
                        .width(field.chars().count())
                        .hint("each field is shown once; remove this entry"),
                );
            } else {
                facts.push(Fact { field, label, loc });
            }
        };
    match &node.value {
        Value::Seq(_) => {
            for (field, item) in text_list(node, file, "case_facts", diagnostics) {
                push(field.trim().to_string(), None, item.loc, diagnostics);
            }
        }
        Value::Map(items) => {
            for (key, value) in items {
                let label = value.scalar_text().filter(|l| !l.trim().is_empty());
                push(key.name.clone(), label, key.loc, diagnostics);
            }
        }
        _ => diagnostics.push(
            node.error(file, "`case_facts` must be a list of field names, or a mapping of field: label")
                .hint("for example `case_facts: {offence: Offence, disposal: Outcome}` or `case_facts: [offence, disposal]`"),
        ),
    }
    facts
}

/// Whether `id` has only lower-case letters, digits, `_` and `-`.
fn is_plain_id(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// `id` in the plain shape, keeping its own choice of `-` or `_` between words.
fn plain_id(id: &str) -> String {
    let join = if id.contains('-') && !id.contains('_') {
        '-'
    } else {
        '_'
    };
    super::id_from(id, join)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Meta>, Diagnostics) {
        let mut d = Diagnostics::default();
        let source = Source {
            path: "report.yaml".into(),
            text: text.into(),
        };
        (parse(&source, &mut d), d)
    }

    #[test]
    fn reads_scales_in_order() {
        let (meta, d) = run("title: T\nmeeting_date: 2021-09-29\nchecks:\n  b: Bee\n  a: Ay\n");
        let meta = meta.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(meta.checks[0].id, "b");
        assert_eq!(meta.checks[1].label, "Ay");
        assert_eq!(meta.judgements.len(), 4);
    }

    #[test]
    fn unknown_keys_warn_with_suggestion() {
        let (_, d) = run("title: T\nmeeting_date: 2021-09-29\nmeetng_date: x\n");
        let all = d.sorted();
        assert_eq!(all.len(), 1);
        assert!(!all[0].is_error());
        assert_eq!(all[0].loc, Loc::new(3, 1));
        assert!(all[0].hint.as_deref().unwrap().contains("meeting_date"));
    }

    #[test]
    fn missing_title_and_bad_date() {
        let (_, d) = run("meeting_date: 2021-02-30\n");
        assert_eq!(d.error_count(), 2);
    }

    #[test]
    fn a_blank_allow_entry_is_warned_about_and_ignored() {
        let (meta, d) = run(
            "title: T\nmeeting_date: 2021-09-29\nprivacy:\n  allow: [\"Dr Who\", \"\", \"  \"]\n",
        );
        assert_eq!(meta.unwrap().privacy.allow, ["Dr Who"]);
        let all = d.sorted();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all.iter().all(|d| !d.is_error() && d.loc.line == 4));
        assert!(all[0].message.contains("empty entry in `allow:`"));
    }

    #[test]
    fn unusual_ids_are_warned_about_with_a_plain_one() {
        let (meta, d) = run(
            "title: T\nmeeting_date: 2021-09-29\nchecks:\n  Risk.Assessment: R\n  hcso_48h: H\njudgements:\n  Not-Agreed!: N\n  appropriate: A\n",
        );
        assert_eq!(meta.unwrap().checks.len(), 2);
        let all = d.brief();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(
            all[0].starts_with("4:3 `Risk.Assessment` is an unusual id"),
            "{all:#?}"
        );
        assert!(all[0].ends_with("such as `risk_assessment`"), "{all:#?}");
        assert!(
            all[1].starts_with("7:3 `Not-Agreed!` is an unusual id"),
            "{all:#?}"
        );
        assert!(all[1].ends_with("such as `not-agreed`"), "{all:#?}");
        assert!(d.sorted().iter().all(|d| !d.is_error()));
    }

    #[test]
    fn calendar_dates() {
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("29/09/2021"));
    }
}
