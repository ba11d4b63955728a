//! Weekday numbering of the two feed formats, in one place.
//!
//! - Meeting Guide (code4recovery/spec): `0` = Sunday … `6` = Saturday. Some feeds write `7` for
//!   Sunday (the OIAA export uses ISO numbering, 1 = Monday … 7 = Sunday, which agrees with Meeting
//!   Guide on 1–6); [`from_meeting_guide_lenient`] accepts it and says so, so the importer can report
//!   the repair.
//! - BMLT (`weekday_tinyint`): `1` = Sunday … `7` = Saturday.

use chrono::Weekday;

use super::error::MeetingsError;

const SUNDAY_FIRST: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

/// A Meeting Guide day number (0 = Sunday … 6 = Saturday).
///
/// ```
/// use chrono::Weekday;
/// use oneday_core::meetings::weekday::from_meeting_guide;
/// assert_eq!(from_meeting_guide(0).unwrap(), Weekday::Sun);
/// assert_eq!(from_meeting_guide(6).unwrap(), Weekday::Sat);
/// assert!(from_meeting_guide(7).is_err());
/// ```
pub fn from_meeting_guide(day: i64) -> Result<Weekday, MeetingsError> {
    usize::try_from(day)
        .ok()
        .and_then(|i| SUNDAY_FIRST.get(i).copied())
        .ok_or(MeetingsError::WeekdayOutOfRange {
            value: day,
            format: "Meeting Guide",
            min: 0,
            max: 6,
        })
}

/// A Meeting Guide day number that also accepts `7` as Sunday (ISO numbering seen in real feeds).
/// The boolean is `true` when the `7` reading was used.
pub fn from_meeting_guide_lenient(day: i64) -> Result<(Weekday, bool), MeetingsError> {
    if day == 7 {
        return Ok((Weekday::Sun, true));
    }
    from_meeting_guide(day).map(|d| (d, false))
}

/// A BMLT `weekday_tinyint` (1 = Sunday … 7 = Saturday).
///
/// ```
/// use chrono::Weekday;
/// use oneday_core::meetings::weekday::from_bmlt;
/// assert_eq!(from_bmlt(1).unwrap(), Weekday::Sun);
/// assert_eq!(from_bmlt(7).unwrap(), Weekday::Sat);
/// assert!(from_bmlt(0).is_err());
/// ```
pub fn from_bmlt(day: i64) -> Result<Weekday, MeetingsError> {
    day.checked_sub(1)
        .and_then(|d| usize::try_from(d).ok())
        .and_then(|i| SUNDAY_FIRST.get(i).copied())
        .ok_or(MeetingsError::WeekdayOutOfRange {
            value: day,
            format: "BMLT",
            min: 1,
            max: 7,
        })
}

/// The Meeting Guide number of a weekday (0 = Sunday).
pub fn to_meeting_guide(day: Weekday) -> u8 {
    // num_days_from_sunday is at most 6.
    day.num_days_from_sunday() as u8
}

/// An English weekday name ("Monday", "mon"), as a few hand-made feeds write it.
pub fn from_english_name(name: &str) -> Option<Weekday> {
    let lower = name.trim().to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    SUNDAY_FIRST.iter().copied().find(|d| {
        let full = match d {
            Weekday::Sun => "sunday",
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
        };
        full.starts_with(&lower)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_guide_numbering() {
        for (i, d) in SUNDAY_FIRST.iter().enumerate() {
            let n = i as i64;
            assert_eq!(from_meeting_guide(n), Ok(*d));
            assert_eq!(i64::from(to_meeting_guide(*d)), n);
        }
        assert!(matches!(
            from_meeting_guide(-1),
            Err(MeetingsError::WeekdayOutOfRange { value: -1, .. })
        ));
        assert_eq!(from_meeting_guide_lenient(7), Ok((Weekday::Sun, true)));
        assert_eq!(from_meeting_guide_lenient(0), Ok((Weekday::Sun, false)));
        assert!(from_meeting_guide_lenient(8).is_err());
    }

    #[test]
    fn bmlt_numbering() {
        assert_eq!(from_bmlt(1), Ok(Weekday::Sun));
        assert_eq!(from_bmlt(2), Ok(Weekday::Mon));
        assert_eq!(from_bmlt(7), Ok(Weekday::Sat));
        assert!(from_bmlt(8).is_err());
        assert!(from_bmlt(i64::MIN).is_err());
    }

    #[test]
    fn english_names() {
        assert_eq!(from_english_name("Monday"), Some(Weekday::Mon));
        assert_eq!(from_english_name(" sat "), Some(Weekday::Sat));
        assert_eq!(from_english_name("s"), None);
        assert_eq!(from_english_name("funday"), None);
    }
}
