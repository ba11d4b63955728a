//! The sealed-record envelope: what is stored in the `body` column of the `item` table.
//!
//! ```text
//! offset  size  field
//! 0       1     envelope format version (1)
//! 1       1     algorithm id (1 = AES-256-GCM)
//! 2       4     key id of the data key that sealed it (u32, big-endian)
//! 6       2     schema version the record was sealed under (u16, big-endian)
//! 8       12    nonce, fresh from ring's SystemRandom for every write
//! 20      n     ciphertext of the payload (see payload.rs)
//! 20+n    16    GCM tag
//! ```
//!
//! The associated data is `"item" || 0x00 || record id (16 bytes) || header bytes 0..8` (29 bytes,
//! two GHASH blocks). It binds the ciphertext to its table, its row and the schema version it was
//! sealed under: moving a body to another row, relabelling it with another schema version, or editing
//! any header byte makes authentication fail. A record sealed under an older schema version stays
//! readable (its header says which version, and the AD is rebuilt from the header); a record claiming a
//! newer version than this code knows is refused as [`VaultError::UnsupportedRecordFormat`].
//!
//! The record manifest (`manifest.rs`) is sealed in the same envelope under the same key, with the
//! associated data `"manifest" || 0x00 || header bytes 0..8` (17 bytes): no record id, and a label no
//! record's associated data starts with, so a record body cannot pass for the manifest or the other
//! way round.
//!
//! Opening decrypts in place in a `Zeroizing` buffer and either returns the whole plaintext or an
//! error; no partial plaintext ever leaves this module.

use std::ops::Range;

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use zeroize::Zeroizing;

use super::error::{IntegrityProblem, VaultError};
use super::keys::{make_random, KeyId, KEY_LEN};
#[cfg(test)]
use super::keys::{DataKey, Purpose};
use super::record::{RecordId, RECORD_ID_LEN};
use super::schema::SCHEMA_VERSION;

/// Algorithm id of AES-256-GCM in slot and record headers (the only one so far; see the ADR).
pub(crate) const ALG_AES_256_GCM: u8 = 1;
/// Length of the GCM tag.
pub(crate) const TAG_LEN: usize = 16;
/// Envelope format this version writes.
const ENVELOPE_FORMAT: u8 = 1;
/// Bytes before the nonce.
const FIXED_HEADER_LEN: usize = 8;
/// Bytes before the ciphertext.
pub(crate) const HEADER_LEN: usize = FIXED_HEADER_LEN + NONCE_LEN;
/// The smallest possible sealed record (empty payload).
pub(crate) const MIN_SEALED_LEN: usize = HEADER_LEN + TAG_LEN;
/// The table name (and a separator) bound into the associated data.
const TABLE: &[u8] = b"item\0";
/// The label bound into the manifest's associated data.
const MANIFEST_LABEL: &[u8] = b"manifest\0";
/// The longest associated data (a record's).
const AAD_LEN: usize = TABLE.len() + RECORD_ID_LEN + FIXED_HEADER_LEN;

/// What a sealed body belongs to, bound into its associated data.
#[derive(Clone, Copy)]
enum Binding<'a> {
    /// The record in row `id` of the `item` table.
    Record(&'a RecordId),
    /// The manifest of the record set.
    Manifest,
}

impl Binding<'_> {
    /// The error for a body that fails to open.
    fn corrupt(self) -> VaultError {
        match self {
            Binding::Record(id) => VaultError::CorruptRecord(*id),
            Binding::Manifest => VaultError::Integrity(IntegrityProblem::ManifestDamaged),
        }
    }

    /// The error for a body that claims a version newer than this code.
    fn unsupported(self) -> VaultError {
        match self {
            Binding::Record(id) => VaultError::UnsupportedRecordFormat(*id),
            Binding::Manifest => VaultError::Integrity(IntegrityProblem::ManifestDamaged),
        }
    }

    /// The associated data for a body with the given fixed header, and its length.
    fn aad(self, fixed_header: &[u8]) -> ([u8; AAD_LEN], usize) {
        let mut aad = [0u8; AAD_LEN];
        let parts: [&[u8]; 3] = match self {
            Binding::Record(id) => [TABLE, id.as_bytes(), fixed_header],
            Binding::Manifest => [MANIFEST_LABEL, &[], fixed_header],
        };
        let mut at = 0;
        for part in parts {
            aad[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        (aad, at)
    }
}

/// The schema version a sealed body says it was sealed under, read from its plaintext header
/// without opening it; `None` if the body is too short to have a header.
pub(crate) fn sealed_schema(sealed: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes([*sealed.get(6)?, *sealed.get(7)?]))
}

