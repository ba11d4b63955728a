//! Backups end to end: every record of every kind survives export and restore; merging follows the
//! rule of each kind; a tampered, truncated or wrong-secret file changes nothing; a newer format
//! asks for an update; the checked-in version-1 backup keeps restoring; and no canary a user typed
//! is in the backup file in plaintext.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe;
use oneday_core::backup::{
    self, BackupError, BackupSecretKind, KindReport, RestoreMode, RestoreReport,
};
use oneday_core::checkins::{self, CheckIn, Medication, Sleep};
use oneday_core::cleantime::{store as counters, Counter, CounterSettings};
use oneday_core::meetings::import::{meeting_guide, ImportOptions};
use oneday_core::meetings::{store as meetings, ReminderChoice};
use oneday_core::plans::relapse::{Trigger, TriggerCategory, WarningGrade, WarningSign};
use oneday_core::plans::{store as plans, ContactEntry, RelapsePreventionPlan, SafetyPlan};
use oneday_core::settings;
use oneday_core::support::{store as contacts, ContactInput, ContactRole};
use oneday_core::vault::{KdfParams, RecordKind, Vault};
use vault_support::{files_under, find_canaries, new_vault, random_letters};

const PASS: &[u8] = b"a long passphrase for tests";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, day, 12, 0, 0).unwrap()
}

fn export(v: &Vault) -> Vec<u8> {
    backup::export(v, PASS, BackupSecretKind::Passphrase, KdfParams::MINIMUM).unwrap()
}

/// Every record as (id, kind, edit time, JSON), sorted: the vault's whole content.
fn snapshot(v: &Vault) -> Vec<(String, RecordKind, Option<i64>, serde_json::Value)> {
    let mut all: Vec<_> = v
        .list_all()
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.id().to_string(),
                r.kind(),
                r.edited_at(),
                r.decode::<serde_json::Value>().unwrap(),
            )
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

fn sample_feed() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meetings/meeting-guide-sample.json"),
    )
    .unwrap()
}

/// Fills a vault with every kind of record, each field set, with `tag` in the text a user types.
fn populate(v: &Vault, tag: &str) {
    let mut settings = CounterSettings::new(format!("Alcohol {tag}"));
    settings.name_in_reminders = true;
    let mut c = Counter::new(settings, d(2023, 1, 1)).unwrap();
    c.reset(
        d(2023, 6, 1),
        Some(d(2023, 6, 2)),
        Some(format!("relapse note {tag}")),
    )
    .unwrap();
    counters::add(v, &c).unwrap();
    let mut paused = Counter::new(
        CounterSettings::new(format!("Nicotine {tag}")),
        d(2024, 1, 1),
    )
    .unwrap();
    paused.pause(d(2024, 2, 1), None).unwrap();
    paused.set_archived(true);
    counters::add(v, &paused).unwrap();

    settings::set(v, "support.region", "GB").unwrap();

    let parsed = meeting_guide::import(&sample_feed(), &ImportOptions::new("sample")).unwrap();
    meetings::import(v, parsed, "sample", Some(Europe::London), false).unwrap();
    let first = meetings::list(v).unwrap()[0].id;
    meetings::set_saved(v, &first, true).unwrap();
    meetings::set_note(v, &first, Some(format!("meeting note {tag}"))).unwrap();
    meetings::set_reminder(v, &first, ReminderChoice::MinutesBefore { minutes: 30 }).unwrap();
    meetings::mark_attended(v, &first, d(2024, 5, 1)).unwrap();

    let sponsor = contacts::add(
        v,
        ContactInput {
            name: format!("Sponsor {tag}"),
            role: ContactRole::Sponsor,
            phone: "+44 20 7946 0321".into(),
            sms_allowed: true,
            note: Some(format!("contact note {tag}")),
        },
    )
    .unwrap();
    contacts::add(
        v,
        ContactInput {
            name: format!("Friend {tag}"),
            role: ContactRole::Friend,
            phone: "020 7946 0999".into(),
            sms_allowed: false,
            note: None,
        },
    )
    .unwrap();

    let safety = SafetyPlan {
        warning_signs: vec![format!("not sleeping {tag}")],
        help_people: vec![ContactEntry {
            text: "Sponsor".into(),
            contact: Some(sponsor.id),
            phone: None,
        }],
        ..SafetyPlan::default()
    };
    plans::save_safety(v, safety.clone(), at(1)).unwrap();
    plans::update_safety(v, at(2), |p| {
        p.reason_for_living = Some(format!("reason {tag}"));
        Ok(())
    })
    .unwrap();
    plans::restore(v, oneday_core::plans::PlanKind::Safety, 1, at(3)).unwrap();
    let relapse = RelapsePreventionPlan {
        reasons: vec![format!("my kids {tag}")],
        triggers: vec![Trigger {
            category: TriggerCategory::Places,
            text: format!("the pub {tag}"),
            coping: Some("walk past".into()),
        }],
        warning_signs: vec![WarningSign {
            grade: WarningGrade::Middle,
            text: format!("isolating {tag}"),
            mental_health: true,
        }],
        after_lapse: vec!["call my sponsor".into()],
    };
    plans::save_relapse(v, relapse, at(4)).unwrap();

    let check_in = CheckIn {
        mood: Some(3),
        craving: Some(6),
        medication: Some(Medication::Taken),
        sleep: Some(Sleep::from_quarter_hours(27).unwrap()),
        journal: Some(format!("journal {tag}")),
        gratitude: vec![format!("gratitude {tag}")],
        ..CheckIn::new(d(2024, 6, 1))
    };
    checkins::store::record(v, check_in, d(2024, 6, 2)).unwrap();
}

