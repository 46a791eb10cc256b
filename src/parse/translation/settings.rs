//! The settings whose words a version of the report prints: the title, `panel`,
//! `organisation`, checks, judgements, case facts, fields and their choices, case types
//! and themes' labels and summaries. Each may be one string, in the report's own
//! language, or a map by language; one given in fewer languages than `languages:` shows
//! in its own language in the other versions, so a Welsh copy would be half English.
//! This lists them, as files without a translation are listed, so that `check` names
//! them and `build --publish` refuses while any remains.

use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::Source;
use crate::model::Meta;
use crate::parse::labels;
use crate::parse::yaml::{self, Key, Node, Value};

use super::UNTRANSLATED;

/// A setting that carries words: where it is, its key as a path (`checks.hcso_48h`), its
/// words in the report's own language, and the languages it gives.
#[derive(Debug)]
struct Words {
    file: String,
    loc: Loc,
    key: String,
    own: String,
    given: Vec<String>,
}

/// Warns, with [`UNTRANSLATED`], once for each file and language, about the settings of
/// `settings` (panel.yaml, then report.yaml) and `themes` (the panel's themes.yaml, then
/// the meeting's) that give no words in one of the report's `languages`. Where a later
/// file gives the same key, only its own counts, as only its words are shown.
pub fn untranslated(
    meta: &Meta,
    settings: &[&Source],
    themes: &[&Source],
    diagnostics: &mut Diagnostics,
) {
    let others: Vec<&String> = meta
        .languages
        .iter()
        .filter(|l| **l != meta.language)
        .collect();
    if others.is_empty() {
        return;
    }
    let mut words: Vec<Words> = Vec::new();
    let mut read = |source: &Source, is_settings: bool| {
        // A file that does not parse has been reported already.
        let Ok(root) = yaml::parse(&source.path, &source.text, 1) else {
            return;
        };
        let reader = Reader {
            file: &source.path,
            language: &meta.language,
            found: std::cell::RefCell::new(Vec::new()),
        };
        if is_settings {
            reader.settings(&root);
        } else {
            reader.themes(&root);
        }
        for found in reader.found.into_inner() {
            words.retain(|w| w.key != found.key);
            words.push(found);
        }
    };
    for source in settings {
        read(source, true);
    }
    for source in themes {
        read(source, false);
    }
    for code in others {
        let mut files: Vec<(&str, Vec<&Words>)> = Vec::new();
        for missing in words.iter().filter(|w| !w.given.contains(code)) {
            match files.iter_mut().find(|(f, _)| *f == missing.file) {
                Some((_, keys)) => keys.push(missing),
                None => files.push((&missing.file, vec![missing])),
            }
        }
        for (file, keys) in files {
            diagnostics.push(warning(file, &keys, code, &meta.language));
        }
    }
}

fn warning(file: &str, keys: &[&Words], code: &str, own: &str) -> Diagnostic {
    let first = keys[0];
    let names: Vec<&str> = keys.iter().map(|w| w.key.as_str()).collect();
    let (setting, them) = match keys.len() {
        1 => ("setting has", "it"),
        _ => ("settings have", "them"),
    };
    let name = first.key.rsplit('.').next().unwrap_or(&first.key);
    Diagnostic::warning(
        file,
        first.loc,
        format!(
            "{} {setting} no `{code}` words: {}",
            keys.len(),
            names.join(", ")
        ),
    )
    .code(UNTRANSLATED)
    .hint(format!(
        "give each as a map by language, such as `{name}: {{{own}: {}, {code}: ...}}`; until then the `{code}` version shows {them} in `{own}`",
        first.own
    ))
}

/// One file's settings as they are walked.
struct Reader<'a> {
    file: &'a str,
    language: &'a str,
    found: std::cell::RefCell<Vec<Words>>,
}

