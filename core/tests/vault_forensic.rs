//! Forensic test: nothing a user typed reaches the disk in plaintext.
//!
//! Records hold canary strings in every field (including map keys and non-ASCII text). The test then
//! searches the database, its WAL and SHM files (while the vault is open and after it is closed) and
//! every file in the system temp folder modified since the test started, for each canary as UTF-8,
//! UTF-16LE/BE, hex and base64. Expected: zero hits. Then the same after updates and deletes, for
//! the old and the new canaries. A positive control shows the search does find canaries in a plain
//! SQLite file.
//!
//! Temp files older than the test cannot hold canaries made during it, so only recent ones are read
//! (the temp folder of a build machine can hold gigabytes of unrelated files).
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use oneday_core::vault::{RecordId, RecordKind, Vault, VaultError, WriteOp};
use serde::{Deserialize, Serialize};
use vault_support::*;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Entry {
    name: String,
    notes: String,
    tags: Vec<String>,
    fields: BTreeMap<String, String>,
    nested: Option<Box<Entry>>,
}

struct Canaries(Vec<String>);

impl Canaries {
    fn make(&mut self) -> String {
        let c = match self.0.len() % 3 {
            0 => format!("cnry{}", random_letters(28)),
            1 => format!("Grüße {} Ünïcødé", random_letters(24)),
            _ => format!("{} {}", random_letters(16), random_letters(16)),
        };
        self.0.push(c.clone());
        c
    }

    fn entry(&mut self, depth: usize) -> Entry {
        let mut fields = BTreeMap::new();
        fields.insert(self.make(), self.make());
        Entry {
            name: self.make(),
            notes: self.make(),
            tags: vec![self.make(), self.make()],
            fields,
            nested: (depth > 0).then(|| Box::new(self.entry(depth - 1))),
        }
    }
}

fn vault_files(dir: &Path) -> Vec<std::path::PathBuf> {
    files_under(dir, None)
}

fn assert_no_canaries(dir: &Path, since: SystemTime, canaries: &[String], when: &str) {
    let mut files = vault_files(dir);
    files.extend(files_under(&std::env::temp_dir(), Some(since)));
    files.sort();
    files.dedup();
    let t = std::time::Instant::now();
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let hits = find_canaries(&files, canaries);
    eprintln!(
        "DEBUG {when}: {} files {} bytes {:?}",
        files.len(),
        total,
        t.elapsed()
    );
    assert!(
        hits.is_empty(),
        "{when}: plaintext found on disk:\n{}",
        hits.join("\n")
    );
}

