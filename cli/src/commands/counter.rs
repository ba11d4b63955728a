//! `oneday counter ...`: add, list, show, edit, reset, pause, resume, archive, delete.

use std::io::Write;

use oneday_core::cleantime::store::{self, StoredCounter};
use oneday_core::cleantime::{
    CleanTimeError, Counter, CounterEdit, CounterSettings, CountingMode, Money,
};
use oneday_core::date::{parse_date, parse_date_time};
use oneday_core::screens::{self, TodayOptions};
use serde::Serialize;

use crate::args::{CounterCommand, CounterSettingsArgs};
use crate::error::CliError;
use crate::json::{self, CounterJson, SCHEMA_VERSION};
use crate::secrets::{optional_text_or_stdin, text_or_stdin};
use crate::session::{self, find_counter};
use crate::store_dir::StoreDir;
use crate::{render, today};

/// Runs one `counter` subcommand.
pub fn run(
    command: &CounterCommand,
    store: &StoreDir,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let vault = session::open(store)?;
    match command {
        CounterCommand::Add(args) => {
            let label = text_or_stdin(&args.label, "Name: ")?;
            let since = text_or_stdin(&args.since, "Clean date (YYYY-MM-DD): ")?;
            let typed = TypedSettings::read(&args.settings)?;
            let mut counter = Counter::new(CounterSettings::new(label), parse_date(&since)?)?;
            counter.apply(settings_edit(&args.settings, &typed)?)?;
            let id = store::add(&vault, &counter)?;
            writeln!(out, "Added counter {id}.")?;
        }
        CounterCommand::List(args) => {
            let as_of = today::resolve(args.read.as_of.as_deref())?;
            let options = TodayOptions {
                include_archived: args.all,
                ..TodayOptions::default()
            };
            let screen = screens::today(&vault, as_of, options)?;
            if args.read.json {
                return crate::commands::status::print_json(out, &screen, None);
            }
            for card in &screen.cards {
                let archived = if card.archived { "  (archived)" } else { "" };
                writeln!(
                    out,
                    "{}  {:>6}  {}{archived}",
                    card.id,
                    render::days_word(card.clean_time.total_days),
                    card.settings.label
                )?;
            }
        }
        CounterCommand::Show(args) => {
            let as_of = today::resolve(args.read.as_of.as_deref())?;
            let found = find_counter(&vault, &args.id)?;
            show(out, &found, as_of, args.read.json)?;
        }
        CounterCommand::Edit(args) => {
            let found = find_counter(&vault, &args.id)?;
            let label = optional_text_or_stdin(args.label.as_deref(), "New name: ")?;
            let since =
                optional_text_or_stdin(args.since.as_deref(), "New clean date (YYYY-MM-DD): ")?
                    .as_deref()
                    .map(parse_date)
                    .transpose()?;
            let typed = TypedSettings::read(&args.settings)?;
            let mut edit = settings_edit(&args.settings, &typed)?;
            edit.label = label;
            edit.start = since;
            if args.no_daily_cost && edit.daily_cost.is_none() {
                edit.daily_cost = Some(None);
            }
            if args.no_last_use && edit.last_use.is_none() {
                edit.last_use = Some(None);
            }
            store::edit(&vault, &found.id, edit).map_err(|e| not_found_as(e, &args.id))?;
            writeln!(out, "Updated.")?;
        }
        CounterCommand::Reset(args) => {
            let found = find_counter(&vault, &args.id)?;
            let on = optional_text_or_stdin(args.on.as_deref(), "Relapse date (YYYY-MM-DD): ")?;
            let on = today::resolve(on.as_deref())?;
            let new_start =
                optional_text_or_stdin(args.new_start.as_deref(), "New clean date (YYYY-MM-DD): ")?
                    .as_deref()
                    .map(parse_date)
                    .transpose()?;
            let note = optional_text_or_stdin(args.note.as_deref(), "Note: ")?;
            let counter = store::update(&vault, &found.id, |c| c.reset(on, new_start, note))
                .map_err(|e| not_found_as(e, &args.id))?;
            let start = counter.start().map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "Reset. Your history is kept: {} earlier clean days still count. New clean date {start}.",
                counter.stats(on)?.total_clean_days
            )?;
        }
        CounterCommand::Pause(args) => {
            let found = find_counter(&vault, &args.id)?;
            let on =
                optional_text_or_stdin(args.on.as_deref(), "First day not counted (YYYY-MM-DD): ")?;
            let on = today::resolve(on.as_deref())?;
            let note = optional_text_or_stdin(args.note.as_deref(), "Note: ")?;
            store::update(&vault, &found.id, |c| c.pause(on, note))
                .map_err(|e| not_found_as(e, &args.id))?;
            writeln!(
                out,
                "Paused. Resume with `oneday counter resume {}`.",
                short(&found)
            )?;
        }
        CounterCommand::Resume(args) => {
            let found = find_counter(&vault, &args.id)?;
            let since =
                optional_text_or_stdin(args.since.as_deref(), "New clean date (YYYY-MM-DD): ")?;
            let since = today::resolve(since.as_deref())?;
            store::update(&vault, &found.id, |c| c.resume(since))
                .map_err(|e| not_found_as(e, &args.id))?;
            writeln!(out, "Counting again from {since}.")?;
        }
        CounterCommand::Archive(args) => {
            let found = find_counter(&vault, &args.id)?;
            let archive = CounterEdit {
                archived: Some(!args.undo),
                ..CounterEdit::default()
            };
            store::edit(&vault, &found.id, archive).map_err(|e| not_found_as(e, &args.id))?;
            writeln!(
                out,
                "{}",
                if args.undo {
                    "Restored."
                } else {
                    "Archived; its history is kept."
                }
            )?;
        }
        CounterCommand::Delete(args) => {
            if !args.yes {
                return Err(CliError::NeedsConfirmation(
                    "delete removes the counter and its whole history for good; add --yes to do it \
                     (or keep it with `oneday counter archive`)",
                ));
            }
            let found = find_counter(&vault, &args.id)?;
            store::delete(&vault, &found.id).map_err(|e| not_found_as(e, &args.id))?;
            writeln!(out, "Deleted.")?;
        }
    }
    Ok(())
}

