//! What a plan is still missing, so shells can prompt for it.
//!
//! A plan is *complete* when it has no [`PlanGap`]. The gaps, in the order reported:
//!
//! - an empty plan reports [`PlanGap::Empty`] (and a safety plan also [`PlanGap::NoHelpContact`],
//!   the one gap shells always prompt for) and nothing else;
//! - a safety plan with no way to reach anyone reports [`PlanGap::NoHelpContact`] first: no entry
//!   of step 4 or 5 holds a phone number or links to a contact that has one (plans with a help
//!   contact do better);
//! - then, in plan order: each empty step or section, each link to a contact that was removed
//!   ([`PlanGap::ContactRemoved`]), each trigger without a coping response, and a missing reason
//!   for living.

use std::fmt;

use serde::Serialize;

use super::contacts::ContactLookup;
use super::kind::PlanKind;
use super::relapse::{RelapsePreventionPlan, RelapseSection};
use super::safety::{SafetyPlan, SafetyStep, REASON_FOR_LIVING_TITLE};

/// Something a plan is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "gap", rename_all = "snake_case")]
pub enum PlanGap {
    /// Nothing is written in the plan yet.
    Empty,
    /// Safety plan: no entry of step 4 or 5 has a phone number or a linked contact with one.
    NoHelpContact,
    /// Safety plan: a step has no entry.
    EmptyStep {
        /// The step.
        step: SafetyStep,
    },
    /// Safety plan: an entry links to a contact that no longer exists.
    ContactRemoved {
        /// The step.
        step: SafetyStep,
        /// The 1-based entry number.
        entry: usize,
    },
    /// Safety plan: the one thing most worth living for is not written.
    NoReasonForLiving,
    /// Relapse-prevention plan: a section has no entry.
    EmptySection {
        /// The section.
        section: RelapseSection,
    },
    /// Relapse-prevention plan: a trigger has no coping response.
    NoCopingResponse {
        /// The 1-based trigger number.
        entry: usize,
    },
}

impl fmt::Display for PlanGap {
    /// A sentence a shell can show as it is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanGap::Empty => f.write_str("nothing is written in this plan yet"),
            PlanGap::NoHelpContact => {
                f.write_str("no one to call: add a phone number or a contact to step 4 or 5")
            }
            PlanGap::EmptyStep { step } => {
                write!(f, "step {} (“{}”) is empty", step.number(), step.title())
            }
            PlanGap::ContactRemoved { step, entry } => write!(
                f,
                "entry {entry} of step {} (“{}”) links to a contact that was removed",
                step.number(),
                step.title()
            ),
            PlanGap::NoReasonForLiving => write!(f, "“{REASON_FOR_LIVING_TITLE}” is empty"),
            PlanGap::EmptySection { section } => write!(f, "“{}” is empty", section.title()),
            PlanGap::NoCopingResponse { entry } => {
                write!(f, "trigger {entry} has no coping response")
            }
        }
    }
}

/// What a plan is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// Which plan.
    pub kind: PlanKind,
    /// Every gap, in the order described in the module docs; empty when the plan is complete.
    pub gaps: Vec<PlanGap>,
}

impl Completeness {
    /// Whether the plan has no gap.
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty()
    }
}

/// What a safety plan is missing; `contacts` resolves its contact links.
pub fn safety(plan: &SafetyPlan, contacts: &dyn ContactLookup) -> Completeness {
    let mut gaps = Vec::new();
    let reachable = [SafetyStep::HelpPeople, SafetyStep::Professionals]
        .into_iter()
        .flat_map(|step| plan.contact_entries(step))
        .any(|(_, e)| {
            e.phone.is_some()
                || e.contact
                    .and_then(|id| contacts.contact(&id))
                    .is_some_and(|c| c.phone.is_some())
        });
    if plan.is_empty() {
        gaps.push(PlanGap::Empty);
    }
    if !reachable {
        gaps.push(PlanGap::NoHelpContact);
    }
    if !plan.is_empty() {
        for step in SafetyStep::ALL {
            if plan.len(step) == 0 {
                gaps.push(PlanGap::EmptyStep { step });
            }
            for (i, (_, e)) in plan.contact_entries(step).into_iter().enumerate() {
                if e.contact.is_some_and(|id| contacts.contact(&id).is_none()) {
                    gaps.push(PlanGap::ContactRemoved { step, entry: i + 1 });
                }
            }
        }
        if plan.reason_for_living.is_none() {
            gaps.push(PlanGap::NoReasonForLiving);
        }
    }
    Completeness {
        kind: PlanKind::Safety,
        gaps,
    }
}

