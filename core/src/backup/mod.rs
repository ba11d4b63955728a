//! Encrypted backups: the whole vault in one file sealed under a passphrase or the recovery code,
//! restored into an empty vault or merged into one in use. Moving to a new phone is an export on the
//! old one and a restore on the new one.
//!
//! Where each rule lives:
//! - [`format`]: the file's bytes, Argon2id and AES-256-GCM, and the order errors are told in;
//! - [`contents`]: the records inside, with their ids and edit times;
//! - [`merge`]: how a backup's records are matched to the vault's and which version wins (the rule
//!   for each kind lives with its type: counters in [`crate::cleantime::merge`], plans in
//!   [`crate::plans::History::merged_with`], ...);
//! - [`error`]: the one error type.
//!
//! A backup holds every record of every kind this version knows, exactly as the vault holds it
//! (including its edit time), and nothing of the vault's keys: the device key, the data key and the
//! vault's recovery slot stay behind. The byte format is documented in `docs/backup-format.md`, with a
//! test vector.
//!
//! Nothing is written to the vault until the whole file has been opened, authenticated and every
//! record in it read as its type; then the restore is one transaction.

pub(crate) mod contents;
pub mod error;
pub mod format;
mod meeting_lists;
pub(crate) mod merge;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use self::contents::{Contents, Entry, UNKNOWN_EDIT_TIME};
pub use self::error::BackupError;
pub use self::format::{
    read_header, BackupHeader, BackupSecretKind, FORMAT_VERSION, KDF_PROFILES, MAX_BACKUP_BYTES,
    MAX_BACKUP_FILE_BYTES,
};
pub use self::merge::{KindReport, RestoreReport};
use crate::checkins::CheckIn;
use crate::cleantime::Counter;
use crate::meetings::chunks::MeetingMine;
use crate::meetings::store::MeetingSourceSettings;
use crate::plans::store::PlanRecord;
use crate::settings::NamedSetting;
use crate::support::Contact;
use crate::vault::payload::now_millis;
use crate::vault::{KdfParams, Record, RecordKind, Vault, VaultError};

/// What a backup holds, read without touching any vault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    /// How it was sealed (for format 2, read from its sealed header once opened).
    pub header: BackupHeader,
    /// When it was made (by the clock of the device that made it).
    pub made_at: DateTime<Utc>,
    /// How many records of each kind it holds, in [`RecordKind::ALL`] order (zero counts included).
    pub records: Vec<(RecordKind, u32)>,
}

/// Where a restore goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Into a vault with nothing in it yet (a new phone): refused with
    /// [`BackupError::VaultNotEmpty`] otherwise, so two people's data are never mixed by mistake.
    IntoEmpty,
    /// Into a vault in use: records are matched and merged (see [`merge`]).
    Merge,
}

/// Seals every record of `vault` into a backup file's bytes, under `secret` (a passphrase of at
/// least 8 bytes, or the vault's own recovery code) with Argon2id `kdf`, one of [`KDF_PROFILES`]
/// (refused below the vault's floor with [`VaultError::KdfTooWeak`], and otherwise
/// [`BackupError::KdfNotAProfile`]). A recovery code is first checked against the vault: a mistyped code would seal a backup
/// that the code the user keeps cannot open ([`BackupError::NotThisVaultsRecoveryCode`]).
pub fn export(
    vault: &Vault,
    secret: &[u8],
    kind: BackupSecretKind,
    kdf: KdfParams,
) -> Result<Vec<u8>, BackupError> {
    format::check_kdf(kdf)?;
    if kind == BackupSecretKind::RecoveryCode {
        vault.check_recovery_secret(secret).map_err(|e| match e {
            VaultError::WrongRecoverySecret | VaultError::MalformedRecoveryCode => {
                BackupError::NotThisVaultsRecoveryCode
            }
            other => other.into(),
        })?;
    }
    let entries = vault
        .list_all()?
        .into_iter()
        .map(|r| Entry {
            id: r.id(),
            kind: r.kind(),
            edited_at: r.edited_at().unwrap_or(UNKNOWN_EDIT_TIME),
            json: Zeroizing::new(r.json().to_vec()),
        })
        .collect();
    let plain = contents::encode(&Contents {
        made_at: now_millis(),
        entries,
    })?;
    format::seal(&plain, secret, kind, kdf)
}

