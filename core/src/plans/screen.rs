//! What the Plan screen shows, as one value: [`PlanScreen`].
//!
//! Every shell draws the same plan: its sections in order with their headings, each entry's line
//! and second line, the linked contact resolved (or reported removed), the number to dial, what
//! the plan is missing (the "no one to call" prompt first), its revisions and the
//! [`PlanVersion`] an edit made from this screen expects. The phones get it in one FFI call and
//! only lay it out.

use super::completeness::{Completeness, PlanGap};
use super::contacts::{ContactLookup, LinkedContact};
use super::edit::{EditablePlan, PlanEntry, PlanVersion};
use super::export::CONTACT_REMOVED;
use super::revision::RevisionInfo;
use super::safety::DistractionKind;
use super::section::PlanSection;

/// The contact an entry links to, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryLink {
    /// The entry links no contact.
    None,
    /// The linked contact, as stored now.
    Contact(LinkedContact),
    /// The entry links a contact that was removed.
    Removed,
}

/// One entry as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryView {
    /// Its 1-based number (what an edit names).
    pub number: usize,
    /// The entry itself, to fill the "edit in place" form.
    pub entry: PlanEntry,
    /// The main line: the user's words, after `Person: ` / `Place: ` or a trigger's category.
    pub line: String,
    /// A second line, if any: the phone, the linked contact, a coping response, a sign's grade.
    pub detail: Option<String>,
    /// The linked contact.
    pub link: EntryLink,
    /// The number to dial, as typed: the entry's phone, else its linked contact's.
    pub dial: Option<String>,
}

/// One section as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView {
    /// Which section (what an edit names; it also says which form to show, whether it can link
    /// a contact and whether it is one text).
    pub section: PlanSection,
    /// `Step 4: People to ask for help`.
    pub heading: String,
    /// Its entries in order.
    pub entries: Vec<EntryView>,
}

/// The Plan screen of one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanScreen {
    /// The version an edit made from this screen expects.
    pub version: PlanVersion,
    /// Every revision, oldest first (the last is current), for "restore an old revision".
    pub revisions: Vec<RevisionInfo>,
    /// The sections in the plan's order.
    pub sections: Vec<SectionView>,
    /// What the plan is missing.
    pub completeness: Completeness,
    /// The gap to prompt for above everything: "no one to call" when the safety plan has it.
    pub prompt: Option<PlanGap>,
}

impl PlanScreen {
    /// The screen of `plan`, whose revisions are `revisions`, missing `completeness`.
    pub fn build<P: EditablePlan>(
        plan: &P,
        revisions: Vec<RevisionInfo>,
        completeness: Completeness,
        contacts: &dyn ContactLookup,
    ) -> PlanScreen {
        let sections = PlanSection::of(P::KIND)
            .into_iter()
            .map(|section| SectionView {
                section,
                heading: section.heading(),
                entries: plan
                    .entries(section)
                    .into_iter()
                    .enumerate()
                    .map(|(i, entry)| entry_view(i + 1, entry, contacts))
                    .collect(),
            })
            .collect();
        let prompt = completeness
            .gaps
            .iter()
            .copied()
            .find(|g| *g == PlanGap::NoHelpContact);
        PlanScreen {
            version: PlanVersion::of(revisions.last().copied()),
            revisions,
            sections,
            completeness,
            prompt,
        }
    }
}

