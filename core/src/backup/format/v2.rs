//! Format version 2, what new backups are: nothing in clear, so the file cannot be told from random
//! bytes without the secret.
//!
//! ```text
//! offset  size  field
//! 0       16    salt (random)
//! 16      12    nonce (random)
//! 28      40    sealed header: AES-256-GCM(header key, nonce, aad_h, inner header) || 16-byte tag
//! 68      L     sealed contents: AES-256-GCM(body key, nonce, aad_b, contents) || 16-byte tag
//!
//! inner header (24 bytes, big-endian):
//! 0       2     format version = 2
//! 2       1     algorithm id = 1 (AES-256-GCM)
//! 3       1     secret kind: 1 = generated recovery code, 2 = passphrase
//! 4       4     Argon2id m (KiB)
//! 8       4     Argon2id t
//! 12      4     Argon2id p
//! 16      8     L, the length of the sealed contents, tag included
//!
//! secret'    = the recovery code's canonical form if the secret reads as a recovery code, else the
//!              secret's bytes as typed
//! ikm        = Argon2id(secret', salt, m, t, p), with (m, t, p) one of the profiles below
//! header key = HKDF-SHA256(salt = "oneday.backup.v2.hkdf", ikm, info "oneday.backup.v2.header")
//! body key   = HKDF-SHA256(salt = "oneday.backup.v2.hkdf", ikm, info "oneday.backup.v2.body")
//! aad_h      = "oneday.backup.v2.header" || bytes 0..28
//! aad_b      = "oneday.backup.v2.body" || bytes 0..68
//! ```
//!
//! The Argon2id parameters are not in clear: a version-2 file is sealed with one of the fixed
//! [`PROFILES`], and a reader tries each in order (the stronger, the default, first). The key is
//! derived from the secret without knowing its kind (`secret'`), so a reader needs no clear "kind"
//! byte either; the kind is in the sealed header, for the summary.
//!
//! Reading: a file shorter than [`MIN_FILE_LEN`] is [`BackupError::NotABackup`]. If no profile's key
//! opens the sealed header, the error is [`BackupError::WrongSecret`]: a wrong secret, a file that
//! is not a backup, damage in the first 68 bytes and a newer format all look the same. Once the
//! header opens, the key is right: an inner header no version 2 writes, or extra bytes, is
//! [`BackupError::Damaged`]; fewer than 68 + L bytes is [`BackupError::Truncated`]; contents that
//! do not authenticate are [`BackupError::Damaged`].

use ring::aead::{Aad, Nonce, NONCE_LEN};
use zeroize::Zeroizing;

use super::{
    array_at, derive_ikm, expand, labelled, u32_at, u64_at, BackupHeader, BackupSecretKind,
    ALGORITHM_AES_256_GCM, MAX_BACKUP_BYTES, TAG_LEN,
};
use crate::backup::error::BackupError;
use crate::vault::envelope::aead_key;
use crate::vault::kdf::{KdfParams, SALT_LEN};
use crate::vault::keys::{make_random, KEY_LEN};
use crate::vault::slots::{canonical_secret, canonical_secret_for_open, SecretKind};
use crate::vault::VaultError;

/// This format's version number (inside the sealed header).
pub(crate) const VERSION: u16 = 2;
/// The Argon2id parameters a version-2 file may be sealed with, in the order a reader tries them:
/// the default, then the floor (for devices short of memory, and for tests).
pub const PROFILES: [KdfParams; 2] = [KdfParams::DEFAULT, KdfParams::MINIMUM];
const INNER_LEN: usize = 24;
/// Where the sealed header starts: after the salt and the nonce.
const SEALED_HEADER_AT: usize = SALT_LEN + NONCE_LEN;
/// Where the sealed contents start.
const BODY_AT: usize = SEALED_HEADER_AT + INNER_LEN + TAG_LEN;
/// The shortest file that can be a version-2 backup: everything but the contents.
pub(crate) const MIN_FILE_LEN: usize = BODY_AT + TAG_LEN;
/// Length of everything but the sealed contents: what a file adds to them, tag aside.
#[cfg(test)]
pub(crate) const FIXED_LEN: usize = BODY_AT;
const HKDF_SALT: &[u8] = b"oneday.backup.v2.hkdf";
const INFO_HEADER: &[u8] = b"oneday.backup.v2.header";
const INFO_BODY: &[u8] = b"oneday.backup.v2.body";
const AAD_HEADER: &[u8] = b"oneday.backup.v2.header";
const AAD_BODY: &[u8] = b"oneday.backup.v2.body";

/// What the sealed header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Inner {
    header: BackupHeader,
    /// The length of the sealed contents, tag included.
    body_len: u64,
}

