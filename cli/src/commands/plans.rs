//! `oneday plan ...`: show, add, remove, set, link, unlink, edit, history, restore, export, status.
//!
//! A plan is edited entry by entry (`add`, `remove`, `set`, `link`), or replaced whole with
//! Markdown piped in (`edit --from-markdown -`). The CLI never opens `$EDITOR` on a temporary file:
//! that would leave the plan on disk in plaintext. Every rule (what a valid entry is, what a plan
//! is missing, how it is exported) is core's (`oneday_core::plans`); this module maps arguments to
//! core calls and prints what core returns.

use std::io::Write;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};
use oneday_core::input::{self, InputError};
use oneday_core::plans::{
    completeness, export, from_markdown, store, ContactEntry, ContactLookup, Distraction,
    DistractionKind, ExportFormat, HaltState, ParsedPlan, PlanError, PlanGap, PlanKind,
    RelapsePreventionPlan, RelapseSection, RevisionInfo, SafetyPlan, SafetyStep, Saved, Trigger,
    TriggerCategory, WarningGrade, WarningSign, MAX_MARKDOWN_BYTES,
};
use oneday_core::support::PlanContacts;
use oneday_core::vault::{RecordId, Vault};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::secrets::{optional_text_or_stdin, text_of, text_or_stdin};
use crate::session;
use crate::store_dir::StoreDir;

/// `oneday plan ...`.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Shows a plan (or both) with entry numbers, its revision and what it is missing.
    Show(ShowArgs),
    /// Adds an entry to a section (text as an argument, or `-` to type it at a prompt).
    Add(AddArgs),
    /// Removes entry N of a section (the numbers `plan show` prints).
    Remove(EntryArgs),
    /// Changes entry N of a section (--entry N), or the reason for living.
    Set(SetArgs),
    /// Links entry N of a safety-plan step 3 to 5 to a contact of your support network.
    Link(LinkArgs),
    /// Removes the contact link of entry N.
    Unlink(EntryArgs),
    /// Replaces a whole plan with Markdown from a file or stdin (`-`).
    ///
    /// The Markdown is the format `oneday plan export KIND --format markdown` writes. One Day
    /// never opens an editor on a temporary file, because that would leave your plan on disk in
    /// plaintext: pipe the Markdown in, or change the plan entry by entry with add, remove, set
    /// and link.
    Edit(EditArgs),
    /// Lists the revisions of a plan (or both): every save is kept.
    History(HistoryArgs),
    /// Makes an earlier revision current again (as a new revision: nothing is lost).
    Restore(RestoreArgs),
    /// Writes a plan as plain text or Markdown to stdout, every field included (phone numbers
    /// too), for you to print or share as you choose: `oneday plan export safety > plan.txt`.
    Export(ExportArgs),
    /// What each plan is missing (no one to call, empty steps, ...).
    Status(StatusArgs),
}

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

