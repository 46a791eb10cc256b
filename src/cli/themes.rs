//! `build-report themes [DIR] [--explain ID] [--by-member]`: the theme tally as a table,
//! or the evidence behind one theme, each line naming the file and line it was found at,
//! or who raised each theme.

use std::io::Write as _;
use std::path::PathBuf;

use clap::Args;

mod by_member;

use super::subject::{self, Subject};
use super::{INPUT, OK, folder_exists, plural, print_problems, usage_error};
use crate::Checked;
use crate::archive::{Archive, Meeting};
use crate::diagnostic::did_you_mean;
use crate::view::CaseNames;
use crate::view::share;
use crate::view::wording::evidence_value;

#[derive(Args, Debug)]
pub(super) struct ThemesArgs {
    /// The report folder
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// A theme id whose evidence to print
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
    /// Each member's cases, points and themes, and how many reviewers raised each theme
    #[arg(long, conflicts_with = "explain")]
    by_member: bool,
}

/// The tally or one theme's evidence, of a folder known to exist.
#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    /// A theme id, checked only once the themes are read.
    explain: Option<String>,
    by_member: bool,
}

impl super::Plan for Plan {
    type Args = ThemesArgs;

    fn resolve(args: ThemesArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        Ok(Plan {
            dir: args.dir,
            explain: args.explain,
            by_member: args.by_member,
        })
    }

    /// Under `quiet`, the tally or the evidence without the warnings.
    fn run(self, quiet: bool) -> u8 {
        let subject = Subject::check(&subject::target(&self.dir), &crate::Silent);
        print_problems(subject.diagnostics(), quiet);
        if subject.diagnostics().has_errors() {
            return INPUT;
        }
        if self.by_member {
            return match subject.single() {
                Some(checked) => by_member::print(checked),
                None => usage_error("--by-member reads one meeting; give its folder"),
            };
        }
        match (&subject, subject.single(), self.explain.as_deref()) {
            (_, Some(checked), None) => tally(checked),
            (_, Some(checked), Some(id)) => explain(checked, id, ""),
            (Subject::Archive(archive), None, None) => archive_tally(archive),
            (Subject::Archive(archive), None, Some(id)) => archive_explain(archive, id),
            (Subject::Report(_), None, _) => OK,
        }
    }
}

/// Each theme's cases at each meeting, a column per meeting, then the rules that
/// matched no case at any meeting.
fn archive_tally(archive: &Archive) -> u8 {
    let meetings: Vec<&Meeting> = archive.meetings.iter().collect();
    let (trends, _) = crate::archive::trends::trends(archive, &meetings, None);
    let mut out = std::io::stdout().lock();
    let width = label_width(trends.themes.iter().map(|t| t.label.as_str()));
    let columns: Vec<usize> = meetings
        .iter()
        .map(|m| m.id.chars().count().max(7))
        .collect();
    let mut line = format!("{:width$}", "Theme");
    for (meeting, w) in meetings.iter().zip(&columns) {
        line += &format!("  {:>w$}", meeting.id);
    }
    let _ = writeln!(out, "{}", line.trim_end());
    for theme in &trends.themes {
        let mut line = format!("{:width$}", theme.label);
        for (cell, w) in theme.by_meeting.iter().zip(&columns) {
            line += &format!("  {:>w$}", format!("{}/{}", cell.count, cell.total_cases));
        }
        let _ = writeln!(out, "{line}");
    }
    let total: usize = meetings
        .iter()
        .map(|m| m.checked.analysis.total_cases)
        .sum();
    let _ = writeln!(
        out,
        "{} meeting{}, {total} case{} in all",
        meetings.len(),
        plural(meetings.len()),
        plural(total)
    );
    let dead = archive.dead_rules();
    if !dead.is_empty() {
        let _ = writeln!(
            out,
            "\n{} that matched no case at any meeting:",
            if dead.len() == 1 { "1 rule" } else { "Rules" }
        );
        for (file, rule) in dead {
            let _ = writeln!(out, "  {file}:{}: {}: {}", rule.line, rule.theme, rule.rule);
        }
    }
    OK
}

