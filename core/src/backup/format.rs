//! The backup file's bytes: a clear header, then one AES-256-GCM ciphertext of the contents.
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

use super::error::BackupError;
use crate::vault::envelope::aead_key;
use crate::vault::kdf::{derive_kek, KdfParams, SALT_LEN};
use crate::vault::keys::{hkdf_sha256, make_random, KEY_LEN};
use crate::vault::slots::{canonical_secret, canonical_secret_for_open, SecretKind};
use crate::vault::VaultError;

/// The first eight bytes of every backup.
pub(crate) const MAGIC: &[u8; 8] = b"ONEDAYBK";
/// The format version this version writes and the newest it reads.
pub const FORMAT_VERSION: u16 = 1;
const ALGORITHM_AES_256_GCM: u8 = 1;
/// Length of the clear header.
pub(crate) const HEADER_LEN: usize = 76;
const CHECK_LEN: usize = 16;
const TAG_LEN: usize = 16;
const AAD_LABEL: &[u8] = b"oneday.backup.v1";
const HKDF_SALT: &[u8] = b"oneday.backup.v1.hkdf";
const INFO_KEY: &[u8] = b"oneday.backup.v1.key";
const INFO_CHECK: &[u8] = b"oneday.backup.v1.check";
/// The largest backup file read: far more than a vault holds (10,000 meetings make about 20 MB).
pub const MAX_BACKUP_BYTES: u64 = 256 * 1024 * 1024;
/// The most bytes read from a file that may be a backup: [`MAX_BACKUP_BYTES`] of sealed contents
/// after the clear header. The shells read at most one byte more than this from a picked file.
pub const MAX_BACKUP_FILE_BYTES: u64 = MAX_BACKUP_BYTES + HEADER_LEN as u64;

/// What unlocks a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupSecretKind {
    /// A generated recovery code (typed back in any case, with or without dashes).
    RecoveryCode,
    /// A passphrase the user chose (at least 8 bytes), used exactly as typed.
    Passphrase,
}

impl BackupSecretKind {
    fn to_slot(self) -> SecretKind {
        match self {
            BackupSecretKind::RecoveryCode => SecretKind::Code,
            BackupSecretKind::Passphrase => SecretKind::Passphrase,
        }
    }
}

/// The clear header of a backup: readable without the secret, so an app can ask for the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupHeader {
    /// The format version.
    pub version: u16,
    /// Whether it is unlocked by a recovery code or a passphrase.
    pub secret_kind: BackupSecretKind,
    /// The Argon2id parameters it was sealed with.
    pub kdf: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    ciphertext_len: u64,
    check: [u8; CHECK_LEN],
}

impl BackupHeader {
    fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[0..8].copy_from_slice(MAGIC);
        out[8..10].copy_from_slice(&self.version.to_be_bytes());
        out[10] = ALGORITHM_AES_256_GCM;
        out[11] = self.secret_kind.to_slot() as u8;
        out[12..16].copy_from_slice(&self.kdf.m_kib.to_be_bytes());
        out[16..20].copy_from_slice(&self.kdf.t.to_be_bytes());
        out[20..24].copy_from_slice(&self.kdf.p.to_be_bytes());
        out[24..40].copy_from_slice(&self.salt);
        out[40..52].copy_from_slice(&self.nonce);
        out[52..60].copy_from_slice(&self.ciphertext_len.to_be_bytes());
        out[60..76].copy_from_slice(&self.check);
        out
    }
}

