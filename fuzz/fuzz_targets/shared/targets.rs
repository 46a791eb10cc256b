//! What each fuzz target does with its input, kept apart from libFuzzer's entry points so
//! that `cargo test` replays the inputs saved in fuzz/regressions/<target>/ through the
//! very same calls (tests/cli/fuzz.rs), not only CI's fuzzing.

use std::io::Cursor;
use std::path::PathBuf;

use arbitrary::Arbitrary;
use build_report::archive::{self, Read};
use build_report::changes::{self, Snapshot};
use build_report::diagnostic::Diagnostics;
use build_report::import::{recognise, write};
use build_report::load::{Folder, Panel, Source, decode};
use build_report::model::{Choice, Meta, Section};
use build_report::office::read;
use build_report::parse::case;
use build_report::render::markup::blocks_html;
use build_report::render::{self, Format};
use build_report::{Silent, check_folder};

use super::folder;

/// One case file, any bytes: decoding, front matter, Markdown, and its HTML rendering.
pub fn case_file(data: &[u8]) {
    fn render(sections: &[Section], id: &str) {
        for section in sections {
            let _ = blocks_html(&section.blocks, Some(id));
            render(&section.children, id);
        }
    }
    let meta = Meta {
        checks: vec![Choice {
            id: "hcso_48h".into(),
            label: "HCSO".into(),
            colour: None,
            label_in: Vec::new(),
            carry_over: false,
        }],
        judgements: vec![Choice {
            id: "appropriate".into(),
            label: "Appropriate".into(),
            colour: None,
            label_in: Vec::new(),
            carry_over: false,
        }],
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
}

/// Any bytes as a .docx: the Word reader refuses or reads them, within its budget and
/// depth, and import recognises and writes whatever it read, never panicking.
pub fn docx_reader(data: &[u8]) {
    if let Ok(document) = read::blocks(data) {
        let found = recognise(&document.blocks, "fuzz.docx");
        let meta = write::Meta {
            title: "Fuzz".into(),
            meeting_date: "2021-09-29".into(),
            source: "fuzz.docx".into(),
        };
        let _ = write::files(&found, &meta);
    }
}

/// Any bytes as an earlier report.json for `changes --since FILE.json`: read or refused,
/// then compared with itself (no change) and with an empty report, as the command would.
pub fn report_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(snapshot) = Snapshot::from_json(text) {
        assert!(changes::compare(&snapshot, &snapshot).is_empty());
        let _ = changes::compare(&Snapshot::default(), &snapshot);
        let _ = changes::compare(&snapshot, &Snapshot::default());
    }
}

/// A whole build over arbitrary folder contents, in memory: every stage and every format,
/// through the same library calls `build-report build` makes.
pub fn whole_build(input: &folder::Input) {
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
}

/// `check` is a promise: any folder `check_folder` passes renders in every format, in
/// every language its report.yaml asks for, with no error. A panic here is a folder
/// `check` calls good that `build` would refuse.
pub fn check_then_build(input: &folder::Input) {
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
}

#[derive(Arbitrary, Debug)]
pub struct Meeting {
    report: Vec<u8>,
    cases: Vec<Vec<u8>>,
    observations: Vec<Vec<u8>>,
    updates: Vec<Vec<u8>>,
}

/// An archive's files: panel.yaml, the panel's themes.yaml and up to four meetings.
#[derive(Arbitrary, Debug)]
pub struct Archive {
    panel: Vec<u8>,
    themes: Option<Vec<u8>>,
    meetings: Vec<Meeting>,
}

/// An archive over arbitrary contents, in memory: panel.yaml and the panel's themes.yaml
/// under every meeting, updates naming anything, then the follow-up, each meeting's page
/// and report.json, and the archive's own files, through the calls `build ARCHIVE` makes.
pub fn archive(input: &Archive) {
    let mut found = Diagnostics::default();
    let text = |name: String, bytes: &[u8], d: &mut Diagnostics| -> Option<Source> {
        decode(&name, bytes, d)
    };
    let panel = Panel {
        settings: text("panel.yaml".into(), &input.panel, &mut found),
        themes: input
            .themes
            .as_deref()
            .and_then(|b| text("themes.yaml".into(), b, &mut found)),
        templates: Vec::new(),
    };
    let read: Vec<Read> = input
        .meetings
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, m)| {
            let mut diagnostics = Diagnostics::default();
            let d = &mut diagnostics;
            let many = |dir: &str, files: &[Vec<u8>], d: &mut Diagnostics| -> Vec<Source> {
                files
                    .iter()
                    .enumerate()
                    .filter_map(|(j, b)| decode(&format!("{dir}/{j}.md"), b, d))
                    .collect()
            };
            let folder = Folder {
                report: decode("report.yaml", &m.report, d),
                cases: many("cases", &m.cases, d),
                observations: many("observations", &m.observations, d),
                updates: many("updates", &m.updates, d),
                panel: panel.seen_from(1),
                ..Folder::default()
            };
            Read {
                id: format!("m{i}"),
                dir: PathBuf::from(format!("/nonexistent/m{i}")),
                folder,
                diagnostics,
            }
        })
        .collect();
    let archive = archive::check_read(
        &PathBuf::from("/nonexistent"),
        panel,
        read,
        found,
        None,
        &Silent,
    );
    for meeting in &archive.meetings {
        for format in [Format::Html, Format::Json] {
            let mut out = Cursor::new(Vec::new());
            let view = meeting.checked.view(&meeting.checked.report.meta.language);
            let _ = render::render(
                format,
                meeting.checked.sources(&view),
                &mut out,
                &mut Diagnostics::default(),
            );
        }
    }
    let all: Vec<&archive::Meeting> = archive.meetings.iter().collect();
    let (trends, labels) = archive::trends::trends(&archive, &all, None);
    let view = build_report::view::trends::TrendsView::new(&trends, &labels);
    let sources = render::trends::TrendsSources {
        view: &view,
        templates: &archive.panel.templates,
    };
    for renderer in render::trends::RENDERERS {
        let mut out = Cursor::new(Vec::new());
        let _ = renderer.render(sources, &mut out, &mut Diagnostics::default());
    }
    for diagnostic in archive.diagnostics.sorted() {
        let _ = diagnostic.render();
    }
}
