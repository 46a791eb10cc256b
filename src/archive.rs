//! A panel's archive: the meetings below a panel.yaml, checked together.
//!
//! Each meeting is an ordinary report folder, read with the panel's settings, themes and
//! templates beneath its own and checked on its own, in parallel, exactly as part 1
//! checks a report. What only the whole archive can know comes after: the order of the
//! meetings, and each observation's history across them, which gives every meeting its
//! section on previous observations. A meeting asked for alone is checked inside its
//! archive the same way, so its report does not depend on how the command was given.

mod breakdown;
pub mod carried;
pub mod sittings;
pub mod trends;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analyse::follow;
use crate::diagnostic::{Diagnostic, Diagnostics, Loc};
use crate::load::{self, Panel};
use crate::render::trends::{RENDERERS, TrendsSources};
use crate::view::trends::TrendsView;
use crate::{Checked, Progress, Silent, layout, sink};

// Finding an archive is part of loading, below the archive; commands that go on to
// check one may name it here.
pub use crate::load::{Target, discover};

/// One meeting of an archive, read and checked.
pub struct Meeting {
    /// Its folder's path from the archive, with `/`: `2023-06` or `2024/01`.
    pub id: String,
    pub dir: PathBuf,
    pub checked: Checked,
}

/// An archive read and checked, meetings in date order, a day's sittings by folder name.
pub struct Archive {
    pub root: PathBuf,
    pub panel: Panel,
    pub meetings: Vec<Meeting>,
    /// The meeting the command was given, if it was given one rather than the archive.
    pub focus: Option<String>,
    /// Every case a meeting carried over to the next, with what took it up.
    pub carries: Vec<carried::Carry>,
    /// Every problem, with paths as seen from the folder the command was given. For one
    /// meeting, these are its own and those of what its report reads from the others:
    /// the panel's files and their observations and updates.
    pub diagnostics: Diagnostics,
}

impl Archive {
    /// The meeting the command was given.
    pub fn focused(&self) -> Option<&Meeting> {
        let focus = self.focus.as_deref()?;
        self.meetings.iter().find(|m| m.id == focus)
    }

    /// The rules of the themes files that matched no case at any meeting that reads
    /// them, with their files' paths from the archive. A rule idle at one meeting is
    /// ordinary; one idle at every meeting may be mistyped.
    pub fn dead_rules(&self) -> Vec<(String, &crate::analyse::DeadRule)> {
        let mut out: Vec<(String, &crate::analyse::DeadRule)> = Vec::new();
        for meeting in &self.meetings {
            for rule in &meeting.checked.analysis.dead_rules {
                let file = layout::join(&meeting.id, &rule.file);
                let reads = |m: &Meeting| {
                    m.checked
                        .report
                        .themes
                        .iter()
                        .flatten()
                        .any(|t| t.id == rule.theme && layout::join(&m.id, &t.file) == file)
                };
                let idle = |m: &Meeting| {
                    m.checked
                        .analysis
                        .dead_rules
                        .iter()
                        .any(|r| r.line == rule.line && layout::join(&m.id, &r.file) == file)
                };
                let everywhere = self.meetings.iter().filter(|m| reads(m)).all(idle);
                let seen = out.iter().any(|(f, r)| *f == file && r.line == rule.line);
                if everywhere && !seen {
                    out.push((file, rule));
                }
            }
        }
        out
    }

    /// The meetings as following observations up needs them, in date order.
    pub fn follow(&self) -> Vec<follow::Meeting<'_>> {
        self.meetings
            .iter()
            .map(|m| follow::Meeting {
                id: &m.id,
                report: &m.checked.report,
            })
            .collect()
    }

    /// The meetings whose dates are in `from..=to` (`YYYY-MM-DD`, either end open). A
    /// meeting dated by its month is in when any day of that month is: `2025-02` sorts
    /// before its first day, and its last day is the latest it may have been.
    pub fn in_range(&self, from: Option<&str>, to: Option<&str>) -> Vec<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| {
                let date = m.checked.report.meta.meeting_date.as_str();
                from.is_none_or(|f| crate::parse::meta::last_day(date).as_str() >= f)
                    && to.is_none_or(|t| date <= t)
            })
            .collect()
    }
}

