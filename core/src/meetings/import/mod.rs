//! Importers: feed bytes in, normalised meetings and a report out. Never fetches anything.
//!
//! Two formats: [`meeting_guide`] (AA's Meeting Guide JSON and its close variants) and [`bmlt`]
//! (NA's BMLT semantic JSON, with `GetFormats` to label formats). Both:
//! - refuse input over [`MAX_FEED_BYTES`] before parsing, and invalid JSON with one typed error
//!   ([`MeetingsError::InvalidJson`]); nesting deeper than serde_json's recursion limit (128) is
//!   invalid JSON too, so hostile input cannot exhaust the stack;
//! - refuse a feed holding a text longer than [`MAX_TEXT_BYTES`] (a 10 MB meeting name) as a whole
//!   ([`MeetingsError::UnexpectedShape`]): see that constant for why the feed and not the meeting;
//! - keep every record that can be a meeting, and list every record skipped or repaired in the
//!   [`ImportReport`] (by position and feed id only);
//! - give a meeting without a zone in the feed the zone the caller chose for the source
//!   ([`ImportOptions::default_zone`]), or [`MeetingZone::Unknown`], never UTC;
//! - resolve repeated ids deterministically ([`keys`]).
//!
//! [`parse_feed`] refuses a feed that only the other format reads ([`MeetingsError::WrongFormat`]);
//! the store refuses an import that yields no meeting, or removes most of a stored list, or leaves
//! meetings without a zone (see [`crate::meetings::store::import`]).
//!
//! [`MeetingZone::Unknown`]: crate::meetings::model::MeetingZone::Unknown

pub mod bmlt;
pub mod keys;
pub mod meeting_guide;
pub mod report;
pub mod schedule;
pub mod values;

use chrono_tz::Tz;
use serde_json::Value;

use super::error::MeetingsError;
use super::model::{FeedFormat, Meeting, MeetingZone};
use super::zone_name::parse_zone;
use report::{ImportReport, Issue, RecordIssue};

pub use report::{Duplicate, Resolution};

/// The largest feed accepted, in bytes (32 MiB). The largest real feed in the project's fixtures is
/// 1.3 MB; a whole region's list stays well under this. Parsing holds the feed as a JSON tree, a few
/// times its size, so this also bounds memory.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// The longest text a feed may hold, in bytes (64 KiB): any JSON string, value or key. The longest
/// in the project's fixtures is 2,510 characters (a feedback link); names, addresses and notes are
/// far shorter. A text this long is not a meeting's detail but a broken or hostile export, so the
/// whole feed is refused with a typed error rather than one meeting skipped: the rest of such an
/// export is suspect too, and the user keeps the meetings they already imported (a failed import
/// changes nothing). It also keeps every stored meeting, and so every record the vault seals and
/// every line a shell shows, a sane size.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// What the caller says about the source being imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The name of the source, the first part of every key (e.g. `"sanjose-aa"`).
    pub source: String,
    /// The fellowship of the whole list, when the caller knows it.
    pub fellowship: Option<String>,
    /// The zone for meetings whose record names none (the user's choice for this source).
    pub default_zone: Option<Tz>,
}

impl ImportOptions {
    /// Options for `source` with no fellowship and no default zone.
    pub fn new(source: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            fellowship: None,
            default_zone: None,
        }
    }

    /// The zone for a record that names `feed_zone` (possibly nothing or an unknown name); `true` in
    /// the second place when a name was given but not recognised.
    pub(crate) fn zone_for(&self, feed_zone: Option<&str>) -> (MeetingZone, bool) {
        let parsed = feed_zone.map(parse_zone);
        match parsed {
            Some(Some(tz)) => (MeetingZone::Feed(tz), false),
            other => {
                let zone = self
                    .default_zone
                    .map_or(MeetingZone::Unknown, MeetingZone::SourceDefault);
                (zone, matches!(other, Some(None)))
            }
        }
    }
}

/// The result of an import: the meetings kept, in feed order, and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The meetings kept.
    pub meetings: Vec<Meeting>,
    /// What was skipped, repaired and de-duplicated.
    pub report: ImportReport,
}

/// Parses a feed of `format`: the one entry point shells use, so the choice of importer lives here.
/// `bmlt_formats` is the `GetFormats` answer that resolves a BMLT feed's format ids; it is ignored
/// for Meeting Guide feeds.
///
/// A feed that yields no meeting as `format` (or is not shaped as one) but does as the other format
/// is refused with [`MeetingsError::WrongFormat`], naming the format it looks like: a slip of a
/// flag must not be read as a list emptied upstream.
///
/// ```
/// use oneday_core::meetings::{parse_feed, FeedFormat, ImportOptions, MeetingsError};
/// let guide = br#"[{"slug":"a","name":"A","day":1,"time":"07:00"}]"#;
/// let err = parse_feed(FeedFormat::Bmlt, guide, None, &ImportOptions::new("s")).unwrap_err();
/// assert_eq!(err, MeetingsError::WrongFormat { given: FeedFormat::Bmlt, looks_like: FeedFormat::MeetingGuide });
/// ```
pub fn parse_feed(
    format: FeedFormat,
    bytes: &[u8],
    bmlt_formats: Option<&[u8]>,
    options: &ImportOptions,
) -> Result<Import, MeetingsError> {
    let parsed = parse_as(format, bytes, bmlt_formats, options);
    let nothing = match &parsed {
        Ok(import) => import.meetings.is_empty(),
        Err(e) => matches!(e, MeetingsError::UnexpectedShape { .. }),
    };
    if nothing {
        let other = format.other();
        if parse_as(other, bytes, None, options).is_ok_and(|i| !i.meetings.is_empty()) {
            return Err(MeetingsError::WrongFormat {
                given: format,
                looks_like: other,
            });
        }
    }
    parsed
}

