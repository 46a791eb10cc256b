//! report.yaml and panel.yaml: a meeting's settings and the scales its case files are
//! checked against. Each file is read on its own ([`layer`]) and the layers are merged
//! here, so that what a panel shares and what one meeting says stay apart until then.

use crate::catalogue::Labels;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::Source;
use crate::model::{Choice, Meta};
use crate::parse::labels;
use crate::parse::yaml::{self, Node, Value};

mod audiences;
mod breakdown;
mod case_types;
pub mod dates;
mod fields;
pub mod layer;
mod members;
mod privacy;
mod scale;

use layer::{Layer, Role};

pub(crate) const KEYS: &[&str] = &[
    "title",
    "meeting_date",
    "session",
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
    "case_types",
    "privacy",
    "response_headings",
    "audiences",
    "members",
    "packs_due",
    "packs_audience",
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
        carry_over: false,
    })
    .collect()
}

/// Parses report.yaml. Returns `None` only when it is not YAML at all.
pub fn parse(source: &Source, diagnostics: &mut Diagnostics) -> Option<Meta> {
    parse_layers(&[source], diagnostics)
}

/// Parses a meeting's settings from `layers`: an archive's panel.yaml first, if there is
/// one, and report.yaml last. Each file is read on its own into a [`Layer`], then
/// [`merge`]d. Each problem is reported in the file that has it. Returns `None` only when
/// report.yaml is not YAML at all.
pub fn parse_layers(layers: &[&Source], diagnostics: &mut Diagnostics) -> Option<Meta> {
    let (report, panels) = layers.split_last()?;
    let mut roots: Vec<(&str, Role, Node)> = Vec::with_capacity(layers.len());
    for source in panels.iter().chain([report]) {
        let role = if std::ptr::eq(*source, *report) {
            Role::Meeting
        } else {
            Role::Panel
        };
        match yaml::parse(&source.path, &source.text, 1) {
            Ok(root) => roots.push((source.path.as_str(), role, root)),
            Err(diagnostic) => {
                diagnostics.push(*diagnostic);
                if role == Role::Meeting {
                    return None;
                }
            }
        }
    }
    let language = language_of(roots.iter().map(|(_, _, root)| root));
    let read: Vec<Layer> = roots
        .iter()
        .map(|(file, role, root)| layer::read(file, root, *role, &language, diagnostics))
        .collect();
    Some(merge(
        &read,
        report.path.as_str(),
        !panels.is_empty(),
        diagnostics,
    ))
}

/// The report's language, which texts given by language are read against: it may be
/// written after them, or only in panel.yaml. A later layer's wins; English when none
/// names a language there is.
fn language_of<'a>(roots: impl DoubleEndedIterator<Item = &'a Node>) -> String {
    roots
        .rev()
        .find_map(|root| match &root.value {
            Value::Map(items) => items
                .iter()
                .find(|(k, _)| k.name == "language")
                .and_then(|(_, v)| v.scalar_text()),
            _ => None,
        })
        .map(|l| l.trim().to_lowercase())
        .filter(|l| labels::codes().contains(&l.as_str()))
        .unwrap_or_else(|| "en".into())
}

