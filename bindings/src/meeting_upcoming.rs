//! "Where is my next meeting?" and "how many have I been to?", as `nextMeetings` and
//! `meetingAttendance` answer them.
//!
//! Each occurrence is computed by core in the meeting's own zone (`oneday_core::meetings::next`): a
//! start in a DST gap moves forward (flagged), a start in a repeated hour takes the first. It is
//! given twice, in the meeting's zone and in the user's, each as a [`ZonedDateTime`]: the local
//! date-time to show, the zone's name and the instant (`java.time.Instant` / `Date`) to schedule.

use std::time::SystemTime;

use chrono::{DateTime, Offset};
use chrono_tz::Tz;
use oneday_core::meetings::attendance::AttendanceCount;
use oneday_core::meetings::store::{Upcoming, UpcomingMeeting as CoreUpcoming};
use oneday_core::meetings::upcoming as screen;

use crate::dates::{LocalDate, LocalDateTime};
use crate::meetings::{Meeting, MeetingZone};

/// An instant as seen in one zone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ZonedDateTime {
    /// The local date and time in `zone`.
    pub local: LocalDateTime,
    /// The IANA zone name.
    pub zone: String,
    /// The zone's offset from UTC at that instant, in seconds (east positive).
    pub utc_offset_seconds: i32,
    /// The instant.
    pub instant: SystemTime,
}

/// One upcoming occurrence of a stored meeting.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct UpcomingMeeting {
    /// The meeting (with its record id and the user's data).
    pub meeting: Meeting,
    /// The start in the meeting's zone.
    pub start: ZonedDateTime,
    /// The same instant in the user's zone.
    pub start_user: ZonedDateTime,
    /// The end in the meeting's zone, when the list gives an end or a duration.
    pub end: Option<ZonedDateTime>,
    /// The zone used and where it came from (the feed, or the user's choice for the list).
    pub zone: MeetingZone,
    /// The local start fell in a DST gap (the hour that does not exist) and was moved forward.
    pub moved_by_dst_gap: bool,
    /// When to remind the user, in the user's zone, from the reminder chosen on the meeting.
    pub remind_at: Option<ZonedDateTime>,
}

/// What `nextMeetings` found.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct UpcomingMeetings {
    /// The occurrences, soonest first.
    pub occurrences: Vec<UpcomingMeeting>,
    /// Keys of meetings that passed the filter but have no known zone: re-import their list with
    /// a default zone. They are never placed in UTC.
    pub zone_unknown: Vec<String>,
    /// How many meetings passed the filter but are by appointment (no day or time).
    pub by_appointment: u64,
}

/// Where a row of the Meetings screen says a meeting is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeetingPlace {
    /// At this address (the list's one-line address, else its place's name).
    Address {
        /// The address as the list gives it.
        address: String,
    },
    /// Online or by phone only.
    Online,
    /// The list says neither.
    Unknown,
}

/// One row of the Meetings screen: a meeting and when it is next (one row per meeting).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingsUpcomingRow {
    /// The meeting's next start, with the meeting and the user's data on it.
    pub next: UpcomingMeeting,
    /// A closed meeting (for those who share the problem): mark it as such.
    pub closed: bool,
    /// The place is closed for now and there is no online alternative.
    pub temporarily_closed: bool,
    /// Where it is.
    pub place: MeetingPlace,
}

/// A meeting list whose meetings cannot be placed on the clock until the user sets its zone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ListWithoutZone {
    /// The list's name (the name given when importing it).
    pub list_name: String,
    /// The names of its meetings that need the zone.
    pub meeting_names: Vec<String>,
}

/// The Meetings screen's data, as `meetingsUpcoming` gives it: everything the screen shows, in one call.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingsUpcoming {
    /// One row per meeting, soonest next start first.
    pub rows: Vec<MeetingsUpcomingRow>,
    /// Lists with meetings that name no zone (never placed in UTC): ask for their zone.
    pub lists_without_zone: Vec<ListWithoutZone>,
    /// How many meetings passed the filter but are by appointment (no day or time).
    pub by_appointment: u64,
}

