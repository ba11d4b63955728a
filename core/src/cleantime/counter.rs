//! A counter: one thing a person counts clean time for, with its settings and its attempts.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::attempts::{Attempt, AttemptEnd, AttemptStats, EndReason, MAX_NOTE_CHARS};
use super::compute::CleanTime;
use super::counting::CountingMode;
use super::error::CleanTimeError;
use super::milestones::{check_name, MilestoneProfile};
use super::money::Money;
use crate::date::check_supported;

/// What a counter counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterKind {
    /// Abstinence from a substance.
    #[default]
    Substance,
    /// Abstinence from a behaviour (gambling, self-harm, ...).
    Behaviour,
    /// A mental-health goal, such as days without self-harm.
    MentalHealthGoal,
    /// Harm reduction: days within a limit the user set, not abstinence.
    ReductionGoal,
}

/// The settings of a counter that the user edits; everything but its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterSettings {
    /// The name the user gave it.
    pub label: String,
    /// What it counts.
    pub kind: CounterKind,
    /// Whether the clean date is day 0 (default) or day 1.
    pub counting: CountingMode,
    /// Which milestones it celebrates.
    pub profile: MilestoneProfile,
    /// What the habit cost per day, for money saved.
    pub daily_cost: Option<Money>,
    /// The local date and time of last use, if the user wants to keep it.
    pub last_use: Option<NaiveDateTime>,
    /// Whether reminders may name this counter (off by default: nothing that outs the user).
    pub name_in_reminders: bool,
}

impl CounterSettings {
    /// Settings with a label and defaults for the rest: substance, completed days, NA key tags.
    pub fn new(label: impl Into<String>) -> CounterSettings {
        CounterSettings {
            label: label.into(),
            kind: CounterKind::default(),
            counting: CountingMode::default(),
            profile: MilestoneProfile::default(),
            daily_cost: None,
            last_use: None,
            name_in_reminders: false,
        }
    }

    fn validate(&self, start: Option<NaiveDate>) -> Result<(), CleanTimeError> {
        check_name(&self.label)?;
        self.profile.validate()?;
        if let (Some(last_use), Some(start)) = (self.last_use, start) {
            check_supported(last_use.date())?;
            if last_use.date() >= start {
                return Err(CleanTimeError::LastUseAfterStart { last_use, start });
            }
        }
        Ok(())
    }
}

/// A clean-time counter: settings, an archived flag, and every attempt in date order.
///
/// ```
/// use chrono::NaiveDate;
/// use oneday_core::cleantime::{Counter, CounterSettings};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let mut c = Counter::new(CounterSettings::new("Clean"), d(2024, 1, 1)).unwrap();
/// c.reset(d(2024, 3, 1), None, Some("a hard week".into())).unwrap();
/// let stats = c.stats(d(2024, 3, 11)).unwrap();
/// assert_eq!((stats.current_run_days, stats.longest_run_days, stats.total_clean_days), (10, 60, 70));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    settings: CounterSettings,
    archived: bool,
    attempts: Vec<Attempt>,
}

impl Counter {
    /// A new counter whose first attempt starts on the clean date `start` (which may be ahead).
    pub fn new(settings: CounterSettings, start: NaiveDate) -> Result<Counter, CleanTimeError> {
        check_supported(start)?;
        settings.validate(Some(start))?;
        Ok(Counter {
            settings,
            archived: false,
            attempts: vec![Attempt { start, end: None }],
        })
    }

    /// The counter's settings.
    pub fn settings(&self) -> &CounterSettings {
        &self.settings
    }

    /// Replaces the settings after checking them.
    pub fn update_settings(&mut self, settings: CounterSettings) -> Result<(), CleanTimeError> {
        settings.validate(self.running().map(|a| a.start))?;
        self.settings = settings;
        Ok(())
    }

