//! A stored meeting as the shells see it: the imported data, the user's own data, and the enums
//! they are made of.
//!
//! Every rule is core's (`oneday_core::meetings`): how a feed's days, times, zones and types are
//! read, how attendance mode and openness are derived, which number to dial. A [`Meeting`] joins
//! what the last import said ([`Meeting::name`], [`Meeting::schedule`], ...) with what the user
//! added ([`Meeting::user`]), which a re-import never touches. A meeting the feed no longer lists
//! is kept, flagged [`Meeting::vanished_upstream`], when the user had added something to it.

use oneday_core::meetings as core;
use oneday_core::vault::RecordId;

use crate::dates::{LocalDate, LocalDateTime, LocalTime};

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// Which feed format a meeting list is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum FeedFormat {
    /// Meeting Guide JSON (AA, code4recovery/spec) and its close variants.
    MeetingGuide,
    /// BMLT semantic JSON (NA, `GetSearchResults`), with `GetFormats` to label formats.
    Bmlt,
}

/// How people attend a meeting, derived the way each feed format defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AttendanceMode {
    /// At a place only.
    InPerson,
    /// Online (a video link), possibly with a phone bridge too.
    Online,
    /// At a place and online.
    Hybrid,
    /// By phone only (a dial-in number, no link, no place).
    PhoneOnly,
    /// The place is closed for now and there is no online alternative.
    TemporarilyClosed,
}

/// Whether a meeting is open to anyone or closed to those who share the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Openness {
    /// Anyone may attend.
    Open,
    /// For those with a desire to stop (the programme's own definition).
    Closed,
    /// The feed does not say.
    Unspecified,
}

/// Where the zone of a meeting's schedule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeetingZoneSource {
    /// The feed named the zone for this meeting.
    Feed,
    /// The feed did not; the user chose this zone for the whole list (say so in the UI).
    SourceDefault,
    /// Nobody said: the meeting cannot be placed on the clock (it is never read as UTC).
    Unknown,
}

/// The zone a meeting's local times are in, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingZone {
    /// Where the zone comes from.
    pub source: MeetingZoneSource,
    /// The IANA zone name (`America/New_York`); absent when the zone is unknown.
    pub name: Option<String>,
}

/// The stable identity of a meeting: what a favourite, a note and attendance are keyed on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingKey {
    /// The key as one string: `source/id`, then `@Mon` for a per-day key and `#2` for a repeated
    /// id. `meeting(id)` accepts it.
    pub text: String,
    /// The name the user gave the meeting list when importing it.
    pub source: String,
    /// The feed's own id: the Meeting Guide `slug` or the BMLT `id_bigint`.
    pub feed_id: String,
    /// The weekday, only when the feed uses one id for records on different days.
    pub day: Option<Weekday>,
    /// A 1-based occurrence number, only when one id is reused by different meetings on one day.
    pub occurrence: Option<u32>,
}

/// When a meeting happens each week.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeetingSchedule {
    /// Every week on these days at this local time (in the meeting's zone).
    Weekly {
        /// One or more weekdays, Sunday first, without repeats.
        weekdays: Vec<Weekday>,
        /// The local start time.
        start: LocalTime,
        /// How long it lasts in minutes, when the feed says.
        duration_minutes: Option<u32>,
        /// The local end time, when the feed says (on the next day when it runs past midnight).
        end: Option<LocalTime>,
        /// Whether it ends after midnight of the day it starts.
        runs_past_midnight: bool,
    },
    /// No day or time in the feed ("by appointment"): listed and searchable, never in "next".
    ByAppointment,
}

/// A point on Earth in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct Coordinates {
    /// Latitude, -90 to 90.
    pub latitude: f64,
    /// Longitude, -180 to 180.
    pub longitude: f64,
}

/// Where an in-person or hybrid meeting is. Every part is optional: feeds give what they have.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingLocation {
    /// The place's name ("St. Mark's Church").
    pub name: Option<String>,
    /// Street address.
    pub street: Option<String>,
    /// City or municipality.
    pub city: Option<String>,
    /// State or province.
    pub province: Option<String>,
    /// Postal code, as text.
    pub postal_code: Option<String>,
    /// Country, as the feed wrote it.
    pub country: Option<String>,
    /// The address on one line.
    pub formatted_address: Option<String>,
    /// The feed's region or neighbourhood name.
    pub region: Option<String>,
    /// Coordinates of a real place; absent for placeholders.
    pub coordinates: Option<Coordinates>,
    /// The address and coordinates are only approximate (a town, not a door).
    pub approximate: bool,
    /// Directions and notes about the place.
    pub notes: Option<String>,
}

/// How to join a meeting online or by phone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingOnlineAccess {
    /// The conference link (http or https only).
    pub url: Option<String>,
    /// Notes about the link (meeting id, passcode).
    pub url_notes: Option<String>,
    /// The dial-in number as the feed wrote it.
    pub phone: Option<String>,
    /// The same number reduced to dialable characters, pauses and `#` included.
    pub phone_dial: Option<String>,
    /// Notes about the phone access.
    pub phone_notes: Option<String>,
    /// A `tel:` URI for one-tap dialling that also enters the meeting id, if there is a number.
    pub tel_uri: Option<String>,
}