impl From<&screen::MeetingsScreen> for MeetingsUpcoming {
    fn from(s: &screen::MeetingsScreen) -> Self {
        MeetingsUpcoming {
            rows: s
                .rows
                .iter()
                .map(|r| MeetingsUpcomingRow {
                    next: (&r.next).into(),
                    closed: r.closed,
                    temporarily_closed: r.temporarily_closed,
                    place: match &r.place {
                        screen::MeetingPlace::Address(a) => {
                            MeetingPlace::Address { address: a.clone() }
                        }
                        screen::MeetingPlace::Online => MeetingPlace::Online,
                        screen::MeetingPlace::Unknown => MeetingPlace::Unknown,
                    },
                })
                .collect(),
            lists_without_zone: s
                .lists_without_zone
                .iter()
                .map(|l| ListWithoutZone {
                    list_name: l.source.clone(),
                    meeting_names: l.meetings.clone(),
                })
                .collect(),
            by_appointment: count(s.by_appointment),
        }
    }
}

/// Attendance over a window of days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingAttendance {
    /// The first day of the window (not before 1900-01-01, the earliest date a mark can have).
    pub from: LocalDate,
    /// The last day of the window: today.
    pub to: LocalDate,
    /// Meetings attended (each meeting at most once a day; two meetings on one day count twice).
    pub meetings: u64,
    /// Distinct days with at least one meeting.
    pub days_with_a_meeting: u64,
}

/// A count as it crosses the FFI.
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl From<&DateTime<Tz>> for ZonedDateTime {
    fn from(t: &DateTime<Tz>) -> Self {
        ZonedDateTime {
            local: t.naive_local(),
            zone: t.timezone().name().to_owned(),
            utc_offset_seconds: t.offset().fix().local_minus_utc(),
            instant: SystemTime::from(*t),
        }
    }
}

impl From<&CoreUpcoming> for UpcomingMeeting {
    fn from(o: &CoreUpcoming) -> Self {
        UpcomingMeeting {
            meeting: Meeting::new(&o.id, &o.stored),
            start: (&o.start).into(),
            start_user: (&o.start_user).into(),
            end: o.end.as_ref().map(Into::into),
            zone: o.zone.into(),
            moved_by_dst_gap: o.moved_by_dst_gap,
            remind_at: o.remind_at.as_ref().map(Into::into),
        }
    }
}

impl From<&Upcoming> for UpcomingMeetings {
    fn from(u: &Upcoming) -> Self {
        UpcomingMeetings {
            occurrences: u.occurrences.iter().map(Into::into).collect(),
            zone_unknown: u.zone_unknown.iter().map(ToString::to_string).collect(),
            by_appointment: count(u.by_appointment),
        }
    }
}

impl From<AttendanceCount> for MeetingAttendance {
    /// Core's window may reach before the first supported date (a window of thousands of years);
    /// no mark can be earlier than that date, so it is shown as the start instead.
    fn from(c: AttendanceCount) -> Self {
        MeetingAttendance {
            from: c.from.max(oneday_core::date::EARLIEST),
            to: c.to,
            meetings: count(c.meetings),
            days_with_a_meeting: count(c.days_with_a_meeting),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_zoned_time_keeps_local_time_zone_and_instant() {
        let t = chrono_tz::America::New_York
            .with_ymd_and_hms(2024, 6, 7, 23, 0, 0)
            .unwrap();
        let z = ZonedDateTime::from(&t);
        assert_eq!(z.local.to_string(), "2024-06-07 23:00:00");
        assert_eq!(z.zone, "America/New_York");
        assert_eq!(z.utc_offset_seconds, -4 * 3600);
        let secs = z
            .instant
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert_eq!(secs, 1_717_815_600); // 2024-06-08T03:00:00Z
    }
}
