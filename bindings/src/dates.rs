//! Civil dates and times crossing the FFI as ISO-8601 strings.
//!
//! Every date in One Day is a civil date (no zone), and "today" is always the shell's local date. On
//! the wire a [`LocalDate`] is the string `YYYY-MM-DD`, a [`LocalTime`] is `HH:MM:SS` and a
//! [`LocalDateTime`] is `YYYY-MM-DDTHH:MM:SS`. The generated Kotlin maps them to `java.time.LocalDate`,
//! `LocalTime` and `LocalDateTime` (`bindings/uniffi.toml`); in Swift they are typealiases of `String`
//! holding exactly those ISO forms (the generated code has no Foundation type for a zone-less date).
//!
//! Incoming strings are parsed strictly by core (`oneday_core::date::parse_date`): a malformed string,
//! a day that does not exist such as `2023-02-29`, or a year outside 1900..=2200 makes the call throw
//! [`CleanTimeError::InvalidDate`] with core's message, before any work is done. Inputs also accept
//! what `java.time` prints (`09:00`, `09:00:30.5`, `2024-01-01T23:30`).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::errors::CleanTimeError;

/// A civil date (year, month, day; no zone), as `YYYY-MM-DD` on the wire.
pub type LocalDate = NaiveDate;

/// A local time of day (no zone), as `HH:MM:SS` on the wire.
pub type LocalTime = NaiveTime;

/// A local date and time (no zone), as `YYYY-MM-DDTHH:MM:SS` on the wire.
pub type LocalDateTime = NaiveDateTime;

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(lift_date(&text)?),
});

uniffi::custom_type!(LocalTime, String, {
    remote,
    lower: |time| time.format("%H:%M:%S").to_string(),
    try_lift: |text| Ok(lift_time(&text)?),
});

uniffi::custom_type!(LocalDateTime, String, {
    remote,
    lower: |at| at.format("%Y-%m-%dT%H:%M:%S").to_string(),
    try_lift: |text| Ok(lift_date_time(&text)?),
});

/// Parses a date the way a person types it, strictly `YYYY-MM-DD`, and checks that it exists and is
/// in the range One Day supports (1900-01-01 to 2200-12-31).
///
/// Throws [`CleanTimeError::InvalidDate`] with a message that says what is wrong, for example
/// "2023-02-29 does not exist: February 2023 has 28 days".
#[uniffi::export]
pub fn parse_date(text: String) -> Result<LocalDate, CleanTimeError> {
    lift_date(&text)
}

fn lift_date(text: &str) -> Result<NaiveDate, CleanTimeError> {
    oneday_core::date::parse_date(text).map_err(|e| CleanTimeError::InvalidDate {
        message: e.to_string(),
    })
}

fn lift_time(text: &str) -> Result<NaiveTime, CleanTimeError> {
    NaiveTime::parse_from_str(text, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .map_err(|_| CleanTimeError::InvalidDate {
            message: format!("`{text}` is not a time of day; write it as HH:MM, for example 09:00"),
        })
}

fn lift_date_time(text: &str) -> Result<NaiveDateTime, CleanTimeError> {
    let invalid = || {
        CleanTimeError::InvalidDate {
        message: format!(
            "`{text}` is not a date and time; write it as YYYY-MM-DDTHH:MM, for example 2024-03-15T21:30"
        ),
    }
    };
    let (date, time) = text.split_once('T').ok_or_else(invalid)?;
    Ok(lift_date(date)?.and_time(lift_time(time).map_err(|_| invalid())?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(lift_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        let err = lift_date("2023-02-29").unwrap_err();
        assert!(matches!(err, CleanTimeError::InvalidDate { .. }));
        assert_eq!(
            err.to_string(),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        assert!(lift_date("1899-12-31").is_err());
        assert!(lift_date("2024-2-1").is_err());
    }

    #[test]
    fn times_accept_what_java_time_prints() {
        assert_eq!(lift_time("09:00").unwrap().to_string(), "09:00:00");
        assert_eq!(lift_time("09:00:30").unwrap().to_string(), "09:00:30");
        assert_eq!(lift_time("09:00:30.5").unwrap().to_string(), "09:00:30.500");
        assert!(lift_time("25:00").is_err());
        let at = lift_date_time("2024-01-01T23:30").unwrap();
        assert_eq!(at.to_string(), "2024-01-01 23:30:00");
        assert!(lift_date_time("2023-02-29T10:00").is_err());
        assert!(lift_date_time("2024-01-01 10:00").is_err());
    }
}
