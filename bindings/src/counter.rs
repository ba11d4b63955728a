//! A stored counter as the shells see it: settings, attempts, stats, status and reminders.
//!
//! Relapse is part of recovery, not a reason to lose history: every attempt is kept, with its end
//! and the user's note, and the stats run over all of them (core's `attempts.rs`, `counter.rs`).

use oneday_core::cleantime as core;
use oneday_core::cleantime::store::StoredCounter;

use crate::cleantime::{CleanTime, CountingMode};
use crate::dates::{LocalDate, LocalDateTime, LocalTime};
use crate::errors::CleanTimeError;
use crate::money::Money;
use crate::profiles::{Milestone, MilestoneProfile};

/// What a counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CounterKind {
    /// Abstinence from a substance.
    Substance,
    /// Abstinence from a behaviour (gambling, self-harm, ...).
    Behaviour,
    /// A mental-health goal, such as days without self-harm.
    MentalHealthGoal,
    /// Harm reduction: days within a limit the user set, not abstinence.
    ReductionGoal,
}

/// The settings of a counter that the user edits.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CounterSettings {
    /// The name the user gave it (1 to 80 characters, no control characters).
    pub label: String,
    /// What it counts.
    pub kind: CounterKind,
    /// Whether the clean date is day 0 (completed days) or day 1.
    pub counting: CountingMode,
    /// Which milestones it celebrates.
    pub profile: MilestoneProfile,
    /// What the habit cost per day, for money saved.
    #[uniffi(default = None)]
    pub daily_cost: Option<Money>,
    /// The local date and time of last use, if the user wants to keep it (before the clean date).
    #[uniffi(default = None)]
    pub last_use: Option<LocalDateTime>,
    /// Whether reminders may name this counter (off by default: nothing that outs the user).
    #[uniffi(default = false)]
    pub name_in_reminders: bool,
}

/// Why an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum EndReason {
    /// A relapse (or lapse): the user reset the counter.
    Relapse,
    /// Paused or stopped without a relapse.
    Pause,
}

/// How and when an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttemptEnd {
    /// The relapse date, or the first day no longer counted after a pause.
    pub date: LocalDate,
    /// Why it ended.
    pub reason: EndReason,
    /// The user's own note, if any.
    pub note: Option<String>,
}

/// One run of clean time.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Attempt {
    /// The clean date: the first full day clean of this run.
    pub start: LocalDate,
    /// How it ended; absent while it is running.
    pub end: Option<AttemptEnd>,
}

/// A counter kept in the vault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Counter {
    /// Its id in the vault: 32 hex digits, random, says nothing about the counter.
    pub id: String,
    /// Its settings.
    pub settings: CounterSettings,
    /// Whether it is archived (kept, but out of the way).
    pub archived: bool,
    /// Every attempt, oldest first; the last one is running unless the counter is paused.
    pub attempts: Vec<Attempt>,
}

/// Totals over every attempt of a counter, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct AttemptStats {
    /// Days in the running attempt (0 when paused or not started yet).
    pub current_run_days: i64,
    /// The longest run, closed or running.
    pub longest_run_days: i64,
    /// Clean days summed over all attempts.
    pub total_clean_days: i64,
    /// How many attempts there have been, the running one included.
    pub attempts: u64,
    /// How many attempts ended in a relapse.
    pub relapses: u64,
}

/// A counter with its clean time and stats on a given day: one row of the dashboard.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CounterStatus {
    /// The counter.
    pub counter: Counter,
    /// Its clean time on that day.
    pub clean_time: CleanTime,
    /// Its stats over all attempts on that day.
    pub stats: AttemptStats,
}

/// A milestone notification for the shell to schedule: neutral text unless the counter opted in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CounterReminder {
    /// The counter it is for.
    pub counter_id: String,
    /// The local date to show it on.
    pub date: LocalDate,
    /// The local time of day to show it at.
    pub time: LocalTime,
    /// The notification title.
    pub title: String,
    /// The notification text.
    pub body: String,
}

