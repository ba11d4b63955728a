//! Civil dates and times crossing the FFI as ISO-8601 strings.
//!
//! Every date in One Day is a civil date (no zone), and "today" is always the shell's local date. On
//! the wire a [`LocalDate`] is the string `YYYY-MM-DD`, a [`LocalTime`] is `HH:MM:SS` and a
//! [`LocalDateTime`] is `YYYY-MM-DDTHH:MM:SS`. The generated Kotlin maps them to `java.time.LocalDate`,
//! `LocalTime` and `LocalDateTime` (`bindings/uniffi.toml`); in Swift they are typealiases of `String`
//! holding exactly those ISO forms (the generated code has no Foundation type for a zone-less date).
//!
//! Incoming strings are parsed by core's one parser (`oneday_core::date`: `parse_date`, `parse_time`,
//! `parse_date_time`), before any work is done; there is no other parser here. A malformed string,
//! a day that does not exist such as `2023-02-29`, or a year outside 1900..=2200 makes the call throw
//! the typed error of the area called, with core's message: [`CleanTimeError::InvalidDate`],
//! [`CheckInError::InvalidDate`], and for meetings [`MeetingsError::OutOfRange`] (see
//! [`lift_error`]), never UniFFI's internal error.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use oneday_core::date::{self as core, DateError};
use uniffi::deps::anyhow;

use crate::checkins::CheckInError;
use crate::errors::CleanTimeError;
use crate::meeting_errors::MeetingsError;

/// A civil date (year, month, day; no zone), as `YYYY-MM-DD` on the wire.
pub type LocalDate = NaiveDate;

/// A local time of day (no zone), as `HH:MM:SS` on the wire.
pub type LocalTime = NaiveTime;

/// A local date and time (no zone), as `YYYY-MM-DDTHH:MM:SS` on the wire.
pub type LocalDateTime = NaiveDateTime;

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| core::parse_date(&text).map_err(lift_error),
});

uniffi::custom_type!(LocalTime, String, {
    remote,
    lower: |time| time.format("%H:%M:%S").to_string(),
    try_lift: |text| core::parse_time(&text).map_err(lift_error),
});

uniffi::custom_type!(LocalDateTime, String, {
    remote,
    lower: |at| at.format("%Y-%m-%dT%H:%M:%S").to_string(),
    try_lift: |text| core::parse_date_time(&text).map_err(lift_error),
});

/// An area's FFI error that a date or time refused on its way in becomes.
pub(crate) trait InvalidDate:
    std::fmt::Display + std::fmt::Debug + Send + Sync + 'static
{
    /// The area's error for a refused date or time, with core's sentence.
    fn invalid_date(e: &DateError) -> Self;
}

impl InvalidDate for CleanTimeError {
    fn invalid_date(e: &DateError) -> Self {
        CleanTimeError::InvalidDate {
            message: e.to_string(),
        }
    }
}

impl InvalidDate for CheckInError {
    fn invalid_date(e: &DateError) -> Self {
        CheckInError::InvalidDate {
            message: e.to_string(),
        }
    }
}

impl InvalidDate for MeetingsError {
    /// Meetings have no date error of their own yet: the nearest is "outside the years One Day
    /// supports", which is what a date from Kotlin (a `java.time` value, always well formed) is.
    fn invalid_date(_: &DateError) -> Self {
        MeetingsError::OutOfRange
    }
}

/// The error a refused date becomes while its call's arguments are lifted. UniFFI hands it to the
/// call's own error type when it downcasts to it (otherwise the call throws UniFFI's internal
/// error), and one date type serves every area: so it is one error that downcasts to each area's
/// typed error, [`InvalidDate`] of each, chained as contexts.
fn lift_error(e: DateError) -> anyhow::Error {
    anyhow::Error::new(CleanTimeError::invalid_date(&e))
        .context(CheckInError::invalid_date(&e))
        .context(MeetingsError::invalid_date(&e))
}

/// The typed error of the area `E` for a refused date (for an area that takes a date as text).
pub(crate) fn date_error<E: InvalidDate>(e: DateError) -> E {
    E::invalid_date(&e)
}

/// Parses a date the way a person types it, strictly `YYYY-MM-DD`, and checks that it exists and is
/// in the range One Day supports (1900-01-01 to 2200-12-31).
///
/// Throws [`CleanTimeError::InvalidDate`] with a message that says what is wrong, for example
/// "2023-02-29 does not exist: February 2023 has 28 days".
#[uniffi::export]
pub fn parse_date(text: String) -> Result<LocalDate, CleanTimeError> {
    core::parse_date(&text).map_err(date_error)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// What UniFFI does with a failed lift for a call returning `Result<_, E>`.
    fn as_area_error<E: InvalidDate>(e: anyhow::Error) -> E {
        e.downcast::<E>().unwrap()
    }

    #[test]
    fn a_refused_date_is_each_areas_typed_error() {
        let e = core::parse_date("2023-02-29")
            .map_err(lift_error)
            .unwrap_err();
        let clean = as_area_error::<CleanTimeError>(e);
        assert!(matches!(clean, CleanTimeError::InvalidDate { .. }));
        assert_eq!(
            clean.to_string(),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        let e = core::parse_date("1899-12-31")
            .map_err(lift_error)
            .unwrap_err();
        let checkin = as_area_error::<CheckInError>(e);
        assert!(matches!(checkin, CheckInError::InvalidDate { .. }));
        assert!(checkin
            .to_string()
            .contains("outside the dates One Day supports"));
        let e = core::parse_time("25:00").map_err(lift_error).unwrap_err();
        assert!(matches!(
            as_area_error::<MeetingsError>(e),
            MeetingsError::OutOfRange
        ));
    }

    #[test]
    fn times_accept_what_java_time_prints() {
        let lift_time = |t: &str| core::parse_time(t).map_err(lift_error);
        assert_eq!(lift_time("09:00").unwrap().to_string(), "09:00:00");
        assert_eq!(lift_time("09:00:30").unwrap().to_string(), "09:00:30");
        assert_eq!(lift_time("09:00:30.5").unwrap().to_string(), "09:00:30.500");
        assert!(lift_time("25:00").is_err());
        let at = core::parse_date_time("2024-01-01T23:30").unwrap();
        assert_eq!(at.to_string(), "2024-01-01 23:30:00");
        assert!(core::parse_date_time("2023-02-29T10:00").is_err());
    }
}
