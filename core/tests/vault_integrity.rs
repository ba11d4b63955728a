//! The record set's integrity: someone who can write the vault file but has no key rolls a row
//! back, deletes one, brings a deleted one back, swaps two bodies, deletes or rolls back the
//! manifest, or sets `user_version` back to 1. Each attack is replayed with a second SQLite
//! connection on a throwaway vault and must end in [`VaultError::Integrity`], at open or at the
//! next read of a handle already open, with nothing written. (The same through the `oneday` CLI:
//! `cli/tests/integrity_cli.rs`.)
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::path::Path;

use chrono::NaiveDate;
use oneday_core::backup::{self, BackupSecretKind, RestoreMode};
use oneday_core::cleantime::{store as counters, Counter as DomainCounter, CounterSettings};
use oneday_core::settings;
use oneday_core::vault::{
    DeviceKey, IntegrityProblem, KdfParams, RecordId, RecordKind, Vault, VaultError,
};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use vault_support::*;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Counter {
    name: String,
    relapses: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Contact {
    name: String,
    phone: String,
}

fn raw(dir: &Path) -> Connection {
    Connection::open(dir.join("vault.db")).unwrap()
}

fn item(conn: &Connection, id: &RecordId) -> Vec<u8> {
    conn.query_row(
        "SELECT body FROM item WHERE id = ?1",
        [&id.as_bytes()[..]],
        |r| r.get(0),
    )
    .unwrap()
}

fn set_item(conn: &Connection, id: &RecordId, body: &[u8]) {
    conn.execute(
        "INSERT INTO item (id, body) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body",
        (&id.as_bytes()[..], body),
    )
    .unwrap();
}

fn manifest(conn: &Connection) -> Vec<u8> {
    conn.query_row("SELECT body FROM meta", [], |r| r.get(0))
        .unwrap()
}

fn set_manifest(conn: &Connection, body: &[u8]) {
    assert_eq!(
        conn.execute("UPDATE meta SET body = ?1", [body]).unwrap(),
        1
    );
}

/// Every row of every table, to prove a refused call wrote nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    all_rows(&raw(dir))
}

fn problem<T: std::fmt::Debug>(r: Result<T, VaultError>) -> IntegrityProblem {
    match r {
        Err(VaultError::Integrity(p)) => p,
        other => panic!("expected an integrity error, got {other:?}"),
    }
}

/// A vault with a counter, a contact and a safety plan, as a person would have it.
struct Person {
    tv: TestVault,
    counter: RecordId,
    contact: RecordId,
    plan: RecordId,
}

fn person() -> Person {
    let tv = new_vault();
    let (counter, contact, plan) = (
        RecordId::generate().unwrap(),
        RecordId::generate().unwrap(),
        RecordId::generate().unwrap(),
    );
    let v = &tv.vault;
    v.put(RecordKind::Counter, &counter, &clean_counter())
        .unwrap();
    v.put(RecordKind::Contact, &contact, &sponsor("+1 555 0100"))
        .unwrap();
    v.put(RecordKind::Plan, &plan, &"call my sponsor, then a meeting")
        .unwrap();
    Person {
        tv,
        counter,
        contact,
        plan,
    }
}

fn clean_counter() -> Counter {
    Counter {
        name: "Alcohol".into(),
        relapses: vec![],
    }
}

fn relapsed_counter() -> Counter {
    Counter {
        name: "Alcohol".into(),
        relapses: vec!["2026-11-30".into()],
    }
}

fn sponsor(phone: &str) -> Contact {
    Contact {
        name: "Sam".into(),
        phone: phone.into(),
    }
}

fn reopen(p: &Person) -> Result<Vault, VaultError> {
    Vault::open_with_device_key(&p.tv.dir, &p.tv.key)
}

