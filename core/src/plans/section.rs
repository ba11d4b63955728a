//! The sections of both plans, as every shell lists them, and what an entry of each holds.
//!
//! Which sections a plan has, in which order, their headings, which of them can link a contact
//! and which hold one text rather than a list: core data the shells read ([`PlanSection::of`]),
//! never re-declare.

use serde::Serialize;

use super::kind::PlanKind;
use super::relapse::RelapseSection;
use super::safety::{SafetyStep, REASON_FOR_LIVING_TITLE};

/// A section of either plan: a safety-plan step, the reason for living, or a relapse-plan section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "plan", rename_all = "snake_case")]
pub enum PlanSection {
    /// One of the six steps of the safety plan.
    Safety {
        /// The step.
        step: SafetyStep,
    },
    /// The safety plan's one thing most worth living for (one text, not a list).
    ReasonForLiving,
    /// A section of the relapse-prevention plan.
    Relapse {
        /// The section.
        section: RelapseSection,
    },
}

/// What an entry of a section holds, so a shell knows which form to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryShape {
    /// The user's words only.
    Text,
    /// Safety step 3: a person or a place, with an optional contact link (people) and phone.
    Distraction,
    /// Safety steps 4 and 5: words, an optional contact link and an optional phone.
    Contact,
    /// A relapse trigger: a category, words and a coping response.
    Trigger,
    /// A relapse warning sign: a grade, words and a mental-health flag.
    WarningSign,
}

impl PlanSection {
    /// The sections of plan `kind`, in the plan's order (the safety plan's reason for living last).
    pub fn of(kind: PlanKind) -> Vec<PlanSection> {
        match kind {
            PlanKind::Safety => SafetyStep::ALL
                .into_iter()
                .map(|step| PlanSection::Safety { step })
                .chain([PlanSection::ReasonForLiving])
                .collect(),
            PlanKind::Relapse => RelapseSection::ALL
                .into_iter()
                .map(|section| PlanSection::Relapse { section })
                .collect(),
        }
    }

    /// The plan this section belongs to.
    pub fn kind(self) -> PlanKind {
        match self {
            PlanSection::Safety { .. } | PlanSection::ReasonForLiving => PlanKind::Safety,
            PlanSection::Relapse { .. } => PlanKind::Relapse,
        }
    }

    /// The section's title, as in the exports and error messages.
    pub fn title(self) -> &'static str {
        match self {
            PlanSection::Safety { step } => step.title(),
            PlanSection::ReasonForLiving => REASON_FOR_LIVING_TITLE,
            PlanSection::Relapse { section } => section.title(),
        }
    }

    /// The heading a screen shows: `Step 4: People to ask for help`, `Warning signs`.
    pub fn heading(self) -> String {
        match self {
            PlanSection::Safety { step } => format!("Step {}: {}", step.number(), step.title()),
            other => other.title().to_owned(),
        }
    }

    /// What an entry of this section holds.
    pub fn shape(self) -> EntryShape {
        match self {
            PlanSection::Safety {
                step: SafetyStep::Distractions,
            } => EntryShape::Distraction,
            PlanSection::Safety {
                step: SafetyStep::HelpPeople | SafetyStep::Professionals,
            } => EntryShape::Contact,
            PlanSection::Relapse {
                section: RelapseSection::Triggers,
            } => EntryShape::Trigger,
            PlanSection::Relapse {
                section: RelapseSection::WarningSigns,
            } => EntryShape::WarningSign,
            _ => EntryShape::Text,
        }
    }

    /// Whether an entry of this section can link a contact of the support network (safety steps 3
    /// to 5; in step 3, people only).
    pub fn links_contact(self) -> bool {
        matches!(self, PlanSection::Safety { step } if step.names_people())
    }

    /// Whether the section is one text rather than a list (the reason for living): adding to it
    /// replaces the text there.
    pub fn is_single(self) -> bool {
        self == PlanSection::ReasonForLiving
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_plan_lists_its_sections_in_order() {
        let safety = PlanSection::of(PlanKind::Safety);
        assert_eq!(safety.len(), 7);
        assert_eq!(safety[3].heading(), "Step 4: People to ask for help");
        assert_eq!(safety[6], PlanSection::ReasonForLiving);
        assert!(safety.iter().all(|s| s.kind() == PlanKind::Safety));
        let links: Vec<bool> = safety.iter().map(|s| s.links_contact()).collect();
        assert_eq!(links, [false, false, true, true, true, false, false]);
        let relapse = PlanSection::of(PlanKind::Relapse);
        assert_eq!(relapse.len(), 4);
        assert_eq!(relapse[1].shape(), EntryShape::Trigger);
        assert_eq!(relapse[2].heading(), "Warning signs");
        assert!(relapse.iter().all(|s| !s.links_contact() && !s.is_single()));
    }
}
