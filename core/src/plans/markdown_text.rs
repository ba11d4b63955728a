//! User text inside Markdown: escaped so it can never change the document's structure, and read
//! back exactly.
//!
//! [`escape`] puts a backslash before every character that Markdown could read as markup anywhere
//! in a line (`` \ ` * _ [ ] < > | ~ & ``), and, where the text starts a block (a list item's
//! text, a paragraph), before a leading `#`, `-`, `+`, `=` or the `.` / `)` of a leading number, so
//! `- 1. x` or `- # x` stay text. A line break becomes `<br>`, so every value stays on its own
//! line of the document, after its fixed prefix; that is what lets [`unescape`] and the reader in
//! `from_markdown.rs` find every value again. [`unescape`] is the inverse: `\` before ASCII
//! punctuation gives that character, `<br>` gives a line break, anything else is kept as it is
//! (so hand-written Markdown without escapes reads naturally).

/// Characters escaped wherever they are.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&'];

/// Characters escaped when they are the first of a text that starts a block.
const AT_START: &[char] = &['#', '-', '+', '='];

/// The line break inside a value.
pub(crate) const LINE_BREAK: &str = "<br>";

/// `text` as Markdown inline text on one line. `starts_block`: the text is the first thing of a
/// list item or paragraph.
pub(crate) fn escape(text: &str, starts_block: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Where a leading number ends, to escape the `.` or `)` after it.
    let leading_digits = if starts_block {
        text.chars().take_while(char::is_ascii_digit).count()
    } else {
        0
    };
    for (i, c) in text.chars().enumerate() {
        let number_end = leading_digits > 0 && i == leading_digits && matches!(c, '.' | ')');
        if c == '\n' {
            out.push_str(LINE_BREAK);
            continue;
        }
        if ALWAYS.contains(&c) || (starts_block && i == 0 && AT_START.contains(&c)) || number_end {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text that [`escape`] turned into `markdown`.
pub(crate) fn unescape(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        } else if c == '<' {
            if let Some(tag) = ["<br>", "<br/>", "<br />"]
                .into_iter()
                .find(|t| rest.starts_with(t))
            {
                out.push('\n');
                rest = &rest[tag.len()..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("a *b* | c", false), r"a \*b\* \| c");
        assert_eq!(escape("# not a heading", true), r"\# not a heading");
        assert_eq!(escape("# fine mid-line", false), "# fine mid-line");
        assert_eq!(escape("- x", true), r"\- x");
        assert_eq!(escape("12. x", true), r"12\. x");
        assert_eq!(escape("12 x. y", true), "12 x. y");
        assert_eq!(escape("a\nb", true), "a<br>b");
        assert_eq!(escape("<br>", false), r"\<br\>");
        assert_eq!(escape(r"C:\Users", false), r"C:\\Users");
        assert_eq!(escape("Tom & Jerry", false), r"Tom \& Jerry");
    }

    #[test]
    fn unescaped_hand_written_text_reads_as_written() {
        assert_eq!(unescape("Call Mum (mobile)."), "Call Mum (mobile).");
        assert_eq!(unescape(r"a\b"), r"a\b");
        assert_eq!(unescape("a<br/>b<br />c"), "a\nb\nc");
    }

    proptest! {
        #[test]
        fn unescape_inverts_escape(text in any::<String>(), starts_block in any::<bool>()) {
            let escaped = escape(&text, starts_block);
            prop_assert!(!escaped.contains('\n'));
            prop_assert_eq!(unescape(&escaped), text);
        }

        #[test]
        fn markup_heavy_text_round_trips(
            text in r"[\\\-#*_|<>br 0-9.()\[\]`~&+=\n]{0,40}",
            starts_block in any::<bool>(),
        ) {
            prop_assert_eq!(unescape(&escape(&text, starts_block)), text);
        }
    }
}
