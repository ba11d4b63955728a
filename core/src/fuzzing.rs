//! Fuzz targets: one function per input door, each driving the real API with arbitrary bytes.
//!
//! The cargo-fuzz crate in `core/fuzz/` calls these (one line per target), and
//! `core/tests/fuzz_regressions.rs` runs the committed seeds and every crash ever found through them,
//! so `cargo test` replays the regressions. Each function must never panic on any input: a typed
//! error is the right answer to bad bytes. Where it is cheap, each also checks a property of what
//! was accepted, and panics (a fuzz "crash") when the property fails. See `docs/fuzzing.md`.

use std::collections::BTreeSet;

use chrono_tz::Tz;

use crate::date::{parse_date, parse_date_time, parse_time};
use crate::meetings::import::bmlt::BmltFormats;
use crate::meetings::import::{parse_feed, Import, ImportOptions};
use crate::meetings::{Coordinates, FeedFormat, Meeting, Schedule};
use crate::support::{sms, PhoneNumber};
use crate::vault::envelope::RecordSealer;
use crate::vault::keys::KeyId;
use crate::vault::payload;
use crate::vault::RecordId;

/// The options every import target uses: a named source with a default zone, so the zone code path
/// for records without a zone runs too.
fn import_options() -> ImportOptions {
    ImportOptions {
        source: "fuzz".to_owned(),
        fellowship: Some("NA".to_owned()),
        default_zone: Some(Tz::Europe__Berlin),
    }
}

/// Fuzzes the Meeting Guide importer ([`parse_feed`] with [`FeedFormat::MeetingGuide`]) and checks
/// every import it accepts (see [`check_import`]).
pub fn meeting_guide_feed(data: &[u8]) {
    if let Ok(import) = parse_feed(FeedFormat::MeetingGuide, data, None, &import_options()) {
        check_import(&import);
    }
}

/// Fuzzes the BMLT importer with a `GetSearchResults` answer (no separate formats list; formats
/// embedded in the answer are read) and checks every import it accepts.
pub fn bmlt_feed(data: &[u8]) {
    if let Ok(import) = parse_feed(FeedFormat::Bmlt, data, None, &import_options()) {
        check_import(&import);
    }
}

/// A small BMLT search answer whose formats come from the formats list under test.
const BMLT_FORMATS_PROBE: &[u8] =
    br#"[{"id_bigint":"1","meeting_name":"Probe","weekday_tinyint":"2",
"start_time":"19:00:00","duration_time":"01:00:00","venue_type":"3","formats":"O,VM,HY,TC",
"format_shared_id_list":"1,2,3,4,17,54","virtual_meeting_link":"https://example.org/j/1",
"location_street":"1 Main St","location_municipality":"Town"}]"#;

/// Fuzzes the BMLT `GetFormats` reader, then imports a small fixed search answer through
/// [`parse_feed`] with the accepted formats list, and checks that import.
pub fn bmlt_formats(data: &[u8]) {
    if BmltFormats::parse(data).is_err() {
        return;
    }
    let import = parse_feed(
        FeedFormat::Bmlt,
        BMLT_FORMATS_PROBE,
        Some(data),
        &import_options(),
    );
    match import {
        Ok(import) => {
            check_import(&import);
            assert_eq!(import.meetings.len(), 1, "the probe meeting was not kept");
        }
        Err(e) => panic!("a formats list that parses broke the probe import: {e}"),
    }
}

/// Checks what an importer accepted: counts add up, keys are unique, every schedule is well formed,
/// coordinates are real, and every meeting survives the JSON round trip the vault stores it with.
pub fn check_import(import: &Import) {
    let report = &import.report;
    assert_eq!(report.kept, import.meetings.len(), "kept count");
    assert!(
        report.kept + report.skipped.len() <= report.records,
        "more meetings kept and skipped than records"
    );
    let mut keys = BTreeSet::new();
    for m in &import.meetings {
        assert!(keys.insert(m.key.clone()), "a key is used twice: {}", m.key);
        check_meeting(m);
    }
}

fn check_meeting(m: &Meeting) {
    assert!(!m.name.trim().is_empty(), "empty name kept");
    assert!(!m.key.id.trim().is_empty(), "empty id kept");
    if let Schedule::Weekly {
        weekdays,
        duration_minutes,
        ..
    } = &m.schedule
    {
        assert!(!weekdays.is_empty(), "a weekly meeting without a weekday");
        let order: Vec<u32> = weekdays.iter().map(|d| d.num_days_from_sunday()).collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "weekdays not sorted or repeated: {order:?}"
        );
        if let Some(d) = duration_minutes {
            assert!((1..=24 * 60).contains(d), "duration out of range: {d}");
        }
    }
    if let Some(c) = m.location.coordinates {
        assert_eq!(
            Coordinates::new(c.latitude, c.longitude),
            Some(c),
            "coordinates kept that are not valid"
        );
    }
    if let Some(url) = &m.online.url {
        assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "a conference link that is not http(s) was kept"
        );
    }
    let json = serde_json::to_vec(m).unwrap_or_else(|e| panic!("meeting does not serialise: {e}"));
    let back: Meeting =
        serde_json::from_slice(&json).unwrap_or_else(|e| panic!("meeting does not read back: {e}"));
    assert_eq!(&back, m, "meeting changed through the JSON round trip");
}

