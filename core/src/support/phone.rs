//! Phone numbers as people type them, checked, and as the `tel:` URI a phone dials.
//!
//! # What is accepted
//!
//! A [`PhoneNumber`] keeps the text exactly as the user typed it (trimmed) for display, and is
//! accepted only when it reads as one number:
//!
//! - an optional `+` first (a global number with its country code);
//! - digits, with visual separators anywhere: spaces, `-`, `.`, `(`, `)` and `/`;
//! - then optionally pauses and waits followed by more digits (an access code, a menu choice):
//!   `,` or `p` is a pause, `;` or `w` is a wait;
//! - or optionally an extension: `x`, `ext` or `ext.` followed by 1 to [`MAX_EXTENSION_DIGITS`]
//!   digits.
//!
//! The number itself needs [`MIN_DIGITS`] to [`MAX_DIGITS`] digits (15, 988 and 000 are numbers;
//! E.164 allows at most 15 digits). Anything else is a [`PhoneError`]: letters, other symbols, a `+`
//! that is not first, a pause or extension before any digit, a pause and an extension together.
//!
//! # The `tel:` URI ([`PhoneNumber::tel_uri`])
//!
//! RFC 3966 `tel:` with visual separators removed:
//!
//! - a global number keeps its `+`: `+1 (555) 123-4567` → `tel:+15551234567`;
//! - a number without `+` is a *local* number and is emitted as `tel:` + its digits, such as
//!   `tel:988` or `tel:08001110111`. RFC 3966 asks for a `;phone-context=` parameter on local
//!   numbers. We do not emit one: short codes like 988 or 116 123 have no global form, the context
//!   of a number the user typed is not known (their region says where they live, not where the
//!   number belongs), and the Android and iOS dialers, the only consumers of these URIs, dial a bare
//!   `tel:0123...` as typed while they may treat `;phone-context=...` as dial characters;
//! - an extension is the RFC 3966 parameter `;ext=123`;
//! - RFC 3966 has no pause. Pauses and waits are emitted in the number part the way the Android
//!   (`PhoneNumberUtils.PAUSE`/`WAIT`) and iOS dialers read them: `,` for a pause and `;` for a wait,
//!   such as `tel:+15551234567,,1234`. A strict RFC 3966 parser would read `;1234` after a wait as a
//!   malformed parameter; that is why a number may have pauses or an extension, never both.
//!
//! ```
//! use oneday_core::support::PhoneNumber;
//! let n: PhoneNumber = "+1 (555) 123-4567 ext. 89".parse()?;
//! assert_eq!(n.as_typed(), "+1 (555) 123-4567 ext. 89");
//! assert_eq!(n.tel_uri(), "tel:+15551234567;ext=89");
//! assert!("call Sam".parse::<PhoneNumber>().is_err());
//! # Ok::<(), oneday_core::support::PhoneError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Fewest digits a number may have (French emergency numbers such as 15, the SAMU, have 2).
pub const MIN_DIGITS: usize = 2;
/// Most digits a number may have (E.164).
pub const MAX_DIGITS: usize = 15;
/// Most digits an extension may have.
pub const MAX_EXTENSION_DIGITS: usize = 10;
/// Most characters of digits, pauses and waits after the number.
pub const MAX_POST_DIAL: usize = 32;
/// Most characters of the text as typed.
pub const MAX_TYPED_CHARS: usize = 64;

