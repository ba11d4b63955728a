//! The encrypted on-device vault: every record One Day keeps, sealed, in one SQLite file.
//!
//! # Design
//!
//! Anyone who gets the phone, its backups or the app's files must learn nothing from them. So the
//! vault stores nothing a user typed in plaintext, not even the kind of a record or a date: the
//! database holds random 16-byte record ids and sealed blobs, and two key slots.
//!
//! **Keys.** Each vault has one random 256-bit *data key* (`keys.rs`). It is never stored as is and
//! never used directly as a cipher key: HKDF derives one subkey per purpose from it (today: the key
//! that seals records, and a 4-byte key id). The data key is stored only *wrapped* in key slots
//! (`slots.rs`): the **device slot** opens with a 32-byte [`DeviceKey`] the platform shell keeps
//! (Android Keystore, iOS Keychain, a 0600 file on the desktop); the **recovery slot** opens with the
//! [`RecoveryCode`] shown once at creation, or with a passphrase set later, through Argon2id
//! (`kdf.rs`, parameters stored in the slot, never below m = 19 MiB, t = 2, p = 1). Keystore keys can
//! vanish (lock screen removed, new fingerprint); the recovery slot is how the user gets back in.
//!
//! **Records.** A record is a value of some [`RecordKind`] stored under a [`RecordId`]. Its kind and
//! its serde-serialized value, padded to a coarse size class (`payload.rs`), are sealed with
//! AES-256-GCM under a fresh random nonce (`envelope.rs`). The associated data binds the
//! ciphertext to its table, its record id and its schema version, so a ciphertext moved to another
//! row, or relabelled, fails to open. All kinds share one table, so the files do not reveal how many
//! records of each kind there are.
//!
//! **Integrity.** A sealed manifest (`manifest.rs`) lists every record's id and the GCM tag of its
//! stored body, with a counter of writes; it is rewritten in the same transaction as every write,
//! checked against the ids at unlock and against each body on every read (`integrity.rs`), so a row
//! rolled back, deleted, brought back or swapped outside One Day is [`VaultError::Integrity`].
//!
//! **Storage.** One SQLite file (`db.rs`, `schema.rs`): WAL, `secure_delete=ON`, `temp_store=MEMORY`,
//! schema versioned by `user_version` with forward-only migrations. Every mutation is one
//! transaction; a process killed at any instant leaves the last committed state.
//!
//! **Key lifecycle.** Every change of a way in (removing the device slot, [`Vault::recover`] with a
//! new device key, a new recovery code or passphrase) makes a new data key and re-seals every record
//! in one transaction, so no older key or slot opens what is written after (`access.rs`). Changing
//! the recovery secret needs the current one; removing the device slot needs the recovery secret and
//! is refused while the recovery slot is damaged. [`Vault::key_slot_health`] checks both slots without
//! secrets, for the shells to warn at open. Passphrases (here and for backups) must pass
//! [`check_passphrase`] (`strength.rs`: zxcvbn).
//!
//! **Lock and wipe.** [`Vault::lock`] drops the keys, which wipes them (the `zeroize` crate); every
//! call on a locked vault then returns [`VaultError::Locked`]. [`Vault::wipe`] is the panic button: it
//! overwrites every copy of a key slot in every vault file first, then destroys the files in place
//! ([`destroy_file`]), without SQLite's locks and without needing free space (`wipe.rs`, `shred.rs`).
//!
//! **Threads.** A [`Vault`] is `Send + Sync`. Its connection and keys sit behind one mutex, so calls
//! are serialised; share it in an `Arc`.
//!
//! The byte formats are in `docs/vault-format.md`, the choice of cipher and KDF parameters in
//! `docs/adr/0001-vault-cipher-and-kdf.md`.
//!
//! # Files
//!
//! | file | concern |
//! |---|---|
//! | `mod.rs` | this overview; [`Vault`]: create, open, exists, wipe; the guarded state |
//! | `access.rs` | lock, unlock, recover; passphrase, recovery code and device slot changes; key rotation; slot health |
//! | `strength.rs` | the passphrase rule (length and zxcvbn score), for the vault and backups |
//! | `records.rs` | put, get, list, for_each, delete, batches and transactions |
//! | `manifest.rs` | the manifest of the record set: format, body tags, checks |
//! | `integrity.rs` | the manifest checked at unlock, upgraded from schema 1, cached, re-sealed with the records |
//! | `record.rs` | [`RecordId`] and [`RecordKind`] |
//! | `error.rs` | [`VaultError`] |
//! | `keys.rs` | [`DeviceKey`], the data key, HKDF subkeys |
//! | `kdf.rs` | [`KdfParams`]: Argon2id, its floor and ceiling |
//! | `recovery_code.rs` | [`RecoveryCode`]: generating and normalising the code |
//! | `slots.rs` | the byte format of key slots; wrapping and unwrapping the data key |
//! | `envelope.rs` | the byte format of sealed records; sealing and opening |
//! | `payload.rs` | what is inside a sealed record: kind, JSON, padding |
//! | `schema.rs` | the tables, in prose; migrations by `user_version` |
//! | `store.rs` | the SQL: rows of the two tables |
//! | `db.rs` | the files, and how a connection is opened and configured |
//! | `wipe.rs` | the panic wipe |
//! | `shred.rs` | destroying a file in place; finding and overwriting slot copies in a file |
//!
//! # Example
//!
//! ```
//! use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault};
//!
//! let dir = tempfile::tempdir()?;
//! let device_key = DeviceKey::generate()?;
//! let (vault, code) = Vault::create(dir.path(), &device_key, KdfParams::default())?;
//! println!("write this down: {}", code.as_str());
//!
//! let id = RecordId::generate()?;
//! vault.put(RecordKind::Setting, &id, &"dark mode")?;
//! vault.lock();
//! assert!(vault.get::<String>(RecordKind::Setting, &id).is_err());
//!
//! let reopened = Vault::open_with_recovery(dir.path(), code.as_str().as_bytes())?;
//! assert_eq!(reopened.get::<String>(RecordKind::Setting, &id)?.as_deref(), Some("dark mode"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod access;
mod db;
pub(crate) mod envelope;
mod error;
mod integrity;
pub(crate) mod kdf;
pub(crate) mod keys;
mod manifest;
pub(crate) mod payload;
mod record;
mod records;
pub(crate) mod recovery_code;
mod schema;
mod shred;
pub(crate) mod slots;
mod store;
mod strength;
mod wipe;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;
use zeroize::Zeroizing;

