//! Errors and privacy at the prompt, end to end: a usage mistake is one line and a hint, input that
//! is not UTF-8 is refused, every personal value can be piped in with `-` instead of landing in the
//! shell's history, and `init` on a file says so.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Runs a command with `stdin` that must print JSON; returns it.
fn json_in(dir: &Path, args: &[&str], stdin: &str) -> Value {
    serde_json::from_str(&ok_in(dir, args, stdin)).unwrap()
}

/// Runs a command with `stdin` that must fail with exit `code`; returns its stderr.
fn fails_in(dir: &Path, args: &[&str], stdin: impl AsRef<[u8]>, code: i32) -> String {
    let out = oneday_in_bytes(dir, args, stdin.as_ref());
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    stderr(&out)
}

fn first_counter(dir: &Path) -> Value {
    json(dir, &["counter", "list", "--as-of", "2024-01-20", "--json"])["counters"][0].clone()
}

#[test]
fn a_usage_mistake_is_one_line_and_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["counter", "add", "-"],
            "`oneday counter add` needs --since <YYYY-MM-DD>",
            "see `oneday counter add --help`",
        ),
        (
            &["stauts"],
            "`oneday` has no command `stauts`",
            "did you mean `status`?",
        ),
        (
            &["status", "--jsn"],
            "`oneday status` has no option `--jsn`",
            "did you mean `--json`?",
        ),
        (
            &["meetings", "import", "f.json", "--format", "csv"],
            "`--format` takes one of: meeting-guide, bmlt",
            "see `oneday meetings import --help`",
        ),
        (
            &["trends", "--days", "lots"],
            "`--days` takes <DAYS>: write a whole number",
            "see `oneday trends --help`",
        ),
        (
            &["checkin", "--mood"],
            "`--mood` needs a value: <1-5>",
            "see `oneday checkin --help`",
        ),
        (
            &["counter"],
            "`oneday counter` needs a command: add, list,",
            "see `oneday counter --help`",
        ),
    ];
    for (args, line, hint) in cases {
        let err = fails_with(&dir, args, 2);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {err}");
        assert!(
            lines[0].starts_with(&format!("oneday: {line}")),
            "{args:?}: {err}"
        );
        assert_eq!(lines[1], format!("hint: {hint}"), "{args:?}");
    }
    // A stray word (an unquoted label) is not repeated; the hint says how to keep it private.
    let err = fails_with(
        &dir,
        &[
            "counter",
            "add",
            "Cocaine",
            "and",
            "pills",
            "--since",
            "2024-01-01",
        ],
        2,
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(!err.contains("pills") && !err.contains("and"), "{err}");
    assert!(err.contains("`-`"), "{err}");
    // Help is still help, on stdout.
    for args in [&["--help"][..], &["counter", "add", "--help"]] {
        let out = oneday_in(&dir, args, "");
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8(out.stdout)
            .unwrap()
            .contains("Usage: oneday"));
    }
}

#[test]
fn a_mood_out_of_range_says_the_range_without_repeating_it() {
    let (_tmp, dir) = new_store();
    for mood in ["-1", "x", "300"] {
        let args = ["checkin", "--as-of", "2024-05-07", "--mood", mood];
        let err = fails_with(&dir, &args, 3);
        assert_eq!(err, "oneday: mood is rated 1 to 5, as a whole number\n");
        // The same value typed at the prompt gets the same answer.
        let args = ["checkin", "--as-of", "2024-05-07", "--mood", "-"];
        assert_eq!(fails_in(&dir, &args, format!("{mood}\n"), 3), err);
    }
    let err = fails_with(
        &dir,
        &["checkin", "--as-of", "2024-05-07", "--craving", "-3"],
        3,
    );
    assert!(err.contains("craving is rated 0 to 10"), "{err}");
    let err = fails_with(
        &dir,
        &["checkin", "--as-of", "2024-05-07", "--medication", "some"],
        3,
    );
    assert!(err.contains("taken, not-taken, n-a"), "{err}");
    assert!(!err.contains("some"), "{err}");
    let listed = json(
        &dir,
        &["checkin", "list", "--as-of", "2024-05-07", "--json"],
    );
    assert_eq!(
        listed["check_ins"],
        serde_json::json!([]),
        "nothing written"
    );
}

