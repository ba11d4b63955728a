//! What callers name records by: a random [`RecordId`] and a [`RecordKind`].
//!
//! The id is the only thing about a record stored in plaintext, and it is 16 random bytes, so it says
//! nothing. The kind is stored *inside* the sealed payload: all kinds share one table, and someone
//! holding the files cannot count how many counters, meetings or contacts there are.

use std::fmt;
use std::str::FromStr;

use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::VaultError;

/// Length of a record id in bytes.
pub const RECORD_ID_LEN: usize = 16;

/// The id of a record: 16 random bytes. Displayed and parsed as 32 lowercase hex digits.
///
/// ```
/// use oneday_core::vault::RecordId;
/// let id = RecordId::generate()?;
/// let again: RecordId = id.to_string().parse()?;
/// assert_eq!(id, again);
/// # Ok::<(), oneday_core::vault::VaultError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId([u8; RECORD_ID_LEN]);

impl RecordId {
    /// Makes a new id from the system random number generator.
    pub fn generate() -> Result<Self, VaultError> {
        let mut bytes = [0u8; RECORD_ID_LEN];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| VaultError::Random)?;
        Ok(Self(bytes))
    }

    /// Wraps 16 bytes as an id (for ids read back from storage or another record).
    pub fn from_bytes(bytes: [u8; RECORD_ID_LEN]) -> Self {
        Self(bytes)
    }

    /// The 16 bytes of the id.
    pub fn as_bytes(&self) -> &[u8; RECORD_ID_LEN] {
        &self.0
    }

    /// Reads an id from a slice of exactly 16 bytes, as stored in the database.
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; RECORD_ID_LEN]>::try_from(bytes).ok().map(Self)
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in &self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({self})")
    }
}

impl FromStr for RecordId {
    type Err = VaultError;

    /// Parses 32 hex digits (either case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.as_bytes();
        if s.len() != RECORD_ID_LEN * 2 {
            return Err(VaultError::InvalidRecordId);
        }
        let mut out = [0u8; RECORD_ID_LEN];
        for (byte, pair) in out.iter_mut().zip(s.chunks_exact(2)) {
            let hi = hex_value(pair[0]).ok_or(VaultError::InvalidRecordId)?;
            let lo = hex_value(pair[1]).ok_or(VaultError::InvalidRecordId)?;
            *byte = hi << 4 | lo;
        }
        Ok(Self(out))
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom("a record id must be 32 hexadecimal digits"))
    }
}

/// Fewest hex digits of a record id a person may type to name a record.
pub const MIN_ID_PREFIX: usize = 4;

/// What a short id typed by a person matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixMatch<T> {
    /// Exactly one item.
    One(T),
    /// More than one item: more digits are needed.
    Many,
    /// No item (or the prefix is shorter than [`MIN_ID_PREFIX`] or not hex).
    None,
}

/// The item of `items` whose record id starts with `prefix`: hex digits, case-insensitive, at least
/// [`MIN_ID_PREFIX`] of them (surrounding spaces ignored).
pub fn match_id_prefix<T>(
    items: impl IntoIterator<Item = T>,
    prefix: &str,
    id_of: impl Fn(&T) -> &RecordId,
) -> PrefixMatch<T> {
    let wanted = prefix.trim().to_ascii_lowercase();
    if wanted.len() < MIN_ID_PREFIX || !wanted.bytes().all(|c| c.is_ascii_hexdigit()) {
        return PrefixMatch::None;
    }
    let mut matches = items
        .into_iter()
        .filter(|item| id_of(item).to_string().starts_with(&wanted));
    match (matches.next(), matches.next()) {
        (Some(found), None) => PrefixMatch::One(found),
        (Some(_), Some(_)) => PrefixMatch::Many,
        (None, _) => PrefixMatch::None,
    }
}

