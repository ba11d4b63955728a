//! Meetings: import real meeting lists, keep favourites offline, find the next meeting across zones.
//!
//! "Where is my next meeting?" must work in a basement with no signal, so everything here is pure
//! computation on data already on the device. The core takes feed bytes; fetching is the shell's job.
//!
//! Where each rule lives:
//! - [`model`]: the meeting, its key, and the user's own data (kept apart from imported data);
//! - [`weekday`]: the two formats' weekday numbering; [`type_codes`]: Meeting Guide type labels;
//! - [`import`]: Meeting Guide and BMLT importers, their normalisation rules and the import report;
//! - [`merge`](mod@merge): re-importing a source without losing the user's data;
//! - [`next`](mod@next): upcoming occurrences, computed in each meeting's own zone;
//! - [`filter`]: weekday, time, attendance mode, open/closed, types, text and distance filters;
//! - [`upcoming`]: the Meetings screen as data (one row per meeting with its next start);
//! - [`attendance`]: the attendance log and counts such as "90 in 90";
//! - [`ics`]: RFC 5545 calendar export;
//! - [`chunks`]: how lists and the user's data are laid out in sealed records;
//! - [`store`]: meetings sealed in the vault (import, saved, notes, attendance, next, export);
//! - [`stored`]: the one loader of the meeting records, converting the older layout first;
//! - [`book`]: the stored meetings decoded once and kept while the vault is unchanged;
//! - [`zone_name`]: IANA zone names in any letter case, stored canonically;
//! - [`zone_guess`]: the likely zone of a list that names none, from its places (offline).

pub mod attendance;
pub mod book;
pub mod chunks;
pub mod error;
pub mod filter;
pub mod ics;
pub mod import;
pub mod merge;
pub mod model;
pub mod next;
pub mod store;
pub mod stored;
pub mod type_codes;
pub mod upcoming;
pub mod weekday;
pub mod zone_guess;
pub mod zone_name;

pub use error::MeetingsError;
pub use filter::{MeetingFilter, Near, TimeWindow};
pub use import::report::{ImportReport, Issue, RecordIssue};
pub use import::{parse_feed, Import, ImportOptions, MAX_FEED_BYTES, MAX_TEXT_BYTES};

pub use book::MeetingBook;
pub use merge::{merge, MergeCounts};
pub use model::{
    AttendanceMode, Coordinates, FeedFormat, Location, Meeting, MeetingKey, MeetingType,
    MeetingUserData, MeetingZone, OnlineAccess, Openness, ReminderChoice, Schedule, StoredMeeting,
    MEETING_SCHEMA_VERSION,
};
pub use next::{next, NextOccurrences, Occurrence, SourceZones};
pub use upcoming::{ListWithoutZone, MeetingPlace, MeetingsScreen, UpcomingRow};
