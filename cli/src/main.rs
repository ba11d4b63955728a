//! `oneday`: the terminal shell of One Day. It parses arguments, asks the core, and prints; every
//! rule (day counting, milestones, what is valid) lives in `oneday-core`.

mod args;
mod commands;
mod error;
mod json;
mod key_file;
mod os_keyring;
mod render;
mod secrets;
mod session;
mod store_dir;
mod today;
mod usage;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command, PassphraseCommand};
use crate::error::CliError;
use crate::store_dir::StoreDir;

/// The exit code of a command line that could not be read (as clap's own).
const USAGE_EXIT_CODE: u8 = 2;

fn main() -> ExitCode {
    error::install_panic_hook();
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if usage::is_for_clap(&e, &args) => e.exit(),
        Err(e) => {
            let mistake = usage::explain(&e, &args);
            eprintln!("oneday: {}\nhint: {}", mistake.line, mistake.hint);
            return ExitCode::from(USAGE_EXIT_CODE);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped reading (`oneday status | head`) is not an error.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("oneday: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    let store = || StoreDir::resolve(cli.store.as_deref());
    match &cli.command {
        Command::Cleantime(args) => commands::cleantime::run(args, &mut out),
        Command::Demo(args) => commands::demo::run(args, &mut out),
        Command::Init => commands::init::run(&store()?, &mut out),
        Command::Counter(command) => commands::counter::run(command, &store()?, &mut out),
        Command::Status(args) => commands::status::run(args, &store()?, &mut out),
        Command::Reminders(args) => commands::reminders::run(args, &store()?, &mut out),
        Command::Unlock(_) => commands::unlock::unlock(&store()?, &mut out),
        Command::Lock => commands::unlock::lock(&store()?, &mut out),
        Command::Passphrase(PassphraseCommand::Change) => {
            commands::unlock::change_passphrase(&store()?, &mut out)
        }
        Command::Passphrase(PassphraseCommand::NewCode) => {
            commands::unlock::new_code(&store()?, &mut out)
        }
        Command::Wipe(args) => commands::wipe::run(args, &store()?, &mut out),
        Command::Meetings(command) => commands::meetings::run(command, &store()?, &mut out),
        Command::CheckIns(command) => commands::checkins::run(command, &store()?, &mut out),
        Command::Contacts(command) => commands::contacts::run(command, &store()?, &mut out),
        Command::Call(args) => commands::call::run(args, &store()?, &mut out),
        Command::Crisis(args) => commands::crisis::run(args, store, &mut out),
        Command::Plan(command) => commands::plans::run(command, &store()?, &mut out),
        Command::Backup(command) => commands::backup::run(command, &store()?, &mut out),
    }
}
