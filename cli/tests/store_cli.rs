//! The `oneday` store commands end to end, against a real encrypted store in a temporary folder.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::path::Path;

use serde_json::Value;

/// The permission bits of `path` (Unix), or `None` elsewhere.
fn key_mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::metadata(path).unwrap().permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn first_id(dir: &Path) -> String {
    ok(dir, &["counter", "list"])
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn counters_live_in_the_store_across_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let init = ok(&dir, &["init"]);
    assert!(init.contains("recovery code"));
    ok(
        &dir,
        &[
            "counter",
            "add",
            "Alcohol",
            "--since",
            "2024-01-01",
            "--profile",
            "aa",
            "--daily-cost",
            "12.50",
            "--currency",
            "EUR",
        ],
    );
    let id = first_id(&dir);
    ok(
        &dir,
        &[
            "counter",
            "reset",
            &id[..8],
            "--on",
            "2024-06-01",
            "--note",
            "after the wedding",
        ],
    );
    let v: Value =
        serde_json::from_str(&ok(&dir, &["status", "--as-of", "2024-07-01", "--json"])).unwrap();
    let c = &v["counters"][0];
    assert_eq!(c["id"], id.as_str());
    assert_eq!(c["label"], "Alcohol");
    assert_eq!(c["clean_time"]["total_days"], 30);
    assert_eq!(c["clean_time"]["money_saved"]["amount"], "375.00");
    assert_eq!(
        c["stats"],
        serde_json::json!({"current_run_days": 30, "longest_run_days": 152,
        "total_clean_days": 182, "attempts": 2, "relapses": 1})
    );
    let show: Value = serde_json::from_str(&ok(
        &dir,
        &["counter", "show", &id, "--json", "--as-of", "2024-07-01"],
    ))
    .unwrap();
    assert_eq!(show["attempts"][0]["end"]["note"], "after the wedding");

    // Moving the clean date is an edit, not a relapse; it cannot overlap the previous attempt.
    ok(&dir, &["counter", "edit", &id, "--since", "2024-06-11"]);
    let v: Value =
        serde_json::from_str(&ok(&dir, &["status", "--as-of", "2024-07-01", "--json"])).unwrap();
    assert_eq!(v["counters"][0]["stats"]["relapses"], 1);
    assert_eq!(v["counters"][0]["clean_time"]["total_days"], 20);
    ok(&dir, &["counter", "edit", &id, "--since", "2024-06-01"]);
    let out = oneday_in(&dir, &["counter", "edit", &id, "--since", "2024-05-20"], "");
    assert_eq!(out.status.code(), Some(3));
    let v: Value =
        serde_json::from_str(&ok(&dir, &["status", "--as-of", "2024-07-01", "--json"])).unwrap();
    assert_eq!(v["counters"][0]["clean_time"]["total_days"], 30);
    assert_eq!(v["counters"][0]["stats"]["attempts"], 2);

    // Archive hides it from the dashboard, keeps it in --all.
    ok(&dir, &["counter", "archive", &id]);
    let v: Value = serde_json::from_str(&ok(&dir, &["status", "--json"])).unwrap();
    assert_eq!(v["counters"].as_array().unwrap().len(), 0);
    let v: Value = serde_json::from_str(&ok(&dir, &["status", "--all", "--json"])).unwrap();
    assert_eq!(v["counters"][0]["archived"], true);

    // Delete asks for --yes, then removes it with its history.
    assert_eq!(
        oneday_in(&dir, &["counter", "delete", &id], "")
            .status
            .code(),
        Some(3)
    );
    assert_eq!(ok(&dir, &["counter", "list", "--all"]).lines().count(), 1);
    ok(&dir, &["counter", "delete", &id, "--yes"]);
    assert_eq!(ok(&dir, &["counter", "list", "--all"]), "");
    assert_eq!(
        oneday_in(&dir, &["counter", "show", &id], "").status.code(),
        Some(3)
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    let out = oneday_in(&dir, &["counter", "add", "X", "--since", "2023-02-29"], "");
    assert_eq!(out.status.code(), Some(3));
    let out = oneday_in(&dir, &["counter", "add", " ", "--since", "2023-02-28"], "");
    assert_eq!(out.status.code(), Some(3));
    let out = oneday_in(
        &dir,
        &[
            "counter",
            "add",
            "X",
            "--since",
            "2023-02-28",
            "--daily-cost",
            "1",
            "--currency",
            "ZZZ",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(ok(&dir, &["counter", "list"]), "");
    ok(&dir, &["counter", "add", "X", "--since", "2024-01-10"]);
    let id = first_id(&dir);
    let out = oneday_in(&dir, &["counter", "reset", &id, "--on", "2024-01-01"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("before 2024-01-10"));
    let out = oneday_in(&dir, &["counter", "reset", "ffffffff"], "");
    assert_eq!(out.status.code(), Some(3));
    let v: Value = serde_json::from_str(&ok(&dir, &["status", "--json"])).unwrap();
    assert_eq!(v["counters"][0]["stats"]["attempts"], 1);
}

#[test]
fn lock_unlock_passphrase_and_wipe() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let init = ok(&dir, &["init"]);
    let code = recovery_code(&init);
    // No keyring here (the harness's NO_SESSION_BUS): the key is in the owner-only key file.
    let key_file = dir.join("device.key");
    assert!(init.contains("device.key (readable by you only)"), "{init}");
    let first_key = std::fs::read(&key_file).unwrap();
    assert_eq!(key_mode(&key_file), Some(0o600));
    let out = oneday_in(&dir, &["counter", "add", "-", "--since", "2024-01-01"], "");
    assert_eq!(out.status.code(), Some(3), "no label on stdin");
    ok(&dir, &["counter", "add", "Clean", "--since", "2024-01-01"]);

    // `lock` asks for the recovery code first; a wrong one changes nothing.
    let out = oneday_in(&dir, &["lock"], "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\n");
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("NOT locked"), "{stderr}");
    assert!(dir.join("device.key").exists());
    assert!(ok(&dir, &["status"]).contains("Clean"));

    ok_in(&dir, &["lock"], &format!("{code}\n"));
    assert!(!dir.join("device.key").exists());
    let out = oneday_in(&dir, &["status"], "");
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("oneday unlock --recovery"));

    let out = oneday_in(
        &dir,
        &["unlock", "--recovery"],
        "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\n",
    );
    assert_eq!(out.status.code(), Some(4));
    ok_in(
        &dir,
        &["unlock", "--recovery"],
        &format!("{}\n", code.to_lowercase()),
    );
    assert!(ok(&dir, &["status"]).contains("Clean"));
    let second_key = std::fs::read(&key_file).unwrap();
    assert_ne!(second_key, first_key, "unlocking makes a new device key");
    assert_eq!(key_mode(&key_file), Some(0o600));

    // Changing the passphrase asks for the current code, then the new one twice.
    let out = oneday_in(
        &dir,
        &["passphrase", "change"],
        &format!("{code}\none passphrase\nanother one\n"),
    );
    assert_eq!(out.status.code(), Some(3));
    let out = oneday_in(
        &dir,
        &["passphrase", "change"],
        "BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB\nlantern orbit pickle thursday\nlantern orbit pickle thursday\n",
    );
    assert_eq!(out.status.code(), Some(4), "a wrong current code");
    // A weak one is refused with a reason a person understands.
    let out = oneday_in(
        &dir,
        &["passphrase", "change"],
        &format!("{code}\npassword1\n"),
    );
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("too easy to guess"), "{stderr}");
    ok_in(
        &dir,
        &["passphrase", "change"],
        &format!("{code}\nlantern orbit pickle thursday\nlantern orbit pickle thursday\n"),
    );
    ok_in(&dir, &["lock"], "lantern orbit pickle thursday\n");
    let out = oneday_in(&dir, &["unlock", "--recovery"], &format!("{code}\n"));
    assert_eq!(
        out.status.code(),
        Some(4),
        "the old code no longer opens it"
    );
    ok_in(
        &dir,
        &["unlock", "--recovery"],
        "lantern orbit pickle thursday\n",
    );

    assert_eq!(oneday_in(&dir, &["wipe"], "").status.code(), Some(3));
    assert!(dir.exists());
    ok(&dir, &["wipe", "--yes"]);
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none());
    assert_eq!(oneday_in(&dir, &["status"], "").status.code(), Some(5));
}

