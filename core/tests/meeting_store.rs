//! Meetings kept in the vault: import, re-import with user data, next, attendance, calendar export,
//! and a forensic check that nothing about the meetings reaches the disk in plaintext.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::{Asia, Europe};
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::store::{self, ImportProgress, MeetingStoreError};
use oneday_core::meetings::{parse_feed, FeedFormat, MeetingFilter, MeetingZone, MeetingsError};
use oneday_core::vault::{RecordKind, Vault};
use vault_support::{files_under, find_canaries, new_vault, random_letters};

fn sample() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/meeting-guide-sample.json"),
    )
    .unwrap()
}

/// Imports a feed as the person chose to replace the list: these tests are about merging; the
/// refusals without that choice are tested at the end.
fn import_mg(vault: &Vault, source: &str, feed: &[u8]) -> store::ImportOutcome {
    let parsed = meeting_guide::import(feed, &ImportOptions::new(source)).unwrap();
    store::import(vault, parsed, source, None, true).unwrap()
}

fn id_of(vault: &Vault, slug: &str) -> oneday_core::vault::RecordId {
    store::list(vault)
        .unwrap()
        .into_iter()
        .find(|r| r.stored.meeting.key.id == slug)
        .unwrap()
        .id
}

#[test]
fn the_sample_imports_into_the_vault_and_again_changes_nothing() {
    let t = new_vault();
    let first = import_mg(&t.vault, "sample", &sample());
    let kept = first.report.kept;
    assert!(kept >= 6, "{kept}");
    assert_eq!(first.counts.added, kept);
    assert_eq!(store::list(&t.vault).unwrap().len(), kept);
    // The list is its chunks and nothing else; the same list again rewrites none of them.
    let rows = |v: &Vault| -> Vec<(oneday_core::vault::RecordId, RecordKind)> {
        v.list_all()
            .unwrap()
            .iter()
            .map(|r| (r.id(), r.kind()))
            .collect()
    };
    let before = rows(&t.vault);
    assert_eq!(
        before.len(),
        oneday_core::meetings::chunks::chunk_count(kept)
    );
    assert!(before.iter().all(|(_, k)| *k == RecordKind::MeetingChunk));

    let again = import_mg(&t.vault, "sample", &sample());
    assert_eq!((again.counts.unchanged, again.counts.added), (kept, 0));
    assert_eq!(rows(&t.vault), before);
    assert_eq!(store::list(&t.vault).unwrap().len(), kept);

    // Another source does not touch this one.
    import_mg(
        &t.vault,
        "other",
        br#"[{"slug":"x","name":"X","day":1,"time":"10:00","timezone":"UTC"}]"#,
    );
    assert_eq!(store::list(&t.vault).unwrap().len(), kept + 1);
}

#[test]
fn re_import_keeps_user_data_and_flags_a_vanished_saved_meeting() {
    let t = new_vault();
    let v = &t.vault;
    let feed = br#"[
        {"slug":"a","name":"Alpha","day":1,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"b","name":"Beta","day":2,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"c","name":"Gamma","day":3,"time":"19:00","timezone":"Europe/Berlin"}]"#;
    import_mg(v, "s", feed);
    let (a, b) = (id_of(v, "a"), id_of(v, "b"));
    store::set_saved(v, &a, true).unwrap();
    store::set_note(v, &a, Some("bring the book".into())).unwrap();
    let day = NaiveDate::from_ymd_opt(2024, 6, 3).unwrap();
    assert!(store::mark_attended(v, &a, day).unwrap());
    assert!(!store::mark_attended(v, &a, day).unwrap());
    store::set_saved(v, &b, true).unwrap();

    // Upstream: a is gone, b renamed, c gone (no user data), d new.
    let feed2 = br#"[
        {"slug":"b","name":"Beta Renamed","day":2,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"d","name":"Delta","day":4,"time":"19:00","timezone":"Europe/Berlin"}]"#;
    let out = import_mg(v, "s", feed2);
    assert_eq!(out.counts.added, 1);
    assert_eq!(out.counts.updated, 1);
    assert_eq!((out.counts.vanished, out.counts.vanished_kept), (2, 1));

    let all = store::list(v).unwrap();
    assert_eq!(all.len(), 3, "c is forgotten, a is kept");
    let ra = store::find(v, &a.to_string()).unwrap();
    assert!(ra.stored.vanished_upstream);
    assert!(ra.stored.user.saved);
    assert_eq!(ra.stored.user.note.as_deref(), Some("bring the book"));
    assert!(ra.stored.user.attended.contains(&day));
    let rb = store::find(v, &b.to_string()[..6]).unwrap();
    assert_eq!(rb.id, b, "updated in place: same record");
    assert_eq!(rb.stored.meeting.name, "Beta Renamed");
    assert!(rb.stored.user.saved);

    // By key, too; and a note can be removed.
    assert_eq!(store::find(v, "s/d").unwrap().stored.meeting.name, "Delta");
    assert!(store::set_note(v, &a, None).unwrap().user.note.is_none());
    assert!(matches!(
        store::find(v, "zz"),
        Err(MeetingStoreError::NotFound)
    ));
    assert!(store::find(v, "ffffffff").is_err());
}