#[test]
fn input_that_is_not_utf8_is_a_refused_value() {
    let (_tmp, dir) = new_store();
    let bytes = b"caf\xe9\n";
    let commands: &[&[&str]] = &[
        &["counter", "add", "-", "--since", "2024-01-01"],
        &["counter", "add", "X", "--since", "-"],
        &["checkin", "--as-of", "2024-05-07", "--journal", "-"],
        &["plan", "edit", "safety", "--from-markdown", "-"],
    ];
    for args in commands {
        let err = fails_in(&dir, args, bytes, 3);
        assert_eq!(
            err,
            "oneday: the input is not UTF-8 text; nothing was changed\n"
        );
    }
    assert_eq!(ok(&dir, &["counter", "list"]), "");
    // A Markdown file given by name is read the same way.
    let file = dir.parent().unwrap().join("plan.md");
    std::fs::write(&file, bytes).unwrap();
    fails_in(
        &dir,
        &[
            "plan",
            "edit",
            "safety",
            "--from-markdown",
            file.to_str().unwrap(),
        ],
        "",
        3,
    );
}

#[test]
fn clean_relapse_and_pause_dates_can_be_piped_in() {
    let (_tmp, dir) = new_store();
    ok_in(
        &dir,
        &[
            "counter",
            "add",
            "-",
            "--since",
            "-",
            "--daily-cost",
            "-",
            "--currency",
            "EUR",
            "--last-use",
            "-",
        ],
        "Alcohol\n2024-01-10\n12.50\n2024-01-09 23:30\n",
    );
    let c = first_counter(&dir);
    assert_eq!(c["label"], "Alcohol");
    assert_eq!(c["clean_time"]["total_days"], 10, "{c}");
    let id = c["id"].as_str().unwrap().to_owned();
    let show = json(
        &dir,
        &["counter", "show", &id, "--as-of", "2024-01-20", "--json"],
    );
    assert_eq!(show["clean_time"]["money_saved"]["amount"], "125.00");

    ok_in(
        &dir,
        &["counter", "edit", &id, "--since", "-"],
        "2024-01-12\n",
    );
    assert_eq!(first_counter(&dir)["clean_time"]["total_days"], 8);

    ok_in(
        &dir,
        &[
            "counter",
            "reset",
            &id,
            "--on",
            "-",
            "--new-start",
            "-",
            "--note",
            "-",
        ],
        "2024-02-01\n2024-02-02\na hard week\n",
    );
    ok_in(
        &dir,
        &["counter", "pause", &id, "--on", "-"],
        "2024-03-01\n",
    );
    ok_in(
        &dir,
        &["counter", "resume", &id, "--since", "-"],
        "2024-03-10\n",
    );
    let show = json(
        &dir,
        &["counter", "show", &id, "--as-of", "2024-03-20", "--json"],
    );
    let attempts = show["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3, "{show}");
    assert_eq!(attempts[0]["end"]["date"], "2024-02-01");
    assert_eq!(attempts[0]["end"]["note"], "a hard week");
    assert_eq!(attempts[1]["start"], "2024-02-02");
    assert_eq!(attempts[1]["end"]["date"], "2024-03-01");
    assert_eq!(attempts[2]["start"], "2024-03-10");

    // The calculator too; a typed date goes through the same parser as an argument.
    let ct = json_in(
        &dir,
        &[
            "cleantime",
            "--since",
            "-",
            "--as-of",
            "2025-02-28",
            "--json",
        ],
        "2020-02-29\n",
    );
    assert_eq!(ct["total_days"], 1826);
    let err = fails_in(
        &dir,
        &["counter", "add", "X", "--since", "-"],
        "2024-02-30\n",
        3,
    );
    let by_argument = fails_with(&dir, &["counter", "add", "X", "--since", "2024-02-30"], 3);
    assert_eq!(err, by_argument);
    // No line on stdin is a refusal, not an empty date.
    fails_in(&dir, &["counter", "resume", &id, "--since", "-"], "", 3);
}

#[test]
fn every_check_in_value_can_be_piped_in() {
    let (_tmp, dir) = new_store();
    ok(&dir, &["checkin", "symptoms", "add", "Anxiety"]);
    let doc = json_in(
        &dir,
        &[
            "checkin",
            "--as-of",
            "2024-05-07",
            "--mood",
            "-",
            "--craving",
            "-",
            "--symptom",
            "-",
            "--medication",
            "-",
            "--slept",
            "-",
            "--json",
        ],
        "2\n8\nanxiety\nnot-taken\n6:15\n",
    );
    let c = &doc["check_in"];
    assert_eq!(c["mood"], 2);
    assert_eq!(c["craving"], 8);
    assert_eq!(c["symptoms"], serde_json::json!(["Anxiety"]));
    assert_eq!(c["medication"], "not_taken");
    assert_eq!(c["hours_slept"], 6.25);
    // Typed values are checked by the core as arguments are.
    let err = fails_in(
        &dir,
        &["checkin", "--as-of", "2024-05-07", "--mood", "-"],
        "9\n",
        3,
    );
    assert!(err.contains("mood is rated 1 to 5, not 9"), "{err}");
}

#[test]
fn a_place_searched_near_can_be_piped_in_and_is_not_repeated() {
    let (_tmp, dir) = new_store();
    let sample: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/meetings/meeting-guide-sample.json");
    ok(
        &dir,
        &[
            "meetings",
            "import",
            sample.to_str().unwrap(),
            "--format",
            "meeting-guide",
            "--source",
            "s",
        ],
    );
    let found = json_in(
        &dir,
        &[
            "meetings", "search", "--text", "-", "--near", "-", "--within", "5", "--json",
        ],
        "lake\n39.78,-89.65\n",
    );
    let keys: Vec<&str> = found["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["s/lakeside-hybrid"]);
    let err = fails_in(
        &dir,
        &["meetings", "search", "--near", "-", "--within", "5"],
        "95.5,13.4\n",
        3,
    );
    assert!(err.contains("--near") && !err.contains("95.5"), "{err}");
}

#[test]
fn region_and_plan_phone_numbers_can_be_piped_in() {
    let (_tmp, dir) = new_store();
    ok_in(&dir, &["contacts", "region", "-"], "ie\n");
    assert_eq!(
        json(&dir, &["contacts", "region", "--json"])["region"],
        "IE"
    );

    ok_in(
        &dir,
        &["plan", "add", "safety", "help", "-", "--phone", "-"],
        "Sam\n+44 20 7946 0018\n",
    );
    let plan = &json(&dir, &["plan", "show", "safety", "--json"])["plans"][0]["plan"];
    assert_eq!(plan["help_people"][0]["text"], "Sam", "{plan}");
    assert_eq!(plan["help_people"][0]["phone"], "+44 20 7946 0018");
    ok_in(
        &dir,
        &[
            "plan", "set", "safety", "help", "--entry", "1", "--phone", "-",
        ],
        "555 0101\n",
    );
    let plan = &json(&dir, &["plan", "show", "safety", "--json"])["plans"][0]["plan"];
    assert_eq!(plan["help_people"][0]["phone"], "555 0101");

    // Contacts: name, phone and note are read in the order `--help` lists them.
    let id = ok_in(
        &dir,
        &["contacts", "add", "-", "--role", "friend", "--phone", "-"],
        "Alex\n555 0102\n",
    );
    let id = id
        .trim()
        .trim_start_matches("Added contact ")
        .trim_end_matches('.');
    ok_in(
        &dir,
        &[
            "contacts", "edit", id, "--name", "-", "--phone", "-", "--note", "-",
        ],
        "Alex B\n555 0103\nmornings\n",
    );
    let c = &json(&dir, &["contacts", "list", "--json"])["contacts"][0];
    assert_eq!(c["name"], "Alex B");
    assert_eq!(c["phone"], "555 0103");
    assert_eq!(c["note"], "mornings");
}

#[test]
fn init_on_a_file_says_it_is_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    let expected = format!(
        "oneday: {} is a file, not a folder; give --store a folder for the store\n",
        file.display()
    );
    assert_eq!(fails_with(&file, &["init"], 5), expected);
    assert_eq!(fails_with(&file.join("oneday"), &["init"], 5), expected);
    assert_eq!(fails_with(&file, &["status"], 5), expected);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "mine",
        "the file is untouched"
    );
}
