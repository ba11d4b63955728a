//! Meeting lists kept in sealed chunks (issue 16): the row count tells only a coarse size, the
//! user's data lives in records of its own that a re-import never touches, a store of the older
//! layout (one record per meeting) converts on first use in one transaction, and backups merge the
//! new layout (a list whole, the newer import winning; the user's data newer edit wins, days
//! attended unioned).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use chrono::NaiveDate;
use oneday_core::backup::{self, BackupSecretKind, RestoreMode};
use oneday_core::meetings::chunks::chunk_count;
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::store;
use oneday_core::meetings::StoredMeeting;
use oneday_core::vault::{KdfParams, RecordId, RecordKind, Vault};
use vault_support::new_vault;

const PASS: &[u8] = b"passphrase for chunk tests";

/// A Meeting Guide feed of `n` meetings named `{prefix}{i}`, one a day at 19:00 in Berlin.
fn feed(prefix: &str, n: usize) -> Vec<u8> {
    let records: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "slug": format!("{prefix}{i}"), "name": format!("Meeting {prefix}{i}"),
                "day": i % 7, "time": "19:00", "timezone": "Europe/Berlin",
                "address": format!("{i} Main Street"), "city": "Berlin"
            })
        })
        .collect();
    serde_json::to_vec(&records).unwrap()
}

fn import(vault: &Vault, source: &str, bytes: &[u8]) -> store::ImportOutcome {
    let parsed = meeting_guide::import(bytes, &ImportOptions::new(source)).unwrap();
    store::import(vault, parsed, source, None, true).unwrap()
}

fn rows(vault: &Vault) -> Vec<(RecordId, RecordKind, Option<i64>)> {
    let mut all: Vec<_> = vault
        .list_all()
        .unwrap()
        .iter()
        .map(|r| (r.id(), r.kind(), r.edited_at()))
        .collect();
    all.sort_by_key(|r| r.0);
    all
}

fn count(vault: &Vault, kind: RecordKind) -> usize {
    rows(vault).iter().filter(|r| r.1 == kind).count()
}

fn id_of(vault: &Vault, slug: &str) -> RecordId {
    store::list(vault)
        .unwrap()
        .into_iter()
        .find(|r| r.stored.meeting.key.id == slug)
        .unwrap()
        .id
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, day).unwrap()
}

#[test]
fn a_693_and_a_100_meeting_list_take_the_same_number_of_rows() {
    let (big, small) = (new_vault(), new_vault());
    import(&big.vault, "big", &feed("b", 693));
    import(&small.vault, "small", &feed("s", 100));
    assert_eq!(rows(&big.vault).len(), 8);
    assert_eq!(rows(&small.vault).len(), rows(&big.vault).len());
    assert_eq!(store::list(&big.vault).unwrap().len(), 693);
    assert_eq!(store::list(&small.vault).unwrap().len(), 100);
    // A list over 1,024 meetings takes the next bucket, and only then.
    let huge = new_vault();
    import(&huge.vault, "huge", &feed("h", 1_100));
    assert_eq!(rows(&huge.vault).len(), chunk_count(1_100));
    assert_eq!(chunk_count(1_100), 16);
}

