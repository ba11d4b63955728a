//! A person in the user's support network, and the rules for what a contact may hold.
//!
//! Anonymity comes first: a first name or an initial is enough, and nothing else about the person is
//! asked for. A contact has a role, one phone number, whether texting them is fine, a place in the
//! user's order (who to try first), and an optional note for the user.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::SupportError;
use super::phone::PhoneNumber;

/// Most characters of a contact's name.
pub const MAX_NAME_CHARS: usize = 40;
/// Most characters of a contact's note.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Who a contact is to the user. The snake_case names (`alternate_sponsor`, ...) are stored in the
/// vault and printed in JSON: never change one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// Their sponsor: the first one one-tap calls.
    Sponsor,
    /// An alternate (temporary, co-) sponsor.
    AlternateSponsor,
    /// Someone they sponsor.
    Sponsee,
    /// A friend (in the fellowship or not).
    Friend,
    /// Family.
    Family,
    /// A therapist or counsellor.
    Therapist,
    /// A doctor or prescriber.
    Doctor,
    /// A crisis line the user added themselves (a local one, one not in the bundled table).
    CrisisLine,
    /// Anyone else.
    Other,
}

impl ContactRole {
    /// Every role, in the order shells list them.
    pub const ALL: [ContactRole; 9] = [
        ContactRole::Sponsor,
        ContactRole::AlternateSponsor,
        ContactRole::Sponsee,
        ContactRole::Friend,
        ContactRole::Family,
        ContactRole::Therapist,
        ContactRole::Doctor,
        ContactRole::CrisisLine,
        ContactRole::Other,
    ];

    /// The stable stored name, such as `alternate_sponsor`.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactRole::Sponsor => "sponsor",
            ContactRole::AlternateSponsor => "alternate_sponsor",
            ContactRole::Sponsee => "sponsee",
            ContactRole::Friend => "friend",
            ContactRole::Family => "family",
            ContactRole::Therapist => "therapist",
            ContactRole::Doctor => "doctor",
            ContactRole::CrisisLine => "crisis_line",
            ContactRole::Other => "other",
        }
    }

    /// The role in words, such as `alternate sponsor` (for "Calling Sam (sponsor)").
    pub fn label(self) -> &'static str {
        match self {
            ContactRole::AlternateSponsor => "alternate sponsor",
            ContactRole::CrisisLine => "crisis line",
            other => other.as_str(),
        }
    }

    /// The role with this stored name (`alternate_sponsor`; `-` and spaces are read as `_`).
    pub fn from_name(name: &str) -> Option<Self> {
        let wanted = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|r| r.as_str() == wanted)
    }
}

impl fmt::Display for ContactRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A contact as stored in the vault (one sealed record of kind `Contact` each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name as the user wants it: a first name or an initial is enough.
    pub name: String,
    /// Who they are to the user.
    pub role: ContactRole,
    /// Their phone number, as typed (checked).
    pub phone: PhoneNumber,
    /// Whether the user may text them.
    pub sms_allowed: bool,
    /// Their place in the user's order, from 0: who one-tap tries first after the sponsor. The
    /// store keeps the orders of all contacts dense (0, 1, 2, ...).
    pub order: u32,
    /// The user's own note, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Contact {
    /// The contact as shells name it: `Sam (sponsor)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.role.label())
    }
}

/// What the user gives to add a contact. [`ContactInput::check`] normalises and checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactInput {
    /// The name (1 to [`MAX_NAME_CHARS`] characters, no control characters).
    pub name: String,
    /// The role.
    pub role: ContactRole,
    /// The phone number as typed.
    pub phone: String,
    /// Whether texting them is fine.
    pub sms_allowed: bool,
    /// An optional note (blank means none).
    pub note: Option<String>,
}

impl ContactInput {
    /// The contact this input describes, at place `order`; refused when a field is invalid.
    pub fn check(self, order: u32) -> Result<Contact, SupportError> {
        Ok(Contact {
            name: check_name(&self.name)?,
            role: self.role,
            phone: PhoneNumber::parse(&self.phone)?,
            sms_allowed: self.sms_allowed,
            order,
            note: check_note(self.note)?,
        })
    }
}

/// A change to a contact: each field given replaces the stored one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactChange {
    /// A new name.
    pub name: Option<String>,
    /// A new role.
    pub role: Option<ContactRole>,
    /// A new phone number, as typed.
    pub phone: Option<String>,
    /// Whether texting them is fine.
    pub sms_allowed: Option<bool>,
    /// A new note; `Some(None)` (or a blank note) removes it.
    pub note: Option<Option<String>>,
}

impl ContactChange {
    /// Applies the change to `contact` after checking every field given; on error `contact` is
    /// left as it was.
    pub fn apply(self, contact: &mut Contact) -> Result<(), SupportError> {
        let name = self.name.as_deref().map(check_name).transpose()?;
        let phone = self.phone.as_deref().map(PhoneNumber::parse).transpose()?;
        let note = self.note.map(check_note).transpose()?;
        if let Some(name) = name {
            contact.name = name;
        }
        if let Some(role) = self.role {
            contact.role = role;
        }
        if let Some(phone) = phone {
            contact.phone = phone;
        }
        if let Some(sms) = self.sms_allowed {
            contact.sms_allowed = sms;
        }
        if let Some(note) = note {
            contact.note = note;
        }
        Ok(())
    }
}

