//! Rendered files kept between builds, so that a build lays out again only the PDFs whose
//! inputs changed.
//!
//! Only the PDF is kept: typst's layout is nearly all of a default build's time, and every
//! other format renders in milliseconds. A PDF is a pure function of its template, the JSON
//! data the template reads and the program that lays it out, so the SHA-256 of those three
//! names the file, and a file stored under that name is byte for byte what a full build
//! would write. The program is known by a fingerprint of every source file it was built
//! from (made by build.rs), its version, and the size and time of its executable, so a
//! rebuilt or upgraded build-report never reuses another build's PDF.
//!
//! The store lives in the user's cache folder, never in the output folder, so a build's
//! outputs are the same files whether or not one was reused. Each entry begins with the
//! hash of its own bytes and is written under a temporary name and renamed, so an entry
//! cut short by a crash or a full disk is made again rather than used. The store only ever
//! reads, writes or removes files named as its own entries are, so a folder given by
//! mistake loses nothing else. It is kept under its limit once a build is done. It is a help
//! and never a cause of failure: a store that cannot be read or written is simply not
//! used. It is off unless a command opens it, as `build` does, so the library and the
//! fuzzer stay pure.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

/// The environment variable naming the store's folder; `off` (or empty) turns it off.
pub const ENV: &str = "BUILD_REPORT_CACHE";

/// Above this many bytes the least recently used entries are removed.
const LIMIT: u64 = 512 * 1024 * 1024;

/// Bumped when an entry's layout changes, so older entries are never read as newer ones.
const LAYOUT: &[u8] = b"build-report cache 1\0";

static STORE: OnceLock<Option<Store>> = OnceLock::new();

/// A folder of rendered files, each named by the hash of what made it.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// What distinguishes this build of the program from every other.
    program: [u8; 32],
}

/// The name of one entry: the hash of everything its bytes depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(String);

/// Opens the store for this process at the folder `BUILD_REPORT_CACHE` names, or else the
/// platform's cache folder. Only the first call counts.
pub fn open_default() {
    STORE.get_or_init(|| folder_from_env().and_then(|dir| Store::new(&dir)));
}

/// Keeps the store this process opened, if any, under its limit: once, when a build is
/// done, rather than after each file while others are being written.
pub fn tidy() {
    if let Some(store) = store() {
        store.prune(LIMIT);
    }
}

/// The store this process opened, if any.
pub fn store() -> Option<&'static Store> {
    STORE.get().and_then(Option::as_ref)
}

/// The folder the store uses: `BUILD_REPORT_CACHE`, unless it says `off`, else the place
/// each platform keeps caches.
fn folder_from_env() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        Some(value) if value.is_empty() || value == "off" => None,
        Some(value) => Some(PathBuf::from(value)),
        None => platform_folder(),
    }
}

