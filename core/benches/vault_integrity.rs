//! The cost of the record-set manifest (results in `docs/benchmarks.md`, "Vault integrity").
//!
//! * `open+check`: `Vault::open_with_device_key` on a heavy profile, which opens the manifest and
//!   checks that the ids in the store are exactly its ids (no record opened). Profiles:
//!   - `heavy`: the record count and sizes of the backup bench's profile (20 counters with 25
//!     relapses, 2,000 meetings, 20 contacts, 2 plans, 730 check-ins, 1 setting: 2,773 records),
//!     plus 40 records of 48 KiB standing in for the meeting chunks a large imported list becomes;
//!   - `worst`: the same plus 10,000 single meeting records (12,773 records), as if meetings were
//!     still stored one per row;
//!   - `empty`: a new vault, for the fixed cost of opening.
//! * `put one record`: one `Vault::put` of a 150-byte check-in (the same id each time), which
//!   rewrites the manifest in the same transaction, into each profile.
//!
//! The records are written with `write_batch` straight through the vault (their kinds and sizes
//! are what matter to the manifest, not their types), so the setup takes seconds, not minutes.
//!
//! Run: `cargo bench -p oneday-core --bench vault_integrity`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault, WriteOp};

/// A JSON string of about `len` bytes.
fn text(len: usize) -> String {
    "a good day, went to a meeting. ".repeat(len / 31 + 1)[..len].to_string()
}

/// (kind, how many, JSON size in bytes) of the heavy profile.
const HEAVY: &[(RecordKind, usize, usize)] = &[
    (RecordKind::Counter, 20, 3_000),
    (RecordKind::Meeting, 2_000, 1_200),
    (RecordKind::Contact, 20, 200),
    (RecordKind::Plan, 2, 4_000),
    (RecordKind::CheckIn, 730, 150),
    (RecordKind::Setting, 1, 100),
    // Meeting chunks.
    (RecordKind::Setting, 40, 48 * 1024),
];

struct Profile {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    key: DeviceKey,
    records: usize,
}

fn profile(extra_meetings: usize, heavy: bool) -> Profile {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let key = DeviceKey::generate().unwrap();
    let (vault, _) = Vault::create(&dir, &key, KdfParams::MINIMUM).unwrap();
    let mut shape: Vec<(RecordKind, usize, usize)> = Vec::new();
    if heavy {
        shape.extend_from_slice(HEAVY);
    }
    shape.push((RecordKind::Meeting, extra_meetings, 1_200));
    let mut records = 0;
    for (kind, n, len) in shape {
        let value = text(len);
        let ops: Vec<WriteOp> = (0..n)
            .map(|_| WriteOp::put(kind, &RecordId::generate().unwrap(), &value).unwrap())
            .collect();
        records += ops.len();
        vault.write_batch(ops).unwrap();
    }
    drop(vault);
    Profile {
        _tmp: tmp,
        dir,
        key,
        records,
    }
}

fn benches(c: &mut Criterion) {
    let profiles = [
        ("empty", profile(0, false)),
        ("heavy", profile(0, true)),
        ("worst", profile(10_000, true)),
    ];
    let mut group = c.benchmark_group("vault_integrity");
    group.measurement_time(Duration::from_secs(5));
    for (name, p) in &profiles {
        let vault = Vault::open_with_device_key(&p.dir, &p.key).unwrap();
        assert_eq!(vault.list_all().unwrap().len(), p.records);
        drop(vault);
        group.bench_function(format!("open+check/{name} ({} records)", p.records), |b| {
            b.iter(|| black_box(Vault::open_with_device_key(&p.dir, &p.key).unwrap()))
        });
        let vault = Vault::open_with_device_key(&p.dir, &p.key).unwrap();
        let (id, value) = (RecordId::generate().unwrap(), text(150));
        // The same id each time, so the manifest keeps its size.
        group.bench_function(
            format!("put one record/{name} ({} records)", p.records),
            |b| b.iter(|| vault.put(RecordKind::CheckIn, &id, &value).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(integrity, benches);
criterion_main!(integrity);