/// Runs one `plan` subcommand.
pub fn run(command: &PlanCommand, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let now = Utc::now();
    match command {
        PlanCommand::Show(args) => show(&vault, args, out),
        PlanCommand::Add(args) => {
            let target = Target::of(args.kind, args.section)?;
            check_add(target, args)?;
            let text = text_or_stdin(&args.text, "Text: ")?;
            let typed = TypedFields::read(&args.fields)?;
            let contact = args
                .contact
                .as_deref()
                .map(|c| parse_contact(&vault, c))
                .transpose()?;
            let saved = add(&vault, now, target, args, text, typed, contact)?;
            report(&vault, out, args.kind.into(), &saved)
        }
        PlanCommand::Remove(args) => {
            let saved = match Target::of(args.kind, args.section)? {
                Target::Safety(step) => {
                    store::update_safety(&vault, now, |p| p.remove(step, args.entry))?
                }
                Target::Reason => return Err(needs_set()),
                Target::Relapse(section) => {
                    store::update_relapse(&vault, now, |p| p.remove(section, args.entry))?
                }
            };
            report(&vault, out, args.kind.into(), &saved)
        }
        PlanCommand::Set(args) => {
            let saved = set(&vault, now, args)?;
            report(&vault, out, args.kind.into(), &saved)
        }
        PlanCommand::Link(args) => {
            let contact = parse_contact(&vault, &args.contact)?;
            let step = safety_step(args.kind, args.section)?;
            let saved =
                store::update_safety(&vault, now, |p| p.link(step, args.entry, Some(contact)))?;
            report(&vault, out, PlanKind::Safety, &saved)
        }
        PlanCommand::Unlink(args) => {
            let step = safety_step(args.kind, args.section)?;
            let saved = store::update_safety(&vault, now, |p| p.link(step, args.entry, None))?;
            report(&vault, out, PlanKind::Safety, &saved)
        }
        PlanCommand::Edit(args) => {
            let markdown = read_markdown(&args.from_markdown)?;
            let saved = match (args.kind, from_markdown::parse(&markdown)?) {
                (KindArg::Safety, ParsedPlan::Safety(plan)) => {
                    store::save_safety(&vault, plan, now)?
                }
                (KindArg::Relapse, ParsedPlan::Relapse(plan)) => {
                    store::save_relapse(&vault, plan, now)?
                }
                (expected, found) => {
                    return Err(PlanError::WrongKind {
                        expected: expected.into(),
                        found: found.kind(),
                    }
                    .into())
                }
            };
            report(&vault, out, args.kind.into(), &saved)
        }
        PlanCommand::History(args) => history(&vault, args, out),
        PlanCommand::Restore(args) => {
            let saved = store::restore(&vault, args.kind.into(), args.revision, now)?;
            report(&vault, out, args.kind.into(), &saved)
        }
        PlanCommand::Export(args) => {
            let format = match args.format {
                FormatArg::Text => ExportFormat::Text,
                FormatArg::Markdown => ExportFormat::Markdown,
            };
            let contacts = PlanContacts::load(&vault)?;
            let text = store::export(&vault, args.kind.into(), format, args.revision, &contacts)?;
            out.write_all(text.as_bytes())?;
            Ok(())
        }
        PlanCommand::Status(args) => status(&vault, args, out),
    }
}

/// Where an entry goes.
#[derive(Debug, Clone, Copy)]
enum Target {
    Safety(SafetyStep),
    Reason,
    Relapse(RelapseSection),
}

