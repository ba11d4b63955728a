//! The JSON documents of `oneday meetings ... --json` (schema in docs/cli-json.md). They only
//! reshape what the core computed.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use oneday_core::meetings::attendance::AttendanceCount;
use oneday_core::meetings::store::MeetingRecord;
use oneday_core::meetings::{
    AttendanceMode, ImportReport, Meeting, MeetingPlace, MeetingZone, MeetingsScreen, MergeCounts,
    ReminderChoice,
};
use serde::Serialize;

use crate::json::SCHEMA_VERSION;

/// `oneday meetings import --json`.
#[derive(Debug, Serialize)]
pub struct ImportDoc<'a> {
    schema_version: u32,
    source: &'a str,
    counts: MergeCounts,
    summary: BTreeMap<String, usize>,
    report: &'a ImportReport,
}

impl<'a> ImportDoc<'a> {
    /// The document for an import of `source`.
    pub fn new(source: &'a str, counts: MergeCounts, report: &'a ImportReport) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            source,
            counts,
            summary: report.summary(),
            report,
        }
    }
}

/// One meeting in `oneday meetings search --json`.
#[derive(Debug, Serialize)]
struct MeetingJson<'a> {
    id: String,
    key: String,
    saved: bool,
    note: Option<&'a str>,
    reminder: ReminderChoice,
    vanished_upstream: bool,
    attended: Vec<NaiveDate>,
    meeting: &'a Meeting,
}

impl<'a> MeetingJson<'a> {
    fn new(r: &'a MeetingRecord) -> Self {
        MeetingJson {
            id: r.id.to_string(),
            key: r.stored.meeting.key.to_string(),
            saved: r.stored.user.saved,
            note: r.stored.user.note.as_deref(),
            reminder: r.stored.user.reminder,
            vanished_upstream: r.stored.vanished_upstream,
            attended: r.stored.user.attended.iter().copied().collect(),
            meeting: &r.stored.meeting,
        }
    }
}

/// `oneday meetings search --json`.
#[derive(Debug, Serialize)]
pub struct SearchDoc<'a> {
    schema_version: u32,
    meetings: Vec<MeetingJson<'a>>,
}

impl<'a> SearchDoc<'a> {
    /// The document for the meetings `found`.
    pub fn new(found: &'a [MeetingRecord]) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            meetings: found.iter().map(MeetingJson::new).collect(),
        }
    }
}

/// One occurrence in `oneday meetings next --json`.
#[derive(Debug, Serialize)]
struct OccurrenceJson<'a> {
    id: String,
    key: String,
    name: &'a str,
    saved: bool,
    start: String,
    start_zone: &'static str,
    start_user: String,
    end: Option<String>,
    zone_from: &'static str,
    moved_by_dst_gap: bool,
    remind_at: Option<String>,
    attendance: AttendanceMode,
    vanished_upstream: bool,
    closed: bool,
    temporarily_closed: bool,
    place: &'a MeetingPlace,
}

/// A list whose meetings have no zone, in `oneday meetings next --json`.
#[derive(Debug, Serialize)]
struct ListWithoutZoneJson<'a> {
    list: &'a str,
    meetings: &'a [String],
}

/// `oneday meetings next --json`.
#[derive(Debug, Serialize)]
pub struct NextDoc<'a> {
    schema_version: u32,
    from: String,
    user_zone: &'static str,
    occurrences: Vec<OccurrenceJson<'a>>,
    lists_without_zone: Vec<ListWithoutZoneJson<'a>>,
    by_appointment: usize,
}

impl<'a> NextDoc<'a> {
    /// The document for the Meetings screen `found` from `from` in the user's `zone`.
    pub fn new(from: DateTime<Tz>, zone: Tz, found: &'a MeetingsScreen) -> Self {
        NextDoc {
            schema_version: SCHEMA_VERSION,
            from: from.to_rfc3339(),
            user_zone: zone.name(),
            occurrences: found
                .rows
                .iter()
                .map(|row| (row, &row.next))
                .map(|(row, o)| OccurrenceJson {
                    id: o.id.to_string(),
                    key: o.stored.meeting.key.to_string(),
                    name: &o.stored.meeting.name,
                    saved: o.stored.user.saved,
                    start: o.start.to_rfc3339(),
                    start_zone: o.start.timezone().name(),
                    start_user: o.start_user.to_rfc3339(),
                    end: o.end.map(|e| e.to_rfc3339()),
                    zone_from: match o.zone {
                        MeetingZone::Feed(_) => "feed",
                        MeetingZone::SourceDefault(_) => "source_default",
                        MeetingZone::Unknown => "unknown",
                    },
                    moved_by_dst_gap: o.moved_by_dst_gap,
                    remind_at: o.remind_at.map(|r| r.to_rfc3339()),
                    attendance: o.stored.meeting.attendance,
                    vanished_upstream: o.stored.vanished_upstream,
                    closed: row.closed,
                    temporarily_closed: row.temporarily_closed,
                    place: &row.place,
                })
                .collect(),
            lists_without_zone: found
                .lists_without_zone
                .iter()
                .map(|l| ListWithoutZoneJson {
                    list: &l.source,
                    meetings: &l.meetings,
                })
                .collect(),
            by_appointment: found.by_appointment,
        }
    }
}

/// `oneday meetings attendance --json`.
#[derive(Debug, Serialize)]
pub struct AttendanceDoc {
    schema_version: u32,
    as_of: NaiveDate,
    days: u32,
    count: AttendanceCount,
}

impl AttendanceDoc {
    /// The document for `count` over `days` days ending `as_of`.
    pub fn new(as_of: NaiveDate, days: u32, count: AttendanceCount) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            as_of,
            days,
            count,
        }
    }
}
