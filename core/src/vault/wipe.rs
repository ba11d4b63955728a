//! Panic wipe (crypto-shred).
//!
//! Every record is sealed under the data key, and the data key exists on disk only inside the two
//! key slots. Destroy the slots and the records are noise, whatever happens to the files afterwards
//! (a flash controller may keep old blocks of a deleted file for a long time; SQLite's
//! `secure_delete` cannot reach those). So the wipe destroys the slots *first*, then deletes files:
//!
//! 1. write the marker `vault.wipe` and sync it: from now on `open` refuses the vault and `create`
//!    refuses the folder, until a wipe completes;
//! 2. lock every handle to this folder open in this process (keys wiped, connection closed), so the
//!    process keeps nothing that could decrypt a copy of the files;
//! 3. in `vault.db` (and a half-created `vault.db.new`): leave WAL mode (which checkpoints the log
//!    into the file and deletes it), switch journaling off, and overwrite each slot row with random
//!    bytes of the same length. The overwrite goes straight into the database file: no WAL or
//!    rollback journal ever holds a second copy of the slots, so there is no moment at which the
//!    file has noise but a side file still has the real slots. A database SQLite cannot open is
//!    overwritten with random bytes in place instead;
//! 4. delete the WAL, SHM, journal and database files, sync the folder, delete the marker.
//!
//! Each step can run again on what the previous attempt left, so a wipe killed at any point is
//! finished by calling [`wipe`] again. Between steps 3 and 4, the files hold random slots: a copy
//! taken then opens with nothing ([`VaultError::CorruptSlot`]).
//!
//! A copy of the files taken *before* the wipe is another matter: it holds the intact slots, and
//! whoever has the device key or the recovery secret can open it. That is inherent to any design
//! where those secrets alone open the vault; the shell must destroy the device key together with the
//! wipe (delete the Keystore entry or the desktop key file). The recovery code is on the user's paper.

use std::fs::{self, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::db;
use super::error::VaultError;
use super::keys::fill_random;
use super::store;
use super::Shared;

/// Handles open in this process, so a wipe can lock them.
static OPEN_HANDLES: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

/// Records an open handle (and forgets dropped ones).
pub(crate) fn register(shared: &Arc<Shared>) {
    let mut handles = OPEN_HANDLES.lock().unwrap_or_else(PoisonError::into_inner);
    handles.retain(|w| w.strong_count() > 0);
    handles.push(Arc::downgrade(shared));
}

/// Locks and disconnects every open handle to the vault in `dir`.
fn close_open_handles(dir: &Path) {
    let Ok(dir) = dir.canonicalize() else {
        return;
    };
    let handles: Vec<Arc<Shared>> = {
        let handles = OPEN_HANDLES.lock().unwrap_or_else(PoisonError::into_inner);
        handles.iter().filter_map(Weak::upgrade).collect()
    };
    for shared in handles.iter().filter(|s| s.dir == dir) {
        let mut state = shared.state();
        state.keys = None;
        state.conn = None;
    }
}

/// Wipes the vault in `dir`; see the module documentation.
pub(crate) fn wipe(dir: &Path) -> Result<(), VaultError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let marker = dir.join(db::WIPE_MARKER);
    let any_vault_file = db::all_files(dir).iter().any(|f| f.exists());
    if !any_vault_file && !marker.exists() {
        return Ok(());
    }
    write_marker(&marker)?;
    db::sync_dir(dir)?;
    close_open_handles(dir);
    for name in [db::NEW_DB_FILE, db::DB_FILE] {
        let path = dir.join(name);
        if path.exists() {
            destroy_slots(&path)?;
        }
    }
    for file in db::all_files(dir) {
        db::remove_if_present(&file)?;
    }
    db::sync_dir(dir)?;
    db::remove_if_present(&marker)?;
    db::sync_dir(dir)?;
    Ok(())
}

fn write_marker(marker: &Path) -> Result<(), VaultError> {
    let mut f = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(marker)?;
    f.write_all(b"wipe in progress\n")?;
    f.sync_all()?;
    Ok(())
}

/// Step 3 for one database file.
fn destroy_slots(path: &Path) -> Result<(), VaultError> {
    match destroy_slots_with_sqlite(path) {
        Ok(()) => Ok(()),
        // Another process holds the database: stop; the marker stays and a later wipe resumes.
        Err(VaultError::Busy) => Err(VaultError::Busy),
        // Not a database SQLite can work with: nothing to find slots in, so shred the bytes.
        Err(_) => {
            for file in db::side_files(path).iter().chain([&path.to_path_buf()]) {
                overwrite_in_place(file)?;
            }
            Ok(())
        }
    }
}

