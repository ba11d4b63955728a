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

use super::error::{IntegrityProblem, VaultError};
use super::integrity::{self, ManifestCache};
use super::kdf::KdfParams;
use super::keys::{DataKey, DeviceKey};
use super::manifest::Manifest;
use super::records::stamp_of;
use super::recovery_code::RecoveryCode;
use super::slots::{self, DeviceKek, RecoveryKek, SecretKind, SlotKind, SlotState};
use super::{open_connection, store, strength, Keys, Vault};

/// Unwraps the data key from the device slot.
pub(crate) fn keys_from_device_slot(
    conn: &Connection,
    key: &DeviceKey,
) -> Result<Keys, VaultError> {
    let body = store::read_slot(conn, SlotKind::Device)?.ok_or(VaultError::NoDeviceSlot)?;
    let (data, device_kek) = slots::open_device_slot(&body, key)?;
    Keys::new(data, Some(device_kek))
}

/// Unwraps the data key from the recovery slot; also returns the slot's KEK for re-wrapping.
pub(crate) fn keys_from_recovery_slot(
    conn: &Connection,
    secret: &[u8],
) -> Result<(Keys, RecoveryKek), VaultError> {
    let body = store::read_slot(conn, SlotKind::Recovery)?.ok_or(VaultError::NoRecoverySlot)?;
    let (data, kek) = slots::open_recovery_slot(&body, secret)?;
    Ok((Keys::new(data, None)?, kek))
}

/// The state of both key slots of an open vault, checked without any secret (see
/// [`Vault::key_slot_health`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySlotHealth {
    /// The slot the device key opens.
    pub device: SlotState,
    /// The slot the recovery code or passphrase opens.
    pub recovery: SlotState,
}

impl KeySlotHealth {
    /// Whether the recovery code or passphrase can no longer open the vault: the person should make
    /// a new recovery code now, while the device key still works.
    pub fn recovery_needs_new_code(&self) -> bool {
        self.recovery != SlotState::Intact
    }
}

fn slot_state(conn: &Connection, keys: &Keys, kind: SlotKind) -> Result<SlotState, VaultError> {
    let body = store::read_slot(conn, kind)?;
    Ok(slots::inspect(
        body.as_deref(),
        kind,
        keys.key_id,
        keys.device_kek.as_ref(),
    ))
}

/// Checks that `secret` opens the recovery slot and that the slot wraps the data key in use, and
/// returns the slot's KEK. A damaged or stale slot is [`VaultError::RecoverySlotDamaged`].
fn check_recovery(
    conn: &Connection,
    keys: &Keys,
    secret: &[u8],
) -> Result<RecoveryKek, VaultError> {
    if slot_state(conn, keys, SlotKind::Recovery)? != SlotState::Intact {
        return Err(VaultError::RecoverySlotDamaged);
    }
    let (checked, kek) = keys_from_recovery_slot(conn, secret)?;
    if checked.data.expose() != keys.data.expose() {
        return Err(VaultError::RecoverySlotDamaged);
    }
    Ok(kek)
}

/// Starts a write transaction that will seal records under `keys`, after checking (under the write
/// lock, so no rotation can slip in between) that some slot still names that key: a handle whose
/// key was rotated away elsewhere must not write records nothing could open again
/// ([`VaultError::KeysChanged`]).
pub(crate) fn begin_sealed_write<'c>(
    conn: &'c mut Connection,
    keys: &Keys,
) -> Result<rusqlite::Transaction<'c>, VaultError> {
    let tx = store::begin_write(conn)?;
    let mut current = false;
    for kind in [SlotKind::Recovery, SlotKind::Device] {
        if let Some(body) = store::read_slot(&tx, kind)? {
            current |= slots::named_key_id(&body) == Some(keys.key_id);
        }
    }
    if current {
        Ok(tx)
    } else {
        Err(VaultError::KeysChanged)
    }
}

