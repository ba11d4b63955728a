//! `oneday plan move`, `set` (edit in place) and `restore` through core's one plan-edit
//! operation, end to end against a real store.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

#[test]
fn move_edit_in_place_and_restore() {
    let (_tmp, dir) = new_store();
    for text in ["Call my sponsor", "Go to a meeting", "Tell my partner"] {
        ok(&dir, &["plan", "add", "relapse", "after-lapse", text]);
    }
    let moved = ok(&dir, &["plan", "move", "relapse", "after-lapse", "3", "1"]);
    assert!(moved.contains("as revision 4."), "{moved}");
    let plan = json(&dir, &["plan", "show", "relapse", "--json"]);
    assert_eq!(
        plan["plans"][0]["plan"]["after_lapse"],
        serde_json::json!(["Tell my partner", "Call my sponsor", "Go to a meeting"])
    );

    // A trigger changed field by field: the fields not given are kept.
    ok(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "triggers",
            "Payday",
            "--category",
            "things",
            "--coping",
            "Pay the bills first",
        ],
    );
    ok(
        &dir,
        &[
            "plan",
            "set",
            "relapse",
            "triggers",
            "--entry",
            "1",
            "--category",
            "feelings",
        ],
    );
    let plan = json(&dir, &["plan", "show", "relapse", "--json"]);
    let trigger = &plan["plans"][0]["plan"]["triggers"][0];
    assert_eq!(trigger["category"], "feelings");
    assert_eq!(trigger["text"], "Payday");
    assert_eq!(trigger["coping"], "Pay the bills first");

    // Restoring revision 3 (before the move and the trigger) keeps everything after it.
    let restored = ok(&dir, &["plan", "restore", "relapse", "3"]);
    assert!(
        restored.contains("Restored revision 3 of the relapse-prevention plan as revision 7."),
        "{restored}"
    );
    let plan = json(&dir, &["plan", "show", "relapse", "--json"]);
    assert_eq!(
        plan["plans"][0]["plan"]["after_lapse"],
        serde_json::json!(["Call my sponsor", "Go to a meeting", "Tell my partner"])
    );
    assert_eq!(plan["plans"][0]["plan"]["triggers"], serde_json::json!([]));
    let history = json(&dir, &["plan", "history", "relapse", "--json"]);
    assert_eq!(
        history["plans"][0]["revisions"].as_array().unwrap().len(),
        7
    );

    // A move past the end, or in the other plan's section, is refused and writes nothing.
    fails_with(
        &dir,
        &["plan", "move", "relapse", "after-lapse", "1", "4"],
        3,
    );
    fails_with(&dir, &["plan", "move", "relapse", "coping", "1", "2"], 3);
    fails_with(
        &dir,
        &["plan", "set", "relapse", "reasons", "x", "--entry", "1"],
        3,
    );
    let history = json(&dir, &["plan", "history", "relapse", "--json"]);
    assert_eq!(
        history["plans"][0]["revisions"].as_array().unwrap().len(),
        7
    );
}

#[test]
fn the_reason_for_living_is_set_and_cleared_as_one_text() {
    let (_tmp, dir) = new_store();
    ok(&dir, &["plan", "set", "safety", "reason", "My daughter"]);
    ok(&dir, &["plan", "set", "safety", "reason", "My son"]);
    let plan = json(&dir, &["plan", "show", "safety", "--json"]);
    assert_eq!(plan["plans"][0]["plan"]["reason_for_living"], "My son");
    ok(&dir, &["plan", "set", "safety", "reason", ""]);
    let plan = json(&dir, &["plan", "show", "safety", "--json"]);
    assert_eq!(
        plan["plans"][0]["plan"]["reason_for_living"],
        serde_json::Value::Null
    );
    fails_with(&dir, &["plan", "remove", "safety", "reason", "1"], 3);
}
