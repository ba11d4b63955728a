//! The support network as the shells see it: contacts, the one-tap plan, crisis lines, and the
//! stateless phone-number helpers.
//!
//! Every rule (which number to dial, the `tel:`/`sms:` URIs, which crisis lines a region has) is in
//! core's `support` module; these types only carry its answers. A shell shows `plan.headline`
//! ("Calling Sam (sponsor)") and launches `plan.target.uri`, nothing more. The vault methods are in
//! `support_store.rs`.

use oneday_core::support as core;
use oneday_core::support::{PhoneNumber, Region};

use crate::dates::LocalDate;
use crate::support_error::SupportError;

/// Who a contact is to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ContactRole {
    /// Their sponsor: the first one one-tap calls.
    Sponsor,
    /// An alternate sponsor.
    AlternateSponsor,
    /// Someone they sponsor.
    Sponsee,
    /// A friend.
    Friend,
    /// Family.
    Family,
    /// A therapist or counsellor.
    Therapist,
    /// A doctor or prescriber.
    Doctor,
    /// A crisis line the user added themselves.
    CrisisLine,
    /// Anyone else.
    Other,
}

/// A contact kept in the vault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contact {
    /// Its id (32 hex digits).
    pub id: String,
    /// The name as the user wants it (a first name or an initial is enough).
    pub name: String,
    /// Who they are to the user.
    pub role: ContactRole,
    /// The phone number as the user typed it.
    pub phone: String,
    /// Whether the user may text them.
    pub sms_allowed: bool,
    /// Their place in the user's order, from 0.
    pub order: u32,
    /// The user's note, if any.
    pub note: Option<String>,
}

/// What the user gives to add a contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewContact {
    /// The name (1 to 40 characters).
    pub name: String,
    /// Who they are to the user.
    pub role: ContactRole,
    /// The phone number as typed.
    pub phone: String,
    /// Whether texting them is fine.
    #[uniffi(default = false)]
    pub sms_allowed: bool,
    /// An optional note.
    #[uniffi(default = None)]
    pub note: Option<String>,
}

/// A change to a contact: each field given replaces the stored one; a blank `note` removes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct ContactChange {
    /// A new name.
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// A new role.
    #[uniffi(default = None)]
    pub role: Option<ContactRole>,
    /// A new phone number, as typed.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// Whether texting them is fine.
    #[uniffi(default = None)]
    pub sms_allowed: Option<bool>,
    /// A new note; an empty string removes it.
    #[uniffi(default = None)]
    pub note: Option<String>,
}

/// Whether a plan calls or texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CallChannel {
    /// `tel:` URIs.
    Call,
    /// `sms:` URIs.
    Sms,
}

/// Why a target is where it is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CallReason {
    /// The user's sponsor.
    Sponsor,
    /// The next contact in the user's order.
    NextInOrder,
    /// A crisis line of the user's region.
    CrisisLine,
    /// An emergency number of the user's region.
    EmergencyNumber,
    /// "Your local emergency number": no region, or none known for it; there is no URI.
    LocalEmergencyNumber,
    /// A drug and alcohol helpline of the user's region: only in `CallPlan.helplines`, never the
    /// target or a fallback.
    DrugAlcoholHelpline,
}

/// Someone to call or text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CallTarget {
    /// Why it is in the plan.
    pub reason: CallReason,
    /// The contact's or line's name, the emergency number, or "your local emergency number".
    pub name: String,
    /// How to name it: "Sam (sponsor)", "Samaritans (crisis line)", "911 (emergency number)".
    pub label: String,
    /// The contact's id, for contacts.
    pub contact_id: Option<String>,
    /// The contact's role, for contacts.
    pub role: Option<ContactRole>,
    /// The number to show; absent for the local emergency number.
    pub number: Option<String>,
    /// What an emergency number reaches, in words.
    pub services: Option<String>,
    /// The `tel:` or `sms:` URI to launch; absent only for the local emergency number.
    pub uri: Option<String>,
}

/// What the plan knew about the user's region.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RegionStatus {
    /// No region is set.
    NotSet,
    /// A region One Day has no crisis lines for.
    NotInTable {
        /// The region code.
        region: String,
    },
    /// A region with crisis lines and emergency numbers.
    Covered {
        /// The region code.
        region: String,
    },
}

