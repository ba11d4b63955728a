//! Resource limits on hostile input (issue 9): a 100 MB feed, JSON nested 100,000 deep, a 10 MB
//! string in a meeting's fields and in what people type. Each gets a clear typed error; none may
//! exhaust the stack (a stack overflow aborts this whole test binary, so it fails the run). Memory
//! is measured, not asserted: see docs/fuzzing.md.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use oneday_core::checkins::{CheckIn, CheckInError};
use oneday_core::cleantime::{CleanTimeError, Counter, CounterSettings};
use oneday_core::meetings::import::bmlt::{self, BmltFormats};
use oneday_core::meetings::import::meeting_guide;
use oneday_core::meetings::{
    parse_feed, FeedFormat, ImportOptions, MeetingsError, MAX_FEED_BYTES, MAX_TEXT_BYTES,
};
use oneday_core::plans::export::{self, ExportFormat};
use oneday_core::plans::{from_markdown, LinkedContact, PlanError, SafetyPlan};
use oneday_core::support::{ContactInput, ContactRole, SupportError};
use oneday_core::vault::RecordId;

const MB: usize = 1024 * 1024;
const DEEP: usize = 100_000;

const MG_SAMPLE: &[u8] = include_bytes!("fixtures/meetings/meeting-guide-sample.json");
const BMLT_SAMPLE: &[u8] = include_bytes!("fixtures/meetings/bmlt-search-sample.json");
const FORMATS_SAMPLE: &[u8] = include_bytes!("fixtures/meetings/bmlt-formats-sample.json");

fn options() -> ImportOptions {
    ImportOptions::new("hostile")
}

/// A 100 MB feed that is valid JSON (an empty list padded with spaces): only the size check can
/// refuse it, so a refusal proves the check runs before parsing.
fn hundred_mb_feed() -> Vec<u8> {
    let mut feed = vec![b' '; 100 * MB];
    feed[0] = b'[';
    *feed.last_mut().unwrap() = b']';
    feed
}

fn assert_too_large(result: Result<impl std::fmt::Debug, MeetingsError>, size: usize) {
    match result {
        Err(MeetingsError::FeedTooLarge { size: s, max }) => {
            assert_eq!((s, max), (size, MAX_FEED_BYTES));
        }
        other => panic!("expected FeedTooLarge, got {other:?}"),
    }
}

#[test]
fn a_100_mb_feed_is_refused_before_parsing_through_every_entry_point() {
    let big = hundred_mb_feed();
    let size = big.len();
    let o = options();
    assert_too_large(parse_feed(FeedFormat::MeetingGuide, &big, None, &o), size);
    assert_too_large(parse_feed(FeedFormat::Bmlt, &big, None, &o), size);
    assert_too_large(
        parse_feed(FeedFormat::Bmlt, &big, Some(FORMATS_SAMPLE), &o),
        size,
    );
    // A small feed with a 100 MB formats answer.
    assert_too_large(
        parse_feed(FeedFormat::Bmlt, BMLT_SAMPLE, Some(&big), &o),
        size,
    );
    assert_too_large(meeting_guide::import(&big, &o), size);
    assert_too_large(bmlt::import(&big, None, &o), size);
    assert_too_large(BmltFormats::parse(&big), size);
    // The store takes an `Import`, which only these functions make: it has no bytes door of its own.
}

#[test]
fn the_size_cap_is_exact() {
    let mut at = vec![b' '; MAX_FEED_BYTES];
    at[0] = b'[';
    *at.last_mut().unwrap() = b']';
    let import = parse_feed(FeedFormat::MeetingGuide, &at, None, &options()).unwrap();
    assert_eq!(import.report.records, 0);
    at.push(b' ');
    assert_too_large(
        parse_feed(FeedFormat::MeetingGuide, &at, None, &options()),
        MAX_FEED_BYTES + 1,
    );
}

/// `depth` nested arrays, `[[[…]]]`.
fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut v = vec![b'['; depth];
    v.extend(std::iter::repeat_n(b']', depth));
    v
}

/// `depth` nested objects, `{"a":{"a":…{}…}}`.
fn nested_objects(depth: usize) -> Vec<u8> {
    let mut v = b"{\"a\":".repeat(depth);
    v.extend_from_slice(b"{}");
    v.extend(std::iter::repeat_n(b'}', depth));
    v
}

/// A valid record whose `field` holds `deep` (nested JSON).
fn record_holding(prefix: &str, deep: &[u8], suffix: &str) -> Vec<u8> {
    let mut v = prefix.as_bytes().to_vec();
    v.extend_from_slice(deep);
    v.extend_from_slice(suffix.as_bytes());
    v
}

fn assert_invalid_json(result: Result<impl std::fmt::Debug, MeetingsError>, what: &str) {
    match result {
        Err(MeetingsError::InvalidJson { reason, .. }) => {
            // serde_json's recursion limit (128) is reported as a syntax error, not a crash.
            assert!(!reason.is_empty(), "{what}");
        }
        other => panic!("{what}: expected InvalidJson, got {other:?}"),
    }
}

