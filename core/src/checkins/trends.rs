//! Trends over check-ins: averages, a daily series ready to plot, the check-in streak, and cues.
//!
//! Pure functions of the check-ins and a `today` the shell gives (its local date). The rules:
//! - a window of N days is the N civil days ending on `today` (today included);
//! - an average counts only the days that have that value (a day without a check-in, or a
//!   check-in without a mood, is not a zero), and says how many days it counted;
//! - the series has one point per day of the window, oldest first, with `None` for the gaps;
//! - the streak is the run of consecutive days with a check-in ending today, or ending yesterday
//!   when today has none yet (so the streak does not break before the day is over);
//! - a cue ([`ThresholdFlag`]) is raised when craving has been at or above the user's threshold,
//!   or mood at or below it, on at least `days_in_a_row` consecutive days, in a run that is still
//!   going: it ends today, or yesterday when today has no value for it yet. A day without the
//!   value breaks a run. The cue is structured data; the shells word it as a nudge to open the
//!   plan or call someone, never as a diagnosis.
//!
//! Check-ins dated after `today` are ignored.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::checkin::{CheckIn, Medication};
use super::error::CheckInError;
use super::preferences::Thresholds;
use crate::date::check_supported;

/// The windows every [`Trends`] averages over (plus the window asked for).
pub const STANDARD_WINDOWS: [u32; 3] = [7, 30, 90];
/// The longest window.
pub const MAX_WINDOW_DAYS: u32 = 366;

/// An average and how many days it counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Average {
    /// The mean of the values.
    pub mean: f64,
    /// How many days had a value.
    pub days: u32,
}

/// Averages over the days of one window.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowAverages {
    /// How many days the window spans.
    pub window_days: u32,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day (today).
    pub to: NaiveDate,
    /// How many of its days have a check-in.
    pub days_checked_in: u32,
    /// Average mood, or `None` when no day has one.
    pub mood: Option<Average>,
    /// Average craving, or `None` when no day has one.
    pub craving: Option<Average>,
    /// Average hours slept, or `None` when no day has it.
    pub sleep_hours: Option<Average>,
}

/// One day of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct DayPoint {
    /// The day.
    pub date: NaiveDate,
    /// Whether it has a check-in.
    pub checked_in: bool,
    /// Mood that day.
    pub mood: Option<u8>,
    /// Craving that day.
    pub craving: Option<u8>,
    /// Hours slept that day.
    pub sleep_hours: Option<f64>,
    /// Prescribed medication that day.
    pub medication: Option<Medication>,
    /// How many symptoms were noticed that day.
    pub symptom_count: u32,
}

/// The run of consecutive days with a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// How many days (0 when neither today nor yesterday has a check-in).
    pub days: u32,
    /// The first day of the run.
    pub since: Option<NaiveDate>,
    /// Its last day: today, or yesterday when today has no check-in yet.
    pub through: Option<NaiveDate>,
}

/// Which rule a cue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagRule {
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

/// A cue: a rule has held for at least its number of days in a row, and still does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThresholdFlag {
    /// The rule.
    pub rule: FlagRule,
    /// The first day of the run.
    pub since: NaiveDate,
    /// Its last day (today, or yesterday).
    pub through: NaiveDate,
    /// How many days in a row it has held (at least the rule's `days_in_a_row`).
    pub days: u32,
}

/// Everything the trends screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    /// The day computed for.
    pub today: NaiveDate,
    /// The window of the series.
    pub window_days: u32,
    /// Averages over [`STANDARD_WINDOWS`] and `window_days`, shortest first.
    pub averages: Vec<WindowAverages>,
    /// One point per day of the window, oldest first.
    pub series: Vec<DayPoint>,
    /// The check-in streak.
    pub streak: Streak,
    /// The cues raised, craving first.
    pub flags: Vec<ThresholdFlag>,
}

/// The check-ins by date, those after `today` left out (the last one given wins for a date).
fn by_date(check_ins: &[CheckIn], today: NaiveDate) -> BTreeMap<NaiveDate, &CheckIn> {
    check_ins
        .iter()
        .filter(|c| c.date <= today)
        .map(|c| (c.date, c))
        .collect()
}

fn days_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(n)))
}

fn check_window(window_days: u32) -> Result<(), CheckInError> {
    if (1..=MAX_WINDOW_DAYS).contains(&window_days) {
        Ok(())
    } else {
        Err(CheckInError::WindowOutOfRange {
            days: window_days,
            max: MAX_WINDOW_DAYS,
        })
    }
}

