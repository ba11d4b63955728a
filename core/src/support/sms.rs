//! Text messages: the RFC 5724 `sms:` URI with a prepared message, and the user's own templates.
//!
//! The prepared messages are [`DEFAULT_MESSAGE`] ("Can you call me?") followed by the user's own
//! templates, kept as the named setting [`TEMPLATES_SETTING`] (sealed in the vault like everything
//! else). Shells list [`messages`] and pass the one chosen to the one-tap plan.
//!
//! # The `sms:` URI ([`sms_uri`])
//!
//! `sms:` + the recipient + `?body=` + the message, per RFC 5724:
//!
//! - the recipient is the number without separators (`+` kept for a global number). Pauses, waits
//!   and an extension belong to a call, not a text, so they are left out;
//! - the body is UTF-8, every byte percent-encoded except the RFC 3986 unreserved characters
//!   (`A-Z a-z 0-9 - . _ ~`): a space is `%20`, `?` is `%3F`, `é` is `%C3%A9`;
//! - no message means no `?body=` at all.
//!
//! ```
//! use oneday_core::support::{sms, PhoneNumber};
//! let to: PhoneNumber = "+1 (555) 010-0000".parse()?;
//! assert_eq!(sms::sms_uri(&to, Some("Can you call me?")), "sms:+15550100000?body=Can%20you%20call%20me%3F");
//! # Ok::<(), oneday_core::support::PhoneError>(())
//! ```

use super::error::SupportError;
use super::phone::PhoneNumber;
use crate::settings;
use crate::vault::Vault;

/// The message every user has, first in [`messages`].
pub const DEFAULT_MESSAGE: &str = "Can you call me?";
/// The name of the setting that holds the user's own templates.
pub const TEMPLATES_SETTING: &str = "support.sms_templates";
/// Most templates a user can keep.
pub const MAX_TEMPLATES: usize = 10;
/// Most characters of one message.
pub const MAX_MESSAGE_CHARS: usize = 300;

/// The RFC 5724 `sms:` URI texting `to`, with `body` prepared when given (see the module docs).
pub fn sms_uri(to: &PhoneNumber, body: Option<&str>) -> String {
    let mut uri = format!("sms:{}", to.dial_string());
    if let Some(body) = body.filter(|b| !b.is_empty()) {
        uri.push_str("?body=");
        uri.push_str(&percent_encode(body));
    }
    uri
}

/// `text` as UTF-8 with every byte but the RFC 3986 unreserved characters percent-encoded
/// (upper-case hex digits).
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// A checked message: trimmed, not blank, at most [`MAX_MESSAGE_CHARS`] characters, line breaks
/// and tabs allowed but no other control characters.
pub fn check_message(text: &str) -> Result<String, SupportError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SupportError::EmptyMessage);
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(SupportError::MessageTooLong {
            max: MAX_MESSAGE_CHARS,
        });
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(SupportError::ControlCharacters { field: "message" });
    }
    Ok(text.to_owned())
}

/// The user's own templates (without [`DEFAULT_MESSAGE`]), in their order.
pub fn templates(vault: &Vault) -> Result<Vec<String>, SupportError> {
    Ok(settings::get::<Vec<String>>(vault, TEMPLATES_SETTING)?.unwrap_or_default())
}

/// Replaces the user's templates after checking each (blank ones and repeats are dropped);
/// an empty list removes the setting. Returns the templates as saved.
pub fn set_templates(vault: &Vault, templates: &[String]) -> Result<Vec<String>, SupportError> {
    let mut checked: Vec<String> = Vec::with_capacity(templates.len());
    for t in templates {
        if t.trim().is_empty() {
            continue;
        }
        let t = check_message(t)?;
        if t != DEFAULT_MESSAGE && !checked.contains(&t) {
            checked.push(t);
        }
    }
    if checked.len() > MAX_TEMPLATES {
        return Err(SupportError::TooManyTemplates { max: MAX_TEMPLATES });
    }
    if checked.is_empty() {
        settings::remove(vault, TEMPLATES_SETTING)?;
    } else {
        settings::set(vault, TEMPLATES_SETTING, &checked)?;
    }
    Ok(checked)
}