impl Inner {
    fn to_bytes(self) -> [u8; INNER_LEN] {
        let mut out = [0u8; INNER_LEN];
        out[0..16].copy_from_slice(&self.header.to_bytes());
        out[16..24].copy_from_slice(&self.body_len.to_be_bytes());
        out
    }

    /// Reads an authenticated inner header: anything version 2 does not write is damage (the key
    /// was right, so it is not a wrong secret).
    fn from_bytes(bytes: &[u8]) -> Result<Inner, BackupError> {
        let version = array_at(bytes, 0)
            .map(u16::from_be_bytes)
            .ok_or(BackupError::Damaged)?;
        if version != VERSION || bytes.get(2) != Some(&ALGORITHM_AES_256_GCM) {
            return Err(BackupError::Damaged);
        }
        let secret_kind = bytes
            .get(3)
            .and_then(|&b| BackupSecretKind::from_byte(b))
            .ok_or(BackupError::Damaged)?;
        let kdf = KdfParams {
            m_kib: u32_at(bytes, 4).ok_or(BackupError::Damaged)?,
            t: u32_at(bytes, 8).ok_or(BackupError::Damaged)?,
            p: u32_at(bytes, 12).ok_or(BackupError::Damaged)?,
        };
        let body_len = u64_at(bytes, 16).ok_or(BackupError::Damaged)?;
        if body_len < TAG_LEN as u64 || body_len > MAX_BACKUP_BYTES {
            return Err(BackupError::Damaged);
        }
        Ok(Inner {
            header: BackupHeader {
                version,
                secret_kind,
                kdf,
            },
            body_len,
        })
    }
}

/// A file opened: its inner header and its contents.
type Opened = (Inner, Zeroizing<Vec<u8>>);

/// The two keys derived from one Argon2id output.
struct Keys {
    header: Zeroizing<[u8; KEY_LEN]>,
    body: Zeroizing<[u8; KEY_LEN]>,
}

fn derive_keys(secret: &[u8], salt: &[u8; SALT_LEN], kdf: KdfParams) -> Result<Keys, BackupError> {
    let ikm = derive_ikm(secret, salt, kdf)?;
    Ok(Keys {
        header: expand(HKDF_SALT, &ikm, INFO_HEADER)?,
        body: expand(HKDF_SALT, &ikm, INFO_BODY)?,
    })
}

/// `secret'`: the recovery code's canonical form if `secret` reads as one (however it is typed),
/// else the bytes as typed. The same text gives the same bytes whatever kind it was sealed as.
fn key_secret(secret: &[u8]) -> Zeroizing<Vec<u8>> {
    canonical_secret_for_open(secret, SecretKind::Code)
        .unwrap_or_else(|_| Zeroizing::new(secret.to_vec()))
}

/// Ok if `kdf` is one of [`PROFILES`]; parameters below the floor are
/// [`VaultError::KdfTooWeak`] (above the ceiling [`VaultError::KdfTooCostly`]), any others
/// [`BackupError::KdfNotAProfile`].
pub(crate) fn check_profile(kdf: KdfParams) -> Result<(), BackupError> {
    kdf.check()?;
    if !PROFILES.contains(&kdf) {
        return Err(BackupError::KdfNotAProfile {
            m_kib: kdf.m_kib,
            t: kdf.t,
            p: kdf.p,
        });
    }
    Ok(())
}

/// Seals `contents` under `secret` into a whole version-2 file. `kdf` must be one of [`PROFILES`].
pub(crate) fn seal(
    contents: &[u8],
    secret: &[u8],
    kind: BackupSecretKind,
    kdf: KdfParams,
) -> Result<Vec<u8>, BackupError> {
    check_profile(kdf)?;
    // Refuses a malformed recovery code or a too-short passphrase.
    canonical_secret(secret, kind.to_slot())?;
    let salt = make_random::<SALT_LEN>()?;
    let keys = derive_keys(&key_secret(secret), &salt, kdf)?;
    let inner = Inner {
        header: BackupHeader {
            version: VERSION,
            secret_kind: kind,
            kdf,
        },
        body_len: (contents.len() + TAG_LEN) as u64,
    };
    seal_with(&keys, &salt, &make_random::<NONCE_LEN>()?, inner, contents)
}

