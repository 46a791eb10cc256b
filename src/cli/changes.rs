//! `build-report changes [DIR] --since REV|FILE.json [--out DIR]`: what moved in the report
//! since the draft the force read, or any earlier version. Prints a short summary and
//! writes changes.html beside the report's outputs.
//!
//! The earlier version is a git revision, read from the repository by gix, or a
//! report.json kept from an earlier build, for a folder that is not in git. Either way
//! the comparison is of data (see crate::changes), so both forms find the same changes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::subject::{self, Subject};
use super::{INPUT, OK, USAGE, folder_exists, plural, print_problems, usage_error};
use crate::archive::Target;
use crate::catalogue::Labels;
use crate::changes::revision::{self, Checkout};
use crate::changes::{Edit, Meeting, MeetingChanges, Presence, Snapshot, compare_versions};
use crate::render::RenderError;
use crate::render::changes::{self as page, Page};
use crate::write::{self, Staging, WriteError};

/// The page's name in the output folder.
const PAGE: &str = "changes.html";

#[derive(Args, Debug)]
pub(super) struct ChangesArgs {
    /// The report folder, an archive, or one of its meetings
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// What to compare with: a git revision (HEAD~1, a tag, a commit) or a report.json
    /// written by an earlier build
    #[arg(long, value_name = "REV|FILE.json")]
    since: String,
    /// Where to write changes.html [default: DIR/output]
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    since: Since,
    out: PathBuf,
}

#[derive(Debug)]
enum Since {
    Revision(String),
    Json(PathBuf),
}

impl super::Plan for Plan {
    type Args = ChangesArgs;

    fn resolve(args: ChangesArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        let as_file = Path::new(&args.since);
        let since = if as_file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            if !as_file.is_file() {
                return Err(usage_error(&format!(
                    "--since: no file {}; give a report.json written by an earlier build, or a git revision such as HEAD~1",
                    as_file.display()
                )));
            }
            Since::Json(as_file.to_path_buf())
        } else if args.since.trim().is_empty() {
            return Err(usage_error(
                "--since needs a git revision, such as HEAD~1, or a report.json",
            ));
        } else {
            Since::Revision(args.since)
        };
        let out = args
            .out
            .unwrap_or_else(|| args.dir.join(crate::layout::OUTPUT));
        if let Err(err) = write::check_out_dir(&out) {
            return Err(usage_error(&format!("--out: {err}")));
        }
        Ok(Plan {
            dir: args.dir,
            since,
            out,
        })
    }

    fn run(self, quiet: bool) -> u8 {
        let target = subject::target(&self.dir);
        let now = Subject::check(&target, &crate::Silent);
        print_problems(now.diagnostics(), quiet);
        if now.diagnostics().has_errors() {
            return INPUT;
        }
        let after = meetings(&now);
        let (changes, since) = match &self.since {
            Since::Json(file) => {
                if now.single().is_none() {
                    return usage_error(
                        "a report.json is one meeting's; give that meeting's folder rather than the archive",
                    );
                }
                let snapshot = match std::fs::read_to_string(file)
                    .map_err(|e| e.to_string())
                    .and_then(|t| Snapshot::from_json(&t).map_err(|e| e.to_string()))
                {
                    Ok(snapshot) => snapshot,
                    Err(err) => {
                        say_err!(
                            "{}: error: this is not a report.json build-report can read: {err}",
                            file.display()
                        );
                        return INPUT;
                    }
                };
                let id = after.first().map(|m| m.id.clone()).unwrap_or_default();
                let before = [Meeting {
                    id,
                    snapshot,
                    folder: None,
                }];
                (
                    compare_versions(&before, &after),
                    file.display().to_string(),
                )
            }
            Since::Revision(revision) => {
                let checkout = match revision::checkout(root(&target), revision) {
                    Ok(checkout) => checkout,
                    Err(err) => {
                        say_err!("error: {err}");
                        return USAGE;
                    }
                };
                let then = Subject::check(&at(&target, &checkout), &crate::Silent);
                if then.diagnostics().has_errors() && !quiet {
                    say_err!(
                        "note: the folder at `{revision}` has errors of its own; it is compared as far as it reads"
                    );
                }
                let before = meetings(&then);
                let since = format!("{} ({})", checkout.revision, checkout.commit);
                (compare_versions(&before, &after), since)
            }
        };
        if !quiet {
            summary(&changes);
        }
        write_page(&now, &changes, &since, &self.out, quiet)
    }
}

/// The folder a revision is read at: the archive's, for one of its meetings, since the
/// meeting inherits from it.
fn root(target: &Target) -> &Path {
    match target {
        Target::Report(dir) => dir,
        Target::Archive { root, .. } => root,
    }
}

/// `target` as laid out in `checkout`.
fn at(target: &Target, checkout: &Checkout) -> Target {
    match target {
        Target::Report(_) => Target::Report(checkout.path().to_path_buf()),
        Target::Archive { focus, .. } => Target::Archive {
            root: checkout.path().to_path_buf(),
            focus: focus.clone(),
        },
    }
}

