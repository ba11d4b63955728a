//! `oneday demo`: the dashboard on sample data in a throwaway encrypted store, with no set-up and
//! nothing kept afterwards.

use std::io::Write;

use chrono::{Days, Months, NaiveDate};
use oneday_core::cleantime::{
    ChipColour, Counter, CounterKind, CounterSettings, CountingMode, CustomMilestone,
    MilestoneProfile, Money, Span,
};

use oneday_core::cleantime::store;
use oneday_core::vault::{DeviceKey, KdfParams, Vault};

use crate::args::DemoArgs;
use crate::commands::status;
use crate::error::CliError;
use crate::today;

/// Builds the sample counters in a throwaway vault and prints the dashboard for `--as-of`.
pub fn run(args: &DemoArgs, out: &mut impl Write) -> Result<(), CliError> {
    let as_of = today::resolve(args.read.as_of.as_deref())?;
    let scratch = tempfile::tempdir().map_err(CliError::KeyFile)?;
    let dir = scratch.path().join("store");
    // A throwaway store whose recovery code is never shown: the cheapest KDF allowed will do.
    let (vault, _code) = Vault::create(&dir, &DeviceKey::generate()?, KdfParams::MINIMUM)?;
    for counter in sample_counters(as_of)? {
        store::add(&vault, &counter)?;
    }
    let counters = store::list(&vault)?;
    if args.read.json {
        status::print_json(out, as_of, &counters)?;
    } else {
        writeln!(
            out,
            "One Day — demo dashboard for {as_of} (sample data in a throwaway encrypted store)"
        )?;
        writeln!(out)?;
        status::print_dashboard(out, as_of, &counters)?;
    }
    drop(vault);
    Vault::wipe(&dir)?;
    Ok(())
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
