//! One tap in a craving or a crisis: who to call (or text) first, and who next.
//!
//! The rule, in one place for every shell:
//!
//! 1. the user's **sponsor** (the first contact in their order whose role is sponsor);
//! 2. else the **next contact in order** (the first contact in the user's order);
//! 3. else the **crisis lines** of the user's region, then its **emergency numbers**;
//! 4. with no region set, or a region the bundled table has no entry for, **"your local emergency
//!    number"**, with no number: a guessed number is worse than none.
//!
//! Whatever is not the target becomes the ordered fallback list, each with its own URI, so a shell
//! shows "Calling Sam (sponsor)" and, below it, everyone else to try. The region's national drug
//! and alcohol helplines come apart, in [`CallPlan::helplines`]: never the target, never a fallback,
//! so they cannot change who one tap reaches; shells show them under their own heading. Texting ([`Channel::Sms`])
//! follows the same order among contacts who are fine with texts, then the region's crisis lines
//! that take texts; emergency numbers are never texted. Shells only launch the URI.
//!
//! Each number is offered once: a target whose number (its URI without any message) an earlier
//! target already has is left out, and so is a helpline whose number is already in the order (a
//! contact saved under the crisis line's number, two contacts sharing a phone).
//!
//! What the Call screen shows is decided here too: the first crisis line or emergency number after
//! the target is its [`CallPlan::crisis_row`], kept in sight below everyone else; and whether one tap
//! places the call itself or opens the dialer ([`CallPlan::places_call_directly`], given what the
//! shell may do, [`DirectCalls`]). The prepared text messages, each with who one tap texts it to and
//! the `sms:` URI, are [`prepared_messages`].
//!
//! [`plan`] and [`prepared_messages`] are pure; `store::call_plan` and `store::prepared_messages`
//! feed them from the vault.

use serde::Serialize;

use super::contact::ContactRole;
use super::crisis::{Country, CrisisLine};
use super::region::Region;
use super::sms::sms_uri;
use super::store::StoredContact;
use crate::vault::RecordId;

/// How to reach someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    /// A phone call (`tel:` URIs).
    Call,
    /// A text message (`sms:` URIs) with this message for contacts (crisis lines get their own
    /// keyword, or nothing).
    Sms {
        /// The prepared message, already checked (`sms::check_message`).
        message: String,
    },
}

/// Whether a plan calls or texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Calls.
    Call,
    /// Texts.
    Sms,
}

/// Why a target is where it is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The user's sponsor.
    Sponsor,
    /// The next contact in the user's order.
    NextInOrder,
    /// A crisis line of the user's region.
    CrisisLine,
    /// An emergency number of the user's region.
    EmergencyNumber,
    /// The user's local emergency number, which One Day does not know (no region, or a region
    /// without an entry): the shell shows the wording and no number.
    LocalEmergencyNumber,
    /// A national drug and alcohol helpline of the user's region: only ever in
    /// [`CallPlan::helplines`], never the target or a fallback.
    DrugAlcoholHelpline,
}

/// Someone to call or text, with the URI to launch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallTarget {
    /// Why it is in the plan.
    pub reason: Reason,
    /// The contact's name, the line's name, the emergency number as written, or "your local
    /// emergency number".
    pub name: String,
    /// The contact's record id, for contacts.
    pub contact_id: Option<RecordId>,
    /// The contact's role, for contacts.
    pub role: Option<ContactRole>,
    /// The number to show (as typed for contacts, as written locally for lines); `None` for
    /// [`Reason::LocalEmergencyNumber`].
    pub number: Option<String>,
    /// What an emergency number reaches, in words.
    pub services: Option<String>,
    /// The `tel:` or `sms:` URI to launch; `None` only for [`Reason::LocalEmergencyNumber`].
    pub uri: Option<String>,
}

impl CallTarget {
    /// Whether it is a crisis line or an emergency number (known or not), not a person.
    fn is_line(&self) -> bool {
        matches!(
            self.reason,
            Reason::CrisisLine | Reason::EmergencyNumber | Reason::LocalEmergencyNumber
        )
    }