/// What the recovery slot holds after a rotation.
enum NewRecovery<'a> {
    /// The same secret: the new key wrapped under the slot's KEK (no second Argon2id run).
    SameSecret(&'a RecoveryKek),
    /// A new secret, through Argon2id with a fresh salt.
    NewSecret {
        secret: &'a [u8],
        kind: SecretKind,
        kdf: KdfParams,
    },
}

/// What the device slot holds after a rotation.
enum NewDevice<'a> {
    /// The same device key, when this handle was opened with it; otherwise the slot is removed.
    SameKey,
    /// A new device key.
    NewKey(&'a DeviceKey),
    /// No device slot.
    Remove,
}

/// Makes a new data key and, in one transaction, re-seals every record under it (each checked
/// against the manifest first), writes the manifest of the new bodies and both slots for it.
/// Returns the new keys and the manifest (with the stamp it was written at); the caller puts them
/// in place once this returns. A failure
/// (or a kill) at any point leaves the old key, the old slots and the old records in force.
fn rotate(
    conn: &mut Connection,
    keys: &Keys,
    recovery: NewRecovery<'_>,
    device: NewDevice<'_>,
) -> Result<(Keys, ManifestCache), VaultError> {
    let data = DataKey::make()?;
    let recovery_slot = match recovery {
        NewRecovery::SameSecret(kek) => slots::rewrap_recovery_slot(kek, &data)?,
        NewRecovery::NewSecret { secret, kind, kdf } => {
            slots::make_recovery_slot(&data, secret, kind, kdf)?
        }
    };
    let device_kek = match device {
        NewDevice::SameKey => keys.device_kek.clone(),
        NewDevice::NewKey(key) => Some(DeviceKek::generate(key)?),
        NewDevice::Remove => None,
    };
    let device_slot = device_kek
        .as_ref()
        .map(|dk| slots::rewrap_device_slot(dk, &data))
        .transpose()?;
    let new_keys = Keys::new(data, device_kek)?;

    let (old_sealer, new_sealer) = (keys.sealer()?, new_keys.sealer()?);
    let tx = store::begin_write(conn)?;
    // Read inside the transaction: what another connection committed before it counts.
    let current = Manifest::load(&tx, &old_sealer)?
        .ok_or(VaultError::Integrity(IntegrityProblem::ManifestMissing))?;
    let mut manifest = integrity::reseal_all(&tx, &old_sealer, &new_sealer, Some(&current))?;
    manifest.save(&tx, &new_sealer)?;
    store::write_slot(&tx, SlotKind::Recovery, &recovery_slot)?;
    match &device_slot {
        Some(slot) => store::write_slot(&tx, SlotKind::Device, slot)?,
        None => {
            store::delete_slot(&tx, SlotKind::Device)?;
        }
    }
    let stamp = stamp_of(&tx)?;
    tx.commit()?;
    Ok((new_keys, ManifestCache::checked(stamp, manifest)))
}

impl Vault {
    /// Opens the vault in `dir` with the recovery code or passphrase and gives it a new device key:
    /// the way back in after the device key was lost or removed (`lock`). The data key is rotated on
    /// the way (every record re-sealed, in one transaction), so no device key or slot from before
    /// opens anything written from now on. The same recovery secret keeps working.
    ///
    /// Errors as [`Vault::open_with_recovery`].
    pub fn recover(
        dir: &std::path::Path,
        secret: &[u8],
        new_device_key: &DeviceKey,
    ) -> Result<Vault, VaultError> {
        let mut conn = open_connection(dir)?;
        let (keys, kek) = keys_from_recovery_slot(&conn, secret)?;
        // Checked (and upgraded) under the old key first, so the rotation re-seals a checked set.
        integrity::check_at_unlock(&mut conn, &keys)?;
        let (keys, manifest) = rotate(
            &mut conn,
            &keys,
            NewRecovery::SameSecret(&kek),
            NewDevice::NewKey(new_device_key),
        )?;
        Self::from_parts(dir, conn, keys, manifest)
    }

