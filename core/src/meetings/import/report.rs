//! The import report: what was kept, skipped, repaired, and how duplicates were resolved.
//!
//! Every entry names a record by its position in the feed (0-based) and its feed id (slug or
//! `id_bigint`) when it has one, never by its contents: the report may be shown, logged or exported.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::meetings::model::FeedFormat;

/// What was wrong with a record (and for a repair, what was done about it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Issue {
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
    /// Repaired: the id was a number (leading zeros may have been lost upstream); kept as text.
    NumericId,
    /// Repaired: the day was text (`"1"`); read as the number.
    DayAsText,
    /// Repaired: the day was an English weekday name.
    DayAsName,
    /// Repaired: day `7`, outside Meeting Guide's 0–6, read as Sunday (ISO numbering).
    DaySevenAsSunday,
    /// Repaired: a 12-hour time (`8:00 PM`) read as 24 h.
    TwelveHourTime,
    /// Repaired: a time without its leading zero (`8:00`) or `24:00`.
    LooseTime,
    /// Repaired: a day without a time or a time without a day; kept as "by appointment".
    IncompleteSchedule,
    /// Repaired: no `day`/`time`, only another schedule field (such as OIAA's `rtc`, the next
    /// occurrence in UTC) that is not read; kept as "by appointment".
    UnsupportedSchedule {
        /// The field present.
        field: &'static str,
    },
    /// Repaired: the end is before the start and within six hours after midnight; read as running
    /// past midnight.
    EndPastMidnight,
    /// Repaired: the end time was unreadable, equal to the start, or before the start by more than
    /// six hours' worth of night (a data error); the end was dropped.
    EndTimeDropped,
    /// Repaired: a duration that is not 1 minute to 24 hours was dropped.
    InvalidDuration,
    /// Repaired: the time zone is not an IANA name; the source's zone (or "unknown") is used.
    UnknownTimeZone,
    /// Repaired: types given as a string (`"C"`, `"[open]"`) rather than an array.
    TypesAsText,
    /// Repaired: a type code in the wrong case (`onl`) was upper-cased.
    TypeCodeCase,
    /// Repaired: an empty type code was dropped.
    EmptyTypeDropped,
    /// Repaired: a BMLT format key or id not in the formats list; kept as a code without a label.
    UnresolvedFormat,
    /// Repaired: coordinates given as text were read as numbers.
    CoordinatesAsText,
    /// Repaired: coordinates out of range, half-given or (0, 0) were dropped.
    InvalidCoordinatesDropped,
    /// Repaired: placeholder coordinates on a meeting with no place (virtual, or BMLT's stock map
    /// centre) were dropped, so it is not shown as a place.
    PlaceholderCoordinatesDropped,
    /// Repaired: a conference URL that is not http(s) was dropped.
    InvalidConferenceUrl,
    /// Repaired: a last-update stamp in an unknown form was dropped.
    UnreadableUpdated,
    /// Repaired: an unknown BMLT `venue_type`; the attendance mode was derived from the formats.
    UnknownVenueType,
    /// Repaired: a legacy BMLT `Prompt#@-@#value`; the prompt was removed.
    LegacyPromptValue {
        /// The field.
        field: String,
    },
}

impl Issue {
    /// The issue for a person, in the words of `format`: a BMLT report speaks of `id_bigint`, the
    /// weekday and the start time, a Meeting Guide one of the slug, the day and the time.
    ///
    /// ```
    /// use oneday_core::meetings::{FeedFormat, Issue};
    /// assert_eq!(Issue::MissingId.text(FeedFormat::MeetingGuide), "no slug");
    /// assert_eq!(Issue::MissingId.text(FeedFormat::Bmlt), "no id_bigint");
    /// ```
    pub fn text(&self, format: FeedFormat) -> String {
        let bmlt = format == FeedFormat::Bmlt;
        let s = match self {
            Self::NotAnObject => "not a JSON object",
            Self::MissingId if bmlt => "no id_bigint",
            Self::MissingId => "no slug",
            Self::MissingName => "no name",
            Self::InvalidDay if bmlt => "weekday is not 1 to 7",
            Self::InvalidDay => "day is not a weekday",
            Self::InvalidTime => "start time is not a time of day",
            Self::NumericId => "id was a number",
            Self::DayAsText => "day was text",
            Self::DayAsName => "day was a weekday name",
            Self::DaySevenAsSunday => "day 7 read as Sunday",
            Self::TwelveHourTime => "12-hour time read as 24 h",
            Self::LooseTime => "time without leading zero",
            Self::IncompleteSchedule if bmlt => "no weekday or start time: by appointment",
            Self::IncompleteSchedule => "day without time (or time without day): by appointment",
            Self::UnsupportedSchedule { field } => {
                return format!("only `{field}` given for the schedule: by appointment")
            }
            Self::EndPastMidnight => "end before start: runs past midnight",
            Self::EndTimeDropped => "end time unusable: dropped",
            Self::InvalidDuration => "duration unusable: dropped",
            Self::UnknownTimeZone => "time zone not recognised",
            Self::TypesAsText => "types given as text",
            Self::TypeCodeCase => "type code case corrected",
            Self::EmptyTypeDropped => "empty type dropped",
            Self::UnresolvedFormat => "format not in the formats list",
            Self::CoordinatesAsText => "coordinates given as text",
            Self::InvalidCoordinatesDropped => "invalid coordinates dropped",
            Self::PlaceholderCoordinatesDropped => "placeholder coordinates dropped",
            Self::InvalidConferenceUrl => "conference link is not a web address: dropped",
            Self::UnreadableUpdated => "last-update stamp unreadable",
            Self::UnknownVenueType => "venue type unknown",
            Self::LegacyPromptValue { field } => {
                return format!("legacy prompt removed from `{field}`")
            }
        };
        s.to_owned()
    }
}

