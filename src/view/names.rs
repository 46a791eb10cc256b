//! How a case is named to readers, in one place: its heading ("S&S Case 1"), its place in
//! a list ("S&S 1, 3; UOF 2"), and the anchor a link to it takes (`case-stop-search-1`).
//! Once a meeting has `case_types:` two cases may share a number, so every format that
//! names a case goes through here; without types each is named by its number, as always.

use crate::catalogue::{Labels, fill};
use crate::model::{CaseKey, Meta};

/// A type's words in one version of the report.
struct TypeNames<'a> {
    id: &'a str,
    /// `S&S Case`, before the number in a case's heading.
    prefix: &'a str,
    /// `S&S`, before the numbers in a list: the prefix without the catalogue's word for
    /// a case, which a list of cases need not repeat.
    short: String,
}

/// The words that name cases in one version of the report.
pub struct CaseNames<'a> {
    labels: &'a Labels,
    types: Vec<TypeNames<'a>>,
}

impl<'a> CaseNames<'a> {
    pub fn new(meta: &'a Meta, labels: &'a Labels, language: &str) -> CaseNames<'a> {
        let word = fill(&labels.case, &[("number", "")]);
        let word = word.trim();
        let types = meta
            .case_types
            .iter()
            .map(|t| {
                let prefix =
                    super::language::pick(language, &meta.language, &t.prefix, &t.prefix_in).text;
                TypeNames {
                    id: &t.id.value,
                    prefix,
                    short: without_word(prefix, word),
                }
            })
            .collect();
        CaseNames { labels, types }
    }

    fn kind(&self, key: CaseKey) -> Option<&TypeNames<'a>> {
        key.kind.and_then(|i| self.types.get(usize::from(i)))
    }

    /// `Case 6`, or `S&S Case 6` for a case of a type.
    pub fn heading(&self, key: CaseKey) -> String {
        match self.kind(key) {
            Some(kind) => format!("{} {}", kind.prefix, key.number),
            None => fill(&self.labels.case, &[("number", &key.number.to_string())]),
        }
    }

    /// `6`, or `stop-search-6`: how `cases:` lists and report.json name a case.
    pub fn id(&self, key: CaseKey) -> String {
        crate::model::case_id(self.kind(key).map(|k| k.id), key.number)
    }

    /// The id of the case's section in the HTML page: `case-6`, `case-stop-search-6`.
    pub fn anchor(&self, key: CaseKey) -> String {
        format!("case-{}", self.id(key))
    }

    /// `6, 10, 14`, or by type, `S&S 1, 3; UOF 2`.
    pub fn list(&self, cases: &[CaseKey]) -> String {
        self.list_with(cases, str::to_string, |_, number| number)
    }

    /// A list as [`CaseNames::list`] words it, each type's prefix as `prefix` writes it
    /// and each number as `link` makes it of the case's key and its number: the HTML page
    /// escapes the one and makes the other a link.
    pub fn list_with(
        &self,
        cases: &[CaseKey],
        prefix: impl Fn(&str) -> String,
        link: impl Fn(CaseKey, String) -> String,
    ) -> String {
        let mut out = String::new();
        for (n, group) in cases.chunk_by(|a, b| a.kind == b.kind).enumerate() {
            if n > 0 {
                out.push_str("; ");
            }
            if let Some(kind) = self.kind(group[0]) {
                out.push_str(&prefix(&kind.short));
                out.push(' ');
            }
            let numbers: Vec<String> = group
                .iter()
                .map(|&key| link(key, key.number.to_string()))
                .collect();
            out.push_str(&numbers.join(", "));
        }
        out
    }
}

/// `prefix` without `word` where it stands as a word of its own, however capitalised:
/// `S&S Case` less `Case` is `S&S`. A prefix that is nothing else is kept whole.
fn without_word(prefix: &str, word: &str) -> String {
    let kept: Vec<&str> = prefix
        .split_whitespace()
        .filter(|w| word.is_empty() || !w.eq_ignore_ascii_case(word))
        .collect();
    if kept.is_empty() {
        prefix.to_string()
    } else {
        kept.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::without_word;

    #[test]
    fn a_list_leaves_the_word_for_a_case_out_of_a_prefix() {
        assert_eq!(without_word("S&S Case", "Case"), "S&S");
        assert_eq!(without_word("Achos S&S", "Achos"), "S&S");
        assert_eq!(without_word("Search", "Case"), "Search");
        assert_eq!(without_word("Case", "Case"), "Case");
    }
}
