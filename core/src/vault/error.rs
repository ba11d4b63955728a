//! The one error type of the vault.
//!
//! Messages never contain record contents, secrets or anything a user typed: `serde_json` errors can
//! quote the value that failed to parse, so encoding and decoding failures are reported by record id only
//! and the `serde_json` error is dropped. SQLite errors only ever quote the vault's own fixed SQL, which
//! carries values as bound parameters, never inline.

use std::fmt;

use super::record::RecordId;

/// Everything that can go wrong in the vault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The vault is locked (or was wiped while this handle was open): unlock it first.
    #[error("the vault is locked")]
    Locked,
    /// `create` found a vault (or the leftovers of one) in the folder.
    #[error("a vault already exists in this folder")]
    AlreadyExists,
    /// There is no vault in the folder.
    #[error("there is no vault in this folder")]
    NotFound,
    /// A panic wipe was started and did not finish; call `Vault::wipe` again to finish it.
    #[error("a wipe of this vault was interrupted; run the wipe again to finish it")]
    WipeInProgress,
    /// The vault was wiped while this handle was open; it cannot be unlocked again.
    #[error("the vault was wiped")]
    Wiped,
    /// The device key does not open the device slot.
    #[error("the device key does not open this vault")]
    WrongDeviceKey,
    /// The recovery code or passphrase does not open the recovery slot.
    #[error("the recovery code or passphrase does not open this vault")]
    WrongRecoverySecret,
    /// The vault has no device slot (it was removed, or never added).
    #[error("the vault has no device slot; open it with the recovery code or passphrase")]
    NoDeviceSlot,
    /// The vault has no recovery slot. Only a damaged vault can be in this state.
    #[error("the vault has no recovery slot")]
    NoRecoverySlot,
    /// A key slot is damaged (its checksum, length or layout is wrong).
    #[error("a key slot of the vault is damaged")]
    CorruptSlot,
    /// A key slot was written by a newer version of One Day.
    #[error("a key slot uses format {version}, which this version cannot read")]
    UnsupportedSlotFormat {
        /// The format version found in the slot.
        version: u8,
    },
    /// Argon2id parameters below the floor (m = 19 MiB, t = 2, p = 1), asked for or found in a slot.
    #[error("key derivation parameters m={m_kib} KiB, t={t}, p={p} are below the floor of m=19456 KiB, t=2, p=1")]
    KdfTooWeak {
        /// Memory in KiB.
        m_kib: u32,
        /// Iterations.
        t: u32,
        /// Parallelism.
        p: u32,
    },
    /// Argon2id parameters above the ceiling this version accepts (protects against a slot that would
    /// make the device run out of memory).
    #[error(
        "key derivation parameters m={m_kib} KiB, t={t}, p={p} are above the accepted maximum"
    )]
    KdfTooCostly {
        /// Memory in KiB.
        m_kib: u32,
        /// Iterations.
        t: u32,
        /// Parallelism.
        p: u32,
    },
    /// A passphrase shorter than the minimum.
    #[error("a passphrase needs at least {min} bytes")]
    PassphraseTooShort {
        /// The minimum length in bytes.
        min: usize,
    },
    /// A passphrase long enough but easy to guess (`strength.rs`); `reason` says why, in plain
    /// words, without quoting it.
    #[error("that passphrase is not strong enough. {reason}")]
    WeakPassphrase {
        /// Why, and what to do instead.
        reason: String,
    },
    /// The recovery slot is damaged or missing, so the recovery code or passphrase could no longer
    /// open the vault. Refused for anything that would leave the recovery secret as the only way
    /// in (removing the device slot); make a new recovery code first, while the device key works.
    #[error("the recovery code can no longer open this vault (its key slot is damaged); make a new recovery code first")]
    RecoverySlotDamaged,
    /// Another handle (another process, or another open handle here) rotated the data key since this
    /// one was unlocked, so its key is no longer the vault's. Nothing was written; open or unlock
    /// the vault again.
    #[error("the vault's keys were changed elsewhere since it was opened; open it again")]
    KeysChanged,
    /// Changing the recovery code or passphrase needs the current one, to prove the person still
    /// has it.
    #[error("type the current recovery code or passphrase first")]
    CurrentSecretNeeded,
    /// The recovery slot holds a generated recovery code and the input is not shaped like one.
    #[error("that is not a recovery code: it needs 32 letters and digits, in 8 groups of 4")]
    MalformedRecoveryCode,
    /// A device key must be exactly 32 bytes.
    #[error("a device key must be 32 bytes, got {len}")]
    InvalidDeviceKey {
        /// The length that was given.
        len: usize,
    },
    /// A record id must be 32 hexadecimal digits.
    #[error("a record id must be 32 hexadecimal digits")]
    InvalidRecordId,
    /// A record failed authentication: tampered, truncated, sealed under another key, or moved from
    /// another row or schema version. Nothing of it is returned.
    #[error("record {0} is damaged or was tampered with")]
    CorruptRecord(RecordId),
    /// A record was sealed by a newer version of One Day (unknown envelope, algorithm, schema or
    /// payload version).
    #[error("record {0} was written by a newer version of One Day")]
    UnsupportedRecordFormat(RecordId),
    /// The record exists but holds another kind than the one asked for.
    #[error("record {0} holds another kind of data")]
    KindMismatch(RecordId),
    /// The record's payload could not be turned into the requested type. The cause is withheld
    /// because `serde_json` quotes the offending value.
    #[error("record {0} could not be decoded into the requested type")]
    Decode(RecordId),
    /// The value could not be serialized. The cause is withheld for the same reason as `Decode`.
    #[error("the value could not be serialized")]
    Encode,
    /// The database was written by a newer version of One Day.
    #[error("the vault has schema version {found}; this version understands up to {supported}")]
    UnsupportedSchema {
        /// The `user_version` found in the database.
        found: i64,
        /// The newest schema this code knows.
        supported: u32,
    },
    /// The store's record set is not the one One Day last wrote: a record was removed, brought back
    /// or replaced by an older copy, or the sealed list of records (the manifest) was removed or
    /// rolled back, by something other than One Day. Nothing of the changed records is returned.
    #[error("the store was changed outside One Day: {0}")]
    Integrity(IntegrityProblem),
    /// The database file is not a vault or is damaged beyond what SQLite accepts.
    #[error("the vault database is damaged or is not a vault")]
    CorruptDatabase,
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed")]
    Random,
    /// A cryptographic primitive failed in a way that does not depend on input data.
    #[error("a cryptographic operation failed")]
    Crypto,
    /// Another process holds the database and the operation could not finish; try again.
    #[error("the vault is busy in another process; try again")]
    Busy,
    /// An SQLite error not covered above.
    #[error("storage error: {0}")]
    Storage(#[source] StorageError),
    /// A file-system error (creating the folder, removing files, syncing).
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

/// What [`VaultError::Integrity`] found. The messages finish the sentence "the store was changed
/// outside One Day: ...".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntegrityProblem {
    /// A record the manifest lists is not in the store.
    #[error("a record was removed")]
    RecordRemoved,
    /// A record is in the store that the manifest does not list: a removed record brought back, or
    /// one added from elsewhere.
    #[error("a removed record was brought back")]
    RecordAdded,
    /// A record's stored body is not the one last written: an older copy of it, another record's
    /// body, or damaged bytes.
    #[error("a record was replaced by an older copy of it, by another record or by damaged bytes")]
    RecordReplaced,
    /// The manifest is gone from a store that was written with one.
    #[error("its list of records was removed")]
    ManifestMissing,
    /// The manifest is older than one this handle already saw.
    #[error("its list of records was replaced by an older copy")]
    ManifestRolledBack,
    /// The manifest is sealed under another data key than the key slot that opened the vault:
    /// one of them is an older copy.
    #[error("a key slot or its list of records was replaced by an older copy")]
    OtherKey,
    /// The manifest fails to open or to parse.
    #[error("its list of records is damaged")]
    ManifestDamaged,
}

/// An SQLite error, kept opaque so that the public API does not depend on rusqlite's types.
pub struct StorageError(rusqlite::Error);

impl fmt::Debug for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl From<rusqlite::Error> for VaultError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                VaultError::CorruptDatabase
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => VaultError::Busy,
            _ => VaultError::Storage(StorageError(e)),
        }
    }
}

impl From<ring::error::Unspecified> for VaultError {
    /// Only for ring calls whose failure does not depend on the data (key construction, HKDF lengths).
    /// Authentication failures are mapped by hand to the error that names what failed.
    fn from(_: ring::error::Unspecified) -> Self {
        VaultError::Crypto
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_corruption_codes_become_corrupt_database() {
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
            None,
        );
        assert!(matches!(VaultError::from(e), VaultError::CorruptDatabase));
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert!(matches!(VaultError::from(e), VaultError::Busy));
    }

    #[test]
    fn error_is_send_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<VaultError>();
    }
}
