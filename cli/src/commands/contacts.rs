//! `oneday contacts ...`: add, list, edit, remove, order; the region and the text-message
//! templates one-tap uses.
//!
//! Names, phone numbers and notes given as `-` are read from stdin (or a prompt), so they do not
//! land in the shell's history. Every rule (what a valid number is, the order) is core's.

use std::io::Write;

use clap::{Args, Subcommand};
use oneday_core::support::{
    region, sms, store, ContactChange, ContactInput, ContactRole, PreparedMessage, Region,
    StoredContact, SupportError,
};
use oneday_core::vault::{RecordId, Vault};
use serde::Serialize;

use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::secrets::{optional_text_or_stdin, text_or_stdin};
use crate::session;
use crate::store_dir::StoreDir;

/// `oneday contacts ...`.
#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Adds a contact, last in your order.
    Add(ContactsAddArgs),
    /// Lists your contacts in your order.
    List(JsonArg),
    /// Changes a contact.
    Edit(ContactsEditArgs),
    /// Removes a contact for good.
    Remove(ContactsRemoveArgs),
    /// Puts these contacts first, in this order (the others follow in their order).
    Order(ContactsOrderArgs),
    /// Shows your region, or sets it (the country whose crisis lines `oneday call` offers).
    Region(ContactsRegionArgs),
    /// Lists the prepared text messages, or adds or removes your own.
    Messages(ContactsMessagesArgs),
}

