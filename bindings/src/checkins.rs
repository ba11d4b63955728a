//! Daily check-ins: the records, the trends, the [`CheckInError`] and the check-in methods of
//! [`Vault`].
//!
//! Every rule is core's (`oneday_core::checkins`): one check-in per civil date, editable (recording
//! a date again replaces it); mood 1 to 5, craving 0 to 10, symptoms from the user's own list
//! (presence only), medication taken / not taken / not applicable (never touches clean time), hours
//! slept 0 to 24 kept to the quarter hour, a journal line of at most 500 characters, at most 10
//! gratitude items. A date after `today` is refused. Trends average only the days that have a
//! value, and a cue is structured data the shell words as a nudge, never a diagnosis.

use oneday_core::checkins as core;
use oneday_core::checkins::store;
use oneday_core::vault::VaultError as CoreVaultError;

use crate::dates::LocalDate;
use crate::vault::Vault;

/// Whether prescribed medication was taken that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Medication {
    /// Taken as prescribed.
    Taken,
    /// Not taken.
    NotTaken,
    /// The person has no prescribed medication.
    NotApplicable,
}

/// One day's check-in. Every field but the date is optional; at least one must be set.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckIn {
    /// The civil date it is for (today or earlier).
    pub date: LocalDate,
    /// Mood, 1 (very low) to 5 (very good).
    #[uniffi(default)]
    pub mood: Option<u8>,
    /// Craving, 0 (none) to 10 (strongest).
    #[uniffi(default)]
    pub craving: Option<u8>,
    /// Symptoms noticed that day, by name, from the user's symptom list.
    #[uniffi(default)]
    pub symptoms: Vec<String>,
    /// Whether prescribed medication was taken.
    #[uniffi(default)]
    pub medication: Option<Medication>,
    /// Hours slept, 0 to 24 (kept to the nearest quarter hour).
    #[uniffi(default)]
    pub hours_slept: Option<f64>,
    /// A short journal line (at most 500 characters).
    #[uniffi(default)]
    pub journal: Option<String>,
    /// Things the person is grateful for (at most 10, 200 characters each).
    #[uniffi(default)]
    pub gratitude: Vec<String>,
}

/// The user's own check-in preferences: their symptom list and when a cue is raised.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckInPreferences {
    /// The symptoms the user tracks, in their words (at most 30, 40 characters each).
    pub symptoms: Vec<String>,
    /// Cue when craving is at or above this (1 to 10) for `days_in_a_row` days; absent: off.
    pub craving_at_or_above: Option<u8>,
    /// Cue when mood is at or below this (1 to 4) for `days_in_a_row` days; absent: off.
    pub mood_at_or_below: Option<u8>,
    /// How many days in a row (1 to 30).
    pub days_in_a_row: u8,
}

/// An average and how many days it counted.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct CheckInAverage {
    /// The mean.
    pub mean: f64,
    /// How many days had a value.
    pub days: u32,
}

/// Averages over one window of days ending today.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckInAverages {
    /// How many days the window spans (7, 30, 90, or the window asked for).
    pub window_days: u32,
    /// Its first day.
    pub from: LocalDate,
    /// Its last day (today).
    pub to: LocalDate,
    /// How many of its days have a check-in.
    pub days_checked_in: u32,
    /// Average mood, absent when no day has one.
    pub mood: Option<CheckInAverage>,
    /// Average craving, absent when no day has one.
    pub craving: Option<CheckInAverage>,
    /// Average hours slept, absent when no day has it.
    pub hours_slept: Option<CheckInAverage>,
}

/// One day of the trends series; a day without a check-in has every value absent.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckInDay {
    /// The day.
    pub date: LocalDate,
    /// Whether it has a check-in.
    pub checked_in: bool,
    /// Mood that day.
    pub mood: Option<u8>,
    /// Craving that day.
    pub craving: Option<u8>,
    /// Hours slept that day.
    pub hours_slept: Option<f64>,
    /// Prescribed medication that day.
    pub medication: Option<Medication>,
    /// How many symptoms were noticed that day.
    pub symptom_count: u32,
}

/// The run of consecutive days with a check-in, ending today (or yesterday, before today's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CheckInStreak {
    /// How many days.
    pub days: u32,
    /// Its first day, absent when there is no streak.
    pub since: Option<LocalDate>,
    /// Its last day, absent when there is no streak.
    pub through: Option<LocalDate>,
}

