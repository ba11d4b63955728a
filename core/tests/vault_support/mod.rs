//! Helpers shared by the `vault_*` integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use oneday_core::vault::{DeviceKey, KdfParams, RecoveryCode, Vault};

/// A fresh vault in its own temporary folder, at the floor Argon2id parameters (fast enough for
/// tests: the workspace builds argon2 optimised even in the dev profile).
pub struct TestVault {
    pub tmp: tempfile::TempDir,
    pub dir: PathBuf,
    pub vault: Vault,
    pub key: DeviceKey,
    pub code: RecoveryCode,
}

pub fn new_vault() -> TestVault {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let key = DeviceKey::generate().unwrap();
    let (vault, code) = Vault::create(&dir, &key, KdfParams::MINIMUM).unwrap();
    TestVault {
        tmp,
        dir,
        vault,
        key,
        code,
    }
}

/// Copies every file of `from` into `to` (flat).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Random lowercase letters (no digits, so hex and base64 encodings of a canary do not collide
/// with anything but the canary).
pub fn random_letters(n: usize) -> String {
    let mut bytes: Vec<u8> = Vec::new();
    while bytes.len() < n {
        bytes.extend(oneday_core::vault::RecordId::generate().unwrap().as_bytes());
    }
    bytes
        .iter()
        .take(n)
        .map(|b| char::from(b'a' + b % 26))
        .collect()
}

/// Every encoding of `s` the forensic test looks for.
pub fn encodings(s: &str) -> Vec<(String, Vec<u8>)> {
    let utf8 = s.as_bytes().to_vec();
    let utf16le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let hex_lower: String = utf8.iter().map(|b| format!("{b:02x}")).collect();
    let hex_upper = hex_lower.to_uppercase();
    let mut out = vec![
        ("utf-8".to_string(), utf8.clone()),
        ("utf-16le".to_string(), utf16le),
        ("utf-16be".to_string(), utf16be),
        ("hex".to_string(), hex_lower.into_bytes()),
        ("HEX".to_string(), hex_upper.into_bytes()),
    ];
    // Base64 of the canary inside a longer string depends on its offset modulo 3: search for the
    // stable middle part of each of the three alignments, standard and URL-safe alphabets.
    for shift in 0..3 {
        let mut padded = vec![0u8; shift];
        padded.extend_from_slice(&utf8);
        let encoded = base64(&padded, false);
        // Drop the characters that depend on the unknown neighbours (first 4 if shifted, last 4).
        let start = if shift == 0 { 0 } else { 4 };
        let core = &encoded[start..encoded.len().saturating_sub(4)];
        out.push((format!("base64+{shift}"), core.as_bytes().to_vec()));
        let url = base64(&padded, true);
        let core = &url[start..url.len().saturating_sub(4)];
        out.push((format!("base64url+{shift}"), core.as_bytes().to_vec()));
    }
    out
}

pub fn base64(data: &[u8], url: bool) -> String {
    let alphabet: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(alphabet[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() || needle.len() > haystack.len() {
        return needle.is_empty();
    }
    let first = needle[0];
    let mut at = 0;
    while let Some(pos) = haystack[at..=haystack.len() - needle.len()]
        .iter()
        .position(|&b| b == first)
    {
        let i = at + pos;
        if &haystack[i..i + needle.len()] == needle {
            return true;
        }
        at = i + 1;
        if at > haystack.len() - needle.len() {
            break;
        }
    }
    false
}

/// Files under `root` (recursively, not following symlinks), modified at or after `since` if given.
pub fn files_under(root: &Path, since: Option<SystemTime>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = fs::symlink_metadata(entry.path()) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(entry.path());
            } else if meta.is_file() {
                let recent = match (since, meta.modified()) {
                    (Some(since), Ok(m)) => m >= since,
                    _ => true,
                };
                if recent && meta.len() < 256 * 1024 * 1024 {
                    out.push(entry.path());
                }
            }
        }
    }
    out
}

/// Every (file, canary, encoding) hit among `files`. One pass per file: each position's next 8
/// bytes are looked up among the patterns' first 8 bytes, and only candidates are compared in full.
pub fn find_canaries(files: &[PathBuf], canaries: &[String]) -> Vec<String> {
    const PREFIX: usize = 8;
    let patterns: Vec<(String, String, Vec<u8>)> = canaries
        .iter()
        .flat_map(|c| {
            encodings(c)
                .into_iter()
                .map(move |(enc, bytes)| (c.clone(), enc, bytes))
        })
        .collect();
    let mut by_prefix: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, (_, _, p)) in patterns.iter().enumerate() {
        assert!(p.len() >= PREFIX, "canaries must be long enough");
        by_prefix.entry(&p[..PREFIX]).or_default().push(i);
    }
    let mut hits = Vec::new();
    for file in files {
        let Ok(bytes) = fs::read(file) else { continue };
        if bytes.len() < PREFIX {
            continue;
        }
        let mut found = vec![false; patterns.len()];
        for at in 0..=bytes.len() - PREFIX {
            if let Some(candidates) = by_prefix.get(&bytes[at..at + PREFIX]) {
                for &i in candidates {
                    let (canary, enc, p) = &patterns[i];
                    if !found[i] && bytes[at..].starts_with(p) {
                        found[i] = true;
                        hits.push(format!("{} contains {canary} as {enc}", file.display()));
                    }
                }
            }
        }
    }
    hits
}

/// The device key of the checked-in fixtures: bytes 0..32. Test data, not a secret.
pub fn fixture_device_key() -> DeviceKey {
    let bytes: Vec<u8> = (0u8..32).collect();
    DeviceKey::from_bytes(&bytes).unwrap()
}

/// The schema version in the plaintext header of each stored record of the vault in `dir`.
pub fn sealed_schemas(dir: &Path) -> Vec<u16> {
    let conn = rusqlite::Connection::open(dir.join("vault.db")).unwrap();
    let mut stmt = conn.prepare("SELECT body FROM item").unwrap();
    let bodies: Vec<Vec<u8>> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    bodies
        .iter()
        .map(|b| u16::from_be_bytes([b[6], b[7]]))
        .collect()
}

/// Every row of every table (key slots, records, manifest), to prove a refused call wrote nothing.
pub fn all_rows(conn: &rusqlite::Connection) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    for table in ["slot", "item", "meta"] {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT CAST(id AS BLOB), body FROM {table} ORDER BY id"
            ))
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((table.to_string(), r.get(0)?, r.get(1)?)))
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}
