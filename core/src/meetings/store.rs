//! Meetings kept in the vault, sealed like everything else (which area someone searches for
//! meetings says where they live).
//!
//! Layout:
//! - one sealed record of kind [`RecordKind::Meeting`] per meeting, holding a whole
//!   [`StoredMeeting`] (imported data, the user's data, the vanished flag), so one write is one
//!   atomic change to one meeting;
//! - one sealed record of kind [`RecordKind::MeetingSource`] per meeting list whose settings the
//!   user gave (a [`MeetingSourceSettings`]: the zone for meetings whose list names none).
//!
//! Record ids are random and say nothing; the mapping from a [`MeetingKey`] to its record is found
//! by listing (decrypting) the meeting records, never by an index in plaintext. Keys are unique in
//! the store: every write that could add a meeting goes through [`import`], which merges by key
//! inside one vault transaction.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::attendance::{count_in_window, AttendanceCount};
use super::book::MeetingBook;
use super::error::MeetingsError;
use super::filter::MeetingFilter;
use super::import::report::ImportReport;
use super::import::Import;
use super::merge::{merge, MergeCounts};
use super::model::{Meeting, MeetingKey, MeetingZone, ReminderChoice, StoredMeeting};
use super::next::SourceZones;
use crate::vault::{RecordId, RecordKind, Vault, VaultError, VaultTx};

/// Why a stored-meeting operation failed.
#[derive(Debug, Error)]
pub enum MeetingStoreError {
    /// No meeting has that id or key.
    #[error("there is no meeting with that id")]
    NotFound,
    /// More than one meeting has an id starting with what was given.
    #[error("more than one meeting has an id starting with that; give more of the id")]
    Ambiguous,
    /// The meetings rules refused the request (an unknown zone, nothing to export, ...).
    #[error(transparent)]
    Meetings(#[from] MeetingsError),
    /// The vault failed (locked, damaged, storage).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// The user's settings for one meeting list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSourceSettings {
    /// The source name (the first part of its meetings' keys).
    pub source: String,
    /// The zone for meetings whose list names none, as an IANA name (kept as text so a zone a
    /// later zone database drops does not make the record unreadable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_zone: Option<String>,
}

impl MeetingSourceSettings {
    /// Adds this list's zone to `zones`. A zone name this version does not know is left out (its
    /// meetings stay unplaced, never put in UTC).
    pub fn place_in(self, zones: &mut SourceZones) {
        if let Some(tz) = self
            .default_zone
            .as_deref()
            .and_then(|z| z.parse::<Tz>().ok())
        {
            zones.set(self.source, tz);
        }
    }
}

/// A meeting with its record id in the vault.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRecord {
    /// Its record id.
    pub id: RecordId,
    /// The meeting and the user's data on it.
    pub stored: StoredMeeting,
}

/// What [`import`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// What changed in the store.
    pub counts: MergeCounts,
    /// The importer's report, passed through unchanged.
    pub report: ImportReport,
}

/// One upcoming occurrence of a stored meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct UpcomingMeeting {
    /// The meeting's record id.
    pub id: RecordId,
    /// The meeting and the user's data on it.
    pub stored: StoredMeeting,
    /// The start in the meeting's zone.
    pub start: DateTime<Tz>,
    /// The same instant in the user's zone.
    pub start_user: DateTime<Tz>,
    /// The end in the meeting's zone, when the list gives an end or a duration.
    pub end: Option<DateTime<Tz>>,
    /// Where the zone used came from.
    pub zone: MeetingZone,
    /// The local start fell in a DST gap and was moved forward.
    pub moved_by_dst_gap: bool,
    /// When to remind the user (in the user's zone), from the reminder they chose on the meeting;
    /// `None` when they chose none.
    pub remind_at: Option<DateTime<Tz>>,
}

/// What [`next`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Upcoming {
    /// The occurrences, soonest first.
    pub occurrences: Vec<UpcomingMeeting>,
    /// Meetings that passed the filter but have no known zone (set one for their source).
    pub zone_unknown: Vec<MeetingKey>,
    /// Meetings that passed the filter but are by appointment (no day or time).
    pub by_appointment: usize,
}

/// How far [`import_with_progress`] has come. Reported in this order: [`Reading`] once,
/// [`Writing`] once before the first meeting is sealed and once after each, then [`Done`] once the
/// transaction has committed (not at all when the import fails).
///
/// [`Reading`]: ImportProgress::Reading
/// [`Writing`]: ImportProgress::Writing
/// [`Done`]: ImportProgress::Done
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProgress {
    /// Reading (unsealing) the meetings already stored for the source.
    Reading,
    /// Sealing the new and changed meetings into the vault.
    Writing {
        /// Meetings sealed so far.
        written: usize,
        /// Meetings to seal in all.
        total: usize,
    },
    /// The import is committed.
    Done {
        /// Meetings sealed (new, changed, or newly flagged as no longer listed).
        written: usize,
        /// Meetings removed (no longer listed and without data of the user).
        removed: usize,
    },
}

