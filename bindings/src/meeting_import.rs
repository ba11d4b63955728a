//! What `importMeetings` did, or `previewMeetingImport` says it would do: the changes to the store
//! and the importer's report.
//!
//! The report is core's (`oneday_core::meetings::import::report`): every record skipped or repaired
//! and every repeated id, each named by its 0-based position in the feed and its feed id, never by
//! its contents, so a shell may show or log it. Each entry carries a typed [`ImportIssue`] (to word
//! it in the app's language) and core's English text.

use oneday_core::meetings as core;
use oneday_core::meetings::import::{Duplicate, Resolution};
use oneday_core::meetings::store::{ImportOutcome, ImportPreview};

use crate::meetings::FeedFormat;

/// What a re-import changed in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingMergeCounts {
    /// New meetings.
    pub added: u64,
    /// Meetings whose imported data changed (the user's data is kept).
    pub updated: u64,
    /// Meetings whose imported data is the same.
    pub unchanged: u64,
    /// Meetings the list no longer has (newly, this import).
    pub vanished: u64,
    /// Of those, kept (flagged) because the user had added something to them.
    pub vanished_kept: u64,
}

/// What was wrong with a record, and for a repair what was done about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ImportIssue {
    /// Skipped: the record is not a JSON object.
    NotAnObject,
    /// Skipped: no slug (Meeting Guide) or `id_bigint` (BMLT), so it has no stable key.
    MissingId,
    /// Skipped: no name.
    MissingName,
    /// Skipped: the day is not a weekday of the format.
    InvalidDay,
    /// Skipped: the start time is not a time of day.
    InvalidTime,
    /// Repaired: the id was a number; kept as text.
    NumericId,
    /// Repaired: the day was text (`"1"`); read as the number.
    DayAsText,
    /// Repaired: the day was an English weekday name.
    DayAsName,
    /// Repaired: day 7, outside Meeting Guide's 0 to 6, read as Sunday.
    DaySevenAsSunday,
    /// Repaired: a 12-hour time (`8:00 PM`) read as 24 h.
    TwelveHourTime,
    /// Repaired: a time without its leading zero (`8:00`) or `24:00`.
    LooseTime,
    /// Repaired: a day without a time or a time without a day; kept as by appointment.
    IncompleteSchedule,
    /// Repaired: only another schedule field was given (not read); kept as by appointment.
    UnsupportedSchedule {
        /// The field present.
        field: String,
    },
    /// Repaired: the end is shortly after midnight; read as running past midnight.
    EndPastMidnight,
    /// Repaired: the end time was unusable and dropped.
    EndTimeDropped,
    /// Repaired: a duration that is not 1 minute to 24 hours was dropped.
    InvalidDuration,
    /// Repaired: the time zone is not an IANA name; the list's zone (or "unknown") is used.
    UnknownTimeZone,
    /// Repaired: types given as a string rather than a list.
    TypesAsText,
    /// Repaired: a type code in the wrong case was upper-cased.
    TypeCodeCase,
    /// Repaired: an empty type code was dropped.
    EmptyTypeDropped,
    /// Repaired: a BMLT format not in the formats list; kept as a code without a label.
    UnresolvedFormat,
    /// Repaired: coordinates given as text were read as numbers.
    CoordinatesAsText,
    /// Repaired: coordinates out of range, half-given or (0, 0) were dropped.
    InvalidCoordinatesDropped,
    /// Repaired: placeholder coordinates on a meeting with no place were dropped.
    PlaceholderCoordinatesDropped,
    /// Repaired: a conference link that is not http(s) was dropped.
    InvalidConferenceUrl,
    /// Repaired: a last-update stamp in an unknown form was dropped.
    UnreadableUpdated,
    /// Repaired: an unknown BMLT venue type; the attendance mode was derived from the formats.
    UnknownVenueType,
    /// Repaired: a legacy BMLT `Prompt#@-@#value`; the prompt was removed.
    LegacyPromptValue {
        /// The field.
        field: String,
    },
}