/// Reads the clear header of `file` and checks that the rest of the file is there.
pub fn read_header(file: &[u8]) -> Result<BackupHeader, BackupError> {
    if file.len() < MAGIC.len() || &file[..MAGIC.len()] != MAGIC {
        return Err(BackupError::NotABackup);
    }
    if file.len() < HEADER_LEN {
        return Err(BackupError::Truncated {
            expected: HEADER_LEN as u64,
            found: file.len() as u64,
        });
    }
    let version = u16::from_be_bytes([byte(file, 8)?, byte(file, 9)?]);
    if version > FORMAT_VERSION {
        return Err(BackupError::NewerFormat { version });
    }
    if version == 0 {
        return Err(BackupError::Damaged);
    }
    if byte(file, 10)? != ALGORITHM_AES_256_GCM {
        // Only a newer version would use another algorithm in a file it calls format 1.
        return Err(BackupError::NewerFormat { version });
    }
    let secret_kind = match byte(file, 11)? {
        1 => BackupSecretKind::RecoveryCode,
        2 => BackupSecretKind::Passphrase,
        _ => return Err(BackupError::Damaged),
    };
    let kdf = KdfParams {
        m_kib: u32_at(file, 12)?,
        t: u32_at(file, 16)?,
        p: u32_at(file, 20)?,
    };
    kdf.check().map_err(|_| BackupError::Damaged)?;
    let ciphertext_len = u64::from_be_bytes(array_at(file, 52)?);
    if ciphertext_len < TAG_LEN as u64 || ciphertext_len > MAX_BACKUP_BYTES {
        return Err(BackupError::Damaged);
    }
    let found = (file.len() - HEADER_LEN) as u64;
    let expected = HEADER_LEN as u64 + ciphertext_len;
    if found < ciphertext_len {
        return Err(BackupError::Truncated {
            expected,
            found: file.len() as u64,
        });
    }
    if found > ciphertext_len {
        return Err(BackupError::Damaged);
    }
    Ok(BackupHeader {
        version,
        secret_kind,
        kdf,
        salt: array_at(file, 24)?,
        nonce: array_at(file, 40)?,
        ciphertext_len,
        check: array_at(file, 60)?,
    })
}

/// Seals `contents` under `secret` into a whole backup file.
pub(crate) fn seal(
    contents: &[u8],
    secret: &[u8],
    kind: BackupSecretKind,
    kdf: KdfParams,
) -> Result<Vec<u8>, BackupError> {
    let canonical = canonical_secret(secret, kind.to_slot())?;
    let salt = make_random::<SALT_LEN>()?;
    let nonce = make_random::<NONCE_LEN>()?;
    let keys = derive_keys(&canonical, &salt, kdf)?;
    let header = BackupHeader {
        version: FORMAT_VERSION,
        secret_kind: kind,
        kdf,
        salt,
        nonce,
        ciphertext_len: (contents.len() + TAG_LEN) as u64,
        check: keys.check,
    };
    seal_with(&header, &keys.key, contents)
}

/// Seals `contents` with the keys already derived for `header` (used by [`seal`] and by the fixed
/// test vector).
fn seal_with(
    header: &BackupHeader,
    key: &[u8; KEY_LEN],
    contents: &[u8],
) -> Result<Vec<u8>, BackupError> {
    let header_bytes = header.to_bytes();
    let mut out = Vec::with_capacity(HEADER_LEN + contents.len() + TAG_LEN);
    out.extend_from_slice(&header_bytes);
    out.extend_from_slice(contents);
    let aad = aad(&header_bytes);
    let tag = aead_key(key)?
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(header.nonce),
            Aad::from(&aad[..]),
            &mut out[HEADER_LEN..],
        )
        .map_err(|_| BackupError::Vault(VaultError::Crypto))?;
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

/// Opens a whole backup file with `secret`, returning its header and contents.
pub(crate) fn open(
    file: &[u8],
    secret: &[u8],
) -> Result<(BackupHeader, Zeroizing<Vec<u8>>), BackupError> {
    let header = read_header(file)?;
    let canonical = match canonical_secret_for_open(secret, header.secret_kind.to_slot()) {
        Ok(c) => c,
        // A string that cannot be a recovery code cannot open a backup sealed under one.
        Err(VaultError::MalformedRecoveryCode) => return Err(BackupError::WrongSecret),
        Err(e) => return Err(e.into()),
    };
    let keys = derive_keys(&canonical, &header.salt, header.kdf)?;
    if !constant_time_eq(&keys.check, &header.check) {
        return Err(BackupError::WrongSecret);
    }
    let contents = open_with(&header, &keys.key, file)?;
    Ok((header, contents))
}

