//! Daily check-ins (mood, craving, symptoms, medication, sleep, journal, gratitude) and their trends.
//!
//! One check-in per person per civil day, editable; everything in it is sealed in the vault. Nothing
//! here touches clean time: "prescribed medication taken" is a health note, never a relapse.
//!
//! Where each rule lives:
//! - [`checkin`]: the check-in, its ranges and limits, hours slept to the quarter hour;
//! - [`preferences`]: the user's symptom list and the thresholds that raise a cue;
//! - [`trends`]: 7/30/90-day averages, the daily series, the check-in streak, threshold cues;
//! - [`store`]: one sealed record per date (record, edit, get, list, delete, trends);
//! - [`error`]: the one error type of the area.

pub mod checkin;
pub mod error;
pub mod preferences;
pub mod store;
pub mod trends;

pub use checkin::{CheckIn, Medication, Sleep};
pub use error::CheckInError;
pub use preferences::{CheckInPreferences, Thresholds};
pub use trends::{Average, DayPoint, FlagRule, Streak, ThresholdFlag, Trends, WindowAverages};
