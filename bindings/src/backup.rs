//! Encrypted backups: [`read_backup_header`], [`verify_backup`], [`suggested_backup_file_name`], the
//! backup methods of [`Vault`] (export, restore), their records and [`BackupError`].
//!
//! Every rule is core's (`oneday_core::backup`): the file format (Argon2id + AES-256-GCM), the order
//! errors are told in, the merge rules of each kind, the file name that names neither the app nor the
//! contents. A backup file crosses as its bytes; the shell reads and writes the file itself (through
//! the system's document picker). The passphrase or recovery code crosses as bytes and the FFI wipes
//! its copy after the call. Whatever the error, the vault is unchanged.
//!
//! [`BackupError`] is not flat: its variants carry typed fields a shell can use (the newer format's
//! version, how many records the vault holds, the minimum passphrase length), so in Kotlin each
//! variant is a subclass of `BackupException` with those fields as properties, and in Swift a case of
//! `BackupError` with associated values. The sentence for a person is core's message: `toString()`
//! in Kotlin, `description` in Swift. No message repeats the secret or anything inside the backup.

use std::fmt;

use oneday_core::backup as core;
use oneday_core::secret::SecretError;
use oneday_core::vault::{RecordKind, VaultError as CoreVaultError};

use crate::dates::LocalDate;
use crate::errors::secret_of;
use crate::kdf::{or_default, KdfParams};
use crate::vault::Vault;

/// What unlocks a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum BackupSecretKind {
    /// A generated recovery code (typed back in any case, with or without dashes and spaces).
    RecoveryCode,
    /// A passphrase the user chose (at least 8 bytes), used exactly as typed.
    Passphrase,
}

/// A kind of record a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum BackupRecordKind {
    /// A clean-time counter, with its attempts history.
    Counter,
    /// An app setting (the region, message templates, check-in preferences, ...).
    Setting,
    /// A meeting from an imported list, with the user's data on it (the layout before lists were
    /// kept in chunks).
    Meeting,
    /// The user's settings for one imported meeting list.
    MeetingSource,
    /// A person in the support network.
    Contact,
    /// A safety or relapse-prevention plan, with its revisions.
    Plan,
    /// One day's check-in.
    CheckIn,
    /// Part of an imported meeting list (many meetings in one record).
    MeetingChunk,
    /// The user's own data on one meeting (saved, note, reminder, attendance).
    MeetingMine,
}

/// How a backup was sealed: in clear in a format-1 file (so the app can ask for the right secret),
/// known only once opened in a format-2 file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct BackupHeader {
    /// The format version.
    pub version: u16,
    /// Whether a recovery code or a passphrase unlocks it.
    pub secret_kind: BackupSecretKind,
    /// The Argon2id cost it was sealed with.
    pub kdf: KdfParams,
}

/// How many records of one kind a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct BackupKindCount {
    /// The kind.
    pub kind: BackupRecordKind,
    /// How many.
    pub count: u32,
}

/// What a backup holds, read without touching any vault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupSummary {
    /// How it was sealed (format, secret kind, Argon2id cost), read once it was opened.
    pub header: BackupHeader,
    /// When it was made, in milliseconds since 1970-01-01 UTC (by the clock of the device that
    /// made it).
    pub made_at_epoch_millis: i64,
    /// How many records of each kind it holds: every kind, in a fixed order, zero counts included.
    pub records: Vec<BackupKindCount>,
}

/// What a restore did to one kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct KindRestoreReport {
    /// The kind.
    pub kind: BackupRecordKind,
    /// In the backup, not in the vault: added.
    pub added: u32,
    /// In both and changed by the merge.
    pub updated: u32,
    /// In both, and the vault already held the merged version: nothing written.
    pub unchanged: u32,
    /// In both but contradicting each other: the backup's was added beside the vault's (also
    /// counted in `added`).
    pub kept_both: u32,
}

/// What a restore did: per kind (every kind, in a fixed order) and added up.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RestoreReport {
    /// One entry per kind, zero counts included.
    pub kinds: Vec<KindRestoreReport>,
    /// Records added, over every kind.
    pub added: u32,
    /// Records updated, over every kind.
    pub updated: u32,
    /// Records left unchanged, over every kind.
    pub unchanged: u32,
    /// Records kept beside a contradicting one, over every kind.
    pub kept_both: u32,
}

