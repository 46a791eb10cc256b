//! A report folder made from arbitrary bytes, in memory, as the targets that build a
//! whole report read it; they share one shape so that each can start from the other's
//! corpus.

use arbitrary::Arbitrary;
use build_report::diagnostic::Diagnostics;
use build_report::load::{Folder, Source, decode};

#[derive(Arbitrary, Debug)]
pub struct Input {
    report: Vec<u8>,
    themes: Option<Vec<u8>>,
    summary: Option<Vec<u8>>,
    cases: Vec<Vec<u8>>,
    observations: Vec<Vec<u8>>,
    /// Welsh translations of the cases with the same index (`cases/{i}.cy.md`).
    translations: Vec<Vec<u8>>,
}

impl Input {
    /// The folder these bytes make, and what decoding them found, as `load` reads a
    /// folder from disk.
    pub fn folder(&self) -> (Folder, Diagnostics) {
        let mut diagnostics = Diagnostics::default();
        let mut one = |name: &str, bytes: Option<&[u8]>| {
            bytes.and_then(|b| decode(name, b, &mut diagnostics))
        };
        let report = one("report.yaml", Some(&self.report));
        let themes = one("themes.yaml", self.themes.as_deref());
        let summary = one("summary.md", self.summary.as_deref());
        let folder = Folder {
            report,
            themes,
            summary,
            cases: files(&self.cases, "cases/", ".md", &mut diagnostics),
            observations: files(&self.observations, "observations/", ".md", &mut diagnostics),
            translations: files(&self.translations, "cases/", ".cy.md", &mut diagnostics),
            ..Folder::default()
        };
        (folder, diagnostics)
    }
}

/// Each of `list` as the file `{folder}{i}{ending}`, those that decode.
fn files(
    list: &[Vec<u8>],
    folder: &str,
    ending: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Source> {
    list.iter()
        .enumerate()
        .filter_map(|(i, b)| decode(&format!("{folder}{i}{ending}"), b, diagnostics))
        .collect()
}
