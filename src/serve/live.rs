//! The latest build, rebuilt when a file changes, and the open pages told to reload.
//!
//! Changes are debounced, since an editor's save is several events (a temporary file, a
//! rename) and a save of several files comes in a burst. What the tool itself writes and
//! what an editor leaves beside a file are ignored: output/, hidden files and folders,
//! swap and backup files; so serving never rebuilds for nothing, and never loops.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::Site;
use crate::archive::Target;
use crate::layout;

/// How long the folder must be quiet before a rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// One build and its number, which the reload stream sends so that a page can tell
/// whether it is out of date.
pub struct Build {
    pub generation: u64,
    pub site: Site,
}

/// What the server reads and the watcher replaces.
pub struct Live {
    target: Target,
    latest: RwLock<Arc<Build>>,
    generation: AtomicU64,
    /// One building at a time, so that an older build never replaces a newer one.
    building: Mutex<()>,
    listeners: Mutex<Vec<Sender<u64>>>,
}

impl Live {
    /// Builds `target` for the first time.
    pub fn new(target: Target) -> Arc<Live> {
        let site = super::site::build(&target);
        Arc::new(Live {
            target,
            latest: RwLock::new(Arc::new(Build {
                generation: 1,
                site,
            })),
            generation: AtomicU64::new(1),
            building: Mutex::new(()),
            listeners: Mutex::new(Vec::new()),
        })
    }

    /// The latest build.
    pub fn latest(&self) -> Arc<Build> {
        match self.latest.read() {
            Ok(latest) => Arc::clone(&latest),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Builds again, replaces the latest build and tells every open page.
    pub fn rebuild(&self) -> Arc<Build> {
        let _one = self.building.lock().unwrap_or_else(|p| p.into_inner());
        let site = super::site::build(&self.target);
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let build = Arc::new(Build { generation, site });
        match self.latest.write() {
            Ok(mut latest) => *latest = Arc::clone(&build),
            Err(poisoned) => *poisoned.into_inner() = Arc::clone(&build),
        }
        let mut listeners = self.listeners.lock().unwrap_or_else(|p| p.into_inner());
        listeners.retain(|listener| listener.send(generation).is_ok());
        build
    }

    /// A stream of the generations built from now on, for one open page.
    pub fn listen(&self) -> Receiver<u64> {
        let (sender, receiver) = channel();
        self.listeners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(sender);
        receiver
    }
}

/// The folder a change under which changes the report: an archive's root even when one
/// meeting is served, since its panel files and other meetings feed the meeting's page.
pub fn watched(target: &Target) -> &Path {
    match target {
        Target::Report(dir) => dir,
        Target::Archive { root, .. } => root,
    }
}

/// Watches the folder and rebuilds on every change that matters, calling `built` after
/// each rebuild. The watch lasts as long as the returned watcher.
pub fn watch(
    live: Arc<Live>,
    built: impl Fn(&Build) + Send + 'static,
) -> Result<RecommendedWatcher, notify::Error> {
    let root = watched(&live.target).to_path_buf();
    let root = root.canonicalize().unwrap_or(root);
    let inside = root.clone();
    let (changes, changed) = channel::<()>();
    // Reading a file is an event too, and every build reads them all: only what changes
    // a file counts, or each build would start the next.
    let handler = move |event: notify::Result<Event>| {
        let Ok(event) = event else {
            return;
        };
        let changes_a_file = !matches!(event.kind, EventKind::Access(_) | EventKind::Other);
        if changes_a_file && event.paths.iter().any(|path| matters(&inside, path)) {
            let _ = changes.send(());
        }
    };
    // A link is not followed, as load follows none out of the folder.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher = RecommendedWatcher::new(handler, config)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    std::thread::spawn(move || {
        while changed.recv().is_ok() {
            // A save is a burst of events, and a save of several files a longer one:
            // build once the folder has been quiet for a moment.
            loop {
                match changed.recv_timeout(DEBOUNCE) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            built(&live.rebuild());
        }
    });
    Ok(watcher)
}

/// Whether a change at `path` can change the report in the folder at `root`.
pub fn matters(root: &Path, path: &Path) -> bool {
    let relative: PathBuf = match path.strip_prefix(root) {
        Ok(relative) => relative.to_path_buf(),
        Err(_) => return false,
    };
    let mut names = relative.components().filter_map(|c| match c {
        Component::Normal(name) => Some(name.to_string_lossy()),
        _ => None,
    });
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload"]
            .iter()
            .any(|end| name.ends_with(end));
    !temporary && !names.any(|n| n.starts_with('.') || n == layout::OUTPUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_folder_s_own_files_matter() {
        let root = Path::new("/r");
        for path in [
            "/r/cases/case-01.md",
            "/r/cases/case-06/alice.md",
            "/r/report.yaml",
            "/r/2023-06/cases/a.md",
            "/r/templates/report.html",
            "/r/cases",
        ] {
            assert!(matters(root, Path::new(path)), "{path}");
        }
        for path in [
            "/r/output/report.html",
            "/r/2023-06/output/report.html",
            "/r/cases/.case-01.md.swp",
            "/r/cases/case-01.md~",
            "/r/cases/#case-01.md#",
            "/r/cases/4913",
            "/r/.git/index",
            "/r/cases/.report.html.tmp-12",
            "/elsewhere/report.yaml",
        ] {
            assert!(!matters(root, Path::new(path)), "{path}");
        }
    }

    #[test]
    fn a_rebuild_is_a_new_generation_and_is_told() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/small");
        let live = Live::new(crate::archive::discover(&dir));
        assert_eq!(live.latest().generation, 1);
        let stream = live.listen();
        let build = live.rebuild();
        assert_eq!(build.generation, 2);
        assert_eq!(stream.recv_timeout(Duration::from_secs(5)), Ok(2));
        assert_eq!(live.latest().generation, 2);
        assert!(live.latest().site.pages.contains_key("report.html"));
    }
}