/// Opens `file` with `secret` and reads every record in it as its type, without writing anything.
pub fn verify(file: &[u8], secret: &[u8]) -> Result<BackupSummary, BackupError> {
    let (header, contents) = open(file, secret)?;
    // A dry run of a merge into nothing reads every record as its type.
    plan_merge(&[], &contents.entries)?;
    Ok(summary(header, &contents))
}

/// Restores `file` into `vault`: every record, or none when anything is wrong.
pub fn restore(
    vault: &Vault,
    file: &[u8],
    secret: &[u8],
    mode: RestoreMode,
) -> Result<RestoreReport, BackupError> {
    // The vault first: a locked or non-empty vault is told before the Argon2id wait. Meetings of
    // the older layout are converted first, so the merge sees one layout on each side.
    crate::meetings::stored::convert_older_layout(vault)?;
    let local = vault.list_all()?;
    if mode == RestoreMode::IntoEmpty && !local.is_empty() {
        return Err(BackupError::VaultNotEmpty {
            records: local.len(),
        });
    }
    let (_, contents) = open(file, secret)?;
    let (report, ops) = plan_merge(&local, &contents.entries)?;
    vault.write_batch(ops)?;
    Ok(report)
}

/// The file name to offer when the user saves a backup made on `today`: `backup-2026-11-29`. It
/// names neither the app nor what is inside, because the name, unlike the contents, is in clear for
/// anyone who sees the user's files.
pub fn suggested_file_name(today: chrono::NaiveDate) -> String {
    format!("backup-{}", today.format("%Y-%m-%d"))
}

/// Reads a backup file (or device, or pipe) through [`read`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, BackupError> {
    let file = std::fs::File::open(path).map_err(|e| BackupError::file("read", &e))?;
    read(file)
}

/// Reads what may be a backup from `reader`: first a few leading bytes, so an endless stream of
/// zeros is [`BackupError::NotABackup`] at once (see [`format::lead_rules_out`]), then the rest
/// through the one bounded reader, refused past [`MAX_BACKUP_FILE_BYTES`] without reading further.
/// (A version 2 file has nothing in clear, so other streams are only refused at the limit.)
pub fn read(reader: impl Read) -> Result<Vec<u8>, BackupError> {
    let mut reader = reader;
    let lead_len = format::LEAD_LEN;
    let mut file = crate::input::read_bounded(reader.by_ref().take(lead_len as u64), lead_len)
        .map_err(read_error)?;
    if format::lead_rules_out(&file) {
        return Err(BackupError::NotABackup);
    }
    let rest = crate::input::read_bounded(reader, MAX_BACKUP_FILE_BYTES as usize - lead_len)
        .map_err(read_error)?;
    file.extend_from_slice(&rest);
    Ok(file)
}

/// The backup error for a failed bounded read.
fn read_error(e: crate::input::InputError) -> BackupError {
    match e {
        crate::input::InputError::TooLarge { .. } => BackupError::TooLarge {
            max: MAX_BACKUP_BYTES,
        },
        crate::input::InputError::Io(e) => BackupError::file("read", &e),
    }
}

