//! One day's check-in: what it holds and what makes it valid.
//!
//! A check-in belongs to one civil date and every field is optional, so a person can log just a
//! mood, or just a line of journal, in a few seconds; a check-in with nothing in it at all is
//! refused ([`CheckInError::Empty`]). The rules:
//! - mood is rated 1 (very low) to 5 (very good); craving 0 (none) to 10 (strongest);
//! - symptoms are *presence only*: the names, from the user's own list
//!   ([`super::preferences`]), of the symptoms noticed that day. Intensity is what mood and
//!   craving are for; a yes/no list keeps the daily check-in short enough to keep doing;
//! - prescribed medication: taken, not taken, or not applicable. It is a health note only and never
//!   touches clean time (Dual Recovery Anonymous welcomes members on prescribed medication);
//! - hours slept, from 0 to 24, kept to the quarter hour ([`Sleep`]);
//! - a journal line of at most [`MAX_JOURNAL_CHARS`] characters (line breaks allowed);
//! - at most [`MAX_GRATITUDE_ITEMS`] gratitude items of at most [`MAX_GRATITUDE_CHARS`] each.
//!
//! [`CheckIn::checked`] trims text, drops blank entries and repeated symptoms, then validates.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::CheckInError;
use super::preferences::{MAX_SYMPTOMS, MAX_SYMPTOM_CHARS};
use crate::date::check_supported;

/// The lowest mood rating.
pub const MOOD_MIN: u8 = 1;
/// The highest mood rating.
pub const MOOD_MAX: u8 = 5;
/// The highest craving rating (the lowest is 0).
pub const CRAVING_MAX: u8 = 10;
/// Most characters the journal line may hold.
pub const MAX_JOURNAL_CHARS: usize = 500;
/// Most gratitude items in one check-in.
pub const MAX_GRATITUDE_ITEMS: usize = 10;
/// Most characters of one gratitude item.
pub const MAX_GRATITUDE_CHARS: usize = 200;

/// Whether prescribed medication was taken that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Medication {
    /// Taken as prescribed.
    Taken,
    /// Not taken.
    NotTaken,
    /// The person has no prescribed medication.
    NotApplicable,
}

/// Hours slept, kept to the quarter hour (0 to 24 hours).
///
/// ```
/// use oneday_core::checkins::Sleep;
/// assert_eq!(Sleep::parse("7.5").unwrap().hours(), 7.5);
/// assert_eq!(Sleep::parse("6:45").unwrap().quarter_hours(), 27);
/// assert_eq!(Sleep::from_hours(7.1).unwrap().hours(), 7.0); // to the nearest quarter hour
/// assert!(Sleep::from_hours(25.0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Sleep(u8);

impl Sleep {
    /// 24 hours, in quarter hours.
    pub const MAX_QUARTER_HOURS: u8 = 96;

    /// From a number of quarter hours (0 to 96).
    pub fn from_quarter_hours(quarters: u8) -> Result<Self, CheckInError> {
        if quarters <= Self::MAX_QUARTER_HOURS {
            Ok(Sleep(quarters))
        } else {
            Err(CheckInError::SleepOutOfRange)
        }
    }

    /// From hours (0 to 24), rounded to the nearest quarter hour.
    pub fn from_hours(hours: f64) -> Result<Self, CheckInError> {
        if !hours.is_finite() || !(0.0..=24.0).contains(&hours) {
            return Err(CheckInError::SleepOutOfRange);
        }
        // In range, so the product is 0.0..=96.0 and the cast is exact after rounding.
        Self::from_quarter_hours((hours * 4.0).round() as u8)
    }

