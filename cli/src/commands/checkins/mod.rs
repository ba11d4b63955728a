//! `oneday checkin ...` and `oneday trends`: daily check-ins and their trends.
//!
//! `today` is `--as-of`, else the computer's local date. Every rule (ranges, one check-in per day,
//! no future dates, symptoms from the user's list, averages, streak, cues) is the core's; this
//! module reads the command line, asks the store and prints.

pub mod args;
mod json;
pub(crate) mod render;

use std::io::Write;

use chrono::{Days, NaiveDate};
use oneday_core::checkins::checkin::{CRAVING_MAX, MOOD_MAX, MOOD_MIN};
use oneday_core::checkins::{preferences, store, CheckIn, CheckInPreferences, Sleep};
use oneday_core::date::parse_date;
use oneday_core::vault::Vault;

use self::args::{
    CheckInArgs, CheckInListArgs, CheckInSubcommand, CheckInValues, CheckInsCommand, MedicationArg,
    SymptomsCommand, ThresholdsArgs, TrendsArgs,
};
use self::json::{
    CheckInDoc, CheckInJson, CheckInListDoc, FlagJson, PreferencesDoc, StreakJson, TrendsDoc,
};
use crate::error::CliError;
use crate::json::{print, SCHEMA_VERSION};
use crate::secrets::text_or_stdin;
use crate::session;
use crate::store_dir::StoreDir;
use crate::today;

/// How many days `checkin list` covers by default.
const LIST_DAYS: u64 = 30;

/// Runs `oneday checkin ...` or `oneday trends`.
pub fn run(
    command: &CheckInsCommand,
    store: &StoreDir,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let vault = session::open(store)?;
    match command {
        CheckInsCommand::CheckIn(args) => match &args.command {
            None => record_or_show(&vault, args, out),
            Some(CheckInSubcommand::Show(a)) => {
                let today = today::resolve(a.read.as_of.as_deref())?;
                let date = date_or(a.date.as_deref(), today)?;
                show_day(&vault, date, a.read.json, out)
            }
            Some(CheckInSubcommand::List(a)) => list(&vault, a, out),
            Some(CheckInSubcommand::Delete(a)) => {
                if !a.yes {
                    return Err(CliError::NeedsConfirmation(
                        "delete removes the day's check-in for good; add --yes to do it",
                    ));
                }
                let date = parse_date(&a.date)?;
                store::delete(&vault, date)?;
                writeln!(out, "Deleted the check-in of {date}.")?;
                Ok(())
            }
            Some(CheckInSubcommand::Symptoms(c)) => symptoms(&vault, c, out),
            Some(CheckInSubcommand::Thresholds(a)) => thresholds(&vault, a, out),
        },
        CheckInsCommand::Trends(args) => trends(&vault, args, out),
    }
}

/// A rating written as a whole number, such as a mood; the core checks its range. The message
/// names the range, never what was typed.
fn rating(text: &str, what: &'static str, min: u8, max: u8) -> Result<u8, CliError> {
    text.trim().parse::<u8>().map_err(|_| CliError::BadValue {
        what,
        expected: format!("rated {min} to {max}, as a whole number"),
    })
}

fn date_or(text: Option<&str>, default: NaiveDate) -> Result<NaiveDate, CliError> {
    Ok(text.map(parse_date).transpose()?.unwrap_or(default))
}

/// `oneday checkin [--date D] [values]`: records (merging into the day's check-in) or shows.
fn record_or_show(vault: &Vault, args: &CheckInArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today::resolve(args.read.as_of.as_deref())?;
    let date = date_or(args.date.as_deref(), today)?;
    if args.values.is_empty() {
        return show_day(vault, date, args.read.json, out);
    }
    let base = if args.values.replace {
        None
    } else {
        store::get(vault, date)?
    };
    let mut check_in = base.unwrap_or_else(|| CheckIn::new(date));
    apply(&mut check_in, &args.values)?;
    let recorded = store::record(vault, check_in, today)?;
    if args.read.json {
        return print(
            out,
            &CheckInDoc {
                schema_version: SCHEMA_VERSION,
                date,
                check_in: Some(CheckInJson::from(&recorded.check_in)),
                saved: Some(if recorded.replaced {
                    "replaced"
                } else {
                    "added"
                }),
                streak: None,
                cues: None,
            },
        );
    }
    let verb = if recorded.replaced {
        "Updated"
    } else {
        "Saved"
    };
    writeln!(out, "{verb} the check-in of {date}.")?;
    render::card(out, &recorded.check_in)?;
    Ok(())
}

