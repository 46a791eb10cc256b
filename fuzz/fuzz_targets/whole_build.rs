//! A whole build over arbitrary folder contents, in memory: every stage and every format,
//! through the same library calls `build-report build` makes.
#![no_main]

use std::io::Cursor;

use arbitrary::Arbitrary;
use build_report::diagnostic::Diagnostics;
use build_report::load::{Folder, decode};
use build_report::render::{self, Format};
use build_report::{Silent, check_folder};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    report: Vec<u8>,
    themes: Option<Vec<u8>>,
    summary: Option<Vec<u8>>,
    cases: Vec<Vec<u8>>,
    observations: Vec<Vec<u8>>,
    /// Welsh translations of the cases with the same index (`cases/{i}.cy.md`).
    translations: Vec<Vec<u8>>,
}

fuzz_target!(|input: Input| {
    let mut diagnostics = Diagnostics::default();
    let mut text = |name: String, bytes: &[u8]| decode(&name, bytes, &mut diagnostics);
    let folder = Folder {
        report: text("report.yaml".into(), &input.report),
        themes: input.themes.as_deref().and_then(|b| text("themes.yaml".into(), b)),
        summary: input.summary.as_deref().and_then(|b| text("summary.md".into(), b)),
        cases: input.cases.iter().enumerate().filter_map(|(i, b)| text(format!("cases/{i}.md"), b)).collect(),
        observations: input
            .observations
            .iter()
            .enumerate()
            .filter_map(|(i, b)| text(format!("observations/{i}.md"), b))
            .collect(),
        translations: input
            .translations
            .iter()
            .enumerate()
            .filter_map(|(i, b)| text(format!("cases/{i}.cy.md"), b))
            .collect(),
        ..Folder::default()
    };
    let mut checked = check_folder(folder, None, diagnostics, &Silent);
    // Every version a report.yaml's `languages:` asks for, as a build writes them.
    let languages = checked.report.meta.languages.clone();
    for language in &languages {
        for format in Format::ALL {
            let mut out = Cursor::new(Vec::new());
            let mut found = Diagnostics::default();
            {
                let view = checked.view(language);
                let _ = render::render(format, checked.sources(&view), &mut out, &mut found);
            }
            checked.diagnostics.extend(found);
        }
    }
    for diagnostic in checked.diagnostics.sorted() {
        let _ = diagnostic.render();
    }
});
