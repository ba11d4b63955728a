//! [`MeetingsError`]: why a meetings call failed, converted from core's errors at the edge.
//!
//! Unlike the flat [`crate::errors::VaultError`], its variants carry typed fields a shell can use
//! (the line of a JSON error, the key of a meeting without a zone), so it is not flat: in Kotlin each
//! variant is a subclass of `MeetingsException` with those fields as properties, in Swift a case of
//! `MeetingsError` with associated values. The sentence for a person is the error's `toString()` in
//! Kotlin and `description` in Swift (Rust's `Display`, exported). No message repeats feed content:
//! a record is named by its key (list name and feed id) at most, and a zone name the user typed is
//! not repeated either.
//!
//! A date or time argument that cannot be read (only possible from Swift, where they are strings)
//! fails before the call with UniFFI's internal error, not with this type: UniFFI reports a failed
//! argument as the function's own error only when the types match, and dates belong to
//! `CleanTimeError`. Check typed dates with `parseDate` first.

use oneday_core::meetings::store::MeetingStoreError;
use oneday_core::meetings::zone_name::parse_zone;
use oneday_core::meetings::MeetingsError as CoreMeetingsError;
use oneday_core::vault::VaultError as CoreVaultError;

use crate::meetings::FeedFormat;

/// Why a meetings request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum MeetingsError {
    /// The feed (or the BMLT formats list) is not valid JSON.
    #[error("the meeting list is not valid JSON (line {line}, column {column}): {reason}")]
    InvalidJson {
        /// The 1-based line of the first error.
        line: u64,
        /// The 1-based column of the first error.
        column: u64,
        /// What the parser found, in general terms ("a syntax error", "it ends early").
        reason: String,
    },
    /// The feed is larger than core accepts (32 MiB).
    #[error("the meeting list is larger than {max} bytes, the most that can be imported")]
    FeedTooLarge {
        /// The size given, in bytes.
        size: u64,
        /// The limit, in bytes.
        max: u64,
    },
    /// The JSON is valid but is not a meeting list of the format given.
    #[error("this is not a {expected} meeting list: {reason}")]
    UnexpectedShape {
        /// The format that was expected ("Meeting Guide", "BMLT", "BMLT GetFormats").
        expected: String,
        /// What was found instead.
        reason: String,
    },
    /// The list is JSON of the other format: as the format given it yields no meeting, as
    /// `looks_like` it does. Nothing was changed; import it again as `looks_like`.
    #[error("{}", core_text(self))]
    WrongFormat {
        /// The format the import was asked for.
        given: FeedFormat,
        /// The format whose importer reads meetings from the list.
        looks_like: FeedFormat,
    },
    /// The list holds no meeting (an empty list, or every record skipped) and there is no stored
    /// list of that name it could replace. Nothing was changed.
    #[error("{}", core_text(self))]
    NothingImported {
        /// Records in the list (0: the list is empty).
        records: u64,
    },
    /// Applying the import would remove most of the stored list (more than half of its meetings,
    /// or all of them). Nothing was changed: show the preview and import again with
    /// `replace = true` only if the person chooses to replace the list.
    #[error("{}", core_text(self))]
    ReplaceNeeded {
        /// Meetings the import would remove (or flag as no longer listed).
        vanished: u64,
        /// Meetings the stored list has now.
        listed: u64,
    },
    /// Meetings of the list name no time zone and none is known for the list. Nothing was
    /// changed: ask the person for the list's zone (offering `suggested_zone`) and import again
    /// with it. Never read as UTC.
    #[error("{}", core_text(self))]
    ZoneNeeded {
        /// How many meetings name no zone.
        meetings: u64,
        /// The IANA zone most of their places lie in, when their coordinates say.
        suggested_zone: Option<String>,
    },
    /// A zone name given (the user's zone, a list's default zone) is not an IANA zone name this
    /// version knows. It is never read as UTC.
    #[error("that is not a time zone name One Day knows; use an IANA name such as Europe/Berlin")]
    UnknownZoneName,
    /// A meeting has no known zone, so it cannot be put on a calendar: re-import its list with a
    /// default zone.
    #[error("the meeting `{key}` has no time zone; set a zone for its meeting list first")]
    ZoneUnknown {
        /// The meeting's key.
        key: String,
    },
    /// A meeting is by appointment (no day or time), so it cannot be put on a calendar.
    #[error("the meeting `{key}` is by appointment (no day or time)")]
    NoSchedule {
        /// The meeting's key.
        key: String,
    },
    /// A calendar export was asked for no meetings.
    #[error("no meetings to export")]
    NothingToExport,
    /// The note on a meeting is too long.
    #[error("a note on a meeting can be at most {max} characters")]
    NoteTooLong {
        /// The limit in characters.
        max: u64,
    },
    /// A reminder was asked for more than a week before the meeting.
    #[error("a reminder can be at most {max} minutes before the meeting, not {minutes}")]
    ReminderTooEarly {
        /// The minutes given.
        minutes: u32,
        /// The limit.
        max: u32,
    },
    /// The point of a distance filter is not a valid place (out of range, not finite, or (0, 0)).
    #[error("the point to search near is not a valid latitude and longitude")]
    InvalidPoint,
    /// The radius of a distance filter is not a number of kilometres, 0 or more.
    #[error("the distance to search within must be a number of kilometres, 0 or more")]
    InvalidRadius,
    /// An instant is outside the years One Day supports (1900 to 2200).
    #[error("that moment is outside the years One Day supports (1900 to 2200)")]
    OutOfRange,
    /// No meeting has that key, id or id prefix.
    #[error("there is no meeting with that id")]
    NotFound,
    /// More than one meeting has an id starting with what was given: give more of it.
    #[error("more than one meeting has an id starting with that; give more of the id")]
    Ambiguous,
    /// The vault is locked: unlock it first.
    #[error("the vault is locked")]
    Locked,
    /// The vault failed (a damaged record, storage, a newer format); the reason says which.
    #[error("{reason}")]
    Storage {
        /// What happened, for a person (core's message; it names no meeting data).
        reason: String,
    },
}