/// Why a backup could not be made, read or restored. Whatever the error, the vault is unchanged.
///
/// Its sentence for a person (`toString()` / `description`) is core's message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum BackupError {
    /// The bytes do not start like a One Day backup.
    NotABackup,
    /// The backup was made by a newer version of One Day: update the app to restore it.
    NewerFormat {
        /// The format version the file uses.
        version: u16,
    },
    /// The file was cut short while it was copied or saved.
    Truncated {
        /// Bytes the header says the file has.
        expected: u64,
        /// Bytes it has.
        found: u64,
    },
    /// The passphrase or recovery code does not open this backup.
    WrongSecret,
    /// The file was damaged or changed after it was made (the secret is right).
    Damaged,
    /// An export under the recovery code was given a code that is not this vault's (checked first,
    /// so no backup is sealed that the code the user keeps cannot open).
    NotThisVaultsRecoveryCode,
    /// The file is larger than any backup.
    TooLarge {
        /// The limit in bytes.
        max: u64,
    },
    /// Restoring without merging needs a vault with nothing in it: merge instead, or restore into
    /// a new vault.
    VaultNotEmpty {
        /// How many records the vault holds.
        records: u64,
    },
    /// A record in the backup could not be read as what it says it is.
    BadRecord {
        /// The record's kind (its stable name, such as `counter`).
        kind: String,
    },
    /// Argon2id parameters below the floor (m = 19 MiB, t = 2, p = 1) or above the ceiling, or
    /// (for a backup) neither the default nor the floor.
    InvalidKdfParams {
        /// What is wrong with them, for a person. (Named `reason`, not `message`: a field named
        /// `message` clashes with `Throwable.message` in the generated Kotlin.)
        reason: String,
    },
    /// The passphrase is too short to seal a backup with.
    PassphraseTooShort {
        /// The minimum length in bytes.
        min: u32,
    },
    /// The passphrase is long enough but easy to guess.
    WeakPassphrase {
        /// Why, and what to do instead, in plain words. (Named `reason`, as above.)
        reason: String,
    },
    /// The vault is locked: unlock it first.
    Locked,
    /// The passphrase or recovery code given is not UTF-8 text.
    SecretNotText,
    /// The vault failed (a damaged record, storage, a newer format); the reason says which.
    VaultFailure {
        /// What happened, for a person (core's message; it names no record content).
        reason: String,
    },
}

/// A count as it crosses the FFI (`usize` never exceeds `u64` on supported targets).
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl From<core::BackupError> for BackupError {
    fn from(e: core::BackupError) -> Self {
        use core::BackupError as E;
        match e {
            E::NotABackup => BackupError::NotABackup,
            E::NewerFormat { version } => BackupError::NewerFormat { version },
            E::Truncated { expected, found } => BackupError::Truncated { expected, found },
            E::WrongSecret => BackupError::WrongSecret,
            E::Damaged => BackupError::Damaged,
            E::NotThisVaultsRecoveryCode => BackupError::NotThisVaultsRecoveryCode,
            E::TooLarge { max } => BackupError::TooLarge { max },
            E::VaultNotEmpty { records } => BackupError::VaultNotEmpty {
                records: count(records),
            },
            E::BadRecord { kind } => BackupError::BadRecord { kind },
            E::Vault(CoreVaultError::Locked) => BackupError::Locked,
            E::Vault(CoreVaultError::WeakPassphrase { reason }) => {
                BackupError::WeakPassphrase { reason }
            }
            E::Vault(CoreVaultError::PassphraseTooShort { min }) => {
                BackupError::PassphraseTooShort {
                    min: u32::try_from(min).unwrap_or(u32::MAX),
                }
            }
            E::Vault(
                v @ (CoreVaultError::KdfTooWeak { .. } | CoreVaultError::KdfTooCostly { .. }),
            ) => BackupError::InvalidKdfParams {
                reason: v.to_string(),
            },
            e @ E::KdfNotAProfile { .. } => BackupError::InvalidKdfParams {
                reason: e.to_string(),
            },
            // `File` (the CLI's file reads and writes), any other vault failure, and kinds added
            // to core later.
            other => BackupError::VaultFailure {
                reason: other.to_string(),
            },
        }
    }
}