/// What a record holds. Stored inside the sealed payload under a stable short name
/// ([`RecordKind::as_str`]), never in a plaintext column.
///
/// New kinds may be added; a name this version does not know (written by a newer version) makes
/// `get` return [`VaultError::KindMismatch`] and `list` skip the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A clean-time counter (with its attempts history).
    Counter,
    /// An app setting.
    Setting,
    /// A meeting from an imported list, with the user's data on it (saved, note, attendance): the
    /// layout before meeting lists were kept in chunks, still read so older stores and backups convert.
    Meeting,
    /// The user's settings for one imported meeting list (such as its default time zone).
    MeetingSource,
    /// A person in the user's support network (sponsor, friend, therapist, crisis line, ...).
    Contact,
    /// A plan the user wrote (safety plan, relapse-prevention plan) with its earlier revisions.
    Plan,
    /// One day's check-in (mood, craving, sleep, journal line, ...).
    CheckIn,
    /// Part of an imported meeting list: many meetings in one record, so the row count tells only
    /// a coarse size of the list.
    MeetingChunk,
    /// The user's own data on one meeting (saved, note, reminder, attendance), kept apart from the
    /// list so a re-import never touches it.
    MeetingMine,
}

impl RecordKind {
    /// Every kind this version knows.
    pub const ALL: [RecordKind; 9] = [
        RecordKind::Counter,
        RecordKind::Setting,
        RecordKind::Meeting,
        RecordKind::MeetingSource,
        RecordKind::Contact,
        RecordKind::Plan,
        RecordKind::CheckIn,
        RecordKind::MeetingChunk,
        RecordKind::MeetingMine,
    ];

    /// The stable name stored in sealed payloads. Never change an existing name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Counter => "counter",
            RecordKind::Setting => "setting",
            RecordKind::Meeting => "meeting",
            RecordKind::MeetingSource => "meeting_source",
            RecordKind::Contact => "contact",
            RecordKind::Plan => "plan",
            RecordKind::CheckIn => "check_in",
            RecordKind::MeetingChunk => "meeting_chunk",
            RecordKind::MeetingMine => "meeting_mine",
        }
    }

    /// The kind with this stored name, if this version knows it.
    pub fn from_name(name: &[u8]) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str().as_bytes() == name)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn id_round_trips_through_hex_and_serde() {
        let id = RecordId::generate().unwrap();
        let hex = id.to_string();
        assert_eq!(hex.len(), 32);
        assert!(hex
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(hex.parse::<RecordId>().unwrap(), id);
        assert_eq!(hex.to_uppercase().parse::<RecordId>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<RecordId>(&json).unwrap(), id);
    }

    #[test]
    fn bad_hex_is_a_typed_error() {
        for bad in [
            "",
            "00",
            &"0".repeat(31),
            &"0".repeat(33),
            &"g".repeat(32),
            "é".repeat(16).as_str(),
        ] {
            assert!(
                matches!(bad.parse::<RecordId>(), Err(VaultError::InvalidRecordId)),
                "{bad}"
            );
        }
    }

    #[test]
    fn generated_ids_differ() {
        assert_ne!(RecordId::generate().unwrap(), RecordId::generate().unwrap());
    }

    #[test]
    fn prefixes_match_one_many_or_none() {
        let a = RecordId::from_bytes([0xab; RECORD_ID_LEN]);
        let b = RecordId::from_bytes([0xac; RECORD_ID_LEN]);
        let ids = [a, b];
        assert_eq!(
            match_id_prefix(ids.iter(), " ABAB ", |i| i),
            PrefixMatch::One(&a)
        );
        assert_eq!(
            match_id_prefix(ids.iter(), "abac", |i| i),
            PrefixMatch::None
        );
        assert_eq!(match_id_prefix(ids.iter(), "aba", |i| i), PrefixMatch::None);
        assert_eq!(
            match_id_prefix(ids.iter(), "abxz", |i| i),
            PrefixMatch::None
        );
        let same = [a, a];
        assert_eq!(
            match_id_prefix(same.iter(), "abab", |i| i),
            PrefixMatch::Many
        );
    }

    #[test]
    fn kind_names_are_stable() {
        assert_eq!(RecordKind::Counter.as_str(), "counter");
        assert_eq!(RecordKind::Setting.as_str(), "setting");
        assert_eq!(RecordKind::Meeting.as_str(), "meeting");
        assert_eq!(RecordKind::MeetingSource.as_str(), "meeting_source");
        assert_eq!(RecordKind::Contact.as_str(), "contact");
        assert_eq!(RecordKind::Plan.as_str(), "plan");
        assert_eq!(RecordKind::CheckIn.as_str(), "check_in");
        assert_eq!(RecordKind::MeetingChunk.as_str(), "meeting_chunk");
        assert_eq!(RecordKind::MeetingMine.as_str(), "meeting_mine");
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_name(k.as_str().as_bytes()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(RecordKind::from_name(b"journal"), None);
    }
}