fn added(report: &RestoreReport) -> Vec<(RecordKind, u32)> {
    report.kinds.iter().map(|(k, r)| (*k, r.added)).collect()
}

#[test]
fn every_record_of_every_kind_survives_export_and_restore() {
    let old_phone = new_vault();
    populate(&old_phone.vault, "x");
    let before = snapshot(&old_phone.vault);
    // Every kind a store of this version writes (meetings of the older layout are converted).
    for kind in RecordKind::ALL
        .into_iter()
        .filter(|k| *k != RecordKind::Meeting)
    {
        assert!(before.iter().any(|r| r.1 == kind), "{kind} is populated");
    }
    let file = export(&old_phone.vault);

    let summary = backup::verify(&file, PASS).unwrap();
    let total: u32 = summary.records.iter().map(|(_, n)| n).sum();
    assert_eq!(total as usize, before.len());
    assert_eq!(summary.header.secret_kind, BackupSecretKind::Passphrase);
    assert!((Utc::now() - summary.made_at).num_minutes().abs() < 5);

    let new_phone = new_vault();
    let report = backup::restore(&new_phone.vault, &file, PASS, RestoreMode::IntoEmpty).unwrap();
    assert_eq!(report.total().added as usize, before.len());
    assert_eq!((report.total().updated, report.total().unchanged), (0, 0));
    // Same ids, same edit times, same JSON: every field of every record.
    assert_eq!(snapshot(&new_phone.vault), before);

    // And through the areas' own readers.
    let a = &old_phone.vault;
    let b = &new_phone.vault;
    let today = d(2024, 6, 10);
    for (x, y) in counters::list(a)
        .unwrap()
        .iter()
        .zip(counters::list(b).unwrap())
    {
        assert_eq!(x.counter, y.counter);
        assert_eq!(
            x.counter.stats(today).unwrap(),
            y.counter.stats(today).unwrap()
        );
    }
    assert_eq!(contacts::list(a).unwrap(), contacts::list(b).unwrap());
    assert_eq!(plans::safety(a).unwrap(), plans::safety(b).unwrap());
    assert_eq!(
        plans::history(a, oneday_core::plans::PlanKind::Safety).unwrap(),
        plans::history(b, oneday_core::plans::PlanKind::Safety).unwrap()
    );
    assert_eq!(plans::relapse(a).unwrap(), plans::relapse(b).unwrap());
    assert_eq!(
        checkins::store::list_all(a).unwrap(),
        checkins::store::list_all(b).unwrap()
    );
    assert_eq!(meetings::list(a).unwrap(), meetings::list(b).unwrap());
    assert_eq!(
        meetings::source_zones(a).unwrap(),
        meetings::source_zones(b).unwrap()
    );
    assert_eq!(
        settings::get::<String>(b, "support.region")
            .unwrap()
            .as_deref(),
        Some("GB")
    );
    // The plan's link to the sponsor still resolves on the new phone.
    let linked = plans::safety(b).unwrap().plan.help_people[0]
        .contact
        .unwrap();
    assert!(contacts::get(b, &linked).is_ok());
}

