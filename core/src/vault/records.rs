//! The record API: put, get, list, delete, and several changes in one transaction.
//!
//! A record is encoded (`payload.rs`), sealed (`envelope.rs`) and written (`store.rs`), all while the
//! vault's lock is held. Reads open every sealed body they touch; a body that fails to open makes the
//! whole call fail with a typed error, and no part of any plaintext is returned.
//!
//! Every write is one transaction that also rewrites the manifest (`manifest.rs`); every read
//! checks each body against the manifest before opening it, and a full scan checks that it saw
//! every record the manifest lists ([`VaultError::Integrity`] otherwise).
//!
//! `list` has to open every record, because the kind is inside the seal. That is the price of not
//! revealing how many records of each kind exist; `for_each` (or `list_all`) reads every kind in one
//! pass for callers that need several kinds. Scans decrypt into one scratch buffer reused from
//! record to record and wiped at the end, straight from SQLite's row buffer.

use rusqlite::{Connection, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;
use zeroize::Zeroizing;

use super::envelope::RecordSealer;
use super::error::VaultError;
use super::manifest::Manifest;
use super::payload::{self, Payload};
use super::record::{RecordId, RecordKind};
use super::{access, store, Vault};

/// One change for [`Vault::write_batch`]. A put is encoded when the op is made, so a value that
/// cannot be serialized is reported before anything is written.
pub struct WriteOp(Op);

enum Op {
    Put {
        kind: RecordKind,
        id: RecordId,
        payload: Payload,
    },
    Delete(RecordId),
}

impl WriteOp {
    /// Adds or replaces record `id`, holding `value` of `kind`.
    pub fn put<T: Serialize + ?Sized>(
        kind: RecordKind,
        id: &RecordId,
        value: &T,
    ) -> Result<Self, VaultError> {
        Ok(Self(Op::Put {
            kind,
            id: *id,
            payload: payload::encode(kind, value)?,
        }))
    }

    /// Adds or replaces record `id` with an already serialized JSON `body`, keeping the edit time
    /// `edited_at` it had elsewhere: how a backup's records are restored.
    pub(crate) fn put_json(
        kind: RecordKind,
        id: &RecordId,
        body: &[u8],
        edited_at: i64,
    ) -> Result<Self, VaultError> {
        Ok(Self(Op::Put {
            kind,
            id: *id,
            payload: payload::encode_json(kind, body, edited_at)?,
        }))
    }

    /// Removes record `id` (no error if it does not exist).
    pub fn delete(id: &RecordId) -> Self {
        Self(Op::Delete(*id))
    }
}

impl std::fmt::Debug for WriteOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Op::Put { kind, id, .. } => write!(f, "WriteOp::Put({kind}, {id})"),
            Op::Delete(id) => write!(f, "WriteOp::Delete({id})"),
        }
    }
}

/// An opened record of any kind, from [`Vault::list_all`]. Holds the plaintext in a buffer that is
/// wiped when the record is dropped.
pub struct Record {
    id: RecordId,
    kind: RecordKind,
    edited_at: Option<i64>,
    body: Zeroizing<Vec<u8>>,
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> RecordId {
        self.id
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// When the record was last written, in milliseconds since the Unix epoch; `None` for a record
    /// written before versions kept the edit time.
    pub fn edited_at(&self) -> Option<i64> {
        self.edited_at
    }

    /// The value as JSON, exactly as stored.
    pub(crate) fn json(&self) -> &[u8] {
        &self.body
    }

    /// Deserializes the value.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, VaultError> {
        payload::decode(&self.id, &self.body)
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Record({}, {})", self.kind, self.id)
    }
}

/// A record seen by [`Vault::for_each`]: borrowed, valid only during the callback, so the plaintext
/// stays in one scratch buffer that is wiped when the scan ends.
pub struct RecordView<'a> {
    id: RecordId,
    kind: RecordKind,
    edited_at: Option<i64>,
    body: &'a [u8],
}

impl RecordView<'_> {
    /// The record's id.
    pub fn id(&self) -> RecordId {
        self.id
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// When the record was last written; see [`Record::edited_at`].
    pub fn edited_at(&self) -> Option<i64> {
        self.edited_at
    }

    /// Deserializes the value.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, VaultError> {
        payload::decode(&self.id, self.body)
    }
}

impl std::fmt::Debug for RecordView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RecordView({}, {})", self.kind, self.id)
    }
}