pub use access::KeySlotHealth;
pub use error::{IntegrityProblem, StorageError, VaultError};
pub use kdf::KdfParams;
pub use keys::DeviceKey;
pub use record::{
    match_id_prefix, PrefixMatch, RecordId, RecordKind, MIN_ID_PREFIX, RECORD_ID_LEN,
};
pub use records::{ChangeStamp, Record, RecordView, VaultTx, WriteOp};
pub use recovery_code::RecoveryCode;
pub use shred::{destroy_file, overwrite_all};
pub use slots::SlotState;
pub use strength::{check_passphrase, MIN_PASSPHRASE_LEN};

use envelope::RecordSealer;
use integrity::ManifestCache;
use keys::DataKey;
use manifest::Manifest;
use slots::{DeviceKek, SecretKind, SlotKind};

/// An open vault. Cheap to share across threads in an `Arc`; all calls are serialised internally.
pub struct Vault {
    shared: Arc<Shared>,
}

/// What the wipe registry can reach: the folder and the guarded state.
pub(crate) struct Shared {
    /// The vault folder, canonicalised.
    dir: PathBuf,
    state: Mutex<State>,
}

/// The connection and, while unlocked, the keys.
pub(crate) struct State {
    /// `None` once the vault was wiped under this handle.
    conn: Option<Connection>,
    /// `None` while locked. Dropping it wipes the data key.
    keys: Option<Keys>,
    /// The manifest of the record set, as last checked, read or written here.
    manifest: ManifestCache,
}

/// The keys of an unlocked vault, all in buffers wiped on drop (on lock, on drop of the vault).
/// No ring key object is kept here: ring cannot wipe its key schedules, so a [`RecordSealer`] is
/// made per call from the subkey bytes and dropped at the end of the call.
pub(crate) struct Keys {
    data: DataKey,
    seal_subkey: Zeroizing<[u8; keys::KEY_LEN]>,
    key_id: keys::KeyId,
    /// The device slot's KEK when this handle was opened with the device key, so a rotation can
    /// re-wrap the new data key for the same device key.
    device_kek: Option<DeviceKek>,
}