/// The GCM tag of a sealed body (its last [`TAG_LEN`] bytes), read without opening it; `None` if
/// the body is too short to be an envelope. What the manifest lists per record: comparing it costs
/// nothing, and opening the body afterwards checks the body against it.
pub(crate) fn sealed_tag(sealed: &[u8]) -> Option<[u8; TAG_LEN]> {
    if sealed.len() < MIN_SEALED_LEN {
        return None;
    }
    sealed.get(sealed.len() - TAG_LEN..)?.try_into().ok()
}

/// An AES-256-GCM key from 32 bytes. ring copies the bytes into its own key state, which it does
/// not zeroize on drop (see the ADR); the caller's buffer is a `Zeroizing` one.
pub(crate) fn aead_key(bytes: &[u8; KEY_LEN]) -> Result<LessSafeKey, VaultError> {
    Ok(LessSafeKey::new(UnboundKey::new(&AES_256_GCM, bytes)?))
}

/// Seals and opens records under the record-sealing subkey of one data key.
pub(crate) struct RecordSealer {
    key: LessSafeKey,
    key_id: KeyId,
}

impl RecordSealer {
    /// Derives the record-sealing subkey and key id from the data key.
    #[cfg(test)]
    pub(crate) fn new(data: &DataKey) -> Result<Self, VaultError> {
        let subkey = data.derive_subkey(Purpose::RecordSeal)?;
        Self::from_subkey(&subkey, data.derive_key_id()?)
    }

    /// A sealer for an already derived record-sealing subkey. Cheap (an AES key expansion): the
    /// vault makes one per call instead of keeping one, so the key schedule ring cannot wipe lives
    /// only for the duration of a call (see the ADR).
    pub(crate) fn from_subkey(subkey: &[u8; KEY_LEN], key_id: KeyId) -> Result<Self, VaultError> {
        Ok(Self {
            key: aead_key(subkey)?,
            key_id,
        })
    }

    /// The key id written into headers.
    #[cfg(test)]
    pub(crate) fn key_id(&self) -> KeyId {
        self.key_id
    }

    /// Seals `payload` for row `id` with a fresh random nonce.
    pub(crate) fn seal(&self, id: &RecordId, payload: &[u8]) -> Result<Vec<u8>, VaultError> {
        let nonce = make_random::<NONCE_LEN>()?;
        self.seal_with_nonce(Binding::Record(id), payload, nonce)
    }

    /// Seals the encoded manifest with a fresh random nonce.
    pub(crate) fn seal_manifest(&self, encoded: &[u8]) -> Result<Vec<u8>, VaultError> {
        let nonce = make_random::<NONCE_LEN>()?;
        self.seal_with_nonce(Binding::Manifest, encoded, nonce)
    }