fn var(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

/// `%LOCALAPPDATA%\build-report\cache`, as Windows programs keep what may be deleted.
#[cfg(windows)]
fn platform_folder() -> Option<PathBuf> {
    var("LOCALAPPDATA").map(|dir| dir.join("build-report").join("cache"))
}

/// `~/Library/Caches/build-report`.
#[cfg(target_os = "macos")]
fn platform_folder() -> Option<PathBuf> {
    var("HOME").map(|home| home.join("Library").join("Caches").join("build-report"))
}

/// `$XDG_CACHE_HOME/build-report`, by default `~/.cache/build-report`.
#[cfg(not(any(windows, target_os = "macos")))]
fn platform_folder() -> Option<PathBuf> {
    var("XDG_CACHE_HOME")
        .or_else(|| var("HOME").map(|home| home.join(".cache")))
        .map(|dir| dir.join("build-report"))
}

impl Store {
    /// A store in `dir`, for the running program; none when the program cannot be told
    /// apart from another build of it.
    pub fn new(dir: &Path) -> Option<Store> {
        let exe = std::env::current_exe().ok()?;
        let meta = fs::metadata(exe).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let mut program = Sha256::new();
        program.update(env!("BUILD_REPORT_VERSION").as_bytes());
        program.update(env!("BUILD_REPORT_SOURCES").as_bytes());
        program.update(meta.len().to_le_bytes());
        program.update(modified.as_nanos().to_le_bytes());
        Some(Store {
            dir: dir.to_path_buf(),
            program: program.finalize().into(),
        })
    }

    /// The key of a file of `kind` made from `parts`, each taken whole: no two lists of
    /// parts give the same key.
    pub fn key(&self, kind: &str, parts: &[&[u8]]) -> Key {
        let mut hash = Sha256::new();
        hash.update(LAYOUT);
        hash.update(self.program);
        hash.update((kind.len() as u64).to_le_bytes());
        hash.update(kind.as_bytes());
        for part in parts {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        Key(format!("{}.{kind}", hex(&hash.finalize())))
    }

    /// The bytes stored under `key`, if they are there whole.
    pub fn get(&self, key: &Key) -> Option<Vec<u8>> {
        let path = self.dir.join(&key.0);
        let mut bytes = fs::read(&path).ok()?;
        if bytes.len() < 32 || Sha256::digest(&bytes[32..])[..] != bytes[..32] {
            let _ = fs::remove_file(&path);
            return None;
        }
        // Marks it used, for the pruning of the least recently used.
        if let Ok(file) = fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        bytes.drain(..32);
        Some(bytes)
    }

    /// Stores `bytes` under `key`; a store that cannot be written is left as it is.
    pub fn put(&self, key: &Key, bytes: &[u8]) {
        let _ = self.write(key, bytes);
    }

    fn write(&self, key: &Key, bytes: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let temp = self.dir.join(format!("{}.{}{PARTIAL}", key.0, unique()));
        let result = (|| {
            let mut file = fs::File::create(&temp)?;
            file.write_all(&Sha256::digest(bytes))?;
            file.write_all(bytes)?;
            drop(file);
            fs::rename(&temp, self.dir.join(&key.0))
        })();
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// Removes the least recently used entries until the store holds at most `limit`
    /// bytes, and what a write cut short by a crash left an hour or more ago. An entry
    /// another build is writing now has a temporary name and is left alone.
    fn prune(&self, limit: u64) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let stale = SystemTime::now() - Duration::from_secs(3600);
        let mut found: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((modified, len)) = entry
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| Some((m.modified().ok()?, m.len())))
            else {
                continue;
            };
            match Naming::of(&name) {
                Naming::Entry => found.push((modified, len, entry.path())),
                Naming::Partial if modified < stale => {
                    let _ = fs::remove_file(entry.path());
                }
                Naming::Partial | Naming::Other => {}
            }
        }
        let mut total: u64 = found.iter().map(|(_, len, _)| len).sum();
        found.sort();
        for (_, len, path) in found {
            if total <= limit {
                break;
            }
            // Gone already is as good as removed: another build pruned it.
            match fs::remove_file(path) {
                Ok(()) => total -= len,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => total -= len,
                Err(_) => {}
            }
        }
    }
}

/// The end of the temporary name an entry is written under.
const PARTIAL: &str = ".partial";

/// What a file in the store's folder is, by its name alone.
#[derive(Debug, PartialEq)]
enum Naming {
    /// `<64 hex digits>.<kind>`, as [`Store::key`] names one.
    Entry,
    /// An entry being written, or one whose writing was cut short.
    Partial,
    /// Anything else, which the store never touches.
    Other,
}