/// One issue with one record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ImportRecordIssue {
    /// The record's 0-based position in the feed's list.
    pub index: u64,
    /// The record's feed id, when it has one.
    pub feed_id: Option<String>,
    /// What was wrong.
    pub issue: ImportIssue,
    /// The same in English, for a person ("day was text").
    pub text: String,
}

/// How a repeated feed id was resolved (it depends only on the feed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DuplicateResolution {
    /// The records are on different days: each is keyed by id and day.
    KeyedByDay,
    /// The same meeting listed again: the later copy was dropped.
    DroppedIdentical,
    /// A different meeting with the same id and day: kept with this occurrence number.
    KeptAsOccurrence {
        /// The occurrence number (2 for the second).
        occurrence: u32,
    },
}

/// One record whose feed id an earlier record already used.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ImportDuplicate {
    /// The record's 0-based position.
    pub index: u64,
    /// The position of the first record with the same id.
    pub first_index: u64,
    /// The shared feed id.
    pub feed_id: String,
    /// What was done.
    pub resolution: DuplicateResolution,
}

/// How many records had one kind of issue, for a one-screen summary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ImportIssueCount {
    /// "skipped: ..." or "repaired: ..." in English.
    pub text: String,
    /// How many times.
    pub count: u64,
}

/// The importer's report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingImportReport {
    /// The format read.
    pub format: FeedFormat,
    /// Records in the feed's list.
    pub records: u64,
    /// Meetings kept.
    pub kept: u64,
    /// Records skipped, one entry each.
    pub skipped: Vec<ImportRecordIssue>,
    /// Repairs made to kept records (a record can have several).
    pub repaired: Vec<ImportRecordIssue>,
    /// How many distinct records were repaired.
    pub repaired_records: u64,
    /// Records sharing an id with an earlier record.
    pub duplicates: Vec<ImportDuplicate>,
    /// How many of those were dropped as identical copies.
    pub dropped_duplicates: u64,
    /// Skips and repairs counted by issue, sorted by text.
    pub summary: Vec<ImportIssueCount>,
}

/// What `importMeetings` did.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingImport {
    /// The name the list was imported under.
    pub source: String,
    /// What changed in the store.
    pub counts: MeetingMergeCounts,
    /// What the importer skipped, repaired and de-duplicated.
    pub report: MeetingImportReport,
}

/// What importing a list would do, computed without writing (`previewMeetingImport`): show it,
/// then apply it with `importMeetings`, passing `replace = true` only when [`Self::needs_replace`]
/// and the person chose to replace the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingImportPreview {
    /// The name the list would be imported under.
    pub source: String,
    /// What applying would change in the store.
    pub counts: MeetingMergeCounts,
    /// What the importer skipped, repaired and de-duplicated.
    pub report: MeetingImportReport,
    /// Meetings the stored list has now (0 for a new list).
    pub listed_before: u64,
    /// Applying removes most of the stored list: `importMeetings` refuses it (`ReplaceNeeded`)
    /// unless `replace` is true.
    pub needs_replace: bool,
}

impl MeetingImportPreview {
    /// The FFI view of core's preview of an import under `source`.
    pub(crate) fn new(source: String, preview: &ImportPreview) -> Self {
        MeetingImportPreview {
            source,
            counts: preview.counts.into(),
            report: (&preview.report).into(),
            listed_before: count(preview.listed_before),
            needs_replace: preview.needs_replace,
        }
    }
}

/// A count as it crosses the FFI.
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl MeetingImport {
    /// The FFI view of a store import under `source`.
    pub(crate) fn new(source: String, outcome: &ImportOutcome) -> Self {
        MeetingImport {
            source,
            counts: outcome.counts.into(),
            report: (&outcome.report).into(),
        }
    }
}

impl From<core::MergeCounts> for MeetingMergeCounts {
    fn from(c: core::MergeCounts) -> Self {
        MeetingMergeCounts {
            added: count(c.added),
            updated: count(c.updated),
            unchanged: count(c.unchanged),
            vanished: count(c.vanished),
            vanished_kept: count(c.vanished_kept),
        }
    }
}

