//! Plans kept in the vault: save, edit with revisions, restore, export, completeness, typed
//! errors, and a forensic check that no plan text reaches the disk in plaintext, across several
//! revisions.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use chrono::{DateTime, TimeZone, Utc};
use oneday_core::plans::{
    store, ContactEntry, Distraction, DistractionKind, ExportFormat, LinkedContact, PlanError,
    PlanGap, PlanKind, RelapsePreventionPlan, RelapseSection, SafetyPlan, SafetyStep, Trigger,
    TriggerCategory, WarningGrade, WarningSign,
};
use oneday_core::vault::{RecordId, RecordKind, Vault, VaultError};
use vault_support::{files_under, find_canaries, new_vault, random_letters};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, day, 12, 0, 0).unwrap()
}

/// Whether an error is the one expected.
type ErrorCheck = fn(&PlanError) -> bool;

fn none(_: &RecordId) -> Option<LinkedContact> {
    None
}

#[test]
fn save_edit_restore_and_reopen() {
    let t = new_vault();
    let v = &t.vault;
    let first = SafetyPlan {
        warning_signs: vec!["not sleeping".into()],
        ..SafetyPlan::default()
    };
    let saved = store::save_safety(v, first.clone(), at(1)).unwrap();
    assert_eq!((saved.revision.number, saved.changed), (1, true));
    // Saving the same plan again keeps no new revision.
    assert!(!store::save_safety(v, first.clone(), at(2)).unwrap().changed);

    let edited = store::update_safety(v, at(3), |p| {
        p.help_people.push(ContactEntry {
            text: "Sam".into(),
            contact: None,
            phone: Some("555 0101".into()),
        });
        Ok(())
    })
    .unwrap();
    assert_eq!(edited.revision.number, 2);
    let history = store::history(v, PlanKind::Safety).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| (r.number, r.saved_at))
            .collect::<Vec<_>>(),
        vec![(1, at(1)), (2, at(3))]
    );
    assert_eq!(store::safety_revision(v, 1).unwrap().plan, first);

    let restored = store::restore(v, PlanKind::Safety, 1, at(4)).unwrap();
    assert_eq!(restored.revision.number, 3);
    assert_eq!(restored.revision.restored_from, Some(1));
    assert_eq!(store::safety(v).unwrap().plan, first);
    // The edit that was undone is still there.
    assert_eq!(
        store::safety_revision(v, 2).unwrap().plan.help_people[0].text,
        "Sam"
    );

    drop(t.vault);
    let reopened = Vault::open_with_device_key(&t.dir, &t.key).unwrap();
    let now = store::safety(&reopened).unwrap();
    assert_eq!(now.plan, first);
    assert_eq!(now.revision.unwrap().number, 3);
    assert_eq!(
        store::history(&reopened, PlanKind::Safety).unwrap().len(),
        3
    );
    assert!(store::history(&reopened, PlanKind::Relapse)
        .unwrap()
        .is_empty());
}

#[test]
fn completeness_follows_the_stored_plan() {
    let t = new_vault();
    let v = &t.vault;
    let gaps = store::completeness(v, PlanKind::Safety, &none)
        .unwrap()
        .gaps;
    assert_eq!(gaps, vec![PlanGap::Empty, PlanGap::NoHelpContact]);

    let sam = RecordId::generate().unwrap();
    store::update_safety(v, at(1), |p| {
        p.help_people.push(ContactEntry::new("Sam"));
        p.link(SafetyStep::HelpPeople, 1, Some(sam))
    })
    .unwrap();
    let with_sam = move |id: &RecordId| {
        (*id == sam).then(|| LinkedContact {
            name: "Sam Smith".into(),
            role: Some("sponsor".into()),
            phone: Some("555 0199".into()),
        })
    };
    let gaps = store::completeness(v, PlanKind::Safety, &with_sam)
        .unwrap()
        .gaps;
    assert!(!gaps.contains(&PlanGap::NoHelpContact), "{gaps:?}");
    // The same plan, once Sam is removed from the contacts: no one to call, and a removed link.
    let gaps = store::completeness(v, PlanKind::Safety, &none)
        .unwrap()
        .gaps;
    assert_eq!(gaps[0], PlanGap::NoHelpContact);
    assert!(gaps.contains(&PlanGap::ContactRemoved {
        step: SafetyStep::HelpPeople,
        entry: 1
    }));
    let text = store::export(v, PlanKind::Safety, ExportFormat::Text, None, &with_sam).unwrap();
    assert!(
        text.contains("Contact: Sam Smith (sponsor), 555 0199"),
        "{text}"
    );
    let text = store::export(v, PlanKind::Safety, ExportFormat::Text, None, &none).unwrap();
    assert!(text.contains("Contact: (contact removed)"), "{text}");
}

