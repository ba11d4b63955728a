//! The CLI's errors and their exit codes.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 2 | the command line itself was wrong (clap's usage errors, told in one line and a hint by `usage`) |
//! | 3 | a value was refused (an impossible date, a blank name, an unknown counter id, input that is not UTF-8, ...) |
//! | 4 | the store is locked, or a key, recovery code or passphrase was wrong |
//! | 5 | the store could not be found, read or written, or its path is a file |
//! | 6 | writing the output failed |
//! | 7 | a meeting list could not be downloaded (no answer, a broken connection, an HTTP error status) |
//!
//! A backup file that is not one, is damaged, cut short or from a newer version is 3; a wrong
//! passphrase or recovery code for it (or, to make one, a recovery code that is not the store's) is 4; a backup file that cannot be read or written is 5.
//! | 70 | an internal error (a bug); nothing was changed |

use std::path::PathBuf;

use oneday_core::backup::BackupError;
use oneday_core::checkins::CheckInError;
use oneday_core::cleantime::store::CounterStoreError;
use oneday_core::cleantime::CleanTimeError;
use oneday_core::date::DateError;
use oneday_core::meetings::store::MeetingStoreError;
use oneday_core::meetings::{FeedFormat, MeetingsError};
use oneday_core::plans::PlanError;
use oneday_core::support::SupportError;
use oneday_core::vault::VaultError;
use thiserror::Error;

use crate::commands::meetings::fetch::FetchError;

