//! Usage mistakes (an unknown option, a missing argument, a value clap cannot read) as one line
//! and a hint, instead of clap's multi-line report.
//!
//! The line names the option or command, never the value typed: a value on the command line can be
//! a clean date, a mood or a place, and an error message can end up in a terminal log. Help and
//! version requests are printed by clap as usual. Usage mistakes keep exit code 2.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};

use crate::args::Cli;

/// What to tell the person about a command line clap refused.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageMistake {
    /// What was wrong, in one line.
    pub line: String,
    /// What to do about it, in one line.
    pub hint: String,
}

/// Whether clap should print this "error" itself: help and version requests, and `oneday` with
/// no command at all (its help is the answer).
pub fn is_for_clap(error: &clap::Error, args: &[OsString]) -> bool {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => true,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => command_path(args).len() == 1,
        _ => false,
    }
}

/// The mistake `error` reports, for the command line `args` (the program name first).
pub fn explain(error: &clap::Error, args: &[OsString]) -> UsageMistake {
    let path = command_path(args);
    let command = path.join(" ");
    let help = format!("see `{command} --help`");
    let arg = string(error, ContextKind::InvalidArg);
    let option = arg.as_deref().map(option_name).unwrap_or("the value");
    let (line, hint) = match error.kind() {
        ErrorKind::InvalidValue => {
            let valid = strings(error, ContextKind::ValidValue);
            let empty = string(error, ContextKind::InvalidValue).is_none_or(|v| v.is_empty());
            let takes = arg.as_deref().and_then(placeholder);
            let line = match (empty, valid.is_empty()) {
                (true, true) => match takes {
                    Some(takes) => format!("`{option}` needs a value: {takes}"),
                    None => format!("`{option}` needs a value"),
                },
                (_, false) => format!("`{option}` takes one of: {}", valid.join(", ")),
                (false, true) => format!("`{option}` cannot take that value"),
            };
            (
                line,
                suggested(error, ContextKind::SuggestedValue).unwrap_or(help),
            )
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|e| format!(": {}", plain_reason(&e.to_string())))
                .unwrap_or_default();
            let takes = arg.as_deref().and_then(placeholder).unwrap_or("a value");
            (format!("`{option}` takes {takes}{why}"), help)
        }
        ErrorKind::UnknownArgument => match arg.as_deref().filter(|a| is_option_name(a)) {
            Some(name) => (
                format!("`{command}` has no option `{}`", option_name(name)),
                suggested(error, ContextKind::SuggestedArg).unwrap_or(help),
            ),
            None => (
                format!(
                    "`{command}` got an argument it does not take (not shown, in case it is private)"
                ),
                "put a name with spaces in quotes, or give `-` to type it at a prompt".to_owned(),
            ),
        },
        ErrorKind::InvalidSubcommand => {
            let name = string(error, ContextKind::InvalidSubcommand)
                .filter(|n| is_command_name(n))
                .map(|n| format!(" `{n}`"))
                .unwrap_or_else(|| " by that name".to_owned());
            (
                format!("`{command}` has no command{name}"),
                suggested(error, ContextKind::SuggestedSubcommand).unwrap_or(help),
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg);
            (format!("`{command}` needs {}", and_list(&missing)), help)
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (
            format!(
                "`{command}` needs a command: {}",
                subcommand_names(&path).join(", ")
            ),
            help,
        ),
        ErrorKind::ArgumentConflict => {
            // A subcommand given after options of its parent (`checkin --mood 3 show`).
            let option = match string(error, ContextKind::InvalidSubcommand) {
                Some(_) if arg.is_none() => command.clone(),
                _ => option.to_owned(),
            };
            let others: Vec<String> = strings(error, ContextKind::PriorArg)
                .iter()
                .map(|a| format!("`{}`", option_name(a)))
                .collect();
            let line = if others.is_empty() {
                format!("`{option}` cannot be used here")
            } else {
                format!("`{option}` cannot be used with {}", others.join(" or "))
            };
            (line, help)
        }
        ErrorKind::NoEquals => (format!("`{option}` needs its value after `=`"), help),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => (
            format!("`{option}` was given the wrong number of values"),
            help,
        ),
        ErrorKind::InvalidUtf8 => ("an argument is not UTF-8 text".to_owned(), help),
        _ => ("the command line could not be read".to_owned(), help),
    };
    UsageMistake { line, hint }
}

/// The program and subcommand names in `args`: `["oneday", "counter", "add"]`.
fn command_path(args: &[OsString]) -> Vec<String> {
    let root = Cli::command();
    let mut path = vec![root.get_name().to_owned()];
    let mut current = &root;
    for arg in args.iter().skip(1) {
        let Some(arg) = arg.to_str() else { continue };
        if let Some(sub) = current.find_subcommand(arg) {
            path.push(sub.get_name().to_owned());
            current = sub;
            if !current.has_subcommands() {
                break;
            }
        }
    }
    path
}

/// The names of the subcommands of the command at `path` (without clap's `help`).
fn subcommand_names(path: &[String]) -> Vec<String> {
    let root = Cli::command();
    let mut current: &Command = &root;
    for name in path.iter().skip(1) {
        match current.find_subcommand(name) {
            Some(sub) => current = sub,
            None => break,
        }
    }
    current
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .filter(|n| n != "help")
        .collect()
}

fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// `did you mean ...?` from clap's suggestions, when it has any: one of the command's own words,
/// never what was typed. Clap lists them by rising similarity, so the closest is the last.
fn suggested(error: &clap::Error, kind: ContextKind) -> Option<String> {
    let names = strings(error, kind);
    let closest = names.last()?;
    Some(format!("did you mean `{closest}`?"))
}

/// `--mood` from clap's `--mood <1-5>`; `<LABEL>` stays as it is.
fn option_name(arg: &str) -> &str {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg)
    } else {
        arg
    }
}

/// `<1-5>` from clap's `--mood <1-5>`, or `<ENTRY>` for a positional argument.
fn placeholder(arg: &str) -> Option<&str> {
    match arg.split_once(' ') {
        Some((_, value)) => Some(value),
        None => arg.starts_with('<').then_some(arg),
    }
}

/// Whether an unknown argument looks like an option's name (`--frob`, `-x`, `--frob=...`) rather
/// than a stray value, which is not repeated.
fn is_option_name(arg: &str) -> bool {
    let name = option_name(arg);
    let body = name.trim_start_matches('-');
    name.starts_with('-')
        && !body.is_empty()
        && body.len() <= 40
        && body.starts_with(|c: char| c.is_ascii_alphabetic())
        && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether an unknown command looks like a command's name (a short lowercase word).
fn is_command_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 20
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The standard library's number-parsing reasons, in plainer words.
fn plain_reason(reason: &str) -> String {
    match reason {
        "invalid digit found in string" => "write a whole number".to_owned(),
        "cannot parse integer from empty string" | "cannot parse float from empty string" => {
            "the value is empty".to_owned()
        }
        "number too large to fit in target type" => "the number is too large".to_owned(),
        "number too small to fit in target type" => "the number is too small".to_owned(),
        "invalid float literal" => "write a number such as 2.5".to_owned(),
        other => other.to_owned(),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => "more arguments".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use clap::Parser;

    use super::*;

    fn mistake(args: &[&str]) -> UsageMistake {
        let args: Vec<OsString> = std::iter::once("oneday")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let error = Cli::try_parse_from(&args).unwrap_err();
        assert!(!is_for_clap(&error, &args), "{:?}", error.kind());
        explain(&error, &args)
    }

    #[test]
    fn a_missing_argument_names_it_and_the_command() {
        let m = mistake(&["counter", "add"]);
        assert_eq!(
            m.line,
            "`oneday counter add` needs --since <YYYY-MM-DD> and <LABEL>"
        );
        assert_eq!(m.hint, "see `oneday counter add --help`");
    }

    #[test]
    fn an_unknown_option_is_named_with_a_suggestion() {
        let m = mistake(&["meetings", "search", "--neer", "1,2"]);
        assert_eq!(m.line, "`oneday meetings search` has no option `--neer`");
        assert_eq!(m.hint, "did you mean `--near`?");
        let m = mistake(&["status", "--frobnicate"]);
        assert_eq!(m.hint, "see `oneday status --help`");
    }

    #[test]
    fn a_stray_value_is_not_repeated() {
        let m = mistake(&["counter", "add", "my", "secret", "--since", "2024-01-01"]);
        assert!(!m.line.contains("secret"), "{m:?}");
        assert!(m.hint.contains('-'), "{m:?}");
    }

    #[test]
    fn an_unknown_command_gets_a_suggestion() {
        let m = mistake(&["stauts"]);
        assert_eq!(m.line, "`oneday` has no command `stauts`");
        assert_eq!(m.hint, "did you mean `status`?");
        let m = mistake(&["Hello There"]);
        assert_eq!(m.line, "`oneday` has no command by that name");
    }

    #[test]
    fn a_value_clap_cannot_read_names_the_option_not_the_value() {
        let m = mistake(&["meetings", "import", "f", "--format", "xml"]);
        assert_eq!(m.line, "`--format` takes one of: meeting-guide, bmlt");
        assert!(!m.line.contains("xml"));
        let m = mistake(&["trends", "--days", "many"]);
        assert_eq!(m.line, "`--days` takes <DAYS>: write a whole number");
        let m = mistake(&["crisis", "--region"]);
        assert_eq!(m.line, "`--region` needs a value: <CC>");
    }

    #[test]
    fn a_subcommand_left_out_lists_the_choices() {
        let m = mistake(&["counter"]);
        assert!(
            m.line
                .starts_with("`oneday counter` needs a command: add, list, show,"),
            "{m:?}"
        );
        assert!(!m.line.contains("help"));
    }

    #[test]
    fn conflicting_options_are_both_named() {
        let m = mistake(&["meetings", "search", "--open", "--closed"]);
        assert!(
            m.line.contains("`--open`") && m.line.contains("`--closed`"),
            "{m:?}"
        );
        let m = mistake(&["checkin", "--mood", "3", "show"]);
        assert_eq!(m.line, "`oneday checkin show` cannot be used with `--mood`");
    }

    #[test]
    fn help_and_a_bare_oneday_are_left_to_clap() {
        for args in [
            &["oneday", "--help"][..],
            &["oneday", "counter", "--help"],
            &["oneday"],
        ] {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            let error = Cli::try_parse_from(&args).unwrap_err();
            assert!(is_for_clap(&error, &args), "{args:?}");
        }
    }
}
