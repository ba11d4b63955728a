//! The command line of `oneday meetings ...`, as clap sees it.

use clap::{Args, Subcommand, ValueEnum};

use crate::args::ReadOptions;

/// `oneday meetings ...`.
#[derive(Debug, Subcommand)]
pub enum MeetingsCommand {
    /// Imports a meeting list from a file or an http(s) URL (re-importing the same source updates
    /// it in place).
    Import(MeetingsImportArgs),
    /// Lists imported meetings that match every filter given.
    Search(MeetingsSearchArgs),
    /// Saves a meeting (kept even if its list drops it later).
    Save(MeetingIdArgs),
    /// Unsaves a meeting.
    Unsave(MeetingIdArgs),
    /// Sets your own note on a meeting (`-` to type it at a prompt; an empty note removes it).
    Note(MeetingNoteArgs),
    /// The next occurrences of your saved meetings (or of every meeting with --all).
    Next(MeetingsNextArgs),
    /// Sets a reminder before each occurrence of a meeting (`--minutes N`), or turns it off (`--off`).
    Remind(MeetingRemindArgs),
    /// Records that you went to a meeting.
    Attend(MeetingAttendArgs),
    /// How many meetings you went to over the last days.
    Attendance(MeetingAttendanceArgs),
    /// Writes an .ics calendar of meetings to stdout (`oneday meetings export-ics ID > file.ics`).
    ExportIcs(MeetingExportArgs),
}

/// A meeting list format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedFormatArg {
    /// Meeting Guide JSON (code4recovery/spec).
    MeetingGuide,
    /// BMLT semantic JSON (GetSearchResults).
    Bmlt,
}

/// `oneday meetings import`.
#[derive(Debug, Args)]
pub struct MeetingsImportArgs {
    /// The meeting list: a file, or an http:// or https:// URL to download it from (the only time
    /// One Day uses the network, and only when asked).
    #[arg(value_name = "FILE|URL")]
    pub file: String,
    /// Its format.
    #[arg(long, value_enum)]
    pub format: FeedFormatArg,
    /// BMLT only: a GetFormats file or URL, to name the formats by their labels.
    #[arg(long, value_name = "FILE|URL")]
    pub formats: Option<String>,
    /// The IANA time zone of meetings whose list names none, such as America/Chicago (any letter
    /// case). Needed when the list names none and no zone was given for it before.
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// Apply the import even if it removes most of this list's meetings (more than half, or all):
    /// without it such an import is refused and changes nothing.
    #[arg(long)]
    pub replace: bool,
    /// The name of this list (default: the file name without its extension; for a URL, its host
    /// name: give --source to keep two lists from one site apart).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Print the full import report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DayArg {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

/// How people attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// At a place only.
    InPerson,
    /// Online.
    Online,
    /// At a place and online.
    Hybrid,
    /// By phone only.
    Phone,
    /// Temporarily closed.
    Closed,
}

/// The filters `search` and `next` share: every filter of the core's `MeetingFilter`. Every filter
/// given must match.
#[derive(Debug, Args)]
pub struct MeetingFilterArgs {
    /// Text in the name, place, address, group or notes (case-insensitive; `-` to type it).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// On this day (repeat for several).
    #[arg(long, value_enum)]
    pub day: Vec<DayArg>,
    /// Starts at or after this time, in the meeting's own zone (with --to).
    #[arg(long, value_name = "HH:MM", requires = "to")]
    pub from: Option<String>,
    /// Starts at or before this time; earlier than --from to wrap midnight (--from 22:00 --to 02:00).
    #[arg(long, value_name = "HH:MM", requires = "from")]
    pub to: Option<String>,
    /// Attended this way (repeat for several).
    #[arg(long, value_enum)]
    pub mode: Vec<ModeArg>,
    /// Open meetings only.
    #[arg(long, conflicts_with = "closed")]
    pub open: bool,
    /// Closed meetings only.
    #[arg(long)]
    pub closed: bool,
    /// Has this type code, such as B or ONL (repeat: all of them).
    #[arg(long = "type", value_name = "CODE")]
    pub types: Vec<String>,
    /// Near this point, in degrees (with --within; `-` to type it); meetings without exact
    /// coordinates never match.
    #[arg(
        long,
        value_name = "LAT,LON",
        requires = "within",
        allow_hyphen_values = true
    )]
    pub near: Option<String>,
    /// Within this many kilometres of --near.
    #[arg(long, value_name = "KM", requires = "near", allow_hyphen_values = true)]
    pub within: Option<f64>,
}

/// `oneday meetings search`.
#[derive(Debug, Args)]
pub struct MeetingsSearchArgs {
    /// The filters.
    #[command(flatten)]
    pub filter: MeetingFilterArgs,
    /// Saved meetings only.
    #[arg(long)]
    pub saved: bool,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A meeting named by id.
#[derive(Debug, Args)]
pub struct MeetingIdArgs {
    /// The meeting's id (or its first 4 or more digits), or its key such as `source/slug`.
    pub id: String,
}

/// `oneday meetings note`.
#[derive(Debug, Args)]
pub struct MeetingNoteArgs {
    /// The meeting's id (or its first 4 or more digits), or its key.
    pub id: String,
    /// The note (or `-` to type it at a prompt; empty removes it).
    pub text: String,
}

/// `oneday meetings next`.
#[derive(Debug, Args)]
pub struct MeetingsNextArgs {
    /// How many occurrences.
    #[arg(long, default_value_t = 5)]
    pub count: usize,
    /// Every imported meeting, not only the saved ones.
    #[arg(long)]
    pub all: bool,
    /// Your IANA time zone (default: $TZ, else this computer's zone).
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// "Now", as a local time in your zone (default: the current time).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub at: Option<String>,
    /// The filters.
    #[command(flatten)]
    pub filter: MeetingFilterArgs,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday meetings remind`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("choice").required(true).args(["minutes", "off"])))]
pub struct MeetingRemindArgs {
    /// The meeting's id (or its first 4 or more digits), or its key.
    pub id: String,
    /// Remind this many minutes before each occurrence (at most a week).
    #[arg(long, value_name = "N")]
    pub minutes: Option<u32>,
    /// No reminder.
    #[arg(long)]
    pub off: bool,
}

/// `oneday meetings attend`.
#[derive(Debug, Args)]
pub struct MeetingAttendArgs {
    /// The meeting's id (or its first 4 or more digits), or its key.
    pub id: String,
    /// The day you went (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// `oneday meetings attendance`.
#[derive(Debug, Args)]
pub struct MeetingAttendanceArgs {
    /// The window, in days, ending today.
    #[arg(long, default_value_t = 90)]
    pub days: u32,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// `oneday meetings export-ics`.
#[derive(Debug, Args)]
pub struct MeetingExportArgs {
    /// The meetings' ids (or their first 4 or more digits), or keys.
    #[arg(required = true)]
    pub ids: Vec<String>,
}
