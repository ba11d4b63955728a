//! Panic wipe: the folder ends up empty, open handles in the process lose their keys for good, what
//! an interrupted wipe leaves behind opens with nothing, and a wipe can be resumed; neither another
//! process in a write transaction nor a full disk stops it.
#![allow(clippy::unwrap_used)]

mod vault_support;

use std::fs;

use oneday_core::vault::{DeviceKey, KdfParams, RecordId, RecordKind, Vault, VaultError, WriteOp};
use vault_support::*;

#[test]
fn wipe_empties_the_folder_and_locks_every_open_handle_for_good() {
    let tv = new_vault();
    let canary = format!("wipe canary {}", random_letters(24));
    let id = RecordId::generate().unwrap();
    tv.vault.put(RecordKind::Setting, &id, &canary).unwrap();
    let second = Vault::open_with_device_key(&tv.dir, &tv.key).unwrap();
    assert!(
        fs::read_dir(&tv.dir).unwrap().count() >= 2,
        "db and WAL while open"
    );

    Vault::wipe(&tv.dir).unwrap();

    assert!(tv.dir.is_dir(), "the folder itself stays");
    let left: Vec<_> = fs::read_dir(&tv.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "folder not empty after wipe: {left:?}");
    assert!(!Vault::exists(&tv.dir));

    // Nothing the process holds can decrypt anything any more: both handles are locked, and can
    // never be unlocked again, not even with the right secrets.
    for v in [&tv.vault, &second] {
        assert!(v.is_locked());
        assert!(matches!(
            v.get::<String>(RecordKind::Setting, &id),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            v.put(RecordKind::Setting, &id, &1),
            Err(VaultError::Locked)
        ));
        assert!(matches!(
            v.unlock_with_device_key(&tv.key),
            Err(VaultError::Wiped)
        ));
        assert!(matches!(
            v.unlock_with_recovery(tv.code.as_str().as_bytes()),
            Err(VaultError::Wiped)
        ));
    }
    assert!(matches!(
        Vault::open_with_device_key(&tv.dir, &tv.key),
        Err(VaultError::NotFound)
    ));

    // A new vault can be made in the same folder afterwards.
    let (fresh, _) =
        Vault::create(&tv.dir, &DeviceKey::generate().unwrap(), KdfParams::MINIMUM).unwrap();
    assert_eq!(fresh.get::<String>(RecordKind::Setting, &id).unwrap(), None);
}

const WIPE_CHILD_ENV: &str = "ONEDAY_WIPE_CHILD_DIR";

/// The child of `wipe_killed_at_random_moments_always_resumes`: wipes the folder it is given.
#[test]
#[ignore = "child process of wipe_killed_at_random_moments_always_resumes"]
fn wipe_child() {
    let Ok(dir) = std::env::var(WIPE_CHILD_ENV) else {
        return;
    };
    println!("start");
    Vault::wipe(std::path::Path::new(&dir)).unwrap();
    println!("done");
}

/// A wipe killed with SIGKILL at any moment: the vault is either gone or refuses to open
/// (`WipeInProgress`), never silently openable; running the wipe again empties the folder. Files left
/// behind after the slots were destroyed open with neither the device key nor the recovery code.
#[test]
fn wipe_killed_at_random_moments_always_resumes() {
    let exe = std::env::current_exe().unwrap();
    let (mut interrupted, mut slots_already_destroyed) = (0, 0);
    for run in 0..30u32 {
        let tv = new_vault();
        let ops = (0..200u32)
            .map(|i| WriteOp::put(RecordKind::Counter, &RecordId::generate().unwrap(), &i).unwrap())
            .collect();
        tv.vault.write_batch(ops).unwrap();
        let TestVault {
            tmp,
            dir,
            vault,
            key,
            code,
        } = tv;
        drop(vault);
        let mut child = std::process::Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "wipe_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WIPE_CHILD_ENV, &dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let r = u32::from(RecordId::generate().unwrap().as_bytes()[0]);
        std::thread::sleep(std::time::Duration::from_micros(u64::from(r * 40 + run)));
        child.kill().unwrap();
        child.wait().unwrap();

        let db_left = dir.join("vault.db").exists();
        if db_left {
            // Either the wipe had not started, or it had and the vault refuses to open.
            let marker = dir.join("vault.wipe").exists();
            if marker {
                interrupted += 1;
                assert!(matches!(
                    Vault::open_with_device_key(&dir, &key),
                    Err(VaultError::WipeInProgress)
                ));
                // Copy what is left without the marker: it either still has its slots (killed before
                // step 3) or opens with nothing.
                let leftovers = tmp.path().join("leftovers");
                copy_dir(&dir, &leftovers);
                fs::remove_file(leftovers.join("vault.wipe")).unwrap();
                let device = Vault::open_with_device_key(&leftovers, &key).map(drop);
                let recovery =
                    Vault::open_with_recovery(&leftovers, code.as_str().as_bytes()).map(drop);
                // After step 3 nothing opens: slots are noise (`CorruptSlot`) or, once step 4
                // started on the file, the file itself is (`CorruptDatabase`).
                match (device, recovery) {
                    (Ok(()), Ok(())) => {}
                    (Err(d), Err(r)) if is_destroyed(&d) && is_destroyed(&r) => {
                        slots_already_destroyed += 1;
                    }
                    (d, r) => panic!("run {run}: slots destroyed only in part: {d:?} {r:?}"),
                }
            }
        }
        Vault::wipe(&dir).unwrap();
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "run {run}: left {left:?}");
    }
    eprintln!(
        "wipe kills: {interrupted} mid-wipe, {slots_already_destroyed} after slot destruction"
    );
}

