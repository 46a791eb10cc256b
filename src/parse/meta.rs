//! report.yaml: the meeting's metadata and the scales that case files are checked against.

use crate::catalogue::Labels;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc, SourceId};
use crate::load::Source;
use crate::model::{Choice, Located, Meta, Privacy};
use crate::parse::frontmatter::{entries, text, text_list, unknown_key};
use crate::parse::labels::{self, localised};
use crate::parse::yaml::{self, Node, Value};

mod breakdown;
pub mod dates;
mod fields;
mod scale;

use scale::{case_facts, scale};

pub(crate) const KEYS: [&str; 16] = [
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
    "breakdown",
    "fields",
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
    parse_layers(&[source], diagnostics)
}

/// Parses a meeting's settings from `layers`: an archive's panel.yaml first, if there is
/// one, and report.yaml last. A key in a later layer overrides the same key in an earlier
/// one; `checks:` and `judgements:` add entries after the earlier layer's or relabel one,
/// and `privacy:` lists add to it. Each problem is reported in the file that has it.
/// Returns `None` only when report.yaml is not YAML at all.
pub fn parse_layers(layers: &[&Source], diagnostics: &mut Diagnostics) -> Option<Meta> {
    let (report, panels) = layers.split_last()?;
    let mut roots: Vec<(&str, Node)> = Vec::with_capacity(layers.len());
    for source in panels.iter().chain([report]) {
        match yaml::parse(&source.path, &source.text, 1) {
            Ok(root) => roots.push((source.path.as_str(), root)),
            Err(diagnostic) => {
                diagnostics.push(*diagnostic);
                if std::ptr::eq(*source, *report) {
                    return None;
                }
            }
        }
    }
    let report_file = report.path.as_str();
    let mut meta = Meta {
        language: "en".into(),
        ..Meta::default()
    };
    // Texts given by language are read against the report's own language, which may be
    // written after them, or only in panel.yaml.
    let language = roots
        .iter()
        .rev()
        .find_map(|(_, root)| match &root.value {
            Value::Map(items) => items
                .iter()
                .find(|(k, _)| k.name == "language")
                .and_then(|(_, v)| v.scalar_text()),
            _ => None,
        })
        .map(|l| l.trim().to_lowercase())
        .filter(|l| labels::codes().contains(&l.as_str()))
        .unwrap_or_else(|| "en".into());
    let mut judgements: Option<Vec<Choice>> = None;
    let mut languages = None;
    let mut labels_nodes = Vec::new();
    let mut title = None;
    let mut date = None;
    let mut date_given = false;
    for (file, root) in &roots {
        let file = *file;
        let source = SourceId::new(file);
        let what = file.rsplit('/').next().unwrap_or(file);
        let is_panel = !std::ptr::eq(file, report_file);
        for (key, value) in entries(root, file, what, diagnostics) {
            let name = key.name.as_str();
            if KEYS.contains(&name) {
                meta.keys.push(Located {
                    value: name.to_string(),
                    loc: key.loc,
                    source: source.clone(),
                });
            }
            match name {
                "title" => {
                    (title, meta.title_in) = localised(value, file, name, &language, diagnostics);
                }
                "meeting_date" if is_panel => diagnostics.push(
                    Diagnostic::error(file, key.loc, "`meeting_date` belongs in each meeting's report.yaml, not in panel.yaml")
                        .width(name.len())
                        .hint("panel.yaml holds what every meeting shares; move this line into the report.yaml of the meeting it dates"),
                ),
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
                "labels" => labels_nodes.push((value, file)),
                "word_template" => {
                    meta.word_template = text(value, file, name, diagnostics).map(|t| Located {
                        value: t,
                        loc: value.loc,
                        source: source.clone(),
                    });
                }
                "judgements" => {
                    let scale = scale(value, file, name, true, &language, diagnostics);
                    judgements = Some(layer(judgements.unwrap_or_default(), scale));
                }
                "checks" => {
                    let scale = scale(value, file, name, false, &language, diagnostics);
                    meta.checks = layer(std::mem::take(&mut meta.checks), scale);
                }
                "case_facts" => meta.case_facts = case_facts(value, file, diagnostics),
                "breakdown" => meta.breakdown = breakdown::breakdown(value, file, diagnostics),
                "fields" => {
                    let declared = fields::fields(value, file, &language, diagnostics);
                    meta.fields = fields::layer(std::mem::take(&mut meta.fields), declared);
                }
                "privacy" => {
                    let more = privacy(value, file, diagnostics);
                    meta.privacy.references.extend(more.references);
                    meta.privacy.allow.extend(more.allow);
                }
                _ => diagnostics.push(unknown_key(file, key, &KEYS, what, false)),
            }
        }
    }
    let file = report_file;
    meta.languages = languages
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![meta.language.clone()]);
    meta.catalogues =
        labels::catalogues(&meta.language, &meta.languages, &labels_nodes, diagnostics);
    meta.judgements =
        judgements.unwrap_or_else(|| default_judgements(&meta.language, &meta.catalogues));
    let inherits = !panels.is_empty();
    match title {
        Some(t) if !t.trim().is_empty() => meta.title = t,
        _ => diagnostics.push(
            Diagnostic::error(file, Loc::START, "report.yaml has no `title:`").hint(if inherits {
                "add a line such as `title: Quality Assurance Panel – Hate Crime Scrutiny`, here or in the archive's panel.yaml for every meeting"
            } else {
                "add a line such as `title: Quality Assurance Panel – Hate Crime Scrutiny`"
            }),
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

/// A scale of a later layer over an earlier one's: an entry with an earlier id relabels
/// it in place, and a new one follows the earlier entries.
fn layer(mut earlier: Vec<Choice>, later: Vec<Choice>) -> Vec<Choice> {
    for choice in later {
        match earlier.iter_mut().find(|c| c.id == choice.id) {
            Some(old) => *old = choice,
            None => earlier.push(choice),
        }
    }
    earlier
}

fn privacy(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Privacy {
    let mut privacy = Privacy::default();
    for (key, value) in entries(node, file, "`privacy`", diagnostics) {
        match key.name.as_str() {
            "references" => {
                for (pattern, item) in text_list(value, file, "references", diagnostics) {
                    match regex::Regex::new(&pattern) {
                        Ok(_) => privacy.references.push(Located { value: pattern, loc: item.loc, source: SourceId::new(file) }),
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
