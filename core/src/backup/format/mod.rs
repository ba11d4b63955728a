//! The backup file's bytes, in every version this version reads: [`v1`] (a clear header, then one
//! AES-256-GCM ciphertext) and [`v2`] (nothing in clear: a random salt and nonce, a sealed header,
//! the sealed contents), which is what new backups are.
//!
//! A version-2 file has no magic and no plaintext parameter, so it cannot be told from random bytes
//! without the secret. A reader finds the version by trying the known ones in order:
//! 1. a file that starts with version 1's magic is read as version 1 (its clear header says how);
//! 2. anything else is tried as version 2 with each of its Argon2id profiles ([`v2::PROFILES`]), the
//!    stronger first; the first whose key opens the sealed header wins.
//!
//! What can no longer be told apart (version 2): a wrong secret, a file that is not a backup at all,
//! a backup damaged in its first 68 bytes, and a backup of a format newer than 2 are the same to a
//! reader: no key it can derive opens the sealed header ([`BackupError::WrongSecret`], whose message
//! says so). Once the header opens, truncation ([`BackupError::Truncated`]) and damage
//! ([`BackupError::Damaged`]) are told exactly as in version 1. `docs/backup-format.md` is the
//! specification.

pub(crate) mod v1;
pub(crate) mod v2;

use zeroize::Zeroizing;

// The current version writes; the fuzz target's fixed-key round trip is of the current version too.
#[cfg(feature = "fuzzing")]
pub(crate) use self::v2::fixed_key_round_trip;
pub use self::v2::PROFILES as KDF_PROFILES;
pub(crate) use self::v2::{check_profile as check_kdf, seal};

use super::error::BackupError;
use crate::vault::kdf::{derive_kek, KdfParams, SALT_LEN};
use crate::vault::keys::{hkdf_sha256, KEY_LEN};
use crate::vault::slots::SecretKind;

/// The format version this version writes. It reads this one and every older one.
pub const FORMAT_VERSION: u16 = v2::VERSION;
/// The largest backup contents read: far more than a vault holds (10,000 meetings make about 20 MB).
pub const MAX_BACKUP_BYTES: u64 = 256 * 1024 * 1024;
/// The largest whole file read: the contents plus the longest fixed part of any version. The shells
/// read at most one byte more than this from a picked file.
pub const MAX_BACKUP_FILE_BYTES: u64 = MAX_BACKUP_BYTES + v1::HEADER_LEN as u64;
/// How many leading bytes [`crate::backup::read`] looks at before reading the rest: the v1 magic,
/// or the start of a v2 file's random salt.
pub(crate) const LEAD_LEN: usize = 8;

/// Whether the first [`LEAD_LEN`] bytes of a file rule it out as a backup of any version: a v1
/// file starts with its magic, a v2 file with random salt, which is never all zeros (odds 2^-64).
/// So an endless stream of zeros (`/dev/zero`) is refused after eight bytes.
pub(crate) fn lead_rules_out(lead: &[u8]) -> bool {
    !v1::has_magic(lead) && lead.iter().all(|&b| b == 0)
}
/// Length of an AES-256-GCM tag.
const TAG_LEN: usize = 16;

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

    /// The kind written as `byte` in a header: 1 = recovery code, 2 = passphrase.
    fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            1 => Some(BackupSecretKind::RecoveryCode),
            2 => Some(BackupSecretKind::Passphrase),
            _ => None,
        }
    }

    /// The byte that stands for this kind in a header.
    fn to_byte(self) -> u8 {
        self.to_slot() as u8
    }
}

/// How a backup was sealed: its format version, which secret opens it and the Argon2id cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupHeader {
    /// The format version.
    pub version: u16,
    /// Whether it is unlocked by a recovery code or a passphrase.
    pub secret_kind: BackupSecretKind,
    /// The Argon2id parameters it was sealed with.
    pub kdf: KdfParams,
}

/// Length of [`BackupHeader::to_bytes`].
const HEADER_FIELDS_LEN: usize = 16;
/// The algorithm id of AES-256-GCM, the only one written.
const ALGORITHM_AES_256_GCM: u8 = 1;

impl BackupHeader {
    /// The fields every version writes the same way, in this order: version (2 bytes), algorithm
    /// id, secret kind, Argon2id m, t and p (4 bytes each), big-endian.
    fn to_bytes(self) -> [u8; HEADER_FIELDS_LEN] {
        let mut out = [0u8; HEADER_FIELDS_LEN];
        out[0..2].copy_from_slice(&self.version.to_be_bytes());
        out[2] = ALGORITHM_AES_256_GCM;
        out[3] = self.secret_kind.to_byte();
        out[4..8].copy_from_slice(&self.kdf.m_kib.to_be_bytes());
        out[8..12].copy_from_slice(&self.kdf.t.to_be_bytes());
        out[12..16].copy_from_slice(&self.kdf.p.to_be_bytes());
        out
    }
}

/// What `file` says about itself before it is opened: its header if it has one in clear (version
/// 1), `None` if it may be a sealed backup (version 2 and later), whose header is known only once
/// the secret opens it. A version-1 header is checked as [`v1`] says, and the rest of the file must
/// be there; a file shorter than any backup, or one that starts as no backup does (see
/// [`lead_rules_out`]), is [`BackupError::NotABackup`].
pub fn read_header(file: &[u8]) -> Result<Option<BackupHeader>, BackupError> {
    if v1::has_magic(file) {
        return Ok(Some(v1::read_header(file)?.header));
    }
    if file.len() < v2::MIN_FILE_LEN || lead_rules_out(&file[..LEAD_LEN.min(file.len())]) {
        return Err(BackupError::NotABackup);
    }
    Ok(None)
}

