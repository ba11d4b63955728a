//! `oneday cleantime`: the stateless calculator.

use std::io::Write;

use oneday_core::cleantime::{CleanTime, CountingMode};
use oneday_core::date::parse_date;

use crate::args::{CleantimeArgs, ProfileArg};
use crate::error::CliError;
use crate::json::{self, CleanTimeDoc, CleanTimeJson, SCHEMA_VERSION};
use crate::secrets::text_or_stdin;
use crate::{render, today};

/// Computes and prints clean time since `--since`.
pub fn run(args: &CleantimeArgs, out: &mut impl Write) -> Result<(), CliError> {
    let since = parse_date(&text_or_stdin(&args.since, "Clean date (YYYY-MM-DD): ")?)?;
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let counting = if args.day_one {
        CountingMode::TodayIsDayOne
    } else {
        CountingMode::CompletedDays
    };
    let ct = CleanTime::compute(since, as_of, counting, &args.profile.profile(), None)?;
    if args.read.json {
        let doc = CleanTimeDoc {
            schema_version: SCHEMA_VERSION,
            since,
            profile: match args.profile {
                ProfileArg::Na => "na",
                ProfileArg::Aa => "aa",
            },
            clean_time: CleanTimeJson::new(&ct, counting),
        };
        json::print(out, &doc)?;
    } else {
        render::clean_time_card(out, &format!("Clean time as of {as_of}"), &ct)?;
    }
    Ok(())
}