    /// The number it reaches, for telling two targets apart: its URI without any message.
    fn dial_key(&self) -> Option<&str> {
        self.uri
            .as_deref()
            .map(|u| u.split('?').next().unwrap_or(u))
    }

    /// How to name the target: `Sam (sponsor)`, `Samaritans (crisis line)`, `911 (emergency
    /// number)`, `your local emergency number`.
    pub fn label(&self) -> String {
        match self.reason {
            Reason::Sponsor | Reason::NextInOrder => match self.role {
                Some(role) => format!("{} ({})", self.name, role.label()),
                None => self.name.clone(),
            },
            Reason::CrisisLine => format!("{} (crisis line)", self.name),
            Reason::DrugAlcoholHelpline => format!("{} (drug and alcohol helpline)", self.name),
            Reason::EmergencyNumber => format!("{} (emergency number)", self.name),
            Reason::LocalEmergencyNumber => self.name.clone(),
        }
    }

    /// The line a shell shows when it launches this target: `Calling Sam (sponsor)`, `Texting
    /// Shout (crisis line)`, or `Call your local emergency number` when there is no number.
    pub fn headline(&self, channel: ChannelKind) -> String {
        match (&self.uri, channel) {
            (None, _) => format!("Call {}", self.label()),
            (Some(_), ChannelKind::Call) => format!("Calling {}", self.label()),
            (Some(_), ChannelKind::Sms) => format!("Texting {}", self.label()),
        }
    }
}

/// What the shell may do with a `tel:` URI: place the call itself, or only open the dialer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectCalls {
    /// The shell can only open the dialer with the number (iOS, the desktop).
    #[default]
    Unavailable,
    /// The shell could place calls itself, but the person has not allowed it (Android without
    /// the call permission): the screen offers to allow it.
    NotAllowed,
    /// The shell places calls itself (Android with the call permission).
    Allowed,
}

/// A prepared text message, with who one tap texts it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedMessage {
    /// Its number in the list: 0 is [`super::sms::DEFAULT_MESSAGE`], the user's own are 1 and up.
    pub index: usize,
    /// The message.
    pub text: String,
    /// Who one tap texts it to (sponsor, next in order, a crisis line that takes texts), with the
    /// `sms:` URI that carries the message; `None` when nobody can be texted.
    pub target: Option<CallTarget>,
}

/// What the plan knows about the user's region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionStatus {
    /// No region is set: no crisis line or emergency number is offered.
    NotSet,
    /// A region the bundled table has no entry for.
    NotInTable(Region),
    /// A region with crisis lines and emergency numbers.
    Covered(Region),
}

/// Who one tap reaches, and who after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallPlan {
    /// Calls or texts.
    pub channel: ChannelKind,
    /// Who to reach first. `None` only when texting and nobody can be texted.
    pub target: Option<CallTarget>,
    /// Everyone else to try, in order.
    pub fallbacks: Vec<CallTarget>,
    /// The region's drug and alcohol helplines that can be reached on this channel, to show apart:
    /// never the target, never a fallback.
    pub helplines: Vec<CallTarget>,
    /// What the plan knew about the region.
    pub region: RegionStatus,
}

impl CallPlan {
    /// The line to show: the target's headline, or why there is none.
    pub fn headline(&self) -> String {
        match &self.target {
            Some(t) => t.headline(self.channel),
            None => "No one can be texted: add a contact who is fine with texts, or call instead"
                .to_owned(),
        }
    }

    /// The first crisis line or emergency number (or "your local emergency number") after the
    /// target: the row the Call screen keeps in sight below everyone else. `None` when texting with
    /// no line that takes texts, or when the target is itself the first of them.
    pub fn crisis_row(&self) -> Option<&CallTarget> {
        self.fallbacks.iter().find(|t| t.is_line())
    }