impl Naming {
    fn of(name: &str) -> Naming {
        let entry = |name: &str| {
            name.split_once('.').is_some_and(|(hash, kind)| {
                hash.len() == 64
                    && hash.bytes().all(|b| b.is_ascii_hexdigit())
                    && !kind.is_empty()
                    && kind.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        };
        match name.strip_suffix(PARTIAL) {
            Some(rest)
                if rest.rsplit_once('.').is_some_and(|(key, n)| {
                    entry(key) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric())
                }) =>
            {
                Naming::Partial
            }
            _ if entry(name) => Naming::Entry,
            _ => Naming::Other,
        }
    }
}

/// A temporary name's own part: this process, the time and a count, so that two builds
/// sharing a store, even in containers where both are process 1, never write one file.
fn unique() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{:x}{nanos:x}{count:x}", std::process::id())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path()).expect("the test binary has a size and a time");
        (dir, store)
    }

    #[test]
    fn gives_back_what_was_put_under_the_same_parts_only() {
        let (_dir, store) = store();
        let key = store.key("pdf", &[b"template", b"data"]);
        assert_eq!(store.get(&key), None);
        store.put(&key, b"%PDF-1.7 bytes");
        assert_eq!(store.get(&key).as_deref(), Some(&b"%PDF-1.7 bytes"[..]));
        assert_eq!(store.get(&store.key("pdf", &[b"template", b"data!"])), None);
    }

    #[test]
    fn parts_are_taken_whole() {
        let (_dir, store) = store();
        assert_ne!(
            store.key("pdf", &[b"ab", b"c"]),
            store.key("pdf", &[b"a", b"bc"])
        );
        assert_ne!(store.key("pdf", &[b"a"]), store.key("xlsx", &[b"a"]));
    }

    #[test]
    fn an_entry_cut_short_is_not_used_and_is_removed() {
        let (dir, store) = store();
        let key = store.key("pdf", &[b"x"]);
        store.put(&key, b"a whole PDF");
        let path = dir.path().join(&key.0);
        let mut bytes = fs::read(&path).unwrap();
        bytes.truncate(bytes.len() - 3);
        fs::write(&path, bytes).unwrap();
        assert_eq!(store.get(&key), None);
        assert!(!path.exists());
    }

    #[test]
    fn pruning_removes_the_least_recently_used_first() {
        let (dir, store) = store();
        let old = store.key("pdf", &[b"old"]);
        let new = store.key("pdf", &[b"new"]);
        store.put(&old, &[0; 100]);
        store.put(&new, &[1; 100]);
        let long_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .append(true)
            .open(dir.path().join(&old.0))
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        store.prune(200);
        assert_eq!(store.get(&old), None);
        assert_eq!(store.get(&new), Some(vec![1; 100]));
    }

    #[test]
    fn only_its_own_files_are_ever_removed() {
        let (dir, store) = store();
        let mine = store.key("pdf", &[b"mine"]);
        store.put(&mine, &[0; 100]);
        let theirs = dir.path().join("notes.txt");
        fs::write(&theirs, [1; 500]).unwrap();
        let left = dir.path().join(format!("{}.1a2b{PARTIAL}", mine.0));
        fs::write(&left, b"cut short").unwrap();
        let long_ago = SystemTime::now() - std::time::Duration::from_secs(7200);
        fs::File::options()
            .append(true)
            .open(&left)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        store.prune(0);
        assert!(theirs.exists(), "a file not the store's was removed");
        assert!(!left.exists(), "an old cut-short write was left");
        assert_eq!(store.get(&mine), None);
    }

    #[test]
    fn names_are_told_apart() {
        let hash = "ab".repeat(32);
        assert_eq!(Naming::of(&format!("{hash}.pdf")), Naming::Entry);
        assert_eq!(
            Naming::of(&format!("{hash}.pdf.3f9c{PARTIAL}")),
            Naming::Partial
        );
        for other in [
            "report.pdf",
            "notes.partial",
            &format!("{hash}.pdf/x"),
            &format!("{hash}."),
            &format!("{}.pdf", &hash[1..]),
            &format!("{hash}.pdf{PARTIAL}"),
        ] {
            assert_eq!(Naming::of(other), Naming::Other, "{other}");
        }
    }

    #[test]
    fn a_store_that_cannot_be_written_is_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, "not a folder").unwrap();
        let store = Store::new(&file.join("cache")).unwrap();
        let key = store.key("pdf", &[b"x"]);
        store.put(&key, b"bytes");
        assert_eq!(store.get(&key), None);
    }
}