/// Writes a backup file: to a new file beside `path`, readable and writable by its owner only
/// (0600 on Unix), flushed to disk, then renamed over `path`, so a crash never leaves half a backup
/// under the name. (The bytes are sealed; nothing in them is plaintext.)
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    let fail = |e: std::io::Error| BackupError::file("written", &e);
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".partial");
    let tmp = Path::new(&tmp_name);
    let result = (|| {
        let mut f = owner_only_file(tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Creates (or truncates) `path` for writing, owner-only: created with mode 0600 on Unix, and set
/// to 0600 in case a file was left there before.
fn owner_only_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let f = options.open(path)?;
    #[cfg(unix)]
    f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(f)
}

/// Reads untrusted bytes every way the backup reader does, short of Argon2id (which a fuzzer cannot
/// afford per input): as a whole file's header, as decrypted contents (each record then read as its
/// kind, as a restore would), and sealed then opened under a fixed key. Used by the `backup_file`
/// fuzz target and its regression test; panics only if the round trip does not hold, which is a bug.
#[cfg(feature = "fuzzing")]
pub(crate) fn read_untrusted(data: &[u8]) {
    let _ = read_header(data);
    if let Ok(contents) = contents::decode(data) {
        let _ = plan_merge(&[], &contents.entries);
    }
    if data.len() <= 1 << 20 {
        let held = format::fixed_key_round_trip(data);
        assert!(matches!(held, Ok(true)), "seal/open round trip failed");
    }
}

fn open(file: &[u8], secret: &[u8]) -> Result<(BackupHeader, Contents), BackupError> {
    if file.len() as u64 > MAX_BACKUP_FILE_BYTES {
        return Err(BackupError::TooLarge {
            max: MAX_BACKUP_BYTES,
        });
    }
    let (header, plain) = format::open(file, secret)?;
    Ok((header, contents::decode(&plain)?))
}

fn summary(header: BackupHeader, contents: &Contents) -> BackupSummary {
    let records = RecordKind::ALL
        .iter()
        .map(|&k| {
            let n = contents.entries.iter().filter(|e| e.kind == k).count();
            (k, u32::try_from(n).unwrap_or(u32::MAX))
        })
        .collect();
    BackupSummary {
        header,
        made_at: DateTime::from_timestamp_millis(contents.made_at).unwrap_or_default(),
        records,
    }
}

/// [`merge::merge_kind`] for one record type: the type each kind's records are read as.
type MergeKind = fn(
    &[&Record],
    &[&Entry],
    &mut BTreeSet<crate::vault::RecordId>,
    &mut Vec<crate::vault::WriteOp>,
) -> Result<KindReport, BackupError>;

/// Plans the writes that merge `entries` into the vault records `local`, kind by kind.
fn plan_merge(
    local: &[Record],
    entries: &[Entry],
) -> Result<(RestoreReport, Vec<crate::vault::WriteOp>), BackupError> {
    let entries = meeting_lists::in_current_layout(entries)?;
    let mut taken: BTreeSet<_> = local.iter().map(Record::id).collect();
    let mut ops = Vec::new();
    let mut report = RestoreReport::default();
    for kind in RecordKind::ALL {
        let mine: Vec<&Record> = local.iter().filter(|r| r.kind() == kind).collect();
        let theirs: Vec<&Entry> = entries.iter().filter(|e| e.kind == kind).collect();
        let merge_kind: MergeKind = match kind {
            RecordKind::Counter => merge::merge_kind::<Counter>,
            RecordKind::Setting => merge::merge_kind::<NamedSetting>,
            RecordKind::Meeting => meeting_lists::merge_older_layout,
            RecordKind::MeetingSource => merge::merge_kind::<MeetingSourceSettings>,
            RecordKind::Contact => merge::merge_kind::<Contact>,
            RecordKind::Plan => merge::merge_kind::<PlanRecord>,
            RecordKind::CheckIn => merge::merge_kind::<CheckIn>,
            RecordKind::MeetingChunk => meeting_lists::merge_chunks,
            RecordKind::MeetingMine => merge::merge_kind::<MeetingMine>,
        };
        let r = merge_kind(&mine, &theirs, &mut taken, &mut ops)?;
        report.kinds.push((kind, r));
    }
    Ok((report, ops))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::temp_vault;
    use crate::vault::{RecordId, WriteOp};

    const PASS: &[u8] = b"passphrase for unit tests";

    fn export_min(v: &Vault) -> Vec<u8> {
        export(v, PASS, BackupSecretKind::Passphrase, KdfParams::MINIMUM).unwrap()
    }

    fn setting(v: &Vault, id: &RecordId) -> serde_json::Value {
        v.get(RecordKind::Setting, id).unwrap().unwrap()
    }

    #[test]
    fn a_record_with_no_edit_time_loses_to_any_edit_and_unknown_fields_survive() {
        let (_a, old) = temp_vault();
        let id = RecordId::generate().unwrap();
        // As a record written before edit times existed, with a field a newer version added.
        let json = br#"{"name":"support.region","value":"IE","added_later":true}"#;
        old.write_batch(vec![WriteOp::put_json(
            RecordKind::Setting,
            &id,
            json,
            UNKNOWN_EDIT_TIME,
        )
        .unwrap()])
            .unwrap();

        let (_b, fresh) = temp_vault();
        restore(&fresh, &export_min(&old), PASS, RestoreMode::IntoEmpty).unwrap();
        assert_eq!(setting(&fresh, &id)["added_later"], true, "kept verbatim");

        // An edit on the fresh vault is newer than "not known": it wins the merge back.
        let edited = serde_json::json!({"name": "support.region", "value": "GB"});
        fresh.put(RecordKind::Setting, &id, &edited).unwrap();
        let report = restore(&old, &export_min(&fresh), PASS, RestoreMode::Merge).unwrap();
        assert_eq!(report.of(RecordKind::Setting).updated, 1);
        assert_eq!(setting(&old, &id)["value"], "GB");
        // And the old value does not come back the other way.
        let report = restore(&fresh, &export_min(&old), PASS, RestoreMode::Merge).unwrap();
        assert_eq!(report.of(RecordKind::Setting).unchanged, 1);
        assert_eq!(setting(&fresh, &id)["value"], "GB");
    }

    #[test]
    fn a_record_that_does_not_read_as_its_kind_stops_the_restore_before_any_write() {
        let (_a, source) = temp_vault();
        let good = RecordId::generate().unwrap();
        source
            .put(
                RecordKind::Setting,
                &good,
                &serde_json::json!({"name": "a", "value": 1}),
            )
            .unwrap();
        source
            .put(
                RecordKind::Counter,
                &RecordId::generate().unwrap(),
                &"not a counter",
            )
            .unwrap();
        let file = export_min(&source);
        assert!(matches!(
            verify(&file, PASS),
            Err(BackupError::BadRecord { ref kind }) if kind == "counter"
        ));
        let (_b, target) = temp_vault();
        assert!(matches!(
            restore(&target, &file, PASS, RestoreMode::IntoEmpty),
            Err(BackupError::BadRecord { .. })
        ));
        assert!(target.list_all().unwrap().is_empty());
    }

    #[test]
    fn suggested_name_gives_nothing_away() {
        let name = suggested_file_name(crate::test_support::d(2026, 11, 29));
        assert_eq!(name, "backup-2026-11-29");
    }

    #[test]
    fn an_endless_stream_of_zeros_is_not_a_backup_after_its_first_bytes() {
        let mut zeros = std::io::repeat(0).take(u64::MAX);
        assert!(matches!(read(&mut zeros), Err(BackupError::NotABackup)));
        assert_eq!(u64::MAX - zeros.limit(), format::LEAD_LEN as u64);
    }

    #[test]
    fn an_endless_stream_after_the_magic_is_refused_at_the_limit() {
        let mut endless = (&b"ONEDAYBK"[..]).chain(std::io::repeat(0)).take(u64::MAX);
        assert!(matches!(
            read(&mut endless),
            Err(BackupError::TooLarge {
                max: MAX_BACKUP_BYTES
            })
        ));
        assert_eq!(u64::MAX - endless.limit(), MAX_BACKUP_FILE_BYTES + 1);
    }

    #[test]
    fn a_backup_reads_back_whole() {
        let (_a, source) = temp_vault();
        let file = export_min(&source);
        assert_eq!(read(&file[..]).unwrap(), file);
    }
}
