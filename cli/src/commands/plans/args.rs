//! The arguments of `oneday plan ...`, and how a plan and section named on the command line map to
//! core's [`PlanSection`].

use clap::{Args, ValueEnum};
use oneday_core::plans::{
    HaltState, PlanKind, PlanSection, RelapseSection, SafetyStep, TriggerCategory, WarningGrade,
};

use crate::error::CliError;

/// Which plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// The safety plan (Stanley-Brown).
    Safety,
    /// The relapse-prevention plan.
    Relapse,
}

impl From<KindArg> for PlanKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Safety => PlanKind::Safety,
            KindArg::Relapse => PlanKind::Relapse,
        }
    }
}

/// A section of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    /// Safety step 1, or the relapse plan's warning signs.
    WarningSigns,
    /// Safety step 2: internal coping strategies.
    Coping,
    /// Safety step 3: people and places for distraction.
    Distractions,
    /// Safety step 4: people to ask for help.
    Help,
    /// Safety step 5: professionals, agencies and crisis lines.
    Professionals,
    /// Safety step 6: making the environment safe.
    Environment,
    /// Safety plan: the one thing most worth living for.
    Reason,
    /// Relapse plan: reasons for recovery.
    Reasons,
    /// Relapse plan: triggers and high-risk situations.
    Triggers,
    /// Relapse plan: the first 24 hours after a lapse.
    AfterLapse,
}

/// A trigger's category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    /// People.
    People,
    /// Places.
    Places,
    /// Things.
    Things,
    /// Feelings.
    Feelings,
    /// Hungry (HALT).
    Hungry,
    /// Angry (HALT).
    Angry,
    /// Lonely (HALT).
    Lonely,
    /// Tired (HALT).
    Tired,
}

impl From<CategoryArg> for TriggerCategory {
    fn from(c: CategoryArg) -> Self {
        match c {
            CategoryArg::People => TriggerCategory::People,
            CategoryArg::Places => TriggerCategory::Places,
            CategoryArg::Things => TriggerCategory::Things,
            CategoryArg::Feelings => TriggerCategory::Feelings,
            CategoryArg::Hungry => TriggerCategory::Halt(HaltState::Hungry),
            CategoryArg::Angry => TriggerCategory::Halt(HaltState::Angry),
            CategoryArg::Lonely => TriggerCategory::Halt(HaltState::Lonely),
            CategoryArg::Tired => TriggerCategory::Halt(HaltState::Tired),
        }
    }
}

/// A warning sign's grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GradeArg {
    /// Early.
    Early,
    /// Middle.
    Middle,
    /// Immediate.
    Immediate,
}

impl From<GradeArg> for WarningGrade {
    fn from(g: GradeArg) -> Self {
        match g {
            GradeArg::Early => WarningGrade::Early,
            GradeArg::Middle => WarningGrade::Middle,
            GradeArg::Immediate => WarningGrade::Immediate,
        }
    }
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text.
    Text,
    /// Markdown (also what `plan edit --from-markdown` reads).
    Markdown,
}

/// `oneday plan show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Which plan (default: both).
    #[arg(value_enum)]
    pub kind: Option<KindArg>,
    /// Show this earlier revision instead of the current plan (needs KIND).
    #[arg(long, value_name = "N", requires = "kind")]
    pub revision: Option<u32>,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The fields an entry may have, for `plan add` and `plan set`.
#[derive(Debug, Args)]
pub struct EntryFields {
    /// A phone number (steps 3 to 5 of the safety plan), or `-` to type it at a prompt.
    #[arg(long, value_name = "NUMBER")]
    pub phone: Option<String>,
    /// A coping response (relapse triggers), or `-` to type it at a prompt.
    #[arg(long, value_name = "TEXT")]
    pub coping: Option<String>,
    /// The category (relapse triggers).
    #[arg(long, value_enum)]
    pub category: Option<CategoryArg>,
    /// The grade (relapse warning signs).
    #[arg(long, value_enum)]
    pub grade: Option<GradeArg>,
    /// Mark a relapse warning sign as a mental-health sign (or not, with `false`).
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true")]
    pub mental_health: Option<bool>,
}

