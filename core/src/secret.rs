//! Passphrases and recovery codes as a person types them: UTF-8 bytes, normalised to Unicode NFC.
//!
//! The same passphrase typed on two keyboards can reach the core as different bytes: `café` with a
//! precomposed `é` (U+00E9) on one, an `e` and a combining accent (U+0065 U+0301) on another. Every
//! shell hands what was typed to [`Secret::from_typed`] (the CLI from the terminal, the phones through
//! the FFI as bytes, never a string), which refuses bytes that are not UTF-8 and keeps the NFC form:
//! the bytes every new backup and every new passphrase is sealed under.
//!
//! Before this type, the CLI sealed under the bytes exactly as typed. So that backups and vaults
//! sealed that way still open, [`Secret::open_with`] tries the NFC form first and, only when it is
//! refused as the wrong secret and the typed bytes differ, the typed bytes (see
//! `docs/backup-format.md`). Both copies are wiped when the secret is dropped.

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::vault::VaultError;

/// Why typed secret bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SecretError {
    /// The bytes are not UTF-8 text, so they cannot be what a person typed.
    #[error("the passphrase or recovery code is not text (it is not valid UTF-8)")]
    NotUtf8,
}

/// A passphrase or recovery code as typed: its NFC form, plus the bytes as typed when they differ.
pub struct Secret {
    /// The UTF-8 bytes of the NFC form: what anything new is sealed under.
    normalised: Zeroizing<Vec<u8>>,
    /// The bytes as typed, only when they are not already NFC: tried second when opening.
    as_typed: Option<Zeroizing<Vec<u8>>>,
}

impl Secret {
    /// Takes what was typed, as UTF-8 bytes (wiped here), and normalises it to NFC. Nothing is
    /// trimmed: the secret is used exactly as typed, up to normalisation.
    pub fn from_typed(bytes: Vec<u8>) -> Result<Self, SecretError> {
        let typed = Zeroizing::new(bytes);
        let text = std::str::from_utf8(&typed).map_err(|_| SecretError::NotUtf8)?;
        Ok(Self::from_text(text))
    }

    /// [`Secret::from_typed`] for text already held as a string (UTF-8 by construction).
    pub fn from_text(text: &str) -> Self {
        // NFC can lengthen a string (at most three times in UTF-8 bytes): room for that up front,
        // so no reallocation leaves a copy behind.
        let mut normalised = Zeroizing::new(String::with_capacity(text.len() * 3));
        normalised.extend(text.nfc());
        let normalised = Zeroizing::new(normalised.as_bytes().to_vec());
        let as_typed = (normalised.as_slice() != text.as_bytes())
            .then(|| Zeroizing::new(text.as_bytes().to_vec()));
        Secret {
            normalised,
            as_typed,
        }
    }

    /// The NFC form's UTF-8 bytes: what a new backup, passphrase or check of strength uses.
    pub fn as_bytes(&self) -> &[u8] {
        &self.normalised
    }

    /// Whether `other` is the same secret once both are normalised (the "type it again" check: a
    /// precomposed and a decomposed `é` are the same passphrase).
    pub fn matches(&self, other: &Secret) -> bool {
        self.normalised == other.normalised
    }

    /// Opens something sealed under this secret with `open`, given the bytes to try: the NFC form
    /// first, then, when that is refused as the wrong secret ([`WrongSecret`]) and the typed bytes
    /// differ, the bytes as typed (what was sealed before secrets were normalised). Any other error
    /// is returned at once.
    pub fn open_with<T, E: WrongSecret>(
        &self,
        mut open: impl FnMut(&[u8]) -> Result<T, E>,
    ) -> Result<T, E> {
        match (open(&self.normalised), &self.as_typed) {
            (Err(e), Some(typed)) if e.is_wrong_secret() => open(typed),
            (result, _) => result,
        }
    }
}

/// [`Secret::open_with`] for a secret that may be absent (the current one, when a damaged key slot
/// means nothing can check it): `open(None)` once when there is none.
pub fn open_with_optional<T, E: WrongSecret>(
    secret: Option<&Secret>,
    mut open: impl FnMut(Option<&[u8]>) -> Result<T, E>,
) -> Result<T, E> {
    match secret {
        Some(secret) => secret.open_with(|bytes| open(Some(bytes))),
        None => open(None),
    }
}

impl std::fmt::Debug for Secret {
    /// Never the secret itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// An error that can mean "this secret does not open it", so [`Secret::open_with`] knows when to
/// try the bytes as typed.
pub trait WrongSecret {
    /// Whether the secret given was refused as not the right one.
    fn is_wrong_secret(&self) -> bool;
}

impl WrongSecret for VaultError {
    fn is_wrong_secret(&self) -> bool {
        matches!(self, VaultError::WrongRecoverySecret)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::backup::BackupError;

    const COMPOSED: &str = "caf\u{e9} au lait";
    const DECOMPOSED: &str = "cafe\u{301} au lait";

    #[test]
    fn composed_and_decomposed_are_the_same_secret() {
        let a = Secret::from_text(COMPOSED);
        let b = Secret::from_text(DECOMPOSED);
        assert_eq!(a.as_bytes(), COMPOSED.as_bytes());
        assert_eq!(b.as_bytes(), COMPOSED.as_bytes());
        assert!(a.matches(&b));
        assert!(!a.matches(&Secret::from_text("cafe au lait")));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        assert_eq!(
            Secret::from_typed(vec![b'a', 0xff, b'b']).unwrap_err(),
            SecretError::NotUtf8
        );
        assert!(Secret::from_typed(Vec::new()).is_ok());
    }

    #[test]
    fn nothing_is_trimmed_and_ascii_is_unchanged() {
        let s = Secret::from_text(" ABCD-efgh ");
        assert_eq!(s.as_bytes(), b" ABCD-efgh ");
        assert!(s.as_typed.is_none());
    }

    #[test]
    fn opening_tries_the_typed_bytes_only_after_a_wrong_secret() {
        let decomposed = Secret::from_text(DECOMPOSED);
        let mut tried: Vec<Vec<u8>> = Vec::new();
        let opened = decomposed.open_with(|bytes| {
            tried.push(bytes.to_vec());
            if bytes == DECOMPOSED.as_bytes() {
                Ok("opened")
            } else {
                Err(VaultError::WrongRecoverySecret)
            }
        });
        assert_eq!(opened.unwrap(), "opened");
        assert_eq!(
            tried,
            vec![COMPOSED.as_bytes().to_vec(), DECOMPOSED.as_bytes().to_vec()]
        );

        // Another error is final: no second try.
        let mut tries = 0;
        let e = decomposed
            .open_with(|_| -> Result<(), VaultError> {
                tries += 1;
                Err(VaultError::Locked)
            })
            .unwrap_err();
        assert!(matches!(e, VaultError::Locked));
        assert_eq!(tries, 1);

        // Already NFC: one try only, even when wrong.
        let mut tries = 0;
        let e = Secret::from_text(COMPOSED)
            .open_with(|_| -> Result<(), BackupError> {
                tries += 1;
                Err(BackupError::WrongSecret)
            })
            .unwrap_err();
        assert!(matches!(e, BackupError::WrongSecret));
        assert_eq!(tries, 1);
    }

    #[test]
    fn debug_never_shows_the_secret() {
        assert_eq!(format!("{:?}", Secret::from_text(COMPOSED)), "Secret(..)");
    }
}