/// A meeting type (Meeting Guide) or format (BMLT).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingType {
    /// The code as the feed uses it (`O`, `C`, `ONL`; a BMLT `key_string`).
    pub code: String,
    /// The human label, when known.
    pub label: Option<String>,
    /// The BMLT language-independent `world_id`, when the format has one.
    pub world_id: Option<String>,
}

/// When to be reminded of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeetingReminder {
    /// No reminder.
    Off,
    /// This many minutes before each occurrence (at most one week: 10,080 minutes).
    MinutesBefore {
        /// Minutes before the start.
        minutes: u32,
    },
}

/// What the user added to a meeting. It survives every re-import.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct MeetingUserData {
    /// Among the user's saved meetings.
    pub saved: bool,
    /// The user's own note.
    pub note: Option<String>,
    /// The reminder the user chose.
    pub reminder: MeetingReminder,
    /// The days the user went, oldest first (once per day).
    pub attended: Vec<LocalDate>,
}

/// A meeting kept in the vault: the last import's data and the user's own.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Meeting {
    /// Its record id in the vault: 32 hex digits, random. `meeting(id)` also accepts the key.
    pub id: String,
    /// Its stable identity.
    pub key: MeetingKey,
    /// The meeting's name.
    pub name: String,
    /// The fellowship (AA, NA, ...), when known.
    pub fellowship: Option<String>,
    /// Days and time.
    pub schedule: MeetingSchedule,
    /// The zone the schedule is in, as the feed (or the user's choice at import) gave it.
    pub zone: MeetingZone,
    /// How people attend.
    pub attendance: AttendanceMode,
    /// The place (may be empty for online meetings).
    pub location: MeetingLocation,
    /// Online and phone access.
    pub online: MeetingOnlineAccess,
    /// Open or closed.
    pub openness: Openness,
    /// Types or formats.
    pub types: Vec<MeetingType>,
    /// The group that holds the meeting.
    pub group: Option<String>,
    /// Notes about the meeting.
    pub notes: Option<String>,
    /// The name the user gave the meeting list (the key's source).
    pub source: String,
    /// The feed format it came from.
    pub format: FeedFormat,
    /// When the feed says the record last changed (the feed's local time, no zone).
    pub last_updated: Option<LocalDateTime>,
    /// What the user added.
    pub user: MeetingUserData,
    /// The last import of its list no longer had it; kept because the user had added something.
    pub vanished_upstream: bool,
}

impl Meeting {
    /// The FFI view of a stored meeting with its record id.
    pub(crate) fn new(id: &RecordId, stored: &core::StoredMeeting) -> Self {
        let m = &stored.meeting;
        Meeting {
            id: id.to_string(),
            key: (&m.key).into(),
            name: m.name.clone(),
            fellowship: m.fellowship.clone(),
            schedule: (&m.schedule).into(),
            zone: m.zone.into(),
            attendance: m.attendance.into(),
            location: (&m.location).into(),
            online: (&m.online).into(),
            openness: m.openness.into(),
            types: m
                .types
                .iter()
                .map(|t| MeetingType {
                    code: t.code.clone(),
                    label: t.label.clone(),
                    world_id: t.world_id.clone(),
                })
                .collect(),
            group: m.group.clone(),
            notes: m.notes.clone(),
            source: m.key.source.clone(),
            format: m.format.into(),
            last_updated: m.updated,
            user: (&stored.user).into(),
            vanished_upstream: stored.vanished_upstream,
        }
    }
}

impl From<&core::store::MeetingRecord> for Meeting {
    fn from(r: &core::store::MeetingRecord) -> Self {
        Meeting::new(&r.id, &r.stored)
    }
}

