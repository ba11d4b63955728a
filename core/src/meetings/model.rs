//! The meeting model: what an imported meeting is, and the user's own data about it, kept apart.
//!
//! Everything here is `Serialize`/`Deserialize` because it will be sealed in the vault. The shape is
//! versioned by [`MEETING_SCHEMA_VERSION`] (carried by [`StoredMeeting`]); new optional fields are
//! added with `#[serde(default)]` so older records still read.
//!
//! - [`Meeting`] is the imported data only. A re-import replaces it wholesale.
//! - [`MeetingUserData`] is what the user added (saved flag, note, reminder, attendance). A re-import
//!   never touches it (see [`super::merge()`]).
//! - [`MeetingKey`] is how both are joined: the source the user named, the feed's own id (Meeting
//!   Guide `slug`, BMLT `id_bigint`), and a day only when one feed id covers several records on
//!   different days (see [`super::import`]).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The version of the persisted shape of [`StoredMeeting`].
pub const MEETING_SCHEMA_VERSION: u32 = 1;

/// The stable identity of a meeting: what a favourite, a note and attendance are keyed on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MeetingKey {
    /// The source (meeting list) the user imported, named by the caller (e.g. `"sanjose-aa"`).
    pub source: String,
    /// The feed's own id: the Meeting Guide `slug` or the BMLT `id_bigint`, as text.
    pub id: String,
    /// The weekday, only when the same feed id is used by records on different days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Weekday>,
    /// A 1-based occurrence number, only when one id is reused by different meetings on the same day
    /// (the second is `Some(2)`, …; see the import report's duplicates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
}

impl Ord for MeetingKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let day = |k: &Self| k.day.map(|d| d.num_days_from_sunday());
        (&self.source, &self.id, day(self), self.occurrence).cmp(&(
            &other.source,
            &other.id,
            day(other),
            other.occurrence,
        ))
    }
}

impl PartialOrd for MeetingKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for MeetingKey {
    /// `source/id`, then `@Mon` for a per-day key and `#2` for a repeated id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.source, self.id)?;
        if let Some(d) = self.day {
            write!(f, "@{d}")?;
        }
        if let Some(n) = self.occurrence {
            write!(f, "#{n}")?;
        }
        Ok(())
    }
}

/// Which feed format a meeting was imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedFormat {
    /// Meeting Guide JSON (code4recovery/spec) and close variants.
    MeetingGuide,
    /// BMLT semantic JSON (`GetSearchResults`).
    Bmlt,
}

impl FeedFormat {
    /// The format's name for a person: `Meeting Guide`, `BMLT`.
    pub fn name(self) -> &'static str {
        match self {
            Self::MeetingGuide => "Meeting Guide",
            Self::Bmlt => "BMLT",
        }
    }

    /// The other format (there are two).
    pub fn other(self) -> Self {
        match self {
            Self::MeetingGuide => Self::Bmlt,
            Self::Bmlt => Self::MeetingGuide,
        }
    }
}

/// Where a meeting's time zone comes from.
/// Serialised as `{"kind": "feed" | "source_default" | "unknown", "name": "Area/City"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "tz_name::ZoneRepr", try_from = "tz_name::ZoneRepr")]
pub enum MeetingZone {
    /// The feed named the zone for this meeting.
    Feed(Tz),
    /// The feed did not; the user chose this zone for the whole source (state it in the UI).
    SourceDefault(Tz),
    /// Nobody said: the meeting's time cannot be placed on the clock (never read as UTC).
    Unknown,
}

impl MeetingZone {
    /// The zone, if known.
    pub fn tz(&self) -> Option<Tz> {
        match self {
            Self::Feed(tz) | Self::SourceDefault(tz) => Some(*tz),
            Self::Unknown => None,
        }
    }
}

/// When a meeting happens each week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Schedule {
    /// Every week on these days at this local time.
    Weekly {
        /// One or more weekdays, sorted Sunday first, without repeats.
        weekdays: Vec<Weekday>,
        /// The local start time in the meeting's zone.
        start: NaiveTime,
        /// How long it lasts in minutes, when the feed says (an end time is turned into this; an end
        /// before the start means the meeting runs past midnight).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duration_minutes: Option<u32>,
    },
    /// No day or time in the feed: listed and searchable, but never in "next".
    ByAppointment,
}

impl Schedule {
    /// The weekdays, empty for a meeting by appointment.
    pub fn weekdays(&self) -> &[Weekday] {
        match self {
            Self::Weekly { weekdays, .. } => weekdays,
            Self::ByAppointment => &[],
        }
    }

    /// The local start time, if any.
    pub fn start(&self) -> Option<NaiveTime> {
        match self {
            Self::Weekly { start, .. } => Some(*start),
            Self::ByAppointment => None,
        }
    }

