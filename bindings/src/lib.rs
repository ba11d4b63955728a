//! # oneday-ffi
//!
//! The UniFFI facade over `oneday-core`: the one library the Android and iOS apps load. It holds no
//! rule of its own; every file maps core types to FFI records, enums and objects, one area per file:
//!
//! - [`dates`]: civil dates, times of day and date-times cross as ISO strings (`LocalDate`, ...),
//!   parsed by core's one parser; a refused one is the called area's typed error.
//! - [`errors`]: one typed error per area, [`VaultError`] and [`CleanTimeError`], with messages a
//!   person can act on; the one mapping of vault failures every area's error shares, and secrets
//!   as core's `Secret` (UTF-8 checked, NFC).
//! - [`kdf`]: the Argon2id cost of the recovery slot.
//! - [`vault`]: the [`Vault`] object (create, open, lock, unlock, key slots) and the panic wipe.
//! - [`cleantime`]: the stateless clean-time calculator and its result.
//! - [`profiles`]: milestone profiles (NA key tags, AA chips, custom lists) and milestones.
//! - [`money`]: money in exact minor units.
//! - [`counter`]: a stored counter, its settings, attempts and stats.
//! - [`counters`]: the counter methods of [`Vault`] (add, reset, back-date, status, reminders).
//! - meetings: [`meetings`] (a stored [`Meeting`] and its parts), [`meeting_filter`],
//!   [`meeting_import`] (the import report), [`meeting_upcoming`] (next meetings across zones,
//!   attendance), [`meeting_errors`] ([`MeetingsError`], with typed fields) and [`meeting_store`]
//!   (the meetings methods of [`Vault`]: import, search, save, note, reminder, attend, next, .ics).
//! - [`checkins`]: daily check-ins, their trends and preferences, and [`CheckInError`].
//! - [`support`], [`support_store`], [`support_error`]: contacts, one-tap call and text, crisis lines.
//! - [`plan`], [`plans`], [`plan_error`]: the safety and relapse-prevention plans, the plan
//!   methods of [`Vault`] (save, revisions, restore, export, completeness) and [`PlanError`].
//! - [`backup`]: encrypted backups (export, verify, restore or merge) and [`BackupError`].
//!
//! Conventions: secrets (device key, recovery code, passphrase) cross as bytes, never as strings, and
//! the FFI's own copies are wiped after use (passphrases and recovery codes are normalised by core,
//! never by the apps); objects are `Arc`s that are `Send + Sync`; no function
//! panics on anything the caller passes (no `unwrap`/`expect` on foreign input). Kotlin and Swift
//! names come from the Rust names (`clean_time` is `cleanTime`, `VaultError` is `VaultException` in
//! Kotlin and `VaultError` in Swift). `bindings/README.md` explains how to generate the bindings.

uniffi::setup_scaffolding!("oneday");

pub mod backup;
pub mod checkins;
pub mod cleantime;
pub mod counter;
pub mod counters;
pub mod dates;
pub mod errors;
pub mod input_limits;
pub mod kdf;
pub mod meeting_errors;
pub mod meeting_filter;
pub mod meeting_import;
pub mod meeting_store;
pub mod meeting_upcoming;
pub mod meetings;
pub mod money;
pub mod plan;
pub mod plan_edit;
pub mod plan_error;
pub mod plan_screen;
pub mod plans;
pub mod profiles;
pub mod support;
pub mod support_error;
pub mod support_store;
pub mod vault;

pub use backup::{
    read_backup_header, suggested_backup_file_name, verify_backup, BackupError, BackupHeader,
    BackupKindCount, BackupRecordKind, BackupSecretKind, BackupSummary, KindRestoreReport,
    RestoreReport,
};
pub use checkins::{
    CheckIn, CheckInAverage, CheckInAverages, CheckInDay, CheckInError, CheckInFlag,
    CheckInFlagRule, CheckInPreferences, CheckInStreak, CheckInTrends, Medication,
};
pub use cleantime::{clean_time, CleanTime, CountState, CountingMode, NextMilestone, Period};
pub use counter::{
    Attempt, AttemptEnd, AttemptStats, Counter, CounterKind, CounterReminder, CounterSettings,
    CounterStatus, EndReason,
};
pub use dates::{parse_date, LocalDate, LocalDateTime, LocalTime};
pub use errors::{CleanTimeError, VaultError};
pub use kdf::{default_kdf_params, minimum_kdf_params, KdfParams};
pub use meeting_errors::MeetingsError;
pub use meeting_filter::{MeetingFilter, MeetingTimeWindow, NearPoint};
pub use meeting_import::{
    DuplicateResolution, ImportDuplicate, ImportIssue, ImportIssueCount, ImportRecordIssue,
    MeetingImport, MeetingImportReport, MeetingMergeCounts,
};
pub use meeting_upcoming::{MeetingAttendance, UpcomingMeeting, UpcomingMeetings, ZonedDateTime};
pub use meetings::{
    AttendanceMode, Coordinates, FeedFormat, Meeting, MeetingKey, MeetingLocation,
    MeetingOnlineAccess, MeetingReminder, MeetingSchedule, MeetingType, MeetingUserData,
    MeetingZone, MeetingZoneSource, Openness, Weekday,
};
pub use money::{format_money, parse_money, Money};
pub use plan::{
    ContactEntry, Distraction, DistractionKind, HaltState, PlanCompleteness, PlanExportFormat,
    PlanGap, PlanKind, PlanRevision, RelapsePreventionPlan, RelapseSection, SafetyPlan, SafetyStep,
    Trigger, TriggerCategory, WarningGrade, WarningSign,
};
pub use plan_error::PlanError;
pub use profiles::{ChipColour, CustomMilestone, Milestone, MilestoneProfile, Span};
pub use support::{
    crisis_lines, default_sms_message, sms_uri, tel_uri, validate_phone, CallChannel, CallPlan,
    CallReason, CallTarget, Contact, ContactChange, ContactRole, CrisisCountry, CrisisLine,
    DirectCalls, EmergencyNumber, NewContact, PreparedMessage, RegionStatus, SourceKind,
};
pub use support_error::SupportError;
pub use vault::{create_vault, secrets_match, vault_exists, wipe_vault, Vault, VaultCreation};