/// Opens a whole backup file of any version with `secret`, returning its header and contents.
pub(crate) fn open(
    file: &[u8],
    secret: &[u8],
) -> Result<(BackupHeader, Zeroizing<Vec<u8>>), BackupError> {
    if v1::has_magic(file) {
        return v1::open(file, secret);
    }
    v2::open(file, secret)
}

/// Argon2id of `secret` and `salt`, the input of every backup key.
fn derive_ikm(
    secret: &[u8],
    salt: &[u8; SALT_LEN],
    kdf: KdfParams,
) -> Result<Zeroizing<[u8; KEY_LEN]>, BackupError> {
    Ok(derive_kek(secret, salt, kdf)?)
}

/// HKDF-SHA256 of `ikm` for one purpose (`info`), `N` bytes.
fn expand<const N: usize>(
    hkdf_salt: &[u8],
    ikm: &[u8; KEY_LEN],
    info: &[u8],
) -> Result<Zeroizing<[u8; N]>, BackupError> {
    let mut out = Zeroizing::new([0u8; N]);
    hkdf_sha256(hkdf_salt, ikm, info, out.as_mut())?;
    Ok(out)
}

/// `label || bytes`: the associated data of a sealed part.
fn labelled(label: &[u8], bytes: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(label.len() + bytes.len());
    aad.extend_from_slice(label);
    aad.extend_from_slice(bytes);
    aad
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `N` bytes of `file` at `at`, or `None` when the file ends first.
fn array_at<const N: usize>(file: &[u8], at: usize) -> Option<[u8; N]> {
    file.get(at..at.checked_add(N)?)
        .and_then(|s| s.try_into().ok())
}

fn u32_at(file: &[u8], at: usize) -> Option<u32> {
    array_at::<4>(file, at).map(u32::from_be_bytes)
}

fn u64_at(file: &[u8], at: usize) -> Option<u64> {
    array_at::<8>(file, at).map(u64::from_be_bytes)
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    pub(crate) const PASS: &[u8] = b"correct horse battery";

    /// A version's writer.
    pub(crate) type Writer =
        fn(&[u8], &[u8], BackupSecretKind, KdfParams) -> Result<Vec<u8>, BackupError>;

    /// `contents` sealed by `writer` under [`PASS`] at the floor's cost.
    pub(crate) fn sealed_by(writer: Writer, contents: &[u8]) -> Vec<u8> {
        writer(
            contents,
            PASS,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap()
    }

    #[test]
    fn new_files_are_version_2_and_say_nothing_in_clear() {
        let file = seal(
            b"contents",
            PASS,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap();
        assert!(!v1::has_magic(&file));
        assert_eq!(read_header(&file).unwrap(), None);
        let (h, plain) = open(&file, PASS).unwrap();
        assert_eq!(h.version, FORMAT_VERSION);
        assert_eq!(FORMAT_VERSION, 2);
        assert_eq!(&plain[..], b"contents");
    }

    #[test]
    fn every_version_round_trips_and_hides_the_contents() {
        let versions = [
            (v1::tests::seal as Writer, 1, v1::HEADER_LEN),
            (v2::seal, 2, v2::FIXED_LEN),
        ];
        for (writer, version, fixed_len) in versions {
            let file = sealed_by(writer, b"hello backup");
            assert_eq!(file.len(), fixed_len + 12 + TAG_LEN);
            let (h, plain) = open(&file, PASS).unwrap();
            assert_eq!(&plain[..], b"hello backup");
            let expected = BackupHeader {
                version,
                secret_kind: BackupSecretKind::Passphrase,
                kdf: KdfParams::MINIMUM,
            };
            assert_eq!(h, expected);
            // Only version 1 tells it before it is opened.
            let before = read_header(&file).unwrap();
            assert_eq!(before, (version == 1).then_some(expected));
            assert!(!file.windows(12).any(|w| w == b"hello backup"));
        }
    }

    #[test]
    fn a_recovery_code_opens_however_it_is_typed_in_every_version() {
        let code = crate::vault::RecoveryCode::generate().unwrap();
        let typed = code.as_str().replace('-', " ").to_lowercase();
        for writer in [v1::tests::seal as Writer, v2::seal] {
            let file = writer(
                b"x",
                code.as_str().as_bytes(),
                BackupSecretKind::RecoveryCode,
                KdfParams::MINIMUM,
            )
            .unwrap();
            let (h, plain) = open(&file, typed.as_bytes()).unwrap();
            assert_eq!(&plain[..], b"x");
            assert_eq!(h.secret_kind, BackupSecretKind::RecoveryCode);
            assert!(matches!(
                open(&file, b"not a code!"),
                Err(BackupError::WrongSecret)
            ));
        }
    }

    #[test]
    fn a_short_file_is_not_a_backup_and_a_long_one_may_be() {
        assert!(matches!(read_header(b""), Err(BackupError::NotABackup)));
        assert!(matches!(
            read_header(&[0u8; v2::MIN_FILE_LEN - 1]),
            Err(BackupError::NotABackup)
        ));
        assert_eq!(read_header(&[7u8; v2::MIN_FILE_LEN]).unwrap(), None);
    }

    #[test]
    fn a_file_that_starts_with_eight_zero_bytes_is_not_a_backup() {
        let mut file = [7u8; 4096];
        file[..LEAD_LEN].fill(0);
        assert!(matches!(read_header(&file), Err(BackupError::NotABackup)));
        file[LEAD_LEN - 1] = 1;
        assert_eq!(read_header(&file).unwrap(), None);
    }
}
