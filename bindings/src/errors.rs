//! The typed errors that cross the FFI: one per area, converted from core's errors at the edge.
//!
//! Both are *flat* errors: each variant is a distinct exception class in Kotlin (`VaultException.Locked`)
//! and a distinct case in Swift (`VaultError.Locked(message:)`), and carries core's message, written
//! for the person using the app (it never repeats a secret, a label or a note). Shells pick what to
//! show by the variant and can show the message as is.

use oneday_core::cleantime::store::CounterStoreError;
use oneday_core::cleantime::CleanTimeError as CoreCleanTimeError;
use oneday_core::secret::{Secret, SecretError};
use oneday_core::vault::VaultError as CoreVaultError;

/// What a vault failure means to an area other than the vault itself: the one classification
/// every area's FFI error shares (each area picks its own variant for each, see
/// [`from_vault_error!`](crate::from_vault_error)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VaultFailure {
    /// The vault is locked: the area's `Locked`.
    Locked,
    /// The id given is not shaped like a record id: the caller's mistake, the area's validation
    /// (or "not found") error.
    BadRecordId,
    /// Anything else (a damaged record, storage, a newer format): the area's vault failure.
    Other,
}

impl VaultFailure {
    /// Which of the three `e` is.
    pub(crate) fn of(e: &CoreVaultError) -> Self {
        match e {
            CoreVaultError::Locked => VaultFailure::Locked,
            CoreVaultError::InvalidRecordId => VaultFailure::BadRecordId,
            _ => VaultFailure::Other,
        }
    }
}

/// Implements `From<oneday_core::vault::VaultError>` for an area's flat FFI error whose variants
/// carry `message` (core's sentence), naming the variant for each [`VaultFailure`]:
/// `from_vault_error!(SupportError { locked: Locked, bad_record_id: Validation, other: VaultFailure });`
#[macro_export]
#[doc(hidden)]
macro_rules! from_vault_error {
    ($area:ident { locked: $locked:ident, bad_record_id: $bad:ident, other: $other:ident }) => {
        impl From<oneday_core::vault::VaultError> for $area {
            fn from(e: oneday_core::vault::VaultError) -> Self {
                let message = e.to_string();
                match $crate::errors::VaultFailure::of(&e) {
                    $crate::errors::VaultFailure::Locked => $area::$locked { message },
                    $crate::errors::VaultFailure::BadRecordId => $area::$bad { message },
                    $crate::errors::VaultFailure::Other => $area::$other { message },
                }
            }
        }
    };
}

/// A passphrase or recovery code from a shell (its UTF-8 bytes, wiped here) as core's [`Secret`]:
/// checked to be UTF-8 and normalised to NFC, so the phones never shape the bytes themselves.
pub(crate) fn secret_of<E: From<SecretError>>(bytes: Vec<u8>) -> Result<Secret, E> {
    Ok(Secret::from_typed(bytes)?)
}

