//! The command line: `build`, `check` and `themes`, their exit statuses and what they print.
//!
//! Exit status 0 means success, 1 problems in the input, 2 wrong usage. Diagnostics go to
//! standard error, all of them, sorted by file and line; results go to standard output.

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::{Diagnostics, did_you_mean};
use crate::progress::Bar;
use crate::render::Format;
use crate::render::text::{case_list, evidence_value};
use crate::view::share;
use crate::{Checked, write};

#[derive(Parser, Debug)]
#[command(
    name = "build-report",
    version,
    about = "Turns a scrutiny panel's folder of case reviews into a finished report",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the report (the default)
    Build(BuildArgs),
    /// Validate only: list every problem, then exit 1 if any is an error
    Check {
        /// The report folder
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the theme tally; --explain prints the evidence for one theme
    Themes {
        /// The report folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// A theme id whose evidence to print
        #[arg(long, value_name = "ID")]
        explain: Option<String>,
    },
}

#[derive(Args, Debug)]
struct BuildArgs {
    /// The report folder
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the outputs [default: DIR/output]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Which outputs to write, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    format: Vec<Format>,
    /// Refuse to build while any possible personal data is found
    #[arg(long)]
    publish: bool,
    /// Print nothing but problems
    #[arg(long, short)]
    quiet: bool,
}

/// Like `println!`, but a closed pipe (`build-report themes | head`) is not a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `eprintln!`, but a closed pipe is not a panic.
macro_rules! say_err {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

const OK: u8 = 0;
const INPUT: u8 = 1;
const USAGE: u8 = 2;

/// Runs the command line with `args` (the first being the program name).
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { USAGE } else { OK });
        }
    };
    let code = match cli.command {
        Some(Command::Build(args)) => build(&args),
        None => build(&cli.build),
        Some(Command::Check { dir }) => check(&dir),
        Some(Command::Themes { dir, explain }) => themes(&dir, explain.as_deref()),
    };
    ExitCode::from(code)
}

fn usage_error(message: &str) -> u8 {
    say_err!("error: {message}");
    USAGE
}

fn folder_exists(dir: &Path) -> Result<(), u8> {
    if dir.is_dir() {
        Ok(())
    } else if dir.exists() {
        Err(usage_error(&format!(
            "{} is a file, not a report folder",
            dir.display()
        )))
    } else {
        let word = dir.to_string_lossy();
        let commands = ["build", "check", "themes"];
        let hint = match did_you_mean(&word, commands) {
            Some(command) if dir.components().count() == 1 => {
                format!("; did you mean the command `{command}`?")
            }
            _ if dir.components().count() == 1 => {
                "; the commands are `build`, `check` and `themes`".to_string()
            }
            _ => String::new(),
        };
        Err(usage_error(&format!(
            "no folder {}; give the path of a report folder (the one with report.yaml){hint}",
            dir.display()
        )))
    }
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    let mut err = std::io::stderr().lock();
    for diagnostic in diagnostics.sorted() {
        let _ = write!(err, "{}", diagnostic.render());
    }
    if !diagnostics.is_empty() {
        let _ = writeln!(
            err,
            "{} error{}, {} warning{}",
            diagnostics.error_count(),
            plural(diagnostics.error_count()),
            diagnostics.warning_count(),
            plural(diagnostics.warning_count())
        );
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn build(args: &BuildArgs) -> u8 {
    if let Err(code) = folder_exists(&args.dir) {
        return code;
    }
    let out = args.out.clone().unwrap_or_else(|| args.dir.join("output"));
    if let Err(err) = write::check_out_dir(&out) {
        return usage_error(&format!("--out: {err}"));
    }
    let mut formats = if args.format.is_empty() {
        Format::ALL.to_vec()
    } else {
        args.format.clone()
    };
    formats.sort();
    formats.dedup();
    let bar = Bar::new(!args.quiet);
    let mut checked = crate::check_with(&args.dir, &bar);
    if args.publish {
        // Publishing needs both safe text and, in a bilingual report, every version whole.
        checked
            .diagnostics
            .escalate(crate::analyse::privacy::PERSONAL_DATA);
        checked
            .diagnostics
            .escalate(crate::parse::translation::UNTRANSLATED);
    }
    let written = if checked.diagnostics.has_errors() {
        None
    } else {
        Some(crate::write_report_with(&mut checked, &formats, &out, &bar))
    };
    let Checked {
        analysis,
        diagnostics,
        ..
    } = checked;
    bar.finish();
    print_diagnostics(&diagnostics);
    if diagnostics.has_errors() {
        say_err!("nothing was written; fix the errors above and build again");
        return INPUT;
    }
    match written.unwrap_or_else(|| Ok(Vec::new())) {
        Ok(paths) => {
            if !args.quiet {
                say!(
                    "built {} case{}, {} theme{}: {}",
                    analysis.total_cases,
                    plural(analysis.total_cases),
                    analysis.themes.len(),
                    plural(analysis.themes.len()),
                    paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            OK
        }
        Err(err) => {
            say_err!("error: {err}");
            INPUT
        }
    }
}

fn check(dir: &Path) -> u8 {
    if let Err(code) = folder_exists(dir) {
        return code;
    }
    let checked = crate::check(dir);
    print_diagnostics(&checked.diagnostics);
    if checked.diagnostics.has_errors() {
        INPUT
    } else {
        let warnings = checked.diagnostics.warning_count();
        say!(
            "{}: {} case{}, no errors{}{}",
            dir.display(),
            checked.analysis.total_cases,
            plural(checked.analysis.total_cases),
            match warnings {
                0 => String::new(),
                n => format!(", {n} warning{} to look at", plural(n)),
            },
            match checked.analysis.dead_rules.len() {
                0 => String::new(),
                1 => ", 1 rule that matched no case (`build-report themes` lists it)".to_string(),
                n => format!(", {n} rules that matched no case (`build-report themes` lists them)"),
            }
        );
        OK
    }
}

fn themes(dir: &Path, explain: Option<&str>) -> u8 {
    if let Err(code) = folder_exists(dir) {
        return code;
    }
    let checked = crate::check(dir);
    print_diagnostics(&checked.diagnostics);
    if checked.diagnostics.has_errors() {
        return INPUT;
    }
    let analysis = &checked.analysis;
    let total = analysis.total_cases;
    let mut out = std::io::stdout().lock();
    match explain {
        None => {
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
        Some(id) => {
            let Some(theme) = analysis.themes.iter().find(|t| t.id == id) else {
                let ids = analysis.themes.iter().map(|t| t.id.as_str());
                let hint = match did_you_mean(id, ids) {
                    Some(s) => format!("; did you mean `{s}`?"),
                    None => "; `build-report themes` lists them".to_string(),
                };
                return usage_error(&format!("no theme `{id}`{hint}"));
            };
            let _ = writeln!(
                out,
                "{} ({}): {} of {total} cases: {}",
                theme.label,
                theme.id,
                theme.count(),
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
    }
}