/// Which of the user's rules a cue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CheckInFlagRule {
    /// Craving at or above `threshold`.
    CravingAtOrAbove {
        /// The user's threshold.
        threshold: u8,
    },
    /// Mood at or below `threshold`.
    MoodAtOrBelow {
        /// The user's threshold.
        threshold: u8,
    },
}

/// A cue to open the plan or call someone (never a diagnosis): a rule has held for at least its
/// number of days in a row, and still does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CheckInFlag {
    /// The rule.
    pub rule: CheckInFlagRule,
    /// The first day of the run.
    pub since: LocalDate,
    /// Its last day (today, or yesterday).
    pub through: LocalDate,
    /// How many days in a row.
    pub days: u32,
}

/// Everything the trends screen shows.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckInTrends {
    /// The day computed for.
    pub today: LocalDate,
    /// The window of the series.
    pub window_days: u32,
    /// Averages over 7, 30 and 90 days and the window asked for, shortest first.
    pub averages: Vec<CheckInAverages>,
    /// One point per day of the window, oldest first, ready to plot.
    pub series: Vec<CheckInDay>,
    /// The check-in streak.
    pub streak: CheckInStreak,
    /// The cues raised, craving first.
    pub flags: Vec<CheckInFlag>,
}

/// The check-in screen of one day, in one call.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckInOverview {
    /// The day.
    pub date: LocalDate,
    /// The day's saved check-in; absent: the form starts empty.
    pub check_in: Option<CheckIn>,
    /// The user's preferences: the symptoms the form offers, the thresholds of the cues.
    pub preferences: CheckInPreferences,
    /// The run of days with a check-in ending that day (or the day before, until it has one).
    pub streak: CheckInStreak,
    /// The cues the user's thresholds raise on that day, craving first (nudges, never a diagnosis).
    pub cues: Vec<CheckInFlag>,
}

