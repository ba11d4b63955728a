//! Counters kept in the vault: one sealed record of kind [`RecordKind::Counter`] per counter, holding
//! the whole counter (settings, archived flag, every attempt) so one write is one atomic change.

use chrono::NaiveDate;
use thiserror::Error;

use super::counter::Counter;
use super::edit::CounterEdit;
use super::error::CleanTimeError;
use crate::vault::{match_id_prefix, PrefixMatch, RecordId, RecordKind, Vault, VaultError};

/// Why a stored-counter operation failed.
#[derive(Debug, Error)]
pub enum CounterStoreError {
    /// No counter has that id.
    #[error("there is no counter with that id")]
    NotFound,
    /// More than one counter has an id starting with the digits given.
    #[error("more than one counter has an id starting with those digits")]
    Ambiguous,
    /// The change was refused by the clean-time rules; nothing was written.
    #[error(transparent)]
    Invalid(#[from] CleanTimeError),
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// A counter with its id in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCounter {
    /// Its record id.
    pub id: RecordId,
    /// The counter.
    pub counter: Counter,
}

/// Saves a new counter and returns its fresh random id.
pub fn add(vault: &Vault, counter: &Counter) -> Result<RecordId, CounterStoreError> {
    let id = RecordId::generate()?;
    vault.put(RecordKind::Counter, &id, counter)?;
    Ok(id)
}

/// The counter with this id.
pub fn get(vault: &Vault, id: &RecordId) -> Result<Counter, CounterStoreError> {
    vault
        .get(RecordKind::Counter, id)?
        .ok_or(CounterStoreError::NotFound)
}

/// Every counter, archived ones included, in a stable order: oldest first attempt first, then label.
pub fn list(vault: &Vault) -> Result<Vec<StoredCounter>, CounterStoreError> {
    let mut all: Vec<StoredCounter> = vault
        .list::<Counter>(RecordKind::Counter)?
        .into_iter()
        .map(|(id, counter)| StoredCounter { id, counter })
        .collect();
    all.sort_by(|a, b| {
        let first = |c: &Counter| {
            c.attempts()
                .first()
                .map(|a| a.start)
                .unwrap_or(NaiveDate::MAX)
        };
        first(&a.counter)
            .cmp(&first(&b.counter))
            .then_with(|| a.counter.settings().label.cmp(&b.counter.settings().label))
            .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
    });
    Ok(all)
}

/// The counter whose record id is `prefix` or starts with it (see [`match_id_prefix`]).
pub fn find(vault: &Vault, prefix: &str) -> Result<StoredCounter, CounterStoreError> {
    match match_id_prefix(list(vault)?, prefix, |c| &c.id) {
        PrefixMatch::One(found) => Ok(found),
        PrefixMatch::Many => Err(CounterStoreError::Ambiguous),
        PrefixMatch::None => Err(CounterStoreError::NotFound),
    }
}

/// Applies `change` to the counter with this id and saves it, in one vault transaction (so two
/// concurrent updates cannot lose each other's change); when the change is refused, nothing is
/// written. Returns the counter as saved.
pub fn update(
    vault: &Vault,
    id: &RecordId,
    change: impl FnOnce(&mut Counter) -> Result<(), CleanTimeError>,
) -> Result<Counter, CounterStoreError> {
    vault.transaction(|tx| {
        let mut counter: Counter = tx
            .get(RecordKind::Counter, id)?
            .ok_or(CounterStoreError::NotFound)?;
        change(&mut counter)?;
        tx.put(RecordKind::Counter, id, &counter)?;
        Ok(counter)
    })
}

/// Applies a person's edit of the counter with this id (settings, clean date, archived) in one
/// vault transaction; refused, nothing is written. Returns the counter as saved.
pub fn edit(vault: &Vault, id: &RecordId, edit: CounterEdit) -> Result<Counter, CounterStoreError> {
    update(vault, id, |counter| counter.apply(edit))
}

/// Deletes the counter with this id, with all its history.
pub fn delete(vault: &Vault, id: &RecordId) -> Result<(), CounterStoreError> {
    if vault.delete(id)? {
        Ok(())
    } else {
        Err(CounterStoreError::NotFound)
    }
}
