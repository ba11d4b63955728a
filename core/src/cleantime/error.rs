//! The one error type of the clean-time area.

use chrono::NaiveDate;
use thiserror::Error;

use crate::date::DateError;

/// Why a clean-time request or edit was refused. Messages are written for the person using the app;
/// none of them repeats a label or note the user typed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CleanTimeError {
    /// A date was malformed, does not exist, or is out of range.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A label, colour or name was blank.
    #[error("a name cannot be empty")]
    EmptyName,
    /// A label, colour or name was too long.
    #[error("a name can be at most {max} characters")]
    NameTooLong {
        /// The limit.
        max: usize,
    },
    /// A label or note held control characters (line breaks are allowed in notes only).
    #[error("a name cannot contain control characters")]
    ControlCharacters,
    /// A note was too long.
    #[error("a note can be at most {max} characters")]
    NoteTooLong {
        /// The limit.
        max: usize,
    },
    /// The same milestone was listed twice.
    #[error("the milestone {milestone} is listed twice")]
    DuplicateMilestone {
        /// The span that repeats, in words.
        milestone: String,
    },
    /// A custom list was too long.
    #[error("a custom list can hold at most {max} milestones")]
    TooManyMilestones {
        /// The limit.
        max: usize,
    },
    /// The currency code is not an ISO 4217 code.
    #[error("`{code}` is not an ISO 4217 currency code (such as USD, EUR, GBP)")]
    UnknownCurrency {
        /// What was given.
        code: String,
    },
    /// An amount of money was not written as digits with at most the currency's decimals.
    #[error(
        "`{amount}` is not an amount; write digits with at most {decimals} decimals, such as 12.50"
    )]
    InvalidAmount {
        /// What was given.
        amount: String,
        /// How many decimals the currency allows.
        decimals: usize,
    },
    /// The amount of money overflowed.
    #[error("that amount is too large")]
    AmountTooLarge,
    /// The time of last use is after the clean date began.
    #[error("the time of last use ({last_use}) must be before the clean date {start}")]
    LastUseAfterStart {
        /// The time of last use given.
        last_use: chrono::NaiveDateTime,
        /// The clean date.
        start: NaiveDate,
    },
    /// A date is earlier than the date it must follow (such as a reset before the clean date).
    #[error("{date} is before {earliest}, the earliest date allowed here ({why})")]
    TooEarly {
        /// The date refused.
        date: NaiveDate,
        /// The earliest date allowed.
        earliest: NaiveDate,
        /// What the earliest date is.
        why: &'static str,
    },
    /// The counter is paused or stopped, so there is no running count to reset, pause or edit.
    #[error("this counter is paused; resume it first")]
    NotRunning,
    /// The counter is already running, so it cannot be resumed.
    #[error("this counter is already running")]
    AlreadyRunning,
}
