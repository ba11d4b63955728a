//! Who can open the vault: locking, unlocking, changing the slots, rotating the data key.
//!
//! Unlocking reads a slot and unwraps the data key; locking drops the keys, which wipes them. Slot
//! changes need an unlocked vault (they wrap the data key in memory) and each is one transaction.
//!
//! Calls that run Argon2id (`unlock_with_recovery`, `change_passphrase`, `new_recovery_code`,
//! `rotate_data_key`) hold the vault's lock for the derivation, so other calls on the same handle
//! wait for it (a few hundred milliseconds at the default parameters). That keeps the reasoning
//! simple: no slot can change between reading it and writing its replacement.

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::error::VaultError;
use super::kdf::KdfParams;
use super::keys::{DataKey, DeviceKey};
use super::recovery_code::RecoveryCode;
use super::slots::{self, RecoveryKek, SecretKind, SlotKind};
use super::{store, Keys, Vault};

/// Unwraps the data key from the device slot.
pub(crate) fn keys_from_device_slot(
    conn: &Connection,
    key: &DeviceKey,
) -> Result<Keys, VaultError> {
    let body = store::read_slot(conn, SlotKind::Device)?.ok_or(VaultError::NoDeviceSlot)?;
    Keys::new(slots::open_device_slot(&body, key)?)
}

/// Unwraps the data key from the recovery slot; also returns the slot's KEK for re-wrapping.
pub(crate) fn keys_from_recovery_slot(
    conn: &Connection,
    secret: &[u8],
) -> Result<(Keys, RecoveryKek), VaultError> {
    let body = store::read_slot(conn, SlotKind::Recovery)?.ok_or(VaultError::NoRecoverySlot)?;
    let (data, kek) = slots::open_recovery_slot(&body, secret)?;
    Ok((Keys::new(data)?, kek))
}

impl Vault {
    /// Locks the vault: the keys are dropped and wiped. Every later call except the `unlock_*` ones
    /// returns [`VaultError::Locked`]. Locking a locked vault does nothing.
    pub fn lock(&self) {
        self.state().keys = None;
    }

    /// Whether the vault is locked.
    pub fn is_locked(&self) -> bool {
        self.state().keys.is_none()
    }

    /// Unlocks with the device key. On error the vault stays as it was.
    pub fn unlock_with_device_key(&self, key: &DeviceKey) -> Result<(), VaultError> {
        let mut state = self.state();
        let conn = state.conn.as_ref().ok_or(VaultError::Wiped)?;
        let keys = keys_from_device_slot(conn, key)?;
        state.keys = Some(keys);
        Ok(())
    }

    /// Unlocks with the recovery code or passphrase (runs Argon2id). On error the vault stays as it
    /// was.
    pub fn unlock_with_recovery(&self, secret: &[u8]) -> Result<(), VaultError> {
        let mut state = self.state();
        let conn = state.conn.as_ref().ok_or(VaultError::Wiped)?;
        let (keys, _) = keys_from_recovery_slot(conn, secret)?;
        state.keys = Some(keys);
        Ok(())
    }

    /// Checks that `secret` is this vault's recovery code or passphrase (runs Argon2id), changing
    /// nothing: [`VaultError::WrongRecoverySecret`] (or [`VaultError::MalformedRecoveryCode`]) if not.
    pub fn check_recovery_secret(&self, secret: &[u8]) -> Result<(), VaultError> {
        let state = self.state();
        let conn = state.conn.as_ref().ok_or(VaultError::Wiped)?;
        keys_from_recovery_slot(conn, secret).map(|_| ())
    }

    /// Replaces the recovery slot with one opened by `new_secret`, a passphrase of at least 8 bytes,
    /// used exactly as given, through Argon2id with `kdf` and a fresh salt. The old recovery code or
    /// passphrase stops working.
    ///
    /// The bytes are not normalised: shells should pass UTF-8 in Unicode NFC, both here and when
    /// unlocking, so the same passphrase typed on another keyboard or platform gives the same bytes.
    pub fn change_passphrase(&self, new_secret: &[u8], kdf: KdfParams) -> Result<(), VaultError> {
        self.replace_recovery_slot(new_secret, SecretKind::Passphrase, kdf)
    }