/// Reads and checks the archive at `root`; `focus` is the id of the meeting asked for.
pub fn check(root: &Path, focus: Option<&str>, progress: &dyn Progress) -> Archive {
    let mut found = Diagnostics::default();
    progress.stage("Reading files", 0);
    let panel = load::load_panel(root, &mut found);
    let dirs = load::discover::meetings(root);
    if dirs.is_empty() {
        found.push(
            Diagnostic::error(layout::PANEL, Loc::START, "this archive has no meetings")
                .hint("each meeting is a folder beside panel.yaml (such as 2023-06/) or one level further down (2023/06/), holding a report.yaml with its `meeting_date:`"),
        );
    }
    let read: Vec<Read> = dirs
        .into_par_iter()
        .map(|(id, dir)| {
            let depth = id.split('/').count();
            let mut diagnostics = Diagnostics::default();
            let folder =
                load::load_inheriting(&dir, root, panel.seen_from(depth), &mut diagnostics);
            Read {
                id,
                dir,
                folder,
                diagnostics,
            }
        })
        .collect();
    let mut archive = check_read(root, panel, read, found, focus, progress);
    if focus.is_none() {
        check_own_pages(&mut archive);
    }
    archive
}

/// Reports what would stop the archive's own files from rendering, such as a mistake in
/// the panel's templates/index.html, before anything is built.
fn check_own_pages(archive: &mut Archive) {
    let mut found = Diagnostics::default();
    {
        let range = archive.in_range(None, None);
        let (trends, labels) = trends::trends(archive, &range, None);
        let view = TrendsView::new(&trends, &labels);
        let sources = TrendsSources {
            view: &view,
            templates: &archive.panel.templates,
        };
        for renderer in RENDERERS {
            renderer.check(sources, &mut found);
        }
    }
    archive.diagnostics.extend(found);
}

/// One meeting's folder as read, before it is checked.
pub struct Read {
    pub id: String,
    pub dir: PathBuf,
    pub folder: load::Folder,
    pub diagnostics: Diagnostics,
}

/// Checks meetings already read, each on its own and then together. `found` holds the
/// problems of the archive's own files. The fuzzer calls this with meetings it makes up
/// in memory.
pub fn check_read(
    root: &Path,
    panel: Panel,
    read: Vec<Read>,
    mut found: Diagnostics,
    focus: Option<&str>,
    progress: &dyn Progress,
) -> Archive {
    progress.stage("Checking meetings", read.len() as u64);
    let mut meetings: Vec<(Meeting, Diagnostics)> = read
        .into_par_iter()
        .map(|read| {
            let mut checked =
                crate::check_folder(read.folder, Some(&read.dir), read.diagnostics, &Silent);
            let diagnostics = std::mem::take(&mut checked.diagnostics);
            progress.advance();
            let meeting = Meeting {
                id: read.id,
                dir: read.dir,
                checked,
            };
            (meeting, diagnostics)
        })
        .collect();
    sittings::sort(&mut meetings);
    sittings::same_dates(&mut meetings);
    follow_up(&mut meetings);
    let carries = carried::link(&mut meetings);
    breakdown::gather(&mut meetings, focus, &mut found);
    let mut diagnostics = Diagnostics::default();
    let focus_depth = focus.map_or(0, |f| f.split('/').count());
    diagnostics.absorb(found, &layout::up(focus_depth), |_| true);
    // A carried-over case no meeting took up is the latest meeting's to take up, so a
    // check of that meeting alone shows it; a check of any other does not.
    let latest = meetings.last().map(|(m, _)| m.id.clone());
    let untaken_shown = focus.is_some() && focus == latest.as_deref();
    let mut kept = Vec::with_capacity(meetings.len());
    for (meeting, found) in meetings {
        match focus {
            None => diagnostics.absorb(found, &meeting.id, |_| true),
            Some(focus) if focus == meeting.id => diagnostics.absorb(found, "", |d| {
                d.code != Some(carried::UNTAKEN) || untaken_shown
            }),
            Some(_) => {
                let base = layout::join(&layout::up(focus_depth), &meeting.id);
                diagnostics.absorb(found, &base, |d| {
                    read_by_others(d) || (untaken_shown && d.code == Some(carried::UNTAKEN))
                });
            }
        }
        kept.push(meeting);
    }
    Archive {
        root: root.to_path_buf(),
        panel,
        meetings: kept,
        focus: focus.map(String::from),
        carries,
        diagnostics,
    }
}

/// Whether a problem of one meeting matters to another meeting's report: those in the
/// files it reads from it (observations and updates), and in the panel's shared files.
fn read_by_others(diagnostic: &Diagnostic) -> bool {
    let file = diagnostic.file.as_str();
    [layout::OBSERVATIONS, layout::UPDATES].iter().any(|dir| {
        file.strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
    }) || file.starts_with("../")
}

