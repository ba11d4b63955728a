//! Clean time on a given day: the count, the period, milestones reached and the next one, money
//! saved. `today` is always the caller's local civil date; nothing here reads a clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::counting::CountingMode;
use super::error::CleanTimeError;
use super::milestones::{Milestone, MilestoneProfile};
use super::money::Money;
use super::period::Period;
use crate::date::{check_supported, days_between};

/// Whether the count is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountState {
    /// Counting: the clean date is today or earlier.
    Running,
    /// The clean date is still ahead: "starts in N days", never negative days.
    NotStarted,
    /// Paused or stopped without a relapse; no running count.
    Paused,
}

/// The milestone ahead, with how far there is to go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextMilestone {
    /// The milestone and its date.
    #[serde(flatten)]
    pub milestone: Milestone,
    /// Days from today until its date (at least 1).
    pub days_until: i64,
    /// How far from the previous milestone (or the clean date) to this one, from 0.0 up to below 1.0.
    pub progress: f64,
}

/// Clean time for one count on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanTime {
    /// The day this was computed for.
    pub today: NaiveDate,
    /// The clean date counted from (`None` when paused).
    pub start: Option<NaiveDate>,
    /// Running, not started or paused.
    pub state: CountState,
    /// Days until the clean date, when it is still ahead.
    pub starts_in_days: Option<i64>,
    /// Clean days: completed days, plus one when today counts as day one. 0 unless running.
    pub total_days: i64,
    /// The same as years, months and days (ISO-8601 period, `java.time.Period.between`).
    pub period: Period,
    /// Every milestone reached, oldest first.
    pub milestones_reached: Vec<Milestone>,
    /// The milestone ahead, if the profile has one.
    pub next_milestone: Option<NextMilestone>,
    /// Money not spent over the clean days, when a daily cost is set.
    pub money_saved: Option<Money>,
}

