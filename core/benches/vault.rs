//! Vault benchmarks (results in `docs/benchmarks.md`, "Vault").
//!
//! * `open+read all`: open the vault with the device key and read the heavy profile (20 counters
//!   with 50 attempts each, 5,000 other records), every record opened and deserialized, against the
//!   same data in an unencrypted SQLite file with the same table layout, opened and read the same
//!   way (one pass, kind taken from the body, JSON deserialized straight from SQLite's row buffer).
//! * `open+list counters`: only the 20 counters. The vault must open all 5,020 records to find
//!   them (kinds are sealed); shown against the plain single table read the same way, and against a
//!   plain table with a `kind` column and index, which is what hiding the kinds costs.
//! * `vault unlock`: `Vault::open_with_device_key` alone, and `Vault::open_with_recovery` at
//!   `KdfParams::DEFAULT` and at `KdfParams::MINIMUM` (the time is almost all Argon2id).
//!
//! Run: `cargo bench -p oneday-core --bench vault`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, RecoveryCode, Vault};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone)]
struct Attempt {
    start: String,
    end: Option<String>,
    note: String,
}

#[derive(Serialize, Deserialize, Clone)]
struct Counter {
    name: String,
    start: String,
    timezone: String,
    archived: bool,
    attempts: Vec<Attempt>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Other {
    date: String,
    text: String,
    mood: u8,
    tags: Vec<String>,
}

fn counter(i: usize) -> Counter {
    Counter {
        name: format!("Counter number {i}"),
        start: "2021-03-14".into(),
        timezone: "Europe/Amsterdam".into(),
        archived: false,
        attempts: (0..50)
            .map(|a| Attempt {
                start: format!("20{:02}-0{}-1{}", 10 + a % 14, 1 + a % 9, a % 10),
                end: (a % 3 > 0).then(|| "2020-12-31".to_string()),
                note: format!("attempt {a}: went to a meeting, called my sponsor"),
            })
            .collect(),
    }
}

fn other(i: usize) -> Other {
    Other {
        date: format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        text: format!("journal entry {i}: a good day, grateful for the fellowship"),
        mood: (i % 5) as u8,
        tags: vec!["meeting".into(), "gratitude".into()],
    }
}

struct Fixture {
    _tmp: tempfile::TempDir,
    vault_dir: PathBuf,
    plain_path: PathBuf,
    plain_indexed_path: PathBuf,
    key: DeviceKey,
    code: RecoveryCode,
    floor_dir: PathBuf,
    floor_code: RecoveryCode,
}

/// The plain body: kind name length, kind name, JSON (the vault's payload without padding).
fn plain_body<T: Serialize>(kind: RecordKind, value: &T) -> Vec<u8> {
    let name = kind.as_str().as_bytes();
    let mut out = vec![name.len() as u8];
    out.extend_from_slice(name);
    out.extend(serde_json::to_vec(value).unwrap());
    out
}

fn plain_split(body: &[u8]) -> (&[u8], &[u8]) {
    let n = usize::from(body[0]);
    (&body[1..1 + n], &body[1 + n..])
}

fn open_plain(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "temp_store", "MEMORY").unwrap();
    conn
}

