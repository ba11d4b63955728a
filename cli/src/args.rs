//! The command line, as clap sees it.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// One Day: clean time, meetings and your plan, offline and private.
#[derive(Debug, Parser)]
#[command(name = "oneday", version, about, long_about = None)]
pub struct Cli {
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
    /// The clean date: the first full day clean (YYYY-MM-DD).
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
    pub fn profile(self) -> oneday_core::cleantime::MilestoneProfile {
        match self {
            ProfileArg::Na => oneday_core::cleantime::MilestoneProfile::NaKeyTags,
            ProfileArg::Aa => oneday_core::cleantime::MilestoneProfile::AaChips {
                colours: Vec::new(),
            },
        }
    }
}
