//! How days are counted: the clean date as day 0 (completed days, the default) or "count today as
//! day 1". This is the one place that turns a clean date and today's date into a day count.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::span::Span;
use crate::date::days_between;

/// Whether the clean date itself is day 0 or day 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountingMode {
    /// Completed days: on the clean date the count is 0, the next day 1. The default.
    #[default]
    CompletedDays,
    /// Today counts as a day: on the clean date the count is 1.
    TodayIsDayOne,
}

impl CountingMode {
    /// The day after which the count is measured: `today` for completed days, `today + 1` when
    /// today counts. The period and total are measured from the clean date to this date.
    pub fn count_end(self, today: NaiveDate) -> NaiveDate {
        match self {
            CountingMode::CompletedDays => today,
            CountingMode::TodayIsDayOne => today.checked_add_days(Days::new(1)).unwrap_or(today),
        }
    }

    /// The day count on `today` for a clean date `start`; negative when the start is still ahead
    /// (callers turn that into "starts in N days", never show it).
    pub fn days(self, start: NaiveDate, today: NaiveDate) -> i64 {
        if today < start {
            return days_between(start, today);
        }
        days_between(start, self.count_end(today))
    }

    /// The date on which a milestone of `span` is reached: the first date whose count covers it.
    /// Completed days: start + span. Today is day one: one day earlier, never before the start.
    pub fn milestone_date(self, start: NaiveDate, span: Span) -> Option<NaiveDate> {
        let end = span.after(start)?;
        Some(match self {
            CountingMode::CompletedDays => end,
            CountingMode::TodayIsDayOne => {
                end.checked_sub_days(Days::new(1)).unwrap_or(end).max(start)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    #[test]
    fn the_clean_date_is_day_zero_by_default_and_day_one_on_request() {
        let start = d(2024, 3, 10);
        assert_eq!(CountingMode::CompletedDays.days(start, start), 0);
        assert_eq!(CountingMode::TodayIsDayOne.days(start, start), 1);
        assert_eq!(CountingMode::CompletedDays.days(start, d(2024, 3, 11)), 1);
        assert_eq!(CountingMode::TodayIsDayOne.days(start, d(2024, 3, 11)), 2);
    }

    #[test]
    fn future_starts_are_negative_in_both_modes() {
        let start = d(2024, 3, 10);
        assert_eq!(CountingMode::CompletedDays.days(start, d(2024, 3, 7)), -3);
        assert_eq!(CountingMode::TodayIsDayOne.days(start, d(2024, 3, 7)), -3);
    }

    #[test]
    fn milestone_dates_follow_the_count() {
        let start = d(2024, 1, 1);
        assert_eq!(
            CountingMode::CompletedDays.milestone_date(start, Span::Days(30)),
            Some(d(2024, 1, 31))
        );
        assert_eq!(
            CountingMode::TodayIsDayOne.milestone_date(start, Span::Days(30)),
            Some(d(2024, 1, 30))
        );
        assert_eq!(
            CountingMode::TodayIsDayOne.milestone_date(start, Span::Days(0)),
            Some(start)
        );
    }
}