impl Keys {
    fn new(data: DataKey, device_kek: Option<DeviceKek>) -> Result<Self, VaultError> {
        let seal_subkey = data.derive_subkey(keys::Purpose::RecordSeal)?;
        let key_id = data.derive_key_id()?;
        Ok(Self {
            data,
            seal_subkey,
            key_id,
            device_kek,
        })
    }

    /// A sealer for this call.
    fn sealer(&self) -> Result<RecordSealer, VaultError> {
        RecordSealer::from_subkey(&self.seal_subkey, self.key_id)
    }
}

impl State {
    /// Connection and keys, or [`VaultError::Locked`].
    fn unlocked(&self) -> Result<(&Connection, &Keys), VaultError> {
        match (&self.conn, &self.keys) {
            (Some(conn), Some(keys)) => Ok((conn, keys)),
            _ => Err(VaultError::Locked),
        }
    }

    /// Connection (mutable, to start transactions) and keys, or [`VaultError::Locked`].
    fn unlocked_mut(&mut self) -> Result<(&mut Connection, &Keys), VaultError> {
        match (&mut self.conn, &self.keys) {
            (Some(conn), Some(keys)) => Ok((conn, keys)),
            _ => Err(VaultError::Locked),
        }
    }

    /// [`State::unlocked_mut`] and the manifest cache, for a write.
    fn unlocked_parts(
        &mut self,
    ) -> Result<(&mut Connection, &Keys, &mut ManifestCache), VaultError> {
        match (&mut self.conn, &self.keys) {
            (Some(conn), Some(keys)) => Ok((conn, keys, &mut self.manifest)),
            _ => Err(VaultError::Locked),
        }
    }

    /// Puts `keys` in force, with the manifest checked (or written) for them.
    fn unlock(&mut self, keys: Keys, manifest: ManifestCache) {
        self.manifest = manifest;
        self.keys = Some(keys);
    }

    /// Drops (and so wipes) the keys, and the manifest with them.
    fn lock(&mut self) {
        self.keys = None;
        self.manifest.forget();
    }
}

impl Vault {
    /// Creates a new vault in `dir` (creating the folder, owner-only, if missing) and returns it
    /// unlocked, with the generated recovery code. Show the code to the user once; it is not stored.
    ///
    /// Refuses with [`VaultError::AlreadyExists`] if a vault is there, and with
    /// [`VaultError::KdfTooWeak`] if `kdf` is below the floor. The vault is built under a temporary
    /// name and renamed into place when complete, so an interrupted `create` leaves no vault behind.
    pub fn create(
        dir: &Path,
        device_key: &DeviceKey,
        kdf: KdfParams,
    ) -> Result<(Vault, RecoveryCode), VaultError> {
        kdf.check()?;
        if !dir.exists() {
            fs::create_dir_all(dir)?;
            db::restrict_to_owner(dir, 0o700)?;
        }
        if dir.join(db::WIPE_MARKER).exists() {
            return Err(VaultError::WipeInProgress);
        }
        let final_path = db::db_path(dir);
        if final_path.exists() {
            return Err(VaultError::AlreadyExists);
        }
        let data = DataKey::make()?;
        let code = RecoveryCode::generate()?;
        let device_kek = DeviceKek::generate(device_key)?;
        let device_slot = slots::rewrap_device_slot(&device_kek, &data)?;
        let recovery_slot =
            slots::make_recovery_slot(&data, code.as_str().as_bytes(), SecretKind::Code, kdf)?;
        let keys = Keys::new(data, Some(device_kek))?;

        let new_path = dir.join(db::NEW_DB_FILE);
        for stale in db::side_files(&new_path).iter().chain([&new_path]) {
            db::remove_if_present(stale)?;
        }
        let mut conn = db::create_new(&new_path)?;
        schema::migrate(&mut conn)?;
        let tx = store::begin_write(&mut conn)?;
        store::write_slot(&tx, SlotKind::Device, &device_slot)?;
        store::write_slot(&tx, SlotKind::Recovery, &recovery_slot)?;
        Manifest::empty().save(&tx, &keys.sealer()?)?;
        tx.commit()?;
        // Closing the only connection checkpoints the WAL into the file and deletes it, so the file
        // alone is the complete vault when it is renamed.
        conn.close().map_err(|(_, e)| VaultError::from(e))?;
        if db::side_files(&new_path).iter().any(|f| f.exists()) {
            return Err(VaultError::Busy);
        }
        if final_path.exists() {
            return Err(VaultError::AlreadyExists);
        }
        fs::rename(&new_path, &final_path)?;
        db::sync_dir(dir)?;

        let conn = open_connection(dir)?;
        let vault = Self::unlocked(dir, conn, keys)?;
        Ok((vault, code))
    }