#[test]
fn restoring_into_a_vault_in_use_needs_merge_and_the_same_backup_changes_nothing() {
    let t = new_vault();
    populate(&t.vault, "x");
    let file = export(&t.vault);
    let before = snapshot(&t.vault);
    let e = backup::restore(&t.vault, &file, PASS, RestoreMode::IntoEmpty).unwrap_err();
    assert!(matches!(e, BackupError::VaultNotEmpty { records } if records == before.len()));
    let report = backup::restore(&t.vault, &file, PASS, RestoreMode::Merge).unwrap();
    assert_eq!(
        report.total(),
        KindReport {
            unchanged: before.len() as u32,
            ..KindReport::default()
        }
    );
    assert_eq!(snapshot(&t.vault), before);
}

#[test]
fn merging_two_phones_keeps_every_relapse_attendance_and_revision_and_the_newest_edits() {
    // The old phone is backed up and restored on the new one; both then go on being used.
    let old = new_vault();
    populate(&old.vault, "x");
    let new = new_vault();
    backup::restore(
        &new.vault,
        &export(&old.vault),
        PASS,
        RestoreMode::IntoEmpty,
    )
    .unwrap();

    // On the new phone: a relapse, a renamed contact, a new check-in, a new plan revision.
    let counter = counters::list(&new.vault)
        .unwrap()
        .into_iter()
        .find(|c| c.counter.running().is_some())
        .unwrap();
    counters::update(&new.vault, &counter.id, |c| {
        c.reset(d(2024, 6, 5), None, None)
    })
    .unwrap();
    let sponsor = contacts::list(&new.vault).unwrap()[0].clone();
    std::thread::sleep(std::time::Duration::from_millis(5));
    contacts::edit(
        &new.vault,
        &sponsor.id,
        oneday_core::support::ContactChange {
            name: Some("Sponsor renamed".into()),
            ..Default::default()
        },
    )
    .unwrap();
    checkins::store::record(
        &new.vault,
        CheckIn {
            mood: Some(4),
            ..CheckIn::new(d(2024, 6, 3))
        },
        d(2024, 6, 3),
    )
    .unwrap();
    plans::update_safety(&new.vault, at(20), |p| {
        p.warning_signs.push("new phone sign".into());
        Ok(())
    })
    .unwrap();

    // Meanwhile on the old phone: another meeting attended, a different check-in edited later.
    let meeting = meetings::list(&old.vault).unwrap()[0].id;
    meetings::mark_attended(&old.vault, &meeting, d(2024, 6, 4)).unwrap();
    let new_meeting = meetings::list(&new.vault).unwrap()[0].id;
    meetings::mark_attended(&new.vault, &new_meeting, d(2024, 6, 6)).unwrap();
    plans::update_safety(&old.vault, at(10), |p| {
        p.warning_signs.push("old phone sign".into());
        Ok(())
    })
    .unwrap();

    // The new phone's data is merged back into the old phone.
    let report =
        backup::restore(&old.vault, &export(&new.vault), PASS, RestoreMode::Merge).unwrap();
    let v = &old.vault;

    let c = counters::get(v, &counter.id).unwrap();
    assert_eq!(
        c.attempts().len(),
        3,
        "the relapse on the new phone is kept"
    );
    assert_eq!(c.start(), Some(d(2024, 6, 5)));
    assert_eq!(report.of(RecordKind::Counter).updated, 1);

    let names: Vec<String> = contacts::list(v)
        .unwrap()
        .into_iter()
        .map(|c| c.contact.name)
        .collect();
    assert_eq!(
        names,
        vec!["Sponsor renamed".to_string(), "Friend x".to_string()]
    );

    let days: Vec<NaiveDate> = checkins::store::list_all(v)
        .unwrap()
        .iter()
        .map(|c| c.date)
        .collect();
    assert_eq!(days, vec![d(2024, 6, 1), d(2024, 6, 3)]);
    assert_eq!(report.of(RecordKind::CheckIn).added, 1);

    let m = meetings::list(v)
        .unwrap()
        .into_iter()
        .find(|m| m.id == meeting)
        .unwrap();
    let attended: Vec<NaiveDate> = m.stored.user.attended.iter().copied().collect();
    assert_eq!(attended, vec![d(2024, 5, 1), d(2024, 6, 4), d(2024, 6, 6)]);

    // Both phones' revisions of the safety plan are kept; the current one is the last saved.
    let history = plans::history(v, oneday_core::plans::PlanKind::Safety).unwrap();
    assert_eq!(history.len(), 5, "{history:?}");
    assert_eq!(history.last().unwrap().saved_at, at(20));
    assert!(plans::safety(v)
        .unwrap()
        .plan
        .warning_signs
        .contains(&"new phone sign".to_string()));

    // Merging the same backup again changes nothing more.
    let before = snapshot(v);
    let again = backup::restore(v, &export(&new.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!((again.total().added, again.total().updated), (0, 0));
    assert_eq!(snapshot(v), before);
}

#[test]
fn two_phones_with_different_relapses_keep_both_counters() {
    let a = new_vault();
    let c = Counter::new(CounterSettings::new("Alcohol"), d(2024, 1, 1)).unwrap();
    let id = counters::add(&a.vault, &c).unwrap();
    let b = new_vault();
    backup::restore(&b.vault, &export(&a.vault), PASS, RestoreMode::IntoEmpty).unwrap();
    counters::update(&a.vault, &id, |c| c.reset(d(2024, 3, 3), None, None)).unwrap();
    counters::update(&b.vault, &id, |c| c.reset(d(2024, 3, 5), None, None)).unwrap();
    let report = backup::restore(&a.vault, &export(&b.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::Counter).kept_both, 1);
    let list = counters::list(&a.vault).unwrap();
    let mut relapses: Vec<NaiveDate> = list.iter().map(|c| c.counter.start().unwrap()).collect();
    relapses.sort();
    assert_eq!(relapses, vec![d(2024, 3, 3), d(2024, 3, 5)]);
}

#[test]
fn a_counter_made_separately_with_the_same_name_is_merged_not_duplicated() {
    let a = new_vault();
    let b = new_vault();
    counters::add(
        &a.vault,
        &Counter::new(CounterSettings::new("Clean"), d(2024, 1, 1)).unwrap(),
    )
    .unwrap();
    let mut other = Counter::new(CounterSettings::new(" clean "), d(2023, 1, 1)).unwrap();
    other
        .reset(d(2023, 12, 31), Some(d(2024, 1, 1)), None)
        .unwrap();
    counters::add(&b.vault, &other).unwrap();
    let report = backup::restore(&a.vault, &export(&b.vault), PASS, RestoreMode::Merge).unwrap();
    assert_eq!(report.of(RecordKind::Counter).updated, 1);
    let list = counters::list(&a.vault).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].counter.attempts().len(), 2);
}