/// Flips a byte inside the recovery slot, as a bad disk block would.
fn damage_recovery_slot(dir: &Path) {
    let conn = rusqlite::Connection::open(dir.join("vault.db")).unwrap();
    let mut body: Vec<u8> = conn
        .query_row("SELECT body FROM slot WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    body[60] ^= 0x01;
    conn.execute("UPDATE slot SET body = ?1 WHERE id = 2", [body])
        .unwrap();
}

#[test]
fn a_damaged_recovery_slot_is_found_at_open_and_lock_cannot_strand_anyone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let code = recovery_code(&ok(&dir, &["init"]));
    ok(&dir, &["counter", "add", "Clean", "--since", "2024-01-01"]);
    let v: Value = serde_json::from_str(&ok(&dir, &["status", "--json"])).unwrap();
    assert_eq!(v["key_slots"]["recovery"], "intact");
    assert_eq!(v["key_slots"]["device"], "intact");

    damage_recovery_slot(&dir);
    let out = oneday_in(&dir, &["status", "--json"], "");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("oneday passphrase new-code"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["key_slots"]["recovery"], "damaged");
    assert_eq!(v["key_slots"]["recovery_needs_new_code"], true);

    // `lock` refuses before asking anything, and keeps the device key.
    let out = oneday_in(&dir, &["lock"], &format!("{code}\n"));
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOT locked"));
    assert!(dir.join("device.key").exists());

    // A new code, without the old one (nothing can check it): the device key is the proof.
    let new_code = recovery_code(&ok(&dir, &["passphrase", "new-code"]));
    let v: Value = serde_json::from_str(&ok(&dir, &["status", "--json"])).unwrap();
    assert_eq!(v["key_slots"]["recovery"], "intact");
    ok_in(&dir, &["lock"], &format!("{new_code}\n"));
    ok_in(&dir, &["unlock", "--recovery"], &format!("{new_code}\n"));
    assert!(ok(&dir, &["status"]).contains("Clean"));
}

