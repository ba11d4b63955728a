//! The manifest: a sealed list of every record's id and the GCM tag of its stored body, plus a
//! counter that only grows.
//!
//! Each record is sealed on its own, so a flipped byte is caught; but someone who can write the
//! file, with no key, could still put back an older copy of a row, delete a row, or re-insert a
//! deleted one, and each of those rows would open fine. The manifest closes that gap: it is
//! rewritten in the same transaction as every write, sealed under the data key, and checked
//!
//! * when the vault is unlocked: the ids in the `item` table must be exactly the manifest's (none
//!   missing, none extra), without opening any record ([`Manifest::check_ids`]);
//! * on every read: the stored body's GCM tag (its last 16 bytes) must equal the manifest's tag
//!   for its id before the body is opened ([`Manifest::check_body`]), and a record the manifest
//!   lists must exist. The open that follows checks the body against that tag, so a body passes
//!   only if it is the one last sealed for this row: an older copy or another row's body has
//!   another tag (a fresh nonce per seal), and a listed tag put on another body fails to open
//!   (forging it needs the key). docs/vault-format.md, "Why the GCM tag is enough", has the
//!   argument. Nothing is hashed on a read.
//!
//! A mismatch is [`VaultError::Integrity`], never a silent change.
//!
//! The entries are kept as a vector sorted by id: decoding the stored manifest (at every unlock)
//! is one copy and a check of the order, a lookup is a binary search.
//!
//! ```text
//! plaintext, sealed as an envelope with the manifest's own associated data (envelope.rs)
//! offset  size  field
//! 0       1     manifest format = 1
//! 1       8     counter: write transactions so far (u64, big-endian)
//! 9       4     number n of records (u32, big-endian)
//! 13      32n   per record, in strictly increasing id order: id (16 bytes) || GCM tag of its
//!               sealed body (16 bytes)
//! ```

use rusqlite::{Connection, Transaction};
use zeroize::Zeroizing;

use super::envelope::{self, RecordSealer, TAG_LEN};
use super::error::{IntegrityProblem, VaultError};
use super::record::{RecordId, RECORD_ID_LEN};
use super::store;

/// Manifest format this version writes.
const MANIFEST_FORMAT: u8 = 1;
/// Bytes before the entries.
const HEADER_LEN: usize = 1 + 8 + 4;
/// Bytes per entry.
const ENTRY_LEN: usize = RECORD_ID_LEN + TAG_LEN;

/// The GCM tag of a sealed body: what the manifest keeps per record.
pub(crate) type BodyTag = [u8; TAG_LEN];

fn integrity(problem: IntegrityProblem) -> VaultError {
    VaultError::Integrity(problem)
}

/// The record set as last written: what the `item` table must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Manifest {
    /// Write transactions so far; only grows.
    counter: u64,
    /// Every record's id and the tag of its sealed body, sorted by id, each id once.
    tags: Vec<(RecordId, BodyTag)>,
}

impl Manifest {
    /// The manifest of an empty vault.
    pub(crate) fn empty() -> Self {
        Self::default()
    }

    /// Write transactions so far.
    pub(crate) fn counter(&self) -> u64 {
        self.counter
    }

    /// How many records it lists.
    pub(crate) fn len(&self) -> usize {
        self.tags.len()
    }

    /// Where `id` is in `tags` (`Ok`), or where it would go (`Err`).
    fn position(&self, id: &RecordId) -> Result<usize, usize> {
        self.tags.binary_search_by(|(listed, _)| listed.cmp(id))
    }

    /// The tag listed for `id`.
    fn tag(&self, id: &RecordId) -> Option<&BodyTag> {
        self.position(id).ok().map(|at| &self.tags[at].1)
    }

    /// Notes that record `id` now holds `sealed`, as just returned by [`RecordSealer::seal`];
    /// [`VaultError::Encode`] if it is too short to be an envelope.
    pub(crate) fn record(&mut self, id: &RecordId, sealed: &[u8]) -> Result<(), VaultError> {
        let tag = envelope::sealed_tag(sealed).ok_or(VaultError::Encode)?;
        match self.position(id) {
            Ok(at) => self.tags[at].1 = tag,
            Err(at) => self.tags.insert(at, (*id, tag)),
        }
        Ok(())
    }

    /// Notes that record `id` is gone.
    pub(crate) fn remove(&mut self, id: &RecordId) {
        if let Ok(at) = self.position(id) {
            self.tags.remove(at);
        }
    }

