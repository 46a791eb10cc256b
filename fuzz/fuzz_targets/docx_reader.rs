//! Any bytes as a .docx: the Word reader refuses or reads them, within its budget and
//! depth, and import recognises and writes whatever it read, never panicking.
#![no_main]

use build_report::import::{recognise, write};
use build_report::office::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = read::blocks(data) {
        let found = recognise(&document.blocks, "fuzz.docx");
        let meta = write::Meta {
            title: "Fuzz".into(),
            meeting_date: "2021-09-29".into(),
            source: "fuzz.docx".into(),
        };
        let _ = write::files(&found, &meta);
    }
});