/// Imports a parsed feed into the store in one vault transaction: meetings of the same source are
/// updated in place by key, new ones added, vanished ones flagged (when the user had added
/// something to them) or removed (otherwise); the user's data always survives. `default_zone`,
/// when given, is saved as the source's zone (used by [`next`] and [`export_ics`] for meetings
/// whose list names none). The meetings of an [`Import`] all share one source; an empty import
/// changes nothing but flags. `source` must be the source the feed was imported with
/// ([`super::ImportOptions::source`]): only that source's stored meetings are merged.
pub fn import(
    vault: &Vault,
    import: Import,
    source: &str,
    default_zone: Option<Tz>,
) -> Result<ImportOutcome, MeetingStoreError> {
    import_with_progress(vault, import, source, default_zone, &mut |_| {})
}

/// [`import`], telling `progress` how far it has come (see [`ImportProgress`]), so a shell can show
/// a progress bar while thousands of meetings are sealed. Still one vault transaction; `progress`
/// must not call the vault.
pub fn import_with_progress(
    vault: &Vault,
    import: Import,
    source: &str,
    default_zone: Option<Tz>,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportOutcome, MeetingStoreError> {
    let Import { meetings, report } = import;
    progress(ImportProgress::Reading);
    let (counts, written, removed) = vault.transaction(
        |tx| -> Result<(MergeCounts, usize, usize), MeetingStoreError> {
            let mut ids: HashMap<MeetingKey, (RecordId, StoredMeeting)> = HashMap::new();
            let mut previous: Vec<(RecordId, StoredMeeting)> = tx
                .list::<StoredMeeting>(RecordKind::Meeting)?
                .into_iter()
                .filter(|(_, s)| s.meeting.key.source == source)
                .collect();
            previous.sort_by(|a, b| a.1.meeting.key.cmp(&b.1.meeting.key));
            let mut old = Vec::with_capacity(previous.len());
            for (id, s) in previous {
                ids.insert(s.meeting.key.clone(), (id, s.clone()));
                old.push(s);
            }
            let (merged, counts) = merge(old, meetings);
            let mut kept: BTreeSet<MeetingKey> = BTreeSet::new();
            let mut writes: Vec<(RecordId, StoredMeeting)> = Vec::new();
            for s in merged {
                kept.insert(s.meeting.key.clone());
                match ids.get(&s.meeting.key) {
                    Some((id, before)) => {
                        if *before != s {
                            writes.push((*id, s));
                        }
                    }
                    None => writes.push((RecordId::generate()?, s)),
                }
            }
            let total = writes.len();
            progress(ImportProgress::Writing { written: 0, total });
            for (i, (id, s)) in writes.iter().enumerate() {
                tx.put(RecordKind::Meeting, id, s)?;
                progress(ImportProgress::Writing {
                    written: i + 1,
                    total,
                });
            }
            let mut removed = 0;
            for (key, (id, _)) in &ids {
                if !kept.contains(key) {
                    tx.delete(id)?;
                    removed += 1;
                }
            }
            if let Some(tz) = default_zone {
                save_source_zone(tx, source, tz)?;
            }
            Ok((counts, total, removed))
        },
    )?;
    progress(ImportProgress::Done { written, removed });
    Ok(ImportOutcome { counts, report })
}

fn save_source_zone(tx: &mut VaultTx<'_>, source: &str, tz: Tz) -> Result<(), VaultError> {
    let existing = tx
        .list::<MeetingSourceSettings>(RecordKind::MeetingSource)?
        .into_iter()
        .find(|(_, s)| s.source == source);
    let (id, mut settings) = match existing {
        Some(found) => found,
        None => (
            RecordId::generate()?,
            MeetingSourceSettings {
                source: source.to_owned(),
                default_zone: None,
            },
        ),
    };
    settings.default_zone = Some(tz.name().to_owned());
    tx.put(RecordKind::MeetingSource, &id, &settings)
}

/// The zones the user set for meeting lists (zone names this version does not know are ignored).
pub fn source_zones(vault: &Vault) -> Result<SourceZones, MeetingStoreError> {
    let mut zones = SourceZones::new();
    for (_, s) in vault.list::<MeetingSourceSettings>(RecordKind::MeetingSource)? {
        s.place_in(&mut zones);
    }
    Ok(zones)
}

/// Every stored meeting, sorted by key.
pub fn list(vault: &Vault) -> Result<Vec<MeetingRecord>, MeetingStoreError> {
    let mut all: Vec<MeetingRecord> = vault
        .list::<StoredMeeting>(RecordKind::Meeting)?
        .into_iter()
        .map(|(id, stored)| MeetingRecord { id, stored })
        .collect();
    all.sort_by(|a, b| a.stored.meeting.key.cmp(&b.stored.meeting.key));
    Ok(all)
}

/// The stored meetings that pass `filter` (and are saved, when `saved_only`), sorted by key.
pub fn search(
    vault: &Vault,
    filter: &MeetingFilter,
    saved_only: bool,
) -> Result<Vec<MeetingRecord>, MeetingStoreError> {
    Ok(MeetingBook::load(vault)?.search(filter, saved_only))
}

/// The meeting named by `query`: its key as displayed (`source/id`, `source/id@Mon`, ...), its whole
/// record id, or the first [`MIN_ID_PREFIX`](crate::vault::MIN_ID_PREFIX) or more hex digits of its id (case-insensitive).
pub fn find(vault: &Vault, query: &str) -> Result<MeetingRecord, MeetingStoreError> {
    MeetingBook::load(vault)?.find(query).cloned()
}

/// Applies `change` to the user data of meeting `id` and saves it, in one vault transaction.
/// Returns the meeting as saved.
fn update(
    vault: &Vault,
    id: &RecordId,
    change: impl FnOnce(&mut StoredMeeting),
) -> Result<StoredMeeting, MeetingStoreError> {
    vault.transaction(|tx| {
        let mut stored: StoredMeeting = tx
            .get(RecordKind::Meeting, id)?
            .ok_or(MeetingStoreError::NotFound)?;
        change(&mut stored);
        tx.put(RecordKind::Meeting, id, &stored)?;
        Ok(stored)
    })
}

/// Saves or unsaves meeting `id`. Returns the meeting as saved.
pub fn set_saved(
    vault: &Vault,
    id: &RecordId,
    saved: bool,
) -> Result<StoredMeeting, MeetingStoreError> {
    update(vault, id, |s| s.user.saved = saved)
}

/// Sets (or, with `None` or blank text, removes) the user's own note on meeting `id`.
pub fn set_note(
    vault: &Vault,
    id: &RecordId,
    note: Option<String>,
) -> Result<StoredMeeting, MeetingStoreError> {
    let note = note.filter(|n| !n.trim().is_empty());
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > super::model::MAX_NOTE_CHARS)
    {
        return Err(MeetingsError::NoteTooLong {
            max: super::model::MAX_NOTE_CHARS,
        }
        .into());
    }
    update(vault, id, |s| s.user.note = note)
}