    /// The fallbacks other than [`CallPlan::crisis_row`], in order.
    pub fn other_fallbacks(&self) -> Vec<&CallTarget> {
        let crisis = self.fallbacks.iter().position(CallTarget::is_line);
        self.fallbacks
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != crisis)
            .map(|(_, t)| t)
            .collect()
    }

    /// Whether one tap places the call itself rather than opening the dialer: calling, a target
    /// with a number, and a shell allowed to ([`DirectCalls::Allowed`]).
    pub fn places_call_directly(&self, direct: DirectCalls) -> bool {
        direct == DirectCalls::Allowed && self.calls_a_number()
    }

    /// Whether the screen offers to let One Day place calls itself: calling a number, on a shell
    /// that could but has not been allowed ([`DirectCalls::NotAllowed`]).
    pub fn offers_direct_calls(&self, direct: DirectCalls) -> bool {
        direct == DirectCalls::NotAllowed && self.calls_a_number()
    }

    fn calls_a_number(&self) -> bool {
        self.channel == ChannelKind::Call && self.target.as_ref().is_some_and(|t| t.uri.is_some())
    }

    /// What to tell the user about their region, if anything.
    pub fn region_hint(&self) -> Option<&'static str> {
        match self.region {
            RegionStatus::NotSet => {
                Some("Set your region to get the crisis lines and emergency number of your country")
            }
            RegionStatus::NotInTable(_) => Some(
                "One Day has no crisis lines for your region yet: call your local emergency number",
            ),
            RegionStatus::Covered(_) => None,
        }
    }
}

/// The one-tap plan for `contacts` (in the user's order, as `store::list` returns them), the user's
/// `region` and what the table knows about it (`country`), calling or texting.
pub fn plan(
    contacts: &[StoredContact],
    region: Option<&Region>,
    country: Option<&Country>,
    channel: &Channel,
) -> CallPlan {
    let kind = match channel {
        Channel::Call => ChannelKind::Call,
        Channel::Sms { .. } => ChannelKind::Sms,
    };
    let status = match (region, country) {
        (None, _) => RegionStatus::NotSet,
        (Some(r), None) => RegionStatus::NotInTable(r.clone()),
        (Some(r), Some(_)) => RegionStatus::Covered(r.clone()),
    };
    let country = region.and(country);

    let mut people: Vec<CallTarget> = contacts
        .iter()
        .filter(|c| kind == ChannelKind::Call || c.contact.sms_allowed)
        .map(|c| {
            let uri = match channel {
                Channel::Call => c.contact.phone.tel_uri(),
                Channel::Sms { message } => sms_uri(&c.contact.phone, Some(message)),
            };
            CallTarget {
                reason: Reason::NextInOrder,
                name: c.contact.name.clone(),
                contact_id: Some(c.id),
                role: Some(c.contact.role),
                number: Some(c.contact.phone.as_typed().to_owned()),
                services: None,
                uri: Some(uri),
            }
        })
        .collect();
    if let Some(at) = people
        .iter()
        .position(|t| t.role == Some(ContactRole::Sponsor))
    {
        let mut sponsor = people.remove(at);
        sponsor.reason = Reason::Sponsor;
        people.insert(0, sponsor);
    }

    let mut all = people;
    match (kind, country) {
        (ChannelKind::Call, Some(country)) => {
            all.extend(line_targets(&country.lines, Reason::CrisisLine, kind));
            all.extend(country.emergency.iter().map(|e| CallTarget {
                reason: Reason::EmergencyNumber,
                name: e.display.clone(),
                contact_id: None,
                role: None,
                number: Some(e.display.clone()),
                services: Some(e.services.clone()),
                uri: Some(e.dial.tel_uri()),
            }));
        }
        (ChannelKind::Call, None) => all.push(CallTarget {
            reason: Reason::LocalEmergencyNumber,
            name: "your local emergency number".to_owned(),
            contact_id: None,
            role: None,
            number: None,
            services: None,
            uri: None,
        }),
        (ChannelKind::Sms, Some(country)) => {
            all.extend(line_targets(&country.lines, Reason::CrisisLine, kind));
        }
        (ChannelKind::Sms, None) => {}
    }

    let mut seen: Vec<String> = Vec::new();
    let mut once = |t: &CallTarget| match t.dial_key() {
        Some(key) if seen.iter().any(|s| s == key) => false,
        Some(key) => {
            seen.push(key.to_owned());
            true
        }
        None => true,
    };
    all.retain(&mut once);
    let mut helplines = country
        .map(|c| line_targets(&c.drug_alcohol_helplines, Reason::DrugAlcoholHelpline, kind))
        .unwrap_or_default();
    helplines.retain(&mut once);
    let mut all = all.into_iter();
    CallPlan {
        channel: kind,
        target: all.next(),
        fallbacks: all.collect(),
        helplines,
        region: status,
    }
}

