//! A plan edit as the shells send it: [`PlanEdit`] (everything a person does to a plan), the
//! section it names ([`PlanSection`]), the entry it carries ([`PlanEntry`]) and the
//! [`PlanVersion`] the person saw. Converted once to core's (`oneday_core::plans::edit`), which
//! holds every rule; a contact id crosses as 32 hex digits and a malformed one is refused with
//! `PlanError.Validation`.
//!
//! Variant names differ from every type name (`TextEntry`, not `Text`), because Kotlin resolves a
//! nested class before a top-level type of the same name.

use oneday_core::plans as core;
use oneday_core::vault::RecordId;

use crate::plan::{ContactEntry, Distraction, RelapseSection, SafetyStep, Trigger, WarningSign};
use crate::plan_error::PlanError;

/// A section of either plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PlanSection {
    /// A step of the safety plan.
    Safety {
        /// The step.
        step: SafetyStep,
    },
    /// The safety plan's one thing most worth living for (one text: adding replaces it).
    ReasonForLiving,
    /// A section of the relapse-prevention plan.
    Relapse {
        /// The section.
        section: RelapseSection,
    },
}

/// What an entry of a section holds, so the shell knows which form to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PlanEntryShape {
    /// The user's words only.
    Words,
    /// Safety step 3: a person or a place, a contact link (people) and a phone.
    PersonOrPlace,
    /// Safety steps 4 and 5: words, a contact link and a phone.
    Reachable,
    /// A relapse trigger: category, words and coping response.
    CategorisedTrigger,
    /// A relapse warning sign: grade, words and mental-health flag.
    GradedSign,
}

/// One entry of a section, of the shape the section holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanEntry {
    /// The user's words (steps 1, 2, 6, the reason for living, reasons, the first 24 hours).
    TextEntry {
        /// The words.
        text: String,
    },
    /// Safety step 3.
    DistractionEntry {
        /// The person or place.
        distraction: Distraction,
    },
    /// Safety steps 4 and 5.
    HelpEntry {
        /// The words, link and phone.
        entry: ContactEntry,
    },
    /// A relapse trigger.
    TriggerEntry {
        /// The trigger.
        trigger: Trigger,
    },
    /// A relapse warning sign.
    WarningSignEntry {
        /// The sign.
        sign: WarningSign,
    },
}

/// Which version of a plan the person saw (from `plan(kind)`): an edit that names an entry by
/// number is refused with `PlanError.ChangedElsewhere` if the plan changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct PlanVersion {
    /// The current revision's number (0: never saved).
    pub revision: u32,
}

/// Everything a person does to a plan. Entry numbers are 1-based, as the screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanEdit {
    /// Adds `entry` at the end of `section` (the reason for living: sets it).
    Add {
        /// Where.
        section: PlanSection,
        /// What.
        entry: PlanEntry,
    },
    /// Replaces entry `number` of `section` (edit in place).
    Replace {
        /// Where.
        section: PlanSection,
        /// Which entry.
        number: u32,
        /// The new entry.
        entry: PlanEntry,
    },
    /// Removes entry `number` of `section`.
    Remove {
        /// Where.
        section: PlanSection,
        /// Which entry.
        number: u32,
    },
    /// Moves entry `from` of `section` to position `to`.
    Move {
        /// Where.
        section: PlanSection,
        /// The entry's number now.
        from: u32,
        /// Its number after the move.
        to: u32,
    },
    /// Links entry `number` of `section` to a contact (safety steps 3 to 5, people only).
    Link {
        /// Where.
        section: PlanSection,
        /// Which entry.
        number: u32,
        /// The contact's id (32 hex digits).
        contact_id: String,
    },
    /// Removes the contact link of entry `number`.
    Unlink {
        /// Where.
        section: PlanSection,
        /// Which entry.
        number: u32,
    },
    /// Makes revision `revision` current again, as a new revision (the history is kept).
    Restore {
        /// The revision to bring back.
        revision: u32,
    },
}

impl From<PlanSection> for core::PlanSection {
    fn from(s: PlanSection) -> Self {
        match s {
            PlanSection::Safety { step } => core::PlanSection::Safety { step: step.into() },
            PlanSection::ReasonForLiving => core::PlanSection::ReasonForLiving,
            PlanSection::Relapse { section } => core::PlanSection::Relapse {
                section: section.into(),
            },
        }
    }
}