/// Checks every update against the archive and gives each meeting its section on
/// previous observations.
fn follow_up(meetings: &mut [(Meeting, Diagnostics)]) {
    let mut found: Vec<Diagnostics> = meetings.iter().map(|_| Diagnostics::default()).collect();
    let rows: Vec<Vec<follow::FollowUp>> = {
        let list: Vec<follow::Meeting> = meetings
            .iter()
            .map(|(m, _)| follow::Meeting {
                id: &m.id,
                report: &m.checked.report,
            })
            .collect();
        let records = follow::records(&list, &mut found);
        if let Some(latest) = found.last_mut() {
            follow::missing_updates(&list, &records, latest);
        }
        (0..list.len())
            .map(|at| follow::follow_up(&list, &records, at))
            .collect()
    };
    for (((meeting, diagnostics), rows), mut new) in meetings.iter_mut().zip(rows).zip(found) {
        for update in &meeting.checked.folder.updates {
            new.attach_source(&update.path, &update.text);
        }
        diagnostics.extend(new);
        meeting.checked.analysis.follow_up = rows;
    }
}

/// Renders the meeting the command was given into `out`, exactly as a lone report is
/// written; problems found while rendering are added to the archive's diagnostics.
pub fn write_meeting(
    archive: &mut Archive,
    formats: &[crate::render::Format],
    out: &Path,
    audience: Option<&str>,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, crate::write::WriteError> {
    let Some(meeting) = archive.focused() else {
        return Ok(Vec::new());
    };
    let mut found = Diagnostics::default();
    let checked = &meeting.checked;
    let copies = crate::audience::copies(&checked.report, &checked.analysis, audience);
    let staged = sink::stage(
        &sink::outputs::report(checked, &copies, formats, ""),
        out,
        &mut found,
        progress,
    );
    archive.diagnostics.absorb(found, "", |_| true);
    staged?.commit(&archive.diagnostics)
}

/// Renders the meetings of `archive` from `from` to `to` into `out/<meeting id>/`, each
/// exactly as building it alone would, and the archive's own files into `out/`. Nothing
/// is replaced unless every file is complete; problems found while rendering are added
/// to the archive's diagnostics.
pub fn write(
    archive: &mut Archive,
    formats: &[crate::render::Format],
    out: &Path,
    range: (Option<&str>, Option<&str>),
    audience: Option<&str>,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>, crate::write::WriteError> {
    let meetings = archive.in_range(range.0, range.1);
    let copies: Vec<Vec<crate::audience::Copy>> = meetings
        .iter()
        .map(|m| crate::audience::copies(&m.checked.report, &m.checked.analysis, audience))
        .collect();
    let own = own_files(archive, &meetings, &copies);
    let views: Vec<(String, TrendsView)> = own
        .iter()
        .map(|(folder, trends, labels)| (folder.clone(), TrendsView::new(trends, labels)))
        .collect();
    let mut found = Diagnostics::default();
    let staged = sink::stage(
        &sink::outputs::archive(
            &meetings,
            &copies,
            formats,
            &views,
            &archive.panel.templates,
        ),
        out,
        &mut found,
        progress,
    );
    archive.diagnostics.extend(found);
    staged?.commit(&archive.diagnostics)
}

/// The trends behind the archive's own files, each with its folder in the output and
/// its words. Without audiences, one set from every meeting whole, at the top. With
/// them, one set per audience in `audiences:` order, in the audience's folder as a lone
/// report's copy is, from each meeting's copy for it (`copies`, one list per meeting of
/// `meetings`), so that each copy's index and trends show only what its reports show.
pub(crate) fn own_files(
    archive: &Archive,
    meetings: &[&Meeting],
    copies: &[Vec<crate::audience::Copy>],
) -> Vec<(
    String,
    crate::analyse::trends::Trends,
    crate::catalogue::Labels,
)> {
    let mut audiences: Vec<&str> = Vec::new();
    for copy in copies.iter().flatten() {
        if !audiences.contains(&copy.name()) {
            audiences.push(copy.name());
        }
    }
    // One set per language of a bilingual archive; the plain files' own in one language.
    let languages = trends::languages(archive, meetings);
    let versions: Vec<Option<&str>> = match languages.as_slice() {
        [] | [_] => vec![None],
        several => several.iter().map(|l| Some(l.as_str())).collect(),
    };
    if audiences.is_empty() {
        return versions
            .iter()
            .map(|&language| {
                let (trends, labels) = trends::trends(archive, meetings, language);
                (String::new(), trends, labels)
            })
            .collect();
    }
    audiences
        .into_iter()
        .flat_map(|audience| versions.iter().map(move |&language| (audience, language)))
        .map(|(audience, language)| {
            // A meeting that does not declare this audience has no copy for it to
            // link to, and its whole numbers are not this audience's to see.
            let range: Vec<(&Meeting, &crate::audience::Copy)> = meetings
                .iter()
                .zip(copies)
                .filter_map(|(m, copies)| {
                    let copy = copies.iter().find(|c| c.name() == audience)?;
                    Some((*m, copy))
                })
                .collect();
            let (trends, labels) = trends::audience_trends(archive, &range, language);
            (audience.to_string(), trends, labels)
        })
        .collect()
}