fn entry_view(number: usize, entry: PlanEntry, contacts: &dyn ContactLookup) -> EntryView {
    let words = entry.words().to_owned();
    let (line, mut detail) = match &entry {
        PlanEntry::Distraction(d) => match d.kind {
            DistractionKind::Person => (format!("Person: {words}"), Vec::new()),
            DistractionKind::Place => (format!("Place: {words}"), Vec::new()),
        },
        PlanEntry::Trigger(t) => (
            format!("{}: {words}", t.category.label()),
            t.coping.iter().map(|c| format!("What I do: {c}")).collect(),
        ),
        PlanEntry::WarningSign(s) => {
            let health = if s.mental_health {
                " · mental health"
            } else {
                ""
            };
            (words, vec![format!("{}{health}", s.grade.title())])
        }
        PlanEntry::Text { .. } | PlanEntry::Contact(_) => (words, Vec::new()),
    };
    let mut link = EntryLink::None;
    let mut dial = None;
    if let Some(e) = entry.contact_entry() {
        if let Some(phone) = &e.phone {
            detail.push(format!("Phone: {phone}"));
        }
        if let Some(id) = &e.contact {
            link = match contacts.contact(id) {
                Some(c) => {
                    let reach = c
                        .phone
                        .as_deref()
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default();
                    detail.push(format!("Contact: {}{reach}", c.name));
                    EntryLink::Contact(c)
                }
                None => {
                    detail.push(format!("Contact: {CONTACT_REMOVED}"));
                    EntryLink::Removed
                }
            };
        }
        dial = e.phone.clone().or_else(|| match &link {
            EntryLink::Contact(c) => c.phone.clone(),
            _ => None,
        });
    }
    EntryView {
        number,
        entry,
        line,
        detail: (!detail.is_empty()).then(|| detail.join("\n")),
        link,
        dial,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::completeness;
    use crate::plans::relapse::{
        HaltState, RelapsePreventionPlan, Trigger, TriggerCategory, WarningGrade, WarningSign,
    };
    use crate::plans::safety::{ContactEntry, Distraction, SafetyPlan};
    use crate::vault::RecordId;

    #[test]
    fn safety_screen_resolves_links_and_prompts_for_someone_to_call() {
        let sam = RecordId::generate().unwrap();
        let gone = RecordId::generate().unwrap();
        let plan = SafetyPlan {
            distractions: vec![Distraction {
                kind: DistractionKind::Place,
                entry: ContactEntry::new("the library"),
            }],
            help_people: vec![
                ContactEntry {
                    text: "Sam".into(),
                    contact: Some(sam),
                    phone: None,
                },
                ContactEntry {
                    text: "Old friend".into(),
                    contact: Some(gone),
                    phone: Some("555 0100".into()),
                },
            ],
            ..SafetyPlan::default()
        };
        let lookup = move |id: &RecordId| {
            (*id == sam).then(|| LinkedContact {
                name: "Sam".into(),
                role: None,
                phone: Some("+1 555 123".into()),
            })
        };
        let screen = PlanScreen::build(
            &plan,
            Vec::new(),
            completeness::safety(&plan, &lookup),
            &lookup,
        );
        assert_eq!(screen.version, PlanVersion { revision: 0 });
        assert_eq!(screen.prompt, None);
        assert_eq!(screen.sections.len(), 7);
        let step3 = &screen.sections[2].entries[0];
        assert_eq!(step3.line, "Place: the library");
        let help = &screen.sections[3].entries;
        assert_eq!(help[0].detail.as_deref(), Some("Contact: Sam, +1 555 123"));
        assert_eq!(help[0].dial.as_deref(), Some("+1 555 123"));
        assert!(matches!(help[0].link, EntryLink::Contact(_)));
        assert_eq!(
            help[1].detail.as_deref(),
            Some("Phone: 555 0100\nContact: (contact removed)")
        );
        assert_eq!(help[1].link, EntryLink::Removed);
        assert_eq!(help[1].dial.as_deref(), Some("555 0100"));
        assert_eq!(help[1].number, 2);

        let empty = SafetyPlan::default();
        let screen = PlanScreen::build(
            &empty,
            Vec::new(),
            completeness::safety(&empty, &lookup),
            &lookup,
        );
        assert_eq!(screen.prompt, Some(PlanGap::NoHelpContact));
    }

    #[test]
    fn relapse_screen_shows_categories_coping_and_grades() {
        let plan = RelapsePreventionPlan {
            triggers: vec![Trigger {
                category: TriggerCategory::Halt(HaltState::Lonely),
                text: "Sunday evenings".into(),
                coping: Some("call Sam".into()),
            }],
            warning_signs: vec![WarningSign {
                grade: WarningGrade::Early,
                text: "not sleeping".into(),
                mental_health: true,
            }],
            ..RelapsePreventionPlan::default()
        };
        let none = |_: &RecordId| None;
        let screen = PlanScreen::build(&plan, Vec::new(), completeness::relapse(&plan), &none);
        let trigger = &screen.sections[1].entries[0];
        assert_eq!(trigger.line, "Lonely (HALT): Sunday evenings");
        assert_eq!(trigger.detail.as_deref(), Some("What I do: call Sam"));
        let sign = &screen.sections[2].entries[0];
        assert_eq!(sign.detail.as_deref(), Some("Early · mental health"));
        assert_eq!(sign.dial, None);
        assert_eq!(screen.sections[2].heading, "Warning signs");
    }
}