fn setup() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let vault_dir = tmp.path().join("vault");
    let key = DeviceKey::generate().unwrap();
    let (vault, code) = Vault::create(&vault_dir, &key, KdfParams::DEFAULT).unwrap();
    let floor_dir = tmp.path().join("vault-floor");
    let (_, floor_code) = Vault::create(&floor_dir, &key, KdfParams::MINIMUM).unwrap();
    let plain_path = tmp.path().join("plain.db");
    let plain_indexed_path = tmp.path().join("plain-indexed.db");
    let plain = open_plain(&plain_path);
    plain
        .execute_batch(
            "CREATE TABLE item (id BLOB PRIMARY KEY NOT NULL, body BLOB NOT NULL) WITHOUT ROWID",
        )
        .unwrap();
    let indexed = open_plain(&plain_indexed_path);
    indexed
        .execute_batch(
            "CREATE TABLE item (id BLOB PRIMARY KEY NOT NULL, kind TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
             CREATE INDEX item_kind ON item (kind);",
        )
        .unwrap();

    let mut rows: Vec<(RecordId, RecordKind, Vec<u8>)> = Vec::new();
    vault
        .transaction(|tx| {
            for i in 0..20 {
                let id = RecordId::generate()?;
                let c = counter(i);
                tx.put(RecordKind::Counter, &id, &c)?;
                rows.push((id, RecordKind::Counter, plain_body(RecordKind::Counter, &c)));
            }
            for i in 0..5000 {
                let id = RecordId::generate()?;
                let o = other(i);
                tx.put(RecordKind::Setting, &id, &o)?;
                rows.push((id, RecordKind::Setting, plain_body(RecordKind::Setting, &o)));
            }
            Ok::<(), oneday_core::vault::VaultError>(())
        })
        .unwrap();
    drop(vault);
    for (conn, with_kind) in [(&plain, false), (&indexed, true)] {
        conn.execute_batch("BEGIN").unwrap();
        for (id, kind, body) in &rows {
            if with_kind {
                conn.execute(
                    "INSERT INTO item (id, kind, body) VALUES (?1, ?2, ?3)",
                    (&id.as_bytes()[..], kind.as_str(), body),
                )
                .unwrap();
            } else {
                conn.execute(
                    "INSERT INTO item (id, body) VALUES (?1, ?2)",
                    (&id.as_bytes()[..], body),
                )
                .unwrap();
            }
        }
        conn.execute_batch("COMMIT").unwrap();
    }
    Fixture {
        _tmp: tmp,
        vault_dir,
        plain_path,
        plain_indexed_path,
        key,
        code,
        floor_dir,
        floor_code,
    }
}

fn sealed_read_all(f: &Fixture) -> (usize, usize) {
    let vault = Vault::open_with_device_key(&f.vault_dir, &f.key).unwrap();
    let (mut counters, mut others) = (0, 0);
    vault
        .for_each(|record| {
            match record.kind() {
                RecordKind::Counter => {
                    black_box(record.decode::<Counter>()?);
                    counters += 1;
                }
                RecordKind::Setting => {
                    black_box(record.decode::<Other>()?);
                    others += 1;
                }
                // This bench writes only counters and settings.
                _ => others += 1,
            }
            Ok(())
        })
        .unwrap();
    (counters, others)
}

fn sealed_read_all_owned(f: &Fixture) -> (usize, usize) {
    let vault = Vault::open_with_device_key(&f.vault_dir, &f.key).unwrap();
    let (mut counters, mut others) = (0, 0);
    for record in vault.list_all().unwrap() {
        match record.kind() {
            RecordKind::Counter => {
                black_box(record.decode::<Counter>().unwrap());
                counters += 1;
            }
            RecordKind::Setting => {
                black_box(record.decode::<Other>().unwrap());
                others += 1;
            }
            // This bench writes only counters and settings.
            _ => others += 1,
        }
    }
    (counters, others)
}

fn plain_read_all(f: &Fixture) -> (usize, usize) {
    let conn = open_plain(&f.plain_path);
    let mut stmt = conn.prepare("SELECT id, body FROM item").unwrap();
    let mut rows = stmt.query([]).unwrap();
    let (mut counters, mut others) = (0, 0);
    while let Some(row) = rows.next().unwrap() {
        let id = row.get_ref(0).unwrap().as_blob().unwrap();
        black_box(RecordId::from_bytes(id.try_into().unwrap()));
        let body = row.get_ref(1).unwrap().as_blob().unwrap();
        let (kind, json) = plain_split(body);
        if kind == b"counter" {
            black_box(serde_json::from_slice::<Counter>(json).unwrap());
            counters += 1;
        } else {
            black_box(serde_json::from_slice::<Other>(json).unwrap());
            others += 1;
        }
    }
    (counters, others)
}

fn sealed_list_counters(f: &Fixture) -> usize {
    let vault = Vault::open_with_device_key(&f.vault_dir, &f.key).unwrap();
    vault.list::<Counter>(RecordKind::Counter).unwrap().len()
}

fn plain_list_counters(f: &Fixture) -> usize {
    let conn = open_plain(&f.plain_path);
    let mut stmt = conn.prepare("SELECT id, body FROM item").unwrap();
    let mut rows = stmt.query([]).unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        let body = row.get_ref(1).unwrap().as_blob().unwrap();
        let (kind, json) = plain_split(body);
        if kind == b"counter" {
            black_box(serde_json::from_slice::<Counter>(json).unwrap());
            n += 1;
        }
    }
    n
}

