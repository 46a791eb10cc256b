//! An archive over arbitrary contents, in memory: panel.yaml and the panel's themes.yaml
//! under every meeting, updates naming anything, then the follow-up, each meeting's page
//! and report.json, and the archive's own files, through the calls `build ARCHIVE` makes.
#![no_main]

use std::io::Cursor;
use std::path::PathBuf;

use arbitrary::Arbitrary;
use build_report::archive::{self, Read};
use build_report::diagnostic::Diagnostics;
use build_report::load::{Folder, Panel, Source, decode};
use build_report::render::{self, Format};
use build_report::Silent;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Meeting {
    report: Vec<u8>,
    cases: Vec<Vec<u8>>,
    observations: Vec<Vec<u8>>,
    updates: Vec<Vec<u8>>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    panel: Vec<u8>,
    themes: Option<Vec<u8>>,
    meetings: Vec<Meeting>,
}

fuzz_target!(|input: Input| {
    let mut found = Diagnostics::default();
    let text = |name: String, bytes: &[u8], d: &mut Diagnostics| -> Option<Source> {
        decode(&name, bytes, d)
    };
    let panel = Panel {
        settings: text("panel.yaml".into(), &input.panel, &mut found),
        themes: input.themes.as_deref().and_then(|b| text("themes.yaml".into(), b, &mut found)),
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
                files.iter().enumerate().filter_map(|(j, b)| decode(&format!("{dir}/{j}.md"), b, d)).collect()
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
    let archive = archive::check_read(&PathBuf::from("/nonexistent"), panel, read, found, None, &Silent);
    for meeting in &archive.meetings {
        for format in [Format::Html, Format::Json] {
            let mut out = Cursor::new(Vec::new());
            let view = meeting.checked.view(&meeting.checked.report.meta.language);
            let _ = render::render(format, meeting.checked.sources(&view), &mut out, &mut Diagnostics::default());
        }
    }
    let all: Vec<&archive::Meeting> = archive.meetings.iter().collect();
    let (trends, labels) = archive::trends::trends(&archive, &all);
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
});
