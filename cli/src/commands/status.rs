//! `oneday status`: the dashboard of every counter, core's Today screen.

use std::io::Write;

use oneday_core::screens::{self, TodayOptions, TodayScreen};

use crate::args::StatusArgs;
use crate::error::CliError;
use crate::json::{self, CounterJson, DashboardDoc, KeySlotsJson, SCHEMA_VERSION};
use crate::store_dir::StoreDir;
use crate::{render, session, today};

/// Prints the dashboard from the store.
pub fn run(args: &StatusArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let options = TodayOptions {
        include_archived: args.all,
        ..TodayOptions::default()
    };
    let screen = screens::today(&vault, as_of, options)?;
    if args.read.json {
        let key_slots = vault.key_slot_health()?.into();
        return print_json(out, &screen, Some(key_slots));
    }
    print_dashboard(out, &screen)
}

/// The dashboard as text: a card per counter.
pub fn print_dashboard(out: &mut impl Write, screen: &TodayScreen) -> Result<(), CliError> {
    if screen.cards.is_empty() {
        writeln!(
            out,
            "No counters yet. Add one with `oneday counter add NAME --since YYYY-MM-DD`."
        )?;
    }
    for (n, card) in screen.cards.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        render::clean_time_card(out, &card.settings.label, &card.clean_time)?;
        render::stats_line(out, &card.stats)?;
    }
    Ok(())
}

/// The dashboard as JSON (docs/cli-json.md); `key_slots` only from a real store.
pub fn print_json(
    out: &mut impl Write,
    screen: &TodayScreen,
    key_slots: Option<KeySlotsJson>,
) -> Result<(), CliError> {
    let doc = DashboardDoc {
        schema_version: SCHEMA_VERSION,
        as_of: screen.today,
        counters: screen.cards.iter().map(CounterJson::of_card).collect(),
        key_slots,
    };
    json::print(out, &doc)
}