#[test]
fn json_nested_100_000_deep_is_a_typed_error_in_every_importer() {
    let o = options();
    for (shape, deep) in [
        ("arrays", nested_arrays(DEEP)),
        ("objects", nested_objects(DEEP)),
    ] {
        let in_record = record_holding(r#"[{"slug":"a","name":"n","types":"#, &deep, "}]");
        let in_bmlt = record_holding(r#"{"meetings":[{"id_bigint":"1","x":"#, &deep, "}]}");
        let in_formats = record_holding(r#"{"formats":[{"id":"1","key_string":"#, &deep, "}]}");
        for (what, result) in [
            (
                "Meeting Guide, whole",
                parse_feed(FeedFormat::MeetingGuide, &deep, None, &o).map(|_| ()),
            ),
            (
                "Meeting Guide, in a record",
                parse_feed(FeedFormat::MeetingGuide, &in_record, None, &o).map(|_| ()),
            ),
            (
                "BMLT, whole",
                parse_feed(FeedFormat::Bmlt, &deep, None, &o).map(|_| ()),
            ),
            (
                "BMLT, in a record",
                parse_feed(FeedFormat::Bmlt, &in_bmlt, None, &o).map(|_| ()),
            ),
            (
                "BMLT formats, whole",
                parse_feed(FeedFormat::Bmlt, BMLT_SAMPLE, Some(&deep), &o).map(|_| ()),
            ),
            (
                "BMLT formats, in a format",
                BmltFormats::parse(&in_formats).map(|_| ()),
            ),
        ] {
            assert_invalid_json(result, &format!("{what} ({shape})"));
        }
    }
}

#[test]
fn nesting_within_the_limit_still_imports() {
    // 100 levels is under serde_json's limit: the importer reads the record and ignores the value.
    let deep = nested_arrays(100);
    let feed = record_holding(r#"[{"slug":"a","name":"n","extra":"#, &deep, "}]");
    let import = parse_feed(FeedFormat::MeetingGuide, &feed, None, &options()).unwrap();
    assert_eq!(import.meetings.len(), 1);
}

/// A Meeting Guide feed with one normal meeting and one whose `field` is `len` bytes long.
fn mg_feed_with_long(field: &str, len: usize) -> Vec<u8> {
    format!(
        r#"[{{"slug":"ok","name":"Fine","day":1,"time":"19:00"}},
            {{"slug":"big","name":"Big","day":2,"time":"19:00","{field}":"{}"}}]"#,
        "x".repeat(len)
    )
    .into_bytes()
}

#[test]
fn a_10_mb_string_in_a_meeting_refuses_the_feed_with_a_typed_error() {
    let o = options();
    for field in [
        "name",
        "location",
        "notes",
        "location_notes",
        "formatted_address",
    ] {
        let feed = mg_feed_with_long(field, 10 * MB);
        let err = parse_feed(FeedFormat::MeetingGuide, &feed, None, &o).unwrap_err();
        assert_eq!(
            err,
            MeetingsError::UnexpectedShape {
                format: "Meeting Guide",
                why: "it holds a text longer than 64 KiB",
            },
            "{field}"
        );
        assert!(
            !err.to_string().contains("xxxx"),
            "the error echoes the text"
        );
    }
    for field in ["meeting_name", "location_text", "comments"] {
        let feed = format!(
            r#"[{{"id_bigint":"1","meeting_name":"A","weekday_tinyint":"2","start_time":"19:00:00",
                "{field}":"{}"}}]"#,
            "x".repeat(10 * MB)
        );
        let err = parse_feed(FeedFormat::Bmlt, feed.as_bytes(), None, &o).unwrap_err();
        assert!(
            matches!(err, MeetingsError::UnexpectedShape { format: "BMLT", .. }),
            "{field}: {err:?}"
        );
    }
    let formats = format!(
        r#"[{{"id":"1","key_string":"O","name_string":"{}"}}]"#,
        "x".repeat(10 * MB)
    );
    assert!(matches!(
        BmltFormats::parse(formats.as_bytes()),
        Err(MeetingsError::UnexpectedShape {
            format: "BMLT GetFormats",
            ..
        })
    ));
}

#[test]
fn a_long_but_sane_field_still_imports() {
    // Just under the limit: kept whole, so nothing real is lost to the cap.
    let feed = mg_feed_with_long("notes", MAX_TEXT_BYTES);
    let import = parse_feed(FeedFormat::MeetingGuide, &feed, None, &options()).unwrap();
    assert_eq!(import.meetings.len(), 2);
    assert_eq!(
        import.meetings[1].notes.as_ref().unwrap().len(),
        MAX_TEXT_BYTES
    );
    // The samples in the repository are well under it.
    for sample in [MG_SAMPLE, BMLT_SAMPLE, FORMATS_SAMPLE] {
        assert!(sample.len() < MAX_TEXT_BYTES);
    }
}