impl From<chrono::Weekday> for Weekday {
    fn from(d: chrono::Weekday) -> Self {
        match d {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }
}

impl From<Weekday> for chrono::Weekday {
    fn from(d: Weekday) -> Self {
        match d {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

impl From<core::FeedFormat> for FeedFormat {
    fn from(f: core::FeedFormat) -> Self {
        match f {
            core::FeedFormat::MeetingGuide => FeedFormat::MeetingGuide,
            core::FeedFormat::Bmlt => FeedFormat::Bmlt,
        }
    }
}

impl From<FeedFormat> for core::FeedFormat {
    fn from(f: FeedFormat) -> Self {
        match f {
            FeedFormat::MeetingGuide => core::FeedFormat::MeetingGuide,
            FeedFormat::Bmlt => core::FeedFormat::Bmlt,
        }
    }
}

impl From<core::AttendanceMode> for AttendanceMode {
    fn from(m: core::AttendanceMode) -> Self {
        match m {
            core::AttendanceMode::InPerson => AttendanceMode::InPerson,
            core::AttendanceMode::Online => AttendanceMode::Online,
            core::AttendanceMode::Hybrid => AttendanceMode::Hybrid,
            core::AttendanceMode::PhoneOnly => AttendanceMode::PhoneOnly,
            core::AttendanceMode::TemporarilyClosed => AttendanceMode::TemporarilyClosed,
        }
    }
}

impl From<AttendanceMode> for core::AttendanceMode {
    fn from(m: AttendanceMode) -> Self {
        match m {
            AttendanceMode::InPerson => core::AttendanceMode::InPerson,
            AttendanceMode::Online => core::AttendanceMode::Online,
            AttendanceMode::Hybrid => core::AttendanceMode::Hybrid,
            AttendanceMode::PhoneOnly => core::AttendanceMode::PhoneOnly,
            AttendanceMode::TemporarilyClosed => core::AttendanceMode::TemporarilyClosed,
        }
    }
}

impl From<core::Openness> for Openness {
    fn from(o: core::Openness) -> Self {
        match o {
            core::Openness::Open => Openness::Open,
            core::Openness::Closed => Openness::Closed,
            core::Openness::Unspecified => Openness::Unspecified,
        }
    }
}

impl From<Openness> for core::Openness {
    fn from(o: Openness) -> Self {
        match o {
            Openness::Open => core::Openness::Open,
            Openness::Closed => core::Openness::Closed,
            Openness::Unspecified => core::Openness::Unspecified,
        }
    }
}

impl From<core::MeetingZone> for MeetingZone {
    fn from(z: core::MeetingZone) -> Self {
        let source = match z {
            core::MeetingZone::Feed(_) => MeetingZoneSource::Feed,
            core::MeetingZone::SourceDefault(_) => MeetingZoneSource::SourceDefault,
            core::MeetingZone::Unknown => MeetingZoneSource::Unknown,
        };
        MeetingZone {
            source,
            name: z.tz().map(|tz| tz.name().to_owned()),
        }
    }
}

impl From<&core::MeetingKey> for MeetingKey {
    fn from(k: &core::MeetingKey) -> Self {
        MeetingKey {
            text: k.to_string(),
            source: k.source.clone(),
            feed_id: k.id.clone(),
            day: k.day.map(Into::into),
            occurrence: k.occurrence,
        }
    }
}

impl From<&core::Schedule> for MeetingSchedule {
    fn from(s: &core::Schedule) -> Self {
        match s {
            core::Schedule::Weekly {
                weekdays,
                start,
                duration_minutes,
            } => MeetingSchedule::Weekly {
                weekdays: weekdays.iter().map(|d| (*d).into()).collect(),
                start: *start,
                duration_minutes: *duration_minutes,
                end: s.end(),
                runs_past_midnight: s.runs_past_midnight(),
            },
            core::Schedule::ByAppointment => MeetingSchedule::ByAppointment,
        }
    }
}

impl From<core::Coordinates> for Coordinates {
    fn from(c: core::Coordinates) -> Self {
        Coordinates {
            latitude: c.latitude,
            longitude: c.longitude,
        }
    }
}

impl From<&core::Location> for MeetingLocation {
    fn from(l: &core::Location) -> Self {
        MeetingLocation {
            name: l.name.clone(),
            street: l.street.clone(),
            city: l.city.clone(),
            province: l.province.clone(),
            postal_code: l.postal_code.clone(),
            country: l.country.clone(),
            formatted_address: l.formatted_address.clone(),
            region: l.region.clone(),
            coordinates: l.coordinates.map(Into::into),
            approximate: l.approximate,
            notes: l.notes.clone(),
        }
    }
}

impl From<&core::OnlineAccess> for MeetingOnlineAccess {
    fn from(o: &core::OnlineAccess) -> Self {
        MeetingOnlineAccess {
            url: o.url.clone(),
            url_notes: o.url_notes.clone(),
            phone: o.phone.clone(),
            phone_dial: o.phone_dial.clone(),
            phone_notes: o.phone_notes.clone(),
            tel_uri: o.tel_uri(),
        }
    }
}

impl From<core::ReminderChoice> for MeetingReminder {
    fn from(r: core::ReminderChoice) -> Self {
        match r {
            core::ReminderChoice::Off => MeetingReminder::Off,
            core::ReminderChoice::MinutesBefore { minutes } => {
                MeetingReminder::MinutesBefore { minutes }
            }
        }
    }
}

impl From<MeetingReminder> for core::ReminderChoice {
    fn from(r: MeetingReminder) -> Self {
        match r {
            MeetingReminder::Off => core::ReminderChoice::Off,
            MeetingReminder::MinutesBefore { minutes } => {
                core::ReminderChoice::MinutesBefore { minutes }
            }
        }
    }
}

impl From<&core::MeetingUserData> for MeetingUserData {
    fn from(u: &core::MeetingUserData) -> Self {
        MeetingUserData {
            saved: u.saved,
            note: u.note.clone(),
            reminder: u.reminder.into(),
            attended: u.attended.iter().copied().collect(),
        }
    }
}