impl Target {
    fn of(kind: KindArg, section: SectionArg) -> Result<Target, CliError> {
        use SectionArg as S;
        Ok(match (kind, section) {
            (KindArg::Safety, S::WarningSigns) => Target::Safety(SafetyStep::WarningSigns),
            (KindArg::Safety, S::Coping) => Target::Safety(SafetyStep::CopingStrategies),
            (KindArg::Safety, S::Distractions) => Target::Safety(SafetyStep::Distractions),
            (KindArg::Safety, S::Help) => Target::Safety(SafetyStep::HelpPeople),
            (KindArg::Safety, S::Professionals) => Target::Safety(SafetyStep::Professionals),
            (KindArg::Safety, S::Environment) => Target::Safety(SafetyStep::SafeEnvironment),
            (KindArg::Safety, S::Reason) => Target::Reason,
            (KindArg::Relapse, S::Reasons) => Target::Relapse(RelapseSection::Reasons),
            (KindArg::Relapse, S::Triggers) => Target::Relapse(RelapseSection::Triggers),
            (KindArg::Relapse, S::WarningSigns) => Target::Relapse(RelapseSection::WarningSigns),
            (KindArg::Relapse, S::AfterLapse) => Target::Relapse(RelapseSection::AfterLapse),
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

    /// The section's title, for errors about fields it does not have.
    fn title(self) -> &'static str {
        match self {
            Target::Safety(step) => step.title(),
            Target::Reason => oneday_core::plans::safety::REASON_FOR_LIVING_TITLE,
            Target::Relapse(section) => section.title(),
        }
    }

    /// Refuses a field the section does not have.
    fn refuse(self, given: bool, field: &'static str) -> Result<(), CliError> {
        if given {
            return Err(PlanError::NoSuchField {
                section: self.title(),
                field,
            }
            .into());
        }
        Ok(())
    }
}

fn safety_step(kind: KindArg, section: SectionArg) -> Result<SafetyStep, CliError> {
    match Target::of(kind, section)? {
        Target::Safety(step) if step.names_people() => Ok(step),
        other => Err(PlanError::NoSuchField {
            section: other.title(),
            field: "contact link",
        }
        .into()),
    }
}

fn needs_set() -> CliError {
    CliError::PlanUsage(
        "the reason for living is one text: change it with `oneday plan set safety reason TEXT`"
            .to_owned(),
    )
}

/// The stored contact `id` names (its id or a prefix of it, as `oneday contacts list` shows).
fn parse_contact(vault: &Vault, id: &str) -> Result<RecordId, CliError> {
    Ok(oneday_core::support::store::find(vault, id.trim())?.id)
}

/// Checks that only the fields `target` has were given.
fn check_fields(
    target: Target,
    f: &EntryFields,
    place: bool,
    contact: bool,
) -> Result<(), CliError> {
    let people = matches!(target, Target::Safety(s) if s.names_people());
    let triggers = matches!(target, Target::Relapse(RelapseSection::Triggers));
    let signs = matches!(target, Target::Relapse(RelapseSection::WarningSigns));
    target.refuse(f.phone.is_some() && !people, "phone number")?;
    target.refuse(contact && !people, "contact link")?;
    target.refuse(
        place && !matches!(target, Target::Safety(SafetyStep::Distractions)),
        "place",
    )?;
    target.refuse(f.coping.is_some() && !triggers, "coping response")?;
    target.refuse(f.category.is_some() && !triggers, "category")?;
    target.refuse(f.grade.is_some() && !signs, "grade")?;
    target.refuse(f.mental_health.is_some() && !signs, "mental-health flag")?;
    Ok(())
}

/// Refuses an `add` whose options do not fit the section, before any text is read.
fn check_add(target: Target, args: &AddArgs) -> Result<(), CliError> {
    check_fields(target, &args.fields, args.place, args.contact.is_some())?;
    match target {
        Target::Reason => Err(needs_set()),
        Target::Relapse(RelapseSection::Triggers) => trigger_category(args).map(drop),
        Target::Relapse(RelapseSection::WarningSigns) => sign_grade(args).map(drop),
        _ => Ok(()),
    }
}

/// The category a new trigger needs.
fn trigger_category(args: &AddArgs) -> Result<TriggerCategory, CliError> {
    args.fields.category.map(Into::into).ok_or_else(|| {
        CliError::PlanUsage(
            "a trigger needs --category (people, places, things, feelings, hungry, angry, lonely or tired)"
                .to_owned(),
        )
    })
}

/// The grade a new warning sign needs.
fn sign_grade(args: &AddArgs) -> Result<WarningGrade, CliError> {
    args.fields.grade.map(Into::into).ok_or_else(|| {
        CliError::PlanUsage("a warning sign needs --grade (early, middle or immediate)".to_owned())
    })
}

/// The fields of an entry that can be typed at a prompt (`-`), read in the order `--help` lists
/// them, after the entry's text.
struct TypedFields {
    phone: Option<String>,
    coping: Option<String>,
}

impl TypedFields {
    fn read(fields: &EntryFields) -> Result<TypedFields, CliError> {
        Ok(TypedFields {
            phone: optional_text_or_stdin(fields.phone.as_deref(), "Phone number: ")?,
            coping: optional_text_or_stdin(fields.coping.as_deref(), "Coping response: ")?,
        })
    }
}

/// Adds the entry (options already checked by [`check_add`]).
fn add(
    vault: &Vault,
    now: DateTime<Utc>,
    target: Target,
    args: &AddArgs,
    text: String,
    typed: TypedFields,
    contact: Option<RecordId>,
) -> Result<Saved, CliError> {
    let TypedFields { phone, coping } = typed;
    let entry = ContactEntry {
        text: text.clone(),
        contact,
        phone,
    };
    Ok(match target {
        Target::Reason => return Err(needs_set()),
        Target::Safety(step) => store::update_safety(vault, now, |p| {
            match step {
                SafetyStep::WarningSigns => p.warning_signs.push(text),
                SafetyStep::CopingStrategies => p.coping_strategies.push(text),
                SafetyStep::SafeEnvironment => p.safe_environment.push(text),
                SafetyStep::HelpPeople => p.help_people.push(entry),
                SafetyStep::Professionals => p.professionals.push(entry),
                SafetyStep::Distractions => p.distractions.push(Distraction {
                    kind: if args.place {
                        DistractionKind::Place
                    } else {
                        DistractionKind::Person
                    },
                    entry,
                }),
            }
            Ok(())
        })?,
        Target::Relapse(RelapseSection::Triggers) => {
            let trigger = Trigger {
                category: trigger_category(args)?,
                text,
                coping,
            };
            store::update_relapse(vault, now, |p| {
                p.triggers.push(trigger);
                Ok(())
            })?
        }
        Target::Relapse(RelapseSection::WarningSigns) => {
            let sign = WarningSign {
                grade: sign_grade(args)?,
                text,
                mental_health: args.fields.mental_health.unwrap_or(false),
            };
            store::update_relapse(vault, now, |p| {
                p.warning_signs.push(sign);
                Ok(())
            })?
        }
        Target::Relapse(section) => store::update_relapse(vault, now, |p| {
            match section {
                RelapseSection::Reasons => p.reasons.push(text),
                // Triggers and warning signs are added above.
                _ => p.after_lapse.push(text),
            }
            Ok(())
        })?,
    })
}

fn set(vault: &Vault, now: DateTime<Utc>, args: &SetArgs) -> Result<Saved, CliError> {
    let target = Target::of(args.kind, args.section)?;
    check_fields(target, &args.fields, false, false)?;
    let people = matches!(target, Target::Safety(s) if s.names_people());
    target.refuse(args.no_phone && !people, "phone number")?;
    let text = optional_text_or_stdin(args.text.as_deref(), "Text: ")?;
    let TypedFields { phone, coping } = TypedFields::read(&args.fields)?;
    if let Target::Reason = target {
        if args.entry.is_some() {
            return Err(CliError::PlanUsage(
                "the reason for living is one text: give it without --entry".to_owned(),
            ));
        }
        let text = text.ok_or_else(|| {
            CliError::PlanUsage("give the new text (empty text removes it)".to_owned())
        })?;
        return Ok(store::update_safety(vault, now, |p| {
            p.reason_for_living = Some(text);
            Ok(())
        })?);
    }
    let n = args.entry.ok_or_else(|| {
        CliError::PlanUsage("say which entry to change with --entry N".to_owned())
    })?;
    Ok(match target {
        Target::Reason => return Err(needs_set()),
        Target::Safety(step) => store::update_safety(vault, now, |p| {
            if people {
                let e = p.contact_entry_mut(step, n)?;
                if let Some(text) = text {
                    e.text = text;
                }
                if args.no_phone {
                    e.phone = None;
                } else if let Some(phone) = phone {
                    e.phone = Some(phone);
                }
                return Ok(());
            }
            let list = match step {
                SafetyStep::WarningSigns => &mut p.warning_signs,
                SafetyStep::CopingStrategies => &mut p.coping_strategies,
                // Steps 3 to 5 (people) are changed above.
                _ => &mut p.safe_environment,
            };
            replace_text(list, step.title(), n, text)
        })?,
        Target::Relapse(section) => store::update_relapse(vault, now, |p| match section {
            RelapseSection::Reasons => replace_text(&mut p.reasons, section.title(), n, text),
            RelapseSection::AfterLapse => {
                replace_text(&mut p.after_lapse, section.title(), n, text)
            }
            RelapseSection::Triggers => {
                let t = entry_mut(&mut p.triggers, section.title(), n)?;
                if let Some(text) = text {
                    t.text = text;
                }
                if let Some(c) = args.fields.category {
                    t.category = c.into();
                }
                if coping.is_some() {
                    t.coping = coping;
                }
                Ok(())
            }
            RelapseSection::WarningSigns => {
                let s = entry_mut(&mut p.warning_signs, section.title(), n)?;
                if let Some(text) = text {
                    s.text = text;
                }
                if let Some(g) = args.fields.grade {
                    s.grade = g.into();
                }
                if let Some(m) = args.fields.mental_health {
                    s.mental_health = m;
                }
                Ok(())
            }
        })?,
    })
}

/// Entry `n` (1-based) of `list`.
fn entry_mut<'a, T>(
    list: &'a mut [T],
    section: &'static str,
    n: usize,
) -> Result<&'a mut T, PlanError> {
    let count = list.len();
    n.checked_sub(1)
        .and_then(|i| list.get_mut(i))
        .ok_or(PlanError::NoSuchEntry {
            section,
            entry: n,
            count,
        })
}

