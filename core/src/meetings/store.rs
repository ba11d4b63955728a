//! Meetings kept in the vault, sealed like everything else (which area someone searches for
//! meetings says where they live).
//!
//! Layout ([`super::chunks`]):
//! - each imported list in a few sealed records of kind [`RecordKind::MeetingChunk`], their number
//!   rounded up to a bucket, rewritten together by each import that changes the list;
//! - the user's data on a meeting (saved, note, reminder, attendance) in a record of kind
//!   [`RecordKind::MeetingMine`], one per meeting the user touched, keyed inside by its
//!   [`MeetingKey`];
//! - one sealed record of kind [`RecordKind::MeetingSource`] per meeting list whose settings the
//!   user gave (a [`MeetingSourceSettings`]: the zone for meetings whose list names none).
//!
//! Every entry point reads through one loader ([`super::stored`]), which first converts a store of
//! the older layout (one record per meeting). A meeting's id ([`MeetingRecord::id`]) is derived
//! from its key ([`chunks::meeting_id`]) and never stored; record ids are random and say nothing.
//! Keys are unique in the store: every write that could add a meeting goes through [`import`],
//! which merges by key inside one vault transaction.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::attendance::{count_in_window, AttendanceCount};
use super::book::MeetingBook;
use super::chunks::{self, ListedMeeting, MeetingMine};
use super::error::MeetingsError;
use super::filter::MeetingFilter;
use super::import::report::ImportReport;
use super::import::Import;
use super::merge::{merge, MergeCounts};
use super::model::{
    Meeting, MeetingKey, MeetingUserData, MeetingZone, ReminderChoice, StoredMeeting,
};
use super::next::SourceZones;
use super::stored::StoredRecords;
use super::zone_name::parse_zone;
use crate::vault::payload::now_millis;
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
        if let Some(tz) = self.default_zone.as_deref().and_then(parse_zone) {
            zones.set(self.source, tz);
        }
    }
}

/// A stored meeting with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRecord {
    /// Its id, derived from its key ([`chunks::meeting_id`]).
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
    /// The meeting's id ([`MeetingRecord::id`]).
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
/// [`Writing`] once before the first chunk is sealed and once after each chunk holding meetings
/// (only when the list changed), then [`Done`] once the transaction has committed (not at all when the import fails).
///
/// [`Reading`]: ImportProgress::Reading
/// [`Writing`]: ImportProgress::Writing
/// [`Done`]: ImportProgress::Done
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProgress {
    /// Reading (unsealing) the meetings already stored for the source.
    Reading,
    /// Sealing the list's meetings into the vault, chunk by chunk.
    Writing {
        /// Meetings sealed so far.
        written: usize,
        /// Meetings to seal in all.
        total: usize,
    },
    /// The import is committed.
    Done {
        /// Meetings sealed: the whole list when anything in it changed, else none.
        written: usize,
        /// Meetings removed (no longer listed and without data of the user).
        removed: usize,
    },
}

/// What applying an import would do, computed without writing ([`preview`]): the shell shows it,
/// then applies it with [`import`], saying whether the person chose to replace the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// What applying would change in the store.
    pub counts: MergeCounts,
    /// The importer's report, passed through unchanged.
    pub report: ImportReport,
    /// Meetings the stored list has now (not counting those already flagged as no longer listed).
    pub listed_before: usize,
    /// Applying removes most of the stored list ([`MergeCounts::removes_most`]): [`import`] refuses
    /// it unless `replace` is chosen.
    pub needs_replace: bool,
}

/// What applying `import` to the stored meetings of `source` would change, without writing: the
/// same checks as [`import`] except the choice to replace (see [`ImportPreview::needs_replace`]).
///
/// Refused with [`MeetingsError::NothingImported`] when the feed yields no meeting and there is no
/// stored list it could replace, and with [`MeetingsError::ZoneNeeded`] when meetings name no zone
/// and neither `default_zone` nor a zone saved for the source places them.
pub fn preview(
    vault: &Vault,
    import: &Import,
    source: &str,
    default_zone: Option<Tz>,
) -> Result<ImportPreview, MeetingStoreError> {
    let (_, mut stored) = StoredRecords::read(vault)?;
    let zone = default_zone.or_else(|| saved_zone(&stored.settings, source));
    let plan = Plan::new(&mut stored, source, import.meetings.clone(), zone);
    plan.check(&import.report)?;
    Ok(ImportPreview {
        counts: plan.counts,
        report: import.report.clone(),
        listed_before: plan.listed_before,
        needs_replace: plan.needs_replace(),
    })
}

