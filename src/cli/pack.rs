//! `build-report pack [DIR] [--member ID]...`: a review pack per member, a Word document
//! they fill in, written to output/packs/ and recorded in packs.yaml.

use std::path::PathBuf;

use clap::Args;

use super::{INPUT, OK, folder_exists, print_diagnostics, usage_error};
use crate::load::{Target, discover};
use crate::pack::make::{Refused, make};

#[derive(Args, Debug)]
pub(super) struct PackArgs {
    /// The report folder, or a meeting of an archive
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// A member to write a pack for, by their id in `members:`; every member by default
    #[arg(long = "member", value_name = "ID")]
    members: Vec<String>,
}

#[derive(Debug)]
pub(super) struct Plan {
    dir: PathBuf,
    out: PathBuf,
    members: Vec<String>,
}

impl super::Plan for Plan {
    type Args = PackArgs;

    fn resolve(args: PackArgs) -> Result<Self, u8> {
        folder_exists(&args.dir)?;
        let out = match discover(&args.dir) {
            Target::Archive { root, focus: None } => {
                return Err(usage_error(&archive_alone(&args.dir, &root)));
            }
            Target::Archive {
                root,
                focus: Some(id),
            } => root.join(crate::layout::OUTPUT).join(id),
            Target::Report(_) => args.dir.join(crate::layout::OUTPUT),
        };
        Ok(Plan {
            dir: args.dir,
            out,
            members: args.members,
        })
    }

    /// Under `quiet`, nothing but problems.
    fn run(self, quiet: bool) -> u8 {
        match make(&self.dir, &self.out, &self.members, &super::today()) {
            Ok(made) => {
                print_diagnostics(&made.diagnostics);
                if !quiet {
                    for (_, path) in &made.packs {
                        say!("wrote {}", path.display());
                    }
                    say!(
                        "send each member their pack; when they send it back, `build-report collect FILE.docx {}` takes their answers into their files",
                        self.dir.display()
                    );
                }
                OK
            }
            Err(Refused::Errors(diagnostics)) => {
                print_diagnostics(&diagnostics);
                say_err!("error: no pack was written; fix the errors above first");
                INPUT
            }
            Err(Refused::Refusal(refusal)) => {
                say_err!("error: {}\n  = help: {}", refusal.message, refusal.hint);
                INPUT
            }
        }
    }
}

/// The refusal of an archive given whole: a pack is of one meeting, its latest by default.
fn archive_alone(dir: &std::path::Path, root: &std::path::Path) -> String {
    let archive = crate::archive::check(root, None, &crate::Silent);
    match archive.meetings.last() {
        Some(latest) => format!(
            "{} is an archive; give the folder of the meeting the packs are for, such as its latest, {}",
            dir.display(),
            root.join(&latest.id).display()
        ),
        None => format!(
            "{} is an archive with no meetings; add one with `build-report new-meeting`",
            dir.display()
        ),
    }
}
