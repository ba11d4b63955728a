//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use oneday_core::cleantime::{CounterKind, MilestoneProfile};

use crate::commands::meetings::args::MeetingsCommand;

/// One Day: clean time, meetings and your plan, offline and private.
///
/// Values given as arguments land in your shell's history; give `-` instead of a name, note, date,
/// mood or phone number to type it at a prompt (or pipe it in, one line per `-`, in the order
/// `--help` lists them).
#[derive(Debug, Parser)]
#[command(
    name = "oneday",
    version,
    long_version = concat!(
        env!("CARGO_PKG_VERSION"),
        "\ntime zone boundaries © OpenStreetMap contributors, ODbL 1.0 (timezone-boundary-builder, tzf-dist); see docs/third-party-data.md"
    ),
    about,
    long_about = None
)]
pub struct Cli {
    /// The store folder (default: $XDG_DATA_HOME/oneday or ~/.local/share/oneday).
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean time since a date (a calculator: nothing is stored).
    Cleantime(CleantimeArgs),
    /// Shows the dashboard on a throwaway store with sample data.
    Demo(DemoArgs),
    /// Creates the encrypted store and prints its recovery code, once.
    Init,
    /// Adds, lists and changes counters.
    #[command(subcommand)]
    Counter(CounterCommand),
    /// The dashboard: clean time of every counter.
    Status(StatusArgs),
    /// Milestone reminders coming up, as a phone would schedule them (neutral text by default).
    Reminders(RemindersArgs),
    /// Opens a locked store with the recovery code or passphrase, and makes a new device key.
    Unlock(UnlockArgs),
    /// Locks the store: asks for the recovery code or passphrase, then removes this computer's
    /// device key; only that code or passphrase opens it again.
    Lock,
    /// Changes the recovery code or passphrase (asks for the current one first).
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Destroys the store for good (panic wipe): keys first, then the files.
    Wipe(WipeArgs),
    /// Imports meeting lists, saves meetings, finds the next one, logs attendance.
    #[command(subcommand)]
    Meetings(MeetingsCommand),
    /// Daily check-ins (`oneday checkin`) and their trends (`oneday trends`).
    #[command(flatten)]
    CheckIns(crate::commands::checkins::args::CheckInsCommand),
    /// Your support network: sponsor, friends, family, ...; your region and text messages.
    #[command(subcommand)]
    Contacts(crate::commands::contacts::ContactsCommand),
    /// Who one tap would call (or text) now, and who after them.
    Call(crate::commands::call::CallArgs),
    /// Crisis lines and emergency numbers of your region (or of --region CC).
    Crisis(crate::commands::crisis::CrisisArgs),
    /// Your safety plan and relapse-prevention plan: show, edit, history, restore, export.
    #[command(subcommand)]
    Plan(crate::commands::plans::PlanCommand),
    /// Backs the whole store up to one encrypted file, checks one, or restores (or merges) one.
    #[command(subcommand)]
    Backup(crate::commands::backup::BackupCommand),
}

/// `oneday counter ...`.
#[derive(Debug, Subcommand)]
pub enum CounterCommand {
    /// Adds a counter.
    Add(CounterAddArgs),
    /// Lists counters with their ids.
    List(CounterListArgs),
    /// Shows one counter with every attempt.
    Show(CounterShowArgs),
    /// Changes a counter's settings, or moves its clean date (an edit, not a relapse).
    Edit(CounterEditArgs),
    /// Records a relapse: closes the running attempt (history is kept) and starts a new one.
    Reset(CounterResetArgs),
    /// Pauses or stops counting without a relapse.
    Pause(CounterPauseArgs),
    /// Starts counting again after a pause.
    Resume(CounterResumeArgs),
    /// Archives a counter (kept, but out of the dashboard), or restores it with --undo.
    Archive(CounterArchiveArgs),
    /// Deletes a counter and its whole history for good.
    Delete(CounterDeleteArgs),
}

/// Settings shared by `counter add` and `counter edit`.
#[derive(Debug, Args)]
pub struct CounterSettingsArgs {
    /// Milestones: NA key tags or AA chips.
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// What it counts.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Count today as day 1 (true) or the clean date as day 0 (false, the default).
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true")]
    pub day_one: Option<bool>,
    /// What it cost per day, such as 12.50 (needs --currency; `-` to type it).
    #[arg(long, value_name = "AMOUNT", requires = "currency")]
    pub daily_cost: Option<String>,
    /// ISO 4217 currency of --daily-cost, such as EUR.
    #[arg(long, value_name = "CODE", requires = "daily_cost")]
    pub currency: Option<String>,
    /// The date and local time of last use, such as "2024-03-14 22:30" (`-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub last_use: Option<String>,
    /// Let reminders name this counter (off by default, so nothing on screen outs you).
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true")]
    pub name_in_reminders: Option<bool>,
}

/// `oneday counter add`.
#[derive(Debug, Args)]
pub struct CounterAddArgs {
    /// Its name (or `-` to type it at a prompt).
    pub label: String,
    /// The clean date: the first full day clean (YYYY-MM-DD; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: String,
    /// Settings.
    #[command(flatten)]
    pub settings: CounterSettingsArgs,
}

