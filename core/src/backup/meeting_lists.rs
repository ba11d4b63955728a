//! Meeting lists in backups: a list's chunks are merged as one whole (the newer import wins), and a
//! backup made before lists were chunked (one record per meeting) is read into the new layout.
//!
//! A list is the set of chunks of one source ([`crate::meetings::chunks`]). Merging chunk by chunk
//! could mix two imports, so a list is taken whole from the side whose import is newer
//! ([`MeetingChunk::imported_at`]); on a tie the vault's stays. The user's data on meetings is in
//! records of its own, merged one by one (newer edit wins, days attended unioned).
//!
//! Records of the older layout in a backup are turned into the chunks of their lists (imported
//! "when" their newest record was edited) and, for meetings the user touched, records of the user's
//! data under the old record's id, before anything is merged; the vault's own records of that
//! layout were converted before the restore began.

use std::collections::{BTreeMap, BTreeSet};

use zeroize::Zeroizing;

use super::contents::{Entry, UNKNOWN_EDIT_TIME};
use super::error::BackupError;
use super::merge::KindReport;
use crate::meetings::chunks::{self, MeetingChunk, MeetingMine};
use crate::meetings::stored::older_layout_lists;
use crate::meetings::StoredMeeting;
use crate::vault::{Record, RecordId, RecordKind, WriteOp};

/// The backup's records with those of the older meeting layout replaced by the chunks and the
/// user's data they hold (see the module docs). Records of other kinds are returned as they are.
pub(crate) fn in_current_layout(entries: &[Entry]) -> Result<Vec<Entry>, BackupError> {
    let bad = || BackupError::BadRecord {
        kind: RecordKind::Meeting.as_str().to_string(),
    };
    let mut legacy = Vec::new();
    let mut edited: BTreeMap<String, i64> = BTreeMap::new();
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        if e.kind != RecordKind::Meeting {
            out.push(Entry {
                id: e.id,
                kind: e.kind,
                edited_at: e.edited_at,
                json: e.json.clone(),
            });
            continue;
        }
        let stored: StoredMeeting = serde_json::from_slice(&e.json).map_err(|_| bad())?;
        let newest = edited
            .entry(stored.meeting.key.source.clone())
            .or_insert(UNKNOWN_EDIT_TIME);
        *newest = (*newest).max(e.edited_at);
        legacy.push((e.id, stored, e.edited_at));
    }
    if legacy.is_empty() {
        return Ok(out);
    }
    let pairs: Vec<(RecordId, StoredMeeting)> =
        legacy.iter().map(|(id, s, _)| (*id, s.clone())).collect();
    let (lists, users) = older_layout_lists(&pairs);
    for (source, listed) in lists {
        let imported_at = edited.get(&source).copied().unwrap_or(UNKNOWN_EDIT_TIME);
        for chunk in chunks::split(&source, imported_at, listed) {
            out.push(Entry {
                id: RecordId::generate()?,
                kind: RecordKind::MeetingChunk,
                edited_at: imported_at,
                json: Zeroizing::new(serde_json::to_vec(&chunk).map_err(|_| bad())?),
            });
        }
    }
    for (id, key, user) in users {
        let edited_at = legacy
            .iter()
            .find(|(legacy_id, _, _)| *legacy_id == id)
            .map_or(UNKNOWN_EDIT_TIME, |(_, _, t)| *t);
        out.push(Entry {
            id,
            kind: RecordKind::MeetingMine,
            edited_at,
            json: Zeroizing::new(
                serde_json::to_vec(&MeetingMine::new(key, user)).map_err(|_| bad())?,
            ),
        });
    }
    Ok(out)
}

/// Records of the older meeting layout: none are left to merge (a backup's are read into the new
/// layout by [`in_current_layout`], the vault's converted before a restore), so nothing is done.
pub(crate) fn merge_older_layout(
    _local: &[&Record],
    _incoming: &[&Entry],
    _taken: &mut BTreeSet<RecordId>,
    _ops: &mut Vec<WriteOp>,
) -> Result<KindReport, BackupError> {
    Ok(KindReport::default())
}

/// One list's chunks on one side of a merge.
struct List<'a> {
    imported_at: i64,
    chunks: Vec<(RecordId, &'a [u8], i64)>,
}

/// Plans the writes that merge the backup's meeting-list chunks `incoming` into the vault's `local`
/// ones, list by list: a list only in the backup is added; a list on both sides is replaced by the
/// backup's when its import is newer, else left as it is.
pub(crate) fn merge_chunks(
    local: &[&Record],
    incoming: &[&Entry],
    taken: &mut BTreeSet<RecordId>,
    ops: &mut Vec<WriteOp>,
) -> Result<KindReport, BackupError> {
    let bad = || BackupError::BadRecord {
        kind: RecordKind::MeetingChunk.as_str().to_string(),
    };
    let mut mine: BTreeMap<String, List<'_>> = BTreeMap::new();
    for r in local {
        let chunk: MeetingChunk = r.decode()?;
        let list = mine.entry(chunk.source).or_insert(List {
            imported_at: chunk.imported_at,
            chunks: Vec::new(),
        });
        list.imported_at = list.imported_at.max(chunk.imported_at);
        list.chunks.push((r.id(), r.json(), UNKNOWN_EDIT_TIME));
    }
    let mut theirs: BTreeMap<String, List<'_>> = BTreeMap::new();
    for e in incoming {
        let chunk: MeetingChunk = serde_json::from_slice(&e.json).map_err(|_| bad())?;
        let list = theirs.entry(chunk.source).or_insert(List {
            imported_at: chunk.imported_at,
            chunks: Vec::new(),
        });
        list.imported_at = list.imported_at.max(chunk.imported_at);
        list.chunks.push((e.id, &e.json[..], e.edited_at));
    }
    let mut report = KindReport::default();
    for (source, list) in theirs {
        let n = u32::try_from(list.chunks.len()).unwrap_or(u32::MAX);
        match mine.get(&source) {
            Some(kept) if kept.imported_at >= list.imported_at => {
                report.unchanged += n;
                continue;
            }
            Some(kept) => {
                for (id, _, _) in &kept.chunks {
                    ops.push(WriteOp::delete(id));
                }
                report.updated += n;
            }
            None => report.added += n,
        }
        for (id, json, edited_at) in list.chunks {
            let id = if taken.contains(&id) {
                RecordId::generate()?
            } else {
                id
            };
            ops.push(WriteOp::put_json(
                RecordKind::MeetingChunk,
                &id,
                json,
                edited_at,
            )?);
            taken.insert(id);
        }
    }
    Ok(report)
}