    /// Opens the vault in `dir` with the device key.
    ///
    /// Errors: [`VaultError::NotFound`], [`VaultError::NoDeviceSlot`], [`VaultError::WrongDeviceKey`],
    /// [`VaultError::CorruptSlot`], [`VaultError::WipeInProgress`], [`VaultError::UnsupportedSchema`].
    pub fn open_with_device_key(dir: &Path, key: &DeviceKey) -> Result<Vault, VaultError> {
        let conn = open_connection(dir)?;
        let keys = access::keys_from_device_slot(&conn, key)?;
        Self::unlocked(dir, conn, keys)
    }

    /// Opens the vault in `dir` with the recovery code or with the passphrase set by
    /// [`Vault::change_passphrase`], given as bytes. A recovery code may be typed in any case, with or
    /// without spaces and dashes. Runs Argon2id with the parameters stored in the slot.
    pub fn open_with_recovery(dir: &Path, secret: &[u8]) -> Result<Vault, VaultError> {
        let conn = open_connection(dir)?;
        let (keys, _) = access::keys_from_recovery_slot(&conn, secret)?;
        Self::unlocked(dir, conn, keys)
    }

    /// Whether `dir` holds a vault (or a vault whose wipe was interrupted, which `open` refuses with
    /// [`VaultError::WipeInProgress`]).
    pub fn exists(dir: &Path) -> bool {
        db::db_path(dir).is_file() || dir.join(db::WIPE_MARKER).exists()
    }

    /// Panic wipe (crypto-shred) of the vault in `dir`.
    ///
    /// 1. Marks the wipe as started (an empty `vault.wipe`, best effort), so nothing opens the vault
    ///    meanwhile.
    /// 2. Locks every handle to this vault open in this process: their keys are wiped and they can
    ///    never be unlocked again ([`VaultError::Wiped`]).
    /// 3. Overwrites every copy of a key slot in every vault file (database, WAL, journal) with random
    ///    bytes in place, so no file holds a wrapped data key.
    /// 4. Destroys the files ([`destroy_file`]), then removes the marker. The folder is left empty of
    ///    vault files (other files in it are not touched).
    ///
    /// Neither another process holding the vault (even in a write transaction) nor a full disk stops
    /// it; a failing step does not stop the later ones, and the first failure is returned. Every step
    /// can be repeated, so if the process dies half-way, calling `wipe` again finishes the job. A
    /// folder without a vault is fine (nothing to do).
    ///
    /// What a wipe cannot do: a copy of the files taken *before* the wipe still holds intact slots.
    /// It can be opened by whoever has the device key or the recovery secret, so the shell must
    /// destroy the device key it keeps (Keystore entry, key file) *before* calling this. See `wipe.rs`.
    pub fn wipe(dir: &Path) -> Result<(), VaultError> {
        wipe::wipe(dir)
    }

    /// The folder of this vault.
    pub fn dir(&self) -> &Path {
        &self.shared.dir
    }

    /// A handle on `conn`, unlocked with `keys` once the record set is checked against its
    /// manifest (a vault from before manifests is upgraded on the way; `integrity.rs`).
    fn unlocked(dir: &Path, mut conn: Connection, keys: Keys) -> Result<Vault, VaultError> {
        let manifest = integrity::check_at_unlock(&mut conn, &keys)?;
        Self::from_parts(dir, conn, keys, manifest)
    }