/// Sets the reminder the user chose for meeting `id`. Returns the meeting as saved.
pub fn set_reminder(
    vault: &Vault,
    id: &RecordId,
    reminder: ReminderChoice,
) -> Result<StoredMeeting, MeetingStoreError> {
    reminder.validate()?;
    update(vault, id, |s| s.user.reminder = reminder)
}

/// Records that the user went to meeting `id` on `date` (once per day). Returns `true` if it was
/// not already recorded.
pub fn mark_attended(
    vault: &Vault,
    id: &RecordId,
    date: NaiveDate,
) -> Result<bool, MeetingStoreError> {
    let mut added = false;
    update(vault, id, |s| added = s.user.mark_attended(date))?;
    Ok(added)
}

/// Attendance over the `days` days ending `today`, across every stored meeting.
pub fn attendance_count(
    vault: &Vault,
    today: NaiveDate,
    days: u32,
) -> Result<AttendanceCount, MeetingStoreError> {
    let all = vault.list::<StoredMeeting>(RecordKind::Meeting)?;
    Ok(count_in_window(
        all.iter().map(|(_, s)| &s.user),
        today,
        days,
    ))
}

/// Up to `count` upcoming occurrences, from `from` (whose zone is the user's zone), of the stored
/// meetings that pass `filter` (saved ones only when `saved_only`), soonest first. Meetings whose
/// list names no zone use the zone the user set for their source ([`import`]'s `default_zone`).
/// Reads the whole store; to ask repeatedly, keep a [`MeetingBook`] instead.
pub fn next(
    vault: &Vault,
    from: DateTime<Tz>,
    count: usize,
    filter: &MeetingFilter,
    saved_only: bool,
) -> Result<Upcoming, MeetingStoreError> {
    Ok(MeetingBook::load(vault)?.next(from, count, filter, saved_only))
}

/// An RFC 5545 calendar of the meetings `ids`, in that order ([`super::ics::export`]); `dtstamp`
/// is the export instant. Refused when an id is unknown, or a meeting has no zone or no schedule.
pub fn export_ics(
    vault: &Vault,
    ids: &[RecordId],
    dtstamp: DateTime<Utc>,
) -> Result<String, MeetingStoreError> {
    let zones = source_zones(vault)?;
    let mut meetings = Vec::with_capacity(ids.len());
    for id in ids {
        let stored: StoredMeeting = vault
            .get(RecordKind::Meeting, id)?
            .ok_or(MeetingStoreError::NotFound)?;
        meetings.push(stored.meeting);
    }
    let refs: Vec<&Meeting> = meetings.iter().collect();
    Ok(super::ics::export(&refs, dtstamp, &zones)?)
}

/// Backups: a list's settings are matched by the list's name; the newer edit wins.
impl crate::backup::merge::Mergeable for MeetingSourceSettings {
    fn identity(&self) -> String {
        self.source.clone()
    }
}
