//! The clean-time engine: the heart of One Day.
//!
//! A counter stores civil dates (no zone): the clean date is the first full day clean. Clean time is
//! calendar arithmetic on civil dates in the user's local zone, for a `today` the caller supplies
//! (the shell's local date, or the CLI's `--as-of`). Never UTC instants, never 86,400-second blocks.
//!
//! Where each rule lives:
//! - [`counting`]: day 0 or day 1, and the one formula for a day count;
//! - [`period`]: years/months/days as `java.time.Period.between`;
//! - [`span`]: adding N days / months / years with end-of-month clamping;
//! - [`milestones`]: NA key tags, AA chips, custom lists, and the dates they are reached;
//! - [`compute`]: clean time on a day (total, period, milestones, next milestone, money);
//! - [`attempts`] and [`counter`]: relapse, pause, back-dating, and the stats over all attempts;
//! - [`edit`]: every change a person makes to a counter's settings, as one edit;
//! - [`money`]: money saved in exact minor units; [`reminders`]: neutral milestone notifications;
//! - [`store`]: counters kept as sealed records in the vault;
//! - [`merge`]: two versions of one counter (a restored backup and the vault) made one, history kept.

pub mod attempts;
pub mod compute;
pub mod counter;
pub mod counting;
pub mod edit;
pub mod error;
pub mod merge;
pub mod milestones;
pub mod money;
pub mod period;
pub mod reminders;
pub mod span;
pub mod store;

pub use attempts::{Attempt, AttemptEnd, AttemptStats, EndReason};
pub use compute::{CleanTime, CountState, NextMilestone};
pub use counter::{Counter, CounterKind, CounterSettings};
pub use counting::CountingMode;
pub use edit::CounterEdit;
pub use error::CleanTimeError;
pub use milestones::{ChipColour, CustomMilestone, Milestone, MilestoneProfile};
pub use money::Money;
pub use period::Period;
pub use reminders::{CounterReminder, Reminder, ReminderWindow};
pub use span::Span;
