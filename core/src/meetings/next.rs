//! Upcoming occurrences: "where is my next meeting?"
//!
//! Each meeting's weekly time is local to the meeting's own zone. An occurrence is found on the
//! meeting's local calendar and then placed on the timeline with chrono-tz:
//! - a start inside a DST gap moves forward by the gap (02:30 on the US spring-forward day is
//!   03:30 local, the same instant as 02:30 in the offset before the gap, as RFC 5545 does);
//! - a start inside a fold (the repeated hour) takes the first occurrence;
//! - the end is the start plus the listed length in elapsed time, so a meeting lasts as long on a
//!   DST night as on any other, and its wall-clock end may differ from the list's end time by the
//!   shift (01:00–02:00 on a fall-back night ends at the second 01:00).
//!
//! A meeting with no zone uses the zone the user set for its source ([`SourceZones`]); without one
//! it is listed in [`NextOccurrences::zone_unknown`], never placed in UTC. Meetings by appointment
//! are counted, never placed. An occurrence is upcoming when it starts at or after `from`; a meeting
//! running past midnight belongs to the day it starts. Results carry the start in the meeting's
//! zone and in the user's zone (the zone of `from`), sorted by instant, then by key.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::filter::MeetingFilter;
use super::model::{Meeting, MeetingKey, MeetingZone, Schedule};

/// The zone the user chose for each source whose feed names no zone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceZones(BTreeMap<String, Tz>);

impl SourceZones {
    /// No zones chosen.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the zone for `source`.
    pub fn set(&mut self, source: impl Into<String>, zone: Tz) {
        self.0.insert(source.into(), zone);
    }

    /// The zone for `source`, if chosen.
    pub fn get(&self, source: &str) -> Option<Tz> {
        self.0.get(source).copied()
    }

    /// The zone a meeting's schedule is in: its own, else its source's.
    pub fn zone_of(&self, m: &Meeting) -> MeetingZone {
        match m.zone {
            MeetingZone::Unknown => self
                .get(&m.key.source)
                .map_or(MeetingZone::Unknown, MeetingZone::SourceDefault),
            z => z,
        }
    }
}

/// One upcoming occurrence of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The start in the meeting's zone.
    pub start: DateTime<Tz>,
    /// The same instant in the user's zone.
    pub start_user: DateTime<Tz>,
    /// The end in the meeting's zone, when the feed gave an end or duration.
    pub end: Option<DateTime<Tz>>,
    /// The zone used, and where it came from (the feed, or the user's choice for the source).
    pub zone: MeetingZone,
    /// The local start fell in a DST gap and was moved forward.
    pub moved_by_dst_gap: bool,
}

/// The answer of [`next`].
#[derive(Debug, Clone, PartialEq)]
pub struct NextOccurrences<'a> {
    /// Up to `count` occurrences, soonest first.
    pub occurrences: Vec<Occurrence<'a>>,
    /// Matching meetings left out because nobody said which zone they are in.
    pub zone_unknown: Vec<&'a MeetingKey>,
    /// Matching meetings by appointment (no day or time), never placed.
    pub by_appointment: usize,
}

/// How far ahead [`next`] looks, in weeks (a year covers any `count` over a weekly list).
pub const MAX_WEEKS: u64 = 53;

/// Places local `date` + `time` in `tz`: a gap moves forward, a fold takes the first. The boolean is
/// `true` when the time was in a gap.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime};
/// use chrono_tz::America::New_York;
/// use oneday_core::meetings::next::place;
/// let spring = NaiveDate::from_ymd_opt(2024, 3, 10).unwrap();
/// let (t, moved) = place(New_York, spring, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
/// assert!(moved);
/// assert_eq!(t.to_rfc3339(), "2024-03-10T03:30:00-04:00");
/// ```
pub fn place(tz: Tz, date: NaiveDate, time: NaiveTime) -> (DateTime<Tz>, bool) {
    let local = date.and_time(time);
    if let Some(t) = tz.from_local_datetime(&local).earliest() {
        return (t, false);
    }
    // In a gap: use the offset in force just before it (gaps are at most a few hours).
    let before = local - TimeDelta::hours(3);
    let offset = tz
        .from_local_datetime(&before)
        .earliest()
        .map_or(0, |t| chrono::Offset::fix(t.offset()).local_minus_utc());
    let utc = local - TimeDelta::seconds(i64::from(offset));
    (tz.from_utc_datetime(&utc), true)
}