fn destroy_slots_with_sqlite(path: &Path) -> Result<(), VaultError> {
    let conn = db::open_existing(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Leaving WAL mode checkpoints the log into the file and deletes it. It only works when no other
    // connection is open; otherwise SQLite stays in WAL mode and the wipe stops here (resumable).
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(VaultError::Busy);
    }
    // No journal at all: the slot rows are overwritten in the database file itself, so neither a WAL
    // nor a rollback journal ever holds another copy of them. A crash half-way can damage the file,
    // which a resumed wipe handles by shredding it whole.
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "OFF", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("off") {
        return Err(VaultError::Busy);
    }
    let has_slot_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'slot')",
        [],
        |row| row.get(0),
    )?;
    if has_slot_table {
        // One transaction: both slots are on the same small page, written to the file once at
        // commit, so a kill cannot leave one slot destroyed and the other intact.
        let mut conn = conn;
        let tx = conn.transaction()?;
        for (id, len) in store::slot_lengths(&tx)? {
            let mut noise = vec![0u8; len];
            fill_random(&mut noise)?;
            store::overwrite_slot_row(&tx, id, &noise)?;
        }
        tx.commit()?;
        return conn.close().map_err(|(_, e)| VaultError::from(e));
    }
    conn.close().map_err(|(_, e)| VaultError::from(e))?;
    Ok(())
}

/// Overwrites a file's bytes with random data and syncs it; a missing file is fine.
fn overwrite_in_place(path: &Path) -> Result<(), VaultError> {
    let mut f = match OpenOptions::new().write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut left = fs::metadata(path)?.len();
    f.seek(SeekFrom::Start(0))?;
    let mut chunk = vec![0u8; 64 * 1024];
    while left > 0 {
        let n = usize::try_from(left.min(chunk.len() as u64)).unwrap_or(chunk.len());
        fill_random(&mut chunk[..n])?;
        f.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    f.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault};

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }

    #[test]
    fn interrupted_after_slot_destruction_resumes_and_leftovers_open_with_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("store");
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(&store_dir, &key, KdfParams::MINIMUM).unwrap();
        vault
            .put(RecordKind::Setting, &RecordId::generate().unwrap(), &"x")
            .unwrap();
        drop(vault);

        // Simulate a wipe killed after step 3: marker written, slots destroyed, files still there.
        write_marker(&store_dir.join(db::WIPE_MARKER)).unwrap();
        destroy_slots(&db::db_path(&store_dir)).unwrap();
        assert!(matches!(
            Vault::open_with_device_key(&store_dir, &key),
            Err(VaultError::WipeInProgress)
        ));
        assert!(matches!(
            Vault::create(&store_dir, &key, KdfParams::MINIMUM),
            Err(VaultError::WipeInProgress)
        ));
        assert!(Vault::exists(&store_dir));

        // What is left on disk opens with nothing (copy it without the marker to try).
        let leftovers = dir.path().join("leftovers");
        copy_dir(&store_dir, &leftovers);
        fs::remove_file(leftovers.join(db::WIPE_MARKER)).unwrap();
        assert!(matches!(
            Vault::open_with_device_key(&leftovers, &key),
            Err(VaultError::CorruptSlot)
        ));
        assert!(matches!(
            Vault::open_with_recovery(&leftovers, code.as_str().as_bytes()),
            Err(VaultError::CorruptSlot)
        ));

        // Resume.
        Vault::wipe(&store_dir).unwrap();
        assert_eq!(fs::read_dir(&store_dir).unwrap().count(), 0);
        assert!(!Vault::exists(&store_dir));
        // And again: nothing to do.
        Vault::wipe(&store_dir).unwrap();
        Vault::wipe(&dir.path().join("never-existed")).unwrap();
    }

    #[test]
    fn unreadable_database_is_shredded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(db::DB_FILE);
        fs::write(&path, b"not a database, but secret-ish bytes").unwrap();
        destroy_slots(&path).unwrap();
        let after = fs::read(&path).unwrap();
        assert_eq!(after.len(), 36);
        assert_ne!(&after[..], b"not a database, but secret-ish bytes");
        Vault::wipe(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn half_created_vault_is_wiped_too() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(db::NEW_DB_FILE), b"").unwrap();
        Vault::wipe(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
