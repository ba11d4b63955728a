//! Check-ins kept in the vault: record, edit, list, trends over a known fortnight, preferences, typed
//! errors, the independence from clean time, and a forensic check that nothing a person wrote in a
//! check-in reaches the disk in plaintext. Ends with property tests of the trends.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use chrono::{Days, NaiveDate};
use oneday_core::checkins::store;
use oneday_core::checkins::trends::{self, STANDARD_WINDOWS};
use oneday_core::checkins::{
    preferences, CheckIn, CheckInError, CheckInPreferences, FlagRule, Medication, Sleep, Thresholds,
};
use oneday_core::cleantime::store as counters;
use oneday_core::cleantime::{Counter, CounterSettings};
use oneday_core::vault::{RecordKind, Vault};
use proptest::prelude::*;
use vault_support::{files_under, find_canaries, new_vault, random_letters};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rated(date: NaiveDate, mood: u8, craving: u8) -> CheckIn {
    CheckIn {
        mood: Some(mood),
        craving: Some(craving),
        ..CheckIn::new(date)
    }
}

/// 2024-06-01 ..= 2024-06-14: every day but the 5th, craving climbing over the last four days.
fn fortnight(vault: &Vault, today: NaiveDate) {
    let rows: [(u32, u8, u8, u8); 13] = [
        (1, 4, 1, 32),
        (2, 4, 2, 30),
        (3, 3, 2, 28),
        (4, 3, 3, 28),
        (6, 4, 2, 32),
        (7, 5, 0, 34),
        (8, 4, 1, 30),
        (9, 3, 3, 26),
        (10, 3, 4, 24),
        (11, 2, 7, 20),
        (12, 2, 8, 22),
        (13, 1, 9, 18),
        (14, 2, 7, 24),
    ];
    for (day, mood, craving, quarters) in rows {
        let c = CheckIn {
            sleep: Some(Sleep::from_quarter_hours(quarters).unwrap()),
            medication: Some(Medication::Taken),
            ..rated(d(2024, 6, day), mood, craving)
        };
        store::record(vault, c, today).unwrap();
    }
}

#[test]
fn trends_over_a_known_fortnight() {
    let t = new_vault();
    let today = d(2024, 6, 14);
    fortnight(&t.vault, today);
    let tr = store::trends(&t.vault, today, 14).unwrap();

    let week = &tr.averages[0];
    assert_eq!(week.window_days, 7);
    assert_eq!((week.from, week.to), (d(2024, 6, 8), today));
    assert_eq!(week.days_checked_in, 7);
    let mood = week.mood.unwrap();
    assert_eq!(mood.days, 7);
    assert!((mood.mean - 17.0 / 7.0).abs() < 1e-9, "{}", mood.mean);
    let craving = week.craving.unwrap();
    assert!((craving.mean - 39.0 / 7.0).abs() < 1e-9, "{}", craving.mean);
    let sleep = week.sleep_hours.unwrap();
    assert!(
        (sleep.mean - 164.0 / 4.0 / 7.0).abs() < 1e-9,
        "{}",
        sleep.mean
    );

    let fortnight_avg = tr.averages.iter().find(|a| a.window_days == 14).unwrap();
    assert_eq!(fortnight_avg.days_checked_in, 13);
    assert_eq!(fortnight_avg.mood.unwrap().days, 13);
    let month = tr.averages.iter().find(|a| a.window_days == 30).unwrap();
    assert_eq!(month.days_checked_in, 13, "only days with a check-in count");

    assert_eq!(tr.series.len(), 14);
    assert_eq!(tr.series[0].date, d(2024, 6, 1));
    assert!(!tr.series[4].checked_in);
    assert_eq!(tr.series[4].mood, None);
    assert_eq!(tr.series[13].craving, Some(7));
    assert_eq!(tr.series[13].sleep_hours, Some(6.0));

    assert_eq!(tr.streak.days, 9);
    assert_eq!(tr.streak.since, Some(d(2024, 6, 6)));

    // Craving 7 or more and mood 2 or less, both since the 11th: two cues, craving first.
    assert_eq!(tr.flags.len(), 2);
    let flag = tr.flags[0];
    assert_eq!(flag.rule, FlagRule::CravingAtOrAbove { threshold: 7 });
    assert_eq!(
        (flag.since, flag.through, flag.days),
        (d(2024, 6, 11), today, 4)
    );
    assert_eq!(tr.flags[1].rule, FlagRule::MoodAtOrBelow { threshold: 2 });
    assert_eq!(tr.flags[1].since, d(2024, 6, 11));

    // The user's own thresholds change the cues: craving fell back to 7 today, so no craving cue.
    let mut prefs = preferences::load(&t.vault).unwrap();
    prefs.thresholds = Thresholds {
        craving_at_or_above: Some(8),
        mood_at_or_below: Some(2),
        days_in_a_row: 4,
    };
    preferences::save(&t.vault, &prefs).unwrap();
    let tr = store::trends(&t.vault, today, 7).unwrap();
    assert_eq!(tr.flags.len(), 1);
    assert_eq!(tr.flags[0].rule, FlagRule::MoodAtOrBelow { threshold: 2 });
    assert_eq!(tr.flags[0].days, 4);
}