/// Why a phone number was refused. No message repeats the number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Nothing was typed.
    #[error("the phone number is empty")]
    Empty,
    /// The text holds letters (other than `p`, `w`, `x` or `ext` in their places).
    #[error(
        "a phone number cannot contain letters (only p or w for a pause or wait, x or ext for an extension)"
    )]
    Letters,
    /// The text holds a symbol that is not part of a phone number.
    #[error(
        "a phone number can hold only digits, spaces, - . ( ) /, a leading +, pauses and an extension"
    )]
    InvalidCharacter,
    /// A `+` that is not the first character.
    #[error("a + can only come first, before the country code")]
    MisplacedPlus,
    /// Too few digits.
    #[error("a phone number needs at least {min} digits")]
    TooFewDigits {
        /// The limit.
        min: usize,
    },
    /// Too many digits.
    #[error("a phone number can have at most {max} digits")]
    TooManyDigits {
        /// The limit.
        max: usize,
    },
    /// The text is too long.
    #[error("a phone number can be at most {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A pause or wait came before any digit of the number.
    #[error("a pause or wait must come after the number")]
    PauseBeforeNumber,
    /// Too many digits and pauses after the number.
    #[error("at most {max} digits, pauses and waits can follow the number")]
    PostDialTooLong {
        /// The limit.
        max: usize,
    },
    /// An extension with no digits, too many digits, or followed by something else.
    #[error("an extension needs 1 to {max} digits and must come last")]
    BadExtension {
        /// The most digits an extension may have.
        max: usize,
    },
    /// Both pauses and an extension.
    #[error("a phone number can have pauses or an extension, not both")]
    PauseAndExtension,
}

/// A checked phone number: the text as typed (for display) and its parts (for dialling).
///
/// Serialised as the text as typed; reading it back checks it again.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber {
    typed: String,
    global: bool,
    digits: String,
    post_dial: String,
    extension: Option<String>,
}

impl PhoneNumber {
    /// Checks `text` (surrounding spaces ignored); see the module docs for what is accepted.
    pub fn parse(text: &str) -> Result<Self, PhoneError> {
        let typed = text.trim();
        if typed.is_empty() {
            return Err(PhoneError::Empty);
        }
        if typed.chars().count() > MAX_TYPED_CHARS {
            return Err(PhoneError::TooLong {
                max: MAX_TYPED_CHARS,
            });
        }
        let parts = scan(typed)?;
        Ok(Self {
            typed: typed.to_owned(),
            global: parts.global,
            digits: parts.digits,
            post_dial: parts.post_dial,
            extension: parts.extension,
        })
    }

    /// The text as the user typed it (trimmed): what to show.
    pub fn as_typed(&self) -> &str {
        &self.typed
    }

    /// Whether the number starts with `+` and a country code.
    pub fn is_global(&self) -> bool {
        self.global
    }

    /// The number without separators, pauses or extension: `+` and digits, or digits only.
    pub fn dial_string(&self) -> String {
        let mut out = String::with_capacity(self.digits.len() + 1);
        if self.global {
            out.push('+');
        }
        out.push_str(&self.digits);
        out
    }

    /// The extension's digits, if any.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// The pauses (`,`), waits (`;`) and digits after the number, if any.
    pub fn post_dial(&self) -> Option<&str> {
        (!self.post_dial.is_empty()).then_some(self.post_dial.as_str())
    }

    /// The `tel:` URI to dial this number (see the module docs for what is emitted and why).
    pub fn tel_uri(&self) -> String {
        let mut uri = format!("tel:{}{}", self.dial_string(), self.post_dial);
        if let Some(ext) = &self.extension {
            uri.push_str(";ext=");
            uri.push_str(ext);
        }
        uri
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PhoneNumber").field(&self.typed).finish()
    }
}

impl fmt::Display for PhoneNumber {
    /// The text as typed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.typed)
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(n: PhoneNumber) -> Self {
        n.typed
    }
}

/// Where the scanner is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Number,
    PostDial,
    Extension,
}

struct Parts {
    global: bool,
    digits: String,
    post_dial: String,
    extension: Option<String>,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '/')
}