/// Up to `count` upcoming occurrences (starting at or after `from`) of the meetings that pass
/// `filter`, soonest first. The user's zone is `from`'s zone.
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::{Europe::Berlin, America::New_York};
/// use oneday_core::meetings::{import::{meeting_guide, ImportOptions}, next, MeetingFilter, SourceZones};
/// let feed = br#"[{"slug":"a","name":"Noon","day":1,"time":"12:00","timezone":"America/New_York"}]"#;
/// let ms = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap().meetings;
/// let from = Berlin.with_ymd_and_hms(2024, 6, 3, 9, 0, 0).unwrap(); // a Monday
/// let n = next(&ms, from, 1, &MeetingFilter::default(), &SourceZones::new());
/// assert_eq!(n.occurrences[0].start.to_rfc3339(), "2024-06-03T12:00:00-04:00");
/// assert_eq!(n.occurrences[0].start_user.to_rfc3339(), "2024-06-03T18:00:00+02:00");
/// ```
pub fn next<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    from: DateTime<Tz>,
    count: usize,
    filter: &MeetingFilter,
    zones: &SourceZones,
) -> NextOccurrences<'a> {
    let from_utc = from.with_timezone(&Utc);
    let placed = Placed::new(meetings, from, filter, zones);
    let mut found: Vec<Occurrence<'a>> = Vec::new();
    if count > 0 && !placed.series.is_empty() {
        for week in 0..MAX_WEEKS {
            let series = placed.series.iter();
            found.extend(series.map(|s| s.occurrence(week, from.timezone())));
            // Later weeks start at least 7 days (less any DST shift) after `from` per week.
            let settled = from_utc + TimeDelta::days(7 * (week as i64 + 1)) - TimeDelta::hours(3);
            if found.iter().filter(|o| o.start < settled).count() >= count {
                break;
            }
        }
    }
    placed.answer(found, count)
}

/// Like [`next`], but one occurrence per meeting: each meeting's soonest upcoming start (however
/// many weekdays it meets on), up to `count` meetings, soonest first. What a list of "my meetings
/// and when each is next" shows, rather than one row per future week.
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Berlin;
/// use oneday_core::meetings::{import::{meeting_guide, ImportOptions}, next::next_each, MeetingFilter, SourceZones};
/// let feed = br#"[{"slug":"a","name":"Daily","day":[0,1,2,3,4,5,6],"time":"12:00","timezone":"Europe/Berlin"},
///                {"slug":"b","name":"Weekly","day":3,"time":"12:00","timezone":"Europe/Berlin"}]"#;
/// let ms = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap().meetings;
/// let from = Berlin.with_ymd_and_hms(2024, 6, 3, 9, 0, 0).unwrap(); // a Monday
/// let n = next_each(&ms, from, 10, &MeetingFilter::default(), &SourceZones::new());
/// let names: Vec<&str> = n.occurrences.iter().map(|o| o.meeting.name.as_str()).collect();
/// assert_eq!(names, ["Daily", "Weekly"]);
/// ```
pub fn next_each<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    from: DateTime<Tz>,
    count: usize,
    filter: &MeetingFilter,
    zones: &SourceZones,
) -> NextOccurrences<'a> {
    let placed = Placed::new(meetings, from, filter, zones);
    // Week 0 of every series is its first upcoming start; a meeting's soonest is the least of its
    // weekdays'. Series of one meeting are next to each other.
    let mut found: Vec<Occurrence<'a>> = Vec::new();
    for s in &placed.series {
        let o = s.occurrence(0, from.timezone());
        match found.last_mut() {
            Some(last) if std::ptr::eq(last.meeting, o.meeting) => {
                if o.start < last.start {
                    *last = o;
                }
            }
            _ => found.push(o),
        }
    }
    placed.answer(found, count)
}