fn is_destroyed(e: &VaultError) -> bool {
    matches!(e, VaultError::CorruptSlot | VaultError::CorruptDatabase)
}

/// The limit of crypto-shredding, stated as a test: a copy of the files taken *before* the wipe
/// still holds intact key slots, so it opens with the device key or the recovery code. The wipe
/// makes sure the process holds neither the keys nor a handle that could use them (above); the shell
/// must destroy the device key (Keystore entry, key file) as part of the panic wipe, and the
/// recovery code is on the user's paper.
#[test]
fn pre_wipe_copy_opens_only_with_secrets_the_shell_must_destroy() {
    let tv = new_vault();
    let id = RecordId::generate().unwrap();
    tv.vault.put(RecordKind::Setting, &id, &"before").unwrap();
    let copy = tv.tmp.path().join("copy");
    copy_dir(&tv.dir, &copy);

    Vault::wipe(&tv.dir).unwrap();
    assert!(matches!(
        tv.vault.unlock_with_device_key(&tv.key),
        Err(VaultError::Wiped)
    ));

    // Wiping the live folder does not reach the copy, and no key the process can make opens it.
    assert!(matches!(
        Vault::open_with_device_key(&copy, &DeviceKey::generate().unwrap()),
        Err(VaultError::WrongDeviceKey)
    ));
    // Only the real device key does: the reason the shell must delete it with the wipe.
    let reopened = Vault::open_with_device_key(&copy, &tv.key).unwrap();
    assert_eq!(
        reopened
            .get::<String>(RecordKind::Setting, &id)
            .unwrap()
            .as_deref(),
        Some("before")
    );
}

#[test]
fn wipe_of_a_folder_without_a_vault_is_a_no_op() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("unrelated.txt"), b"keep me").unwrap();
    Vault::wipe(tmp.path()).unwrap();
    assert!(tmp.path().join("unrelated.txt").exists());
    Vault::wipe(&tmp.path().join("missing")).unwrap();
}

const BUSY_CHILD_DIR: &str = "ONEDAY_BUSY_CHILD_DIR";
const BUSY_CHILD_KEY: &str = "ONEDAY_BUSY_CHILD_KEY";

/// The child of `a_second_process_in_a_write_transaction_does_not_stop_the_wipe`: opens the vault,
/// starts a write transaction, says so, and waits inside it until it is killed.
#[test]
#[ignore = "child process of a_second_process_in_a_write_transaction_does_not_stop_the_wipe"]
fn busy_child() {
    let Ok(dir) = std::env::var(BUSY_CHILD_DIR) else {
        return;
    };
    let hex = std::env::var(BUSY_CHILD_KEY).unwrap();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let key = DeviceKey::from_bytes(&bytes).unwrap();
    let vault = Vault::open_with_device_key(std::path::Path::new(&dir), &key).unwrap();
    let _ = vault.transaction(|tx| -> Result<(), VaultError> {
        tx.put(
            RecordKind::Setting,
            &RecordId::generate().unwrap(),
            &"pending",
        )?;
        println!("in a write transaction");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    });
}

#[test]
fn a_second_process_in_a_write_transaction_does_not_stop_the_wipe() {
    use std::io::BufRead;
    let tv = new_vault();
    let id = RecordId::generate().unwrap();
    tv.vault.put(RecordKind::Setting, &id, &"before").unwrap();
    let hex: String = tv
        .key
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "busy_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(BUSY_CHILD_DIR, &tv.dir)
        .env(BUSY_CHILD_KEY, &hex)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.contains("in a write transaction")));
    // The vault really is busy: another writer gives up.
    assert!(matches!(
        tv.vault.put(RecordKind::Setting, &id, &"blocked"),
        Err(VaultError::Busy)
    ));
    Vault::wipe(&tv.dir).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let left: Vec<_> = fs::read_dir(&tv.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left {left:?}");
    assert!(matches!(
        tv.vault.get::<String>(RecordKind::Setting, &id),
        Err(VaultError::Locked)
    ));
}

/// Mounts a small tmpfs at `at`; `false` (with a visible message) where that is not allowed.
fn mount_small_tmpfs(at: &std::path::Path) -> bool {
    let out = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs"])
        .arg(at)
        .output();
    match out {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            eprintln!(
                "SKIPPED full-disk wipe test: cannot mount a tmpfs here (needs root): {}",
                String::from_utf8_lossy(&o.stderr).trim()
            );
            false
        }
        Err(e) => {
            eprintln!("SKIPPED full-disk wipe test: no `mount` command: {e}");
            false
        }
    }
}

#[test]
fn a_full_disk_does_not_stop_the_wipe() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    if !mount_small_tmpfs(&mnt) {
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let dir = mnt.join("store");
        let key = DeviceKey::generate().unwrap();
        let (vault, code) = Vault::create(&dir, &key, KdfParams::MINIMUM).unwrap();
        // One transaction: each write also rewrites the manifest, and 100 of them would fill
        // the small disk with WAL frames before the test does.
        let puts = (0..100u32)
            .map(|i| WriteOp::put(RecordKind::Counter, &RecordId::generate().unwrap(), &i))
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        vault.write_batch(puts).unwrap();
        // Fill the disk to the last byte.
        let mut filler = fs::File::create(mnt.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        while std::io::Write::write_all(&mut filler, &[0u8]).is_ok() {}
        assert!(
            fs::write(mnt.join("one more"), b"x").is_err(),
            "disk not full"
        );
        Vault::wipe(&dir).unwrap();
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "left {left:?}");
        assert!(matches!(
            Vault::open_with_recovery(&dir, code.as_str().as_bytes()),
            Err(VaultError::NotFound)
        ));
        drop(vault);
    });
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
