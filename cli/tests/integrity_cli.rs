//! The attacks of `core/tests/vault_integrity.rs`, through the `oneday` binary: someone who can
//! write the store's file (no key) rolls a row back, deletes one, brings a removed one back, swaps
//! two, deletes or rolls back the manifest, sets `user_version` back to 1. Each time the next
//! command exits 5 with one line on stderr saying the store was changed outside One Day, and
//! writes nothing.

#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;

type Rows = BTreeMap<Vec<u8>, Vec<u8>>;

fn raw(dir: &Path) -> Connection {
    Connection::open(dir.join("vault.db")).unwrap()
}

/// Every record row: id -> sealed body.
fn rows(dir: &Path) -> Rows {
    let conn = raw(dir);
    let mut stmt = conn.prepare("SELECT id, body FROM item").unwrap();
    let out = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out
}

/// Every row of every table, to prove a refused command wrote nothing.
fn everything(dir: &Path) -> Vec<(Vec<u8>, Vec<u8>)> {
    let conn = raw(dir);
    let mut out = Vec::new();
    for table in ["slot", "item", "meta"] {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT CAST(id AS BLOB), body FROM {table} ORDER BY id"
            ))
            .unwrap();
        out.extend(
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

fn put_row(dir: &Path, id: &[u8], body: &[u8]) {
    raw(dir)
        .execute(
            "INSERT INTO item (id, body) VALUES (?1, ?2)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            (id, body),
        )
        .unwrap();
}

fn manifest(dir: &Path) -> Vec<u8> {
    raw(dir)
        .query_row("SELECT body FROM meta", [], |r| r.get(0))
        .unwrap()
}

/// The rows that `after` has and `before` had with another body (or not at all).
fn changed(before: &Rows, after: &Rows) -> Vec<Vec<u8>> {
    after
        .iter()
        .filter(|(id, body)| before.get(*id) != Some(*body))
        .map(|(id, _)| id.clone())
        .collect()
}

/// `args` must fail with exit 5 and one line naming the change, writing nothing.
fn refused(dir: &Path, args: &[&str], what: &str) {
    let before = everything(dir);
    let stderr = fails_with(dir, args, 5);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    assert!(
        stderr.contains("the store was changed outside One Day") && stderr.contains(what),
        "{args:?}: {stderr}"
    );
    assert!(everything(dir) == before, "{args:?} wrote something");
}

fn added_id(output: &str, what: &str) -> String {
    output
        .trim()
        .trim_start_matches(&format!("Added {what} "))
        .trim_end_matches('.')
        .to_owned()
}

#[test]
fn a_relapse_rolled_back_out_of_a_counter_is_refused() {
    let (_tmp, dir) = new_store();
    let id = added_id(
        &ok(
            &dir,
            &["counter", "add", "Alcohol", "--since", "2024-01-01"],
        ),
        "counter",
    );
    let before = rows(&dir);
    ok(&dir, &["counter", "reset", &id[..8], "--on", "2024-06-01"]);
    let after = rows(&dir);
    let rewritten = changed(&before, &after);
    assert!(!rewritten.is_empty());
    for row in &rewritten {
        if let Some(old) = before.get(row) {
            put_row(&dir, row, old);
        }
    }
    refused(&dir, &["counter", "list"], "older copy");
    refused(&dir, &["counter", "list", "--json"], "older copy");
}

#[test]
fn a_sponsor_number_rolled_back_is_refused_before_a_call() {
    let (_tmp, dir) = new_store();
    let sam = added_id(
        &ok(
            &dir,
            &[
                "contacts",
                "add",
                "Sam",
                "--role",
                "sponsor",
                "--phone",
                "555 010 0100",
            ],
        ),
        "contact",
    );
    let before = rows(&dir);
    ok(
        &dir,
        &["contacts", "edit", &sam[..8], "--phone", "555 010 0199"],
    );
    for row in changed(&before, &rows(&dir)) {
        if let Some(old) = before.get(&row) {
            put_row(&dir, &row, old);
        }
    }
    refused(&dir, &["call", "--json"], "older copy");
}

#[test]
fn a_deleted_safety_plan_row_is_refused() {
    let (_tmp, dir) = new_store();
    let before = rows(&dir);
    ok(&dir, &["plan", "add", "safety", "coping", "A walk"]);
    let added = changed(&before, &rows(&dir));
    assert!(!added.is_empty());
    raw(&dir)
        .execute("DELETE FROM item WHERE id = ?1", [&added[0]])
        .unwrap();
    refused(&dir, &["plan", "show", "safety"], "removed");
}

#[test]
fn a_removed_contact_brought_back_is_refused() {
    let (_tmp, dir) = new_store();
    let before = rows(&dir);
    let alex = added_id(
        &ok(
            &dir,
            &[
                "contacts", "add", "Alex", "--role", "friend", "--phone", "555 0101",
            ],
        ),
        "contact",
    );
    let with_alex = rows(&dir);
    ok(&dir, &["contacts", "remove", &alex[..8], "--yes"]);
    let gone: Vec<Vec<u8>> = with_alex
        .keys()
        .filter(|id| !rows(&dir).contains_key(*id) && !before.contains_key(*id))
        .cloned()
        .collect();
    assert!(!gone.is_empty());
    for id in &gone {
        put_row(&dir, id, &with_alex[id]);
    }
    refused(&dir, &["contacts", "list"], "brought back");
}

#[test]
fn bodies_swapped_between_two_rows_are_refused() {
    let (_tmp, dir) = new_store();
    ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    ok(
        &dir,
        &["counter", "add", "Nicotine", "--since", "2023-01-01"],
    );
    let all: Vec<(Vec<u8>, Vec<u8>)> = rows(&dir).into_iter().collect();
    assert!(all.len() >= 2);
    put_row(&dir, &all[0].0, &all[1].1);
    put_row(&dir, &all[1].0, &all[0].1);
    refused(&dir, &["counter", "list"], "another record");
}

#[test]
fn a_deleted_or_rolled_back_manifest_is_refused() {
    let (_tmp, dir) = new_store();
    ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    let old = manifest(&dir);
    ok(
        &dir,
        &["counter", "add", "Nicotine", "--since", "2023-01-01"],
    );
    raw(&dir)
        .execute("UPDATE meta SET body = ?1", [&old])
        .unwrap();
    refused(&dir, &["counter", "list"], "brought back");

    let (_tmp, dir) = new_store();
    ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    raw(&dir).execute("DELETE FROM meta", []).unwrap();
    refused(&dir, &["counter", "list"], "list of records was removed");
    // user_version set back to 1 does not make it an old vault to upgrade.
    raw(&dir).pragma_update(None, "user_version", 1).unwrap();
    refused(&dir, &["counter", "list"], "list of records was removed");
}

#[test]
fn user_version_set_back_to_1_alone_changes_nothing() {
    let (_tmp, dir) = new_store();
    ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    let before = rows(&dir);
    raw(&dir).pragma_update(None, "user_version", 1).unwrap();
    let list = ok(&dir, &["counter", "list"]);
    assert!(list.contains("Alcohol"), "{list}");
    assert_eq!(rows(&dir), before, "nothing re-sealed");
}
