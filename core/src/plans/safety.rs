//! The Stanley-Brown safety plan: six steps to work through, in order, when a crisis builds, and the
//! one thing most worth living for.
//!
//! 1. warning signs that a crisis may be coming;
//! 2. internal coping strategies: what the person can do alone;
//! 3. people and places that take the mind off things (people may link to a contact);
//! 4. people to ask for help (linked contacts, phone numbers);
//! 5. professionals, agencies and crisis lines (linked contacts, phone numbers);
//! 6. making the environment safe.
//!
//! Steps 3 to 5 name people, so their entries are [`ContactEntry`]s: the words the user wrote, an
//! optional link to a contact of the support network, and an optional phone number. Plans with a
//! way to reach someone do better, so [`super::completeness`] reports a plan with none as
//! incomplete.

use serde::{Deserialize, Serialize};

use super::error::{FieldPath, PlanError};
use super::text;
use crate::vault::RecordId;

/// Title of the section after the six steps.
pub const REASON_FOR_LIVING_TITLE: &str = "The one thing most worth living for";

/// One of the six steps of a safety plan, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyStep {
    /// Step 1: warning signs (thoughts, images, moods, situations, behaviours).
    WarningSigns,
    /// Step 2: internal coping strategies, things to do alone.
    CopingStrategies,
    /// Step 3: people and places that take the mind off things.
    Distractions,
    /// Step 4: people to ask for help.
    HelpPeople,
    /// Step 5: professionals, agencies and crisis lines.
    Professionals,
    /// Step 6: making the environment safe (lethal means).
    SafeEnvironment,
}

impl SafetyStep {
    /// The six steps in order.
    pub const ALL: [SafetyStep; 6] = [
        SafetyStep::WarningSigns,
        SafetyStep::CopingStrategies,
        SafetyStep::Distractions,
        SafetyStep::HelpPeople,
        SafetyStep::Professionals,
        SafetyStep::SafeEnvironment,
    ];

    /// The step's number, 1 to 6.
    pub fn number(self) -> usize {
        match self {
            SafetyStep::WarningSigns => 1,
            SafetyStep::CopingStrategies => 2,
            SafetyStep::Distractions => 3,
            SafetyStep::HelpPeople => 4,
            SafetyStep::Professionals => 5,
            SafetyStep::SafeEnvironment => 6,
        }
    }

    /// The step's title, as in the exports.
    pub fn title(self) -> &'static str {
        match self {
            SafetyStep::WarningSigns => "Warning signs",
            SafetyStep::CopingStrategies => "Internal coping strategies",
            SafetyStep::Distractions => "People and places for distraction",
            SafetyStep::HelpPeople => "People to ask for help",
            SafetyStep::Professionals => "Professionals, agencies and crisis lines",
            SafetyStep::SafeEnvironment => "Making the environment safe",
        }
    }

    /// Whether the step's entries are [`ContactEntry`]s (steps 3 to 5): they may link a contact and
    /// hold a phone number.
    pub fn names_people(self) -> bool {
        matches!(
            self,
            SafetyStep::Distractions | SafetyStep::HelpPeople | SafetyStep::Professionals
        )
    }
}

/// An entry of steps 3 to 5: what the user wrote, and how to reach who (or what) it names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactEntry {
    /// The user's own words ("Sam, my sponsor", "the crisis line").
    pub text: String,
    /// A link to a contact of the support network. The contact may have been removed since: the
    /// link is then reported, never followed blindly.
    #[serde(default)]
    pub contact: Option<RecordId>,
    /// A phone number the user wrote here (display text, such as `+1 (800) 273-8255`).
    #[serde(default)]
    pub phone: Option<String>,
}

impl ContactEntry {
    /// An entry with this text and no link or phone.
    pub fn new(text: impl Into<String>) -> ContactEntry {
        ContactEntry {
            text: text.into(),
            contact: None,
            phone: None,
        }
    }

    fn normalize(&mut self) {
        text::normalize(&mut self.text);
        text::normalize_optional(&mut self.phone);
    }

