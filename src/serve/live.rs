//! The latest build, rebuilt when a file changes, and the open pages told to reload.
//!
//! Most saves are one file written whole, so the first change is built at once and shown
//! as soon as it builds without errors: the page is ready in the time one build takes. A
//! save is also often several events (a temporary file, a rename), a save of several
//! files comes in a burst, and a file read while an editor is still writing it can show
//! errors that are not there; so a build with errors waits until the folder has been
//! quiet for a moment, and whatever changed during the burst is built again then. A build
//! that is the same as the one shown is not told, so a page never reloads for nothing. What the tool itself writes and
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

    /// Builds again, replaces the latest build and tells every open page; or, when the
    /// build is the same as the latest, keeps that.
    pub fn rebuild(&self) -> Arc<Build> {
        let _one = self.building.lock().unwrap_or_else(|p| p.into_inner());
        self.publish(super::site::build(&self.target))
    }

    /// [`Live::rebuild`], unless the build has errors: then nothing is replaced or told.
    pub fn rebuild_if_clean(&self) -> Option<Arc<Build>> {
        let _one = self.building.lock().unwrap_or_else(|p| p.into_inner());
        let site = super::site::build(&self.target);
        (!site.diagnostics.has_errors()).then(|| self.publish(site))
    }

    fn publish(&self, site: Site) -> Arc<Build> {
        let latest = self.latest();
        if latest.site == site {
            return latest;
        }
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
    std::thread::spawn(move || follow(&changed, &live, DEBOUNCE, built));
    Ok(watcher)
}

/// Rebuilds `live` for each burst of changes on `changed` until the watcher is gone,
/// calling `built` with each build that replaced the one shown. `quiet` is how long the
/// folder must be still before a build with errors is shown.
fn follow(changed: &Receiver<()>, live: &Live, quiet: Duration, built: impl Fn(&Build)) {
    let mut shown = live.latest().generation;
    let mut tell = |build: Arc<Build>| {
        if build.generation != shown {
            shown = build.generation;
            built(&build);
        }
    };
    while changed.recv().is_ok() {
        // The events already waiting are the same save's.
        while changed.try_recv().is_ok() {}
        let early = live.rebuild_if_clean();
        let mut again = early.is_none();
        if let Some(build) = early {
            tell(build);
        }
        loop {
            match changed.recv_timeout(quiet) {
                Ok(()) => again = true,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if again {
            tell(live.rebuild());
        }
    }
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

    /// A copy of the small fixture to change.
    fn small_report() -> tempfile::TempDir {
        crate::serve::fixture_copy("good/small")
    }

    #[test]
    fn a_rebuild_is_a_new_generation_and_is_told_only_when_the_pages_change() {
        let dir = small_report();
        let live = Live::new(crate::archive::discover(dir.path()));
        assert_eq!(live.latest().generation, 1);
        let stream = live.listen();
        assert_eq!(live.rebuild().generation, 1, "nothing changed");
        std::fs::write(dir.path().join("summary.md"), "A new summary.\n").unwrap();
        let build = live.rebuild();
        assert_eq!(build.generation, 2);
        assert_eq!(stream.recv_timeout(Duration::from_secs(5)), Ok(2));
        assert_eq!(live.latest().generation, 2);
        assert!(live.latest().site.pages.contains_key("report.html"));
    }

    /// Runs [`follow`] on its own thread over a copy of the small report, with what it
    /// tells sent back as (generation, whether it has errors).
    /// A followed report: its live builds, where changes are sent, what is told, and
    /// the thread following it.
    type Following = (
        Arc<Live>,
        Sender<()>,
        Receiver<(u64, bool)>,
        std::thread::JoinHandle<()>,
    );

    fn following(dir: &Path) -> Following {
        let live = Live::new(crate::archive::discover(dir));
        let (changes, changed) = channel();
        let (told, telling) = channel();
        let following = Arc::clone(&live);
        let thread = std::thread::spawn(move || {
            follow(&changed, &following, Duration::from_millis(50), |b| {
                let _ = told.send((b.generation, b.site.diagnostics.has_errors()));
            })
        });
        (live, changes, telling, thread)
    }

    const DEADLINE: Duration = Duration::from_secs(10);

    #[test]
    fn a_clean_change_is_shown_once_and_a_broken_one_after_the_quiet() {
        let dir = small_report();
        let (live, changes, telling, thread) = following(dir.path());
        std::fs::write(dir.path().join("summary.md"), "A new summary.\n").unwrap();
        changes.send(()).unwrap();
        assert_eq!(telling.recv_timeout(DEADLINE), Ok((2, false)));
        let case = dir.path().join("cases/b-first.md");
        let text = std::fs::read_to_string(&case).unwrap();
        std::fs::write(&case, text.replacen("risk: medium", "risk: [medium", 1)).unwrap();
        changes.send(()).unwrap();
        // Not shown at once, being broken, but once the folder is quiet.
        assert_eq!(telling.recv_timeout(DEADLINE), Ok((3, true)));
        drop(changes);
        thread.join().unwrap();
        assert!(telling.try_recv().is_err(), "a build was told twice");
        assert_eq!(live.latest().generation, 3);
    }

    #[test]
    fn a_change_during_a_build_is_never_lost() {
        let dir = small_report();
        let (live, changes, telling, thread) = following(dir.path());
        let summary = dir.path().join("summary.md");
        std::fs::write(&summary, "First words.\n").unwrap();
        changes.send(()).unwrap();
        std::fs::write(&summary, "Last words.\n").unwrap();
        changes.send(()).unwrap();
        // However the two changes fall against the builds, the last one shown has both.
        let shows_last = || {
            live.latest()
                .site
                .pages
                .get("report.html")
                .is_some_and(|page| String::from_utf8_lossy(page).contains("Last words."))
        };
        while !shows_last() {
            telling
                .recv_timeout(DEADLINE)
                .expect("the last change was never built");
        }
        drop(changes);
        thread.join().unwrap();
    }

    #[test]
    fn a_build_with_errors_waits_for_the_folder_to_be_quiet() {
        let dir = small_report();
        let live = Live::new(crate::archive::discover(dir.path()));
        let case = dir.path().join("cases/b-first.md");
        let text = std::fs::read_to_string(&case).unwrap();
        std::fs::write(&case, text.replacen("risk: medium", "risk: [medium", 1)).unwrap();
        assert!(live.rebuild_if_clean().is_none());
        assert_eq!(live.latest().generation, 1);
        assert!(live.rebuild().site.diagnostics.has_errors());
        assert_eq!(live.latest().generation, 2);
    }
}