/// The changes a person makes to a counter: every field left absent stays as stored, so an edit
/// made on another device or process to another field is not lost. Applied in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CounterEdit {
    /// A new name (1 to 80 characters, no control characters).
    #[uniffi(default = None)]
    pub label: Option<String>,
    /// What it counts.
    #[uniffi(default = None)]
    pub kind: Option<CounterKind>,
    /// Whether the clean date is day 0 (completed days) or day 1.
    #[uniffi(default = None)]
    pub counting: Option<CountingMode>,
    /// Which milestones it celebrates.
    #[uniffi(default = None)]
    pub profile: Option<MilestoneProfile>,
    /// A new daily cost.
    #[uniffi(default = None)]
    pub daily_cost: Option<Money>,
    /// Removes the daily cost (a `daily_cost` given as well wins).
    #[uniffi(default = false)]
    pub clear_daily_cost: bool,
    /// A new local date and time of last use (before the clean date).
    #[uniffi(default = None)]
    pub last_use: Option<LocalDateTime>,
    /// Removes the last use (a `last_use` given as well wins).
    #[uniffi(default = false)]
    pub clear_last_use: bool,
    /// Whether reminders may name the counter.
    #[uniffi(default = None)]
    pub name_in_reminders: Option<bool>,
    /// A new clean date for the running attempt: an edit such as back-dating, not a relapse.
    #[uniffi(default = None)]
    pub start: Option<LocalDate>,
    /// Archive (`true`) or restore (`false`); archiving keeps every attempt.
    #[uniffi(default = None)]
    pub archived: Option<bool>,
}

/// One counter's card on the Today screen: every number on it is core's.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TodayCard {
    /// The counter's id, for actions (reset, edit, archive).
    pub counter_id: String,
    /// The name the user gave it.
    pub label: String,
    /// Whether it is archived (only when archived counters were asked for).
    pub archived: bool,
    /// Clean time on the day: state, day count, period, milestones, the next one, money saved.
    pub clean_time: CleanTime,
    /// The latest key tag or chip reached, if any.
    pub key_tag: Option<Milestone>,
    /// Current run, longest run, total clean days, attempts and relapses.
    pub stats: AttemptStats,
    /// Whether the reset (relapse) action is offered: only a running count can be reset.
    pub can_reset: bool,
}

/// The Today screen on one day, in one call: the visible counters' cards, the widget's count and
/// the milestone reminders to schedule.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TodayOverview {
    /// The day it is for (the shell's local date).
    pub today: LocalDate,
    /// The cards, oldest first attempt first, then by label; archived counters only when asked for.
    pub cards: Vec<TodayCard>,
    /// The days clean of the first running card, for a widget that names no counter; absent when
    /// no counter is running.
    pub widget_days: Option<i64>,
    /// The milestone reminders to schedule, by date then time (neutral text unless a counter opted
    /// in to being named).
    pub reminders: Vec<CounterReminder>,
}

impl TryFrom<CounterEdit> for core::CounterEdit {
    type Error = CleanTimeError;

