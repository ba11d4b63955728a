//! Which day "today" is: the local civil date of this computer's time zone, or `--as-of`.

use chrono::NaiveDate;
use oneday_core::date::{check_supported, parse_date, DateError};

/// The day to compute for: `--as-of` if given, else today's date in the system's local zone.
pub fn resolve(as_of: Option<&str>) -> Result<NaiveDate, DateError> {
    match as_of {
        Some(text) => parse_date(text),
        None => check_supported(chrono::Local::now().date_naive()),
    }
}