/// `oneday counter list`.
#[derive(Debug, Args)]
pub struct CounterListArgs {
    /// Include archived counters.
    #[arg(long)]
    pub all: bool,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday counter show`.
#[derive(Debug, Args)]
pub struct CounterShowArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday counter edit`.
#[derive(Debug, Args)]
pub struct CounterEditArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// A new name (or `-` to type it at a prompt).
    #[arg(long)]
    pub label: Option<String>,
    /// A new clean date for the running attempt (back-dating is an edit, not a relapse; `-` to
    /// type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Remove the daily cost.
    #[arg(long, conflicts_with = "daily_cost")]
    pub no_daily_cost: bool,
    /// Forget the time of last use.
    #[arg(long, conflicts_with = "last_use")]
    pub no_last_use: bool,
    /// Settings to change.
    #[command(flatten)]
    pub settings: CounterSettingsArgs,
}

/// `oneday counter reset`.
#[derive(Debug, Args)]
pub struct CounterResetArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// The day of the relapse (default: today; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<String>,
    /// The new clean date (default: the relapse date, which is then day 0; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub new_start: Option<String>,
    /// A note for yourself (or `-` to type it at a prompt).
    #[arg(long)]
    pub note: Option<String>,
}

/// `oneday counter pause`.
#[derive(Debug, Args)]
pub struct CounterPauseArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// The first day not counted (default: today; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<String>,
    /// A note for yourself (or `-` to type it at a prompt).
    #[arg(long)]
    pub note: Option<String>,
}

/// `oneday counter resume`.
#[derive(Debug, Args)]
pub struct CounterResumeArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// The new clean date (default: today; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
}

/// `oneday counter archive`.
#[derive(Debug, Args)]
pub struct CounterArchiveArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// Restore it to the dashboard.
    #[arg(long)]
    pub undo: bool,
}

/// `oneday counter delete`.
#[derive(Debug, Args)]
pub struct CounterDeleteArgs {
    /// The counter's id (or its first digits).
    pub id: String,
    /// Confirms: the counter and every attempt and note of it are gone for good.
    #[arg(long)]
    pub yes: bool,
}

/// `oneday status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Include archived counters.
    #[arg(long)]
    pub all: bool,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday reminders`.
#[derive(Debug, Args)]
pub struct RemindersArgs {
    /// How many days ahead to look.
    #[arg(long, default_value_t = 30)]
    pub days: u32,
    /// The local time of day to remind at.
    #[arg(long, value_name = "HH:MM", default_value = "09:00")]
    pub at: String,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday unlock`.
#[derive(Debug, Args)]
pub struct UnlockArgs {
    /// Use the recovery code or passphrase (read from the terminal without echo, or from stdin).
    #[arg(long, required = true)]
    pub recovery: bool,
}

/// `oneday passphrase ...`.
#[derive(Debug, Subcommand)]
pub enum PassphraseCommand {
    /// Sets a new recovery passphrase (typed twice); the old code or passphrase stops working.
    Change,
    /// Makes a new recovery code, printed once; the old code or passphrase stops working.
    NewCode,
}

/// `oneday wipe`.
#[derive(Debug, Args)]
pub struct WipeArgs {
    /// Confirms: everything in the store is destroyed and cannot be recovered.
    #[arg(long)]
    pub yes: bool,
}

/// Options shared by every command that reads.
#[derive(Debug, Args)]
pub struct ReadOptions {
    /// The day to compute for (YYYY-MM-DD); default: today in this computer's local time zone.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Print JSON (see docs/cli-json.md for the schema) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday cleantime`.
#[derive(Debug, Args)]
pub struct CleantimeArgs {
    /// The clean date: the first full day clean (YYYY-MM-DD; `-` to type it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: String,
    /// Milestones to show.
    #[arg(long, value_enum, default_value_t = ProfileArg::Na)]
    pub profile: ProfileArg,
    /// Count today as day 1 (by default the clean date is day 0).
    #[arg(long)]
    pub day_one: bool,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// A built-in milestone profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// Narcotics Anonymous key tags.
    Na,
    /// Alcoholics Anonymous chips.
    Aa,
}

impl ProfileArg {
    /// The core profile this names.
    pub fn profile(self) -> MilestoneProfile {
        match self {
            ProfileArg::Na => MilestoneProfile::NaKeyTags,
            ProfileArg::Aa => MilestoneProfile::AaChips {
                colours: Vec::new(),
            },
        }
    }
}

/// What a counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// A substance.
    Substance,
    /// A behaviour.
    Behaviour,
    /// A mental-health goal.
    MentalHealth,
    /// A harm-reduction goal (days within a limit).
    Reduction,
}

impl From<KindArg> for CounterKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Substance => CounterKind::Substance,
            KindArg::Behaviour => CounterKind::Behaviour,
            KindArg::MentalHealth => CounterKind::MentalHealthGoal,
            KindArg::Reduction => CounterKind::ReductionGoal,
        }
    }
}
