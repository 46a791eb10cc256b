//! themes.yaml: the themes to tally and the rules that find them.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceId};
use crate::diagnostic::{did_you_mean, one_of};
use crate::layout;
use crate::load::Source;
use crate::model::{Located, Meta, Rule, Theme, ThemeKind};
use crate::parse::frontmatter::{entries, text, unknown_key};
use crate::parse::labels::localised;
use crate::parse::yaml::{self, Key, Node, Value};

mod rule;
use rule::rule;

const THEME_KEYS: [&str; 4] = ["label", "summary", "kind", "when"];

/// Whether `id` can be written as a `#tag`. It needs a letter: members write "attempt
/// #2" meaning a number, and that must stay in the text rather than become a theme.
pub fn is_theme_id(id: &str) -> bool {
    id.bytes().any(|b| b.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A meeting's themes: the archive's themes.yaml, if any, with the meeting's own over
/// it. A meeting's theme adds to the panel's, and one with a panel theme's id replaces it
/// for this meeting. `None` when neither file exists: tags are then free-form.
pub fn parse_layers(
    panel: Option<&Source>,
    own: Option<&Source>,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Theme>> {
    let mut themes = parse(panel?, meta, diagnostics);
    // A meeting with no themes.yaml of its own has exactly the panel's.
    let Some(own) = own else {
        return Some(themes);
    };
    for theme in parse(own, meta, diagnostics) {
        match themes.iter_mut().find(|t| t.id == theme.id) {
            Some(old) => {
                diagnostics.push(
                    Diagnostic::warning(&theme.file, theme.loc, format!("`{}` replaces the panel's theme of that id for this meeting", theme.id))
                        .width(theme.id.chars().count())
                        .hint(format!("the panel's is at {}:{}; its trend across meetings now compares cases found by different rules. Give this theme another id to keep both", old.file.rsplit('/').next().unwrap_or(&old.file), old.loc.line)),
                );
                *old = theme;
            }
            None => themes.push(theme),
        }
    }
    Some(themes)
}

/// Parses one themes.yaml.
pub fn parse(source: &Source, meta: Option<&Meta>, diagnostics: &mut Diagnostics) -> Vec<Theme> {
    let file = source.path.as_str();
    let root = match yaml::parse(file, &source.text, 1) {
        Ok(root) => root,
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            return Vec::new();
        }
    };
    let mut themes = Vec::new();
    for (key, value) in entries(&root, file, layout::THEMES, diagnostics) {
        if !is_theme_id(&key.name) {
            diagnostics.push(
                Diagnostic::error(file, key.loc, format!("`{}` cannot be a theme id", key.name))
                    .width(key.name.chars().count())
                    .hint(format!(
                        "theme ids use only lower-case letters, digits and `-`, with at least one letter, so they can be written as tags; try `{}`",
                        super::id_from(&key.name, '-')
                    )),
            );
            continue;
        }
        if let Some(theme) = theme(key, value, file, meta, diagnostics) {
            themes.push(theme);
        }
    }
    themes
}

fn theme(
    key: &Key,
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Option<Theme> {
    let mut label = None;
    let mut summary = None;
    let (mut label_in, mut summary_in) = (Vec::new(), Vec::new());
    let language = meta.map_or("en", |m| m.language.as_str());
    let mut rules = Vec::new();
    let mut kind = ThemeKind::default();
    for (field, value) in entries(node, file, &format!("theme `{}`", key.name), diagnostics) {
        match field.name.as_str() {
            "label" => {
                (label, label_in) = localised(value, file, "label", language, diagnostics);
            }
            "kind" => kind = theme_kind(value, file, diagnostics),
            "summary" => {
                (summary, summary_in) = localised(value, file, "summary", language, diagnostics);
            }
            "when" => rules = when(value, file, meta, diagnostics),
            _ => diagnostics.push(unknown_key(
                file,
                field,
                &THEME_KEYS,
                &format!("theme `{}`", key.name),
                true,
            )),
        }
    }
    let Some(label) = label.filter(|l| !l.trim().is_empty()) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                key.loc,
                format!("theme `{}` has no `label:`", key.name),
            )
            .width(key.name.chars().count())
            .hint("add `label: ...` under the theme: the short name shown in the tally"),
        );
        return None;
    };
    Some(Theme {
        id: key.name.clone(),
        file: file.to_string(),
        loc: key.loc,
        label,
        summary,
        label_in,
        summary_in,
        kind,
        rules,
    })
}

/// `kind: concern` or `kind: good-practice`. A mistyped kind is an error: it would file
/// good practice among the concerns, which reads as the opposite.
fn theme_kind(node: &Node, file: &str, diagnostics: &mut Diagnostics) -> ThemeKind {
    let raw = text(node, file, "kind", diagnostics).unwrap_or_default();
    let wanted = raw.trim().to_lowercase().replace([' ', '_'], "-");
    if let Some(kind) = ThemeKind::ALL.into_iter().find(|k| k.id() == wanted) {
        return kind;
    }
    let ids = ThemeKind::ALL.map(ThemeKind::id);
    let mut diagnostic = node.error(file, format!("`{raw}` is not a kind of theme"));
    diagnostic = match did_you_mean(&wanted, ids.iter().copied()) {
        Some(near) => diagnostic.hint(format!("did you mean `{near}`?")),
        None => diagnostic.hint(format!("the kinds are {}", one_of(&ids))),
    };
    diagnostics.push(diagnostic);
    ThemeKind::default()
}

