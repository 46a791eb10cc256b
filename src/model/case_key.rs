//! A case as every count after parsing names it: its type and its number. Once a meeting
//! has `case_types:` each type numbers its cases from 1, so the number alone no longer
//! tells "S&S Case 2" from "UOF Case 2"; the key is small and `Copy` so that the many
//! lists of cases behind each count stay as cheap as the numbers they replace.

use serde::{Serialize, Serializer};

use super::{Case, CaseRef, CaseType, Meta, Report, case_id};

/// Orders as the report's cases do: by the type's place in `case_types:`, then number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CaseKey {
    /// Its type's place in `case_types:`; `None` for a case of no type.
    pub kind: Option<u16>,
    pub number: u32,
}

impl CaseKey {
    /// A case of no type, as every case is in a meeting without `case_types:`.
    pub fn plain(number: u32) -> CaseKey {
        CaseKey { kind: None, number }
    }
}

/// As its number, which is all a key says without the meeting's types; the formats that
/// name a typed case say its id beside it.
impl Serialize for CaseKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.number.serialize(serializer)
    }
}

impl Meta {
    /// The key of `case`: a `type:` naming no declared type keys it as a case of no type,
    /// as it is then asked every check (and is an error already).
    pub fn case_key(&self, case: &Case) -> CaseKey {
        self.key_of(case.kind(), case.number)
    }

    /// The key of the case an observation's `cases:` names.
    pub fn ref_key(&self, case: &CaseRef) -> CaseKey {
        self.key_of(case.kind.as_deref(), case.number)
    }

    fn key_of(&self, kind: Option<&str>, number: u32) -> CaseKey {
        let kind = kind.and_then(|k| {
            self.case_types
                .iter()
                .position(|t| t.id.value == k)
                .and_then(|i| u16::try_from(i).ok())
        });
        CaseKey { kind, number }
    }

    /// The type of the case `key` names, if any.
    pub fn type_of(&self, key: CaseKey) -> Option<&CaseType> {
        key.kind.and_then(|i| self.case_types.get(usize::from(i)))
    }

    /// `stop-search-1`, or `1` for a case of no type: how `cases:` lists, anchors and
    /// report.json name a case.
    pub fn case_id(&self, key: CaseKey) -> String {
        case_id(self.type_of(key).map(|t| t.id.value.as_str()), key.number)
    }
}

impl Report {
    /// The case `key` names. Cases are sorted by key, so this is a binary search.
    pub fn case(&self, key: CaseKey) -> Option<&Case> {
        self.case_index(key).map(|i| &self.cases[i])
    }

    /// Where the case `key` names stands among the report's cases.
    pub fn case_index(&self, key: CaseKey) -> Option<usize> {
        self.cases
            .binary_search_by(|c| self.meta.case_key(c).cmp(&key))
            .ok()
    }

    /// Every case's key, in the report's order.
    pub fn case_keys(&self) -> impl Iterator<Item = CaseKey> + '_ {
        self.cases.iter().map(|c| self.meta.case_key(c))
    }
}