#[test]
fn a_day_is_edited_in_place_and_bad_input_is_typed() {
    let t = new_vault();
    let v = &t.vault;
    let today = d(2024, 6, 14);
    let morning = CheckIn {
        journal: Some("rough night".into()),
        ..rated(today, 2, 6)
    };
    assert!(!store::record(v, morning, today).unwrap().replaced);
    let evening = CheckIn {
        journal: Some("went to a meeting, better".into()),
        gratitude: vec!["my sponsor".into()],
        ..rated(today, 4, 2)
    };
    assert!(store::record(v, evening.clone(), today).unwrap().replaced);
    assert_eq!(store::get(v, today).unwrap(), Some(evening.clone()));
    assert_eq!(store::list_all(v).unwrap(), vec![evening]);

    let nine = rated(today, 9, 0);
    assert!(matches!(
        store::record(v, nine, today),
        Err(CheckInError::MoodOutOfRange { value: 9 })
    ));
    assert!(matches!(
        store::record(v, rated(today, 3, 11), today),
        Err(CheckInError::CravingOutOfRange { value: 11 })
    ));
    let tomorrow = rated(d(2024, 6, 15), 3, 3);
    assert!(matches!(
        store::record(v, tomorrow, today),
        Err(CheckInError::FutureDate { .. })
    ));
    assert!(matches!(
        store::record(v, rated(d(1899, 12, 31), 3, 3), today),
        Err(CheckInError::Date(_))
    ));
    assert!(matches!(
        store::record(v, CheckIn::new(today), today),
        Err(CheckInError::Empty)
    ));
    assert!(matches!(
        store::trends(v, today, 0),
        Err(CheckInError::WindowOutOfRange { .. })
    ));
    // Nothing refused was written.
    assert_eq!(store::list_all(v).unwrap().len(), 1);
    assert_eq!(store::get(v, today).unwrap().unwrap().mood, Some(4));
}

#[test]
fn medication_never_touches_clean_time() {
    let t = new_vault();
    let v = &t.vault;
    let counter = Counter::new(CounterSettings::new("Clean"), d(2024, 1, 1)).unwrap();
    let id = counters::add(v, &counter).unwrap();
    let today = d(2024, 6, 14);
    let before = counters::get(v, &id).unwrap().clean_time(today).unwrap();
    for day in 10..=14 {
        let c = CheckIn {
            medication: Some(Medication::Taken),
            ..CheckIn::new(d(2024, 6, day))
        };
        store::record(v, c, today).unwrap();
    }
    let not_taken = CheckIn {
        medication: Some(Medication::NotTaken),
        ..CheckIn::new(today)
    };
    store::record(v, not_taken, today).unwrap();
    let after = counters::get(v, &id).unwrap();
    assert_eq!(after.attempts().len(), 1);
    assert_eq!(after.clean_time(today).unwrap(), before);
    assert_eq!(
        store::get(v, today).unwrap().unwrap().medication,
        Some(Medication::NotTaken)
    );
}

#[test]
fn nothing_written_in_a_check_in_is_on_disk_in_plaintext() {
    let t = new_vault();
    let v = &t.vault;
    let c = |tag: &str| format!("{tag}{}", random_letters(24));
    let (journal, grateful_a, grateful_b, symptom_a, symptom_b, edited) = (
        c("journal"),
        c("grateful"),
        c("thanks"),
        c("symptom"),
        c("voices"),
        c("edited"),
    );
    let prefs = CheckInPreferences {
        symptoms: vec![symptom_a.clone(), symptom_b.clone()],
        thresholds: Thresholds::default(),
    };
    preferences::save(v, &prefs).unwrap();
    let today = d(2024, 6, 14);
    let first = CheckIn {
        symptoms: vec![symptom_a.clone(), symptom_b.clone()],
        journal: Some(journal.clone()),
        gratitude: vec![grateful_a.clone(), grateful_b.clone()],
        medication: Some(Medication::Taken),
        sleep: Some(Sleep::from_hours(7.5).unwrap()),
        ..rated(today, 3, 4)
    };
    store::record(v, first, today).unwrap();
    store::record(
        v,
        CheckIn {
            journal: Some(edited.clone()),
            symptoms: vec![symptom_b.clone()],
            ..rated(d(2024, 6, 13), 2, 5)
        },
        today,
    )
    .unwrap();
    let back = store::get(v, today).unwrap().unwrap();
    assert_eq!(back.journal.as_deref(), Some(journal.as_str()));
    assert_eq!(back.symptoms, vec![symptom_a.clone(), symptom_b.clone()]);
    assert_eq!(
        v.list::<serde_json::Value>(RecordKind::CheckIn)
            .unwrap()
            .len(),
        2
    );

    let files = files_under(&t.dir, None);
    assert!(!files.is_empty());
    let canaries = vec![
        journal, grateful_a, grateful_b, symptom_a, symptom_b, edited,
    ];
    let hits = find_canaries(&files, &canaries);
    assert!(hits.is_empty(), "plaintext on disk: {hits:?}");
}

