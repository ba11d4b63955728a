//! The [`Vault`] object: the encrypted on-device store, as the shells open and guard it.
//!
//! A vault lives in a folder. [`create_vault`] makes one and returns it unlocked with the recovery
//! code to show once; `Vault.openWithDeviceKey` / `Vault.openWithRecovery` open an existing one. The
//! device key (32 bytes from Android Keystore / iOS Keychain), the recovery code and passphrases
//! cross as bytes and the FFI wipes its own copies after use; the caller should wipe its arrays too.
//!
//! A `Vault` is `Send + Sync`: calls from several threads are serialised by core. Closing it
//! (`close()` / `use {}` in Kotlin, dropping the last reference in Swift) closes the database and wipes
//! the keys in memory. The counter methods are in `counters.rs`.

use std::path::Path;
use std::sync::{Arc, Mutex};

use oneday_core::meetings::MeetingBook;
use oneday_core::vault::{DeviceKey, SlotState as CoreSlotState, Vault as CoreVault};
use zeroize::Zeroizing;

use oneday_core::secret::open_with_optional;

use crate::errors::{secret_of, VaultError};
use crate::kdf::{or_default, KdfParams};

/// An open vault. Every method except the `unlock*` ones fails with `Locked` while it is locked.
#[derive(Debug, uniffi::Object)]
pub struct Vault {
    pub(crate) inner: CoreVault,
    /// The decoded meetings kept between calls while the vault is unchanged (dropped on lock).
    pub(crate) meeting_book: Mutex<Option<Arc<MeetingBook>>>,
}

impl Vault {
    fn wrap(inner: CoreVault) -> Arc<Vault> {
        Arc::new(Vault {
            inner,
            meeting_book: Mutex::new(None),
        })
    }
}

/// A vault just created, with the recovery code to show the user once (it is not stored anywhere).
#[derive(uniffi::Record)]
pub struct VaultCreation {
    /// The new vault, unlocked.
    pub vault: Arc<Vault>,
    /// The recovery code as UTF-8 bytes: 8 groups of 4 letters and digits joined by dashes.
    pub recovery_code: Vec<u8>,
}

/// Creates a vault in the folder `dir` (created, owner-only, if missing), opened by `device_key`
/// (exactly 32 bytes) and by the generated recovery code returned with it. `kdf` is the Argon2id cost
/// of the recovery slot; `null`/`nil` means the default.
///
/// Throws `AlreadyExists` if the folder holds a vault, `InvalidDeviceKey`, `InvalidKdfParams`.
#[uniffi::export(default(kdf = None))]
pub fn create_vault(
    dir: String,
    device_key: Vec<u8>,
    kdf: Option<KdfParams>,
) -> Result<VaultCreation, VaultError> {
    let key = device_key_from(device_key)?;
    let (inner, code) = CoreVault::create(Path::new(&dir), &key, or_default(kdf))?;
    Ok(VaultCreation {
        vault: Vault::wrap(inner),
        recovery_code: code.as_str().as_bytes().to_vec(),
    })
}

/// Whether the folder `dir` holds a vault (or one whose wipe was interrupted).
#[uniffi::export]
pub fn vault_exists(dir: String) -> bool {
    CoreVault::exists(Path::new(&dir))
}

/// Panic wipe (crypto-shred) of the vault in `dir`: destroys every copy of the key slots, then
/// overwrites and deletes the files, and locks every `Vault` open on it in this process for good.
/// Works while another process holds the vault and on a full disk. Safe to call again after an
/// interruption; a folder without a vault is fine. The shell must destroy the device key it keeps
/// (Keystore entry, Keychain item) *before* calling this.
#[uniffi::export]
pub fn wipe_vault(dir: String) -> Result<(), VaultError> {
    Ok(CoreVault::wipe(Path::new(&dir))?)
}

/// Destroys the file at `path`: overwritten in place with random bytes, synced, truncated, deleted.
/// For files that held key material (a wrapped device key). A missing file is fine.
#[uniffi::export]
pub fn destroy_file(path: String) -> Result<(), VaultError> {
    Ok(oneday_core::vault::destroy_file(Path::new(&path))?)
}

