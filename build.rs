//! Names the commit a binary was built from, for `build-report --version`, and
//! fingerprints the sources it was built from, for the store of laid-out PDFs.
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
    println!(
        "cargo:rustc-env=BUILD_REPORT_SOURCES={}",
        sources_fingerprint(&manifest)
    );
}

/// The SHA-256 of every file the program is built from: its code, templates, fonts and
/// locked dependencies. src/render/cache.rs names each kept PDF by it, so that no build
/// ever reuses a PDF another build laid out from other sources, whatever the version,
/// the commit or the files' times say. It reaches no output.
fn sources_fingerprint(manifest: &Path) -> String {
    use sha2::{Digest, Sha256};
    let mut files = Vec::new();
    for name in ["src", "templates", "assets"] {
        let dir = manifest.join(name);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    for name in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        let file = manifest.join(name);
        println!("cargo:rerun-if-changed={}", file.display());
        files.push(file);
    }
    files.sort();
    let mut hash = Sha256::new();
    for file in files {
        let relative = file.strip_prefix(manifest).unwrap_or(&file);
        let name = relative.to_string_lossy().replace('\\', "/");
        let bytes = fs::read(&file).unwrap_or_default();
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file under `dir`, at any depth.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, files),
            Ok(kind) if kind.is_file() => files.push(path),
            _ => {}
        }
    }
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
