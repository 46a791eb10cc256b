//! Any bytes as a .docx: the Word reader refuses or reads them, and import writes what it read.
//! The target's body is in shared/targets.rs, which `cargo test` also runs on the
//! inputs kept in fuzz/regressions/docx_reader/.
#![no_main]

// Each target calls one of the shared bodies, so the others are unused here.
#[allow(dead_code)]
#[path = "shared/folder.rs"]
mod folder;
#[allow(dead_code)]
#[path = "shared/targets.rs"]
mod targets;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::docx_reader(data));
