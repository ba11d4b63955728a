//! `oneday plan ...`: show, add, remove, set, move, link, unlink, edit, history, restore, export,
//! status.
//!
//! A plan is edited entry by entry (`add`, `remove`, `set`, `move`, `link`), or replaced whole with
//! Markdown piped in (`edit --from-markdown -`). The CLI never opens `$EDITOR` on a temporary file:
//! that would leave the plan on disk in plaintext. Every rule (what a valid entry is, which section
//! can link a contact, what a plan is missing, how it is exported) is core's
//! (`oneday_core::plans`); every entry edit is one core operation (`store::apply_edit`). The
//! modules here map arguments to core calls and print what core returns:
//! - `args`: the clap arguments, and a plan and section named on the command line as core's;
//! - `edit`: every change (entry edits, restore, Markdown in);
//! - `show`: show, history, status, and the line printed after a change;
//! - `export`: plain text or Markdown out.

mod args;
mod edit;
mod export;
mod show;

use std::io::Write;

use clap::Subcommand;

use args::{
    AddArgs, EditArgs, EntryArgs, ExportArgs, HistoryArgs, LinkArgs, MoveArgs, RestoreArgs,
    SetArgs, ShowArgs, StatusArgs,
};

use crate::error::CliError;
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
    /// Moves entry FROM of a section to position TO.
    Move(MoveArgs),
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

/// Runs one `plan` subcommand.
pub fn run(command: &PlanCommand, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    match command {
        PlanCommand::Show(args) => show::show(&vault, args, out),
        PlanCommand::History(args) => show::history(&vault, args, out),
        PlanCommand::Status(args) => show::status(&vault, args, out),
        PlanCommand::Export(args) => export::export(&vault, args, out),
        PlanCommand::Add(args) => edit::add(&vault, args, out),
        PlanCommand::Remove(args) => edit::remove(&vault, args, out),
        PlanCommand::Set(args) => edit::set(&vault, args, out),
        PlanCommand::Move(args) => edit::move_entry(&vault, args, out),
        PlanCommand::Link(args) => edit::link(&vault, args, out),
        PlanCommand::Unlink(args) => edit::unlink(&vault, args, out),
        PlanCommand::Edit(args) => edit::from_markdown(&vault, args, out),
        PlanCommand::Restore(args) => edit::restore(&vault, args, out),
    }
}
