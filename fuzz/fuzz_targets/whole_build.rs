//! A whole build over arbitrary folder contents, in memory, in every format and language.
//! The target's body is in shared/targets.rs, which `cargo test` also runs on the
//! inputs kept in fuzz/regressions/whole_build/.
#![no_main]

// Each target calls one of the shared bodies, so the others are unused here.
#[allow(dead_code)]
#[path = "shared/folder.rs"]
mod folder;
#[allow(dead_code)]
#[path = "shared/targets.rs"]
mod targets;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: folder::Input| targets::whole_build(&input));
