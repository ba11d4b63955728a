//! The Rust half of the FFI benchmark (`tests/kotlin/bench.sh` runs it beside the Kotlin half).
//!
//! It calls the same `oneday_ffi` functions the Kotlin bindings call, in the same order and the same
//! number of times, but from Rust: the difference between the two is the cost of crossing the FFI
//! (serialising records, JNA, handles), which `docs/benchmarks.md` reports as a ratio.
//!
//! Measured: one `status` call on a vault with 20 counters (median of 200 calls), and a batch of
//! 1,000 stateless `clean_time` calls (median of 30 batches), and as baselines batches of 1,000
//! `minimum_kdf_params` (no argument, a 3-field record back) and of 1,000 `parse_date` (a string in,
//! a date out), and the Today screen of a heavy profile (`today`: 20 counters with 100 attempts
//! each, one named in reminders; median of 200 calls). Prints `name median_ns` lines.

use std::error::Error;
use std::time::Instant;

use chrono::Days;
use oneday_ffi::{
    clean_time, create_vault, minimum_kdf_params, parse_date, CounterKind, CounterSettings,
    CountingMode, MilestoneProfile, Vault,
};

fn median(mut samples: Vec<u128>) -> u128 {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn settings(label: String) -> CounterSettings {
    CounterSettings {
        label,
        kind: CounterKind::Substance,
        counting: CountingMode::CompletedDays,
        profile: MilestoneProfile::NaKeyTags,
        daily_cost: None,
        last_use: None,
        name_in_reminders: false,
    }
}

/// 20 counters from 2020-01-01, each reset every 18 days 99 times (100 attempts, a note on each
/// relapse), the first one named in reminders: a heavy profile for the Today screen.
fn heavy(vault: &Vault) -> Result<(), Box<dyn Error>> {
    let start = parse_date("2020-01-01".into())?;
    for i in 0..20 {
        let mut s = settings(format!("heavy {i}"));
        s.name_in_reminders = i == 0;
        let c = vault.add_counter(s, start)?;
        let mut on = start;
        for _ in 0..99 {
            on = on
                .checked_add_days(Days::new(18))
                .ok_or("date out of range")?;
            vault.reset_counter(c.id.clone(), on, None, Some("note".into()))?;
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("vault").to_string_lossy().into_owned();
    let vault = create_vault(path, vec![7; 32], Some(minimum_kdf_params()))?.vault;
    let start = parse_date("2020-01-01".into())?;
    let today = parse_date("2025-06-15".into())?;
    for i in 0..20 {
        let c = vault.add_counter(settings(format!("counter {i}")), start)?;
        vault.reset_counter(
            c.id,
            parse_date("2023-03-01".into())?,
            None,
            Some("note".into()),
        )?;
    }

    for _ in 0..20 {
        vault.status(today)?;
    }
    let mut status = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let rows = vault.status(today)?;
        status.push(t.elapsed().as_nanos());
        assert_eq!(rows.len(), 20);
    }

    let mut batches = Vec::new();
    for round in 0..35 {
        let t = Instant::now();
        for _ in 0..1_000 {
            clean_time(start, today, None, None, None)?;
        }
        if round >= 5 {
            batches.push(t.elapsed().as_nanos());
        }
    }

    let mut tiny = Vec::new();
    let mut dates = Vec::new();
    for round in 0..35 {
        let t = Instant::now();
        for _ in 0..1_000 {
            std::hint::black_box(minimum_kdf_params());
        }
        let mid = Instant::now();
        for _ in 0..1_000 {
            parse_date(std::hint::black_box("2024-02-29".to_owned()))?;
        }
        if round >= 5 {
            tiny.push((mid - t).as_nanos());
            dates.push(mid.elapsed().as_nanos());
        }
    }

    let heavy_dir = tempfile::tempdir()?;
    let heavy_path = heavy_dir
        .path()
        .join("vault")
        .to_string_lossy()
        .into_owned();
    let heavy_vault = create_vault(heavy_path, vec![7; 32], Some(minimum_kdf_params()))?.vault;
    heavy(&heavy_vault)?;
    for _ in 0..20 {
        heavy_vault.today(today, false, None, None)?;
    }
    let mut today_heavy = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let screen = heavy_vault.today(today, false, None, None)?;
        today_heavy.push(t.elapsed().as_nanos());
        assert_eq!(screen.cards.len(), 20);
    }

    println!("status_20_counters {}", median(status));
    println!("today_heavy {}", median(today_heavy));
    println!("kdf_params_x1000 {}", median(tiny));
    println!("parse_date_x1000 {}", median(dates));
    println!("clean_time_x1000 {}", median(batches));
    Ok(())
}
