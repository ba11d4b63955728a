//! Format version 1: a clear header, then one AES-256-GCM ciphertext of the contents. Read, no longer
//! written (version 2 replaced it because its header names the app and its parameters in clear).
//!
//! ```text
//! offset  size  field
//! 0       8     magic "ONEDAYBK"
//! 8       2     format version = 1 (u16, big-endian, like every integer here)
//! 10      1     algorithm id = 1 (AES-256-GCM)
//! 11      1     secret kind: 1 = generated recovery code, 2 = passphrase
//! 12      4     Argon2id m (KiB)
//! 16      4     Argon2id t
//! 20      4     Argon2id p
//! 24      16    salt
//! 40      12    nonce
//! 52      8     length L of the ciphertext, tag included
//! 60      16    key check: HKDF-SHA256(ikm = Argon2id output, info "oneday.backup.v1.check")
//! 76      L     AES-256-GCM(key, nonce, aad, contents) || 16-byte tag
//!
//! key = HKDF-SHA256(salt = "oneday.backup.v1.hkdf", ikm = Argon2id(secret, salt, m, t, p), info
//!       "oneday.backup.v1.key", 32 bytes); the check uses the same salt and its own info
//! aad = "oneday.backup.v1" || bytes 0..76
//! ```
//!
//! Reading checks, in this order and before any Argon2id work: the magic ([`BackupError::NotABackup`]),
//! the version and algorithm ([`BackupError::NewerFormat`]), the secret kind and the parameters
//! against the vault's floor and ceiling ([`BackupError::Damaged`]), the length
//! ([`BackupError::Truncated`]). Then the key: a wrong key check is [`BackupError::WrongSecret`]; a
//! right key whose ciphertext does not authenticate is [`BackupError::Damaged`]. The key check lets
//! the app tell a mistyped passphrase from a damaged file; it gives an attacker nothing the tag does
//! not already give (both need the Argon2id output).

use ring::aead::{Aad, Nonce, NONCE_LEN};
use zeroize::Zeroizing;

use super::{
    array_at, constant_time_eq, derive_ikm, expand, labelled, u32_at, u64_at, BackupHeader,
    BackupSecretKind, ALGORITHM_AES_256_GCM, MAX_BACKUP_BYTES, TAG_LEN,
};
use crate::backup::error::BackupError;
use crate::vault::envelope::aead_key;
use crate::vault::kdf::{KdfParams, SALT_LEN};
use crate::vault::keys::KEY_LEN;
use crate::vault::slots::canonical_secret_for_open;
use crate::vault::VaultError;

/// The first eight bytes of every version-1 backup.
const MAGIC: &[u8; 8] = b"ONEDAYBK";
const VERSION: u16 = 1;
/// Length of the clear header.
pub(crate) const HEADER_LEN: usize = 76;
const CHECK_LEN: usize = 16;
const AAD_LABEL: &[u8] = b"oneday.backup.v1";
const HKDF_SALT: &[u8] = b"oneday.backup.v1.hkdf";
const INFO_KEY: &[u8] = b"oneday.backup.v1.key";
const INFO_CHECK: &[u8] = b"oneday.backup.v1.check";

/// A version-1 header: what [`BackupHeader`] says, and what the reader needs to open the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct V1Header {
    /// The part every version shares.
    pub(crate) header: BackupHeader,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    ciphertext_len: u64,
    check: [u8; CHECK_LEN],
}

impl V1Header {
    fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[0..8].copy_from_slice(MAGIC);
        out[8..24].copy_from_slice(&self.header.to_bytes());
        out[24..40].copy_from_slice(&self.salt);
        out[40..52].copy_from_slice(&self.nonce);
        out[52..60].copy_from_slice(&self.ciphertext_len.to_be_bytes());
        out[60..76].copy_from_slice(&self.check);
        out
    }
}

/// Whether `file` starts with version 1's magic.
pub(crate) fn has_magic(file: &[u8]) -> bool {
    file.starts_with(MAGIC)
}

