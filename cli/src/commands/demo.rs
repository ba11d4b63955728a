//! `oneday demo`: the whole product on sample data in a throwaway encrypted store, with no set-up
//! and nothing kept afterwards: the counters dashboard, who one tap would call, the next saved
//! meetings, and a week of check-ins.
//!
//! Every section goes through the same core calls and the same printing functions as the real
//! command (`status`, `call`, `meetings next`, `trends`). Everything depends only on `--as-of`:
//! the meetings are shown in a fixed zone at a fixed local time, never the computer's, so the demo
//! prints the same on every machine. `--json` prints the dashboard's JSON only.

use std::io::Write;

use chrono::{Days, Months, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use oneday_core::checkins::{self, CheckIn, Sleep};
use oneday_core::cleantime::{
    self, ChipColour, Counter, CounterKind, CounterSettings, CountingMode, CustomMilestone,
    MilestoneProfile, Money, Span,
};
use oneday_core::meetings::{self, parse_feed, FeedFormat, ImportOptions, MeetingFilter};
use oneday_core::support::one_tap::Channel;
use oneday_core::support::{self, region, ContactInput, ContactRole, Region};
use oneday_core::vault::{DeviceKey, KdfParams, Vault};

use crate::args::DemoArgs;
use crate::commands::meetings::IdColumn;
use crate::commands::{call, checkins as checkin_commands, meetings as meeting_commands, status};
use crate::error::CliError;
use crate::today;

/// The project's own small Meeting Guide sample list (the one the core's import tests read).
const SAMPLE_FEED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/meetings/meeting-guide-sample.json"
));
/// The source name the sample list is imported under (what `meetings import FILE` would pick).
const SAMPLE_SOURCE: &str = "meeting-guide-sample";
/// The meetings the demo saves, by key.
const SAVED_MEETINGS: [&str; 2] = [
    "meeting-guide-sample/sunrise-serenity",
    "meeting-guide-sample/night-owls",
];
/// The demo user's zone: the one most of the sample meetings name, never the computer's.
const DEMO_ZONE: Tz = chrono_tz::America::Chicago;
/// "Now" on the `--as-of` day, in [`DEMO_ZONE`], for the next meetings.
const DEMO_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};
/// How many upcoming meetings the demo shows.
const NEXT_MEETINGS: usize = 3;
/// How many days of check-ins the demo records and charts, ending on `--as-of`.
const WEEK: u32 = 7;

/// Builds the sample data in a throwaway vault, prints it for `--as-of`, and wipes the vault,
/// also when a step failed.
pub fn run(args: &DemoArgs, out: &mut impl Write) -> Result<(), CliError> {
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let scratch = tempfile::tempdir().map_err(CliError::KeyFile)?;
    let dir = scratch.path().join("store");
    // A throwaway store whose recovery code is never shown: the cheapest KDF allowed will do.
    let (vault, _code) = Vault::create(&dir, &DeviceKey::generate()?, KdfParams::MINIMUM)?;
    let shown = show(&vault, as_of, args.read.json, out);
    drop(vault);
    let wiped = Vault::wipe(&dir);
    shown?;
    wiped?;
    Ok(())
}

/// Fills `vault` with the sample data and prints every section (or the dashboard's JSON).
fn show(vault: &Vault, as_of: NaiveDate, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    for counter in sample_counters(as_of)? {
        cleantime::store::add(vault, &counter)?;
    }
    let screen = oneday_core::screens::today(vault, as_of, Default::default())?;
    if json {
        return status::print_json(out, &screen, None);
    }
    writeln!(
        out,
        "One Day — demo dashboard for {as_of} (sample data in a throwaway encrypted store)"
    )?;
    writeln!(out)?;
    status::print_dashboard(out, &screen)?;
    section(
        out,
        "One tap: `oneday call` with a sponsor and a friend, region US",
    )?;
    one_tap(vault, out)?;
    section(
        out,
        &format!(
            "Next meetings: `oneday meetings next` from {as_of} {} in {}",
            DEMO_TIME.format("%H:%M"),
            DEMO_ZONE.name()
        ),
    )?;
    next_meetings(vault, as_of, out)?;
    section(out, "This week: `oneday trends --days 7`")?;
    this_week(vault, as_of, out)
}

/// A blank line and a section's headline.
fn section(out: &mut impl Write, headline: &str) -> Result<(), CliError> {
    writeln!(out)?;
    writeln!(out, "── {headline}")?;
    writeln!(out)?;
    Ok(())
}

