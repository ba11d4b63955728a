//! `oneday meetings ...`: import (a file or a URL), search, save, unsave, note, next, remind,
//! attend, attendance, export-ics.
//!
//! The user's zone for `next` is `--zone`, else `$TZ` (an IANA name), else the system's zone; when
//! none of them names an IANA zone the command asks for `--zone` instead of assuming UTC.

pub mod args;
pub mod fetch;
mod filter;
mod json_docs;
mod progress;

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use oneday_core::date::parse_date;
use oneday_core::input::{self, InputError};
use oneday_core::meetings::store::{self, MeetingRecord, MeetingStoreError};
use oneday_core::meetings::{
    parse_feed, zone_name, FeedFormat, ImportOptions, ImportReport, Meeting, MeetingPlace,
    MeetingsError, MeetingsScreen, MergeCounts, ReminderChoice, MAX_FEED_BYTES,
};
use oneday_core::vault::{RecordId, Vault};

use self::args::{FeedFormatArg, MeetingsCommand, MeetingsImportArgs, MeetingsNextArgs};
use self::json_docs::{AttendanceDoc, ImportDoc, NextDoc, SearchDoc};
use self::progress::Progress;
use crate::error::CliError;
use crate::json;
use crate::secrets::text_or_stdin;
use crate::session;
use crate::store_dir::StoreDir;
use crate::today;

/// Runs one `meetings` subcommand.
pub fn run(
    command: &MeetingsCommand,
    store: &StoreDir,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let vault = session::open(store)?;
    match command {
        MeetingsCommand::Import(args) => import(&vault, args, out)?,
        MeetingsCommand::Search(args) => {
            let filter = filter::to_filter(&args.filter)?;
            let found = store::search(&vault, &filter, args.saved)?;
            if args.json {
                return json::print(out, &SearchDoc::new(&found));
            }
            for r in &found {
                writeln!(out, "{}  {}", r.id, line(&r.stored.meeting))?;
                let mut flags = Vec::new();
                if r.stored.user.saved {
                    flags.push("saved".to_owned());
                }
                if r.stored.vanished_upstream {
                    flags.push("no longer listed".to_owned());
                }
                if let ReminderChoice::MinutesBefore { minutes } = r.stored.user.reminder {
                    flags.push(format!("reminder {minutes} min before"));
                }
                if let Some(n) = &r.stored.user.note {
                    flags.push(format!("note: {n}"));
                }
                if !flags.is_empty() {
                    writeln!(out, "    ({})", flags.join("; "))?;
                }
            }
            writeln!(out, "{} meeting(s).", found.len())?;
        }
        MeetingsCommand::Save(args) => {
            let found = find(&vault, &args.id)?;
            store::set_saved(&vault, &found.id, true)?;
            writeln!(out, "Saved {}.", found.stored.meeting.name)?;
        }
        MeetingsCommand::Unsave(args) => {
            let found = find(&vault, &args.id)?;
            store::set_saved(&vault, &found.id, false)?;
            writeln!(out, "Unsaved {}.", found.stored.meeting.name)?;
        }
        MeetingsCommand::Note(args) => {
            let found = find(&vault, &args.id)?;
            let text = text_or_stdin(&args.text, "Note: ")?;
            let saved = store::set_note(&vault, &found.id, Some(text))?;
            if saved.user.note.is_some() {
                writeln!(out, "Note saved.")?;
            } else {
                writeln!(out, "Note removed.")?;
            }
        }
        MeetingsCommand::Next(args) => next(&vault, args, out)?,
        MeetingsCommand::Remind(args) => {
            let found = find(&vault, &args.id)?;
            let choice = match args.minutes {
                Some(minutes) => ReminderChoice::MinutesBefore { minutes },
                None => ReminderChoice::Off,
            };
            let saved = store::set_reminder(&vault, &found.id, choice)?;
            match saved.user.reminder {
                ReminderChoice::Off => writeln!(out, "Reminder off: {}.", saved.meeting.name)?,
                ReminderChoice::MinutesBefore { minutes } => writeln!(
                    out,
                    "Reminder set: {minutes} minute(s) before {}.",
                    saved.meeting.name
                )?,
            }
        }
        MeetingsCommand::Attend(args) => {
            let found = find(&vault, &args.id)?;
            let date = match &args.date {
                Some(d) => parse_date(d)?,
                None => today::resolve(None)?,
            };
            if store::mark_attended(&vault, &found.id, date)? {
                writeln!(out, "Recorded: {} on {date}.", found.stored.meeting.name)?;
            } else {
                writeln!(
                    out,
                    "Already recorded: {} on {date}.",
                    found.stored.meeting.name
                )?;
            }
        }
        MeetingsCommand::Attendance(args) => {
            let as_of = today::resolve(args.read.as_of.as_deref())?;
            let count = store::attendance_count(&vault, as_of, args.days)?;
            if args.read.json {
                return json::print(out, &AttendanceDoc::new(as_of, args.days, count));
            }
            writeln!(
                out,
                "{} meeting(s) on {} day(s) in the last {} days ({} to {}).",
                count.meetings, count.days_with_a_meeting, args.days, count.from, count.to
            )?;
        }
        MeetingsCommand::ExportIcs(args) => {
            let mut ids: Vec<RecordId> = Vec::with_capacity(args.ids.len());
            for id in &args.ids {
                ids.push(find(&vault, id)?.id);
            }
            let cal = store::export_ics(&vault, &ids, Utc::now())?;
            out.write_all(cal.as_bytes())?;
        }
    }
    Ok(())
}