/// Imports a parsed feed into the store in one vault transaction: meetings of the same source are
/// updated in place by key, new ones added, vanished ones flagged (when the user had added
/// something to them) or removed (otherwise); the user's data always survives (it is kept in
/// records of its own, which an import never writes). The list is written as new chunks replacing
/// the source's old ones ([`super::chunks`]); an import that changes nothing writes nothing.
/// `default_zone`, when given, is saved as the source's zone (used by [`next`] and [`export_ics`]
/// for meetings whose list names none). The meetings of an [`Import`] all share one source. `source`
/// must be the source the feed was imported with ([`super::ImportOptions::source`]): only that
/// source's stored meetings are merged.
///
/// Nothing is written, and the error says why, when the import yields no meeting and nothing is
/// stored for the source ([`MeetingsError::NothingImported`]), when meetings name no zone and none
/// is known for the source ([`MeetingsError::ZoneNeeded`]), or when it would remove most of the
/// stored list ([`MergeCounts::removes_most`]) and `replace` is `false`
/// ([`MeetingsError::ReplaceNeeded`]): a server glitch or a slip of a format must not cost a person
/// their list. [`preview`] tells a shell beforehand.
pub fn import(
    vault: &Vault,
    import: Import,
    source: &str,
    default_zone: Option<Tz>,
    replace: bool,
) -> Result<ImportOutcome, MeetingStoreError> {
    import_with_progress(vault, import, source, default_zone, replace, &mut |_| {})
}

