//! `audiences:`: the copies one folder makes, each for its readers. The force needs a
//! case's crime reference and the officer in it to find the case; the public must never
//! see them. An audience says which front-matter fields its copy shows and the marking
//! printed on it, so that the two copies come from one folder and are never kept by hand.

use super::Located;

/// The name of the copy that is published: `--publish` checks it, and `responses` never
/// takes a document back from it.
pub const PUBLIC: &str = "public";

/// The public copy's `suppress_below:` when it gives none.
pub const PUBLIC_SUPPRESS_BELOW: u32 = 3;

/// One entry of `audiences:`.
///
/// Each field is read from its own key of the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    /// Its key in `audiences:`, which names its folder in the output.
    pub name: Located<String>,
    /// Printed on every page of its copy in place of the report's `marking:`; `None`
    /// keeps the report's.
    pub marking: Option<String>,
    pub shown: Shown,
    /// `suppress_below:` as written; `None` takes [`Audience::suppress_below`]'s default.
    pub suppress_below: Option<u32>,
    /// `restricted_notes:`, whether its copy carries the panel's restricted notes: by
    /// default every copy but the public one does.
    pub restricted_notes: bool,
}

/// Which of a case's own fields (those beyond the keys every case has) a copy shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Shown {
    /// Neither `fields:` nor `hide:`: every field.
    #[default]
    All,
    /// `fields:`: these and no others.
    Only(Vec<Located<String>>),
    /// `hide:`: every field but these.
    AllBut(Vec<Located<String>>),
}

impl Audience {
    /// Whether its copy leaves out the front-matter field `field`.
    pub fn hides(&self, field: &str) -> bool {
        // A case's own keys (its number, title, answers, judgement) make it a case.
        if crate::parse::case::KEYS.contains(&field) {
            return false;
        }
        match &self.shown {
            Shown::All => false,
            Shown::Only(shown) => !shown.iter().any(|f| f.value == field),
            Shown::AllBut(hidden) => hidden.iter().any(|f| f.value == field),
        }
    }

    /// The count under which its copy shows a number of cases as "fewer than N": the
    /// audience's `suppress_below:`, else 3 for the public copy (counts below 3 can point
    /// at a person, as ONS practice holds) and 0, nothing suppressed, for any other.
    pub fn suppress_below(&self) -> u32 {
        self.suppress_below.unwrap_or(if self.is_public() {
            PUBLIC_SUPPRESS_BELOW
        } else {
            0
        })
    }

    /// Whether this is the copy that is published.
    pub fn is_public(&self) -> bool {
        self.name.value == PUBLIC
    }

    /// The fields `fields:` or `hide:` names, at their places, for checking them against
    /// the fields the cases have.
    pub fn named_fields(&self) -> &[Located<String>] {
        match &self.shown {
            Shown::All => &[],
            Shown::Only(names) | Shown::AllBut(names) => names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Loc, SourceId};

    fn at(name: &str) -> Located<String> {
        Located {
            value: name.into(),
            loc: Loc::START,
            source: SourceId::new("report.yaml"),
        }
    }

    fn audience(shown: Shown) -> Audience {
        Audience {
            name: at("public"),
            marking: None,
            shown,
            suppress_below: None,
            restricted_notes: false,
        }
    }

    #[test]
    fn an_allow_list_hides_every_other_field_but_never_the_case_s_own_keys() {
        let only = audience(Shown::Only(vec![at("strand")]));
        assert!(!only.hides("strand"));
        assert!(only.hides("crime_ref"));
        assert!(!only.hides("judgement") && !only.hides("title"));
    }

    #[test]
    fn hide_leaves_out_only_what_it_names() {
        let hide = audience(Shown::AllBut(vec![at("oic"), at("judgement")]));
        assert!(hide.hides("oic"));
        assert!(!hide.hides("strand"));
        assert!(!hide.hides("judgement"));
        assert!(!audience(Shown::All).hides("oic"));
        assert!(hide.is_public());
    }

    #[test]
    fn only_the_public_copy_suppresses_unless_told() {
        let mut public = audience(Shown::All);
        assert_eq!(public.suppress_below(), 3);
        public.suppress_below = Some(5);
        assert_eq!(public.suppress_below(), 5);
        let mut force = audience(Shown::All);
        force.name = at("force");
        assert_eq!(force.suppress_below(), 0);
    }
}