    fn validate(&self, section: &'static str, entry: usize) -> Result<(), PlanError> {
        let path = |field| FieldPath {
            section,
            entry: Some(entry),
            field,
        };
        text::check(&self.text, path("text"))?;
        if let Some(phone) = &self.phone {
            text::check_phone(phone, path("phone"))?;
        }
        Ok(())
    }
}

/// Whether a step-3 entry is a person or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DistractionKind {
    /// A person (may link a contact).
    Person,
    /// A place or social setting (a café, a park, a meeting); it cannot link a contact.
    Place,
}

/// A step-3 entry: a person or a place that takes the mind off things.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distraction {
    /// Person or place.
    pub kind: DistractionKind,
    /// The words, and for a person the optional contact link; a phone for either.
    pub entry: ContactEntry,
}

/// A Stanley-Brown safety plan. Every list keeps the user's order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyPlan {
    /// Step 1.
    pub warning_signs: Vec<String>,
    /// Step 2.
    pub coping_strategies: Vec<String>,
    /// Step 3.
    pub distractions: Vec<Distraction>,
    /// Step 4.
    pub help_people: Vec<ContactEntry>,
    /// Step 5.
    pub professionals: Vec<ContactEntry>,
    /// Step 6.
    pub safe_environment: Vec<String>,
    /// The one thing most worth living for.
    pub reason_for_living: Option<String>,
}

impl SafetyPlan {
    /// Whether nothing at all is written in the plan.
    pub fn is_empty(&self) -> bool {
        *self == SafetyPlan::default()
    }

    /// How many entries step `step` has.
    pub fn len(&self, step: SafetyStep) -> usize {
        match step {
            SafetyStep::WarningSigns => self.warning_signs.len(),
            SafetyStep::CopingStrategies => self.coping_strategies.len(),
            SafetyStep::Distractions => self.distractions.len(),
            SafetyStep::HelpPeople => self.help_people.len(),
            SafetyStep::Professionals => self.professionals.len(),
            SafetyStep::SafeEnvironment => self.safe_environment.len(),
        }
    }

    /// The entries of a step that names people (3 to 5), with their kind for step 3 (`None` in
    /// steps 4 and 5, whose entries are all people or services); empty for the other steps.
    pub fn contact_entries(
        &self,
        step: SafetyStep,
    ) -> Vec<(Option<DistractionKind>, &ContactEntry)> {
        match step {
            SafetyStep::Distractions => self
                .distractions
                .iter()
                .map(|d| (Some(d.kind), &d.entry))
                .collect(),
            SafetyStep::HelpPeople => self.help_people.iter().map(|e| (None, e)).collect(),
            SafetyStep::Professionals => self.professionals.iter().map(|e| (None, e)).collect(),
            _ => Vec::new(),
        }
    }

    /// Removes entry `entry` (1-based) of `step`.
    pub fn remove(&mut self, step: SafetyStep, entry: usize) -> Result<(), PlanError> {
        let index = self.index(step, entry)?;
        match step {
            SafetyStep::WarningSigns => drop(self.warning_signs.remove(index)),
            SafetyStep::CopingStrategies => drop(self.coping_strategies.remove(index)),
            SafetyStep::Distractions => drop(self.distractions.remove(index)),
            SafetyStep::HelpPeople => drop(self.help_people.remove(index)),
            SafetyStep::Professionals => drop(self.professionals.remove(index)),
            SafetyStep::SafeEnvironment => drop(self.safe_environment.remove(index)),
        }
        Ok(())
    }

    /// The entry `entry` (1-based) of a step that names people, to change its link or phone.
    /// Refused for steps 1, 2 and 6 ([`PlanError::NoSuchField`]).
    pub fn contact_entry_mut(
        &mut self,
        step: SafetyStep,
        entry: usize,
    ) -> Result<&mut ContactEntry, PlanError> {
        let index = self.index(step, entry)?;
        match step {
            SafetyStep::Distractions => Ok(&mut self.distractions[index].entry),
            SafetyStep::HelpPeople => Ok(&mut self.help_people[index]),
            SafetyStep::Professionals => Ok(&mut self.professionals[index]),
            _ => Err(PlanError::NoSuchField {
                section: step.title(),
                field: "contact link or phone number",
            }),
        }
    }