    /// Checks the currency of a new daily cost; the rest is checked by core when it is applied.
    fn try_from(e: CounterEdit) -> Result<Self, CleanTimeError> {
        let daily_cost = match (e.daily_cost, e.clear_daily_cost) {
            (Some(cost), _) => Some(Some(core::Money::try_from(cost)?)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        let last_use = match (e.last_use, e.clear_last_use) {
            (Some(at), _) => Some(Some(at)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        Ok(core::CounterEdit {
            label: e.label,
            kind: e.kind.map(Into::into),
            counting: e.counting.map(Into::into),
            profile: e.profile.map(Into::into),
            daily_cost,
            last_use,
            name_in_reminders: e.name_in_reminders,
            start: e.start,
            archived: e.archived,
        })
    }
}

impl From<CounterKind> for core::CounterKind {
    fn from(k: CounterKind) -> Self {
        match k {
            CounterKind::Substance => core::CounterKind::Substance,
            CounterKind::Behaviour => core::CounterKind::Behaviour,
            CounterKind::MentalHealthGoal => core::CounterKind::MentalHealthGoal,
            CounterKind::ReductionGoal => core::CounterKind::ReductionGoal,
        }
    }
}

impl From<core::reminders::CounterReminder> for CounterReminder {
    fn from(r: core::reminders::CounterReminder) -> Self {
        CounterReminder {
            counter_id: r.counter_id.to_string(),
            date: r.reminder.date,
            time: r.reminder.time,
            title: r.reminder.title,
            body: r.reminder.body,
        }
    }
}

impl From<oneday_core::screens::CounterCard> for TodayCard {
    fn from(c: oneday_core::screens::CounterCard) -> Self {
        TodayCard {
            counter_id: c.id.to_string(),
            label: c.settings.label,
            archived: c.archived,
            clean_time: c.clean_time.into(),
            key_tag: c.key_tag.map(Into::into),
            stats: c.stats.into(),
            can_reset: c.can_reset,
        }
    }
}

impl From<oneday_core::screens::TodayScreen> for TodayOverview {
    fn from(t: oneday_core::screens::TodayScreen) -> Self {
        TodayOverview {
            today: t.today,
            cards: t.cards.into_iter().map(Into::into).collect(),
            widget_days: t.widget_days,
            reminders: t.reminders.into_iter().map(Into::into).collect(),
        }
    }
}

impl TryFrom<CounterSettings> for core::CounterSettings {
    type Error = CleanTimeError;

    /// Checks the currency of the daily cost; the rest is checked by core when it is used.
    fn try_from(s: CounterSettings) -> Result<Self, CleanTimeError> {
        Ok(core::CounterSettings {
            label: s.label,
            kind: s.kind.into(),
            counting: s.counting.into(),
            profile: s.profile.into(),
            daily_cost: s.daily_cost.map(core::Money::try_from).transpose()?,
            last_use: s.last_use,
            name_in_reminders: s.name_in_reminders,
        })
    }
}

impl From<&core::CounterSettings> for CounterSettings {
    fn from(s: &core::CounterSettings) -> Self {
        CounterSettings {
            label: s.label.clone(),
            kind: match s.kind {
                core::CounterKind::Substance => CounterKind::Substance,
                core::CounterKind::Behaviour => CounterKind::Behaviour,
                core::CounterKind::MentalHealthGoal => CounterKind::MentalHealthGoal,
                core::CounterKind::ReductionGoal => CounterKind::ReductionGoal,
            },
            counting: s.counting.into(),
            profile: s.profile.clone().into(),
            daily_cost: s.daily_cost.clone().map(Into::into),
            last_use: s.last_use,
            name_in_reminders: s.name_in_reminders,
        }
    }
}

impl From<&core::Attempt> for Attempt {
    fn from(a: &core::Attempt) -> Self {
        Attempt {
            start: a.start,
            end: a.end.as_ref().map(|e| AttemptEnd {
                date: e.date,
                reason: match e.reason {
                    core::EndReason::Relapse => EndReason::Relapse,
                    core::EndReason::Pause => EndReason::Pause,
                },
                note: e.note.clone(),
            }),
        }
    }
}

impl From<&StoredCounter> for Counter {
    fn from(s: &StoredCounter) -> Self {
        Counter {
            id: s.id.to_string(),
            settings: s.counter.settings().into(),
            archived: s.counter.is_archived(),
            attempts: s.counter.attempts().iter().map(Into::into).collect(),
        }
    }
}

impl From<core::AttemptStats> for AttemptStats {
    fn from(s: core::AttemptStats) -> Self {
        AttemptStats {
            current_run_days: s.current_run_days,
            longest_run_days: s.longest_run_days,
            total_clean_days: s.total_clean_days,
            attempts: u64::try_from(s.attempts).unwrap_or(u64::MAX),
            relapses: u64::try_from(s.relapses).unwrap_or(u64::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_edit_clears_or_sets_a_cost_and_a_given_value_wins() {
        let cost = Money {
            minor_units: 500,
            currency: "EUR".into(),
        };
        let clear = core::CounterEdit::try_from(CounterEdit {
            clear_daily_cost: true,
            clear_last_use: true,
            ..CounterEdit::default()
        })
        .unwrap();
        assert_eq!((clear.daily_cost, clear.last_use), (Some(None), Some(None)));
        let set = core::CounterEdit::try_from(CounterEdit {
            daily_cost: Some(cost),
            clear_daily_cost: true,
            ..CounterEdit::default()
        })
        .unwrap();
        assert_eq!(
            set.daily_cost,
            Some(Some(core::Money::new(500, "EUR").unwrap()))
        );
        assert_eq!(set.last_use, None);
        assert!(core::CounterEdit::try_from(CounterEdit::default())
            .unwrap()
            .is_empty());
        let bad = CounterEdit {
            daily_cost: Some(Money {
                minor_units: 1,
                currency: "euro".into(),
            }),
            ..CounterEdit::default()
        };
        assert!(matches!(
            core::CounterEdit::try_from(bad),
            Err(CleanTimeError::Validation { .. })
        ));
    }
}
