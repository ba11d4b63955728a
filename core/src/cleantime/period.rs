//! Years, months and days between two civil dates: the ISO-8601 period, computed exactly as
//! `java.time.Period.between` does, so that every shell and every later check agrees on it.
//!
//! The rule: count whole calendar months from the start (with end-of-month clamping), then the days
//! left over. So 2020-02-29 to 2025-02-28 is 4 years 11 months 30 days, while 2020-02-29 plus 5 years
//! (a milestone) is 2025-02-28: the two rules differ at month ends, and both are the documented ones.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::date::days_between;

/// A period of years, months and days, normalised so that `months` is in -11..=11 and all parts share
/// one sign (`java.time.Period.between` semantics). Clean time only ever produces non-negative ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// Whole years.
    pub years: i32,
    /// Whole months beyond the years.
    pub months: i32,
    /// Days beyond the months.
    pub days: i32,
}

impl Period {
    /// The zero period.
    pub const ZERO: Period = Period {
        years: 0,
        months: 0,
        days: 0,
    };

    /// The period from `start` (inclusive) to `end` (exclusive), as `java.time.Period.between`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use oneday_core::cleantime::Period;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let p = Period::between(d(2020, 2, 29), d(2025, 2, 28));
    /// assert_eq!((p.years, p.months, p.days), (4, 11, 30));
    /// let p = Period::between(d(2024, 1, 31), d(2024, 3, 1));
    /// assert_eq!((p.years, p.months, p.days), (0, 1, 1));
    /// ```
    pub fn between(start: NaiveDate, end: NaiveDate) -> Period {
        let proleptic_month = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let mut total_months = proleptic_month(end) - proleptic_month(start);
        let mut days = i64::from(end.day()) - i64::from(start.day());
        if total_months > 0 && days < 0 {
            total_months -= 1;
            // `total_months` is positive and bounded by the supported date range.
            let anchor = start
                .checked_add_months(Months::new(total_months as u32))
                .unwrap_or(end);
            days = days_between(anchor, end);
        } else if total_months < 0 && days > 0 {
            total_months += 1;
            days -= i64::from(crate::date::days_in_month(end.year(), end.month()));
        }
        Period {
            years: (total_months / 12) as i32,
            months: (total_months % 12) as i32,
            days: days as i32,
        }
    }

    /// Adds this period to `date` the way `java.time.LocalDate.plus(Period)` does: years and months
    /// first as calendar months (clamped to the month's end), then days. `None` past chrono's range.
    pub fn add_to(self, date: NaiveDate) -> Option<NaiveDate> {
        let months = i64::from(self.years) * 12 + i64::from(self.months);
        let shifted = if months >= 0 {
            date.checked_add_months(Months::new(u32::try_from(months).ok()?))?
        } else {
            date.checked_sub_months(Months::new(u32::try_from(-months).ok()?))?
        };
        shifted.checked_add_signed(chrono::Duration::days(i64::from(self.days)))
    }
}

impl std::fmt::Display for Period {
    /// Human form, e.g. `4 years, 11 months, 30 days`; zero parts are left out, `0 days` when all are.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = [
            (self.years, "year"),
            (self.months, "month"),
            (self.days, "day"),
        ]
        .iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| super::span::count_noun(i64::from(*n), unit))
        .collect();
        if parts.is_empty() {
            f.write_str("0 days")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    fn p(years: i32, months: i32, days: i32) -> Period {
        Period {
            years,
            months,
            days,
        }
    }

    #[test]
    fn matches_java_period_between_at_month_ends() {
        // Values computed with java.time.Period.between on OpenJDK 17.
        assert_eq!(
            Period::between(d(2020, 2, 29), d(2025, 2, 28)),
            p(4, 11, 30)
        );
        assert_eq!(Period::between(d(2020, 2, 29), d(2021, 3, 1)), p(1, 0, 1));
        assert_eq!(Period::between(d(2024, 1, 31), d(2024, 2, 29)), p(0, 0, 29));
        assert_eq!(Period::between(d(2024, 1, 31), d(2024, 3, 1)), p(0, 1, 1));
        assert_eq!(Period::between(d(2023, 1, 31), d(2023, 3, 31)), p(0, 2, 0));
        assert_eq!(Period::between(d(2023, 3, 31), d(2023, 4, 30)), p(0, 0, 30));
        assert_eq!(
            Period::between(d(2023, 5, 15), d(2023, 5, 15)),
            Period::ZERO
        );
        assert_eq!(Period::between(d(1999, 12, 31), d(2000, 1, 1)), p(0, 0, 1));
        assert_eq!(
            Period::between(d(2000, 1, 1), d(2024, 12, 31)),
            p(24, 11, 30)
        );
        // Negative direction, for completeness of the port.
        assert_eq!(Period::between(d(2024, 3, 1), d(2024, 1, 31)), p(0, -1, -1));
    }

    #[test]
    fn adding_the_period_back_gives_the_end() {
        let start = d(2020, 2, 29);
        let end = d(2025, 2, 28);
        assert_eq!(Period::between(start, end).add_to(start), Some(end));
    }

    #[test]
    fn displays_in_words() {
        assert_eq!(p(4, 11, 30).to_string(), "4 years, 11 months, 30 days");
        assert_eq!(p(1, 0, 1).to_string(), "1 year, 1 day");
        assert_eq!(Period::ZERO.to_string(), "0 days");
    }
}