fn import_reporting(
    vault: &Vault,
    source: &str,
    feed: &[u8],
) -> (store::ImportOutcome, Vec<ImportProgress>) {
    let parsed = meeting_guide::import(feed, &ImportOptions::new(source)).unwrap();
    let mut seen = Vec::new();
    let out = store::import_with_progress(vault, parsed, source, None, true, &mut |p| seen.push(p))
        .unwrap();
    (out, seen)
}

/// The stages in order, `Writing` counting up from 0 to its total (one step per chunk sealed), and
/// `Done` last with that total.
fn written_and_removed(seen: &[ImportProgress]) -> (usize, usize) {
    assert_eq!(seen.first(), Some(&ImportProgress::Reading), "{seen:?}");
    let writing: Vec<(usize, usize)> = seen
        .iter()
        .filter_map(|p| match *p {
            ImportProgress::Writing { written, total } => Some((written, total)),
            _ => None,
        })
        .collect();
    let total = writing.first().map_or(0, |w| w.1);
    if total > 0 {
        assert_eq!(writing.first(), Some(&(0, total)));
        assert_eq!(writing.last(), Some(&(total, total)));
        assert!(writing
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[1].1 == total));
    }
    assert_eq!(seen.len(), writing.len() + 2, "{seen:?}");
    match seen.last() {
        Some(&ImportProgress::Done { written, removed }) => {
            assert_eq!(written, total);
            (written, removed)
        }
        other => panic!("last report {other:?}"),
    }
}

#[test]
fn import_progress_counts_the_meetings_written() {
    let t = new_vault();
    let v = &t.vault;
    let feed = br#"[
        {"slug":"a","name":"Alpha","day":1,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"b","name":"Beta","day":2,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"c","name":"Gamma","day":3,"time":"19:00","timezone":"Europe/Berlin"}]"#;
    let (first, seen) = import_reporting(v, "s", feed);
    assert_eq!(written_and_removed(&seen), (3, 0));
    assert_eq!(first.counts.added, 3);
    assert_eq!(store::list(v).unwrap().len(), 3);

    // The same list again writes nothing.
    let (_, seen) = import_reporting(v, "s", feed);
    assert_eq!(written_and_removed(&seen), (0, 0));

    // b renamed, d new, a kept as no longer listed (saved), c removed: three writes, one removal.
    store::set_saved(v, &id_of(v, "a"), true).unwrap();
    let feed2 = br#"[
        {"slug":"b","name":"Beta Renamed","day":2,"time":"19:00","timezone":"Europe/Berlin"},
        {"slug":"d","name":"Delta","day":4,"time":"19:00","timezone":"Europe/Berlin"}]"#;
    let (out, seen) = import_reporting(v, "s", feed2);
    let c = out.counts;
    assert_eq!((c.added, c.updated, c.vanished_kept), (1, 1, 1));
    assert_eq!(
        written_and_removed(&seen),
        (
            c.added + c.updated + c.vanished_kept,
            c.vanished - c.vanished_kept
        )
    );
    assert_eq!(written_and_removed(&seen), (3, 1));
    assert_eq!(store::list(v).unwrap().len(), 3);

    // A real list: every meeting added is one meeting written (the list was empty).
    let (sample_out, seen) = import_reporting(v, "sample", &sample());
    assert_eq!(written_and_removed(&seen).0, sample_out.counts.added);
}