/// Why a vault operation failed: opening, unlocking, key slots, wiping.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum VaultError {
    /// The vault is locked: unlock it with the device key or the recovery code first.
    #[error("{message}")]
    Locked {
        /// What happened, for a person.
        message: String,
    },
    /// There is no vault in that folder.
    #[error("{message}")]
    NotFound {
        /// What happened, for a person.
        message: String,
    },
    /// A vault already exists in that folder.
    #[error("{message}")]
    AlreadyExists {
        /// What happened, for a person.
        message: String,
    },
    /// A panic wipe was interrupted: call `wipeVault` again to finish it.
    #[error("{message}")]
    WipeInProgress {
        /// What happened, for a person.
        message: String,
    },
    /// The vault was wiped while this handle was open; it can never be unlocked again.
    #[error("{message}")]
    Wiped {
        /// What happened, for a person.
        message: String,
    },
    /// The device key does not open the vault (it changed, or belongs to another vault).
    #[error("{message}")]
    WrongDeviceKey {
        /// What happened, for a person.
        message: String,
    },
    /// The vault has no device slot: open it with the recovery code or passphrase.
    #[error("{message}")]
    NoDeviceSlot {
        /// What happened, for a person.
        message: String,
    },
    /// The recovery code or passphrase does not open the vault.
    #[error("{message}")]
    WrongRecoverySecret {
        /// What happened, for a person.
        message: String,
    },
    /// The input is not shaped like a recovery code (32 letters and digits in 8 groups of 4).
    #[error("{message}")]
    MalformedRecoveryCode {
        /// What happened, for a person.
        message: String,
    },
    /// A new passphrase is too short.
    #[error("{message}")]
    PassphraseTooShort {
        /// What happened, for a person.
        message: String,
    },
    /// A new passphrase is long enough but easy to guess; the message says why, in plain words.
    #[error("{message}")]
    WeakPassphrase {
        /// What happened and what to do instead, for a person.
        message: String,
    },
    /// The recovery slot is damaged, so the recovery code could no longer open the vault: make a
    /// new recovery code (`newRecoveryCode`) before removing the device slot.
    #[error("{message}")]
    RecoverySlotDamaged {
        /// What happened, for a person.
        message: String,
    },
    /// The vault's keys were changed through another handle since this one was unlocked; nothing
    /// was written. Open or unlock it again.
    #[error("{message}")]
    KeysChanged {
        /// What happened, for a person.
        message: String,
    },
    /// Changing the recovery code or passphrase needs the current one.
    #[error("{message}")]
    CurrentSecretNeeded {
        /// What happened, for a person.
        message: String,
    },
    /// A device key is not exactly 32 bytes.
    #[error("{message}")]
    InvalidDeviceKey {
        /// What happened, for a person.
        message: String,
    },
    /// Argon2id parameters below the floor (m = 19 MiB, t = 2, p = 1) or above the ceiling.
    #[error("{message}")]
    InvalidKdfParams {
        /// What happened, for a person.
        message: String,
    },
    /// The vault, a key slot or a record is damaged or was tampered with; nothing was overwritten.
    #[error("{message}")]
    Damaged {
        /// What happened, for a person.
        message: String,
    },
    /// The vault was written by a newer version of One Day: update the app.
    #[error("{message}")]
    NewerVersion {
        /// What happened, for a person.
        message: String,
    },
    /// Another process holds the vault: try again.
    #[error("{message}")]
    Busy {
        /// What happened, for a person.
        message: String,
    },
    /// The storage, the file system or the system's random generator failed.
    #[error("{message}")]
    Storage {
        /// What happened, for a person.
        message: String,
    },
    /// The passphrase or recovery code given is not UTF-8 text.
    #[error("{message}")]
    SecretNotText {
        /// What happened, for a person.
        message: String,
    },
}

impl From<SecretError> for VaultError {
    fn from(e: SecretError) -> Self {
        VaultError::SecretNotText {
            message: e.to_string(),
        }
    }
}

impl From<CoreVaultError> for VaultError {
    fn from(e: CoreVaultError) -> Self {
        use CoreVaultError as E;
        let message = e.to_string();
        match e {
            E::Locked => VaultError::Locked { message },
            E::NotFound => VaultError::NotFound { message },
            E::AlreadyExists => VaultError::AlreadyExists { message },
            E::WipeInProgress => VaultError::WipeInProgress { message },
            E::Wiped => VaultError::Wiped { message },
            E::WrongDeviceKey => VaultError::WrongDeviceKey { message },
            E::NoDeviceSlot => VaultError::NoDeviceSlot { message },
            E::WrongRecoverySecret => VaultError::WrongRecoverySecret { message },
            E::MalformedRecoveryCode => VaultError::MalformedRecoveryCode { message },
            E::PassphraseTooShort { .. } => VaultError::PassphraseTooShort { message },
            E::WeakPassphrase { .. } => VaultError::WeakPassphrase { message },
            E::RecoverySlotDamaged => VaultError::RecoverySlotDamaged { message },
            E::CurrentSecretNeeded => VaultError::CurrentSecretNeeded { message },
            E::KeysChanged => VaultError::KeysChanged { message },
            E::InvalidDeviceKey { .. } => VaultError::InvalidDeviceKey { message },
            E::KdfTooWeak { .. } | E::KdfTooCostly { .. } => {
                VaultError::InvalidKdfParams { message }
            }
            E::NoRecoverySlot
            | E::CorruptSlot
            | E::CorruptRecord(_)
            | E::KindMismatch(_)
            | E::Decode(_)
            | E::Integrity(_)
            | E::CorruptDatabase => VaultError::Damaged { message },
            E::UnsupportedSlotFormat { .. }
            | E::UnsupportedRecordFormat(_)
            | E::UnsupportedSchema { .. } => VaultError::NewerVersion { message },
            E::Busy => VaultError::Busy { message },
            _ => VaultError::Storage { message },
        }
    }
}

