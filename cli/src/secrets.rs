//! Reading secrets and private text from the person at the keyboard, not from the command line.
//!
//! Anything given as an argument lands in the shell's history file, in plaintext. So secrets are
//! only ever read from the terminal (without echo) or from stdin, and every personal value (labels,
//! notes, dates, mood, phone numbers, places) can be too: give `-` instead of the value. Several
//! `-` in one command are read one line each, in the order `--help` lists them. A value read this
//! way goes through the same parser as the same value given as an argument.

use std::io::{BufRead, IsTerminal};

use zeroize::Zeroizing;

use crate::error::CliError;

/// Reads a secret: from the terminal without echo when stdin is one, else one line of stdin.
pub fn read_secret(prompt: &str) -> Result<Zeroizing<String>, CliError> {
    let line = if std::io::stdin().is_terminal() {
        Zeroizing::new(rpassword::prompt_password(prompt).map_err(CliError::input)?)
    } else {
        read_line()?
    };
    Ok(Zeroizing::new(
        line.trim_end_matches(['\r', '\n']).to_owned(),
    ))
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

fn read_line() -> Result<Zeroizing<String>, CliError> {
    let mut line = Zeroizing::new(String::new());
    let n = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(CliError::input)?;
    if n == 0 {
        return Err(CliError::NoInput);
    }
    Ok(line)
}
