//! The attendance log: "I went to a meeting today", and counts such as 90 meetings in 90 days.
//!
//! Attendance is a set of civil dates per meeting ([`MeetingUserData::attended`]), so marking the same
//! meeting twice on one day counts once. Two different meetings on the same day count twice (two
//! meetings attended). A window of `n` days ending `today` covers `today - (n - 1)` through `today`
//! inclusive; "90 in 90" is [`count_in_window`] with `days = 90`.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::model::MeetingUserData;

impl MeetingUserData {
    /// Marks the meeting attended on `date`; `false` when it was already marked that day.
    pub fn mark_attended(&mut self, date: NaiveDate) -> bool {
        self.attended.insert(date)
    }

    /// Removes a mark; `false` when there was none.
    pub fn unmark_attended(&mut self, date: NaiveDate) -> bool {
        self.attended.remove(&date)
    }
}

/// Attendance over a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AttendanceCount {
    /// First day of the window.
    pub from: NaiveDate,
    /// Last day of the window (`today`).
    pub to: NaiveDate,
    /// Meetings attended (each meeting at most once per day).
    pub meetings: usize,
    /// Distinct days with at least one meeting.
    pub days_with_a_meeting: usize,
}

/// Counts attendance over the `days` days ending `today` across the given meetings' user data.
/// `days == 0` is an empty window.
///
/// ```
/// use chrono::NaiveDate;
/// use oneday_core::meetings::{attendance::count_in_window, MeetingUserData};
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let (mut a, mut b) = (MeetingUserData::default(), MeetingUserData::default());
/// a.mark_attended(d(3, 1));
/// assert!(!a.mark_attended(d(3, 1))); // same meeting, same day: once
/// b.mark_attended(d(3, 1));
/// b.mark_attended(d(1, 1)); // outside the window
/// let c = count_in_window([&a, &b], d(3, 30), 30);
/// assert_eq!((c.meetings, c.days_with_a_meeting), (2, 1));
/// ```
pub fn count_in_window<'a>(
    users: impl IntoIterator<Item = &'a MeetingUserData>,
    today: NaiveDate,
    days: u32,
) -> AttendanceCount {
    let from = today
        .checked_sub_days(Days::new(u64::from(days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MIN);
    let mut meetings = 0;
    let mut dates = std::collections::BTreeSet::new();
    if days > 0 {
        for u in users {
            for d in u.attended.range(from..=today) {
                meetings += 1;
                dates.insert(*d);
            }
        }
    }
    AttendanceCount {
        from,
        to: today,
        meetings,
        days_with_a_meeting: dates.len(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    #[test]
    fn ninety_in_ninety() {
        let mut u = MeetingUserData::default();
        let today = d(2024, 3, 31);
        for i in 0..100 {
            u.mark_attended(today - Days::new(i));
        }
        let c = count_in_window([&u], today, 90);
        assert_eq!(c.from, d(2024, 1, 2));
        assert_eq!((c.meetings, c.days_with_a_meeting), (90, 90));
        assert_eq!(count_in_window([&u], today, 1).meetings, 1);
        assert_eq!(count_in_window([&u], today, 0).meetings, 0);
        assert!(u.unmark_attended(today));
        assert!(!u.unmark_attended(today));
        assert_eq!(count_in_window([&u], today, 90).meetings, 89);
        // Future marks are outside a window ending today.
        u.mark_attended(d(2024, 4, 2));
        assert_eq!(count_in_window([&u], today, 90).meetings, 89);
    }
}