/// The settings of one meeting from its layers, earliest first. A key in a later layer
/// overrides the same key in an earlier one; `checks:`, `judgements:` and `fields:` add
/// entries after the earlier layer's or replace one with the same id; `case_types:` and
/// `audiences:` are replaced whole, as a meeting's types are one list and a copy's fields
/// are read together; `privacy:` lists add
/// to it; every layer's `labels:` apply in order. `Meta::keys` keeps where each came from.
pub fn merge(
    layers: &[Layer],
    report_file: &str,
    inherits: bool,
    diagnostics: &mut Diagnostics,
) -> Meta {
    let mut meta = Meta {
        language: "en".into(),
        ..Meta::default()
    };
    let mut judgements: Option<Vec<Choice>> = None;
    let mut languages = None;
    let mut title = None;
    let mut date = None;
    let mut date_given = false;
    let mut labels_nodes = Vec::new();
    for layer in layers {
        meta.keys.extend(layer.keys.iter().cloned());
        if let Some((own, others)) = &layer.title {
            title.clone_from(own);
            meta.title_in.clone_from(others);
        }
        if let Some(given) = &layer.meeting_date {
            date_given = true;
            date.clone_from(given);
        }
        if let Some(given) = &layer.session {
            meta.session.clone_from(given);
        }
        for (slot, slot_in, given) in [
            (&mut meta.panel, &mut meta.panel_in, &layer.panel),
            (
                &mut meta.organisation,
                &mut meta.organisation_in,
                &layer.organisation,
            ),
        ] {
            if let Some((own, others)) = given {
                slot.clone_from(own);
                slot_in.clone_from(others);
            }
        }
        for (slot, given) in [
            (&mut meta.force, &layer.force),
            (&mut meta.marking, &layer.marking),
        ] {
            if let Some(given) = given {
                slot.clone_from(given);
            }
        }
        if let Some(language) = &layer.language {
            meta.language.clone_from(language);
        }
        if let Some(given) = &layer.languages {
            languages = Some(given.clone());
        }
        if let Some(node) = layer.labels {
            labels_nodes.push((node, layer.file));
        }
        if let Some(given) = &layer.word_template {
            meta.word_template.clone_from(given);
        }
        if let Some(scale) = &layer.judgements {
            judgements = Some(over(judgements.unwrap_or_default(), scale.clone()));
        }
        if let Some(scale) = &layer.checks {
            meta.checks = over(std::mem::take(&mut meta.checks), scale.clone());
        }
        if let Some(facts) = &layer.case_facts {
            meta.case_facts.clone_from(facts);
        }
        if let Some(audiences) = &layer.audiences {
            meta.audiences.clone_from(audiences);
        }
        if let Some(members) = &layer.members {
            meta.members.clone_from(members);
        }
        if let Some(due) = &layer.packs_due {
            meta.packs_due.clone_from(due);
        }
        if let Some(audience) = &layer.packs_audience {
            meta.packs_audience.clone_from(audience);
        }
        if let Some(breakdown) = &layer.breakdown {
            meta.breakdown.clone_from(breakdown);
        }
        if let Some(headings) = &layer.response_headings {
            meta.response_headings.clone_from(headings);
        }
        if let Some(declared) = &layer.fields {
            meta.fields = fields::layer(std::mem::take(&mut meta.fields), declared.clone());
        }
        if let Some(types) = &layer.case_types {
            meta.case_types.clone_from(types);
            meta.case_types_own = layer.role == Role::Meeting;
        }
        if let Some(more) = &layer.privacy {
            meta.privacy
                .references
                .extend(more.references.iter().cloned());
            meta.privacy.allow.extend(more.allow.iter().cloned());
            meta.privacy.recent_dates_allowed |= more.recent_dates_allowed;
        }
    }
    let file = report_file;
    meta.case_types = case_types::checked(
        std::mem::take(&mut meta.case_types),
        &meta.checks,
        &meta.fields,
        diagnostics,
    );
    meta.languages = languages
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![meta.language.clone()]);
    meta.catalogues =
        labels::catalogues(&meta.language, &meta.languages, &labels_nodes, diagnostics);
    meta.judgements =
        judgements.unwrap_or_else(|| default_judgements(&meta.language, &meta.catalogues));
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
    meta
}

/// A scale of a later layer over an earlier one's: an entry with an earlier id relabels
/// it in place, and a new one follows the earlier entries.
fn over(mut earlier: Vec<Choice>, later: Vec<Choice>) -> Vec<Choice> {
    for choice in later {
        match earlier.iter_mut().find(|c| c.id == choice.id) {
            Some(old) => *old = choice,
            None => earlier.push(choice),
        }
    }
    earlier
}