#[test]
fn a_row_rolled_back_to_its_older_copy_is_caught() {
    let p = person();
    let conn = raw(&p.tv.dir);
    let (clean, old_number) = (item(&conn, &p.counter), item(&conn, &p.contact));
    p.tv.vault
        .put(RecordKind::Counter, &p.counter, &relapsed_counter())
        .unwrap();
    p.tv.vault
        .put(RecordKind::Contact, &p.contact, &sponsor("+1 555 0199"))
        .unwrap();

    // The relapse erased, the sponsor's old number back: the open handle notices at the read.
    set_item(&conn, &p.counter, &clean);
    set_item(&conn, &p.contact, &old_number);
    assert_eq!(
        problem(p.tv.vault.get::<Counter>(RecordKind::Counter, &p.counter)),
        IntegrityProblem::RecordReplaced
    );
    assert_eq!(
        problem(p.tv.vault.get::<Contact>(RecordKind::Contact, &p.contact)),
        IntegrityProblem::RecordReplaced
    );
    assert_eq!(
        problem(p.tv.vault.list::<Contact>(RecordKind::Contact)),
        IntegrityProblem::RecordReplaced
    );
    // A write through the handle does not launder it either, nor does a key rotation.
    let other = RecordId::generate().unwrap();
    p.tv.vault.put(RecordKind::Setting, &other, &1u8).unwrap();
    assert_eq!(
        problem(p.tv.vault.get::<Counter>(RecordKind::Counter, &p.counter)),
        IntegrityProblem::RecordReplaced
    );
    p.tv.vault.delete(&other).unwrap();
    let before_rotation = snapshot(&p.tv.dir);
    assert_eq!(
        problem(p.tv.vault.rotate_data_key(p.tv.code.as_str().as_bytes())),
        IntegrityProblem::RecordReplaced
    );
    assert!(snapshot(&p.tv.dir) == before_rotation, "nothing written");

    // A fresh open: the ids are all there, so it opens, and every read of a rolled-back row fails.
    let before = snapshot(&p.tv.dir);
    let v = reopen(&p).unwrap();
    assert_eq!(
        problem(v.get::<Counter>(RecordKind::Counter, &p.counter)),
        IntegrityProblem::RecordReplaced
    );
    assert_eq!(problem(v.list_all()), IntegrityProblem::RecordReplaced);
    // The plan, untouched, still reads.
    assert_eq!(
        v.get::<String>(RecordKind::Plan, &p.plan)
            .unwrap()
            .as_deref(),
        Some("call my sponsor, then a meeting")
    );
    drop(v);
    assert!(
        snapshot(&p.tv.dir) == before,
        "the refused reads wrote nothing"
    );
}

#[test]
fn a_deleted_row_is_caught_at_open_and_at_the_next_read() {
    let p = person();
    let conn = raw(&p.tv.dir);
    conn.execute("DELETE FROM item WHERE id = ?1", [&p.plan.as_bytes()[..]])
        .unwrap();
    let before = snapshot(&p.tv.dir);
    assert_eq!(
        problem(p.tv.vault.get::<String>(RecordKind::Plan, &p.plan)),
        IntegrityProblem::RecordRemoved
    );
    assert_eq!(
        problem(p.tv.vault.list::<String>(RecordKind::Plan)),
        IntegrityProblem::RecordRemoved
    );
    assert_eq!(
        problem(p.tv.vault.delete(&p.plan)),
        IntegrityProblem::RecordRemoved
    );
    assert_eq!(problem(reopen(&p)), IntegrityProblem::RecordRemoved);
    assert_eq!(
        problem(Vault::open_with_recovery(
            &p.tv.dir,
            p.tv.code.as_str().as_bytes()
        )),
        IntegrityProblem::RecordRemoved
    );
    p.tv.vault.lock();
    assert_eq!(
        problem(p.tv.vault.unlock_with_device_key(&p.tv.key)),
        IntegrityProblem::RecordRemoved
    );
    assert!(p.tv.vault.is_locked());
    // Recovery (which rotates the key) refuses too, before rotating anything.
    assert_eq!(
        problem(Vault::recover(
            &p.tv.dir,
            p.tv.code.as_str().as_bytes(),
            &DeviceKey::generate().unwrap()
        )),
        IntegrityProblem::RecordRemoved
    );
    assert!(snapshot(&p.tv.dir) == before, "nothing written");
}

