//! Attempts: one run of clean time, from a clean date until a relapse, a pause, or still running.
//!
//! Relapse is part of recovery, not a reason to lose history. A reset closes the running attempt on
//! the relapse date (with an optional note) and starts a new one; a pause closes it without a relapse;
//! back-dating the clean date is an edit of the running attempt, never a fake relapse. Attempts are
//! kept in date order and never overlap: each one starts on or after the previous one ended.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::days_between;

/// Most characters a note may hold.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// One run of clean time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The clean date: the first full day clean of this run.
    pub start: NaiveDate,
    /// How the run ended; `None` while it is running.
    pub end: Option<AttemptEnd>,
}

/// How and when an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptEnd {
    /// The date it ended: the relapse date, or the first day no longer counted after a pause.
    pub date: NaiveDate,
    /// Why it ended.
    pub reason: EndReason,
    /// The user's own note, if any.
    pub note: Option<String>,
}

/// Why an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// A relapse (or lapse): the user reset the counter.
    Relapse,
    /// Paused or stopped without a relapse.
    Pause,
}

impl Attempt {
    /// Clean days in a closed attempt: from its clean date up to (not including) its end date.
    /// `None` while the attempt is running, because a running count depends on today.
    pub fn closed_days(&self) -> Option<i64> {
        self.end
            .as_ref()
            .map(|end| days_between(self.start, end.date).max(0))
    }
}

/// Totals over every attempt of a counter, for a given today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptStats {
    /// Days in the running attempt (0 when paused or not started yet).
    pub current_run_days: i64,
    /// The longest run, closed or running.
    pub longest_run_days: i64,
    /// Clean days summed over all attempts.
    pub total_clean_days: i64,
    /// How many attempts there have been, the running one included.
    pub attempts: usize,
    /// How many attempts ended in a relapse.
    pub relapses: usize,
}

impl AttemptStats {
    /// Stats over `attempts`, where the running attempt (if any) counts `current_run_days`.
    pub(crate) fn over(attempts: &[Attempt], current_run_days: i64) -> AttemptStats {
        let closed = attempts.iter().filter_map(Attempt::closed_days);
        let current = current_run_days.max(0);
        AttemptStats {
            current_run_days: current,
            longest_run_days: closed.clone().chain([current]).max().unwrap_or(0),
            total_clean_days: closed.sum::<i64>() + current,
            attempts: attempts.len(),
            relapses: attempts
                .iter()
                .filter(|a| matches!(&a.end, Some(e) if e.reason == EndReason::Relapse))
                .count(),
        }
    }
}
