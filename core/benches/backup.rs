//! Backup benchmarks (results in `docs/benchmarks.md`, "Backup").
//!
//! A heavy but real profile, written through the areas' own stores: 20 counters with 25 relapses
//! each, 2,000 meetings (the project's Meeting Guide sample repeated under new slugs), 20 contacts,
//! both plans with 30 revisions each, and a check-in every day for two years (730).
//!
//! * `export`: every record read, the file sealed (at `KdfParams::MINIMUM`: Argon2id is measured
//!   on its own in the vault benchmarks, `vault unlock`).
//! * `verify`: the file opened and every record read as its type.
//! * `restore into empty`: into a new vault, one transaction.
//! * `merge unchanged`: the same backup merged into the vault it came from (every record matched,
//!   nothing written).
//! * `rotate data key`: every record re-sealed under a new data key, both slots re-wrapped, in one
//!   transaction (what every change of a way in costs), with one Argon2id run at the minimum.
//!
//! Target: each under 1 s for this profile on the development machine, Argon2id excluded. The
//! file size is printed once.
//!
//! Run: `cargo bench -p oneday-core --bench backup`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use oneday_core::backup::{self, BackupSecretKind, RestoreMode};
use oneday_core::checkins::{store as checkins, CheckIn};
use oneday_core::cleantime::{store as counters, Counter, CounterSettings};
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::store as meetings;
use oneday_core::plans::{store as plans, RelapsePreventionPlan, SafetyPlan};
use oneday_core::support::{store as contacts, ContactInput, ContactRole};
use oneday_core::vault::{DeviceKey, KdfParams, RecoveryCode, Vault};

const PASS: &[u8] = b"benchmark passphrase";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fresh_vault() -> (tempfile::TempDir, Vault) {
    let (dir, vault, _) = fresh_vault_with_code();
    (dir, vault)
}

fn fresh_vault_with_code() -> (tempfile::TempDir, Vault, RecoveryCode) {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = Vault::create(
        &dir.path().join("store"),
        &DeviceKey::generate().unwrap(),
        KdfParams::MINIMUM,
    )
    .unwrap();
    (dir, vault, code)
}

fn meeting_feed(n: usize) -> Vec<u8> {
    let sample = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/meeting-guide-sample.json"),
    )
    .unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&sample).unwrap();
    let out: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut r = records[i % records.len()].clone();
            r["slug"] = serde_json::Value::String(format!("generated-{i}"));
            r
        })
        .collect();
    serde_json::to_vec(&out).unwrap()
}

fn heavy_vault() -> (tempfile::TempDir, Vault, RecoveryCode) {
    let (dir, v, code) = fresh_vault_with_code();
    for i in 0..20 {
        let mut c =
            Counter::new(CounterSettings::new(format!("Counter {i}")), d(2020, 1, 1)).unwrap();
        for r in 0..25u64 {
            let on = d(2020, 1, 1) + Days::new(30 * (r + 1));
            c.reset(on, None, Some(format!("relapse {r}: a hard week")))
                .unwrap();
        }
        counters::add(&v, &c).unwrap();
    }
    let parsed = meeting_guide::import(&meeting_feed(2_000), &ImportOptions::new("bench")).unwrap();
    meetings::import(&v, parsed, "bench", Some(chrono_tz::Europe::London), false).unwrap();
    for i in 0..20 {
        contacts::add(
            &v,
            ContactInput {
                name: format!("Friend {i}"),
                role: ContactRole::Friend,
                phone: format!("+44 20 7946 {:04}", i),
                sms_allowed: true,
                note: Some("met at the Tuesday meeting".into()),
            },
        )
        .unwrap();
    }
    for r in 0..30 {
        let at = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap() + chrono::Duration::days(r);
        let safety = SafetyPlan {
            warning_signs: (0..=r).map(|i| format!("warning sign {i}")).collect(),
            ..SafetyPlan::default()
        };
        plans::save_safety(&v, safety, at).unwrap();
        let relapse = RelapsePreventionPlan {
            reasons: (0..=r).map(|i| format!("reason {i}")).collect(),
            ..RelapsePreventionPlan::default()
        };
        plans::save_relapse(&v, relapse, at).unwrap();
    }
    let today = d(2025, 12, 31);
    for day in 0..730u64 {
        let c = CheckIn {
            mood: Some(3),
            craving: Some((day % 11) as u8),
            journal: Some(format!("day {day}: went to a meeting")),
            ..CheckIn::new(d(2024, 1, 1) + Days::new(day))
        };
        checkins::record(&v, c, today).unwrap();
    }
    (dir, v, code)
}

fn benches(c: &mut Criterion) {
    let (_dir, vault, code) = heavy_vault();
    let export = || {
        backup::export(
            &vault,
            PASS,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap()
    };
    let file = export();
    println!(
        "backup of the heavy profile: {} records, {} bytes",
        vault.list_all().unwrap().len(),
        file.len()
    );
    let mut g = c.benchmark_group("backup");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("export", |b| b.iter(|| black_box(export())));
    g.bench_function("verify", |b| {
        b.iter(|| black_box(backup::verify(&file, PASS).unwrap()))
    });
    g.bench_function("restore into empty", |b| {
        b.iter_batched(
            fresh_vault,
            |(_d, v)| black_box(backup::restore(&v, &file, PASS, RestoreMode::IntoEmpty).unwrap()),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("merge unchanged", |b| {
        b.iter(|| black_box(backup::restore(&vault, &file, PASS, RestoreMode::Merge).unwrap()))
    });
    // What `lock`, `unlock --recovery` and a passphrase change cost on top of their Argon2id runs:
    // a new data key, every record re-sealed, both slots re-wrapped, one transaction. Includes the
    // one Argon2id run that checks the recovery code, at `KdfParams::MINIMUM`.
    g.bench_function("rotate data key", |b| {
        b.iter(|| vault.rotate_data_key(code.as_str().as_bytes()).unwrap())
    });
    g.finish();
}

criterion_group!(backup_benches, benches);
criterion_main!(backup_benches);
