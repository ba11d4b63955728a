//! Key slots: the data key, wrapped (sealed with AES-256-GCM) under a key-encryption key (KEK).
//!
//! There are two slots, one row each in the `slot` table:
//!
//! * the **device slot** (row 1): KEK = HKDF-SHA256(salt = slot salt, ikm = device key,
//!   info = `oneday.vault.v1.device-slot`);
//! * the **recovery slot** (row 2): KEK = Argon2id(secret, slot salt, parameters stored in the slot).
//!   The slot also records whether the secret is a generated recovery code (normalised before use, see
//!   `recovery_code.rs`) or a passphrase (used byte for byte).
//!
//! Byte layout (all integers big-endian; the full table is in `docs/vault-format.md`):
//!
//! ```text
//! device   (115 bytes): ver=1 | kind=1 | alg=1 | key_id u32 | salt[16]
//!                       | nonce[12] | wrapped key[32] + tag[16] | sha256[32]
//! recovery (128 bytes): ver=1 | kind=2 | alg=1 | key_id u32 | secret_kind | m_kib u32 | t u32 | p u32
//!                       | salt[16] | nonce[12] | wrapped key[32] + tag[16] | sha256[32]
//! ```
//!
//! The header (everything before the nonce) is the AEAD's associated data, after the domain string
//! `oneday.vault.v1.slot`, so no header field can be changed without the unwrap failing. The trailing
//! SHA-256 covers all bytes before it; it is not a security measure (the AEAD is), it only lets the
//! vault tell *damaged slot* ([`VaultError::CorruptSlot`]) apart from *wrong key*
//! ([`VaultError::WrongDeviceKey`], [`VaultError::WrongRecoverySecret`]). Every later format version
//! must keep that trailing checksum so the check order stays valid.

use ring::aead::{Aad, Nonce, NONCE_LEN};
use ring::digest;
use zeroize::Zeroizing;

use super::envelope::{aead_key, ALG_AES_256_GCM, TAG_LEN};
use super::error::VaultError;
use super::kdf::{derive_kek, KdfParams, SALT_LEN};
use super::keys::{hkdf_sha256, make_random, DataKey, DeviceKey, KeyId, KEY_LEN};
use super::recovery_code;
use super::strength;

/// The slot format this version writes and reads.
const SLOT_FORMAT: u8 = 1;
const SLOT_AD_DOMAIN: &[u8] = b"oneday.vault.v1.slot";
const DEVICE_KEK_INFO: &[u8] = b"oneday.vault.v1.device-slot";
const CHECKSUM_LEN: usize = 32;
const DEVICE_HEADER_LEN: usize = 7 + SALT_LEN;
const RECOVERY_HEADER_LEN: usize = 7 + 1 + 12 + SALT_LEN;
const BODY_TAIL_LEN: usize = NONCE_LEN + KEY_LEN + TAG_LEN + CHECKSUM_LEN;
/// Length of a device slot.
pub(crate) const DEVICE_SLOT_LEN: usize = DEVICE_HEADER_LEN + BODY_TAIL_LEN;
/// Length of a recovery slot.
pub(crate) const RECOVERY_SLOT_LEN: usize = RECOVERY_HEADER_LEN + BODY_TAIL_LEN;

/// Which slot; the value is also the slot's row id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotKind {
    /// Opened by the device key.
    Device = 1,
    /// Opened by the recovery code or passphrase.
    Recovery = 2,
}

impl SlotKind {
    /// The row id of this slot in the `slot` table.
    pub(crate) fn row_id(self) -> i64 {
        self as i64
    }
}

/// What the recovery slot's secret is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SecretKind {
    /// A generated recovery code, normalised before Argon2id.
    Code = 1,
    /// A passphrase, used byte for byte.
    Passphrase = 2,
}

/// The recovery slot's KEK and the header it belongs to, kept briefly so that a data-key rotation
/// can re-wrap the new key without running Argon2id twice.
pub(crate) struct RecoveryKek {
    kek: Zeroizing<[u8; KEY_LEN]>,
    secret_kind: SecretKind,
    kdf: KdfParams,
    salt: [u8; SALT_LEN],
}

