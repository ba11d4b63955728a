//! The one error type of the meetings area.

use thiserror::Error;

/// Why a meetings request was refused. Messages never repeat meeting data beyond a record's index,
/// a key or a slug (a feed's contents say where someone looks for meetings).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MeetingsError {
    /// The feed is not valid JSON.
    #[error("the meeting list is not valid JSON (line {line}, column {column}): {reason}")]
    InvalidJson {
        /// The 1-based line of the first error.
        line: usize,
        /// The 1-based column of the first error.
        column: usize,
        /// What the parser found, in its words (no feed content is quoted).
        reason: String,
    },
    /// The feed is larger than [`crate::meetings::import::MAX_FEED_BYTES`].
    #[error("the meeting list is larger than {max} bytes, the most that can be imported")]
    FeedTooLarge {
        /// The size given; for a file or stream read through [`crate::input`], `max + 1`, the
        /// first byte count past the limit (nothing further is read).
        size: usize,
        /// The limit.
        max: usize,
    },
    /// The JSON is valid but is not a meeting list of the expected format.
    #[error("this is not a {format} meeting list: {why}")]
    UnexpectedShape {
        /// The format that was expected.
        format: &'static str,
        /// What was found instead.
        why: &'static str,
    },
    /// A weekday number is outside the range of its format.
    #[error("weekday {value} is outside {format}'s range {min}..={max}")]
    WeekdayOutOfRange {
        /// The number given.
        value: i64,
        /// The numbering it was read in.
        format: &'static str,
        /// The smallest valid number.
        min: i64,
        /// The largest valid number.
        max: i64,
    },
    /// A meeting has no known time zone, so its time cannot be placed on a calendar.
    #[error("the meeting `{key}` has no time zone; set a zone for its meeting list first")]
    ZoneUnknown {
        /// The meeting's key.
        key: String,
    },
    /// A meeting has no day or time ("by appointment"), so it cannot be put on a calendar.
    #[error("the meeting `{key}` is by appointment (no day or time)")]
    NoSchedule {
        /// The meeting's key.
        key: String,
    },
    /// A reminder was asked for too long before the meeting.
    #[error("a reminder can be at most {max} minutes before the meeting, not {minutes}")]
    ReminderTooEarly {
        /// The minutes given.
        minutes: u32,
        /// The limit ([`crate::meetings::model::MAX_REMINDER_MINUTES`]).
        max: u32,
    },
    /// A calendar export was asked for no meetings.
    #[error("no meetings to export")]
    NothingToExport,
    /// The user's note on a meeting is too long.
    #[error("a note on a meeting can be at most {max} characters")]
    NoteTooLong {
        /// The limit ([`crate::meetings::model::MAX_NOTE_CHARS`]).
        max: usize,
    },
}