/// One theme's evidence, meeting by meeting.
fn archive_explain(archive: &Archive, id: &str) -> u8 {
    let has = |m: &Meeting| m.checked.analysis.themes.iter().any(|t| t.id == id);
    if !archive.meetings.iter().any(has) {
        let ids: Vec<&str> = archive
            .meetings
            .iter()
            .flat_map(|m| m.checked.analysis.themes.iter().map(|t| t.id.as_str()))
            .collect();
        return no_theme(id, ids);
    }
    for meeting in &archive.meetings {
        say!(
            "\n== {} ({})",
            meeting.id,
            meeting.checked.report.meta.meeting_date
        );
        if has(meeting) {
            explain(&meeting.checked, id, &meeting.id);
        } else {
            say!("not a theme at this meeting");
        }
    }
    OK
}

fn no_theme<'a>(id: &str, ids: impl IntoIterator<Item = &'a str>) -> u8 {
    let hint = match did_you_mean(id, ids) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => "; `build-report themes` lists them".to_string(),
    };
    usage_error(&format!("no theme `{id}`{hint}"))
}

/// The width of the first column: the longest label, and at least "Theme".
fn label_width<'a>(labels: impl Iterator<Item = &'a str>) -> usize {
    labels.map(|l| l.chars().count()).max().unwrap_or(5).max(5)
}

fn tally(checked: &Checked) -> u8 {
    let analysis = &checked.analysis;
    let meta = &checked.report.meta;
    let names = CaseNames::new(meta, meta.labels(&meta.language), &meta.language);
    let total = analysis.total_cases;
    let mut out = std::io::stdout().lock();
    let width = label_width(analysis.themes.iter().map(|t| t.label.as_str()));
    let _ = writeln!(
        out,
        "{:width$}  {:>5}  {:>5}  Cases",
        "Theme", "Count", "Share"
    );
    for theme in &analysis.themes {
        let _ = writeln!(
            out,
            "{:width$}  {:>5}  {:>4}%  {}",
            theme.label,
            theme.count(),
            share(theme.count(), total),
            names.list(&theme.cases)
        );
    }
    let _ = writeln!(out, "{total} case{} in all", plural(total));
    let dead = &analysis.dead_rules;
    if !dead.is_empty() {
        // A rule that never holds may be mistyped; in the tally it is only a low
        // count, so each is named where it is written.
        let _ = writeln!(
            out,
            "\n{} that matched no case:",
            if dead.len() == 1 { "1 rule" } else { "Rules" }
        );
        for rule in dead {
            let _ = writeln!(
                out,
                "  {}:{}: {}: {}",
                rule.file, rule.line, rule.theme, rule.rule
            );
        }
    }
    OK
}

/// One theme's evidence; `base` is the folder of the meeting, from the one given.
fn explain(checked: &Checked, id: &str, base: &str) -> u8 {
    let analysis = &checked.analysis;
    let meta = &checked.report.meta;
    let labels = meta.labels(&meta.language);
    let names = CaseNames::new(meta, labels, &meta.language);
    let Some(theme) = analysis.themes.iter().find(|t| t.id == id) else {
        return no_theme(id, analysis.themes.iter().map(|t| t.id.as_str()));
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{} ({}): {} of {} cases: {}",
        theme.label,
        theme.id,
        theme.count(),
        analysis.total_cases,
        names.list(&theme.cases)
    );
    for e in &theme.evidence {
        let _ = writeln!(
            out,
            "{}:{}: case {} [{} {}] {}",
            crate::layout::join(base, &e.file),
            e.line,
            meta.case_id(e.case),
            e.source.id(),
            e.rule,
            evidence_value(labels, e)
        );
    }
    let doubtful: Vec<_> = analysis.doubtful.iter().filter(|d| d.theme == id).collect();
    if !doubtful.is_empty() {
        // Shown apart from the evidence because a skipped match is not evidence, yet a
        // reader checking the count needs to see it was found and left out.
        let _ = writeln!(out, "Phrases found inside a word or after a negation:");
        for d in doubtful {
            let _ = writeln!(
                out,
                "{}:{}: case {} [phrase {}] found {} in \"{}\": {}",
                crate::layout::join(base, &d.file),
                d.line,
                d.case,
                d.phrase,
                d.doubt.describe(),
                d.words,
                d.decision()
            );
        }
    }
    OK
}
