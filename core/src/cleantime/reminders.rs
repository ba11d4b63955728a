//! Milestone reminders for the shells to schedule as local notifications.
//!
//! A reminder is a civil date plus a local time plus neutral text. Nothing in the text names the
//! counter (which often names a substance) unless the user opted in for that counter, because a
//! notification can be seen by anyone near the phone.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::counter::Counter;
use super::error::CleanTimeError;

/// The neutral title every reminder carries.
pub const NEUTRAL_TITLE: &str = "One Day";

/// The neutral body of a reminder for a counter that did not opt in to being named.
pub const NEUTRAL_BODY: &str = "A milestone today. Open One Day to see it.";

/// A notification for the shell to schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// The local civil date to show it on.
    pub date: NaiveDate,
    /// The local time of day to show it at.
    pub time: NaiveTime,
    /// The notification title.
    pub title: String,
    /// The notification text: neutral unless the counter opted in to being named.
    pub body: String,
}

impl Counter {
    /// Reminders for the milestones this counter reaches from `today` through `today + horizon_days`,
    /// each at the local time `at`. None for an archived or paused counter.
    ///
    /// ```
    /// use chrono::{NaiveDate, NaiveTime};
    /// use oneday_core::cleantime::{Counter, CounterSettings, reminders::NEUTRAL_BODY};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let c = Counter::new(CounterSettings::new("Alcohol"), d(2024, 1, 1)).unwrap();
    /// let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    /// let r = c.upcoming_reminders(d(2024, 1, 20), 45, nine).unwrap();
    /// assert_eq!(r.iter().map(|r| r.date).collect::<Vec<_>>(), [d(2024, 1, 31), d(2024, 3, 1)]);
    /// assert_eq!(r[0].body, NEUTRAL_BODY);
    /// ```
    pub fn upcoming_reminders(
        &self,
        today: NaiveDate,
        horizon_days: u32,
        at: NaiveTime,
    ) -> Result<Vec<Reminder>, CleanTimeError> {
        let Some(start) = self.start() else {
            return Ok(Vec::new());
        };
        if self.is_archived() {
            return Ok(Vec::new());
        }
        let until = today
            .checked_add_days(Days::new(u64::from(horizon_days)))
            .unwrap_or(today);
        let settings = self.settings();
        Ok(settings
            .profile
            .schedule(start, settings.counting, until)
            .into_iter()
            .filter(|m| m.date >= today && m.date <= until)
            .map(|m| Reminder {
                date: m.date,
                time: at,
                title: NEUTRAL_TITLE.to_owned(),
                body: if settings.name_in_reminders {
                    format!("{}: {} today.", settings.label, m.label)
                } else {
                    NEUTRAL_BODY.to_owned()
                },
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cleantime::CounterSettings;
    use crate::test_support::d;

    #[test]
    fn names_the_counter_only_when_it_opted_in() {
        let at = NaiveTime::from_hms_opt(8, 30, 0).unwrap();
        let mut settings = CounterSettings::new("Heroin");
        let c = Counter::new(settings.clone(), d(2024, 1, 1)).unwrap();
        for r in c.upcoming_reminders(d(2024, 1, 1), 400, at).unwrap() {
            assert!(!r.body.contains("Heroin") && !r.title.contains("Heroin"));
            assert_eq!(r.time, at);
        }
        settings.name_in_reminders = true;
        let c = Counter::new(settings, d(2024, 1, 1)).unwrap();
        let r = c.upcoming_reminders(d(2024, 1, 2), 30, at).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].body, "Heroin: 30 days today.");
    }

    #[test]
    fn today_is_included_and_paused_or_archived_get_none() {
        let at = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let mut c = Counter::new(CounterSettings::new("x"), d(2024, 1, 1)).unwrap();
        assert_eq!(
            c.upcoming_reminders(d(2024, 1, 31), 0, at).unwrap().len(),
            1
        );
        c.set_archived(true);
        assert!(c
            .upcoming_reminders(d(2024, 1, 31), 10, at)
            .unwrap()
            .is_empty());
        c.set_archived(false);
        c.pause(d(2024, 1, 15), None).unwrap();
        assert!(c
            .upcoming_reminders(d(2024, 1, 20), 100, at)
            .unwrap()
            .is_empty());
    }
}
