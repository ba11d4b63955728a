//! `oneday crisis [--region CC] [--json]`: the bundled crisis lines, emergency numbers and national
//! drug and alcohol helplines of a country, each with the page it was checked against, what kind of
//! page that is, and when. The helplines are listed apart: one tap never calls them.
//!
//! The country is `--region`, else the region set with `oneday contacts region`. Without either, or
//! for a country the table does not cover, it says to call the local emergency number and guesses
//! no number. `--region` needs no store: the table is public data.

use std::io::Write;

use chrono::NaiveDate;
use clap::Args;
use oneday_core::support::crisis::{self, Country, CrisisLine, SourceKind, MAX_AGE_DAYS};
use oneday_core::support::sms::sms_uri;
use oneday_core::support::{region, Region};
use serde::Serialize;

use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::session;
use crate::store_dir::StoreDir;
use crate::today;

/// `oneday crisis`.
#[derive(Debug, Args)]
pub struct CrisisArgs {
    /// The country, as a two-letter ISO 3166-1 code such as US, GB, IE or DE (default: your region).
    #[arg(long, value_name = "CC")]
    pub region: Option<String>,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What to tell someone the table has nothing for.
const LOCAL_EMERGENCY: &str = "Call your local emergency number.";

/// Runs `oneday crisis`. `store` is resolved only when no `--region` is given.
pub fn run(
    args: &CrisisArgs,
    store: impl FnOnce() -> Result<StoreDir, CliError>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let chosen = match &args.region {
        Some(code) => Some(Region::parse(code)?),
        None => region::get(&session::open(&store()?)?)?,
    };
    let country = match &chosen {
        Some(r) => crisis::country(r)?,
        None => None,
    };
    let today = today::resolve(None)?;
    if args.json {
        return json::print(out, &CrisisDoc::new(chosen.as_ref(), country, today));
    }
    match (&chosen, country) {
        (None, _) => {
            writeln!(out, "No region is set. {LOCAL_EMERGENCY}")?;
            writeln!(
                out,
                "Pass --region CC, or set your region with `oneday contacts region CC`."
            )?;
        }
        (Some(r), None) => {
            writeln!(
                out,
                "One Day has no crisis lines for {r} yet. {LOCAL_EMERGENCY}"
            )?;
        }
        (Some(r), Some(c)) => print_country(out, r, c, today)?,
    }
    Ok(())
}

fn print_country(
    out: &mut impl Write,
    r: &Region,
    c: &Country,
    today: NaiveDate,
) -> Result<(), CliError> {
    writeln!(out, "Crisis lines, {} ({r}):", c.name)?;
    print_lines(out, &c.lines, today)?;
    writeln!(out, "Emergency:")?;
    for e in &c.emergency {
        writeln!(
            out,
            "  {}: {} <{}>",
            e.display,
            e.services,
            e.dial.tel_uri()
        )?;
        writeln!(
            out,
            "    {}",
            checked(&e.source_url, e.source_kind, e.last_verified, today)
        )?;
    }
    if !c.drug_alcohol_helplines.is_empty() {
        writeln!(out, "Drug and alcohol helplines (not part of one tap):")?;
        print_lines(out, &c.drug_alcohol_helplines, today)?;
    }
    Ok(())
}

/// Each line: its name and hours, how to reach it, and where it was checked.
fn print_lines(
    out: &mut impl Write,
    lines: &[CrisisLine],
    today: NaiveDate,
) -> Result<(), CliError> {
    for l in lines {
        let mut ways = Vec::new();
        if let Some(p) = &l.phone {
            ways.push(format!("call {} <{}>", p.display, p.dial.tel_uri()));
        }
        for n in &l.other_numbers {
            ways.push(format!("or {} <{}>", n.display, n.dial.tel_uri()));
        }
        if let Some(s) = &l.sms {
            let keyword = s
                .keyword
                .as_deref()
                .map(|k| format!(" \"{k}\""))
                .unwrap_or_default();
            ways.push(format!(
                "text{keyword} to {} <{}>",
                s.display,
                sms_uri(&s.dial, s.keyword.as_deref())
            ));
        }
        if let Some(chat) = &l.chat_url {
            ways.push(format!("chat {chat}"));
        }
        let hours = l
            .hours
            .as_deref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        writeln!(out, "  {}{hours}: {}", l.name, ways.join(", "))?;
        writeln!(
            out,
            "    {}",
            checked(&l.source_url, l.source_kind, l.last_verified, today)
        )?;
    }
    Ok(())
}

fn checked(source: &str, kind: SourceKind, on: NaiveDate, today: NaiveDate) -> String {
    let stale = if crisis::is_stale(on, today, MAX_AGE_DAYS) {
        " (may be out of date)"
    } else {
        ""
    };
    format!(
        "checked against {source} ({} page) on {on}{stale}",
        kind.as_str()
    )
}

/// `oneday crisis --json`.
#[derive(Debug, Serialize)]
struct CrisisDoc {
    schema_version: u32,
    region: Option<String>,
    status: &'static str,
    country: Option<String>,
    local_emergency: Option<&'static str>,
    lines: Vec<LineJson>,
    emergency: Vec<EmergencyJson>,
    drug_alcohol_helplines: Vec<LineJson>,
}

#[derive(Debug, Serialize)]
struct LineJson {
    name: String,
    number: Option<String>,
    tel_uri: Option<String>,
    other_numbers: Vec<String>,
    sms_number: Option<String>,
    sms_uri: Option<String>,
    chat_url: Option<String>,
    hours: Option<String>,
    source_kind: SourceKind,
    source_url: String,
    last_verified: NaiveDate,
    stale: bool,
}

#[derive(Debug, Serialize)]
struct EmergencyJson {
    number: String,
    services: String,
    tel_uri: String,
    source_kind: SourceKind,
    source_url: String,
    last_verified: NaiveDate,
    stale: bool,
}

impl CrisisDoc {
    fn new(region: Option<&Region>, country: Option<&Country>, today: NaiveDate) -> Self {
        let status = match (region, country) {
            (None, _) => "not_set",
            (Some(_), None) => "not_in_table",
            (Some(_), Some(_)) => "covered",
        };
        let stale = |on| crisis::is_stale(on, today, MAX_AGE_DAYS);
        CrisisDoc {
            schema_version: SCHEMA_VERSION,
            region: region.map(ToString::to_string),
            status,
            country: country.map(|c| c.name.clone()),
            local_emergency: country.is_none().then_some(LOCAL_EMERGENCY),
            lines: country
                .iter()
                .flat_map(|c| &c.lines)
                .map(|l| LineJson::new(l, today))
                .collect(),
            drug_alcohol_helplines: country
                .iter()
                .flat_map(|c| &c.drug_alcohol_helplines)
                .map(|l| LineJson::new(l, today))
                .collect(),
            emergency: country
                .iter()
                .flat_map(|c| &c.emergency)
                .map(|e| EmergencyJson {
                    number: e.display.clone(),
                    services: e.services.clone(),
                    tel_uri: e.dial.tel_uri(),
                    source_kind: e.source_kind,
                    source_url: e.source_url.clone(),
                    last_verified: e.last_verified,
                    stale: stale(e.last_verified),
                })
                .collect(),
        }
    }
}

impl LineJson {
    fn new(l: &CrisisLine, today: NaiveDate) -> Self {
        LineJson {
            name: l.name.clone(),
            number: l.phone.as_ref().map(|p| p.display.clone()),
            tel_uri: l.tel_uri(),
            other_numbers: l.other_numbers.iter().map(|n| n.display.clone()).collect(),
            sms_number: l.sms.as_ref().map(|s| s.display.clone()),
            sms_uri: l.sms_uri(),
            chat_url: l.chat_url.clone(),
            hours: l.hours.clone(),
            source_kind: l.source_kind,
            source_url: l.source_url.clone(),
            last_verified: l.last_verified,
            stale: crisis::is_stale(l.last_verified, today, MAX_AGE_DAYS),
        }
    }
}