    /// Reads hours as a person types them: `7`, `7.5` (or `7,5`), or hours and minutes `7:30`.
    pub fn parse(text: &str) -> Result<Self, CheckInError> {
        let text = text.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let Some((h, m)) = text.split_once(':') {
            if !digits(h) || m.len() != 2 || !digits(m) {
                return Err(CheckInError::MalformedSleep);
            }
            let hours: u32 = h.parse().map_err(|_| CheckInError::MalformedSleep)?;
            let minutes: u32 = m.parse().map_err(|_| CheckInError::MalformedSleep)?;
            if minutes >= 60 {
                return Err(CheckInError::MalformedSleep);
            }
            return Self::from_hours(f64::from(hours) + f64::from(minutes) / 60.0);
        }
        let text = text.replace(',', ".");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, "0"));
        if !digits(whole) || !digits(fraction) {
            return Err(CheckInError::MalformedSleep);
        }
        let hours: f64 = text.parse().map_err(|_| CheckInError::MalformedSleep)?;
        Self::from_hours(hours)
    }

    /// The number of quarter hours.
    pub fn quarter_hours(self) -> u8 {
        self.0
    }

    /// The number of hours, such as 7.25.
    pub fn hours(self) -> f64 {
        f64::from(self.0) / 4.0
    }
}

impl TryFrom<u8> for Sleep {
    type Error = CheckInError;

    fn try_from(quarters: u8) -> Result<Self, CheckInError> {
        Sleep::from_quarter_hours(quarters)
    }
}

impl From<Sleep> for u8 {
    fn from(s: Sleep) -> u8 {
        s.0
    }
}

impl fmt::Display for Sleep {
    /// Hours and minutes: `7h`, `7h30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hours, minutes) = (self.0 / 4, (self.0 % 4) * 15);
        if minutes == 0 {
            write!(f, "{hours}h")
        } else {
            write!(f, "{hours}h{minutes:02}")
        }
    }
}

/// One day's check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The civil date it is for.
    pub date: NaiveDate,
    /// Mood, 1 (very low) to 5 (very good).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<u8>,
    /// Craving, 0 (none) to 10 (strongest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub craving: Option<u8>,
    /// Symptoms noticed that day, by name, from the user's list (presence only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<String>,
    /// Whether prescribed medication was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medication: Option<Medication>,
    /// Hours slept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep: Option<Sleep>,
    /// A short journal line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
    /// Things the person is grateful for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gratitude: Vec<String>,
}

impl CheckIn {
    /// An empty check-in for `date`, to fill in.
    pub fn new(date: NaiveDate) -> Self {
        CheckIn {
            date,
            mood: None,
            craving: None,
            symptoms: Vec::new(),
            medication: None,
            sleep: None,
            journal: None,
            gratitude: Vec::new(),
        }
    }

    /// Whether it records nothing at all.
    pub fn is_empty(&self) -> bool {
        self.mood.is_none()
            && self.craving.is_none()
            && self.symptoms.is_empty()
            && self.medication.is_none()
            && self.sleep.is_none()
            && self.journal.is_none()
            && self.gratitude.is_empty()
    }

    /// The check-in tidied and validated: text trimmed, a blank journal line removed, blank
    /// gratitude items and symptom names dropped, a symptom named twice (ignoring case) kept once.
    /// Refused when a rule of the module docs is broken or nothing is left.
    pub fn checked(mut self) -> Result<Self, CheckInError> {
        self.journal = self
            .journal
            .map(|j| j.trim().to_owned())
            .filter(|j| !j.is_empty());
        self.gratitude = self
            .gratitude
            .iter()
            .map(|g| g.trim().to_owned())
            .filter(|g| !g.is_empty())
            .collect();
        let mut symptoms: Vec<String> = Vec::with_capacity(self.symptoms.len());
        for name in &self.symptoms {
            let name = name.trim();
            if !name.is_empty() && !symptoms.iter().any(|s| same_symptom(s, name)) {
                symptoms.push(name.to_owned());
            }
        }
        self.symptoms = symptoms;
        self.validate()?;
        Ok(self)
    }

