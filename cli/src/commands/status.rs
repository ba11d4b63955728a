//! `oneday status`: the dashboard of every counter.

use std::io::Write;

use chrono::NaiveDate;
use oneday_core::cleantime::store::StoredCounter;

use crate::args::StatusArgs;
use crate::commands::counter::visible;
use crate::error::CliError;
use crate::json::{self, CounterJson, DashboardDoc, KeySlotsJson, SCHEMA_VERSION};
use crate::store_dir::StoreDir;
use crate::{render, session, today};

/// Prints the dashboard from the store.
pub fn run(args: &StatusArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let counters = visible(&vault, args.all)?;
    if args.read.json {
        let key_slots = vault.key_slot_health()?.into();
        return print_json(out, as_of, &counters, Some(key_slots));
    }
    print_dashboard(out, as_of, &counters)
}

/// The dashboard as text: a card per counter.
pub fn print_dashboard(
    out: &mut impl Write,
    as_of: NaiveDate,
    counters: &[StoredCounter],
) -> Result<(), CliError> {
    if counters.is_empty() {
        writeln!(
            out,
            "No counters yet. Add one with `oneday counter add NAME --since YYYY-MM-DD`."
        )?;
    }
    for (n, c) in counters.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let ct = c.counter.clean_time(as_of)?;
        render::clean_time_card(out, &c.counter.settings().label, &ct)?;
        render::stats_line(out, &c.counter.stats(as_of)?)?;
    }
    Ok(())
}

/// The dashboard as JSON (docs/cli-json.md); `key_slots` only from a real store.
pub fn print_json(
    out: &mut impl Write,
    as_of: NaiveDate,
    counters: &[StoredCounter],
    key_slots: Option<KeySlotsJson>,
) -> Result<(), CliError> {
    let mut cards = Vec::with_capacity(counters.len());
    for c in counters {
        let ct = c.counter.clean_time(as_of)?;
        cards.push(CounterJson::new(
            c.id.to_string(),
            &c.counter,
            &ct,
            c.counter.stats(as_of)?,
        ));
    }
    let doc = DashboardDoc {
        schema_version: SCHEMA_VERSION,
        as_of,
        counters: cards,
        key_slots,
    };
    json::print(out, &doc)
}
