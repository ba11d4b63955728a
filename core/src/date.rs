//! Civil dates as the user types them: strict ISO `YYYY-MM-DD` parsing and the supported range.
//!
//! Every date in One Day is a civil date (year, month, day, no zone). Dates come from people and from
//! the shells, so parsing is strict and every failure is typed: a malformed string, a day that does not
//! exist in that month (`2024-02-30`), or a year outside the range the engine supports.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use thiserror::Error;

/// The earliest civil date the engine accepts (clean dates, "today", attempt ends).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 is a valid date"),
};

/// The latest civil date the engine accepts.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => panic!("2200-12-31 is a valid date"),
};

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    #[error("`{input}` is not a date; write it as YYYY-MM-DD, for example 2024-03-15")]
    Malformed {
        /// What was given.
        input: String,
    },
    /// The text has the right form but names a day that does not exist, such as 2024-02-30.
    #[error("{input} does not exist: {month_name} {year} has {days_in_month} days")]
    DoesNotExist {
        /// What was given.
        input: String,
        /// The year named.
        year: i32,
        /// The month's English name.
        month_name: &'static str,
        /// How many days that month has in that year.
        days_in_month: u32,
    },
    /// The month is not 1 to 12.
    #[error("{input} does not exist: there is no month {month}")]
    NoSuchMonth {
        /// What was given.
        input: String,
        /// The month number given.
        month: u32,
    },
    /// The text is not a 24-hour time of day `HH:MM`.
    #[error("`{input}` is not a time of day; write it as HH:MM (24-hour), for example 21:30")]
    MalformedTime {
        /// What was given.
        input: String,
    },
    /// The date is outside 1900-01-01 ..= 2200-12-31.
    #[error("{date} is outside the dates One Day supports ({EARLIEST} to {LATEST})")]
    OutOfRange {
        /// The date refused.
        date: NaiveDate,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parses a strict ISO-8601 calendar date `YYYY-MM-DD` and checks it is in the supported range.
///
/// ```
/// use oneday_core::date::{parse_date, DateError};
/// assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
/// assert!(matches!(parse_date("2023-02-29"), Err(DateError::DoesNotExist { .. })));
/// assert!(matches!(parse_date("29/02/2024"), Err(DateError::Malformed { .. })));
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let malformed = || DateError::Malformed {
        input: input.to_owned(),
    };
    let bytes = input.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(malformed());
    }
    let digits = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
        let part = input.get(range).ok_or_else(malformed)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse::<u32>().map_err(|_| malformed())
        } else {
            Err(malformed())
        }
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    // Four ASCII digits always fit an i32.
    let year = year as i32;
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth {
            input: input.to_owned(),
            month,
        });
    }
    let date =
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::DoesNotExist {
            input: input.to_owned(),
            year,
            month_name: MONTH_NAMES[(month - 1) as usize],
            days_in_month: days_in_month(year, month),
        })?;
    check_supported(date)
}

/// Parses a 24-hour local time of day `HH:MM` (`9:05` is accepted as 09:05), optionally with
/// seconds and a fraction of a second (`21:30:15`, `21:30:15.250`: what `java.time` and ISO 8601
/// print, so the FFI's times go through this one parser too).
///
/// ```
/// use oneday_core::date::parse_time;
/// assert_eq!(parse_time("21:30").unwrap().to_string(), "21:30:00");
/// assert_eq!(parse_time("09:00:30.5").unwrap().to_string(), "09:00:30.500");
/// assert!(parse_time("25:00").is_err());
/// ```
pub fn parse_time(input: &str) -> Result<NaiveTime, DateError> {
    let malformed = || DateError::MalformedTime {
        input: input.to_owned(),
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        if len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().map_err(|_| malformed())
        } else {
            Err(malformed())
        }
    };
    let (h, rest) = input.split_once(':').ok_or_else(malformed)?;
    let (m, seconds) = match rest.split_once(':') {
        Some((m, seconds)) => (m, Some(seconds)),
        None => (rest, None),
    };
    let (s, nanos) = match seconds {
        None => (0, 0),
        Some(seconds) => {
            let (s, nanos) = match seconds.split_once('.') {
                Some((s, fraction)) => {
                    // `.5` is half a second: the fraction's digits scaled to nanoseconds.
                    let value = number(fraction, 1..=9)?;
                    (s, value * 10u32.pow(9 - fraction.len() as u32))
                }
                None => (seconds, 0),
            };
            (number(s, 2..=2)?, nanos)
        }
    };
    NaiveTime::from_hms_nano_opt(number(h, 1..=2)?, number(m, 2..=2)?, s, nanos)
        .ok_or_else(malformed)
}