#[test]
fn next_and_saved_only_from_the_vault() {
    let t = new_vault();
    let v = &t.vault;
    import_mg(v, "sample", &sample());
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
        .unwrap(); // Monday
    let all = store::next(v, from, 3, &MeetingFilter::default(), false).unwrap();
    assert_eq!(all.occurrences.len(), 3);
    assert!(all.by_appointment >= 1);
    assert!(all.occurrences.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(all.occurrences.iter().all(|o| o.start >= from));
    assert_eq!(all.occurrences[0].start_user.timezone(), Europe::Berlin);

    let kolkata = id_of(v, "kolkata-online");
    store::set_saved(v, &kolkata, true).unwrap();
    let saved = store::next(v, from, 2, &MeetingFilter::default(), true).unwrap();
    assert_eq!(saved.occurrences.len(), 2);
    for o in &saved.occurrences {
        assert_eq!(o.id, kolkata);
        assert_eq!(o.start.timezone(), Asia::Kolkata);
        assert_eq!(o.start.format("%H:%M").to_string(), "19:00");
    }
    assert!(saved.occurrences[1].start > saved.occurrences[0].start);
}

#[test]
fn a_reminder_choice_survives_re_import_and_gives_the_remind_instant() {
    use oneday_core::meetings::ReminderChoice;
    let t = new_vault();
    let v = &t.vault;
    import_mg(v, "sample", &sample());
    let kolkata = id_of(v, "kolkata-online");
    let too_early = ReminderChoice::MinutesBefore {
        minutes: 7 * 24 * 60 + 1,
    };
    assert!(matches!(
        store::set_reminder(v, &kolkata, too_early),
        Err(MeetingStoreError::Meetings(
            MeetingsError::ReminderTooEarly { .. }
        ))
    ));
    let choice = ReminderChoice::MinutesBefore { minutes: 30 };
    store::set_reminder(v, &kolkata, choice).unwrap();
    store::set_saved(v, &kolkata, true).unwrap();
    import_mg(v, "sample", &sample());
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
        .unwrap();
    let saved = store::next(v, from, 1, &MeetingFilter::default(), true).unwrap();
    let o = &saved.occurrences[0];
    assert_eq!(o.stored.user.reminder, choice);
    let at = o.remind_at.unwrap();
    assert_eq!(at.timezone(), Europe::Berlin);
    assert_eq!(o.start - at, chrono::Duration::minutes(30));
    store::set_reminder(v, &kolkata, ReminderChoice::Off).unwrap();
    let off = store::next(v, from, 1, &MeetingFilter::default(), true).unwrap();
    assert_eq!(off.occurrences[0].remind_at, None);
}

#[test]
fn a_meeting_book_answers_like_the_store_until_the_vault_changes() {
    use oneday_core::meetings::MeetingBook;
    let t = new_vault();
    let v = &t.vault;
    import_mg(v, "sample", &sample());
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
        .unwrap();
    let book = MeetingBook::load(v).unwrap();
    assert!(book.is_current(v).unwrap());
    let filter = MeetingFilter::default();
    assert_eq!(
        book.next(from, 5, &filter, false),
        store::next(v, from, 5, &filter, false).unwrap()
    );
    assert_eq!(book.records(), store::list(v).unwrap().as_slice());
    assert!(book.next(from, 5, &filter, true).occurrences.is_empty());

    let kolkata = id_of(v, "kolkata-online");
    store::set_saved(v, &kolkata, true).unwrap();
    assert!(!book.is_current(v).unwrap(), "a write makes the book stale");
    let book = MeetingBook::load(v).unwrap();
    let saved = book.next(from, 1, &filter, true);
    assert_eq!(saved.occurrences[0].id, kolkata);
    assert_eq!(book.search(&filter, true).len(), 1);

    v.lock();
    assert!(book.is_current(v).is_err(), "a locked vault serves no book");
}

#[test]
fn a_source_zone_places_meetings_whose_list_names_none() {
    let t = new_vault();
    let v = &t.vault;
    let feed = br#"[{"slug":"z","name":"Zoneless","day":1,"time":"10:00"}]"#;
    let from = Europe::Berlin
        .with_ymd_and_hms(2024, 6, 3, 9, 0, 0)
        .unwrap();
    let stamp = Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap();
    let parsed = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap();
    assert!(
        store::import(v, parsed, "s", None, true).is_err(),
        "never silently UTC"
    );
    let parsed = meeting_guide::import(feed, &ImportOptions::new("s")).unwrap();
    store::import(v, parsed, "s", Some(Europe::Berlin), false).unwrap();
    let id = id_of(v, "z");
    let found = store::next(v, from, 1, &MeetingFilter::default(), false).unwrap();
    assert_eq!(
        found.occurrences[0].zone,
        MeetingZone::SourceDefault(Europe::Berlin)
    );
    assert_eq!(
        found.occurrences[0].start.to_rfc3339(),
        "2024-06-03T10:00:00+02:00"
    );
    let cal = store::export_ics(v, &[id], stamp).unwrap();
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(cal.contains("DTSTART;TZID=Europe/Berlin:20240603T100000\r\n"));
}

#[test]
fn attendance_counts_across_meetings() {
    let t = new_vault();
    let v = &t.vault;
    import_mg(v, "sample", &sample());
    let a = id_of(v, "sunrise-serenity");
    let b = id_of(v, "lakeside-hybrid");
    let today = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    for i in 0..100u64 {
        store::mark_attended(v, &a, today - chrono::Days::new(i)).unwrap();
    }
    store::mark_attended(v, &b, today).unwrap();
    let c = store::attendance_count(v, today, 90).unwrap();
    assert_eq!((c.meetings, c.days_with_a_meeting), (91, 90));
    assert_eq!(store::attendance_count(v, today, 0).unwrap().meetings, 0);
    let unknown = oneday_core::vault::RecordId::generate().unwrap();
    assert!(matches!(
        store::mark_attended(v, &unknown, today),
        Err(MeetingStoreError::NotFound)
    ));
}

#[test]
fn nothing_about_meetings_is_on_disk_in_plaintext() {
    let t = new_vault();
    let v = &t.vault;
    let c = |tag: &str| format!("{tag}{}", random_letters(24));
    let (name, note, address, url, location, user_note, group) = (
        c("name"),
        c("note"),
        c("addr"),
        c("https://zoom.example/"),
        c("place"),
        c("mine"),
        c("group"),
    );
    let feed = format!(
        r#"[{{"slug":"canary","name":"{name}","day":2,"time":"19:00","timezone":"Europe/Berlin",
            "notes":"{note}","location":"{location}","address":"{address}","city":"Springfield",
            "conference_url":"{url}","group":"{group}","latitude":52.5,"longitude":13.4}}]"#
    );
    let parsed = meeting_guide::import(feed.as_bytes(), &ImportOptions::new("canary-src")).unwrap();
    assert_eq!(parsed.meetings.len(), 1);
    store::import(v, parsed, "canary-src", Some(Europe::Berlin), false).unwrap();
    let id = id_of(v, "canary");
    store::set_saved(v, &id, true).unwrap();
    store::set_note(v, &id, Some(user_note.clone())).unwrap();
    store::mark_attended(v, &id, NaiveDate::from_ymd_opt(2024, 6, 4).unwrap()).unwrap();
    let m = store::find(v, "canary-src/canary").unwrap();
    assert_eq!(m.stored.meeting.name, name);
    assert_eq!(m.stored.meeting.online.url.as_deref(), Some(url.as_str()));

    let files = files_under(&t.dir, None);
    assert!(!files.is_empty());
    let canaries = vec![name, note, address, url, location, user_note, group];
    let hits = find_canaries(&files, &canaries);
    assert!(hits.is_empty(), "plaintext on disk: {hits:?}");
}

