//! The device key in a real Secret Service: `oneday` keeps it in the keyring, reads it back, moves a
//! key file from before into the keyring (destroying the file), and deletes it on lock and wipe.
//!
//! Needs a D-Bus session with an unlocked Secret Service, so it is ignored by `cargo test`:
//! `tests/keyring/run.sh` installs gnome-keyring and dbus when missing, starts both under
//! `dbus-run-session` and runs it with `--ignored`. The file path (no keyring) is tested by every
//! other CLI test, through the harness's `NO_SESSION_BUS`.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::path::Path;

fn session_bus() -> String {
    std::env::var("DBUS_SESSION_BUS_ADDRESS")
        .expect("run under dbus-run-session with a Secret Service (tests/keyring/run.sh)")
}

/// The key the keyring holds for the store in `dir`, read with the keyring crate itself (service
/// `oneday`, user the folder's absolute path).
fn keyring_key(dir: &Path) -> Result<Vec<u8>, keyring::Error> {
    keyring::Entry::new(
        "oneday",
        &std::path::absolute(dir).unwrap().to_string_lossy(),
    )?
    .get_secret()
}

fn run(dir: &Path, args: &[&str], stdin: &str) -> String {
    let out = oneday_with_bus(dir, args, stdin, &session_bus());
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs a Secret Service: run tests/keyring/run.sh"]
fn the_device_key_lives_in_the_keyring_and_dies_with_lock_and_wipe() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let init = run(&dir, &["init"], "");
    assert!(init.contains("kept in the system keyring"), "{init}");
    assert!(
        !dir.join("device.key").exists(),
        "no key file beside a keyring"
    );
    let first = keyring_key(&dir).unwrap();
    assert_eq!(first.len(), 32);
    run(
        &dir,
        &["counter", "add", "Clean", "--since", "2024-01-01"],
        "",
    );
    assert!(run(&dir, &["status"], "").contains("Clean"));

    // Lock deletes it from the keyring: the store is locked for real.
    // Lock asks for the recovery code first, so no one locks themselves out.
    run(&dir, &["lock"], &format!("{}\n", recovery_code(&init)));
    assert!(matches!(keyring_key(&dir), Err(keyring::Error::NoEntry)));
    let locked = oneday_with_bus(&dir, &["status"], "", &session_bus());
    assert_eq!(locked.status.code(), Some(4));

    // Unlocking keeps a new key there.
    run(
        &dir,
        &["unlock", "--recovery"],
        &format!("{}\n", recovery_code(&init)),
    );
    let second = keyring_key(&dir).unwrap();
    assert_ne!(second, first);
    assert!(run(&dir, &["status"], "").contains("Clean"));

    // Another store has its own entry.
    let other = tmp.path().join("other");
    run(&other, &["init"], "");
    assert_ne!(keyring_key(&other).unwrap(), second);
    assert_eq!(keyring_key(&dir).unwrap(), second);

    run(&dir, &["wipe", "--yes"], "");
    assert!(matches!(keyring_key(&dir), Err(keyring::Error::NoEntry)));
    run(&other, &["wipe", "--yes"], "");
    assert!(matches!(keyring_key(&other), Err(keyring::Error::NoEntry)));
}

#[test]
#[ignore = "needs a Secret Service: run tests/keyring/run.sh"]
fn a_key_file_from_before_is_read_then_moved_into_the_keyring() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    // Made where no keyring answered: the key is in the file.
    let init = ok(&dir, &["init"]);
    let key_file = dir.join("device.key");
    assert!(key_file.exists());
    assert!(matches!(keyring_key(&dir), Err(keyring::Error::NoEntry)));
    // With the keyring there, the file still opens the store.
    run(
        &dir,
        &["counter", "add", "Clean", "--since", "2024-01-01"],
        "",
    );
    // The next key goes into the keyring, and the file is destroyed.
    // Lock asks for the recovery code first, so no one locks themselves out.
    run(&dir, &["lock"], &format!("{}\n", recovery_code(&init)));
    assert!(!key_file.exists());
    run(
        &dir,
        &["unlock", "--recovery"],
        &format!("{}\n", recovery_code(&init)),
    );
    assert!(!key_file.exists());
    assert_eq!(keyring_key(&dir).unwrap().len(), 32);
    assert!(run(&dir, &["status"], "").contains("Clean"));
    run(&dir, &["wipe", "--yes"], "");
    assert!(matches!(keyring_key(&dir), Err(keyring::Error::NoEntry)));
}
