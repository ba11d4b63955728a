//! The one error type of the meetings area.

use chrono_tz::Tz;
use thiserror::Error;

use super::model::FeedFormat;

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
    /// The feed is valid JSON of the other format: read as the format given it yields no meeting,
    /// read as `looks_like` it does. Nothing was changed.
    #[error("this looks like a {} list, not a {} list: nothing was imported", .looks_like.name(), .given.name())]
    WrongFormat {
        /// The format the import was asked for.
        given: FeedFormat,
        /// The format whose importer reads meetings from the feed.
        looks_like: FeedFormat,
    },
    /// The feed yields no meeting at all (an empty list, or every record skipped) and there is no
    /// stored list it could replace. Nothing was changed.
    #[error("{}", nothing_imported(*.records))]
    NothingImported {
        /// Records in the feed's list.
        records: usize,
    },
    /// Applying the import would remove most of the list already stored (more than half of its
    /// listed meetings, or all of them), and replacing it was not chosen. Nothing was changed.
    #[error("this import would remove {vanished} of the list's {listed} meetings, so nothing was changed")]
    ReplaceNeeded {
        /// Meetings the import would remove (or flag as no longer listed).
        vanished: usize,
        /// Meetings the stored list has now.
        listed: usize,
    },
    /// Some meetings of the feed name no time zone and none was given for the list (nor saved for
    /// it before): they could not be placed on a clock. Nothing was changed; never read as UTC.
    #[error("{meetings} meeting(s) in this list name no time zone, so nothing was imported{}", .suggested.map(|z| format!("; their places are likely in {}", z.name())).unwrap_or_default())]
    ZoneNeeded {
        /// How many meetings name no zone.
        meetings: usize,
        /// The zone most of their places lie in, when their coordinates say.
        suggested: Option<Tz>,
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
    /// The point of a distance filter is not a valid place (not `LAT,LON`, out of range, not
    /// finite, or the (0, 0) placeholder).
    #[error("the point to search near is not a valid latitude and longitude")]
    InvalidPoint,
    /// The radius of a distance filter is not a number of kilometres, 0 or more.
    #[error("the distance to search within must be a number of kilometres, 0 or more")]
    InvalidRadius,
    /// The user's note on a meeting is too long.
    #[error("a note on a meeting can be at most {max} characters")]
    NoteTooLong {
        /// The limit ([`crate::meetings::model::MAX_NOTE_CHARS`]).
        max: usize,
    },
}

/// The one line about a feed without meetings.
fn nothing_imported(records: usize) -> String {
    if records == 0 {
        "the meeting list holds no meetings: nothing was imported".to_owned()
    } else {
        format!("none of the list's {records} record(s) is a meeting this format can read: nothing was imported")
    }
}
