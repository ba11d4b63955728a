//! The one error type of the check-ins area.

use chrono::NaiveDate;
use thiserror::Error;

use crate::date::DateError;
use crate::settings::SettingsError;
use crate::vault::VaultError;

/// Why a check-in, a preference or a trends request was refused, or could not be read or written.
///
/// Messages are written for the person using the app. None of them repeats a journal line, a
/// gratitude item or a symptom name: a symptom is named by its position in what was given.
#[derive(Debug, Error)]
pub enum CheckInError {
    /// A date was malformed, does not exist, or is outside the supported range.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A check-in was dated after today.
    #[error("{date} is after today ({today}); a check-in can only be for today or an earlier day")]
    FutureDate {
        /// The date refused.
        date: NaiveDate,
        /// Today, as the caller gave it.
        today: NaiveDate,
    },
    /// Mood is not 1 to 5.
    #[error("mood is rated 1 to 5, not {value}")]
    MoodOutOfRange {
        /// The value given.
        value: u8,
    },
    /// Craving is not 0 to 10.
    #[error("craving is rated 0 to 10, not {value}")]
    CravingOutOfRange {
        /// The value given.
        value: u8,
    },
    /// Hours slept is not a number from 0 to 24.
    #[error("hours slept must be from 0 to 24")]
    SleepOutOfRange,
    /// Hours slept was not written as a number of hours.
    #[error("write hours slept as a number such as 7.5, or as hours and minutes such as 7:30")]
    MalformedSleep,
    /// The journal line is too long.
    #[error("the journal line can be at most {max} characters")]
    JournalTooLong {
        /// The limit.
        max: usize,
    },
    /// Too many gratitude items.
    #[error("a check-in can hold at most {max} gratitude items")]
    TooManyGratitudeItems {
        /// The limit.
        max: usize,
    },
    /// A gratitude item is too long.
    #[error("a gratitude item can be at most {max} characters")]
    GratitudeItemTooLong {
        /// The limit.
        max: usize,
    },
    /// Text held control characters (line breaks are allowed in the journal line only).
    #[error("the {field} cannot contain control characters")]
    ControlCharacters {
        /// Which text: `journal line`, `gratitude item` or `symptom name`.
        field: &'static str,
    },
    /// The check-in records nothing at all.
    #[error("a check-in needs at least one thing: a mood, a craving, a symptom, medication, sleep, a journal line or a gratitude item")]
    Empty,
    /// A symptom is not in the user's list.
    #[error("symptom {position} is not in your symptom list; add it to the list first")]
    UnknownSymptom {
        /// Its 1-based position among the symptoms given.
        position: usize,
    },
    /// A symptom name is blank.
    #[error("a symptom name cannot be empty")]
    EmptySymptomName,
    /// A symptom name is too long.
    #[error("a symptom name can be at most {max} characters")]
    SymptomNameTooLong {
        /// The limit.
        max: usize,
    },
    /// The symptom list is full.
    #[error("the symptom list can hold at most {max} symptoms")]
    TooManySymptoms {
        /// The limit.
        max: usize,
    },
    /// The same symptom is listed twice (names are compared ignoring case).
    #[error("symptom {position} is already in the list")]
    DuplicateSymptom {
        /// Its 1-based position in the list given.
        position: usize,
    },
    /// A threshold is outside its allowed range.
    #[error("the {which} threshold must be from {min} to {max}, not {value}")]
    ThresholdOutOfRange {
        /// Which threshold: `craving`, `mood` or `days in a row`.
        which: &'static str,
        /// The smallest value allowed.
        min: u8,
        /// The largest value allowed.
        max: u8,
        /// The value given.
        value: u8,
    },
    /// A trends window of 0 days, or longer than allowed.
    #[error("trends cover 1 to {max} days, not {days}")]
    WindowOutOfRange {
        /// The number of days asked for.
        days: u32,
        /// The limit.
        max: u32,
    },
    /// A date range whose start is after its end.
    #[error("the range starts on {from}, after it ends on {to}")]
    RangeReversed {
        /// The start given.
        from: NaiveDate,
        /// The end given.
        to: NaiveDate,
    },
    /// There is no check-in on that date.
    #[error("there is no check-in on {date}")]
    NotFound {
        /// The date asked about.
        date: NaiveDate,
    },
    /// The stored preferences were written by another version or are damaged.
    #[error("the check-in preferences hold a value this version cannot read")]
    PreferencesUnreadable,
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<SettingsError> for CheckInError {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::Unreadable { .. } => CheckInError::PreferencesUnreadable,
            SettingsError::Vault(e) => CheckInError::Vault(e),
        }
    }
}