fn plain_indexed_list_counters(f: &Fixture) -> usize {
    let conn = open_plain(&f.plain_indexed_path);
    let mut stmt = conn
        .prepare("SELECT id, body FROM item WHERE kind = 'counter'")
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        let body = row.get_ref(1).unwrap().as_blob().unwrap();
        let (_, json) = plain_split(body);
        black_box(serde_json::from_slice::<Counter>(json).unwrap());
        n += 1;
    }
    n
}

/// Median time of `a` and of `b`, measured alternately (a, b, a, b, ...) so that load from other
/// processes falls on both alike. Printed next to criterion's numbers as the sealed/plain ratio.
fn paired_medians(rounds: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        a();
        ta.push(t.elapsed());
        let t = std::time::Instant::now();
        b();
        tb.push(t.elapsed());
    }
    ta.sort();
    tb.sort();
    (ta[rounds / 2], tb[rounds / 2])
}

fn print_ratio(what: &str, (sealed, plain): (Duration, Duration)) {
    let ratio = sealed.as_secs_f64() / plain.as_secs_f64();
    println!("paired medians, {what}: sealed {sealed:.2?}, plain {plain:.2?}, ratio {ratio:.2}");
}

fn benches(c: &mut Criterion) {
    let f = setup();
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "file sizes: sealed vault.db {} KiB, plain.db {} KiB",
        size(&f.vault_dir.join("vault.db")) / 1024,
        size(&f.plain_path) / 1024
    );
    print_ratio(
        "open+read all (for_each)",
        paired_medians(
            300,
            || {
                black_box(sealed_read_all(&f));
            },
            || {
                black_box(plain_read_all(&f));
            },
        ),
    );
    print_ratio(
        "open+read all (list_all)",
        paired_medians(
            300,
            || {
                black_box(sealed_read_all_owned(&f));
            },
            || {
                black_box(plain_read_all(&f));
            },
        ),
    );
    print_ratio(
        "open+list counters, same layout",
        paired_medians(
            300,
            || {
                black_box(sealed_list_counters(&f));
            },
            || {
                black_box(plain_list_counters(&f));
            },
        ),
    );
    assert_eq!(sealed_read_all(&f), (20, 5000));
    assert_eq!(sealed_read_all_owned(&f), (20, 5000));
    assert_eq!(plain_read_all(&f), (20, 5000));
    assert_eq!(sealed_list_counters(&f), 20);
    assert_eq!(plain_list_counters(&f), 20);
    assert_eq!(plain_indexed_list_counters(&f), 20);

    let mut g = c.benchmark_group("vault heavy profile");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("open+read all / sealed vault (for_each)", |b| {
        b.iter(|| sealed_read_all(&f))
    });
    g.bench_function("open+read all / sealed vault (list_all)", |b| {
        b.iter(|| sealed_read_all_owned(&f))
    });
    g.bench_function("open+read all / plain sqlite", |b| {
        b.iter(|| plain_read_all(&f))
    });
    g.bench_function("open+list counters / sealed vault", |b| {
        b.iter(|| sealed_list_counters(&f))
    });
    g.bench_function("open+list counters / plain sqlite, same layout", |b| {
        b.iter(|| plain_list_counters(&f))
    });
    g.bench_function(
        "open+list counters / plain sqlite, kind column + index",
        |b| b.iter(|| plain_indexed_list_counters(&f)),
    );
    g.finish();

    let mut g = c.benchmark_group("vault unlock");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("open plain sqlite (comparison, no rows read)", |b| {
        b.iter(|| open_plain(&f.plain_path))
    });
    g.bench_function("open with device key (no records read)", |b| {
        b.iter(|| Vault::open_with_device_key(&f.vault_dir, &f.key).unwrap())
    });
    g.bench_function(
        "open with recovery code, default Argon2id (m=64 MiB, t=3, p=1)",
        |b| b.iter(|| Vault::open_with_recovery(&f.vault_dir, f.code.as_str().as_bytes()).unwrap()),
    );
    g.bench_function(
        "open with recovery code, floor Argon2id (m=19 MiB, t=2, p=1)",
        |b| {
            b.iter(|| {
                Vault::open_with_recovery(&f.floor_dir, f.floor_code.as_str().as_bytes()).unwrap()
            })
        },
    );
    g.finish();
}

criterion_group!(vault, benches);
criterion_main!(vault);
