//! Migrations: a vault file of every released schema version is checked in under
//! `tests/fixtures/vault-vN/` (made by this crate's own code) and must open, migrate and read back
//! without loss.
//!
//! To regenerate a fixture (only when its format is meant to change, which for a released version
//! is never):
//!
//! ```text
//! ONEDAY_REGENERATE_FIXTURES=1 cargo test -p oneday-core --test vault_migrations -- --ignored regenerate_fixture_v1
//! ```
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault};
use serde::{Deserialize, Serialize};

/// The fixture's device key: bytes 0..32. Test data, not a secret.
fn fixture_device_key() -> DeviceKey {
    let bytes: Vec<u8> = (0u8..32).collect();
    DeviceKey::from_bytes(&bytes).unwrap()
}

fn fixture_dir(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/vault-v{version}"))
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct FixtureCounter {
    name: String,
    start: String,
    attempts: Vec<String>,
    archived: bool,
}

/// What the v1 fixture holds: ids and values are fixed so the test can check them.
type Counters = Vec<(RecordId, FixtureCounter)>;
type Settings = Vec<(RecordId, String)>;

fn v1_records() -> (Counters, Settings) {
    let counter = |n: u8, name: &str, start: &str, attempts: usize| {
        (
            RecordId::from_bytes([n; 16]),
            FixtureCounter {
                name: name.to_string(),
                start: start.to_string(),
                attempts: (0..attempts)
                    .map(|i| format!("2023-01-{:02}", 1 + i % 28))
                    .collect(),
                archived: n == 2,
            },
        )
    };
    let counters = vec![
        counter(1, "Alcohol", "2021-03-14", 0),
        counter(2, "Nicotine ✓ ünïcode", "2019-11-30", 50),
        counter(3, "", "2024-02-29", 3),
    ];
    let settings = vec![
        (RecordId::from_bytes([0xA1; 16]), "theme=dark".to_string()),
        (RecordId::from_bytes([0xA2; 16]), "x".repeat(3000)),
    ];
    (counters, settings)
}

/// Copies the fixture to a temporary folder, so opening it (which creates WAL and SHM files) never
/// touches the checked-in file.
fn copy_fixture(version: u32) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(fixture_dir(version).join("vault.db"), dir.join("vault.db")).unwrap();
    (tmp, dir)
}

#[test]
fn v1_fixture_opens_and_reads_back_without_loss() {
    let (_tmp, dir) = copy_fixture(1);
    let (counters, settings) = v1_records();

    let vault = Vault::open_with_device_key(&dir, &fixture_device_key()).unwrap();
    let mut got = vault.list::<FixtureCounter>(RecordKind::Counter).unwrap();
    got.sort_by_key(|(id, _)| *id);
    assert_eq!(got, counters);
    for (id, value) in &settings {
        assert_eq!(
            vault
                .get::<String>(RecordKind::Setting, id)
                .unwrap()
                .as_ref(),
            Some(value)
        );
    }
    assert_eq!(
        vault.list_all().unwrap().len(),
        counters.len() + settings.len()
    );

    // The recovery slot works too, with the code written when the fixture was made.
    drop(vault);
    let code = fs::read_to_string(fixture_dir(1).join("recovery-code.txt")).unwrap();
    let vault = Vault::open_with_recovery(&dir, code.trim().as_bytes()).unwrap();
    assert_eq!(
        vault
            .list::<FixtureCounter>(RecordKind::Counter)
            .unwrap()
            .len(),
        3
    );

    // After opening, the database is at the current schema version and still writable.
    vault
        .put(RecordKind::Setting, &RecordId::generate().unwrap(), &"new")
        .unwrap();
    drop(vault);
    let conn = rusqlite::Connection::open(dir.join("vault.db")).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

#[test]
fn v1_fixture_is_a_single_checkpointed_file() {
    let dir = fixture_dir(1);
    assert!(dir.join("vault.db").is_file());
    assert!(
        !dir.join("vault.db-wal").exists(),
        "fixture must be checkpointed"
    );
    assert!(!dir.join("vault.db-shm").exists());
}

/// Writes `tests/fixtures/vault-v1/` with the current code. Ignored, and does nothing unless
/// `ONEDAY_REGENERATE_FIXTURES=1`: a released fixture must not change by accident.
#[test]
#[ignore = "regenerates a checked-in fixture; see the file header"]
fn regenerate_fixture_v1() {
    if std::env::var("ONEDAY_REGENERATE_FIXTURES").as_deref() != Ok("1") {
        eprintln!("set ONEDAY_REGENERATE_FIXTURES=1 to regenerate");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let (vault, code) = Vault::create(&dir, &fixture_device_key(), KdfParams::MINIMUM).unwrap();
    let (counters, settings) = v1_records();
    for (id, c) in &counters {
        vault.put(RecordKind::Counter, id, c).unwrap();
    }
    for (id, s) in &settings {
        vault.put(RecordKind::Setting, id, s).unwrap();
    }
    drop(vault); // closing checkpoints the WAL into vault.db and removes it
    assert!(!dir.join("vault.db-wal").exists());
    let out = fixture_dir(1);
    fs::create_dir_all(&out).unwrap();
    fs::copy(dir.join("vault.db"), out.join("vault.db")).unwrap();
    fs::write(
        out.join("recovery-code.txt"),
        format!("{}\n", code.as_str()),
    )
    .unwrap();
}
