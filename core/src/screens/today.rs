//! The Today screen as data: one card per visible counter with every number it shows, the count the
//! widget shows, and the milestone reminders to schedule, in one read of the vault.
//!
//! Archived counters are hidden here and nowhere else (unless the caller asks for them all, as
//! `oneday status --all` does), and reminders are gathered across counters and sorted here.

use chrono::NaiveDate;
use serde::Serialize;

use crate::cleantime::reminders::{self, CounterReminder, ReminderWindow};
use crate::cleantime::store::{self, CounterStoreError, StoredCounter};
use crate::cleantime::{AttemptStats, CleanTime, CountState, CounterSettings, Milestone};
use crate::vault::{RecordId, Vault};

/// What the caller wants on the screen besides the visible counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TodayOptions {
    /// Show archived counters too (flagged), as `oneday status --all`.
    pub include_archived: bool,
    /// Which milestone reminders to gather.
    pub reminders: ReminderWindow,
}

/// One counter's card: every number on it is computed here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterCard {
    /// The counter's record id, for actions (reset, edit, archive).
    pub id: RecordId,
    /// Its settings: the name the user gave it, what it counts, how, ...
    pub settings: CounterSettings,
    /// Whether it is archived (only with [`TodayOptions::include_archived`]).
    pub archived: bool,
    /// Clean time on the day: state, day count, period, milestones, the next one and money saved.
    pub clean_time: CleanTime,
    /// The latest key tag or chip reached, if any.
    pub key_tag: Option<Milestone>,
    /// Current run, longest run, total clean days, attempts and relapses.
    pub stats: AttemptStats,
    /// Whether the reset (relapse) action is offered: only a running count can be reset.
    pub can_reset: bool,
}

/// The Today screen on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayScreen {
    /// The day it is for (the shell's local date).
    pub today: NaiveDate,
    /// The cards, in the store's order (oldest first attempt first, then label).
    pub cards: Vec<CounterCard>,
    /// The days clean of the first running card, for a widget that names no counter; `None` when
    /// no counter is running.
    pub widget_days: Option<i64>,
    /// The milestone reminders to schedule, by date then time.
    pub reminders: Vec<CounterReminder>,
}

/// The Today screen on `today` (the shell's local date).
pub fn today(
    vault: &Vault,
    today: NaiveDate,
    options: TodayOptions,
) -> Result<TodayScreen, CounterStoreError> {
    let counters: Vec<StoredCounter> = store::list(vault)?
        .into_iter()
        .filter(|c| options.include_archived || !c.counter.is_archived())
        .collect();
    let cards = counters
        .iter()
        .map(|c| CounterCard::of(c, today))
        .collect::<Result<Vec<_>, _>>()?;
    let widget_days = cards
        .iter()
        .find(|c| !c.archived && c.clean_time.state == CountState::Running)
        .map(|c| c.clean_time.total_days);
    Ok(TodayScreen {
        today,
        cards,
        widget_days,
        reminders: reminders::across(&counters, today, options.reminders)?,
    })
}

