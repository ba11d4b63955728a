//! The typed error of the plan methods, converted from core's `PlanError` at the edge.
//!
//! A flat error like the others (`PlanException.Validation` in Kotlin, `PlanError.Validation` in
//! Swift), carrying core's message, which names a refused field by its section and entry number
//! and never repeats what the user wrote.

use oneday_core::plans::PlanError as CorePlanError;
use oneday_core::vault::VaultError as CoreVaultError;

/// Why a plan request failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum PlanError {
    /// The plan or the edit was refused: an empty or too long text, too many entries, a phone
    /// number that is not one, a contact link on a place, a malformed contact id. Nothing was
    /// written.
    #[error("{message}")]
    Validation {
        /// What is wrong and where, for a person.
        message: String,
    },
    /// The plan has no revision with that number.
    #[error("{message}")]
    NoSuchRevision {
        /// What happened, for a person.
        message: String,
    },
    /// The plan changed since it was read (another device, process or screen), and the edit
    /// names an entry by its number or restores a revision: nothing was written. Reload the
    /// plan (`plan(kind)`) and redo the edit.
    #[error("{message}")]
    ChangedElsewhere {
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

impl From<CorePlanError> for PlanError {
    fn from(e: CorePlanError) -> Self {
        let message = e.to_string();
        match e {
            CorePlanError::Vault(e) => e.into(),
            CorePlanError::NoSuchRevision { .. } => PlanError::NoSuchRevision { message },
            CorePlanError::ChangedElsewhere { .. } => PlanError::ChangedElsewhere { message },
            _ => PlanError::Validation { message },
        }
    }
}

impl From<CoreVaultError> for PlanError {
    fn from(e: CoreVaultError) -> Self {
        let message = e.to_string();
        match e {
            CoreVaultError::Locked => PlanError::Locked { message },
            CoreVaultError::InvalidRecordId => PlanError::Validation { message },
            _ => PlanError::VaultFailure { message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_map_to_their_variant() {
        assert!(matches!(
            PlanError::from(CorePlanError::Vault(CoreVaultError::Locked)),
            PlanError::Locked { .. }
        ));
        assert!(matches!(
            PlanError::from(CoreVaultError::InvalidRecordId),
            PlanError::Validation { .. }
        ));
        let e = PlanError::from(CorePlanError::NoSuchRevision {
            kind: oneday_core::plans::PlanKind::Safety,
            number: 7,
        });
        assert!(matches!(e, PlanError::NoSuchRevision { .. }));
        assert_eq!(e.to_string(), "the safety plan has no revision 7");
    }
}