/// Every way a file can be wrong leaves the vault exactly as it was.
#[test]
fn tampered_truncated_and_wrong_secret_files_change_nothing() {
    let source = new_vault();
    populate(&source.vault, "x");
    let file = export(&source.vault);
    let target = new_vault();
    populate(&target.vault, "y");
    let before = snapshot(&target.vault);
    let try_restore = |bytes: &[u8], secret: &[u8]| {
        let e = backup::restore(&target.vault, bytes, secret, RestoreMode::Merge).unwrap_err();
        assert_eq!(snapshot(&target.vault), before, "{e:?}");
        e
    };
    assert!(matches!(
        try_restore(&file, b"the wrong passphrase"),
        BackupError::WrongSecret
    ));
    let mut flipped = file.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    assert!(matches!(try_restore(&flipped, PASS), BackupError::Damaged));
    assert!(matches!(
        try_restore(&file[..file.len() - 100], PASS),
        BackupError::Truncated { .. }
    ));
    assert!(matches!(
        try_restore(b"{\"not\":\"a backup\"}", PASS),
        BackupError::NotABackup
    ));
    // A file of random bytes as long as a backup cannot be told from one under another secret.
    let random: Vec<u8> =
        std::iter::repeat_with(|| *oneday_core::vault::RecordId::generate().unwrap().as_bytes())
            .flatten()
            .take(file.len())
            .collect();
    assert!(matches!(
        try_restore(&random, PASS),
        BackupError::WrongSecret
    ));
    // Damage at the start of a sealed file is indistinguishable from a wrong secret too.
    let mut start = file.clone();
    start[30] ^= 0x01;
    assert!(matches!(
        try_restore(&start, PASS),
        BackupError::WrongSecret
    ));
    // A clear (version 1) header that claims a newer version asks for an update.
    let (v1, v1_pass) = fixture("backup-v1");
    let mut newer = v1.clone();
    newer[8..10].copy_from_slice(&7u16.to_be_bytes());
    let e = try_restore(&newer, &v1_pass);
    assert!(matches!(e, BackupError::NewerFormat { version: 7 }));
    assert!(e.to_string().contains("update the app"));
    // The tag is over everything: a valid file whose contents were re-encrypted is still refused
    // unless the key check and the tag both hold, which only the secret can make.
    assert!(backup::verify(&flipped, PASS).is_err());
}

