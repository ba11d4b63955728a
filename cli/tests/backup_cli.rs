//! `oneday backup export|verify|restore` end to end: moving a store to another computer, merging,
//! the exit codes of wrong, damaged and newer files, and no canary in the backup file.

#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

const PASS: &str = "a passphrase for the test\n";

fn twice(pass: &str) -> String {
    format!("{pass}{pass}")
}

/// A store with a counter (reset once) and a contact whose name is `name`.
fn filled_store(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = new_store();
    let added = ok(
        &dir,
        &["counter", "add", "Alcohol", "--since", "2024-01-01"],
    );
    let id = added
        .trim()
        .trim_start_matches("Added counter ")
        .trim_end_matches('.')
        .to_owned();
    ok(&dir, &["counter", "reset", &id[..8], "--on", "2024-06-01"]);
    ok_in(
        &dir,
        &[
            "contacts",
            "add",
            "-",
            "--role",
            "sponsor",
            "--phone",
            "+44 20 7946 0321",
        ],
        &format!("{name}\n"),
    );
    (tmp, dir)
}

#[test]
fn a_store_moves_to_another_computer_and_merges_back() {
    let (tmp, old) = filled_store("Sponsor Sam");
    let file = tmp.path().join("backup-2026-11-29");
    let f = file.to_str().unwrap();
    let out = ok_in(&old, &["backup", "export", f], &twice(PASS));
    assert!(out.contains("1 counter,"), "{out}");
    assert!(out.contains("1 contact to"), "{out}");

    let summary = {
        let o = oneday_in(&old, &["backup", "verify", f, "--json"], PASS);
        assert!(o.status.success());
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v
    };
    assert_eq!(summary["schema_version"], 1);
    assert_eq!(summary["secret_kind"], "passphrase");
    let contacts = summary["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "contact")
        .unwrap();
    assert_eq!(contacts["count"], 1);

    let (_tmp2, new) = new_store();
    let o = oneday_in(&new, &["backup", "restore", f, "--json"], PASS);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["merged"], false);
    assert!(report["total"]["added"].as_u64().unwrap() >= 2);
    assert_eq!(
        ok(&new, &["status", "--json", "--as-of", "2024-06-11"]),
        ok(&old, &["status", "--json", "--as-of", "2024-06-11"])
    );
    assert!(ok(&new, &["contacts", "list"]).contains("Sponsor Sam"));

    // Restoring again without --merge is refused: the store is no longer empty.
    let o = oneday_in(&new, &["backup", "restore", f], PASS);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("merge"));
    // With --merge, the same backup changes nothing.
    let again = ok_in(&new, &["backup", "restore", f, "--merge"], PASS);
    assert!(again.contains("0 added, 0 updated"), "{again}");
}

#[test]
fn wrong_damaged_and_newer_files_have_their_exit_codes_and_change_nothing() {
    let (tmp, dir) = filled_store("Sponsor Sam");
    let file = tmp.path().join("b");
    let f = file.to_str().unwrap();
    ok_in(&dir, &["backup", "export", f], &twice(PASS));
    let before = ok(&dir, &["status", "--json", "--as-of", "2024-06-11"]);

    let o = oneday_in(
        &dir,
        &["backup", "restore", f, "--merge"],
        "not the passphrase\n",
    );
    assert_eq!(o.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not open"));

    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let damaged = tmp.path().join("damaged");
    std::fs::write(&damaged, &bytes).unwrap();
    let o = oneday_in(
        &dir,
        &["backup", "restore", damaged.to_str().unwrap(), "--merge"],
        PASS,
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("damaged"));

    // Damage at the start of a sealed file cannot be told from a wrong passphrase.
    let mut start = std::fs::read(&file).unwrap();
    start[8] ^= 1;
    let start_file = tmp.path().join("start");
    std::fs::write(&start_file, &start).unwrap();
    let o = oneday_in(
        &dir,
        &["backup", "verify", start_file.to_str().unwrap()],
        PASS,
    );
    assert_eq!(o.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&o.stderr).contains("may not be a One Day backup"));

    // A version-1 file (clear header) that claims a newer version.
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/backup-v1/backup.oneday");
    let mut newer = std::fs::read(v1).unwrap();
    newer[8..10].copy_from_slice(&2u16.to_be_bytes());
    let newer_file = tmp.path().join("newer");
    std::fs::write(&newer_file, &newer).unwrap();
    let o = oneday_in(
        &dir,
        &["backup", "verify", newer_file.to_str().unwrap()],
        PASS,
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("update the app"));

    let o = oneday_in(&dir, &["backup", "verify", "/nonexistent/file"], PASS);
    assert_eq!(o.status.code(), Some(5));

    // Passphrases that differ, an existing file without --force.
    let o = oneday_in(
        &dir,
        &["backup", "export", tmp.path().join("c").to_str().unwrap()],
        "one passphrase\nanother one\n",
    );
    assert_eq!(o.status.code(), Some(3));
    let o = oneday_in(&dir, &["backup", "export", f], &twice(PASS));
    assert_eq!(o.status.code(), Some(3));
    ok_in(&dir, &["backup", "export", f, "--force"], &twice(PASS));

    assert_eq!(
        ok(&dir, &["status", "--json", "--as-of", "2024-06-11"]),
        before
    );
}

#[test]
fn the_backup_file_holds_no_canary_in_plaintext() {
    let canary = "CanaryZebraQuokka";
    let (tmp, dir) = filled_store(canary);
    let file = tmp.path().join("b");
    ok_in(
        &dir,
        &["backup", "export", file.to_str().unwrap()],
        &twice(PASS),
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(!bytes
        .windows(canary.len())
        .any(|w| w.eq_ignore_ascii_case(canary.as_bytes())));
    assert!(!tmp.path().join("b.partial").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "the backup is readable by its owner only"
        );
    }
}