fn replace_text(
    list: &mut [String],
    section: &'static str,
    n: usize,
    text: Option<String>,
) -> Result<(), PlanError> {
    let entry = entry_mut(list, section, n)?;
    if let Some(text) = text {
        *entry = text;
    }
    Ok(())
}

/// The Markdown from a file or `-` (stdin), through core's bounded reader: refused as soon as it
/// passes [`MAX_MARKDOWN_BYTES`].
fn read_markdown(from: &str) -> Result<Zeroizing<String>, CliError> {
    let bytes = Zeroizing::new(
        if from == "-" {
            input::read_bounded(std::io::stdin().lock(), MAX_MARKDOWN_BYTES)
        } else {
            std::fs::File::open(from)
                .map_err(InputError::Io)
                .and_then(|f| input::read_bounded(f, MAX_MARKDOWN_BYTES))
        }
        .map_err(|e| match e {
            InputError::TooLarge { limit } => CliError::PlanUsage(format!(
                "the Markdown is larger than {} MiB; a plan is a few kilobytes",
                limit / 1024 / 1024
            )),
            InputError::Io(e) => CliError::input(e),
        })?,
    );
    text_of(&bytes)
}

/// Prints what a write did, and the prompt for a help contact when the safety plan has none.
fn report(
    vault: &Vault,
    out: &mut impl Write,
    kind: PlanKind,
    saved: &Saved,
) -> Result<(), CliError> {
    let r = &saved.revision;
    if saved.changed {
        match r.restored_from {
            Some(from) => writeln!(
                out,
                "Restored revision {from} of the {kind} as revision {}.",
                r.number
            )?,
            None => writeln!(out, "Saved the {kind} as revision {}.", r.number)?,
        }
    } else {
        writeln!(
            out,
            "No change: the {kind} is already like that (revision {}).",
            r.number
        )?;
    }
    if kind == PlanKind::Safety {
        let contacts = PlanContacts::load(vault)?;
        let gaps = store::completeness(vault, kind, &contacts)?.gaps;
        if gaps.contains(&PlanGap::NoHelpContact) {
            writeln!(
                out,
                "Your safety plan has no one to call yet: add someone with a phone number, such as\n  oneday plan add safety help - --phone NUMBER"
            )?;
        }
    }
    Ok(())
}