/// Who one tap reaches, and who after them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CallPlan {
    /// Calls or texts.
    pub channel: CallChannel,
    /// The line to show: "Calling Sam (sponsor)", "Call your local emergency number", ...
    pub headline: String,
    /// Who to reach first; absent only when texting and nobody can be texted.
    pub target: Option<CallTarget>,
    /// Everyone else to try, in order.
    pub fallbacks: Vec<CallTarget>,
    /// The region's drug and alcohol helplines reachable on this channel, to show apart under their
    /// own heading: never the target or a fallback.
    pub helplines: Vec<CallTarget>,
    /// What the plan knew about the region.
    pub region: RegionStatus,
    /// What to tell the user about their region, if anything.
    pub region_hint: Option<String>,
    /// The first crisis line or emergency number after the target (or "your local emergency
    /// number"): the row the Call screen keeps in sight below everyone else.
    pub crisis_row: Option<CallTarget>,
    /// The fallbacks other than `crisis_row`, in order: the rows between the target and it.
    pub other_fallbacks: Vec<CallTarget>,
    /// Whether one tap places the call itself (calling a number, with direct calls allowed)
    /// rather than opening the dialer.
    pub places_call_directly: bool,
    /// Whether the screen offers to let One Day place calls itself (calling a number, on a phone
    /// that could but has not been allowed to).
    pub offers_direct_calls: bool,
}

/// What the app may do with a `tel:` URI, as the shell knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DirectCalls {
    /// Only the dialer can be opened with the number (iOS).
    Unavailable,
    /// The app could place calls itself but the person has not allowed it (Android without the
    /// call permission).
    NotAllowed,
    /// The app places calls itself (Android with the call permission).
    Allowed,
}

/// A prepared text message, with who one tap texts it to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PreparedMessage {
    /// Its number: 0 is "Can you call me?", the user's own are 1 and up.
    pub index: u32,
    /// The message.
    pub text: String,
    /// Who one tap texts it to, with the `sms:` URI carrying the message; absent when nobody can
    /// be texted.
    pub target: Option<CallTarget>,
}

/// What kind of page an entry was checked against, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SourceKind {
    /// A page of the body that runs the line or number.
    Operator,
    /// A page of a government body that does not run it.
    Government,
    /// A news report.
    Press,
    /// Anything else: a directory, a third party's list.
    Other,
}

/// One line of a country (a crisis line, or a drug and alcohol helpline), with its URIs.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrisisLine {
    /// Its name.
    pub name: String,
    /// The number to call, as written locally; absent for a text-only line.
    pub number: Option<String>,
    /// The `tel:` URI; absent for a text-only line.
    pub tel_uri: Option<String>,
    /// Other numbers of the same line, as written.
    pub other_numbers: Vec<String>,
    /// Where to text it, as written, where texting exists.
    pub sms_number: Option<String>,
    /// The `sms:` URI (with the line's keyword, if it asks for one).
    pub sms_uri: Option<String>,
    /// Its web chat, where one exists.
    pub chat_url: Option<String>,
    /// When it answers, when known.
    pub hours: Option<String>,
    /// What kind of page `source_url` is.
    pub source_kind: SourceKind,
    /// The page its numbers were checked against.
    pub source_url: String,
    /// The day they were checked against that page.
    pub last_verified: LocalDate,
}

/// An emergency number of a country.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EmergencyNumber {
    /// The number as written.
    pub number: String,
    /// What it reaches.
    pub services: String,
    /// The `tel:` URI.
    pub tel_uri: String,
    /// What kind of page `source_url` is.
    pub source_kind: SourceKind,
    /// The page it was checked against.
    pub source_url: String,
    /// The day it was checked against that page.
    pub last_verified: LocalDate,
}

/// The crisis lines and emergency numbers of one country.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrisisCountry {
    /// The region code.
    pub region: String,
    /// The country's name in English.
    pub name: String,
    /// Its crisis lines, in the order to offer them.
    pub lines: Vec<CrisisLine>,
    /// Its national drug and alcohol helplines, to show apart from the crisis lines.
    pub drug_alcohol_helplines: Vec<CrisisLine>,
    /// Its emergency numbers, the first to offer first.
    pub emergency: Vec<EmergencyNumber>,
}

/// The `tel:` URI to dial `phone` (as typed). Throws `InvalidPhone` for letters, an empty number,
/// too few or too many digits.
#[uniffi::export]
pub fn tel_uri(phone: String) -> Result<String, SupportError> {
    Ok(PhoneNumber::parse(&phone)
        .map_err(core::SupportError::from)?
        .tel_uri())
}

/// The `sms:` URI to text `phone` (as typed) with the message `body` prepared, if given.
#[uniffi::export(default(body = None))]
pub fn sms_uri(phone: String, body: Option<String>) -> Result<String, SupportError> {
    let to = PhoneNumber::parse(&phone).map_err(core::SupportError::from)?;
    Ok(core::sms::sms_uri(&to, body.as_deref()))
}

/// Checks a phone number as typed; throws `InvalidPhone` with what is wrong.
#[uniffi::export]
pub fn validate_phone(phone: String) -> Result<(), SupportError> {
    PhoneNumber::parse(&phone).map_err(core::SupportError::from)?;
    Ok(())
}

