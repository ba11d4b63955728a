//! Clean time on a day: the stateless calculator [`clean_time`] and its result.
//!
//! Every rule is core's (`oneday_core::cleantime`): completed days by default (the clean date is
//! day 0), years/months/days as `java.time.Period.between`, milestone dates with month-end
//! clamping, "starts in N days" for a clean date ahead. `today` is always the shell's local date.

use oneday_core::cleantime as core;

use crate::dates::LocalDate;
use crate::errors::CleanTimeError;
use crate::money::Money;
use crate::profiles::{Milestone, MilestoneProfile};

/// Whether the clean date itself is day 0 or day 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CountingMode {
    /// Completed days: on the clean date the count is 0, the next day 1. The default.
    CompletedDays,
    /// Today counts as a day: on the clean date the count is 1.
    TodayIsDayOne,
}

/// Whether a count is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CountState {
    /// Counting: the clean date is today or earlier.
    Running,
    /// The clean date is still ahead: show "starts in N days", never negative days.
    NotStarted,
    /// Paused or stopped without a relapse.
    Paused,
}

/// Years, months and days (the ISO-8601 period, as `java.time.Period.between`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Period {
    /// Whole years.
    pub years: i32,
    /// Whole months beyond the years (0 to 11).
    pub months: i32,
    /// Days beyond the months.
    pub days: i32,
}

/// The milestone ahead and how far there is to go.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NextMilestone {
    /// The milestone and its date.
    pub milestone: Milestone,
    /// Days from today until its date (at least 1).
    pub days_until: i64,
    /// Progress from the previous milestone (or the clean date) to this one, 0.0 up to below 1.0.
    pub progress: f64,
}

/// Clean time for one count on one day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CleanTime {
    /// The day this was computed for.
    pub today: LocalDate,
    /// The clean date counted from (absent when paused).
    pub start: Option<LocalDate>,
    /// Running, not started or paused.
    pub state: CountState,
    /// Days until the clean date, when it is still ahead.
    pub starts_in_days: Option<i64>,
    /// Clean days (completed days, plus one when today counts as day one); 0 unless running.
    pub total_days: i64,
    /// The same as years, months and days.
    pub period: Period,
    /// Every milestone reached, oldest first.
    pub milestones_reached: Vec<Milestone>,
    /// The milestone ahead, if the profile has one.
    pub next_milestone: Option<NextMilestone>,
    /// Money not spent over the clean days, when a daily cost is given.
    pub money_saved: Option<Money>,
}

/// Computes clean time for the clean date `start` on the local date `today`, without a vault.
///
/// Throws `InvalidDate` for a date outside 1900..=2200 (or, from Swift, a malformed or impossible
/// date string) and `Validation` for a profile or cost that core refuses.
#[uniffi::export(default(counting = None, profile = None, daily_cost = None))]
pub fn clean_time(
    start: LocalDate,
    today: LocalDate,
    counting: Option<CountingMode>,
    profile: Option<MilestoneProfile>,
    daily_cost: Option<Money>,
) -> Result<CleanTime, CleanTimeError> {
    let profile: core::MilestoneProfile = profile.map(Into::into).unwrap_or_default();
    profile.validate()?;
    let daily_cost = daily_cost.map(core::Money::try_from).transpose()?;
    let mode = counting.map(Into::into).unwrap_or_default();
    Ok(core::CleanTime::compute(start, today, mode, &profile, daily_cost.as_ref())?.into())
}

impl From<CountingMode> for core::CountingMode {
    fn from(m: CountingMode) -> Self {
        match m {
            CountingMode::CompletedDays => core::CountingMode::CompletedDays,
            CountingMode::TodayIsDayOne => core::CountingMode::TodayIsDayOne,
        }
    }
}

impl From<core::CountingMode> for CountingMode {
    fn from(m: core::CountingMode) -> Self {
        match m {
            core::CountingMode::CompletedDays => CountingMode::CompletedDays,
            core::CountingMode::TodayIsDayOne => CountingMode::TodayIsDayOne,
        }
    }
}

impl From<core::CleanTime> for CleanTime {
    fn from(c: core::CleanTime) -> Self {
        CleanTime {
            today: c.today,
            start: c.start,
            state: match c.state {
                core::CountState::Running => CountState::Running,
                core::CountState::NotStarted => CountState::NotStarted,
                core::CountState::Paused => CountState::Paused,
            },
            starts_in_days: c.starts_in_days,
            total_days: c.total_days,
            period: Period {
                years: c.period.years,
                months: c.period.months,
                days: c.period.days,
            },
            milestones_reached: c.milestones_reached.into_iter().map(Into::into).collect(),
            next_milestone: c.next_milestone.map(|n| NextMilestone {
                milestone: n.milestone.into(),
                days_until: n.days_until,
                progress: n.progress,
            }),
            money_saved: c.money_saved.map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::dates::parse_date;

    #[test]
    fn the_calculator_is_core_s() {
        let ct = clean_time(
            parse_date("2020-02-29".into()).unwrap(),
            parse_date("2025-02-28".into()).unwrap(),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(ct.total_days, 1826);
        assert_eq!(
            (ct.period.years, ct.period.months, ct.period.days),
            (4, 11, 30)
        );
        assert_eq!(ct.milestones_reached.last().unwrap().label, "5 years");
    }
}
