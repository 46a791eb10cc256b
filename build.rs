//! Names the commit a binary was built from, for `build-report --version`.
//!
//! The commit is read from the files under .git, not by running git, so a build from a
//! source archive without git, or on a machine without it, works and simply names no
//! commit. It reaches only `--version`, never an output, so that the same input gives
//! the same bytes whatever commit built it.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let shown = match commit(&manifest.join(".git")) {
        Some(hash) => format!("{version} (commit {hash})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=BUILD_REPORT_VERSION={shown}");
}

/// The first twelve digits of the commit HEAD names, telling git's rebuild triggers to
/// cargo on the way.
fn commit(dot_git: &Path) -> Option<String> {
    // A worktree's .git is a file naming its own git folder.
    let git = if dot_git.is_file() {
        let text = fs::read_to_string(dot_git).ok()?;
        let named = PathBuf::from(text.strip_prefix("gitdir:")?.trim());
        dot_git.parent()?.join(named)
    } else {
        dot_git.to_path_buf()
    };
    // Branches live in the common folder a worktree's commondir names.
    let common = fs::read_to_string(git.join("commondir"))
        .map(|dir| git.join(dir.trim()))
        .unwrap_or_else(|_| git.clone());
    let head_file = git.join("HEAD");
    println!("cargo:rerun-if-changed={}", head_file.display());
    let head = fs::read_to_string(&head_file).ok()?;
    let hash = match head.trim().strip_prefix("ref:") {
        Some(name) => {
            let name = name.trim();
            let loose = common.join(name);
            let packed = common.join("packed-refs");
            println!("cargo:rerun-if-changed={}", loose.display());
            println!("cargo:rerun-if-changed={}", packed.display());
            match fs::read_to_string(&loose) {
                Ok(hash) => hash.trim().to_string(),
                Err(_) => fs::read_to_string(&packed).ok()?.lines().find_map(|line| {
                    let (hash, reference) = line.split_once(' ')?;
                    (reference == name).then(|| hash.to_string())
                })?,
            }
        }
        None => head.trim().to_string(),
    };
    let ok = hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| hash[..12].to_string())
}