/// What a relapse-prevention plan is missing.
pub fn relapse(plan: &RelapsePreventionPlan) -> Completeness {
    let mut gaps = Vec::new();
    if plan.is_empty() {
        gaps.push(PlanGap::Empty);
    } else {
        for section in RelapseSection::ALL {
            if plan.len(section) == 0 {
                gaps.push(PlanGap::EmptySection { section });
            }
            if section == RelapseSection::Triggers {
                for (i, t) in plan.triggers.iter().enumerate() {
                    if t.coping.is_none() {
                        gaps.push(PlanGap::NoCopingResponse { entry: i + 1 });
                    }
                }
            }
        }
    }
    Completeness {
        kind: PlanKind::Relapse,
        gaps,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::contacts::LinkedContact;
    use crate::plans::relapse::{Trigger, TriggerCategory, WarningGrade, WarningSign};
    use crate::plans::safety::{ContactEntry, Distraction, DistractionKind};
    use crate::vault::RecordId;

    fn no_contacts(_: &RecordId) -> Option<LinkedContact> {
        None
    }

    fn full_safety() -> SafetyPlan {
        SafetyPlan {
            warning_signs: vec!["not sleeping".into()],
            coping_strategies: vec!["a walk".into()],
            distractions: vec![Distraction {
                kind: DistractionKind::Place,
                entry: ContactEntry::new("the library"),
            }],
            help_people: vec![ContactEntry::new("my sister")],
            professionals: vec![ContactEntry {
                text: "crisis line".into(),
                contact: None,
                phone: Some("988".into()),
            }],
            safe_environment: vec!["pills to the pharmacy".into()],
            reason_for_living: Some("my daughter".into()),
        }
    }

    #[test]
    fn an_empty_safety_plan_asks_for_a_help_contact() {
        let c = safety(&SafetyPlan::default(), &no_contacts);
        assert_eq!(c.gaps, vec![PlanGap::Empty, PlanGap::NoHelpContact]);
        assert!(!c.is_complete());
    }

    #[test]
    fn a_phone_in_step_5_is_a_help_contact() {
        let c = safety(&full_safety(), &no_contacts);
        assert!(c.is_complete(), "{:?}", c.gaps);
    }

    #[test]
    fn a_plan_with_no_one_to_call_is_incomplete() {
        let mut plan = full_safety();
        plan.professionals[0].phone = None;
        // A phone on a step-3 place does not count: steps 4 and 5 are the people to call.
        plan.distractions[0].entry.phone = Some("555 0101".into());
        let c = safety(&plan, &no_contacts);
        assert_eq!(c.gaps, vec![PlanGap::NoHelpContact]);
        assert_eq!(
            c.gaps[0].to_string(),
            "no one to call: add a phone number or a contact to step 4 or 5"
        );
    }

    #[test]
    fn linked_contacts_count_when_they_exist_and_have_a_phone() {
        let sam = RecordId::generate().unwrap();
        let gone = RecordId::generate().unwrap();
        let nophone = RecordId::generate().unwrap();
        let lookup = move |id: &RecordId| {
            if *id == sam {
                Some(LinkedContact {
                    name: "Sam".into(),
                    role: Some("sponsor".into()),
                    phone: Some("555 0199".into()),
                })
            } else if *id == nophone {
                Some(LinkedContact {
                    name: "Kim".into(),
                    role: None,
                    phone: None,
                })
            } else {
                None
            }
        };
        let mut plan = full_safety();
        plan.professionals[0].phone = None;
        plan.help_people[0].contact = Some(nophone);
        assert_eq!(safety(&plan, &lookup).gaps, vec![PlanGap::NoHelpContact]);
        plan.help_people.push(ContactEntry {
            text: "Sam".into(),
            contact: Some(sam),
            phone: None,
        });
        assert!(safety(&plan, &lookup).is_complete());
        plan.help_people[0].contact = Some(gone);
        assert_eq!(
            safety(&plan, &lookup).gaps,
            vec![PlanGap::ContactRemoved {
                step: SafetyStep::HelpPeople,
                entry: 1
            }]
        );
        // With the contact gone and no phone anywhere, the plan has no one to call.
        plan.help_people.pop();
        assert_eq!(
            safety(&plan, &lookup).gaps,
            vec![
                PlanGap::NoHelpContact,
                PlanGap::ContactRemoved {
                    step: SafetyStep::HelpPeople,
                    entry: 1
                }
            ]
        );
    }

    #[test]
    fn empty_steps_and_reason_are_reported_in_order() {
        let plan = SafetyPlan {
            help_people: vec![ContactEntry {
                text: "Mum".into(),
                contact: None,
                phone: Some("555".into()),
            }],
            ..SafetyPlan::default()
        };
        let gaps = safety(&plan, &no_contacts).gaps;
        assert_eq!(
            gaps,
            vec![
                PlanGap::EmptyStep {
                    step: SafetyStep::WarningSigns
                },
                PlanGap::EmptyStep {
                    step: SafetyStep::CopingStrategies
                },
                PlanGap::EmptyStep {
                    step: SafetyStep::Distractions
                },
                PlanGap::EmptyStep {
                    step: SafetyStep::Professionals
                },
                PlanGap::EmptyStep {
                    step: SafetyStep::SafeEnvironment
                },
                PlanGap::NoReasonForLiving,
            ]
        );
        assert_eq!(
            gaps[3].to_string(),
            "step 5 (“Professionals, agencies and crisis lines”) is empty"
        );
    }

    #[test]
    fn relapse_plan_gaps() {
        assert_eq!(
            relapse(&RelapsePreventionPlan::default()).gaps,
            vec![PlanGap::Empty]
        );
        let mut plan = RelapsePreventionPlan {
            reasons: vec!["my kids".into()],
            triggers: vec![
                Trigger {
                    category: TriggerCategory::Feelings,
                    text: "shame".into(),
                    coping: Some("call Sam".into()),
                },
                Trigger {
                    category: TriggerCategory::Places,
                    text: "the pub".into(),
                    coping: None,
                },
            ],
            warning_signs: vec![WarningSign {
                grade: WarningGrade::Early,
                text: "isolating".into(),
                mental_health: false,
            }],
            after_lapse: vec![],
        };
        assert_eq!(
            relapse(&plan).gaps,
            vec![
                PlanGap::NoCopingResponse { entry: 2 },
                PlanGap::EmptySection {
                    section: RelapseSection::AfterLapse
                }
            ]
        );
        plan.triggers[1].coping = Some("take another way home".into());
        plan.after_lapse.push("tell my sponsor".into());
        assert!(relapse(&plan).is_complete());
    }
}