    /// Links entry `entry` (1-based) of `step` to a contact, or removes its link with `None`.
    /// Refused for steps 1, 2 and 6 and for places.
    pub fn link(
        &mut self,
        step: SafetyStep,
        entry: usize,
        contact: Option<RecordId>,
    ) -> Result<(), PlanError> {
        if contact.is_some() && !step.names_people() {
            self.index(step, entry)?;
            return Err(PlanError::CannotLinkContact {
                section: step.title(),
                entry,
            });
        }
        if contact.is_some() && step == SafetyStep::Distractions {
            let index = self.index(step, entry)?;
            if self.distractions[index].kind == DistractionKind::Place {
                return Err(PlanError::CannotLinkContact {
                    section: step.title(),
                    entry,
                });
            }
        }
        self.contact_entry_mut(step, entry)?.contact = contact;
        Ok(())
    }

    /// Every contact link in the plan: step, 1-based entry number, contact id.
    pub fn links(&self) -> Vec<(SafetyStep, usize, RecordId)> {
        let mut out = Vec::new();
        for step in SafetyStep::ALL {
            for (i, (_, e)) in self.contact_entries(step).into_iter().enumerate() {
                if let Some(id) = e.contact {
                    out.push((step, i + 1, id));
                }
            }
        }
        out
    }

    /// Tidies every text (see [`super::text`]): line endings, ends trimmed, a blank reason or
    /// phone removed.
    pub fn normalize(&mut self) {
        for list in [
            &mut self.warning_signs,
            &mut self.coping_strategies,
            &mut self.safe_environment,
        ] {
            list.iter_mut().for_each(text::normalize);
        }
        self.distractions
            .iter_mut()
            .for_each(|d| d.entry.normalize());
        self.help_people
            .iter_mut()
            .for_each(ContactEntry::normalize);
        self.professionals
            .iter_mut()
            .for_each(ContactEntry::normalize);
        text::normalize_optional(&mut self.reason_for_living);
    }

    /// Checks a normalised plan: counts, texts, phone numbers, and no contact link on a place.
    pub fn validate(&self) -> Result<(), PlanError> {
        for step in SafetyStep::ALL {
            text::check_count(self.len(step), step.title())?;
        }
        for (step, list) in [
            (SafetyStep::WarningSigns, &self.warning_signs),
            (SafetyStep::CopingStrategies, &self.coping_strategies),
            (SafetyStep::SafeEnvironment, &self.safe_environment),
        ] {
            for (i, t) in list.iter().enumerate() {
                text::check(
                    t,
                    FieldPath {
                        section: step.title(),
                        entry: Some(i + 1),
                        field: "text",
                    },
                )?;
            }
        }
        for step in [
            SafetyStep::Distractions,
            SafetyStep::HelpPeople,
            SafetyStep::Professionals,
        ] {
            for (i, (kind, e)) in self.contact_entries(step).into_iter().enumerate() {
                e.validate(step.title(), i + 1)?;
                if kind == Some(DistractionKind::Place) && e.contact.is_some() {
                    return Err(PlanError::CannotLinkContact {
                        section: step.title(),
                        entry: i + 1,
                    });
                }
            }
        }
        if let Some(reason) = &self.reason_for_living {
            text::check(
                reason,
                FieldPath {
                    section: REASON_FOR_LIVING_TITLE,
                    entry: None,
                    field: "text",
                },
            )?;
        }
        Ok(())
    }

