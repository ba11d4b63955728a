//! `oneday reminders`: the milestone notifications a shell would schedule.

use std::io::Write;

use chrono::NaiveDate;
use oneday_core::cleantime::Reminder;
use oneday_core::date::parse_time;
use serde::Serialize;

use crate::args::RemindersArgs;
use crate::commands::counter::visible;
use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::store_dir::StoreDir;
use crate::{session, today};

#[derive(Serialize)]
struct RemindersDoc {
    schema_version: u32,
    as_of: NaiveDate,
    reminders: Vec<Reminder>,
}

/// Lists the reminders of every counter from `--as-of` through `--days` ahead, oldest first.
pub fn run(args: &RemindersArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let at = parse_time(&args.at)?;
    let vault = session::open(store)?;
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let mut reminders = Vec::new();
    for c in visible(&vault, false)? {
        reminders.extend(c.counter.upcoming_reminders(as_of, args.days, at)?);
    }
    reminders.sort_by_key(|r| (r.date, r.time));
    if args.read.json {
        let doc = RemindersDoc {
            schema_version: SCHEMA_VERSION,
            as_of,
            reminders,
        };
        return json::print(out, &doc);
    }
    if reminders.is_empty() {
        writeln!(out, "No milestones in the next {} days.", args.days)?;
    }
    for r in &reminders {
        writeln!(
            out,
            "{} {}  {}: {}",
            r.date,
            r.time.format("%H:%M"),
            r.title,
            r.body
        )?;
    }
    Ok(())
}
