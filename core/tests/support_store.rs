//! The support network kept in the vault: contacts, order, the region and templates as settings,
//! the one-tap plan from what is stored, and a forensic check that no name, phone number, note or
//! message template reaches the disk in plaintext.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use oneday_core::support::one_tap::{Channel, Reason, RegionStatus};
use oneday_core::support::{
    region, sms, store, ContactChange, ContactInput, ContactRole, PhoneError, Region, SupportError,
};
use oneday_core::vault::{RecordKind, Vault};
use vault_support::{files_under, find_canaries, new_vault, random_letters};

fn input(name: &str, role: ContactRole, phone: &str, sms_allowed: bool) -> ContactInput {
    ContactInput {
        name: name.into(),
        role,
        phone: phone.into(),
        sms_allowed,
        note: None,
    }
}

fn random_digits(n: usize) -> String {
    let mut out = String::new();
    while out.len() < n {
        for b in oneday_core::vault::RecordId::generate().unwrap().as_bytes() {
            out.push(char::from(b'0' + b % 10));
        }
    }
    out.truncate(n);
    out
}

fn set_region(vault: &Vault, code: &str) {
    region::set(vault, Some(&Region::parse(code).unwrap())).unwrap();
}

#[test]
fn one_tap_follows_the_vault_sponsor_then_next_in_order_then_the_crisis_line() {
    let t = new_vault();
    let v = &t.vault;
    set_region(v, "IE");
    let friend = store::add(v, input("Ann", ContactRole::Friend, "087 123 4567", true)).unwrap();
    let sponsor = store::add(
        v,
        input("Sam", ContactRole::Sponsor, "+353 87 765 4321", false),
    )
    .unwrap();

    let plan = store::call_plan(v, &Channel::Call).unwrap();
    let target = plan.target.clone().unwrap();
    assert_eq!(target.reason, Reason::Sponsor);
    assert_eq!(target.contact_id, Some(sponsor.id));
    assert_eq!(target.uri.as_deref(), Some("tel:+353877654321"));
    assert_eq!(plan.headline(), "Calling Sam (sponsor)");
    assert_eq!(plan.fallbacks[0].uri.as_deref(), Some("tel:0871234567"));
    assert_eq!(plan.fallbacks[1].uri.as_deref(), Some("tel:116123"));
    assert_eq!(
        plan.fallbacks.last().unwrap().uri.as_deref(),
        Some("tel:999")
    );

    store::remove(v, &sponsor.id).unwrap();
    let plan = store::call_plan(v, &Channel::Call).unwrap();
    let target = plan.target.unwrap();
    assert_eq!(target.reason, Reason::NextInOrder);
    assert_eq!(target.contact_id, Some(friend.id));

    store::remove(v, &friend.id).unwrap();
    let plan = store::call_plan(v, &Channel::Call).unwrap();
    assert_eq!(
        plan.region,
        RegionStatus::Covered(Region::parse("IE").unwrap())
    );
    assert_eq!(plan.target.unwrap().name, "Samaritans");

    region::set(v, None).unwrap();
    let plan = store::call_plan(v, &Channel::Call).unwrap();
    assert_eq!(plan.region, RegionStatus::NotSet);
    assert_eq!(plan.headline(), "Call your local emergency number");
    assert_eq!(plan.target.unwrap().uri, None);
}

#[test]
fn texting_uses_the_chosen_message_and_only_contacts_who_take_texts() {
    let t = new_vault();
    let v = &t.vault;
    set_region(v, "NZ");
    store::add(v, input("Sam", ContactRole::Sponsor, "021 555 0100", false)).unwrap();
    store::add(
        v,
        input("Kim", ContactRole::Friend, "+64 21 555 0101", true),
    )
    .unwrap();
    sms::set_templates(v, &["Rough night. Talk?".into()]).unwrap();
    let message = sms::message(v, 1).unwrap();
    let plan = store::call_plan(v, &Channel::Sms { message }).unwrap();
    let uris: Vec<String> = plan
        .target
        .iter()
        .chain(&plan.fallbacks)
        .map(|t| t.uri.clone().unwrap())
        .collect();
    assert_eq!(
        uris,
        ["sms:+64215550101?body=Rough%20night.%20Talk%3F", "sms:1737"]
    );
}