fn ten_mb_text() -> String {
    "é".repeat(5 * MB)
}

#[test]
fn ten_mb_of_typed_text_is_refused_in_every_user_field() {
    let long = ten_mb_text();
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();

    // A counter's name.
    assert!(matches!(
        Counter::new(CounterSettings::new(long.clone()), start),
        Err(CleanTimeError::NameTooLong { .. })
    ));

    // A contact's name, number and note.
    let contact = |name: &str, phone: &str, note: Option<String>| {
        ContactInput {
            name: name.to_owned(),
            role: ContactRole::Sponsor,
            phone: phone.to_owned(),
            sms_allowed: true,
            note,
        }
        .check(0)
    };
    assert!(matches!(
        contact(&long, "988", None),
        Err(SupportError::NameTooLong { .. })
    ));
    assert!(matches!(
        contact("Sam", &long, None),
        Err(SupportError::Phone(_))
    ));
    assert!(matches!(
        contact("Sam", "988", Some(long.clone())),
        Err(SupportError::NoteTooLong { .. })
    ));

    // A plan entry.
    let mut plan = SafetyPlan::default();
    plan.coping_strategies.push(long.clone());
    assert!(matches!(
        plan.validate(),
        Err(PlanError::TextTooLong { .. })
    ));

    // A check-in's journal and a gratitude item.
    let mut check_in = CheckIn::new(start);
    check_in.journal = Some(long.clone());
    assert!(matches!(
        check_in.validate(),
        Err(CheckInError::JournalTooLong { .. })
    ));
    let mut check_in = CheckIn::new(start);
    check_in.gratitude.push(long);
    assert!(matches!(
        check_in.validate(),
        Err(CheckInError::GratitudeItemTooLong { .. })
    ));
}

/// A safety plan's Markdown export with `extra` appended after its first section heading.
fn plan_markdown_with(extra: &str) -> String {
    let lookup = |_: &RecordId| -> Option<LinkedContact> { None };
    let mut plan = SafetyPlan::default();
    plan.warning_signs.push("Skipping meals".to_owned());
    let md = export::safety(&plan, ExportFormat::Markdown, &lookup);
    let at = md.find("- Skipping meals").unwrap();
    format!("{}{extra}\n{}", &md[..at], &md[at..])
}

#[test]
fn the_plan_markdown_reader_survives_deep_nesting_and_huge_lines() {
    // The exported plan reads back (the shape below is right).
    assert!(from_markdown::safety(&plan_markdown_with("")).is_ok());

    // 100,000 nested list items, each more indented.
    let nested: String = (0..DEEP)
        .map(|i| format!("{}- x\n", " ".repeat(i % 64)))
        .collect();
    assert!(from_markdown::safety(&plan_markdown_with(&nested)).is_err());

    // 100,000 block quotes: a line that fits nowhere.
    let quotes = ">".repeat(DEEP);
    assert!(from_markdown::safety(&plan_markdown_with(&quotes)).is_err());

    // 100,000 list markers on one line and a 10 MB entry are read as one long entry (the reader is
    // line by line, no recursion); the plan's own text limit refuses it, and every save checks
    // that limit (plans::store), so neither can be stored.
    for line in [
        format!("{} x", "- ".repeat(DEEP)),
        format!("- {}", ten_mb_text()),
    ] {
        let plan = from_markdown::safety(&plan_markdown_with(&line)).unwrap();
        assert!(matches!(
            plan.validate(),
            Err(PlanError::TextTooLong { .. })
        ));
    }
}

/// The user's note on a meeting has a cap like every other text a person types.
#[test]
fn a_10_mb_meeting_note_is_refused_and_1000_characters_fit() {
    use oneday_core::meetings::import::{meeting_guide, ImportOptions};
    use oneday_core::meetings::store;
    use oneday_core::meetings::MeetingsError;
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = oneday_core::vault::Vault::create(
        &dir.path().join("store"),
        &oneday_core::vault::DeviceKey::generate().unwrap(),
        oneday_core::vault::KdfParams::MINIMUM,
    )
    .unwrap();
    let sample = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/meeting-guide-sample.json"),
    )
    .unwrap();
    let parsed = meeting_guide::import(&sample, &ImportOptions::new("s")).unwrap();
    store::import(&vault, parsed, "s", None, false).unwrap();
    let id = store::list(&vault).unwrap()[0].id;
    store::set_note(&vault, &id, Some("bring the literature".into())).unwrap();
    let huge = "x".repeat(10 * 1024 * 1024);
    assert!(matches!(
        store::set_note(&vault, &id, Some(huge)),
        Err(store::MeetingStoreError::Meetings(
            MeetingsError::NoteTooLong { max: 1_000 }
        ))
    ));
    assert!(store::set_note(&vault, &id, Some("y".repeat(1_000))).is_ok());
    let kept = store::list(&vault)
        .unwrap()
        .into_iter()
        .find(|m| m.id == id)
        .unwrap();
    assert_eq!(kept.stored.user.note.unwrap().len(), 1_000);
}