impl fmt::Display for BackupError {
    /// Core's sentence for the error (one wording, kept in core).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use core::BackupError as E;
        let core_error = match self {
            BackupError::NotABackup => E::NotABackup,
            BackupError::NewerFormat { version } => E::NewerFormat { version: *version },
            BackupError::Truncated { expected, found } => E::Truncated {
                expected: *expected,
                found: *found,
            },
            BackupError::WrongSecret => E::WrongSecret,
            BackupError::Damaged => E::Damaged,
            BackupError::NotThisVaultsRecoveryCode => E::NotThisVaultsRecoveryCode,
            BackupError::TooLarge { max } => E::TooLarge { max: *max },
            BackupError::VaultNotEmpty { records } => E::VaultNotEmpty {
                records: usize::try_from(*records).unwrap_or(usize::MAX),
            },
            BackupError::BadRecord { kind } => E::BadRecord { kind: kind.clone() },
            BackupError::PassphraseTooShort { min } => {
                E::Vault(CoreVaultError::PassphraseTooShort {
                    min: usize::try_from(*min).unwrap_or(usize::MAX),
                })
            }
            BackupError::Locked => E::Vault(CoreVaultError::Locked),
            BackupError::WeakPassphrase { reason } => E::Vault(CoreVaultError::WeakPassphrase {
                reason: reason.clone(),
            }),
            BackupError::InvalidKdfParams { reason } | BackupError::VaultFailure { reason } => {
                return f.write_str(reason)
            }
            BackupError::SecretNotText => return SecretError::NotUtf8.fmt(f),
        };
        core_error.fmt(f)
    }
}

impl std::error::Error for BackupError {}

impl From<SecretError> for BackupError {
    fn from(e: SecretError) -> Self {
        match e {
            SecretError::NotUtf8 => BackupError::SecretNotText,
        }
    }
}

/// Reads what a backup file says before it is opened, so the app can ask for the right secret:
/// its clear header (format 1: which secret opens it; the rest of the file must be there), or
/// `null`/`nil` for a sealed backup (format 2, what every backup is now), which says nothing until
/// the secret opens it: then ask for "the passphrase or recovery code".
///
/// Throws `NotABackup` (a file shorter than any backup, or a format-1 magic that is wrong),
/// `NewerFormat`, `Truncated`, `Damaged` (a format-1 header no version writes).
#[uniffi::export]
pub fn read_backup_header(file: Vec<u8>) -> Result<Option<BackupHeader>, BackupError> {
    Ok(core::read_header(&file)?.map(BackupHeader::from))
}

/// Opens a backup with `secret` (UTF-8 bytes of the passphrase, or of the recovery code in any
/// case, with or without dashes) and reads every record in it, writing nothing anywhere. Runs
/// Argon2id.
///
/// Throws `WrongSecret`, `Damaged`, `BadRecord` and whatever [`read_backup_header`] throws.
#[uniffi::export]
pub fn verify_backup(file: Vec<u8>, secret: Vec<u8>) -> Result<BackupSummary, BackupError> {
    let secret = secret_of::<BackupError>(secret)?;
    Ok(secret.open_with(|s| core::verify(&file, s))?.into())
}

/// The file name to offer when saving a backup made on `today`, such as `backup-2026-11-29`. It
/// names neither the app nor what is inside: unlike the contents, the name is in clear.
#[uniffi::export]
pub fn suggested_backup_file_name(today: LocalDate) -> String {
    core::suggested_file_name(today)
}

#[uniffi::export]
impl Vault {
    /// Seals every record of the vault into a backup file's bytes, under `secret`: a passphrase of
    /// at least 8 bytes (`kind` `Passphrase`) or a recovery code (`RecoveryCode`), as UTF-8 bytes.
    /// `kdf` is the Argon2id cost; `null`/`nil` means the default. Runs Argon2id.
    ///
    /// Throws `Locked`, `PassphraseTooShort`, `WeakPassphrase`, `InvalidKdfParams`, `VaultFailure`.
    #[uniffi::method(default(kdf = None))]
    pub fn export_backup(
        &self,
        secret: Vec<u8>,
        kind: BackupSecretKind,
        kdf: Option<KdfParams>,
    ) -> Result<Vec<u8>, BackupError> {
        let secret = secret_of::<BackupError>(secret)?;
        Ok(secret.open_with(|s| core::export(&self.inner, s, kind.into(), or_default(kdf)))?)
    }

