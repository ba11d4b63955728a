//! What a plan's texts may hold, and how they are tidied before a save.
//!
//! Every text is *normalised* first: `\r\n` and a lone `\r` become `\n`, and whitespace at both ends
//! is trimmed. Nothing else is changed: inner spaces, line breaks, tabs, Markdown characters and any
//! Unicode are kept exactly. Then it is *checked*: not blank, at most [`MAX_TEXT_CHARS`] characters,
//! no control characters but line breaks and tabs. A phone number is one line of at most
//! [`MAX_PHONE_CHARS`] characters made of what people write in phone numbers.
//!
//! The limits are generous for a plan written by hand and keep one plan (with all its revisions)
//! small enough to seal in one record.

use super::error::{FieldPath, PlanError};

/// The most characters (Unicode scalar values) one text of a plan may hold.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The most characters a phone number may hold.
pub const MAX_PHONE_CHARS: usize = 40;

/// The most entries one section of a plan may hold.
pub const MAX_ENTRIES: usize = 100;

/// Line endings made `\n`, and both ends trimmed.
pub(crate) fn normalize(text: &mut String) {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

/// [`normalize`] for an optional text; a blank one becomes `None`.
pub(crate) fn normalize_optional(text: &mut Option<String>) {
    if let Some(t) = text {
        normalize(t);
        if t.is_empty() {
            *text = None;
        }
    }
}

/// Checks a normalised text: not empty, not too long, no control characters but `\n` and `\t`.
pub(crate) fn check(text: &str, path: FieldPath) -> Result<(), PlanError> {
    if text.is_empty() {
        return Err(PlanError::EmptyText(path));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(PlanError::TextTooLong {
            path,
            max: MAX_TEXT_CHARS,
        });
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(PlanError::ControlCharacters(path));
    }
    Ok(())
}

/// Checks a normalised phone number: one line, at most [`MAX_PHONE_CHARS`] characters of digits,
/// spaces and `+ - ( ) . / * # ,`, with at least one digit.
pub(crate) fn check_phone(phone: &str, path: FieldPath) -> Result<(), PlanError> {
    if phone.chars().count() > MAX_PHONE_CHARS {
        return Err(PlanError::TextTooLong {
            path,
            max: MAX_PHONE_CHARS,
        });
    }
    if phone.chars().any(char::is_control) {
        return Err(PlanError::ControlCharacters(path));
    }
    let allowed = |c: char| c.is_ascii_digit() || " +-()./*#,".contains(c);
    if !phone.chars().all(allowed) || !phone.chars().any(|c| c.is_ascii_digit()) {
        return Err(PlanError::InvalidPhone(path));
    }
    Ok(())
}

/// Checks the number of entries of a section.
pub(crate) fn check_count(count: usize, section: &'static str) -> Result<(), PlanError> {
    if count > MAX_ENTRIES {
        return Err(PlanError::TooManyEntries {
            section,
            max: MAX_ENTRIES,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const P: FieldPath = FieldPath {
        section: "Warning signs",
        entry: Some(2),
        field: "text",
    };

    fn normalized(s: &str) -> String {
        let mut s = s.to_owned();
        normalize(&mut s);
        s
    }

    #[test]
    fn normalising_trims_ends_and_unifies_line_breaks_only() {
        assert_eq!(normalized("  a\r\n b\rc\t "), "a\n b\nc");
        assert_eq!(normalized("# *x* | y"), "# *x* | y");
        let mut o = Some(" \n ".to_owned());
        normalize_optional(&mut o);
        assert_eq!(o, None);
    }

    #[test]
    fn texts_are_checked_without_echoing_them() {
        assert!(check("Not sleeping\n\tpacing", P).is_ok());
        let e = check("", P).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the text of entry 2 in “Warning signs” is empty"
        );
        let long = "é".repeat(MAX_TEXT_CHARS + 1);
        assert!(matches!(
            check(&long, P),
            Err(PlanError::TextTooLong {
                max: MAX_TEXT_CHARS,
                ..
            })
        ));
        assert!(check(&"é".repeat(MAX_TEXT_CHARS), P).is_ok());
        let e = check("secret\u{7}word", P).unwrap_err();
        assert!(matches!(e, PlanError::ControlCharacters(_)));
        assert!(!e.to_string().contains("secret"));
    }

    #[test]
    fn phones_are_one_line_of_phone_characters() {
        assert!(check_phone("+1 (800) 273-8255", P).is_ok());
        assert!(check_phone("116 123", P).is_ok());
        assert!(check_phone("555 0101,,22#", P).is_ok());
        assert!(matches!(
            check_phone("call me", P),
            Err(PlanError::InvalidPhone(_))
        ));
        assert!(matches!(
            check_phone("+ -", P),
            Err(PlanError::InvalidPhone(_))
        ));
        assert!(matches!(
            check_phone("555\n0101", P),
            Err(PlanError::ControlCharacters(_))
        ));
        assert!(matches!(
            check_phone(&"1".repeat(MAX_PHONE_CHARS + 1), P),
            Err(PlanError::TextTooLong { .. })
        ));
    }

    #[test]
    fn counts_are_bounded() {
        assert!(check_count(MAX_ENTRIES, "Warning signs").is_ok());
        assert!(matches!(
            check_count(MAX_ENTRIES + 1, "Warning signs"),
            Err(PlanError::TooManyEntries { .. })
        ));
    }
}
