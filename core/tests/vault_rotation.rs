//! Data-key rotation: every change of a way in makes a new data key, so nothing from before the
//! change (a device key, a slot carved from an old copy of `vault.db`) opens what is written after;
//! and a rotation killed at any instant leaves the old key or the new one in force, never a mix.
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use oneday_core::vault::{
    DeviceKey, IntegrityProblem, KdfParams, RecordId, RecordKind, RecoveryCode, SlotState, Vault,
    VaultError,
};
use vault_support::*;

const PASS: &[u8] = b"lantern orbit pickle thursday";

fn raw(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("vault.db")).unwrap()
}

/// Both slot rows as they are now (`None` for a missing one).
fn slots_of(dir: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let conn = raw(dir);
    let get = |id: i64| {
        conn.query_row("SELECT body FROM slot WHERE id = ?1", [id], |r| r.get(0))
            .ok()
    };
    (get(1), get(2))
}

fn plant(dir: &Path, id: i64, body: &[u8]) {
    raw(dir)
        .execute(
            "INSERT OR REPLACE INTO slot (id, body) VALUES (?1, ?2)",
            rusqlite::params![id, body],
        )
        .unwrap();
}

#[test]
fn after_lock_recover_and_passphrase_change_no_old_key_or_slot_reads_anything_new() {
    let tv = new_vault();
    let (dir, k1, code) = (tv.dir.clone(), tv.key, tv.code);
    let a = RecordId::generate().unwrap();
    tv.vault
        .put(RecordKind::Counter, &a, &"written first")
        .unwrap();
    let (k1_slot, code_slot_1) = slots_of(&dir);

    // `oneday lock`: the device slot goes, proven by the recovery code.
    tv.vault
        .remove_device_slot(code.as_str().as_bytes())
        .unwrap();
    let (_, code_slot_2) = slots_of(&dir);
    drop(tv.vault);

    // `oneday unlock --recovery`: a new device key.
    let k2 = DeviceKey::generate().unwrap();
    let v = Vault::recover(&dir, code.as_str().as_bytes(), &k2).unwrap();
    let b = RecordId::generate().unwrap();
    v.put(RecordKind::Counter, &b, &"written after unlock")
        .unwrap();
    let (k2_slot, code_slot_3) = slots_of(&dir);

    // `oneday passphrase change`, proven by the code.
    v.change_passphrase(Some(code.as_str().as_bytes()), PASS, KdfParams::MINIMUM)
        .unwrap();
    let c = RecordId::generate().unwrap();
    v.put(RecordKind::Counter, &c, &"written after the change")
        .unwrap();
    drop(v);
    let (now_device, now_recovery) = slots_of(&dir);
    let (now_device, now_recovery) = (now_device.unwrap(), now_recovery.unwrap());

    // The old device key has no slot today.
    assert!(matches!(
        Vault::open_with_device_key(&dir, &k1),
        Err(VaultError::WrongDeviceKey)
    ));
    assert!(matches!(
        Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
        Err(VaultError::WrongRecoverySecret)
    ));

    // Old device slots planted from earlier copies: they unwrap an old data key, which does not
    // open the manifest (sealed under the newest key with every record), so the vault refuses to
    // open and nothing is read.
    for (slot, key) in [(k1_slot.unwrap(), &k1), (k2_slot.unwrap(), &k2)] {
        plant(&dir, 1, &slot);
        assert!(matches!(
            Vault::open_with_device_key(&dir, key),
            Err(VaultError::Integrity(IntegrityProblem::OtherKey))
        ));
    }
    plant(&dir, 1, &now_device);

    // Old recovery slots (the code) planted from earlier copies: the same.
    for slot in [code_slot_1, code_slot_2, code_slot_3] {
        plant(&dir, 2, &slot.unwrap());
        assert!(matches!(
            Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
            Err(VaultError::Integrity(IntegrityProblem::OtherKey))
        ));
    }
    plant(&dir, 2, &now_recovery);

    // Today's ways in read everything.
    for v in [
        Vault::open_with_device_key(&dir, &k2).unwrap(),
        Vault::open_with_recovery(&dir, PASS).unwrap(),
    ] {
        assert_eq!(
            v.get::<String>(RecordKind::Counter, &c).unwrap().as_deref(),
            Some("written after the change")
        );
        assert_eq!(
            v.get::<String>(RecordKind::Counter, &a).unwrap().as_deref(),
            Some("written first")
        );
    }
}

