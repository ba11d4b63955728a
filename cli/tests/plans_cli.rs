//! `oneday plan ...` end to end, against a real encrypted store in a temporary folder: entry-level
//! edits, Markdown in and out, history and restore, status, typed errors, and no plan text on disk.
#![allow(clippy::unwrap_used, missing_docs)]

mod harness;
use harness::*;

use serde_json::Value;

const CONTACT: &str = "0123456789abcdef0123456789abcdef";

fn gaps(plan: &Value) -> Vec<String> {
    plan["completeness"]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["gap"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_safety_plan_built_entry_by_entry() {
    let (_tmp, dir) = new_store();
    let first = ok(
        &dir,
        &["plan", "add", "safety", "warning-signs", "Not sleeping"],
    );
    assert!(
        first.contains("Saved the safety plan as revision 1."),
        "{first}"
    );
    // No one to call yet: the CLI prompts for a help contact.
    assert!(first.contains("no one to call"), "{first}");
    ok(&dir, &["plan", "add", "safety", "coping", "A walk"]);
    ok(&dir, &["plan", "add", "safety", "distractions", "Alex"]);
    ok(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "distractions",
            "The library",
            "--place",
        ],
    );
    let with_help = ok(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "help",
            "Mum",
            "--phone",
            "+44 20 7946 0018",
        ],
    );
    assert!(!with_help.contains("no one to call"), "{with_help}");
    ok(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "professionals",
            "Samaritans",
            "--phone",
            "116 123",
        ],
    );
    ok(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "environment",
            "Pills to the pharmacy",
        ],
    );
    ok_in(
        &dir,
        &["plan", "set", "safety", "reason", "-"],
        "My daughter\n",
    );
    // A contact of the support network, linked by the first digits of its id.
    ok(
        &dir,
        &[
            "contacts",
            "add",
            "Alex",
            "--role",
            "friend",
            "--phone",
            "+44 20 7946 0999",
        ],
    );
    let contacts = json(&dir, &["contacts", "list", "--json"]);
    let alex = contacts["contacts"][0]["id"].as_str().unwrap().to_owned();
    ok(
        &dir,
        &["plan", "link", "safety", "distractions", "1", &alex[..8]],
    );

    let shown = json(&dir, &["plan", "show", "safety", "--json"]);
    let plan = &shown["plans"][0];
    assert_eq!(plan["kind"], "safety");
    assert_eq!(plan["revision"]["number"], 9);
    assert_eq!(plan["plan"]["reason_for_living"], "My daughter");
    assert_eq!(
        plan["plan"]["distractions"][0]["entry"]["contact"],
        alex.as_str()
    );
    assert_eq!(plan["plan"]["distractions"][1]["kind"], "place");
    assert_eq!(plan["plan"]["help_people"][0]["phone"], "+44 20 7946 0018");
    // Every step is filled and someone can be called.
    assert!(gaps(plan).is_empty(), "{plan}");

    let text = ok(&dir, &["plan", "export", "safety"]);
    for value in [
        "Not sleeping",
        "A walk",
        "Person: Alex",
        "+44 20 7946 0999",
        "Place: The library",
        "Mum",
        "Phone: +44 20 7946 0018",
        "Samaritans",
        "Phone: 116 123",
        "Pills to the pharmacy",
        "My daughter",
    ] {
        assert!(text.contains(value), "{value} missing from:\n{text}");
    }
    let md = ok(&dir, &["plan", "export", "safety", "--format", "markdown"]);
    assert!(md.starts_with("# Safety plan\n"), "{md}");
    assert!(md.contains(&format!("(id {alex})")), "{md}");

    // The contact removed from the support network: the plan keeps the link and says so.
    ok(&dir, &["contacts", "remove", &alex, "--yes"]);
    let plan = &json(&dir, &["plan", "show", "safety", "--json"])["plans"][0];
    assert_eq!(gaps(plan), vec!["contact_removed"]);
    let text = ok(&dir, &["plan", "export", "safety"]);
    assert!(text.contains("(contact removed)"), "{text}");

    // Change and remove by the numbers `show` prints; unlink.
    ok(
        &dir,
        &[
            "plan", "set", "safety", "help", "--entry", "1", "--phone", "555 0101",
        ],
    );
    ok(&dir, &["plan", "remove", "safety", "coping", "1"]);
    ok(&dir, &["plan", "unlink", "safety", "distractions", "1"]);
    let plan = &json(&dir, &["plan", "show", "safety", "--json"])["plans"][0];
    assert_eq!(plan["plan"]["help_people"][0]["phone"], "555 0101");
    assert_eq!(plan["plan"]["coping_strategies"], serde_json::json!([]));
    assert_eq!(
        plan["plan"]["distractions"][0]["entry"]["contact"],
        Value::Null
    );
    assert_eq!(gaps(plan), vec!["empty_step"]);
}

