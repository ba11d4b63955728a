//! Reading input from outside the program (files, devices, pipes, stdin, downloads) without ever
//! reading more than a limit.
//!
//! Every read of outside input goes through [`read_bounded`] (or [`read_line_bounded`] for one
//! typed line): at most `limit + 1` bytes are read, so an endless source (`/dev/zero`, `yes |`, a
//! server that never stops) is refused as soon as it passes the limit, with memory bounded by the
//! limit, and nothing after that byte is read. Each area names its own limit once, here in core:
//! [`crate::meetings::MAX_FEED_BYTES`], [`crate::backup::MAX_BACKUP_FILE_BYTES`],
//! [`crate::plans::MAX_MARKDOWN_BYTES`] and [`MAX_LINE_BYTES`].

use std::io::{BufRead, ErrorKind, Read};

use thiserror::Error;
use zeroize::Zeroizing;

/// The longest line of typed or piped text read (a label, note, journal entry, passphrase, recovery
/// code), in bytes: four times the longest text field's cap in characters (a counter attempt's
/// note, 4,000), since a character is at most four bytes of UTF-8. A longer line cannot fit any
/// field, so it is refused before the field's own check; a shorter one still meets that check.
pub const MAX_LINE_BYTES: usize = 4 * crate::cleantime::attempts::MAX_NOTE_CHARS;

// Checked when compiling: every other text field's cap fits in a line.
const _: () = assert!(
    MAX_LINE_BYTES >= 4 * crate::checkins::checkin::MAX_JOURNAL_CHARS
        && MAX_LINE_BYTES >= 4 * crate::support::contact::MAX_NOTE_CHARS
        && MAX_LINE_BYTES >= 4 * crate::meetings::model::MAX_NOTE_CHARS
        && MAX_LINE_BYTES >= 4 * crate::plans::text::MAX_TEXT_CHARS
);

/// How much is read at a time.
const CHUNK: usize = 64 * 1024;

/// Why outside input could not be read.
#[derive(Debug, Error)]
pub enum InputError {
    /// The input holds more than `limit` bytes; reading stopped at the first byte past it.
    #[error("the input is larger than {limit} bytes")]
    TooLarge {
        /// The limit that was passed.
        limit: usize,
    },
    /// The read itself failed.
    #[error("the input could not be read: {0}")]
    Io(#[source] std::io::Error),
}

/// Reads `reader` to its end, refusing it with [`InputError::TooLarge`] as soon as it holds more
/// than `limit` bytes: at most `limit + 1` bytes are ever read.
pub fn read_bounded(reader: impl Read, limit: usize) -> Result<Vec<u8>, InputError> {
    read_bounded_with_progress(reader, limit, &mut |_| {})
}

/// [`read_bounded`], calling `progress(bytes read so far)` after each chunk (for a download's
/// progress bar).
pub fn read_bounded_with_progress(
    reader: impl Read,
    limit: usize,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, InputError> {
    let mut limited = reader.take(limit as u64 + 1);
    let mut body = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let n = match limited.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(InputError::Io(e)),
        };
        if body.len() + n > limit {
            return Err(InputError::TooLarge { limit });
        }
        body.extend_from_slice(chunk.get(..n).unwrap_or_default());
        progress(body.len() as u64);
    }
    Ok(body)
}

/// Reads one line (up to and including its `\n`, or to the end of input), refusing it with
/// [`InputError::TooLarge`] when it runs past `limit` bytes without ending; `None` when the input
/// has already ended. The buffer is reserved once and zeroed when dropped, so a secret read here
/// leaves no copy behind.
pub fn read_line_bounded(
    reader: &mut impl BufRead,
    limit: usize,
) -> Result<Option<Zeroizing<Vec<u8>>>, InputError> {
    let mut line = Zeroizing::new(Vec::with_capacity(limit.saturating_add(1).min(CHUNK)));
    let n = match reader.take(limit as u64 + 1).read_until(b'\n', &mut line) {
        Ok(n) => n,
        Err(e) => return Err(InputError::Io(e)),
    };
    if n == 0 {
        return Ok(None);
    }
    if line.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(Some(line))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A reader that counts what it hands out, to show nothing past the limit is read.
    struct Endless {
        given: u64,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(0);
            self.given += buf.len() as u64;
            Ok(buf.len())
        }
    }

    impl BufRead for Endless {
        fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
            Ok(&[b'y'; 512])
        }
        fn consume(&mut self, amt: usize) {
            self.given += amt as u64;
        }
    }

    #[test]
    fn an_endless_reader_is_refused_after_limit_plus_one_bytes() {
        let mut endless = Endless { given: 0 };
        let e = read_bounded(&mut endless, 1000).unwrap_err();
        assert!(matches!(e, InputError::TooLarge { limit: 1000 }), "{e:?}");
        assert_eq!(endless.given, 1001);
    }

    #[test]
    fn the_limit_is_exact() {
        let at = vec![7u8; 4096];
        assert_eq!(read_bounded(&at[..], 4096).unwrap(), at);
        assert!(matches!(
            read_bounded(&at[..], 4095),
            Err(InputError::TooLarge { limit: 4095 })
        ));
        assert!(read_bounded(&b""[..], 0).unwrap().is_empty());
    }

    #[test]
    fn progress_counts_what_arrived() {
        let mut seen = Vec::new();
        let body = read_bounded_with_progress(&b"[1,2,3]"[..], 7, &mut |n| seen.push(n)).unwrap();
        assert_eq!(body, b"[1,2,3]");
        assert_eq!(seen, [7]);
    }

    #[test]
    fn a_failing_read_is_an_io_error() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::new(ErrorKind::BrokenPipe, "gone"))
            }
        }
        assert!(matches!(read_bounded(Broken, 10), Err(InputError::Io(_))));
    }

    #[test]
    fn lines_are_read_one_at_a_time_and_bounded() {
        let mut input = &b"first\nsecond"[..];
        assert_eq!(
            read_line_bounded(&mut input, 10)
                .unwrap()
                .unwrap()
                .as_slice(),
            b"first\n"
        );
        assert_eq!(
            read_line_bounded(&mut input, 10)
                .unwrap()
                .unwrap()
                .as_slice(),
            b"second"
        );
        assert!(read_line_bounded(&mut input, 10).unwrap().is_none());

        let mut endless = Endless { given: 0 };
        let e = read_line_bounded(&mut endless, 2000).unwrap_err();
        assert!(matches!(e, InputError::TooLarge { limit: 2000 }), "{e:?}");
        assert_eq!(endless.given, 2001);

        // A line of exactly the limit, with its newline past it, is still too long to be whole.
        let mut exact = &b"abcd\n"[..];
        assert!(read_line_bounded(&mut exact, 4).is_err());
        let mut exact = &b"abc\n"[..];
        assert!(read_line_bounded(&mut exact, 4).is_ok());
    }
}