/// The message every user has first among the prepared texts: "Can you call me?".
#[uniffi::export]
pub fn default_sms_message() -> String {
    core::sms::DEFAULT_MESSAGE.to_owned()
}

/// The bundled crisis lines and emergency numbers of `region` (an ISO 3166-1 alpha-2 code), or
/// `null`/`nil` when One Day has none for it. Throws `InvalidRegion` for a code that is not one.
#[uniffi::export]
pub fn crisis_lines(region: String) -> Result<Option<CrisisCountry>, SupportError> {
    let region = Region::parse(&region)?;
    Ok(core::crisis::country(&region)?.map(|c| CrisisCountry::new(&region, c)))
}

impl CrisisCountry {
    fn new(region: &Region, c: &core::Country) -> Self {
        CrisisCountry {
            region: region.to_string(),
            name: c.name.clone(),
            lines: c.lines.iter().map(Into::into).collect(),
            drug_alcohol_helplines: c.drug_alcohol_helplines.iter().map(Into::into).collect(),
            emergency: c
                .emergency
                .iter()
                .map(|e| EmergencyNumber {
                    number: e.display.clone(),
                    services: e.services.clone(),
                    tel_uri: e.dial.tel_uri(),
                    source_kind: e.source_kind.into(),
                    source_url: e.source_url.clone(),
                    last_verified: e.last_verified,
                })
                .collect(),
        }
    }
}

impl From<&core::CrisisLine> for CrisisLine {
    fn from(l: &core::CrisisLine) -> Self {
        CrisisLine {
            name: l.name.clone(),
            number: l.phone.as_ref().map(|p| p.display.clone()),
            tel_uri: l.tel_uri(),
            other_numbers: l.other_numbers.iter().map(|n| n.display.clone()).collect(),
            sms_number: l.sms.as_ref().map(|s| s.display.clone()),
            sms_uri: l.sms_uri(),
            chat_url: l.chat_url.clone(),
            hours: l.hours.clone(),
            source_kind: l.source_kind.into(),
            source_url: l.source_url.clone(),
            last_verified: l.last_verified,
        }
    }
}

impl From<core::SourceKind> for SourceKind {
    fn from(k: core::SourceKind) -> Self {
        match k {
            core::SourceKind::Operator => SourceKind::Operator,
            core::SourceKind::Government => SourceKind::Government,
            core::SourceKind::Press => SourceKind::Press,
            core::SourceKind::Other => SourceKind::Other,
        }
    }
}

impl From<core::ContactRole> for ContactRole {
    fn from(r: core::ContactRole) -> Self {
        use core::ContactRole as R;
        match r {
            R::Sponsor => ContactRole::Sponsor,
            R::AlternateSponsor => ContactRole::AlternateSponsor,
            R::Sponsee => ContactRole::Sponsee,
            R::Friend => ContactRole::Friend,
            R::Family => ContactRole::Family,
            R::Therapist => ContactRole::Therapist,
            R::Doctor => ContactRole::Doctor,
            R::CrisisLine => ContactRole::CrisisLine,
            R::Other => ContactRole::Other,
        }
    }
}

impl From<ContactRole> for core::ContactRole {
    fn from(r: ContactRole) -> Self {
        use core::ContactRole as R;
        match r {
            ContactRole::Sponsor => R::Sponsor,
            ContactRole::AlternateSponsor => R::AlternateSponsor,
            ContactRole::Sponsee => R::Sponsee,
            ContactRole::Friend => R::Friend,
            ContactRole::Family => R::Family,
            ContactRole::Therapist => R::Therapist,
            ContactRole::Doctor => R::Doctor,
            ContactRole::CrisisLine => R::CrisisLine,
            ContactRole::Other => R::Other,
        }
    }
}

impl From<&core::StoredContact> for Contact {
    fn from(s: &core::StoredContact) -> Self {
        Contact {
            id: s.id.to_string(),
            name: s.contact.name.clone(),
            role: s.contact.role.into(),
            phone: s.contact.phone.as_typed().to_owned(),
            sms_allowed: s.contact.sms_allowed,
            order: s.contact.order,
            note: s.contact.note.clone(),
        }
    }
}

impl From<NewContact> for core::ContactInput {
    fn from(c: NewContact) -> Self {
        core::ContactInput {
            name: c.name,
            role: c.role.into(),
            phone: c.phone,
            sms_allowed: c.sms_allowed,
            note: c.note,
        }
    }
}

impl From<ContactChange> for core::ContactChange {
    fn from(c: ContactChange) -> Self {
        core::ContactChange {
            name: c.name,
            role: c.role.map(Into::into),
            phone: c.phone,
            sms_allowed: c.sms_allowed,
            note: c.note.map(Some),
        }
    }
}