/// `oneday meetings import`: read or download the list, parse it in the core, seal it.
fn import(vault: &Vault, args: &MeetingsImportArgs, out: &mut impl Write) -> Result<(), CliError> {
    let zone = args.zone.as_deref().map(parse_zone).transpose()?;
    let source = match &args.source {
        Some(s) => s.clone(),
        None => default_source(&args.file)?,
    };
    let progress = Progress::new(args.json);
    let bytes = read_list(&args.file, progress)?;
    let bmlt_formats = args
        .formats
        .as_deref()
        .map(|f| read_list(f, progress))
        .transpose()?;
    let mut options = ImportOptions::new(source.clone());
    options.default_zone = zone;
    let format = match args.format {
        FeedFormatArg::MeetingGuide => FeedFormat::MeetingGuide,
        FeedFormatArg::Bmlt => FeedFormat::Bmlt,
    };
    let parsed = parse_feed(format, &bytes, bmlt_formats.as_deref(), &options)?;
    drop(bytes);
    let bar = progress.sealing(parsed.meetings.len());
    let outcome =
        store::import_with_progress(vault, parsed, &source, zone, args.replace, &mut |p| {
            bar.sealing(p)
        })?;
    drop(bar);
    print_import(out, &source, &outcome.counts, &outcome.report, args.json)
}

/// The name of a list when `--source` is not given: a file's name without its extension, or a
/// URL's host name.
fn default_source(list: &str) -> Result<String, CliError> {
    if fetch::is_url(list) {
        return Ok(fetch::host_of(list)?);
    }
    Ok(Path::new(list)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "meetings".to_owned()))
}

/// The bytes of a list: downloaded when `list` is an http(s) URL, else read from the file.
fn read_list(list: &str, progress: Progress) -> Result<Vec<u8>, CliError> {
    if fetch::is_url(list) {
        let bar = progress.download();
        return Ok(fetch::download(list, &mut |bytes, length| {
            bar.downloaded(bytes, length);
        })?);
    }
    read_file(Path::new(list))
}

/// A list from a file, device or pipe, read through core's bounded reader: refused as soon as it
/// passes [`MAX_FEED_BYTES`], so `/dev/zero` is refused with memory bounded by the limit.
fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    let failed = |e| CliError::FeedFile(path.to_path_buf(), e);
    let file = std::fs::File::open(path).map_err(failed)?;
    input::read_bounded(file, MAX_FEED_BYTES).map_err(|e| match e {
        InputError::TooLarge { limit } => CliError::Meetings(MeetingsError::FeedTooLarge {
            size: limit + 1,
            max: limit,
        }),
        InputError::Io(e) => failed(e),
    })
}

/// An IANA zone name in any letter case.
fn parse_zone(name: &str) -> Result<Tz, CliError> {
    zone_name::parse_zone(name).ok_or_else(|| CliError::UnknownZone(name.to_owned()))
}

/// The user's zone: `--zone`, else `$TZ` when it is an IANA name, else the system's zone.
fn user_zone(given: Option<&str>) -> Result<Tz, CliError> {
    if let Some(z) = given {
        return parse_zone(z);
    }
    if let Ok(tz) = std::env::var("TZ") {
        let name = tz.trim().trim_start_matches(':');
        if let Ok(zone) = name.parse::<Tz>() {
            return Ok(zone);
        }
    }
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|z| z.parse::<Tz>().ok())
        .ok_or(CliError::NoLocalZone)
}

/// The meeting `query` names, with the query in the error message.
fn find(vault: &Vault, query: &str) -> Result<MeetingRecord, CliError> {
    store::find(vault, query).map_err(|e| match e {
        MeetingStoreError::NotFound => CliError::NoSuchMeeting(query.to_owned()),
        MeetingStoreError::Ambiguous => CliError::AmbiguousMeeting(query.to_owned()),
        other => other.into(),
    })
}

/// One line about a meeting: days, time, zone, name.
fn line(m: &Meeting) -> String {
    let days: Vec<String> = m
        .schedule
        .weekdays()
        .iter()
        .map(ToString::to_string)
        .collect();
    let when = match m.schedule.start() {
        Some(t) => format!("{} {}", days.join(","), t.format("%H:%M")),
        None => "by appointment".to_owned(),
    };
    let zone = m.zone.tz().map_or("zone unknown", |tz| tz.name());
    format!("{when} ({zone})  {}", m.name)
}

