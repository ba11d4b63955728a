//! The JSON of `oneday checkin ... --json` and `oneday trends --json` (docs/cli-json.md). These
//! types only reshape what the core computed.

use chrono::NaiveDate;
use oneday_core::checkins::{
    Average, CheckIn, CheckInPreferences, DayPoint, FlagRule, Medication, Streak, ThresholdFlag,
    Trends, WindowAverages,
};
use serde::Serialize;

use crate::json::SCHEMA_VERSION;

/// A check-in: every field present, `null` or `[]` when not set.
#[derive(Debug, Serialize)]
pub struct CheckInJson {
    /// The day.
    pub date: NaiveDate,
    /// 1 to 5, or null.
    pub mood: Option<u8>,
    /// 0 to 10, or null.
    pub craving: Option<u8>,
    /// Symptom names from the user's list.
    pub symptoms: Vec<String>,
    /// `taken`, `not_taken`, `not_applicable`, or null.
    pub medication: Option<Medication>,
    /// Hours slept (to the quarter hour), or null.
    pub hours_slept: Option<f64>,
    /// The journal line, or null.
    pub journal: Option<String>,
    /// Gratitude items.
    pub gratitude: Vec<String>,
}

impl From<&CheckIn> for CheckInJson {
    fn from(c: &CheckIn) -> Self {
        CheckInJson {
            date: c.date,
            mood: c.mood,
            craving: c.craving,
            symptoms: c.symptoms.clone(),
            medication: c.medication,
            hours_slept: c.sleep.map(|s| s.hours()),
            journal: c.journal.clone(),
            gratitude: c.gratitude.clone(),
        }
    }
}

/// `oneday checkin [show] --json`.
#[derive(Debug, Serialize)]
pub struct CheckInDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day asked about.
    pub date: NaiveDate,
    /// Its check-in, or null.
    pub check_in: Option<CheckInJson>,
    /// After a write: `added` or `replaced`; absent when only showing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saved: Option<&'static str>,
    /// When showing: the check-in streak on that day; absent after a write.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streak: Option<StreakJson>,
    /// When showing: the cues raised on that day; absent after a write.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cues: Option<Vec<FlagJson>>,
}

/// `oneday checkin list --json`.
#[derive(Debug, Serialize)]
pub struct CheckInListDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The first day of the range.
    pub from: NaiveDate,
    /// The last day of the range.
    pub to: NaiveDate,
    /// The check-ins, oldest first.
    pub check_ins: Vec<CheckInJson>,
}

/// The thresholds, as in `oneday checkin thresholds --json` and `oneday trends --json`.
#[derive(Debug, Serialize)]
pub struct ThresholdsJson {
    /// Craving threshold (cue at or above), or null when off.
    pub craving_at_or_above: Option<u8>,
    /// Mood threshold (cue at or below), or null when off.
    pub mood_at_or_below: Option<u8>,
    /// Days in a row.
    pub days_in_a_row: u8,
}

/// `oneday checkin symptoms list --json` and `oneday checkin thresholds --json`.
#[derive(Debug, Serialize)]
pub struct PreferencesDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The user's symptom list.
    pub symptoms: Vec<String>,
    /// When a cue is raised.
    pub thresholds: ThresholdsJson,
}

impl From<&CheckInPreferences> for PreferencesDoc {
    fn from(p: &CheckInPreferences) -> Self {
        PreferencesDoc {
            schema_version: SCHEMA_VERSION,
            symptoms: p.symptoms.clone(),
            thresholds: ThresholdsJson {
                craving_at_or_above: p.thresholds.craving_at_or_above,
                mood_at_or_below: p.thresholds.mood_at_or_below,
                days_in_a_row: p.thresholds.days_in_a_row,
            },
        }
    }
}

/// An average and the days it counted.
#[derive(Debug, Serialize)]
pub struct AverageJson {
    /// The mean.
    pub mean: f64,
    /// How many days had a value.
    pub days: u32,
}

/// Averages over one window.
#[derive(Debug, Serialize)]
pub struct WindowJson {
    /// Days in the window.
    pub window_days: u32,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Days with a check-in.
    pub days_checked_in: u32,
    /// Average mood, or null.
    pub mood: Option<AverageJson>,
    /// Average craving, or null.
    pub craving: Option<AverageJson>,
    /// Average hours slept, or null.
    pub hours_slept: Option<AverageJson>,
}

