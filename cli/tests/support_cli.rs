//! `oneday contacts`, `oneday call` and `oneday crisis` end to end, against a real encrypted store in
//! a temporary folder. Nothing is ever opened: `--open` is only run where there is no number.

#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use serde_json::Value;

fn added_id(output: &str) -> String {
    output
        .trim()
        .trim_start_matches("Added contact ")
        .trim_end_matches('.')
        .to_owned()
}

/// The URIs of a `call --json` plan's fallbacks, in order.
fn fallback_uris(plan: &Value) -> Vec<&str> {
    plan["fallbacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["uri"].as_str().unwrap())
        .collect()
}

#[test]
fn contacts_drive_the_call_plan_sponsor_then_next_then_crisis_line() {
    let (_tmp, dir) = new_store();
    let ann = added_id(&ok(
        &dir,
        &[
            "contacts",
            "add",
            "Ann",
            "--role",
            "friend",
            "--phone",
            "555 010 0101",
        ],
    ));
    let sam = added_id(&ok(
        &dir,
        &[
            "contacts",
            "add",
            "Sam",
            "--role",
            "sponsor",
            "--phone",
            "+1 (555) 010-0100",
            "--sms",
            "--note",
            "after 6pm",
        ],
    ));
    let list = ok(&dir, &["contacts", "list"]);
    assert!(list.contains("1. Ann (friend)  555 010 0101"), "{list}");
    assert!(
        list.contains("2. Sam (sponsor)  +1 (555) 010-0100  (texts ok)"),
        "{list}"
    );
    assert!(list.contains("note: after 6pm"), "{list}");

    let call = ok(&dir, &["call"]);
    assert!(
        call.starts_with("Calling Sam (sponsor)\n  tel:+15550100100\n"),
        "{call}"
    );
    assert!(
        call.contains("1. Ann (friend)  555 010 0101  tel:5550100101"),
        "{call}"
    );
    assert!(call.contains("your local emergency number"), "{call}");
    assert!(call.contains("oneday contacts region CC"), "{call}");

    ok(&dir, &["contacts", "region", "us"]);
    assert_eq!(ok(&dir, &["contacts", "region"]), "Region: US.\n");
    let plan = json(&dir, &["call", "--json"]);
    assert_eq!(plan["schema_version"], 1);
    assert_eq!(plan["channel"], "call");
    assert_eq!(plan["headline"], "Calling Sam (sponsor)");
    assert_eq!(plan["target"]["reason"], "sponsor");
    assert_eq!(plan["target"]["contact_id"], Value::String(sam.clone()));
    assert_eq!(plan["target"]["uri"], "tel:+15550100100");
    assert_eq!(plan["region"]["status"], "covered");
    assert_eq!(plan["region"]["code"], "US");
    assert_eq!(
        fallback_uris(&plan),
        ["tel:5550100101", "tel:988", "tel:911"]
    );

    // The sponsor is removed: the next in order is called first.
    let (code, err) = fails(&dir, &["contacts", "remove", &sam[..8]]);
    assert_eq!(code, 3);
    assert!(err.contains("--yes"), "{err}");
    ok(&dir, &["contacts", "remove", &sam[..8], "--yes"]);
    let plan = json(&dir, &["call", "--json"]);
    assert_eq!(plan["target"]["reason"], "next_in_order");
    assert_eq!(plan["target"]["contact_id"], Value::String(ann.clone()));

    ok(&dir, &["contacts", "remove", &ann, "--yes"]);
    let plan = json(&dir, &["call", "--json"]);
    assert_eq!(plan["target"]["reason"], "crisis_line");
    assert_eq!(plan["target"]["uri"], "tel:988");
    // The drug and alcohol helpline is shown apart, never in one tap's order.
    assert_eq!(fallback_uris(&plan), ["tel:911"]);
    assert_eq!(plan["helplines"][0]["reason"], "drug_alcohol_helpline");
    assert_eq!(plan["helplines"][0]["uri"], "tel:18006624357");
    let text = ok(&dir, &["call"]);
    let apart = text
        .find("Drug and alcohol helplines (not part of one tap):")
        .unwrap();
    assert!(text[..apart].contains("911 (emergency number)"), "{text}");
    assert!(
        text[apart..].contains("SAMHSA National Helpline (drug and alcohol helpline)"),
        "{text}"
    );
    assert_eq!(
        ok(&dir, &["contacts", "list"]),
        "0 contact(s).\n",
        "removed for good"
    );
}

#[test]
fn edit_order_and_list_json() {
    let (_tmp, dir) = new_store();
    let a = added_id(&ok(
        &dir,
        &[
            "contacts", "add", "A", "--role", "friend", "--phone", "555 0100",
        ],
    ));
    let b = added_id(&ok(
        &dir,
        &[
            "contacts", "add", "B", "--role", "doctor", "--phone", "555 0101",
        ],
    ));
    let ordered = ok(&dir, &["contacts", "order", &b[..6]]);
    assert!(ordered.starts_with("1. B (doctor)"), "{ordered}");
    ok(
        &dir,
        &[
            "contacts",
            "edit",
            &a,
            "--role",
            "alternate-sponsor",
            "--phone",
            "+44 20 7946 0958 ext 12",
            "--sms",
            "--note",
            "weekdays",
        ],
    );
    let doc = json(&dir, &["contacts", "list", "--json"]);
    assert_eq!(doc["schema_version"], 1);
    let contacts = doc["contacts"].as_array().unwrap();
    assert_eq!(contacts[0]["id"], Value::String(b));
    assert_eq!(contacts[1]["role"], "alternate_sponsor");
    assert_eq!(contacts[1]["phone"], "+44 20 7946 0958 ext 12");
    assert_eq!(contacts[1]["tel_uri"], "tel:+442079460958;ext=12");
    assert_eq!(contacts[1]["sms_allowed"], true);
    assert_eq!(contacts[1]["order"], 1);
    assert_eq!(contacts[1]["note"], "weekdays");
    ok(
        &dir,
        &["contacts", "edit", &a, "--no-note", "--sms", "false"],
    );
    let doc = json(&dir, &["contacts", "list", "--json"]);
    assert_eq!(doc["contacts"][1]["note"], Value::Null);
    assert_eq!(doc["contacts"][1]["sms_allowed"], false);
}

#[test]
fn texting_uses_prepared_messages_percent_encoded() {
    let (_tmp, dir) = new_store();
    ok(&dir, &["contacts", "region", "GB"]);
    ok(
        &dir,
        &[
            "contacts",
            "add",
            "Jo",
            "--role",
            "friend",
            "--phone",
            "07700 900002",
            "--sms",
        ],
    );
    ok(
        &dir,
        &[
            "contacts",
            "add",
            "Sam",
            "--role",
            "sponsor",
            "--phone",
            "07700 900001",
        ],
    );
    ok_in(
        &dir,
        &["contacts", "messages", "--add", "-"],
        "Rough day & free later?\n",
    );
    let messages = json(&dir, &["contacts", "messages", "--json"]);
    assert_eq!(
        messages["messages"],
        serde_json::json!(["Can you call me?", "Rough day & free later?"])
    );
    let plan = json(&dir, &["call", "--sms", "--json"]);
    assert_eq!(plan["headline"], "Texting Jo (friend)");
    assert_eq!(
        plan["target"]["uri"],
        "sms:07700900002?body=Can%20you%20call%20me%3F"
    );
    assert_eq!(plan["fallbacks"][0]["uri"], "sms:85258?body=SHOUT");
    let plan = json(&dir, &["call", "--sms", "--message", "1", "--json"]);
    assert_eq!(
        plan["target"]["uri"],
        "sms:07700900002?body=Rough%20day%20%26%20free%20later%3F"
    );
    // Each prepared message says who one tap texts it to, with the URI `call --sms` gives.
    let prepared = &messages["prepared"][1];
    assert_eq!(prepared["index"], 1);
    assert_eq!(prepared["text"], "Rough day & free later?");
    assert_eq!(prepared["to"], "Jo (friend)");
    assert_eq!(prepared["uri"], plan["target"]["uri"]);
    let (code, _) = fails(&dir, &["call", "--sms", "--message", "2"]);
    assert_eq!(code, 3);
    ok(&dir, &["contacts", "messages", "--remove", "1"]);
    assert_eq!(
        ok(&dir, &["contacts", "messages"]),
        "0. Can you call me?\n   to Jo (friend)  sms:07700900002?body=Can%20you%20call%20me%3F\n"
    );
}

#[test]
fn bad_input_is_refused_with_exit_3_and_no_echo() {
    let (_tmp, dir) = new_store();
    let (code, err) = fails(
        &dir,
        &[
            "contacts",
            "add",
            "Sam",
            "--role",
            "sponsor",
            "--phone",
            "CALL SAMXYZ",
        ],
    );
    assert_eq!(code, 3);
    assert!(err.contains("cannot contain letters"), "{err}");
    assert!(!err.contains("SAMXYZ"), "the number is not echoed: {err}");
    let (code, err) = fails(
        &dir,
        &["contacts", "add", "Sam", "--role", "sponsor", "--phone", ""],
    );
    assert_eq!(code, 3);
    assert!(err.contains("empty"), "{err}");
    let (code, _) = fails(
        &dir,
        &["contacts", "add", "Sam", "--role", "boss", "--phone", "988"],
    );
    assert_eq!(code, 2, "clap refuses an unknown role");
    let (code, err) = fails(&dir, &["contacts", "region", "UK"]);
    assert_eq!(code, 3);
    assert!(err.contains("ISO 3166-1"), "{err}");
    let (code, _) = fails(&dir, &["contacts", "edit", "abcd", "--name", "X"]);
    assert_eq!(code, 3);
    assert_eq!(ok(&dir, &["contacts", "list"]), "0 contact(s).\n");
}

#[test]
fn without_a_region_or_a_number_there_is_nothing_to_open() {
    let (_tmp, dir) = new_store();
    let (code, err) = fails(&dir, &["call", "--open"]);
    assert_eq!(code, 3);
    assert!(err.contains("call your local emergency number"), "{err}");
    let text = ok(&dir, &["call"]);
    assert!(
        text.starts_with("Call your local emergency number\n"),
        "{text}"
    );
    let plan = json(&dir, &["call", "--json"]);
    assert_eq!(plan["target"]["reason"], "local_emergency_number");
    assert_eq!(plan["target"]["uri"], Value::Null);
    assert_eq!(plan["region"]["status"], "not_set");
    let plan = json(&dir, &["call", "--sms", "--json"]);
    assert_eq!(plan["target"], Value::Null);
}

#[test]
fn crisis_lines_by_region_with_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let nowhere = tmp.path().join("no-store");
    let ie = ok(&nowhere, &["crisis", "--region", "ie"]);
    assert!(ie.contains("Crisis lines, Ireland (IE):"), "{ie}");
    assert!(
        ie.contains("Samaritans (24/7): call 116 123 <tel:116123>"),
        "{ie}"
    );
    assert!(ie.contains("112: Gardaí"), "{ie}");
    assert!(ie.contains("checked against https://"), "{ie}");
    assert!(ie.contains("(government page) on "), "{ie}");
    let apart = ie
        .find("Drug and alcohol helplines (not part of one tap):")
        .unwrap();
    assert!(
        ie[apart..].contains("HSE Drugs and Alcohol Helpline"),
        "{ie}"
    );
    assert!(ie[apart..].contains("<tel:1800459459>"), "{ie}");
    assert!(!ie[..apart].contains("HSE Drugs"), "{ie}");
    assert!(!ie.contains("out of date"), "{ie}");
    let doc = json(&nowhere, &["crisis", "--region", "GB", "--json"]);
    assert_eq!(doc["status"], "covered");
    assert_eq!(doc["lines"][0]["tel_uri"], "tel:116123");
    assert_eq!(doc["lines"][1]["sms_uri"], "sms:85258?body=SHOUT");
    assert_eq!(doc["lines"][1]["tel_uri"], Value::Null);
    assert_eq!(doc["emergency"][0]["tel_uri"], "tel:999");
    assert_eq!(doc["lines"][0]["stale"], false);
    assert_eq!(doc["lines"][0]["source_kind"], "operator");
    assert_eq!(doc["emergency"][1]["source_kind"], "other");
    assert_eq!(doc["drug_alcohol_helplines"], serde_json::json!([]));
    let us = json(&nowhere, &["crisis", "--region", "US", "--json"]);
    let samhsa = &us["drug_alcohol_helplines"][0];
    assert_eq!(samhsa["name"], "SAMHSA National Helpline");
    assert_eq!(samhsa["tel_uri"], "tel:18006624357");
    assert_eq!(samhsa["source_kind"], "operator");
    assert_eq!(samhsa["stale"], false);
    assert_eq!(us["lines"].as_array().unwrap().len(), 1, "kept apart");
    let be = json(&nowhere, &["crisis", "--region", "BE", "--json"]);
    assert_eq!(be["status"], "not_in_table");
    assert_eq!(be["local_emergency"], "Call your local emergency number.");
    assert_eq!(be["lines"], serde_json::json!([]));
    let (code, _) = fails(&nowhere, &["crisis", "--region", "XX"]);
    assert_eq!(code, 3);

    let (_tmp, dir) = new_store();
    let none = ok(&dir, &["crisis"]);
    assert!(
        none.starts_with("No region is set. Call your local emergency number."),
        "{none}"
    );
    ok(&dir, &["contacts", "region", "NZ"]);
    assert!(ok(&dir, &["crisis"]).contains("1737 Need to talk?"));
}

#[test]
fn names_numbers_and_notes_typed_at_the_prompt_stay_out_of_the_files() {
    let (_tmp, dir) = new_store();
    let name = "Zebulonqwx";
    let phone = "+1 555 918 2736";
    let note = "meets at the quartzvillex hall";
    ok_in(
        &dir,
        &[
            "contacts", "add", "-", "--role", "sponsor", "--phone", "-", "--note", "-",
        ],
        &format!("{name}\n{phone}\n{note}\n"),
    );
    let doc = json(&dir, &["contacts", "list", "--json"]);
    assert_eq!(doc["contacts"][0]["name"], name);
    assert_eq!(doc["contacts"][0]["phone"], phone);
    assert_eq!(doc["contacts"][0]["note"], note);
    let mut files = vec![dir.clone()];
    let mut leaks = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for canary in [name, phone, "15559182736", "quartzvillex"] {
            if bytes.windows(canary.len()).any(|w| w == canary.as_bytes()) {
                leaks.push(format!("{} holds {canary}", path.display()));
            }
        }
    }
    assert!(leaks.is_empty(), "{leaks:?}");
}
