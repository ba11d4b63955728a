//! Editing a counter: every change a person can make to a counter's settings (and its archived flag
//! and running clean date) as one [`CounterEdit`], applied as one change so a shell never spans two.
//!
//! An edit names only what the person changed; everything it leaves `None` stays as stored. Applied
//! through [`super::store::edit`] it is one vault transaction, so an edit from another device or
//! process of a different field is not lost.

use chrono::{NaiveDate, NaiveDateTime};

use super::counter::{Counter, CounterKind};
use super::counting::CountingMode;
use super::error::CleanTimeError;
use super::milestones::MilestoneProfile;
use super::money::Money;

/// The changes to one counter; `None` keeps what is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CounterEdit {
    /// A new name.
    pub label: Option<String>,
    /// What it counts.
    pub kind: Option<CounterKind>,
    /// Whether the clean date is day 0 or day 1.
    pub counting: Option<CountingMode>,
    /// Which milestones it celebrates (NA key tags, AA chips, the user's own list).
    pub profile: Option<MilestoneProfile>,
    /// The daily cost: `Some(None)` removes it.
    pub daily_cost: Option<Option<Money>>,
    /// The local date and time of last use: `Some(None)` removes it.
    pub last_use: Option<Option<NaiveDateTime>>,
    /// Whether reminders may name the counter.
    pub name_in_reminders: Option<bool>,
    /// A new clean date for the running attempt (an edit such as back-dating, not a relapse).
    pub start: Option<NaiveDate>,
    /// Archive (`true`) or restore (`false`); archiving keeps every attempt.
    pub archived: Option<bool>,
}

impl CounterEdit {
    /// Whether the edit changes nothing.
    pub fn is_empty(&self) -> bool {
        self == &CounterEdit::default()
    }
}

impl Counter {
    /// Applies `edit` after checking it as a whole; when it is refused the counter is unchanged.
    ///
    /// The clean date moves before the settings are checked, so a new last-use time is checked
    /// against the new clean date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use oneday_core::cleantime::{Counter, CounterEdit, CounterSettings};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut c = Counter::new(CounterSettings::new("Clean"), d(2024, 3, 1)).unwrap();
    /// c.apply(CounterEdit { label: Some("Sober".into()), start: Some(d(2024, 1, 1)), ..Default::default() })
    ///     .unwrap();
    /// assert_eq!((c.settings().label.as_str(), c.start()), ("Sober", Some(d(2024, 1, 1))));
    /// ```
    pub fn apply(&mut self, edit: CounterEdit) -> Result<(), CleanTimeError> {
        let mut settings = self.settings().clone();
        if let Some(label) = edit.label {
            settings.label = label;
        }
        if let Some(kind) = edit.kind {
            settings.kind = kind;
        }
        if let Some(counting) = edit.counting {
            settings.counting = counting;
        }
        if let Some(profile) = edit.profile {
            settings.profile = profile;
        }
        if let Some(daily_cost) = edit.daily_cost {
            settings.daily_cost = daily_cost;
        }
        if let Some(last_use) = edit.last_use {
            settings.last_use = last_use;
        }
        if let Some(named) = edit.name_in_reminders {
            settings.name_in_reminders = named;
        }
        self.replace_settings(settings, edit.start)?;
        if let Some(archived) = edit.archived {
            self.set_archived(archived);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cleantime::CounterSettings;
    use crate::test_support::d;

    fn counter() -> Counter {
        let mut settings = CounterSettings::new("Clean");
        settings.daily_cost = Some(Money::new(500, "EUR").unwrap());
        Counter::new(settings, d(2024, 3, 1)).unwrap()
    }

    #[test]
    fn an_edit_changes_only_what_it_names() {
        let mut c = counter();
        c.apply(CounterEdit {
            label: Some("Sober".into()),
            counting: Some(CountingMode::TodayIsDayOne),
            name_in_reminders: Some(true),
            archived: Some(true),
            ..Default::default()
        })
        .unwrap();
        let s = c.settings();
        assert_eq!(s.label, "Sober");
        assert_eq!(s.counting, CountingMode::TodayIsDayOne);
        assert!(s.name_in_reminders && c.is_archived());
        assert_eq!(s.daily_cost, Some(Money::new(500, "EUR").unwrap()));
        assert_eq!(c.start(), Some(d(2024, 3, 1)));
        c.apply(CounterEdit {
            daily_cost: Some(None),
            archived: Some(false),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.settings().daily_cost, None);
        assert!(!c.is_archived());
        assert!(CounterEdit::default().is_empty());
    }

    #[test]
    fn a_new_last_use_is_checked_against_the_new_clean_date() {
        let mut c = counter();
        let evening = |y, m, day| d(y, m, day).and_hms_opt(22, 0, 0).unwrap();
        c.apply(CounterEdit {
            last_use: Some(Some(evening(2024, 2, 28))),
            ..Default::default()
        })
        .unwrap();
        // Back-dating past the stored last use is fine when the last use moves back with it.
        c.apply(CounterEdit {
            start: Some(d(2024, 1, 1)),
            last_use: Some(Some(evening(2023, 12, 31))),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.start(), Some(d(2024, 1, 1)));
        // Without moving the last use, it is refused and nothing changes.
        let before = c.clone();
        assert!(matches!(
            c.apply(CounterEdit {
                label: Some("New".into()),
                start: Some(d(2023, 12, 1)),
                ..Default::default()
            }),
            Err(CleanTimeError::LastUseAfterStart { .. })
        ));
        assert_eq!(c, before);
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut c = counter();
        let before = c.clone();
        assert!(matches!(
            c.apply(CounterEdit {
                label: Some(" ".into()),
                archived: Some(true),
                ..Default::default()
            }),
            Err(CleanTimeError::EmptyName)
        ));
        assert_eq!(c, before);
        c.pause(d(2024, 3, 10), None).unwrap();
        let paused = c.clone();
        assert!(matches!(
            c.apply(CounterEdit {
                start: Some(d(2024, 3, 2)),
                ..Default::default()
            }),
            Err(CleanTimeError::NotRunning)
        ));
        assert_eq!(c, paused);
    }
}
