//! Where a phrase of themes.yaml is found in a point, and whether it is found only where it
//! may mean the opposite of itself: inside a word ("complete" in "incomplete"), after a
//! hyphenated prefix ("non-compliant"), or after a negation ("not compliant").
//!
//! Phrases are found anywhere in a point, so that "escalat" finds "escalated" and
//! "escalating"; the same freedom finds "de-escalating". A match is never dropped here,
//! so no count moves: it is only told apart, for the rule's `negated:` to decide.

use serde::Serialize;

/// Why a match may mean the opposite of its phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Doubt {
    /// The phrase starts inside a word.
    InsideWord,
    /// A hyphenated prefix such as `non` is just before it.
    Prefix(&'static str),
    /// A negation is the word before it, or the one before that past one of [`SKIPPED`].
    Negation(String),
}

impl Doubt {
    /// The doubt in words, after "found": `inside a word`, `after "non-"`.
    pub fn describe(&self) -> String {
        match self {
            Doubt::InsideWord => "inside a word".to_string(),
            Doubt::Prefix(prefix) => format!("after \"{prefix}-\""),
            Doubt::Negation(word) => format!("after \"{word}\""),
        }
    }
}

/// A phrase found in a point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// `None` when the phrase stands as itself somewhere in the point.
    pub doubt: Option<Doubt>,
    /// The words it sits in, from the prefix or negation on: `non-compliant`, `not fully
    /// compliant`; the phrase itself when there is no doubt.
    pub words: String,
}

/// Prefixes that, before a hyphen, turn a word into its opposite.
const PREFIXES: [&str; 6] = ["non", "de", "un", "in", "dis", "mis"];

/// Negations, and the Welsh ones read only in a report written in Welsh, where "heb"
/// ("without") cannot be an English word.
const NEGATIONS: [&str; 5] = ["not", "no", "never", "without", "nor"];
const WELSH_NEGATIONS: [&str; 3] = ["nid", "heb", "ddim"];

/// Words that may stand between a negation and the phrase it negates: "not fully
/// compliant". One at most, so that a negation further back is not taken as this one's.
const SKIPPED: [&str; 4] = ["always", "fully", "properly", "been"];

/// Where `phrase` is in `text`, both normalised, and whether it is there only in doubt.
/// `language` is the language the point is written in. The first match that stands as
/// the phrase itself wins, since that one counts the point whatever the others mean.
pub fn find(text: &str, phrase: &str, language: &str) -> Option<Found> {
    if phrase.is_empty() {
        return None;
    }
    let mut first_doubt = None;
    let mut from = 0;
    while let Some(offset) = text[from..].find(phrase) {
        let at = from + offset;
        match doubt(text, at, phrase, language) {
            None => {
                return Some(Found {
                    doubt: None,
                    words: phrase.to_string(),
                });
            }
            Some((doubt, start)) => {
                if first_doubt.is_none() {
                    let end = word_end(text, at + phrase.len());
                    first_doubt = Some(Found {
                        doubt: Some(doubt),
                        words: text[start..end].to_string(),
                    });
                }
            }
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    first_doubt
}

/// Why the match of `phrase` at byte `at` of `text` is in doubt, if it is, with the byte
/// where the words it sits in start.
fn doubt(text: &str, at: usize, phrase: &str, language: &str) -> Option<(Doubt, usize)> {
    // A phrase that starts with a mark, such as `(s)`, does not start a word.
    if !phrase.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let before = &text[..at];
    if ends_in_word(before) {
        return Some((Doubt::InsideWord, word_start(before)));
    }
    if let Some(rest) = before.strip_suffix(is_hyphen)
        && let Some(prefix) = PREFIXES
            .into_iter()
            .find(|p| rest.ends_with(p) && !ends_in_word(&rest[..rest.len() - p.len()]))
    {
        return Some((Doubt::Prefix(prefix), rest.len() - prefix.len()));
    }
    negation(before, language).map(|(word, start)| (Doubt::Negation(word), start))
}

/// The negation before a match whose text before it is `before`, with where it starts.
fn negation(before: &str, language: &str) -> Option<(String, usize)> {
    let mut rest = before;
    for skipped in [false, true] {
        // Only a space may come between: after "No." or "not," a new thought starts.
        let trimmed = rest.trim_end_matches(char::is_whitespace);
        if trimmed.len() == rest.len() {
            return None;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let written = &trimmed[start..];
        // An opening mark belongs to no word: "(not compliant)".
        let word = written.trim_start_matches(|c: char| !c.is_alphanumeric());
        if is_negation(word, language) {
            return Some((word.to_string(), trimmed.len() - word.len()));
        }
        if skipped || !SKIPPED.contains(&word) {
            return None;
        }
        rest = &trimmed[..start];
    }
    None
}

fn is_negation(word: &str, language: &str) -> bool {
    NEGATIONS.contains(&word)
        || word.ends_with("n't")
        || (language == "cy" && WELSH_NEGATIONS.contains(&word))
}

/// Whether `before` ends inside a word: with a letter or digit, or an apostrophe after
/// one ("o'clock").
fn ends_in_word(before: &str) -> bool {
    let mut last = before.chars().rev();
    match last.next() {
        Some('\'') => last.next().is_some_and(char::is_alphanumeric),
        Some(c) => c.is_alphanumeric(),
        None => false,
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || is_hyphen(c)
}

/// Where the word that `before` ends inside starts, hyphens and apostrophes included.
fn word_start(before: &str) -> usize {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A mark that opens the word is not part of it: 'de-escalated.
    start
        + before[start..]
            .find(char::is_alphanumeric)
            .unwrap_or(before.len() - start)
}

/// Where the word that holds byte `from` of `text` ends.
fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| from + i)
}

#[cfg(test)]
mod tests;