impl From<&core::ImportReport> for MeetingImportReport {
    fn from(r: &core::ImportReport) -> Self {
        MeetingImportReport {
            format: r.format.into(),
            records: count(r.records),
            kept: count(r.kept),
            skipped: r
                .skipped
                .iter()
                .map(|i| ImportRecordIssue::new(i, r.format))
                .collect(),
            repaired: r
                .repaired
                .iter()
                .map(|i| ImportRecordIssue::new(i, r.format))
                .collect(),
            repaired_records: count(r.repaired_records()),
            duplicates: r.duplicates.iter().map(Into::into).collect(),
            dropped_duplicates: count(r.dropped_duplicates()),
            summary: r
                .summary()
                .into_iter()
                .map(|(text, n)| ImportIssueCount {
                    text,
                    count: count(n),
                })
                .collect(),
        }
    }
}

impl ImportRecordIssue {
    /// The FFI view of an issue in a report of `format` (whose words its text uses).
    fn new(r: &core::RecordIssue, format: core::FeedFormat) -> Self {
        ImportRecordIssue {
            index: count(r.index),
            feed_id: r.id.clone(),
            issue: (&r.issue).into(),
            text: r.issue.text(format),
        }
    }
}

impl From<&Duplicate> for ImportDuplicate {
    fn from(d: &Duplicate) -> Self {
        ImportDuplicate {
            index: count(d.index),
            first_index: count(d.first_index),
            feed_id: d.id.clone(),
            resolution: match d.resolution {
                Resolution::KeyedByDay => DuplicateResolution::KeyedByDay,
                Resolution::DroppedIdentical => DuplicateResolution::DroppedIdentical,
                Resolution::KeptAsOccurrence { occurrence } => {
                    DuplicateResolution::KeptAsOccurrence { occurrence }
                }
            },
        }
    }
}

impl From<&core::Issue> for ImportIssue {
    fn from(i: &core::Issue) -> Self {
        use core::Issue as I;
        match i {
            I::NotAnObject => ImportIssue::NotAnObject,
            I::MissingId => ImportIssue::MissingId,
            I::MissingName => ImportIssue::MissingName,
            I::InvalidDay => ImportIssue::InvalidDay,
            I::InvalidTime => ImportIssue::InvalidTime,
            I::NumericId => ImportIssue::NumericId,
            I::DayAsText => ImportIssue::DayAsText,
            I::DayAsName => ImportIssue::DayAsName,
            I::DaySevenAsSunday => ImportIssue::DaySevenAsSunday,
            I::TwelveHourTime => ImportIssue::TwelveHourTime,
            I::LooseTime => ImportIssue::LooseTime,
            I::IncompleteSchedule => ImportIssue::IncompleteSchedule,
            I::UnsupportedSchedule { field } => ImportIssue::UnsupportedSchedule {
                field: (*field).to_owned(),
            },
            I::EndPastMidnight => ImportIssue::EndPastMidnight,
            I::EndTimeDropped => ImportIssue::EndTimeDropped,
            I::InvalidDuration => ImportIssue::InvalidDuration,
            I::UnknownTimeZone => ImportIssue::UnknownTimeZone,
            I::TypesAsText => ImportIssue::TypesAsText,
            I::TypeCodeCase => ImportIssue::TypeCodeCase,
            I::EmptyTypeDropped => ImportIssue::EmptyTypeDropped,
            I::UnresolvedFormat => ImportIssue::UnresolvedFormat,
            I::CoordinatesAsText => ImportIssue::CoordinatesAsText,
            I::InvalidCoordinatesDropped => ImportIssue::InvalidCoordinatesDropped,
            I::PlaceholderCoordinatesDropped => ImportIssue::PlaceholderCoordinatesDropped,
            I::InvalidConferenceUrl => ImportIssue::InvalidConferenceUrl,
            I::UnreadableUpdated => ImportIssue::UnreadableUpdated,
            I::UnknownVenueType => ImportIssue::UnknownVenueType,
            I::LegacyPromptValue { field } => ImportIssue::LegacyPromptValue {
                field: field.clone(),
            },
        }
    }
}