/// Everything that can make a command fail, with a message a person can act on.
#[derive(Debug, Error)]
pub enum CliError {
    /// A value the user gave was refused by the core.
    #[error("{0}")]
    Invalid(#[from] CleanTimeError),
    /// The vault refused or failed.
    #[error("{}", vault_message(.0))]
    Vault(#[from] VaultError),
    /// No counter has the id given.
    #[error("no counter has an id starting with `{0}`; `oneday counter list` shows the ids")]
    NoSuchCounter(String),
    /// More than one counter has an id starting with what was given.
    #[error("more than one counter has an id starting with `{0}`; give more of the id")]
    AmbiguousCounter(String),
    /// There is no store in the folder.
    #[error("there is no One Day store in {}; create one with `oneday init`", .0.display())]
    NoStore(PathBuf),
    /// The store has no device key on this computer.
    #[error("the store is locked; unlock it with `oneday unlock --recovery`")]
    NoDeviceKey,
    /// The store's folder (or a folder above it) is a file.
    #[error("{} is a file, not a folder; give --store a folder for the store", .0.display())]
    StoreIsAFile(PathBuf),
    /// Neither `--store`, `XDG_DATA_HOME` nor `HOME` says where the store is.
    #[error("cannot tell where to keep the store: set HOME or XDG_DATA_HOME, or pass --store DIR")]
    NoDataDir,
    /// `ONEDAY_DEVICE_KEY` is not 64 hex digits.
    #[error("ONEDAY_DEVICE_KEY must be 64 hexadecimal digits (a 32-byte key)")]
    BadDeviceKeyEnv,
    /// The key file is damaged.
    #[error(
        "the device key file is damaged; unlock with `oneday unlock --recovery` to make a new one"
    )]
    BadKeyFile,
    /// The key file could not be read or written.
    #[error("could not read or write the device key file: {0}")]
    KeyFile(std::io::Error),
    /// The system keyring holds a device key for this store that is not one.
    #[error("the device key in the system keyring is damaged; unlock with `oneday unlock --recovery` to make a new one")]
    BadKeyringKey,
    /// The system keyring was reached but refused or failed (locked, access denied, ...).
    #[error("the system keyring did not give or take the device key: {0}")]
    Keyring(keyring::Error),
    /// Reading from the terminal or stdin failed.
    #[error("could not read the input: {0}")]
    Input(std::io::Error),
    /// What was read from stdin (or a file given for it) is not UTF-8 text.
    #[error("the input is not UTF-8 text; nothing was changed")]
    NotUtf8,
    /// A value typed as an argument or at a prompt is not of the kind asked for (the message names
    /// what was expected, never what was typed).
    #[error("{what} is {expected}")]
    BadValue {
        /// What the value is, such as `mood`.
        what: &'static str,
        /// What it must be, such as `rated 1 to 5, as a whole number`.
        expected: String,
    },
    /// stdin ended before a line was read.
    #[error("no input was given")]
    NoInput,
    /// A line of stdin ran past core's limit without ending.
    #[error("the line given on stdin is longer than {max} bytes; no field holds that much")]
    LineTooLong {
        /// The limit ([`oneday_core::input::MAX_LINE_BYTES`]).
        max: usize,
    },
    /// The two passphrases typed differ.
    #[error("the two passphrases differ; nothing was changed")]
    PassphraseMismatch,
    /// `lock` refused: the recovery secret typed does not open the store, or its slot is damaged.
    #[error("{0}")]
    LockRefused(&'static str),
    /// A destructive command was run without its confirmation flag.
    #[error("{0}")]
    NeedsConfirmation(&'static str),
    /// Writing to stdout failed (a closed pipe, a full disk).
    #[error("could not write the output: {0}")]
    Output(#[from] std::io::Error),
    /// Serialising JSON failed.
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A meeting list or request was refused by the meetings rules.
    #[error("{}", meetings_message(.0))]
    Meetings(#[from] MeetingsError),
    /// No meeting has the id given.
    #[error("no meeting has an id starting with `{0}`; `oneday meetings search` shows the ids")]
    NoSuchMeeting(String),
    /// More than one meeting has an id starting with what was given.
    #[error("more than one meeting has an id starting with `{0}`; give more of the id")]
    AmbiguousMeeting(String),
    /// A meeting list could not be downloaded.
    #[error("{0}")]
    Fetch(#[from] FetchError),
    /// `--near` is not a valid point (the text is not repeated: it says where someone is).
    #[error("--near needs a latitude and a longitude in degrees, such as --near 52.52,13.40")]
    BadPoint,
    /// `--within` is not a distance.
    #[error("--within needs a distance in kilometres, 0 or more")]
    BadRadius,
    /// The meeting list file could not be read.
    #[error("could not read {}: {}", .0.display(), .1)]
    FeedFile(PathBuf, std::io::Error),
    /// A time zone name is not in the IANA database.
    #[error("`{0}` is not an IANA time zone name (such as Europe/Berlin)")]
    UnknownZone(String),
    /// Neither --zone, TZ nor the system says which zone the user is in.
    #[error("cannot tell your time zone; pass --zone such as --zone Europe/Berlin")]
    NoLocalZone,
    /// A check-in, a check-in preference or a trends request was refused.
    #[error("{0}")]
    CheckIn(CheckInError),
    /// The support network refused or failed (a phone number, a region, an unknown contact, ...).
    #[error("{}", support_message(.0))]
    Support(#[from] SupportError),
    /// `oneday call --open` has no number to open (no region set, or none known for it).
    #[error("there is no number to open: call your local emergency number")]
    NothingToOpen,
    /// The desktop's handler for `tel:`/`sms:` could not be started.
    #[error("could not start {0} to open the number: {1}")]
    Launch(&'static str, std::io::Error),
    /// A plan or an edit of one was refused by the plan rules.
    #[error("{0}")]
    Plan(PlanError),
    /// A `plan` command was given options that do not fit together (the message names no user text).
    #[error("{0}")]
    PlanUsage(String),
    /// A backup could not be made, read or restored; the store is unchanged.
    #[error("{0}")]
    Backup(BackupError),
}

impl From<BackupError> for CliError {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Vault(e) => CliError::Vault(e),
            other => CliError::Backup(other),
        }
    }
}

impl From<PlanError> for CliError {
    fn from(e: PlanError) -> Self {
        match e {
            PlanError::Vault(e) => CliError::Vault(e),
            other => CliError::Plan(other),
        }
    }
}

impl From<CheckInError> for CliError {
    fn from(e: CheckInError) -> Self {
        match e {
            CheckInError::Vault(e) => CliError::Vault(e),
            other => CliError::CheckIn(other),
        }
    }
}

/// Core's sentence, with the flag that answers it when an import was refused.
fn meetings_message(e: &MeetingsError) -> String {
    let hint = match e {
        MeetingsError::WrongFormat { looks_like, .. } => format!(
            "try --format {}",
            match looks_like {
                FeedFormat::MeetingGuide => "meeting-guide",
                FeedFormat::Bmlt => "bmlt",
            }
        ),
        MeetingsError::ReplaceNeeded { .. } => {
            "add --replace to apply it (meetings you saved or noted are kept, flagged)".to_owned()
        }
        MeetingsError::ZoneNeeded { suggested, .. } => format!(
            "pass --zone {}",
            suggested.map_or("ZONE (an IANA name such as America/Chicago)", |z| z.name())
        ),
        _ => return e.to_string(),
    };
    format!("{e}; {hint}")
}

fn support_message(e: &SupportError) -> String {
    match e {
        SupportError::Vault(v) => vault_message(v),
        other => other.to_string(),
    }
}

impl From<MeetingStoreError> for CliError {
    fn from(e: MeetingStoreError) -> Self {
        match e {
            MeetingStoreError::NotFound => CliError::NoSuchMeeting(String::new()),
            MeetingStoreError::Ambiguous => CliError::AmbiguousMeeting(String::new()),
            MeetingStoreError::Meetings(e) => CliError::Meetings(e),
            MeetingStoreError::Vault(e) => CliError::Vault(e),
        }
    }
}

impl From<DateError> for CliError {
    fn from(e: DateError) -> Self {
        CliError::Invalid(CleanTimeError::Date(e))
    }
}

impl From<CounterStoreError> for CliError {
    fn from(e: CounterStoreError) -> Self {
        match e {
            CounterStoreError::NotFound => CliError::NoSuchCounter(String::new()),
            CounterStoreError::Ambiguous => CliError::AmbiguousCounter(String::new()),
            CounterStoreError::Invalid(e) => CliError::Invalid(e),
            CounterStoreError::Vault(e) => CliError::Vault(e),
        }
    }
}

fn vault_message(e: &VaultError) -> String {
    match e {
        VaultError::Locked => "the store is locked; unlock it with `oneday unlock --recovery`".to_owned(),
        VaultError::WrongDeviceKey | VaultError::NoDeviceSlot => {
            "this computer's device key does not open the store; unlock it with `oneday unlock --recovery`"
                .to_owned()
        }
        VaultError::AlreadyExists => "a One Day store already exists there".to_owned(),
        other => other.to_string(),
    }
}

impl CliError {
    /// The error for a failed read of the person's input (stdin, the terminal, a file given for
    /// it): bytes that are not UTF-8 are a refused value, anything else an I/O failure.
    pub fn input(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::InvalidData {
            CliError::NotUtf8
        } else {
            CliError::Input(e)
        }
    }

    /// Whether this is stdout closed by its reader.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Output(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
            CliError::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Invalid(_)
            | CliError::NoSuchCounter(_)
            | CliError::AmbiguousCounter(_)
            | CliError::BadDeviceKeyEnv
            | CliError::PassphraseMismatch
            | CliError::NeedsConfirmation(_)
            | CliError::NoInput
            | CliError::NotUtf8
            | CliError::BadValue { .. }
            | CliError::LineTooLong { .. }
            | CliError::Meetings(_)
            | CliError::NoSuchMeeting(_)
            | CliError::AmbiguousMeeting(_)
            | CliError::BadPoint
            | CliError::BadRadius
            | CliError::Fetch(FetchError::BadUrl | FetchError::TooLarge { .. })
            | CliError::FeedFile(..)
            | CliError::UnknownZone(_)
            | CliError::NoLocalZone
            | CliError::CheckIn(_)
            | CliError::Plan(_)
            | CliError::PlanUsage(_) => 3,
            CliError::NoDeviceKey
            | CliError::BadKeyFile
            | CliError::BadKeyringKey
            | CliError::LockRefused(_) => 4,
            CliError::Vault(e) | CliError::Support(SupportError::Vault(e)) => vault_exit_code(e),
            CliError::NoStore(_)
            | CliError::StoreIsAFile(_)
            | CliError::NoDataDir
            | CliError::KeyFile(_)
            | CliError::Keyring(_)
            | CliError::Input(_) => 5,
            CliError::Output(_) | CliError::Json(_) => 6,
            CliError::Fetch(FetchError::Status { .. } | FetchError::Network(_)) => 7,
            CliError::Support(SupportError::UnreadableSetting)
            | CliError::Support(SupportError::CrisisTableDamaged)
            | CliError::Launch(..) => 5,
            CliError::Support(_) | CliError::NothingToOpen => 3,
            CliError::Backup(BackupError::WrongSecret | BackupError::NotThisVaultsRecoveryCode) => {
                4
            }
            CliError::Backup(BackupError::File { .. }) => 5,
            CliError::Backup(_) => 3,
        }
    }
}

fn vault_exit_code(e: &VaultError) -> u8 {
    match e {
        VaultError::Locked
        | VaultError::WrongDeviceKey
        | VaultError::WrongRecoverySecret
        | VaultError::NoDeviceSlot
        | VaultError::MalformedRecoveryCode => 4,
        VaultError::PassphraseTooShort { .. }
        | VaultError::WeakPassphrase { .. }
        | VaultError::CurrentSecretNeeded
        | VaultError::InvalidRecordId => 3,
        VaultError::RecoverySlotDamaged => 4,
        _ => 5,
    }
}

/// Replaces Rust's panic report with one line that names no data: a panic message could hold
/// something the user typed, and it must never reach a terminal log or a crash report.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|_| {
        eprintln!("oneday: internal error (a bug in One Day); nothing was changed");
        std::process::exit(70);
    }));
}