const DIR_ENV: &str = "ONEDAY_ROTATION_CHILD_DIR";
const KEY_ENV: &str = "ONEDAY_ROTATION_CHILD_KEY";
const CODE_ENV: &str = "ONEDAY_ROTATION_CHILD_CODE";
const RECORDS: u8 = 150;
const RUNS: u32 = 16;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn key_from_hex(s: &str) -> DeviceKey {
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    DeviceKey::from_bytes(&bytes).unwrap()
}

fn record_id(n: u8) -> RecordId {
    RecordId::from_bytes([n; 16])
}

fn text_of(n: u8) -> String {
    format!("record {n} ").repeat(usize::from(n % 30) + 1)
}

/// The rotating child of `a_rotation_killed_at_any_instant_leaves_one_key_in_force`.
#[test]
#[ignore = "child process of a_rotation_killed_at_any_instant_leaves_one_key_in_force"]
fn rotation_child() {
    let Ok(dir) = std::env::var(DIR_ENV) else {
        return;
    };
    let key = key_from_hex(&std::env::var(KEY_ENV).unwrap());
    let code = std::env::var(CODE_ENV).unwrap();
    let vault = Vault::open_with_device_key(&PathBuf::from(dir), &key).unwrap();
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        vault.rotate_data_key(code.as_bytes()).unwrap();
        writeln!(out, "rotated {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_rotation_killed_at_any_instant_leaves_one_key_in_force() {
    let tv = new_vault();
    for n in 0..RECORDS {
        tv.vault
            .put(RecordKind::Counter, &record_id(n), &text_of(n))
            .unwrap();
    }
    let (dir, key, code) = (tv.dir.clone(), tv.key, tv.code);
    drop(tv.vault);
    let exe = std::env::current_exe().unwrap();
    let mut rotations = 0;
    for run in 0..RUNS {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "rotation_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_ENV, &dir)
            .env(KEY_ENV, hex(key.as_bytes()))
            .env(CODE_ENV, code.as_str())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter(|l| l.contains("rotated"))
                .count()
        });
        let r = u64::from(RecordId::generate().unwrap().as_bytes()[0]);
        std::thread::sleep(Duration::from_millis(20 + r * 2 + u64::from(run)));
        child.kill().unwrap();
        child.wait().unwrap();
        rotations += reader.join().unwrap();

        // Whatever instant the kill hit, both ways in open the same key and read every record.
        for v in [
            Vault::open_with_device_key(&dir, &key).unwrap(),
            Vault::open_with_recovery(&dir, code.as_str().as_bytes()).unwrap(),
        ] {
            let health = v.key_slot_health().unwrap();
            assert_eq!(health.device, SlotState::Intact, "run {run}");
            assert_eq!(health.recovery, SlotState::Intact, "run {run}");
            for n in 0..RECORDS {
                assert_eq!(
                    v.get::<String>(RecordKind::Counter, &record_id(n)).unwrap(),
                    Some(text_of(n)),
                    "run {run}, record {n}"
                );
            }
        }
    }
    assert!(rotations > 0, "no rotation finished before a kill");
    eprintln!("rotation kills: {RUNS} kills, {rotations} rotations reported finished");
}

#[test]
fn a_wrong_or_missing_secret_changes_nothing() {
    let tv = new_vault();
    let before = slots_of(&tv.dir);
    let wrong = RecoveryCode::generate().unwrap();
    assert!(matches!(
        tv.vault.remove_device_slot(wrong.as_str().as_bytes()),
        Err(VaultError::WrongRecoverySecret)
    ));
    assert!(matches!(
        tv.vault.new_recovery_code(None, KdfParams::MINIMUM),
        Err(VaultError::CurrentSecretNeeded)
    ));
    assert!(matches!(
        tv.vault.change_passphrase(
            Some(tv.code.as_str().as_bytes()),
            b"password1",
            KdfParams::MINIMUM
        ),
        Err(VaultError::WeakPassphrase { .. })
    ));
    assert_eq!(slots_of(&tv.dir), before);
}