    /// Checks a body read from row `id` before it is opened: the manifest must list the id
    /// ([`IntegrityProblem::RecordAdded`] otherwise) with this body's tag
    /// ([`IntegrityProblem::RecordReplaced`] otherwise). Only the open that must follow proves the
    /// body matches its tag; a body is never accepted on this check alone.
    pub(crate) fn check_body(&self, id: &RecordId, sealed: &[u8]) -> Result<(), VaultError> {
        compare(self.tag(id), sealed)
    }

    /// Checks that there is rightly no row `id`: [`IntegrityProblem::RecordRemoved`] if the
    /// manifest lists it.
    pub(crate) fn check_absent(&self, id: &RecordId) -> Result<(), VaultError> {
        if self.tag(id).is_some() {
            Err(integrity(IntegrityProblem::RecordRemoved))
        } else {
            Ok(())
        }
    }

    /// Starts checking a pass over every row of the store; see [`ManifestPass`].
    pub(crate) fn pass(&self) -> ManifestPass<'_> {
        ManifestPass {
            manifest: self,
            next: 0,
            seen: 0,
        }
    }

    /// Checks that the ids in the `item` table are exactly the listed ones, opening nothing.
    pub(crate) fn check_ids(&self, conn: &Connection) -> Result<(), VaultError> {
        let mut pass = self.pass();
        store::for_each_id(conn, |id| pass.check_id(&id))?;
        pass.finish()
    }

    /// Reads and opens the manifest; `None` if the vault has none.
    pub(crate) fn load(
        conn: &Connection,
        sealer: &RecordSealer,
    ) -> Result<Option<Self>, VaultError> {
        let Some(sealed) = store::read_manifest(conn)? else {
            return Ok(None);
        };
        let plain = sealer.open_manifest(sealed)?;
        Self::decode(&plain).map(Some)
    }

    /// Counts one more write transaction, seals the manifest and writes it, in `tx`.
    pub(crate) fn save(
        &mut self,
        tx: &Transaction<'_>,
        sealer: &RecordSealer,
    ) -> Result<(), VaultError> {
        self.counter = self.counter.checked_add(1).ok_or(VaultError::Encode)?;
        let sealed = sealer.seal_manifest(&self.encode()?)?;
        store::write_manifest(tx, &sealed)
    }

    fn encode(&self) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        let n = u32::try_from(self.tags.len()).map_err(|_| VaultError::Encode)?;
        let mut out = Zeroizing::new(Vec::with_capacity(HEADER_LEN + ENTRY_LEN * self.len()));
        out.push(MANIFEST_FORMAT);
        out.extend_from_slice(&self.counter.to_be_bytes());
        out.extend_from_slice(&n.to_be_bytes());
        for (id, tag) in &self.tags {
            out.extend_from_slice(id.as_bytes());
            out.extend_from_slice(tag);
        }
        Ok(out)
    }

    fn decode(plain: &[u8]) -> Result<Self, VaultError> {
        let damaged = || integrity(IntegrityProblem::ManifestDamaged);
        let header = plain.get(..HEADER_LEN).ok_or_else(damaged)?;
        if header[0] != MANIFEST_FORMAT {
            return Err(damaged());
        }
        let counter = u64::from_be_bytes(header[1..9].try_into().map_err(|_| damaged())?);
        let n = u32::from_be_bytes(header[9..13].try_into().map_err(|_| damaged())?);
        let entries = &plain[HEADER_LEN..];
        if usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_mul(ENTRY_LEN))
            != Some(entries.len())
        {
            return Err(damaged());
        }
        let mut tags: Vec<(RecordId, BodyTag)> = Vec::with_capacity(entries.len() / ENTRY_LEN);
        for entry in entries.chunks_exact(ENTRY_LEN) {
            let (id, tag) = entry.split_at(RECORD_ID_LEN);
            let id = RecordId::from_slice(id).ok_or_else(damaged)?;
            let tag: BodyTag = tag.try_into().map_err(|_| damaged())?;
            // Strictly increasing: sorted for the binary search, and no id twice.
            if tags.last().is_some_and(|(last, _)| *last >= id) {
                return Err(damaged());
            }
            tags.push((id, tag));
        }
        Ok(Self { counter, tags })
    }
}