fn seal_with(
    keys: &Keys,
    salt: &[u8; SALT_LEN],
    nonce: &[u8; NONCE_LEN],
    inner: Inner,
    contents: &[u8],
) -> Result<Vec<u8>, BackupError> {
    let crypto = |_| BackupError::Vault(VaultError::Crypto);
    let mut out = Vec::with_capacity(BODY_AT + contents.len() + TAG_LEN);
    out.extend_from_slice(salt);
    out.extend_from_slice(nonce);
    let mut sealed_header = inner.to_bytes().to_vec();
    aead_key(&keys.header)?
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(&labelled(AAD_HEADER, &out)[..]),
            &mut sealed_header,
        )
        .map_err(crypto)?;
    out.extend_from_slice(&sealed_header);
    let aad_body = labelled(AAD_BODY, &out);
    out.extend_from_slice(contents);
    let tag = aead_key(&keys.body)?
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(&aad_body[..]),
            &mut out[BODY_AT..],
        )
        .map_err(crypto)?;
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

/// Opens a whole version-2 file with `secret`, trying each of [`PROFILES`] in order.
pub(crate) fn open(
    file: &[u8],
    secret: &[u8],
) -> Result<(BackupHeader, Zeroizing<Vec<u8>>), BackupError> {
    let salt: [u8; SALT_LEN] = array_at(file, 0).ok_or(BackupError::NotABackup)?;
    if file.len() < MIN_FILE_LEN {
        return Err(BackupError::NotABackup);
    }
    let secret = key_secret(secret);
    for kdf in PROFILES {
        let keys = derive_keys(&secret, &salt, kdf)?;
        if let Some((inner, contents)) = open_with(file, &keys)? {
            if inner.header.kdf != kdf {
                return Err(BackupError::Damaged);
            }
            return Ok((inner.header, contents));
        }
    }
    Err(BackupError::WrongSecret)
}

/// Opens `file` with `keys`: `Ok(None)` when they do not open its sealed header (a wrong secret or
/// profile, or a file that is not this), an error when they do but the rest is wrong.
fn open_with(file: &[u8], keys: &Keys) -> Result<Option<Opened>, BackupError> {
    let (Some(prefix), Some(nonce)) = (file.get(..SEALED_HEADER_AT), array_at(file, SALT_LEN))
    else {
        return Ok(None);
    };
    let Some(sealed_header) = file.get(SEALED_HEADER_AT..BODY_AT) else {
        return Ok(None);
    };
    let mut header_buf = Zeroizing::new(sealed_header.to_vec());
    let Ok(inner_bytes) = aead_key(&keys.header)?.open_in_place(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(&labelled(AAD_HEADER, prefix)[..]),
        &mut header_buf,
    ) else {
        return Ok(None);
    };
    let inner = Inner::from_bytes(inner_bytes)?;
    let found = (file.len() - BODY_AT) as u64;
    if found < inner.body_len {
        return Err(BackupError::Truncated {
            expected: BODY_AT as u64 + inner.body_len,
            found: file.len() as u64,
        });
    }
    if found > inner.body_len {
        return Err(BackupError::Damaged);
    }
    let mut body = Zeroizing::new(file[BODY_AT..].to_vec());
    let plain_len = aead_key(&keys.body)?
        .open_in_place(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(&labelled(AAD_BODY, &file[..BODY_AT])[..]),
            &mut body,
        )
        .map_err(|_| BackupError::Damaged)?
        .len();
    body.truncate(plain_len);
    Ok(Some((inner, body)))
}

