//! How meetings are laid out in the vault: each imported list in a few sealed chunks, the user's own
//! data on a meeting in a record of its own.
//!
//! A list of `n` meetings is sealed as [`chunk_count`]`(n)` records of kind
//! [`RecordKind::MeetingChunk`](crate::vault::RecordKind::MeetingChunk): at least [`MIN_CHUNKS`],
//! and otherwise the next power of two of `n / MEETINGS_PER_CHUNK` (rounded up), the meetings spread
//! evenly over them (some may be empty). Someone who can count the rows learns only a coarse size
//! ("up to 1,024 meetings"), never which list it is: the 693-meeting San Jose list and a 100-meeting
//! list both take eight rows. (The vault pads each sealed body to a coarse size class.)
//!
//! What the user added to a meeting is a [`MeetingMine`] (kind
//! [`RecordKind::MeetingMine`](crate::vault::RecordKind::MeetingMine)), one per meeting the user
//! touched, keyed inside by the meeting's [`MeetingKey`]; a re-import rewrites the chunks and never
//! these.

use serde::{Deserialize, Serialize};

use super::model::{Meeting, MeetingKey, MeetingUserData, StoredMeeting, MEETING_SCHEMA_VERSION};
use crate::vault::RecordId;

/// Meetings per chunk a list is sized by (the chunk count is rounded up to a power of two).
pub const MEETINGS_PER_CHUNK: usize = 128;
/// The fewest chunks a list is kept in, whatever its size.
pub const MIN_CHUNKS: usize = 8;

/// How many chunks hold a list of `meetings` meetings: `max(8, next power of two of
/// ceil(meetings / 128))`.
///
/// ```
/// use oneday_core::meetings::chunks::chunk_count;
/// assert_eq!((chunk_count(0), chunk_count(100), chunk_count(693)), (8, 8, 8));
/// assert_eq!((chunk_count(1_025), chunk_count(10_000)), (16, 128));
/// ```
pub fn chunk_count(meetings: usize) -> usize {
    meetings
        .div_ceil(MEETINGS_PER_CHUNK)
        .next_power_of_two()
        .max(MIN_CHUNKS)
}

/// One meeting of a list as kept in a chunk: the imported data and whether the feed still lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedMeeting {
    /// The imported data (the last import that listed it).
    pub meeting: Meeting,
    /// The last import no longer listed it; kept because the user had data on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vanished_upstream: bool,
}

/// Part of one imported meeting list, sealed as one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingChunk {
    /// [`MEETING_SCHEMA_VERSION`] at the time it was written.
    pub version: u32,
    /// The list's source name (the first part of its meetings' keys).
    pub source: String,
    /// When the import that wrote the list happened (milliseconds since the Unix epoch): every chunk
    /// of one import has the same, and in a backup merge the newer import's chunks win.
    pub imported_at: i64,
    /// Its place among the list's chunks, from 0.
    pub index: u32,
    /// How many chunks the list has.
    pub of: u32,
    /// Its meetings, in the list's order.
    pub meetings: Vec<ListedMeeting>,
}

/// Splits the list `listed` of `source` into [`chunk_count`] chunks, spread evenly, in order.
pub fn split(source: &str, imported_at: i64, listed: Vec<ListedMeeting>) -> Vec<MeetingChunk> {
    let of = chunk_count(listed.len());
    let per = listed.len().div_ceil(of).max(1);
    let mut meetings = listed.into_iter();
    (0..of)
        .map(|index| MeetingChunk {
            version: MEETING_SCHEMA_VERSION,
            source: source.to_owned(),
            imported_at,
            index: u32::try_from(index).unwrap_or(u32::MAX),
            of: u32::try_from(of).unwrap_or(u32::MAX),
            meetings: meetings.by_ref().take(per).collect(),
        })
        .collect()
}

/// The meetings of one list's chunks (in any order), in the list's order.
pub fn joined<'a>(chunks: impl IntoIterator<Item = &'a MeetingChunk>) -> Vec<&'a ListedMeeting> {
    let mut chunks: Vec<&MeetingChunk> = chunks.into_iter().collect();
    chunks.sort_by_key(|c| c.index);
    chunks.iter().flat_map(|c| c.meetings.iter()).collect()
}

/// The user's own data on one meeting: saved, note, reminder, attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingMine {
    /// [`MEETING_SCHEMA_VERSION`] at the time it was written.
    pub version: u32,
    /// The meeting it is about.
    pub key: MeetingKey,
    /// What the user added.
    pub user: MeetingUserData,
}