impl From<&core::CallTarget> for CallTarget {
    fn from(t: &core::CallTarget) -> Self {
        use core::Reason as R;
        CallTarget {
            reason: match t.reason {
                R::Sponsor => CallReason::Sponsor,
                R::NextInOrder => CallReason::NextInOrder,
                R::CrisisLine => CallReason::CrisisLine,
                R::EmergencyNumber => CallReason::EmergencyNumber,
                R::LocalEmergencyNumber => CallReason::LocalEmergencyNumber,
                R::DrugAlcoholHelpline => CallReason::DrugAlcoholHelpline,
            },
            name: t.name.clone(),
            label: t.label(),
            contact_id: t.contact_id.map(|id| id.to_string()),
            role: t.role.map(Into::into),
            number: t.number.clone(),
            services: t.services.clone(),
            uri: t.uri.clone(),
        }
    }
}

impl From<DirectCalls> for core::DirectCalls {
    fn from(d: DirectCalls) -> Self {
        match d {
            DirectCalls::Unavailable => core::DirectCalls::Unavailable,
            DirectCalls::NotAllowed => core::DirectCalls::NotAllowed,
            DirectCalls::Allowed => core::DirectCalls::Allowed,
        }
    }
}

impl From<core::PreparedMessage> for PreparedMessage {
    fn from(m: core::PreparedMessage) -> Self {
        PreparedMessage {
            index: u32::try_from(m.index).unwrap_or(u32::MAX),
            text: m.text,
            target: m.target.as_ref().map(Into::into),
        }
    }
}

impl CallPlan {
    /// Core's plan as it crosses, for a shell that may place calls as `direct` says.
    pub(crate) fn of(p: &core::CallPlan, direct: core::DirectCalls) -> Self {
        CallPlan {
            channel: match p.channel {
                core::ChannelKind::Call => CallChannel::Call,
                core::ChannelKind::Sms => CallChannel::Sms,
            },
            headline: p.headline(),
            target: p.target.as_ref().map(Into::into),
            fallbacks: p.fallbacks.iter().map(Into::into).collect(),
            helplines: p.helplines.iter().map(Into::into).collect(),
            region: match &p.region {
                core::RegionStatus::NotSet => RegionStatus::NotSet,
                core::RegionStatus::NotInTable(r) => RegionStatus::NotInTable {
                    region: r.to_string(),
                },
                core::RegionStatus::Covered(r) => RegionStatus::Covered {
                    region: r.to_string(),
                },
            },
            region_hint: p.region_hint().map(str::to_owned),
            crisis_row: p.crisis_row().map(Into::into),
            other_fallbacks: p.other_fallbacks().into_iter().map(Into::into).collect(),
            places_call_directly: p.places_call_directly(direct),
            offers_direct_calls: p.offers_direct_calls(direct),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn phone_helpers_answer_with_core_uris_and_typed_errors() {
        assert_eq!(
            tel_uri("+1 (555) 010-0000".into()).unwrap(),
            "tel:+15550100000"
        );
        assert_eq!(
            sms_uri("988".into(), Some("Can you call me?".into())).unwrap(),
            "sms:988?body=Can%20you%20call%20me%3F"
        );
        assert!(matches!(
            tel_uri("call me".into()),
            Err(SupportError::InvalidPhone { .. })
        ));
        assert!(validate_phone("".into()).is_err());
        assert_eq!(default_sms_message(), "Can you call me?");
    }

    #[test]
    fn crisis_lines_by_region() {
        let gb = crisis_lines("gb".into()).unwrap().unwrap();
        assert_eq!(gb.region, "GB");
        assert_eq!(gb.lines[0].tel_uri.as_deref(), Some("tel:116123"));
        let shout = gb.lines.iter().find(|l| l.name == "Shout").unwrap();
        assert_eq!(shout.sms_uri.as_deref(), Some("sms:85258?body=SHOUT"));
        assert_eq!(gb.emergency[0].tel_uri, "tel:999");
        assert_eq!(gb.lines[0].source_kind, SourceKind::Operator);
        assert!(gb.drug_alcohol_helplines.is_empty());
        let us = crisis_lines("US".into()).unwrap().unwrap();
        let samhsa = &us.drug_alcohol_helplines[0];
        assert_eq!(samhsa.tel_uri.as_deref(), Some("tel:18006624357"));
        assert_eq!(samhsa.source_kind, SourceKind::Operator);
        assert_eq!(us.emergency[0].source_kind, SourceKind::Government);
        assert_eq!(crisis_lines("BE".into()).unwrap(), None);
        assert!(matches!(
            crisis_lines("UK".into()),
            Err(SupportError::InvalidRegion { .. })
        ));
    }
}