fn kinds(kind: Option<KindArg>) -> Vec<PlanKind> {
    match kind {
        Some(k) => vec![k.into()],
        None => PlanKind::ALL.to_vec(),
    }
}

/// `plan show --json`.
#[derive(Serialize)]
struct ShowDoc {
    schema_version: u32,
    plans: Vec<PlanJson>,
}

/// One plan in `plan show --json`.
#[derive(Serialize)]
struct PlanJson {
    kind: PlanKind,
    revision: Option<RevisionInfo>,
    plan: Shown,
    completeness: CompletenessJson,
}

/// What a plan is missing, in JSON.
#[derive(Serialize)]
struct CompletenessJson {
    kind: PlanKind,
    complete: bool,
    gaps: Vec<GapJson>,
}

/// One gap with its sentence.
#[derive(Serialize)]
struct GapJson {
    #[serde(flatten)]
    gap: PlanGap,
    message: String,
}

impl From<completeness::Completeness> for CompletenessJson {
    fn from(c: completeness::Completeness) -> Self {
        CompletenessJson {
            kind: c.kind,
            complete: c.is_complete(),
            gaps: c
                .gaps
                .iter()
                .map(|g| GapJson {
                    gap: *g,
                    message: g.to_string(),
                })
                .collect(),
        }
    }
}

/// A plan of either kind, as shown (in JSON: the plan as the core serialises it).
#[derive(Serialize)]
#[serde(untagged)]
enum Shown {
    Safety(SafetyPlan),
    Relapse(RelapsePreventionPlan),
}

impl Shown {
    /// The current plan `kind`, or its revision `number`, with the revision it is.
    fn load(
        vault: &Vault,
        kind: PlanKind,
        number: Option<u32>,
    ) -> Result<(Shown, Option<RevisionInfo>), CliError> {
        Ok(match (kind, number) {
            (PlanKind::Safety, Some(n)) => {
                let r = store::safety_revision(vault, n)?;
                (Shown::Safety(r.plan), Some(r.info))
            }
            (PlanKind::Safety, None) => {
                let c = store::safety(vault)?;
                (Shown::Safety(c.plan), c.revision)
            }
            (PlanKind::Relapse, Some(n)) => {
                let r = store::relapse_revision(vault, n)?;
                (Shown::Relapse(r.plan), Some(r.info))
            }
            (PlanKind::Relapse, None) => {
                let c = store::relapse(vault)?;
                (Shown::Relapse(c.plan), c.revision)
            }
        })
    }