/// Checks a passphrase against the rule for the vault and backups (at least 8 bytes, not easy to
/// guess), so a screen can say why before anything runs. Throws `PassphraseTooShort` or
/// `WeakPassphrase` (whose message says why, in plain words). The bytes are wiped after use.
#[uniffi::export]
pub fn check_passphrase(passphrase: Vec<u8>) -> Result<(), VaultError> {
    let passphrase = secret_of::<VaultError>(passphrase)?;
    Ok(oneday_core::vault::check_passphrase(passphrase.as_bytes())?)
}

/// Whether two typed passphrases are the same once normalised (the "type it again" check of a new
/// passphrase: a precomposed `é` and an `e` with a combining accent are the same). Both are UTF-8
/// bytes, wiped after use; throws `SecretNotText` when either is not UTF-8.
#[uniffi::export]
pub fn secrets_match(first: Vec<u8>, second: Vec<u8>) -> Result<bool, VaultError> {
    let first = secret_of::<VaultError>(first)?;
    let second = secret_of::<VaultError>(second)?;
    Ok(first.matches(&second))
}

/// The state of one key slot, read without its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SlotState {
    /// There, whole, and for the data key in use.
    Intact,
    /// Not there.
    Missing,
    /// There but it would not open (damaged, or a stale copy for another data key).
    Damaged,
}

impl From<CoreSlotState> for SlotState {
    fn from(s: CoreSlotState) -> Self {
        match s {
            CoreSlotState::Intact => SlotState::Intact,
            CoreSlotState::Missing => SlotState::Missing,
            CoreSlotState::Damaged => SlotState::Damaged,
        }
    }
}

/// Both key slots of an open vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct KeySlotHealth {
    /// The slot the device key opens.
    pub device: SlotState,
    /// The slot the recovery code or passphrase opens.
    pub recovery: SlotState,
    /// Whether the recovery code can no longer open the vault: warn, and offer a new recovery code
    /// now, while the device key still works.
    pub recovery_needs_new_code: bool,
}

#[uniffi::export]
impl Vault {
    /// Opens the vault in `dir` with the 32-byte device key.
    ///
    /// Throws `NotFound`, `WrongDeviceKey`, `NoDeviceSlot` (use the recovery code), `InvalidDeviceKey`,
    /// `WipeInProgress`, `Damaged`, `NewerVersion`.
    #[uniffi::constructor]
    pub fn open_with_device_key(dir: String, device_key: Vec<u8>) -> Result<Arc<Self>, VaultError> {
        let key = device_key_from(device_key)?;
        let inner = CoreVault::open_with_device_key(Path::new(&dir), &key)?;
        Ok(Vault::wrap(inner))
    }

    /// Opens the vault in `dir` with the recovery code (any case, with or without dashes and
    /// spaces) or the passphrase set with `changePassphrase`, as UTF-8 bytes. Runs Argon2id.
    ///
    /// Throws `NotFound`, `WrongRecoverySecret`, `MalformedRecoveryCode`, `WipeInProgress`, `Damaged`.
    #[uniffi::constructor]
    pub fn open_with_recovery(dir: String, secret: Vec<u8>) -> Result<Arc<Self>, VaultError> {
        let secret = secret_of::<VaultError>(secret)?;
        let inner = secret.open_with(|s| CoreVault::open_with_recovery(Path::new(&dir), s))?;
        Ok(Vault::wrap(inner))
    }

    /// Opens the vault in `dir` with the recovery code or passphrase and gives it the new 32-byte
    /// `new_device_key` (store it in the Keystore/Keychain first). The data key is rotated on the
    /// way, so no older device key or slot opens anything written from now on. Runs Argon2id.
    ///
    /// Throws as `openWithRecovery`, and `InvalidDeviceKey`.
    #[uniffi::constructor]
    pub fn recover(
        dir: String,
        secret: Vec<u8>,
        new_device_key: Vec<u8>,
    ) -> Result<Arc<Self>, VaultError> {
        let secret = secret_of::<VaultError>(secret)?;
        let key = device_key_from(new_device_key)?;
        let inner = secret.open_with(|s| CoreVault::recover(Path::new(&dir), s, &key))?;
        Ok(Vault::wrap(inner))
    }