#[test]
fn a_relapse_plan_with_categories_grades_and_coping() {
    let (_tmp, dir) = new_store();
    ok(&dir, &["plan", "add", "relapse", "reasons", "My kids"]);
    ok_in(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "triggers",
            "-",
            "--category",
            "lonely",
            "--coping",
            "-",
        ],
        "Sunday evenings\nCall Sam\n",
    );
    ok(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "triggers",
            "The pub",
            "--category",
            "places",
        ],
    );
    ok(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "warning-signs",
            "Voices again",
            "--grade",
            "immediate",
            "--mental-health",
        ],
    );
    ok(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "warning-signs",
            "Skipping meetings",
            "--grade",
            "early",
        ],
    );
    ok(
        &dir,
        &["plan", "add", "relapse", "after-lapse", "Tell my sponsor"],
    );

    let plan = &json(&dir, &["plan", "show", "relapse", "--json"])["plans"][0];
    assert_eq!(plan["plan"]["triggers"][0]["category"], "lonely");
    assert_eq!(plan["plan"]["triggers"][0]["text"], "Sunday evenings");
    assert_eq!(plan["plan"]["triggers"][0]["coping"], "Call Sam");
    // Grouped by grade: the early sign comes first.
    assert_eq!(plan["plan"]["warning_signs"][0]["grade"], "early");
    assert_eq!(plan["plan"]["warning_signs"][1]["mental_health"], true);
    assert_eq!(gaps(plan), vec!["no_coping_response"]);
    assert_eq!(plan["completeness"]["gaps"][0]["entry"], 2);

    ok(
        &dir,
        &[
            "plan",
            "set",
            "relapse",
            "triggers",
            "--entry",
            "2",
            "--coping",
            "Take the other road",
        ],
    );
    let status = json(&dir, &["plan", "status", "--json"]);
    assert_eq!(status["plans"][1]["kind"], "relapse");
    assert_eq!(status["plans"][1]["complete"], true);
    assert_eq!(status["plans"][0]["gaps"][0]["gap"], "empty");
    let text = ok(&dir, &["plan", "status"]);
    assert!(
        text.contains("Relapse-prevention plan: complete."),
        "{text}"
    );

    let exported = ok(&dir, &["plan", "export", "relapse"]);
    assert!(
        exported.contains("Lonely (HALT): Sunday evenings"),
        "{exported}"
    );
    assert!(
        exported.contains("Coping: Take the other road"),
        "{exported}"
    );
    assert!(
        exported.contains("Mental health: Voices again"),
        "{exported}"
    );
}