/// Adds a sponsor and a friend with fictional numbers (555-01xx), sets the region, and prints the
/// call plan as `oneday call` does.
fn one_tap(vault: &Vault, out: &mut impl Write) -> Result<(), CliError> {
    for (name, role, phone) in [
        ("Sam", ContactRole::Sponsor, "+1 555 010 0100"),
        ("Ann", ContactRole::Friend, "+1 555 010 0101"),
    ] {
        support::store::add(
            vault,
            ContactInput {
                name: name.to_owned(),
                role,
                phone: phone.to_owned(),
                sms_allowed: true,
                note: None,
            },
        )?;
    }
    region::set(vault, Some(&Region::parse("US")?))?;
    let plan = support::store::call_plan(vault, &Channel::Call)?;
    call::print_text(out, &plan)
}

/// Imports the sample list, saves two meetings, and prints their next starts as
/// `oneday meetings next` does (without the random record ids).
fn next_meetings(vault: &Vault, as_of: NaiveDate, out: &mut impl Write) -> Result<(), CliError> {
    let parsed = parse_feed(
        FeedFormat::MeetingGuide,
        SAMPLE_FEED,
        None,
        &ImportOptions::new(SAMPLE_SOURCE),
    )?;
    meetings::store::import(vault, parsed, SAMPLE_SOURCE, None, false)?;
    for key in SAVED_MEETINGS {
        let found = meetings::store::find(vault, key)?;
        meetings::store::set_saved(vault, &found.id, true)?;
    }
    let (from, _) = meetings::next::place(DEMO_ZONE, as_of, DEMO_TIME);
    let found =
        meetings::store::upcoming(vault, from, NEXT_MEETINGS, &MeetingFilter::default(), true)?;
    meeting_commands::print_next(out, DEMO_ZONE, &found, false, IdColumn::Hidden)
}

/// Records a week of check-ins ending on `as_of` (one day skipped) and prints the trends as
/// `oneday trends --days 7` does.
fn this_week(vault: &Vault, as_of: NaiveDate, out: &mut impl Write) -> Result<(), CliError> {
    for check_in in sample_week(as_of)? {
        checkins::store::record(vault, check_in, as_of)?;
    }
    let trends = checkins::store::trends(vault, as_of, WEEK)?;
    checkin_commands::render::trends(out, &trends)?;
    Ok(())
}

/// A week that starts hard and gets better: mood up, craving down, more sleep; the fourth day
/// has no check-in, so the chart shows a gap.
fn sample_week(as_of: NaiveDate) -> Result<Vec<CheckIn>, CliError> {
    // (mood 1-5, craving 0-10, hours slept), oldest first; `None` is the day without a check-in.
    let days: [Option<(u8, u8, f64)>; WEEK as usize] = [
        Some((2, 8, 5.0)),
        Some((2, 7, 5.5)),
        Some((3, 7, 6.5)),
        None,
        Some((3, 5, 7.0)),
        Some((4, 3, 7.5)),
        Some((5, 2, 8.0)),
    ];
    let mut week = Vec::new();
    for (back, day) in (0..u64::from(WEEK)).rev().zip(days) {
        let (Some((mood, craving, slept)), Some(date)) =
            (day, as_of.checked_sub_days(Days::new(back)))
        else {
            continue;
        };
        let mut c = CheckIn::new(date);
        c.mood = Some(mood);
        c.craving = Some(craving);
        c.sleep = Some(Sleep::from_hours(slept)?);
        week.push(c);
    }
    Ok(week)
}

/// Three counters of the kinds people keep: NA with a relapse in its history, AA with chip colours,
/// and a mental-health goal counted from day one with a custom list.
fn sample_counters(as_of: NaiveDate) -> Result<Vec<Counter>, CliError> {
    let before = |months: u32, days: u64| {
        as_of
            .checked_sub_months(Months::new(months))
            .and_then(|d| d.checked_sub_days(Days::new(days)))
            .unwrap_or(as_of)
    };

    let mut na = CounterSettings::new("Clean and serene (NA)");
    na.daily_cost = Some(Money::new(2_500, "USD")?);
    let mut na = Counter::new(na, before(40, 3))?;
    na.reset(
        before(27, 10),
        None,
        Some("Went back out after my father's funeral.".into()),
    )?;

    let mut aa = CounterSettings::new("Sober (AA)");
    aa.profile = MilestoneProfile::AaChips {
        colours: vec![
            ChipColour {
                span: Span::Days(1),
                colour: "silver".into(),
            },
            ChipColour {
                span: Span::Years(1),
                colour: "bronze".into(),
            },
        ],
    };
    let aa = Counter::new(aa, before(0, 45))?;

    let mut goal = CounterSettings::new("Days without self-harm");
    goal.kind = CounterKind::MentalHealthGoal;
    goal.counting = CountingMode::TodayIsDayOne;
    goal.profile = MilestoneProfile::Custom {
        milestones: [
            Span::Days(7),
            Span::Days(30),
            Span::Days(100),
            Span::Years(1),
        ]
        .into_iter()
        .map(|span| CustomMilestone {
            span,
            label: None,
            colour: None,
        })
        .collect(),
    };
    let goal = Counter::new(goal, before(0, 11))?;

    Ok(vec![na, aa, goal])
}