#[test]
fn a_backup_under_the_recovery_code_opens_with_the_code_typed_loosely() {
    let t = new_vault();
    populate(&t.vault, "x");
    let file = backup::export(
        &t.vault,
        t.code.as_str().as_bytes(),
        BackupSecretKind::RecoveryCode,
        KdfParams::MINIMUM,
    )
    .unwrap();
    // Nothing in the file says what opens it: the kind is inside, told once it is opened.
    assert_eq!(backup::read_header(&file).unwrap(), None);
    assert_eq!(
        backup::verify(&file, t.code.as_str().as_bytes())
            .unwrap()
            .header
            .secret_kind,
        BackupSecretKind::RecoveryCode
    );
    // Another code (well formed, or not a code at all) is refused before anything is sealed.
    let other = oneday_core::vault::RecoveryCode::generate().unwrap();
    for wrong in [other.as_str().as_bytes(), b"not a code".as_slice()] {
        assert!(matches!(
            backup::export(
                &t.vault,
                wrong,
                BackupSecretKind::RecoveryCode,
                KdfParams::MINIMUM
            ),
            Err(BackupError::NotThisVaultsRecoveryCode)
        ));
    }
    let typed = t.code.as_str().to_lowercase().replace('-', " ");
    let fresh = new_vault();
    backup::restore(
        &fresh.vault,
        &file,
        typed.as_bytes(),
        RestoreMode::IntoEmpty,
    )
    .unwrap();
    assert_eq!(snapshot(&fresh.vault), snapshot(&t.vault));
}

#[test]
fn a_weak_kdf_or_short_passphrase_is_refused_before_anything_is_written() {
    let t = new_vault();
    let weak = KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    };
    assert!(matches!(
        backup::export(&t.vault, PASS, BackupSecretKind::Passphrase, weak),
        Err(BackupError::Vault(_))
    ));
    let between = KdfParams {
        m_kib: 32 * 1024,
        t: 2,
        p: 1,
    };
    assert!(matches!(
        backup::export(&t.vault, PASS, BackupSecretKind::Passphrase, between),
        Err(BackupError::KdfNotAProfile { .. })
    ));
    assert!(matches!(
        backup::export(
            &t.vault,
            b"short",
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM
        ),
        Err(BackupError::Vault(_))
    ));
    t.vault.lock();
    assert!(matches!(
        backup::export(
            &t.vault,
            PASS,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM
        ),
        Err(BackupError::Vault(_))
    ));
}