fn scan(typed: &str) -> Result<Parts, PhoneError> {
    let chars: Vec<char> = typed.chars().collect();
    let mut parts = Parts {
        global: false,
        digits: String::new(),
        post_dial: String::new(),
        extension: None,
    };
    let mut part = Part::Number;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c.is_ascii_digit() {
            match part {
                Part::Number => parts.digits.push(c),
                Part::PostDial => parts.post_dial.push(c),
                Part::Extension => parts.extension.get_or_insert_with(String::new).push(c),
            }
            continue;
        }
        if is_separator(c) {
            continue;
        }
        if c == '+' {
            let first = chars[..i - 1].iter().all(|c| is_separator(*c));
            if part == Part::Number && parts.digits.is_empty() && !parts.global && first {
                parts.global = true;
                continue;
            }
            return Err(PhoneError::MisplacedPlus);
        }
        let pause = match c {
            ',' | 'p' | 'P' => Some(','),
            ';' | 'w' | 'W' => Some(';'),
            _ => None,
        };
        if let Some(pause) = pause {
            if parts.digits.is_empty() {
                return Err(if c.is_alphabetic() {
                    PhoneError::Letters
                } else {
                    PhoneError::PauseBeforeNumber
                });
            }
            if part == Part::Extension {
                return Err(PhoneError::PauseAndExtension);
            }
            part = Part::PostDial;
            parts.post_dial.push(pause);
            continue;
        }
        if matches!(c, 'x' | 'X' | 'e' | 'E') && !parts.digits.is_empty() {
            let marker = if matches!(c, 'x' | 'X') {
                Some(0)
            } else {
                let rest: String = chars[i..].iter().take(2).collect();
                rest.eq_ignore_ascii_case("xt").then_some(2)
            };
            if let Some(skip) = marker {
                match part {
                    Part::PostDial => return Err(PhoneError::PauseAndExtension),
                    Part::Extension => {
                        return Err(PhoneError::BadExtension {
                            max: MAX_EXTENSION_DIGITS,
                        })
                    }
                    Part::Number => {}
                }
                i += skip;
                part = Part::Extension;
                parts.extension = Some(String::new());
                continue;
            }
        }
        return Err(if c.is_alphabetic() {
            PhoneError::Letters
        } else {
            PhoneError::InvalidCharacter
        });
    }
    check_lengths(&parts)?;
    Ok(parts)
}