#[test]
fn the_users_data_is_one_record_per_meeting_touched_and_a_re_import_never_writes_it() {
    let t = new_vault();
    let v = &t.vault;
    import(v, "s", &feed("m", 300));
    let (a, b) = (id_of(v, "m1"), id_of(v, "m2"));
    store::set_saved(v, &a, true).unwrap();
    store::set_note(v, &a, Some("bring coffee".into())).unwrap();
    store::mark_attended(v, &b, d(6, 1)).unwrap();
    assert_eq!(count(v, RecordKind::MeetingMine), 2);
    assert_eq!(count(v, RecordKind::MeetingChunk), 8);

    // A re-import that renames every meeting rewrites the chunks, never the user's records.
    let mine_before: Vec<_> = rows(v)
        .into_iter()
        .filter(|r| r.1 == RecordKind::MeetingMine)
        .collect();
    let renamed = String::from_utf8(feed("m", 300))
        .unwrap()
        .replace("Meeting m", "Renamed m");
    let out = import(v, "s", renamed.as_bytes());
    assert_eq!(out.counts.updated, 300);
    let mine_after: Vec<_> = rows(v)
        .into_iter()
        .filter(|r| r.1 == RecordKind::MeetingMine)
        .collect();
    assert_eq!(mine_after, mine_before);
    let a_now = store::find(v, &a.to_string()).unwrap().stored;
    assert_eq!(a_now.meeting.name, "Renamed m1");
    assert!(a_now.user.saved);
    assert_eq!(a_now.user.note.as_deref(), Some("bring coffee"));

    // Taking everything back removes the record: nothing is kept for an untouched meeting.
    store::set_saved(v, &a, false).unwrap();
    store::set_note(v, &a, None).unwrap();
    assert_eq!(count(v, RecordKind::MeetingMine), 1);
    assert_eq!(
        store::attendance_count(v, d(6, 30), 30).unwrap().meetings,
        1
    );

    // A list that drops b keeps it (attended) as no longer listed, and a as removed.
    let out = import(v, "s", &feed("x", 10));
    assert_eq!((out.counts.vanished, out.counts.vanished_kept), (300, 1));
    let kept = store::find(v, &b.to_string()).unwrap().stored;
    assert!(kept.vanished_upstream);
    assert!(store::find(v, &a.to_string()).is_err());
    assert_eq!(store::list(v).unwrap().len(), 11);
}

/// Writes meetings of the older layout (one `Meeting` record per meeting, user data inline)
/// through the vault API, as a store written before lists were chunked holds them.
fn older_layout_store(v: &Vault, n: usize) -> Vec<RecordId> {
    let parsed = meeting_guide::import(&feed("old", n), &ImportOptions::new("old")).unwrap();
    let mut ids = Vec::new();
    for (i, m) in parsed.meetings.into_iter().enumerate() {
        let mut s = StoredMeeting::new(m);
        if i == 3 {
            s.user.saved = true;
            s.user.note = Some("the old note".into());
            s.user.attended.insert(d(5, 1));
        }
        let id = RecordId::generate().unwrap();
        v.put(RecordKind::Meeting, &id, &s).unwrap();
        ids.push(id);
    }
    ids
}

#[test]
fn a_store_of_the_older_layout_converts_on_first_use_and_loses_nothing() {
    let t = new_vault();
    let v = &t.vault;
    let ids = older_layout_store(v, 40);
    assert_eq!(count(v, RecordKind::Meeting), 40);

    // Any entry point converts first; here the attendance count.
    assert_eq!(
        store::attendance_count(v, d(5, 31), 31).unwrap().meetings,
        1
    );
    assert_eq!(count(v, RecordKind::Meeting), 0);
    assert_eq!(count(v, RecordKind::MeetingChunk), 8);
    assert_eq!(count(v, RecordKind::MeetingMine), 1);
    // The user's data went on under the old record's id.
    let mine = rows(v)
        .into_iter()
        .find(|r| r.1 == RecordKind::MeetingMine)
        .unwrap();
    assert_eq!(mine.0, ids[3]);
    let all = store::list(v).unwrap();
    assert_eq!(all.len(), 40);
    let saved: Vec<_> = all.iter().filter(|r| r.stored.user.saved).collect();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].stored.user.note.as_deref(), Some("the old note"));

    // Converted once: the next use writes nothing.
    let after = rows(v);
    store::list(v).unwrap();
    assert_eq!(rows(v), after);
}

