//! One case file, any bytes: decoding, front matter, Markdown, and its HTML rendering.
#![no_main]

use build_report::diagnostic::Diagnostics;
use build_report::load::decode;
use build_report::model::{Choice, Meta, Section};
use build_report::parse::case;
use build_report::render::markup::blocks_html;
use libfuzzer_sys::fuzz_target;

fn render(sections: &[Section], id: &str) {
    for section in sections {
        let _ = blocks_html(&section.blocks, Some(id));
        render(&section.children, id);
    }
}

fuzz_target!(|data: &[u8]| {
    let meta = Meta {
        checks: vec![Choice { id: "hcso_48h".into(), label: "HCSO".into(), colour: None, label_in: Vec::new() }],
        judgements: vec![Choice { id: "appropriate".into(), label: "Appropriate".into(), colour: None, label_in: Vec::new() }],
        ..Meta::default()
    };
    let mut diagnostics = Diagnostics::default();
    if let Some(source) = decode("cases/fuzz.md", data, &mut diagnostics) {
        if let Some(case) = case::parse(&source, Some(&meta), &mut diagnostics) {
            render(&case.sections, &meta.case_id(meta.case_key(&case)));
        }
        diagnostics.attach_source(&source.path, &source.text);
    }
    for diagnostic in diagnostics.sorted() {
        let _ = diagnostic.render();
    }
});
