//! `oneday checkin ...` and `oneday trends` end to end, against a real encrypted store in a
//! temporary folder. "Today" is always given with `--as-of`, so the tests do not depend on the
//! clock.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::path::Path;

use serde_json::Value;

const TODAY: &str = "2024-05-07";

fn checkin(dir: &Path, date: &str, extra: &[&str]) -> String {
    let mut args = vec!["checkin", "--as-of", TODAY, "--date", date];
    args.extend_from_slice(extra);
    ok(dir, &args)
}

/// 2024-05-01 ..= 2024-05-07: no check-in on the 4th, no mood on the 6th.
fn record_week(dir: &Path) {
    checkin(dir, "2024-05-01", &["--mood", "4", "--craving", "2"]);
    checkin(dir, "2024-05-02", &["--mood", "3", "--craving", "5"]);
    checkin(dir, "2024-05-03", &["--mood", "2", "--craving", "7"]);
    checkin(
        dir,
        "2024-05-05",
        &["--mood", "1", "--craving", "8", "--slept", "6.5"],
    );
    checkin(dir, "2024-05-06", &["--craving", "9", "--slept", "8:00"]);
    checkin(dir, "2024-05-07", &["--mood", "2", "--craving", "7"]);
}

#[test]
fn record_edit_show_list_and_delete() {
    let (_tmp, dir) = new_store();
    let none = ok(&dir, &["checkin", "--as-of", TODAY]);
    assert!(none.contains("No check-in for 2024-05-07 yet"), "{none}");
    let empty = json(&dir, &["checkin", "--as-of", TODAY, "--json"]);
    assert_eq!(empty["check_in"], Value::Null);

    let saved = ok(
        &dir,
        &[
            "checkin",
            "--as-of",
            TODAY,
            "--mood",
            "2",
            "--craving",
            "6",
            "--medication",
            "taken",
            "--slept",
            "7.4",
            "--grateful",
            "my sponsor",
        ],
    );
    assert!(
        saved.starts_with("Saved the check-in of 2024-05-07."),
        "{saved}"
    );
    assert!(saved.contains("Slept       7h30"), "{saved}");

    // Values given later are merged into the day: an edit, not a second check-in.
    let edited = json(
        &dir,
        &["checkin", "--as-of", TODAY, "--mood", "4", "--json"],
    );
    assert_eq!(edited["saved"], "replaced");
    let c = &edited["check_in"];
    assert_eq!(c["mood"], 4);
    assert_eq!(c["craving"], 6);
    assert_eq!(c["medication"], "taken");
    assert_eq!(c["hours_slept"], 7.5);
    assert_eq!(c["gratitude"], serde_json::json!(["my sponsor"]));

    // --replace starts from an empty check-in.
    let replaced = json(
        &dir,
        &[
            "checkin",
            "--as-of",
            TODAY,
            "--replace",
            "--craving",
            "1",
            "--json",
        ],
    );
    assert_eq!(replaced["check_in"]["mood"], Value::Null);
    assert_eq!(replaced["check_in"]["medication"], Value::Null);

    // The journal line from stdin, kept out of argv.
    let from_stdin = ok_in(
        &dir,
        &["checkin", "--as-of", TODAY, "--journal", "-"],
        "went to a meeting\n",
    );
    assert!(
        from_stdin.contains("Journal     went to a meeting"),
        "{from_stdin}"
    );

    checkin(&dir, "2024-05-01", &["--medication", "n-a"]);
    let shown = json(&dir, &["checkin", "show", "--date", "2024-05-01", "--json"]);
    assert_eq!(shown["check_in"]["medication"], "not_applicable");
    let listed = json(&dir, &["checkin", "list", "--as-of", TODAY, "--json"]);
    assert_eq!(listed["from"], "2024-04-08");
    let dates: Vec<&str> = listed["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2024-05-01", "2024-05-07"]);

    let (code, err) = fails(&dir, &["checkin", "delete", "--date", "2024-05-01"]);
    assert_eq!(code, 3, "{err}");
    assert!(ok(
        &dir,
        &["checkin", "delete", "--date", "2024-05-01", "--yes"]
    )
    .contains("Deleted"));
    let (code, err) = fails(
        &dir,
        &["checkin", "delete", "--date", "2024-05-01", "--yes"],
    );
    assert_eq!(code, 3);
    assert!(err.contains("there is no check-in on 2024-05-01"), "{err}");
}

