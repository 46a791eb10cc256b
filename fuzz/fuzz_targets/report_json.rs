//! Any bytes as the report.json `changes --since FILE.json` is given: read or refused, and
//! compared with itself and with an empty report, never panicking.
//! The target's body is in shared/targets.rs, which `cargo test` also runs on the
//! inputs kept in fuzz/regressions/report_json/.
#![no_main]

// Each target calls one of the shared bodies, so the others are unused here.
#[allow(dead_code)]
#[path = "shared/folder.rs"]
mod folder;
#[allow(dead_code)]
#[path = "shared/targets.rs"]
mod targets;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::report_json(data));
