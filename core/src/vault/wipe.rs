//! Panic wipe (crypto-shred), built to work when it is needed most.
//!
//! Every record is sealed under the data key, and the data key exists on disk only inside key
//! slots. Destroy every copy of the slots and the records are noise, whatever happens to the files
//! afterwards (a flash controller may keep old blocks of a deleted file for a long time). So the
//! wipe destroys slots *first*, then the files:
//!
//! 1. create the empty marker `vault.wipe` (best effort: it needs an inode but no data block, and
//!    a wipe goes on without it). While it is there, `open` refuses the vault and `create` the folder;
//! 2. lock every handle to this folder open in this process (keys wiped, connection closed), so the
//!    process keeps nothing that could decrypt a copy of the files;
//! 3. in every vault file (`vault.db`, its WAL, SHM and rollback journal, and a half-created
//!    `vault.db.new` with its own), find every whole key slot by its layout and checksum, live or
//!    left in free space or an old WAL frame, and overwrite it with random bytes in place;
//! 4. destroy every vault file ([`destroy_file`]: overwritten whole with random bytes, synced,
//!    truncated, unlinked), sync the folder, remove the marker.
//!
//! No step goes through SQLite or takes its locks, so another process holding the vault open, even
//! in a write transaction, cannot stop it (that process's connection breaks, which a panic wipe may
//! do); and no step needs free space, so it works on a full disk. A step that fails does not stop
//! the later ones: the wipe does all it can and then reports the first failure, keeping the marker.
//!
//! Each step can run again on what an earlier attempt left, so a wipe killed at any point is
//! finished by calling [`wipe`] again. After step 3, the files hold no slot: a copy taken then opens
//! with nothing ([`VaultError::CorruptSlot`]).
//!
//! A copy of the files taken *before* the wipe is another matter: it holds intact slots, and whoever
//! has the device key or the recovery secret can open it. The shell must destroy the device key
//! *before* calling the wipe (delete the Keystore entry or Keychain item; the desktop key file with
//! [`destroy_file`]). The recovery code is on the user's paper. A process that still holds the vault
//! open and writes after the wipe writes into unlinked files, whose blocks the file system frees
//! when it closes them; it can only write what its own keys seal.

use std::fs::OpenOptions;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::db;
use super::error::VaultError;
use super::shred::{destroy_file, shred_slot_copies};
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
        state.lock();
        state.conn = None;
    }
}

/// Wipes the vault in `dir`; see the module documentation.
pub(crate) fn wipe(dir: &Path) -> Result<(), VaultError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let marker = dir.join(db::WIPE_MARKER);
    let files = db::all_files(dir);
    if !files.iter().any(|f| f.exists()) && !marker.exists() {
        return Ok(());
    }
    let mut outcome = Outcome::default();
    outcome.note(mark(&marker));
    close_open_handles(dir);
    for file in &files {
        outcome.note(shred_slot_copies(file).map(|_| ()));
    }
    for file in &files {
        outcome.note(destroy_file(file));
    }
    outcome.note(db::sync_dir(dir));
    if outcome.first_error.is_none() {
        outcome.note(db::remove_if_present(&marker).and_then(|()| db::sync_dir(dir)));
    }
    outcome.finish()
}

/// The first error of a wipe that goes on after errors.
#[derive(Default)]
struct Outcome {
    first_error: Option<VaultError>,
}

impl Outcome {
    fn note(&mut self, step: Result<(), VaultError>) {
        if let Err(e) = step {
            self.first_error.get_or_insert(e);
        }
    }

    fn finish(self) -> Result<(), VaultError> {
        self.first_error.map_or(Ok(()), Err)
    }
}

/// Step 1: the empty marker, synced with its folder. Its failure (a full inode table, a read-only
/// folder) is reported at the end but stops nothing.
fn mark(marker: &Path) -> Result<(), VaultError> {
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(marker)?;
    f.sync_all()?;
    if let Some(dir) = marker.parent() {
        db::sync_dir(dir)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault};
    use std::fs;

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }

    fn vault_with_a_record(store_dir: &Path) -> (DeviceKey, crate::vault::RecoveryCode) {
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(store_dir, &key, KdfParams::MINIMUM).unwrap();
        vault
            .put(RecordKind::Setting, &RecordId::generate().unwrap(), &"x")
            .unwrap();
        drop(vault);
        (key, code)
    }

    #[test]
    fn interrupted_after_step_1_refuses_to_open_and_resumes() {
        let dir = tempfile::tempdir().unwrap();
        let (key, _) = vault_with_a_record(dir.path());
        mark(&dir.path().join(db::WIPE_MARKER)).unwrap();
        assert!(matches!(
            Vault::open_with_device_key(dir.path(), &key),
            Err(VaultError::WipeInProgress)
        ));
        Vault::wipe(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn interrupted_after_slot_destruction_resumes_and_leftovers_open_with_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("store");
        let (key, code) = vault_with_a_record(&store_dir);

        // A wipe killed after step 3: marker written, slots destroyed, files still there.
        mark(&store_dir.join(db::WIPE_MARKER)).unwrap();
        let found: usize = db::all_files(&store_dir)
            .iter()
            .map(|f| shred_slot_copies(f).unwrap())
            .sum();
        assert!(found >= 2, "both live slots, at least: {found}");
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
    fn interrupted_half_way_through_step_4_resumes() {
        let dir = tempfile::tempdir().unwrap();
        let (key, _) = vault_with_a_record(dir.path());
        // Open it so the WAL has frames, shred, then leave only the database file.
        let open = Vault::open_with_device_key(dir.path(), &key).unwrap();
        mark(&dir.path().join(db::WIPE_MARKER)).unwrap();
        for f in db::all_files(dir.path()) {
            shred_slot_copies(&f).unwrap();
        }
        drop(open);
        for f in db::side_files(&db::db_path(dir.path())) {
            destroy_file(&f).unwrap();
        }
        Vault::wipe(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn without_a_marker_the_wipe_still_destroys_everything() {
        let dir = tempfile::tempdir().unwrap();
        let (key, _) = vault_with_a_record(dir.path());
        // A folder where the marker cannot be created: a directory already has its name.
        fs::create_dir(dir.path().join(db::WIPE_MARKER)).unwrap();
        assert!(Vault::wipe(dir.path()).is_err());
        for f in db::all_files(dir.path()) {
            assert!(!f.exists(), "{}", f.display());
        }
        assert!(matches!(
            Vault::open_with_device_key(dir.path(), &key),
            Err(VaultError::WipeInProgress | VaultError::NotFound)
        ));
    }

    #[test]
    fn unreadable_database_is_destroyed_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(db::DB_FILE);
        fs::write(&path, b"not a database, but secret-ish bytes").unwrap();
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