#[test]
fn a_deleted_row_brought_back_is_caught() {
    let p = person();
    let conn = raw(&p.tv.dir);
    let sam = item(&conn, &p.contact);
    p.tv.vault.delete(&p.contact).unwrap();
    set_item(&conn, &p.contact, &sam);
    let before = snapshot(&p.tv.dir);
    assert_eq!(
        problem(p.tv.vault.get::<Contact>(RecordKind::Contact, &p.contact)),
        IntegrityProblem::RecordAdded
    );
    assert_eq!(
        problem(p.tv.vault.list::<Contact>(RecordKind::Contact)),
        IntegrityProblem::RecordAdded
    );
    assert_eq!(problem(reopen(&p)), IntegrityProblem::RecordAdded);
    assert!(snapshot(&p.tv.dir) == before, "nothing written");
}

#[test]
fn bodies_swapped_between_two_ids_are_caught() {
    let p = person();
    let conn = raw(&p.tv.dir);
    let (a, b) = (item(&conn, &p.counter), item(&conn, &p.contact));
    set_item(&conn, &p.counter, &b);
    set_item(&conn, &p.contact, &a);
    assert_eq!(
        problem(p.tv.vault.get::<Counter>(RecordKind::Counter, &p.counter)),
        IntegrityProblem::RecordReplaced
    );
    assert_eq!(
        problem(
            reopen(&p)
                .unwrap()
                .get::<Contact>(RecordKind::Contact, &p.contact)
        ),
        IntegrityProblem::RecordReplaced
    );
}

#[test]
fn a_deleted_manifest_is_caught_and_never_rebuilt() {
    let p = person();
    let conn = raw(&p.tv.dir);
    conn.execute("DELETE FROM meta", []).unwrap();
    let before = snapshot(&p.tv.dir);
    assert_eq!(
        problem(p.tv.vault.get::<String>(RecordKind::Plan, &p.plan)),
        IntegrityProblem::ManifestMissing
    );
    assert_eq!(
        problem(
            p.tv.vault
                .put(RecordKind::Setting, &RecordId::generate().unwrap(), &1u8)
        ),
        IntegrityProblem::ManifestMissing
    );
    assert_eq!(problem(reopen(&p)), IntegrityProblem::ManifestMissing);
    // Also with user_version set back to 1, as if the vault were from before manifests.
    conn.pragma_update(None, "user_version", 1).unwrap();
    assert_eq!(problem(reopen(&p)), IntegrityProblem::ManifestMissing);
    assert!(snapshot(&p.tv.dir) == before, "nothing written");
}

#[test]
fn a_manifest_rolled_back_to_an_older_copy_is_caught() {
    let p = person();
    let conn = raw(&p.tv.dir);
    let old = manifest(&conn);

    // The counter relapses after the copy: the old manifest has the clean counter's tag.
    p.tv.vault
        .put(RecordKind::Counter, &p.counter, &relapsed_counter())
        .unwrap();
    set_manifest(&conn, &old);
    assert_eq!(
        problem(p.tv.vault.get::<String>(RecordKind::Plan, &p.plan)),
        IntegrityProblem::ManifestRolledBack,
        "an open handle has seen a newer counter"
    );
    let v = reopen(&p).unwrap();
    assert_eq!(
        problem(v.get::<Counter>(RecordKind::Counter, &p.counter)),
        IntegrityProblem::RecordReplaced
    );
    drop(v);

    // A record added after the copy: the old manifest does not list it.
    let p = person();
    let conn = raw(&p.tv.dir);
    let old = manifest(&conn);
    p.tv.vault
        .put(
            RecordKind::Contact,
            &RecordId::generate().unwrap(),
            &sponsor("+1 555 0123"),
        )
        .unwrap();
    set_manifest(&conn, &old);
    assert_eq!(problem(reopen(&p)), IntegrityProblem::RecordAdded);
}

#[test]
fn user_version_set_back_to_1_changes_nothing() {
    let p = person();
    let conn = raw(&p.tv.dir);
    let bodies = snapshot(&p.tv.dir);
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);
    // Not taken for a vault from before manifests: nothing is re-sealed or rebuilt.
    let v = reopen(&p).unwrap();
    assert_eq!(v.list_all().unwrap().len(), 3);
    drop(v);
    assert!(snapshot(&p.tv.dir) == bodies);
    let version: i64 = raw(&p.tv.dir)
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
}