fn check_lengths(parts: &Parts) -> Result<(), PhoneError> {
    if parts.digits.len() < MIN_DIGITS {
        return Err(PhoneError::TooFewDigits { min: MIN_DIGITS });
    }
    if parts.digits.len() > MAX_DIGITS {
        return Err(PhoneError::TooManyDigits { max: MAX_DIGITS });
    }
    if parts.post_dial.len() > MAX_POST_DIAL {
        return Err(PhoneError::PostDialTooLong { max: MAX_POST_DIAL });
    }
    if let Some(ext) = &parts.extension {
        if ext.is_empty() || ext.len() > MAX_EXTENSION_DIGITS {
            return Err(PhoneError::BadExtension {
                max: MAX_EXTENSION_DIGITS,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tel(text: &str) -> String {
        PhoneNumber::parse(text).unwrap().tel_uri()
    }

    fn err(text: &str) -> PhoneError {
        PhoneNumber::parse(text).unwrap_err()
    }

    #[test]
    fn global_numbers_keep_the_plus_and_drop_separators() {
        assert_eq!(tel("+1 (555) 123-4567"), "tel:+15551234567");
        assert_eq!(tel("  +44 20.7946.0958 "), "tel:+442079460958");
        assert_eq!(tel("+49 0800/111 0 111"), "tel:+4908001110111");
        assert_eq!(tel("( +353 ) 1 234 5678"), "tel:+35312345678");
    }

    #[test]
    fn local_numbers_and_short_codes_have_no_plus_and_no_context() {
        assert_eq!(tel("988"), "tel:988");
        assert_eq!(tel("116 123"), "tel:116123");
        assert_eq!(tel("000"), "tel:000");
        assert_eq!(tel("0800 111 0 111"), "tel:08001110111");
        assert_eq!(tel("(0)30 1234-5678"), "tel:03012345678");
    }

    #[test]
    fn pauses_waits_and_extensions() {
        assert_eq!(tel("+1 555 123 4567,,1234"), "tel:+15551234567,,1234");
        assert_eq!(tel("555 1234 p 99"), "tel:5551234,99");
        assert_eq!(tel("555 1234w1"), "tel:5551234;1");
        assert_eq!(tel("5551234;2"), "tel:5551234;2");
        assert_eq!(tel("+1 555 123 4567 x89"), "tel:+15551234567;ext=89");
        assert_eq!(tel("+1 555 123 4567 ext 89"), "tel:+15551234567;ext=89");
        assert_eq!(tel("+1 555 123 4567 EXT. 8 9"), "tel:+15551234567;ext=89");
        let n = PhoneNumber::parse("5551234 x12").unwrap();
        assert_eq!(n.extension(), Some("12"));
        assert_eq!(n.post_dial(), None);
        assert_eq!(n.dial_string(), "5551234");
        assert!(!n.is_global());
    }

    #[test]
    fn the_text_as_typed_is_kept_for_display() {
        let n = PhoneNumber::parse("  07700 900 123 ").unwrap();
        assert_eq!(n.as_typed(), "07700 900 123");
        assert_eq!(n.to_string(), "07700 900 123");
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"07700 900 123\"");
        assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), n);
        assert!(serde_json::from_str::<PhoneNumber>("\"Sam\"").is_err());
    }

    #[test]
    fn letters_are_a_typed_error() {
        for text in [
            "call sam",
            "SAMARITANS",
            "pizza",
            "wxyz",
            "x123",
            "555-CALL-NOW",
            "123 abc",
        ] {
            assert_eq!(err(text), PhoneError::Letters, "{text}");
        }
    }

    #[test]
    fn other_bad_input_is_a_typed_error() {
        assert_eq!(err(""), PhoneError::Empty);
        assert_eq!(err("   "), PhoneError::Empty);
        assert_eq!(err("1"), PhoneError::TooFewDigits { min: MIN_DIGITS });
        assert_eq!(tel("15"), "tel:15");
        assert_eq!(err("+"), PhoneError::TooFewDigits { min: MIN_DIGITS });
        assert_eq!(
            err("1234567890123456"),
            PhoneError::TooManyDigits { max: MAX_DIGITS }
        );
        assert_eq!(err("555*1234"), PhoneError::InvalidCharacter);
        assert_eq!(err("555#1234"), PhoneError::InvalidCharacter);
        assert_eq!(err("555 1234 +1"), PhoneError::MisplacedPlus);
        assert_eq!(err("++1 555 1234"), PhoneError::MisplacedPlus);
        assert_eq!(err(",5551234"), PhoneError::PauseBeforeNumber);
        assert_eq!(err("5551234,,12x3"), PhoneError::PauseAndExtension);
        assert_eq!(err("5551234 x12,3"), PhoneError::PauseAndExtension);
        assert_eq!(
            err("5551234 ext"),
            PhoneError::BadExtension {
                max: MAX_EXTENSION_DIGITS
            }
        );
        assert_eq!(
            err("5551234 x12345678901"),
            PhoneError::BadExtension {
                max: MAX_EXTENSION_DIGITS
            }
        );
        assert_eq!(
            err(&"1 ".repeat(40)),
            PhoneError::TooLong {
                max: MAX_TYPED_CHARS
            }
        );
        assert_eq!(
            err(&format!("555 1234,{}", "1".repeat(40))),
            PhoneError::PostDialTooLong { max: MAX_POST_DIAL }
        );
    }

    #[test]
    fn error_messages_never_repeat_the_number() {
        for text in ["call 555 sam", "5551234 +9", "5"] {
            let message = err(text).to_string();
            assert!(!message.contains("555"), "{message}");
            assert!(!message.contains("sam"), "{message}");
        }
    }
}