#[test]
fn markdown_in_and_out_history_and_renew_store() {
    let (_tmp, dir) = new_store();
    let md = "# Safety plan\n\n## Step 1: Warning signs\n\n- Can't sleep \\*at all\\*\n- Pacing<br>at night\n\n\
              ## Step 4: People to ask for help\n\n- Mum\n  - Phone: 555 0101\n\n\
              ## The one thing most worth living for\n\nThe sea\n";
    let saved = ok_in(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        md,
    );
    assert!(saved.contains("revision 1"), "{saved}");
    let plan = &json(&dir, &["plan", "show", "safety", "--json"])["plans"][0];
    assert_eq!(
        plan["plan"]["warning_signs"],
        serde_json::json!(["Can't sleep *at all*", "Pacing\nat night"])
    );

    // The export reads back as the same plan: editing it unchanged changes nothing.
    let exported = ok(&dir, &["plan", "export", "safety", "--format", "markdown"]);
    let again = ok_in(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        &exported,
    );
    assert!(again.contains("No change"), "{again}");

    ok(&dir, &["plan", "remove", "safety", "warning-signs", "1"]);
    let history = json(&dir, &["plan", "history", "safety", "--json"]);
    let revisions = history["plans"][0]["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert!(revisions[1]["saved_at"].as_str().unwrap().ends_with('Z'));

    let restored = ok(&dir, &["plan", "restore", "safety", "1"]);
    assert!(
        restored.contains("Restored revision 1 of the safety plan as revision 3."),
        "{restored}"
    );
    let text = ok(&dir, &["plan", "history", "safety"]);
    assert!(text.contains("restored from 1  (current)"), "{text}");
    let old = ok(&dir, &["plan", "show", "safety", "--revision", "2"]);
    assert!(old.contains("Revision 2, saved"), "{old}");
    assert!(!old.contains("Can't sleep"), "{old}");
    let current = ok(&dir, &["plan", "export", "safety"]);
    assert!(current.contains("Can't sleep *at all*"), "{current}");

    // The other plan's Markdown, or broken Markdown, is refused and changes nothing.
    let relapse_md = ok(&dir, &["plan", "export", "relapse", "--format", "markdown"]);
    let e = oneday_in(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        &relapse_md,
    );
    assert_eq!(e.status.code(), Some(3));
    let e = oneday_in(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        "# Safety plan\nmy private words\n",
    );
    assert_eq!(e.status.code(), Some(3));
    let stderr = String::from_utf8(e.stderr).unwrap();
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(!stderr.contains("private"), "{stderr}");
    assert_eq!(
        json(&dir, &["plan", "history", "--json"])["plans"][0]["revisions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn bad_input_is_refused_with_exit_3_and_never_echoed() {
    let (_tmp, dir) = new_store();
    let e = fails_with(&dir, &["plan", "add", "safety", "help", "   "], 3);
    assert!(e.contains("is empty"), "{e}");
    let e = fails_with(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "help",
            "Sam",
            "--phone",
            "call privately",
        ],
        3,
    );
    assert!(!e.contains("privately"), "{e}");
    fails_with(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "triggers",
            "x",
            "--category",
            "people",
        ],
        3,
    );
    fails_with(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "warning-signs",
            "x",
            "--phone",
            "555",
        ],
        3,
    );
    fails_with(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "help",
            "Sam",
            "--contact",
            "not-an-id",
        ],
        3,
    );
    fails_with(&dir, &["plan", "add", "relapse", "triggers", "x"], 3);
    fails_with(&dir, &["plan", "add", "relapse", "warning-signs", "x"], 3);
    fails_with(
        &dir,
        &[
            "plan",
            "add",
            "safety",
            "distractions",
            "Park",
            "--place",
            "--contact",
            CONTACT,
        ],
        3,
    );
    fails_with(&dir, &["plan", "remove", "safety", "help", "1"], 3);
    fails_with(&dir, &["plan", "link", "safety", "coping", "1", CONTACT], 3);
    fails_with(&dir, &["plan", "restore", "relapse", "4"], 3);
    fails_with(&dir, &["plan", "show", "safety", "--revision", "1"], 3);
    let long = "x".repeat(2001);
    fails_with(&dir, &["plan", "add", "relapse", "reasons", &long], 3);
    // Nothing was saved by any of them.
    let history = json(&dir, &["plan", "history", "--json"]);
    for p in history["plans"].as_array().unwrap() {
        assert_eq!(p["revisions"], serde_json::json!([]));
    }
    // Usage errors are clap's.
    fails_with(&dir, &["plan", "add", "safety", "nowhere", "x"], 2);
    fails_with(&dir, &["plan", "edit", "safety"], 2);

    // Locked as far as this computer goes: its device key is gone (`lock` itself is tested in store_cli).
    std::fs::remove_file(dir.join("device.key")).unwrap();
    fails_with(&dir, &["plan", "show"], 4);
}

#[test]
fn edit_help_says_why_no_editor_is_opened() {
    let (_tmp, dir) = new_store();
    let help = ok(&dir, &["plan", "edit", "--help"]);
    assert!(help.contains("never opens an editor"), "{help}");
    assert!(help.contains("plaintext"), "{help}");
}

#[test]
fn no_plan_text_is_left_on_disk() {
    let (tmp, dir) = new_store();
    let canaries = [
        "zqxwarnsignzqx",
        "zqxhelpernamezqx",
        "zqxreasonzqx",
        "zqxtriggerzqx",
        "zqxcopingzqx",
    ];
    ok(
        &dir,
        &["plan", "add", "safety", "warning-signs", canaries[0]],
    );
    ok_in(
        &dir,
        &["plan", "add", "safety", "help", "-", "--phone", "555 0101"],
        &format!("{}\n", canaries[1]),
    );
    ok_in(
        &dir,
        &["plan", "set", "safety", "reason", "-"],
        &format!("{}\n", canaries[2]),
    );
    ok(
        &dir,
        &[
            "plan",
            "add",
            "relapse",
            "triggers",
            canaries[3],
            "--category",
            "things",
            "--coping",
            canaries[4],
        ],
    );
    let md = ok(&dir, &["plan", "export", "safety", "--format", "markdown"]);
    ok_in(
        &dir,
        &["plan", "edit", "safety", "--from-markdown", "-"],
        &md.replace("0101", "0102"),
    );
    ok(&dir, &["plan", "remove", "safety", "warning-signs", "1"]);
    ok(&dir, &["plan", "restore", "safety", "1"]);

    let mut stack = vec![tmp.path().to_path_buf()];
    let mut files = 0;
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            files += 1;
            let bytes = std::fs::read(&path).unwrap();
            for c in canaries {
                assert!(
                    !bytes.windows(c.len()).any(|w| w == c.as_bytes()),
                    "{} holds {c}",
                    path.display()
                );
            }
        }
    }
    assert!(files > 0);
}
