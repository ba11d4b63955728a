//! How strong a passphrase must be: the one rule for the vault's recovery slot and for backups.
//!
//! A passphrase replaces a 160-bit recovery code, and whoever copies the files can try guesses
//! offline for as long as they like, so length alone is not enough (`password`, `12345678` and eight
//! spaces are all 8 bytes). The rule:
//!
//! 1. at least [`MIN_PASSPHRASE_LEN`] bytes ([`VaultError::PassphraseTooShort`]);
//! 2. the `zxcvbn` estimator (Dropbox's, ported to Rust) scores it at least [`MIN_SCORE`] of 4,
//!    "safely unguessable: moderate protection from an offline attack" in its own words, about 10^10
//!    guesses or more ([`VaultError::WeakPassphrase`]). Words that come with this app (its name, the
//!    fellowships, recovery words) count as known to an attacker.
//!
//! The reason given for a refusal is zxcvbn's plain-English feedback, after a sentence of our own;
//! it never quotes the passphrase. The generated recovery code is not judged: it is 160 random bits.

use super::error::VaultError;

/// Minimum length of a passphrase, in bytes.
pub const MIN_PASSPHRASE_LEN: usize = 8;

/// The lowest zxcvbn score (0 to 4) accepted.
pub const MIN_SCORE: u8 = 3;

/// Words an attacker would try first against this app's secrets.
const APP_WORDS: &[&str] = &[
    "oneday",
    "one day",
    "recovery",
    "sober",
    "sobriety",
    "clean",
    "sponsor",
    "serenity",
    "narcotics",
    "alcoholics",
    "anonymous",
    "higher power",
    "one day at a time",
];

/// Checks that `secret` is a passphrase strong enough for the recovery slot or a backup.
///
/// Errors: [`VaultError::PassphraseTooShort`] under [`MIN_PASSPHRASE_LEN`] bytes,
/// [`VaultError::WeakPassphrase`] (with the reason, in plain words) when it is easy to guess.
pub fn check_passphrase(secret: &[u8]) -> Result<(), VaultError> {
    if secret.len() < MIN_PASSPHRASE_LEN {
        return Err(VaultError::PassphraseTooShort {
            min: MIN_PASSPHRASE_LEN,
        });
    }
    let text = String::from_utf8_lossy(secret);
    let entropy = zxcvbn::zxcvbn(&text, APP_WORDS);
    if u8::from(entropy.score()) >= MIN_SCORE {
        return Ok(());
    }
    Err(VaultError::WeakPassphrase {
        reason: reason(entropy.feedback()),
    })
}

/// One or two sentences: what is wrong (zxcvbn's warning, when it has one) and what to do.
fn reason(feedback: Option<&zxcvbn::feedback::Feedback>) -> String {
    let mut out = String::from("It would be too easy to guess.");
    if let Some(warning) = feedback.and_then(|f| f.warning()) {
        out.push(' ');
        out.push_str(&warning.to_string());
        if !out.ends_with('.') {
            out.push('.');
        }
    }
    out.push_str(
        " Try four or five ordinary words that have nothing to do with each other, \
         or keep the recovery code.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passphrases_are_refused_with_a_reason() {
        assert!(matches!(
            check_passphrase(b"short"),
            Err(VaultError::PassphraseTooShort { min: 8 })
        ));
        for weak in [
            &b"password"[..],
            b"12345678",
            b"        ",
            b"aaaaaaaaaaaa",
            b"one day at a time",
            b"Password1!",
            b"qwertyuiop",
        ] {
            match check_passphrase(weak) {
                Err(VaultError::WeakPassphrase { reason }) => {
                    assert!(reason.starts_with("It would be too easy to guess."));
                    // zxcvbn's sentences are fixed texts; the passphrase is never quoted.
                    assert!(!reason.contains("qwertyuiop") && !reason.contains("12345678"));
                }
                other => panic!(
                    "{:?} was not refused: {other:?}",
                    String::from_utf8_lossy(weak)
                ),
            }
        }
    }

    #[test]
    fn unrelated_words_pass() {
        for strong in [
            &b"correct horse battery staple"[..],
            b"lantern orbit pickle thursday",
            b"Serenity Prayer 1939 kettle drum",
        ] {
            assert!(check_passphrase(strong).is_ok());
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_judged_too() {
        assert!(check_passphrase(&[0xff; 12]).is_err());
    }
}