/// The device slot's KEK and salt, kept while the vault is open with the device key, so that a
/// data-key rotation can re-wrap the new key for the same device key without asking for it again.
#[derive(Clone)]
pub(crate) struct DeviceKek {
    kek: Zeroizing<[u8; KEY_LEN]>,
    salt: [u8; SALT_LEN],
}

impl DeviceKek {
    /// The KEK for `device` under a fresh salt.
    pub(crate) fn generate(device: &DeviceKey) -> Result<Self, VaultError> {
        let salt = make_random::<SALT_LEN>()?;
        Ok(Self {
            kek: device_kek(device, &salt)?,
            salt,
        })
    }
}

/// Wraps `data` into a new device slot for `device` (a fresh salt).
#[cfg(test)]
pub(crate) fn make_device_slot(data: &DataKey, device: &DeviceKey) -> Result<Vec<u8>, VaultError> {
    rewrap_device_slot(&DeviceKek::generate(device)?, data)
}

/// Wraps `data` under an already derived device KEK (same salt, fresh nonce).
pub(crate) fn rewrap_device_slot(dk: &DeviceKek, data: &DataKey) -> Result<Vec<u8>, VaultError> {
    let key_id = data.derive_key_id()?;
    let mut header = Vec::with_capacity(DEVICE_SLOT_LEN);
    push_common_header(&mut header, SlotKind::Device, key_id);
    header.extend_from_slice(&dk.salt);
    seal_slot(header, &dk.kek, data)
}

/// Unwraps the data key from a device slot; also returns the slot's KEK for re-wrapping.
pub(crate) fn open_device_slot(
    body: &[u8],
    device: &DeviceKey,
) -> Result<(DataKey, DeviceKek), VaultError> {
    let parsed = parse(body, SlotKind::Device)?;
    let salt = array_at::<SALT_LEN>(parsed.header, 7)?;
    let kek = device_kek(device, &salt)?;
    let data = unwrap_data_key(&parsed, &kek, VaultError::WrongDeviceKey)?;
    Ok((data, DeviceKek { kek, salt }))
}

/// Wraps `data` into a new recovery slot for `secret`, running Argon2id with `kdf` and a fresh salt.
pub(crate) fn make_recovery_slot(
    data: &DataKey,
    secret: &[u8],
    secret_kind: SecretKind,
    kdf: KdfParams,
) -> Result<Vec<u8>, VaultError> {
    kdf.check()?;
    let canonical = canonical_secret(secret, secret_kind)?;
    let salt = make_random::<SALT_LEN>()?;
    let kek = derive_kek(&canonical, &salt, kdf)?;
    let rk = RecoveryKek {
        kek,
        secret_kind,
        kdf,
        salt,
    };
    rewrap_recovery_slot(&rk, data)
}

/// Wraps `data` under an already derived recovery KEK (same salt and parameters, fresh nonce).
pub(crate) fn rewrap_recovery_slot(
    rk: &RecoveryKek,
    data: &DataKey,
) -> Result<Vec<u8>, VaultError> {
    let key_id = data.derive_key_id()?;
    let mut header = Vec::with_capacity(RECOVERY_SLOT_LEN);
    push_common_header(&mut header, SlotKind::Recovery, key_id);
    header.push(rk.secret_kind as u8);
    header.extend_from_slice(&rk.kdf.m_kib.to_be_bytes());
    header.extend_from_slice(&rk.kdf.t.to_be_bytes());
    header.extend_from_slice(&rk.kdf.p.to_be_bytes());
    header.extend_from_slice(&rk.salt);
    seal_slot(header, &rk.kek, data)
}