/// Why a clean-time request or a counter operation failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum CleanTimeError {
    /// A date or time was malformed, does not exist (such as 2023-02-29), or is out of range.
    #[error("{message}")]
    InvalidDate {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// Something the user entered was refused: an empty or too long name, a note with control
    /// characters, a milestone listed twice, an unknown currency, a date before the one it must
    /// follow, a malformed counter id. Nothing was written.
    #[error("{message}")]
    Validation {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// The counter is paused: resume it before resetting, pausing or back-dating it.
    #[error("{message}")]
    NotRunning {
        /// What happened, for a person.
        message: String,
    },
    /// The counter is already running, so it cannot be resumed.
    #[error("{message}")]
    AlreadyRunning {
        /// What happened, for a person.
        message: String,
    },
    /// No counter has that id.
    #[error("{message}")]
    NotFound {
        /// What happened, for a person.
        message: String,
    },
    /// The vault is locked: unlock it first.
    #[error("{message}")]
    Locked {
        /// What happened, for a person.
        message: String,
    },
    /// The vault failed (a damaged record, storage, a newer format); its message says which.
    #[error("{message}")]
    VaultFailure {
        /// What happened, for a person.
        message: String,
    },
}

impl From<CoreCleanTimeError> for CleanTimeError {
    fn from(e: CoreCleanTimeError) -> Self {
        let message = e.to_string();
        match e {
            CoreCleanTimeError::Date(_) => CleanTimeError::InvalidDate { message },
            CoreCleanTimeError::NotRunning => CleanTimeError::NotRunning { message },
            CoreCleanTimeError::AlreadyRunning => CleanTimeError::AlreadyRunning { message },
            _ => CleanTimeError::Validation { message },
        }
    }
}

crate::from_vault_error!(CleanTimeError {
    locked: Locked,
    bad_record_id: Validation,
    other: VaultFailure
});

impl From<CounterStoreError> for CleanTimeError {
    fn from(e: CounterStoreError) -> Self {
        match e {
            CounterStoreError::NotFound | CounterStoreError::Ambiguous => {
                CleanTimeError::NotFound {
                    message: e.to_string(),
                }
            }
            CounterStoreError::Invalid(e) => e.into(),
            CounterStoreError::Vault(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn vault_errors_keep_core_messages() {
        let e = VaultError::from(CoreVaultError::WrongDeviceKey);
        assert!(matches!(e, VaultError::WrongDeviceKey { .. }));
        assert_eq!(e.to_string(), "the device key does not open this vault");
    }

    #[test]
    fn vault_failures_are_classified_once() {
        assert_eq!(
            VaultFailure::of(&CoreVaultError::Locked),
            VaultFailure::Locked
        );
        assert_eq!(
            VaultFailure::of(&CoreVaultError::InvalidRecordId),
            VaultFailure::BadRecordId
        );
        assert_eq!(
            VaultFailure::of(&CoreVaultError::CorruptDatabase),
            VaultFailure::Other
        );
        let e = CleanTimeError::from(CoreVaultError::CorruptDatabase);
        assert!(matches!(e, CleanTimeError::VaultFailure { .. }));
        assert_eq!(e.to_string(), CoreVaultError::CorruptDatabase.to_string());
    }

    #[test]
    fn a_secret_that_is_not_utf8_is_a_typed_error() {
        let e = secret_of::<VaultError>(vec![0xc3, 0x28]).unwrap_err();
        assert!(matches!(e, VaultError::SecretNotText { .. }));
        assert!(secret_of::<VaultError>(b"caf\xc3\xa9".to_vec()).is_ok());
    }

    #[test]
    fn counter_errors_map_to_their_variant() {
        assert!(matches!(
            CleanTimeError::from(CounterStoreError::Vault(CoreVaultError::Locked)),
            CleanTimeError::Locked { .. }
        ));
        assert!(matches!(
            CleanTimeError::from(CounterStoreError::NotFound),
            CleanTimeError::NotFound { .. }
        ));
        assert!(matches!(
            CleanTimeError::from(CoreCleanTimeError::EmptyName),
            CleanTimeError::Validation { .. }
        ));
    }
}