    /// Checks every rule of the module docs without changing anything.
    pub fn validate(&self) -> Result<(), CheckInError> {
        check_supported(self.date)?;
        if let Some(value) = self.mood {
            if !(MOOD_MIN..=MOOD_MAX).contains(&value) {
                return Err(CheckInError::MoodOutOfRange { value });
            }
        }
        if let Some(value) = self.craving {
            if value > CRAVING_MAX {
                return Err(CheckInError::CravingOutOfRange { value });
            }
        }
        if let Some(journal) = &self.journal {
            if journal.chars().count() > MAX_JOURNAL_CHARS {
                return Err(CheckInError::JournalTooLong {
                    max: MAX_JOURNAL_CHARS,
                });
            }
            if journal
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                return Err(CheckInError::ControlCharacters {
                    field: "journal line",
                });
            }
        }
        if self.gratitude.len() > MAX_GRATITUDE_ITEMS {
            return Err(CheckInError::TooManyGratitudeItems {
                max: MAX_GRATITUDE_ITEMS,
            });
        }
        for item in &self.gratitude {
            if item.chars().count() > MAX_GRATITUDE_CHARS {
                return Err(CheckInError::GratitudeItemTooLong {
                    max: MAX_GRATITUDE_CHARS,
                });
            }
            if item.chars().any(char::is_control) {
                return Err(CheckInError::ControlCharacters {
                    field: "gratitude item",
                });
            }
        }
        if self.symptoms.len() > MAX_SYMPTOMS {
            return Err(CheckInError::TooManySymptoms { max: MAX_SYMPTOMS });
        }
        for name in &self.symptoms {
            check_symptom_name(name)?;
        }
        if self.is_empty() {
            return Err(CheckInError::Empty);
        }
        Ok(())
    }
}