/// Unwraps the data key from a recovery slot. Checks the stored parameters against the floor before
/// running Argon2id.
pub(crate) fn open_recovery_slot(
    body: &[u8],
    secret: &[u8],
) -> Result<(DataKey, RecoveryKek), VaultError> {
    let parsed = parse(body, SlotKind::Recovery)?;
    let (secret_kind, kdf, salt) = recovery_header(parsed.header)?;
    let canonical = canonical_secret_for_open(secret, secret_kind)?;
    let kek = derive_kek(&canonical, &salt, kdf)?;
    let data = unwrap_data_key(&parsed, &kek, VaultError::WrongRecoverySecret)?;
    Ok((
        data,
        RecoveryKek {
            kek,
            secret_kind,
            kdf,
            salt,
        },
    ))
}

/// The secret kind, Argon2id parameters (checked against floor and ceiling) and salt of a recovery
/// slot's header.
fn recovery_header(h: &[u8]) -> Result<(SecretKind, KdfParams, [u8; SALT_LEN]), VaultError> {
    let secret_kind = match h.get(7) {
        Some(1) => SecretKind::Code,
        Some(2) => SecretKind::Passphrase,
        _ => return Err(VaultError::CorruptSlot),
    };
    let kdf = KdfParams {
        m_kib: u32::from_be_bytes(array_at::<4>(h, 8)?),
        t: u32::from_be_bytes(array_at::<4>(h, 12)?),
        p: u32::from_be_bytes(array_at::<4>(h, 16)?),
    };
    kdf.check()?;
    Ok((secret_kind, kdf, array_at::<SALT_LEN>(h, 20)?))
}

/// The bytes fed to Argon2id when a slot is made; a passphrase must pass `strength.rs`.
pub(crate) fn canonical_secret(
    secret: &[u8],
    kind: SecretKind,
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    match kind {
        SecretKind::Code => recovery_code::normalise(secret),
        SecretKind::Passphrase => {
            strength::check_passphrase(secret)?;
            Ok(Zeroizing::new(secret.to_vec()))
        }
    }
}

/// The bytes fed to Argon2id when a slot is opened. A malformed code fails before Argon2id; a short
/// passphrase is simply wrong (there is no point telling an attacker the minimum).
pub(crate) fn canonical_secret_for_open(
    secret: &[u8],
    kind: SecretKind,
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    match kind {
        SecretKind::Code => recovery_code::normalise(secret),
        SecretKind::Passphrase => Ok(Zeroizing::new(secret.to_vec())),
    }
}

/// What a stored slot looks like without its secret: whole and belonging to the key in use, damaged,
/// or not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotState {
    /// The slot is there, its checksum and layout are right, its parameters are in range, and it
    /// names the data key in use.
    Intact,
    /// There is no such slot.
    Missing,
    /// The slot is there but would not open: damaged bytes, a broken layout, parameters out of
    /// range, or a slot that wraps another data key than the one in use (a copy from an older file).
    Damaged,
}

/// Checks a stored slot without its secret (no Argon2id): checksum, layout, KDF parameters, and
/// that it names the data key `key_id`. With the device KEK it also checks the wrapped key.
pub(crate) fn inspect(
    body: Option<&[u8]>,
    kind: SlotKind,
    key_id: KeyId,
    device_kek: Option<&DeviceKek>,
) -> SlotState {
    let Some(body) = body else {
        return SlotState::Missing;
    };
    let Ok(parsed) = parse(body, kind) else {
        return SlotState::Damaged;
    };
    if parsed.key_id != key_id {
        return SlotState::Damaged;
    }
    let sound = match kind {
        SlotKind::Recovery => recovery_header(parsed.header).is_ok(),
        SlotKind::Device => match device_kek {
            Some(dk) => {
                array_at::<SALT_LEN>(parsed.header, 7).is_ok_and(|salt| salt == dk.salt)
                    && unwrap_data_key(&parsed, &dk.kek, VaultError::WrongDeviceKey).is_ok()
            }
            None => true,
        },
    };
    if sound {
        SlotState::Intact
    } else {
        SlotState::Damaged
    }
}