    /// Restores a backup into this vault, all of it or nothing. With `merge` false the vault must
    /// be empty (a new phone; `VaultNotEmpty` otherwise); with `merge` true the backup's records
    /// are matched to the vault's and merged by core's rules for each kind. Runs Argon2id.
    ///
    /// Throws what [`verify_backup`] throws, and `VaultNotEmpty`, `Locked`, `VaultFailure`.
    pub fn restore_backup(
        &self,
        file: Vec<u8>,
        secret: Vec<u8>,
        merge: bool,
    ) -> Result<RestoreReport, BackupError> {
        let secret = secret_of::<BackupError>(secret)?;
        let mode = if merge {
            core::RestoreMode::Merge
        } else {
            core::RestoreMode::IntoEmpty
        };
        let report = secret.open_with(|s| core::restore(&self.inner, &file, s, mode))?;
        // The meetings kept between calls may be stale now.
        *self
            .meeting_book
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        Ok(report.into())
    }
}

impl From<BackupSecretKind> for core::BackupSecretKind {
    fn from(k: BackupSecretKind) -> Self {
        match k {
            BackupSecretKind::RecoveryCode => core::BackupSecretKind::RecoveryCode,
            BackupSecretKind::Passphrase => core::BackupSecretKind::Passphrase,
        }
    }
}

impl From<core::BackupSecretKind> for BackupSecretKind {
    fn from(k: core::BackupSecretKind) -> Self {
        match k {
            core::BackupSecretKind::RecoveryCode => BackupSecretKind::RecoveryCode,
            core::BackupSecretKind::Passphrase => BackupSecretKind::Passphrase,
        }
    }
}

impl From<RecordKind> for BackupRecordKind {
    fn from(k: RecordKind) -> Self {
        match k {
            RecordKind::Counter => BackupRecordKind::Counter,
            RecordKind::Setting => BackupRecordKind::Setting,
            RecordKind::Meeting => BackupRecordKind::Meeting,
            RecordKind::MeetingSource => BackupRecordKind::MeetingSource,
            RecordKind::Contact => BackupRecordKind::Contact,
            RecordKind::Plan => BackupRecordKind::Plan,
            RecordKind::CheckIn => BackupRecordKind::CheckIn,
            RecordKind::MeetingChunk => BackupRecordKind::MeetingChunk,
            RecordKind::MeetingMine => BackupRecordKind::MeetingMine,
        }
    }
}

impl From<core::BackupHeader> for BackupHeader {
    fn from(h: core::BackupHeader) -> Self {
        BackupHeader {
            version: h.version,
            secret_kind: h.secret_kind.into(),
            kdf: h.kdf.into(),
        }
    }
}

impl From<core::BackupSummary> for BackupSummary {
    fn from(s: core::BackupSummary) -> Self {
        BackupSummary {
            header: s.header.into(),
            made_at_epoch_millis: s.made_at.timestamp_millis(),
            records: s
                .records
                .into_iter()
                .map(|(kind, count)| BackupKindCount {
                    kind: kind.into(),
                    count,
                })
                .collect(),
        }
    }
}

