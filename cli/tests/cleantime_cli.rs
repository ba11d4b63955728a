//! The `oneday` binary end to end: output, JSON schema, errors and exit codes.
#![allow(clippy::unwrap_used, missing_docs)]

use std::process::{Command, Output};

use serde_json::Value;

fn oneday(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oneday"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = oneday(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn leap_day_clean_date_json() {
    let v = json(&[
        "cleantime",
        "--since",
        "2020-02-29",
        "--as-of",
        "2025-02-28",
        "--profile",
        "na",
        "--json",
    ]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["state"], "running");
    assert_eq!(v["total_days"], 1826);
    assert_eq!(
        v["period"],
        serde_json::json!({"years": 4, "months": 11, "days": 30})
    );
    let reached = v["milestones_reached"].as_array().unwrap();
    assert_eq!(reached.len(), 12);
    assert_eq!(
        reached[0],
        serde_json::json!({"label": "Welcome", "date": "2020-02-29", "colour": "white"})
    );
    assert_eq!(reached[6]["label"], "1 year");
    assert_eq!(reached[6]["date"], "2021-02-28");
    assert_eq!(reached[11]["label"], "5 years");
    assert_eq!(reached[11]["date"], "2025-02-28");
    assert_eq!(v["current_milestone"]["label"], "5 years");
    assert_eq!(v["next_milestone"]["label"], "6 years");
    assert_eq!(v["next_milestone"]["date"], "2026-02-28");
    assert_eq!(v["next_milestone"]["days_until"], 365);
    assert_eq!(v["next_milestone"]["colour"], "black");
}

#[test]
fn day_one_and_aa_profile() {
    let v = json(&[
        "cleantime",
        "--since",
        "2024-01-01",
        "--as-of",
        "2024-01-01",
        "--profile",
        "aa",
        "--day-one",
        "--json",
    ]);
    assert_eq!(v["total_days"], 1);
    assert_eq!(v["counting"], "today_is_day_one");
    assert_eq!(v["milestones_reached"][0]["label"], "24 hours");
    assert_eq!(v["next_milestone"]["label"], "30 days");
    assert_eq!(v["next_milestone"]["date"], "2024-01-30");
}

#[test]
fn future_clean_date_says_starts_in() {
    let v = json(&[
        "cleantime",
        "--since",
        "2024-06-10",
        "--as-of",
        "2024-06-01",
        "--json",
    ]);
    assert_eq!(v["state"], "not_started");
    assert_eq!(v["starts_in_days"], 9);
    assert_eq!(v["total_days"], 0);
    let text = oneday(&[
        "cleantime",
        "--since",
        "2024-06-10",
        "--as-of",
        "2024-06-01",
    ]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Starts in 9 days"));
}

#[test]
fn impossible_date_is_one_clear_line_and_exit_3() {
    let out = oneday(&["cleantime", "--since", "2024-02-30"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "oneday: 2024-02-30 does not exist: February 2024 has 29 days\n"
    );
    assert!(out.stdout.is_empty());
    let out = oneday(&["cleantime", "--since", "yesterday"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(!String::from_utf8(out.stderr).unwrap().contains("panicked"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(oneday(&["cleantime"]).status.code(), Some(2));
    assert_eq!(oneday(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn human_output_has_days_period_tag_and_bar() {
    let out = oneday(&[
        "cleantime",
        "--since",
        "2024-01-01",
        "--as-of",
        "2024-02-15",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("45 days · 1 month, 14 days"), "{text}");
    assert!(
        text.contains("Latest: 30 days (orange) on 2024-01-31"),
        "{text}"
    );
    assert!(
        text.contains("Next:   60 days (green) on 2024-03-01, in 15 days"),
        "{text}"
    );
    assert!(text.contains("█"), "{text}");
}

#[test]
fn demo_runs_with_no_setup() {
    let v = json(&["demo", "--as-of", "2026-11-23", "--json"]);
    let counters = v["counters"].as_array().unwrap();
    assert_eq!(counters.len(), 3);
    assert_eq!(counters[0]["stats"]["attempts"], 2);
    assert!(counters
        .iter()
        .all(|c| c["clean_time"]["state"] == "running"));
    let out = oneday(&["demo"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("demo dashboard"));
}

/// `oneday demo --as-of 2026-11-23` in the time zone `tz`, as text.
fn demo_text_in(tz: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_oneday"))
        .args(["demo", "--as-of", "2026-11-23"])
        .env("TZ", tz)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn demo_shows_every_section_the_same_on_every_machine() {
    let text = demo_text_in("Asia/Kolkata");
    // The section after `headline`, up to the next one.
    let section = |headline: &str| -> String {
        let start = text
            .find(headline)
            .unwrap_or_else(|| panic!("no {headline:?} in:\n{text}"));
        let rest = &text[start..];
        let end = rest[headline.len()..]
            .find("── ")
            .map_or(rest.len(), |i| i + headline.len());
        rest[..end].to_owned()
    };

    let dashboard = section("One Day — demo dashboard for 2026-11-23");
    assert!(
        dashboard.contains("Clean and serene (NA)\n  832 days"),
        "{dashboard}"
    );
    assert!(dashboard.contains("Sober (AA)\n  45 days"), "{dashboard}");

    let one_tap = section("── One tap");
    assert!(
        one_tap.contains("Calling Sam (sponsor)\n  tel:+15550100100\n"),
        "{one_tap}"
    );
    assert!(
        one_tap.contains("1. Ann (friend)  +1 555 010 0101  tel:+15550100101"),
        "{one_tap}"
    );
    assert!(one_tap.contains("988  tel:988"), "{one_tap}");

    // Monday 09:00 in Chicago: the saved meetings only, each once with its next start, in the
    // demo's zone whatever TZ says.
    let meetings = section("── Next meetings");
    let lines: Vec<&str> = meetings
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect();
    assert_eq!(
        lines,
        [
            "Fri 2026-11-27 22:00  (Fri 23:00 America/New_York)  Night Owls",
            "Sun 2026-11-29 07:00  Sunrise Serenity",
        ],
        "{meetings}"
    );

    let week = section("── This week");
    assert!(
        week.contains("Trends over 7 days, 2026-11-17 to 2026-11-23"),
        "{week}"
    );
    // Six check-ins and a gap on the fourth day; mood rising, craving falling.
    assert!(week.contains("  Mood     ▃▃▅·▅▆█"), "{week}");
    assert!(week.contains("  Craving  ▇▆▆·▅▃▂"), "{week}");
    assert!(week.contains("  Checked in        6/7"), "{week}");
    assert!(week.contains("  Mood              3.2 (6 days)"), "{week}");
    assert!(
        week.contains("Check-in streak: 3 days (since 2026-11-21)."),
        "{week}"
    );

    // Random ids, the machine's zone: nothing of it shows.
    assert_eq!(text, demo_text_in("America/Los_Angeles"));
    assert_eq!(text, demo_text_in("Asia/Kolkata"));
}