/// One day of the series.
#[derive(Debug, Serialize)]
pub struct DayJson {
    /// The day.
    pub date: NaiveDate,
    /// Whether it has a check-in.
    pub checked_in: bool,
    /// Mood, or null.
    pub mood: Option<u8>,
    /// Craving, or null.
    pub craving: Option<u8>,
    /// Hours slept, or null.
    pub hours_slept: Option<f64>,
    /// Medication, or null.
    pub medication: Option<Medication>,
    /// Symptoms noticed.
    pub symptom_count: u32,
}

/// The check-in streak.
#[derive(Debug, Serialize)]
pub struct StreakJson {
    /// Days in a row with a check-in.
    pub days: u32,
    /// Its first day, or null.
    pub since: Option<NaiveDate>,
    /// Its last day, or null.
    pub through: Option<NaiveDate>,
}

/// A cue.
#[derive(Debug, Serialize)]
pub struct FlagJson {
    /// `craving_at_or_above` or `mood_at_or_below`.
    pub rule: &'static str,
    /// The user's threshold.
    pub threshold: u8,
    /// The first day of the run.
    pub since: NaiveDate,
    /// Its last day.
    pub through: NaiveDate,
    /// Days in a row.
    pub days: u32,
}

/// `oneday trends --json`.
#[derive(Debug, Serialize)]
pub struct TrendsDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day computed for.
    pub as_of: NaiveDate,
    /// The window of the series.
    pub days: u32,
    /// Averages over 7, 30, 90 days and `days`.
    pub averages: Vec<WindowJson>,
    /// One point per day, oldest first.
    pub series: Vec<DayJson>,
    /// The check-in streak.
    pub streak: StreakJson,
    /// The cues raised.
    pub flags: Vec<FlagJson>,
    /// The thresholds used.
    pub thresholds: ThresholdsJson,
}

fn average(a: Option<Average>) -> Option<AverageJson> {
    a.map(|a| AverageJson {
        mean: a.mean,
        days: a.days,
    })
}

impl From<&WindowAverages> for WindowJson {
    fn from(a: &WindowAverages) -> Self {
        WindowJson {
            window_days: a.window_days,
            from: a.from,
            to: a.to,
            days_checked_in: a.days_checked_in,
            mood: average(a.mood),
            craving: average(a.craving),
            hours_slept: average(a.sleep_hours),
        }
    }
}

impl From<&DayPoint> for DayJson {
    fn from(p: &DayPoint) -> Self {
        DayJson {
            date: p.date,
            checked_in: p.checked_in,
            mood: p.mood,
            craving: p.craving,
            hours_slept: p.sleep_hours,
            medication: p.medication,
            symptom_count: p.symptom_count,
        }
    }
}

impl From<&Streak> for StreakJson {
    fn from(s: &Streak) -> Self {
        StreakJson {
            days: s.days,
            since: s.since,
            through: s.through,
        }
    }
}

impl From<&ThresholdFlag> for FlagJson {
    fn from(f: &ThresholdFlag) -> Self {
        let (rule, threshold) = match f.rule {
            FlagRule::CravingAtOrAbove { threshold } => ("craving_at_or_above", threshold),
            FlagRule::MoodAtOrBelow { threshold } => ("mood_at_or_below", threshold),
        };
        FlagJson {
            rule,
            threshold,
            since: f.since,
            through: f.through,
            days: f.days,
        }
    }
}

impl TrendsDoc {
    /// Reshapes the core's trends and the thresholds they used.
    pub fn new(t: &Trends, preferences: &CheckInPreferences) -> Self {
        TrendsDoc {
            schema_version: SCHEMA_VERSION,
            as_of: t.today,
            days: t.window_days,
            averages: t.averages.iter().map(WindowJson::from).collect(),
            series: t.series.iter().map(DayJson::from).collect(),
            streak: StreakJson::from(&t.streak),
            flags: t.flags.iter().map(FlagJson::from).collect(),
            thresholds: PreferencesDoc::from(preferences).thresholds,
        }
    }
}
