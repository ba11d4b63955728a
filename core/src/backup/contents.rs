//! The plaintext inside a backup: when it was made, then every record with its id, edit time, kind
//! and value.
//!
//! ```text
//! offset  size  field
//! 0       8     made at: milliseconds since the Unix epoch (i64, big-endian)
//! 8       4     number N of records (u32)
//! 12      ..    N records, each:
//!                 16  record id
//!                 8   edited at, milliseconds since the Unix epoch (i64); i64::MIN = not known
//!                 1   length k of the kind name (1..=32)
//!                 k   kind name, ASCII, as in the vault ("counter", "plan", ...)
//!                 4   length n of the value (u32)
//!                 n   the value as JSON, exactly as the vault holds it
//! ..      ..    zero bytes up to the next multiple of 4096
//! ```
//!
//! The padding blurs the size of small edits. A kind this version does not know means a newer
//! version wrote the file: reading stops with [`BackupError::NewerFormat`] rather than leaving
//! records out.

use zeroize::Zeroizing;

use super::error::BackupError;
use super::format::FORMAT_VERSION;
use crate::vault::{RecordId, RecordKind, RECORD_ID_LEN};

/// Contents are padded to a multiple of this many bytes.
const PAD_TO: usize = 4096;
const MAX_KIND_LEN: usize = 32;
/// The smallest record: id, edit time, a one-letter kind, an empty value.
const MIN_RECORD_LEN: usize = RECORD_ID_LEN + 8 + 1 + 1 + 4;
/// The edit time written for a record whose edit time is not known.
pub(crate) const UNKNOWN_EDIT_TIME: i64 = i64::MIN;

/// One record in a backup. Its value is wiped from memory when dropped.
pub(crate) struct Entry {
    /// The record's id in the vault it came from.
    pub(crate) id: RecordId,
    /// Its kind.
    pub(crate) kind: RecordKind,
    /// When it was last edited (milliseconds since the Unix epoch; [`UNKNOWN_EDIT_TIME`] if not known).
    pub(crate) edited_at: i64,
    /// The value as JSON.
    pub(crate) json: Zeroizing<Vec<u8>>,
}

/// Everything in a backup.
pub(crate) struct Contents {
    /// When the backup was made, in milliseconds since the Unix epoch.
    pub(crate) made_at: i64,
    /// Every record.
    pub(crate) entries: Vec<Entry>,
}

/// Encodes `contents`, padded.
pub(crate) fn encode(contents: &Contents) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    let too_big = || BackupError::TooLarge {
        max: u64::from(u32::MAX),
    };
    let size: usize = 12
        + contents
            .entries
            .iter()
            .map(|e| MIN_RECORD_LEN - 1 + e.kind.as_str().len() + e.json.len())
            .sum::<usize>();
    let mut out = Zeroizing::new(Vec::with_capacity(size.div_ceil(PAD_TO) * PAD_TO));
    out.extend_from_slice(&contents.made_at.to_be_bytes());
    let n = u32::try_from(contents.entries.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&n.to_be_bytes());
    for e in &contents.entries {
        out.extend_from_slice(e.id.as_bytes());
        out.extend_from_slice(&e.edited_at.to_be_bytes());
        let name = e.kind.as_str().as_bytes();
        out.push(u8::try_from(name.len()).map_err(|_| too_big())?);
        out.extend_from_slice(name);
        let len = u32::try_from(e.json.len()).map_err(|_| too_big())?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&e.json);
    }
    let padded = out.len().div_ceil(PAD_TO) * PAD_TO;
    out.resize(padded, 0);
    Ok(out)
}

/// Decodes contents. Checks the layout only; each value is checked when it is restored.
pub(crate) fn decode(bytes: &[u8]) -> Result<Contents, BackupError> {
    let mut r = Reader { bytes, at: 0 };
    let made_at = i64::from_be_bytes(r.array()?);
    let n = u32::from_be_bytes(r.array()?);
    let n = usize::try_from(n).map_err(|_| BackupError::Damaged)?;
    // Never trust the count for an allocation larger than the bytes could hold.
    let mut entries = Vec::with_capacity(n.min(bytes.len() / MIN_RECORD_LEN));
    for _ in 0..n {
        let id = RecordId::from_bytes(r.array()?);
        let edited_at = i64::from_be_bytes(r.array()?);
        let k = usize::from(r.array::<1>()?[0]);
        if k == 0 || k > MAX_KIND_LEN {
            return Err(BackupError::Damaged);
        }
        let kind = RecordKind::from_name(r.take(k)?).ok_or(BackupError::NewerFormat {
            version: FORMAT_VERSION,
        })?;
        let len =
            usize::try_from(u32::from_be_bytes(r.array()?)).map_err(|_| BackupError::Damaged)?;
        let json = Zeroizing::new(r.take(len)?.to_vec());
        entries.push(Entry {
            id,
            kind,
            edited_at,
            json,
        });
    }
    if bytes[r.at..].iter().any(|&b| b != 0) {
        return Err(BackupError::Damaged);
    }
    Ok(Contents { made_at, entries })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BackupError> {
        let end = self.at.checked_add(n).ok_or(BackupError::Damaged)?;
        let s = self.bytes.get(self.at..end).ok_or(BackupError::Damaged)?;
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], BackupError> {
        self.take(N)?.try_into().map_err(|_| BackupError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sample() -> Contents {
        Contents {
            made_at: 1_700_000_000_000,
            entries: vec![
                Entry {
                    id: RecordId::from_bytes([1; 16]),
                    kind: RecordKind::Counter,
                    edited_at: 5,
                    json: Zeroizing::new(b"{\"a\":1}".to_vec()),
                },
                Entry {
                    id: RecordId::from_bytes([2; 16]),
                    kind: RecordKind::CheckIn,
                    edited_at: UNKNOWN_EDIT_TIME,
                    json: Zeroizing::new(Vec::new()),
                },
            ],
        }
    }

    #[test]
    fn round_trip_and_padding() {
        let bytes = encode(&sample()).unwrap();
        assert_eq!(bytes.len(), PAD_TO);
        let back = decode(&bytes).unwrap();
        assert_eq!(back.made_at, 1_700_000_000_000);
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[0].kind, RecordKind::Counter);
        assert_eq!(back.entries[0].edited_at, 5);
        assert_eq!(&back.entries[0].json[..], b"{\"a\":1}");
        assert_eq!(back.entries[1].id, RecordId::from_bytes([2; 16]));
        assert_eq!(back.entries[1].kind, RecordKind::CheckIn);
        assert_eq!(back.entries[1].edited_at, UNKNOWN_EDIT_TIME);
    }

    #[test]
    fn malformed_contents_are_damaged_never_a_panic() {
        let bytes = encode(&sample()).unwrap();
        let used = 12 + (16 + 8 + 1 + 7 + 4 + 7) + (16 + 8 + 1 + 8 + 4);
        for len in 0..used {
            assert!(
                matches!(decode(&bytes[..len]), Err(BackupError::Damaged)),
                "{len}"
            );
        }
        let mut bad = bytes.to_vec();
        *bad.last_mut().unwrap() = 1;
        assert!(matches!(decode(&bad), Err(BackupError::Damaged)));
        let mut huge = bytes.to_vec();
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(decode(&huge), Err(BackupError::Damaged)));
        let mut unknown = bytes.to_vec();
        unknown[12 + 16 + 8 + 1] = b'z';
        assert!(matches!(
            decode(&unknown),
            Err(BackupError::NewerFormat { .. })
        ));
    }
}