/// Every stored meeting's key and name, to show a refused import changed nothing.
fn snapshot(vault: &Vault) -> Vec<(String, String, bool)> {
    store::list(vault)
        .unwrap()
        .into_iter()
        .map(|r| {
            let m = r.stored.meeting;
            (m.key.to_string(), m.name, r.stored.vanished_upstream)
        })
        .collect()
}

#[test]
fn a_list_read_as_the_wrong_format_is_refused_and_changes_nothing() {
    let t = new_vault();
    import_mg(&t.vault, "sample", &sample());
    let before = snapshot(&t.vault);
    let as_bmlt = parse_feed(
        FeedFormat::Bmlt,
        &sample(),
        None,
        &ImportOptions::new("sample"),
    )
    .unwrap_err();
    assert_eq!(
        as_bmlt,
        MeetingsError::WrongFormat {
            given: FeedFormat::Bmlt,
            looks_like: FeedFormat::MeetingGuide
        }
    );
    assert!(as_bmlt
        .to_string()
        .contains("looks like a Meeting Guide list"));
    let bmlt = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/bmlt-search-sample.json"),
    )
    .unwrap();
    let as_guide = parse_feed(
        FeedFormat::MeetingGuide,
        &bmlt,
        None,
        &ImportOptions::new("sample"),
    )
    .unwrap_err();
    assert!(matches!(
        as_guide,
        MeetingsError::WrongFormat {
            looks_like: FeedFormat::Bmlt,
            ..
        }
    ));
    assert_eq!(snapshot(&t.vault), before);
}

