//! The `build-report` command. Everything it does lives in the library, starting at
//! [`build_report::cli`], so that the tests and other front ends use the same code.

use std::process::ExitCode;

fn main() -> ExitCode {
    build_report::cli::main(std::env::args_os())
}