/// Reads the clear header of a version-1 `file` and checks that the rest of the file is there.
pub(crate) fn read_header(file: &[u8]) -> Result<V1Header, BackupError> {
    if !has_magic(file) {
        return Err(BackupError::NotABackup);
    }
    let truncated = || BackupError::Truncated {
        expected: HEADER_LEN as u64,
        found: file.len() as u64,
    };
    if file.len() < HEADER_LEN {
        return Err(truncated());
    }
    let version = u16::from_be_bytes(array_at(file, 8).ok_or_else(truncated)?);
    if version > VERSION {
        // A newer version never writes a clear header, but a file claiming one is still newer.
        return Err(BackupError::NewerFormat { version });
    }
    if version == 0 {
        return Err(BackupError::Damaged);
    }
    if file[10] != ALGORITHM_AES_256_GCM {
        // Only a newer version would use another algorithm in a file it calls format 1.
        return Err(BackupError::NewerFormat { version });
    }
    let secret_kind = BackupSecretKind::from_byte(file[11]).ok_or(BackupError::Damaged)?;
    let kdf = KdfParams {
        m_kib: u32_at(file, 12).ok_or_else(truncated)?,
        t: u32_at(file, 16).ok_or_else(truncated)?,
        p: u32_at(file, 20).ok_or_else(truncated)?,
    };
    kdf.check().map_err(|_| BackupError::Damaged)?;
    let ciphertext_len = u64_at(file, 52).ok_or_else(truncated)?;
    if ciphertext_len < TAG_LEN as u64 || ciphertext_len > MAX_BACKUP_BYTES {
        return Err(BackupError::Damaged);
    }
    let found = (file.len() - HEADER_LEN) as u64;
    if found < ciphertext_len {
        return Err(BackupError::Truncated {
            expected: HEADER_LEN as u64 + ciphertext_len,
            found: file.len() as u64,
        });
    }
    if found > ciphertext_len {
        return Err(BackupError::Damaged);
    }
    Ok(V1Header {
        header: BackupHeader {
            version,
            secret_kind,
            kdf,
        },
        salt: array_at(file, 24).ok_or_else(truncated)?,
        nonce: array_at(file, 40).ok_or_else(truncated)?,
        ciphertext_len,
        check: array_at(file, 60).ok_or_else(truncated)?,
    })
}

/// Opens a whole version-1 file with `secret`, returning its header and contents.
pub(crate) fn open(
    file: &[u8],
    secret: &[u8],
) -> Result<(BackupHeader, Zeroizing<Vec<u8>>), BackupError> {
    let header = read_header(file)?;
    let canonical = match canonical_secret_for_open(secret, header.header.secret_kind.to_slot()) {
        Ok(c) => c,
        // A string that cannot be a recovery code cannot open a backup sealed under one.
        Err(VaultError::MalformedRecoveryCode) => return Err(BackupError::WrongSecret),
        Err(e) => return Err(e.into()),
    };
    let keys = derive_keys(&canonical, &header.salt, header.header.kdf)?;
    if !constant_time_eq(keys.check.as_ref(), &header.check) {
        return Err(BackupError::WrongSecret);
    }
    let contents = open_with(&header, &keys.key, file)?;
    Ok((header.header, contents))
}

/// Opens the ciphertext of `file` with the derived `key`.
fn open_with(
    header: &V1Header,
    key: &[u8; KEY_LEN],
    file: &[u8],
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    let aad = labelled(AAD_LABEL, &header.to_bytes());
    let mut buf = Zeroizing::new(file.get(HEADER_LEN..).ok_or(BackupError::Damaged)?.to_vec());
    let plain_len = aead_key(key)?
        .open_in_place(
            Nonce::assume_unique_for_key(header.nonce),
            Aad::from(&aad[..]),
            &mut buf,
        )
        .map_err(|_| BackupError::Damaged)?
        .len();
    buf.truncate(plain_len);
    Ok(buf)
}

struct Keys {
    key: Zeroizing<[u8; KEY_LEN]>,
    check: Zeroizing<[u8; CHECK_LEN]>,
}

