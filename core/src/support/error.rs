//! The one error type of the support-network area.

use thiserror::Error;

use super::phone::PhoneError;
use crate::settings::SettingsError;
use crate::vault::VaultError;

/// Why a support-network request was refused or failed. Messages are written for the person using
/// the app and never repeat a name, phone number, note or message the user typed (they may end up in
/// logs).
#[derive(Debug, Error)]
pub enum SupportError {
    /// A phone number was refused (empty, letters, too few digits, ...).
    #[error(transparent)]
    Phone(#[from] PhoneError),
    /// A contact's name was blank.
    #[error("a contact needs a name (a first name or an initial is enough)")]
    EmptyName,
    /// A contact's name was too long.
    #[error("a contact's name can be at most {max} characters")]
    NameTooLong {
        /// The limit.
        max: usize,
    },
    /// A name, note or message held control characters (notes and messages may hold line breaks).
    #[error("the {field} cannot contain control characters")]
    ControlCharacters {
        /// Which field: "name", "note" or "message".
        field: &'static str,
    },
    /// A note was too long.
    #[error("a note can be at most {max} characters")]
    NoteTooLong {
        /// The limit.
        max: usize,
    },
    /// A text message was blank.
    #[error("a text message cannot be empty")]
    EmptyMessage,
    /// A text message was too long.
    #[error("a text message can be at most {max} characters")]
    MessageTooLong {
        /// The limit.
        max: usize,
    },
    /// More message templates than allowed.
    #[error("you can keep at most {max} message templates")]
    TooManyTemplates {
        /// The limit.
        max: usize,
    },
    /// A message template number that does not exist.
    #[error("there is no message number {index}; the messages are numbered from 0 to {last}")]
    NoSuchMessage {
        /// The number asked for.
        index: usize,
        /// The last valid number.
        last: usize,
    },
    /// The region is not an ISO 3166-1 alpha-2 country code.
    #[error("a region is a two-letter ISO 3166-1 country code, such as US, GB, IE or DE")]
    InvalidRegion,
    /// No contact has that id.
    #[error("there is no contact with that id")]
    NotFound,
    /// More than one contact has an id starting with what was given.
    #[error("more than one contact has an id starting with that; give more of the id")]
    Ambiguous,
    /// The same contact was named twice in a new order.
    #[error("a contact is named twice in the new order")]
    DuplicateInOrder,
    /// A stored setting could not be read (written by another version, or damaged).
    #[error("a support-network setting holds a value this version cannot read")]
    UnreadableSetting,
    /// The bundled crisis-line table is damaged (a bug in this build, caught by its tests).
    #[error("the built-in crisis-line table is damaged; call your local emergency number")]
    CrisisTableDamaged,
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<SettingsError> for SupportError {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::Unreadable { .. } => SupportError::UnreadableSetting,
            SettingsError::Vault(e) => SupportError::Vault(e),
        }
    }
}