/// One issue with one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordIssue {
    /// The record's 0-based position in the feed's list.
    pub index: usize,
    /// The record's feed id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What was wrong.
    pub issue: Issue,
}

/// How a repeated feed id was resolved. Resolution is deterministic: it depends only on the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resolution {
    /// Records with this id are on different days: each is keyed by id and day.
    KeyedByDay,
    /// The same meeting listed again (identical after normalising): the later copy was dropped.
    DroppedIdentical,
    /// A different meeting with the same id and day: kept, keyed with this occurrence number in feed
    /// order (2 for the second).
    KeptAsOccurrence {
        /// The occurrence number.
        occurrence: u32,
    },
}

/// One record whose feed id was already used by an earlier record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The record's 0-based position.
    pub index: usize,
    /// The position of the first record with the same id.
    pub first_index: usize,
    /// The shared feed id.
    pub id: String,
    /// What was done.
    pub resolution: Resolution,
}

/// The outcome of an import, alongside the meetings kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The format read.
    pub format: FeedFormat,
    /// Records in the feed's list.
    pub records: usize,
    /// Meetings kept.
    pub kept: usize,
    /// Records skipped, one entry each.
    pub skipped: Vec<RecordIssue>,
    /// Repairs made to kept records (a record can have several).
    pub repaired: Vec<RecordIssue>,
    /// Records sharing an id with an earlier record.
    pub duplicates: Vec<Duplicate>,
}

impl ImportReport {
    pub(crate) fn new(format: FeedFormat, records: usize) -> Self {
        Self {
            format,
            records,
            kept: 0,
            skipped: Vec::new(),
            repaired: Vec::new(),
            duplicates: Vec::new(),
        }
    }

    /// How many distinct kept records were repaired at least once.
    pub fn repaired_records(&self) -> usize {
        self.repaired
            .iter()
            .map(|r| r.index)
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// How many records were dropped as identical copies of an earlier one.
    pub fn dropped_duplicates(&self) -> usize {
        self.duplicates
            .iter()
            .filter(|d| d.resolution == Resolution::DroppedIdentical)
            .count()
    }

    /// Skips and repairs counted by issue, in the words of the report's format, for a one-screen
    /// summary: one entry per kind of issue however many records had it.
    pub fn summary(&self) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for r in self.skipped.iter() {
            let text = format!("skipped: {}", r.issue.text(self.format));
            *m.entry(text).or_insert(0) += 1;
        }
        for r in self.repaired.iter() {
            let text = format!("repaired: {}", r.issue.text(self.format));
            *m.entry(text).or_insert(0) += 1;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let mut r = ImportReport::new(FeedFormat::Bmlt, 3);
        r.repaired.push(RecordIssue {
            index: 1,
            id: None,
            issue: Issue::DayAsText,
        });
        r.repaired.push(RecordIssue {
            index: 1,
            id: None,
            issue: Issue::LooseTime,
        });
        r.skipped.push(RecordIssue {
            index: 2,
            id: None,
            issue: Issue::MissingId,
        });
        r.skipped.push(RecordIssue {
            index: 3,
            id: None,
            issue: Issue::MissingId,
        });
        assert_eq!(r.repaired_records(), 1);
        assert_eq!(r.summary().get("skipped: no id_bigint"), Some(&2));
        assert_eq!(r.summary().len(), 3);
        assert_eq!(
            Issue::LegacyPromptValue {
                field: "public_transport".into()
            }
            .text(FeedFormat::Bmlt),
            "legacy prompt removed from `public_transport`"
        );
    }
}
