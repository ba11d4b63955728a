//! The recovery code: a generated secret shown once at vault creation, for the user to write down.
//!
//! It is 32 characters from Crockford's base-32 alphabet (`0-9`, `A-Z` without `I`, `L`, `O`, `U`),
//! shown as 8 groups of 4 joined by dashes: `7K3M-Q9TX-...`. That is 160 random bits, before Argon2id.
//! When the code is typed back, case, spaces and dashes do not matter, and the letters people confuse
//! with digits are read as the digit (`O` as `0`, `I` and `L` as `1`), as Crockford's decoding rules say.
//!
//! Only the canonical form (32 upper-case characters, no dashes) is fed to Argon2id. Passphrases set
//! with `Vault::change_passphrase` are *not* normalised: the recovery slot records which of the two it
//! holds.

use std::fmt;

use zeroize::Zeroizing;

use super::error::VaultError;
use super::keys::make_random;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a code, dashes not counted.
pub(crate) const CODE_CHARS: usize = 32;
/// Characters per group when displayed.
const GROUP: usize = 4;

/// A generated recovery code. Wiped from memory when dropped; `Debug` does not show it.
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    /// Makes a new random code.
    pub fn generate() -> Result<Self, VaultError> {
        let random = Zeroizing::new(make_random::<CODE_CHARS>()?);
        let mut s = Zeroizing::new(String::with_capacity(CODE_CHARS + CODE_CHARS / GROUP));
        for (i, b) in random.iter().enumerate() {
            if i > 0 && i % GROUP == 0 {
                s.push('-');
            }
            // 256 is a multiple of 32, so the low five bits are uniform.
            s.push(char::from(ALPHABET[usize::from(b & 0x1f)]));
        }
        Ok(Self(s))
    }

    /// The code as shown to the user: 8 groups of 4 characters joined by dashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(..)")
    }
}

/// The canonical form of a typed code: upper case, no separators, confusable letters mapped to digits.
/// Fails with [`VaultError::MalformedRecoveryCode`] if anything else is left or the length is wrong.
pub(crate) fn normalise(input: &[u8]) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let mut out = Zeroizing::new(Vec::with_capacity(CODE_CHARS));
    for &c in input {
        let c = match c.to_ascii_uppercase() {
            b' ' | b'-' | b'\t' | b'\n' | b'\r' => continue,
            b'O' => b'0',
            b'I' | b'L' => b'1',
            c if ALPHABET.contains(&c) => c,
            _ => return Err(VaultError::MalformedRecoveryCode),
        };
        if out.len() == CODE_CHARS {
            return Err(VaultError::MalformedRecoveryCode);
        }
        out.push(c);
    }
    if out.len() != CODE_CHARS {
        return Err(VaultError::MalformedRecoveryCode);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn generated_code_has_8_groups_of_4_from_the_alphabet() {
        let code = RecoveryCode::generate().unwrap();
        let groups: Vec<&str> = code.as_str().split('-').collect();
        assert_eq!(groups.len(), 8);
        for g in groups {
            assert_eq!(g.len(), 4);
            assert!(g.bytes().all(|c| ALPHABET.contains(&c)));
        }
        assert_ne!(code.as_str(), RecoveryCode::generate().unwrap().as_str());
        assert_eq!(format!("{code:?}"), "RecoveryCode(..)");
    }

    #[test]
    fn normalising_ignores_case_spaces_dashes_and_confusables() {
        let code = RecoveryCode::generate().unwrap();
        let canonical = normalise(code.as_str().as_bytes()).unwrap();
        assert_eq!(canonical.len(), CODE_CHARS);
        assert_eq!(*canonical, code.as_str().replace('-', "").into_bytes());
        let sloppy = code.as_str().to_lowercase().replace('-', " ");
        assert_eq!(*normalise(sloppy.as_bytes()).unwrap(), *canonical);
        let confusable = "0000-1111-0000-1111-0000-1111-0000-1111";
        let typed = "oOoO-iIlL-0000 1111 0000-1111-0000-1111";
        assert_eq!(
            *normalise(typed.as_bytes()).unwrap(),
            *normalise(confusable.as_bytes()).unwrap()
        );
    }

    #[test]
    fn malformed_codes_are_typed_errors() {
        for bad in [
            "",
            "0000-1111",
            "0000-1111-0000-1111-0000-1111-0000-11111",
            "0000-1111-0000-1111-0000-1111-0000-111U",
            "0000-1111-0000-1111-0000-1111-0000-111é",
            "my long passphrase that is not a code",
        ] {
            assert!(
                matches!(
                    normalise(bad.as_bytes()),
                    Err(VaultError::MalformedRecoveryCode)
                ),
                "{bad}"
            );
        }
    }
}
