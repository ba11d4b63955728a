//! The support network: contacts, phone numbers as `tel:`/`sms:` URIs, one-tap call target
//! resolution, and the bundled crisis-line table chosen by the user's region.
//!
//! # Files
//!
//! | file | concern |
//! |---|---|
//! | `contact.rs` | [`Contact`], [`ContactRole`], what a contact may hold |
//! | `phone.rs` | [`PhoneNumber`]: the text as typed, checked; its RFC 3966 `tel:` URI |
//! | `store.rs` | contacts in the vault: add, list, get, find, edit, remove, reorder |
//! | `error.rs` | [`SupportError`] |

pub mod contact;
pub mod error;
pub mod phone;
pub mod store;

pub use contact::{Contact, ContactChange, ContactInput, ContactRole};
pub use error::SupportError;
pub use phone::{PhoneError, PhoneNumber};
pub use store::StoredContact;
