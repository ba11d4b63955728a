//! The plaintext inside a sealed record: kind, serialized value, padding.
//!
//! ```text
//! offset   size  field
//! 0        1     payload encoding (1 = JSON through serde_json)
//! 1        1     length k of the kind name (1..=32)
//! 2        k     kind name, ASCII (RecordKind::as_str)
//! 2+k      4     length n of the body (u32, big-endian)
//! 6+k      n     body: the value as JSON
//! 6+k+n    ..    zero bytes up to the next multiple of 64
//! ```
//!
//! The encoding byte is the payload's own version: a later version can add an encoding (a binary
//! format, say) and keep reading records written with encoding 1, so old records stay readable.
//! Padding to 64 bytes blurs the length of what the user typed; it hides small differences (a longer
//! name), not large ones (a counter with a hundred attempts is larger than a setting).
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

/// Payload encoding 1: JSON.
const ENCODING_JSON: u8 = 1;
/// Payloads are padded to a multiple of this many bytes.
pub(crate) const PAD_TO: usize = 64;
const MAX_KIND_LEN: usize = 32;

/// An encoded payload, ready to be sealed. Wiped when dropped.
pub(crate) struct Payload(Zeroizing<Vec<u8>>);

impl Payload {
    /// The bytes to seal.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Encodes `value` of `kind`.
pub(crate) fn encode<T: Serialize + ?Sized>(
    kind: RecordKind,
    value: &T,
) -> Result<Payload, VaultError> {
    let mut json = ZeroizingWriter(Zeroizing::new(Vec::with_capacity(256)));
    serde_json::to_writer(&mut json, value).map_err(|_| VaultError::Encode)?;
    let body = &json.0;
    let name = kind.as_str().as_bytes();
    let body_len = u32::try_from(body.len()).map_err(|_| VaultError::Encode)?;
    let unpadded = 1 + 1 + name.len() + 4 + body.len();
    let padded = unpadded.div_ceil(PAD_TO) * PAD_TO;
    let mut out = Zeroizing::new(Vec::with_capacity(padded));
    out.push(ENCODING_JSON);
    out.push(u8::try_from(name.len()).map_err(|_| VaultError::Encode)?);
    out.extend_from_slice(name);
    out.extend_from_slice(&body_len.to_be_bytes());
    out.extend_from_slice(body);
    out.resize(padded, 0);
    Ok(Payload(out))
}

/// The parts of an opened payload.
pub(crate) struct Opened {
    /// The kind, or `None` for a kind this version does not know.
    pub(crate) kind: Option<RecordKind>,
    /// Where the JSON body is in the payload.
    pub(crate) body: Range<usize>,
}

/// Splits an opened payload of record `id` into kind and body.
pub(crate) fn split(id: &RecordId, plain: &[u8]) -> Result<Opened, VaultError> {
    let corrupt = || VaultError::CorruptRecord(*id);
    match plain.first() {
        Some(&ENCODING_JSON) => {}
        Some(_) => return Err(VaultError::UnsupportedRecordFormat(*id)),
        None => return Err(corrupt()),
    }
    let k = usize::from(*plain.get(1).ok_or_else(corrupt)?);
    if k == 0 || k > MAX_KIND_LEN {
        return Err(corrupt());
    }
    let name = plain.get(2..2 + k).ok_or_else(corrupt)?;
    let len_bytes: [u8; 4] = plain
        .get(2 + k..6 + k)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(corrupt)?;
    let n = usize::try_from(u32::from_be_bytes(len_bytes)).map_err(|_| corrupt())?;
    let body = 6 + k..(6 + k).checked_add(n).ok_or_else(corrupt)?;
    let padding = plain.get(body.end..).ok_or_else(corrupt)?;
    if padding.iter().any(|&b| b != 0) {
        return Err(corrupt());
    }
    Ok(Opened {
        kind: RecordKind::from_name(name),
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
        for len in [0usize, 1, 50, 57, 58, 200, 5000] {
            let value = "x".repeat(len);
            let p = encode(RecordKind::Counter, &value).unwrap();
            assert_eq!(p.as_bytes().len() % PAD_TO, 0);
            let opened = split(&id, p.as_bytes()).unwrap();
            assert_eq!(opened.kind, Some(RecordKind::Counter));
            assert_eq!(
                decode::<String>(&id, &p.as_bytes()[opened.body]).unwrap(),
                value
            );
        }
    }

    #[test]
    fn unknown_kind_is_none_and_unknown_encoding_is_unsupported() {
        let id = RecordId::from_bytes([1; 16]);
        let mut p = encode(RecordKind::Setting, &1u8).unwrap().0.to_vec();
        p[2] = b'z';
        assert_eq!(split(&id, &p).unwrap().kind, None);
        p[0] = 2;
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
            if len >= 2 + 7 + 4 + 5 {
                assert!(r.is_ok());
            } else {
                assert!(matches!(r, Err(VaultError::CorruptRecord(_))), "len {len}");
            }
        }
        let mut bad = good.clone();
        bad[1] = 0;
        assert!(split(&id, &bad).is_err());
        let mut bad = good.clone();
        *bad.last_mut().unwrap() = 1;
        assert!(split(&id, &bad).is_err());
        let mut bad = good;
        bad[9..13].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(split(&id, &bad).is_err());
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