#[test]
fn bad_input_gets_typed_errors_and_writes_nothing() {
    let t = new_vault();
    let v = &t.vault;
    let long = "x".repeat(oneday_core::plans::text::MAX_TEXT_CHARS + 1);
    let cases: Vec<(SafetyPlan, ErrorCheck)> = vec![
        (
            SafetyPlan {
                warning_signs: vec!["  ".into()],
                ..SafetyPlan::default()
            },
            |e| matches!(e, PlanError::EmptyText(_)),
        ),
        (
            SafetyPlan {
                coping_strategies: vec![long],
                ..SafetyPlan::default()
            },
            |e| matches!(e, PlanError::TextTooLong { .. }),
        ),
        (
            SafetyPlan {
                safe_environment: vec!["x".into(); oneday_core::plans::text::MAX_ENTRIES + 1],
                ..SafetyPlan::default()
            },
            |e| matches!(e, PlanError::TooManyEntries { .. }),
        ),
        (
            SafetyPlan {
                professionals: vec![ContactEntry {
                    text: "GP".into(),
                    contact: None,
                    phone: Some("my GP's number".into()),
                }],
                ..SafetyPlan::default()
            },
            |e| matches!(e, PlanError::InvalidPhone(_)),
        ),
        (
            SafetyPlan {
                distractions: vec![Distraction {
                    kind: DistractionKind::Place,
                    entry: ContactEntry {
                        text: "the park".into(),
                        contact: Some(RecordId::from_bytes([3; 16])),
                        phone: None,
                    },
                }],
                ..SafetyPlan::default()
            },
            |e| matches!(e, PlanError::CannotLinkContact { .. }),
        ),
    ];
    for (plan, expected) in cases {
        let e = store::save_safety(v, plan, at(1)).unwrap_err();
        assert!(expected(&e), "{e:?}");
    }
    assert!(matches!(
        store::save_relapse(
            v,
            RelapsePreventionPlan {
                triggers: vec![Trigger {
                    category: TriggerCategory::People,
                    text: "old friends".into(),
                    coping: Some("bad\u{1b}[2J".into()),
                }],
                ..RelapsePreventionPlan::default()
            },
            at(1)
        ),
        Err(PlanError::ControlCharacters(_))
    ));
    assert!(matches!(
        store::relapse_revision(v, 1),
        Err(PlanError::NoSuchRevision { number: 1, .. })
    ));
    assert!(v
        .list::<serde_json::Value>(RecordKind::Plan)
        .unwrap()
        .is_empty());

    v.lock();
    assert!(matches!(
        store::safety(v),
        Err(PlanError::Vault(VaultError::Locked))
    ));
    assert!(matches!(
        store::save_safety(v, SafetyPlan::default(), at(1)),
        Err(PlanError::Vault(VaultError::Locked))
    ));
}

#[test]
fn no_plan_text_is_on_disk_in_plaintext_across_revisions() {
    let t = new_vault();
    let v = &t.vault;
    let c = |tag: &str| format!("{tag}{}", random_letters(24));
    let mut canaries = Vec::new();
    let mut canary = |tag: &str| {
        let s = c(tag);
        canaries.push(s.clone());
        s
    };
    let safety = SafetyPlan {
        warning_signs: vec![canary("warn")],
        coping_strategies: vec![canary("cope")],
        distractions: vec![Distraction {
            kind: DistractionKind::Place,
            entry: ContactEntry::new(canary("place")),
        }],
        help_people: vec![ContactEntry {
            text: canary("helper"),
            contact: Some(RecordId::generate().unwrap()),
            phone: None,
        }],
        professionals: vec![ContactEntry::new(canary("agency"))],
        safe_environment: vec![canary("means")],
        reason_for_living: Some(canary("reason")),
    };
    let relapse = RelapsePreventionPlan {
        reasons: vec![canary("why")],
        triggers: vec![Trigger {
            category: TriggerCategory::Feelings,
            text: canary("trigger"),
            coping: Some(canary("coping")),
        }],
        warning_signs: vec![WarningSign {
            grade: WarningGrade::Middle,
            text: canary("sign"),
            mental_health: true,
        }],
        after_lapse: vec![canary("lapse")],
    };
    store::save_safety(v, safety, at(1)).unwrap();
    store::save_relapse(v, relapse, at(1)).unwrap();
    // Several revisions: edits that replace and remove texts, then a restore.
    let later = canary("later");
    store::update_safety(v, at(2), |p| {
        p.warning_signs = vec![later.clone()];
        p.reason_for_living = None;
        Ok(())
    })
    .unwrap();
    let phone_digits = format!("+{}", random_digits(12));
    store::update_safety(v, at(3), |p| {
        p.professionals[0].phone = Some(phone_digits.clone());
        Ok(())
    })
    .unwrap();
    store::update_relapse(v, at(3), |p| p.remove(RelapseSection::Reasons, 1)).unwrap();
    store::restore(v, PlanKind::Safety, 1, at(4)).unwrap();
    assert_eq!(store::history(v, PlanKind::Safety).unwrap().len(), 4);
    assert_eq!(
        store::safety_revision(v, 3).unwrap().plan.professionals[0]
            .phone
            .as_deref(),
        Some(phone_digits.as_str())
    );

    let files = files_under(&t.dir, None);
    assert!(!files.is_empty());
    let hits = find_canaries(&files, &canaries);
    assert!(hits.is_empty(), "plaintext on disk: {hits:?}");
    // The phone number is digits, so look for it byte for byte too.
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        assert!(
            !bytes
                .windows(phone_digits.len())
                .any(|w| w == phone_digits.as_bytes()),
            "{} holds the phone number",
            file.display()
        );
    }
}

fn random_digits(n: usize) -> String {
    random_letters(n)
        .bytes()
        .map(|b| char::from(b'0' + (b - b'a') % 10))
        .collect()
}
