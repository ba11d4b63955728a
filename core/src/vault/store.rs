//! Row access: the only SQL on the `slot`, `item` and `meta` tables.
//!
//! Functions that write take a `&Transaction`, readers take a `&Connection`, so the signature says
//! what may change and every write is inside a transaction the caller commits. Nothing here sees
//! plaintext: bodies are sealed envelopes or key slots. Values are always bound as parameters, so
//! SQLite error messages can only quote the fixed SQL below.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::error::VaultError;
use super::record::RecordId;
use super::slots::SlotKind;

/// Starts a write transaction that takes the write lock at once (so it never fails half-way with
/// "busy" when it tries to upgrade from reading to writing).
pub(crate) fn begin_write(conn: &mut Connection) -> Result<Transaction<'_>, VaultError> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Starts a read transaction and takes its snapshot at once (in WAL mode a deferred transaction
/// takes it at its first read), so the change stamp, the manifest and the records read in it all
/// come from the same commit, whatever other connections commit meanwhile.
pub(crate) fn begin_read(conn: &mut Connection) -> Result<Transaction<'_>, VaultError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
    tx.prepare_cached("SELECT count(*) FROM meta")?
        .query_row([], |_| Ok(()))?;
    Ok(tx)
}

/// The body of a key slot, if the slot exists.
pub(crate) fn read_slot(conn: &Connection, kind: SlotKind) -> Result<Option<Vec<u8>>, VaultError> {
    Ok(conn
        .prepare_cached("SELECT body FROM slot WHERE id = ?1")?
        .query_row([kind.row_id()], |row| row.get(0))
        .optional()?)
}

/// Adds or replaces a key slot.
pub(crate) fn write_slot(
    tx: &Transaction<'_>,
    kind: SlotKind,
    body: &[u8],
) -> Result<(), VaultError> {
    tx.prepare_cached(
        "INSERT INTO slot (id, body) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
    )?
    .execute((kind.row_id(), body))?;
    Ok(())
}

/// Removes a key slot; true if there was one.
pub(crate) fn delete_slot(tx: &Transaction<'_>, kind: SlotKind) -> Result<bool, VaultError> {
    let n = tx
        .prepare_cached("DELETE FROM slot WHERE id = ?1")?
        .execute([kind.row_id()])?;
    Ok(n > 0)
}

/// The sealed body of record `id`, if it exists.
pub(crate) fn read_item(conn: &Connection, id: &RecordId) -> Result<Option<Vec<u8>>, VaultError> {
    Ok(conn
        .prepare_cached("SELECT body FROM item WHERE id = ?1")?
        .query_row([&id.as_bytes()[..]], |row| row.get(0))
        .optional()?)
}

/// Adds or replaces record `id`.
pub(crate) fn write_item(
    tx: &Transaction<'_>,
    id: &RecordId,
    sealed: &[u8],
) -> Result<(), VaultError> {
    tx.prepare_cached(
        "INSERT INTO item (id, body) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
    )?
    .execute((&id.as_bytes()[..], sealed))?;
    Ok(())
}

/// Removes record `id`; true if it existed.
pub(crate) fn delete_item(tx: &Transaction<'_>, id: &RecordId) -> Result<bool, VaultError> {
    let n = tx
        .prepare_cached("DELETE FROM item WHERE id = ?1")?
        .execute([&id.as_bytes()[..]])?;
    Ok(n > 0)
}

/// Calls `f` with every record's id and sealed body, in id order (which is random order). The body
/// is borrowed from SQLite's row buffer, valid only during the call. Stops at the first error.
pub(crate) fn for_each_item(
    conn: &Connection,
    mut f: impl FnMut(RecordId, &[u8]) -> Result<(), VaultError>,
) -> Result<(), VaultError> {
    let mut stmt = conn.prepare_cached("SELECT id, body FROM item")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id = id_of(row)?;
        let body = row
            .get_ref(1)?
            .as_blob()
            .map_err(|_| VaultError::CorruptDatabase)?;
        f(id, body)?;
    }
    Ok(())
}

