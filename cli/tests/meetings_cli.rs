//! `oneday meetings ...` end to end, against a real encrypted store in a temporary folder, with the
//! repository's own sample meeting list.
#![allow(clippy::unwrap_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/meetings/meeting-guide-sample.json")
}

fn oneday(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oneday"))
        .arg("--store")
        .arg(dir)
        .args(args)
        .env_remove("ONEDAY_DEVICE_KEY")
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = oneday(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let v: Value = serde_json::from_str(&ok(dir, args)).unwrap();
    assert_eq!(v["schema_version"], 1);
    v
}

fn id_of(dir: &Path, slug: &str) -> String {
    let v = json(dir, &["meetings", "search", "--json"]);
    v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"].as_str().unwrap().ends_with(&format!("/{slug}")))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn store() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    (tmp, dir)
}

#[test]
fn import_save_next_attend_and_export() {
    let (_tmp, dir) = store();
    let file = sample();
    let file = file.to_str().unwrap();
    let text = ok(
        &dir,
        &["meetings", "import", file, "--format", "meeting-guide"],
    );
    assert!(text.contains("kept"), "{text}");
    assert!(text.contains("added"), "{text}");
    let again = json(
        &dir,
        &[
            "meetings",
            "import",
            file,
            "--format",
            "meeting-guide",
            "--json",
        ],
    );
    assert_eq!(again["source"], "meeting-guide-sample");
    assert_eq!(again["counts"]["added"], 0);
    let kept = again["report"]["kept"].as_u64().unwrap();
    assert_eq!(again["counts"]["unchanged"].as_u64().unwrap(), kept);

    let all = json(&dir, &["meetings", "search", "--json"]);
    assert_eq!(all["meetings"].as_array().unwrap().len() as u64, kept);
    let online = json(&dir, &["meetings", "search", "--mode", "online", "--json"]);
    assert!(!online["meetings"].as_array().unwrap().is_empty());
    let text = json(&dir, &["meetings", "search", "--text", "kolkata", "--json"]);
    assert_eq!(text["meetings"].as_array().unwrap().len(), 1);

    // Nothing saved yet.
    let none = json(
        &dir,
        &[
            "meetings",
            "next",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert!(none["occurrences"].as_array().unwrap().is_empty());

    let id = id_of(&dir, "kolkata-online");
    ok(&dir, &["meetings", "save", &id[..6]]);
    ok(&dir, &["meetings", "note", &id[..6], "bring water"]);
    let saved = json(&dir, &["meetings", "search", "--saved", "--json"]);
    assert_eq!(saved["meetings"][0]["note"], "bring water");

    let next = json(
        &dir,
        &[
            "meetings",
            "next",
            "--count",
            "2",
            "--at",
            "2024-06-03 09:00",
            "--zone",
            "Europe/Berlin",
            "--json",
        ],
    );
    assert_eq!(next["user_zone"], "Europe/Berlin");
    assert_eq!(next["from"], "2024-06-03T09:00:00+02:00");
    let occ = next["occurrences"].as_array().unwrap();
    assert_eq!(occ.len(), 2);
    assert_eq!(occ[0]["id"], id.as_str());
    assert_eq!(occ[0]["start_zone"], "Asia/Kolkata");
    assert_eq!(occ[0]["start"], "2024-06-08T19:00:00+05:30");
    assert_eq!(occ[0]["start_user"], "2024-06-08T15:30:00+02:00");

    // --all includes every meeting; TZ gives the zone when --zone is absent.
    let any = json(
        &dir,
        &[
            "meetings",
            "next",
            "--all",
            "--at",
            "2024-06-03 09:00",
            "--json",
        ],
    );
    assert_eq!(any["user_zone"], "Europe/Berlin");
    assert_eq!(any["occurrences"].as_array().unwrap().len(), 5);

    ok(&dir, &["meetings", "attend", &id, "--date", "2024-06-01"]);
    ok(&dir, &["meetings", "attend", &id, "--date", "2024-06-08"]);
    let att = json(
        &dir,
        &[
            "meetings",
            "attendance",
            "--days",
            "7",
            "--as-of",
            "2024-06-08",
            "--json",
        ],
    );
    assert_eq!(att["count"]["meetings"], 1);
    let att = json(
        &dir,
        &["meetings", "attendance", "--as-of", "2024-06-08", "--json"],
    );
    assert_eq!(att["count"]["meetings"], 2);

    let ics = ok(&dir, &["meetings", "export-ics", &id]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("TZID=Asia/Kolkata"));

    ok(&dir, &["meetings", "unsave", &id]);
    let saved = json(&dir, &["meetings", "search", "--saved", "--json"]);
    assert!(saved["meetings"].as_array().unwrap().is_empty());
}

#[test]
fn bad_input_is_a_clear_error() {
    let (tmp, dir) = store();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, b"[{\"slug\": ").unwrap();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            bad.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid JSON"), "{err}");

    let missing = tmp.path().join("missing.json");
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            missing.to_str().unwrap(),
            "--format",
            "bmlt",
        ],
    );
    assert_eq!(out.status.code(), Some(3));

    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            "https://example.org/feed.json",
            "--format",
            "bmlt",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not supported yet"));

    let out = oneday(&dir, &["meetings", "save", "abcd"]);
    assert_eq!(out.status.code(), Some(3));
    let out = oneday(&dir, &["meetings", "next", "--zone", "Mars/Olympus"]);
    assert_eq!(out.status.code(), Some(3));
    let out = oneday(
        &dir,
        &["meetings", "next", "--at", "tomorrow", "--zone", "UTC"],
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_locked_store_is_exit_4() {
    let (_tmp, dir) = store();
    ok(&dir, &["lock"]);
    let out = oneday(&dir, &["meetings", "search"]);
    assert_eq!(out.status.code(), Some(4));
    let file = sample();
    let out = oneday(
        &dir,
        &[
            "meetings",
            "import",
            file.to_str().unwrap(),
            "--format",
            "meeting-guide",
        ],
    );
    assert_eq!(out.status.code(), Some(4));
}
