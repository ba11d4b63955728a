//! The check-in screen of one day as data: the day's check-in (to edit) or none (an empty form),
//! the preferences that shape the form (the user's symptom list), the check-in streak and the cues
//! raised, all from one read of the vault.

use chrono::NaiveDate;

use crate::checkins::{
    preferences, store, trends, CheckIn, CheckInError, CheckInPreferences, Streak, ThresholdFlag,
};
use crate::date::check_supported;
use crate::vault::Vault;

/// The check-in screen of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInDay {
    /// The day.
    pub date: NaiveDate,
    /// The day's saved check-in; `None`: the form starts empty.
    pub check_in: Option<CheckIn>,
    /// The user's preferences: the symptoms the form offers and the thresholds of the cues.
    pub preferences: CheckInPreferences,
    /// The run of days with a check-in ending that day (or the day before, until it has one).
    pub streak: Streak,
    /// The cues the user's thresholds raise on that day, craving first (nudges, never a diagnosis).
    pub cues: Vec<ThresholdFlag>,
}

/// The check-in screen of `date` (the shell's local date for today's screen).
pub fn checkin_day(vault: &Vault, date: NaiveDate) -> Result<CheckInDay, CheckInError> {
    check_supported(date)?;
    let preferences = preferences::load(vault)?;
    let all = store::list_all(vault)?;
    Ok(CheckInDay {
        date,
        check_in: all.iter().find(|c| c.date == date).cloned(),
        streak: trends::streak(&all, date),
        cues: trends::flags(&all, date, &preferences.thresholds),
        preferences,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::checkins::FlagRule;
    use crate::test_support::{d, temp_vault};

    fn craving(vault: &Vault, date: NaiveDate, value: u8) {
        let c = CheckIn {
            craving: Some(value),
            ..CheckIn::new(date)
        };
        store::record(vault, c, date).unwrap();
    }

    #[test]
    fn an_empty_vault_gives_an_empty_form_with_the_defaults() {
        let (_dir, v) = temp_vault();
        let day = checkin_day(&v, d(2024, 5, 7)).unwrap();
        assert_eq!(day.check_in, None);
        assert_eq!(day.preferences, CheckInPreferences::default());
        assert_eq!(day.streak.days, 0);
        assert!(day.cues.is_empty());
    }

    #[test]
    fn the_day_its_symptom_list_streak_and_cues() {
        let (_dir, v) = temp_vault();
        let mut prefs = CheckInPreferences::default();
        prefs.add_symptom("Anxiety").unwrap();
        preferences::save(&v, &prefs).unwrap();
        for day in 4..=6 {
            craving(&v, d(2024, 5, day), 8);
        }
        // Before today's check-in the streak still runs through yesterday.
        let day = checkin_day(&v, d(2024, 5, 7)).unwrap();
        assert_eq!(day.check_in, None);
        assert_eq!(day.preferences.symptoms, ["Anxiety"]);
        assert_eq!(
            (day.streak.days, day.streak.since, day.streak.through),
            (3, Some(d(2024, 5, 4)), Some(d(2024, 5, 6)))
        );
        assert_eq!(day.cues.len(), 1);
        assert_eq!(
            day.cues[0].rule,
            FlagRule::CravingAtOrAbove { threshold: 7 }
        );
        craving(&v, d(2024, 5, 7), 2);
        let day = checkin_day(&v, d(2024, 5, 7)).unwrap();
        assert_eq!(day.check_in.unwrap().craving, Some(2));
        assert_eq!(day.streak.days, 4);
        assert!(day.cues.is_empty());
        // An earlier day shows that day's check-in and the streak as it was then.
        let earlier = checkin_day(&v, d(2024, 5, 5)).unwrap();
        assert_eq!(earlier.check_in.unwrap().date, d(2024, 5, 5));
        assert_eq!(earlier.streak.days, 2);
    }

    #[test]
    fn a_date_out_of_range_is_refused() {
        let (_dir, v) = temp_vault();
        assert!(matches!(
            checkin_day(&v, d(1800, 1, 1)),
            Err(CheckInError::Date(_))
        ));
    }
}
