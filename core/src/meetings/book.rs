//! The stored meetings, decoded once and kept in memory while the vault is unchanged.
//!
//! Reading the meetings from the vault means opening (decrypting) and decoding every sealed record,
//! tens of milliseconds for thousands of meetings; `next` over them in memory takes about one
//! (docs/benchmarks.md). A screen that asks "what is next?" every minute, or filters as the user
//! types, keeps a [`MeetingBook`] and asks it; [`MeetingBook::is_current`] says when the vault has
//! changed (here or in another process) and the book must be loaded again. The book holds what an
//! unlocked vault hands out anyway; drop it when the vault locks ([`MeetingBook::is_current`] then
//! fails with [`VaultError::Locked`]).

use chrono::DateTime;
use chrono_tz::Tz;

use super::filter::MeetingFilter;
use super::model::{Meeting, MeetingKey};
use super::next::{NextOccurrences, SourceZones};
use super::store::{MeetingRecord, MeetingStoreError, Upcoming, UpcomingMeeting};
use super::stored::StoredRecords;
use super::upcoming::MeetingsScreen;
use crate::vault::{match_id_prefix, ChangeStamp, PrefixMatch, RecordId, Vault, VaultError};

/// Every stored meeting and the zones set for their lists, as of one [`ChangeStamp`].
#[derive(Debug, Clone)]
pub struct MeetingBook {
    stamp: ChangeStamp,
    records: Vec<MeetingRecord>,
    zones: SourceZones,
}

impl MeetingBook {
    /// Reads every stored meeting and source setting in one pass over the vault (the chunks of
    /// every list and the user's data, joined; a store of the older layout is converted first).
    pub fn load(vault: &Vault) -> Result<Self, MeetingStoreError> {
        let (stamp, stored) = StoredRecords::read(vault)?;
        Ok(Self {
            stamp,
            records: stored.meetings(),
            zones: stored.zones(),
        })
    }

    /// Whether the vault is unchanged since the book was loaded. [`VaultError::Locked`] once the
    /// vault is locked.
    pub fn is_current(&self, vault: &Vault) -> Result<bool, VaultError> {
        Ok(vault.change_stamp()? == self.stamp)
    }

    /// Every stored meeting, sorted by key.
    pub fn records(&self) -> &[MeetingRecord] {
        &self.records
    }

    /// The meeting named by `query`: its key as displayed (`source/id`, `source/id@Mon`, ...), its
    /// whole record id, or the first [`MIN_ID_PREFIX`](crate::vault::MIN_ID_PREFIX) or more hex
    /// digits of its id (case-insensitive).
    pub fn find(&self, query: &str) -> Result<&MeetingRecord, MeetingStoreError> {
        let query = query.trim();
        if let Some(found) = self
            .records
            .iter()
            .find(|r| r.stored.meeting.key.to_string() == query)
        {
            return Ok(found);
        }
        match match_id_prefix(&self.records, query, |r| &r.id) {
            PrefixMatch::One(found) => Ok(found),
            PrefixMatch::Many => Err(MeetingStoreError::Ambiguous),
            PrefixMatch::None => Err(MeetingStoreError::NotFound),
        }
    }

    /// The stored meeting with this id ([`MeetingRecord::id`]).
    pub fn by_id(&self, id: &RecordId) -> Option<&MeetingRecord> {
        self.records.iter().find(|r| r.id == *id)
    }

    /// The stored meeting with this key (the records are sorted by key).
    fn record(&self, key: &MeetingKey) -> Option<&MeetingRecord> {
        self.records
            .binary_search_by(|r| r.stored.meeting.key.cmp(key))
            .ok()
            .map(|i| &self.records[i])
    }

    /// The zones the user set for meeting lists.
    pub fn zones(&self) -> &SourceZones {
        &self.zones
    }

    /// The meetings that pass `filter` (and are saved, when `saved_only`), sorted by key.
    pub fn search(&self, filter: &MeetingFilter, saved_only: bool) -> Vec<MeetingRecord> {
        self.records
            .iter()
            .filter(|r| (!saved_only || r.stored.user.saved) && filter.matches(&r.stored.meeting))
            .cloned()
            .collect()
    }

    /// Up to `count` upcoming occurrences, from `from` (whose zone is the user's zone), of the
    /// meetings that pass `filter` (saved ones only when `saved_only`), soonest first. Meetings whose
    /// list names no zone use the zone the user set for their source.
    pub fn next(
        &self,
        from: DateTime<Tz>,
        count: usize,
        filter: &MeetingFilter,
        saved_only: bool,
    ) -> Upcoming {
        let found = super::next::next(self.chosen(saved_only), from, count, filter, &self.zones);
        self.upcoming_of(found)
    }

    /// The Meetings screen: each meeting's next start (one row per meeting, soonest first, up to
    /// `count`), from `from` (whose zone is the user's zone), of the meetings that pass `filter`
    /// (saved ones only when `saved_only`); see [`MeetingsScreen`].
    pub fn upcoming(
        &self,
        from: DateTime<Tz>,
        count: usize,
        filter: &MeetingFilter,
        saved_only: bool,
    ) -> MeetingsScreen {
        let found =
            super::next::next_each(self.chosen(saved_only), from, count, filter, &self.zones);
        MeetingsScreen::new(self.upcoming_of(found), |key| self.record(key))
    }

    /// The meetings asked about: every one, or the saved ones.
    fn chosen(&self, saved_only: bool) -> impl Iterator<Item = &Meeting> {
        self.records
            .iter()
            .filter(move |r| !saved_only || r.stored.user.saved)
            .map(|r| &r.stored.meeting)
    }

    /// Occurrences found by [`super::next`] with the stored meetings they are of.
    fn upcoming_of(&self, found: NextOccurrences<'_>) -> Upcoming {
        let occurrences = found
            .occurrences
            .into_iter()
            .filter_map(|o| {
                let record = self.record(&o.meeting.key)?;
                Some(UpcomingMeeting {
                    id: record.id,
                    stored: record.stored.clone(),
                    remind_at: record.stored.user.reminder.remind_at(&o.start_user),
                    start: o.start,
                    start_user: o.start_user,
                    end: o.end,
                    zone: o.zone,
                    moved_by_dst_gap: o.moved_by_dst_gap,
                })
            })
            .collect();
        Upcoming {
            occurrences,
            zone_unknown: found.zone_unknown.into_iter().cloned().collect(),
            by_appointment: found.by_appointment,
        }
    }
}