    /// The 0-based index of entry `entry` (1-based) of `step`.
    fn index(&self, step: SafetyStep, entry: usize) -> Result<usize, PlanError> {
        super::edit::entry_index(step.title(), self.len(step), entry)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn person(text: &str) -> Distraction {
        Distraction {
            kind: DistractionKind::Person,
            entry: ContactEntry::new(text),
        }
    }

    #[test]
    fn steps_are_numbered_in_order() {
        let numbers: Vec<usize> = SafetyStep::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
        let people: Vec<bool> = SafetyStep::ALL.iter().map(|s| s.names_people()).collect();
        assert_eq!(people, vec![false, false, true, true, true, false]);
    }

    #[test]
    fn normalise_then_validate() {
        let mut plan = SafetyPlan {
            warning_signs: vec!["  not sleeping\r\n".into()],
            help_people: vec![ContactEntry {
                text: "Sam".into(),
                contact: None,
                phone: Some("  ".into()),
            }],
            reason_for_living: Some(" \n".into()),
            ..SafetyPlan::default()
        };
        plan.normalize();
        assert_eq!(plan.warning_signs, vec!["not sleeping"]);
        assert_eq!(plan.help_people[0].phone, None);
        assert_eq!(plan.reason_for_living, None);
        plan.validate().unwrap();
        assert!(!plan.is_empty());
        assert!(SafetyPlan::default().is_empty());
    }

    #[test]
    fn bad_entries_are_named_by_place_not_content() {
        let mut plan = SafetyPlan {
            professionals: vec![ContactEntry::new("GP"), ContactEntry::new("")],
            ..SafetyPlan::default()
        };
        let e = plan.validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "the text of entry 2 in “Professionals, agencies and crisis lines” is empty"
        );
        plan.professionals[1] = ContactEntry {
            text: "Lifeline".into(),
            contact: None,
            phone: Some("ring 13 11 14".into()),
        };
        assert!(matches!(plan.validate(), Err(PlanError::InvalidPhone(_))));
        plan.professionals = vec![ContactEntry::new("x"); text::MAX_ENTRIES + 1];
        assert!(matches!(
            plan.validate(),
            Err(PlanError::TooManyEntries { .. })
        ));
    }

    #[test]
    fn people_link_contacts_places_and_other_steps_do_not() {
        let id = RecordId::generate().unwrap();
        let mut plan = SafetyPlan {
            warning_signs: vec!["pacing".into()],
            distractions: vec![
                person("Alex"),
                Distraction {
                    kind: DistractionKind::Place,
                    entry: ContactEntry::new("the library"),
                },
            ],
            help_people: vec![ContactEntry::new("Sam")],
            ..SafetyPlan::default()
        };
        plan.link(SafetyStep::HelpPeople, 1, Some(id)).unwrap();
        plan.link(SafetyStep::Distractions, 1, Some(id)).unwrap();
        assert!(matches!(
            plan.link(SafetyStep::Distractions, 2, Some(id)),
            Err(PlanError::CannotLinkContact { entry: 2, .. })
        ));
        assert!(matches!(
            plan.link(SafetyStep::WarningSigns, 1, Some(id)),
            Err(PlanError::CannotLinkContact { .. })
        ));
        assert!(matches!(
            plan.link(SafetyStep::HelpPeople, 2, Some(id)),
            Err(PlanError::NoSuchEntry {
                entry: 2,
                count: 1,
                ..
            })
        ));
        assert_eq!(
            plan.links(),
            vec![
                (SafetyStep::Distractions, 1, id),
                (SafetyStep::HelpPeople, 1, id)
            ]
        );
        plan.link(SafetyStep::HelpPeople, 1, None).unwrap();
        assert_eq!(plan.links().len(), 1);
        plan.validate().unwrap();

        // A place with a link (from a hand-edited Markdown, say) is refused on save.
        plan.distractions[1].entry.contact = Some(id);
        assert!(matches!(
            plan.validate(),
            Err(PlanError::CannotLinkContact { entry: 2, .. })
        ));
    }

    #[test]
    fn remove_by_one_based_number() {
        let mut plan = SafetyPlan {
            coping_strategies: vec!["walk".into(), "music".into()],
            ..SafetyPlan::default()
        };
        assert!(matches!(
            plan.remove(SafetyStep::CopingStrategies, 0),
            Err(PlanError::NoSuchEntry { .. })
        ));
        plan.remove(SafetyStep::CopingStrategies, 1).unwrap();
        assert_eq!(plan.coping_strategies, vec!["music"]);
        assert!(matches!(
            plan.contact_entry_mut(SafetyStep::CopingStrategies, 1),
            Err(PlanError::NoSuchField { .. })
        ));
    }
}
