//! How a plan sees the support network: through a lookup the caller gives.
//!
//! Plans do not depend on how contacts are stored. An entry that names a person keeps only the
//! contact's record id ([`super::safety::ContactEntry::contact`]); to export a plan or to tell
//! whether it has a way to reach someone, the caller passes a [`ContactLookup`] that turns an id
//! into the few things a plan shows ([`LinkedContact`]). A link whose contact no longer exists
//! (the lookup returns `None`) is reported as removed, never an error.

use crate::vault::RecordId;

/// What a plan shows of a linked contact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkedContact {
    /// The contact's name as the user saved it.
    pub name: String,
    /// The user's label for them (sponsor, therapist, crisis line, ...), if any.
    pub role: Option<String>,
    /// The number to call, as display text, if the contact has one.
    pub phone: Option<String>,
}

/// Finds the contact a plan entry links to.
///
/// Any `Fn(&RecordId) -> Option<LinkedContact>` is a lookup:
///
/// ```
/// use oneday_core::plans::{ContactLookup, LinkedContact};
/// use oneday_core::vault::RecordId;
/// let sam = RecordId::generate()?;
/// let lookup = move |id: &RecordId| {
///     (*id == sam).then(|| LinkedContact { name: "Sam".into(), role: None, phone: None })
/// };
/// assert_eq!(lookup.contact(&sam).map(|c| c.name), Some("Sam".to_owned()));
/// # Ok::<(), oneday_core::vault::VaultError>(())
/// ```
pub trait ContactLookup {
    /// The contact with this id, or `None` when there is none (it was removed).
    fn contact(&self, id: &RecordId) -> Option<LinkedContact>;
}

impl<F: Fn(&RecordId) -> Option<LinkedContact>> ContactLookup for F {
    fn contact(&self, id: &RecordId) -> Option<LinkedContact> {
        self(id)
    }
}
