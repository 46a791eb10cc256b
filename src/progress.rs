//! What a long build reports as it goes, and the progress bar that shows it on a terminal.
//!
//! The stages report through [`Progress`], which lives here rather than in lib.rs so that
//! parse, the lowest stage that reports, depends on nothing above it. The bar stays hidden
//! for the first second, so ordinary builds (which take milliseconds) print nothing extra,
//! and it is never shown when standard error is not a terminal or under `--quiet`, so logs
//! and pipes stay clean.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What a long build reports as it goes, so that a front end can show progress. The
/// library itself prints nothing.
pub trait Progress: Sync {
    /// A stage has started; `len` is how many steps it has, or 0 when unknown.
    fn stage(&self, _name: &str, _len: u64) {}
    /// One step of the current stage is done. Called from several threads.
    fn advance(&self) {}
}

/// Progress that goes nowhere.
pub struct Silent;

impl Progress for Silent {}

/// A build's progress on standard error.
pub struct Bar {
    bar: ProgressBar,
    done: Arc<AtomicBool>,
}

impl Bar {
    /// A bar that appears after a second if `show` and standard error is a terminal.
    /// `BUILD_REPORT_PROGRESS_DELAY_MS` changes the wait, so that tests need not build
    /// something slow to see it.
    pub fn new(show: bool) -> Self {
        let delay = std::env::var("BUILD_REPORT_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let done = Arc::new(AtomicBool::new(false));
        if show && std::io::stderr().is_terminal() {
            let (bar, done) = (bar.clone(), Arc::clone(&done));
            thread::spawn(move || {
                thread::sleep(delay);
                if !done.load(Ordering::Relaxed) {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Bar { bar, done }
    }

    pub fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn stage(&self, name: &str, len: u64) {
        let template = if len == 0 {
            "{spinner} {msg}"
        } else {
            "{spinner} {msg} [{bar:30}] {pos}/{len}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message(name.to_string());
        self.bar.set_length(len);
        self.bar.set_position(0);
    }

    fn advance(&self) {
        self.bar.inc(1);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}
