//! The plaintext inside a sealed record: kind, serialized value, padding.
//!
//! ```text
//! encoding 2 (written since backups exist)
//! offset   size  field
//! 0        1     payload encoding = 2 (JSON through serde_json, with the edit time)
//! 1        8     edited at: milliseconds since the Unix epoch (i64, big-endian)
//! 9        1     length k of the kind name (1..=32)
//! 10       k     kind name, ASCII (RecordKind::as_str)
//! 10+k     4     length n of the body (u32, big-endian)
//! 14+k     n     body: the value as JSON
//! 14+k+n   ..    zero bytes up to the payload's size class (below)
//!
//! encoding 1 (still read): the same without the edit time
//! 0 encoding = 1 | 1 k | 2 kind | 2+k n | 6+k body | padding
//! ```
//!
//! The encoding byte is the payload's own version: a later version can add an encoding (a binary
//! format, say) and keep reading records written with the earlier ones, so old records stay readable.
//! The edit time is when the record was last written on this or another device; merging a backup
//! into a vault uses it to let the newest edit win (`crate::backup`). It is a wall-clock instant, used
//! only to order edits, never for counting days. A record of encoding 1 has no edit time and counts
//! as older than any record that has one.
//! **Size classes.** Every payload is padded up to the smallest of 256 B, 1 KiB, 4 KiB, 16 KiB and
//! 64 KiB that holds it, and above 64 KiB to the next multiple of 64 KiB ([`padded_len`]). Someone
//! who reads the file learns only the order of magnitude of what a person wrote: a check-in of one
//! line and one of a paragraph, or a plan with three steps and one with ten, look the same. Steps of
//! 4x cost up to 4x the space of a small record, a few hundred bytes each; above 64 KiB (only large
//! generated records, such as meeting chunks) 64 KiB steps keep the waste under half. Records
//! written with the earlier 64-byte steps keep them until they are next written, and read as
//! before (the reader only asks that the padding be zeros).
//!
//! The JSON is written into a buffer that wipes every allocation it leaves behind when it grows, and
//! the payload buffer itself is `Zeroizing`: plaintext does not linger in freed heap memory after a
//! write. (What the caller's own `T` holds is the caller's business.)

use std::io;
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Serialize;
use zeroize::Zeroizing;

use super::error::VaultError;
use super::record::{RecordId, RecordKind};

/// Payload encoding 1: JSON, no edit time (written before backups existed; still read).
const ENCODING_JSON: u8 = 1;
/// Payload encoding 2: the edit time, then JSON.
const ENCODING_JSON_EDITED: u8 = 2;
/// The size classes up to 64 KiB; see the module documentation.
const SIZE_CLASSES: [usize; 5] = [256, 1024, 4096, 16_384, 65_536];
/// Above the last class, payloads are padded to a multiple of this.
const LARGE_STEP: usize = 65_536;

/// The padded length of a payload of `len` bytes: the smallest size class that holds it.
pub(crate) fn padded_len(len: usize) -> usize {
    SIZE_CLASSES
        .iter()
        .copied()
        .find(|&class| len <= class)
        .unwrap_or_else(|| len.div_ceil(LARGE_STEP) * LARGE_STEP)
}
const MAX_KIND_LEN: usize = 32;

/// An encoded payload, ready to be sealed. Wiped when dropped.
pub(crate) struct Payload(Zeroizing<Vec<u8>>);