impl From<core::PlanSection> for PlanSection {
    fn from(s: core::PlanSection) -> Self {
        match s {
            core::PlanSection::Safety { step } => PlanSection::Safety { step: step.into() },
            core::PlanSection::ReasonForLiving => PlanSection::ReasonForLiving,
            core::PlanSection::Relapse { section } => PlanSection::Relapse {
                section: section.into(),
            },
        }
    }
}

impl From<core::EntryShape> for PlanEntryShape {
    fn from(s: core::EntryShape) -> Self {
        match s {
            core::EntryShape::Text => PlanEntryShape::Words,
            core::EntryShape::Distraction => PlanEntryShape::PersonOrPlace,
            core::EntryShape::Contact => PlanEntryShape::Reachable,
            core::EntryShape::Trigger => PlanEntryShape::CategorisedTrigger,
            core::EntryShape::WarningSign => PlanEntryShape::GradedSign,
        }
    }
}

impl From<&core::PlanEntry> for PlanEntry {
    fn from(e: &core::PlanEntry) -> Self {
        match e {
            core::PlanEntry::Text { text } => PlanEntry::TextEntry { text: text.clone() },
            core::PlanEntry::Distraction(d) => PlanEntry::DistractionEntry {
                distraction: d.into(),
            },
            core::PlanEntry::Contact(c) => PlanEntry::HelpEntry { entry: c.into() },
            core::PlanEntry::Trigger(t) => PlanEntry::TriggerEntry { trigger: t.into() },
            core::PlanEntry::WarningSign(s) => PlanEntry::WarningSignEntry { sign: s.into() },
        }
    }
}

impl TryFrom<PlanEntry> for core::PlanEntry {
    type Error = PlanError;

    fn try_from(e: PlanEntry) -> Result<Self, PlanError> {
        Ok(match e {
            PlanEntry::TextEntry { text } => core::PlanEntry::Text { text },
            PlanEntry::DistractionEntry { distraction } => {
                core::PlanEntry::Distraction(distraction.try_into()?)
            }
            PlanEntry::HelpEntry { entry } => core::PlanEntry::Contact(entry.try_into()?),
            PlanEntry::TriggerEntry { trigger } => core::PlanEntry::Trigger(trigger.into()),
            PlanEntry::WarningSignEntry { sign } => core::PlanEntry::WarningSign(sign.into()),
        })
    }
}

impl From<core::PlanVersion> for PlanVersion {
    fn from(v: core::PlanVersion) -> Self {
        PlanVersion {
            revision: v.revision,
        }
    }
}

impl From<PlanVersion> for core::PlanVersion {
    fn from(v: PlanVersion) -> Self {
        core::PlanVersion {
            revision: v.revision,
        }
    }
}

/// An entry number from the FFI (a `u32` always fits a `usize` on the platforms built for).
fn number(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl TryFrom<PlanEdit> for core::PlanEdit {
    type Error = PlanError;

    fn try_from(e: PlanEdit) -> Result<Self, PlanError> {
        Ok(match e {
            PlanEdit::Add { section, entry } => core::PlanEdit::Add {
                section: section.into(),
                entry: entry.try_into()?,
            },
            PlanEdit::Replace {
                section,
                number: n,
                entry,
            } => core::PlanEdit::Replace {
                section: section.into(),
                number: number(n),
                entry: entry.try_into()?,
            },
            PlanEdit::Remove { section, number: n } => core::PlanEdit::Remove {
                section: section.into(),
                number: number(n),
            },
            PlanEdit::Move { section, from, to } => core::PlanEdit::Move {
                section: section.into(),
                from: number(from),
                to: number(to),
            },
            PlanEdit::Link {
                section,
                number: n,
                contact_id,
            } => core::PlanEdit::Link {
                section: section.into(),
                number: number(n),
                contact: contact_id.trim().parse::<RecordId>()?,
            },
            PlanEdit::Unlink { section, number: n } => core::PlanEdit::Unlink {
                section: section.into(),
                number: number(n),
            },
            PlanEdit::Restore { revision } => core::PlanEdit::Restore { revision },
        })
    }
}