/// `--json` alone.
#[derive(Debug, Args)]
pub struct JsonArg {
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday contacts add`.
#[derive(Debug, Args)]
pub struct ContactsAddArgs {
    /// Their name as you want it: a first name or an initial is enough (`-` to type it at a prompt).
    pub name: String,
    /// Who they are: sponsor, alternate-sponsor, sponsee, friend, family, therapist, doctor,
    /// crisis-line or other.
    #[arg(long, value_parser = parse_role)]
    pub role: ContactRole,
    /// Their phone number, such as "+1 555 010 0100" or "07700 900123 ext 12" (`-` to type it).
    #[arg(long)]
    pub phone: String,
    /// They are fine with text messages.
    #[arg(long)]
    pub sms: bool,
    /// A note for yourself (`-` to type it at a prompt).
    #[arg(long)]
    pub note: Option<String>,
}

/// `oneday contacts edit`.
#[derive(Debug, Args)]
pub struct ContactsEditArgs {
    /// The contact's id (or its first 4 or more digits).
    pub id: String,
    /// A new name (`-` to type it at a prompt).
    #[arg(long)]
    pub name: Option<String>,
    /// A new role.
    #[arg(long, value_parser = parse_role)]
    pub role: Option<ContactRole>,
    /// A new phone number (`-` to type it).
    #[arg(long)]
    pub phone: Option<String>,
    /// Whether they are fine with text messages.
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true")]
    pub sms: Option<bool>,
    /// A new note (`-` to type it; empty removes it).
    #[arg(long, conflicts_with = "no_note")]
    pub note: Option<String>,
    /// Remove the note.
    #[arg(long)]
    pub no_note: bool,
}

/// `oneday contacts remove`.
#[derive(Debug, Args)]
pub struct ContactsRemoveArgs {
    /// The contact's id (or its first 4 or more digits).
    pub id: String,
    /// Confirms: the contact and its note are gone for good.
    #[arg(long)]
    pub yes: bool,
}

/// `oneday contacts order`.
#[derive(Debug, Args)]
pub struct ContactsOrderArgs {
    /// The contacts' ids (or their first digits), first to try first.
    #[arg(required = true)]
    pub ids: Vec<String>,
}

/// `oneday contacts region`.
#[derive(Debug, Args)]
pub struct ContactsRegionArgs {
    /// The two-letter ISO 3166-1 country code to set, such as US, GB, IE or DE (`-` to type it;
    /// none: show it).
    #[arg(conflicts_with = "clear")]
    pub code: Option<String>,
    /// Forget the region.
    #[arg(long)]
    pub clear: bool,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday contacts messages`.
#[derive(Debug, Args)]
pub struct ContactsMessagesArgs {
    /// Add this message to your own (`-` to type it at a prompt).
    #[arg(long, value_name = "TEXT", conflicts_with = "remove")]
    pub add: Option<String>,
    /// Remove your message with this number (1 and up; 0 is the built-in one).
    #[arg(long, value_name = "N")]
    pub remove: Option<usize>,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_role(text: &str) -> Result<ContactRole, String> {
    ContactRole::from_name(text).ok_or_else(|| {
        let names: Vec<String> = ContactRole::ALL
            .iter()
            .map(|r| r.as_str().replace('_', "-"))
            .collect();
        format!("a role is one of: {}", names.join(", "))
    })
}

/// Runs one `contacts` subcommand.
pub fn run(
    command: &ContactsCommand,
    store_dir: &StoreDir,
    out: &mut impl Write,
) -> Result<(), CliError> {
    if let ContactsCommand::Remove(args) = command {
        if !args.yes {
            return Err(CliError::NeedsConfirmation(
                "removing a contact cannot be undone; add --yes to confirm",
            ));
        }
    }
    let vault = session::open(store_dir)?;
    match command {
        ContactsCommand::Add(args) => {
            let input = ContactInput {
                name: text_or_stdin(&args.name, "Name: ")?,
                role: args.role,
                phone: text_or_stdin(&args.phone, "Phone number: ")?,
                sms_allowed: args.sms,
                note: optional_text_or_stdin(args.note.as_deref(), "Note: ")?,
            };
            let added = store::add(&vault, input)?;
            writeln!(out, "Added contact {}.", added.id)?;
        }
        ContactsCommand::List(args) => {
            let all = store::list(&vault)?;
            if args.json {
                return json::print(
                    out,
                    &ContactsDoc {
                        schema_version: SCHEMA_VERSION,
                        contacts: all.iter().map(ContactJson::new).collect(),
                    },
                );
            }
            for c in &all {
                let texts = if c.contact.sms_allowed {
                    "  (texts ok)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{}  {}. {}  {}{texts}",
                    c.id,
                    c.contact.order + 1,
                    c.contact.label(),
                    c.contact.phone
                )?;
                if let Some(note) = &c.contact.note {
                    writeln!(out, "    note: {note}")?;
                }
            }
            writeln!(out, "{} contact(s).", all.len())?;
        }
        ContactsCommand::Edit(args) => {
            let found = store::find(&vault, &args.id)?;
            // Typed values are read in the order `--help` lists them: name, phone, note.
            let name = optional_text_or_stdin(args.name.as_deref(), "Name: ")?;
            let phone = optional_text_or_stdin(args.phone.as_deref(), "Phone number: ")?;
            let note = if args.no_note {
                Some(None)
            } else {
                optional_text_or_stdin(args.note.as_deref(), "Note: ")?.map(Some)
            };
            let change = ContactChange {
                name,
                role: args.role,
                phone,
                sms_allowed: args.sms,
                note,
            };
            store::edit(&vault, &found.id, change)?;
            writeln!(out, "Updated.")?;
        }
        ContactsCommand::Remove(args) => {
            let found = store::find(&vault, &args.id)?;
            store::remove(&vault, &found.id)?;
            writeln!(out, "Removed contact {}.", found.id)?;
        }
        ContactsCommand::Order(args) => {
            let ids = args
                .ids
                .iter()
                .map(|id| Ok(store::find(&vault, id)?.id))
                .collect::<Result<Vec<RecordId>, SupportError>>()?;
            let all = store::reorder(&vault, &ids)?;
            for c in &all {
                writeln!(
                    out,
                    "{}. {}  {}",
                    c.contact.order + 1,
                    c.contact.label(),
                    c.id
                )?;
            }
        }
        ContactsCommand::Region(args) => region_command(&vault, args, out)?,
        ContactsCommand::Messages(args) => messages_command(&vault, args, out)?,
    }
    Ok(())
}

fn region_command(
    vault: &Vault,
    args: &ContactsRegionArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    if args.clear {
        region::set(vault, None)?;
    } else if let Some(code) = &args.code {
        let code = text_or_stdin(code, "Country code (such as US): ")?;
        region::set(vault, Some(&Region::parse(&code)?))?;
    }
    let current = region::get(vault)?;
    if args.json {
        return json::print(
            out,
            &RegionDoc {
                schema_version: SCHEMA_VERSION,
                region: current.as_ref().map(|r| r.as_str()),
            },
        );
    }
    match current {
        Some(r) => writeln!(out, "Region: {r}.")?,
        None => writeln!(
            out,
            "No region is set. Set it with `oneday contacts region CC` (such as US, GB, IE or DE)."
        )?,
    }
    Ok(())
}

fn messages_command(
    vault: &Vault,
    args: &ContactsMessagesArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    if let Some(text) = &args.add {
        let mut own = sms::templates(vault)?;
        own.push(text_or_stdin(text, "Message: ")?);
        sms::set_templates(vault, &own)?;
    }
    if let Some(n) = args.remove {
        let mut own = sms::templates(vault)?;
        if n == 0 || n > own.len() {
            return Err(SupportError::NoSuchMessage {
                index: n,
                last: own.len(),
            }
            .into());
        }
        own.remove(n - 1);
        sms::set_templates(vault, &own)?;
    }
    let prepared = store::prepared_messages(vault)?;
    if args.json {
        return json::print(
            out,
            &MessagesDoc {
                schema_version: SCHEMA_VERSION,
                messages: prepared.iter().map(|m| m.text.as_str()).collect(),
                prepared: prepared.iter().map(PreparedJson::from).collect(),
            },
        );
    }
    for m in &prepared {
        writeln!(out, "{}. {}", m.index, m.text.replace('\n', " / "))?;
        if let Some(to) = &m.target {
            writeln!(
                out,
                "   to {}  {}",
                to.label(),
                to.uri.as_deref().unwrap_or("")
            )?;
        }
    }
    Ok(())
}

/// `oneday contacts list --json`.
#[derive(Debug, Serialize)]
struct ContactsDoc {
    schema_version: u32,
    contacts: Vec<ContactJson>,
}

/// One contact in JSON.
#[derive(Debug, Serialize)]
struct ContactJson {
    id: String,
    name: String,
    role: ContactRole,
    phone: String,
    tel_uri: String,
    sms_allowed: bool,
    order: u32,
    note: Option<String>,
}

impl ContactJson {
    fn new(c: &StoredContact) -> Self {
        ContactJson {
            id: c.id.to_string(),
            name: c.contact.name.clone(),
            role: c.contact.role,
            phone: c.contact.phone.as_typed().to_owned(),
            tel_uri: c.contact.phone.tel_uri(),
            sms_allowed: c.contact.sms_allowed,
            order: c.contact.order,
            note: c.contact.note.clone(),
        }
    }
}

/// `oneday contacts region --json`.
#[derive(Debug, Serialize)]
struct RegionDoc<'a> {
    schema_version: u32,
    region: Option<&'a str>,
}

/// `oneday contacts messages --json`.
#[derive(Debug, Serialize)]
struct MessagesDoc<'a> {
    schema_version: u32,
    /// The messages alone, in order (as before `prepared` was added).
    messages: Vec<&'a str>,
    /// Each message with who one tap texts it to and the `sms:` URI.
    prepared: Vec<PreparedJson<'a>>,
}

/// One prepared message in `oneday contacts messages --json`.
#[derive(Debug, Serialize)]
struct PreparedJson<'a> {
    index: usize,
    text: &'a str,
    /// `Sam (sponsor)`; null when nobody can be texted.
    to: Option<String>,
    uri: Option<&'a str>,
}

impl<'a> From<&'a PreparedMessage> for PreparedJson<'a> {
    fn from(m: &'a PreparedMessage) -> Self {
        PreparedJson {
            index: m.index,
            text: &m.text,
            to: m.target.as_ref().map(|t| t.label()),
            uri: m.target.as_ref().and_then(|t| t.uri.as_deref()),
        }
    }
}
