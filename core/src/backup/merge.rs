//! Merging a backup's records into a vault: how records are matched, which version wins, and the
//! report of what happened.
//!
//! A backup record is the same thing as a vault record when it has the same id (it was restored
//! from, or into, this vault before) or, failing that, the same identity for its kind:
//!
//! | kind | identity | when both have it |
//! |---|---|---|
//! | counter | its name, ignoring case and spaces around | history unioned ([`crate::cleantime::merge`]), newer settings; contradicting histories: both kept |
//! | setting | its name | newer edit wins |
//! | meeting | its meeting key (list, feed id, day) | newer edit wins; days attended unioned |
//! | meeting list settings | the list's name | newer edit wins |
//! | contact | name (ignoring case) and number as dialled | newer edit wins; the vault's place in the order is kept |
//! | plan | which plan (safety, relapse prevention) | revisions unioned ([`crate::plans::History::merged_with`]) |
//! | check-in | its date | newer edit wins |
//!
//! "Newer" compares the edit times the records carry (set on every write, kept by backups); on a
//! tie the vault's version stays. A record the vault does not have is added with the id and edit
//! time it had. Everything is written in one transaction: all of the merge or none of it.

use std::collections::BTreeMap;

use super::contents::{Entry, UNKNOWN_EDIT_TIME};
use super::error::BackupError;
use crate::record_merge::{Mergeable, Merged};
use crate::vault::payload::now_millis;
use crate::vault::{Record, RecordId, RecordKind, WriteOp};

/// What a merge or restore did to one kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindReport {
    /// In the backup, not in the vault: added.
    pub added: u32,
    /// In both and changed by the merge.
    pub updated: u32,
    /// In both, and the vault's version was already the merged one: nothing written.
    pub unchanged: u32,
    /// In both, but the two versions contradict each other: the backup's was added beside the
    /// vault's (also counted in `added`).
    pub kept_both: u32,
}

/// What a restore did, per kind of record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// One entry per kind, in [`RecordKind::ALL`] order; kinds the backup had none of are included
    /// with zero counts.
    pub kinds: Vec<(RecordKind, KindReport)>,
}

impl RestoreReport {
    /// The report for `kind`.
    pub fn of(&self, kind: RecordKind) -> KindReport {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }

    /// The counts added up over every kind.
    pub fn total(&self) -> KindReport {
        self.kinds
            .iter()
            .fold(KindReport::default(), |acc, (_, r)| KindReport {
                added: acc.added + r.added,
                updated: acc.updated + r.updated,
                unchanged: acc.unchanged + r.unchanged,
                kept_both: acc.kept_both + r.kept_both,
            })
    }
}

/// A vault record of one kind, decoded.
struct Local<T> {
    id: RecordId,
    edited_at: i64,
    value: T,
    json: Vec<u8>,
}

/// Plans the writes that merge `incoming` (the backup's records of `T`'s kind) into `local` (the
/// vault's), adding them to `ops`. `taken` holds every id in use, of any kind.
pub(crate) fn merge_kind<T: Mergeable>(
    local: &[&Record],
    incoming: &[&Entry],
    taken: &mut std::collections::BTreeSet<RecordId>,
    ops: &mut Vec<WriteOp>,
) -> Result<KindReport, BackupError> {
    let mut report = KindReport::default();
    let mut locals: Vec<Local<T>> = Vec::with_capacity(local.len());
    for r in local {
        locals.push(Local {
            id: r.id(),
            edited_at: r.edited_at().unwrap_or(UNKNOWN_EDIT_TIME),
            value: r.decode()?,
            json: r.json().to_vec(),
        });
    }
    let mut by_identity: BTreeMap<String, usize> = locals
        .iter()
        .enumerate()
        .map(|(i, l)| (l.value.identity(), i))
        .collect();
    let mut decoded: Vec<(&Entry, T)> = Vec::with_capacity(incoming.len());
    for entry in incoming {
        let value: T = serde_json::from_slice(&entry.json).map_err(|_| BackupError::BadRecord {
            kind: entry.kind.as_str().to_string(),
        })?;
        decoded.push((entry, value));
    }
    decoded.sort_by_key(|(_, v)| v.merge_order());
    for (entry, value) in decoded {
        let kind = entry.kind;
        let bad = || BackupError::BadRecord {
            kind: kind.as_str().to_string(),
        };
        let found = locals
            .iter()
            .position(|l| l.id == entry.id)
            .or_else(|| by_identity.get(&value.identity()).copied());
        let Some(at) = found else {
            let mut value = value;
            let existing: Vec<&T> = locals.iter().map(|l| &l.value).collect();
            let before = serde_json::to_vec(&value).map_err(|_| bad())?;
            value.prepare_new(&existing);
            let prepared = serde_json::to_vec(&value).map_err(|_| bad())?;
            // The backup's own bytes when nothing was adjusted: fields a newer version added and
            // this one does not know are kept.
            let json = if prepared == before {
                entry.json.to_vec()
            } else {
                prepared
            };
            let id = if taken.contains(&entry.id) {
                RecordId::generate()?
            } else {
                entry.id
            };
            ops.push(WriteOp::put_json(kind, &id, &json, entry.edited_at)?);
            taken.insert(id);
            by_identity.insert(value.identity(), locals.len());
            locals.push(Local {
                id,
                edited_at: entry.edited_at,
                value,
                json,
            });
            report.added += 1;
            continue;
        };
        let l = &locals[at];
        let incoming_is_newer = entry.edited_at > l.edited_at;
        let (value, json, edited_at) = match T::merge(&l.value, &value, incoming_is_newer) {
            Merged::Local => {
                report.unchanged += 1;
                continue;
            }
            Merged::Incoming => (value, entry.json.to_vec(), entry.edited_at),
            Merged::Combined(v) => {
                let json = serde_json::to_vec(&v).map_err(|_| bad())?;
                (v, json, now_millis().max(l.edited_at).max(entry.edited_at))
            }
            Merged::Both(v) => {
                let id = RecordId::generate()?;
                let json = serde_json::to_vec(&v).map_err(|_| bad())?;
                ops.push(WriteOp::put_json(kind, &id, &json, entry.edited_at)?);
                taken.insert(id);
                report.added += 1;
                report.kept_both += 1;
                continue;
            }
        };
        if json == l.json {
            report.unchanged += 1;
            continue;
        }
        let id = l.id;
        ops.push(WriteOp::put_json(kind, &id, &json, edited_at)?);
        locals[at] = Local {
            id,
            edited_at,
            value,
            json,
        };
        report.updated += 1;
    }
    Ok(report)
}