    /// The local end time (on the next day when the meeting runs past midnight), if the feed said.
    pub fn end(&self) -> Option<NaiveTime> {
        match self {
            Self::Weekly {
                start,
                duration_minutes: Some(m),
                ..
            } => Some(*start + TimeDelta::minutes(i64::from(*m))),
            _ => None,
        }
    }

    /// Whether the meeting ends after midnight of the day it starts.
    pub fn runs_past_midnight(&self) -> bool {
        match self {
            Self::Weekly {
                start,
                duration_minutes: Some(m),
                ..
            } => {
                let secs = i64::from(start.num_seconds_from_midnight()) + i64::from(*m) * 60;
                secs > 86_400
            }
            _ => false,
        }
    }
}

/// How people attend, derived the way each format defines it (see the importers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceMode {
    /// At a place only.
    InPerson,
    /// Online (video link), possibly with a phone bridge too.
    Online,
    /// At a place and online.
    Hybrid,
    /// By phone only (a dial-in number, no link, no place).
    PhoneOnly,
    /// The place is closed for now and there is no online alternative.
    TemporarilyClosed,
}

/// Whether a meeting is open to anyone or closed to those who share the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Openness {
    /// Anyone may attend.
    Open,
    /// For those with a desire to stop (the programme's own definition).
    Closed,
    /// The feed does not say.
    Unspecified,
}

/// A point on Earth in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, -90..=90.
    pub latitude: f64,
    /// Longitude, -180..=180.
    pub longitude: f64,
}

impl Coordinates {
    /// Valid coordinates, or `None` when out of range, not finite, or the (0, 0) placeholder.
    pub fn new(latitude: f64, longitude: f64) -> Option<Self> {
        let valid = latitude.is_finite()
            && longitude.is_finite()
            && (-90.0..=90.0).contains(&latitude)
            && (-180.0..=180.0).contains(&longitude)
            && !(latitude == 0.0 && longitude == 0.0);
        valid.then_some(Self {
            latitude,
            longitude,
        })
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6,371.0088 km).
    pub fn distance_km(&self, other: &Coordinates) -> f64 {
        const R: f64 = 6_371.008_8;
        let (p1, p2) = (self.latitude.to_radians(), other.latitude.to_radians());
        let dp = p2 - p1;
        let dl = (other.longitude - self.longitude).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * R * a.sqrt().min(1.0).asin()
    }
}

/// Where an in-person or hybrid meeting is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name ("St. Mark's Church").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City or municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Postal code, as text (leading zeros kept when the feed kept them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country, as the feed wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The address on one line, from the feed or joined from the parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted_address: Option<String>,
    /// The feed's region or neighbourhood name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Coordinates of a real place; `None` for placeholders (see the importers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// The address and coordinates are only approximate (a town, not a door).
    #[serde(default)]
    pub approximate: bool,
    /// Directions and notes about the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Location {
    /// Coordinates good enough to measure a distance to: present and not approximate.
    pub fn exact_coordinates(&self) -> Option<Coordinates> {
        if self.approximate {
            None
        } else {
            self.coordinates
        }
    }
}

/// How to join online or by phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineAccess {
    /// The conference link (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Notes about the link (meeting id, passcode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_notes: Option<String>,
    /// The dial-in number as the feed wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The same number reduced to dialable characters (`+`, digits, `,` pauses, `#`, `*`), for a
    /// one-tap `tel:` link that also enters the meeting id: `+16699009128,,71771828957#`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_dial: Option<String>,
    /// Notes about the phone access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_notes: Option<String>,
}

impl OnlineAccess {
    /// Whether there is any way to join remotely.
    pub fn is_empty(&self) -> bool {
        self.url.is_none() && self.phone.is_none()
    }

    /// A `tel:` URI for one-tap dialling (`#` escaped as `%23`), if there is a dialable number.
    pub fn tel_uri(&self) -> Option<String> {
        self.phone_dial
            .as_ref()
            .map(|d| format!("tel:{}", d.replace('#', "%23")))
    }
}

/// A meeting type or format: its code and, when known, a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingType {
    /// The code as the feed uses it (Meeting Guide type code, upper case; BMLT `key_string`).
    pub code: String,
    /// The human label (spec label for Meeting Guide, `name_string` for BMLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The BMLT language-independent `world_id`, when the format has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub world_id: Option<String>,
}

