//! Turning a record's day(s), start, end and duration into a [`Schedule`], the same way for both
//! formats.
//!
//! The end-before-start rule: an end earlier than the start is read as the next day when the meeting
//! then lasts at most [`MAX_PAST_MIDNIGHT_MINUTES`] (23:00 → 00:00 is one hour); otherwise (San
//! José's 19:15 → 08:15 would be 13 hours) it is a data error and the end is dropped. Both are
//! reported. An end equal to the start is dropped too.

use chrono::{NaiveTime, Timelike, Weekday};

use super::report::Issue;
use super::values::TimeForm;
use super::RecordLog;
use crate::meetings::model::Schedule;

/// The longest a meeting whose end is before its start may run past midnight, in minutes (6 h).
pub const MAX_PAST_MIDNIGHT_MINUTES: u32 = 6 * 60;

/// What a record says about its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndSpec {
    /// Nothing.
    None,
    /// An end time.
    At(NaiveTime),
    /// A duration in minutes.
    Minutes(i64),
    /// Something unreadable.
    Unreadable,
}

/// Records the repair a time form needs (none for the format's own form).
pub(crate) fn note_time_form(form: TimeForm, native: TimeForm, log: &mut RecordLog) {
    if form == native {
        return;
    }
    match form {
        TimeForm::TwelveHour => log.repair(Issue::TwelveHourTime),
        TimeForm::Loose => log.repair(Issue::LooseTime),
        TimeForm::Hhmm | TimeForm::Hhmmss => {}
    }
}

/// The schedule of a record whose days and start were already read.
pub(crate) fn build(
    mut days: Vec<Weekday>,
    start: Option<NaiveTime>,
    end: EndSpec,
    log: &mut RecordLog,
) -> Schedule {
    let Some(start) = start else {
        if !days.is_empty() {
            log.repair(Issue::IncompleteSchedule);
        }
        return Schedule::ByAppointment;
    };
    if days.is_empty() {
        log.repair(Issue::IncompleteSchedule);
        return Schedule::ByAppointment;
    }
    days.sort_by_key(|d| d.num_days_from_sunday());
    days.dedup();
    let start_min = start.num_seconds_from_midnight() / 60;
    let duration_minutes = match end {
        EndSpec::None => None,
        EndSpec::Unreadable => {
            log.repair(Issue::EndTimeDropped);
            None
        }
        EndSpec::Minutes(m) => match u32::try_from(m) {
            Ok(m) if (1..=24 * 60).contains(&m) => Some(m),
            _ => {
                log.repair(Issue::InvalidDuration);
                None
            }
        },
        EndSpec::At(end) => {
            let end_min = end.num_seconds_from_midnight() / 60;
            if end_min > start_min {
                Some(end_min - start_min)
            } else {
                let wrapped = end_min + 24 * 60 - start_min;
                if end_min < start_min && wrapped <= MAX_PAST_MIDNIGHT_MINUTES {
                    log.repair(Issue::EndPastMidnight);
                    Some(wrapped)
                } else {
                    log.repair(Issue::EndTimeDropped);
                    None
                }
            }
        }
    };
    Schedule::Weekly {
        weekdays: days,
        start,
        duration_minutes,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn run(days: Vec<Weekday>, start: Option<NaiveTime>, end: EndSpec) -> (Schedule, Vec<Issue>) {
        let mut log = RecordLog::new(0);
        let s = build(days, start, end, &mut log);
        (s, log.into_repairs().into_iter().map(|r| r.issue).collect())
    }

    #[test]
    fn end_before_start() {
        let (s, i) = run(vec![Weekday::Sat], Some(t(23, 0)), EndSpec::At(t(0, 0)));
        assert_eq!(s.end(), Some(t(0, 0)));
        assert!(s.runs_past_midnight() || s.end() == Some(t(0, 0)));
        assert_eq!(i, [Issue::EndPastMidnight]);
        let (s, i) = run(vec![Weekday::Mon], Some(t(19, 15)), EndSpec::At(t(8, 15)));
        assert_eq!(s.end(), None);
        assert_eq!(i, [Issue::EndTimeDropped]);
        let (s, i) = run(vec![Weekday::Mon], Some(t(19, 15)), EndSpec::At(t(19, 15)));
        assert_eq!(s.end(), None);
        assert_eq!(i, [Issue::EndTimeDropped]);
    }

    #[test]
    fn appointment_and_days() {
        let (s, i) = run(vec![], None, EndSpec::None);
        assert_eq!(s, Schedule::ByAppointment);
        assert!(i.is_empty());
        let (s, i) = run(vec![Weekday::Mon], None, EndSpec::None);
        assert_eq!(s, Schedule::ByAppointment);
        assert_eq!(i, [Issue::IncompleteSchedule]);
        let (s, _) = run(
            vec![Weekday::Sat, Weekday::Sun, Weekday::Sat],
            Some(t(8, 0)),
            EndSpec::Minutes(60),
        );
        assert_eq!(s.weekdays(), [Weekday::Sun, Weekday::Sat]);
        assert_eq!(s.end(), Some(t(9, 0)));
        let (_, i) = run(vec![Weekday::Sat], Some(t(8, 0)), EndSpec::Minutes(0));
        assert_eq!(i, [Issue::InvalidDuration]);
    }
}
