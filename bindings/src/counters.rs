//! The counter methods of [`Vault`]: counters kept as sealed records, and their status on a day.
//!
//! Each change is one read-modify-write of the counter's record through core's store
//! (`oneday_core::cleantime::store`); a change core refuses writes nothing. Every method throws
//! `CleanTimeError`: `Locked` on a locked vault, `NotFound` for an unknown id, `Validation`,
//! `InvalidDate`, `NotRunning` / `AlreadyRunning` for refused changes.

use oneday_core::cleantime::reminders::{self, ReminderWindow};
use oneday_core::cleantime::store::{self, StoredCounter};
use oneday_core::cleantime::Counter as CoreCounter;
use oneday_core::screens::{self, CounterCard, TodayOptions};
use oneday_core::vault::RecordId;

use crate::counter::{
    Counter, CounterEdit, CounterReminder, CounterSettings, CounterStatus, TodayCard, TodayOverview,
};
use crate::dates::{LocalDate, LocalTime};
use crate::errors::CleanTimeError;
use crate::vault::Vault;

#[uniffi::export]
impl Vault {
    /// Adds a counter whose first attempt starts on the clean date `start` (which may be ahead).
    pub fn add_counter(
        &self,
        settings: CounterSettings,
        start: LocalDate,
    ) -> Result<Counter, CleanTimeError> {
        let counter = CoreCounter::new(settings.try_into()?, start)?;
        let id = store::add(&self.inner, &counter)?;
        Ok(Counter::from(&StoredCounter { id, counter }))
    }

    /// Every counter, archived ones included: oldest first attempt first, then by label.
    pub fn counters(&self) -> Result<Vec<Counter>, CleanTimeError> {
        Ok(store::list(&self.inner)?
            .iter()
            .map(Counter::from)
            .collect())
    }

    /// The counter with this id.
    pub fn counter(&self, id: String) -> Result<Counter, CleanTimeError> {
        let id = parse_id(&id)?;
        let counter = store::get(&self.inner, &id)?;
        Ok(Counter::from(&StoredCounter { id, counter }))
    }

    /// Records a relapse on `relapse_on`: the running attempt ends there with the optional `note`,
    /// and a new one starts on `new_start` (default: the relapse date, which is then day 0). The
    /// history and the stats are kept.
    #[uniffi::method(default(new_start = None, note = None))]
    pub fn reset_counter(
        &self,
        id: String,
        relapse_on: LocalDate,
        new_start: Option<LocalDate>,
        note: Option<String>,
    ) -> Result<Counter, CleanTimeError> {
        self.change(&id, |c| c.reset(relapse_on, new_start, note))
    }

    /// Pauses (or stops) the count without a relapse from `on`, with an optional note.
    #[uniffi::method(default(note = None))]
    pub fn pause_counter(
        &self,
        id: String,
        on: LocalDate,
        note: Option<String>,
    ) -> Result<Counter, CleanTimeError> {
        self.change(&id, |c| c.pause(on, note))
    }

    /// Starts counting again after a pause, from the clean date `start`.
    pub fn resume_counter(&self, id: String, start: LocalDate) -> Result<Counter, CleanTimeError> {
        self.change(&id, |c| c.resume(start))
    }

    /// Applies a person's edit of the counter (name, kind, counting, milestones, daily cost, last
    /// use, reminders, clean date, archived) in one transaction: only the fields given change, and
    /// when core refuses any of them nothing is written. Returns the counter as saved.
    pub fn edit_counter(&self, id: String, edit: CounterEdit) -> Result<Counter, CleanTimeError> {
        let edit = edit.try_into()?;
        self.change(&id, |c| c.apply(edit))
    }

    /// The Today screen on the local date `today`, in one call: a card per counter that is not
    /// archived (all of them with `include_archived`), the widget's count, and the milestone
    /// reminders from `today` through `today + reminder_days` (default 60) at `reminder_time`
    /// (default 09:00), sorted by date then time.
    #[uniffi::method(default(include_archived = false, reminder_days = None, reminder_time = None))]
    pub fn today(
        &self,
        today: LocalDate,
        include_archived: bool,
        reminder_days: Option<u32>,
        reminder_time: Option<LocalTime>,
    ) -> Result<TodayOverview, CleanTimeError> {
        let defaults = ReminderWindow::default();
        let options = TodayOptions {
            include_archived,
            reminders: ReminderWindow {
                horizon_days: reminder_days.unwrap_or(defaults.horizon_days),
                at: reminder_time.unwrap_or(defaults.at),
            },
        };
        Ok(screens::today(&self.inner, today, options)?.into())
    }

    /// One counter's card on the local date `today`, as the Today screen shows it (archived or
    /// not): after an action on that counter, its new card in one call.
    pub fn today_card(&self, id: String, today: LocalDate) -> Result<TodayCard, CleanTimeError> {
        let id = parse_id(&id)?;
        let counter = store::get(&self.inner, &id)?;
        Ok(CounterCard::of(&StoredCounter { id, counter }, today)?.into())
    }

    /// Deletes the counter with all its history.
    pub fn delete_counter(&self, id: String) -> Result<(), CleanTimeError> {
        Ok(store::delete(&self.inner, &parse_id(&id)?)?)
    }

    /// One counter's clean time and stats on the local date `today`.
    pub fn counter_status(
        &self,
        id: String,
        today: LocalDate,
    ) -> Result<CounterStatus, CleanTimeError> {
        let id = parse_id(&id)?;
        let counter = store::get(&self.inner, &id)?;
        status_of(&StoredCounter { id, counter }, today)
    }

    /// Every counter's clean time and stats on the local date `today` (archived ones included,
    /// flagged), in the order of `counters()`: the dashboard in one call.
    pub fn status(&self, today: LocalDate) -> Result<Vec<CounterStatus>, CleanTimeError> {
        store::list(&self.inner)?
            .iter()
            .map(|c| status_of(c, today))
            .collect()
    }

    /// Milestone notifications from `today` through `today + horizon_days`, each at the local time
    /// `at`, for every counter that is neither archived nor paused; sorted by date then time (as in
    /// `today`). The text is
    /// neutral unless the counter opted in to being named.
    pub fn upcoming_reminders(
        &self,
        today: LocalDate,
        horizon_days: u32,
        at: LocalTime,
    ) -> Result<Vec<CounterReminder>, CleanTimeError> {
        let window = ReminderWindow { horizon_days, at };
        Ok(
            reminders::across(&store::list(&self.inner)?, today, window)?
                .into_iter()
                .map(Into::into)
                .collect(),
        )
    }
}

impl Vault {
    /// Applies a change to one counter and saves it; nothing is written when core refuses it.
    fn change(
        &self,
        id: &str,
        change: impl FnOnce(&mut CoreCounter) -> Result<(), oneday_core::cleantime::CleanTimeError>,
    ) -> Result<Counter, CleanTimeError> {
        let id = parse_id(id)?;
        let counter = store::update(&self.inner, &id, change)?;
        Ok(Counter::from(&StoredCounter { id, counter }))
    }
}

fn parse_id(id: &str) -> Result<RecordId, CleanTimeError> {
    Ok(id.parse::<RecordId>()?)
}

fn status_of(stored: &StoredCounter, today: LocalDate) -> Result<CounterStatus, CleanTimeError> {
    Ok(CounterStatus {
        counter: stored.into(),
        clean_time: stored.counter.clean_time(today)?.into(),
        stats: stored.counter.stats(today)?.into(),
    })
}
