//! The typed error of the support network (contacts, one-tap, crisis lines), converted from core's
//! `SupportError` at the edge.
//!
//! Flat like the other areas' errors: each variant is an exception class in Kotlin
//! (`SupportException.InvalidPhone`) and a case in Swift (`SupportError.InvalidPhone(message:)`),
//! carrying core's message, which never repeats a name, number, note or message the user typed.

use oneday_core::support::SupportError as CoreSupportError;

/// Why a support-network request failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum SupportError {
    /// A phone number was refused: empty, letters, a misplaced `+`, too few or too many digits.
    #[error("{message}")]
    InvalidPhone {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// The region is not a two-letter ISO 3166-1 country code.
    #[error("{message}")]
    InvalidRegion {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// Something else the user entered was refused: a blank or too long name, a note or message
    /// with control characters, too many templates, a contact named twice in a new order, a
    /// malformed id. Nothing was written.
    #[error("{message}")]
    Validation {
        /// What is wrong with it, for a person.
        message: String,
    },
    /// No contact has that id.
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
    /// The vault failed (a damaged record or setting, storage, a newer format); its message says
    /// which.
    #[error("{message}")]
    VaultFailure {
        /// What happened, for a person.
        message: String,
    },
}

impl From<CoreSupportError> for SupportError {
    fn from(e: CoreSupportError) -> Self {
        use CoreSupportError as E;
        let message = e.to_string();
        match e {
            E::Phone(_) => SupportError::InvalidPhone { message },
            E::InvalidRegion => SupportError::InvalidRegion { message },
            E::NotFound | E::Ambiguous => SupportError::NotFound { message },
            E::Vault(v) => v.into(),
            E::UnreadableSetting | E::CrisisTableDamaged => SupportError::VaultFailure { message },
            _ => SupportError::Validation { message },
        }
    }
}

crate::from_vault_error!(SupportError {
    locked: Locked,
    bad_record_id: Validation,
    other: VaultFailure
});

#[cfg(test)]
mod tests {
    use super::*;
    use oneday_core::support::PhoneError;
    use oneday_core::vault::VaultError as CoreVaultError;

    #[test]
    fn core_errors_map_to_their_variant() {
        let e = SupportError::from(CoreSupportError::Phone(PhoneError::Letters));
        assert!(matches!(e, SupportError::InvalidPhone { .. }));
        assert!(e
            .to_string()
            .starts_with("a phone number cannot contain letters"));
        assert!(matches!(
            SupportError::from(CoreSupportError::Vault(CoreVaultError::Locked)),
            SupportError::Locked { .. }
        ));
        assert!(matches!(
            SupportError::from(CoreSupportError::Ambiguous),
            SupportError::NotFound { .. }
        ));
        assert!(matches!(
            SupportError::from(CoreSupportError::EmptyName),
            SupportError::Validation { .. }
        ));
        assert!(matches!(
            SupportError::from(CoreSupportError::InvalidRegion),
            SupportError::InvalidRegion { .. }
        ));
    }
}
