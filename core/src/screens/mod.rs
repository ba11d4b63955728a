//! Screens as data: what one screen of a shell shows, computed in one call, so the CLI, Android and
//! iOS decide nothing themselves and the phones cross the FFI once per screen.
//!
//! - [`today`]: the Today screen (visible counters with their cards' numbers, the widget's count and
//!   the milestone reminders to schedule);
//! - [`checkin_day`]: the check-in screen of one day (the day's check-in, the preferences that
//!   shape the form, the check-in streak).

pub mod checkin_day;
pub mod today;

pub use checkin_day::{checkin_day, CheckInDay};
pub use today::{today, CounterCard, TodayOptions, TodayScreen};
