//! Tampering with the files, and wrong keys: always a typed error, never a panic, never a partial
//! plaintext, nothing written; the vault still opens with the right key afterwards.
//!
//! The bit-level property test on envelopes in memory (thousands of cases) is in
//! `src/vault/envelope.rs`; here the same attacks go through the real database file, edited behind
//! the vault's back with a second SQLite connection.
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::path::Path;

use oneday_core::vault::{DeviceKey, IntegrityProblem, RecordId, RecordKind, Vault, VaultError};
use proptest::prelude::*;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use vault_support::*;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Counter {
    name: String,
    attempts: Vec<u32>,
}

/// A second connection to edit the database behind the vault's back. No fsync: it is a test tool,
/// and thousands of edits with fsync would make the test slow on a busy disk.
fn raw(dir: &Path) -> Connection {
    let conn = Connection::open(dir.join("vault.db")).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    conn
}

fn body(conn: &Connection, table: &str, id: &[u8]) -> Vec<u8> {
    conn.query_row(
        &format!("SELECT body FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

fn set_body(conn: &Connection, table: &str, id: &[u8], body: &[u8]) {
    let n = conn
        .execute(
            &format!("UPDATE {table} SET body = ?2 WHERE id = ?1"),
            (id, body),
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn slot(conn: &Connection, n: i64) -> Vec<u8> {
    conn.query_row("SELECT body FROM slot WHERE id = ?1", [n], |r| r.get(0))
        .unwrap()
}

fn set_slot(conn: &Connection, n: i64, body: &[u8]) {
    conn.execute("UPDATE slot SET body = ?2 WHERE id = ?1", (n, body))
        .unwrap();
}

/// Every row of every table, to prove a failed call wrote nothing.
fn snapshot(conn: &Connection) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    all_rows(conn)
}

/// A changed body is caught by the manifest before it is opened (`Integrity`); the envelope's own
/// errors remain for bodies the manifest agrees with.
fn is_record_error(e: &VaultError) -> bool {
    matches!(
        e,
        VaultError::CorruptRecord(_)
            | VaultError::UnsupportedRecordFormat(_)
            | VaultError::Integrity(IntegrityProblem::RecordReplaced)
    )
}

const REPLACED: IntegrityProblem = IntegrityProblem::RecordReplaced;

#[test]
fn swapped_moved_truncated_and_header_edited_records_fail() {
    let tv = new_vault();
    let a = RecordId::generate().unwrap();
    let b = RecordId::generate().unwrap();
    let ca = Counter {
        name: "a".into(),
        attempts: vec![1, 2, 3],
    };
    let cb = Counter {
        name: "b".into(),
        attempts: vec![4],
    };
    tv.vault.put(RecordKind::Counter, &a, &ca).unwrap();
    tv.vault.put(RecordKind::Counter, &b, &cb).unwrap();
    let conn = raw(&tv.dir);
    let (ba, bb) = (
        body(&conn, "item", a.as_bytes()),
        body(&conn, "item", b.as_bytes()),
    );

    // Swap the two ciphertexts.
    set_body(&conn, "item", a.as_bytes(), &bb);
    set_body(&conn, "item", b.as_bytes(), &ba);
    let before = snapshot(&conn);
    let e = tv
        .vault
        .get::<Counter>(RecordKind::Counter, &a)
        .unwrap_err();
    assert!(matches!(e, VaultError::Integrity(REPLACED)), "{e:?}");
    let e = tv
        .vault
        .get::<Counter>(RecordKind::Counter, &b)
        .unwrap_err();
    assert!(matches!(e, VaultError::Integrity(REPLACED)), "{e:?}");
    assert!(is_record_error(
        &tv.vault.list::<Counter>(RecordKind::Counter).unwrap_err()
    ));
    assert!(is_record_error(&tv.vault.list_all().unwrap_err()));
    assert!(snapshot(&conn) == before, "a failed read must not write");

    // Put them back: readable again.
    set_body(&conn, "item", a.as_bytes(), &ba);
    set_body(&conn, "item", b.as_bytes(), &bb);
    assert_eq!(
        tv.vault.get::<Counter>(RecordKind::Counter, &a).unwrap(),
        Some(ca.clone())
    );

    // Copy a ciphertext into a new row.
    let c = RecordId::generate().unwrap();
    conn.execute(
        "INSERT INTO item (id, body) VALUES (?1, ?2)",
        (&c.as_bytes()[..], &ba),
    )
    .unwrap();
    assert!(matches!(
        tv.vault.get::<Counter>(RecordKind::Counter, &c),
        Err(VaultError::Integrity(IntegrityProblem::RecordAdded))
    ));
    conn.execute("DELETE FROM item WHERE id = ?1", [&c.as_bytes()[..]])
        .unwrap();

    // Every truncation.
    for len in 0..ba.len() {
        set_body(&conn, "item", a.as_bytes(), &ba[..len]);
        let e = tv
            .vault
            .get::<Counter>(RecordKind::Counter, &a)
            .unwrap_err();
        assert!(is_record_error(&e), "len {len}: {e:?}");
    }
    // Every value of every header byte.
    for at in 0..20 {
        for v in 0..=255u8 {
            if v == ba[at] {
                continue;
            }
            let mut h = ba.clone();
            h[at] = v;
            set_body(&conn, "item", a.as_bytes(), &h);
            let e = tv
                .vault
                .get::<Counter>(RecordKind::Counter, &a)
                .unwrap_err();
            assert!(is_record_error(&e), "byte {at} = {v}: {e:?}");
        }
    }
    set_body(&conn, "item", a.as_bytes(), &ba);
    assert_eq!(
        tv.vault.get::<Counter>(RecordKind::Counter, &a).unwrap(),
        Some(ca)
    );
}

#[test]
fn record_from_another_vault_fails() {
    let one = new_vault();
    let two = new_vault();
    let id = RecordId::generate().unwrap();
    one.vault.put(RecordKind::Setting, &id, &"one").unwrap();
    two.vault.put(RecordKind::Setting, &id, &"two").unwrap();
    let sealed_one = body(&raw(&one.dir), "item", id.as_bytes());
    set_body(&raw(&two.dir), "item", id.as_bytes(), &sealed_one);
    assert!(matches!(
        two.vault.get::<String>(RecordKind::Setting, &id),
        Err(VaultError::Integrity(REPLACED))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Flip one bit of a stored record, through the database: a typed error, and the row is
    /// unchanged afterwards.
    #[test]
    fn any_flipped_bit_in_the_database_is_a_typed_error(bit in any::<usize>()) {
        thread_local! {
            static FIXTURE: (TestVault, RecordId, Vec<u8>) = {
                let tv = new_vault();
                let id = RecordId::generate().unwrap();
                tv.vault.put(RecordKind::Counter, &id, &Counter { name: "x".repeat(40), attempts: (0..50).collect() }).unwrap();
                let sealed = body(&raw(&tv.dir), "item", id.as_bytes());
                (tv, id, sealed)
            };
        }
        FIXTURE.with(|(tv, id, sealed)| {
            let conn = raw(&tv.dir);
            let bit = bit % (sealed.len() * 8);
            let mut bad = sealed.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            set_body(&conn, "item", id.as_bytes(), &bad);
            let r = tv.vault.get::<Counter>(RecordKind::Counter, id);
            let unchanged = body(&conn, "item", id.as_bytes()) == bad;
            set_body(&conn, "item", id.as_bytes(), sealed);
            prop_assert!(matches!(&r, Err(e) if is_record_error(e)), "bit {}: {:?}", bit, r);
            prop_assert!(unchanged);
            Ok(())
        })?;
    }
}

#[test]
fn wrong_secrets_are_typed_errors_and_the_right_ones_still_work() {
    let tv = new_vault();
    let id = RecordId::generate().unwrap();
    tv.vault.put(RecordKind::Setting, &id, &42u32).unwrap();
    tv.vault
        .change_passphrase(
            Some(tv.code.as_str().as_bytes()),
            b"correct horse battery",
            oneday_core::vault::KdfParams::MINIMUM,
        )
        .unwrap();
    let TestVault {
        tmp: _tmp,
        dir,
        vault,
        key,
        ..
    } = tv;
    drop(vault);
    let before = snapshot(&raw(&dir));

    let wrong_key = DeviceKey::generate().unwrap();
    assert!(matches!(
        Vault::open_with_device_key(&dir, &wrong_key),
        Err(VaultError::WrongDeviceKey)
    ));
    assert!(matches!(
        Vault::open_with_recovery(&dir, b"correct horse battery!"),
        Err(VaultError::WrongRecoverySecret)
    ));
    assert!(matches!(
        Vault::open_with_recovery(&dir, b""),
        Err(VaultError::WrongRecoverySecret)
    ));
    assert!(
        snapshot(&raw(&dir)) == before,
        "failed opens must not write"
    );

    let v = Vault::open_with_device_key(&dir, &key).unwrap();
    assert_eq!(v.get::<u32>(RecordKind::Setting, &id).unwrap(), Some(42));
    v.lock();
    assert!(matches!(
        v.unlock_with_recovery(b"wrong horse battery"),
        Err(VaultError::WrongRecoverySecret)
    ));
    assert!(v.is_locked());
    v.unlock_with_recovery(b"correct horse battery").unwrap();
    assert_eq!(v.get::<u32>(RecordKind::Setting, &id).unwrap(), Some(42));
}

#[test]
fn corrupted_slots_are_typed_errors_and_the_other_slot_still_opens() {
    let tv = new_vault();
    let id = RecordId::generate().unwrap();
    tv.vault.put(RecordKind::Setting, &id, &7u8).unwrap();
    let TestVault {
        tmp: _tmp,
        dir,
        vault,
        key,
        code,
    } = tv;
    drop(vault);
    let conn = raw(&dir);
    let device = slot(&conn, 1);

    // Device slot: every flipped bit is a typed error; recovery still opens.
    for bit in (0..device.len() * 8).step_by(7) {
        let mut bad = device.clone();
        bad[bit / 8] ^= 1 << (bit % 8);
        set_slot(&conn, 1, &bad);
        let e = Vault::open_with_device_key(&dir, &key).unwrap_err();
        assert!(matches!(e, VaultError::CorruptSlot), "bit {bit}: {e:?}");
    }
    for len in [0, 1, 50, device.len() - 1] {
        set_slot(&conn, 1, &device[..len]);
        assert!(matches!(
            Vault::open_with_device_key(&dir, &key),
            Err(VaultError::CorruptSlot)
        ));
    }
    let v = Vault::open_with_recovery(&dir, code.as_str().as_bytes()).unwrap();
    assert_eq!(v.get::<u8>(RecordKind::Setting, &id).unwrap(), Some(7));
    drop(v);
    // Repair by recovering: a new device slot, and a new data key (so the slots read above are stale).
    drop(Vault::recover(&dir, code.as_str().as_bytes(), &key).unwrap());
    assert!(Vault::open_with_device_key(&dir, &key).is_ok());
    let (device, recovery) = (slot(&conn, 1), slot(&conn, 2));

    // Recovery slot damaged: device key still opens.
    let mut bad = recovery.clone();
    bad[40] ^= 0x10;
    set_slot(&conn, 2, &bad);
    assert!(matches!(
        Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
        Err(VaultError::CorruptSlot)
    ));
    set_slot(&conn, 2, b"");
    assert!(matches!(
        Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
        Err(VaultError::CorruptSlot)
    ));
    let v = Vault::open_with_device_key(&dir, &key).unwrap();
    assert_eq!(v.get::<u8>(RecordKind::Setting, &id).unwrap(), Some(7));
    drop(v);
    set_slot(&conn, 2, &recovery);
    assert!(Vault::open_with_recovery(&dir, code.as_str().as_bytes()).is_ok());

    // A missing slot row.
    conn.execute("DELETE FROM slot WHERE id = 1", []).unwrap();
    assert!(matches!(
        Vault::open_with_device_key(&dir, &key),
        Err(VaultError::NoDeviceSlot)
    ));
    // The device slot copied into the recovery row is not a recovery slot.
    set_slot(&conn, 2, &device);
    assert!(matches!(
        Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
        Err(VaultError::CorruptSlot)
    ));
}

#[test]
fn garbage_and_foreign_files_are_typed_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let key = DeviceKey::generate().unwrap();
    std::fs::write(tmp.path().join("vault.db"), vec![0xA5u8; 10_000]).unwrap();
    assert!(matches!(
        Vault::open_with_device_key(tmp.path(), &key),
        Err(VaultError::CorruptDatabase)
    ));

    // A valid SQLite file that is not a vault (schema version 0) is refused, and left untouched.
    let other = tempfile::tempdir().unwrap();
    let path = other.path().join("vault.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT)").unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Vault::open_with_device_key(other.path(), &key),
        Err(VaultError::CorruptDatabase)
    ));
    assert!(
        std::fs::read(&path).unwrap() == before,
        "a foreign file must not be modified"
    );

    // A newer schema.
    let newer = tempfile::tempdir().unwrap();
    let conn = Connection::open(newer.path().join("vault.db")).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    drop(conn);
    assert!(matches!(
        Vault::open_with_device_key(newer.path(), &key),
        Err(VaultError::UnsupportedSchema {
            found: 3,
            supported: 2
        })
    ));
}
