//! A whole build over arbitrary folder contents, in memory: every stage and every format,
//! through the same library calls `build-report build` makes.
#![no_main]

#[path = "shared/folder.rs"]
mod folder;

use std::io::Cursor;

use build_report::diagnostic::Diagnostics;
use build_report::render::{self, Format};
use build_report::{Silent, check_folder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: folder::Input| {
    let (folder, diagnostics) = input.folder();
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