/// The prepared text messages (`messages`, as `sms::messages` lists them), each with who one tap
/// texts it to and the `sms:` URI carrying it: the texting plan's target for that message.
pub fn prepared_messages(
    contacts: &[StoredContact],
    region: Option<&Region>,
    country: Option<&Country>,
    messages: Vec<String>,
) -> Vec<PreparedMessage> {
    messages
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let channel = Channel::Sms {
                message: text.clone(),
            };
            PreparedMessage {
                index,
                target: plan(contacts, region, country, &channel).target,
                text,
            }
        })
        .collect()
}

/// The targets of `lines` that can be reached on `channel`: their number to call, or their number
/// to text (with the line's keyword, if it asks for one).
fn line_targets(lines: &[CrisisLine], reason: Reason, channel: ChannelKind) -> Vec<CallTarget> {
    lines
        .iter()
        .filter_map(|l| {
            let (display, uri) = match channel {
                ChannelKind::Call => (&l.phone.as_ref()?.display, l.tel_uri()?),
                ChannelKind::Sms => (&l.sms.as_ref()?.display, l.sms_uri()?),
            };
            Some(CallTarget {
                reason,
                name: l.name.clone(),
                contact_id: None,
                role: None,
                number: Some(display.clone()),
                services: None,
                uri: Some(uri),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::support::contact::{Contact, ContactRole as R};
    use crate::support::crisis;
    use crate::support::PhoneNumber;

    fn contact(name: &str, role: R, phone: &str, sms: bool, order: u32) -> StoredContact {
        StoredContact {
            id: RecordId::generate().unwrap(),
            contact: Contact {
                name: name.into(),
                role,
                phone: PhoneNumber::parse(phone).unwrap(),
                sms_allowed: sms,
                order,
                note: None,
            },
        }
    }

    fn region(code: &str) -> Region {
        Region::parse(code).unwrap()
    }

    fn country(code: &str) -> &'static Country {
        crisis::country(&region(code)).unwrap().unwrap()
    }

    fn reasons(p: &CallPlan) -> Vec<Reason> {
        p.target
            .iter()
            .chain(&p.fallbacks)
            .map(|t| t.reason)
            .collect()
    }

    fn uris(p: &CallPlan) -> Vec<String> {
        p.target
            .iter()
            .chain(&p.fallbacks)
            .map(|t| t.uri.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn the_sponsor_comes_first_even_when_not_first_in_order() {
        let people = [
            contact("Ann", R::Friend, "555 0101", true, 0),
            contact("Sam", R::Sponsor, "+1 555 010 0102", true, 1),
            contact("Bo", R::Family, "555 0103", false, 2),
        ];
        let us = region("US");
        let p = plan(&people, Some(&us), Some(country("US")), &Channel::Call);
        let t = p.target.as_ref().unwrap();
        assert_eq!(t.reason, Reason::Sponsor);
        assert_eq!(t.contact_id, Some(people[1].id));
        assert_eq!(t.uri.as_deref(), Some("tel:+15550100102"));
        assert_eq!(p.headline(), "Calling Sam (sponsor)");
        assert_eq!(
            reasons(&p),
            [
                Reason::Sponsor,
                Reason::NextInOrder,
                Reason::NextInOrder,
                Reason::CrisisLine,
                Reason::EmergencyNumber
            ]
        );
        assert_eq!(
            uris(&p),
            [
                "tel:+15550100102",
                "tel:5550101",
                "tel:5550103",
                "tel:988",
                "tel:911"
            ]
        );
        assert_eq!(
            p.fallbacks[2].label(),
            "988 Suicide & Crisis Lifeline (crisis line)"
        );
        assert_eq!(p.fallbacks[3].label(), "911 (emergency number)");
        assert_eq!(
            p.fallbacks[3].services.as_deref(),
            Some("police, fire, ambulance")
        );
        assert_eq!(p.region, RegionStatus::Covered(us));
        assert_eq!(p.region_hint(), None);
    }

    #[test]
    fn without_a_sponsor_the_next_in_order_then_the_crisis_line() {
        let people = [contact("Alex", R::AlternateSponsor, "555 0104", true, 0)];
        let gb = region("GB");
        let p = plan(&people, Some(&gb), Some(country("GB")), &Channel::Call);
        assert_eq!(p.target.as_ref().unwrap().reason, Reason::NextInOrder);
        assert_eq!(p.headline(), "Calling Alex (alternate sponsor)");
        let none = plan(&[], Some(&gb), Some(country("GB")), &Channel::Call);
        let t = none.target.unwrap();
        assert_eq!(t.reason, Reason::CrisisLine);
        assert_eq!(t.uri.as_deref(), Some("tel:116123"));
        assert_eq!(
            t.headline(ChannelKind::Call),
            "Calling Samaritans (crisis line)"
        );
        // Shout is text-only: not in a call plan.
        assert!(none.fallbacks.iter().all(|t| t.name != "Shout"));
        assert_eq!(
            none.fallbacks
                .iter()
                .map(|t| t.uri.clone().unwrap())
                .collect::<Vec<_>>(),
            ["tel:999", "tel:112"]
        );
    }

    #[test]
    fn no_region_means_local_emergency_wording_and_no_number() {
        let people = [contact("Sam", R::Sponsor, "555 0105", true, 0)];
        let p = plan(&people, None, Some(country("US")), &Channel::Call);
        assert_eq!(p.region, RegionStatus::NotSet);
        assert!(p.region_hint().unwrap().contains("Set your region"));
        let last = p.fallbacks.last().unwrap();
        assert_eq!(last.reason, Reason::LocalEmergencyNumber);
        assert_eq!(last.uri, None);
        assert_eq!(last.number, None);

        let alone = plan(&[], None, None, &Channel::Call);
        assert_eq!(alone.headline(), "Call your local emergency number");
        assert!(alone.fallbacks.is_empty());

        let be = region("BE");
        let uncovered = plan(&[], Some(&be), None, &Channel::Call);
        assert_eq!(uncovered.region, RegionStatus::NotInTable(be));
        assert_eq!(
            uncovered.target.as_ref().unwrap().reason,
            Reason::LocalEmergencyNumber
        );
        assert!(uncovered
            .region_hint()
            .unwrap()
            .contains("local emergency number"));
    }

    #[test]
    fn texting_skips_contacts_who_said_no_and_lines_without_texts() {
        let people = [
            contact("Sam", R::Sponsor, "+44 7700 900001", false, 0),
            contact("Jo", R::Friend, "07700 900002 ext 5", true, 1),
        ];
        let gb = region("GB");
        let sms = Channel::Sms {
            message: "Can you call me?".into(),
        };
        let p = plan(&people, Some(&gb), Some(country("GB")), &sms);
        assert_eq!(p.channel, ChannelKind::Sms);
        assert_eq!(p.headline(), "Texting Jo (friend)");
        assert_eq!(
            uris(&p),
            [
                "sms:07700900002?body=Can%20you%20call%20me%3F",
                "sms:85258?body=SHOUT"
            ]
        );
        assert_eq!(reasons(&p), [Reason::NextInOrder, Reason::CrisisLine]);

        let us = region("US");
        let lifeline = plan(&[], Some(&us), Some(country("US")), &sms);
        assert_eq!(uris(&lifeline), ["sms:988"]);

        let nobody = plan(&people[..1], None, None, &sms);
        assert_eq!(nobody.target, None);
        assert!(nobody.fallbacks.is_empty());
        assert!(nobody.headline().starts_with("No one can be texted"));
    }

    /// The plan of `country` with its drug and alcohol helplines taken out.
    fn without_helplines(code: &str) -> Country {
        let mut c = country(code).clone();
        c.drug_alcohol_helplines.clear();
        c
    }

    #[test]
    fn drug_and_alcohol_helplines_never_change_who_one_tap_reaches() {
        let people = [
            contact("Ann", R::Friend, "555 0101", true, 0),
            contact("Sam", R::Sponsor, "555 0102", true, 1),
        ];
        let sms = Channel::Sms {
            message: "Can you call me?".into(),
        };
        let mut covered_with_helplines = 0;
        for code in crisis::table().unwrap().countries.keys() {
            let code = code.to_string();
            let r = region(&code);
            for contacts in [&people[..], &people[..1], &[]] {
                for channel in [&Channel::Call, &sms] {
                    let with = plan(contacts, Some(&r), Some(country(&code)), channel);
                    let bare = without_helplines(&code);
                    let without = plan(contacts, Some(&r), Some(&bare), channel);
                    assert_eq!(with.target, without.target, "{code}");
                    assert_eq!(with.fallbacks, without.fallbacks, "{code}");
                    assert!(without.helplines.is_empty());
                    assert!(reasons(&with)
                        .iter()
                        .all(|&r| r != Reason::DrugAlcoholHelpline));
                    assert!(with
                        .helplines
                        .iter()
                        .all(|t| t.reason == Reason::DrugAlcoholHelpline));
                }
            }
            if !country(&code).drug_alcohol_helplines.is_empty() {
                covered_with_helplines += 1;
            }
        }
        assert!(
            covered_with_helplines > 0,
            "the table has helplines to test"
        );
    }

    #[test]
    fn the_helplines_come_apart_with_their_own_label() {
        let us = region("US");
        let p = plan(&[], Some(&us), Some(country("US")), &Channel::Call);
        assert_eq!(p.target.as_ref().unwrap().reason, Reason::CrisisLine);
        assert_eq!(uris(&p), ["tel:988", "tel:911"]);
        let samhsa = &p.helplines[0];
        assert_eq!(samhsa.uri.as_deref(), Some("tel:18006624357"));
        assert_eq!(
            samhsa.label(),
            "SAMHSA National Helpline (drug and alcohol helpline)"
        );
        let nz = region("NZ");
        let sms = Channel::Sms {
            message: "Can you call me?".into(),
        };
        let texts = plan(&[], Some(&nz), Some(country("NZ")), &sms);
        assert_eq!(
            texts
                .helplines
                .iter()
                .map(|t| t.uri.clone().unwrap())
                .collect::<Vec<_>>(),
            ["sms:8681"]
        );
        // A helpline without texting is not in a text plan; no region, no helplines.
        let us_texts = plan(&[], Some(&us), Some(country("US")), &sms);
        assert!(us_texts.helplines.is_empty());
        assert!(plan(&[], None, Some(country("US")), &Channel::Call)
            .helplines
            .is_empty());
    }

    #[test]
    fn each_number_is_offered_once() {
        let gb = region("GB");
        // A contact saved under Samaritans' number, and two contacts sharing a phone.
        let contacts = [
            contact("Sam", R::Sponsor, "+44 20 7946 0321", true, 0),
            contact("Sam at home", R::Friend, "+44 20 7946 0321", true, 1),
            contact("Samaritans", R::Other, "116 123", true, 2),
        ];
        let p = plan(&contacts, Some(&gb), Some(country("GB")), &Channel::Call);
        let all = uris(&p);
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), unique.len(), "{all:?}");
        assert_eq!(all.iter().filter(|u| *u == "tel:116123").count(), 1);
        assert_eq!(p.fallbacks[0].reason, Reason::NextInOrder);
        assert_eq!(p.fallbacks[0].name, "Samaritans");
        // The crisis row is the next line after the ones a contact already covers (999 here).
        assert!(p.crisis_row().unwrap().is_line());
        assert_ne!(p.crisis_row().unwrap().uri.as_deref(), Some("tel:116123"));
    }

    #[test]
    fn the_crisis_row_is_the_first_line_after_the_target() {
        let gb = region("GB");
        let contacts = [
            contact("Sam", R::Sponsor, "+44 20 7946 0321", true, 0),
            contact("Jo", R::Friend, "+44 20 7946 0999", false, 1),
        ];
        let p = plan(&contacts, Some(&gb), Some(country("GB")), &Channel::Call);
        let crisis = p.crisis_row().unwrap();
        assert_eq!(crisis.reason, Reason::CrisisLine);
        assert_eq!(crisis, &p.fallbacks[1]);
        let others = p.other_fallbacks();
        assert_eq!(others.len(), p.fallbacks.len() - 1);
        assert_eq!(others[0].name, "Jo");
        assert!(!others.contains(&crisis));

        // No region: the crisis row is the local emergency wording, with no number.
        let p = plan(&contacts, None, None, &Channel::Call);
        assert_eq!(p.crisis_row().unwrap().reason, Reason::LocalEmergencyNumber);
        // Nobody saved: the target is the line itself; the next line is the crisis row.
        let p = plan(&[], Some(&gb), Some(country("GB")), &Channel::Call);
        assert!(p.target.as_ref().unwrap().is_line());
        assert_eq!(p.crisis_row(), p.fallbacks.first());
    }

    #[test]
    fn direct_calls_only_when_calling_a_number_and_allowed() {
        let contacts = [contact("Sam", R::Sponsor, "+44 20 7946 0321", true, 0)];
        let call = plan(&contacts, None, None, &Channel::Call);
        assert!(call.places_call_directly(DirectCalls::Allowed));
        assert!(!call.places_call_directly(DirectCalls::NotAllowed));
        assert!(!call.places_call_directly(DirectCalls::Unavailable));
        assert!(call.offers_direct_calls(DirectCalls::NotAllowed));
        assert!(!call.offers_direct_calls(DirectCalls::Unavailable));
        assert!(!call.offers_direct_calls(DirectCalls::Allowed));

        // No number to call (nobody saved, no region), or texting: never.
        let nothing = plan(&[], None, None, &Channel::Call);
        assert!(!nothing.places_call_directly(DirectCalls::Allowed));
        assert!(!nothing.offers_direct_calls(DirectCalls::NotAllowed));
        let sms = Channel::Sms {
            message: "Can you call me?".into(),
        };
        let text = plan(&contacts, None, None, &sms);
        assert!(!text.places_call_directly(DirectCalls::Allowed));
        assert!(!text.offers_direct_calls(DirectCalls::NotAllowed));
    }

    #[test]
    fn prepared_messages_go_to_the_sponsor_with_their_sms_uri() {
        let contacts = [
            contact("Jo", R::Friend, "+44 20 7946 0999", true, 0),
            contact("Sam", R::Sponsor, "+1 (555) 010-0000", true, 1),
        ];
        let messages = vec![
            "Can you call me?".to_owned(),
            "At a meeting, later?".to_owned(),
        ];
        let prepared = prepared_messages(&contacts, None, None, messages);
        assert_eq!(prepared.len(), 2);
        assert_eq!(prepared[0].index, 0);
        let first = prepared[0].target.as_ref().unwrap();
        assert_eq!(first.reason, Reason::Sponsor);
        assert_eq!(
            first.uri.as_deref(),
            Some("sms:+15550100000?body=Can%20you%20call%20me%3F")
        );
        assert_eq!(prepared[1].text, "At a meeting, later?");
        assert_eq!(
            prepared[1].target.as_ref().unwrap().uri.as_deref(),
            Some("sms:+15550100000?body=At%20a%20meeting%2C%20later%3F")
        );
        // Nobody to text: the messages are listed with no target.
        let none = prepared_messages(&[], None, None, vec!["Can you call me?".to_owned()]);
        assert_eq!(none[0].target, None);
    }
}