/// The fixed record-sealing subkey the `sealed_record` target uses.
const FUZZ_SUBKEY: [u8; 32] = [0x5e; 32];
/// The fixed key id the `sealed_record` target uses.
const FUZZ_KEY_ID: u32 = 0x0a0b_0c0d;
/// The fixed row id the `sealed_record` target uses.
const FUZZ_RECORD_ID: [u8; 16] = [0x11; 16];

fn fuzz_sealer() -> RecordSealer {
    match RecordSealer::from_subkey(&FUZZ_SUBKEY, KeyId(FUZZ_KEY_ID)) {
        Ok(s) => s,
        Err(e) => panic!("the fixed fuzz key is refused: {e}"),
    }
}

/// Seals `payload` under the fixed key and row id of the `sealed_record` target: how the committed
/// seed of a valid sealed record is made.
pub fn seal_for_fuzzing(payload: &[u8]) -> Vec<u8> {
    let id = RecordId::from_bytes(FUZZ_RECORD_ID);
    match fuzz_sealer().seal(&id, payload) {
        Ok(sealed) => sealed,
        Err(e) => panic!("sealing failed: {e}"),
    }
}

/// Opens `sealed` under the fixed key and row id of the `sealed_record` target: the payload, or
/// `None` when it does not open.
pub fn open_for_fuzzing(sealed: &[u8]) -> Option<Vec<u8>> {
    let id = RecordId::from_bytes(FUZZ_RECORD_ID);
    fuzz_sealer()
        .open(&id, sealed.to_vec())
        .ok()
        .map(|p| p.to_vec())
}

/// Fuzzes the sealed-record opener and the payload reader.
///
/// 1. `data` is opened as a sealed record under a fixed key and row id (both ways the vault opens:
///    owned and into a reused buffer); both must agree, and a record that opens is split and decoded
///    like the vault does.
/// 2. `data` is sealed as a payload and opened again: it must come back byte for byte, and must not
///    open under another row id.
/// 3. `data` is split and decoded as an already opened payload (the part behind the GCM tag, which
///    arbitrary sealed bytes never reach).
pub fn sealed_record(data: &[u8]) {
    let sealer = fuzz_sealer();
    let id = RecordId::from_bytes(FUZZ_RECORD_ID);

    let owned = sealer.open(&id, data.to_vec());
    let mut scratch = zeroize::Zeroizing::new(Vec::new());
    let into = sealer.open_into(&id, data, &mut scratch);
    match (&owned, into) {
        (Ok(a), Ok(b)) => {
            assert_eq!(&a[..], b, "the two openers disagree");
            read_payload(&id, a);
        }
        (Err(_), Err(_)) => {}
        _ => panic!("one opener accepted what the other refused"),
    }

    let sealed = match sealer.seal(&id, data) {
        Ok(s) => s,
        Err(e) => panic!("sealing failed: {e}"),
    };
    match sealer.open(&id, sealed.clone()) {
        Ok(plain) => assert_eq!(&plain[..], data, "round trip changed the payload"),
        Err(e) => panic!("a freshly sealed record does not open: {e}"),
    }
    let other = RecordId::from_bytes([0x22; 16]);
    assert!(
        sealer.open(&other, sealed).is_err(),
        "a record opened under another row id"
    );

    read_payload(&id, data);
}

/// Splits and decodes an opened payload the way the vault's readers do.
fn read_payload(id: &RecordId, plain: &[u8]) {
    if let Ok(opened) = payload::split(id, plain) {
        let body = plain
            .get(opened.body.clone())
            .unwrap_or_else(|| panic!("split returned a body range outside the payload"));
        let _ = payload::decode::<serde_json::Value>(id, body);
    }
}