#[test]
fn every_problem_reads_as_one_clear_sentence() {
    for p in [
        IntegrityProblem::RecordRemoved,
        IntegrityProblem::RecordAdded,
        IntegrityProblem::RecordReplaced,
        IntegrityProblem::ManifestMissing,
        IntegrityProblem::ManifestRolledBack,
        IntegrityProblem::OtherKey,
        IntegrityProblem::ManifestDamaged,
    ] {
        let message = VaultError::Integrity(p).to_string();
        assert!(
            message.starts_with("the store was changed outside One Day: "),
            "{message}"
        );
        assert!(!message.contains('\n'));
    }
}

#[test]
fn another_handle_writing_keeps_this_one_in_step() {
    let p = person();
    let other = reopen(&p).unwrap();
    for n in 0..5u8 {
        other
            .put(RecordKind::Setting, &RecordId::generate().unwrap(), &n)
            .unwrap();
        p.tv.vault
            .put(RecordKind::Setting, &RecordId::generate().unwrap(), &n)
            .unwrap();
        assert_eq!(
            p.tv.vault.list_all().unwrap().len(),
            3 + 2 * (usize::from(n) + 1)
        );
        assert_eq!(
            other.list_all().unwrap().len(),
            3 + 2 * (usize::from(n) + 1)
        );
    }
    other.delete(&p.plan).unwrap();
    assert_eq!(
        p.tv.vault.get::<String>(RecordKind::Plan, &p.plan).unwrap(),
        None
    );
    drop(other);
    reopen(&p).unwrap();
}

#[test]
fn backup_restore_and_merge_keep_the_manifest_right() {
    // Backups carry typed records, so this vault holds real ones.
    let tv = new_vault();
    let counter = DomainCounter::new(
        CounterSettings::new("Alcohol".to_string()),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    )
    .unwrap();
    counters::add(&tv.vault, &counter).unwrap();
    settings::set(&tv.vault, "support.region", "GB").unwrap();
    let code = tv.code.as_str().as_bytes().to_vec();
    let file = backup::export(
        &tv.vault,
        &code,
        BackupSecretKind::RecoveryCode,
        KdfParams::MINIMUM,
    )
    .unwrap();
    let fresh = new_vault();
    backup::restore(&fresh.vault, &file, &code, RestoreMode::IntoEmpty).unwrap();
    settings::set(&tv.vault, "support.region", "US").unwrap();
    backup::restore(&tv.vault, &file, &code, RestoreMode::Merge).unwrap();
    let count = tv.vault.list_all().unwrap().len();
    for (dir, key) in [(&fresh.dir, &fresh.key), (&tv.dir, &tv.key)] {
        let v = Vault::open_with_device_key(dir, key).unwrap();
        assert_eq!(v.list_all().unwrap().len(), count);
    }
    // A backup is not made from a vault whose record set was changed outside One Day.
    raw(&tv.dir)
        .execute(
            "DELETE FROM item WHERE id = (SELECT id FROM item LIMIT 1)",
            [],
        )
        .unwrap();
    assert!(matches!(
        backup::export(
            &tv.vault,
            &code,
            BackupSecretKind::RecoveryCode,
            KdfParams::MINIMUM
        ),
        Err(backup::BackupError::Vault(VaultError::Integrity(
            IntegrityProblem::RecordRemoved
        )))
    ));
}

#[test]
fn reads_racing_another_connections_writes_never_raise_a_false_alarm() {
    let p = person();
    let writer = reopen(&p).unwrap();
    let ids: Vec<RecordId> = (0..8).map(|_| RecordId::generate().unwrap()).collect();
    let written = ids.clone();
    let handle = std::thread::spawn(move || {
        for n in 0..150u32 {
            let id = &written[n as usize % written.len()];
            if n % 3 == 2 {
                writer.delete(id).unwrap();
            } else {
                writer.put(RecordKind::Setting, id, &n).unwrap();
            }
        }
    });
    let mut reads = 0;
    while !handle.is_finished() {
        p.tv.vault.list_all().unwrap();
        p.tv.vault
            .get::<u32>(RecordKind::Setting, &ids[reads % ids.len()])
            .unwrap();
        reads += 1;
    }
    handle.join().unwrap();
    assert!(reads > 0);
    reopen(&p).unwrap().list_all().unwrap();
}
