//! # oneday-core
//!
//! The shared core of One Day, an offline-first companion for people in recovery: the clean-time
//! engine and the encrypted on-device vault. Pure Rust with no FFI types; the UniFFI facade in
//! `bindings/` and the `oneday` terminal shell in `cli/` are thin layers over it.
//!
//! - [`cleantime`]: counters, attempts, milestones, the day count (every rule about clean time).
//! - [`date`]: strict civil-date parsing and the supported range.
//! - [`meetings`]: meeting lists imported offline, saved meetings, next meeting, calendar export.
//! - [`vault`]: the encrypted store everything a user enters is kept in.

pub mod cleantime;
pub mod date;
pub mod meetings;
pub mod vault;

#[cfg(test)]
mod test_support;
