//! A span of calendar time (N days, N months or N years) and how it is added to a clean date.
//!
//! Day spans are plain calendar days. Month and year spans are calendar months counted from the clean
//! date itself (never chained from the previous milestone), clamped to the end of the month:
//! Jan 31 + 1 month = Feb 28 (29 in a leap year); Feb 29 + 1 year = Feb 28; Feb 29 + 4 years = Feb 29.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A span of calendar time that a milestone is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "unit", content = "count")]
pub enum Span {
    /// N calendar days.
    Days(u32),
    /// N calendar months, clamped to the month's end.
    Months(u32),
    /// N calendar years (12 N months), clamped to the month's end.
    Years(u32),
}

impl Span {
    /// The date this span after `start`, or `None` beyond the calendar's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use oneday_core::cleantime::Span;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Span::Months(1).after(d(2024, 1, 31)), Some(d(2024, 2, 29)));
    /// assert_eq!(Span::Years(1).after(d(2020, 2, 29)), Some(d(2021, 2, 28)));
    /// assert_eq!(Span::Days(30).after(d(2024, 1, 31)), Some(d(2024, 3, 1)));
    /// ```
    pub fn after(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => start.checked_add_days(Days::new(u64::from(n))),
            Span::Months(n) => start.checked_add_months(Months::new(n)),
            Span::Years(n) => start.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// The usual English name: `24 hours` is not produced here (profiles label that chip themselves);
    /// `1 day`, `30 days`, `1 month`, `18 months`, `2 years`.
    pub fn label(self) -> String {
        match self {
            Span::Days(n) => count_noun(i64::from(n), "day"),
            Span::Months(n) => count_noun(i64::from(n), "month"),
            Span::Years(n) => count_noun(i64::from(n), "year"),
        }
    }
}

/// `1 day`, `2 days`: a count with its noun in singular or plural.
pub(crate) fn count_noun(n: i64, noun: &str) -> String {
    if n == 1 || n == -1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    #[test]
    fn month_ends_clamp_from_the_start_not_chained() {
        let start = d(2023, 1, 31);
        assert_eq!(Span::Months(1).after(start), Some(d(2023, 2, 28)));
        assert_eq!(Span::Months(2).after(start), Some(d(2023, 3, 31)));
        assert_eq!(Span::Months(13).after(start), Some(d(2024, 2, 29)));
    }

    #[test]
    fn leap_day_years() {
        let start = d(2020, 2, 29);
        assert_eq!(Span::Years(1).after(start), Some(d(2021, 2, 28)));
        assert_eq!(Span::Years(4).after(start), Some(d(2024, 2, 29)));
        assert_eq!(Span::Years(5).after(start), Some(d(2025, 2, 28)));
        assert_eq!(Span::Months(12).after(start), Span::Years(1).after(start));
    }

    #[test]
    fn day_spans_are_calendar_days() {
        assert_eq!(Span::Days(0).after(d(2024, 3, 10)), Some(d(2024, 3, 10)));
        assert_eq!(Span::Days(90).after(d(2024, 1, 1)), Some(d(2024, 3, 31)));
        assert_eq!(Span::Days(365).after(d(2024, 1, 1)), Some(d(2024, 12, 31)));
    }

    #[test]
    fn labels() {
        assert_eq!(Span::Days(1).label(), "1 day");
        assert_eq!(Span::Months(18).label(), "18 months");
        assert_eq!(Span::Years(1).label(), "1 year");
    }
}
