//! The meeting records of a store, read in one pass, and the one loader every meetings entry point
//! goes through: it converts the older layout first.
//!
//! Stores written before lists were chunked hold one [`RecordKind::Meeting`] record per meeting, a
//! whole [`StoredMeeting`] with the user's data inline. The vault does not know meetings, so the
//! conversion happens here, on first use: when any such record exists, every one of them is turned
//! into the chunks of its list and (for meetings the user touched) a [`MeetingMine`] record, and the
//! old records are deleted, all in ONE vault transaction (killed part way, the store still holds the
//! old records and converts on the next use).

use std::collections::{BTreeMap, HashMap};

use super::chunks::{self, ListedMeeting, MeetingChunk, MeetingMine};
use super::model::{MeetingKey, MeetingUserData, StoredMeeting, MEETING_SCHEMA_VERSION};
use super::next::SourceZones;
use super::store::{MeetingRecord, MeetingSourceSettings};
use crate::vault::payload::now_millis;
use crate::vault::{ChangeStamp, RecordId, RecordKind, Vault, VaultError, VaultTx};

/// Every meeting record of a store (chunks, the user's data, list settings).
#[derive(Debug, Default)]
pub(crate) struct StoredRecords {
    /// The chunks of every list.
    pub(crate) chunks: Vec<(RecordId, MeetingChunk)>,
    /// The user's data, one record per meeting touched.
    pub(crate) mine: Vec<(RecordId, MeetingMine)>,
    /// The lists' settings.
    pub(crate) settings: Vec<(RecordId, MeetingSourceSettings)>,
}

impl StoredRecords {
    /// Reads every meeting record in one pass over the vault (converting the older layout first),
    /// with the change stamp the read is current as of.
    pub(crate) fn read(vault: &Vault) -> Result<(ChangeStamp, Self), VaultError> {
        loop {
            // The stamp first: a write between it and the read makes the read look stale, never fresh.
            let stamp = vault.change_stamp()?;
            let mut found = Self::default();
            let mut legacy = false;
            vault.for_each(|view| {
                match view.kind() {
                    RecordKind::MeetingChunk => found.chunks.push((view.id(), view.decode()?)),
                    RecordKind::MeetingMine => found.mine.push((view.id(), view.decode()?)),
                    RecordKind::MeetingSource => found.settings.push((view.id(), view.decode()?)),
                    RecordKind::Meeting => legacy = true,
                    _ => {}
                }
                Ok(())
            })?;
            if !legacy {
                return Ok((stamp, found));
            }
            vault.transaction(convert_in)?;
        }
    }

    /// Reads every meeting record inside a transaction (converting the older layout first).
    pub(crate) fn read_in(tx: &mut VaultTx<'_>) -> Result<Self, VaultError> {
        convert_in(tx)?;
        Ok(Self {
            chunks: tx.list(RecordKind::MeetingChunk)?,
            mine: tx.list(RecordKind::MeetingMine)?,
            settings: tx.list(RecordKind::MeetingSource)?,
        })
    }

    /// The zones the user set for the lists.
    pub(crate) fn zones(&self) -> SourceZones {
        let mut zones = SourceZones::new();
        for (_, s) in &self.settings {
            s.clone().place_in(&mut zones);
        }
        zones
    }

    /// The user's data by meeting key.
    pub(crate) fn mine_by_key(&self) -> HashMap<&MeetingKey, (RecordId, &MeetingUserData)> {
        self.mine
            .iter()
            .map(|(id, m)| (&m.key, (*id, &m.user)))
            .collect()
    }