    /// Replaces the settings and, when given, the clean date of the running attempt, checked
    /// together (a new last-use time against the new clean date); refused, nothing changes.
    pub(crate) fn replace_settings(
        &mut self,
        settings: CounterSettings,
        start: Option<NaiveDate>,
    ) -> Result<(), CleanTimeError> {
        let mut changed = self.clone();
        if let Some(start) = start {
            // The last use is checked against the new clean date with the new settings below.
            changed.settings.last_use = None;
            changed.set_start(start)?;
        }
        changed.update_settings(settings)?;
        *self = changed;
        Ok(())
    }

    /// Whether the counter is archived (kept, but out of the way).
    pub fn is_archived(&self) -> bool {
        self.archived
    }

    /// Archives or restores the counter. Archiving keeps every attempt.
    pub fn set_archived(&mut self, archived: bool) {
        self.archived = archived;
    }

    /// Replaces every attempt (a merge of two versions of this counter, see `super::merge`).
    pub(crate) fn replace_attempts(&mut self, attempts: Vec<Attempt>) {
        self.attempts = attempts;
    }

    /// Every attempt, oldest first.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    /// The running attempt, if the counter is not paused.
    pub fn running(&self) -> Option<&Attempt> {
        self.attempts.last().filter(|a| a.end.is_none())
    }

    /// The clean date of the running attempt.
    pub fn start(&self) -> Option<NaiveDate> {
        self.running().map(|a| a.start)
    }

    /// Records a relapse on `relapse_on`: closes the running attempt with the note and starts a new
    /// one on `new_start` (default: the relapse date itself, which is then day 0).
    pub fn reset(
        &mut self,
        relapse_on: NaiveDate,
        new_start: Option<NaiveDate>,
        note: Option<String>,
    ) -> Result<(), CleanTimeError> {
        let new_start = new_start.unwrap_or(relapse_on);
        check_supported(new_start)?;
        if new_start < relapse_on {
            return Err(CleanTimeError::TooEarly {
                date: new_start,
                earliest: relapse_on,
                why: "the new clean date cannot be before the relapse",
            });
        }
        self.close(relapse_on, EndReason::Relapse, note)?;
        self.attempts.push(Attempt {
            start: new_start,
            end: None,
        });
        Ok(())
    }

    /// Pauses or stops the count without a relapse, from `on` (not counted).
    pub fn pause(&mut self, on: NaiveDate, note: Option<String>) -> Result<(), CleanTimeError> {
        self.close(on, EndReason::Pause, note)
    }

    /// Starts counting again after a pause, with the clean date `start`.
    pub fn resume(&mut self, start: NaiveDate) -> Result<(), CleanTimeError> {
        check_supported(start)?;
        if self.running().is_some() {
            return Err(CleanTimeError::AlreadyRunning);
        }
        if let Some(previous_end) = self.attempts.last().and_then(|a| a.end.as_ref()) {
            if start < previous_end.date {
                return Err(CleanTimeError::TooEarly {
                    date: start,
                    earliest: previous_end.date,
                    why: "the end of the previous attempt",
                });
            }
        }
        self.attempts.push(Attempt { start, end: None });
        Ok(())
    }

    /// Moves the clean date of the running attempt: an edit (such as back-dating), not a relapse.
    pub fn set_start(&mut self, start: NaiveDate) -> Result<(), CleanTimeError> {
        check_supported(start)?;
        let earliest = self
            .attempts
            .iter()
            .rev()
            .nth(1)
            .and_then(|a| a.end.as_ref())
            .map(|e| e.date);
        if let Some(earliest) = earliest {
            if start < earliest {
                return Err(CleanTimeError::TooEarly {
                    date: start,
                    earliest,
                    why: "the end of the previous attempt",
                });
            }
        }
        if let Some(last_use) = self.settings.last_use {
            if last_use.date() >= start {
                return Err(CleanTimeError::LastUseAfterStart { last_use, start });
            }
        }
        let running = self
            .attempts
            .last_mut()
            .filter(|a| a.end.is_none())
            .ok_or(CleanTimeError::NotRunning)?;
        running.start = start;
        Ok(())
    }