impl CleanTime {
    /// Computes clean time for a clean date `start` on the local date `today`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use oneday_core::cleantime::{CleanTime, CountingMode, MilestoneProfile};
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let ct = CleanTime::compute(d(2020, 2, 29), d(2025, 2, 28), CountingMode::CompletedDays,
    ///                             &MilestoneProfile::NaKeyTags, None).unwrap();
    /// assert_eq!(ct.total_days, 1826);
    /// assert_eq!((ct.period.years, ct.period.months, ct.period.days), (4, 11, 30));
    /// assert_eq!(ct.milestones_reached.last().unwrap().label, "5 years");
    /// assert_eq!(ct.next_milestone.unwrap().milestone.date, d(2026, 2, 28));
    /// ```
    pub fn compute(
        start: NaiveDate,
        today: NaiveDate,
        mode: CountingMode,
        profile: &MilestoneProfile,
        daily_cost: Option<&Money>,
    ) -> Result<CleanTime, CleanTimeError> {
        check_supported(start)?;
        check_supported(today)?;
        let mut schedule = profile.schedule(start, mode, today);
        let next = match schedule.last() {
            Some(last) if last.date > today => schedule.pop(),
            _ => None,
        };
        if today < start {
            let next_milestone = schedule
                .into_iter()
                .chain(next)
                .next()
                .map(|m| NextMilestone {
                    days_until: days_between(today, m.date),
                    progress: 0.0,
                    milestone: m,
                });
            return Ok(CleanTime {
                today,
                start: Some(start),
                state: CountState::NotStarted,
                starts_in_days: Some(days_between(today, start)),
                total_days: 0,
                period: Period::ZERO,
                milestones_reached: Vec::new(),
                next_milestone,
                money_saved: daily_cost.map(|c| c.times(0)).transpose()?,
            });
        }
        let total_days = mode.days(start, today);
        let previous = schedule.last().map_or(start, |m| m.date);
        let next_milestone = next.map(|m| {
            let span = days_between(previous, m.date).max(1);
            NextMilestone {
                days_until: days_between(today, m.date),
                progress: days_between(previous, today) as f64 / span as f64,
                milestone: m,
            }
        });
        Ok(CleanTime {
            today,
            start: Some(start),
            state: CountState::Running,
            starts_in_days: None,
            total_days,
            period: Period::between(start, mode.count_end(today)),
            milestones_reached: schedule,
            next_milestone,
            money_saved: daily_cost
                .map(|c| c.times(u64::try_from(total_days).unwrap_or(0)))
                .transpose()?,
        })
    }

    /// A paused count: nothing running, nothing reached, nothing ahead.
    pub(crate) fn paused(
        today: NaiveDate,
        daily_cost: Option<&Money>,
    ) -> Result<CleanTime, CleanTimeError> {
        Ok(CleanTime {
            today,
            start: None,
            state: CountState::Paused,
            starts_in_days: None,
            total_days: 0,
            period: Period::ZERO,
            milestones_reached: Vec::new(),
            next_milestone: None,
            money_saved: daily_cost.map(|c| c.times(0)).transpose()?,
        })
    }

    /// The latest milestone reached: the key tag or chip to show today.
    pub fn current_milestone(&self) -> Option<&Milestone> {
        self.milestones_reached.last()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    fn na(start: NaiveDate, today: NaiveDate, mode: CountingMode) -> CleanTime {
        CleanTime::compute(start, today, mode, &MilestoneProfile::NaKeyTags, None).unwrap()
    }

    #[test]
    fn leap_day_clean_date_five_years_on() {
        let ct = na(d(2020, 2, 29), d(2025, 2, 28), CountingMode::CompletedDays);
        assert_eq!(ct.state, CountState::Running);
        assert_eq!(ct.total_days, 1826);
        assert_eq!(
            ct.period,
            Period {
                years: 4,
                months: 11,
                days: 30
            }
        );
        let reached: Vec<_> = ct
            .milestones_reached
            .iter()
            .map(|m| m.label.as_str())
            .collect();
        assert_eq!(
            reached,
            [
                "Welcome",
                "30 days",
                "60 days",
                "90 days",
                "6 months",
                "9 months",
                "1 year",
                "18 months",
                "2 years",
                "3 years",
                "4 years",
                "5 years"
            ]
        );
        let next = ct.next_milestone.unwrap();
        assert_eq!(next.milestone.label, "6 years");
        assert_eq!(next.milestone.date, d(2026, 2, 28));
        assert_eq!(next.days_until, 365);
        assert_eq!(next.progress, 0.0);
    }

    #[test]
    fn day_zero_is_welcome_and_day_one_mode_counts_today() {
        let start = d(2024, 5, 1);
        let ct = na(start, start, CountingMode::CompletedDays);
        assert_eq!(ct.total_days, 0);
        assert_eq!(ct.current_milestone().unwrap().label, "Welcome");
        assert_eq!(ct.next_milestone.as_ref().unwrap().days_until, 30);
        let ct = na(start, start, CountingMode::TodayIsDayOne);
        assert_eq!(ct.total_days, 1);
        assert_eq!(
            ct.period,
            Period {
                years: 0,
                months: 0,
                days: 1
            }
        );
        assert_eq!(
            ct.next_milestone.as_ref().unwrap().milestone.date,
            d(2024, 5, 30)
        );
        assert_eq!(ct.next_milestone.unwrap().days_until, 29);
    }

    #[test]
    fn future_clean_date_starts_in_days() {
        let ct = na(d(2024, 5, 10), d(2024, 5, 7), CountingMode::CompletedDays);
        assert_eq!(ct.state, CountState::NotStarted);
        assert_eq!(ct.starts_in_days, Some(3));
        assert_eq!(ct.total_days, 0);
        assert!(ct.milestones_reached.is_empty());
        let next = ct.next_milestone.unwrap();
        assert_eq!(next.milestone.label, "Welcome");
        assert_eq!(next.days_until, 3);
    }

    #[test]
    fn progress_between_milestones() {
        // 45 days in: halfway from 30 (orange) to 60 (green).
        let ct = na(d(2024, 1, 1), d(2024, 2, 15), CountingMode::CompletedDays);
        assert_eq!(ct.total_days, 45);
        let next = ct.next_milestone.unwrap();
        assert_eq!(next.milestone.label, "60 days");
        assert!((next.progress - 0.5).abs() < 1e-12);
    }

    #[test]
    fn money_saved_is_exact() {
        let cost = Money::new(1250, "EUR").unwrap();
        let ct = CleanTime::compute(
            d(2024, 1, 1),
            d(2024, 1, 11),
            CountingMode::CompletedDays,
            &MilestoneProfile::NaKeyTags,
            Some(&cost),
        )
        .unwrap();
        assert_eq!(ct.money_saved.unwrap().to_string(), "125.00 EUR");
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        let r = CleanTime::compute(
            d(1800, 1, 1),
            d(2024, 1, 1),
            CountingMode::CompletedDays,
            &MilestoneProfile::NaKeyTags,
            None,
        );
        assert!(matches!(r, Err(CleanTimeError::Date(_))));
    }
}