/// A transaction on the vault, handed to the closure of [`Vault::transaction`]. Reads see the
/// transaction's own writes. Do not call methods of the [`Vault`] itself inside the closure: the
/// vault is locked for the duration and such a call would wait forever.
pub struct VaultTx<'a> {
    tx: Transaction<'a>,
    sealer: RecordSealer,
    /// The manifest as of this transaction's own writes; saved at commit.
    manifest: Manifest,
}

impl VaultTx<'_> {
    /// Adds or replaces record `id`, holding `value` of `kind`.
    pub fn put<T: Serialize + ?Sized>(
        &mut self,
        kind: RecordKind,
        id: &RecordId,
        value: &T,
    ) -> Result<(), VaultError> {
        let payload = payload::encode(kind, value)?;
        self.put_payload(id, &payload)
    }

    fn put_payload(&mut self, id: &RecordId, payload: &Payload) -> Result<(), VaultError> {
        let sealed = self.sealer.seal(id, payload.as_bytes())?;
        store::write_item(&self.tx, id, &sealed)?;
        self.manifest.record(id, &sealed)?;
        Ok(())
    }

    /// Reads record `id` as `kind`; see [`Vault::get`].
    pub fn get<T: DeserializeOwned>(
        &self,
        kind: RecordKind,
        id: &RecordId,
    ) -> Result<Option<T>, VaultError> {
        get_in(&self.tx, &self.sealer, &self.manifest, kind, id)
    }

    /// Every record of `kind`; see [`Vault::list`].
    pub fn list<T: DeserializeOwned>(
        &self,
        kind: RecordKind,
    ) -> Result<Vec<(RecordId, T)>, VaultError> {
        list_in(&self.tx, &self.sealer, &self.manifest, kind)
    }

    /// Removes record `id`; true if it existed. A record the manifest lists that is already gone
    /// from the store is [`VaultError::Integrity`].
    pub fn delete(&mut self, id: &RecordId) -> Result<bool, VaultError> {
        let existed = store::delete_item(&self.tx, id)?;
        if !existed {
            self.manifest.check_absent(id)?;
        }
        self.manifest.remove(id);
        Ok(existed)
    }
}

impl Vault {
    /// Adds or replaces record `id`, holding `value` of `kind`. One transaction.
    ///
    /// The kind is not checked against an existing record with the same id: ids are random, so a
    /// clash means the caller reused an id on purpose.
    pub fn put<T: Serialize + ?Sized>(
        &self,
        kind: RecordKind,
        id: &RecordId,
        value: &T,
    ) -> Result<(), VaultError> {
        let payload = payload::encode(kind, value)?;
        self.transaction(|tx| tx.put_payload(id, &payload))
    }

    /// Reads record `id`. `Ok(None)` if there is no such record; [`VaultError::KindMismatch`] if it
    /// holds another kind; [`VaultError::CorruptRecord`] if it fails to open.
    pub fn get<T: DeserializeOwned>(
        &self,
        kind: RecordKind,
        id: &RecordId,
    ) -> Result<Option<T>, VaultError> {
        self.read(|conn, sealer, manifest| get_in(conn, sealer, manifest, kind, id))
    }

    /// Every record of `kind`, in no particular order (sort them yourself). Records of kinds this
    /// version does not know are skipped. Opens every record in the vault (see the module docs).
    pub fn list<T: DeserializeOwned>(
        &self,
        kind: RecordKind,
    ) -> Result<Vec<(RecordId, T)>, VaultError> {
        self.read(|conn, sealer, manifest| list_in(conn, sealer, manifest, kind))
    }

