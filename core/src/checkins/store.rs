//! Check-ins kept in the vault: one sealed record of kind [`RecordKind::CheckIn`] per civil date.
//!
//! The record holds the whole [`CheckIn`], its date included; record ids are random and say
//! nothing, so the record of a date is found by listing (decrypting) the check-ins, never by an
//! index in plaintext. One date has at most one record: [`record`] finds and replaces the date's
//! record inside one vault transaction, so re-recording a day edits it.

use chrono::NaiveDate;

use super::checkin::CheckIn;
use super::error::CheckInError;
use super::preferences;
use super::trends::{self, Trends};
use crate::date::check_supported;
use crate::vault::{RecordId, RecordKind, Vault, VaultTx};

/// What [`record`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The check-in as saved (tidied, symptoms spelled as in the user's list).
    pub check_in: CheckIn,
    /// Whether it replaced that day's earlier check-in.
    pub replaced: bool,
}

/// Saves the check-in of its date, replacing that day's earlier one (a day's check-in is
/// editable). Refused, with nothing written, when a rule of [`super::checkin`] is broken, the
/// date is after `today` (the shell's local date), or a symptom is in neither the user's list nor
/// the day's earlier check-in.
pub fn record(
    vault: &Vault,
    check_in: CheckIn,
    today: NaiveDate,
) -> Result<Recorded, CheckInError> {
    check_supported(today)?;
    let mut check_in = check_in.checked()?;
    if check_in.date > today {
        return Err(CheckInError::FutureDate {
            date: check_in.date,
            today,
        });
    }
    let preferences = preferences::load(vault)?;
    vault.transaction(|tx| {
        let existing = find_in(tx, check_in.date)?;
        let kept: &[String] = existing.as_ref().map_or(&[], |(_, c)| &c.symptoms);
        check_in.symptoms = preferences.resolve_symptoms(&check_in.symptoms, kept)?;
        let (id, replaced) = match &existing {
            Some((id, _)) => (*id, true),
            None => (RecordId::generate()?, false),
        };
        tx.put(RecordKind::CheckIn, &id, &check_in)?;
        Ok(Recorded { check_in, replaced })
    })
}

fn find_in(tx: &VaultTx<'_>, date: NaiveDate) -> Result<Option<(RecordId, CheckIn)>, CheckInError> {
    Ok(tx
        .list::<CheckIn>(RecordKind::CheckIn)?
        .into_iter()
        .find(|(_, c)| c.date == date))
}

/// The check-in of `date`, if there is one.
pub fn get(vault: &Vault, date: NaiveDate) -> Result<Option<CheckIn>, CheckInError> {
    check_supported(date)?;
    Ok(vault
        .list::<CheckIn>(RecordKind::CheckIn)?
        .into_iter()
        .map(|(_, c)| c)
        .find(|c| c.date == date))
}

