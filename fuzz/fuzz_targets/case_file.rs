//! One case file, any bytes: decoding, front matter, Markdown, and its HTML rendering.
//! The target's body is in shared/targets.rs, which `cargo test` also runs on the
//! inputs kept in fuzz/regressions/case_file/.
#![no_main]

// Each target calls one of the shared bodies, so the others are unused here.
#[allow(dead_code)]
#[path = "shared/folder.rs"]
mod folder;
#[allow(dead_code)]
#[path = "shared/targets.rs"]
mod targets;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::case_file(data));