    /// Locks the vault: the keys are dropped and wiped. Every later call except the `unlock_*` ones
    /// returns [`VaultError::Locked`]. Locking a locked vault does nothing. (This changes no slot;
    /// to stop the device key opening the vault, see [`Vault::remove_device_slot`].)
    pub fn lock(&self) {
        self.state().lock();
    }

    /// Whether the vault is locked.
    pub fn is_locked(&self) -> bool {
        self.state().keys.is_none()
    }

    /// Unlocks with the device key. On error the vault stays as it was.
    pub fn unlock_with_device_key(&self, key: &DeviceKey) -> Result<(), VaultError> {
        let mut state = self.state();
        let conn = state.conn.as_mut().ok_or(VaultError::Wiped)?;
        let keys = keys_from_device_slot(conn, key)?;
        let manifest = integrity::check_at_unlock(conn, &keys)?;
        state.unlock(keys, manifest);
        Ok(())
    }

    /// Unlocks with the recovery code or passphrase (runs Argon2id). On error the vault stays as it
    /// was. No slot changes; a handle unlocked this way does not know the device key, so a later
    /// rotation on it removes the device slot (use [`Vault::recover`] to get a new one).
    pub fn unlock_with_recovery(&self, secret: &[u8]) -> Result<(), VaultError> {
        let mut state = self.state();
        let conn = state.conn.as_mut().ok_or(VaultError::Wiped)?;
        let (keys, _) = keys_from_recovery_slot(conn, secret)?;
        let manifest = integrity::check_at_unlock(conn, &keys)?;
        state.unlock(keys, manifest);
        Ok(())
    }

    /// Checks that `secret` is this vault's recovery code or passphrase (runs Argon2id), changing
    /// nothing: [`VaultError::WrongRecoverySecret`] (or [`VaultError::MalformedRecoveryCode`]) if not.
    pub fn check_recovery_secret(&self, secret: &[u8]) -> Result<(), VaultError> {
        let state = self.state();
        let conn = state.conn.as_ref().ok_or(VaultError::Wiped)?;
        keys_from_recovery_slot(conn, secret).map(|_| ())
    }

    /// Checks both key slots without any secret: is each there, whole, and for the data key in use?
    /// Cheap (no Argon2id); shells call it right after opening and, when the recovery slot is not
    /// intact, warn and offer [`Vault::new_recovery_code`] while the device key still works.
    pub fn key_slot_health(&self) -> Result<KeySlotHealth, VaultError> {
        let state = self.state();
        let (conn, keys) = state.unlocked()?;
        Ok(KeySlotHealth {
            device: slot_state(conn, keys, SlotKind::Device)?,
            recovery: slot_state(conn, keys, SlotKind::Recovery)?,
        })
    }

    /// Replaces the recovery secret with the passphrase `new_secret`, used exactly as given, through
    /// Argon2id with `kdf` and a fresh salt, and rotates the data key. The old recovery code or
    /// passphrase stops working.
    ///
    /// `current` must be the current recovery code or passphrase (proof the person still has it;
    /// [`VaultError::CurrentSecretNeeded`] without it). Only when the recovery slot is damaged or
    /// missing is it not needed (nothing could check it): the device key that opened this handle
    /// is the proof then. The new passphrase must pass `strength.rs`
    /// ([`VaultError::PassphraseTooShort`], [`VaultError::WeakPassphrase`]), checked first.
    ///
    /// The bytes are not normalised: shells should pass UTF-8 in Unicode NFC, both here and when
    /// unlocking, so the same passphrase typed on another keyboard or platform gives the same bytes.
    pub fn change_passphrase(
        &self,
        current: Option<&[u8]>,
        new_secret: &[u8],
        kdf: KdfParams,
    ) -> Result<(), VaultError> {
        strength::check_passphrase(new_secret)?;
        self.replace_recovery_secret(current, new_secret, SecretKind::Passphrase, kdf)
    }

