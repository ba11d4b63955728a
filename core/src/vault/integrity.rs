//! Keeping the record set checked against its manifest (`manifest.rs`): at unlock, between calls,
//! and when every record is sealed again.
//!
//! **At unlock** ([`check_at_unlock`]) the manifest is opened and the ids in the `item` table must
//! be exactly its ids. A vault from before manifests (schema 1) has none: in one transaction every
//! record is opened, sealed again under this schema version (which the record's associated data
//! binds) and the manifest written. From then on a missing manifest is never rebuilt: if any record
//! is sealed under schema 2 or later, the vault was written with a manifest, and its absence is
//! [`IntegrityProblem::ManifestMissing`]. Setting `user_version` back to 1 changes nothing in that
//! rule (the migration to 2 only adds the empty table again). What it cannot tell: a vault emptied
//! of every record *and* its manifest looks like an empty vault from before manifests
//! (docs/vault-format.md, "Integrity").
//!
//! **Between calls** a handle keeps the manifest it last read or wrote ([`ManifestCache`]) with
//! the store's change stamp at that moment, and reads it again when the stamp moved (another
//! connection committed). A manifest whose counter went down since is
//! [`IntegrityProblem::ManifestRolledBack`]; one sealed under another data key means another handle
//! rotated the key ([`VaultError::KeysChanged`]). At unlock, a manifest under another key than the
//! slot's is [`IntegrityProblem::OtherKey`]: a slot or the manifest is an older copy.

use rusqlite::{Connection, Transaction};

use super::envelope::{self, RecordSealer};
use super::error::{IntegrityProblem, VaultError};
use super::manifest::Manifest;
use super::records::{stamp_of, ChangeStamp};
use super::{access, store, Keys};

/// The first schema version whose vaults keep a manifest.
const MANIFEST_SINCE: u16 = 2;

/// A handle's copy of the manifest and the change stamp of the store it matches. Every stamp and
/// manifest is read in one transaction (`store::begin_read`, or a write transaction), so the two
/// always belong together.
#[derive(Default)]
pub(crate) struct ManifestCache(Option<(ChangeStamp, Manifest)>);

impl ManifestCache {
    /// A cache holding `manifest`, which the store held at `stamp`.
    pub(crate) fn checked(stamp: ChangeStamp, manifest: Manifest) -> Self {
        Self(Some((stamp, manifest)))
    }

    /// Keeps `manifest`, which the store holds at `stamp` (read inside the transaction that wrote
    /// it, before its commit: committing one's own changes does not move the stamp).
    pub(crate) fn keep(&mut self, stamp: ChangeStamp, manifest: Manifest) {
        self.0 = Some((stamp, manifest));
    }

    /// Drops the copy (when the keys go).
    pub(crate) fn forget(&mut self) {
        self.0 = None;
    }

    /// The manifest as the store holds it in the snapshot of the transaction `conn` is in: the kept
    /// copy, or the stored one read again if the store changed since.
    pub(crate) fn current(
        &mut self,
        conn: &Connection,
        sealer: &RecordSealer,
    ) -> Result<&Manifest, VaultError> {
        let stamp = stamp_of(conn)?;
        if !matches!(&self.0, Some((at, _)) if *at == stamp) {
            let seen = self.0.as_ref().map(|(_, m)| m.counter());
            let fresh = load_again(conn, sealer)?;
            if seen.is_some_and(|counter| fresh.counter() < counter) {
                return Err(VaultError::Integrity(IntegrityProblem::ManifestRolledBack));
            }
            self.0 = Some((stamp, fresh));
        }
        // Always `Some` here; `Locked` only satisfies the type.
        self.0.as_ref().map(|(_, m)| m).ok_or(VaultError::Locked)
    }
}

/// Reads the manifest of a vault this handle already checked.
fn load_again(conn: &Connection, sealer: &RecordSealer) -> Result<Manifest, VaultError> {
    match Manifest::load(conn, sealer) {
        Ok(Some(manifest)) => Ok(manifest),
        Ok(None) => Err(VaultError::Integrity(IntegrityProblem::ManifestMissing)),
        // The only way `load` says this: sealed under another data key, which a rotation by
        // another handle since this one was unlocked explains. Opening the vault again checks
        // the manifest against the slots' key, where an old copy is caught.
        Err(VaultError::Integrity(IntegrityProblem::OtherKey)) => Err(VaultError::KeysChanged),
        Err(e) => Err(e),
    }
}

/// Checks the record set of a vault just unlocked with `keys`, upgrading a vault from before
/// manifests in one transaction, and returns the checked manifest for the handle to keep.
pub(crate) fn check_at_unlock(
    conn: &mut Connection,
    keys: &Keys,
) -> Result<ManifestCache, VaultError> {
    let sealer = keys.sealer()?;
    {
        let read = store::begin_read(conn)?;
        if let Some(checked) = check_stored(&read, &sealer)? {
            return Ok(checked);
        }
    }
    let tx = access::begin_sealed_write(conn, keys)?;
    // Another process may have upgraded it since the read above; then nothing is written here.
    if let Some(checked) = check_stored(&tx, &sealer)? {
        return Ok(checked);
    }
    if written_with_manifest(&tx)? {
        return Err(VaultError::Integrity(IntegrityProblem::ManifestMissing));
    }
    let mut manifest = reseal_all(&tx, &sealer, &sealer, None)?;
    manifest.save(&tx, &sealer)?;
    let stamp = stamp_of(&tx)?;
    tx.commit()?;
    Ok(ManifestCache::checked(stamp, manifest))
}

/// The stored manifest checked against the ids in the store, all read in the transaction `tx`;
/// `None` if there is no manifest.
fn check_stored(
    tx: &Transaction<'_>,
    sealer: &RecordSealer,
) -> Result<Option<ManifestCache>, VaultError> {
    let Some(manifest) = Manifest::load(tx, sealer)? else {
        return Ok(None);
    };
    manifest.check_ids(tx)?;
    Ok(Some(ManifestCache::checked(stamp_of(tx)?, manifest)))
}

/// Whether any record is sealed under a schema version that keeps a manifest (read from the
/// plaintext headers; nothing is opened).
fn written_with_manifest(conn: &Connection) -> Result<bool, VaultError> {
    let mut found = false;
    store::for_each_item(conn, |_, sealed| {
        found |= envelope::sealed_schema(sealed).is_some_and(|v| v >= MANIFEST_SINCE);
        Ok(())
    })?;
    Ok(found)
}

/// Opens every record with `old` and seals it again with `new` under this schema version, in
/// `tx`, and returns the manifest of the new bodies (its counter carried over from `expected`).
/// With `expected`, every body must first match it and every record it lists must be there, so a
/// re-seal never turns a changed record into a valid one. The caller saves the manifest.
pub(crate) fn reseal_all(
    tx: &Transaction<'_>,
    old: &RecordSealer,
    new: &RecordSealer,
    expected: Option<&Manifest>,
) -> Result<Manifest, VaultError> {
    let mut out = expected.cloned().unwrap_or_else(Manifest::empty);
    let mut pass = expected.map(Manifest::pass);
    for id in &store::item_ids(tx)? {
        let sealed = store::read_item(tx, id)?.ok_or(VaultError::CorruptDatabase)?;
        if let Some(pass) = &mut pass {
            pass.check_body(id, &sealed)?;
        }
        let plain = old.open(id, sealed)?;
        let resealed = new.seal(id, &plain)?;
        store::write_item(tx, id, &resealed)?;
        out.record(id, &resealed)?;
    }
    if let Some(pass) = pass {
        pass.finish()?;
    }
    Ok(out)
}
