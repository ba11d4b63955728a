//! The user's own check-in preferences: their symptom list and the thresholds that raise a cue.
//!
//! Kept as one named setting ([`SETTING_NAME`]) sealed in the vault. The symptom list is the user's
//! own words ("anxiety", "low mood", "voices", "sleep", ...); a check-in can only name symptoms from
//! it, so the trend of a symptom is not split between spellings. Thresholds say when the trends show
//! a cue: craving at or above X, or mood at or below Y, for N days in a row (by default craving 7 or
//! more, mood 2 or less, 3 days). A cue is a nudge to open the plan or call someone, never a
//! diagnosis; either rule can be switched off.

use serde::{Deserialize, Serialize};

use super::checkin::{check_symptom_name, same_symptom, CRAVING_MAX, MOOD_MAX, MOOD_MIN};
use super::error::CheckInError;
use crate::settings;
use crate::vault::Vault;

/// The name of the setting that holds the preferences.
pub const SETTING_NAME: &str = "checkins.preferences";
/// Most symptoms the list may hold.
pub const MAX_SYMPTOMS: usize = 30;
/// Most characters of one symptom name.
pub const MAX_SYMPTOM_CHARS: usize = 40;
/// The longest run a rule may ask for.
pub const MAX_DAYS_IN_A_ROW: u8 = 30;

/// When the trends raise a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Cue when craving is at or above this (1 to 10) for `days_in_a_row` days; `None`: off.
    pub craving_at_or_above: Option<u8>,
    /// Cue when mood is at or below this (1 to 4) for `days_in_a_row` days; `None`: off.
    pub mood_at_or_below: Option<u8>,
    /// How many days in a row (1 to [`MAX_DAYS_IN_A_ROW`]).
    pub days_in_a_row: u8,
}

impl Default for Thresholds {
    /// Craving 7 or more, or mood 2 or less, 3 days in a row.
    fn default() -> Self {
        Thresholds {
            craving_at_or_above: Some(7),
            mood_at_or_below: Some(2),
            days_in_a_row: 3,
        }
    }
}

impl Thresholds {
    /// Checks the ranges: craving 1 to 10, mood 1 to 4 (a mood of 5 or less is every day), days
    /// 1 to [`MAX_DAYS_IN_A_ROW`].
    pub fn validate(&self) -> Result<(), CheckInError> {
        let check = |which, value: u8, min: u8, max: u8| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(CheckInError::ThresholdOutOfRange {
                    which,
                    min,
                    max,
                    value,
                })
            }
        };
        if let Some(v) = self.craving_at_or_above {
            check("craving", v, 1, CRAVING_MAX)?;
        }
        if let Some(v) = self.mood_at_or_below {
            check("mood", v, MOOD_MIN, MOOD_MAX - 1)?;
        }
        check("days in a row", self.days_in_a_row, 1, MAX_DAYS_IN_A_ROW)
    }
}

/// The user's check-in preferences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckInPreferences {
    /// The symptoms the user tracks, in their order and their words.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// When a cue is raised.
    #[serde(default)]
    pub thresholds: Thresholds,
}

impl CheckInPreferences {
    /// Checks the thresholds and the symptom list (each name valid, no name twice ignoring case,
    /// at most [`MAX_SYMPTOMS`]).
    pub fn validate(&self) -> Result<(), CheckInError> {
        self.thresholds.validate()?;
        if self.symptoms.len() > MAX_SYMPTOMS {
            return Err(CheckInError::TooManySymptoms { max: MAX_SYMPTOMS });
        }
        for (i, name) in self.symptoms.iter().enumerate() {
            check_symptom_name(name)?;
            if self.symptoms[..i].iter().any(|s| same_symptom(s, name)) {
                return Err(CheckInError::DuplicateSymptom { position: i + 1 });
            }
        }
        Ok(())
    }

    /// The list's own spelling of symptom `name` (compared ignoring case), if it is in the list.
    pub fn find_symptom(&self, name: &str) -> Option<&str> {
        self.symptoms
            .iter()
            .find(|s| same_symptom(s, name))
            .map(String::as_str)
    }

    /// Adds symptom `name` (trimmed) at the end of the list. Returns `false`, changing nothing, if
    /// it is already there.
    pub fn add_symptom(&mut self, name: &str) -> Result<bool, CheckInError> {
        let name = name.trim();
        check_symptom_name(name)?;
        if self.find_symptom(name).is_some() {
            return Ok(false);
        }
        if self.symptoms.len() >= MAX_SYMPTOMS {
            return Err(CheckInError::TooManySymptoms { max: MAX_SYMPTOMS });
        }
        self.symptoms.push(name.to_owned());
        Ok(true)
    }

    /// Removes symptom `name` (compared ignoring case). Returns `false` if it was not there.
    /// Check-ins that named it keep it.
    pub fn remove_symptom(&mut self, name: &str) -> bool {
        let before = self.symptoms.len();
        self.symptoms.retain(|s| !same_symptom(s, name));
        self.symptoms.len() != before
    }

