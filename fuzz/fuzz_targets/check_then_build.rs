//! `check` is a promise: any folder `check_folder` passes renders in every format, in
//! every language its report.yaml asks for, with no error. A panic here is a folder
//! `check` calls good that `build` would refuse.
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
    let checked = check_folder(folder, None, diagnostics, &Silent);
    if checked.diagnostics.has_errors() {
        return;
    }
    for language in &checked.report.meta.languages {
        let view = checked.view(language);
        for format in Format::ALL {
            let mut found = Diagnostics::default();
            let rendered = render::render(
                format,
                checked.sources(&view),
                &mut Cursor::new(Vec::new()),
                &mut found,
            );
            let errors: Vec<String> = found
                .sorted()
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render())
                .collect();
            assert!(
                rendered.is_ok() && errors.is_empty(),
                "check passed but the {format:?} in {language} failed: {:?}\n{}",
                rendered.err(),
                errors.join("\n")
            );
        }
    }
});
