//! Key material: the device key handed in by the shell, the vault's data key and its HKDF subkeys.
//!
//! * The **data key** is 32 random bytes made once per vault (and again on rotation). It never touches
//!   the disk unwrapped and is never used directly as a cipher key.
//! * **Subkeys** come from the data key through HKDF-SHA256 (ring), one per purpose, each with its own
//!   `info` string, so a key made for one job can never be confused with another:
//!   * [`Purpose::RecordSeal`]: the AES-256-GCM key that seals records;
//!   * [`Purpose::KeyId`]: 4 bytes that name the data key in record and slot headers (the *key id*), so
//!     a record sealed under another key is recognised as such.
//! * Every buffer holding key bytes is a `Zeroizing` value, wiped when dropped (on lock, on drop of the
//!   vault). What ring keeps internally cannot be wiped this way; see `docs/adr/0001-vault-cipher-and-kdf.md`.

use std::fmt;

use ring::hkdf;
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use super::error::VaultError;

/// Length of every symmetric key in the vault.
pub(crate) const KEY_LEN: usize = 32;

/// Fills `out` from the operating system's random number generator.
pub(crate) fn fill_random(out: &mut [u8]) -> Result<(), VaultError> {
    SystemRandom::new()
        .fill(out)
        .map_err(|_| VaultError::Random)
}

/// Returns `N` random bytes.
pub(crate) fn make_random<const N: usize>() -> Result<[u8; N], VaultError> {
    let mut out = [0u8; N];
    fill_random(&mut out)?;
    Ok(out)
}

/// The 32-byte key the platform shell keeps for this device (Android Keystore, iOS Keychain, a 0600
/// key file on the desktop). It opens the vault's device slot. Wiped from memory when dropped.
pub struct DeviceKey(Zeroizing<[u8; KEY_LEN]>);

impl DeviceKey {
    /// Takes a key of exactly 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let arr: [u8; KEY_LEN] = bytes
            .try_into()
            .map_err(|_| VaultError::InvalidDeviceKey { len: bytes.len() })?;
        Ok(Self(Zeroizing::new(arr)))
    }

    /// Makes a new random device key (for the shell to store).
    pub fn generate() -> Result<Self, VaultError> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(key.as_mut())?;
        Ok(Self(key))
    }

    /// The key bytes, for the shell to store.
    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl fmt::Debug for DeviceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceKey(..)")
    }
}

/// A 32-bit name for a data key, derived from it by HKDF. Stored in clear in slot and record headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyId(pub(crate) u32);

/// The separate jobs subkeys are derived for. The `info` strings must never change.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Purpose {
    /// The AEAD key that seals records.
    RecordSeal,
    /// The key id in headers.
    KeyId,
}

impl Purpose {
    fn info(self) -> &'static [u8] {
        match self {
            Purpose::RecordSeal => b"oneday.vault.v1.record-seal",
            Purpose::KeyId => b"oneday.vault.v1.key-id",
        }
    }
}

/// Fixed HKDF salt (domain separation from any other use of the same bytes).
const HKDF_SALT: &[u8] = b"oneday.vault.v1.hkdf";

/// An output length for ring's HKDF.
struct Len(usize);

impl hkdf::KeyType for Len {
    fn len(&self) -> usize {
        self.0
    }
}

/// HKDF-SHA256 of `ikm` with the given salt and info, written into `out`.
pub(crate) fn hkdf_sha256(
    salt: &[u8],
    ikm: &[u8],
    info: &[u8],
    out: &mut [u8],
) -> Result<(), VaultError> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(ikm);
    let info = [info];
    prk.expand(&info, Len(out.len()))?.fill(out)?;
    Ok(())
}

/// The vault's data key. Wiped from memory when dropped.
pub(crate) struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    /// Makes a new random data key.
    pub(crate) fn make() -> Result<Self, VaultError> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(key.as_mut())?;
        Ok(Self(key))
    }

    /// Wraps bytes just unwrapped from a slot.
    pub(crate) fn from_unwrapped(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(arr)))
    }

    /// The raw key, only for wrapping it into a slot.
    pub(crate) fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// A 32-byte subkey for `purpose`.
    pub(crate) fn derive_subkey(
        &self,
        purpose: Purpose,
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, VaultError> {
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        hkdf_sha256(HKDF_SALT, self.0.as_ref(), purpose.info(), out.as_mut())?;
        Ok(out)
    }

    /// The id that names this key in headers.
    pub(crate) fn derive_key_id(&self) -> Result<KeyId, VaultError> {
        let mut out = [0u8; 4];
        hkdf_sha256(HKDF_SALT, self.0.as_ref(), Purpose::KeyId.info(), &mut out)?;
        Ok(KeyId(u32::from_be_bytes(out)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn device_key_needs_32_bytes() {
        assert!(DeviceKey::from_bytes(&[7u8; 32]).is_ok());
        for len in [0, 16, 31, 33, 64] {
            let e = DeviceKey::from_bytes(&vec![0u8; len]).unwrap_err();
            assert!(matches!(e, VaultError::InvalidDeviceKey { len: l } if l == len));
        }
        let k = DeviceKey::generate().unwrap();
        assert_eq!(
            DeviceKey::from_bytes(k.as_bytes()).unwrap().as_bytes(),
            k.as_bytes()
        );
        assert_eq!(format!("{k:?}"), "DeviceKey(..)");
    }

    #[test]
    fn subkeys_differ_per_purpose_and_are_deterministic() {
        let k = DataKey::from_unwrapped(&[1u8; 32]).unwrap();
        let seal = k.derive_subkey(Purpose::RecordSeal).unwrap();
        let id = k.derive_subkey(Purpose::KeyId).unwrap();
        assert_ne!(*seal, *id);
        assert_ne!(*seal, [1u8; 32]);
        assert_eq!(*seal, *k.derive_subkey(Purpose::RecordSeal).unwrap());
        assert_eq!(k.derive_key_id().unwrap().0.to_be_bytes(), id[..4]);
        let other = DataKey::from_unwrapped(&[2u8; 32]).unwrap();
        assert_ne!(k.derive_key_id().unwrap(), other.derive_key_id().unwrap());
    }

    /// RFC 5869 test case 1, to check that ring's HKDF is called correctly.
    #[test]
    fn hkdf_matches_rfc5869_case_1() {
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0x00..=0x0c).collect();
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let mut okm = [0u8; 42];
        hkdf_sha256(&salt, &ikm, &info, &mut okm).unwrap();
        let expected =
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
        let hex: String = okm.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn wrong_length_unwrapped_key_is_rejected() {
        assert!(DataKey::from_unwrapped(&[0u8; 31]).is_none());
    }
}