impl CounterCard {
    /// The card of one stored counter on `today` (as on the Today screen; archived or not).
    pub fn of(stored: &StoredCounter, today: NaiveDate) -> Result<CounterCard, CounterStoreError> {
        let counter = &stored.counter;
        let clean_time = counter.clean_time(today)?;
        let stats = AttemptStats::over(counter.attempts(), clean_time.total_days);
        Ok(CounterCard {
            id: stored.id,
            settings: counter.settings().clone(),
            archived: counter.is_archived(),
            key_tag: clean_time.milestones_reached.last().cloned(),
            can_reset: clean_time.state == CountState::Running,
            stats,
            clean_time,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cleantime::{Counter, CounterEdit};
    use crate::test_support::{d, temp_vault};

    fn add(vault: &Vault, label: &str, start: NaiveDate) -> RecordId {
        store::add(
            vault,
            &Counter::new(CounterSettings::new(label), start).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn archived_counters_are_hidden_unless_asked_for() {
        let (_dir, v) = temp_vault();
        let kept = add(&v, "Kept", d(2024, 1, 1));
        let old = add(&v, "Old", d(2023, 1, 1));
        let archive = CounterEdit {
            archived: Some(true),
            ..Default::default()
        };
        store::edit(&v, &old, archive).unwrap();
        let day = d(2024, 1, 20);
        let screen = today(&v, day, TodayOptions::default()).unwrap();
        assert_eq!(
            screen.cards.iter().map(|c| c.id).collect::<Vec<_>>(),
            [kept]
        );
        assert!(screen.reminders.iter().all(|r| r.counter_id == kept));
        let all = TodayOptions {
            include_archived: true,
            ..Default::default()
        };
        let screen = today(&v, day, all).unwrap();
        let flags: Vec<_> = screen.cards.iter().map(|c| (c.id, c.archived)).collect();
        assert_eq!(flags, [(old, true), (kept, false)]);
        // The widget never shows an archived counter's count, even when it is listed first.
        assert_eq!(screen.widget_days, Some(19));
        // Reminders never come from an archived counter.
        assert!(screen.reminders.iter().all(|r| r.counter_id == kept));
    }

    #[test]
    fn cards_carry_every_number_the_screen_shows() {
        let (_dir, v) = temp_vault();
        let running = add(&v, "Running", d(2024, 1, 1));
        let later = add(&v, "Later", d(2024, 2, 4));
        let paused = add(&v, "Paused", d(2023, 6, 1));
        store::update(&v, &paused, |c| c.pause(d(2024, 1, 10), None)).unwrap();
        let screen = today(&v, d(2024, 2, 1), TodayOptions::default()).unwrap();
        let by_id = |id| screen.cards.iter().find(|c| c.id == id).unwrap();

        let r = by_id(running);
        assert_eq!(r.settings.label, "Running");
        assert_eq!(r.clean_time.total_days, 31);
        assert_eq!(r.key_tag.as_ref().unwrap().label, "30 days");
        let next = r.clean_time.next_milestone.as_ref().unwrap();
        assert_eq!(
            (next.milestone.label.as_str(), next.days_until),
            ("60 days", 29)
        );
        assert!(r.can_reset);
        assert_eq!(r.stats.current_run_days, 31);

        let l = by_id(later);
        assert_eq!(l.clean_time.state, CountState::NotStarted);
        assert_eq!(l.clean_time.starts_in_days, Some(3));
        assert!(l.key_tag.is_none() && !l.can_reset);

        let p = by_id(paused);
        assert_eq!(p.clean_time.state, CountState::Paused);
        assert!(!p.can_reset);
        assert_eq!(p.stats.total_clean_days, 223);

        // The widget's count is the first running card's, in the store's order.
        assert_eq!(screen.widget_days, Some(31));
    }

    #[test]
    fn reminders_are_gathered_across_counters_by_date() {
        let (_dir, v) = temp_vault();
        let a = add(&v, "A", d(2024, 1, 5));
        let b = add(&v, "B", d(2024, 1, 1));
        let screen = today(&v, d(2024, 1, 20), TodayOptions::default()).unwrap();
        let got: Vec<_> = screen
            .reminders
            .iter()
            .map(|r| (r.reminder.date, r.counter_id))
            .collect();
        // 60 days ahead: 30 days of B, 30 days of A, 60 days of B, 60 days of A (both before 03-20).
        assert_eq!(
            got,
            [
                (d(2024, 1, 31), b),
                (d(2024, 2, 4), a),
                (d(2024, 3, 1), b),
                (d(2024, 3, 5), a),
            ]
        );
        assert!(screen.widget_days.is_some());
    }

    #[test]
    fn an_empty_vault_is_an_empty_screen() {
        let (_dir, v) = temp_vault();
        let screen = today(&v, d(2024, 1, 20), TodayOptions::default()).unwrap();
        assert!(screen.cards.is_empty() && screen.reminders.is_empty());
        assert_eq!(screen.widget_days, None);
    }
}