#[test]
fn files_are_written_whole_and_read_back() {
    let t = new_vault();
    populate(&t.vault, "x");
    let file = export(&t.vault);
    let path = t.tmp.path().join("oneday.backup");
    backup::write_file(&path, &file).unwrap();
    assert_eq!(backup::read_file(&path).unwrap(), file);
    assert!(!t.tmp.path().join("oneday.backup.partial").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Owner-only, whatever the umask, and also when it replaces a file others could read.
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let stale = t.tmp.path().join("oneday.backup.partial");
        std::fs::write(&stale, b"left by a crash").unwrap();
        std::fs::set_permissions(&stale, std::fs::Permissions::from_mode(0o644)).unwrap();
        backup::write_file(&path, &file).unwrap();
        assert_eq!(mode(&path), 0o600);
    }
    assert!(matches!(
        backup::read_file(&t.tmp.path().join("missing")),
        Err(BackupError::File { action: "read", .. })
    ));
}

/// Nothing the user typed is in the backup file, or in any file the export and restore leave behind.
#[test]
fn no_canary_is_in_the_backup_file_or_the_restored_vault_in_plaintext() {
    let canary = format!("CANARY{}", random_letters(12));
    let source = new_vault();
    populate(&source.vault, &canary);
    let file = export(&source.vault);
    let target = new_vault();
    let started = std::time::SystemTime::now();
    let path = target.tmp.path().join("backup.oneday");
    backup::write_file(&path, &file).unwrap();
    backup::restore(
        &target.vault,
        &backup::read_file(&path).unwrap(),
        PASS,
        RestoreMode::IntoEmpty,
    )
    .unwrap();
    let files = files_under(target.tmp.path(), None);
    assert!(files.iter().any(|f| f.ends_with("backup.oneday")));
    let found = find_canaries(&files, std::slice::from_ref(&canary));
    assert!(found.is_empty(), "{found:?}");
    assert!(!files_under(target.tmp.path(), Some(started)).is_empty());
    // The canary really is in the restored vault (the search would have found it in plaintext).
    assert!(contacts::list(&target.vault)
        .unwrap()
        .iter()
        .any(|c| c.contact.name.contains(&canary)));
}

/// A checked-in backup (see its folder's README) and its passphrase.
fn fixture(name: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let passphrase = std::fs::read_to_string(dir.join("passphrase.txt")).unwrap();
    (
        backup::read_file(&dir.join("backup.oneday")).unwrap(),
        passphrase.trim_end_matches('\n').as_bytes().to_vec(),
    )
}

/// The checked-in backup made by version 1 (see its README) keeps restoring, with the same content.
#[test]
fn the_checked_in_version_1_backup_restores() {
    let (file, passphrase) = fixture("backup-v1");
    let header = backup::read_header(&file).unwrap().unwrap();
    assert_eq!((header.version, header.kdf), (1, KdfParams::MINIMUM));
    restores_the_fixture_content(&file, &passphrase);
}

/// The checked-in backup made by version 2 (the test vector in docs/backup-format.md) restores, with
/// the same content. Run with `ONEDAY_WRITE_BACKUP_FIXTURE=1` once to write it again (only when the
/// format changes version: a new folder beside it, never over it).
#[test]
fn the_checked_in_version_2_backup_restores() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/backup-v2");
    if std::env::var_os("ONEDAY_WRITE_BACKUP_FIXTURE").is_some() {
        let passphrase = std::fs::read_to_string(dir.join("passphrase.txt")).unwrap();
        let passphrase = passphrase.trim_end_matches('\n').as_bytes();
        let t = new_vault();
        populate(&t.vault, "fixture");
        let file = backup::export(
            &t.vault,
            passphrase,
            BackupSecretKind::Passphrase,
            KdfParams::MINIMUM,
        )
        .unwrap();
        backup::write_file(&dir.join("backup.oneday"), &file).unwrap();
    }
    let (file, passphrase) = fixture("backup-v2");
    assert_eq!(backup::read_header(&file).unwrap(), None);
    let summary = backup::verify(&file, &passphrase).unwrap();
    assert_eq!(
        (summary.header.version, summary.header.kdf),
        (2, KdfParams::MINIMUM)
    );
    restores_the_fixture_content(&file, &passphrase);
}