/// The `count` soonest of `found`, sorted by instant, then by key.
fn soonest(mut found: Vec<Occurrence<'_>>, count: usize) -> Vec<Occurrence<'_>> {
    let order = |a: &Occurrence<'_>, b: &Occurrence<'_>| {
        a.start
            .cmp(&b.start)
            .then_with(|| a.meeting.key.cmp(&b.meeting.key))
    };
    if found.len() > count && count > 0 {
        found.select_nth_unstable_by(count - 1, order);
        found.truncate(count);
    }
    found.sort_by(order);
    found.truncate(count);
    found
}

/// The meetings that pass a filter, sorted into weekly series on the clock, the ones without a
/// zone, and a count of those by appointment.
struct Placed<'a> {
    series: Vec<Series<'a>>,
    zone_unknown: Vec<&'a MeetingKey>,
    by_appointment: usize,
}

impl<'a> Placed<'a> {
    fn new(
        meetings: impl IntoIterator<Item = &'a Meeting>,
        from: DateTime<Tz>,
        filter: &MeetingFilter,
        zones: &SourceZones,
    ) -> Self {
        let from_utc = from.with_timezone(&Utc);
        let mut zone_unknown = Vec::new();
        let mut by_appointment = 0;
        // (meeting, zone, weekday, start, first local date on or after `from`).
        let mut series: Vec<Series<'a>> = Vec::new();
        let mut local_today: Vec<(Tz, NaiveDate)> = Vec::new();
        for m in meetings {
            if !filter.matches(m) {
                continue;
            }
            let Schedule::Weekly {
                weekdays, start, ..
            } = &m.schedule
            else {
                by_appointment += 1;
                continue;
            };
            let zone = zones.zone_of(m);
            let Some(tz) = zone.tz() else {
                zone_unknown.push(&m.key);
                continue;
            };
            let today = match local_today.iter().find(|(z, _)| *z == tz) {
                Some((_, d)) => *d,
                None => {
                    let d = from_utc.with_timezone(&tz).date_naive();
                    local_today.push((tz, d));
                    d
                }
            };
            for &wd in weekdays {
                let mut date = next_weekday(today, wd);
                if place(tz, date, *start).0 < from_utc {
                    date = date + Days::new(7);
                }
                series.push(Series {
                    meeting: m,
                    zone,
                    tz,
                    start: *start,
                    first: date,
                });
            }
        }
        Self {
            series,
            zone_unknown,
            by_appointment,
        }
    }

    /// The answer: the `count` soonest of `found`, with the meetings that could not be placed.
    fn answer(self, found: Vec<Occurrence<'a>>, count: usize) -> NextOccurrences<'a> {
        NextOccurrences {
            occurrences: soonest(found, count),
            zone_unknown: self.zone_unknown,
            by_appointment: self.by_appointment,
        }
    }
}

struct Series<'a> {
    meeting: &'a Meeting,
    zone: MeetingZone,
    tz: Tz,
    start: NaiveTime,
    first: NaiveDate,
}

impl<'a> Series<'a> {
    /// The occurrence `week` weeks after the first, with its start also in `user_zone`.
    fn occurrence(&self, week: u64, user_zone: Tz) -> Occurrence<'a> {
        let date = self.first + Days::new(7 * week);
        let (start, moved) = place(self.tz, date, self.start);
        let end = self
            .meeting
            .schedule_minutes()
            .map(|m| start + TimeDelta::minutes(i64::from(m)));
        Occurrence {
            meeting: self.meeting,
            start_user: start.with_timezone(&user_zone),
            start,
            end,
            zone: self.zone,
            moved_by_dst_gap: moved,
        }
    }
}

/// The first date on or after `d` that is a `wd`.
fn next_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    d + Days::new(u64::from(ahead))
}