/// Parses a local civil date and time `YYYY-MM-DD HH:MM` (a `T` between them is accepted too, and
/// the time may have seconds as for [`parse_time`]). The date is checked as [`parse_date`] does.
pub fn parse_date_time(input: &str) -> Result<NaiveDateTime, DateError> {
    let (date, time) = input
        .split_once([' ', 'T'])
        .ok_or_else(|| DateError::MalformedTime {
            input: input.to_owned(),
        })?;
    Ok(parse_date(date)?.and_time(parse_time(time)?))
}

/// Returns the date unchanged when it lies in the supported range, else [`DateError::OutOfRange`].
pub fn check_supported(date: NaiveDate) -> Result<NaiveDate, DateError> {
    if (EARLIEST..=LATEST).contains(&date) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange { date })
    }
}

/// The number of days in `month` (1-12) of `year` in the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match (
        NaiveDate::from_ymd_opt(year, month, 1),
        NaiveDate::from_ymd_opt(next_year, next_month, 1),
    ) {
        (Some(first), Some(next)) => (next - first).num_days() as u32,
        _ => 0,
    }
}

/// Whole calendar days from `from` to `to` (negative when `to` is earlier). Civil dates only:
/// no instants, no 86,400-second blocks.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn accepts_leap_day_and_refuses_missing_days() {
        assert!(parse_date("2024-02-29").is_ok());
        assert_eq!(
            parse_date("2024-02-30").unwrap_err().to_string(),
            "2024-02-30 does not exist: February 2024 has 29 days"
        );
        assert_eq!(
            parse_date("2023-02-29").unwrap_err().to_string(),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        assert!(matches!(
            parse_date("2023-04-31"),
            Err(DateError::DoesNotExist {
                days_in_month: 30,
                ..
            })
        ));
        assert!(matches!(
            parse_date("2023-13-01"),
            Err(DateError::NoSuchMonth { month: 13, .. })
        ));
        assert!(matches!(
            parse_date("2023-00-10"),
            Err(DateError::NoSuchMonth { .. })
        ));
        assert!(matches!(
            parse_date("2023-01-00"),
            Err(DateError::DoesNotExist { .. })
        ));
    }

    #[test]
    fn refuses_other_shapes() {
        for bad in [
            "",
            "2024-2-29",
            "2024/02/29",
            "+2024-02-29",
            "2024-02-29T00:00",
            " 2024-02-29",
            "２０２４-02-29",
            "2024-0a-29",
            "-024-02-29",
        ] {
            assert!(
                matches!(parse_date(bad), Err(DateError::Malformed { .. })),
                "{bad:?} should be malformed"
            );
        }
    }

    #[test]
    fn range_is_enforced() {
        assert!(matches!(
            parse_date("1899-12-31"),
            Err(DateError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_date("2201-01-01"),
            Err(DateError::OutOfRange { .. })
        ));
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("2200-12-31").is_ok());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            parse_time("9:05").unwrap(),
            NaiveTime::from_hms_opt(9, 5, 0).unwrap()
        );
        assert_eq!(parse_time("00:00").unwrap(), NaiveTime::MIN);
        assert_eq!(
            parse_time("12:30:00").unwrap(),
            NaiveTime::from_hms_opt(12, 30, 0).unwrap()
        );
        assert_eq!(
            parse_time("09:00:30.5").unwrap(),
            NaiveTime::from_hms_milli_opt(9, 0, 30, 500).unwrap()
        );
        assert_eq!(
            parse_time("23:59:59.123456789").unwrap(),
            NaiveTime::from_hms_nano_opt(23, 59, 59, 123_456_789).unwrap()
        );
        for bad in [
            "24:00",
            "12:60",
            "12",
            "12:5",
            "-1:30",
            "",
            "ab:cd",
            "12:30:60",
            "12:30:5",
            "12:30:",
            "12:30:00.",
            "12:30:00.1234567890",
            "12:30:00:00",
            "12:30.5",
            "12:30:00,5",
            "+1:30",
        ] {
            assert!(
                matches!(parse_time(bad), Err(DateError::MalformedTime { .. })),
                "{bad}"
            );
        }
        let dt = parse_date_time("2024-02-29 23:45").unwrap();
        assert_eq!(dt.to_string(), "2024-02-29 23:45:00");
        assert!(parse_date_time("2024-02-29T23:45").is_ok());
        assert!(matches!(
            parse_date_time("2023-02-29 23:45"),
            Err(DateError::DoesNotExist { .. })
        ));
        assert!(matches!(
            parse_date_time("2024-02-29"),
            Err(DateError::MalformedTime { .. })
        ));
    }

    #[test]
    fn month_lengths() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2024, 12), 31);
        assert_eq!(days_in_month(2024, 4), 30);
    }
}
