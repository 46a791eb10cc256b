//! What build-report's own report shows of the folder's settings, read back from the
//! words it printed: the language, the checklist's and the judgement scale's labels with
//! ids made from them, and each case's judgement and answers. The writer puts them into
//! report.yaml and the case files' front matter.

use crate::import::write::yaml_string;

/// The settings read back; empty for a report build-report did not write.
#[derive(Debug, Default)]
pub struct Recovered {
    pub language: Option<String>,
    /// The checklist, as id and label, in the order the cases list it.
    pub checks: Vec<(String, String)>,
    /// The judgement scale, as id and label.
    pub judgements: Vec<(String, String)>,
    /// Each case's answers, by the line of its heading.
    pub cases: Vec<(usize, CaseAnswers)>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CaseAnswers {
    pub judgement: Option<String>,
    /// Check id and answer id.
    pub checks: Vec<(String, String)>,
}

impl Recovered {
    /// The id of the check labelled `label`, added to the checklist when new.
    pub fn check(&mut self, label: &str) -> String {
        if let Some((id, _)) = self.checks.iter().find(|(_, l)| l == label) {
            return id.clone();
        }
        let id = id_of(
            label,
            '_',
            "check",
            self.checks.iter().map(|p| p.0.as_str()),
        );
        self.checks.push((id.clone(), label.to_string()));
        id
    }

    /// report.yaml's lines for what was read back.
    pub fn report_yaml(&self) -> String {
        let mut out = String::new();
        if let Some(language) = &self.language {
            out.push_str(&format!("language: {language}\n"));
        }
        for (key, scale) in [("checks", &self.checks), ("judgements", &self.judgements)] {
            if scale.is_empty() {
                continue;
            }
            out.push_str(&format!("{key}:\n"));
            for (id, label) in scale {
                out.push_str(&format!("  {id}: {}\n", yaml_string(label)));
            }
        }
        out
    }

    /// The front-matter lines of the case whose heading is at `line`.
    pub fn front_matter(&self, line: usize) -> String {
        let Some((_, answers)) = self.cases.iter().find(|(l, _)| *l == line) else {
            return String::new();
        };
        let mut out = String::new();
        if let Some(judgement) = &answers.judgement {
            out.push_str(&format!("judgement: {judgement}\n"));
        }
        if !answers.checks.is_empty() {
            out.push_str("checks:\n");
            for (id, answer) in &answers.checks {
                out.push_str(&format!("  {id}: {}\n", yaml_string(answer)));
            }
        }
        out
    }
}

/// An id made of a label's letters and digits, `sep` between words, unlike every id in
/// `taken`; `kind` and a number when the label has no such letters.
pub fn id_of<'a>(
    label: &str,
    sep: char,
    kind: &str,
    taken: impl Iterator<Item = &'a str>,
) -> String {
    let taken: Vec<&str> = taken.collect();
    let words: Vec<String> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut base = words.join(&sep.to_string());
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        base = format!("{kind}{sep}{base}")
            .trim_end_matches(sep)
            .to_string();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}{sep}{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_the_label_and_never_repeat() {
        let none = std::iter::empty();
        assert_eq!(
            id_of("HCSO contact within 48 hours", '_', "check", none),
            "hcso_contact_within_48_hours"
        );
        assert_eq!(
            id_of("13-point plan", '_', "check", std::iter::empty()),
            "check_13_point_plan"
        );
        assert_eq!(
            id_of("Da iawn", '-', "judgement", ["da-iawn"].into_iter()),
            "da-iawn-2"
        );
        assert_eq!(
            id_of("–", '-', "judgement", std::iter::empty()),
            "judgement"
        );
    }
}
