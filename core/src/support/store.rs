//! Contacts kept in the vault: one sealed record of kind [`RecordKind::Contact`] per contact,
//! holding the whole [`Contact`], so one write is one atomic change to one contact.
//!
//! The user's order is the `order` field of each contact. The store keeps it dense and stable: a new
//! contact goes last, removing one closes the gap, [`reorder`] moves the contacts it names to the
//! front in the order given and keeps the others' relative order behind them. Every write is one
//! vault transaction.
//!
//! Other areas (plans link their "people to ask for help" to contacts) read contacts by id with
//! [`get`] and all of them with [`list`]; both decrypt the contact records only.

use super::contact::{Contact, ContactChange, ContactInput};
use super::crisis::Country;
use super::error::SupportError;
use super::one_tap::{self, CallPlan, Channel, PreparedMessage};
use super::region::Region;
use super::{crisis, region, sms};
use crate::vault::{match_id_prefix, PrefixMatch, RecordId, RecordKind, Vault, VaultTx};

/// A contact with its record id in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredContact {
    /// Its record id.
    pub id: RecordId,
    /// The contact.
    pub contact: Contact,
}

/// Every contact, in the user's order (then by name and id, should two share a place).
pub fn list(vault: &Vault) -> Result<Vec<StoredContact>, SupportError> {
    Ok(sorted(vault.list::<Contact>(RecordKind::Contact)?))
}

/// The contact with this id.
pub fn get(vault: &Vault, id: &RecordId) -> Result<StoredContact, SupportError> {
    let contact = vault
        .get::<Contact>(RecordKind::Contact, id)?
        .ok_or(SupportError::NotFound)?;
    Ok(StoredContact { id: *id, contact })
}

/// The contact whose record id is `prefix` or starts with it (see [`match_id_prefix`]).
pub fn find(vault: &Vault, prefix: &str) -> Result<StoredContact, SupportError> {
    match match_id_prefix(list(vault)?, prefix, |c| &c.id) {
        PrefixMatch::One(found) => Ok(found),
        PrefixMatch::Many => Err(SupportError::Ambiguous),
        PrefixMatch::None => Err(SupportError::NotFound),
    }
}

/// Adds a contact, last in the order. Nothing is written when a field is refused.
pub fn add(vault: &Vault, input: ContactInput) -> Result<StoredContact, SupportError> {
    vault.transaction(|tx| {
        let count = tx.list::<Contact>(RecordKind::Contact)?.len();
        let order = u32::try_from(count).unwrap_or(u32::MAX);
        let contact = input.check(order)?;
        let id = RecordId::generate()?;
        tx.put(RecordKind::Contact, &id, &contact)?;
        Ok(StoredContact { id, contact })
    })
}

/// Changes the fields `change` gives of contact `id`; nothing is written when one is refused.
/// Returns the contact as saved.
pub fn edit(
    vault: &Vault,
    id: &RecordId,
    change: ContactChange,
) -> Result<StoredContact, SupportError> {
    vault.transaction(|tx| {
        let mut contact: Contact = tx
            .get(RecordKind::Contact, id)?
            .ok_or(SupportError::NotFound)?;
        change.apply(&mut contact)?;
        tx.put(RecordKind::Contact, id, &contact)?;
        Ok(StoredContact { id: *id, contact })
    })
}

/// Removes contact `id` and closes the gap it leaves in the order.
pub fn remove(vault: &Vault, id: &RecordId) -> Result<(), SupportError> {
    vault.transaction(|tx| {
        if tx.get::<Contact>(RecordKind::Contact, id)?.is_none() {
            return Err(SupportError::NotFound);
        }
        tx.delete(id)?;
        let rest = sorted(tx.list::<Contact>(RecordKind::Contact)?);
        renumber(tx, rest)?;
        Ok(())
    })
}

/// Puts the contacts `first` at the front of the order, in that order; the others keep their
/// relative order behind them. Refused when an id is unknown or given twice. Returns every contact
/// in the new order.
pub fn reorder(vault: &Vault, first: &[RecordId]) -> Result<Vec<StoredContact>, SupportError> {
    vault.transaction(|tx| {
        let mut rest = sorted(tx.list::<Contact>(RecordKind::Contact)?);
        let mut ordered = Vec::with_capacity(rest.len());
        for id in first {
            if ordered.iter().any(|c: &StoredContact| c.id == *id) {
                return Err(SupportError::DuplicateInOrder);
            }
            let at = rest
                .iter()
                .position(|c| c.id == *id)
                .ok_or(SupportError::NotFound)?;
            ordered.push(rest.remove(at));
        }
        ordered.extend(rest);
        renumber(tx, ordered)
    })
}

/// The one-tap plan from what the vault holds: the contacts in the user's order, the user's region
/// and the bundled crisis lines of that region (see `one_tap.rs` for the rule).
pub fn call_plan(vault: &Vault, channel: &Channel) -> Result<CallPlan, SupportError> {
    let (contacts, region, country) = one_tap_inputs(vault)?;
    Ok(one_tap::plan(&contacts, region.as_ref(), country, channel))
}

