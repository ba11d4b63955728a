//! The command line of `oneday checkin ...` and `oneday trends`, as clap sees it.

use clap::{Args, Subcommand, ValueEnum};
use oneday_core::checkins::Medication;

use crate::args::ReadOptions;
use crate::error::CliError;

/// `oneday checkin` and `oneday trends` (flattened into the top-level commands).
#[derive(Debug, Subcommand)]
pub enum CheckInsCommand {
    /// Records or edits a day's check-in; with no values, shows it.
    ///
    /// Values given are merged into the day's check-in (re-recording a day edits it); --replace
    /// starts from an empty one instead. Every value can be `-` to type it at a prompt, so it stays
    /// out of your shell's history.
    #[command(name = "checkin", visible_alias = "check-in")]
    CheckIn(Box<CheckInArgs>),
    /// Mood, craving and sleep over the last days: a chart, averages, the check-in streak, cues.
    Trends(TrendsArgs),
}

/// `oneday checkin [values]`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CheckInArgs {
    /// Other check-in commands.
    #[command(subcommand)]
    pub command: Option<CheckInSubcommand>,
    /// The day (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The values to record.
    #[command(flatten)]
    pub values: CheckInValues,
    /// Reading options (--as-of sets "today").
    #[command(flatten)]
    pub read: ReadOptions,
}

/// The values of a check-in on the command line.
#[derive(Debug, Args)]
pub struct CheckInValues {
    /// Mood, 1 (very low) to 5 (very good), or `-` to type it at a prompt.
    #[arg(long, value_name = "1-5", allow_negative_numbers = true)]
    pub mood: Option<String>,
    /// Craving, 0 (none) to 10 (strongest), or `-` to type it.
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub craving: Option<String>,
    /// A symptom noticed today, from your list (`oneday checkin symptoms list`), or `-` to type
    /// it; repeat for more.
    #[arg(long = "symptom", value_name = "NAME")]
    pub symptoms: Vec<String>,
    /// Prescribed medication: taken, not-taken or n-a (a health note; it never touches clean
    /// time), or `-` to type it.
    #[arg(long, value_name = "taken|not-taken|n-a")]
    pub medication: Option<String>,
    /// Hours slept, such as 7.5 or 7:30, or `-` to type it.
    #[arg(long, value_name = "HOURS")]
    pub slept: Option<String>,
    /// A short journal line (or `-` to type it at a prompt; empty removes it).
    #[arg(long, value_name = "TEXT")]
    pub journal: Option<String>,
    /// Something you are grateful for (or `-` to type it); repeat for more.
    #[arg(long = "grateful", value_name = "TEXT")]
    pub gratitude: Vec<String>,
    /// Start from an empty check-in instead of editing the day's one.
    #[arg(long)]
    pub replace: bool,
}

impl CheckInValues {
    /// Whether no value was given (then `oneday checkin` shows the day instead).
    pub fn is_empty(&self) -> bool {
        self.mood.is_none()
            && self.craving.is_none()
            && self.symptoms.is_empty()
            && self.medication.is_none()
            && self.slept.is_none()
            && self.journal.is_none()
            && self.gratitude.is_empty()
            && !self.replace
    }
}

/// Prescribed medication on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MedicationArg {
    /// Taken as prescribed.
    Taken,
    /// Not taken.
    NotTaken,
    /// No prescribed medication.
    #[value(name = "n-a", alias = "na", alias = "not-applicable")]
    NotApplicable,
}

impl MedicationArg {
    /// The value written as on the command line (`taken`, `not-taken`, `n-a` or an alias, in any
    /// letter case), whether given as an argument or typed at a prompt.
    pub fn parse(text: &str) -> Result<MedicationArg, CliError> {
        <MedicationArg as ValueEnum>::from_str(text.trim(), true).map_err(|_| {
            let names: Vec<String> = MedicationArg::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value)
                .map(|v| v.get_name().to_owned())
                .collect();
            CliError::BadValue {
                what: "medication",
                expected: format!("one of {}", names.join(", ")),
            }
        })
    }
}

impl From<MedicationArg> for Medication {
    fn from(m: MedicationArg) -> Self {
        match m {
            MedicationArg::Taken => Medication::Taken,
            MedicationArg::NotTaken => Medication::NotTaken,
            MedicationArg::NotApplicable => Medication::NotApplicable,
        }
    }
}

/// `oneday checkin SUBCOMMAND`.
#[derive(Debug, Subcommand)]
pub enum CheckInSubcommand {
    /// Shows a day's check-in (default: today).
    Show(CheckInShowArgs),
    /// Lists the check-ins of a range of days, oldest first.
    List(CheckInListArgs),
    /// Deletes a day's check-in for good.
    Delete(CheckInDeleteArgs),
    /// Your symptom list: the symptoms a check-in can name.
    #[command(subcommand)]
    Symptoms(SymptomsCommand),
    /// Shows or sets when trends raise a cue (craving at or above, mood at or below, days in a row).
    Thresholds(ThresholdsArgs),
}

/// `oneday checkin show`.
#[derive(Debug, Args)]
pub struct CheckInShowArgs {
    /// The day (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday checkin list`.
#[derive(Debug, Args)]
pub struct CheckInListArgs {
    /// The first day; default: 29 days before the last.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// The last day; default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday checkin delete`.
#[derive(Debug, Args)]
pub struct CheckInDeleteArgs {
    /// The day whose check-in to delete.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// Confirms: the check-in is gone for good.
    #[arg(long)]
    pub yes: bool,
}

/// `oneday checkin symptoms ...`.
#[derive(Debug, Subcommand)]
pub enum SymptomsCommand {
    /// Adds a symptom to your list (such as anxiety, low mood, voices, sleep).
    Add(SymptomNameArgs),
    /// Removes a symptom from your list; days that named it keep it.
    Remove(SymptomNameArgs),
    /// Lists your symptoms.
    List(SymptomsListArgs),
}

/// A symptom named on the command line.
#[derive(Debug, Args)]
pub struct SymptomNameArgs {
    /// The symptom's name (or `-` to type it at a prompt).
    pub name: String,
}

/// `oneday checkin symptoms list`.
#[derive(Debug, Args)]
pub struct SymptomsListArgs {
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday checkin thresholds`.
#[derive(Debug, Args)]
pub struct ThresholdsArgs {
    /// Cue when craving is at or above this (1-10), or `off`.
    #[arg(long, value_name = "N|off")]
    pub craving: Option<ThresholdArg>,
    /// Cue when mood is at or below this (1-4), or `off`.
    #[arg(long, value_name = "N|off")]
    pub mood: Option<ThresholdArg>,
    /// For this many days in a row (1-30).
    #[arg(long, value_name = "N")]
    pub days: Option<u8>,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A threshold on the command line: a number, or `off` (the core checks the range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThresholdArg(pub Option<u8>);

impl std::str::FromStr for ThresholdArg {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if text.eq_ignore_ascii_case("off") {
            return Ok(ThresholdArg(None));
        }
        text.parse::<u8>()
            .map(|n| ThresholdArg(Some(n)))
            .map_err(|_| "write a number or `off`".to_owned())
    }
}

/// `oneday trends`.
#[derive(Debug, Args)]
pub struct TrendsArgs {
    /// How many days the chart covers, ending today (1-366).
    #[arg(long, default_value_t = 30)]
    pub days: u32,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}