    /// Opens the sealed manifest. Any failure is [`IntegrityProblem::ManifestDamaged`], except a
    /// manifest sealed under another data key: [`IntegrityProblem::OtherKey`].
    pub(crate) fn open_manifest(&self, sealed: Vec<u8>) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        self.open_bound(Binding::Manifest, sealed)
    }

    fn seal_with_nonce(
        &self,
        binding: Binding<'_>,
        payload: &[u8],
        nonce: [u8; NONCE_LEN],
    ) -> Result<Vec<u8>, VaultError> {
        // Exact capacity up front, so the plaintext copied in is never left behind by a reallocation.
        let mut out = Zeroizing::new(Vec::with_capacity(HEADER_LEN + payload.len() + TAG_LEN));
        out.push(ENVELOPE_FORMAT);
        out.push(ALG_AES_256_GCM);
        out.extend_from_slice(&self.key_id.0.to_be_bytes());
        out.extend_from_slice(&SCHEMA_VERSION.to_be_bytes());
        let (aad, aad_len) = binding.aad(&out[..FIXED_HEADER_LEN]);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(payload);
        let tag = self.key.seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(&aad[..aad_len]),
            &mut out[HEADER_LEN..],
        )?;
        out.extend_from_slice(tag.as_ref());
        // Now only ciphertext: hand it out as a plain Vec.
        Ok(std::mem::take(&mut *out))
    }

    /// Opens a sealed record stored in row `id`. Returns the whole payload or an error.
    pub(crate) fn open(
        &self,
        id: &RecordId,
        sealed: Vec<u8>,
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        self.open_bound(Binding::Record(id), sealed)
    }

    fn open_bound(
        &self,
        binding: Binding<'_>,
        sealed: Vec<u8>,
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        let mut buf = Zeroizing::new(sealed);
        let plain = self.open_in_place(binding, &mut buf)?;
        let len = plain.len();
        buf.copy_within(plain, 0);
        // The tail left in spare capacity is wiped with the buffer when it is dropped.
        buf.truncate(len);
        Ok(buf)
    }

    /// Opens `sealed` (borrowed, e.g. straight from SQLite's row buffer) into `scratch`, a buffer
    /// reused from record to record, and returns the payload inside it. Reusing one buffer for a
    /// whole scan saves an allocation and a wipe per record; the buffer is wiped when dropped.
    pub(crate) fn open_into<'b>(
        &self,
        id: &RecordId,
        sealed: &[u8],
        scratch: &'b mut Zeroizing<Vec<u8>>,
    ) -> Result<&'b [u8], VaultError> {
        if sealed.len() > scratch.capacity() {
            // Grow by replacement: `Vec::reserve` would free the old allocation without wiping it.
            let capacity = sealed.len().max(scratch.capacity() * 2);
            *scratch = Zeroizing::new(Vec::with_capacity(capacity));
        }
        scratch.clear();
        scratch.extend_from_slice(sealed);
        let plain = self.open_in_place(Binding::Record(id), scratch)?;
        Ok(&scratch[plain])
    }

    /// Checks the header and decrypts in place; returns where the payload is. On failure ring has
    /// already zeroed the decrypted bytes, and nothing of them is returned.
    fn open_in_place(
        &self,
        binding: Binding<'_>,
        buf: &mut [u8],
    ) -> Result<Range<usize>, VaultError> {
        if buf.len() < MIN_SEALED_LEN {
            return Err(binding.corrupt());
        }
        let format = buf[0];
        let alg = buf[1];
        let schema = u16::from_be_bytes([buf[6], buf[7]]);
        if format > ENVELOPE_FORMAT || alg > ALG_AES_256_GCM || schema > SCHEMA_VERSION {
            return Err(binding.unsupported());
        }
        if format != ENVELOPE_FORMAT || alg != ALG_AES_256_GCM || schema == 0 {
            return Err(binding.corrupt());
        }
        let key_id = u32::from_be_bytes([buf[2], buf[3], buf[4], buf[5]]);
        if key_id != self.key_id.0 {
            return Err(match binding {
                Binding::Record(id) => VaultError::CorruptRecord(*id),
                Binding::Manifest => VaultError::Integrity(IntegrityProblem::OtherKey),
            });
        }
        let (aad, aad_len) = binding.aad(&buf[..FIXED_HEADER_LEN]);
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&buf[FIXED_HEADER_LEN..HEADER_LEN]);
        let plain_len = self
            .key
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(&aad[..aad_len]),
                &mut buf[HEADER_LEN..],
            )
            .map_err(|_| binding.corrupt())?
            .len();
        Ok(HEADER_LEN..HEADER_LEN + plain_len)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn sealer() -> RecordSealer {
        RecordSealer::new(&DataKey::from_unwrapped(&[42u8; 32]).unwrap()).unwrap()
    }

    #[test]
    fn round_trip_and_fresh_nonce_per_seal() {
        let s = sealer();
        let id = RecordId::generate().unwrap();
        let a = s.seal(&id, b"hello").unwrap();
        let b = s.seal(&id, b"hello").unwrap();
        assert_ne!(
            a, b,
            "two seals of the same payload must differ (fresh nonce)"
        );
        assert_eq!(a.len(), MIN_SEALED_LEN + 5);
        assert_eq!(&*s.open(&id, a).unwrap(), b"hello");
        assert_eq!(&*s.open(&id, s.seal(&id, b"").unwrap()).unwrap(), b"");
    }

    #[test]
    fn the_tag_is_the_last_16_bytes_and_binds_the_body() {
        let s = sealer();
        let id = RecordId::generate().unwrap();
        let a = s.seal(&id, b"hello").unwrap();
        let b = s.seal(&id, b"hello").unwrap();
        let tag = sealed_tag(&a).unwrap();
        assert_eq!(&tag[..], &a[a.len() - TAG_LEN..]);
        assert_ne!(Some(tag), sealed_tag(&b), "a fresh nonce gives a fresh tag");
        // The listed tag put on another body (here: another seal's) does not open.
        let mut spliced = b.clone();
        let at = spliced.len() - TAG_LEN;
        spliced[at..].copy_from_slice(&tag);
        assert_eq!(sealed_tag(&spliced), Some(tag));
        assert!(matches!(s.open(&id, spliced), Err(VaultError::CorruptRecord(x)) if x == id));
        assert_eq!(sealed_tag(&a[..MIN_SEALED_LEN - 1]), None);
        assert!(sealed_tag(&a[..MIN_SEALED_LEN]).is_some());
    }

    /// A fixed test vector: the format must not change silently.
    #[test]
    fn sealed_bytes_match_the_checked_in_vector() {
        let s = sealer();
        let id = RecordId::from_bytes([0x11; 16]);
        let sealed = s
            .seal_with_nonce(Binding::Record(&id), b"{\"n\":1}", [7u8; NONCE_LEN])
            .unwrap();
        let hex: String = sealed.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&hex[..16], format!("0101{:08x}0002", s.key_id().0));
        assert_eq!(
            hex, VECTOR,
            "update docs/vault-format.md if this ever changes on purpose"
        );
        assert_eq!(&*s.open(&id, sealed).unwrap(), b"{\"n\":1}");
    }

    /// Also computed independently with Python's `cryptography` package (script in
    /// `docs/vault-format.md`).
    const VECTOR: &str = "0101eaa1fbb30002070707070707070707070707\
                          2ed72ef24b1f546423c8d9703f8b68c72cc9577a0e0721";

    #[test]
    fn open_into_reuses_and_grows_the_scratch_buffer() {
        let s = sealer();
        let id = RecordId::generate().unwrap();
        let mut scratch = Zeroizing::new(Vec::new());
        for len in [10usize, 5, 1000, 3] {
            let payload = vec![b'p'; len];
            let sealed = s.seal(&id, &payload).unwrap();
            assert_eq!(
                s.open_into(&id, &sealed, &mut scratch).unwrap(),
                &payload[..]
            );
        }
        assert!(scratch.capacity() >= 1000 + MIN_SEALED_LEN);
        let sealed = s.seal(&id, b"x").unwrap();
        let other = RecordId::generate().unwrap();
        assert!(s.open_into(&other, &sealed, &mut scratch).is_err());
    }

    #[test]
    fn moved_row_wrong_key_and_newer_versions_fail() {
        let s = sealer();
        let id = RecordId::generate().unwrap();
        let other = RecordId::generate().unwrap();
        let sealed = s.seal(&id, b"payload").unwrap();
        assert!(
            matches!(s.open(&other, sealed.clone()), Err(VaultError::CorruptRecord(x)) if x == other)
        );

        let s2 = RecordSealer::new(&DataKey::from_unwrapped(&[43u8; 32]).unwrap()).unwrap();
        assert!(matches!(
            s2.open(&id, sealed.clone()),
            Err(VaultError::CorruptRecord(_))
        ));

        let mut newer = sealed.clone();
        newer[7] = (SCHEMA_VERSION + 1) as u8;
        assert!(matches!(
            s.open(&id, newer),
            Err(VaultError::UnsupportedRecordFormat(_))
        ));
        let mut newer = sealed.clone();
        newer[0] = 2;
        assert!(matches!(
            s.open(&id, newer),
            Err(VaultError::UnsupportedRecordFormat(_))
        ));
    }

    #[test]
    fn every_bit_flip_and_truncation_fails() {
        let s = sealer();
        let id = RecordId::generate().unwrap();
        let sealed = s
            .seal(&id, b"{\"name\":\"a counter\",\"attempts\":[1,2,3]}")
            .unwrap();
        for bit in 0..sealed.len() * 8 {
            let mut bad = sealed.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            assert!(s.open(&id, bad).is_err(), "bit {bit}");
        }
        for len in 0..sealed.len() {
            assert!(s.open(&id, sealed[..len].to_vec()).is_err(), "len {len}");
        }
        let mut longer = sealed.clone();
        longer.push(0);
        assert!(s.open(&id, longer).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn tampering_is_always_a_typed_error(
            payload in proptest::collection::vec(any::<u8>(), 0..300),
            bit in any::<usize>(),
            cut in any::<usize>(),
            byte in 0usize..8,
            value in any::<u8>(),
        ) {
            let s = sealer();
            let id = RecordId::from_bytes([3; 16]);
            let other = RecordId::from_bytes([4; 16]);
            let sealed = s.seal(&id, &payload).unwrap();
            prop_assert_eq!(&*s.open(&id, sealed.clone()).unwrap(), &payload[..]);

            let bit = bit % (sealed.len() * 8);
            let mut flipped = sealed.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            let is_typed = |r: Result<Zeroizing<Vec<u8>>, VaultError>| matches!(
                r,
                Err(VaultError::CorruptRecord(_) | VaultError::UnsupportedRecordFormat(_))
            );
            prop_assert!(is_typed(s.open(&id, flipped)));

            let cut = cut % sealed.len();
            prop_assert!(is_typed(s.open(&id, sealed[..cut].to_vec())));

            let mut header = sealed.clone();
            if header[byte] != value {
                header[byte] = value;
                prop_assert!(is_typed(s.open(&id, header)));
            }

            // Swapping two rows' ciphertexts: each fails in the other's row.
            let sealed_other = s.seal(&other, &payload).unwrap();
            prop_assert!(is_typed(s.open(&id, sealed_other.clone())));
            prop_assert!(is_typed(s.open(&other, sealed.clone())));
        }
    }
}
