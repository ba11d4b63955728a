//! `oneday`: the terminal shell of One Day. It parses arguments, asks the core, and prints; every
//! rule (day counting, milestones, what is valid) lives in `oneday-core`.

mod args;
mod commands;
mod error;
mod json;
mod render;
mod today;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::error::CliError;

fn main() -> ExitCode {
    error::install_panic_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("oneday: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Cleantime(args) => commands::cleantime::run(&args, &mut out),
        Command::Demo(args) => commands::demo::run(&args, &mut out),
    }
}
