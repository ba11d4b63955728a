//! The CLI's errors and their exit codes.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 2 | the command line itself was wrong (clap's usage errors) |
//! | 3 | a value was refused (an impossible date, a blank name, ...) |
//! | 4 | the store is locked, or a key or passphrase was wrong |
//! | 5 | the store could not be read or written |
//! | 6 | writing the output failed |
//! | 70 | an internal error (a bug); nothing was changed |

use oneday_core::cleantime::CleanTimeError;
use oneday_core::date::DateError;
use thiserror::Error;

/// Everything that can make a command fail, with a message a person can act on.
#[derive(Debug, Error)]
pub enum CliError {
    /// A value the user gave was refused by the core.
    #[error("{0}")]
    Invalid(#[from] CleanTimeError),
    /// Writing to stdout failed (a closed pipe, a full disk).
    #[error("could not write the output: {0}")]
    Output(#[from] std::io::Error),
    /// Serialising JSON failed.
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<DateError> for CliError {
    fn from(e: DateError) -> Self {
        CliError::Invalid(CleanTimeError::Date(e))
    }
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Invalid(_) => 3,
            CliError::Output(_) | CliError::Json(_) => 6,
        }
    }
}

/// Replaces Rust's panic report with one line that names no data: a panic message could hold
/// something the user typed, and it must never reach a terminal log or a crash report.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|_| {
        eprintln!("oneday: internal error (a bug in One Day); nothing was changed");
        std::process::exit(70);
    }));
}