    /// Replaces the recovery slot with a new generated recovery code, returned to show once. The old
    /// recovery code or passphrase stops working.
    pub fn new_recovery_code(&self, kdf: KdfParams) -> Result<RecoveryCode, VaultError> {
        let code = RecoveryCode::generate()?;
        self.replace_recovery_slot(code.as_str().as_bytes(), SecretKind::Code, kdf)?;
        Ok(code)
    }

    fn replace_recovery_slot(
        &self,
        secret: &[u8],
        kind: SecretKind,
        kdf: KdfParams,
    ) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        let slot = slots::make_recovery_slot(&keys.data, secret, kind, kdf)?;
        let tx = store::begin_write(conn)?;
        store::write_slot(&tx, SlotKind::Recovery, &slot)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a device slot for `key`, or replaces the existing one (the old device key stops working).
    pub fn set_device_key(&self, key: &DeviceKey) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        let slot = slots::make_device_slot(&keys.data, key)?;
        let tx = store::begin_write(conn)?;
        store::write_slot(&tx, SlotKind::Device, &slot)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the device slot; from then on only the recovery code or passphrase opens the vault.
    /// Removing a slot that is not there is not an error.
    pub fn remove_device_slot(&self) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, _) = state.unlocked_mut()?;
        let tx = store::begin_write(conn)?;
        store::delete_slot(&tx, SlotKind::Device)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the vault has a device slot.
    pub fn has_device_slot(&self) -> Result<bool, VaultError> {
        let state = self.state();
        let (conn, _) = state.unlocked()?;
        Ok(store::read_slot(conn, SlotKind::Device)?.is_some())
    }

    /// Replaces the data key with a new random one and re-seals every record under it, in one
    /// transaction: either everything is under the new key or nothing changed.
    ///
    /// The vault never keeps the secrets that open its slots, so they are asked for here:
    ///
    /// * `recovery_secret` must be the *current* recovery code or passphrase. It is checked against
    ///   the recovery slot (one Argon2id run), and the new data key is wrapped under the same
    ///   Argon2id output (same salt and parameters, fresh nonce), so the same secret keeps working.
    /// * `device_key`: with `Some`, a new device slot is written for that key; with `None` the device
    ///   slot is removed (it wraps the old key and must not survive the rotation).
    ///
    /// A damaged record aborts the rotation with [`VaultError::CorruptRecord`] and changes nothing.
    pub fn rotate_data_key(
        &self,
        recovery_secret: &[u8],
        device_key: Option<&DeviceKey>,
    ) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        let (checked, kek) = keys_from_recovery_slot(conn, recovery_secret)?;
        if checked.data.expose() != keys.data.expose() {
            // The recovery slot wraps another key than the one in use: refuse to touch anything.
            return Err(VaultError::CorruptSlot);
        }
        let new_keys = Keys::new(DataKey::make()?)?;
        let recovery_slot = slots::rewrap_recovery_slot(&kek, &new_keys.data)?;
        let device_slot = device_key
            .map(|k| slots::make_device_slot(&new_keys.data, k))
            .transpose()?;

        let (old_sealer, new_sealer) = (keys.sealer()?, new_keys.sealer()?);
        let tx = store::begin_write(conn)?;
        for id in store::item_ids(&tx)? {
            let sealed = store::read_item(&tx, &id)?.ok_or(VaultError::CorruptDatabase)?;
            let plain: Zeroizing<Vec<u8>> = old_sealer.open(&id, sealed)?;
            let resealed = new_sealer.seal(&id, &plain)?;
            store::write_item(&tx, &id, &resealed)?;
        }
        store::write_slot(&tx, SlotKind::Recovery, &recovery_slot)?;
        match &device_slot {
            Some(slot) => store::write_slot(&tx, SlotKind::Device, slot)?,
            None => {
                store::delete_slot(&tx, SlotKind::Device)?;
            }
        }
        tx.commit()?;
        state.keys = Some(new_keys);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::{RecordId, RecordKind};

    #[test]
    fn lock_unlock_and_slot_changes() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let id = RecordId::generate().unwrap();
        vault.put(RecordKind::Counter, &id, &"x").unwrap();

        vault.lock();
        assert!(vault.is_locked());
        assert!(matches!(vault.has_device_slot(), Err(VaultError::Locked)));
        assert!(matches!(
            vault.set_device_key(&key),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            vault.remove_device_slot(),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            vault.change_passphrase(b"long enough", KdfParams::MINIMUM),
            Err(VaultError::Locked)
        ));
        let other = DeviceKey::generate().unwrap();
        assert!(matches!(
            vault.unlock_with_device_key(&other),
            Err(VaultError::WrongDeviceKey)
        ));
        assert!(vault.is_locked());
        vault.unlock_with_device_key(&key).unwrap();

        // Replace the device key: old one stops working.
        vault.set_device_key(&other).unwrap();
        vault.lock();
        assert!(matches!(
            vault.unlock_with_device_key(&key),
            Err(VaultError::WrongDeviceKey)
        ));
        vault.unlock_with_device_key(&other).unwrap();

        // Remove it: only recovery opens.
        vault.remove_device_slot().unwrap();
        assert!(!vault.has_device_slot().unwrap());
        vault.lock();
        assert!(matches!(
            vault.unlock_with_device_key(&other),
            Err(VaultError::NoDeviceSlot)
        ));
        vault
            .unlock_with_recovery(code.as_str().as_bytes())
            .unwrap();
        assert_eq!(
            vault
                .get::<String>(RecordKind::Counter, &id)
                .unwrap()
                .as_deref(),
            Some("x")
        );
    }

    #[test]
    fn rotation_reseals_everything_and_keeps_secrets_working() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let ids: Vec<RecordId> = (0..20).map(|_| RecordId::generate().unwrap()).collect();
        for (i, id) in ids.iter().enumerate() {
            vault.put(RecordKind::Counter, id, &i).unwrap();
        }
        let before: Vec<Vec<u8>> = {
            let state = vault.state();
            let conn = state.conn.as_ref().unwrap();
            ids.iter()
                .map(|id| store::read_item(conn, id).unwrap().unwrap())
                .collect()
        };
        assert!(matches!(
            vault.rotate_data_key(b"wrong wrong wrong", Some(&key)),
            Err(VaultError::MalformedRecoveryCode)
        ));
        vault
            .rotate_data_key(code.as_str().as_bytes(), Some(&key))
            .unwrap();
        {
            let state = vault.state();
            let conn = state.conn.as_ref().unwrap();
            for (id, old) in ids.iter().zip(&before) {
                let new = store::read_item(conn, id).unwrap().unwrap();
                assert_ne!(&new[2..6], &old[2..6], "key id must change");
            }
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(
                vault.get::<usize>(RecordKind::Counter, id).unwrap(),
                Some(i)
            );
        }
        drop(vault);
        let v = Vault::open_with_device_key(dir.path(), &key).unwrap();
        assert_eq!(v.list::<usize>(RecordKind::Counter).unwrap().len(), 20);
        drop(v);
        let v = Vault::open_with_recovery(dir.path(), code.as_str().as_bytes()).unwrap();
        assert_eq!(
            v.get::<usize>(RecordKind::Counter, &ids[3]).unwrap(),
            Some(3)
        );

        // Without a device key the old device slot goes away.
        v.rotate_data_key(code.as_str().as_bytes(), None).unwrap();
        assert!(!v.has_device_slot().unwrap());
        assert_eq!(
            v.get::<usize>(RecordKind::Counter, &ids[3]).unwrap(),
            Some(3)
        );
    }

    #[test]
    fn passphrase_and_new_code_replace_the_recovery_slot() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        assert!(matches!(
            vault.change_passphrase(b"short", KdfParams::MINIMUM),
            Err(VaultError::PassphraseTooShort { .. })
        ));
        vault
            .change_passphrase(b"Serenity Prayer 1939", KdfParams::MINIMUM)
            .unwrap();
        vault.lock();
        assert!(matches!(
            vault.unlock_with_recovery(code.as_str().as_bytes()),
            Err(VaultError::WrongRecoverySecret)
        ));
        vault.unlock_with_recovery(b"Serenity Prayer 1939").unwrap();
        let code2 = vault.new_recovery_code(KdfParams::MINIMUM).unwrap();
        vault.lock();
        vault
            .unlock_with_recovery(code2.as_str().to_lowercase().as_bytes())
            .unwrap();
    }
}
