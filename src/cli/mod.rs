//! The command line: parsing, the exit statuses, and what every command prints alike.
//!
//! Exit status 0 means success, 1 problems in the input, 2 wrong usage. Diagnostics go to
//! standard error, all of them, sorted by file and line; results go to standard output.
//!
//! Each command lives in its own module, which turns its clap arguments into a [`Plan`]
//! before doing any work, so that a wrong folder or flag is refused before anything is
//! read. A new command is a new module, a variant of [`Command`] and its line in
//! [`main`]; the list of commands in the hints is read from clap, so it follows.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand};

use crate::diagnostic::{Diagnostics, did_you_mean};

/// Like `println!`, but a closed pipe (`build-report themes | head`) is not a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `eprintln!`, but a closed pipe is not a panic.
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod build;
mod changes;
mod check;
mod collect;
mod import;
mod init;
mod labels;
mod new;
mod pack;
mod responses;
mod serve;
mod subject;
mod themes;

/// The exit status: 0 success.
const OK: u8 = 0;
/// The exit status: problems in the input.
const INPUT: u8 = 1;
/// The exit status: wrong usage.
const USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "build-report",
    version = env!("BUILD_REPORT_VERSION"),
    about = "Turns a scrutiny panel's folder of case reviews into a finished report",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Print only problems and what was asked for: no progress bar, summary or next step;
    /// `themes` and `labels` leave out warnings too. Errors always print
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Option<Command>,
    // `build-report DIR` builds, so the build flags are also the top level's own.
    #[command(flatten)]
    build: build::BuildArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the report (the default)
    Build(build::BuildArgs),
    /// Validate only: list every problem, then exit 1 if any is an error
    Check(check::CheckArgs),
    /// Print the theme tally; --explain prints the evidence for one theme
    Themes(themes::ThemesArgs),
    /// List every built-in word by the key `labels:` changes it with, marking the folder's changes
    Labels(labels::LabelsArgs),
    /// Serve a live preview on 127.0.0.1 that rebuilds and reloads on every change
    Serve(serve::ServeArgs),
    /// Start a report folder (or with --panel an archive) that builds at once
    Init(init::InitArgs),
    /// Add a meeting to an archive: its cases and an update on each open observation
    NewMeeting(new::MeetingArgs),
    /// Add a case to a report, its checks listed unanswered
    NewCase(new::CaseArgs),
    /// Take the force's responses back from a returned report.docx into the observation files
    Responses(responses::ResponsesArgs),
    /// Turn an existing report (.docx, .txt or .md) into a report folder
    Import(import::ImportArgs),
    /// Write each member a review pack, a Word document of the cases to fill in
    Pack(pack::PackArgs),
    /// Take members' returned review packs back into their files in the case folders
    Collect(collect::CollectArgs),
    /// What changed since an earlier version: a git revision or an earlier report.json
    Changes(changes::ChangesArgs),
}

/// What a command will do, resolved from its arguments with every default filled in and
/// every argument that can be checked before reading the report checked.
trait Plan: Sized {
    /// The command's arguments as clap gives them.
    type Args;
    /// The plan, or the exit status of a usage error already printed.
    fn resolve(args: Self::Args) -> Result<Self, u8>;
    /// Does the work and returns the exit status; `quiet` is `-q`, which every command takes.
    fn run(self, quiet: bool) -> u8;
}

/// Runs the command line with `args` (the first being the program name).
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { USAGE } else { OK });
        }
    };
    let quiet = cli.quiet;
    let code = match cli.command {
        Some(Command::Build(args)) => execute::<build::Plan>(args, quiet),
        None => execute::<build::Plan>(cli.build, quiet),
        Some(Command::Check(args)) => execute::<check::Plan>(args, quiet),
        Some(Command::Themes(args)) => execute::<themes::Plan>(args, quiet),
        Some(Command::Labels(args)) => execute::<labels::Plan>(args, quiet),
        Some(Command::Serve(args)) => execute::<serve::Plan>(args, quiet),
        Some(Command::Init(args)) => execute::<init::Plan>(args, quiet),
        Some(Command::NewMeeting(args)) => execute::<new::MeetingPlan>(args, quiet),
        Some(Command::NewCase(args)) => execute::<new::CasePlan>(args, quiet),
        Some(Command::Responses(args)) => execute::<responses::Plan>(args, quiet),
        Some(Command::Import(args)) => execute::<import::Plan>(args, quiet),
        Some(Command::Pack(args)) => execute::<pack::Plan>(args, quiet),
        Some(Command::Collect(args)) => execute::<collect::Plan>(args, quiet),
        Some(Command::Changes(args)) => execute::<changes::Plan>(args, quiet),
    };
    ExitCode::from(code)
}