/// The check-ins from `from` through `to` (both included), oldest first.
pub fn list(vault: &Vault, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>, CheckInError> {
    check_supported(from)?;
    check_supported(to)?;
    if from > to {
        return Err(CheckInError::RangeReversed { from, to });
    }
    Ok(list_all(vault)?
        .into_iter()
        .filter(|c| (from..=to).contains(&c.date))
        .collect())
}

/// Every check-in, oldest first.
pub fn list_all(vault: &Vault) -> Result<Vec<CheckIn>, CheckInError> {
    let mut all: Vec<CheckIn> = vault
        .list::<CheckIn>(RecordKind::CheckIn)?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    all.sort_by_key(|c| c.date);
    Ok(all)
}

/// Deletes the check-in of `date`; [`CheckInError::NotFound`] when there is none.
pub fn delete(vault: &Vault, date: NaiveDate) -> Result<(), CheckInError> {
    check_supported(date)?;
    vault.transaction(|tx| match find_in(tx, date)? {
        Some((id, _)) => {
            tx.delete(&id)?;
            Ok(())
        }
        None => Err(CheckInError::NotFound { date }),
    })
}

/// Trends on `today` over every stored check-in, with the user's thresholds
/// ([`trends::trends`]).
pub fn trends(vault: &Vault, today: NaiveDate, window_days: u32) -> Result<Trends, CheckInError> {
    let thresholds = preferences::load(vault)?.thresholds;
    trends::trends(&list_all(vault)?, today, window_days, &thresholds)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::checkins::preferences::CheckInPreferences;
    use crate::test_support::{d, temp_vault};

    #[test]
    fn one_record_per_day_and_re_recording_edits_it() {
        let (_dir, v) = temp_vault();
        let today = d(2024, 5, 7);
        let first = CheckIn {
            mood: Some(2),
            craving: Some(6),
            ..CheckIn::new(today)
        };
        let r = record(&v, first, today).unwrap();
        assert!(!r.replaced);
        let edit = CheckIn {
            mood: Some(4),
            ..CheckIn::new(today)
        };
        let r = record(&v, edit.clone(), today).unwrap();
        assert!(r.replaced);
        assert_eq!(get(&v, today).unwrap(), Some(edit));
        assert_eq!(v.list::<CheckIn>(RecordKind::CheckIn).unwrap().len(), 1);
    }

    #[test]
    fn future_dates_and_bad_values_write_nothing() {
        let (_dir, v) = temp_vault();
        let today = d(2024, 5, 7);
        let tomorrow = CheckIn {
            mood: Some(3),
            ..CheckIn::new(d(2024, 5, 8))
        };
        let err = record(&v, tomorrow, today).unwrap_err();
        assert!(matches!(err, CheckInError::FutureDate { .. }));
        assert_eq!(
            err.to_string(),
            "2024-05-08 is after today (2024-05-07); a check-in can only be for today or an earlier day"
        );
        let nine = CheckIn {
            mood: Some(9),
            ..CheckIn::new(today)
        };
        assert!(matches!(
            record(&v, nine, today),
            Err(CheckInError::MoodOutOfRange { value: 9 })
        ));
        assert!(list_all(&v).unwrap().is_empty());
    }

    #[test]
    fn symptoms_come_from_the_list_and_survive_its_edits() {
        let (_dir, v) = temp_vault();
        let today = d(2024, 5, 7);
        let with = |names: &[&str]| CheckIn {
            symptoms: names.iter().map(|s| s.to_string()).collect(),
            ..CheckIn::new(today)
        };
        assert!(matches!(
            record(&v, with(&["anxiety"]), today),
            Err(CheckInError::UnknownSymptom { position: 1 })
        ));
        let mut prefs = CheckInPreferences::default();
        prefs.add_symptom("Anxiety").unwrap();
        preferences::save(&v, &prefs).unwrap();
        let r = record(&v, with(&["anxiety"]), today).unwrap();
        assert_eq!(r.check_in.symptoms, vec!["Anxiety"]);
        prefs.remove_symptom("anxiety");
        preferences::save(&v, &prefs).unwrap();
        // The day keeps it, and an edit of that day may keep it too.
        assert_eq!(get(&v, today).unwrap().unwrap().symptoms, vec!["Anxiety"]);
        assert!(record(&v, with(&["ANXIETY"]), today).is_ok());
        // Another day may not name it any more.
        let yesterday = CheckIn {
            date: d(2024, 5, 6),
            ..with(&["anxiety"])
        };
        assert!(matches!(
            record(&v, yesterday, today),
            Err(CheckInError::UnknownSymptom { .. })
        ));
    }

    #[test]
    fn list_get_delete() {
        let (_dir, v) = temp_vault();
        let today = d(2024, 5, 7);
        for day in [5, 1, 3] {
            let c = CheckIn {
                craving: Some(day as u8),
                ..CheckIn::new(d(2024, 5, day))
            };
            record(&v, c, today).unwrap();
        }
        let dates = |cs: Vec<CheckIn>| cs.into_iter().map(|c| c.date).collect::<Vec<_>>();
        assert_eq!(
            dates(list_all(&v).unwrap()),
            vec![d(2024, 5, 1), d(2024, 5, 3), d(2024, 5, 5)]
        );
        assert_eq!(
            dates(list(&v, d(2024, 5, 2), d(2024, 5, 5)).unwrap()),
            vec![d(2024, 5, 3), d(2024, 5, 5)]
        );
        assert!(matches!(
            list(&v, d(2024, 5, 5), d(2024, 5, 2)),
            Err(CheckInError::RangeReversed { .. })
        ));
        assert_eq!(get(&v, d(2024, 5, 2)).unwrap(), None);
        delete(&v, d(2024, 5, 3)).unwrap();
        assert!(matches!(
            delete(&v, d(2024, 5, 3)),
            Err(CheckInError::NotFound { .. })
        ));
        assert_eq!(list_all(&v).unwrap().len(), 2);
        let t = trends(&v, today, 7).unwrap();
        assert_eq!(t.averages[0].days_checked_in, 2);
    }

    #[test]
    fn a_locked_vault_is_a_vault_error() {
        let (_dir, v) = temp_vault();
        v.lock();
        let c = CheckIn {
            mood: Some(3),
            ..CheckIn::new(d(2024, 5, 7))
        };
        assert!(matches!(
            record(&v, c, d(2024, 5, 7)),
            Err(CheckInError::Vault(crate::vault::VaultError::Locked))
        ));
    }
}