#[test]
fn bad_input_is_refused_with_a_typed_error_and_writes_nothing() {
    let t = new_vault();
    let v = &t.vault;
    let letters = store::add(v, input("Sam", ContactRole::Sponsor, "CALL SAM", true));
    assert!(matches!(
        letters,
        Err(SupportError::Phone(PhoneError::Letters))
    ));
    assert!(matches!(
        store::add(v, input("Sam", ContactRole::Sponsor, "", true)),
        Err(SupportError::Phone(PhoneError::Empty))
    ));
    assert!(matches!(
        Region::parse("ZZ"),
        Err(SupportError::InvalidRegion)
    ));
    assert_eq!(region::get(v).unwrap(), None);
    assert!(store::list(v).unwrap().is_empty());
    assert!(v
        .list::<serde_json::Value>(RecordKind::Contact)
        .unwrap()
        .is_empty());
    let kept = store::add(v, input("Sam", ContactRole::Sponsor, "555 0100", true)).unwrap();
    let refused = store::edit(
        v,
        &kept.id,
        ContactChange {
            phone: Some("five five five".into()),
            ..ContactChange::default()
        },
    );
    assert!(matches!(
        refused,
        Err(SupportError::Phone(PhoneError::Letters))
    ));
    assert_eq!(store::get(v, &kept.id).unwrap(), kept);
}

#[test]
fn contacts_survive_lock_and_reopen_in_their_order() {
    let t = new_vault();
    let a = store::add(&t.vault, input("A", ContactRole::Friend, "555 0100", true)).unwrap();
    let b = store::add(&t.vault, input("B", ContactRole::Doctor, "555 0101", false)).unwrap();
    store::reorder(&t.vault, &[b.id]).unwrap();
    set_region(&t.vault, "DE");
    t.vault.lock();
    assert!(matches!(store::list(&t.vault), Err(SupportError::Vault(_))));
    let reopened = Vault::open_with_device_key(&t.dir, &t.key).unwrap();
    let ids: Vec<_> = store::list(&reopened)
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, [b.id, a.id]);
    assert_eq!(region::get(&reopened).unwrap().unwrap().as_str(), "DE");
}

/// Names, phone numbers (as typed and as dialled), notes and message templates are sealed: none of
/// them is anywhere in the store's files, in any common encoding.
#[test]
fn forensic_no_contact_data_on_disk_in_plaintext() {
    let t = new_vault();
    let v = &t.vault;
    let name = format!("Sponsor{}", random_letters(16));
    let other_name = format!("Friend{}", random_letters(16));
    let removed_name = format!("Gone{}", random_letters(16));
    let digits = random_digits(11);
    let typed = format!("+1 {} {} {}", &digits[..3], &digits[3..6], &digits[6..]);
    let compact = format!("+1{digits}");
    let other_digits = random_digits(10);
    let note = format!("meets at the {} on thursdays", random_letters(20));
    let template = format!("Please call me {}", random_letters(20));
    let edited_note = format!("new note {}", random_letters(20));

    let sponsor = store::add(
        v,
        ContactInput {
            name: name.clone(),
            role: ContactRole::Sponsor,
            phone: typed.clone(),
            sms_allowed: true,
            note: Some(note.clone()),
        },
    )
    .unwrap();
    let friend = store::add(
        v,
        input(&other_name, ContactRole::Friend, &other_digits, true),
    )
    .unwrap();
    let gone = store::add(
        v,
        input(&removed_name, ContactRole::Other, "555 0100", false),
    )
    .unwrap();
    store::edit(
        v,
        &friend.id,
        ContactChange {
            note: Some(Some(edited_note.clone())),
            ..ContactChange::default()
        },
    )
    .unwrap();
    store::remove(v, &gone.id).unwrap();
    store::reorder(v, &[friend.id, sponsor.id]).unwrap();
    sms::set_templates(v, std::slice::from_ref(&template)).unwrap();
    set_region(v, "US");
    let plan = store::call_plan(v, &Channel::Call).unwrap();
    assert_eq!(plan.target.unwrap().uri.unwrap(), format!("tel:{compact}"));

    let files = files_under(&t.dir, None);
    assert!(!files.is_empty());
    let canaries = vec![
        name,
        other_name,
        removed_name,
        typed,
        compact,
        digits,
        other_digits,
        note,
        edited_note,
        template,
    ];
    let hits = find_canaries(&files, &canaries);
    assert!(hits.is_empty(), "plaintext on disk: {hits:?}");
}