fn print_import(
    out: &mut impl Write,
    source: &str,
    counts: &MergeCounts,
    report: &ImportReport,
    as_json: bool,
) -> Result<(), CliError> {
    if as_json {
        return json::print(out, &ImportDoc::new(source, *counts, report));
    }
    writeln!(
        out,
        "Imported {source}: {} meeting(s) from {} record(s) ({} skipped, {} repaired, {} duplicate(s)).",
        report.kept,
        report.records,
        report.skipped.len(),
        report.repaired_records(),
        report.duplicates.len()
    )?;
    writeln!(
        out,
        "Store: {} added, {} updated, {} unchanged, {} no longer listed ({} kept for your data).",
        counts.added, counts.updated, counts.unchanged, counts.vanished, counts.vanished_kept
    )?;
    for (what, n) in report.summary() {
        writeln!(out, "  {n} × {what}")?;
    }
    Ok(())
}

fn next(vault: &Vault, args: &MeetingsNextArgs, out: &mut impl Write) -> Result<(), CliError> {
    let zone = user_zone(args.zone.as_deref())?;
    let from: DateTime<Tz> = match &args.at {
        Some(at) => {
            let local = oneday_core::date::parse_date_time(at.trim())?;
            oneday_core::meetings::next::place(zone, local.date(), local.time()).0
        }
        None => Utc::now().with_timezone(&zone),
    };
    let filter = filter::to_filter(&args.filter)?;
    let found = store::upcoming(vault, from, args.count, &filter, !args.all)?;
    if args.json {
        return json::print(out, &NextDoc::new(from, zone, &found));
    }
    print_next(out, zone, &found, args.all, IdColumn::Shown)
}

/// Whether [`print_next`] shows the first digits of each meeting's record id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdColumn {
    /// As `oneday meetings next` does, so the user can name the meeting in the next command.
    Shown,
    /// For output that must not change from run to run (ids are random).
    Hidden,
}

/// `oneday meetings next` as text: one line per meeting with its next start in the user's `zone`
/// (with the meeting's own time when its zone differs), where it is (and whether it is closed), its
/// reminder, and the lists without a zone. `all` says whether every meeting was asked for, not only
/// the saved ones.
pub(crate) fn print_next(
    out: &mut impl Write,
    zone: Tz,
    found: &MeetingsScreen,
    all: bool,
    ids: IdColumn,
) -> Result<(), CliError> {
    if found.rows.is_empty() {
        if all {
            writeln!(out, "No upcoming meetings.")?;
        } else {
            writeln!(
                out,
                "No upcoming saved meetings (`oneday meetings save ID`, or --all)."
            )?;
        }
    }
    for row in &found.rows {
        let o = &row.next;
        let there = if o.start.timezone() == zone {
            String::new()
        } else {
            format!(
                "  ({} {})",
                o.start.format("%a %H:%M"),
                o.start.timezone().name()
            )
        };
        let id = match ids {
            IdColumn::Shown => {
                let id = o.id.to_string();
                format!("  {}", id.get(..8).unwrap_or(&id))
            }
            IdColumn::Hidden => String::new(),
        };
        writeln!(
            out,
            "{}{there}{id}  {}",
            o.start_user.format("%a %Y-%m-%d %H:%M"),
            o.stored.meeting.name
        )?;
        let place = match &row.place {
            MeetingPlace::Address(address) => Some(address.as_str()),
            MeetingPlace::Online => Some("online"),
            MeetingPlace::Unknown => None,
        };
        let closed = if row.temporarily_closed {
            Some("closed for now")
        } else if row.closed {
            Some("closed meeting")
        } else {
            None
        };
        let about: Vec<&str> = place.into_iter().chain(closed).collect();
        if !about.is_empty() {
            writeln!(out, "    {}", about.join(" · "))?;
        }
        if o.moved_by_dst_gap {
            if let Some(listed) = o.stored.meeting.schedule.start() {
                writeln!(
                    out,
                    "    moved by the clock change: {} does not exist that night, so it starts at {}",
                    listed.format("%H:%M"),
                    o.start.format("%H:%M %Z")
                )?;
            }
        }
        if let Some(at) = o.remind_at {
            let when = if at.date_naive() == o.start_user.date_naive() {
                at.format("%H:%M")
            } else {
                at.format("%a %Y-%m-%d %H:%M")
            };
            writeln!(out, "    reminder at {when}")?;
        }
    }
    for list in &found.lists_without_zone {
        writeln!(
            out,
            "{} meeting(s) of the list {} have no time zone; re-import the list with --zone.",
            list.meetings.len(),
            list.source
        )?;
    }
    Ok(())
}