    /// Clean time of the running attempt on `today` (a paused counter reports [`CountState::Paused`]).
    ///
    /// [`CountState::Paused`]: super::CountState::Paused
    pub fn clean_time(&self, today: NaiveDate) -> Result<CleanTime, CleanTimeError> {
        match self.running() {
            Some(a) => CleanTime::compute(
                a.start,
                today,
                self.settings.counting,
                &self.settings.profile,
                self.settings.daily_cost.as_ref(),
            ),
            None => CleanTime::paused(today, self.settings.daily_cost.as_ref()),
        }
    }

    /// Current run, longest run, total clean days, attempts and relapses on `today`.
    pub fn stats(&self, today: NaiveDate) -> Result<AttemptStats, CleanTimeError> {
        let current = self.clean_time(today)?.total_days;
        Ok(AttemptStats::over(&self.attempts, current))
    }

    fn close(
        &mut self,
        on: NaiveDate,
        reason: EndReason,
        note: Option<String>,
    ) -> Result<(), CleanTimeError> {
        check_supported(on)?;
        let note = note.filter(|n| !n.trim().is_empty());
        if let Some(note) = &note {
            check_note(note)?;
        }
        let running = self
            .attempts
            .last_mut()
            .filter(|a| a.end.is_none())
            .ok_or(CleanTimeError::NotRunning)?;
        if on < running.start {
            return Err(CleanTimeError::TooEarly {
                date: on,
                earliest: running.start,
                why: "the clean date of the running attempt",
            });
        }
        running.end = Some(AttemptEnd {
            date: on,
            reason,
            note,
        });
        Ok(())
    }
}

/// Checks a note: at most [`MAX_NOTE_CHARS`] characters; line breaks and tabs allowed, other control
/// characters not.
fn check_note(note: &str) -> Result<(), CleanTimeError> {
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(CleanTimeError::NoteTooLong {
            max: MAX_NOTE_CHARS,
        });
    }
    if note
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(CleanTimeError::ControlCharacters);
    }
    Ok(())
}

/// Backups: a counter is matched by its name (ignoring case and spaces around it) and merged by
/// [`super::merge::merge`]; contradicting histories keep both counters.
impl crate::record_merge::Mergeable for Counter {
    fn identity(&self) -> String {
        self.settings.label.trim().to_lowercase()
    }