fn derive_keys(
    canonical: &[u8],
    salt: &[u8; SALT_LEN],
    kdf: KdfParams,
) -> Result<Keys, BackupError> {
    let ikm = derive_ikm(canonical, salt, kdf)?;
    Ok(Keys {
        key: expand(HKDF_SALT, &ikm, INFO_KEY)?,
        check: expand(HKDF_SALT, &ikm, INFO_CHECK)?,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::backup::format::tests::{sealed_by, PASS};
    use crate::vault::keys::make_random;
    use crate::vault::slots::canonical_secret;

    /// Version 1's writer, kept only to test its reader (the checked-in fixture tests it too).
    pub(crate) fn seal(
        contents: &[u8],
        secret: &[u8],
        kind: BackupSecretKind,
        kdf: KdfParams,
    ) -> Result<Vec<u8>, BackupError> {
        let canonical = canonical_secret(secret, kind.to_slot())?;
        let salt = make_random::<SALT_LEN>()?;
        let keys = derive_keys(&canonical, &salt, kdf)?;
        let header = V1Header {
            header: BackupHeader {
                version: VERSION,
                secret_kind: kind,
                kdf,
            },
            salt,
            nonce: make_random::<NONCE_LEN>()?,
            ciphertext_len: (contents.len() + TAG_LEN) as u64,
            check: *keys.check,
        };
        let header_bytes = header.to_bytes();
        let mut out = header_bytes.to_vec();
        out.extend_from_slice(contents);
        let aad = labelled(AAD_LABEL, &header_bytes);
        let tag = aead_key(&keys.key)?
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(header.nonce),
                Aad::from(&aad[..]),
                &mut out[HEADER_LEN..],
            )
            .map_err(|_| BackupError::Vault(VaultError::Crypto))?;
        out.extend_from_slice(tag.as_ref());
        Ok(out)
    }

    fn sealed(contents: &[u8]) -> Vec<u8> {
        sealed_by(seal, contents)
    }

    #[test]
    fn wrong_secret_is_told_apart_from_damage() {
        let file = sealed(b"contents");
        assert!(matches!(
            open(&file, b"wrong horse battery"),
            Err(BackupError::WrongSecret)
        ));
        // Every single flipped bit anywhere is refused, header or ciphertext.
        for i in 0..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x01;
            let e = open(&bad, PASS).unwrap_err();
            let expected = match i {
                0..=7 => matches!(e, BackupError::NotABackup),
                8..=9 => matches!(e, BackupError::NewerFormat { .. } | BackupError::Damaged),
                10 => matches!(e, BackupError::NewerFormat { .. }),
                // Parameters may still be in range: then the key (or check) is wrong.
                11..=23 => matches!(e, BackupError::Damaged | BackupError::WrongSecret),
                24..=39 | 60..=75 => matches!(e, BackupError::WrongSecret),
                52..=59 => matches!(e, BackupError::Damaged | BackupError::Truncated { .. }),
                _ => matches!(e, BackupError::Damaged),
            };
            assert!(expected, "byte {i}: {e:?}");
        }
    }

    #[test]
    fn truncation_and_extra_bytes_are_refused() {
        let file = sealed(b"some contents here");
        for len in 0..file.len() {
            let e = open(&file[..len], PASS).unwrap_err();
            if len < MAGIC.len() {
                assert!(matches!(e, BackupError::NotABackup), "{len}");
            } else {
                assert!(matches!(e, BackupError::Truncated { .. }), "{len}: {e:?}");
            }
        }
        let mut longer = file.clone();
        longer.push(0);
        assert!(matches!(open(&longer, PASS), Err(BackupError::Damaged)));
    }

    #[test]
    fn newer_format_and_weak_parameters() {
        let mut file = sealed(b"x");
        file[8..10].copy_from_slice(&2u16.to_be_bytes());
        assert!(matches!(
            read_header(&file),
            Err(BackupError::NewerFormat { version: 2 })
        ));
        let mut weak = sealed(b"x");
        weak[12..16].copy_from_slice(&1024u32.to_be_bytes());
        assert!(matches!(read_header(&weak), Err(BackupError::Damaged)));
    }
}
