//! The Today screen, counter edits and the check-in day through `oneday`, end to end: every number
//! and every choice (what is hidden, in what order) is core's (`oneday_core::screens`).
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use serde_json::Value;

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

/// The dates of `oneday reminders` from 2024-03-11 over 60 days.
fn reminder_dates(dir: &std::path::Path) -> Vec<String> {
    let r = json(
        dir,
        &[
            "reminders",
            "--as-of",
            "2024-03-11",
            "--days",
            "60",
            "--json",
        ],
    );
    r["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_edit_is_one_change_and_archived_counters_leave_every_list() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    ok(
        &dir,
        &[
            "counter",
            "add",
            "Alcohol",
            "--since",
            "2024-03-01",
            "--last-use",
            "2024-02-29 23:00",
        ],
    );
    ok(
        &dir,
        &["counter", "add", "Gambling", "--since", "2024-01-01"],
    );
    let v = json(
        &dir,
        &["counter", "list", "--json", "--as-of", "2024-03-11"],
    );
    let alcohol = v["counters"][1]["id"].as_str().unwrap().to_owned();
    let gambling = v["counters"][0]["id"].as_str().unwrap().to_owned();

    // Back-dating past the last use works when the last use moves back in the same edit.
    ok(
        &dir,
        &[
            "counter",
            "edit",
            &alcohol,
            "--label",
            "Sober",
            "--since",
            "2024-01-15",
            "--last-use",
            "2024-01-14 22:00",
            "--day-one",
            "true",
        ],
    );
    let v = json(&dir, &["status", "--json", "--as-of", "2024-03-11"]);
    let card = &v["counters"][1];
    assert_eq!(card["label"], "Sober");
    let show = json(&dir, &["counter", "show", &alcohol, "--json"]);
    assert_eq!(show["attempts"][0]["start"], "2024-01-15");
    // Counted as day one: 56 completed days plus today.
    assert_eq!(card["clean_time"]["total_days"], 57);
    assert_eq!(card["stats"]["attempts"], 1);

    // A refused edit writes none of its changes.
    let out = oneday_in(
        &dir,
        &[
            "counter",
            "edit",
            &alcohol,
            "--label",
            "New",
            "--since",
            "2024-01-01",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    let v = json(&dir, &["status", "--json", "--as-of", "2024-03-11"]);
    assert_eq!(v["counters"][1]["label"], "Sober");

    // Archived: gone from status, list and reminders; back with --undo.
    ok(&dir, &["counter", "archive", &gambling]);
    let v = json(&dir, &["status", "--json", "--as-of", "2024-03-11"]);
    assert_eq!(v["counters"].as_array().unwrap().len(), 1);
    let all = json(&dir, &["counter", "list", "--all", "--json"]);
    assert_eq!(all["counters"].as_array().unwrap().len(), 2);
    // Only Sober's (day one on 2024-01-15): 60 days on 03-14, 90 days on 04-13.
    assert_eq!(reminder_dates(&dir), ["2024-03-14", "2024-04-13"]);
    ok(&dir, &["counter", "archive", &gambling, "--undo"]);
    // Gambling's 90 days (2024-03-31) joins them, in date order.
    assert_eq!(
        reminder_dates(&dir),
        ["2024-03-14", "2024-03-31", "2024-04-13"]
    );
}

#[test]
fn checkin_show_gives_the_day_with_its_streak_and_cues() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    ok(&dir, &["init"]);
    for day in ["2024-05-04", "2024-05-05", "2024-05-06"] {
        ok(
            &dir,
            &["checkin", "--date", day, "--as-of", day, "--craving", "8"],
        );
    }
    let v = json(
        &dir,
        &["checkin", "show", "--as-of", "2024-05-07", "--json"],
    );
    assert_eq!(v["check_in"], Value::Null);
    assert_eq!(
        v["streak"],
        serde_json::json!({"days": 3, "since": "2024-05-04", "through": "2024-05-06"})
    );
    assert_eq!(v["cues"][0]["rule"], "craving_at_or_above");
    assert_eq!(v["cues"][0]["days"], 3);
    let text = ok(&dir, &["checkin", "show", "--as-of", "2024-05-07"]);
    assert!(
        text.contains("Check-in streak: 3 days (since 2024-05-04)."),
        "{text}"
    );
    // After a write the document says what was saved, without the screen's extras.
    let saved = json(
        &dir,
        &["checkin", "--as-of", "2024-05-07", "--mood", "4", "--json"],
    );
    assert_eq!(saved["saved"], "added");
    assert!(saved.get("streak").is_none());
}