/// [`import`], telling `progress` how far it has come (see [`ImportProgress`]), so a shell can show
/// a progress bar while thousands of meetings are sealed. Still one vault transaction; `progress`
/// must not call the vault.
pub fn import_with_progress(
    vault: &Vault,
    import: Import,
    source: &str,
    default_zone: Option<Tz>,
    replace: bool,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportOutcome, MeetingStoreError> {
    progress(ImportProgress::Reading);
    let (counts, report, written, removed) = vault.transaction(
        |tx| -> Result<(MergeCounts, ImportReport, usize, usize), MeetingStoreError> {
            let mut stored = StoredRecords::read_in(tx)?;
            let zone = default_zone.or_else(|| saved_zone(&stored.settings, source));
            let Import { meetings, report } = import;
            let plan = Plan::new(&mut stored, source, meetings, zone);
            plan.check(&report)?;
            if plan.needs_replace() && !replace {
                return Err(MeetingsError::ReplaceNeeded {
                    vanished: plan.counts.vanished,
                    listed: plan.listed_before,
                }
                .into());
            }
            // Nothing to write when no meeting was added, changed or dropped (a list in another
            // order is the same list).
            let removed = plan.previous_len + plan.counts.added - plan.merged.len();
            let c = plan.counts;
            let changed = c.added + c.updated + c.vanished + removed > 0;
            let listed: Vec<ListedMeeting> = plan
                .merged
                .into_iter()
                .map(|s| ListedMeeting {
                    meeting: s.meeting,
                    vanished_upstream: s.vanished_upstream,
                })
                .collect();
            let mut written = 0;
            if changed {
                for (id, _) in stored.chunks_of(source) {
                    tx.delete(id)?;
                }
                let total = listed.len();
                progress(ImportProgress::Writing { written: 0, total });
                for chunk in chunks::split(source, now_millis(), listed) {
                    tx.put(RecordKind::MeetingChunk, &RecordId::generate()?, &chunk)?;
                    if !chunk.meetings.is_empty() {
                        written += chunk.meetings.len();
                        progress(ImportProgress::Writing { written, total });
                    }
                }
            }
            if let Some(tz) = default_zone {
                save_source_zone(tx, &stored.settings, source, tz)?;
            }
            Ok((plan.counts, report, written, removed))
        },
    )?;
    progress(ImportProgress::Done { written, removed });
    Ok(ImportOutcome { counts, report })
}

/// An import merged with what is stored for its source, not yet written.
struct Plan {
    /// How many meetings the source's list had before the import.
    previous_len: usize,
    /// The source's meetings after the merge.
    merged: Vec<StoredMeeting>,
    /// What the merge changes.
    counts: MergeCounts,
    /// Stored meetings of the source still listed before the import.
    listed_before: usize,
    /// Imported meetings with a day and time but no zone.
    zone_missing: Vec<Meeting>,
}

impl Plan {
    /// `meetings` merged with the `stored` meetings of `source`; meetings whose list names no zone
    /// get `source_zone` (given now, or saved for the source), so a re-import without the zone
    /// leaves them as they were.
    fn new(
        stored: &mut StoredRecords,
        source: &str,
        mut meetings: Vec<Meeting>,
        source_zone: Option<Tz>,
    ) -> Self {
        if let Some(tz) = source_zone {
            for m in meetings
                .iter_mut()
                .filter(|m| m.zone == MeetingZone::Unknown)
            {
                m.zone = MeetingZone::SourceDefault(tz);
            }
        }
        let old = stored.take_list(source);
        let previous_len = old.len();
        let listed_before = old.iter().filter(|s| !s.vanished_upstream).count();
        let zone_missing = meetings
            .iter()
            .filter(|m| m.zone == MeetingZone::Unknown && m.schedule.start().is_some())
            .cloned()
            .collect();
        let (merged, counts) = merge(old, meetings);
        Self {
            previous_len,
            merged,
            counts,
            listed_before,
            zone_missing,
        }
    }

    /// Applying removes most of the stored list.
    fn needs_replace(&self) -> bool {
        self.counts.removes_most(self.listed_before)
    }

    /// The checks [`preview`] and [`import`] share (all but the choice to replace).
    fn check(&self, report: &ImportReport) -> Result<(), MeetingsError> {
        if report.kept == 0 && self.listed_before == 0 {
            return Err(MeetingsError::NothingImported {
                records: report.records,
            });
        }
        if !self.zone_missing.is_empty() {
            let places: Vec<&Meeting> = self.zone_missing.iter().collect();
            return Err(MeetingsError::ZoneNeeded {
                meetings: self.zone_missing.len(),
                suggested: super::zone_guess::likely_zone(&places),
            });
        }
        Ok(())
    }
}

/// The zone saved for `source` by an earlier import, when this version knows its name.
fn saved_zone(settings: &[(RecordId, MeetingSourceSettings)], source: &str) -> Option<Tz> {
    settings
        .iter()
        .filter(|(_, s)| s.source == source)
        .find_map(|(_, s)| s.default_zone.as_deref().and_then(parse_zone))
}

/// Saves `tz` as the zone of `source` (given its lists' `settings` as stored), unless it already is.
fn save_source_zone(
    tx: &mut VaultTx<'_>,
    settings: &[(RecordId, MeetingSourceSettings)],
    source: &str,
    tz: Tz,
) -> Result<(), VaultError> {
    let existing = settings.iter().find(|(_, s)| s.source == source).cloned();
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
    if settings.default_zone.as_deref() == Some(tz.name()) {
        return Ok(());
    }
    settings.default_zone = Some(tz.name().to_owned());
    tx.put(RecordKind::MeetingSource, &id, &settings)
}

/// The zones the user set for meeting lists (zone names this version does not know are ignored).
pub fn source_zones(vault: &Vault) -> Result<SourceZones, MeetingStoreError> {
    Ok(StoredRecords::read(vault)?.1.zones())
}

/// Every stored meeting, sorted by key.
pub fn list(vault: &Vault) -> Result<Vec<MeetingRecord>, MeetingStoreError> {
    Ok(StoredRecords::read(vault)?.1.meetings())
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

/// Applies `change` to the user's data on meeting `id` and saves it, in one vault transaction: in
/// the meeting's own [`MeetingMine`] record, made on the first change and deleted when the user's
/// data is empty again. Returns the meeting as saved.
fn update(
    vault: &Vault,
    id: &RecordId,
    change: impl FnOnce(&mut MeetingUserData),
) -> Result<StoredMeeting, MeetingStoreError> {
    vault.transaction(|tx| {
        let stored = StoredRecords::read_in(tx)?;
        let mut meeting = stored
            .meetings()
            .into_iter()
            .find(|r| r.id == *id)
            .ok_or(MeetingStoreError::NotFound)?
            .stored;
        change(&mut meeting.user);
        let key = &meeting.meeting.key;
        let found = stored.mine.iter().find(|(_, m)| &m.key == key);
        match (found, meeting.user.is_empty()) {
            (Some((mine_id, _)), true) => {
                tx.delete(mine_id)?;
            }
            (Some((mine_id, _)), false) => {
                let mine = MeetingMine::new(key.clone(), meeting.user.clone());
                tx.put(RecordKind::MeetingMine, mine_id, &mine)?;
            }
            (None, true) => {}
            (None, false) => {
                let mine = MeetingMine::new(key.clone(), meeting.user.clone());
                tx.put(RecordKind::MeetingMine, &RecordId::generate()?, &mine)?;
            }
        }
        Ok(meeting)
    })
}

/// Saves or unsaves meeting `id`. Returns the meeting as saved.
pub fn set_saved(
    vault: &Vault,
    id: &RecordId,
    saved: bool,
) -> Result<StoredMeeting, MeetingStoreError> {
    update(vault, id, |u| u.saved = saved)
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
    update(vault, id, |u| u.note = note)
}

/// Sets the reminder the user chose for meeting `id`. Returns the meeting as saved.
pub fn set_reminder(
    vault: &Vault,
    id: &RecordId,
    reminder: ReminderChoice,
) -> Result<StoredMeeting, MeetingStoreError> {
    reminder.validate()?;
    update(vault, id, |u| u.reminder = reminder)
}

/// Records that the user went to meeting `id` on `date` (once per day). Returns `true` if it was
/// not already recorded.
pub fn mark_attended(
    vault: &Vault,
    id: &RecordId,
    date: NaiveDate,
) -> Result<bool, MeetingStoreError> {
    let mut added = false;
    update(vault, id, |u| added = u.mark_attended(date))?;
    Ok(added)
}

/// Attendance over the `days` days ending `today`, across every stored meeting.
pub fn attendance_count(
    vault: &Vault,
    today: NaiveDate,
    days: u32,
) -> Result<AttendanceCount, MeetingStoreError> {
    let (_, stored) = StoredRecords::read(vault)?;
    Ok(count_in_window(
        stored.mine.iter().map(|(_, m)| &m.user),
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

/// The Meetings screen ([`MeetingBook::upcoming`]): each meeting's next start from `from` (whose
/// zone is the user's zone), one row per meeting, up to `count`, of the meetings that pass `filter`
/// (saved ones only when `saved_only`). Reads the whole store; to ask repeatedly, keep a
/// [`MeetingBook`].
pub fn upcoming(
    vault: &Vault,
    from: DateTime<Tz>,
    count: usize,
    filter: &MeetingFilter,
    saved_only: bool,
) -> Result<super::MeetingsScreen, MeetingStoreError> {
    Ok(MeetingBook::load(vault)?.upcoming(from, count, filter, saved_only))
}

/// An RFC 5545 calendar of the meetings `ids`, in that order ([`super::ics::export`]); `dtstamp`
/// is the export instant. Refused when an id is unknown, or a meeting has no zone or no schedule.
pub fn export_ics(
    vault: &Vault,
    ids: &[RecordId],
    dtstamp: DateTime<Utc>,
) -> Result<String, MeetingStoreError> {
    let book = MeetingBook::load(vault)?;
    let mut meetings = Vec::with_capacity(ids.len());
    for id in ids {
        let found = book.by_id(id).ok_or(MeetingStoreError::NotFound)?;
        meetings.push(&found.stored.meeting);
    }
    Ok(super::ics::export(&meetings, dtstamp, book.zones())?)
}

/// Backups: a list's settings are matched by the list's name; the newer edit wins.
impl crate::record_merge::Mergeable for MeetingSourceSettings {
    fn identity(&self) -> String {
        self.source.clone()
    }
}