/// A date in `YYYY-MM-DD` form that exists in the calendar, or a month, `YYYY-MM`, for a
/// panel that dates a meeting by its month and met on no day it records.
fn meeting_date(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let raw = node.scalar_text().unwrap_or_default();
    if is_calendar_date(&raw) || is_calendar_month(&raw) {
        return Some(raw);
    }
    let hint = match dates::rewrite(&raw) {
        Some(date) => {
            format!("did you mean `meeting_date: {date}`? Dates are written year-month-day")
        }
        None => "for the 29th of September 2021 write `meeting_date: 2021-09-29`, and for a meeting known only by its month `meeting_date: 2021-09`".to_string(),
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

/// Which of a day's sittings a meeting is, as its title shows it: one line of text. A
/// blank one says nothing, as if it were not given.
fn session(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let raw = crate::parse::frontmatter::text(node, file, "session", diagnostics)?;
    let session = raw.trim();
    if session.contains('\n') {
        diagnostics.push(
            node.error(file, "`session` must be one line, such as `3–5 pm`")
                .hint("a session names a sitting in the report's title, the archive's index and its trends; keep it short"),
        );
        return None;
    }
    (!session.is_empty()).then(|| session.to_string())
}

pub fn is_calendar_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if d.len() != 2 {
        return false;
    }
    let (Some(days), Ok(d)) = (month_length(y, m), d.parse::<u32>()) else {
        return false;
    };
    (1..=days).contains(&d)
}

/// Whether `text` is a month written `YYYY-MM`, as a meeting dated by its month is.
pub fn is_calendar_month(text: &str) -> bool {
    matches!(text.split('-').collect::<Vec<_>>().as_slice(), [y, m] if month_length(y, m).is_some())
}

/// The last day a meeting date covers, `YYYY-MM-DD`: the date itself, or a month's last
/// day, so that a month meeting is compared with days as the latest day it may have been.
pub fn last_day(date: &str) -> String {
    match date.split_once('-') {
        Some((y, m)) if is_calendar_month(date) => {
            let days = month_length(y, m).unwrap_or(28);
            format!("{date}-{days:02}")
        }
        _ => date.to_string(),
    }
}

/// The number of days in the month `m` (two digits) of the year `y` (four).
fn month_length(y: &str, m: &str) -> Option<u32> {
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (Ok(y), Ok(m)) = (y.parse::<u32>(), m.parse::<u32>()) else {
        return None;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
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
    fn the_panel_the_organisation_and_a_facts_label_take_words_by_language() {
        let (meta, d) = run(
            "title: T\nmeeting_date: 2021-09-29\nlanguages: [cy, en]\npanel: {en: The Panel, cy: Y Panel}\norganisation: {en: The Office, cy: Y Swyddfa}\ncase_facts:\n  offence: {en: Offence, cy: Trosedd}\n  disposal: Outcome\n",
        );
        let meta = meta.unwrap();
        assert!(d.is_empty(), "{d:?}");
        let cy = |words: &str| vec![("cy".to_string(), words.to_string())];
        assert_eq!(meta.panel.as_deref(), Some("The Panel"));
        assert_eq!(meta.panel_in, cy("Y Panel"));
        assert_eq!(meta.organisation.as_deref(), Some("The Office"));
        assert_eq!(meta.organisation_in, cy("Y Swyddfa"));
        assert_eq!(meta.case_facts[0].label.as_deref(), Some("Offence"));
        assert_eq!(meta.case_facts[0].label_in, cy("Trosedd"));
        assert_eq!(meta.case_facts[1].label.as_deref(), Some("Outcome"));
        assert!(meta.case_facts[1].label_in.is_empty());
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
    fn a_judgement_may_carry_a_case_over_and_only_a_yes_or_no_says_so() {
        let (meta, d) = run(
            "title: T\nmeeting_date: 2021-09-29\njudgements:\n  done: Done\n  more: {label: More information needed, carry_over: true}\n",
        );
        let meta = meta.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert!(!meta.judgements[0].carry_over);
        assert!(meta.judgements[1].carry_over);
        assert_eq!(meta.judgements[1].label, "More information needed");
        let (_, d) = run(
            "title: T\nmeeting_date: 2021-09-29\njudgements:\n  more: {label: More, carry_over: later}\n",
        );
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0]
                .message
                .contains("`carry_over` must be `true` or `false`")
        );
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
    fn a_session_is_one_line_of_text_and_belongs_to_a_meeting() {
        let (meta, d) = run("title: T\nmeeting_date: 2025-04-01\nsession: \" 7–9 pm \"\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(meta.unwrap().session.as_deref(), Some("7–9 pm"));
        let (meta, d) = run("title: T\nmeeting_date: 2025-04-01\nsession: \"  \"\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(meta.unwrap().session, None);
        let (meta, d) = run("title: T\nmeeting_date: 2025-04-01\nsession: |\n  7 pm\n  9 pm\n");
        assert_eq!(meta.unwrap().session, None);
        assert_eq!(d.brief().len(), 1, "{:?}", d.brief());
        assert!(
            d.brief()[0].starts_with("4:3 `session` must be one line"),
            "{:?}",
            d.brief()
        );
        let source = |path: &str, text: &str| Source {
            path: path.into(),
            text: text.into(),
        };
        let panel = source("panel.yaml", "title: T\nsession: 3–5 pm\n");
        let report = source("2025-04-01-am/report.yaml", "meeting_date: 2025-04-01\n");
        let mut d = Diagnostics::default();
        let meta = parse_layers(&[&panel, &report], &mut d).unwrap();
        assert_eq!(meta.session, None);
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(all[0].is_error() && all[0].file == "panel.yaml");
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
    fn a_meeting_overrides_its_panel_key_by_key_and_adds_to_its_scales() {
        let source = |path: &str, text: &str| Source {
            path: path.into(),
            text: text.into(),
        };
        let panel = source(
            "panel.yaml",
            "title: Panel\nforce: Old Force\nchecks:\n  a: Ay\n  b: Bee\nprivacy:\n  allow: [Dr Who]\nmeeting_date: 2021-01-01\n",
        );
        let report = source(
            "2021-09/report.yaml",
            "force: New Force\nmeeting_date: 2021-09-29\nchecks:\n  b: Bea\n  c: Sea\nprivacy:\n  allow: [PC Plum]\n",
        );
        let mut d = Diagnostics::default();
        let meta = parse_layers(&[&panel, &report], &mut d).unwrap();
        assert_eq!(meta.title, "Panel");
        assert_eq!(meta.force.as_deref(), Some("New Force"));
        assert_eq!(meta.meeting_date, "2021-09-29");
        let checks: Vec<(&str, &str)> = meta
            .checks
            .iter()
            .map(|c| (c.id.as_str(), c.label.as_str()))
            .collect();
        assert_eq!(checks, [("a", "Ay"), ("b", "Bea"), ("c", "Sea")]);
        assert_eq!(meta.privacy.allow, ["Dr Who", "PC Plum"]);
        assert_eq!(meta.files_giving("force"), "panel.yaml and report.yaml");
        assert_eq!(meta.files_giving("title"), "panel.yaml");
        let all = d.sorted();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].file, "panel.yaml");
        assert!(
            all[0]
                .message
                .contains("belongs in each meeting's report.yaml")
        );
    }

    #[test]
    fn calendar_dates() {
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("29/09/2021"));
        assert!(!is_calendar_date("2024-02"));
    }

    #[test]
    fn a_meeting_may_be_dated_by_its_month() {
        let (meta, d) = run("title: T\nmeeting_date: 2025-02\n");
        assert!(!d.has_errors(), "{d:?}");
        assert_eq!(meta.unwrap().meeting_date, "2025-02");
        for wrong in ["2025-13", "2025-2", "25-02", "2025-02-"] {
            let (_, d) = run(&format!("title: T\nmeeting_date: {wrong}\n"));
            assert!(d.has_errors(), "{wrong}");
        }
    }

    #[test]
    fn a_month_is_compared_by_its_last_day() {
        assert!(is_calendar_month("2024-02"));
        assert!(!is_calendar_month("2024-00"));
        assert!(!is_calendar_month("2024-02-01"));
        assert_eq!(last_day("2024-02"), "2024-02-29");
        assert_eq!(last_day("2023-02"), "2023-02-28");
        assert_eq!(last_day("2023-12"), "2023-12-31");
        assert_eq!(last_day("2023-12-05"), "2023-12-05");
    }
}
