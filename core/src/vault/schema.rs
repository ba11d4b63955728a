//! The database schema and its migrations.
//!
//! # Tables
//!
//! The names are neutral on purpose: nothing in the schema says what the app is about.
//!
//! * `slot`: the key slots, one row per slot.
//!   * `id INTEGER PRIMARY KEY`: which slot (1 = device slot, 2 = recovery slot). This is the only
//!     plaintext fact besides the slot header itself (see `slots.rs`): whether a device slot exists.
//!   * `body BLOB NOT NULL`: the slot bytes (header, wrapped data key, checksum).
//! * `item`: every record of every kind.
//!   * `id BLOB PRIMARY KEY`: the record id, 16 random bytes (checked by a `CHECK` constraint).
//!   * `body BLOB NOT NULL`: the sealed envelope (see `envelope.rs`).
//!
//!   The table is `WITHOUT ROWID`: an ordinary table would also keep an increasing integer rowid,
//!   which would reveal the order in which records were created.
//!
//! * `meta`: since version 2, one row (`id` 1) holding the sealed manifest of the record set
//!   (`manifest.rs`): `id INTEGER PRIMARY KEY`, `body BLOB NOT NULL`.
//! * `item_id`: since version 2, an index of `item.id` alone. The ids are in clear anyway; the
//!   index lets the check at unlock read every id without reading every page of record bodies
//!   (the table's own b-tree keeps each row's body beside its id).
//!
//! There are no other columns, no other indexes beyond the primary keys, no timestamps and no full-text
//! tables. The kind of each record is inside its sealed body.
//!
//! # Versions and migrations
//!
//! The schema version is SQLite's `user_version`. [`migrate`] brings a database forward one version
//! at a time, each step in its own `IMMEDIATE` transaction that also sets `user_version`, so a crash
//! leaves the database at the previous or the next version, never in between. There are no down
//! migrations; a database newer than this code is refused with [`VaultError::UnsupportedSchema`].
//!
//! Migrations run when the database is opened, before any key is available, so a migration may
//! change tables but cannot re-seal records. Records carry the schema version they were sealed under
//! in their header (bound into the AEAD), so records from older versions remain readable after a
//! migration, and a later change to what records contain is handled when a record is read and
//! re-sealed when it is next written.
//!
//! | version | change |
//! |---------|--------|
//! | 1       | `slot` and `item` tables |
//! | 2       | `meta` table for the manifest, `item_id` index; records re-sealed under version 2 at the first unlock |
//!
//! Version 2 is the first whose step needs the keys: the migration here only adds the (empty)
//! `meta` table; the first unlock then re-seals every record and writes the manifest in one
//! transaction (`integrity.rs`). Killed in between, the vault has the table and no manifest, and
//! the next unlock finishes the upgrade.
//!
//! A fixture database of every released version lives in `core/tests/fixtures/vault-vN/` and is
//! opened by `core/tests/vault_migrations.rs`.

use rusqlite::{Connection, TransactionBehavior};

use super::error::VaultError;

/// The schema version this code writes. Also written into every record header.
pub(crate) const SCHEMA_VERSION: u16 = 2;

/// Forward migrations: entry `i` takes the database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1
    "CREATE TABLE slot (
         id   INTEGER PRIMARY KEY,
         body BLOB NOT NULL
     );
     CREATE TABLE item (
         id   BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
         body BLOB NOT NULL
     ) WITHOUT ROWID;",
    // 1 -> 2. `IF NOT EXISTS`: a `user_version` set back to 1 from outside must not make the
    // vault unopenable; the manifest rule in `integrity.rs` does not depend on it.
    "CREATE TABLE IF NOT EXISTS meta (
         id   INTEGER PRIMARY KEY,
         body BLOB NOT NULL
     );
     CREATE INDEX IF NOT EXISTS item_id ON item (id);",
];

/// The `user_version` of the database.
pub(crate) fn version(conn: &Connection) -> Result<i64, VaultError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the database up to [`SCHEMA_VERSION`], one transaction per step.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), VaultError> {
    loop {
        if check(version(conn)?)?.is_none() {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again inside the write transaction, so two processes cannot both run the same step.
        let Some(sql) = check(version(&tx)?)? else {
            return Ok(());
        };
        let current = version(&tx)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

/// Whether a database at `version` needs [`migrate`]; an error for a version this code cannot
/// handle. Lets the common case (up to date) skip starting a migration.
pub(crate) fn needs_migration(version: i64) -> Result<bool, VaultError> {
    Ok(check(version)?.is_some())
}

/// The migration to run next from version `current`, `None` if up to date, or an error for a
/// version this code cannot handle.
fn check(current: i64) -> Result<Option<&'static str>, VaultError> {
    let supported = u32::from(SCHEMA_VERSION);
    if current > i64::from(supported) {
        return Err(VaultError::UnsupportedSchema {
            found: current,
            supported,
        });
    }
    let step = usize::try_from(current).map_err(|_| VaultError::CorruptDatabase)?;
    Ok(MIGRATIONS.get(step).copied())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn migrations_and_schema_version_agree() {
        assert_eq!(MIGRATIONS.len(), usize::from(SCHEMA_VERSION));
    }

    #[test]
    fn migrate_is_idempotent_and_creates_only_neutral_tables() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), i64::from(SCHEMA_VERSION));
        let mut stmt = conn
            .prepare("SELECT type, name FROM sqlite_schema ORDER BY name")
            .unwrap();
        let names: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // WITHOUT ROWID tables need no separate index; the slot table's primary key is its rowid.
        assert_eq!(
            names,
            vec![
                ("table".to_string(), "item".to_string()),
                ("index".to_string(), "item_id".to_string()),
                ("table".to_string(), "meta".to_string()),
                ("table".to_string(), "slot".to_string())
            ]
        );
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(VaultError::UnsupportedSchema { found: 99, .. })
        ));
    }

    #[test]
    fn negative_version_is_corrupt() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", -1).unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(VaultError::CorruptDatabase)
        ));
    }

    #[test]
    fn record_ids_must_be_16_bytes() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert!(conn
            .execute(
                "INSERT INTO item (id, body) VALUES (?1, x'00')",
                [vec![0u8; 15]]
            )
            .is_err());
    }
}
