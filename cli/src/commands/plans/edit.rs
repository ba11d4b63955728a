//! Every change to a plan from the command line. Entry edits and restores are one core operation
//! each ([`store::apply_edit`]), applied to the plan as it is when the command runs; a whole plan
//! piped in as Markdown is saved as a new revision.

use std::io::Write;

use chrono::Utc;
use oneday_core::input::{self, InputError};
use oneday_core::plans::edit::EditablePlan;
use oneday_core::plans::{
    from_markdown, store, ContactEntry, Distraction, DistractionKind, EntryShape, ParsedPlan,
    PlanEdit, PlanEntry, PlanError, PlanKind, PlanSection, PlanVersion, Trigger, TriggerCategory,
    WarningGrade, WarningSign, MAX_MARKDOWN_BYTES,
};
use oneday_core::vault::{RecordId, Vault};
use zeroize::Zeroizing;

use super::args::{
    plan_section, AddArgs, EditArgs, EntryArgs, EntryFields, KindArg, LinkArgs, MoveArgs,
    RestoreArgs, SetArgs,
};
use super::show::report;
use crate::error::CliError;
use crate::secrets::{optional_text_or_stdin, text_of, text_or_stdin};

/// Applies `edit` to plan `kind` as it is now, and prints what it did.
fn apply(
    vault: &Vault,
    kind: PlanKind,
    expected: PlanVersion,
    edit: PlanEdit,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let saved = store::apply_edit(vault, kind, expected, edit, Utc::now())?;
    report(vault, out, kind, &saved)
}