#[test]
fn no_canary_on_disk_after_writes_updates_and_deletes() {
    let since = SystemTime::now() - Duration::from_secs(2);
    let tv = new_vault();
    let mut first = Canaries(Vec::new());

    let mut records: Vec<(RecordId, RecordKind, Entry)> = Vec::new();
    for i in 0..30 {
        let kind = if i % 3 == 2 {
            RecordKind::Setting
        } else {
            RecordKind::Counter
        };
        records.push((RecordId::generate().unwrap(), kind, first.entry(1)));
    }
    // Three ways of writing: single puts, a batch, a transaction.
    for (id, kind, e) in &records[..10] {
        tv.vault.put(*kind, id, e).unwrap();
    }
    let batch = records[10..20]
        .iter()
        .map(|(id, kind, e)| WriteOp::put(*kind, id, e).unwrap())
        .collect();
    tv.vault.write_batch(batch).unwrap();
    tv.vault
        .transaction(|tx| {
            for (id, kind, e) in &records[20..] {
                tx.put(*kind, id, e)?;
            }
            Ok::<(), VaultError>(())
        })
        .unwrap();
    // A plain string value too.
    let setting_id = RecordId::generate().unwrap();
    let setting = first.make();
    tv.vault
        .put(RecordKind::Setting, &setting_id, &setting)
        .unwrap();

    // The data is really there.
    for (id, kind, e) in &records {
        assert_eq!(tv.vault.get::<Entry>(*kind, id).unwrap().as_ref(), Some(e));
    }
    let wal = tv.dir.join("vault.db-wal");
    assert!(
        wal.metadata().unwrap().len() > 0,
        "the WAL must hold the writes while open"
    );
    assert_no_canaries(&tv.dir, since, &first.0, "after writes, vault open");

    // Error messages never quote record contents.
    let e = tv
        .vault
        .get::<u64>(RecordKind::Setting, &setting_id)
        .unwrap_err();
    for c in &first.0 {
        assert!(!e.to_string().contains(c.as_str()) && !format!("{e:?}").contains(c.as_str()));
    }

    let TestVault {
        tmp: _tmp,
        dir,
        vault,
        key,
        ..
    } = tv;
    drop(vault);
    assert_no_canaries(&dir, since, &first.0, "after writes, vault closed");

    // Updates with new canaries, deletes of a third.
    let vault = Vault::open_with_device_key(&dir, &key).unwrap();
    let mut second = Canaries(Vec::new());
    for (i, (id, kind, e)) in records.iter_mut().enumerate() {
        if i % 3 == 1 {
            assert!(vault.delete(id).unwrap());
        } else {
            *e = second.entry(1);
            vault.put(*kind, id, e).unwrap();
        }
    }
    vault
        .put(RecordKind::Setting, &setting_id, &second.make())
        .unwrap();
    let all: Vec<String> = first.0.iter().chain(&second.0).cloned().collect();
    assert_no_canaries(&dir, since, &all, "after updates and deletes, vault open");
    drop(vault);
    assert_no_canaries(&dir, since, &all, "after updates and deletes, vault closed");

    let vault = Vault::open_with_device_key(&dir, &key).unwrap();
    for (i, (id, kind, e)) in records.iter().enumerate() {
        let got = vault.get::<Entry>(*kind, id).unwrap();
        if i % 3 == 1 {
            assert_eq!(got, None);
        } else {
            assert_eq!(got.as_ref(), Some(e));
        }
    }
}

/// The search finds canaries where they are: in a plain SQLite database in WAL mode, in every
/// encoding. Without this, a broken search would make the test above pass vacuously.
#[test]
fn positive_control_search_finds_plaintext() {
    let tmp = tempfile::tempdir().unwrap();
    let mut c = Canaries(Vec::new());
    let canaries: Vec<String> = (0..3).map(|_| c.make()).collect();

    let conn = rusqlite::Connection::open(tmp.path().join("plain.db")).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("CREATE TABLE t (v TEXT)").unwrap();
    for canary in &canaries {
        conn.execute("INSERT INTO t (v) VALUES (?1)", [canary])
            .unwrap();
    }
    let hits = find_canaries(&files_under(tmp.path(), None), &canaries);
    assert_eq!(
        hits.iter().filter(|h| h.contains("as utf-8")).count(),
        3,
        "each canary in the WAL as UTF-8: {hits:?}"
    );
    drop(conn);

    // Every encoding, at every offset modulo 3 for base64, inside surrounding bytes.
    for (i, canary) in canaries.iter().enumerate() {
        for (enc, bytes) in encodings(canary) {
            let path = tmp.path().join(format!("f{i}-{enc}"));
            let mut content = b"prefix".to_vec();
            if enc.starts_with("base64") {
                let shift: usize = enc.rsplit('+').next().unwrap().parse().unwrap();
                let mut raw = vec![b'x'; shift + 3];
                raw.extend_from_slice(canary.as_bytes());
                raw.extend_from_slice(b"suffix");
                content.extend(base64(&raw, enc.starts_with("base64url")).into_bytes());
            } else {
                content.extend(bytes);
            }
            std::fs::write(&path, &content).unwrap();
            let hits = find_canaries(&[path], std::slice::from_ref(canary));
            assert!(!hits.is_empty(), "{enc} of {canary} not found");
        }
    }
}

#[test]
fn base64_and_search_helpers() {
    assert_eq!(base64(b"Man", false), "TWFu");
    assert_eq!(base64(b"Ma", false), "TWE=");
    assert_eq!(base64(b"\xfb\xff", true), "-_8=");
    assert!(contains(b"xxabcxx", b"abc"));
    assert!(!contains(b"xxabxcx", b"abc"));
    assert!(contains(b"abc", b"abc"));
}