    /// Replaces the recovery secret with a new generated recovery code, returned to show once, and
    /// rotates the data key. The old recovery code or passphrase stops working. `current` as for
    /// [`Vault::change_passphrase`].
    pub fn new_recovery_code(
        &self,
        current: Option<&[u8]>,
        kdf: KdfParams,
    ) -> Result<RecoveryCode, VaultError> {
        let code = RecoveryCode::generate()?;
        self.replace_recovery_secret(current, code.as_str().as_bytes(), SecretKind::Code, kdf)?;
        Ok(code)
    }

    fn replace_recovery_secret(
        &self,
        current: Option<&[u8]>,
        secret: &[u8],
        kind: SecretKind,
        kdf: KdfParams,
    ) -> Result<(), VaultError> {
        kdf.check()?;
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        if slot_state(conn, keys, SlotKind::Recovery)? == SlotState::Intact {
            check_recovery(conn, keys, current.ok_or(VaultError::CurrentSecretNeeded)?)?;
        }
        let recovery = NewRecovery::NewSecret { secret, kind, kdf };
        let (new_keys, manifest) = rotate(conn, keys, recovery, NewDevice::SameKey)?;
        state.unlock(new_keys, manifest);
        Ok(())
    }

    /// Removes the device slot and rotates the data key: from then on only the recovery code or
    /// passphrase opens the vault, and no copy of the device key opens anything written later.
    ///
    /// `recovery_secret` must open the recovery slot, proving the person can get back in: refused
    /// with [`VaultError::RecoverySlotDamaged`] when that slot is damaged (make a new recovery code
    /// first) and [`VaultError::WrongRecoverySecret`] when the secret is wrong. Nothing changes then.
    pub fn remove_device_slot(&self, recovery_secret: &[u8]) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        let kek = check_recovery(conn, keys, recovery_secret)?;
        let (new_keys, manifest) =
            rotate(conn, keys, NewRecovery::SameSecret(&kek), NewDevice::Remove)?;
        state.unlock(new_keys, manifest);
        Ok(())
    }

    /// Whether the vault has a device slot.
    pub fn has_device_slot(&self) -> Result<bool, VaultError> {
        let state = self.state();
        let (conn, _) = state.unlocked()?;
        Ok(store::read_slot(conn, SlotKind::Device)?.is_some())
    }

    /// Replaces the data key with a new random one and re-seals every record under it, in one
    /// transaction: either everything is under the new key or nothing changed. The slot changes
    /// above call this themselves; call it directly to retire a key that may have leaked.
    ///
    /// `recovery_secret` must be the current recovery code or passphrase (the vault never keeps it;
    /// one Argon2id run checks it). The new key is wrapped under the same Argon2id output, so the
    /// same secret keeps working. The device slot is re-wrapped for the same device key when this
    /// handle was opened with it, and removed otherwise.
    ///
    /// A damaged record aborts the rotation with [`VaultError::CorruptRecord`] and changes nothing.
    pub fn rotate_data_key(&self, recovery_secret: &[u8]) -> Result<(), VaultError> {
        let mut state = self.state();
        let (conn, keys) = state.unlocked_mut()?;
        let kek = check_recovery(conn, keys, recovery_secret)?;
        let (new_keys, manifest) = rotate(
            conn,
            keys,
            NewRecovery::SameSecret(&kek),
            NewDevice::SameKey,
        )?;
        state.unlock(new_keys, manifest);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::{RecordId, RecordKind};

    const PASS: &[u8] = b"lantern orbit pickle thursday";

    fn item_bodies(vault: &Vault, ids: &[RecordId]) -> Vec<Vec<u8>> {
        let state = vault.state();
        let conn = state.conn.as_ref().unwrap();
        ids.iter()
            .map(|id| store::read_item(conn, id).unwrap().unwrap())
            .collect()
    }

    fn key_id_of(body: &[u8]) -> [u8; 4] {
        body[2..6].try_into().unwrap()
    }

    #[test]
    fn lock_unlock_and_removing_the_device_slot() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let id = RecordId::generate().unwrap();
        vault.put(RecordKind::Counter, &id, &"x").unwrap();

        vault.lock();
        assert!(vault.is_locked());
        assert!(matches!(vault.has_device_slot(), Err(VaultError::Locked)));
        assert!(matches!(vault.key_slot_health(), Err(VaultError::Locked)));
        assert!(matches!(
            vault.remove_device_slot(code.as_str().as_bytes()),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            vault.change_passphrase(None, PASS, KdfParams::MINIMUM),
            Err(VaultError::Locked)
        ));
        let other = DeviceKey::generate().unwrap();
        assert!(matches!(
            vault.unlock_with_device_key(&other),
            Err(VaultError::WrongDeviceKey)
        ));
        assert!(vault.is_locked());
        vault.unlock_with_device_key(&key).unwrap();
        let healthy = KeySlotHealth {
            device: SlotState::Intact,
            recovery: SlotState::Intact,
        };
        assert_eq!(vault.key_slot_health().unwrap(), healthy);

        // Removing the device slot needs the recovery secret, and a wrong one changes nothing.
        let wrong = RecoveryCode::generate().unwrap();
        assert!(matches!(
            vault.remove_device_slot(wrong.as_str().as_bytes()),
            Err(VaultError::WrongRecoverySecret)
        ));
        assert!(vault.has_device_slot().unwrap());
        let before = item_bodies(&vault, &[id]);
        vault.remove_device_slot(code.as_str().as_bytes()).unwrap();
        assert!(!vault.has_device_slot().unwrap());
        assert_ne!(
            key_id_of(&item_bodies(&vault, &[id])[0]),
            key_id_of(&before[0])
        );
        assert_eq!(vault.key_slot_health().unwrap().device, SlotState::Missing);
        vault.lock();
        assert!(matches!(
            vault.unlock_with_device_key(&key),
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
        drop(vault);

        // Recover: a new device key, a new data key, the same code.
        let recovered = Vault::recover(dir.path(), code.as_str().as_bytes(), &other).unwrap();
        assert_eq!(recovered.key_slot_health().unwrap(), healthy);
        drop(recovered);
        let v = Vault::open_with_device_key(dir.path(), &other).unwrap();
        assert_eq!(
            v.get::<String>(RecordKind::Counter, &id)
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
        let before = item_bodies(&vault, &ids);
        assert!(matches!(
            vault.rotate_data_key(b"wrong wrong wrong"),
            Err(VaultError::MalformedRecoveryCode)
        ));
        vault.rotate_data_key(code.as_str().as_bytes()).unwrap();
        for (new, old) in item_bodies(&vault, &ids).iter().zip(&before) {
            assert_ne!(key_id_of(new), key_id_of(old), "key id must change");
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(
                vault.get::<usize>(RecordKind::Counter, id).unwrap(),
                Some(i)
            );
        }
        drop(vault);
        // The device slot was re-wrapped for the same device key.
        let v = Vault::open_with_device_key(dir.path(), &key).unwrap();
        assert_eq!(v.list::<usize>(RecordKind::Counter).unwrap().len(), 20);
        drop(v);
        let v = Vault::open_with_recovery(dir.path(), code.as_str().as_bytes()).unwrap();
        assert_eq!(
            v.get::<usize>(RecordKind::Counter, &ids[3]).unwrap(),
            Some(3)
        );
        // A handle opened by the recovery secret does not know the device key: the slot goes.
        v.rotate_data_key(code.as_str().as_bytes()).unwrap();
        assert!(!v.has_device_slot().unwrap());
        assert_eq!(
            v.get::<usize>(RecordKind::Counter, &ids[3]).unwrap(),
            Some(3)
        );
    }

    #[test]
    fn changing_the_recovery_secret_asks_for_the_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let current = Some(code.as_str().as_bytes());
        assert!(matches!(
            vault.change_passphrase(current, b"short", KdfParams::MINIMUM),
            Err(VaultError::PassphraseTooShort { .. })
        ));
        assert!(matches!(
            vault.change_passphrase(current, b"password123", KdfParams::MINIMUM),
            Err(VaultError::WeakPassphrase { .. })
        ));
        assert!(matches!(
            vault.change_passphrase(None, PASS, KdfParams::MINIMUM),
            Err(VaultError::CurrentSecretNeeded)
        ));
        let wrong = RecoveryCode::generate().unwrap();
        assert!(matches!(
            vault.change_passphrase(Some(wrong.as_str().as_bytes()), PASS, KdfParams::MINIMUM),
            Err(VaultError::WrongRecoverySecret)
        ));
        vault
            .change_passphrase(current, PASS, KdfParams::MINIMUM)
            .unwrap();
        // The device key still opens it (its slot was re-wrapped for the new data key).
        vault.lock();
        vault.unlock_with_device_key(&key).unwrap();
        assert!(matches!(
            vault.unlock_with_recovery(code.as_str().as_bytes()),
            Err(VaultError::WrongRecoverySecret)
        ));
        vault.unlock_with_recovery(PASS).unwrap();
        assert!(matches!(
            vault.new_recovery_code(Some(code.as_str().as_bytes()), KdfParams::MINIMUM),
            Err(VaultError::WrongRecoverySecret)
        ));
        let code2 = vault
            .new_recovery_code(Some(PASS), KdfParams::MINIMUM)
            .unwrap();
        vault.lock();
        vault
            .unlock_with_recovery(code2.as_str().to_lowercase().as_bytes())
            .unwrap();
    }

    #[test]
    fn a_damaged_recovery_slot_is_seen_refuses_removing_the_device_slot_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let id = RecordId::generate().unwrap();
        vault.put(RecordKind::Counter, &id, &7u32).unwrap();
        {
            let mut state = vault.state();
            let conn = state.conn.as_mut().unwrap();
            let mut body = store::read_slot(conn, SlotKind::Recovery).unwrap().unwrap();
            body[40] ^= 1;
            let tx = store::begin_write(conn).unwrap();
            store::write_slot(&tx, SlotKind::Recovery, &body).unwrap();
            tx.commit().unwrap();
        }
        drop(vault);
        let vault = Vault::open_with_device_key(dir.path(), &key).unwrap();
        let health = vault.key_slot_health().unwrap();
        assert_eq!(health.recovery, SlotState::Damaged);
        assert!(health.recovery_needs_new_code());
        assert!(matches!(
            vault.remove_device_slot(code.as_str().as_bytes()),
            Err(VaultError::RecoverySlotDamaged)
        ));
        assert!(vault.has_device_slot().unwrap());
        // The device key is the proof now: no current secret can be checked.
        let fresh = vault.new_recovery_code(None, KdfParams::MINIMUM).unwrap();
        assert!(!vault.key_slot_health().unwrap().recovery_needs_new_code());
        vault.remove_device_slot(fresh.as_str().as_bytes()).unwrap();
        drop(vault);
        let v = Vault::open_with_recovery(dir.path(), fresh.as_str().as_bytes()).unwrap();
        assert_eq!(v.get::<u32>(RecordKind::Counter, &id).unwrap(), Some(7));
    }

    #[test]
    fn a_handle_whose_key_was_rotated_elsewhere_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (a, code) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let b = Vault::open_with_device_key(dir.path(), &key).unwrap();
        let id = RecordId::generate().unwrap();
        b.put(RecordKind::Counter, &id, &1u32).unwrap();
        a.rotate_data_key(code.as_str().as_bytes()).unwrap();
        let other = RecordId::generate().unwrap();
        assert!(matches!(
            b.put(RecordKind::Counter, &other, &2u32),
            Err(VaultError::KeysChanged)
        ));
        assert!(matches!(
            b.transaction(|tx| tx.put(RecordKind::Counter, &other, &2u32)),
            Err(VaultError::KeysChanged)
        ));
        // Nothing under the old key reached the file: the rotated handle reads one record.
        assert_eq!(a.list::<u32>(RecordKind::Counter).unwrap().len(), 1);
        b.unlock_with_device_key(&key).unwrap();
        b.put(RecordKind::Counter, &other, &2u32).unwrap();
        assert_eq!(a.get::<u32>(RecordKind::Counter, &other).unwrap(), Some(2));
    }
}
