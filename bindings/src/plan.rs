//! The two plans as the shells see them: the Stanley-Brown safety plan and the relapse-prevention
//! plan, their revisions, and what a plan is missing.
//!
//! These records mirror core's (`oneday_core::plans`) field for field; every rule (what a valid
//! entry is, how warning signs are ordered, what makes a plan incomplete) stays in core. A contact
//! link crosses as the contact's record id (32 hex digits); a malformed one is refused with
//! `PlanError.Validation`.

use std::time::SystemTime;

use oneday_core::plans as core;
use oneday_core::vault::RecordId;

use crate::plan_error::PlanError;

/// Which plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PlanKind {
    /// The Stanley-Brown safety plan.
    Safety,
    /// The relapse-prevention plan.
    Relapse,
}

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PlanExportFormat {
    /// Plain text, for printing or reading.
    Text,
    /// Markdown (user text escaped).
    Markdown,
}

/// A step of the safety plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SafetyStep {
    /// Step 1: warning signs.
    WarningSigns,
    /// Step 2: internal coping strategies.
    CopingStrategies,
    /// Step 3: people and places for distraction.
    Distractions,
    /// Step 4: people to ask for help.
    HelpPeople,
    /// Step 5: professionals, agencies and crisis lines.
    Professionals,
    /// Step 6: making the environment safe.
    SafeEnvironment,
}

/// An entry of safety-plan steps 3 to 5: the user's words, an optional contact link and phone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContactEntry {
    /// The user's words (required).
    pub text: String,
    /// The linked contact's record id, if any. A contact removed since is reported by
    /// `plan(kind)` and exported as "(contact removed)".
    #[uniffi(default = None)]
    pub contact_id: Option<String>,
    /// A phone number written here (digits, spaces and `+ - ( ) . / * # ,`).
    #[uniffi(default = None)]
    pub phone: Option<String>,
}

/// Whether a step-3 entry is a person or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DistractionKind {
    /// A person (may link a contact).
    Person,
    /// A place or social setting (cannot link a contact).
    Place,
}

/// A step-3 entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Distraction {
    /// Person or place.
    pub kind: DistractionKind,
    /// Its words, link and phone.
    pub entry: ContactEntry,
}

/// A Stanley-Brown safety plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct SafetyPlan {
    /// Step 1.
    #[uniffi(default)]
    pub warning_signs: Vec<String>,
    /// Step 2.
    #[uniffi(default)]
    pub coping_strategies: Vec<String>,
    /// Step 3.
    #[uniffi(default)]
    pub distractions: Vec<Distraction>,
    /// Step 4.
    #[uniffi(default)]
    pub help_people: Vec<ContactEntry>,
    /// Step 5.
    #[uniffi(default)]
    pub professionals: Vec<ContactEntry>,
    /// Step 6.
    #[uniffi(default)]
    pub safe_environment: Vec<String>,
    /// The one thing most worth living for.
    #[uniffi(default = None)]
    pub reason_for_living: Option<String>,
}

/// A section of the relapse-prevention plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RelapseSection {
    /// Reasons for recovery.
    Reasons,
    /// Triggers and high-risk situations.
    Triggers,
    /// Warning signs.
    WarningSigns,
    /// The first 24 hours after a lapse.
    AfterLapse,
}

/// A HALT state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum HaltState {
    /// Hungry.
    Hungry,
    /// Angry.
    Angry,
    /// Lonely.
    Lonely,
    /// Tired.
    Tired,
}

/// The category of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TriggerCategory {
    /// People.
    People,
    /// Places.
    Places,
    /// Things.
    Things,
    /// Feelings.
    Feelings,
    /// A HALT state.
    Halt {
        /// Which one.
        state: HaltState,
    },
}

/// A trigger or high-risk situation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Trigger {
    /// Its category.
    pub category: TriggerCategory,
    /// The user's words.
    pub text: String,
    /// What to do when it comes up (a trigger without one makes the plan incomplete).
    #[uniffi(default = None)]
    pub coping: Option<String>,
}

/// How close to a relapse a warning sign is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum WarningGrade {
    /// Early.
    Early,
    /// Middle.
    Middle,
    /// Immediate.
    Immediate,
}

/// A warning sign.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WarningSign {
    /// Its grade.
    pub grade: WarningGrade,
    /// The user's words.
    pub text: String,
    /// A mental-health sign (dual recovery).
    #[uniffi(default = false)]
    pub mental_health: bool,
}