/// Every prepared message: [`DEFAULT_MESSAGE`] first (number 0), then the user's templates.
pub fn messages(vault: &Vault) -> Result<Vec<String>, SupportError> {
    let mut all = vec![DEFAULT_MESSAGE.to_owned()];
    all.extend(templates(vault)?);
    Ok(all)
}

/// Prepared message number `index` of [`messages`].
pub fn message(vault: &Vault, index: usize) -> Result<String, SupportError> {
    let mut all = messages(vault)?;
    let last = all.len() - 1;
    if index > last {
        return Err(SupportError::NoSuchMessage { index, last });
    }
    Ok(all.swap_remove(index))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::test_support::temp_vault;

    fn number(text: &str) -> PhoneNumber {
        PhoneNumber::parse(text).unwrap()
    }

    #[test]
    fn body_is_percent_encoded_outside_the_unreserved_set() {
        assert_eq!(
            sms_uri(&number("+44 7700 900123"), Some(DEFAULT_MESSAGE)),
            "sms:+447700900123?body=Can%20you%20call%20me%3F"
        );
        assert_eq!(
            percent_encode("a-b.c_d~e f&g=h?i#j%k+l/m\n"),
            "a-b.c_d~e%20f%26g%3Dh%3Fi%23j%25k%2Bl%2Fm%0A"
        );
        assert_eq!(percent_encode("Café ☕"), "Caf%C3%A9%20%E2%98%95");
        assert_eq!(sms_uri(&number("988"), None), "sms:988");
        assert_eq!(sms_uri(&number("988"), Some("")), "sms:988");
    }

    #[test]
    fn pauses_and_extensions_are_not_part_of_a_text() {
        assert_eq!(
            sms_uri(&number("555 0100 ext 12"), Some("hi")),
            "sms:5550100?body=hi"
        );
        assert_eq!(sms_uri(&number("555 0100,,9"), None), "sms:5550100");
    }

    #[test]
    fn templates_are_checked_kept_in_order_and_numbered_after_the_default() {
        let (_dir, v) = temp_vault();
        assert_eq!(messages(&v).unwrap(), vec![DEFAULT_MESSAGE]);
        let saved = set_templates(
            &v,
            &[
                " Having a hard time. ".into(),
                "".into(),
                "Having a hard time.".into(),
                DEFAULT_MESSAGE.into(),
                "Are you free to talk?\nNo rush.".into(),
            ],
        )
        .unwrap();
        assert_eq!(
            saved,
            vec!["Having a hard time.", "Are you free to talk?\nNo rush."]
        );
        assert_eq!(templates(&v).unwrap(), saved);
        assert_eq!(message(&v, 0).unwrap(), DEFAULT_MESSAGE);
        assert_eq!(message(&v, 2).unwrap(), "Are you free to talk?\nNo rush.");
        assert!(matches!(
            message(&v, 3),
            Err(SupportError::NoSuchMessage { index: 3, last: 2 })
        ));

        assert!(matches!(
            set_templates(&v, &["x".repeat(301)]),
            Err(SupportError::MessageTooLong { max: 300 })
        ));
        assert!(matches!(
            set_templates(&v, &["a\u{0}b".into()]),
            Err(SupportError::ControlCharacters { field: "message" })
        ));
        let eleven: Vec<String> = (0..11).map(|i| format!("message {i}")).collect();
        assert!(matches!(
            set_templates(&v, &eleven),
            Err(SupportError::TooManyTemplates { max: 10 })
        ));
        assert_eq!(
            templates(&v).unwrap(),
            saved,
            "a refused list writes nothing"
        );
        assert_eq!(set_templates(&v, &[]).unwrap(), Vec::<String>::new());
        assert_eq!(messages(&v).unwrap(), vec![DEFAULT_MESSAGE]);
    }
}