/// A body's check against the tag listed for its id (`None`: not listed).
fn compare(expected: Option<&BodyTag>, sealed: &[u8]) -> Result<(), VaultError> {
    match expected {
        None => Err(integrity(IntegrityProblem::RecordAdded)),
        Some(expected) if Some(*expected) == envelope::sealed_tag(sealed) => Ok(()),
        Some(_) => Err(integrity(IntegrityProblem::RecordReplaced)),
    }
}

/// The check of one pass over every row of the store (a scan, the unlock check, a re-seal): each
/// row is checked as it comes, like [`Manifest::check_body`], and [`ManifestPass::finish`] checks
/// that no listed record was missing. The store hands rows out in id order, the manifest's order,
/// so each lookup is first one comparison with the entry after the last one found; rows in any
/// other order are still checked right (by binary search), only slower.
pub(crate) struct ManifestPass<'m> {
    manifest: &'m Manifest,
    /// Where the entry after the last one found is.
    next: usize,
    /// Rows accepted so far.
    seen: usize,
}

impl ManifestPass<'_> {
    /// The tag listed for `id`, looked up from where the last one was found.
    fn tag(&mut self, id: &RecordId) -> Option<&BodyTag> {
        let tags = &self.manifest.tags;
        let at = match tags.get(self.next) {
            Some((listed, _)) if listed == id => self.next,
            _ => self.manifest.position(id).ok()?,
        };
        self.next = at + 1;
        tags.get(at).map(|(_, tag)| tag)
    }

    /// Checks the body of row `id` before it is opened; see [`Manifest::check_body`].
    pub(crate) fn check_body(&mut self, id: &RecordId, sealed: &[u8]) -> Result<(), VaultError> {
        compare(self.tag(id), sealed)?;
        self.seen += 1;
        Ok(())
    }

    /// Checks that row `id` is listed, without its body ([`IntegrityProblem::RecordAdded`]).
    pub(crate) fn check_id(&mut self, id: &RecordId) -> Result<(), VaultError> {
        if self.tag(id).is_none() {
            return Err(integrity(IntegrityProblem::RecordAdded));
        }
        self.seen += 1;
        Ok(())
    }

    /// Checks that the pass saw every listed record ([`IntegrityProblem::RecordRemoved`]
    /// otherwise): each row it accepted is listed and row ids are unique, so a count suffices.
    pub(crate) fn finish(self) -> Result<(), VaultError> {
        if self.seen == self.manifest.tags.len() {
            Ok(())
        } else {
            Err(integrity(IntegrityProblem::RecordRemoved))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::vault::keys::DataKey;
    use crate::vault::schema;

    fn sealer(byte: u8) -> RecordSealer {
        RecordSealer::new(&DataKey::from_unwrapped(&[byte; 32]).unwrap()).unwrap()
    }

    /// A stand-in for a sealed body: envelope-sized, its last 16 bytes all `byte`.
    fn body(byte: u8) -> Vec<u8> {
        vec![byte; envelope::MIN_SEALED_LEN]
    }

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn).unwrap();
        conn
    }

    #[test]
    fn round_trip_counts_writes_and_checks_bodies() {
        let mut conn = db();
        let s = sealer(1);
        assert_eq!(Manifest::load(&conn, &s).unwrap(), None);
        let (a, b) = (RecordId::from_bytes([1; 16]), RecordId::from_bytes([2; 16]));
        let mut m = Manifest::empty();
        m.record(&a, &body(b'a')).unwrap();
        m.record(&b, &body(b'b')).unwrap();
        let tx = store::begin_write(&mut conn).unwrap();
        m.save(&tx, &s).unwrap();
        tx.commit().unwrap();
        let loaded = Manifest::load(&conn, &s).unwrap().unwrap();
        assert_eq!(loaded, m);
        assert_eq!(loaded.counter(), 1);
        assert_eq!(loaded.len(), 2);
        loaded.check_body(&a, &body(b'a')).unwrap();
        // Only the tag is compared here; the open that follows checks the rest.
        let mut same_tag = body(b'a');
        same_tag[0] = 0;
        loaded.check_body(&a, &same_tag).unwrap();
        let replaced = loaded.check_body(&a, &body(b'b')).unwrap_err();
        assert!(matches!(
            replaced,
            VaultError::Integrity(IntegrityProblem::RecordReplaced)
        ));
        let c = RecordId::from_bytes([3; 16]);
        assert!(matches!(
            loaded.check_body(&c, &body(b'a')),
            Err(VaultError::Integrity(IntegrityProblem::RecordAdded))
        ));
        loaded.check_absent(&c).unwrap();
        assert!(matches!(
            loaded.check_absent(&a),
            Err(VaultError::Integrity(IntegrityProblem::RecordRemoved))
        ));
        let mut pass = loaded.pass();
        pass.check_body(&b, &body(b'b')).unwrap();
        pass.check_body(&a, &body(b'a')).unwrap();
        pass.finish().unwrap();
        let mut pass = loaded.pass();
        pass.check_id(&a).unwrap();
        assert!(pass.finish().is_err(), "b was not seen");
        let mut pass = loaded.pass();
        assert!(matches!(
            pass.check_body(&a, &body(b'b')),
            Err(VaultError::Integrity(IntegrityProblem::RecordReplaced))
        ));
        assert!(matches!(
            pass.check_id(&c),
            Err(VaultError::Integrity(IntegrityProblem::RecordAdded))
        ));
        assert!(matches!(
            loaded.check_body(&a, b"short"),
            Err(VaultError::Integrity(IntegrityProblem::RecordReplaced))
        ));
    }

    #[test]
    fn entries_stay_sorted_through_records_and_removals() {
        let mut m = Manifest::empty();
        for n in [5u8, 1, 9, 3, 7, 1] {
            m.record(&RecordId::from_bytes([n; 16]), &body(n)).unwrap();
        }
        m.remove(&RecordId::from_bytes([9; 16]));
        m.remove(&RecordId::from_bytes([2; 16]));
        let ids: Vec<u8> = m.tags.iter().map(|(id, _)| id.as_bytes()[0]).collect();
        assert_eq!(ids, vec![1, 3, 5, 7]);
        m.check_body(&RecordId::from_bytes([7; 16]), &body(7))
            .unwrap();
        assert!(m.check_absent(&RecordId::from_bytes([9; 16])).is_ok());
        assert!(m.record(&RecordId::from_bytes([2; 16]), b"short").is_err());
        assert_eq!(Manifest::decode(&m.encode().unwrap()).unwrap(), m);
    }

    #[test]
    fn another_key_or_a_damaged_manifest_is_a_typed_error() {
        let mut conn = db();
        let mut m = Manifest::empty();
        m.record(&RecordId::from_bytes([1; 16]), &body(1)).unwrap();
        let tx = store::begin_write(&mut conn).unwrap();
        m.save(&tx, &sealer(1)).unwrap();
        tx.commit().unwrap();
        assert!(matches!(
            Manifest::load(&conn, &sealer(2)),
            Err(VaultError::Integrity(IntegrityProblem::OtherKey))
        ));
        let mut sealed = store::read_manifest(&conn).unwrap().unwrap();
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        let tx = store::begin_write(&mut conn).unwrap();
        store::write_manifest(&tx, &sealed).unwrap();
        tx.commit().unwrap();
        assert!(matches!(
            Manifest::load(&conn, &sealer(1)),
            Err(VaultError::Integrity(IntegrityProblem::ManifestDamaged))
        ));
    }

    #[test]
    fn malformed_plaintext_is_damaged_not_a_panic() {
        let mut m = Manifest::empty();
        m.record(&RecordId::from_bytes([1; 16]), &body(1)).unwrap();
        m.record(&RecordId::from_bytes([2; 16]), &body(2)).unwrap();
        let good = m.encode().unwrap().to_vec();
        assert_eq!(Manifest::decode(&good).unwrap(), m);
        for len in 0..good.len() {
            assert!(Manifest::decode(&good[..len]).is_err(), "len {len}");
        }
        let mut bad = good.clone();
        bad[0] = 2;
        assert!(Manifest::decode(&bad).is_err());
        let mut dup = good.clone();
        dup.copy_within(HEADER_LEN..HEADER_LEN + ENTRY_LEN, HEADER_LEN + ENTRY_LEN);
        assert!(Manifest::decode(&dup).is_err());
        let mut unsorted = good.clone();
        unsorted[HEADER_LEN..HEADER_LEN + RECORD_ID_LEN].fill(3);
        assert!(Manifest::decode(&unsorted).is_err());
        let mut long = good;
        long.push(0);
        assert!(Manifest::decode(&long).is_err());
    }
}