/// A relapse-prevention plan. Warning signs come back grouped by grade (early first).
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct RelapsePreventionPlan {
    /// Reasons for recovery.
    #[uniffi(default)]
    pub reasons: Vec<String>,
    /// Triggers and high-risk situations.
    #[uniffi(default)]
    pub triggers: Vec<Trigger>,
    /// Warning signs.
    #[uniffi(default)]
    pub warning_signs: Vec<WarningSign>,
    /// What to do in the first 24 hours after a lapse, in order.
    #[uniffi(default)]
    pub after_lapse: Vec<String>,
}

/// One saved version of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct PlanRevision {
    /// 1 for the first save, then one more each time.
    pub number: u32,
    /// When it was saved (`Instant` in Kotlin, `Date` in Swift).
    pub saved_at: SystemTime,
    /// The revision it restored, when it was made by restoring one.
    pub restored_from: Option<u32>,
}

/// Something a plan is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanGap {
    /// Nothing is written yet.
    Empty,
    /// Safety plan: no phone number or linked contact with one in step 4 or 5. Prompt for one.
    NoHelpContact,
    /// Safety plan: a step has no entry.
    EmptyStep {
        /// The step.
        step: SafetyStep,
    },
    /// Safety plan: an entry links to a contact that was removed.
    ContactRemoved {
        /// The step.
        step: SafetyStep,
        /// The 1-based entry number.
        entry: u32,
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
        entry: u32,
    },
}

/// What a plan is missing.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanCompleteness {
    /// Which plan.
    pub kind: PlanKind,
    /// Whether it has no gap.
    pub complete: bool,
    /// Every gap, `NoHelpContact` first when present.
    pub gaps: Vec<PlanGap>,
    /// One sentence per gap, in the same order, to show as is.
    pub messages: Vec<String>,
}

impl From<PlanKind> for core::PlanKind {
    fn from(k: PlanKind) -> Self {
        match k {
            PlanKind::Safety => core::PlanKind::Safety,
            PlanKind::Relapse => core::PlanKind::Relapse,
        }
    }
}

impl From<core::PlanKind> for PlanKind {
    fn from(k: core::PlanKind) -> Self {
        match k {
            core::PlanKind::Safety => PlanKind::Safety,
            core::PlanKind::Relapse => PlanKind::Relapse,
        }
    }
}

impl From<PlanExportFormat> for core::ExportFormat {
    fn from(f: PlanExportFormat) -> Self {
        match f {
            PlanExportFormat::Text => core::ExportFormat::Text,
            PlanExportFormat::Markdown => core::ExportFormat::Markdown,
        }
    }
}

impl From<core::SafetyStep> for SafetyStep {
    fn from(s: core::SafetyStep) -> Self {
        match s {
            core::SafetyStep::WarningSigns => SafetyStep::WarningSigns,
            core::SafetyStep::CopingStrategies => SafetyStep::CopingStrategies,
            core::SafetyStep::Distractions => SafetyStep::Distractions,
            core::SafetyStep::HelpPeople => SafetyStep::HelpPeople,
            core::SafetyStep::Professionals => SafetyStep::Professionals,
            core::SafetyStep::SafeEnvironment => SafetyStep::SafeEnvironment,
        }
    }
}

impl From<SafetyStep> for core::SafetyStep {
    fn from(s: SafetyStep) -> Self {
        match s {
            SafetyStep::WarningSigns => core::SafetyStep::WarningSigns,
            SafetyStep::CopingStrategies => core::SafetyStep::CopingStrategies,
            SafetyStep::Distractions => core::SafetyStep::Distractions,
            SafetyStep::HelpPeople => core::SafetyStep::HelpPeople,
            SafetyStep::Professionals => core::SafetyStep::Professionals,
            SafetyStep::SafeEnvironment => core::SafetyStep::SafeEnvironment,
        }
    }
}

impl From<RelapseSection> for core::RelapseSection {
    fn from(s: RelapseSection) -> Self {
        match s {
            RelapseSection::Reasons => core::RelapseSection::Reasons,
            RelapseSection::Triggers => core::RelapseSection::Triggers,
            RelapseSection::WarningSigns => core::RelapseSection::WarningSigns,
            RelapseSection::AfterLapse => core::RelapseSection::AfterLapse,
        }
    }
}