impl Reader<'_> {
    /// report.yaml or panel.yaml.
    fn settings(&self, root: &Node) {
        for (key, value) in map(root) {
            let path = key.name.as_str();
            match path {
                "title" | "panel" | "organisation" => self.words(path, key, value),
                "checks" | "case_facts" => self.each(path, value, |path, key, value| {
                    self.words(&path, key, value);
                }),
                "judgements" => self.each(path, value, |path, key, value| {
                    self.labelled(&path, key, value, &["label"]);
                }),
                "fields" => self.each(path, value, |path, key, value| {
                    self.labelled(&path, key, value, &["label"]);
                    if let Some((key, choices)) = map(value).find(|(k, _)| k.name == "choices") {
                        let path = format!("{path}.{}", key.name);
                        self.each(&path, choices, |path, key, value| {
                            self.words(&path, key, value);
                        });
                    }
                }),
                "case_types" => self.each(path, value, |path, key, value| {
                    self.labelled(&path, key, value, &["label", "prefix", "noun"]);
                }),
                _ => {}
            }
        }
    }

    /// themes.yaml.
    fn themes(&self, root: &Node) {
        for (key, value) in map(root) {
            self.labelled(&key.name, key, value, &["label", "summary"]);
        }
    }

    /// Each entry of the map `node`, with its path below `path`.
    fn each(&self, path: &str, node: &Node, mut visit: impl FnMut(String, &Key, &Node)) {
        for (key, value) in map(node) {
            visit(format!("{path}.{}", key.name), key, value);
        }
    }

    /// An entry that is its words, or a map holding them under `names`.
    fn labelled(&self, path: &str, key: &Key, node: &Node, names: &[&str]) {
        if matches!(node.value, Value::Map(_)) && !by_language(node) {
            for (key, value) in map(node).filter(|(k, _)| names.contains(&k.name.as_str())) {
                self.words(&format!("{path}.{}", key.name), key, value);
            }
        } else {
            self.words(path, key, node);
        }
    }

    /// Words: one string, in the report's language, or a map by language.
    fn words(&self, path: &str, key: &Key, node: &Node) {
        let (own, given) = match &node.value {
            Value::Map(items) if by_language(node) => {
                let own = items
                    .iter()
                    .find(|(k, _)| k.name.trim() == self.language)
                    .and_then(|(_, v)| v.scalar_text())
                    .unwrap_or_default();
                let given = items.iter().map(|(k, _)| k.name.trim().to_string());
                (own, given.collect())
            }
            Value::Str(_) | Value::Int(_) | Value::Float(_) => match node.scalar_text() {
                Some(own) if !own.trim().is_empty() => (own, vec![self.language.to_string()]),
                _ => return,
            },
            _ => return,
        };
        self.found.borrow_mut().push(Words {
            file: self.file.to_string(),
            loc: key.loc,
            key: path.to_string(),
            own: own.trim().to_string(),
            given,
        });
    }
}

fn map(node: &Node) -> impl Iterator<Item = (&Key, &Node)> {
    let items = match &node.value {
        Value::Map(items) => items.as_slice(),
        _ => &[],
    };
    items.iter().map(|(k, v)| (k, v))
}

/// Whether `node` is words given by language.
fn by_language(node: &Node) -> bool {
    matches!(&node.value, Value::Map(items) if labels::by_language(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    fn meta(languages: &[&str]) -> Meta {
        Meta {
            language: "en".into(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            ..Meta::default()
        }
    }

    fn warnings(languages: &[&str], settings: &[&Source], themes: &[&Source]) -> Vec<Diagnostic> {
        let mut d = Diagnostics::default();
        untranslated(&meta(languages), settings, themes, &mut d);
        d.sorted().into_iter().cloned().collect()
    }

    #[test]
    fn names_every_setting_without_words_in_a_language_once_per_file() {
        let panel = source(
            "../panel.yaml",
            "title: {en: Panel, cy: Panel}\npanel: Hate Crime Panel\norganisation: {en: OPCC, cy: SCHTh}\nchecks:\n  a: Ay\n  b: {en: Bee, cy: Bi}\njudgements:\n  ok: {label: Fine, colour: \"#00FF00\"}\n  bad: {label: {en: Bad, cy: Drwg}}\ncase_facts:\n  offence: Offence\nfields:\n  risk:\n    label: {en: Risk, cy: Risg}\n    choices: {low: Low, high: {en: High, cy: Uchel}}\n  strand: Strand\ncase_types:\n  ss: {label: Stop and search, prefix: {en: S&S, cy: S&Ch}}\n",
        );
        let report = source(
            "report.yaml",
            "meeting_date: 2021-09-29\nchecks:\n  a: {en: Ay, cy: Ai}\n",
        );
        let themes = source(
            "themes.yaml",
            "late:\n  label: Late\n  summary: {en: Late, cy: Hwyr}\n  when: [x]\n",
        );
        let found = warnings(&["cy", "en"], &[&panel, &report], &[&themes]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].file, "../panel.yaml");
        assert_eq!(found[0].loc, Loc::new(2, 1));
        assert_eq!(
            found[0].message,
            "6 settings have no `cy` words: panel, judgements.ok.label, case_facts.offence, fields.risk.choices.low, fields.strand, case_types.ss.label"
        );
        assert_eq!(found[0].code, Some(UNTRANSLATED));
        assert!(
            found[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`panel: {en: Hate Crime Panel, cy: ...}`")),
            "{:?}",
            found[0].hint
        );
        assert_eq!(found[1].file, "themes.yaml");
        assert_eq!(found[1].message, "1 setting has no `cy` words: late.label");
    }

    #[test]
    fn a_report_in_one_language_has_nothing_to_translate() {
        let report = source("report.yaml", "title: Panel\nchecks:\n  a: Ay\n");
        assert!(warnings(&["en"], &[&report], &[]).is_empty());
    }
}