/// Applies the values given on the command line; the core checks them when recording.
fn apply(check_in: &mut CheckIn, values: &CheckInValues) -> Result<(), CliError> {
    if let Some(text) = &values.mood {
        let prompt = format!("Mood ({MOOD_MIN}-{MOOD_MAX}): ");
        let text = text_or_stdin(text, &prompt)?;
        check_in.mood = Some(rating(&text, "mood", MOOD_MIN, MOOD_MAX)?);
    }
    if let Some(text) = &values.craving {
        let prompt = format!("Craving (0-{CRAVING_MAX}): ");
        let text = text_or_stdin(text, &prompt)?;
        check_in.craving = Some(rating(&text, "craving", 0, CRAVING_MAX)?);
    }
    if !values.symptoms.is_empty() {
        check_in.symptoms = values
            .symptoms
            .iter()
            .map(|s| text_or_stdin(s, "Symptom: "))
            .collect::<Result<_, _>>()?;
    }
    if let Some(text) = &values.medication {
        let text = text_or_stdin(text, "Medication (taken, not-taken or n-a): ")?;
        check_in.medication = Some(MedicationArg::parse(&text)?.into());
    }
    if let Some(text) = &values.slept {
        check_in.sleep = Some(Sleep::parse(&text_or_stdin(text, "Hours slept: ")?)?);
    }
    if let Some(text) = &values.journal {
        check_in.journal = Some(text_or_stdin(text, "Journal: ")?);
    }
    if !values.gratitude.is_empty() {
        check_in.gratitude = values
            .gratitude
            .iter()
            .map(|g| text_or_stdin(g, "Grateful for: "))
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

/// Shows core's check-in screen of `date`: the day's check-in, the streak and the cues.
fn show_day(
    vault: &Vault,
    date: NaiveDate,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let day = oneday_core::screens::checkin_day(vault, date)?;
    if json {
        return print(
            out,
            &CheckInDoc {
                schema_version: SCHEMA_VERSION,
                date,
                check_in: day.check_in.as_ref().map(CheckInJson::from),
                saved: None,
                streak: Some(StreakJson::from(&day.streak)),
                cues: Some(day.cues.iter().map(FlagJson::from).collect()),
            },
        );
    }
    match &day.check_in {
        Some(c) => render::card(out, c)?,
        None => writeln!(
            out,
            "No check-in for {date} yet. Record one with `oneday checkin --mood N --craving N`."
        )?,
    }
    render::streak_line(out, &day.streak)?;
    for cue in &day.cues {
        writeln!(out, "{}", render::cue_words(cue))?;
    }
    Ok(())
}

fn list(vault: &Vault, args: &CheckInListArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today::resolve(args.read.as_of.as_deref())?;
    let to = date_or(args.to.as_deref(), today)?;
    let default_from = to
        .checked_sub_days(Days::new(LIST_DAYS - 1))
        .unwrap_or(oneday_core::date::EARLIEST)
        .max(oneday_core::date::EARLIEST);
    let from = date_or(args.from.as_deref(), default_from)?;
    let all = store::list(vault, from, to)?;
    if args.read.json {
        return print(
            out,
            &CheckInListDoc {
                schema_version: SCHEMA_VERSION,
                from,
                to,
                check_ins: all.iter().map(CheckInJson::from).collect(),
            },
        );
    }
    if all.is_empty() {
        writeln!(out, "No check-ins from {from} to {to}.")?;
    }
    for (i, c) in all.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        render::card(out, c)?;
    }
    Ok(())
}

fn symptoms(
    vault: &Vault,
    command: &SymptomsCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut prefs = preferences::load(vault)?;
    match command {
        SymptomsCommand::Add(a) => {
            let name = text_or_stdin(&a.name, "Symptom: ")?;
            if prefs.add_symptom(&name)? {
                preferences::save(vault, &prefs)?;
                writeln!(out, "Added to your symptom list.")?;
            } else {
                writeln!(out, "Already in your symptom list.")?;
            }
        }
        SymptomsCommand::Remove(a) => {
            let name = text_or_stdin(&a.name, "Symptom: ")?;
            if prefs.remove_symptom(&name) {
                preferences::save(vault, &prefs)?;
                writeln!(
                    out,
                    "Removed from your symptom list; days that named it keep it."
                )?;
            } else {
                writeln!(out, "That symptom is not in your list.")?;
            }
        }
        SymptomsCommand::List(a) => {
            if a.json {
                return print(out, &PreferencesDoc::from(&prefs));
            }
            if prefs.symptoms.is_empty() {
                writeln!(
                    out,
                    "No symptoms in your list yet. Add one with `oneday checkin symptoms add NAME`."
                )?;
            }
            for name in &prefs.symptoms {
                writeln!(out, "{name}")?;
            }
        }
    }
    Ok(())
}

fn thresholds(vault: &Vault, args: &ThresholdsArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut prefs: CheckInPreferences = preferences::load(vault)?;
    let changing = args.craving.is_some() || args.mood.is_some() || args.days.is_some();
    if let Some(craving) = args.craving {
        prefs.thresholds.craving_at_or_above = craving.0;
    }
    if let Some(mood) = args.mood {
        prefs.thresholds.mood_at_or_below = mood.0;
    }
    if let Some(days) = args.days {
        prefs.thresholds.days_in_a_row = days;
    }
    if changing {
        prefs = preferences::save(vault, &prefs)?;
    }
    if args.json {
        return print(out, &PreferencesDoc::from(&prefs));
    }
    writeln!(out, "Trends show a cue when:")?;
    for line in render::thresholds_words(&prefs.thresholds) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn trends(vault: &Vault, args: &TrendsArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today::resolve(args.read.as_of.as_deref())?;
    let t = store::trends(vault, today, args.days)?;
    if args.read.json {
        let prefs = preferences::load(vault)?;
        return print(out, &TrendsDoc::new(&t, &prefs));
    }
    render::trends(out, &t)?;
    Ok(())
}