    fn merge(
        local: &Self,
        incoming: &Self,
        incoming_is_newer: bool,
    ) -> crate::record_merge::Merged<Self> {
        use super::merge::{merge, CounterMerge};
        use crate::record_merge::Merged;
        let (older, newer) = if incoming_is_newer {
            (local, incoming)
        } else {
            (incoming, local)
        };
        match merge(older, newer) {
            CounterMerge::Merged(m) if &m == local => Merged::Local,
            CounterMerge::Merged(m) if &m == incoming => Merged::Incoming,
            CounterMerge::Merged(m) => Merged::Combined(m),
            CounterMerge::Conflict => Merged::Both(incoming.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cleantime::CountState;
    use crate::test_support::d;

    fn counter(start: NaiveDate) -> Counter {
        Counter::new(CounterSettings::new("Clean"), start).unwrap()
    }

    #[test]
    fn reset_keeps_history_and_stats() {
        let mut c = counter(d(2023, 1, 1));
        c.reset(d(2023, 4, 11), None, Some("lost my job".into()))
            .unwrap(); // 100 days
        c.reset(d(2023, 5, 1), Some(d(2023, 5, 2)), None).unwrap(); // 20 days
        let s = c.stats(d(2023, 6, 1)).unwrap(); // 30 days running
        assert_eq!(s.current_run_days, 30);
        assert_eq!(s.longest_run_days, 100);
        assert_eq!(s.total_clean_days, 150);
        assert_eq!(s.attempts, 3);
        assert_eq!(s.relapses, 2);
        assert_eq!(
            c.attempts()[0].end.as_ref().unwrap().note.as_deref(),
            Some("lost my job")
        );
        assert_eq!(c.start(), Some(d(2023, 5, 2)));
    }

    #[test]
    fn back_dating_is_an_edit_not_a_relapse() {
        let mut c = counter(d(2024, 3, 1));
        c.set_start(d(2024, 1, 1)).unwrap();
        let s = c.stats(d(2024, 3, 1)).unwrap();
        assert_eq!(s.attempts, 1);
        assert_eq!(s.relapses, 0);
        assert_eq!(s.current_run_days, 60);
    }

    #[test]
    fn back_dating_cannot_overlap_the_previous_attempt() {
        let mut c = counter(d(2024, 1, 1));
        c.reset(d(2024, 2, 1), None, None).unwrap();
        assert!(matches!(
            c.set_start(d(2024, 1, 15)),
            Err(CleanTimeError::TooEarly { .. })
        ));
        c.set_start(d(2024, 2, 1)).unwrap();
    }

    #[test]
    fn reset_before_the_clean_date_is_refused_and_changes_nothing() {
        let mut c = counter(d(2024, 1, 10));
        let before = c.clone();
        assert!(matches!(
            c.reset(d(2024, 1, 9), None, None),
            Err(CleanTimeError::TooEarly { .. })
        ));
        assert!(matches!(
            c.reset(d(2024, 1, 12), Some(d(2024, 1, 11)), None),
            Err(CleanTimeError::TooEarly { .. })
        ));
        assert_eq!(c, before);
    }

    #[test]
    fn pause_and_resume_without_relapse() {
        let mut c = counter(d(2024, 1, 1));
        c.pause(d(2024, 1, 11), Some("in hospital".into())).unwrap();
        assert_eq!(
            c.clean_time(d(2024, 1, 20)).unwrap().state,
            CountState::Paused
        );
        assert!(matches!(
            c.reset(d(2024, 1, 20), None, None),
            Err(CleanTimeError::NotRunning)
        ));
        assert!(matches!(
            c.resume(d(2024, 1, 5)),
            Err(CleanTimeError::TooEarly { .. })
        ));
        c.resume(d(2024, 1, 21)).unwrap();
        assert!(matches!(
            c.resume(d(2024, 1, 22)),
            Err(CleanTimeError::AlreadyRunning)
        ));
        let s = c.stats(d(2024, 1, 31)).unwrap();
        assert_eq!((s.total_clean_days, s.relapses, s.attempts), (20, 0, 2));
    }

    #[test]
    fn last_use_must_precede_the_clean_date() {
        let mut settings = CounterSettings::new("Clean");
        settings.last_use = NaiveDate::from_ymd_opt(2024, 1, 1)
            .unwrap()
            .and_hms_opt(23, 30, 0);
        assert!(matches!(
            Counter::new(settings.clone(), d(2024, 1, 1)),
            Err(CleanTimeError::LastUseAfterStart { .. })
        ));
        let mut c = Counter::new(settings, d(2024, 1, 2)).unwrap();
        assert!(matches!(
            c.set_start(d(2023, 12, 31)),
            Err(CleanTimeError::LastUseAfterStart { .. })
        ));
    }

    #[test]
    fn labels_and_notes_are_checked() {
        assert!(matches!(
            Counter::new(CounterSettings::new(" "), d(2024, 1, 1)),
            Err(CleanTimeError::EmptyName)
        ));
        assert!(matches!(
            Counter::new(CounterSettings::new("x".repeat(81)), d(2024, 1, 1)),
            Err(CleanTimeError::NameTooLong { .. })
        ));
        let mut c = counter(d(2024, 1, 1));
        assert!(matches!(
            c.reset(d(2024, 1, 2), None, Some("a\u{0007}b".into())),
            Err(CleanTimeError::ControlCharacters)
        ));
        c.reset(d(2024, 1, 2), None, Some("line one\nline two".into()))
            .unwrap();
    }
}
