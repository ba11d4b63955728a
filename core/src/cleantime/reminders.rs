//! Milestone reminders for the shells to schedule as local notifications.
//!
//! A reminder is a civil date plus a local time plus neutral text. Nothing in the text names the
//! counter (which often names a substance) unless the user opted in for that counter, because a
//! notification can be seen by anyone near the phone.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::counter::Counter;
use super::error::CleanTimeError;
use super::store::StoredCounter;
use crate::vault::RecordId;

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

/// Which milestone reminders to gather: how far ahead and at what local time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderWindow {
    /// Milestones from today through today plus this many days.
    pub horizon_days: u32,
    /// The local time of day each reminder comes at.
    pub at: NaiveTime,
}

impl Default for ReminderWindow {
    /// The phones' schedule: the next 60 days, at 09:00 (the next opening of the app extends it).
    fn default() -> Self {
        ReminderWindow {
            horizon_days: 60,
            at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

/// A reminder with the counter it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CounterReminder {
    /// The counter's record id.
    pub counter_id: RecordId,
    /// The reminder.
    #[serde(flatten)]
    pub reminder: Reminder,
}

/// The reminders of every counter in `counters` within `window` from `today` (archived and paused
/// counters have none), sorted by date, then time, then the counters' order: the one order every
/// shell schedules them in.
pub fn across(
    counters: &[StoredCounter],
    today: NaiveDate,
    window: ReminderWindow,
) -> Result<Vec<CounterReminder>, CleanTimeError> {
    let mut all = Vec::new();
    for stored in counters {
        for reminder in stored
            .counter
            .upcoming_reminders(today, window.horizon_days, window.at)?
        {
            all.push(CounterReminder {
                counter_id: stored.id,
                reminder,
            });
        }
    }
    all.sort_by_key(|r| (r.reminder.date, r.reminder.time));
    Ok(all)
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
    fn across_counters_by_date_then_time() {
        let early = NaiveTime::from_hms_opt(7, 0, 0).unwrap();
        let stored = |label: &str, start| StoredCounter {
            id: RecordId::generate().unwrap(),
            counter: Counter::new(CounterSettings::new(label), start).unwrap(),
        };
        // "b" reaches 30 days on 2024-01-31, "a" its 60 days on 2024-03-01 and 30 days on 01-31.
        let counters = [stored("a", d(2024, 1, 1)), stored("b", d(2024, 1, 1))];
        let window = ReminderWindow {
            horizon_days: 45,
            at: early,
        };
        let all = across(&counters, d(2024, 1, 20), window).unwrap();
        let keys: Vec<_> = all
            .iter()
            .map(|r| (r.reminder.date, r.counter_id))
            .collect();
        assert_eq!(
            keys,
            [
                (d(2024, 1, 31), counters[0].id),
                (d(2024, 1, 31), counters[1].id),
                (d(2024, 3, 1), counters[0].id),
                (d(2024, 3, 1), counters[1].id),
            ]
        );
        assert!(all.iter().all(|r| r.reminder.time == early));
        assert_eq!(ReminderWindow::default().horizon_days, 60);
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