#[test]
fn nothing_typed_is_on_disk_in_plaintext() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    let label = "CanaryLabelQx7";
    let note = "CanaryNoteZw3";
    let out = oneday_in(
        &dir,
        &["counter", "add", "-", "--since", "2019-07-13"],
        &format!("{label}\n"),
    );
    assert!(out.status.success());
    let id = first_id(&dir);
    let out = oneday_in(
        &dir,
        &["counter", "reset", &id, "--on", "2023-03-17", "--note", "-"],
        &format!("{note}\n"),
    );
    assert!(out.status.success());
    assert!(ok(&dir, &["counter", "show", &id]).contains(note));
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for canary in [label, note, "2019-07-13", "2023-03-17", "Canary"] {
            assert!(
                !bytes.windows(canary.len()).any(|w| w == canary.as_bytes()),
                "{canary} found on disk"
            );
        }
    }
}

#[test]
fn reminders_are_neutral_unless_the_counter_opts_in() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    ok(&dir, &["counter", "add", "Heroin", "--since", "2024-01-01"]);
    ok(
        &dir,
        &[
            "counter",
            "add",
            "Gambling",
            "--since",
            "2024-01-02",
            "--name-in-reminders",
        ],
    );
    let v: Value = serde_json::from_str(&ok(
        &dir,
        &[
            "reminders",
            "--as-of",
            "2024-01-20",
            "--days",
            "20",
            "--at",
            "8:30",
            "--json",
        ],
    ))
    .unwrap();
    let r = v["reminders"].as_array().unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0]["date"], "2024-01-31");
    assert_eq!(r[0]["time"], "08:30:00");
    assert_eq!(r[0]["body"], "A milestone today. Open One Day to see it.");
    assert_eq!(r[1]["date"], "2024-02-01");
    assert_eq!(r[1]["body"], "Gambling: 30 days today.");
    assert!(!ok(&dir, &["reminders", "--as-of", "2024-01-20"]).contains("Heroin"));
    assert_eq!(
        oneday_in(&dir, &["reminders", "--at", "25:00"], "")
            .status
            .code(),
        Some(3)
    );
}
