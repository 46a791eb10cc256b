use std::process::ExitCode;

fn main() -> ExitCode {
    build_report::cli::main(std::env::args_os())
}