    /// A handle on `conn`, unlocked with `keys` and the manifest already checked for them.
    fn from_parts(
        dir: &Path,
        conn: Connection,
        keys: Keys,
        manifest: ManifestCache,
    ) -> Result<Vault, VaultError> {
        let mut state = State {
            conn: Some(conn),
            keys: None,
            manifest: ManifestCache::default(),
        };
        state.unlock(keys, manifest);
        let shared = Arc::new(Shared {
            dir: dir.canonicalize()?,
            state: Mutex::new(state),
        });
        wipe::register(&shared);
        // A wipe that started after `open_connection` checked the marker may have missed this handle.
        if dir.join(db::WIPE_MARKER).exists() {
            return Err(VaultError::WipeInProgress);
        }
        Ok(Vault { shared })
    }

    /// The guarded state. A panic while the lock was held (possible only inside a caller's closure or
    /// `Serialize` impl) poisons the mutex; the state is still consistent, because an open SQLite
    /// transaction is rolled back here (or was already, when the `Transaction` was dropped), so the
    /// poison is cleared and work goes on.
    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state()
    }
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        match self.state.lock() {
            Ok(guard) => guard,
            Err(poisoned) => {
                let guard = poisoned.into_inner();
                if let Some(conn) = &guard.conn {
                    if !conn.is_autocommit() {
                        // Best effort: a failed rollback leaves SQLite to roll back on next use.
                        let _ = conn.execute_batch("ROLLBACK");
                    }
                }
                self.state.clear_poison();
                guard
            }
        }
    }
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `try_lock`: formatting must not wait for (or deadlock on) a call in progress.
        let locked = match self.shared.state.try_lock() {
            Ok(state) => Some(state.keys.is_none()),
            Err(_) => None,
        };
        f.debug_struct("Vault")
            .field("dir", &self.shared.dir)
            .field("locked", &locked)
            .finish()
    }
}

/// Opens and migrates the database in `dir`, refusing a vault being wiped.
fn open_connection(dir: &Path) -> Result<Connection, VaultError> {
    if dir.join(db::WIPE_MARKER).exists() {
        return Err(VaultError::WipeInProgress);
    }
    let path = db::db_path(dir);
    if !path.is_file() {
        return Err(VaultError::NotFound);
    }
    let mut conn = db::open_existing(&path)?;
    // Every vault is created at version 1 or later (`create` migrates before the file gets its
    // name), so version 0 is some other SQLite file: refuse it before changing anything in it.
    let version = schema::version(&conn)?;
    if version == 0 {
        return Err(VaultError::CorruptDatabase);
    }
    db::configure(&conn)?;
    if schema::needs_migration(version)? {
        schema::migrate(&mut conn)?;
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn vault_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Vault>();
    }

    #[test]
    fn create_refuses_weak_kdf_and_existing_vault_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let key = DeviceKey::generate().unwrap();
        let weak = KdfParams {
            m_kib: 1024,
            t: 1,
            p: 1,
        };
        assert!(matches!(
            Vault::create(&path, &key, weak),
            Err(VaultError::KdfTooWeak { .. })
        ));
        assert!(!Vault::exists(&path));
        let (vault, _code) = Vault::create(&path, &key, KdfParams::MINIMUM).unwrap();
        assert!(Vault::exists(&path));
        assert!(!path.join(db::NEW_DB_FILE).exists());
        assert!(matches!(
            Vault::create(&path, &key, KdfParams::MINIMUM),
            Err(VaultError::AlreadyExists)
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o700
            );
        }
        drop(vault);
        assert!(Vault::open_with_device_key(&path, &key).is_ok());
        assert!(matches!(
            Vault::open_with_device_key(dir.path(), &key),
            Err(VaultError::NotFound)
        ));
    }

    #[test]
    fn poisoned_mutex_is_recovered_and_transaction_rolled_back() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, _) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let vault = Arc::new(vault);
        let id = RecordId::generate().unwrap();
        let v = Arc::clone(&vault);
        let joined = std::thread::spawn(move || {
            let _ = v.transaction(|tx| -> Result<(), VaultError> {
                tx.put(RecordKind::Setting, &id, &1u32)?;
                panic!("caller code panics inside a transaction");
            });
        })
        .join();
        assert!(joined.is_err());
        assert_eq!(vault.get::<u32>(RecordKind::Setting, &id).unwrap(), None);
        vault.put(RecordKind::Setting, &id, &2u32).unwrap();
        assert_eq!(vault.get::<u32>(RecordKind::Setting, &id).unwrap(), Some(2));
    }
}