#[test]
fn an_empty_re_import_needs_the_choice_to_replace() {
    let t = new_vault();
    let v = &t.vault;
    import_mg(v, "sample", &sample());
    let before = snapshot(v);
    let listed = before.len();
    let empty = || meeting_guide::import(b"[]", &ImportOptions::new("sample")).unwrap();

    let preview = store::preview(v, &empty(), "sample", None).unwrap();
    assert!(preview.needs_replace);
    assert_eq!(
        (preview.counts.vanished, preview.listed_before),
        (listed, listed)
    );
    let refused = store::import(v, empty(), "sample", None, false).unwrap_err();
    assert!(matches!(
        refused,
        MeetingStoreError::Meetings(MeetingsError::ReplaceNeeded { vanished, listed: l })
            if vanished == listed && l == listed
    ));
    assert_eq!(snapshot(v), before, "a refused import writes nothing");

    // Chosen explicitly, it applies: the list is emptied (saved meetings would be kept, flagged).
    let applied = store::import(v, empty(), "sample", None, true).unwrap();
    assert_eq!(applied.counts.vanished, listed);
    assert!(store::list(v).unwrap().is_empty());

    // An empty list under a new name has nothing to replace: refused, in one line.
    let nothing = store::import(v, empty(), "new", None, true).unwrap_err();
    assert!(matches!(
        nothing,
        MeetingStoreError::Meetings(MeetingsError::NothingImported { records: 0 })
    ));
    assert_eq!(
        nothing.to_string(),
        "the meeting list holds no meetings: nothing was imported"
    );
    assert!(store::preview(v, &empty(), "new", None).is_err());
}

#[test]
fn removing_more_than_half_of_a_list_needs_the_choice_to_replace() {
    let t = new_vault();
    let v = &t.vault;
    let feed = |slugs: &[&str]| {
        let records: Vec<String> = slugs
            .iter()
            .map(|s| format!(r#"{{"slug":"{s}","name":"{s}","day":1,"time":"10:00","timezone":"Europe/Berlin"}}"#))
            .collect();
        format!("[{}]", records.join(","))
    };
    import_mg(v, "s", feed(&["a", "b", "c", "d"]).as_bytes());
    let half =
        meeting_guide::import(feed(&["a", "b"]).as_bytes(), &ImportOptions::new("s")).unwrap();
    assert!(!store::preview(v, &half, "s", None).unwrap().needs_replace);
    let one = meeting_guide::import(feed(&["a"]).as_bytes(), &ImportOptions::new("s")).unwrap();
    assert!(store::preview(v, &one, "s", None).unwrap().needs_replace);
    let before = snapshot(v);
    assert!(store::import(v, one.clone(), "s", None, false).is_err());
    assert_eq!(snapshot(v), before);
    // Half is not most: applied without asking.
    let out = store::import(v, half, "s", None, false).unwrap();
    assert_eq!(out.counts.vanished, 2);
    // Now two are listed; losing one of two is not more than half either.
    assert!(store::import(v, one, "s", None, false).is_ok());
}

#[test]
fn a_list_without_zones_needs_one_and_the_likely_zone_is_suggested() {
    let t = new_vault();
    let v = &t.vault;
    let bmlt = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/bmlt-search-sample.json"),
    )
    .unwrap();
    let parse = || parse_feed(FeedFormat::Bmlt, &bmlt, None, &ImportOptions::new("na")).unwrap();
    let refused = store::import(v, parse(), "na", None, false).unwrap_err();
    let MeetingStoreError::Meetings(MeetingsError::ZoneNeeded {
        meetings,
        suggested,
    }) = &refused
    else {
        panic!("{refused:?}")
    };
    assert_eq!((*meetings, *suggested), (3, Some(Europe::Berlin)));
    assert!(
        refused.to_string().contains("likely in Europe/Berlin"),
        "{refused}"
    );
    assert!(store::list(v).unwrap().is_empty());
    assert!(store::preview(v, &parse(), "na", None).is_err());

    // A zone typed in any case is stored canonically; later imports of the list need not repeat it.
    let zone = oneday_core::meetings::zone_name::parse_zone("europe/BERLIN").unwrap();
    assert_eq!(zone.name(), "Europe/Berlin");
    store::import(v, parse(), "na", Some(zone), false).unwrap();
    assert_eq!(store::list(v).unwrap().len(), 4);
    let again = store::import(v, parse(), "na", None, false).unwrap();
    assert_eq!(again.counts.unchanged, 4);
    assert_eq!(
        store::source_zones(v).unwrap().get("na"),
        Some(Europe::Berlin)
    );
    let feed = br#"[{"slug":"z","name":"Z","day":1,"time":"10:00"}]"#;
    let mg = || meeting_guide::import(feed, &ImportOptions::new("mg")).unwrap();
    store::import(v, mg(), "mg", Some(Europe::Berlin), false).unwrap();
    let again = store::import(v, mg(), "mg", None, false).unwrap();
    assert_eq!((again.counts.unchanged, again.counts.updated), (1, 0));
    assert_eq!(
        store::find(v, "mg/z").unwrap().stored.meeting.zone,
        MeetingZone::SourceDefault(Europe::Berlin)
    );
}
