//! # oneday-core
//!
//! The shared core of One Day, an offline-first companion for people in recovery: the clean-time
//! engine and the encrypted on-device vault. Pure Rust with no FFI types; the UniFFI facade in
//! `bindings/` and the `oneday` terminal shell in `cli/` are thin layers over it.
//!
//! - [`backup`]: the whole vault in one encrypted file, restored or merged on another device.
//! - [`checkins`]: daily check-ins (mood, craving, sleep, ...) and their trends.
//! - [`cleantime`]: counters, attempts, milestones, the day count (every rule about clean time).
//! - [`date`]: strict civil-date parsing and the supported range.
//! - [`input`]: the one bounded reader every read of outside input goes through.
//! - [`meetings`]: meeting lists imported offline, saved meetings, next meeting, calendar export.
//! - [`plans`]: the safety plan and the relapse-prevention plan, with revisions and export.
//! - [`screens`]: a screen of the shells as data, computed in one call (Today, the check-in day).
//! - [`secret`]: passphrases and recovery codes as typed (UTF-8, normalised to NFC).
//! - [`settings`]: the user's own settings (their region, ...).
//! - [`support`]: the support network, one-tap call and SMS, crisis lines by region.
//! - [`vault`]: the encrypted store everything a user enters is kept in.

pub mod backup;
pub mod checkins;
pub mod cleantime;
pub mod date;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod input;
pub mod meetings;
pub mod plans;
mod record_merge;
pub mod screens;
pub mod secret;
pub mod settings;
pub mod support;
pub mod vault;

#[cfg(test)]
mod test_support;