/// A checked name: trimmed, not blank, at most [`MAX_NAME_CHARS`], no control characters.
pub fn check_name(name: &str) -> Result<String, SupportError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SupportError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(SupportError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(SupportError::ControlCharacters { field: "name" });
    }
    Ok(name.to_owned())
}

/// A checked note: trimmed; blank is none; at most [`MAX_NOTE_CHARS`]; line breaks and tabs
/// allowed, other control characters not.
pub fn check_note(note: Option<String>) -> Result<Option<String>, SupportError> {
    let Some(note) = note else { return Ok(None) };
    let note = note.trim();
    if note.is_empty() {
        return Ok(None);
    }
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(SupportError::NoteTooLong {
            max: MAX_NOTE_CHARS,
        });
    }
    if note
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(SupportError::ControlCharacters { field: "note" });
    }
    Ok(Some(note.to_owned()))
}

/// Backups: a contact is matched by name (ignoring case and spaces around it) and the number as
/// dialled. The newer edit wins, keeping the vault's place in the order; a new contact goes last.
impl crate::record_merge::Mergeable for Contact {
    fn identity(&self) -> String {
        format!(
            "{}\u{0}{}",
            self.name.trim().to_lowercase(),
            self.phone.dial_string()
        )
    }

    fn merge(
        local: &Self,
        incoming: &Self,
        incoming_is_newer: bool,
    ) -> crate::record_merge::Merged<Self> {
        use crate::record_merge::Merged;
        if !incoming_is_newer {
            return Merged::Local;
        }
        let mut merged = incoming.clone();
        merged.order = local.order;
        Merged::Combined(merged)
    }

    fn merge_order(&self) -> u64 {
        u64::from(self.order)
    }

    fn prepare_new(&mut self, existing: &[&Self]) {
        self.order = existing
            .iter()
            .map(|c| c.order.saturating_add(1))
            .max()
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::support::PhoneError;

    fn input(name: &str, phone: &str) -> ContactInput {
        ContactInput {
            name: name.into(),
            role: ContactRole::Sponsor,
            phone: phone.into(),
            sms_allowed: true,
            note: Some("  ".into()),
        }
    }

    #[test]
    fn role_names_are_stable_snake_case() {
        for role in ContactRole::ALL {
            assert_eq!(
                serde_json::to_string(&role).unwrap(),
                format!("\"{}\"", role.as_str())
            );
            assert_eq!(ContactRole::from_name(role.as_str()), Some(role));
        }
        assert_eq!(ContactRole::AlternateSponsor.as_str(), "alternate_sponsor");
        assert_eq!(ContactRole::CrisisLine.as_str(), "crisis_line");
        assert_eq!(
            ContactRole::from_name("Alternate-Sponsor"),
            Some(ContactRole::AlternateSponsor)
        );
        assert_eq!(ContactRole::from_name("boss"), None);
        assert_eq!(
            ContactRole::AlternateSponsor.to_string(),
            "alternate sponsor"
        );
    }

    #[test]
    fn input_is_trimmed_and_checked() {
        let c = input("  S. ", " +1 555 123 4567 ").check(3).unwrap();
        assert_eq!(c.name, "S.");
        assert_eq!(c.phone.as_typed(), "+1 555 123 4567");
        assert_eq!(c.order, 3);
        assert_eq!(c.note, None, "a blank note is no note");
        assert_eq!(c.label(), "S. (sponsor)");

        assert!(matches!(
            input(" ", "988").check(0),
            Err(SupportError::EmptyName)
        ));
        assert!(matches!(
            input(&"a".repeat(41), "988").check(0),
            Err(SupportError::NameTooLong { max: 40 })
        ));
        assert!(matches!(
            input("Sa\u{7}m", "988").check(0),
            Err(SupportError::ControlCharacters { field: "name" })
        ));
        assert!(matches!(
            input("Sam", "call me").check(0),
            Err(SupportError::Phone(PhoneError::Letters))
        ));
        let mut long_note = input("Sam", "988");
        long_note.note = Some("n".repeat(1001));
        assert!(matches!(
            long_note.check(0),
            Err(SupportError::NoteTooLong { max: 1000 })
        ));
    }

    #[test]
    fn a_refused_change_leaves_the_contact_as_it_was() {
        let mut c = input("Sam", "988").check(0).unwrap();
        let before = c.clone();
        let bad = ContactChange {
            name: Some("Alex".into()),
            phone: Some("letters".into()),
            ..ContactChange::default()
        };
        assert!(bad.apply(&mut c).is_err());
        assert_eq!(c, before);

        ContactChange {
            name: Some(" Alex ".into()),
            role: Some(ContactRole::Friend),
            sms_allowed: Some(false),
            note: Some(Some("calls after 6pm\nnot Sundays".into())),
            ..ContactChange::default()
        }
        .apply(&mut c)
        .unwrap();
        assert_eq!(c.name, "Alex");
        assert_eq!(c.role, ContactRole::Friend);
        assert!(!c.sms_allowed);
        assert_eq!(c.note.as_deref(), Some("calls after 6pm\nnot Sundays"));
        ContactChange {
            note: Some(None),
            ..ContactChange::default()
        }
        .apply(&mut c)
        .unwrap();
        assert_eq!(c.note, None);
    }
}