/// Where in `bytes` whole key slots (of either kind) are: every run of bytes that starts like a slot
/// and ends with the right checksum. The panic wipe overwrites these in every file of the vault
/// (database, WAL, journal), wherever SQLite left them, live or in free space.
pub(crate) fn find_slot_copies(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while at + DEVICE_SLOT_LEN <= bytes.len() {
        let len = match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
            (SLOT_FORMAT, Some(1), Some(&ALG_AES_256_GCM)) => DEVICE_SLOT_LEN,
            (SLOT_FORMAT, Some(2), Some(&ALG_AES_256_GCM)) => RECOVERY_SLOT_LEN,
            _ => {
                at += 1;
                continue;
            }
        };
        if let Some(candidate) = bytes.get(at..at + len) {
            let (content, sum) = candidate.split_at(len - CHECKSUM_LEN);
            if digest::digest(&digest::SHA256, content).as_ref() == sum {
                found.push(at..at + len);
                at += len;
                continue;
            }
        }
        at += 1;
    }
    found
}

/// The key id a stored slot names in its header (no other check), if the header is there.
pub(crate) fn named_key_id(body: &[u8]) -> Option<KeyId> {
    body.get(3..7)
        .and_then(|b| b.try_into().ok())
        .map(|b| KeyId(u32::from_be_bytes(b)))
}

/// The longest slot, for readers that scan files in pieces.
pub(crate) const MAX_SLOT_LEN: usize = RECOVERY_SLOT_LEN;

fn device_kek(
    device: &DeviceKey,
    salt: &[u8; SALT_LEN],
) -> Result<Zeroizing<[u8; KEY_LEN]>, VaultError> {
    let mut kek = Zeroizing::new([0u8; KEY_LEN]);
    hkdf_sha256(salt, device.as_bytes(), DEVICE_KEK_INFO, kek.as_mut())?;
    Ok(kek)
}

fn push_common_header(out: &mut Vec<u8>, kind: SlotKind, key_id: KeyId) {
    out.push(SLOT_FORMAT);
    out.push(kind as u8);
    out.push(ALG_AES_256_GCM);
    out.extend_from_slice(&key_id.0.to_be_bytes());
}

fn slot_aad(header: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(SLOT_AD_DOMAIN.len() + header.len());
    aad.extend_from_slice(SLOT_AD_DOMAIN);
    aad.extend_from_slice(header);
    aad
}

/// Appends nonce, wrapped key and checksum to `header`.
fn seal_slot(mut out: Vec<u8>, kek: &[u8; KEY_LEN], data: &DataKey) -> Result<Vec<u8>, VaultError> {
    let header_len = out.len();
    let aad = slot_aad(&out);
    let nonce = make_random::<NONCE_LEN>()?;
    out.extend_from_slice(&nonce);
    let body_start = out.len();
    out.extend_from_slice(data.expose());
    let key = aead_key(kek)?;
    let tag = key.seal_in_place_separate_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(&aad),
        &mut out[body_start..],
    )?;
    out.extend_from_slice(tag.as_ref());
    let sum = digest::digest(&digest::SHA256, &out);
    out.extend_from_slice(sum.as_ref());
    debug_assert_eq!(out.len(), header_len + BODY_TAIL_LEN);
    Ok(out)
}

struct Parsed<'a> {
    header: &'a [u8],
    key_id: KeyId,
    nonce: [u8; NONCE_LEN],
    wrapped: &'a [u8],
}

