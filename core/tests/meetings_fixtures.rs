//! Every shared fixture feed imports without a panic, with exact counts for several; plus the
//! project's own small samples and the time-zone cases of issue 5.
//!
//! The shared fixtures (real feeds, not in this repository) are read from the directory in the
//! `ONEDAY_FIXTURES` environment variable (`tests/run.sh` sets it to `../shared/fixtures` when that
//! exists; a relative path is taken from the current directory, else from the workspace root). When
//! the variable is unset and `../shared/fixtures` is missing (a bare clone), the real-feed tests are
//! skipped and say so (see [`fixtures`]); under `CI=true` they fail instead. The project's own
//! samples (`tests/fixtures/meetings`) cover every importer path without the real feeds.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};

mod vault_support;

use chrono::TimeZone;
use chrono_tz::{America, Europe};
use oneday_core::meetings::import::bmlt::{self, BmltFormats};
use oneday_core::meetings::import::{meeting_guide, Import, ImportOptions};
use oneday_core::meetings::{
    next, AttendanceMode, Issue, MeetingFilter, MeetingsError, Schedule, SourceZones,
};

/// Where the real feeds are looked for when `ONEDAY_FIXTURES` is unset: beside the clone.
const BESIDE: &str = "../shared/fixtures";

/// The real feeds' directory, or `None` when this test is skipped for want of them.
///
/// - `ONEDAY_FIXTURES` set: that directory must hold the feeds, else the test fails.
/// - Unset: `../shared/fixtures` beside the workspace is used when it holds the feeds. When it
///   does not, the test fails under `CI=true` (CI always checks the real feeds); otherwise it is
///   skipped, visibly: one line on stderr, and one line appended to the file named by
///   `ONEDAY_SKIPPED_TESTS` when set (`tests/run.sh` counts those lines in its summary).
fn fixtures(test: &str) -> Option<PathBuf> {
    if let Some(v) = std::env::var_os("ONEDAY_FIXTURES") {
        // A relative path is taken from the workspace root (where tests/run.sh runs), since
        // cargo runs this test from core/.
        let mut p = PathBuf::from(v);
        if p.is_relative() && !p.exists() {
            p = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(p);
        }
        assert!(
            p.join("meeting-guide").is_dir(),
            "ONEDAY_FIXTURES={} has no meeting-guide/ folder",
            p.display()
        );
        return Some(p);
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(BESIDE);
    if beside.join("meeting-guide").is_dir() {
        return Some(beside);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and the real feeds are missing: {} does not exist and ONEDAY_FIXTURES is not set",
        beside.display()
    );
    record_skip(test);
    None
}

/// Says on stderr that `test` was skipped, and appends its name to `ONEDAY_SKIPPED_TESTS`.
fn record_skip(test: &str) {
    use std::io::Write;
    // Written to stderr directly, not through `eprintln!`, which the test harness captures and
    // hides for a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: real feeds not found ({BESIDE} missing, ONEDAY_FIXTURES not set)"
    );
    if let Some(log) = std::env::var_os("ONEDAY_SKIPPED_TESTS") {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| writeln!(f, "meetings_fixtures::{test}"));
        assert!(
            appended.is_ok(),
            "could not record the skip in ONEDAY_SKIPPED_TESTS={}: {appended:?}",
            log.to_string_lossy()
        );
    }
}

fn own(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings")
            .join(name),
    )
    .unwrap()
}

fn is_formats_file(p: &Path) -> bool {
    p.file_name()
        .unwrap()
        .to_string_lossy()
        .contains("GetFormats")
        || p.file_name()
            .unwrap()
            .to_string_lossy()
            .contains("GetServiceBodies")
}

fn import_mg(p: &Path) -> Result<Import, MeetingsError> {
    meeting_guide::import(&std::fs::read(p).unwrap(), &ImportOptions::new("fixture"))
}