/// The record id in the first column of `row`.
fn id_of(row: &rusqlite::Row<'_>) -> Result<RecordId, VaultError> {
    row.get_ref(0)?
        .as_blob()
        .ok()
        .and_then(RecordId::from_slice)
        .ok_or(VaultError::CorruptDatabase)
}

/// The row of the `meta` table that holds the sealed manifest.
const MANIFEST_ROW: i64 = 1;

/// The sealed manifest, if there is one.
pub(crate) fn read_manifest(conn: &Connection) -> Result<Option<Vec<u8>>, VaultError> {
    Ok(conn
        .prepare_cached("SELECT body FROM meta WHERE id = ?1")?
        .query_row([MANIFEST_ROW], |row| row.get(0))
        .optional()?)
}

/// Adds or replaces the sealed manifest.
pub(crate) fn write_manifest(tx: &Transaction<'_>, sealed: &[u8]) -> Result<(), VaultError> {
    tx.prepare_cached(
        "INSERT INTO meta (id, body) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
    )?
    .execute((MANIFEST_ROW, sealed))?;
    Ok(())
}

/// Calls `f` with every record id, in id order, reading only the `item_id` index (no page of
/// record bodies). Stops at the first error.
pub(crate) fn for_each_id(
    conn: &Connection,
    mut f: impl FnMut(RecordId) -> Result<(), VaultError>,
) -> Result<(), VaultError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM item INDEXED BY item_id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id = id_of(row)?;
        f(id)?;
    }
    Ok(())
}

/// Every record id.
pub(crate) fn item_ids(conn: &Connection) -> Result<Vec<RecordId>, VaultError> {
    let mut out = Vec::new();
    for_each_id(conn, |id| {
        out.push(id);
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::schema;

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn).unwrap();
        conn
    }

    #[test]
    fn slot_rows() {
        let mut conn = db();
        assert_eq!(read_slot(&conn, SlotKind::Device).unwrap(), None);
        let tx = begin_write(&mut conn).unwrap();
        write_slot(&tx, SlotKind::Device, b"one").unwrap();
        write_slot(&tx, SlotKind::Device, b"two").unwrap();
        write_slot(&tx, SlotKind::Recovery, b"three").unwrap();
        tx.commit().unwrap();
        assert_eq!(read_slot(&conn, SlotKind::Device).unwrap().unwrap(), b"two");
        let tx = begin_write(&mut conn).unwrap();
        assert!(delete_slot(&tx, SlotKind::Device).unwrap());
        assert!(!delete_slot(&tx, SlotKind::Device).unwrap());
        tx.commit().unwrap();
        assert_eq!(read_slot(&conn, SlotKind::Device).unwrap(), None);
    }

    #[test]
    fn item_rows_and_rollback() {
        let mut conn = db();
        let a = RecordId::generate().unwrap();
        let b = RecordId::generate().unwrap();
        let tx = begin_write(&mut conn).unwrap();
        write_item(&tx, &a, b"sealed-a").unwrap();
        write_item(&tx, &b, b"sealed-b").unwrap();
        tx.commit().unwrap();
        {
            let tx = begin_write(&mut conn).unwrap();
            write_item(&tx, &a, b"changed").unwrap();
            assert!(delete_item(&tx, &b).unwrap());
            // dropped without commit: rolled back
        }
        assert_eq!(read_item(&conn, &a).unwrap().unwrap(), b"sealed-a");
        let mut seen = Vec::new();
        for_each_item(&conn, |id, body| {
            seen.push((id, body.to_vec()));
            Ok(())
        })
        .unwrap();
        seen.sort();
        let mut expected = vec![(a, b"sealed-a".to_vec()), (b, b"sealed-b".to_vec())];
        expected.sort();
        assert_eq!(seen, expected);
        assert_eq!(item_ids(&conn).unwrap().len(), 2);
    }

    #[test]
    fn manifest_row() {
        let mut conn = db();
        assert_eq!(read_manifest(&conn).unwrap(), None);
        let tx = begin_write(&mut conn).unwrap();
        write_manifest(&tx, b"one").unwrap();
        write_manifest(&tx, b"two").unwrap();
        tx.commit().unwrap();
        assert_eq!(read_manifest(&conn).unwrap().unwrap(), b"two");
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM meta", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
    }
}