/// Checks checksum, version, kind, algorithm and length; splits the slot into its parts.
fn parse(body: &[u8], expected: SlotKind) -> Result<Parsed<'_>, VaultError> {
    let split = body
        .len()
        .checked_sub(CHECKSUM_LEN)
        .ok_or(VaultError::CorruptSlot)?;
    let (content, sum) = body.split_at(split);
    if digest::digest(&digest::SHA256, content).as_ref() != sum {
        return Err(VaultError::CorruptSlot);
    }
    let version = *content.first().ok_or(VaultError::CorruptSlot)?;
    if version != SLOT_FORMAT {
        return Err(if version > SLOT_FORMAT {
            VaultError::UnsupportedSlotFormat { version }
        } else {
            VaultError::CorruptSlot
        });
    }
    if content.get(1) != Some(&(expected as u8)) {
        return Err(VaultError::CorruptSlot);
    }
    if content.get(2) != Some(&ALG_AES_256_GCM) {
        return Err(VaultError::UnsupportedSlotFormat { version });
    }
    let (header_len, total) = match expected {
        SlotKind::Device => (DEVICE_HEADER_LEN, DEVICE_SLOT_LEN),
        SlotKind::Recovery => (RECOVERY_HEADER_LEN, RECOVERY_SLOT_LEN),
    };
    if body.len() != total {
        return Err(VaultError::CorruptSlot);
    }
    let header = &content[..header_len];
    let key_id = KeyId(u32::from_be_bytes(array_at::<4>(header, 3)?));
    let nonce = array_at::<NONCE_LEN>(content, header_len)?;
    let wrapped = &content[header_len + NONCE_LEN..];
    Ok(Parsed {
        header,
        key_id,
        nonce,
        wrapped,
    })
}

/// Opens the wrapped data key. `wrong_key` is the error for an authentication failure (the KEK is
/// not the one that wrapped it); a key that does not match the slot's key id (a slot put together
/// from pieces of others) is [`VaultError::CorruptSlot`].
fn unwrap_data_key(
    parsed: &Parsed<'_>,
    kek: &[u8; KEY_LEN],
    wrong_key: VaultError,
) -> Result<DataKey, VaultError> {
    let key = aead_key(kek)?;
    let aad = slot_aad(parsed.header);
    let mut buf = Zeroizing::new(parsed.wrapped.to_vec());
    let plain = key
        .open_in_place(
            Nonce::assume_unique_for_key(parsed.nonce),
            Aad::from(&aad),
            buf.as_mut_slice(),
        )
        .map_err(|_| wrong_key)?;
    let data = DataKey::from_unwrapped(plain).ok_or(VaultError::CorruptSlot)?;
    if data.derive_key_id()? != parsed.key_id {
        return Err(VaultError::CorruptSlot);
    }
    Ok(data)
}

