//! `build-report themes [DIR] [--explain ID]`: the theme tally as a table, or the evidence
//! behind one theme, each line naming the file and line it was found at.

use std::io::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, folder_exists, plural, print_diagnostics, usage_error};
use crate::analyse::Analysis;
use crate::diagnostic::did_you_mean;
use crate::render::text::{case_list, evidence_value};
use crate::view::share;

#[derive(Args, Debug)]
pub(super) struct ThemesArgs {
    /// The report folder
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// A theme id whose evidence to print
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
}

/// The tally or one theme's evidence, of a folder known to exist.
#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    /// A theme id, checked only once the themes are read.
    explain: Option<String>,
}

impl super::Plan for Plan {
    type Args = ThemesArgs;

    fn resolve(args: ThemesArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        Ok(Plan {
            dir: args.dir,
            explain: args.explain,
        })
    }

    fn run(self) -> u8 {
        let checked = crate::check(&self.dir);
        print_diagnostics(&checked.diagnostics);
        if checked.diagnostics.has_errors() {
            return INPUT;
        }
        match self.explain.as_deref() {
            None => tally(&checked.analysis),
            Some(id) => explain(&checked.analysis, id),
        }
    }
}

fn tally(analysis: &Analysis) -> u8 {
    let total = analysis.total_cases;
    let mut out = std::io::stdout().lock();
    let width = analysis
        .themes
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
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
            case_list(&theme.cases)
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
                "  themes.yaml:{}: {}: {}",
                rule.line, rule.theme, rule.rule
            );
        }
    }
    OK
}

fn explain(analysis: &Analysis, id: &str) -> u8 {
    let Some(theme) = analysis.themes.iter().find(|t| t.id == id) else {
        let ids = analysis.themes.iter().map(|t| t.id.as_str());
        let hint = match did_you_mean(id, ids) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => "; `build-report themes` lists them".to_string(),
        };
        return usage_error(&format!("no theme `{id}`{hint}"));
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{} ({}): {} of {} cases: {}",
        theme.label,
        theme.id,
        theme.count(),
        analysis.total_cases,
        case_list(&theme.cases)
    );
    for e in &theme.evidence {
        let _ = writeln!(
            out,
            "{}:{}: case {} [{} {}] {}",
            e.file,
            e.line,
            e.case,
            e.source.id(),
            e.rule,
            evidence_value(e)
        );
    }
    OK
}