fn execute<P: Plan>(args: P::Args, quiet: bool) -> u8 {
    match P::resolve(args) {
        Ok(plan) => plan.run(quiet),
        Err(code) => code,
    }
}

fn usage_error(message: &str) -> u8 {
    say_err!("error: {message}");
    USAGE
}

/// The names of the commands, in the order `--help` lists them.
fn command_names() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// Refuses a report folder that is not one, with a hint when it looks like a mistyped
/// command (`build-report chek` reads `chek` as the folder).
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
        let commands = command_names();
        let hint = match did_you_mean(&word, commands.iter().map(String::as_str)) {
            Some(command) if dir.components().count() == 1 => {
                format!("; did you mean the command `{command}`?")
            }
            _ if dir.components().count() == 1 => {
                format!("; the commands are {}", in_words(&commands))
            }
            _ => String::new(),
        };
        Err(usage_error(&format!(
            "no folder {}; give the path of a report folder (the one with report.yaml){hint}",
            dir.display()
        )))
    }
}

/// `a`, `a` and `b`, `a`, `b` and `c`: each name in backticks.
fn in_words(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    print_problems(diagnostics, false);
}

/// Every problem, or under `quiet` only the errors, for a command whose result is a list
/// that the warnings would only interrupt.
fn print_problems(diagnostics: &Diagnostics, quiet: bool) {
    use std::io::Write as _;
    let mut err = std::io::stderr().lock();
    let shown = diagnostics.sorted();
    let shown = shown.iter().filter(|d| !quiet || d.is_error());
    for diagnostic in shown {
        let _ = write!(err, "{}", diagnostic.render());
    }
    if quiet && diagnostics.has_errors() {
        let errors = diagnostics.error_count();
        let _ = writeln!(err, "{errors} error{}", plural(errors));
    } else if !quiet && !diagnostics.is_empty() {
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

/// Why a scaffolding command wrote nothing, as `check` prints a problem.
fn print_refusal(refused: &crate::scaffold::Refused) {
    say_err!("error: {refused}");
    if let Some(hint) = refused.hint() {
        say_err!("  = help: {hint}");
    }
}

/// Today's date, `YYYY-MM-DD`, in UTC, from the system clock.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    crate::parse::meta::dates::from_days(days as i64)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "15 cases", or "15 cases and 1 carried over" when the meeting carried cases over to
/// the next, which it does not count.
fn counted_cases(analysis: &crate::analyse::Analysis) -> String {
    let cases = analysis.total_cases;
    match analysis.carried_over.len() {
        0 => format!("{cases} case{}", plural(cases)),
        carried => format!("{cases} case{} and {carried} carried over", plural(cases)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commands_are_read_from_clap_in_help_order() {
        assert_eq!(
            command_names(),
            [
                "build",
                "check",
                "themes",
                "labels",
                "serve",
                "init",
                "new-meeting",
                "new-case",
                "responses",
                "import",
                "pack",
                "collect",
                "changes"
            ]
        );
    }

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(crate::parse::meta::dates::from_days(0), "1970-01-01");
        assert_eq!(crate::parse::meta::dates::from_days(18_899), "2021-09-29");
        assert_eq!(crate::parse::meta::dates::from_days(19_782), "2024-02-29");
        assert_eq!(crate::parse::meta::dates::from_days(19_783), "2024-03-01");
        assert_eq!(crate::parse::meta::dates::from_days(20_423), "2025-12-01");
        assert!(crate::scaffold::is_date(&today()));
    }

    #[test]
    fn names_are_listed_as_a_sentence_would() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(in_words(&names(&[])), "");
        assert_eq!(in_words(&names(&["build"])), "`build`");
        assert_eq!(in_words(&names(&["a", "b"])), "`a` and `b`");
        assert_eq!(
            in_words(&names(&["build", "check", "themes"])),
            "`build`, `check` and `themes`"
        );
    }
}