fn import_bmlt(p: &Path, formats: Option<&BmltFormats>) -> Result<Import, MeetingsError> {
    bmlt::import(
        &std::fs::read(p).unwrap(),
        formats,
        &ImportOptions::new("fixture"),
    )
}

/// (kept, skipped, repaired records, duplicates, by appointment)
fn counts(i: &Import) -> (usize, usize, usize, usize, usize) {
    (
        i.meetings.len(),
        i.report.skipped.len(),
        i.report.repaired_records(),
        i.report.duplicates.len(),
        i.meetings
            .iter()
            .filter(|m| m.schedule == Schedule::ByAppointment)
            .count(),
    )
}

fn count_issue(i: &Import, pred: impl Fn(&Issue) -> bool) -> usize {
    i.report.repaired.iter().filter(|r| pred(&r.issue)).count()
}

#[test]
fn every_fixture_imports_without_panic() {
    let Some(dir) = fixtures("every_fixture_imports_without_panic") else {
        return;
    };
    let mut seen = 0;
    for sub in ["meeting-guide", "bmlt"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for p in files {
            seen += 1;
            let bytes = std::fs::read(&p).unwrap();
            let result = if sub == "bmlt" && !is_formats_file(&p) {
                bmlt::import(&bytes, None, &ImportOptions::new("f")).map(|i| i.report)
            } else if sub == "bmlt" {
                // Formats and service bodies are not meeting lists; formats must parse.
                if p.to_string_lossy().contains("GetFormats") {
                    assert!(
                        !BmltFormats::parse(&bytes).unwrap().is_empty(),
                        "{}",
                        p.display()
                    );
                }
                continue;
            } else {
                meeting_guide::import(&bytes, &ImportOptions::new("f")).map(|i| i.report)
            };
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            match result {
                Ok(r) => {
                    assert_eq!(
                        r.kept + r.skipped.len() + r.dropped_duplicates(),
                        r.records,
                        "{name}"
                    );
                    println!(
                        "{name}: records {} kept {} skipped {} repaired {} duplicates {}",
                        r.records,
                        r.kept,
                        r.skipped.len(),
                        r.repaired_records(),
                        r.duplicates.len()
                    );
                }
                Err(e) => {
                    assert!(name.contains("invalid"), "{name}: {e}");
                    println!("{name}: {e}");
                }
            }
            // Every other file kind also survives the other importer without a panic.
            let _ = meeting_guide::import(&bytes, &ImportOptions::new("f"));
            let _ = bmlt::import(&bytes, None, &ImportOptions::new("f"));
        }
    }
    assert!(seen >= 30, "only {seen} fixture files found");
}