fn when(
    node: &Node,
    file: &str,
    meta: Option<&Meta>,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<Rule>> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![node],
        Value::Null => Vec::new(),
        _ => {
            diagnostics.push(node.error(file, "`when:` must be a list of rules").hint(
                "write each rule on its own `- ` line, such as `- phrase: \"after the 48 hour\"`",
            ));
            return Vec::new();
        }
    };
    items
        .into_iter()
        .filter_map(|item| {
            rule(item, file, meta, diagnostics).map(|value| Located {
                value,
                loc: item.loc,
                source: SourceId::new(file),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Choice, Negated};

    fn run(text: &str) -> (Vec<Theme>, Diagnostics) {
        let meta = Meta {
            checks: vec![Choice {
                id: "hcso_48h".into(),
                label: "HCSO".into(),
                colour: None,
                label_in: Vec::new(),
                carry_over: false,
            }],
            ..Meta::default()
        };
        let mut d = Diagnostics::default();
        let source = Source {
            path: "themes.yaml".into(),
            text: text.into(),
        };
        (parse(&source, Some(&meta), &mut d), d)
    }

    #[test]
    fn reads_every_rule_kind() {
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - check: hcso_48h\n      is: [no, partial]\n    - field: hours\n      above: 48\n    - phrase: after the 48 hour\n      unless: [within 48 hours]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(themes[0].rules.len(), 3);
        assert_eq!(
            themes[0].rules[0].value,
            Rule::Check {
                check: Located {
                    value: "hcso_48h".into(),
                    loc: crate::diagnostic::Loc::new(4, 14),
                    source: crate::diagnostic::SourceId::new("themes.yaml"),
                },
                is: vec![Answer::No, Answer::Partial]
            }
        );
    }

    #[test]
    fn unknown_check_and_rule_kind_are_errors_with_suggestions() {
        let (_, d) = run(
            "late:\n  label: Late\n  when:\n    - check: hcso48h\n      is: no\n    - phrse: x\n",
        );
        let all = d.sorted();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all[0].hint.as_deref().unwrap().contains("hcso_48h"));
        assert!(all[1].hint.as_deref().unwrap().contains("`phrase`"));
    }

    #[test]
    fn a_field_rule_makes_exactly_one_test() {
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - field: hours\n      above: 48\n      below: 100\n      presnt: true\n    -\n    - field: strand\n      is: disability\n",
        );
        let all = d.brief();
        assert_eq!(all.len(), 3, "{all:#?}");
        assert!(
            all[0].starts_with("6:7 the `field: hours` rule already tests `above`, so `below`"),
            "{all:#?}"
        );
        assert!(
            all[1].starts_with("7:7 unknown key `presnt`")
                && all[1].contains("did you mean `present`?"),
            "{all:#?}"
        );
        assert!(all[2].starts_with("8:6 this rule is empty"), "{all:#?}");
        assert_eq!(themes[0].rules.len(), 1, "the strand rule is accepted");
    }

    #[test]
    fn a_phrase_with_its_own_quotes_spaces_or_hash_is_warned_about() {
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - phrase: \"“after the 48 hour”\"\n    - phrase: \" slow \"\n    - phrase: \"#late\"\n      unless: ['\"within\"']\n    - phrase: victim’s “pack”\n",
        );
        assert_eq!(themes[0].rules.len(), 4, "the phrases are still used");
        let all = d.brief();
        assert_eq!(all.len(), 4, "{all:#?}");
        assert!(all[0].starts_with("4:15 the phrase \"“after the 48 hour”\" has a quotation mark, which is part of the phrase | did you mean `phrase: \"after the 48 hour\"`?"), "{all:#?}");
        assert!(
            all[1].starts_with("5:15 the phrase \" slow \" has a space at its start or end"),
            "{all:#?}"
        );
        assert!(
            all[2].starts_with("6:15 the phrase \"#late\" has a `#`")
                && all[2].contains("`phrase: \"late\"`"),
            "{all:#?}"
        );
        assert!(
            all[3].starts_with("7:16 the unless \"\\\"within\\\"\" has a quotation mark"),
            "{all:#?}"
        );
        assert!(d.sorted().iter().all(|d| !d.is_error()));
        let (_, d) = run("late:\n  label: Late\n  when:\n    - phrase: \"#1 priority\"\n");
        assert!(d.is_empty(), "a number after # is text: {:?}", d.brief());
    }

    #[test]
    fn negated_is_skip_or_count_and_anything_else_is_an_error() {
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - phrase: complete\n      negated: Skip\n    - phrase: compliant\n      negated: count\n    - phrase: slow\n",
        );
        assert!(d.is_empty(), "{:?}", d.brief());
        let negated: Vec<Option<Negated>> = themes[0]
            .rules
            .iter()
            .map(|r| match &r.value {
                Rule::Phrase { negated, .. } => *negated,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(negated, [Some(Negated::Skip), Some(Negated::Count), None]);
        let (themes, d) = run(
            "late:\n  label: Late\n  when:\n    - phrase: complete\n      negated: cont\n    - check: hcso_48h\n      is: no\n      negated: skip\n",
        );
        let all = d.brief();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(
            all[0]
                .starts_with("5:16 `cont` is not a choice for `negated:` | did you mean `count`?"),
            "{all:#?}"
        );
        assert!(all[1].starts_with("8:7 unknown key `negated`"), "{all:#?}");
        assert!(themes[0].rules.is_empty(), "{:?}", themes[0].rules);
    }

    #[test]
    fn ids_must_be_taggable() {
        let (themes, d) = run("Late Contact:\n  label: Late\n");
        assert!(themes.is_empty());
        assert!(
            d.sorted()[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("late-contact")
        );
    }
}
