//! The case fields a panel declares under `fields:`, each with its words in every
//! language and the values it may take.
//!
//! Panels differ: a use-of-force panel records the tactic used, a stop-and-search panel
//! the object of the search. The code knows none of them; a declaration says what a field
//! is called and what it may hold, so that a slip in one case is caught rather than
//! counted as a value of its own, and a choice is shown in the reader's language.

use super::Choice;
use crate::diagnostic::Loc;

/// One field of `fields:`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDecl {
    /// The front-matter key a case gives it under.
    pub id: String,
    pub label: String,
    /// The label in the report's other languages, by language.
    pub label_in: Vec<(String, String)>,
    pub kind: FieldKind,
    /// A case without it is warned about, and the report cannot be published.
    pub required: bool,
    /// The settings file and place that declared it, for hints that point there.
    pub file: String,
    pub loc: Loc,
}

/// What a declared field may hold.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    Number,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    Date,
    /// Exactly one of these, by id.
    Choice(Vec<Choice>),
    /// One or more of these, by id; of any text when there are none.
    List(Vec<Choice>),
}

impl FieldKind {
    /// The kinds as `type:` names them, for hints.
    pub const NAMES: [&'static str; 5] = ["text", "number", "date", "choice", "list"];

    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice(_) => "choice",
            FieldKind::List(_) => "list",
        }
    }

    /// The values a choice or list field may take, in the declared order; none for the
    /// others.
    pub fn choices(&self) -> &[Choice] {
        match self {
            FieldKind::Choice(choices) | FieldKind::List(choices) => choices,
            _ => &[],
        }
    }
}

impl FieldDecl {
    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.kind.choices().iter().find(|c| c.id == id)
    }
}