impl From<core::RelapseSection> for RelapseSection {
    fn from(s: core::RelapseSection) -> Self {
        match s {
            core::RelapseSection::Reasons => RelapseSection::Reasons,
            core::RelapseSection::Triggers => RelapseSection::Triggers,
            core::RelapseSection::WarningSigns => RelapseSection::WarningSigns,
            core::RelapseSection::AfterLapse => RelapseSection::AfterLapse,
        }
    }
}

impl From<&core::ContactEntry> for ContactEntry {
    fn from(e: &core::ContactEntry) -> Self {
        ContactEntry {
            text: e.text.clone(),
            contact_id: e.contact.map(|id| id.to_string()),
            phone: e.phone.clone(),
        }
    }
}

impl TryFrom<ContactEntry> for core::ContactEntry {
    type Error = PlanError;

    fn try_from(e: ContactEntry) -> Result<Self, PlanError> {
        Ok(core::ContactEntry {
            text: e.text,
            contact: e
                .contact_id
                .map(|id| id.trim().parse::<RecordId>())
                .transpose()?,
            phone: e.phone,
        })
    }
}

impl From<&core::Distraction> for Distraction {
    fn from(d: &core::Distraction) -> Self {
        Distraction {
            kind: match d.kind {
                core::DistractionKind::Person => DistractionKind::Person,
                core::DistractionKind::Place => DistractionKind::Place,
            },
            entry: (&d.entry).into(),
        }
    }
}

impl TryFrom<Distraction> for core::Distraction {
    type Error = PlanError;

    fn try_from(d: Distraction) -> Result<Self, PlanError> {
        Ok(core::Distraction {
            kind: match d.kind {
                DistractionKind::Person => core::DistractionKind::Person,
                DistractionKind::Place => core::DistractionKind::Place,
            },
            entry: d.entry.try_into()?,
        })
    }
}

impl From<&core::SafetyPlan> for SafetyPlan {
    fn from(p: &core::SafetyPlan) -> Self {
        SafetyPlan {
            warning_signs: p.warning_signs.clone(),
            coping_strategies: p.coping_strategies.clone(),
            distractions: p.distractions.iter().map(Distraction::from).collect(),
            help_people: p.help_people.iter().map(ContactEntry::from).collect(),
            professionals: p.professionals.iter().map(ContactEntry::from).collect(),
            safe_environment: p.safe_environment.clone(),
            reason_for_living: p.reason_for_living.clone(),
        }
    }
}

impl TryFrom<SafetyPlan> for core::SafetyPlan {
    type Error = PlanError;

    fn try_from(p: SafetyPlan) -> Result<Self, PlanError> {
        let entries = |list: Vec<ContactEntry>| -> Result<Vec<core::ContactEntry>, PlanError> {
            list.into_iter().map(core::ContactEntry::try_from).collect()
        };
        Ok(core::SafetyPlan {
            warning_signs: p.warning_signs,
            coping_strategies: p.coping_strategies,
            distractions: p
                .distractions
                .into_iter()
                .map(core::Distraction::try_from)
                .collect::<Result<_, PlanError>>()?,
            help_people: entries(p.help_people)?,
            professionals: entries(p.professionals)?,
            safe_environment: p.safe_environment,
            reason_for_living: p.reason_for_living,
        })
    }
}

impl From<core::TriggerCategory> for TriggerCategory {
    fn from(c: core::TriggerCategory) -> Self {
        match c {
            core::TriggerCategory::People => TriggerCategory::People,
            core::TriggerCategory::Places => TriggerCategory::Places,
            core::TriggerCategory::Things => TriggerCategory::Things,
            core::TriggerCategory::Feelings => TriggerCategory::Feelings,
            core::TriggerCategory::Halt(state) => TriggerCategory::Halt {
                state: match state {
                    core::HaltState::Hungry => HaltState::Hungry,
                    core::HaltState::Angry => HaltState::Angry,
                    core::HaltState::Lonely => HaltState::Lonely,
                    core::HaltState::Tired => HaltState::Tired,
                },
            },
        }
    }
}

impl From<TriggerCategory> for core::TriggerCategory {
    fn from(c: TriggerCategory) -> Self {
        match c {
            TriggerCategory::People => core::TriggerCategory::People,
            TriggerCategory::Places => core::TriggerCategory::Places,
            TriggerCategory::Things => core::TriggerCategory::Things,
            TriggerCategory::Feelings => core::TriggerCategory::Feelings,
            TriggerCategory::Halt { state } => core::TriggerCategory::Halt(match state {
                HaltState::Hungry => core::HaltState::Hungry,
                HaltState::Angry => core::HaltState::Angry,
                HaltState::Lonely => core::HaltState::Lonely,
                HaltState::Tired => core::HaltState::Tired,
            }),
        }
    }
}