impl Payload {
    /// The bytes to seal.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Encodes `value` of `kind`, edited now.
pub(crate) fn encode<T: Serialize + ?Sized>(
    kind: RecordKind,
    value: &T,
) -> Result<Payload, VaultError> {
    let mut json = ZeroizingWriter(Zeroizing::new(Vec::with_capacity(256)));
    serde_json::to_writer(&mut json, value).map_err(|_| VaultError::Encode)?;
    encode_json(kind, &json.0, now_millis())
}

/// Encodes an already serialized JSON `body` of `kind` with the edit time `edited_at` (milliseconds
/// since the Unix epoch): how a restored record keeps the time it was last edited.
pub(crate) fn encode_json(
    kind: RecordKind,
    body: &[u8],
    edited_at: i64,
) -> Result<Payload, VaultError> {
    let name = kind.as_str().as_bytes();
    let body_len = u32::try_from(body.len()).map_err(|_| VaultError::Encode)?;
    let unpadded = 1 + 8 + 1 + name.len() + 4 + body.len();
    let padded = padded_len(unpadded);
    let mut out = Zeroizing::new(Vec::with_capacity(padded));
    out.push(ENCODING_JSON_EDITED);
    out.extend_from_slice(&edited_at.to_be_bytes());
    out.push(u8::try_from(name.len()).map_err(|_| VaultError::Encode)?);
    out.extend_from_slice(name);
    out.extend_from_slice(&body_len.to_be_bytes());
    out.extend_from_slice(body);
    out.resize(padded, 0);
    Ok(Payload(out))
}

/// The current wall-clock time in milliseconds since the Unix epoch (0 if the clock is before 1970).
pub(crate) fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The parts of an opened payload.
pub(crate) struct Opened {
    /// The kind, or `None` for a kind this version does not know.
    pub(crate) kind: Option<RecordKind>,
    /// When the record was last written (milliseconds since the Unix epoch); `None` for encoding 1.
    pub(crate) edited_at: Option<i64>,
    /// Where the JSON body is in the payload.
    pub(crate) body: Range<usize>,
}

/// Splits an opened payload of record `id` into kind and body.
pub(crate) fn split(id: &RecordId, plain: &[u8]) -> Result<Opened, VaultError> {
    let corrupt = || VaultError::CorruptRecord(*id);
    let (edited_at, start) = match plain.first() {
        Some(&ENCODING_JSON) => (None, 1),
        Some(&ENCODING_JSON_EDITED) => {
            let stamp: [u8; 8] = plain
                .get(1..9)
                .and_then(|s| s.try_into().ok())
                .ok_or_else(corrupt)?;
            (Some(i64::from_be_bytes(stamp)), 9)
        }
        Some(_) => return Err(VaultError::UnsupportedRecordFormat(*id)),
        None => return Err(corrupt()),
    };
    let k = usize::from(*plain.get(start).ok_or_else(corrupt)?);
    if k == 0 || k > MAX_KIND_LEN {
        return Err(corrupt());
    }
    let name_at = start + 1;
    let name = plain.get(name_at..name_at + k).ok_or_else(corrupt)?;
    let len_at = name_at + k;
    let len_bytes: [u8; 4] = plain
        .get(len_at..len_at + 4)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(corrupt)?;
    let n = usize::try_from(u32::from_be_bytes(len_bytes)).map_err(|_| corrupt())?;
    let body = len_at + 4..(len_at + 4).checked_add(n).ok_or_else(corrupt)?;
    let padding = plain.get(body.end..).ok_or_else(corrupt)?;
    // One OR over all of it (no early exit), which the compiler vectorizes.
    if padding.iter().fold(0u8, |acc, &b| acc | b) != 0 {
        return Err(corrupt());
    }
    Ok(Opened {
        kind: RecordKind::from_name(name),
        edited_at,
        body,
    })
}

/// Deserializes the body of record `id`. The serde error is dropped: it can quote the value.
pub(crate) fn decode<T: DeserializeOwned>(id: &RecordId, body: &[u8]) -> Result<T, VaultError> {
    serde_json::from_slice(body).map_err(|_| VaultError::Decode(*id))
}

/// A `Vec` writer that wipes its old allocation whenever it has to grow.
struct ZeroizingWriter(Zeroizing<Vec<u8>>);

impl io::Write for ZeroizingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let needed = self.0.len() + buf.len();
        if needed > self.0.capacity() {
            let mut bigger = Zeroizing::new(Vec::with_capacity(needed.max(self.0.capacity() * 2)));
            bigger.extend_from_slice(&self.0);
            // The old buffer is dropped here, and wiped because it is Zeroizing.
            self.0 = bigger;
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn round_trip_and_padding() {
        let id = RecordId::from_bytes([1; 16]);
        for len in [0usize, 1, 50, 57, 58, 200, 5000, 70_000, 200_000] {
            let value = "x".repeat(len);
            let p = encode(RecordKind::Counter, &value).unwrap();
            assert_eq!(p.as_bytes().len(), padded_len(len + 2 + 14 + 7));
            let opened = split(&id, p.as_bytes()).unwrap();
            assert_eq!(opened.kind, Some(RecordKind::Counter));
            assert_eq!(
                decode::<String>(&id, &p.as_bytes()[opened.body]).unwrap(),
                value
            );
        }
    }

    #[test]
    fn size_classes_are_coarse() {
        assert_eq!(padded_len(0), 256);
        assert_eq!(padded_len(256), 256);
        assert_eq!(padded_len(257), 1024);
        assert_eq!(padded_len(1025), 4096);
        assert_eq!(padded_len(4097), 16_384);
        assert_eq!(padded_len(16_385), 65_536);
        assert_eq!(padded_len(65_536), 65_536);
        assert_eq!(padded_len(65_537), 131_072);
        assert_eq!(padded_len(200_000), 262_144);
        // A one-line journal and a paragraph look the same.
        let short = encode(RecordKind::CheckIn, "slept well").unwrap();
        let long = encode(RecordKind::CheckIn, &"went to a meeting. ".repeat(10)).unwrap();
        assert_eq!(short.as_bytes().len(), long.as_bytes().len());
    }

    #[test]
    fn unknown_kind_is_none_and_unknown_encoding_is_unsupported() {
        let id = RecordId::from_bytes([1; 16]);
        let mut p = encode(RecordKind::Setting, &1u8).unwrap().0.to_vec();
        p[10] = b'z';
        assert_eq!(split(&id, &p).unwrap().kind, None);
        p[0] = 3;
        assert!(matches!(
            split(&id, &p),
            Err(VaultError::UnsupportedRecordFormat(_))
        ));
    }

    #[test]
    fn malformed_payloads_are_corrupt_not_panics() {
        let id = RecordId::from_bytes([1; 16]);
        let good = encode(RecordKind::Setting, &"abc").unwrap().0.to_vec();
        for len in 0..good.len() {
            let r = split(&id, &good[..len]);
            // Cutting off only padding still leaves a valid payload.
            if len >= 1 + 8 + 1 + 7 + 4 + 5 {
                assert!(r.is_ok());
            } else {
                assert!(matches!(r, Err(VaultError::CorruptRecord(_))), "len {len}");
            }
        }
        let mut bad = good.clone();
        bad[9] = 0;
        assert!(split(&id, &bad).is_err());
        let mut bad = good.clone();
        *bad.last_mut().unwrap() = 1;
        assert!(split(&id, &bad).is_err());
        let mut bad = good;
        bad[17..21].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(split(&id, &bad).is_err());
    }

    #[test]
    fn edit_time_is_written_and_encoding_1_still_reads() {
        let id = RecordId::from_bytes([1; 16]);
        let before = now_millis();
        let p = encode(RecordKind::Counter, &"x").unwrap();
        let opened = split(&id, p.as_bytes()).unwrap();
        let at = opened.edited_at.unwrap();
        assert!(at >= before && at <= now_millis());

        let p = encode_json(RecordKind::Contact, b"[1]", -5).unwrap();
        let opened = split(&id, p.as_bytes()).unwrap();
        assert_eq!(opened.edited_at, Some(-5));
        assert_eq!(opened.kind, Some(RecordKind::Contact));
        assert_eq!(&p.as_bytes()[opened.body], b"[1]");

        // An encoding-1 payload, as earlier versions wrote it.
        let mut old = vec![1u8, 7];
        old.extend_from_slice(b"setting");
        old.extend_from_slice(&3u32.to_be_bytes());
        old.extend_from_slice(b"\"a\"");
        old.resize(64, 0);
        let opened = split(&id, &old).unwrap();
        assert_eq!(opened.edited_at, None);
        assert_eq!(opened.kind, Some(RecordKind::Setting));
        assert_eq!(decode::<String>(&id, &old[opened.body]).unwrap(), "a");
    }

    #[test]
    fn decode_error_does_not_quote_the_value() {
        let id = RecordId::from_bytes([1; 16]);
        let p = encode(RecordKind::Setting, &"canary-DO-NOT-LEAK").unwrap();
        let opened = split(&id, p.as_bytes()).unwrap();
        let e = decode::<u32>(&id, &p.as_bytes()[opened.body]).unwrap_err();
        assert!(!e.to_string().contains("canary"));
        assert!(!format!("{e:?}").contains("canary"));
    }

    #[test]
    fn growing_writer_keeps_all_bytes() {
        let mut m = BTreeMap::new();
        for i in 0..500 {
            m.insert(format!("key{i}"), "v".repeat(i));
        }
        let p = encode(RecordKind::Setting, &m).unwrap();
        let id = RecordId::from_bytes([1; 16]);
        let back: BTreeMap<String, String> =
            decode(&id, &p.as_bytes()[split(&id, p.as_bytes()).unwrap().body]).unwrap();
        assert_eq!(back, m);
    }
}