/// Applies an edit made from the plan as it is now (the numbers the user gives are checked by core).
fn apply_now(
    vault: &Vault,
    kind: PlanKind,
    edit: PlanEdit,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let now = store::version(vault, kind)?;
    apply(vault, kind, now, edit, out)
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

/// Refuses a field `section` does not have.
fn refuse(section: PlanSection, given: bool, field: &'static str) -> Result<(), CliError> {
    if given {
        return Err(PlanError::NoSuchField {
            section: section.title(),
            field,
        }
        .into());
    }
    Ok(())
}

/// Checks that only the fields `section` has were given, before any text is read.
fn check_fields(
    section: PlanSection,
    f: &EntryFields,
    place: bool,
    contact: bool,
) -> Result<(), CliError> {
    let shape = section.shape();
    let reachable = matches!(shape, EntryShape::Distraction | EntryShape::Contact);
    refuse(section, f.phone.is_some() && !reachable, "phone number")?;
    refuse(section, contact && !section.links_contact(), "contact link")?;
    refuse(section, place && shape != EntryShape::Distraction, "place")?;
    let trigger = shape == EntryShape::Trigger;
    refuse(section, f.coping.is_some() && !trigger, "coping response")?;
    refuse(section, f.category.is_some() && !trigger, "category")?;
    let sign = shape == EntryShape::WarningSign;
    refuse(section, f.grade.is_some() && !sign, "grade")?;
    refuse(
        section,
        f.mental_health.is_some() && !sign,
        "mental-health flag",
    )?;
    Ok(())
}

/// The category a new trigger needs.
fn trigger_category(fields: &EntryFields) -> Result<TriggerCategory, CliError> {
    fields.category.map(Into::into).ok_or_else(|| {
        CliError::PlanUsage(
            "a trigger needs --category (people, places, things, feelings, hungry, angry, lonely or tired)"
                .to_owned(),
        )
    })
}

/// The grade a new warning sign needs.
fn sign_grade(fields: &EntryFields) -> Result<WarningGrade, CliError> {
    fields.grade.map(Into::into).ok_or_else(|| {
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

/// `plan add`.
pub fn add(vault: &Vault, args: &AddArgs, out: &mut impl Write) -> Result<(), CliError> {
    let section = plan_section(args.kind, args.section)?;
    check_fields(section, &args.fields, args.place, args.contact.is_some())?;
    match section.shape() {
        _ if section.is_single() => return Err(needs_set()),
        EntryShape::Trigger => drop(trigger_category(&args.fields)?),
        EntryShape::WarningSign => drop(sign_grade(&args.fields)?),
        _ => {}
    }
    let text = text_or_stdin(&args.text, "Text: ")?;
    let TypedFields { phone, coping } = TypedFields::read(&args.fields)?;
    let contact = args
        .contact
        .as_deref()
        .map(|c| parse_contact(vault, c))
        .transpose()?;
    let reach = ContactEntry {
        text: text.clone(),
        contact,
        phone,
    };
    let entry = match section.shape() {
        EntryShape::Text => PlanEntry::text(text),
        EntryShape::Contact => PlanEntry::Contact(reach),
        EntryShape::Distraction => PlanEntry::Distraction(Distraction {
            kind: if args.place {
                DistractionKind::Place
            } else {
                DistractionKind::Person
            },
            entry: reach,
        }),
        EntryShape::Trigger => PlanEntry::Trigger(Trigger {
            category: trigger_category(&args.fields)?,
            text,
            coping,
        }),
        EntryShape::WarningSign => PlanEntry::WarningSign(WarningSign {
            grade: sign_grade(&args.fields)?,
            text,
            mental_health: args.fields.mental_health.unwrap_or(false),
        }),
    };
    apply_now(vault, section.kind(), PlanEdit::Add { section, entry }, out)
}

/// `plan remove`.
pub fn remove(vault: &Vault, args: &EntryArgs, out: &mut impl Write) -> Result<(), CliError> {
    let section = plan_section(args.kind, args.section)?;
    if section.is_single() {
        return Err(needs_set());
    }
    let edit = PlanEdit::Remove {
        section,
        number: args.entry,
    };
    apply_now(vault, section.kind(), edit, out)
}

/// `plan move`.
pub fn move_entry(vault: &Vault, args: &MoveArgs, out: &mut impl Write) -> Result<(), CliError> {
    let section = plan_section(args.kind, args.section)?;
    let edit = PlanEdit::Move {
        section,
        from: args.from,
        to: args.to,
    };
    apply_now(vault, section.kind(), edit, out)
}

/// A section that can link a contact, or the error saying it cannot.
fn linkable(kind: KindArg, section: super::args::SectionArg) -> Result<PlanSection, CliError> {
    let section = plan_section(kind, section)?;
    refuse(section, !section.links_contact(), "contact link")?;
    Ok(section)
}

/// `plan link`.
pub fn link(vault: &Vault, args: &LinkArgs, out: &mut impl Write) -> Result<(), CliError> {
    let contact = parse_contact(vault, &args.contact)?;
    let section = linkable(args.kind, args.section)?;
    let edit = PlanEdit::Link {
        section,
        number: args.entry,
        contact,
    };
    apply_now(vault, PlanKind::Safety, edit, out)
}

/// `plan unlink`.
pub fn unlink(vault: &Vault, args: &EntryArgs, out: &mut impl Write) -> Result<(), CliError> {
    let section = linkable(args.kind, args.section)?;
    let edit = PlanEdit::Unlink {
        section,
        number: args.entry,
    };
    apply_now(vault, PlanKind::Safety, edit, out)
}

/// `plan restore`.
pub fn restore(vault: &Vault, args: &RestoreArgs, out: &mut impl Write) -> Result<(), CliError> {
    let edit = PlanEdit::Restore {
        revision: args.revision,
    };
    apply_now(vault, args.kind.into(), edit, out)
}

/// The current entry `number` of `section`, and the version it was read at.
fn current_entry(
    vault: &Vault,
    section: PlanSection,
    number: usize,
) -> Result<(PlanVersion, PlanEntry), CliError> {
    let (version, entry) = match section.kind() {
        PlanKind::Safety => {
            let c = store::safety(vault)?;
            (PlanVersion::of(c.revision), c.plan.entry(section, number))
        }
        PlanKind::Relapse => {
            let c = store::relapse(vault)?;
            (PlanVersion::of(c.revision), c.plan.entry(section, number))
        }
    };
    Ok((version, entry?))
}

/// `plan set`: the entry as it is, with the fields given changed, replaced in place.
pub fn set(vault: &Vault, args: &SetArgs, out: &mut impl Write) -> Result<(), CliError> {
    let section = plan_section(args.kind, args.section)?;
    check_fields(section, &args.fields, false, false)?;
    let reachable = matches!(
        section.shape(),
        EntryShape::Distraction | EntryShape::Contact
    );
    refuse(section, args.no_phone && !reachable, "phone number")?;
    let text = optional_text_or_stdin(args.text.as_deref(), "Text: ")?;
    let TypedFields { phone, coping } = TypedFields::read(&args.fields)?;
    if section.is_single() {
        if args.entry.is_some() {
            return Err(CliError::PlanUsage(
                "the reason for living is one text: give it without --entry".to_owned(),
            ));
        }
        let text = text.ok_or_else(|| {
            CliError::PlanUsage("give the new text (empty text removes it)".to_owned())
        })?;
        let edit = PlanEdit::Add {
            section,
            entry: PlanEntry::text(text),
        };
        return apply_now(vault, PlanKind::Safety, edit, out);
    }
    let number = args.entry.ok_or_else(|| {
        CliError::PlanUsage("say which entry to change with --entry N".to_owned())
    })?;
    let (version, mut entry) = current_entry(vault, section, number)?;
    match &mut entry {
        PlanEntry::Text { text: t } => {
            if let Some(text) = text {
                *t = text;
            }
        }
        PlanEntry::Distraction(Distraction { entry: e, .. }) | PlanEntry::Contact(e) => {
            if let Some(text) = text {
                e.text = text;
            }
            if args.no_phone {
                e.phone = None;
            } else if phone.is_some() {
                e.phone = phone;
            }
        }
        PlanEntry::Trigger(t) => {
            if let Some(text) = text {
                t.text = text;
            }
            if let Some(c) = args.fields.category {
                t.category = c.into();
            }
            if coping.is_some() {
                t.coping = coping;
            }
        }
        PlanEntry::WarningSign(s) => {
            if let Some(text) = text {
                s.text = text;
            }
            if let Some(g) = args.fields.grade {
                s.grade = g.into();
            }
            if let Some(m) = args.fields.mental_health {
                s.mental_health = m;
            }
        }
    }
    let edit = PlanEdit::Replace {
        section,
        number,
        entry,
    };
    apply(vault, section.kind(), version, edit, out)
}

/// `plan edit --from-markdown`: the whole plan replaced by the Markdown read.
pub fn from_markdown(vault: &Vault, args: &EditArgs, out: &mut impl Write) -> Result<(), CliError> {
    let markdown = read_markdown(&args.from_markdown)?;
    let now = Utc::now();
    let saved = match (args.kind, from_markdown::parse(&markdown)?) {
        (KindArg::Safety, ParsedPlan::Safety(plan)) => store::save_safety(vault, plan, now)?,
        (KindArg::Relapse, ParsedPlan::Relapse(plan)) => store::save_relapse(vault, plan, now)?,
        (expected, found) => {
            return Err(PlanError::WrongKind {
                expected: expected.into(),
                found: found.kind(),
            }
            .into())
        }
    };
    report(vault, out, args.kind.into(), &saved)
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