/// A count as it crosses the FFI (`usize` never exceeds `u64` on supported targets).
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl From<CoreMeetingsError> for MeetingsError {
    fn from(e: CoreMeetingsError) -> Self {
        match e {
            CoreMeetingsError::InvalidJson {
                line,
                column,
                reason,
            } => MeetingsError::InvalidJson {
                line: count(line),
                column: count(column),
                reason,
            },
            CoreMeetingsError::FeedTooLarge { size, max } => MeetingsError::FeedTooLarge {
                size: count(size),
                max: count(max),
            },
            CoreMeetingsError::UnexpectedShape { format, why } => MeetingsError::UnexpectedShape {
                expected: format.to_owned(),
                reason: why.to_owned(),
            },
            CoreMeetingsError::WeekdayOutOfRange { format, .. } => MeetingsError::UnexpectedShape {
                expected: format.to_owned(),
                reason: e.to_string(),
            },
            CoreMeetingsError::ZoneUnknown { key } => MeetingsError::ZoneUnknown { key },
            CoreMeetingsError::NoSchedule { key } => MeetingsError::NoSchedule { key },
            CoreMeetingsError::ReminderTooEarly { minutes, max } => {
                MeetingsError::ReminderTooEarly { minutes, max }
            }
            CoreMeetingsError::WrongFormat { given, looks_like } => MeetingsError::WrongFormat {
                given: given.into(),
                looks_like: looks_like.into(),
            },
            CoreMeetingsError::NothingImported { records } => MeetingsError::NothingImported {
                records: count(records),
            },
            CoreMeetingsError::ReplaceNeeded { vanished, listed } => MeetingsError::ReplaceNeeded {
                vanished: count(vanished),
                listed: count(listed),
            },
            CoreMeetingsError::ZoneNeeded {
                meetings,
                suggested,
            } => MeetingsError::ZoneNeeded {
                meetings: count(meetings),
                suggested_zone: suggested.map(|z| z.name().to_owned()),
            },
            CoreMeetingsError::NothingToExport => MeetingsError::NothingToExport,
            CoreMeetingsError::InvalidPoint => MeetingsError::InvalidPoint,
            CoreMeetingsError::InvalidRadius => MeetingsError::InvalidRadius,
            CoreMeetingsError::NoteTooLong { max } => {
                MeetingsError::NoteTooLong { max: count(max) }
            }
        }
    }
}

/// Core's sentence for the import refusals, so each is worded once (in core).
fn core_text(e: &MeetingsError) -> String {
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let core = match e {
        MeetingsError::WrongFormat { given, looks_like } => CoreMeetingsError::WrongFormat {
            given: (*given).into(),
            looks_like: (*looks_like).into(),
        },
        MeetingsError::NothingImported { records } => CoreMeetingsError::NothingImported {
            records: size(*records),
        },
        MeetingsError::ReplaceNeeded { vanished, listed } => CoreMeetingsError::ReplaceNeeded {
            vanished: size(*vanished),
            listed: size(*listed),
        },
        MeetingsError::ZoneNeeded {
            meetings,
            suggested_zone,
        } => CoreMeetingsError::ZoneNeeded {
            meetings: size(*meetings),
            suggested: suggested_zone.as_deref().and_then(parse_zone),
        },
        other => return format!("{other:?}"),
    };
    core.to_string()
}

impl From<CoreVaultError> for MeetingsError {
    fn from(e: CoreVaultError) -> Self {
        match e {
            CoreVaultError::Locked => MeetingsError::Locked,
            CoreVaultError::InvalidRecordId => MeetingsError::NotFound,
            other => MeetingsError::Storage {
                reason: other.to_string(),
            },
        }
    }
}

impl From<MeetingStoreError> for MeetingsError {
    fn from(e: MeetingStoreError) -> Self {
        match e {
            MeetingStoreError::NotFound => MeetingsError::NotFound,
            MeetingStoreError::Ambiguous => MeetingsError::Ambiguous,
            MeetingStoreError::Meetings(e) => e.into(),
            MeetingStoreError::Vault(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_fields() {
        let e = MeetingsError::from(CoreMeetingsError::InvalidJson {
            line: 3,
            column: 7,
            reason: "a syntax error".into(),
        });
        assert_eq!(
            e,
            MeetingsError::InvalidJson {
                line: 3,
                column: 7,
                reason: "a syntax error".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "the meeting list is not valid JSON (line 3, column 7): a syntax error"
        );
        assert_eq!(
            MeetingsError::from(MeetingStoreError::Vault(CoreVaultError::Locked)),
            MeetingsError::Locked
        );
        assert_eq!(
            MeetingsError::from(MeetingStoreError::Ambiguous),
            MeetingsError::Ambiguous
        );
        assert!(matches!(
            MeetingsError::from(MeetingStoreError::Vault(CoreVaultError::CorruptDatabase)),
            MeetingsError::Storage { .. }
        ));
        assert!(matches!(
            MeetingsError::from(CoreMeetingsError::WeekdayOutOfRange {
                value: 9,
                format: "BMLT",
                min: 1,
                max: 7
            }),
            MeetingsError::UnexpectedShape { .. }
        ));
    }
}
