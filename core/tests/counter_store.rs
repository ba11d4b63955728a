//! Counters in the vault: every field survives a round trip, refused changes write nothing, and
//! nothing the user typed or chose is on disk in plaintext.
#![allow(clippy::unwrap_used, missing_docs)]

mod vault_support;

use chrono::NaiveDate;
use oneday_core::cleantime::store::{self, CounterStoreError};
use oneday_core::cleantime::{
    ChipColour, CleanTimeError, Counter, CounterKind, CounterSettings, CountingMode,
    CustomMilestone, MilestoneProfile, Money, Span,
};
use oneday_core::vault::Vault;
use vault_support::{files_under, find_canaries, new_vault, random_letters};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A counter with every field set, its strings made of the given canaries.
fn full_counter(canaries: &[String]) -> Counter {
    let mut settings = CounterSettings::new(canaries[0].clone());
    settings.kind = CounterKind::MentalHealthGoal;
    settings.counting = CountingMode::TodayIsDayOne;
    settings.profile = MilestoneProfile::Custom {
        milestones: vec![
            CustomMilestone {
                span: Span::Days(7),
                label: Some(canaries[1].clone()),
                colour: Some(canaries[2].clone()),
            },
            CustomMilestone {
                span: Span::Years(1),
                label: None,
                colour: None,
            },
        ],
    };
    settings.daily_cost = Some(Money::new(1234, "NZD").unwrap());
    settings.last_use = d(2019, 7, 12).and_hms_opt(23, 45, 0);
    settings.name_in_reminders = true;
    let mut c = Counter::new(settings, d(2019, 7, 13)).unwrap();
    c.reset(
        d(2021, 3, 17),
        Some(d(2021, 3, 18)),
        Some(canaries[3].clone()),
    )
    .unwrap();
    c.pause(d(2022, 5, 1), Some(canaries[4].clone())).unwrap();
    c.resume(d(2022, 6, 1)).unwrap();
    c
}

#[test]
fn every_field_survives_save_and_reopen() {
    let t = new_vault();
    let canaries: Vec<String> = (0..5).map(|_| random_letters(12)).collect();
    let counter = full_counter(&canaries);
    let mut aa = CounterSettings::new("AA");
    aa.profile = MilestoneProfile::AaChips {
        colours: vec![ChipColour {
            span: Span::Days(1),
            colour: "bronze".into(),
        }],
    };
    let aa = Counter::new(aa, d(2024, 2, 29)).unwrap();
    let id = store::add(&t.vault, &counter).unwrap();
    let aa_id = store::add(&t.vault, &aa).unwrap();
    drop(t.vault);

    let vault = Vault::open_with_recovery(&t.dir, t.code.as_str().as_bytes()).unwrap();
    assert_eq!(store::get(&vault, &id).unwrap(), counter);
    assert_eq!(store::get(&vault, &aa_id).unwrap(), aa);
    let listed = store::list(&vault).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, id, "oldest first attempt first");
}

#[test]
fn a_refused_change_writes_nothing() {
    let t = new_vault();
    let counter = Counter::new(CounterSettings::new("x"), d(2024, 1, 10)).unwrap();
    let id = store::add(&t.vault, &counter).unwrap();
    let r = store::update(&t.vault, &id, |c| c.reset(d(2024, 1, 1), None, None));
    assert!(matches!(
        r,
        Err(CounterStoreError::Invalid(CleanTimeError::TooEarly { .. }))
    ));
    assert_eq!(store::get(&t.vault, &id).unwrap(), counter);
    let missing = oneday_core::vault::RecordId::generate().unwrap();
    assert!(matches!(
        store::get(&t.vault, &missing),
        Err(CounterStoreError::NotFound)
    ));
    assert!(matches!(
        store::delete(&t.vault, &missing),
        Err(CounterStoreError::NotFound)
    ));
    store::delete(&t.vault, &id).unwrap();
    assert!(store::list(&t.vault).unwrap().is_empty());
}

#[test]
fn no_counter_field_is_on_disk_in_plaintext() {
    let started = std::time::SystemTime::now();
    let t = new_vault();
    let canaries: Vec<String> = (0..7).map(|_| random_letters(14)).collect();
    let id = store::add(&t.vault, &full_counter(&canaries)).unwrap();
    // Updates and a delete must leave no old plaintext behind either.
    store::update(&t.vault, &id, |c| {
        let mut s = c.settings().clone();
        s.label = canaries[5].clone();
        c.update_settings(s)?;
        c.reset(d(2023, 1, 1), None, Some(canaries[6].clone()))
    })
    .unwrap();
    let other = store::add(&t.vault, &full_counter(&canaries)).unwrap();
    store::delete(&t.vault, &other).unwrap();
    drop(t.vault);

    let mut files = files_under(&t.dir, None);
    files.extend(files_under(&std::env::temp_dir(), Some(started)));
    assert!(!files.is_empty());
    let hits = find_canaries(&files, &canaries);
    assert!(hits.is_empty(), "plaintext found: {hits:?}");
    // Dates and choices as plain UTF-8 (the currency code is too short to search for in ciphertext).
    for file in files_under(&t.dir, None) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [
            "2019-07-13",
            "2021-03-17",
            "2019-07-12T23:45",
            "mental_health_goal",
        ] {
            assert!(
                !vault_support::contains(&bytes, needle.as_bytes()),
                "{needle} in {}",
                file.display()
            );
        }
    }
}

#[test]
fn concurrent_updates_lose_nothing() {
    let t = new_vault();
    let vault = std::sync::Arc::new(t.vault);
    let id = store::add(
        &vault,
        &Counter::new(CounterSettings::new("x"), d(2024, 1, 1)).unwrap(),
    )
    .unwrap();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let vault = vault.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    store::update(&vault, &id, |c| c.reset(d(2024, 2, 1), None, None)).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let counter = store::get(&vault, &id).unwrap();
    assert_eq!(counter.attempts().len(), 1 + 4 * 25);
}