    fn completeness(&self, contacts: &dyn ContactLookup) -> completeness::Completeness {
        match self {
            Shown::Safety(p) => completeness::safety(p, contacts),
            Shown::Relapse(p) => completeness::relapse(p),
        }
    }

    fn text(&self, contacts: &dyn ContactLookup) -> String {
        match self {
            Shown::Safety(p) => export::safety(p, ExportFormat::Text, contacts),
            Shown::Relapse(p) => export::relapse(p, ExportFormat::Text),
        }
    }
}

fn show(vault: &Vault, args: &ShowArgs, out: &mut impl Write) -> Result<(), CliError> {
    let contacts = PlanContacts::load(vault)?;
    let mut plans = Vec::new();
    for (i, kind) in kinds(args.kind).into_iter().enumerate() {
        let (plan, revision) = Shown::load(vault, kind, args.revision)?;
        let completeness = plan.completeness(&contacts);
        if args.json {
            plans.push(PlanJson {
                kind,
                revision,
                plan,
                completeness: completeness.into(),
            });
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(plan.text(&contacts).as_bytes())?;
        writeln!(out)?;
        match revision {
            Some(r) => writeln!(out, "{}", revision_line(&r))?,
            None => writeln!(out, "Not saved yet.")?,
        }
        for gap in &completeness.gaps {
            writeln!(out, "Missing: {gap}.")?;
        }
    }
    if args.json {
        return json::print(
            out,
            &ShowDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    Ok(())
}

fn revision_line(r: &RevisionInfo) -> String {
    let mut line = format!(
        "Revision {}, saved {}",
        r.number,
        r.saved_at.format("%Y-%m-%d %H:%M UTC")
    );
    if let Some(from) = r.restored_from {
        line.push_str(&format!(" (restored from revision {from})"));
    }
    line.push('.');
    line
}

/// `plan history --json`.
#[derive(Serialize)]
struct HistoryDoc {
    schema_version: u32,
    plans: Vec<HistoryJson>,
}

/// One plan's revisions.
#[derive(Serialize)]
struct HistoryJson {
    kind: PlanKind,
    revisions: Vec<RevisionInfo>,
}

fn history(vault: &Vault, args: &HistoryArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut plans = Vec::new();
    for kind in kinds(args.kind) {
        plans.push(HistoryJson {
            kind,
            revisions: store::history(vault, kind)?,
        });
    }
    if args.json {
        return json::print(
            out,
            &HistoryDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    for h in &plans {
        writeln!(
            out,
            "{}: {} revision(s).",
            h.kind.title(),
            h.revisions.len()
        )?;
        let last = h.revisions.last().map(|r| r.number);
        for r in &h.revisions {
            let mut line = format!(
                "  {:>4}  {}",
                r.number,
                r.saved_at.format("%Y-%m-%d %H:%M:%S UTC")
            );
            if let Some(from) = r.restored_from {
                line.push_str(&format!("  restored from {from}"));
            }
            if Some(r.number) == last {
                line.push_str("  (current)");
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `plan status --json`.
#[derive(Serialize)]
struct StatusDoc {
    schema_version: u32,
    plans: Vec<CompletenessJson>,
}

fn status(vault: &Vault, args: &StatusArgs, out: &mut impl Write) -> Result<(), CliError> {
    let contacts = PlanContacts::load(vault)?;
    let mut plans = Vec::new();
    for kind in PlanKind::ALL {
        plans.push(CompletenessJson::from(store::completeness(
            vault, kind, &contacts,
        )?));
    }
    if args.json {
        return json::print(
            out,
            &StatusDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    for p in &plans {
        if p.complete {
            writeln!(out, "{}: complete.", p.kind.title())?;
        } else {
            writeln!(out, "{}: missing", p.kind.title())?;
            for g in &p.gaps {
                writeln!(out, "  - {}", g.message)?;
            }
        }
    }
    Ok(())
}