    /// The vault's folder (absolute).
    pub fn dir(&self) -> String {
        self.inner.dir().to_string_lossy().into_owned()
    }

    /// Locks the vault: its keys are wiped from memory. Locking a locked vault does nothing.
    pub fn lock(&self) {
        self.inner.lock();
        *self
            .meeting_book
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// Whether the vault is locked.
    pub fn is_locked(&self) -> bool {
        self.inner.is_locked()
    }

    /// Unlocks with the 32-byte device key. On error the vault stays locked.
    pub fn unlock_with_device_key(&self, device_key: Vec<u8>) -> Result<(), VaultError> {
        let key = device_key_from(device_key)?;
        Ok(self.inner.unlock_with_device_key(&key)?)
    }

    /// Unlocks with the recovery code or passphrase (UTF-8 bytes; runs Argon2id). On error the vault
    /// stays locked.
    pub fn unlock_with_recovery(&self, secret: Vec<u8>) -> Result<(), VaultError> {
        let secret = secret_of::<VaultError>(secret)?;
        Ok(secret.open_with(|s| self.inner.unlock_with_recovery(s))?)
    }

    /// Checks both key slots without any secret (cheap). Call it after opening: when
    /// `recoveryNeedsNewCode`, warn and offer `newRecoveryCode` while the device key works.
    pub fn key_slot_health(&self) -> Result<KeySlotHealth, VaultError> {
        let h = self.inner.key_slot_health()?;
        Ok(KeySlotHealth {
            device: h.device.into(),
            recovery: h.recovery.into(),
            recovery_needs_new_code: h.recovery_needs_new_code(),
        })
    }

    /// Replaces the recovery code (or passphrase) with the passphrase `new_passphrase` (UTF-8 bytes;
    /// core normalises them to NFC) and rotates the data key. `current` is the recovery code or passphrase
    /// in force, proving the person has it; `null`/`nil` only when the recovery slot is damaged.
    /// `kdf`: `null`/`nil` for the default cost.
    ///
    /// Throws `CurrentSecretNeeded`, `WrongRecoverySecret`, `PassphraseTooShort`, `WeakPassphrase`
    /// (its message says why, in plain words).
    #[uniffi::method(default(kdf = None))]
    pub fn change_passphrase(
        &self,
        current: Option<Vec<u8>>,
        new_passphrase: Vec<u8>,
        kdf: Option<KdfParams>,
    ) -> Result<(), VaultError> {
        let current = current.map(secret_of::<VaultError>).transpose()?;
        let new_passphrase = secret_of::<VaultError>(new_passphrase)?;
        Ok(open_with_optional(current.as_ref(), |current| {
            self.inner
                .change_passphrase(current, new_passphrase.as_bytes(), or_default(kdf))
        })?)
    }

    /// Replaces the recovery code (or passphrase) with a new generated recovery code, returned as
    /// UTF-8 bytes to show once, and rotates the data key. `current` as for `changePassphrase`.
    #[uniffi::method(default(kdf = None))]
    pub fn new_recovery_code(
        &self,
        current: Option<Vec<u8>>,
        kdf: Option<KdfParams>,
    ) -> Result<Vec<u8>, VaultError> {
        let current = current.map(secret_of::<VaultError>).transpose()?;
        let code = open_with_optional(current.as_ref(), |current| {
            self.inner.new_recovery_code(current, or_default(kdf))
        })?;
        Ok(code.as_str().as_bytes().to_vec())
    }

    /// Removes the device slot and rotates the data key: only the recovery code or passphrase opens
    /// the vault from then on. `recovery_secret` must open the recovery slot (proof the person can
    /// get back in). Throws `RecoverySlotDamaged` (make a new recovery code first) or
    /// `WrongRecoverySecret`; nothing changes then.
    pub fn remove_device_slot(&self, recovery_secret: Vec<u8>) -> Result<(), VaultError> {
        let secret = secret_of::<VaultError>(recovery_secret)?;
        Ok(secret.open_with(|s| self.inner.remove_device_slot(s))?)
    }

    /// Whether the vault has a device slot.
    pub fn has_device_slot(&self) -> Result<bool, VaultError> {
        Ok(self.inner.has_device_slot()?)
    }

    /// Replaces the data key and re-seals every record, in one transaction. `recovery_secret` must
    /// be the current recovery code or passphrase (it keeps working). The device slot is re-wrapped
    /// for the same device key when this handle was opened with it, and removed otherwise.
    pub fn rotate_data_key(&self, recovery_secret: Vec<u8>) -> Result<(), VaultError> {
        let secret = secret_of::<VaultError>(recovery_secret)?;
        Ok(secret.open_with(|s| self.inner.rotate_data_key(s))?)
    }
}

/// A core device key from foreign bytes; the bytes are wiped whatever happens.
fn device_key_from(bytes: Vec<u8>) -> Result<DeviceKey, VaultError> {
    let bytes = Zeroizing::new(bytes);
    Ok(DeviceKey::from_bytes(&bytes)?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::kdf::minimum_kdf_params;

    #[test]
    fn create_lock_unlock_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v").to_string_lossy().into_owned();
        let created = create_vault(path.clone(), vec![7; 32], Some(minimum_kdf_params())).unwrap();
        let vault = created.vault;
        vault.lock();
        assert!(vault.is_locked());
        assert!(matches!(
            vault.unlock_with_device_key(vec![8; 32]),
            Err(VaultError::WrongDeviceKey { .. })
        ));
        vault
            .unlock_with_recovery(created.recovery_code.clone())
            .unwrap();
        assert!(!vault.is_locked());
        drop(vault);
        Vault::open_with_device_key(path.clone(), vec![7; 32]).unwrap();
        assert!(matches!(
            Vault::open_with_device_key(path, vec![7; 31]),
            Err(VaultError::InvalidDeviceKey { .. })
        ));
    }

    #[test]
    fn lock_out_recover_and_change_secrets_through_the_ffi() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v").to_string_lossy().into_owned();
        let created = create_vault(path.clone(), vec![7; 32], Some(minimum_kdf_params())).unwrap();
        let code = created.recovery_code;
        let vault = created.vault;
        let healthy = KeySlotHealth {
            device: SlotState::Intact,
            recovery: SlotState::Intact,
            recovery_needs_new_code: false,
        };
        assert_eq!(vault.key_slot_health().unwrap(), healthy);
        assert!(matches!(
            vault.change_passphrase(None, b"lantern orbit pickle thursday".to_vec(), None),
            Err(VaultError::CurrentSecretNeeded { .. })
        ));
        assert!(matches!(
            vault.change_passphrase(Some(code.clone()), b"password1".to_vec(), None),
            Err(VaultError::WeakPassphrase { .. })
        ));
        vault.remove_device_slot(code.clone()).unwrap();
        assert!(!vault.has_device_slot().unwrap());
        drop(vault);
        let vault = Vault::recover(path.clone(), code.clone(), vec![9; 32]).unwrap();
        assert_eq!(vault.key_slot_health().unwrap(), healthy);
        let fresh = vault
            .new_recovery_code(Some(code), Some(minimum_kdf_params()))
            .unwrap();
        drop(vault);
        Vault::open_with_device_key(path.clone(), vec![9; 32]).unwrap();
        Vault::open_with_recovery(path, fresh).unwrap();
        assert!(matches!(
            check_passphrase(b"12345678".to_vec()),
            Err(VaultError::WeakPassphrase { .. })
        ));
        check_passphrase(b"lantern orbit pickle thursday".to_vec()).unwrap();
    }

    #[test]
    fn destroy_file_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device-key.bin");
        std::fs::write(&path, [1u8; 61]).unwrap();
        destroy_file(path.to_string_lossy().into_owned()).unwrap();
        assert!(!path.exists());
    }
}