/// Parses a feed with the importer of `format`.
fn parse_as(
    format: FeedFormat,
    bytes: &[u8],
    bmlt_formats: Option<&[u8]>,
    options: &ImportOptions,
) -> Result<Import, MeetingsError> {
    match format {
        FeedFormat::MeetingGuide => meeting_guide::import(bytes, options),
        FeedFormat::Bmlt => {
            let formats = bmlt_formats.map(bmlt::BmltFormats::parse).transpose()?;
            bmlt::import(bytes, formats.as_ref(), options)
        }
    }
}

/// Parses bytes of `format` into a JSON tree after the size check, then checks no text in it is
/// longer than [`MAX_TEXT_BYTES`].
pub(crate) fn parse_json(bytes: &[u8], format: &'static str) -> Result<Value, MeetingsError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(MeetingsError::FeedTooLarge {
            size: bytes.len(),
            max: MAX_FEED_BYTES,
        });
    }
    let root = serde_json::from_slice(bytes).map_err(|e| MeetingsError::InvalidJson {
        line: e.line(),
        column: e.column(),
        reason: match e.classify() {
            serde_json::error::Category::Eof => "it ends early".to_owned(),
            serde_json::error::Category::Syntax => "a syntax error".to_owned(),
            serde_json::error::Category::Data | serde_json::error::Category::Io => {
                "unreadable data".to_owned()
            }
        },
    })?;
    if longest_text(&root) > MAX_TEXT_BYTES {
        return Err(MeetingsError::UnexpectedShape {
            format,
            why: "it holds a text longer than 64 KiB",
        });
    }
    Ok(root)
}

/// The length in bytes of the longest string (value or key) in `root`. Walks with its own stack, so
/// depth costs heap, not call stack (serde_json's recursion limit bounds it anyway).
fn longest_text(root: &Value) -> usize {
    let mut longest = 0;
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => longest = longest.max(s.len()),
            Value::Array(a) => stack.extend(a),
            Value::Object(o) => {
                for (k, v) in o {
                    longest = longest.max(k.len());
                    stack.push(v);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    longest
}

/// Collects the issues of one record while it is converted.
pub(crate) struct RecordLog {
    index: usize,
    id: Option<String>,
    issues: Vec<Issue>,
}

impl RecordLog {
    pub(crate) fn new(index: usize) -> Self {
        Self {
            index,
            id: None,
            issues: Vec::new(),
        }
    }

    pub(crate) fn set_id(&mut self, id: &str) {
        self.id = Some(id.to_owned());
    }

    pub(crate) fn repair(&mut self, issue: Issue) {
        if !self.issues.contains(&issue) {
            self.issues.push(issue);
        }
    }

    /// A skipped record's entry.
    pub(crate) fn skip(self, issue: Issue) -> RecordIssue {
        RecordIssue {
            index: self.index,
            id: self.id,
            issue,
        }
    }

    /// The repairs of a kept record.
    pub(crate) fn into_repairs(self) -> Vec<RecordIssue> {
        let (index, id) = (self.index, self.id);
        self.issues
            .into_iter()
            .map(|issue| RecordIssue {
                index,
                id: id.clone(),
                issue,
            })
            .collect()
    }
}

/// A converted record: the meeting and its repairs, or why it was skipped.
pub(crate) type Converted = Result<(Meeting, Vec<RecordIssue>), RecordIssue>;

/// Builds an [`Import`] from per-record results (in feed order), resolving repeated ids.
pub(crate) fn finish(mut report: ImportReport, converted: Vec<(usize, Converted)>) -> Import {
    let mut kept = Vec::new();
    for (index, result) in converted {
        match result {
            Ok((m, repairs)) => {
                report.repaired.extend(repairs);
                kept.push((index, m));
            }
            Err(skip) => report.skipped.push(skip),
        }
    }
    let (meetings, duplicates) = keys::assign(kept);
    report.duplicates = duplicates;
    report.kept = meetings.len();
    Import { meetings, report }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn longest_text_counts_values_and_keys_at_any_depth() {
        let v: Value = serde_json::from_str(r#"[{"abcd":[["xy"]]},"z",1,null]"#).unwrap();
        assert_eq!(longest_text(&v), 4);
        let v: Value = serde_json::from_str(r#"[[[["123456"]]]]"#).unwrap();
        assert_eq!(longest_text(&v), 6);
        assert_eq!(longest_text(&Value::Null), 0);
    }

    #[test]
    fn a_text_over_the_limit_refuses_the_feed_without_echoing_it() {
        let at_limit = format!(r#"[{{"name":"{}"}}]"#, "a".repeat(MAX_TEXT_BYTES));
        assert!(parse_json(at_limit.as_bytes(), "Meeting Guide").is_ok());
        let over = format!(r#"[{{"name":"{}"}}]"#, "a".repeat(MAX_TEXT_BYTES + 1));
        let err = parse_json(over.as_bytes(), "Meeting Guide").unwrap_err();
        assert_eq!(
            err,
            MeetingsError::UnexpectedShape {
                format: "Meeting Guide",
                why: "it holds a text longer than 64 KiB",
            }
        );
        assert!(!err.to_string().contains("aaaa"));
        let long_key = format!(r#"{{"{}":1}}"#, "k".repeat(MAX_TEXT_BYTES + 1));
        assert!(parse_json(long_key.as_bytes(), "BMLT").is_err());
    }
}