/// Reads `data` as a sealed file under fixed keys, then seals `data` as contents under them and
/// opens it again. Returns whether the round trip held.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn fixed_key_round_trip(data: &[u8]) -> Result<bool, BackupError> {
    let keys = Keys {
        header: Zeroizing::new([7; KEY_LEN]),
        body: Zeroizing::new([8; KEY_LEN]),
    };
    let _ = open_with(data, &keys);
    let inner = Inner {
        header: BackupHeader {
            version: VERSION,
            secret_kind: BackupSecretKind::Passphrase,
            kdf: KdfParams::MINIMUM,
        },
        body_len: (data.len() + TAG_LEN) as u64,
    };
    let file = seal_with(&keys, &[1; SALT_LEN], &[2; NONCE_LEN], inner, data)?;
    Ok(match open_with(&file, &keys)? {
        Some((read, opened)) => read == inner && opened.as_slice() == data,
        None => false,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::backup::format::tests::{sealed_by, PASS};

    fn sealed(contents: &[u8]) -> Vec<u8> {
        sealed_by(seal, contents)
    }

    fn keys_of(file: &[u8], secret: &[u8]) -> Keys {
        derive_keys(secret, &array_at(file, 0).unwrap(), KdfParams::MINIMUM).unwrap()
    }

    #[test]
    fn both_profiles_open_and_no_other_is_written() {
        let file = seal(b"x", PASS, BackupSecretKind::Passphrase, KdfParams::DEFAULT).unwrap();
        assert_eq!(open(&file, PASS).unwrap().0.kdf, KdfParams::DEFAULT);
        let between = KdfParams {
            m_kib: 32 * 1024,
            t: 2,
            p: 1,
        };
        assert!(matches!(
            seal(b"x", PASS, BackupSecretKind::Passphrase, between),
            Err(BackupError::KdfNotAProfile {
                m_kib: 32768,
                t: 2,
                p: 1
            })
        ));
        let weak = KdfParams {
            m_kib: 1024,
            t: 1,
            p: 1,
        };
        assert!(matches!(
            seal(b"x", PASS, BackupSecretKind::Passphrase, weak),
            Err(BackupError::Vault(VaultError::KdfTooWeak { .. }))
        ));
        assert!(matches!(
            seal(
                b"x",
                b"short",
                BackupSecretKind::Passphrase,
                KdfParams::MINIMUM
            ),
            Err(BackupError::Vault(VaultError::PassphraseTooShort { .. }))
        ));
    }

    #[test]
    fn a_wrong_secret_and_a_damaged_start_look_the_same_and_later_damage_is_told() {
        let file = sealed(b"contents");
        assert!(matches!(
            open(&file, b"wrong horse battery"),
            Err(BackupError::WrongSecret)
        ));
        // Every flipped bit is refused. Argon2id is run once: the keys are the file's own.
        let keys = keys_of(&file, PASS);
        for i in 0..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x01;
            let got = open_with(&bad, &keys);
            if i < BODY_AT {
                // The salt changes the key (a wrong key here); the rest fails the header's tag.
                assert!(matches!(got, Ok(None)), "byte {i}");
            } else {
                assert!(matches!(got, Err(BackupError::Damaged)), "byte {i}");
            }
        }
        // A flipped salt byte, opened for real: the key derived is another one.
        let mut bad_salt = file.clone();
        bad_salt[0] ^= 0x80;
        assert!(matches!(
            open(&bad_salt, PASS),
            Err(BackupError::WrongSecret)
        ));
    }

    #[test]
    fn truncation_and_extra_bytes_are_told_once_the_header_opens() {
        let file = sealed(b"some contents here");
        let keys = keys_of(&file, PASS);
        for len in 0..file.len() {
            let got = open_with(&file[..len], &keys);
            if len < BODY_AT {
                assert!(matches!(got, Ok(None)), "{len}");
            } else {
                assert!(
                    matches!(got, Err(BackupError::Truncated { expected, found })
                        if expected == file.len() as u64 && found == len as u64),
                    "{len}"
                );
            }
        }
        assert!(matches!(
            open(&file[..MIN_FILE_LEN - 1], PASS),
            Err(BackupError::NotABackup)
        ));
        assert!(matches!(
            open(&file[..MIN_FILE_LEN], PASS),
            Err(BackupError::Truncated { .. })
        ));
        let mut longer = file.clone();
        longer.push(0);
        assert!(matches!(open(&longer, PASS), Err(BackupError::Damaged)));
    }

    #[test]
    fn a_passphrase_that_reads_as_a_recovery_code_opens_however_it_is_typed() {
        // The key's input does not depend on the kind (`secret'`); the kind is told once opened.
        let code = crate::vault::RecoveryCode::generate().unwrap();
        let file = seal(
            b"y",
            code.as_str().as_bytes(),
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap();
        let typed = code.as_str().replace('-', " ").to_lowercase();
        let (h, plain) = open(&file, typed.as_bytes()).unwrap();
        assert_eq!(
            (&plain[..], h.secret_kind),
            (&b"y"[..], BackupSecretKind::Passphrase)
        );
    }

    #[test]
    fn an_inner_header_no_version_2_writes_is_damage() {
        let inner = Inner {
            header: BackupHeader {
                version: VERSION,
                secret_kind: BackupSecretKind::RecoveryCode,
                kdf: KdfParams::DEFAULT,
            },
            body_len: 4096 + TAG_LEN as u64,
        };
        let good = inner.to_bytes();
        assert_eq!(Inner::from_bytes(&good).unwrap(), inner);
        for (at, value) in [(1, 3u8), (2, 2), (3, 0), (3, 3), (16, 0xff)] {
            let mut bad = good;
            bad[at] = value;
            assert!(
                matches!(Inner::from_bytes(&bad), Err(BackupError::Damaged)),
                "byte {at}"
            );
        }
        let mut tiny = good;
        tiny[16..24].copy_from_slice(&1u64.to_be_bytes());
        assert!(matches!(
            Inner::from_bytes(&tiny),
            Err(BackupError::Damaged)
        ));
    }

    #[test]
    fn fixed_key_round_trip_holds() {
        assert!(fixed_key_round_trip(b"").unwrap());
        assert!(fixed_key_round_trip(&[0xab; 5000]).unwrap());
    }
}