fn short(c: &StoredCounter) -> String {
    c.id.to_string().chars().take(8).collect()
}

fn not_found_as(e: store::CounterStoreError, id: &str) -> CliError {
    match e {
        store::CounterStoreError::NotFound => CliError::NoSuchCounter(id.to_owned()),
        other => other.into(),
    }
}

/// The settings values that can be typed at a prompt (`-`), read before the store is changed.
struct TypedSettings {
    daily_cost: Option<String>,
    last_use: Option<String>,
}

impl TypedSettings {
    fn read(args: &CounterSettingsArgs) -> Result<TypedSettings, CliError> {
        Ok(TypedSettings {
            daily_cost: optional_text_or_stdin(args.daily_cost.as_deref(), "Daily cost: ")?,
            last_use: optional_text_or_stdin(
                args.last_use.as_deref(),
                "Last use (YYYY-MM-DD HH:MM): ",
            )?,
        })
    }
}

/// The edit the settings given on the command line make (with the values typed at a prompt);
/// the core checks it when it is applied.
fn settings_edit(
    args: &CounterSettingsArgs,
    typed: &TypedSettings,
) -> Result<CounterEdit, CleanTimeError> {
    let daily_cost = match (&typed.daily_cost, &args.currency) {
        (Some(amount), Some(currency)) => Some(Some(Money::parse(amount, currency)?)),
        _ => None,
    };
    Ok(CounterEdit {
        profile: args.profile.map(|p| p.profile()),
        kind: args.kind.map(Into::into),
        counting: args.day_one.map(|day_one| {
            if day_one {
                CountingMode::TodayIsDayOne
            } else {
                CountingMode::CompletedDays
            }
        }),
        daily_cost,
        last_use: typed
            .last_use
            .as_deref()
            .map(parse_date_time)
            .transpose()?
            .map(Some),
        name_in_reminders: args.name_in_reminders,
        ..CounterEdit::default()
    })
}

#[derive(Serialize)]
struct ShowDoc<'a> {
    schema_version: u32,
    #[serde(flatten)]
    counter: CounterJson,
    attempts: &'a [oneday_core::cleantime::Attempt],
}

fn show(
    out: &mut impl Write,
    found: &StoredCounter,
    as_of: chrono::NaiveDate,
    json: bool,
) -> Result<(), CliError> {
    let ct = found.counter.clean_time(as_of)?;
    let stats = found.counter.stats(as_of)?;
    if json {
        let doc = ShowDoc {
            schema_version: SCHEMA_VERSION,
            counter: CounterJson::new(found.id.to_string(), &found.counter, &ct, stats),
            attempts: found.counter.attempts(),
        };
        return json::print(out, &doc);
    }
    render::clean_time_card(out, &found.counter.settings().label, &ct)?;
    render::stats_line(out, &stats)?;
    writeln!(out, "  Attempts:")?;
    for attempt in found.counter.attempts() {
        match &attempt.end {
            None => writeln!(out, "    {} – running", attempt.start)?,
            Some(end) => {
                let why = match end.reason {
                    oneday_core::cleantime::EndReason::Relapse => "reset",
                    oneday_core::cleantime::EndReason::Pause => "paused",
                };
                let days = render::days_word(attempt.closed_days().unwrap_or(0));
                writeln!(out, "    {} – {} ({why}, {days})", attempt.start, end.date)?;
                if let Some(note) = &end.note {
                    writeln!(out, "      {note}")?;
                }
            }
        }
    }
    Ok(())
}