    /// The chunks of `source`, with their record ids.
    pub(crate) fn chunks_of<'a>(
        &'a self,
        source: &'a str,
    ) -> impl Iterator<Item = &'a (RecordId, MeetingChunk)> + 'a {
        self.chunks.iter().filter(move |(_, c)| c.source == source)
    }

    /// The meetings of `source` joined with the user's data, in the list's order, taken out of
    /// these records (its chunks stay, emptied, with their record ids).
    pub(crate) fn take_list(&mut self, source: &str) -> Vec<StoredMeeting> {
        let mut chunks: Vec<&mut MeetingChunk> = self
            .chunks
            .iter_mut()
            .filter(|(_, c)| c.source == source)
            .map(|(_, c)| c)
            .collect();
        chunks.sort_by_key(|c| c.index);
        let listed: Vec<ListedMeeting> = chunks
            .into_iter()
            .flat_map(|c| std::mem::take(&mut c.meetings))
            .collect();
        let mine: HashMap<&MeetingKey, &MeetingUserData> =
            self.mine.iter().map(|(_, m)| (&m.key, &m.user)).collect();
        listed
            .into_iter()
            .map(|l| StoredMeeting {
                user: mine
                    .get(&l.meeting.key)
                    .map(|u| (*u).clone())
                    .unwrap_or_default(),
                version: MEETING_SCHEMA_VERSION,
                meeting: l.meeting,
                vanished_upstream: l.vanished_upstream,
            })
            .collect()
    }

    /// Every stored meeting joined with the user's data, sorted by key.
    pub(crate) fn meetings(&self) -> Vec<MeetingRecord> {
        let mine = self.mine_by_key();
        let mut by_source: BTreeMap<&str, Vec<&MeetingChunk>> = BTreeMap::new();
        for (_, c) in &self.chunks {
            by_source.entry(&c.source).or_default().push(c);
        }
        let mut all: Vec<MeetingRecord> = by_source
            .into_values()
            .flat_map(chunks::joined)
            .map(|l| MeetingRecord {
                id: chunks::meeting_id(&l.meeting.key),
                stored: StoredMeeting::joined(l, mine.get(&l.meeting.key).map(|(_, u)| *u)),
            })
            .collect();
        all.sort_by(|a, b| a.stored.meeting.key.cmp(&b.stored.meeting.key));
        all
    }
}

/// Converts every record of the older layout in `vault` (see the module docs), in one transaction.
/// Returns whether there was anything to convert. A restore calls it before merging a backup.
pub fn convert_older_layout(vault: &Vault) -> Result<bool, VaultError> {
    vault.transaction(convert_in)
}

/// [`convert_older_layout`] inside a transaction.
fn convert_in(tx: &mut VaultTx<'_>) -> Result<bool, VaultError> {
    let legacy = tx.list::<StoredMeeting>(RecordKind::Meeting)?;
    if legacy.is_empty() {
        return Ok(false);
    }
    let chunks = tx.list::<MeetingChunk>(RecordKind::MeetingChunk)?;
    let mine = tx.list::<MeetingMine>(RecordKind::MeetingMine)?;
    let (lists, users) = older_layout_lists(&legacy);
    let now = now_millis();
    for (source, mut listed) in lists {
        // A list already chunked (restored beside the old records) keeps its meetings; the old
        // records add only meetings it does not have.
        let present: Vec<&(RecordId, MeetingChunk)> =
            chunks.iter().filter(|(_, c)| c.source == source).collect();
        if !present.is_empty() {
            let mut kept: Vec<ListedMeeting> = chunks::joined(present.iter().map(|(_, c)| c))
                .into_iter()
                .cloned()
                .collect();
            listed.retain(|l| !kept.iter().any(|k| k.meeting.key == l.meeting.key));
            kept.append(&mut listed);
            listed = kept;
            for (id, _) in present {
                tx.delete(id)?;
            }
        }
        for chunk in chunks::split(&source, now, listed) {
            tx.put(RecordKind::MeetingChunk, &RecordId::generate()?, &chunk)?;
        }
    }
    for (id, _) in &legacy {
        tx.delete(id)?;
    }
    for (legacy_id, key, user) in users {
        match mine.iter().find(|(_, m)| m.key == key) {
            Some((id, m)) => {
                let merged = MeetingUserData::merged(&m.user, &user);
                tx.put(RecordKind::MeetingMine, id, &MeetingMine::new(key, merged))?;
            }
            // The old record's id goes on as the id of the user's data on that meeting.
            None => tx.put(
                RecordKind::MeetingMine,
                &legacy_id,
                &MeetingMine::new(key, user),
            )?,
        }
    }
    Ok(true)
}

/// The lists (by source, sorted by key) and the user's data (for meetings the user touched) that
/// records of the older layout hold.
pub(crate) type OlderLayout = (
    BTreeMap<String, Vec<ListedMeeting>>,
    Vec<(RecordId, MeetingKey, MeetingUserData)>,
);

/// Splits records of the older layout into lists and the user's data (see [`OlderLayout`]).
pub(crate) fn older_layout_lists(legacy: &[(RecordId, StoredMeeting)]) -> OlderLayout {
    let mut lists: BTreeMap<String, Vec<ListedMeeting>> = BTreeMap::new();
    let mut users = Vec::new();
    let mut sorted: Vec<&(RecordId, StoredMeeting)> = legacy.iter().collect();
    sorted.sort_by(|a, b| a.1.meeting.key.cmp(&b.1.meeting.key));
    for (id, s) in sorted {
        lists
            .entry(s.meeting.key.source.clone())
            .or_default()
            .push(s.listed());
        if !s.user.is_empty() {
            users.push((*id, s.meeting.key.clone(), s.user.clone()));
        }
    }
    (lists, users)
}
