//! `oneday meetings ...`: import, search, save, unsave, note, next, attend, attendance, export-ics.
//!
//! The user's zone for `next` is `--zone`, else `$TZ` (an IANA name), else the system's zone; when
//! none of them names an IANA zone the command asks for `--zone` instead of assuming UTC.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;
use oneday_core::date::parse_date;
use oneday_core::meetings::attendance::AttendanceCount;
use oneday_core::meetings::store::{self, MeetingRecord, MeetingStoreError, Upcoming};
use oneday_core::meetings::{
    parse_feed, AttendanceMode, FeedFormat, ImportOptions, ImportReport, Meeting, MeetingFilter,
    MeetingKey, MeetingZone, MergeCounts, Openness,
};
use oneday_core::vault::{RecordId, Vault};
use serde::Serialize;

use crate::args::{DayArg, FeedFormatArg, MeetingsCommand, MeetingsNextArgs, ModeArg};
use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
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
    // Refuse a URL before touching the store, so the message is the same with or without one.
    if let MeetingsCommand::Import(args) = command {
        if is_url(&args.file) {
            return Err(CliError::UrlNotSupported);
        }
    }
    let vault = session::open(store)?;
    match command {
        MeetingsCommand::Import(args) => {
            let bytes = read_file(Path::new(&args.file))?;
            let zone = args.zone.as_deref().map(parse_zone).transpose()?;
            let source = match &args.source {
                Some(s) => s.clone(),
                None => Path::new(&args.file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "meetings".to_owned()),
            };
            let mut options = ImportOptions::new(source.clone());
            options.default_zone = zone;
            let bmlt_formats = args.formats.as_deref().map(read_file).transpose()?;
            let format = match args.format {
                FeedFormatArg::MeetingGuide => FeedFormat::MeetingGuide,
                FeedFormatArg::Bmlt => FeedFormat::Bmlt,
            };
            let parsed = parse_feed(format, &bytes, bmlt_formats.as_deref(), &options)?;
            let outcome = store::import(&vault, parsed, &source, zone)?;
            print_import(out, &source, &outcome.counts, &outcome.report, args.json)?;
        }
        MeetingsCommand::Search(args) => {
            let filter = MeetingFilter {
                weekdays: (!args.day.is_empty())
                    .then(|| args.day.iter().map(|d| weekday(*d)).collect()),
                modes: (!args.mode.is_empty())
                    .then(|| args.mode.iter().map(|m| mode(*m)).collect()),
                openness: if args.open {
                    Some(Openness::Open)
                } else if args.closed {
                    Some(Openness::Closed)
                } else {
                    None
                },
                types: args.types.clone(),
                text: args.text.clone(),
                ..MeetingFilter::default()
            };
            let found = store::search(&vault, &filter, args.saved)?;
            if args.json {
                return json::print(
                    out,
                    &SearchDoc {
                        schema_version: SCHEMA_VERSION,
                        meetings: found.iter().map(MeetingJson::new).collect(),
                    },
                );
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
                return json::print(
                    out,
                    &AttendanceDoc {
                        schema_version: SCHEMA_VERSION,
                        as_of,
                        days: args.days,
                        count,
                    },
                );
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

fn is_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::FeedFile(path.to_path_buf(), e))
}

fn parse_zone(name: &str) -> Result<Tz, CliError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| CliError::UnknownZone(name.to_owned()))
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

fn weekday(d: DayArg) -> Weekday {
    match d {
        DayArg::Mon => Weekday::Mon,
        DayArg::Tue => Weekday::Tue,
        DayArg::Wed => Weekday::Wed,
        DayArg::Thu => Weekday::Thu,
        DayArg::Fri => Weekday::Fri,
        DayArg::Sat => Weekday::Sat,
        DayArg::Sun => Weekday::Sun,
    }
}