/// Why a check-in request failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum CheckInError {
    /// A date is out of the supported range (1900-01-01 to 2200-12-31).
    #[error("{message}")]
    InvalidDate {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// The check-in is dated after today.
    #[error("{message}")]
    FutureDate {
        /// What happened, for a person.
        message: String,
    },
    /// A number outside its range: mood, craving, hours slept, a threshold, a trends window.
    #[error("{message}")]
    OutOfRange {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// A symptom that is not in the user's symptom list.
    #[error("{message}")]
    UnknownSymptom {
        /// What is wrong with it, for a person (the symptom is named by its position only).
        message: String,
    },
    /// Something else was refused: an empty check-in, text too long or with control characters,
    /// a symptom listed twice, a reversed date range. Nothing was written.
    #[error("{message}")]
    Validation {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// There is no check-in on that date.
    #[error("{message}")]
    NotFound {
        /// What happened, for a person.
        message: String,
    },
    /// The vault is locked: unlock it first.
    #[error("{message}")]
    Locked {
        /// What happened, for a person.
        message: String,
    },
    /// The vault failed (a damaged record, storage, a newer format); its message says which.
    #[error("{message}")]
    VaultFailure {
        /// What happened, for a person.
        message: String,
    },
}

impl From<core::CheckInError> for CheckInError {
    fn from(e: core::CheckInError) -> Self {
        use core::CheckInError as E;
        let message = e.to_string();
        match e {
            E::Date(_) => CheckInError::InvalidDate { message },
            E::FutureDate { .. } => CheckInError::FutureDate { message },
            E::MoodOutOfRange { .. }
            | E::CravingOutOfRange { .. }
            | E::SleepOutOfRange
            | E::ThresholdOutOfRange { .. }
            | E::WindowOutOfRange { .. } => CheckInError::OutOfRange { message },
            E::UnknownSymptom { .. } => CheckInError::UnknownSymptom { message },
            E::NotFound { .. } => CheckInError::NotFound { message },
            E::Vault(CoreVaultError::Locked) => CheckInError::Locked { message },
            E::Vault(_) | E::PreferencesUnreadable => CheckInError::VaultFailure { message },
            _ => CheckInError::Validation { message },
        }
    }
}

#[uniffi::export]
impl Vault {
    /// Records the check-in of its date, replacing that day's earlier one (a day is editable).
    /// `today` is the shell's local date; a later date throws `FutureDate`. Returns the check-in as
    /// saved: text trimmed, blank entries dropped, symptoms spelled as in the user's list, hours
    /// slept to the quarter hour.
    pub fn record_check_in(
        &self,
        check_in: CheckIn,
        today: LocalDate,
    ) -> Result<CheckIn, CheckInError> {
        let recorded = store::record(&self.inner, check_in.try_into()?, today)?;
        Ok(CheckIn::from(recorded.check_in))
    }

    /// The check-in of `date`, or nothing.
    pub fn check_in(&self, date: LocalDate) -> Result<Option<CheckIn>, CheckInError> {
        Ok(store::get(&self.inner, date)?.map(CheckIn::from))
    }

    /// The check-in screen of `date` (the shell's local date for today's screen) in one call: the
    /// day's check-in or none, the preferences that shape the form, the streak and the cues.
    pub fn check_in_day(&self, date: LocalDate) -> Result<CheckInOverview, CheckInError> {
        let day = oneday_core::screens::checkin_day(&self.inner, date)?;
        Ok(CheckInOverview {
            date: day.date,
            check_in: day.check_in.map(Into::into),
            preferences: day.preferences.into(),
            streak: day.streak.into(),
            cues: day.cues.into_iter().map(Into::into).collect(),
        })
    }

    /// The check-ins from `from` through `to` (both included), oldest first.
    pub fn check_ins(&self, from: LocalDate, to: LocalDate) -> Result<Vec<CheckIn>, CheckInError> {
        Ok(store::list(&self.inner, from, to)?
            .into_iter()
            .map(CheckIn::from)
            .collect())
    }

    /// Deletes the check-in of `date`; throws `NotFound` when there is none.
    pub fn delete_check_in(&self, date: LocalDate) -> Result<(), CheckInError> {
        Ok(store::delete(&self.inner, date)?)
    }

    /// The user's check-in preferences (the defaults until saved: no symptoms, craving 7 or more
    /// or mood 2 or less for 3 days in a row).
    pub fn check_in_preferences(&self) -> Result<CheckInPreferences, CheckInError> {
        Ok(core::preferences::load(&self.inner)?.into())
    }

    /// Saves the check-in preferences after checking them; returns what was saved. Check-ins that
    /// named a symptom later removed from the list keep it.
    pub fn set_check_in_preferences(
        &self,
        preferences: CheckInPreferences,
    ) -> Result<CheckInPreferences, CheckInError> {
        Ok(core::preferences::save(&self.inner, &preferences.into())?.into())
    }

    /// Trends on `today`: averages over 7, 30 and 90 days (and `days`), the series of the last
    /// `days` days (1 to 366), the check-in streak, and the cues from the user's thresholds.
    pub fn check_in_trends(
        &self,
        today: LocalDate,
        days: u32,
    ) -> Result<CheckInTrends, CheckInError> {
        Ok(store::trends(&self.inner, today, days)?.into())
    }
}

impl From<Medication> for core::Medication {
    fn from(m: Medication) -> Self {
        match m {
            Medication::Taken => core::Medication::Taken,
            Medication::NotTaken => core::Medication::NotTaken,
            Medication::NotApplicable => core::Medication::NotApplicable,
        }
    }
}

impl From<core::Medication> for Medication {
    fn from(m: core::Medication) -> Self {
        match m {
            core::Medication::Taken => Medication::Taken,
            core::Medication::NotTaken => Medication::NotTaken,
            core::Medication::NotApplicable => Medication::NotApplicable,
        }
    }
}

impl TryFrom<CheckIn> for core::CheckIn {
    type Error = CheckInError;

    /// Converts hours slept to core's quarter hours (refusing what is not 0 to 24); the rest is
    /// checked by core when it is recorded.
    fn try_from(c: CheckIn) -> Result<Self, CheckInError> {
        Ok(core::CheckIn {
            date: c.date,
            mood: c.mood,
            craving: c.craving,
            symptoms: c.symptoms,
            medication: c.medication.map(Into::into),
            sleep: c.hours_slept.map(core::Sleep::from_hours).transpose()?,
            journal: c.journal,
            gratitude: c.gratitude,
        })
    }
}

impl From<core::CheckIn> for CheckIn {
    fn from(c: core::CheckIn) -> Self {
        CheckIn {
            date: c.date,
            mood: c.mood,
            craving: c.craving,
            symptoms: c.symptoms,
            medication: c.medication.map(Into::into),
            hours_slept: c.sleep.map(core::Sleep::hours),
            journal: c.journal,
            gratitude: c.gratitude,
        }
    }
}

impl From<core::CheckInPreferences> for CheckInPreferences {
    fn from(p: core::CheckInPreferences) -> Self {
        CheckInPreferences {
            symptoms: p.symptoms,
            craving_at_or_above: p.thresholds.craving_at_or_above,
            mood_at_or_below: p.thresholds.mood_at_or_below,
            days_in_a_row: p.thresholds.days_in_a_row,
        }
    }
}

impl From<CheckInPreferences> for core::CheckInPreferences {
    fn from(p: CheckInPreferences) -> Self {
        core::CheckInPreferences {
            symptoms: p.symptoms,
            thresholds: core::Thresholds {
                craving_at_or_above: p.craving_at_or_above,
                mood_at_or_below: p.mood_at_or_below,
                days_in_a_row: p.days_in_a_row,
            },
        }
    }
}

impl From<core::Average> for CheckInAverage {
    fn from(a: core::Average) -> Self {
        CheckInAverage {
            mean: a.mean,
            days: a.days,
        }
    }
}

impl From<core::Trends> for CheckInTrends {
    fn from(t: core::Trends) -> Self {
        CheckInTrends {
            today: t.today,
            window_days: t.window_days,
            averages: t
                .averages
                .into_iter()
                .map(|a| CheckInAverages {
                    window_days: a.window_days,
                    from: a.from,
                    to: a.to,
                    days_checked_in: a.days_checked_in,
                    mood: a.mood.map(Into::into),
                    craving: a.craving.map(Into::into),
                    hours_slept: a.sleep_hours.map(Into::into),
                })
                .collect(),
            series: t
                .series
                .into_iter()
                .map(|p| CheckInDay {
                    date: p.date,
                    checked_in: p.checked_in,
                    mood: p.mood,
                    craving: p.craving,
                    hours_slept: p.sleep_hours,
                    medication: p.medication.map(Into::into),
                    symptom_count: p.symptom_count,
                })
                .collect(),
            streak: t.streak.into(),
            flags: t.flags.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<core::Streak> for CheckInStreak {
    fn from(s: core::Streak) -> Self {
        CheckInStreak {
            days: s.days,
            since: s.since,
            through: s.through,
        }
    }
}

impl From<core::ThresholdFlag> for CheckInFlag {
    fn from(f: core::ThresholdFlag) -> Self {
        CheckInFlag {
            rule: match f.rule {
                core::FlagRule::CravingAtOrAbove { threshold } => {
                    CheckInFlagRule::CravingAtOrAbove { threshold }
                }
                core::FlagRule::MoodAtOrBelow { threshold } => {
                    CheckInFlagRule::MoodAtOrBelow { threshold }
                }
            },
            since: f.since,
            through: f.through,
            days: f.days,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn errors_map_to_their_variant_and_keep_cores_message() {
        let e = CheckInError::from(core::CheckInError::MoodOutOfRange { value: 9 });
        assert!(matches!(e, CheckInError::OutOfRange { .. }));
        assert_eq!(e.to_string(), "mood is rated 1 to 5, not 9");
        assert!(matches!(
            CheckInError::from(core::CheckInError::Vault(CoreVaultError::Locked)),
            CheckInError::Locked { .. }
        ));
        assert!(matches!(
            CheckInError::from(core::CheckInError::Empty),
            CheckInError::Validation { .. }
        ));
        let date = NaiveDate::from_ymd_opt(2024, 5, 8).unwrap();
        assert!(matches!(
            CheckInError::from(core::CheckInError::FutureDate { date, today: date }),
            CheckInError::FutureDate { .. }
        ));
    }

    #[test]
    fn hours_slept_cross_as_hours_and_are_checked() {
        let date = NaiveDate::from_ymd_opt(2024, 5, 8).unwrap();
        let c = CheckIn {
            date,
            mood: None,
            craving: None,
            symptoms: vec![],
            medication: Some(Medication::NotApplicable),
            hours_slept: Some(7.4),
            journal: None,
            gratitude: vec![],
        };
        let core_c = core::CheckIn::try_from(c.clone()).unwrap();
        assert_eq!(core_c.sleep.unwrap().quarter_hours(), 30);
        assert_eq!(CheckIn::from(core_c).hours_slept, Some(7.5));
        let bad = CheckIn {
            hours_slept: Some(f64::INFINITY),
            ..c
        };
        assert!(matches!(
            core::CheckIn::try_from(bad),
            Err(CheckInError::OutOfRange { .. })
        ));
    }
}