/// Trends on `today`: averages over [`STANDARD_WINDOWS`] and `window_days` (1 to
/// [`MAX_WINDOW_DAYS`]), the series of the last `window_days` days, the streak and the cues.
pub fn trends(
    check_ins: &[CheckIn],
    today: NaiveDate,
    window_days: u32,
    thresholds: &Thresholds,
) -> Result<Trends, CheckInError> {
    check_supported(today)?;
    check_window(window_days)?;
    let days = by_date(check_ins, today);
    let mut windows: Vec<u32> = STANDARD_WINDOWS.to_vec();
    if !windows.contains(&window_days) {
        windows.push(window_days);
        windows.sort_unstable();
    }
    Ok(Trends {
        today,
        window_days,
        averages: windows
            .into_iter()
            .map(|w| averages_in(&days, today, w))
            .collect(),
        series: series_in(&days, today, window_days),
        streak: streak_in(&days, today),
        flags: flags_in(&days, today, thresholds),
    })
}

/// Averages over the `window_days` days ending `today`.
pub fn averages(check_ins: &[CheckIn], today: NaiveDate, window_days: u32) -> WindowAverages {
    averages_in(&by_date(check_ins, today), today, window_days)
}

fn averages_in(
    days: &BTreeMap<NaiveDate, &CheckIn>,
    today: NaiveDate,
    window_days: u32,
) -> WindowAverages {
    let from = days_before(today, window_days.saturating_sub(1)).unwrap_or(NaiveDate::MIN);
    let in_window: Vec<&CheckIn> = days.range(from..=today).map(|(_, c)| *c).collect();
    let average = |values: Vec<f64>| {
        (!values.is_empty()).then(|| Average {
            mean: values.iter().sum::<f64>() / values.len() as f64,
            days: values.len() as u32,
        })
    };
    WindowAverages {
        window_days,
        from,
        to: today,
        days_checked_in: in_window.len() as u32,
        mood: average(
            in_window
                .iter()
                .filter_map(|c| c.mood.map(f64::from))
                .collect(),
        ),
        craving: average(
            in_window
                .iter()
                .filter_map(|c| c.craving.map(f64::from))
                .collect(),
        ),
        sleep_hours: average(
            in_window
                .iter()
                .filter_map(|c| c.sleep.map(|s| s.hours()))
                .collect(),
        ),
    }
}

/// One point per day of the `window_days` days ending `today`, oldest first.
pub fn series(check_ins: &[CheckIn], today: NaiveDate, window_days: u32) -> Vec<DayPoint> {
    series_in(&by_date(check_ins, today), today, window_days)
}

fn series_in(
    days: &BTreeMap<NaiveDate, &CheckIn>,
    today: NaiveDate,
    window_days: u32,
) -> Vec<DayPoint> {
    (0..window_days)
        .rev()
        .filter_map(|back| days_before(today, back))
        .map(|date| match days.get(&date) {
            Some(c) => DayPoint {
                date,
                checked_in: true,
                mood: c.mood,
                craving: c.craving,
                sleep_hours: c.sleep.map(|s| s.hours()),
                medication: c.medication,
                symptom_count: c.symptoms.len() as u32,
            },
            None => DayPoint {
                date,
                checked_in: false,
                mood: None,
                craving: None,
                sleep_hours: None,
                medication: None,
                symptom_count: 0,
            },
        })
        .collect()
}

/// The check-in streak on `today`.
pub fn streak(check_ins: &[CheckIn], today: NaiveDate) -> Streak {
    streak_in(&by_date(check_ins, today), today)
}

fn streak_in(days: &BTreeMap<NaiveDate, &CheckIn>, today: NaiveDate) -> Streak {
    match run_ending(today, |d| days.get(&d).map(|_| true)) {
        Some((since, through, n)) => Streak {
            days: n,
            since: Some(since),
            through: Some(through),
        },
        None => Streak {
            days: 0,
            since: None,
            through: None,
        },
    }
}

/// The cues raised on `today` by `thresholds`: craving first, then mood.
pub fn flags(
    check_ins: &[CheckIn],
    today: NaiveDate,
    thresholds: &Thresholds,
) -> Vec<ThresholdFlag> {
    flags_in(&by_date(check_ins, today), today, thresholds)
}

