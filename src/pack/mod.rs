//! Review packs: each member's cases as a Word document they fill in, and their answers
//! taken back into their own files in the case folders.
//!
//! Members are volunteers who review in Word or LibreOffice, never in Markdown, so the
//! pack is the members' side of the force's round trip (`responses`): written and read
//! by the one Office layer, with the same bookmarks, since LibreOffice keeps bookmarks
//! where it drops content controls' tags. [`folder`] works out what a pack holds,
//! [`document`] lays it out and [`make`] writes one per member; [`collect`] reads one
//! back and [`write`] puts it into the member's file; [`record`] keeps packs.yaml, the
//! list of packs sent out.

pub mod collect;
pub mod document;
pub mod folder;
pub mod make;
pub mod record;
pub mod write;

use serde::{Deserialize, Serialize};

/// What a pack holds, carried in the document itself (a custom property) so that
/// `collect` knows whose it is and what to look for whatever was done to it since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub member: String,
    /// The day it was written, `YYYY-MM-DD`.
    pub date: String,
    /// Each case's id, in the pack's order.
    pub cases: Vec<String>,
    /// The headings each case has a box under, in order.
    pub headings: Vec<String>,
}

impl Manifest {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Option<Manifest> {
        serde_json::from_str(text).ok()
    }
}