/// Opens the ciphertext of `file` with the derived `key`. Exposed to the crate for the fuzz target,
/// which cannot afford Argon2id per input.
pub(crate) fn open_with(
    header: &BackupHeader,
    key: &[u8; KEY_LEN],
    file: &[u8],
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    let aad = aad(&header.to_bytes());
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

/// Seals `contents` under a fixed key and opens it again, checking the header reads back: the part of
/// the reader the fuzz target can reach without Argon2id. Returns whether the round trip held.
pub(crate) fn fixed_key_round_trip(contents: &[u8]) -> Result<bool, BackupError> {
    let key = Zeroizing::new([7u8; KEY_LEN]);
    let header = BackupHeader {
        version: FORMAT_VERSION,
        secret_kind: BackupSecretKind::Passphrase,
        kdf: KdfParams::MINIMUM,
        salt: [1; SALT_LEN],
        nonce: [2; NONCE_LEN],
        ciphertext_len: (contents.len() + TAG_LEN) as u64,
        check: [3; CHECK_LEN],
    };
    let file = seal_with(&header, &key, contents)?;
    let read = read_header(&file)?;
    let opened = open_with(&read, &key, &file)?;
    Ok(read == header && opened.as_slice() == contents)
}

struct Keys {
    key: Zeroizing<[u8; KEY_LEN]>,
    check: [u8; CHECK_LEN],
}

fn derive_keys(
    canonical: &[u8],
    salt: &[u8; SALT_LEN],
    kdf: KdfParams,
) -> Result<Keys, BackupError> {
    let ikm = derive_kek(canonical, salt, kdf)?;
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    hkdf_sha256(HKDF_SALT, ikm.as_ref(), INFO_KEY, key.as_mut())?;
    let mut check = [0u8; CHECK_LEN];
    hkdf_sha256(HKDF_SALT, ikm.as_ref(), INFO_CHECK, &mut check)?;
    Ok(Keys { key, check })
}

fn aad(header: &[u8; HEADER_LEN]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(AAD_LABEL.len() + HEADER_LEN);
    aad.extend_from_slice(AAD_LABEL);
    aad.extend_from_slice(header);
    aad
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn byte(file: &[u8], at: usize) -> Result<u8, BackupError> {
    file.get(at).copied().ok_or(BackupError::Truncated {
        expected: HEADER_LEN as u64,
        found: file.len() as u64,
    })
}

fn array_at<const N: usize>(file: &[u8], at: usize) -> Result<[u8; N], BackupError> {
    file.get(at..at + N)
        .and_then(|s| s.try_into().ok())
        .ok_or(BackupError::Truncated {
            expected: HEADER_LEN as u64,
            found: file.len() as u64,
        })
}

fn u32_at(file: &[u8], at: usize) -> Result<u32, BackupError> {
    array_at::<4>(file, at).map(u32::from_be_bytes)
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    pub(crate) const PASS: &[u8] = b"correct horse battery";

    fn sealed(contents: &[u8]) -> Vec<u8> {
        seal(
            contents,
            PASS,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap()
    }

    #[test]
    fn round_trip_and_header() {
        let file = sealed(b"hello backup");
        assert_eq!(file.len(), HEADER_LEN + 12 + TAG_LEN);
        let (h, plain) = open(&file, PASS).unwrap();
        assert_eq!(&plain[..], b"hello backup");
        assert_eq!(h.version, 1);
        assert_eq!(h.secret_kind, BackupSecretKind::Passphrase);
        assert_eq!(h.kdf, KdfParams::MINIMUM);
        assert!(!file.windows(12).any(|w| w == b"hello backup"));
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
        assert!(matches!(
            seal(
                b"x",
                PASS,
                BackupSecretKind::Passphrase,
                KdfParams {
                    m_kib: 1024,
                    t: 1,
                    p: 1
                }
            ),
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
    fn recovery_code_is_normalised() {
        let code = crate::vault::RecoveryCode::generate().unwrap();
        let file = seal(
            b"x",
            code.as_str().as_bytes(),
            BackupSecretKind::RecoveryCode,
            KdfParams::MINIMUM,
        )
        .unwrap();
        let typed = code.as_str().replace('-', " ").to_lowercase();
        assert_eq!(&open(&file, typed.as_bytes()).unwrap().1[..], b"x");
        assert!(matches!(
            open(&file, b"not a code!"),
            Err(BackupError::WrongSecret)
        ));
        assert_eq!(
            read_header(&file).unwrap().secret_kind,
            BackupSecretKind::RecoveryCode
        );
    }
}
