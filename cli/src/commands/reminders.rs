//! `oneday reminders`: the milestone notifications a shell would schedule.

use std::io::Write;

use chrono::NaiveDate;
use oneday_core::cleantime::{Reminder, ReminderWindow};
use oneday_core::date::parse_time;
use oneday_core::screens::{self, TodayOptions};
use serde::Serialize;

use crate::args::RemindersArgs;
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

/// Lists the reminders of every counter from `--as-of` through `--days` ahead, in core's order
/// (by date, then time).
pub fn run(args: &RemindersArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let at = parse_time(&args.at)?;
    let vault = session::open(store)?;
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let options = TodayOptions {
        include_archived: false,
        reminders: ReminderWindow {
            horizon_days: args.days,
            at,
        },
    };
    let reminders: Vec<Reminder> = screens::today(&vault, as_of, options)?
        .reminders
        .into_iter()
        .map(|r| r.reminder)
        .collect();
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
