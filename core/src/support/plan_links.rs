//! The support network as plans see it: contacts by record id, with what an export shows.
//!
//! Plans keep only a contact's record id in an entry that names a person
//! ([`crate::plans::ContactLookup`]); this is the one place that answers those links from the
//! stored contacts, for every shell.

use std::collections::HashMap;

use super::contact::Contact;
use crate::plans::{ContactLookup, LinkedContact};
use crate::vault::{RecordId, RecordKind, Vault, VaultError};

/// Every stored contact, as plans show them, read once.
#[derive(Debug, Clone, Default)]
pub struct PlanContacts {
    by_id: HashMap<RecordId, LinkedContact>,
}

impl PlanContacts {
    /// Reads the stored contacts (one pass over the vault).
    pub fn load(vault: &Vault) -> Result<Self, VaultError> {
        let by_id = vault
            .list::<Contact>(RecordKind::Contact)?
            .into_iter()
            .map(|(id, c)| (id, linked(&c)))
            .collect();
        Ok(Self { by_id })
    }
}

impl ContactLookup for PlanContacts {
    fn contact(&self, id: &RecordId) -> Option<LinkedContact> {
        self.by_id.get(id).cloned()
    }
}

fn linked(c: &Contact) -> LinkedContact {
    LinkedContact {
        name: c.name.clone(),
        role: Some(c.role.label().to_owned()),
        phone: Some(c.phone.as_typed().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::support::{store, ContactInput, ContactRole};
    use crate::test_support::temp_vault;

    #[test]
    fn links_resolve_to_stored_contacts_and_removed_ones_to_none() {
        let (_dir, v) = temp_vault();
        let sam = store::add(
            &v,
            ContactInput {
                name: "Sam".into(),
                role: ContactRole::Sponsor,
                phone: "+1 555 123 4567".into(),
                sms_allowed: true,
                note: None,
            },
        )
        .unwrap();
        let contacts = PlanContacts::load(&v).unwrap();
        let found = contacts.contact(&sam.id).unwrap();
        assert_eq!(found.name, "Sam");
        assert_eq!(found.role.as_deref(), Some(ContactRole::Sponsor.label()));
        assert_eq!(found.phone.as_deref(), Some("+1 555 123 4567"));
        assert_eq!(contacts.contact(&RecordId::generate().unwrap()), None);
    }
}
