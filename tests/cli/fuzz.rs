//! The inputs that once crashed a fuzz target, kept in fuzz/regressions/<target>/ (where
//! CI's fuzzing saves a new crash's input), replayed through the target's own calls, so
//! that a crash that comes back fails `cargo test` on any machine, without cargo-fuzz.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use arbitrary::{Arbitrary, Unstructured};

#[path = "../../fuzz/fuzz_targets/shared/folder.rs"]
mod folder;
#[path = "../../fuzz/fuzz_targets/shared/targets.rs"]
mod targets;

/// Structured input as libfuzzer-sys's `fuzz_target!` makes it from the raw bytes; like
/// it, bytes too short for the type are no input at all.
fn replay<'a, T: Arbitrary<'a>>(bytes: &'a [u8], target: impl FnOnce(&T)) {
    if bytes.len() < T::size_hint(0).0 {
        return;
    }
    if let Ok(input) = T::arbitrary_take_rest(Unstructured::new(bytes)) {
        target(&input);
    }
}

/// A target run on the raw bytes of one input.
type Replay = fn(&[u8]);

/// Every target of fuzz/Cargo.toml, by name, and how its input is replayed.
const TARGETS: [(&str, Replay); 6] = [
    ("case_file", targets::case_file),
    ("docx_reader", targets::docx_reader),
    ("whole_build", |b| replay(b, targets::whole_build)),
    ("check_then_build", |b| replay(b, targets::check_then_build)),
    ("archive", |b| replay(b, targets::archive)),
    ("report_json", targets::report_json),
];

fn fuzz_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz"))
}

#[test]
fn every_fuzz_target_has_its_regressions_replayed() {
    let manifest = fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    let mut declared: Vec<&str> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|bin| bin.split("name = \"").nth(1)?.split('"').next())
        .collect();
    let mut replayed: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    declared.sort_unstable();
    replayed.sort_unstable();
    assert_eq!(
        declared, replayed,
        "fuzz/Cargo.toml's targets and TARGETS differ"
    );
}

#[test]
fn the_inputs_that_once_crashed_a_fuzz_target_no_longer_do() {
    let mut crashed = Vec::new();
    for (name, target) in TARGETS {
        let Ok(entries) = fs::read_dir(fuzz_dir().join("regressions").join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            if catch_unwind(AssertUnwindSafe(|| target(&bytes))).is_err() {
                crashed.push(path.display().to_string());
            }
        }
    }
    assert!(
        crashed.is_empty(),
        "these inputs crash their fuzz target again: {crashed:#?}"
    );
}