impl MeetingMine {
    /// The user's data `user` on meeting `key`.
    pub fn new(key: MeetingKey, user: MeetingUserData) -> Self {
        Self {
            version: MEETING_SCHEMA_VERSION,
            key,
            user,
        }
    }
}

/// The id a meeting is known by to the shells (`meetings save <id>`, the FFI's `id`): derived from
/// its key (SHA-256, first 16 bytes), so it stays the same across re-imports and devices. It is not
/// a record id and is never stored.
pub fn meeting_id(key: &MeetingKey) -> RecordId {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"oneday meeting id\0");
    ctx.update(identity(key).as_bytes());
    let digest = ctx.finish();
    let mut id = [0u8; crate::vault::RECORD_ID_LEN];
    id.copy_from_slice(&digest.as_ref()[..crate::vault::RECORD_ID_LEN]);
    RecordId::from_bytes(id)
}

/// A meeting key as one string, the same for equal keys and different for different ones (what
/// backups match a meeting's records by).
pub fn identity(key: &MeetingKey) -> String {
    format!(
        "{}\u{0}{}\u{0}{:?}\u{0}{:?}",
        key.source, key.id, key.day, key.occurrence
    )
}

impl StoredMeeting {
    /// The meeting as kept in a chunk (without the user's data).
    pub fn listed(&self) -> ListedMeeting {
        ListedMeeting {
            meeting: self.meeting.clone(),
            vanished_upstream: self.vanished_upstream,
        }
    }

    /// A listed meeting joined with the user's data on it.
    pub fn joined(listed: &ListedMeeting, user: Option<&MeetingUserData>) -> Self {
        Self {
            version: MEETING_SCHEMA_VERSION,
            meeting: listed.meeting.clone(),
            user: user.cloned().unwrap_or_default(),
            vanished_upstream: listed.vanished_upstream,
        }
    }
}

impl MeetingUserData {
    /// `newer` with the days attended on `older` added: how two versions of the user's data on one
    /// meeting combine (the newer edit wins, no day attended is lost).
    pub fn merged(newer: &Self, older: &Self) -> Self {
        let mut merged = newer.clone();
        merged.attended.extend(older.attended.iter().copied());
        merged
    }
}

/// Backups: the user's data on a meeting is matched by the meeting's key. The newer edit wins, and
/// the days attended on either side are all kept.
impl crate::record_merge::Mergeable for MeetingMine {
    fn identity(&self) -> String {
        identity(&self.key)
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
        let merged = Self {
            user: MeetingUserData::merged(&newer.user, &older.user),
            ..newer.clone()
        };
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
    use crate::meetings::import::{meeting_guide, ImportOptions};

    fn listed(n: usize) -> Vec<ListedMeeting> {
        let feed: Vec<serde_json::Value> = (0..n)
            .map(|i| serde_json::json!({"slug": format!("m{i}"), "name": "M"}))
            .collect();
        let bytes = serde_json::to_vec(&feed).unwrap();
        meeting_guide::import(&bytes, &ImportOptions::new("s"))
            .unwrap()
            .meetings
            .into_iter()
            .map(|meeting| ListedMeeting {
                meeting,
                vanished_upstream: false,
            })
            .collect()
    }

    #[test]
    fn a_list_splits_evenly_and_joins_back_in_order() {
        for n in [0, 1, 100, 693, 1_100] {
            let list = listed(n);
            let mut chunks = split("s", 7, list.clone());
            assert_eq!(chunks.len(), chunk_count(n));
            assert!(chunks.iter().all(|c| c.of as usize == chunks.len()));
            let sizes: Vec<usize> = chunks.iter().map(|c| c.meetings.len()).collect();
            assert!(sizes.iter().max().unwrap() <= &n.div_ceil(chunks.len()).max(1));
            chunks.reverse();
            let back: Vec<ListedMeeting> = joined(&chunks).into_iter().cloned().collect();
            assert_eq!(back, list);
        }
    }

    #[test]
    fn a_meetings_id_follows_its_key() {
        let list = listed(2);
        let (a, b) = (&list[0].meeting.key, &list[1].meeting.key);
        assert_eq!(meeting_id(a), meeting_id(&a.clone()));
        assert_ne!(meeting_id(a), meeting_id(b));
    }
}