/// `oneday plan add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Which section.
    #[arg(value_enum)]
    pub section: SectionArg,
    /// The entry's text, or `-` to type it at a prompt (keeps it out of your shell history).
    pub text: String,
    /// Safety step 3: this is a place, not a person.
    #[arg(long)]
    pub place: bool,
    /// Link a contact by its id or its first digits, from `oneday contacts list` (safety steps 3
    /// to 5, people only).
    #[arg(long, value_name = "CONTACT_ID")]
    pub contact: Option<String>,
    /// The entry's other fields.
    #[command(flatten)]
    pub fields: EntryFields,
}

/// An entry named by plan, section and number.
#[derive(Debug, Args)]
pub struct EntryArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Which section.
    #[arg(value_enum)]
    pub section: SectionArg,
    /// The entry's number, as `plan show` prints it.
    pub entry: usize,
}

/// `oneday plan set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Which section.
    #[arg(value_enum)]
    pub section: SectionArg,
    /// The new text, or `-` to type it at a prompt. For `reason`, empty text removes it.
    pub text: Option<String>,
    /// Which entry to change (every section but `reason`).
    #[arg(long, value_name = "N")]
    pub entry: Option<usize>,
    /// Remove the entry's phone number.
    #[arg(long, conflicts_with = "phone")]
    pub no_phone: bool,
    /// The fields to change.
    #[command(flatten)]
    pub fields: EntryFields,
}

/// `oneday plan link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// Which plan (only the safety plan links contacts).
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Which step: distractions, help or professionals.
    #[arg(value_enum)]
    pub section: SectionArg,
    /// The entry's number, as `plan show` prints it.
    pub entry: usize,
    /// The contact's id (32 hex digits).
    pub contact: String,
}

/// `oneday plan edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Read the whole plan as Markdown from FILE, or from stdin with `-`.
    #[arg(long, value_name = "FILE|-", required = true)]
    pub from_markdown: String,
}

/// `oneday plan history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Which plan (default: both).
    #[arg(value_enum)]
    pub kind: Option<KindArg>,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday plan restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// The revision to bring back, as `plan history` lists it.
    pub revision: u32,
}

/// `oneday plan export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Plain text or Markdown.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Export this earlier revision instead of the current plan.
    #[arg(long, value_name = "N")]
    pub revision: Option<u32>,
}

/// `oneday plan status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday plan move`.
#[derive(Debug, Args)]
pub struct MoveArgs {
    /// Which plan.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Which section.
    #[arg(value_enum)]
    pub section: SectionArg,
    /// The entry's number now, as `plan show` prints it.
    pub from: usize,
    /// Its number after the move.
    pub to: usize,
}

/// Core's section for `section` of plan `kind`, or a usage error naming what the plan has.
pub fn plan_section(kind: KindArg, section: SectionArg) -> Result<PlanSection, CliError> {
    use SectionArg as S;
    let step = |step| PlanSection::Safety { step };
    let relapse = |section| PlanSection::Relapse { section };
    Ok(match (kind, section) {
        (KindArg::Safety, S::WarningSigns) => step(SafetyStep::WarningSigns),
        (KindArg::Safety, S::Coping) => step(SafetyStep::CopingStrategies),
        (KindArg::Safety, S::Distractions) => step(SafetyStep::Distractions),
        (KindArg::Safety, S::Help) => step(SafetyStep::HelpPeople),
        (KindArg::Safety, S::Professionals) => step(SafetyStep::Professionals),
        (KindArg::Safety, S::Environment) => step(SafetyStep::SafeEnvironment),
        (KindArg::Safety, S::Reason) => PlanSection::ReasonForLiving,
        (KindArg::Relapse, S::Reasons) => relapse(RelapseSection::Reasons),
        (KindArg::Relapse, S::Triggers) => relapse(RelapseSection::Triggers),
        (KindArg::Relapse, S::WarningSigns) => relapse(RelapseSection::WarningSigns),
        (KindArg::Relapse, S::AfterLapse) => relapse(RelapseSection::AfterLapse),
        (kind, section) => {
            let name = section
                .to_possible_value()
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default();
            return Err(CliError::PlanUsage(format!(
                "the {} has no section `{name}`; `oneday plan add --help` lists them",
                PlanKind::from(kind)
            )));
        }
    })
}
