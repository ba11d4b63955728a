//! Reading secrets and private text from the person at the keyboard, not from the command line.
//!
//! Anything given as an argument lands in the shell's history file, in plaintext. So secrets are
//! only ever read from the terminal (without echo) or from stdin, and every personal value (labels,
//! notes, dates, mood, phone numbers, places) can be too: give `-` instead of the value. Several
//! `-` in one command are read one line each, in the order `--help` lists them. A value read this
//! way goes through the same parser as the same value given as an argument.

use std::io::IsTerminal;

use oneday_core::input::{self, InputError, MAX_LINE_BYTES};
use oneday_core::secret::Secret;

use zeroize::Zeroizing;

use crate::error::CliError;

/// Reads a secret (a passphrase or recovery code): from the terminal without echo when stdin is
/// one, else one line of stdin. Core's [`Secret`] checks it is UTF-8 and normalises it to NFC.
pub fn read_secret(prompt: &str) -> Result<Secret, CliError> {
    if std::io::stdin().is_terminal() {
        let typed = Zeroizing::new(rpassword::prompt_password(prompt).map_err(CliError::input)?);
        return Ok(Secret::from_text(typed.trim_end_matches(['\r', '\n'])));
    }
    let mut line = read_line_bytes()?;
    while line.last().is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        line.pop();
    }
    Secret::from_typed(line.to_vec()).map_err(|_| CliError::NotUtf8)
}

/// The text itself, or a line read from stdin when the text is `-`.
pub fn text_or_stdin(text: &str, prompt: &str) -> Result<String, CliError> {
    if text != "-" {
        return Ok(text.to_owned());
    }
    if std::io::stdin().is_terminal() {
        eprint!("{prompt}");
    }
    Ok(read_line()?.trim_end_matches(['\r', '\n']).to_owned())
}

/// [`text_or_stdin`] for a value that may be left out.
pub fn optional_text_or_stdin(
    text: Option<&str>,
    prompt: &str,
) -> Result<Option<String>, CliError> {
    text.map(|t| text_or_stdin(t, prompt)).transpose()
}

/// One line of stdin as text (see [`read_line_bytes`]).
fn read_line() -> Result<Zeroizing<String>, CliError> {
    text_of(&read_line_bytes()?)
}

/// One line of stdin through core's bounded reader: refused as soon as it runs past
/// [`MAX_LINE_BYTES`] without ending, so an endless pipe is not read whole.
fn read_line_bytes() -> Result<Zeroizing<Vec<u8>>, CliError> {
    input::read_line_bounded(&mut std::io::stdin().lock(), MAX_LINE_BYTES)
        .map_err(|e| match e {
            InputError::TooLarge { limit } => CliError::LineTooLong { max: limit },
            InputError::Io(e) => CliError::input(e),
        })?
        .ok_or(CliError::NoInput)
}

/// Bytes read from outside as text (a copy that is zeroed when dropped); invalid UTF-8 is a validation
/// error ([`CliError::NotUtf8`], exit 3).
pub fn text_of(bytes: &[u8]) -> Result<Zeroizing<String>, CliError> {
    let text = std::str::from_utf8(bytes).map_err(|_| CliError::NotUtf8)?;
    Ok(Zeroizing::new(text.to_owned()))
}