/// The prepared text messages (`sms::messages`), each with who one tap texts it to and its `sms:`
/// URI, from what the vault holds (see `one_tap::prepared_messages`).
pub fn prepared_messages(vault: &Vault) -> Result<Vec<PreparedMessage>, SupportError> {
    let (contacts, region, country) = one_tap_inputs(vault)?;
    let messages = sms::messages(vault)?;
    Ok(one_tap::prepared_messages(
        &contacts,
        region.as_ref(),
        country,
        messages,
    ))
}

/// What one tap is decided from: the contacts in the user's order, the user's region and what the
/// bundled table knows about it.
type OneTapInputs = (Vec<StoredContact>, Option<Region>, Option<&'static Country>);

fn one_tap_inputs(vault: &Vault) -> Result<OneTapInputs, SupportError> {
    let contacts = list(vault)?;
    let region = region::get(vault)?;
    let country = match &region {
        Some(r) => crisis::country(r)?,
        None => None,
    };
    Ok((contacts, region, country))
}

/// Gives `contacts` the orders 0, 1, 2, ... in the order given, writing only those that change.
fn renumber(
    tx: &mut VaultTx<'_>,
    contacts: Vec<StoredContact>,
) -> Result<Vec<StoredContact>, SupportError> {
    let mut out = Vec::with_capacity(contacts.len());
    for (place, mut stored) in contacts.into_iter().enumerate() {
        let order = u32::try_from(place).unwrap_or(u32::MAX);
        if stored.contact.order != order {
            stored.contact.order = order;
            tx.put(RecordKind::Contact, &stored.id, &stored.contact)?;
        }
        out.push(stored);
    }
    Ok(out)
}

fn sorted(records: Vec<(RecordId, Contact)>) -> Vec<StoredContact> {
    let mut all: Vec<StoredContact> = records
        .into_iter()
        .map(|(id, contact)| StoredContact { id, contact })
        .collect();
    all.sort_by(|a, b| {
        a.contact
            .order
            .cmp(&b.contact.order)
            .then_with(|| a.contact.name.cmp(&b.contact.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    all
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::support::ContactRole;
    use crate::test_support::temp_vault;

    fn input(name: &str, role: ContactRole) -> ContactInput {
        ContactInput {
            name: name.into(),
            role,
            phone: "+1 555 010 0000".into(),
            sms_allowed: true,
            note: None,
        }
    }

    fn names(v: &Vault) -> Vec<(String, u32)> {
        list(v)
            .unwrap()
            .into_iter()
            .map(|c| (c.contact.name, c.contact.order))
            .collect()
    }

    #[test]
    fn order_stays_dense_through_add_remove_and_reorder() {
        let (_dir, v) = temp_vault();
        let a = add(&v, input("A", ContactRole::Friend)).unwrap();
        let b = add(&v, input("B", ContactRole::Sponsor)).unwrap();
        let c = add(&v, input("C", ContactRole::Family)).unwrap();
        assert_eq!(
            names(&v),
            [("A".into(), 0), ("B".into(), 1), ("C".into(), 2)]
        );

        reorder(&v, &[c.id]).unwrap();
        assert_eq!(
            names(&v),
            [("C".into(), 0), ("A".into(), 1), ("B".into(), 2)]
        );
        remove(&v, &a.id).unwrap();
        assert_eq!(names(&v), [("C".into(), 0), ("B".into(), 1)]);
        assert!(matches!(remove(&v, &a.id), Err(SupportError::NotFound)));
        assert!(matches!(
            reorder(&v, &[b.id, b.id]),
            Err(SupportError::DuplicateInOrder)
        ));
        assert!(matches!(reorder(&v, &[a.id]), Err(SupportError::NotFound)));
        assert_eq!(names(&v), [("C".into(), 0), ("B".into(), 1)], "unchanged");
        add(&v, input("D", ContactRole::Other)).unwrap();
        assert_eq!(
            names(&v),
            [("C".into(), 0), ("B".into(), 1), ("D".into(), 2)]
        );
    }

    #[test]
    fn get_find_and_edit() {
        let (_dir, v) = temp_vault();
        let a = add(&v, input("Sam", ContactRole::Sponsor)).unwrap();
        assert_eq!(get(&v, &a.id).unwrap(), a);
        assert_eq!(find(&v, &a.id.to_string()[..6]).unwrap(), a);
        assert!(matches!(find(&v, "zz"), Err(SupportError::NotFound)));
        let edited = edit(
            &v,
            &a.id,
            ContactChange {
                phone: Some("988".into()),
                ..ContactChange::default()
            },
        )
        .unwrap();
        assert_eq!(edited.contact.phone.tel_uri(), "tel:988");
        assert_eq!(get(&v, &a.id).unwrap(), edited);
        let refused = edit(
            &v,
            &a.id,
            ContactChange {
                phone: Some("nope".into()),
                ..ContactChange::default()
            },
        );
        assert!(matches!(refused, Err(SupportError::Phone(_))));
        assert_eq!(get(&v, &a.id).unwrap(), edited, "nothing written");
        assert!(matches!(
            add(&v, input(" ", ContactRole::Friend)),
            Err(SupportError::EmptyName)
        ));
        assert_eq!(list(&v).unwrap().len(), 1);
    }
}