fn array_at<const N: usize>(bytes: &[u8], at: usize) -> Result<[u8; N], VaultError> {
    bytes
        .get(at..at + N)
        .and_then(|s| s.try_into().ok())
        .ok_or(VaultError::CorruptSlot)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::recovery_code::RecoveryCode;

    fn with_checksum(mut body: Vec<u8>) -> Vec<u8> {
        body.truncate(body.len() - CHECKSUM_LEN);
        let sum = digest::digest(&digest::SHA256, &body);
        body.extend_from_slice(sum.as_ref());
        body
    }

    #[test]
    fn device_slot_round_trip_and_failures() {
        let data = DataKey::make().unwrap();
        let dev = DeviceKey::generate().unwrap();
        let slot = make_device_slot(&data, &dev).unwrap();
        assert_eq!(slot.len(), DEVICE_SLOT_LEN);
        assert_eq!(
            open_device_slot(&slot, &dev).unwrap().0.expose(),
            data.expose()
        );

        let other = DeviceKey::generate().unwrap();
        assert!(matches!(
            open_device_slot(&slot, &other),
            Err(VaultError::WrongDeviceKey)
        ));

        // Any flipped bit: damaged slot (checksum), never a panic or a key.
        for i in 0..slot.len() * 8 {
            let mut bad = slot.clone();
            bad[i / 8] ^= 1 << (i % 8);
            assert!(
                matches!(open_device_slot(&bad, &dev), Err(VaultError::CorruptSlot)),
                "bit {i}"
            );
        }
        // A flipped bit with the checksum fixed up: the AEAD catches it, or the header check does.
        for i in 0..(slot.len() - CHECKSUM_LEN) * 8 {
            let mut bad = slot.clone();
            bad[i / 8] ^= 1 << (i % 8);
            let bad = with_checksum(bad);
            assert!(open_device_slot(&bad, &dev).is_err(), "bit {i}");
        }
        for len in 0..slot.len() {
            assert!(open_device_slot(&slot[..len], &dev).is_err());
        }
        // Newer format version with a valid checksum.
        let mut newer = slot.clone();
        newer[0] = 2;
        assert!(matches!(
            open_device_slot(&with_checksum(newer), &dev),
            Err(VaultError::UnsupportedSlotFormat { version: 2 })
        ));
    }

    #[test]
    fn recovery_slot_with_code_and_passphrase() {
        let data = DataKey::make().unwrap();
        let code = RecoveryCode::generate().unwrap();
        let slot = make_recovery_slot(
            &data,
            code.as_str().as_bytes(),
            SecretKind::Code,
            KdfParams::MINIMUM,
        )
        .unwrap();
        assert_eq!(slot.len(), RECOVERY_SLOT_LEN);
        let typed = code.as_str().to_lowercase().replace('-', " ");
        let (opened, rk) = open_recovery_slot(&slot, typed.as_bytes()).unwrap();
        assert_eq!(opened.expose(), data.expose());

        // Re-wrap a new key under the same KEK: opens with the same code, no second Argon2id setup.
        let new_data = DataKey::make().unwrap();
        let rewrapped = rewrap_recovery_slot(&rk, &new_data).unwrap();
        let (opened, _) = open_recovery_slot(&rewrapped, code.as_str().as_bytes()).unwrap();
        assert_eq!(opened.expose(), new_data.expose());

        let wrong = RecoveryCode::generate().unwrap();
        assert!(matches!(
            open_recovery_slot(&slot, wrong.as_str().as_bytes()),
            Err(VaultError::WrongRecoverySecret)
        ));
        assert!(matches!(
            open_recovery_slot(&slot, b"not a code"),
            Err(VaultError::MalformedRecoveryCode)
        ));

        let pass = make_recovery_slot(
            &data,
            b"Correct Horse lantern pickle",
            SecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap();
        assert!(matches!(
            open_recovery_slot(&pass, b"correct horse lantern pickle"),
            Err(VaultError::WrongRecoverySecret)
        ));
        assert!(matches!(
            make_recovery_slot(&data, b"short", SecretKind::Passphrase, KdfParams::MINIMUM),
            Err(VaultError::PassphraseTooShort {
                min: strength::MIN_PASSPHRASE_LEN
            })
        ));
    }

    #[test]
    fn recovery_slot_with_weakened_params_is_refused_before_argon2() {
        let data = DataKey::make().unwrap();
        let slot = make_recovery_slot(
            &data,
            b"lantern orbit pickle thursday",
            SecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap();
        // t = 1 written over the stored t, checksum fixed up: refused as too weak.
        let mut weak = slot.clone();
        weak[12..16].copy_from_slice(&1u32.to_be_bytes());
        assert!(matches!(
            open_recovery_slot(&with_checksum(weak), b"lantern orbit pickle thursday"),
            Err(VaultError::KdfTooWeak { t: 1, .. })
        ));
        let mut huge = slot.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(
            open_recovery_slot(&with_checksum(huge), b"lantern orbit pickle thursday"),
            Err(VaultError::KdfTooCostly { .. })
        ));
        assert!(matches!(
            make_recovery_slot(
                &data,
                b"lantern orbit pickle thursday",
                SecretKind::Passphrase,
                KdfParams {
                    m_kib: 8192,
                    t: 2,
                    p: 1
                }
            ),
            Err(VaultError::KdfTooWeak { .. })
        ));
        // A device slot is not a recovery slot.
        let dev = DeviceKey::generate().unwrap();
        let dslot = make_device_slot(&data, &dev).unwrap();
        assert!(matches!(
            open_recovery_slot(&dslot, b"x"),
            Err(VaultError::CorruptSlot)
        ));
    }
}
