//! Matches of a phrase that may mean its opposite, kept with how each was decided, and the
//! warning for those nobody has decided yet.
//!
//! Such a match still counts until its rule says `negated: skip`, so that no count moves
//! without a person choosing; the warning, which `build --publish` refuses, is what keeps
//! that count from being silent.

use serde::Serialize;

use super::phrase::Doubt;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::Negated;

/// The code of the warning about a match no `negated:` has decided, which `build
/// --publish` makes an error.
pub const UNDECIDED_MATCH: &str = "UNDECIDED_MATCH";

/// A phrase found inside a word, after a hyphenated prefix or after a negation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoubtfulMatch {
    pub theme: String,
    pub case: u32,
    /// The case file and the line of the point.
    pub file: String,
    pub line: usize,
    /// The phrase as written in themes.yaml, and where its rule is.
    pub phrase: String,
    pub rules_file: String,
    pub rule_line: usize,
    /// The words the phrase sits in, as normalised for matching: `non-compliant`.
    pub words: String,
    pub doubt: Doubt,
    /// The rule's `negated:`; `None` counts the match with a warning.
    pub negated: Option<Negated>,
}

impl DoubtfulMatch {
    pub fn counted(&self) -> bool {
        self.negated != Some(Negated::Skip)
    }

    /// How it was decided, as `themes --explain` says it.
    pub fn decision(&self) -> &'static str {
        match self.negated {
            None => "counted, with a warning, as the rule has no `negated:`",
            Some(Negated::Skip) => "not counted (negated: skip)",
            Some(Negated::Count) => "counted (negated: count)",
        }
    }

    /// The warning for a match no `negated:` has decided; `None` once one has.
    pub fn warning(&self) -> Option<Diagnostic> {
        if self.negated.is_some() {
            return None;
        }
        let words = &self.words;
        let rule = format!(
            "{}:{}",
            self.rules_file
                .rsplit('/')
                .next()
                .unwrap_or(&self.rules_file),
            self.rule_line
        );
        Some(
            Diagnostic::warning(
                &self.file,
                Loc::new(self.line, 1),
                format!(
                    "the phrase \"{}\" is found {} in \"{words}\", and counted for theme `{}`",
                    self.phrase,
                    self.doubt.describe(),
                    self.theme
                ),
            )
            .at_text(words)
            .hint(format!(
                "\"{words}\" may mean the opposite of the phrase: add `negated: skip` to the rule at {rule} if it does, so such matches are not counted, or `negated: count` if it does not; `build --publish` refuses until the rule says which"
            ))
            .code(UNDECIDED_MATCH),
        )
    }
}