    /// Calls `f` with every record of every kind this version knows, in one pass: the fastest way to
    /// read several kinds. Each [`RecordView`] is valid only during its call; decode what you keep.
    /// Stops at the first error, from a record that fails to open or from `f`. Like
    /// [`Vault::transaction`], do not call the vault from inside `f`.
    pub fn for_each(
        &self,
        f: impl FnMut(RecordView<'_>) -> Result<(), VaultError>,
    ) -> Result<(), VaultError> {
        self.read(|conn, sealer, manifest| scan_in(conn, sealer, manifest, f))
    }

    /// Every record of every kind this version knows, opened but not yet deserialized (each holds
    /// its plaintext until dropped). [`Vault::for_each`] does the same without keeping them.
    pub fn list_all(&self) -> Result<Vec<Record>, VaultError> {
        let mut out = Vec::new();
        self.read(|conn, sealer, manifest| {
            scan_in(conn, sealer, manifest, |view| {
                let mut body = Zeroizing::new(Vec::with_capacity(view.body.len()));
                body.extend_from_slice(view.body);
                out.push(Record {
                    id: view.id,
                    kind: view.kind,
                    edited_at: view.edited_at,
                    body,
                });
                Ok(())
            })
        })?;
        Ok(out)
    }

    /// A stamp that changes whenever the records may have changed: after every write through this
    /// handle, and after every commit by another connection to the same file. A cache of decoded
    /// records (such as [`crate::meetings::book::MeetingBook`]) keeps the stamp it was loaded at and
    /// reloads when it differs. Fails with [`VaultError::Locked`] while locked, so a cache cannot be
    /// served from a locked vault.
    pub fn change_stamp(&self) -> Result<ChangeStamp, VaultError> {
        let state = self.state();
        let (conn, _) = state.unlocked()?;
        stamp_of(conn)
    }

    /// Removes record `id`; true if it existed. One transaction.
    pub fn delete(&self, id: &RecordId) -> Result<bool, VaultError> {
        self.transaction(|tx| tx.delete(id))
    }

    /// Applies several puts and deletes atomically: all of them or none.
    pub fn write_batch(&self, ops: Vec<WriteOp>) -> Result<(), VaultError> {
        self.transaction(|tx| {
            for WriteOp(op) in ops {
                match op {
                    Op::Put {
                        kind: _,
                        id,
                        payload,
                    } => tx.put_payload(&id, &payload)?,
                    Op::Delete(id) => {
                        tx.delete(&id)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Runs `f` in one SQLite transaction and commits if it returns `Ok`; on `Err` (or a panic)
    /// nothing it wrote is kept. Use it for read-modify-write sequences:
    ///
    /// ```
    /// # use oneday_core::vault::*;
    /// # let dir = tempfile::tempdir()?;
    /// # let (vault, _) = Vault::create(dir.path(), &DeviceKey::generate()?, KdfParams::MINIMUM)?;
    /// let id = RecordId::generate()?;
    /// vault.put(RecordKind::Setting, &id, &1u32)?;
    /// vault.transaction(|tx| {
    ///     let n: u32 = tx.get(RecordKind::Setting, &id)?.unwrap_or(0);
    ///     tx.put(RecordKind::Setting, &id, &(n + 1))
    /// })?;
    /// assert_eq!(vault.get::<u32>(RecordKind::Setting, &id)?, Some(2));
    /// # Ok::<(), VaultError>(())
    /// ```
    ///
    /// The vault stays locked to other calls while `f` runs; do not call the vault from inside `f`.
    pub fn transaction<R, E: From<VaultError>>(
        &self,
        f: impl FnOnce(&mut VaultTx<'_>) -> Result<R, E>,
    ) -> Result<R, E> {
        let mut state = self.state();
        let (conn, keys, cache) = state.unlocked_parts()?;
        let (result, stamp, manifest) = {
            let tx = access::begin_sealed_write(conn, keys)?;
            let sealer = keys.sealer()?;
            // Read under the write lock, so no other connection's commit slips in between.
            let manifest = cache.current(&tx, &sealer)?.clone();
            let mut vtx = VaultTx {
                tx,
                sealer,
                manifest,
            };
            let result = f(&mut vtx)?;
            let VaultTx {
                tx,
                sealer,
                mut manifest,
            } = vtx;
            manifest.save(&tx, &sealer)?;
            let stamp = stamp_of(&tx)?;
            tx.commit().map_err(VaultError::from)?;
            (result, stamp, manifest)
        };
        cache.keep(stamp, manifest);
        Ok(result)
    }
}

impl Vault {
    /// Runs the read `f` in one read transaction, with the manifest as of its snapshot, so the
    /// manifest and every row `f` reads come from the same commit.
    fn read<R>(
        &self,
        f: impl FnOnce(&Connection, &RecordSealer, &Manifest) -> Result<R, VaultError>,
    ) -> Result<R, VaultError> {
        let mut state = self.state();
        let (conn, keys, cache) = state.unlocked_parts()?;
        let tx = store::begin_read(conn)?;
        let sealer = keys.sealer()?;
        let manifest = cache.current(&tx, &sealer)?;
        // Dropping `tx` ends the read transaction (a rollback: nothing was written).
        f(&tx, &sealer, manifest)
    }
}

/// What [`Vault::change_stamp`] returns: compare two for equality, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    /// Rows this connection inserted, updated or deleted so far (SQLite's total changes).
    own_changes: u64,
    /// SQLite's `data_version`: changes when another connection commits.
    data_version: i64,
}

/// The change stamp of the store as `conn` sees it now; see [`Vault::change_stamp`].
pub(crate) fn stamp_of(conn: &Connection) -> Result<ChangeStamp, VaultError> {
    let data_version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |row| row.get(0))?;
    Ok(ChangeStamp {
        own_changes: conn.total_changes(),
        data_version,
    })
}

fn get_in<T: DeserializeOwned>(
    conn: &Connection,
    sealer: &RecordSealer,
    manifest: &Manifest,
    kind: RecordKind,
    id: &RecordId,
) -> Result<Option<T>, VaultError> {
    let Some(sealed) = store::read_item(conn, id)? else {
        manifest.check_absent(id)?;
        return Ok(None);
    };
    manifest.check_body(id, &sealed)?;
    let plain = sealer.open(id, sealed)?;
    let opened = payload::split(id, &plain)?;
    if opened.kind != Some(kind) {
        return Err(VaultError::KindMismatch(*id));
    }
    payload::decode(id, &plain[opened.body]).map(Some)
}

fn list_in<T: DeserializeOwned>(
    conn: &Connection,
    sealer: &RecordSealer,
    manifest: &Manifest,
    kind: RecordKind,
) -> Result<Vec<(RecordId, T)>, VaultError> {
    let mut out = Vec::new();
    scan_in(conn, sealer, manifest, |view| {
        if view.kind == kind {
            out.push((view.id, view.decode()?));
        }
        Ok(())
    })?;
    Ok(out)
}

/// Opens every record into one scratch buffer and shows each one of a known kind to `f`, each
/// checked against `manifest` first; at the end, checks that every listed record was seen.
fn scan_in(
    conn: &Connection,
    sealer: &RecordSealer,
    manifest: &Manifest,
    mut f: impl FnMut(RecordView<'_>) -> Result<(), VaultError>,
) -> Result<(), VaultError> {
    let mut scratch = Zeroizing::new(Vec::new());
    let mut pass = manifest.pass();
    store::for_each_item(conn, |id, sealed| {
        pass.check_body(&id, sealed)?;
        let plain = sealer.open_into(&id, sealed, &mut scratch)?;
        let opened = payload::split(&id, plain)?;
        match opened.kind {
            Some(kind) => f(RecordView {
                id,
                kind,
                edited_at: opened.edited_at,
                body: &plain[opened.body],
            }),
            None => Ok(()),
        }
    })?;
    pass.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::{DeviceKey, KdfParams};
    use serde::Deserialize;

    #[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
    struct Counter {
        name: String,
        attempts: Vec<u32>,
    }

    fn vault() -> (tempfile::TempDir, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let (v, _) = Vault::create(
            dir.path(),
            &DeviceKey::generate().unwrap(),
            KdfParams::MINIMUM,
        )
        .unwrap();
        (dir, v)
    }

    #[test]
    fn change_stamp_moves_with_every_write_here_and_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let key = DeviceKey::generate().unwrap();
        let (v, _) = Vault::create(dir.path(), &key, KdfParams::MINIMUM).unwrap();
        let id = RecordId::generate().unwrap();
        let s0 = v.change_stamp().unwrap();
        assert_eq!(v.change_stamp().unwrap(), s0, "reading changes nothing");
        v.put(RecordKind::Setting, &id, &1u32).unwrap();
        let s1 = v.change_stamp().unwrap();
        assert_ne!(s1, s0);
        let _: Vec<(RecordId, u32)> = v.list(RecordKind::Setting).unwrap();
        assert_eq!(v.change_stamp().unwrap(), s1);
        // Another handle (another connection, as another process would have) writes.
        let other = Vault::open_with_device_key(dir.path(), &key).unwrap();
        other.put(RecordKind::Setting, &id, &2u32).unwrap();
        let s2 = v.change_stamp().unwrap();
        assert_ne!(s2, s1);
        v.delete(&id).unwrap();
        assert_ne!(v.change_stamp().unwrap(), s2);
        v.lock();
        assert!(matches!(v.change_stamp(), Err(VaultError::Locked)));
    }

    #[test]
    fn put_get_list_delete_and_kinds() {
        let (_dir, v) = vault();
        let a = RecordId::generate().unwrap();
        let b = RecordId::generate().unwrap();
        let s = RecordId::generate().unwrap();
        let ca = Counter {
            name: "alcohol".into(),
            attempts: vec![1, 2],
        };
        let cb = Counter {
            name: "nicotine".into(),
            attempts: vec![],
        };
        v.put(RecordKind::Counter, &a, &ca).unwrap();
        v.put(RecordKind::Counter, &b, &cb).unwrap();
        v.put(RecordKind::Setting, &s, "dark").unwrap();
        assert_eq!(
            v.get::<Counter>(RecordKind::Counter, &a).unwrap(),
            Some(ca.clone())
        );
        assert!(
            matches!(v.get::<Counter>(RecordKind::Setting, &a), Err(VaultError::KindMismatch(x)) if x == a)
        );
        assert!(matches!(
            v.get::<u32>(RecordKind::Counter, &a),
            Err(VaultError::Decode(_))
        ));
        assert_eq!(
            v.get::<Counter>(RecordKind::Counter, &RecordId::generate().unwrap())
                .unwrap(),
            None
        );
        let mut list = v.list::<Counter>(RecordKind::Counter).unwrap();
        list.sort_by(|x, y| x.1.name.cmp(&y.1.name));
        assert_eq!(list, vec![(a, ca), (b, cb.clone())]);
        assert_eq!(
            v.list::<String>(RecordKind::Setting).unwrap(),
            vec![(s, "dark".to_string())]
        );
        let all = v.list_all().unwrap();
        assert_eq!(all.len(), 3);
        let rs = all.iter().find(|r| r.id() == s).unwrap();
        assert_eq!(rs.kind(), RecordKind::Setting);
        assert_eq!(rs.decode::<String>().unwrap(), "dark");
        let mut seen = Vec::new();
        v.for_each(|r| {
            seen.push((r.id(), r.kind()));
            if r.kind() == RecordKind::Setting {
                assert_eq!(r.decode::<String>()?, "dark");
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.len(), 3);
        let stopped = v.for_each(|_| Err(VaultError::Encode));
        assert!(matches!(stopped, Err(VaultError::Encode)));
        assert!(v.delete(&a).unwrap());
        assert!(!v.delete(&a).unwrap());
        assert_eq!(
            v.list::<Counter>(RecordKind::Counter).unwrap(),
            vec![(b, cb)]
        );
    }

    #[test]
    fn batch_is_all_or_nothing() {
        let (_dir, v) = vault();
        let a = RecordId::generate().unwrap();
        let b = RecordId::generate().unwrap();
        v.put(RecordKind::Setting, &a, &1).unwrap();
        v.write_batch(vec![
            WriteOp::put(RecordKind::Setting, &b, &2).unwrap(),
            WriteOp::delete(&a),
        ])
        .unwrap();
        assert_eq!(v.get::<i32>(RecordKind::Setting, &a).unwrap(), None);
        assert_eq!(v.get::<i32>(RecordKind::Setting, &b).unwrap(), Some(2));

        let r: Result<(), VaultError> = v.transaction(|tx| {
            tx.put(RecordKind::Setting, &a, &3)?;
            tx.delete(&b)?;
            assert_eq!(tx.get::<i32>(RecordKind::Setting, &a)?, Some(3));
            assert_eq!(tx.list::<i32>(RecordKind::Setting)?.len(), 1);
            Err(VaultError::Encode)
        });
        assert!(r.is_err());
        assert_eq!(v.get::<i32>(RecordKind::Setting, &a).unwrap(), None);
        assert_eq!(v.get::<i32>(RecordKind::Setting, &b).unwrap(), Some(2));
    }

    #[test]
    fn every_record_call_on_a_locked_vault_is_locked() {
        let (_dir, v) = vault();
        let id = RecordId::generate().unwrap();
        v.lock();
        assert!(matches!(
            v.put(RecordKind::Setting, &id, &1),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            v.get::<i32>(RecordKind::Setting, &id),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            v.list::<i32>(RecordKind::Setting),
            Err(VaultError::Locked)
        ));
        assert!(matches!(v.list_all(), Err(VaultError::Locked)));
        assert!(matches!(v.for_each(|_| Ok(())), Err(VaultError::Locked)));
        assert!(matches!(v.delete(&id), Err(VaultError::Locked)));
        assert!(matches!(
            v.write_batch(vec![WriteOp::delete(&id)]),
            Err(VaultError::Locked)
        ));
        let r: Result<(), VaultError> = v.transaction(|_| Ok(()));
        assert!(matches!(r, Err(VaultError::Locked)));
    }
}