/// Restores a fixture (made by `populate(vault, "fixture")`) into a new vault and checks what came
/// back.
fn restores_the_fixture_content(file: &[u8], passphrase: &[u8]) {
    let t = new_vault();
    let report = backup::restore(&t.vault, file, passphrase, RestoreMode::IntoEmpty).unwrap();
    // The fixture's meetings are of the older layout: they come back as chunks and the user's data.
    assert!(
        added(&report)
            .iter()
            .all(|(k, n)| (*n > 0) == (*k != RecordKind::Meeting)),
        "{report:?}"
    );
    assert_eq!(report.of(RecordKind::MeetingChunk).added, 8);
    assert_eq!(report.of(RecordKind::MeetingMine).added, 1);
    assert_eq!(meetings::list(&t.vault).unwrap().len(), 6);
    let v = &t.vault;
    let names: Vec<String> = counters::list(v)
        .unwrap()
        .into_iter()
        .map(|c| c.counter.settings().label.clone())
        .collect();
    assert!(names.contains(&"Alcohol fixture".to_string()), "{names:?}");
    let alcohol = counters::list(v)
        .unwrap()
        .into_iter()
        .find(|c| c.counter.settings().label == "Alcohol fixture")
        .unwrap();
    assert_eq!(alcohol.counter.start(), Some(d(2023, 6, 2)));
    assert_eq!(
        alcohol
            .counter
            .stats(d(2024, 6, 2))
            .unwrap()
            .current_run_days,
        366
    );
    assert_eq!(
        contacts::list(v).unwrap()[0].contact.name,
        "Sponsor fixture"
    );
    assert_eq!(
        checkins::store::get(v, d(2024, 6, 1))
            .unwrap()
            .unwrap()
            .journal
            .as_deref(),
        Some("journal fixture")
    );
    assert_eq!(
        plans::history(v, oneday_core::plans::PlanKind::Safety)
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        settings::get::<String>(v, "support.region")
            .unwrap()
            .as_deref(),
        Some("GB")
    );
    assert!(meetings::list(v)
        .unwrap()
        .iter()
        .any(|m| m.stored.user.saved));
}

/// A version-2 file starts with nothing readable: two exports of the same vault share no prefix,
/// and each looks like random bytes (a byte histogram within a chi-square bound, no run of printable
/// ASCII, no name of the app).
#[test]
fn a_version_2_file_has_no_fixed_bytes() {
    let t = new_vault();
    populate(&t.vault, "x");
    let a = export(&t.vault);
    let b = export(&t.vault);
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Random files share a first byte once in 256; eight in a row once in 2^64.
    assert!(common < 8, "{common} bytes in common at the start");
    for file in [&a, &b] {
        assert!(file.len() > 4096);
        let mut counts = [0f64; 256];
        for &byte in file.iter() {
            counts[usize::from(byte)] += 1.0;
        }
        let expected = file.len() as f64 / 256.0;
        let chi2: f64 = counts
            .iter()
            .map(|c| (c - expected).powi(2) / expected)
            .sum();
        // 255 degrees of freedom: mean 255, standard deviation 22.6; above 400 is p < 1e-10.
        assert!(chi2 < 400.0, "chi-square {chi2}");
        let longest_text = file
            .split(|b| !(0x20..0x7f).contains(b))
            .map(<[u8]>::len)
            .max()
            .unwrap_or(0);
        // A run of 20 printable bytes comes up by chance about once in 10^5 files this size.
        assert!(longest_text < 20, "{longest_text} printable bytes in a row");
        let lower = file.to_ascii_lowercase();
        assert!(!lower.windows(6).any(|w| w == b"oneday"));
    }
}