/// Re-importing a feed into the vault must see every meeting as unchanged: what the vault gives back
/// equals what was written (coordinates included, which needs serde_json's exact float round trip).
#[test]
fn every_meeting_guide_fixture_re_imports_into_the_vault_unchanged() {
    use oneday_core::meetings::store;
    let Some(dir) = fixtures("every_meeting_guide_fixture_re_imports_into_the_vault_unchanged")
    else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("meeting-guide"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut checked = 0;
    for p in files {
        let Ok(first) = import_mg(&p) else { continue };
        let kept = first.meetings.len();
        if kept == 0 {
            continue; // nothing to store: refused as NothingImported (tested in meeting_store.rs)
        }
        let t = vault_support::new_vault();
        store::import(&t.vault, first, "fixture", Some(chrono_tz::UTC), false).unwrap();
        let again =
            store::import(&t.vault, import_mg(&p).unwrap(), "fixture", None, false).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(again.counts.updated, 0, "{name}");
        assert_eq!(again.counts.added, 0, "{name}");
        assert_eq!(again.counts.unchanged, kept, "{name}");
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} feeds checked");
}

/// Issue 16: the row count of a store names no list. The 693-meeting San Jose list and a
/// 100-meeting list give stores of the same number of rows.
#[test]
fn the_san_jose_list_and_a_100_meeting_list_take_the_same_rows() {
    use oneday_core::meetings::store;
    let Some(dir) = fixtures("the_san_jose_list_and_a_100_meeting_list_take_the_same_rows") else {
        return;
    };
    let rows = |import: Import| {
        let t = vault_support::new_vault();
        store::import(&t.vault, import, "list", Some(chrono_tz::UTC), false).unwrap();
        t.vault.list_all().unwrap().len()
    };
    let san_jose = mg(&dir, "tsml-ui__aasanjose.test.json");
    assert_eq!(san_jose.meetings.len(), 693);
    let mut hundred = mg(&dir, "tsml-ui__aasanjose.test.json");
    hundred.meetings.truncate(100);
    hundred.report.kept = 100;
    assert_eq!(rows(san_jose), rows(hundred));
}

fn mg(dir: &Path, name: &str) -> Import {
    import_mg(&dir.join("meeting-guide").join(name)).unwrap()
}

#[test]
fn exact_counts_meeting_guide() {
    let Some(dir) = fixtures("exact_counts_meeting_guide") else {
        return;
    };
    // (kept, skipped, repaired records, duplicates, by appointment)
    let sj = mg(&dir, "tsml-ui__aasanjose.test.json");
    assert_eq!(counts(&sj), (693, 0, 3, 1, 0));
    assert_eq!(count_issue(&sj, |i| *i == Issue::EndPastMidnight), 1);
    assert_eq!(count_issue(&sj, |i| *i == Issue::EndTimeDropped), 2);
    let dup = &sj.report.duplicates[0];
    assert_eq!(
        (dup.id.as_str(), dup.index, dup.first_index),
        ("pass-it-on-group", 511, 331)
    );
    assert!(sj
        .meetings
        .iter()
        .any(|m| m.key.to_string() == "fixture/pass-it-on-group#2"));

    let ed = mg(&dir, "tsml-ui__edmonton.json");
    assert_eq!(counts(&ed), (315, 0, 315, 0, 0));
    assert_eq!(count_issue(&ed, |i| *i == Issue::TwelveHourTime), 315);
    assert_eq!(count_issue(&ed, |i| *i == Issue::EmptyTypeDropped), 1);

    let nw = mg(&dir, "tsml-ui__nwta.test.json");
    assert_eq!(counts(&nw), (613, 0, 613, 0, 0));
    assert_eq!(count_issue(&nw, |i| *i == Issue::TypesAsText), 613);
    assert_eq!(count_issue(&nw, |i| *i == Issue::NumericId), 613);

    let kc = mg(&dir, "tsml-ui__kc.test.json");
    assert_eq!(counts(&kc), (206, 0, 206, 0, 0));
    assert_eq!(count_issue(&kc, |i| *i == Issue::TypeCodeCase), 70);
    assert!(kc
        .meetings
        .iter()
        .all(|m| m.notes.as_deref().is_none_or(|n| !n.trim().is_empty())));

    let al = mg(&dir, "tsml-ui__meetings-alpena.json");
    assert_eq!(counts(&al), (46, 0, 46, 0, 0));
    assert_eq!(count_issue(&al, |i| *i == Issue::LooseTime), 1);

    let times = mg(&dir, "tsml-ui__times.json");
    assert_eq!(counts(&times), (9, 0, 8, 0, 1));

    let appt = mg(&dir, "tsml-ui__appointment.test.json");
    assert_eq!(counts(&appt), (2, 0, 0, 0, 1));

    let mongo = mg(&dir, "central-query__meetings-mongo-export.json");
    assert_eq!(counts(&mongo), (160, 0, 24, 0, 10));
    assert_eq!(count_issue(&mongo, |i| *i == Issue::DaySevenAsSunday), 23);

    let rtc = mg(&dir, "central-query__meeting-view-sorted-rtc.json");
    assert_eq!(counts(&rtc), (109, 0, 109, 0, 109));

    let sussex = mg(&dir, "tsml-ui__sussexaa.json");
    assert_eq!(counts(&sussex), (123, 0, 1, 0, 0));
    let marin = mg(&dir, "tsml-ui__aasfmarin.test.json");
    assert_eq!(counts(&marin), (658, 0, 142, 0, 0));
    let old = mg(&dir, "tsml-ui__assets-data-2018.json");
    assert_eq!(counts(&old), (568, 0, 568, 0, 0));

    // Zones: per-meeting zones are kept; none is ever read as UTC.
    let tz = mg(&dir, "tsml-ui__timezones.test.json");
    let names: Vec<_> = tz
        .meetings
        .iter()
        .map(|m| m.zone.tz().unwrap().name())
        .collect();
    assert_eq!(names, ["America/Los_Angeles", "America/New_York"]);
    let eda = mg(&dir, "tsml-ui__eda.json");
    assert!(eda.meetings.iter().all(|m| m.zone.tz().is_none()));

    // Al-Anon's attendance_option: 31 inactive records are temporarily closed.
    let alanon = mg(&dir, "tsml-ui__al-anon.json");
    let closed = alanon
        .meetings
        .iter()
        .filter(|m| m.attendance == AttendanceMode::TemporarilyClosed)
        .count();
    assert_eq!(closed, 31);
}

#[test]
fn invalid_fixture_is_one_clear_error() {
    let Some(dir) = fixtures("invalid_fixture_is_one_clear_error") else {
        return;
    };
    let e = import_mg(&dir.join("meeting-guide/tsml-ui__invalid.json")).unwrap_err();
    assert!(
        matches!(e, MeetingsError::InvalidJson { line: 80, .. }),
        "{e:?}"
    );
    assert!(e
        .to_string()
        .starts_with("the meeting list is not valid JSON"));
}

#[test]
fn exact_counts_bmlt() {
    let Some(dir) = fixtures("exact_counts_bmlt") else {
        return;
    };
    let b = |n: &str| dir.join("bmlt").join(n);
    let de =
        BmltFormats::parse(&std::fs::read(b("bread__GetFormats-berlin-de-wrapped.json")).unwrap())
            .unwrap();
    let en =
        BmltFormats::parse(&std::fs::read(b("bread__GetFormats-german-en.json")).unwrap()).unwrap();
    assert_eq!((de.len(), en.len()), (50, 67));
    let berlin = import_bmlt(&b("bread__GetSearchResults-berlin.json"), Some(&de)).unwrap();
    assert_eq!(counts(&berlin), (108, 0, 72, 0, 0));
    assert_eq!(
        count_issue(&berlin, |i| matches!(i, Issue::LegacyPromptValue { .. })),
        65
    );
    assert_eq!(
        count_issue(&berlin, |i| *i == Issue::PlaceholderCoordinatesDropped),
        23
    );
    assert_eq!(count_issue(&berlin, |i| *i == Issue::UnresolvedFormat), 1);
    let online: Vec<_> = berlin
        .meetings
        .iter()
        .filter(|m| m.attendance == AttendanceMode::Online)
        .collect();
    assert_eq!(online.len(), 23);
    assert!(online.iter().all(|m| m.location.coordinates.is_none()));
    assert!(berlin.meetings.iter().all(|m| m.zone.tz().is_none()));
    // The same meetings labelled in English through the shared ids.
    let english = import_bmlt(&b("bread__GetSearchResults-berlin.json"), Some(&en)).unwrap();
    assert_eq!(
        english.meetings[0].types[0].label.as_deref(),
        Some("Virtual Meeting")
    );

    for (day, n) in [("day2", 53), ("day3", 54), ("day4", 62)] {
        let f = b(&format!(
            "yap__GetSearchResults-meeting-search-42.867970-{day}.json"
        ));
        let i = import_bmlt(&f, None).unwrap();
        assert_eq!(counts(&i), (n, 0, 0, 0, 0), "{day}");
        assert!(i.report.repaired.is_empty());
    }
    for empty in [
        "yap__GetSearchResults-meeting-search-0-0.json",
        "yap__GetSearchResults-helpline-search-empty.json",
    ] {
        assert_eq!(
            counts(&import_bmlt(&b(empty), None).unwrap()),
            (0, 0, 0, 0, 0)
        );
    }
}

#[test]
fn own_samples() {
    let o = ImportOptions::new("sample");
    let mg = meeting_guide::import(&own("meeting-guide-sample.json"), &o).unwrap();
    assert_eq!(counts(&mg), (6, 0, 1, 0, 1));
    let modes: Vec<_> = mg.meetings.iter().map(|m| m.attendance).collect();
    assert_eq!(
        modes,
        [
            AttendanceMode::InPerson,
            AttendanceMode::Online,
            AttendanceMode::Hybrid,
            AttendanceMode::TemporarilyClosed,
            AttendanceMode::PhoneOnly,
            AttendanceMode::Online
        ]
    );
    let formats = BmltFormats::parse(&own("bmlt-formats-sample.json")).unwrap();
    let mut o = ImportOptions::new("na-berlin");
    o.default_zone = Some(Europe::Berlin);
    let na = bmlt::import(&own("bmlt-search-sample.json"), Some(&formats), &o).unwrap();
    assert_eq!(counts(&na), (4, 0, 3, 0, 0));
    let modes: Vec<_> = na.meetings.iter().map(|m| m.attendance).collect();
    assert_eq!(
        modes,
        [
            AttendanceMode::InPerson,
            AttendanceMode::Online,
            AttendanceMode::PhoneOnly,
            AttendanceMode::Hybrid
        ]
    );
    assert_eq!(
        na.meetings[2].online.phone_dial.as_deref(),
        Some("+493055550100")
    );
    assert_eq!(na.meetings[0].location.notes.as_deref(), Some("2. Etage"));
}

/// Every repair the real feeds need, on the project's own sample, so a bare clone still covers
/// each importer path (the real feeds add volume and exact counts, not paths).
#[test]
fn own_repairs_sample_covers_what_the_real_feeds_need() {
    let i = meeting_guide::import(
        &own("meeting-guide-repairs-sample.json"),
        &ImportOptions::new("sample"),
    )
    .unwrap();
    // (kept, skipped, repaired records, duplicates, by appointment)
    assert_eq!(counts(&i), (8, 0, 5, 3, 1));
    for (issue, n) in [
        (Issue::DaySevenAsSunday, 1),
        (Issue::TypeCodeCase, 1),
        (Issue::EmptyTypeDropped, 2),
        (Issue::UnreadableUpdated, 1),
        (Issue::DayAsName, 1),
        (Issue::LooseTime, 1),
        (Issue::InvalidCoordinatesDropped, 1),
        (Issue::EndPastMidnight, 1),
        (Issue::InvalidConferenceUrl, 1),
        (Issue::EndTimeDropped, 1),
        (Issue::UnsupportedSchedule { field: "rtc" }, 1),
    ] {
        assert_eq!(count_issue(&i, |x| *x == issue), n, "{issue:?}");
    }
    let by_id = |id: &str| i.meetings.iter().find(|m| m.key.id == id).unwrap();
    assert_eq!(
        by_id("seventh-day").schedule.weekdays(),
        [chrono::Weekday::Sun]
    );
    assert_eq!(
        by_id("resting-group").attendance,
        AttendanceMode::TemporarilyClosed
    );
    assert_eq!(by_id("next-time-only").schedule, Schedule::ByAppointment);
    let keys: Vec<_> = i
        .meetings
        .iter()
        .filter(|m| m.key.id == "twin")
        .map(|m| m.key.to_string())
        .collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
}

/// A bare `GetFormats` array (the real feeds' other shape), a format id missing from it, and a
/// server's empty answers.
#[test]
fn own_bmlt_samples_cover_bare_formats_unresolved_ids_and_empty_answers() {
    let bare = BmltFormats::parse(&own("bmlt-formats-bare-sample.json")).unwrap();
    assert_eq!(bare.len(), 2);
    let mut o = ImportOptions::new("na-berlin");
    o.default_zone = Some(Europe::Berlin);
    let na = bmlt::import(&own("bmlt-search-sample.json"), Some(&bare), &o).unwrap();
    // Closed (4), Basic Text (3) and Hybrid (212) are not in the bare list.
    assert_eq!(count_issue(&na, |x| *x == Issue::UnresolvedFormat), 3);
    for empty in [&b"[]"[..], b"{}", br#"{"meetings":[],"formats":[]}"#] {
        assert_eq!(
            counts(&bmlt::import(empty, None, &o).unwrap()),
            (0, 0, 0, 0, 0)
        );
    }
    let e = meeting_guide::import(b"[\n{\"slug\": \"a\",\n\"name\": }\n]", &o).unwrap_err();
    assert!(
        matches!(e, MeetingsError::InvalidJson { line: 3, .. }),
        "{e:?}"
    );
}

#[test]
fn time_zone_cases_from_berlin() {
    let ms = meeting_guide::import(&own("meeting-guide-sample.json"), &ImportOptions::new("s"))
        .unwrap()
        .meetings;
    let f = MeetingFilter {
        modes: Some(vec![AttendanceMode::Online]),
        ..Default::default()
    };
    // Saturday 2024-06-15 12:00 in Berlin.
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 15, 12, 0, 0)
        .unwrap();
    let n = next(&ms, from, 3, &f, &SourceZones::new());
    let got: Vec<(String, String, String)> = n
        .occurrences
        .iter()
        .map(|o| {
            (
                o.meeting.key.id.clone(),
                o.start.to_rfc3339(),
                o.start_user.to_rfc3339(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // Kolkata 19:00 (+05:30) is 15:30 in Berlin.
            (
                "kolkata-online".into(),
                "2024-06-15T19:00:00+05:30".into(),
                "2024-06-15T15:30:00+02:00".into()
            ),
            // New York Saturday 23:00 is Sunday 05:00 in Berlin: the week wraps.
            (
                "night-owls".into(),
                "2024-06-15T23:00:00-04:00".into(),
                "2024-06-16T05:00:00+02:00".into()
            ),
            (
                "night-owls".into(),
                "2024-06-21T23:00:00-04:00".into(),
                "2024-06-22T05:00:00+02:00".into()
            ),
        ]
    );
    assert_eq!(
        n.occurrences[1].end.unwrap().to_rfc3339(),
        "2024-06-16T00:30:00-04:00"
    );
}

#[test]
fn dst_cases() {
    let feed = br#"[{"slug":"gap","name":"Gap","day":0,"time":"02:30","timezone":"America/New_York"},
                    {"slug":"fold","name":"Fold","day":0,"time":"01:30","timezone":"America/New_York"}]"#;
    let ms = meeting_guide::import(feed, &ImportOptions::new("s"))
        .unwrap()
        .meetings;
    let z = SourceZones::new();
    let only = |id: &str| MeetingFilter {
        text: Some(id.into()),
        ..Default::default()
    };
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 3, 9, 12, 0, 0)
        .unwrap();
    let n = next(&ms, from, 1, &only("gap"), &z);
    assert_eq!(
        n.occurrences[0].start.to_rfc3339(),
        "2024-03-10T03:30:00-04:00"
    );
    assert!(n.occurrences[0].moved_by_dst_gap);
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 11, 2, 12, 0, 0)
        .unwrap();
    let n = next(&ms, from, 1, &only("fold"), &z);
    assert_eq!(
        n.occurrences[0].start.to_rfc3339(),
        "2024-11-03T01:30:00-04:00"
    );
    assert_eq!(
        n.occurrences[0].start_user.to_rfc3339(),
        "2024-11-03T06:30:00+01:00"
    );
    let _ = America::New_York;
}