/// The meetings the command was given, each as `changes` compares it.
fn meetings(subject: &Subject) -> Vec<Meeting<'_>> {
    match subject {
        Subject::Report(checked) => vec![Meeting {
            id: String::new(),
            snapshot: Snapshot::of(checked),
            folder: Some(&checked.folder),
        }],
        Subject::Archive(archive) => archive
            .meetings
            .iter()
            .filter(|m| archive.focus.as_ref().is_none_or(|f| *f == m.id))
            .map(|m| Meeting {
                id: m.id.clone(),
                snapshot: Snapshot::of(&m.checked),
                folder: Some(&m.checked.folder),
            })
            .collect(),
    }
}

/// A few lines per meeting: the tallies, answers and points that moved.
fn summary(meetings: &[MeetingChanges]) {
    let shown: Vec<&MeetingChanges> = meetings.iter().filter(|m| !m.is_empty()).collect();
    if shown.is_empty() {
        say!("Nothing in the report has changed.");
        return;
    }
    for m in shown {
        if !m.id.is_empty() {
            let state = match m.presence {
                Presence::Both => "",
                Presence::Added => " (new)",
                Presence::Removed => " (gone)",
            };
            say!("{}{state}:", m.id);
        }
        let c = &m.changes;
        for case in &c.cases_added {
            say!("  case {case} added");
        }
        for case in &c.cases_removed {
            say!("  case {case} removed");
        }
        for t in &c.tallies {
            let mut how: Vec<String> = t.added.iter().map(|r| format!("case {r} added")).collect();
            how.extend(t.removed.iter().map(|r| format!("case {r} removed")));
            say!(
                "  {}: {} → {} case{}, {}",
                t.theme,
                t.before,
                t.after,
                plural(t.after),
                how.join(", ")
            );
        }
        for a in c.judgements.iter().chain(&c.checks) {
            let what = a.check.as_deref().unwrap_or("judgement");
            let word = |v: &Option<String>| v.clone().unwrap_or_else(|| "not answered".into());
            say!(
                "  case {}: {what} {} → {}",
                a.case,
                word(&a.before),
                word(&a.after)
            );
        }
        for p in &c.points {
            let place = p
                .section
                .as_deref()
                .map_or(String::new(), |s| format!(" ({s})"));
            say!("  case {}{place}: {}", p.case, edit(&p.change));
        }
        for o in &c.observations {
            if let Some(e) = &o.text {
                say!("  observation {}: {}", o.number, edit(e));
            }
            if let Some(e) = &o.response {
                say!("  observation {} response: {}", o.number, edit(e));
            }
        }
        for (translation, original) in &m.stale {
            say!("  {translation} is older than {original}, which changed");
        }
    }
}

/// A change in a line: `reworded: the victim was [-not-]{+never+} updated`.
fn edit(edit: &Edit) -> String {
    use crate::diff::Op;
    match edit {
        Edit::Added(text) => format!("added: {text}"),
        Edit::Removed(text) => format!("removed: {text}"),
        Edit::Reworded(words) => {
            let words: Vec<String> = words
                .iter()
                .map(|(op, w)| match op {
                    Op::Same => w.clone(),
                    Op::Gone => format!("[-{w}-]"),
                    Op::Added => format!("{{+{w}+}}"),
                })
                .collect();
            format!("reworded: {}", words.join(" "))
        }
    }
}

fn write_page(
    now: &Subject,
    meetings: &[MeetingChanges],
    since: &str,
    out: &Path,
    quiet: bool,
) -> u8 {
    let checked = match now {
        Subject::Report(checked) => Some(checked.as_ref()),
        Subject::Archive(archive) => archive
            .focused()
            .or(archive.meetings.last())
            .map(|m| &m.checked),
    };
    let Some(checked) = checked else {
        return OK;
    };
    let meta = &checked.report.meta;
    let language = meta.languages.first().map_or("en", String::as_str);
    let view = checked.view(language);
    let labels: &Labels = view.labels;
    let page = Page {
        title: &meta.title,
        organisation: meta.organisation.as_deref(),
        marking: meta.own_marking(),
        since,
        language,
        labels,
    };
    let mut bytes = Vec::new();
    if let Err(err) = page::render(&page, meetings, &mut bytes) {
        let reason = match err {
            RenderError::Io(err) => err.to_string(),
            RenderError::Reported => "its template did not render".into(),
        };
        say_err!("error: {PAGE} could not be made: {reason}");
        return INPUT;
    }
    let written = Staging::open(out).and_then(|staging| {
        let mut file = staging.file(PAGE)?;
        file.write_all(&bytes).map_err(|source| WriteError::Io {
            path: staging.path_of(PAGE),
            source,
        })?;
        staging.commit(vec![file])
    });
    match written {
        Ok(paths) => {
            if !quiet {
                for path in paths {
                    say!("Wrote {}", path.display());
                }
            }
            OK
        }
        Err(err) => {
            say_err!("error: {err}");
            INPUT
        }
    }
}