#[test]
fn trends_of_a_known_week() {
    let (_tmp, dir) = new_store();
    record_week(&dir);
    let t = json(&dir, &["trends", "--as-of", TODAY, "--days", "7", "--json"]);
    assert_eq!(t["as_of"], TODAY);
    assert_eq!(t["days"], 7);
    let windows: Vec<u64> = t["averages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["window_days"].as_u64().unwrap())
        .collect();
    assert_eq!(windows, vec![7, 30, 90]);
    let week = &t["averages"][0];
    assert_eq!(week["from"], "2024-05-01");
    assert_eq!(week["days_checked_in"], 6);
    assert_eq!(week["mood"]["days"], 5);
    assert!((week["mood"]["mean"].as_f64().unwrap() - 2.4).abs() < 1e-9);
    assert_eq!(week["craving"]["days"], 6);
    assert!((week["craving"]["mean"].as_f64().unwrap() - 38.0 / 6.0).abs() < 1e-9);
    assert_eq!(week["hours_slept"]["mean"], 7.25);
    let moods: Vec<Value> = t["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mood"].clone())
        .collect();
    assert_eq!(
        moods,
        serde_json::json!([4, 3, 2, null, 1, null, 2])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(t["series"][3]["checked_in"], false);
    assert_eq!(t["streak"]["days"], 3);
    assert_eq!(t["streak"]["since"], "2024-05-05");
    assert_eq!(
        t["flags"],
        serde_json::json!([{ "rule": "craving_at_or_above", "threshold": 7,
                             "since": "2024-05-05", "through": "2024-05-07", "days": 3 }])
    );
    assert_eq!(t["thresholds"]["days_in_a_row"], 3);

    let text = ok(&dir, &["trends", "--as-of", TODAY, "--days", "7"]);
    assert!(
        text.contains("Trends over 7 days, 2024-05-01 to 2024-05-07"),
        "{text}"
    );
    assert!(text.contains("Mood     ▆▅▃·▁·▃"), "{text}");
    assert!(text.contains("Craving  ▂▅▆·▇▇▆"), "{text}");
    assert!(
        text.contains("Check-in streak: 3 days (since 2024-05-05)."),
        "{text}"
    );
    assert!(
        text.contains("Craving has been 7 or more for 3 days in a row (since 2024-05-05)."),
        "{text}"
    );
    assert!(text.contains("not a diagnosis"), "{text}");

    // The user's own thresholds.
    ok(
        &dir,
        &[
            "checkin",
            "thresholds",
            "--craving",
            "off",
            "--mood",
            "3",
            "--days",
            "2",
        ],
    );
    let t = json(&dir, &["trends", "--as-of", "2024-05-03", "--json"]);
    assert_eq!(t["flags"][0]["rule"], "mood_at_or_below");
    assert_eq!(t["flags"][0]["since"], "2024-05-02");
    assert_eq!(t["series"].as_array().unwrap().len(), 30);
    let th = json(&dir, &["checkin", "thresholds", "--json"]);
    assert_eq!(th["thresholds"]["craving_at_or_above"], Value::Null);
    let none = ok(&dir, &["trends", "--as-of", "2024-06-30"]);
    assert!(none.contains("No check-in streak yet"), "{none}");
}

#[test]
fn bad_input_is_refused_with_exit_3_and_nothing_is_written() {
    let (_tmp, dir) = new_store();
    let cases: [(&[&str], &str); 7] = [
        (&["--mood", "9"], "mood is rated 1 to 5, not 9"),
        (&["--craving", "11"], "craving is rated 0 to 10, not 11"),
        (&["--slept", "25"], "hours slept must be from 0 to 24"),
        (&["--slept", "seven"], "write hours slept as a number"),
        (&["--date", "2024-05-08", "--mood", "3"], "is after today"),
        (&["--date", "2024-02-30", "--mood", "3"], "does not exist"),
        (
            &["--date", "1899-12-31", "--mood", "3"],
            "outside the dates",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["checkin", "--as-of", TODAY];
        args.extend_from_slice(extra);
        let (code, err) = fails(&dir, &args);
        assert_eq!(code, 3, "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let (code, err) = fails(
        &dir,
        &["checkin", "--as-of", TODAY, "--symptom", "secretword"],
    );
    assert_eq!(code, 3);
    assert!(err.contains("not in your symptom list"), "{err}");
    assert!(
        !err.contains("secretword"),
        "errors never repeat what was typed: {err}"
    );
    let (code, _) = fails(&dir, &["trends", "--as-of", TODAY, "--days", "0"]);
    assert_eq!(code, 3);
    let (code, _) = fails(&dir, &["checkin", "thresholds", "--mood", "5"]);
    assert_eq!(code, 3);
    let (code, _) = fails(&dir, &["checkin", "thresholds", "--mood", "low"]);
    assert_eq!(code, 2, "not a number or `off`: a usage error");
    let (code, err) = fails(&dir, &["checkin", "--as-of", TODAY, "--mood", "-1"]);
    assert_eq!(code, 3, "a value out of range, as --mood 9: {err}");
    assert!(err.contains("mood is rated 1 to 5"), "{err}");
    let listed = json(&dir, &["checkin", "list", "--as-of", TODAY, "--json"]);
    assert_eq!(listed["check_ins"], serde_json::json!([]));
}

#[test]
fn symptoms_list_and_a_check_in_that_names_them() {
    let (_tmp, dir) = new_store();
    assert!(ok(&dir, &["checkin", "symptoms", "list"]).contains("No symptoms in your list yet"));
    ok(&dir, &["checkin", "symptoms", "add", "Anxiety"]);
    ok_in(&dir, &["checkin", "symptoms", "add", "-"], "Voices\n");
    assert!(ok(&dir, &["checkin", "symptoms", "add", "anxiety"]).contains("Already"));
    assert_eq!(
        ok(&dir, &["checkin", "symptoms", "list"]),
        "Anxiety\nVoices\n"
    );
    let c = json(
        &dir,
        &[
            "checkin",
            "--as-of",
            TODAY,
            "--symptom",
            "anxiety",
            "--symptom",
            "VOICES",
            "--json",
        ],
    );
    assert_eq!(
        c["check_in"]["symptoms"],
        serde_json::json!(["Anxiety", "Voices"])
    );
    assert!(ok(&dir, &["checkin", "symptoms", "remove", "voices"]).contains("keep it"));
    let listed = json(&dir, &["checkin", "symptoms", "list", "--json"]);
    assert_eq!(listed["symptoms"], serde_json::json!(["Anxiety"]));
    // The day keeps the symptom removed from the list.
    let shown = json(&dir, &["checkin", "show", "--as-of", TODAY, "--json"]);
    assert_eq!(
        shown["check_in"]["symptoms"],
        serde_json::json!(["Anxiety", "Voices"])
    );
}

#[test]
fn what_a_check_in_says_is_not_in_the_store_files_in_plaintext() {
    let (_tmp, dir) = new_store();
    let journal = "canaryjournalqwxzvkjh";
    let grateful = "canarygratefulpzxqvbn";
    let symptom = "canarysymptomzqxjvkw";
    ok(&dir, &["checkin", "symptoms", "add", symptom]);
    ok_in(
        &dir,
        &[
            "checkin",
            "--as-of",
            TODAY,
            "--journal",
            "-",
            "--grateful",
            grateful,
            "--symptom",
            symptom,
        ],
        &format!("{journal}\n"),
    );
    let shown = ok(&dir, &["checkin", "--as-of", TODAY]);
    assert!(
        shown.contains(journal) && shown.contains(grateful),
        "{shown}"
    );
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            files += 1;
            let bytes = std::fs::read(&path).unwrap();
            for canary in [journal, grateful, symptom] {
                assert!(
                    !bytes.windows(canary.len()).any(|w| w == canary.as_bytes()),
                    "{canary} in {}",
                    path.display()
                );
            }
        }
    }
    assert!(files > 0);
}
