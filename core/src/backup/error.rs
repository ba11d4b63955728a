//! The one error type of backups.

use thiserror::Error;

use crate::vault::VaultError;

/// Why a backup could not be written, read or restored. Whatever the error, the vault is unchanged.
///
/// Messages are written for the person using the app and never repeat the passphrase or anything
/// inside the backup.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum BackupError {
    /// The file does not start like a One Day backup.
    #[error("this file is not a One Day backup")]
    NotABackup,
    /// The file was written by a newer version of One Day.
    #[error("this backup was made by a newer version of One Day (format {version}); update the app to restore it")]
    NewerFormat {
        /// The format version (or algorithm, record kind) the file uses.
        version: u16,
    },
    /// The file ends before the backup does: it was cut short while being copied or saved.
    #[error("this backup is incomplete: the file was cut short ({found} of {expected} bytes)")]
    Truncated {
        /// Bytes the header says the file has.
        expected: u64,
        /// Bytes it has.
        found: u64,
    },
    /// The passphrase or recovery code does not open this file. For a sealed backup (format 2 and
    /// later) this is also what a file that is not a backup, or one damaged at its start, gives:
    /// without the right key nothing in such a file can be told from random bytes.
    #[error("the passphrase or recovery code does not open this file; check it and type it again (if it still does not open, the file may not be a One Day backup, or may be damaged)")]
    WrongSecret,
    /// A backup under the recovery code was asked for with a code that is not this vault's: it would
    /// seal a backup that the code the user keeps cannot open.
    #[error("that is not this vault's recovery code; check what you wrote down and type it again")]
    NotThisVaultsRecoveryCode,
    /// The file was changed or damaged after it was written: the key is right but the contents do
    /// not authenticate, or their layout is wrong.
    #[error("this backup is damaged or was changed after it was made; it cannot be restored")]
    Damaged,
    /// A backup is sealed with one of a few fixed Argon2id costs (so that nothing about it has to
    /// be written in clear), and these parameters are not one of them.
    #[error("a backup is sealed with the default Argon2id cost or the floor (the vault's own); m = {m_kib} KiB, t = {t}, p = {p} is neither")]
    KdfNotAProfile {
        /// Memory asked for, in KiB.
        m_kib: u32,
        /// Passes asked for.
        t: u32,
        /// Lanes asked for.
        p: u32,
    },
    /// The file is larger than any backup this version can hold in memory.
    #[error("this file is larger than {max} bytes, more than any One Day backup")]
    TooLarge {
        /// The limit in bytes.
        max: u64,
    },
    /// Restoring without merging needs a vault with nothing in it.
    #[error("this vault already holds {records} records; merge the backup into it, or restore into a new vault")]
    VaultNotEmpty {
        /// How many records the vault holds.
        records: usize,
    },
    /// A record in the backup could not be read as what it says it is.
    #[error("a {kind} record in the backup could not be read")]
    BadRecord {
        /// The record's kind.
        kind: String,
    },
    /// Reading or writing the backup file failed.
    #[error("the backup file could not be {action}: {reason}")]
    File {
        /// "read" or "written".
        action: &'static str,
        /// The operating system's reason (it names no path).
        reason: String,
    },
    /// The vault refused (locked, wrong parameters, passphrase too short, storage failure, ...).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl BackupError {
    /// A file error with the OS reason but without the path (which could name the user).
    pub(crate) fn file(action: &'static str, e: &std::io::Error) -> Self {
        BackupError::File {
            action,
            reason: e.kind().to_string(),
        }
    }
}

impl crate::secret::WrongSecret for BackupError {
    /// The secret does not open the file, or (exporting under the recovery code) is not the vault's.
    fn is_wrong_secret(&self) -> bool {
        matches!(
            self,
            BackupError::WrongSecret
                | BackupError::NotThisVaultsRecoveryCode
                | BackupError::Vault(VaultError::WrongRecoverySecret)
        )
    }
}