fn flags_in(
    days: &BTreeMap<NaiveDate, &CheckIn>,
    today: NaiveDate,
    thresholds: &Thresholds,
) -> Vec<ThresholdFlag> {
    let mut out = Vec::new();
    let rules = [
        thresholds
            .craving_at_or_above
            .map(|threshold| FlagRule::CravingAtOrAbove { threshold }),
        thresholds
            .mood_at_or_below
            .map(|threshold| FlagRule::MoodAtOrBelow { threshold }),
    ];
    for rule in rules.into_iter().flatten() {
        // Some(holds) for a day with the value, None for a day without it.
        let holds = |date: NaiveDate| {
            let c = days.get(&date)?;
            match rule {
                FlagRule::CravingAtOrAbove { threshold } => c.craving.map(|v| v >= threshold),
                FlagRule::MoodAtOrBelow { threshold } => c.mood.map(|v| v <= threshold),
            }
        };
        if let Some((since, through, n)) = run_ending(today, holds) {
            if n >= u32::from(thresholds.days_in_a_row) {
                out.push(ThresholdFlag {
                    rule,
                    since,
                    through,
                    days: n,
                });
            }
        }
    }
    out
}

/// The run of consecutive days where `holds` is `Some(true)`, ending `today`, or ending yesterday
/// when `holds(today)` is `None` (nothing known yet today). Returns (first day, last day, length).
fn run_ending(
    today: NaiveDate,
    holds: impl Fn(NaiveDate) -> Option<bool>,
) -> Option<(NaiveDate, NaiveDate, u32)> {
    let end = match holds(today) {
        Some(true) => today,
        Some(false) => return None,
        None => {
            let yesterday = days_before(today, 1)?;
            if holds(yesterday) == Some(true) {
                yesterday
            } else {
                return None;
            }
        }
    };
    let mut first = end;
    let mut n = 1u32;
    while let Some(before) = days_before(first, 1) {
        if holds(before) != Some(true) {
            break;
        }
        first = before;
        n += 1;
    }
    Some((first, end, n))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::checkins::Sleep;
    use crate::test_support::d;

    fn day(date: NaiveDate, mood: Option<u8>, craving: Option<u8>) -> CheckIn {
        CheckIn {
            mood,
            craving,
            ..CheckIn::new(date)
        }
    }

    /// A known week, 2024-05-01 ..= 2024-05-07, with a gap on the 4th and no mood on the 6th.
    fn week() -> Vec<CheckIn> {
        vec![
            day(d(2024, 5, 1), Some(4), Some(2)),
            day(d(2024, 5, 2), Some(3), Some(5)),
            day(d(2024, 5, 3), Some(2), Some(7)),
            CheckIn {
                sleep: Some(Sleep::from_hours(6.5).unwrap()),
                ..day(d(2024, 5, 5), Some(1), Some(8))
            },
            CheckIn {
                sleep: Some(Sleep::from_hours(8.0).unwrap()),
                ..day(d(2024, 5, 6), None, Some(9))
            },
            day(d(2024, 5, 7), Some(2), Some(7)),
        ]
    }

    #[test]
    fn averages_count_only_days_with_a_value() {
        let a = averages(&week(), d(2024, 5, 7), 7);
        assert_eq!((a.from, a.to), (d(2024, 5, 1), d(2024, 5, 7)));
        assert_eq!(a.days_checked_in, 6);
        let mood = a.mood.unwrap();
        assert_eq!(mood.days, 5);
        assert!((mood.mean - 12.0 / 5.0).abs() < 1e-9);
        let craving = a.craving.unwrap();
        assert_eq!(craving.days, 6);
        assert!((craving.mean - 38.0 / 6.0).abs() < 1e-9);
        let sleep = a.sleep_hours.unwrap();
        assert_eq!((sleep.mean, sleep.days), (7.25, 2));

        let three = averages(&week(), d(2024, 5, 7), 3);
        assert_eq!(three.from, d(2024, 5, 5));
        assert_eq!(three.days_checked_in, 3);
        assert_eq!(three.mood.unwrap().days, 2);
        assert_eq!(averages(&week(), d(2024, 4, 30), 7).mood, None);
    }

    #[test]
    fn series_has_one_point_per_day_with_gaps() {
        let s = series(&week(), d(2024, 5, 8), 7);
        assert_eq!(s.len(), 7);
        assert_eq!(s[0].date, d(2024, 5, 2));
        assert_eq!(s[6].date, d(2024, 5, 8));
        assert_eq!(
            s.iter().map(|p| p.mood).collect::<Vec<_>>(),
            vec![Some(3), Some(2), None, Some(1), None, Some(2), None]
        );
        assert!(!s[2].checked_in);
        assert!(
            s[4].checked_in,
            "a check-in without a mood is still a check-in"
        );
        assert_eq!(s[4].sleep_hours, Some(8.0));
    }

    #[test]
    fn streak_ends_today_or_yesterday() {
        let w = week();
        let s = streak(&w, d(2024, 5, 7));
        assert_eq!(s.days, 3);
        assert_eq!(s.since, Some(d(2024, 5, 5)));
        assert_eq!(s.through, Some(d(2024, 5, 7)));
        // Not checked in yet on the 8th: the streak holds through yesterday.
        assert_eq!(streak(&w, d(2024, 5, 8)).days, 3);
        assert_eq!(streak(&w, d(2024, 5, 9)).days, 0);
        assert_eq!(streak(&w, d(2024, 5, 9)).through, None);
        assert_eq!(streak(&w, d(2024, 5, 3)).days, 3);
        assert_eq!(streak(&[], d(2024, 5, 3)).days, 0);
    }

    #[test]
    fn a_cue_needs_the_rule_to_hold_n_days_in_a_row_and_still_hold() {
        let t = Thresholds::default(); // craving >= 7, mood <= 2, 3 days
        let w = week();
        // Craving 8, 9, 7 on the 5th..7th: three days in a row.
        let f = flags(&w, d(2024, 5, 7), &t);
        assert_eq!(
            f,
            vec![ThresholdFlag {
                rule: FlagRule::CravingAtOrAbove { threshold: 7 },
                since: d(2024, 5, 5),
                through: d(2024, 5, 7),
                days: 3,
            }]
        );
        // Mood: 1 on the 5th, none on the 6th (breaks the run), 2 on the 7th: no cue.
        // Still raised the next morning, before the day's check-in.
        assert_eq!(flags(&w, d(2024, 5, 8), &t).len(), 1);
        // A check-in below the threshold today ends the run.
        let mut calmer = w.clone();
        calmer.push(day(d(2024, 5, 8), Some(3), Some(4)));
        assert!(flags(&calmer, d(2024, 5, 8), &t).is_empty());
        // Two days ago is no longer current.
        assert!(flags(&w, d(2024, 5, 9), &t).is_empty());
        // Before the third day there is no cue yet.
        assert!(flags(&w, d(2024, 5, 6), &t).is_empty());
        // The user's own thresholds.
        let strict = Thresholds {
            craving_at_or_above: Some(5),
            mood_at_or_below: Some(3),
            days_in_a_row: 2,
        };
        let f = flags(&w, d(2024, 5, 3), &strict);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].rule, FlagRule::CravingAtOrAbove { threshold: 5 });
        assert_eq!((f[0].since, f[0].days), (d(2024, 5, 2), 2));
        assert_eq!(f[1].rule, FlagRule::MoodAtOrBelow { threshold: 3 });
        assert_eq!((f[1].since, f[1].days), (d(2024, 5, 2), 2));
        let off = Thresholds {
            craving_at_or_above: None,
            mood_at_or_below: None,
            days_in_a_row: 1,
        };
        assert!(flags(&w, d(2024, 5, 7), &off).is_empty());
    }

    #[test]
    fn trends_put_it_together_and_refuse_bad_windows() {
        let t = trends(&week(), d(2024, 5, 7), 14, &Thresholds::default()).unwrap();
        assert_eq!(
            t.averages.iter().map(|a| a.window_days).collect::<Vec<_>>(),
            vec![7, 14, 30, 90]
        );
        assert_eq!(t.series.len(), 14);
        assert_eq!(t.streak.days, 3);
        assert_eq!(t.flags.len(), 1);
        let t = trends(&week(), d(2024, 5, 7), 30, &Thresholds::default()).unwrap();
        assert_eq!(t.averages.len(), 3);
        assert!(matches!(
            trends(&week(), d(2024, 5, 7), 0, &Thresholds::default()),
            Err(CheckInError::WindowOutOfRange { days: 0, .. })
        ));
        assert!(matches!(
            trends(&week(), d(2024, 5, 7), 367, &Thresholds::default()),
            Err(CheckInError::WindowOutOfRange { .. })
        ));
        assert!(matches!(
            trends(&week(), d(1899, 5, 7), 7, &Thresholds::default()),
            Err(CheckInError::Date(_))
        ));
        // Check-ins after today do not count.
        let t = trends(&week(), d(2024, 5, 2), 7, &Thresholds::default()).unwrap();
        assert_eq!(t.averages[0].days_checked_in, 2);
        // The earliest supported day works: its window reaches before 1900 without panicking.
        let early = trends(&[], d(1900, 1, 1), 366, &Thresholds::default()).unwrap();
        assert_eq!(early.series.len(), 366);
    }
}