fn mode(m: ModeArg) -> AttendanceMode {
    match m {
        ModeArg::InPerson => AttendanceMode::InPerson,
        ModeArg::Online => AttendanceMode::Online,
        ModeArg::Hybrid => AttendanceMode::Hybrid,
        ModeArg::Phone => AttendanceMode::PhoneOnly,
        ModeArg::Closed => AttendanceMode::TemporarilyClosed,
    }
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
        return json::print(
            out,
            &ImportDoc {
                schema_version: SCHEMA_VERSION,
                source,
                counts: *counts,
                summary: report.summary(),
                report,
            },
        );
    }
    writeln!(
        out,
        "Imported {source}: {} record(s), {} kept, {} skipped, {} repaired, {} duplicate(s).",
        report.records,
        report.kept,
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
            let local = NaiveDateTime::parse_from_str(at.trim(), "%Y-%m-%d %H:%M")
                .map_err(|_| CliError::BadDateTime(at.clone()))?;
            oneday_core::meetings::next::place(zone, local.date(), local.time()).0
        }
        None => Utc::now().with_timezone(&zone),
    };
    let found = store::next(
        vault,
        from,
        args.count,
        &MeetingFilter::default(),
        !args.all,
    )?;
    if args.json {
        return json::print(out, &NextDoc::new(from, zone, &found));
    }
    if found.occurrences.is_empty() {
        if args.all {
            writeln!(out, "No upcoming meetings.")?;
        } else {
            writeln!(
                out,
                "No upcoming saved meetings (`oneday meetings save ID`, or --all)."
            )?;
        }
    }
    for o in &found.occurrences {
        let there = if o.start.timezone() == zone {
            String::new()
        } else {
            format!(
                "  ({} {})",
                o.start.format("%a %H:%M"),
                o.start.timezone().name()
            )
        };
        let id = o.id.to_string();
        writeln!(
            out,
            "{}{there}  {}  {}",
            o.start_user.format("%a %Y-%m-%d %H:%M"),
            id.get(..8).unwrap_or(&id),
            o.stored.meeting.name
        )?;
    }
    if !found.zone_unknown.is_empty() {
        writeln!(
            out,
            "{} meeting(s) have no time zone; re-import their list with --zone.",
            found.zone_unknown.len()
        )?;
    }
    Ok(())
}

/// `oneday meetings import --json`.
#[derive(Debug, Serialize)]
struct ImportDoc<'a> {
    schema_version: u32,
    source: &'a str,
    counts: MergeCounts,
    summary: BTreeMap<String, usize>,
    report: &'a ImportReport,
}

/// One meeting in `oneday meetings search --json`.
#[derive(Debug, Serialize)]
struct MeetingJson<'a> {
    id: String,
    key: String,
    saved: bool,
    note: Option<&'a str>,
    vanished_upstream: bool,
    attended: Vec<NaiveDate>,
    meeting: &'a Meeting,
}

impl<'a> MeetingJson<'a> {
    fn new(r: &'a MeetingRecord) -> Self {
        MeetingJson {
            id: r.id.to_string(),
            key: r.stored.meeting.key.to_string(),
            saved: r.stored.user.saved,
            note: r.stored.user.note.as_deref(),
            vanished_upstream: r.stored.vanished_upstream,
            attended: r.stored.user.attended.iter().copied().collect(),
            meeting: &r.stored.meeting,
        }
    }
}

/// `oneday meetings search --json`.
#[derive(Debug, Serialize)]
struct SearchDoc<'a> {
    schema_version: u32,
    meetings: Vec<MeetingJson<'a>>,
}

/// One occurrence in `oneday meetings next --json`.
#[derive(Debug, Serialize)]
struct OccurrenceJson<'a> {
    id: String,
    key: String,
    name: &'a str,
    saved: bool,
    start: String,
    start_zone: &'static str,
    start_user: String,
    end: Option<String>,
    zone_from: &'static str,
    moved_by_dst_gap: bool,
    attendance: AttendanceMode,
    vanished_upstream: bool,
}

/// `oneday meetings next --json`.
#[derive(Debug, Serialize)]
struct NextDoc<'a> {
    schema_version: u32,
    from: String,
    user_zone: &'static str,
    occurrences: Vec<OccurrenceJson<'a>>,
    zone_unknown: Vec<String>,
    by_appointment: usize,
}

impl<'a> NextDoc<'a> {
    fn new(from: DateTime<Tz>, zone: Tz, found: &'a Upcoming) -> Self {
        NextDoc {
            schema_version: SCHEMA_VERSION,
            from: from.to_rfc3339(),
            user_zone: zone.name(),
            occurrences: found
                .occurrences
                .iter()
                .map(|o| OccurrenceJson {
                    id: o.id.to_string(),
                    key: o.stored.meeting.key.to_string(),
                    name: &o.stored.meeting.name,
                    saved: o.stored.user.saved,
                    start: o.start.to_rfc3339(),
                    start_zone: o.start.timezone().name(),
                    start_user: o.start_user.to_rfc3339(),
                    end: o.end.map(|e| e.to_rfc3339()),
                    zone_from: match o.zone {
                        MeetingZone::Feed(_) => "feed",
                        MeetingZone::SourceDefault(_) => "source_default",
                        MeetingZone::Unknown => "unknown",
                    },
                    moved_by_dst_gap: o.moved_by_dst_gap,
                    attendance: o.stored.meeting.attendance,
                    vanished_upstream: o.stored.vanished_upstream,
                })
                .collect(),
            zone_unknown: found
                .zone_unknown
                .iter()
                .map(MeetingKey::to_string)
                .collect(),
            by_appointment: found.by_appointment,
        }
    }
}

/// `oneday meetings attendance --json`.
#[derive(Debug, Serialize)]
struct AttendanceDoc {
    schema_version: u32,
    as_of: NaiveDate,
    days: u32,
    count: AttendanceCount,
}