impl Meeting {
    fn schedule_minutes(&self) -> Option<u32> {
        match self.schedule {
            Schedule::Weekly {
                duration_minutes, ..
            } => duration_minutes,
            Schedule::ByAppointment => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::meetings::import::{meeting_guide, ImportOptions};
    use chrono_tz::{America, Asia, Europe};

    fn import(feed: &str) -> Vec<Meeting> {
        meeting_guide::import(feed.as_bytes(), &ImportOptions::new("s"))
            .unwrap()
            .meetings
    }

    fn starts(n: &NextOccurrences<'_>) -> Vec<String> {
        n.occurrences.iter().map(|o| o.start.to_rfc3339()).collect()
    }

    #[test]
    fn across_zones_from_berlin() {
        let ms = import(
            r#"[{"slug":"ny","name":"NY","day":2,"time":"19:00","timezone":"America/New_York"},
                {"slug":"in","name":"IN","day":2,"time":"19:00","timezone":"Asia/Kolkata"}]"#,
        );
        // Tuesday 2024-01-09 08:00 in Berlin.
        let from = Europe::Berlin
            .with_ymd_and_hms(2024, 1, 9, 8, 0, 0)
            .unwrap();
        let n = next(&ms, from, 2, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(
            starts(&n),
            ["2024-01-09T19:00:00+05:30", "2024-01-09T19:00:00-05:00"]
        );
        let user: Vec<String> = n
            .occurrences
            .iter()
            .map(|o| o.start_user.to_rfc3339())
            .collect();
        assert_eq!(
            user,
            ["2024-01-09T14:30:00+01:00", "2024-01-10T01:00:00+01:00"]
        );
        assert_eq!(n.occurrences[0].meeting.key.id, "in");
        // From 14:31 Berlin, Kolkata's has started: its next one is a week later.
        let from = Europe::Berlin
            .with_ymd_and_hms(2024, 1, 9, 14, 31, 0)
            .unwrap();
        let n = next(&ms, from, 2, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(
            starts(&n),
            ["2024-01-09T19:00:00-05:00", "2024-01-16T19:00:00+05:30"]
        );
        let _ = Asia::Kolkata;
    }

    #[test]
    fn spring_forward_gap_moves_forward() {
        let ms = import(
            r#"[{"slug":"g","name":"G","day":0,"time":"02:30","end_time":"03:30","timezone":"America/New_York"}]"#,
        );
        let from = America::New_York
            .with_ymd_and_hms(2024, 3, 9, 12, 0, 0)
            .unwrap();
        let n = next(&ms, from, 2, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(
            starts(&n),
            ["2024-03-10T03:30:00-04:00", "2024-03-17T02:30:00-04:00"]
        );
        assert!(n.occurrences[0].moved_by_dst_gap);
        assert!(!n.occurrences[1].moved_by_dst_gap);
        assert_eq!(
            n.occurrences[0].end.unwrap().to_rfc3339(),
            "2024-03-10T04:30:00-04:00"
        );
    }

    #[test]
    fn the_end_is_the_start_plus_the_listed_length_on_dst_nights() {
        let ms = import(
            r#"[{"slug":"s","name":"S","day":0,"time":"01:30","end_time":"02:30","timezone":"America/New_York"},
                {"slug":"f","name":"F","day":0,"time":"01:00","end_time":"02:00","timezone":"America/New_York"}]"#,
        );
        let ends = |from: DateTime<Tz>, slug: &str| {
            let n = next(&ms, from, 2, &MeetingFilter::default(), &SourceZones::new());
            let o = n
                .occurrences
                .iter()
                .find(|o| o.meeting.key.id == slug)
                .unwrap();
            (o.start.to_rfc3339(), o.end.unwrap().to_rfc3339())
        };
        let spring = America::New_York
            .with_ymd_and_hms(2024, 3, 9, 12, 0, 0)
            .unwrap();
        assert_eq!(
            ends(spring, "s"),
            (
                "2024-03-10T01:30:00-05:00".into(),
                "2024-03-10T03:30:00-04:00".into()
            )
        );
        let autumn = America::New_York
            .with_ymd_and_hms(2024, 11, 2, 12, 0, 0)
            .unwrap();
        assert_eq!(
            ends(autumn, "f"),
            (
                "2024-11-03T01:00:00-04:00".into(),
                "2024-11-03T01:00:00-05:00".into()
            )
        );
    }

    #[test]
    fn fall_back_fold_takes_first() {
        let ms = import(
            r#"[{"slug":"f","name":"F","day":0,"time":"01:30","timezone":"America/New_York"}]"#,
        );
        let from = America::New_York
            .with_ymd_and_hms(2024, 11, 2, 12, 0, 0)
            .unwrap();
        let n = next(&ms, from, 1, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(starts(&n), ["2024-11-03T01:30:00-04:00"]);
        // Seen from the second 01:00 (EST), the first 01:30 has passed: next week.
        let from = Utc
            .with_ymd_and_hms(2024, 11, 3, 6, 0, 0)
            .unwrap()
            .with_timezone(&America::New_York);
        let n = next(&ms, from, 1, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(starts(&n), ["2024-11-10T01:30:00-05:00"]);
    }

    #[test]
    fn week_wraps_saturday_to_sunday_and_past_midnight() {
        let ms = import(
            r#"[{"slug":"sun","name":"Sun","day":0,"time":"08:00","timezone":"Europe/Berlin"},
                {"slug":"sat","name":"Sat","day":6,"time":"23:30","end_time":"00:30","timezone":"Europe/Berlin"}]"#,
        );
        // Saturday 2024-06-08 23:45: the Saturday meeting is under way (not upcoming).
        let from = Europe::Berlin
            .with_ymd_and_hms(2024, 6, 8, 23, 45, 0)
            .unwrap();
        let n = next(&ms, from, 3, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(
            starts(&n),
            [
                "2024-06-09T08:00:00+02:00",
                "2024-06-15T23:30:00+02:00",
                "2024-06-16T08:00:00+02:00"
            ]
        );
        assert_eq!(
            n.occurrences[1].end.unwrap().to_rfc3339(),
            "2024-06-16T00:30:00+02:00"
        );
    }

    #[test]
    fn unknown_zone_and_appointments() {
        let ms =
            import(r#"[{"slug":"u","name":"U","day":1,"time":"10:00"},{"slug":"a","name":"A"}]"#);
        let from = Europe::Berlin
            .with_ymd_and_hms(2024, 6, 3, 8, 0, 0)
            .unwrap();
        let n = next(&ms, from, 5, &MeetingFilter::default(), &SourceZones::new());
        assert!(n.occurrences.is_empty());
        assert_eq!(n.zone_unknown.len(), 1);
        assert_eq!(n.by_appointment, 1);
        let mut z = SourceZones::new();
        z.set("s", America::Chicago);
        let n = next(&ms, from, 2, &MeetingFilter::default(), &z);
        assert_eq!(
            starts(&n),
            ["2024-06-03T10:00:00-05:00", "2024-06-10T10:00:00-05:00"]
        );
        assert_eq!(
            n.occurrences[0].zone,
            MeetingZone::SourceDefault(America::Chicago)
        );
        assert!(next(&ms, from, 0, &MeetingFilter::default(), &z)
            .occurrences
            .is_empty());
    }

    #[test]
    fn many_occurrences_span_weeks_in_order() {
        let ms = import(
            r#"[{"slug":"m","name":"M","day":[1,4],"time":"18:00","timezone":"Europe/Berlin"}]"#,
        );
        let from = Europe::Berlin
            .with_ymd_and_hms(2024, 6, 3, 8, 0, 0)
            .unwrap();
        let n = next(&ms, from, 5, &MeetingFilter::default(), &SourceZones::new());
        assert_eq!(
            starts(&n),
            [
                "2024-06-03T18:00:00+02:00",
                "2024-06-06T18:00:00+02:00",
                "2024-06-10T18:00:00+02:00",
                "2024-06-13T18:00:00+02:00",
                "2024-06-17T18:00:00+02:00"
            ]
        );
    }
}