/// One meeting as imported: no user data in here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// The stable identity.
    pub key: MeetingKey,
    /// The meeting's name.
    pub name: String,
    /// The fellowship (AA, NA, Al-Anon…), as the caller named the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fellowship: Option<String>,
    /// Days and time.
    pub schedule: Schedule,
    /// The zone the schedule is in.
    pub zone: MeetingZone,
    /// How people attend.
    pub attendance: AttendanceMode,
    /// The place (may be empty for online meetings).
    #[serde(default)]
    pub location: Location,
    /// Online and phone access.
    #[serde(default)]
    pub online: OnlineAccess,
    /// Open or closed.
    pub openness: Openness,
    /// Types (Meeting Guide) or formats (BMLT).
    #[serde(default)]
    pub types: Vec<MeetingType>,
    /// The group that holds the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Notes about the meeting (and the group's notes after a blank line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The feed format it came from.
    pub format: FeedFormat,
    /// When the feed says the record was last changed (local time of the feed, no zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDateTime>,
}

impl Meeting {
    /// Whether the meeting has a type whose code or BMLT world id is `code` (case-insensitive).
    pub fn has_type(&self, code: &str) -> bool {
        self.types.iter().any(|t| {
            t.code.eq_ignore_ascii_case(code)
                || t.world_id
                    .as_deref()
                    .is_some_and(|w| w.eq_ignore_ascii_case(code))
        })
    }
}

/// When to be reminded of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReminderChoice {
    /// No reminder.
    Off,
    /// This many minutes before each occurrence starts.
    MinutesBefore {
        /// Minutes before the start.
        minutes: u32,
    },
}

/// The longest a reminder may come before its meeting: one week, since meetings repeat weekly.
pub const MAX_REMINDER_MINUTES: u32 = 7 * 24 * 60;

/// The longest note the user may keep on a meeting, in characters (as a contact's note).
pub const MAX_NOTE_CHARS: usize = 1_000;

impl ReminderChoice {
    /// Refuses a reminder more than [`MAX_REMINDER_MINUTES`] ahead.
    pub fn validate(&self) -> Result<(), super::MeetingsError> {
        match *self {
            Self::MinutesBefore { minutes } if minutes > MAX_REMINDER_MINUTES => {
                Err(super::MeetingsError::ReminderTooEarly {
                    minutes,
                    max: MAX_REMINDER_MINUTES,
                })
            }
            _ => Ok(()),
        }
    }

    /// When to remind for an occurrence starting at `start` (an instant; the result keeps its
    /// zone), or `None` for [`ReminderChoice::Off`].
    pub fn remind_at<Z: chrono::TimeZone>(
        &self,
        start: &chrono::DateTime<Z>,
    ) -> Option<chrono::DateTime<Z>> {
        match *self {
            Self::Off => None,
            Self::MinutesBefore { minutes } => {
                Some(start.clone() - chrono::Duration::minutes(i64::from(minutes)))
            }
        }
    }
}

/// What the user added to a meeting. Survives every re-import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingUserData {
    /// The meeting is among the user's saved meetings.
    #[serde(default)]
    pub saved: bool,
    /// The user's own note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The reminder the user chose.
    pub reminder: ReminderChoice,
    /// The civil dates the user went (one entry per day; see [`super::attendance`]).
    #[serde(default)]
    pub attended: BTreeSet<NaiveDate>,
}

impl Default for MeetingUserData {
    fn default() -> Self {
        Self {
            saved: false,
            note: None,
            reminder: ReminderChoice::Off,
            attended: BTreeSet::new(),
        }
    }
}

impl MeetingUserData {
    /// Whether the user added nothing (such a meeting can be forgotten when it vanishes upstream).
    pub fn is_empty(&self) -> bool {
        !self.saved
            && self.note.is_none()
            && self.reminder == ReminderChoice::Off
            && self.attended.is_empty()
    }
}

/// A meeting as kept for the user: imported data, user data, and whether the feed still lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMeeting {
    /// [`MEETING_SCHEMA_VERSION`] at the time it was written.
    pub version: u32,
    /// The imported data (the last import that listed it).
    pub meeting: Meeting,
    /// The user's data.
    #[serde(default)]
    pub user: MeetingUserData,
    /// The last import of its source no longer listed it; kept because the user had data on it.
    #[serde(default)]
    pub vanished_upstream: bool,
}

impl StoredMeeting {
    /// A freshly imported meeting with no user data.
    pub fn new(meeting: Meeting) -> Self {
        Self {
            version: MEETING_SCHEMA_VERSION,
            meeting,
            user: MeetingUserData::default(),
            vanished_upstream: false,
        }
    }
}

/// Serde for [`MeetingZone`], with the zone as its IANA name.
mod tz_name {
    use chrono_tz::Tz;
    use serde::{Deserialize, Serialize};

    use super::MeetingZone;

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind {
        Feed,
        SourceDefault,
        Unknown,
    }

    #[derive(Serialize, Deserialize)]
    pub struct ZoneRepr {
        kind: Kind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    }