// ---- properties of the trends ----

/// Up to 60 check-ins on random days of the 120 days before 2024-06-30, with random values.
fn check_ins() -> impl Strategy<Value = Vec<CheckIn>> {
    let one = (
        0u64..120,
        proptest::option::of(1u8..=5),
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=96),
    )
        .prop_map(|(back, mood, craving, sleep)| CheckIn {
            mood,
            craving,
            sleep: sleep.map(|q| Sleep::from_quarter_hours(q).unwrap()),
            medication: Some(Medication::NotApplicable),
            ..CheckIn::new(d(2024, 6, 30).checked_sub_days(Days::new(back)).unwrap())
        });
    proptest::collection::vec(one, 0..60)
}

fn thresholds() -> impl Strategy<Value = Thresholds> {
    (
        proptest::option::of(1u8..=10),
        proptest::option::of(1u8..=4),
        1u8..=5,
    )
        .prop_map(|(c, m, n)| Thresholds {
            craving_at_or_above: c,
            mood_at_or_below: m,
            days_in_a_row: n,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn trends_invariants(
        all in check_ins(), back in 0u64..130, window in 1u32..=120, th in thresholds()
    ) {
        let today = d(2024, 6, 30).checked_sub_days(Days::new(back)).unwrap();
        let t = trends::trends(&all, today, window, &th).unwrap();
        prop_assert_eq!(t.series.len() as u32, window);
        prop_assert_eq!(t.series.last().unwrap().date, today);
        prop_assert!(t.series.windows(2).all(|w| w[1].date == w[0].date.succ_opt().unwrap()));
        let with_check_in = |from: NaiveDate| {
            let mut dates: Vec<NaiveDate> =
                all.iter().map(|c| c.date).filter(|x| (from..=today).contains(x)).collect();
            dates.sort();
            dates.dedup();
            dates.len() as u32
        };
        let mut last_checked = 0;
        for a in &t.averages {
            prop_assert_eq!(a.days_checked_in, with_check_in(a.from));
            prop_assert!(a.days_checked_in <= a.window_days);
            prop_assert!(a.days_checked_in >= last_checked, "longer windows hold at least as many days");
            last_checked = a.days_checked_in;
            if let Some(m) = a.mood {
                prop_assert!((1.0..=5.0).contains(&m.mean) && m.days <= a.days_checked_in);
            }
            if let Some(c) = a.craving {
                prop_assert!((0.0..=10.0).contains(&c.mean) && c.days <= a.days_checked_in);
            }
            if let Some(s) = a.sleep_hours {
                prop_assert!((0.0..=24.0).contains(&s.mean) && s.days <= a.days_checked_in);
            }
        }
        for w in STANDARD_WINDOWS {
            prop_assert!(t.averages.iter().any(|a| a.window_days == w));
        }
        let in_series = t.series.iter().filter(|p| p.checked_in).count() as u32;
        prop_assert_eq!(in_series, with_check_in(t.series[0].date));
        // The streak: consecutive days with a check-in, ending today or yesterday.
        if let (Some(since), Some(through)) = (t.streak.since, t.streak.through) {
            prop_assert!(through == today || through.succ_opt() == Some(today));
            prop_assert_eq!((through - since).num_days() + 1, i64::from(t.streak.days));
            prop_assert_eq!(with_check_in(since) - with_check_in(through.succ_opt().unwrap()), t.streak.days);
        } else {
            prop_assert_eq!(t.streak.days, 0);
        }
        // A cue lasts at least its rule's days and lies inside the streak.
        for f in &t.flags {
            prop_assert!(f.days >= u32::from(th.days_in_a_row));
            prop_assert!(f.days <= t.streak.days);
            prop_assert_eq!((f.through - f.since).num_days() + 1, i64::from(f.days));
        }
    }
}