#[test]
fn each_entry_point_converts_the_older_layout_first() {
    type Entry = fn(&Vault);
    let entries: [(&str, Entry); 5] = [
        ("book", |v| {
            oneday_core::meetings::MeetingBook::load(v).unwrap();
        }),
        ("zones", |v| {
            store::source_zones(v).unwrap();
        }),
        ("import", |v| {
            import(v, "other", &feed("o", 3));
        }),
        ("find", |v| {
            let key = "old/old3";
            assert!(store::find(v, key).unwrap().stored.user.saved);
        }),
        ("restore", |v| {
            let other = new_vault();
            let file = backup::export(
                &other.vault,
                PASS,
                BackupSecretKind::Passphrase,
                KdfParams::MINIMUM,
            )
            .unwrap();
            backup::restore(v, &file, PASS, RestoreMode::Merge).unwrap();
        }),
    ];
    for (name, entry) in entries {
        let t = new_vault();
        older_layout_store(&t.vault, 12);
        entry(&t.vault);
        assert_eq!(count(&t.vault, RecordKind::Meeting), 0, "{name}");
        assert_eq!(count(&t.vault, RecordKind::MeetingMine), 1, "{name}");
        assert!(store::list(&t.vault).unwrap().len() >= 12, "{name}");
    }
}

fn export(v: &Vault) -> Vec<u8> {
    backup::export(v, PASS, BackupSecretKind::Passphrase, KdfParams::MINIMUM).unwrap()
}

#[test]
fn a_backup_of_the_older_layout_restores_and_merges_into_chunks() {
    let old = new_vault();
    older_layout_store(&old.vault, 20);
    // Exported before the store was ever used by this version: the backup holds the old records.
    let file = export(&old.vault);
    let summary = backup::verify(&file, PASS).unwrap();
    assert!(summary.records.contains(&(RecordKind::Meeting, 20)));

    let fresh = new_vault();
    let report = backup::restore(&fresh.vault, &file, PASS, RestoreMode::IntoEmpty).unwrap();
    assert_eq!(report.of(RecordKind::MeetingChunk).added, 8);
    assert_eq!(report.of(RecordKind::MeetingMine).added, 1);
    assert_eq!(count(&fresh.vault, RecordKind::Meeting), 0);
    assert_eq!(store::list(&fresh.vault).unwrap().len(), 20);

    // Attended elsewhere since: merging the old backup back unions the days.
    let id = id_of(&fresh.vault, "old3");
    store::mark_attended(&fresh.vault, &id, d(6, 2)).unwrap();
    let report = backup::restore(&fresh.vault, &file, PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::MeetingChunk).unchanged, 8);
    let user = store::find(&fresh.vault, &id.to_string())
        .unwrap()
        .stored
        .user;
    assert_eq!(user.attended.len(), 2);
    assert_eq!(user.note.as_deref(), Some("the old note"));
}

#[test]
fn a_lists_chunks_merge_whole_and_the_newer_import_wins() {
    let a = new_vault();
    let b = new_vault();
    import(&a.vault, "s", &feed("m", 200));
    store::set_saved(&a.vault, &id_of(&a.vault, "m5"), true).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    // The other phone imported a later edition of the list (1,100 meetings: 16 chunks).
    import(&b.vault, "s", &feed("m", 1_100));
    store::mark_attended(&b.vault, &id_of(&b.vault, "m5"), d(6, 3)).unwrap();

    // b's newer list replaces a's whole; the user's data of both is kept.
    let report = backup::restore(&a.vault, &export(&b.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::MeetingChunk).updated, 16);
    assert_eq!(count(&a.vault, RecordKind::MeetingChunk), 16);
    assert_eq!(store::list(&a.vault).unwrap().len(), 1_100);
    // The user's data on m5: b's edit is the newer, so it wins; its days attended are kept.
    let m5 = store::find(&a.vault, "s/m5").unwrap().stored.user;
    assert!(m5.attended.contains(&d(6, 3)));
    assert_eq!(count(&a.vault, RecordKind::MeetingMine), 1);

    // a's older list does not come back the other way.
    let report = backup::restore(&b.vault, &export(&a.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::MeetingChunk).unchanged, 16);
    assert_eq!(store::list(&b.vault).unwrap().len(), 1_100);
    // A list only in the backup is added.
    let c = new_vault();
    import(&c.vault, "other", &feed("o", 5));
    let report = backup::restore(&c.vault, &export(&a.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::MeetingChunk).added, 16);
    assert_eq!(store::list(&c.vault).unwrap().len(), 1_105);
}