/// Fuzzes [`parse_date`], [`parse_time`] and [`parse_date_time`] with `data` as text (lossy UTF-8):
/// whatever parses re-formats and re-parses to the same value, and a date is exactly its ISO form.
pub fn date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(d) = parse_date(&text) {
        let iso = d.format("%Y-%m-%d").to_string();
        assert_eq!(
            iso, text,
            "a date that is not exactly its ISO form was accepted"
        );
        assert_eq!(parse_date(&iso), Ok(d), "date does not re-parse");
    }
    if let Ok(t) = parse_time(&text) {
        let iso = t.format("%H:%M:%S%.f").to_string();
        assert_eq!(parse_time(&iso), Ok(t), "time does not re-parse");
    }
    if let Ok(dt) = parse_date_time(&text) {
        let s = dt.format("%Y-%m-%d %H:%M:%S%.f").to_string();
        assert_eq!(parse_date_time(&s), Ok(dt), "date and time do not re-parse");
        let s = dt.format("%Y-%m-%dT%H:%M:%S%.f").to_string();
        assert_eq!(parse_date_time(&s), Ok(dt), "date T time does not re-parse");
    }
}

/// Fuzzes [`PhoneNumber::parse`] and the `tel:` / `sms:` URIs with `data` as text (lossy UTF-8). An
/// accepted number re-parses equal from its typed form, its dial string and its dial string with the
/// same pauses or extension; its URIs hold only the characters they may hold. The text is also
/// used as an SMS body.
pub fn phone(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let body = Some(text.as_ref());
    if let Ok(n) = PhoneNumber::parse(&text) {
        assert_eq!(PhoneNumber::parse(n.as_typed()).as_ref(), Ok(&n));
        let dial = n.dial_string();
        let plain = PhoneNumber::parse(&dial)
            .unwrap_or_else(|e| panic!("the dial string does not re-parse: {e}"));
        assert_eq!(plain.dial_string(), dial);
        assert_eq!(plain.is_global(), n.is_global());
        if let Some(post) = n.post_dial() {
            let again = PhoneNumber::parse(&format!("{dial}{post}"))
                .unwrap_or_else(|e| panic!("the number with its pauses does not re-parse: {e}"));
            assert_eq!(again.post_dial(), Some(post));
        }
        if let Some(ext) = n.extension() {
            let again = PhoneNumber::parse(&format!("{dial} x{ext}"))
                .unwrap_or_else(|e| panic!("the number with its extension does not re-parse: {e}"));
            assert_eq!(again.extension(), Some(ext));
        }
        let tel = n.tel_uri();
        assert!(tel.starts_with(&format!("tel:{dial}")), "tel URI prefix");
        assert!(
            tel[4..]
                .chars()
                .all(|c| c.is_ascii_digit() || "+,;=ext".contains(c)),
            "tel URI holds a character it should not"
        );
        let sms = sms::sms_uri(&n, body);
        assert!(sms.starts_with(&format!("sms:{dial}")), "sms URI prefix");
        check_percent_encoded(sms.split_once("?body=").map_or("", |(_, b)| b));
    }
    let encoded = sms::percent_encode(&text);
    check_percent_encoded(&encoded);
    let _ = sms::check_message(&text);
}

/// Every character is unreserved or part of a `%XX` escape, and the escapes decode to UTF-8.
fn check_percent_encoded(s: &str) {
    let bytes = s.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .unwrap_or_else(|| panic!("a broken percent escape"));
            decoded.push(hex);
            i += 3;
        } else {
            assert!(
                b.is_ascii_alphanumeric() || b"-._~".contains(&b),
                "an unescaped reserved byte"
            );
            decoded.push(b);
            i += 1;
        }
    }
    assert!(String::from_utf8(decoded).is_ok(), "escapes are not UTF-8");
}

/// Fuzzes the backup reader ([`crate::backup`]) short of Argon2id, which no fuzzer can afford per
/// input: the bytes as a whole file's header, as decrypted contents (every record then read as its
/// kind, as a restore does before writing), and sealed then opened under a fixed key, which must
/// give the same bytes back.
pub fn backup_file(data: &[u8]) {
    crate::backup::read_untrusted(data);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_sealed_seed_opens_and_round_trips() {
        let sealed = seal_for_fuzzing(b"\x01\x07setting\x00\x00\x00\x02\"x\"");
        let id = RecordId::from_bytes(FUZZ_RECORD_ID);
        assert!(fuzz_sealer().open(&id, sealed.clone()).is_ok());
        sealed_record(&sealed);
    }

    #[test]
    fn targets_accept_empty_and_garbage() {
        for data in [&b""[..], b"\xff\xfe", b"[", b"{}", b"[{}]", b"null"] {
            meeting_guide_feed(data);
            bmlt_feed(data);
            bmlt_formats(data);
            sealed_record(data);
            date(data);
            phone(data);
        }
    }

    #[test]
    fn properties_hold_on_good_values() {
        date(b"2024-02-29");
        date(b"2024-02-29 9:05");
        phone(b"+1 (555) 123-4567 ext. 89");
        phone(b"555 0100,,12;3");
        meeting_guide_feed(br#"[{"slug":"a","name":"M","day":[1,1,0],"time":"07:00"}]"#);
        bmlt_formats(br#"[{"id":"1","key_string":"O","world_id":"OPEN"}]"#);
    }
}
