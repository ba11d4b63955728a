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
use oneday_core::vault::{DeviceKey, Vault as CoreVault};
use zeroize::Zeroizing;

use crate::errors::VaultError;
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

/// Panic wipe (crypto-shred) of the vault in `dir`: destroys the key slots, then the files, and
/// locks every `Vault` open on it in this process for good. Safe to call again after an interruption;
/// a folder without a vault is fine. The shell must also destroy the device key it keeps.
#[uniffi::export]
pub fn wipe_vault(dir: String) -> Result<(), VaultError> {
    Ok(CoreVault::wipe(Path::new(&dir))?)
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
        let secret = Zeroizing::new(secret);
        let inner = CoreVault::open_with_recovery(Path::new(&dir), &secret)?;
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
        let secret = Zeroizing::new(secret);
        Ok(self.inner.unlock_with_recovery(&secret)?)
    }

    /// Replaces the recovery code (or passphrase) with the passphrase `new_passphrase`: at least 8
    /// bytes, used exactly as given. The old recovery code stops working. `kdf`: `null`/`nil` for the
    /// default cost.
    #[uniffi::method(default(kdf = None))]
    pub fn change_passphrase(
        &self,
        new_passphrase: Vec<u8>,
        kdf: Option<KdfParams>,
    ) -> Result<(), VaultError> {
        let secret = Zeroizing::new(new_passphrase);
        Ok(self.inner.change_passphrase(&secret, or_default(kdf))?)
    }

    /// Replaces the recovery code (or passphrase) with a new generated recovery code, returned as
    /// UTF-8 bytes to show once. The old one stops working.
    #[uniffi::method(default(kdf = None))]
    pub fn new_recovery_code(&self, kdf: Option<KdfParams>) -> Result<Vec<u8>, VaultError> {
        let code = self.inner.new_recovery_code(or_default(kdf))?;
        Ok(code.as_str().as_bytes().to_vec())
    }

    /// Adds a device slot for `device_key` (32 bytes) or replaces the existing one: the old device
    /// key stops working.
    pub fn set_device_key(&self, device_key: Vec<u8>) -> Result<(), VaultError> {
        let key = device_key_from(device_key)?;
        Ok(self.inner.set_device_key(&key)?)
    }

    /// Removes the device slot: from then on only the recovery code or passphrase opens the vault.
    pub fn remove_device_slot(&self) -> Result<(), VaultError> {
        Ok(self.inner.remove_device_slot()?)
    }

    /// Whether the vault has a device slot.
    pub fn has_device_slot(&self) -> Result<bool, VaultError> {
        Ok(self.inner.has_device_slot()?)
    }

    /// Replaces the data key and re-seals every record, in one transaction. `recovery_secret` must be
    /// the current recovery code or passphrase (it keeps working). With a `device_key`, a new device
    /// slot is written for it; with `null`/`nil` the device slot is removed.
    pub fn rotate_data_key(
        &self,
        recovery_secret: Vec<u8>,
        device_key: Option<Vec<u8>>,
    ) -> Result<(), VaultError> {
        let secret = Zeroizing::new(recovery_secret);
        let key = device_key.map(device_key_from).transpose()?;
        Ok(self.inner.rotate_data_key(&secret, key.as_ref())?)
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
}