/// Whether two symptom names name the same symptom (compared ignoring case and outer spaces).
pub fn same_symptom(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Checks one symptom name: not blank, at most [`MAX_SYMPTOM_CHARS`] characters, no control
/// characters.
pub fn check_symptom_name(name: &str) -> Result<(), CheckInError> {
    if name.trim().is_empty() {
        return Err(CheckInError::EmptySymptomName);
    }
    if name.chars().count() > MAX_SYMPTOM_CHARS {
        return Err(CheckInError::SymptomNameTooLong {
            max: MAX_SYMPTOM_CHARS,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(CheckInError::ControlCharacters {
            field: "symptom name",
        });
    }
    Ok(())
}

/// Backups: a check-in is matched by its date; the newer edit wins.
impl crate::record_merge::Mergeable for CheckIn {
    fn identity(&self) -> String {
        self.date.to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::d;

    fn with_mood(mood: u8) -> CheckIn {
        CheckIn {
            mood: Some(mood),
            ..CheckIn::new(d(2024, 5, 1))
        }
    }

    #[test]
    fn ratings_are_range_checked() {
        assert!(with_mood(1).checked().is_ok());
        assert!(with_mood(5).checked().is_ok());
        assert!(matches!(
            with_mood(0).checked(),
            Err(CheckInError::MoodOutOfRange { value: 0 })
        ));
        let err = with_mood(9).checked().unwrap_err();
        assert!(matches!(err, CheckInError::MoodOutOfRange { value: 9 }));
        assert_eq!(err.to_string(), "mood is rated 1 to 5, not 9");
        let craving = |c| CheckIn {
            craving: Some(c),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(craving(0).checked().is_ok());
        assert!(craving(10).checked().is_ok());
        assert!(matches!(
            craving(11).checked(),
            Err(CheckInError::CravingOutOfRange { value: 11 })
        ));
    }

    #[test]
    fn an_empty_check_in_is_refused_and_blank_text_counts_as_nothing() {
        assert!(matches!(
            CheckIn::new(d(2024, 5, 1)).checked(),
            Err(CheckInError::Empty)
        ));
        let blank = CheckIn {
            journal: Some("   ".into()),
            gratitude: vec![" ".into(), String::new()],
            symptoms: vec!["  ".into()],
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(blank.checked(), Err(CheckInError::Empty)));
        let med = CheckIn {
            medication: Some(Medication::NotApplicable),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(med.checked().is_ok());
    }

    #[test]
    fn text_is_tidied_and_capped() {
        let c = CheckIn {
            journal: Some("  slept badly\nbut went to a meeting  ".into()),
            gratitude: vec![" my sponsor ".into(), "".into(), "coffee".into()],
            symptoms: vec!["Anxiety".into(), " anxiety ".into(), "sleep".into()],
            ..CheckIn::new(d(2024, 5, 1))
        }
        .checked()
        .unwrap();
        assert_eq!(
            c.journal.as_deref(),
            Some("slept badly\nbut went to a meeting")
        );
        assert_eq!(c.gratitude, vec!["my sponsor", "coffee"]);
        assert_eq!(c.symptoms, vec!["Anxiety", "sleep"]);

        let long = CheckIn {
            journal: Some("é".repeat(MAX_JOURNAL_CHARS + 1)),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(
            long.checked(),
            Err(CheckInError::JournalTooLong { max: 500 })
        ));
        let just = CheckIn {
            journal: Some("é".repeat(MAX_JOURNAL_CHARS)),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(just.checked().is_ok());
        let bell = CheckIn {
            journal: Some("a\u{7}b".into()),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(
            bell.checked(),
            Err(CheckInError::ControlCharacters { .. })
        ));
        let many = CheckIn {
            gratitude: (0..=MAX_GRATITUDE_ITEMS).map(|i| format!("g{i}")).collect(),
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(
            many.checked(),
            Err(CheckInError::TooManyGratitudeItems { max: 10 })
        ));
        let newline_item = CheckIn {
            gratitude: vec!["a\nb".into()],
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(
            newline_item.checked(),
            Err(CheckInError::ControlCharacters { .. })
        ));
        let long_item = CheckIn {
            gratitude: vec!["x".repeat(MAX_GRATITUDE_CHARS + 1)],
            ..CheckIn::new(d(2024, 5, 1))
        };
        assert!(matches!(
            long_item.checked(),
            Err(CheckInError::GratitudeItemTooLong { .. })
        ));
    }

    #[test]
    fn messages_never_repeat_what_was_typed() {
        let secret = "my-secret-symptom\u{1}";
        let c = CheckIn {
            symptoms: vec![secret.into()],
            ..CheckIn::new(d(2024, 5, 1))
        };
        let msg = c.checked().unwrap_err().to_string();
        assert!(!msg.contains("my-secret"), "{msg}");
    }

    #[test]
    fn dates_before_1900_are_refused() {
        let c = CheckIn {
            mood: Some(3),
            ..CheckIn::new(d(1899, 12, 31))
        };
        assert!(matches!(c.checked(), Err(CheckInError::Date(_))));
    }

    #[test]
    fn sleep_is_kept_to_the_quarter_hour() {
        assert_eq!(Sleep::parse("7").unwrap().quarter_hours(), 28);
        assert_eq!(Sleep::parse("7.5").unwrap().hours(), 7.5);
        assert_eq!(Sleep::parse("7,25").unwrap().hours(), 7.25);
        assert_eq!(Sleep::parse("6:45").unwrap().hours(), 6.75);
        assert_eq!(Sleep::parse("0").unwrap().hours(), 0.0);
        assert_eq!(Sleep::parse("24").unwrap().hours(), 24.0);
        assert_eq!(Sleep::from_hours(7.1).unwrap().hours(), 7.0);
        assert_eq!(Sleep::from_hours(7.2).unwrap().hours(), 7.25);
        for bad in [
            "", "abc", "-1", "7.5.1", "7:5", "7:60", "+7", "1e1", ".5", "7.",
        ] {
            assert!(Sleep::parse(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(
            Sleep::parse("24.5"),
            Err(CheckInError::SleepOutOfRange)
        ));
        assert!(matches!(
            Sleep::from_hours(f64::NAN),
            Err(CheckInError::SleepOutOfRange)
        ));
        assert!(Sleep::from_hours(-0.1).is_err());
        assert!(Sleep::from_quarter_hours(97).is_err());
        assert_eq!(Sleep::from_hours(7.5).unwrap().to_string(), "7h30");
        assert_eq!(Sleep::from_hours(8.0).unwrap().to_string(), "8h");
        assert!(serde_json::from_str::<Sleep>("200").is_err());
        assert_eq!(serde_json::to_string(&Sleep(30)).unwrap(), "30");
    }

    #[test]
    fn serde_round_trip_leaves_out_what_is_not_set() {
        let c = CheckIn {
            mood: Some(4),
            sleep: Some(Sleep::from_hours(6.5).unwrap()),
            medication: Some(Medication::NotTaken),
            ..CheckIn::new(d(2024, 5, 1))
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"date":"2024-05-01","mood":4,"medication":"not_taken","sleep":26}"#
        );
        assert_eq!(serde_json::from_str::<CheckIn>(&json).unwrap(), c);
    }
}