    impl From<MeetingZone> for ZoneRepr {
        fn from(z: MeetingZone) -> Self {
            let (kind, name) = match z {
                MeetingZone::Feed(tz) => (Kind::Feed, Some(tz.name().to_owned())),
                MeetingZone::SourceDefault(tz) => (Kind::SourceDefault, Some(tz.name().to_owned())),
                MeetingZone::Unknown => (Kind::Unknown, None),
            };
            Self { kind, name }
        }
    }

    impl TryFrom<ZoneRepr> for MeetingZone {
        type Error = String;

        fn try_from(r: ZoneRepr) -> Result<Self, String> {
            let tz = || -> Result<Tz, String> {
                r.name
                    .as_deref()
                    .and_then(crate::meetings::zone_name::parse_zone)
                    .ok_or_else(|| "unknown IANA time zone".to_owned())
            };
            Ok(match r.kind {
                Kind::Feed => MeetingZone::Feed(tz()?),
                Kind::SourceDefault => MeetingZone::SourceDefault(tz()?),
                Kind::Unknown => MeetingZone::Unknown,
            })
        }
    }
}

/// Backups: a meeting is matched by its key. The newer edit wins, and the days attended on either
/// side are all kept.
impl crate::record_merge::Mergeable for StoredMeeting {
    fn identity(&self) -> String {
        let k = &self.meeting.key;
        format!(
            "{}\u{0}{}\u{0}{:?}\u{0}{:?}",
            k.source, k.id, k.day, k.occurrence
        )
    }

    fn merge(
        local: &Self,
        incoming: &Self,
        incoming_is_newer: bool,
    ) -> crate::record_merge::Merged<Self> {
        use crate::record_merge::Merged;
        let (newer, older) = if incoming_is_newer {
            (incoming, local)
        } else {
            (local, incoming)
        };
        let mut merged = newer.clone();
        merged
            .user
            .attended
            .extend(older.user.attended.iter().copied());
        if &merged == local {
            Merged::Local
        } else if &merged == incoming {
            Merged::Incoming
        } else {
            Merged::Combined(merged)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn key_display() {
        let mut k = MeetingKey {
            source: "sj".into(),
            id: "pass-it-on".into(),
            day: None,
            occurrence: None,
        };
        assert_eq!(k.to_string(), "sj/pass-it-on");
        k.day = Some(Weekday::Mon);
        k.occurrence = Some(2);
        assert_eq!(k.to_string(), "sj/pass-it-on@Mon#2");
    }

    #[test]
    fn schedule_end_and_midnight() {
        let s = Schedule::Weekly {
            weekdays: vec![Weekday::Sat],
            start: t(23, 0),
            duration_minutes: Some(90),
        };
        assert_eq!(s.end(), Some(t(0, 30)));
        assert!(s.runs_past_midnight());
        assert!(!Schedule::ByAppointment.runs_past_midnight());
        assert!(Schedule::ByAppointment.weekdays().is_empty());
    }

    #[test]
    fn coordinates_validity_and_distance() {
        assert!(Coordinates::new(0.0, 0.0).is_none());
        assert!(Coordinates::new(91.0, 0.0).is_none());
        assert!(Coordinates::new(f64::NAN, 0.0).is_none());
        let berlin = Coordinates::new(52.52, 13.405).unwrap();
        let paris = Coordinates::new(48.8566, 2.3522).unwrap();
        let d = berlin.distance_km(&paris);
        assert!((d - 878.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn zone_serde_round_trip() {
        let z = MeetingZone::Feed(chrono_tz::Asia::Kolkata);
        let j = serde_json::to_string(&z).unwrap();
        assert_eq!(j, r#"{"kind":"feed","name":"Asia/Kolkata"}"#);
        assert_eq!(serde_json::from_str::<MeetingZone>(&j).unwrap(), z);
        let u = serde_json::to_string(&MeetingZone::Unknown).unwrap();
        assert_eq!(
            serde_json::from_str::<MeetingZone>(&u).unwrap(),
            MeetingZone::Unknown
        );
        assert!(
            serde_json::from_str::<MeetingZone>(r#"{"kind":"feed","name":"Mars/Base"}"#).is_err()
        );
    }

    #[test]
    fn user_data_emptiness_and_tel() {
        let mut u = MeetingUserData::default();
        assert!(u.is_empty());
        u.reminder = ReminderChoice::MinutesBefore { minutes: 30 };
        assert!(!u.is_empty());
        let o = OnlineAccess {
            phone_dial: Some("+16699009128,,717#".into()),
            ..OnlineAccess::default()
        };
        assert_eq!(o.tel_uri().unwrap(), "tel:+16699009128,,717%23");
    }
}