impl From<core::WarningGrade> for WarningGrade {
    fn from(g: core::WarningGrade) -> Self {
        match g {
            core::WarningGrade::Early => WarningGrade::Early,
            core::WarningGrade::Middle => WarningGrade::Middle,
            core::WarningGrade::Immediate => WarningGrade::Immediate,
        }
    }
}

impl From<WarningGrade> for core::WarningGrade {
    fn from(g: WarningGrade) -> Self {
        match g {
            WarningGrade::Early => core::WarningGrade::Early,
            WarningGrade::Middle => core::WarningGrade::Middle,
            WarningGrade::Immediate => core::WarningGrade::Immediate,
        }
    }
}

impl From<&core::Trigger> for Trigger {
    fn from(t: &core::Trigger) -> Self {
        Trigger {
            category: t.category.into(),
            text: t.text.clone(),
            coping: t.coping.clone(),
        }
    }
}

impl From<Trigger> for core::Trigger {
    fn from(t: Trigger) -> Self {
        core::Trigger {
            category: t.category.into(),
            text: t.text,
            coping: t.coping,
        }
    }
}

impl From<&core::WarningSign> for WarningSign {
    fn from(s: &core::WarningSign) -> Self {
        WarningSign {
            grade: s.grade.into(),
            text: s.text.clone(),
            mental_health: s.mental_health,
        }
    }
}

impl From<WarningSign> for core::WarningSign {
    fn from(s: WarningSign) -> Self {
        core::WarningSign {
            grade: s.grade.into(),
            text: s.text,
            mental_health: s.mental_health,
        }
    }
}

impl From<&core::RelapsePreventionPlan> for RelapsePreventionPlan {
    fn from(p: &core::RelapsePreventionPlan) -> Self {
        RelapsePreventionPlan {
            reasons: p.reasons.clone(),
            triggers: p.triggers.iter().map(Trigger::from).collect(),
            warning_signs: p.warning_signs.iter().map(WarningSign::from).collect(),
            after_lapse: p.after_lapse.clone(),
        }
    }
}

impl From<RelapsePreventionPlan> for core::RelapsePreventionPlan {
    fn from(p: RelapsePreventionPlan) -> Self {
        core::RelapsePreventionPlan {
            reasons: p.reasons,
            triggers: p.triggers.into_iter().map(core::Trigger::from).collect(),
            warning_signs: p
                .warning_signs
                .into_iter()
                .map(core::WarningSign::from)
                .collect(),
            after_lapse: p.after_lapse,
        }
    }
}

impl From<core::RevisionInfo> for PlanRevision {
    fn from(r: core::RevisionInfo) -> Self {
        PlanRevision {
            number: r.number,
            saved_at: r.saved_at.into(),
            restored_from: r.restored_from,
        }
    }
}

/// A count that fits the FFI's `u32` (entry numbers are at most a few hundred).
pub(crate) fn entry_number(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<core::PlanGap> for PlanGap {
    fn from(g: core::PlanGap) -> Self {
        match g {
            core::PlanGap::Empty => PlanGap::Empty,
            core::PlanGap::NoHelpContact => PlanGap::NoHelpContact,
            core::PlanGap::EmptyStep { step } => PlanGap::EmptyStep { step: step.into() },
            core::PlanGap::ContactRemoved { step, entry } => PlanGap::ContactRemoved {
                step: step.into(),
                entry: entry_number(entry),
            },
            core::PlanGap::NoReasonForLiving => PlanGap::NoReasonForLiving,
            core::PlanGap::EmptySection { section } => PlanGap::EmptySection {
                section: section.into(),
            },
            core::PlanGap::NoCopingResponse { entry } => PlanGap::NoCopingResponse {
                entry: entry_number(entry),
            },
        }
    }
}

impl From<&core::Completeness> for PlanCompleteness {
    fn from(c: &core::Completeness) -> Self {
        PlanCompleteness {
            kind: c.kind.into(),
            complete: c.is_complete(),
            gaps: c.gaps.iter().map(|g| (*g).into()).collect(),
            messages: c.gaps.iter().map(ToString::to_string).collect(),
        }
    }
}