    /// The symptoms of a check-in as the list spells them. A name must be in the list, or already
    /// be on the stored check-in of that day (`kept`): a symptom later removed from the list stays
    /// on the days that named it, and editing such a day keeps it.
    pub fn resolve_symptoms(
        &self,
        chosen: &[String],
        kept: &[String],
    ) -> Result<Vec<String>, CheckInError> {
        chosen
            .iter()
            .enumerate()
            .map(|(i, name)| {
                self.find_symptom(name)
                    .or_else(|| {
                        kept.iter()
                            .find(|k| same_symptom(k, name))
                            .map(|k| k.as_str())
                    })
                    .map(str::to_owned)
                    .ok_or(CheckInError::UnknownSymptom { position: i + 1 })
            })
            .collect()
    }
}

/// The user's preferences, or the defaults (no symptoms, default thresholds) when never saved.
pub fn load(vault: &Vault) -> Result<CheckInPreferences, CheckInError> {
    Ok(settings::get(vault, SETTING_NAME)?.unwrap_or_default())
}

/// Saves the preferences after trimming symptom names and checking them. Returns what was saved.
pub fn save(
    vault: &Vault,
    preferences: &CheckInPreferences,
) -> Result<CheckInPreferences, CheckInError> {
    let mut tidy = preferences.clone();
    for name in &mut tidy.symptoms {
        *name = name.trim().to_owned();
    }
    tidy.validate()?;
    settings::set(vault, SETTING_NAME, &tidy)?;
    Ok(tidy)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::temp_vault;

    #[test]
    fn defaults_until_saved_then_what_was_saved() {
        let (_dir, v) = temp_vault();
        let p = load(&v).unwrap();
        assert_eq!(p, CheckInPreferences::default());
        assert_eq!(p.thresholds.craving_at_or_above, Some(7));
        assert_eq!(p.thresholds.mood_at_or_below, Some(2));
        assert_eq!(p.thresholds.days_in_a_row, 3);
        let mut p = p;
        assert!(p.add_symptom(" Anxiety ").unwrap());
        assert!(p.add_symptom("voices").unwrap());
        assert!(!p.add_symptom("ANXIETY").unwrap());
        p.thresholds.mood_at_or_below = None;
        let saved = save(&v, &p).unwrap();
        assert_eq!(saved.symptoms, vec!["Anxiety", "voices"]);
        assert_eq!(load(&v).unwrap(), saved);
        assert!(p.remove_symptom("anxiety"));
        assert!(!p.remove_symptom("anxiety"));
        assert_eq!(p.symptoms, vec!["voices"]);
    }

    #[test]
    fn bad_preferences_are_refused_and_nothing_is_saved() {
        let (_dir, v) = temp_vault();
        let dup = CheckInPreferences {
            symptoms: vec!["sleep".into(), "Sleep ".into()],
            ..Default::default()
        };
        assert!(matches!(
            save(&v, &dup),
            Err(CheckInError::DuplicateSymptom { position: 2 })
        ));
        for (craving, mood, days) in [
            (Some(0), Some(2), 3),
            (Some(11), Some(2), 3),
            (Some(7), Some(5), 3),
            (Some(7), Some(0), 3),
            (Some(7), Some(2), 0),
            (None, None, 31),
        ] {
            let p = CheckInPreferences {
                thresholds: Thresholds {
                    craving_at_or_above: craving,
                    mood_at_or_below: mood,
                    days_in_a_row: days,
                },
                ..Default::default()
            };
            assert!(
                matches!(save(&v, &p), Err(CheckInError::ThresholdOutOfRange { .. })),
                "{craving:?} {mood:?} {days}"
            );
        }
        assert_eq!(load(&v).unwrap(), CheckInPreferences::default());
        let mut full = CheckInPreferences::default();
        for i in 0..MAX_SYMPTOMS {
            full.add_symptom(&format!("s{i}")).unwrap();
        }
        assert!(matches!(
            full.add_symptom("one more"),
            Err(CheckInError::TooManySymptoms { .. })
        ));
        assert!(matches!(
            full.add_symptom(" "),
            Err(CheckInError::EmptySymptomName)
        ));
    }

    #[test]
    fn symptoms_resolve_to_the_lists_spelling_or_what_the_day_kept() {
        let p = CheckInPreferences {
            symptoms: vec!["Low mood".into(), "voices".into()],
            ..Default::default()
        };
        assert_eq!(
            p.resolve_symptoms(&["low MOOD".into(), "Voices".into()], &[])
                .unwrap(),
            vec!["Low mood", "voices"]
        );
        assert!(matches!(
            p.resolve_symptoms(&["voices".into(), "cravings".into()], &[]),
            Err(CheckInError::UnknownSymptom { position: 2 })
        ));
        assert_eq!(
            p.resolve_symptoms(&["old one".into()], &["Old One".into()])
                .unwrap(),
            vec!["Old One"]
        );
    }
}
