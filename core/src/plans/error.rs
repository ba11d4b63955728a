//! The one error type of the plans area.
//!
//! A plan holds the most private things a person writes down (what they feel before a crisis, who
//! they call, what they live for), so no message here ever repeats a word of it: a refused field is
//! named by its section, its entry number and which field it is ([`FieldPath`]), a bad line of
//! Markdown by its line number.

use std::fmt;

use thiserror::Error;

use super::PlanKind;
use crate::vault::VaultError;

/// Where in a plan a refused value is, without its contents: "the phone of entry 2 in “People to
/// ask for help”".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    /// The section's title, as in the exports.
    pub section: &'static str,
    /// The 1-based entry number within the section, or `None` for a section that is one text.
    pub entry: Option<usize>,
    /// Which field of the entry: `text`, `phone`, `coping response`.
    pub field: &'static str,
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry {
            Some(n) => write!(f, "the {} of entry {n} in “{}”", self.field, self.section),
            None => write!(f, "the {} of “{}”", self.field, self.section),
        }
    }
}

/// Why a plan, an edit of one or a plan request was refused. Nothing was written.
#[derive(Debug, Error)]
pub enum PlanError {
    /// An entry's text (or another required field) is blank.
    #[error("{0} is empty")]
    EmptyText(FieldPath),
    /// A text is longer than the limit.
    #[error("{path} is too long: at most {max} characters")]
    TextTooLong {
        /// Which field.
        path: FieldPath,
        /// The limit ([`super::text::MAX_TEXT_CHARS`] or [`super::text::MAX_PHONE_CHARS`]).
        max: usize,
    },
    /// A text holds control characters other than line breaks and tabs (or a phone number holds a
    /// line break).
    #[error("{0} contains control characters")]
    ControlCharacters(FieldPath),
    /// A phone number holds something that is not part of a phone number.
    #[error(
        "{0} is not a phone number: use digits, spaces and + - ( ) . / * # , only, with at least one digit"
    )]
    InvalidPhone(FieldPath),
    /// A section holds more entries than the limit.
    #[error("“{section}” can hold at most {max} entries")]
    TooManyEntries {
        /// The section's title.
        section: &'static str,
        /// The limit ([`super::text::MAX_ENTRIES`]).
        max: usize,
    },
    /// A contact link on an entry that cannot name a person: a place, or a step that lists no
    /// people (warning signs, coping strategies, making the environment safe).
    #[error("entry {entry} in “{section}” is not a person, so it cannot link to a contact")]
    CannotLinkContact {
        /// The section's title.
        section: &'static str,
        /// The 1-based entry number.
        entry: usize,
    },
    /// An edit named an entry number the section does not have.
    #[error("“{section}” has no entry {entry} (it has {count})")]
    NoSuchEntry {
        /// The section's title.
        section: &'static str,
        /// The 1-based entry number asked for.
        entry: usize,
        /// How many entries the section has.
        count: usize,
    },
    /// An edit asked for a field this section does not have (a coping response on a warning sign,
    /// a phone number on a trigger, ...).
    #[error("“{section}” has no {field}")]
    NoSuchField {
        /// The section's title.
        section: &'static str,
        /// The field asked for.
        field: &'static str,
    },
    /// No revision of the plan has that number.
    #[error("the {kind} has no revision {number}")]
    NoSuchRevision {
        /// Which plan.
        kind: PlanKind,
        /// The number asked for.
        number: u32,
    },
    /// The Markdown given to edit a plan could not be read; nothing was saved.
    #[error("line {line} of the Markdown: {reason}")]
    Markdown {
        /// The 1-based line.
        line: usize,
        /// What is wrong with it (never the line's contents).
        reason: &'static str,
    },
    /// The Markdown is the other plan (its title says so).
    #[error("this Markdown is a {found}, not a {expected}")]
    WrongKind {
        /// The plan being edited.
        expected: PlanKind,
        /// The plan the Markdown holds.
        found: PlanKind,
    },
    /// An entry given for a section is not of the shape the section holds (a text for “People to
    /// ask for help”, a trigger for the reasons, ...).
    #[error("“{section}” does not take that kind of entry")]
    WrongEntry {
        /// The section's title.
        section: &'static str,
    },
    /// An edit named a section of the other plan.
    #[error("the {kind} has no section “{section}”")]
    SectionNotInPlan {
        /// The section's title.
        section: &'static str,
        /// The plan being edited.
        kind: PlanKind,
    },
    /// The plan changed since it was read (another device, process or screen saved it), and the
    /// edit names an entry by its number: nothing was written. Reload the plan and try again.
    #[error("the {kind} changed since you opened it (it is now revision {current}); nothing was saved: look again and redo the change")]
    ChangedElsewhere {
        /// Which plan.
        kind: PlanKind,
        /// Its current revision number.
        current: u32,
    },
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}