impl From<core::RestoreReport> for RestoreReport {
    fn from(r: core::RestoreReport) -> Self {
        let total = r.total();
        RestoreReport {
            kinds: r
                .kinds
                .into_iter()
                .map(|(kind, k)| KindRestoreReport {
                    kind: kind.into(),
                    added: k.added,
                    updated: k.updated,
                    unchanged: k.unchanged,
                    kept_both: k.kept_both,
                })
                .collect(),
            added: total.added,
            updated: total.updated,
            unchanged: total.unchanged,
            kept_both: total.kept_both,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::sync::Arc;

    use chrono::NaiveDate;

    use super::core;
    use super::*;
    use crate::counter::{CounterKind, CounterSettings};
    use crate::kdf::minimum_kdf_params;
    use crate::vault::create_vault;
    use crate::{CountingMode, MilestoneProfile};

    const PASSPHRASE: &[u8] = b"correct horse battery";

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn new_vault(dir: &tempfile::TempDir, name: &str) -> Arc<Vault> {
        let path = dir.path().join(name).to_string_lossy().into_owned();
        create_vault(path, vec![7; 32], Some(minimum_kdf_params()))
            .unwrap()
            .vault
    }

    /// A vault holding one counter with a reset and a region setting.
    fn filled_vault(dir: &tempfile::TempDir) -> Arc<Vault> {
        let vault = new_vault(dir, "old");
        let settings = CounterSettings {
            label: "Alcohol".into(),
            kind: CounterKind::Substance,
            counting: CountingMode::CompletedDays,
            profile: MilestoneProfile::NaKeyTags,
            daily_cost: None,
            last_use: None,
            name_in_reminders: false,
        };
        let counter = vault.add_counter(settings, day(2023, 1, 10)).unwrap();
        vault
            .reset_counter(counter.id, day(2024, 2, 3), None, None)
            .unwrap();
        vault.set_region(Some("IE".into())).unwrap();
        vault
    }

    fn export(vault: &Vault) -> Vec<u8> {
        vault
            .export_backup(
                PASSPHRASE.to_vec(),
                BackupSecretKind::Passphrase,
                Some(minimum_kdf_params()),
            )
            .unwrap()
    }

    fn count_of(summary: &BackupSummary, kind: BackupRecordKind) -> u32 {
        summary
            .records
            .iter()
            .find(|c| c.kind == kind)
            .unwrap()
            .count
    }

    #[test]
    fn export_verify_and_restore_into_a_second_vault() {
        let dir = tempfile::tempdir().unwrap();
        let old = filled_vault(&dir);
        let file = export(&old);

        // A sealed file says nothing before it is opened.
        assert_eq!(read_backup_header(file.clone()).unwrap(), None);

        let summary = verify_backup(file.clone(), PASSPHRASE.to_vec()).unwrap();
        assert_eq!(
            summary.header,
            BackupHeader {
                version: 2,
                secret_kind: BackupSecretKind::Passphrase,
                kdf: minimum_kdf_params(),
            }
        );
        assert_eq!(summary.records.len(), RecordKind::ALL.len());
        assert_eq!(count_of(&summary, BackupRecordKind::Counter), 1);
        assert_eq!(count_of(&summary, BackupRecordKind::Setting), 1);
        assert_eq!(count_of(&summary, BackupRecordKind::Contact), 0);
        let now = chrono::Utc::now().timestamp_millis();
        assert!((now - summary.made_at_epoch_millis).abs() < 3_600_000);

        let new = new_vault(&dir, "new");
        let report = new
            .restore_backup(file, PASSPHRASE.to_vec(), false)
            .unwrap();
        assert_eq!((report.added, report.updated, report.unchanged), (2, 0, 0));
        assert_eq!(report.kinds.len(), RecordKind::ALL.len());
        let counters = report
            .kinds
            .iter()
            .find(|k| k.kind == BackupRecordKind::Counter)
            .unwrap();
        assert_eq!(counters.added, 1);
        assert_eq!(new.counters().unwrap(), old.counters().unwrap());
        assert_eq!(new.counters().unwrap()[0].attempts.len(), 2);
        assert_eq!(new.region().unwrap().as_deref(), Some("IE"));
    }

    #[test]
    fn a_wrong_secret_is_refused_and_its_message_does_not_repeat_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = export(&filled_vault(&dir));
        let e = verify_backup(file.clone(), b"not the passphrase".to_vec()).unwrap_err();
        assert_eq!(e, BackupError::WrongSecret);
        assert!(!e.to_string().contains("not the passphrase"));
        let new = new_vault(&dir, "new");
        assert_eq!(
            new.restore_backup(file, b"not the passphrase".to_vec(), true),
            Err(BackupError::WrongSecret)
        );
        assert!(new.counters().unwrap().is_empty());
    }

    #[test]
    fn a_backup_sealed_under_unnormalised_bytes_still_opens_typed_the_same_way() {
        // What the CLI wrote before secrets were normalised: the decomposed bytes as typed.
        let decomposed = "cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e thursday";
        let composed = "caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e thursday";
        let tmp = tempfile::tempdir().unwrap();
        let vault = filled_vault(&tmp);
        let file = core::export(
            &vault.inner,
            decomposed.as_bytes(),
            core::BackupSecretKind::Passphrase,
            minimum_kdf_params().into(),
        )
        .unwrap();
        verify_backup(file.clone(), decomposed.as_bytes().to_vec()).unwrap();
        // Typed the other way it cannot be told apart from a wrong passphrase.
        assert_eq!(
            verify_backup(file, composed.as_bytes().to_vec()).unwrap_err(),
            BackupError::WrongSecret
        );
        assert_eq!(
            verify_backup(vec![0; 64], vec![0xff]).unwrap_err(),
            BackupError::SecretNotText
        );
    }

    #[test]
    fn restoring_into_a_vault_in_use_needs_merge_and_changes_nothing_without() {
        let dir = tempfile::tempdir().unwrap();
        let old = filled_vault(&dir);
        let file = export(&old);
        let before = old.counters().unwrap();
        assert_eq!(
            old.restore_backup(file.clone(), PASSPHRASE.to_vec(), false),
            Err(BackupError::VaultNotEmpty { records: 2 })
        );
        assert_eq!(old.counters().unwrap(), before);

        let report = old.restore_backup(file, PASSPHRASE.to_vec(), true).unwrap();
        assert_eq!((report.added, report.updated, report.kept_both), (0, 0, 0));
        assert_eq!(report.unchanged, 2);
        assert_eq!(old.counters().unwrap(), before);
    }

    #[test]
    fn errors_map_to_their_variant_and_keep_cores_message() {
        use core::BackupError as E;
        let cases = [
            (E::NotABackup, BackupError::NotABackup),
            (
                E::NewerFormat { version: 2 },
                BackupError::NewerFormat { version: 2 },
            ),
            (
                E::Truncated {
                    expected: 90,
                    found: 80,
                },
                BackupError::Truncated {
                    expected: 90,
                    found: 80,
                },
            ),
            (E::WrongSecret, BackupError::WrongSecret),
            (E::Damaged, BackupError::Damaged),
            (
                E::NotThisVaultsRecoveryCode,
                BackupError::NotThisVaultsRecoveryCode,
            ),
            (E::TooLarge { max: 5 }, BackupError::TooLarge { max: 5 }),
            (
                E::VaultNotEmpty { records: 3 },
                BackupError::VaultNotEmpty { records: 3 },
            ),
            (
                E::BadRecord {
                    kind: "counter".into(),
                },
                BackupError::BadRecord {
                    kind: "counter".into(),
                },
            ),
            (E::Vault(CoreVaultError::Locked), BackupError::Locked),
            (
                E::Vault(CoreVaultError::PassphraseTooShort { min: 8 }),
                BackupError::PassphraseTooShort { min: 8 },
            ),
        ];
        for (core_error, expected) in cases {
            let message = core_error.to_string();
            let mapped = BackupError::from(core_error);
            assert_eq!(mapped, expected);
            assert_eq!(mapped.to_string(), message);
        }
        // Parameters below the floor, or neither backup profile: one variant, core's sentence.
        let weak = E::Vault(CoreVaultError::KdfTooWeak {
            m_kib: 1,
            t: 1,
            p: 1,
        });
        let between = E::KdfNotAProfile {
            m_kib: 32768,
            t: 2,
            p: 1,
        };
        for core_error in [weak, between] {
            let message = core_error.to_string();
            let mapped = BackupError::from(core_error);
            assert_eq!(
                mapped,
                BackupError::InvalidKdfParams {
                    reason: message.clone()
                }
            );
            assert_eq!(mapped.to_string(), message);
        }
        assert!(matches!(
            BackupError::from(E::Vault(CoreVaultError::CorruptDatabase)),
            BackupError::VaultFailure { .. }
        ));
    }

    #[test]
    fn a_short_or_weak_passphrase_and_a_locked_vault_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let vault = filled_vault(&dir);
        assert_eq!(
            vault.export_backup(
                b"short".to_vec(),
                BackupSecretKind::Passphrase,
                Some(minimum_kdf_params())
            ),
            Err(BackupError::PassphraseTooShort { min: 8 })
        );
        assert!(matches!(
            vault.export_backup(
                b"password1".to_vec(),
                BackupSecretKind::Passphrase,
                Some(minimum_kdf_params())
            ),
            Err(BackupError::WeakPassphrase { reason }) if reason.contains("too easy to guess")
        ));
        vault.lock();
        assert_eq!(
            vault.export_backup(
                PASSPHRASE.to_vec(),
                BackupSecretKind::Passphrase,
                Some(minimum_kdf_params())
            ),
            Err(BackupError::Locked)
        );
    }

    #[test]
    fn the_suggested_name_is_the_date_only() {
        assert_eq!(
            suggested_backup_file_name(day(2026, 11, 29)),
            "backup-2026-11-29"
        );
    }
}
