//! Plan edits as one operation (`store::apply_edit`): each edit is applied in one vault
//! transaction after a check that the plan is still the version the person saw. Two vault handles
//! on the same folder, in two threads (as two processes or devices would), edit one plan at once
//! and neither loses an edit.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod vault_support;

use std::sync::{Arc, Barrier};

use chrono::{DateTime, TimeZone, Utc};
use oneday_core::plans::{
    store, EntryLink, LinkedContact, PlanEdit, PlanEntry, PlanError, PlanGap, PlanKind,
    PlanSection, PlanVersion, SafetyStep,
};
use oneday_core::vault::{RecordId, Vault};
use vault_support::new_vault;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, day, 12, 0, 0).unwrap()
}

fn none(_: &RecordId) -> Option<LinkedContact> {
    None
}

const COPING: PlanSection = PlanSection::Safety {
    step: SafetyStep::CopingStrategies,
};
const HELP: PlanSection = PlanSection::Safety {
    step: SafetyStep::HelpPeople,
};

fn add(section: PlanSection, entry: PlanEntry) -> PlanEdit {
    PlanEdit::Add { section, entry }
}

fn words(v: &Vault, section: PlanSection) -> Vec<String> {
    let screen = store::screen(v, section.kind(), &none).unwrap();
    screen
        .sections
        .into_iter()
        .find(|s| s.section == section)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.entry.words().to_owned())
        .collect()
}

#[test]
fn a_stale_version_is_refused_and_writes_nothing() {
    let t = new_vault();
    let v = &t.vault;
    let seen = store::version(v, PlanKind::Safety).unwrap();
    assert_eq!(seen, PlanVersion { revision: 0 });
    store::apply_edit(
        v,
        PlanKind::Safety,
        seen,
        add(COPING, PlanEntry::text("walk")),
        at(1),
    )
    .unwrap();
    // Adding to a list does not depend on positions: applied on the plan as it is now.
    let saved = store::apply_edit(
        v,
        PlanKind::Safety,
        seen,
        add(COPING, PlanEntry::text("music")),
        at(2),
    )
    .unwrap();
    assert_eq!(saved.revision.number, 2);
    // Removing entry 1 of the plan as it was at revision 0 could remove the wrong entry.
    let e = store::apply_edit(
        v,
        PlanKind::Safety,
        seen,
        PlanEdit::Remove {
            section: COPING,
            number: 1,
        },
        at(3),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        PlanError::ChangedElsewhere {
            kind: PlanKind::Safety,
            current: 2
        }
    ));
    assert_eq!(words(v, COPING), ["walk", "music"]);
    assert_eq!(store::history(v, PlanKind::Safety).unwrap().len(), 2);
}

#[test]
fn edit_in_place_move_and_restore_a_revision() {
    let t = new_vault();
    let v = &t.vault;
    for (day, text) in [(1, "walk"), (2, "music")] {
        let now = store::version(v, PlanKind::Safety).unwrap();
        store::apply_edit(
            v,
            PlanKind::Safety,
            now,
            add(COPING, PlanEntry::text(text)),
            at(day),
        )
        .unwrap();
    }
    let seen = store::screen(v, PlanKind::Safety, &none).unwrap();
    assert_eq!(seen.version.revision, 2);
    let replace = PlanEdit::Replace {
        section: COPING,
        number: 1,
        entry: PlanEntry::text("  a long walk "),
    };
    store::apply_edit(v, PlanKind::Safety, seen.version, replace, at(3)).unwrap();
    let moved = PlanEdit::Move {
        section: COPING,
        from: 2,
        to: 1,
    };
    let now = store::version(v, PlanKind::Safety).unwrap();
    store::apply_edit(v, PlanKind::Safety, now, moved, at(4)).unwrap();
    assert_eq!(words(v, COPING), ["music", "a long walk"]);

    let screen = store::screen(v, PlanKind::Safety, &none).unwrap();
    assert_eq!(screen.revisions.len(), 4);
    let restore = PlanEdit::Restore { revision: 2 };
    let saved = store::apply_edit(v, PlanKind::Safety, screen.version, restore, at(5)).unwrap();
    assert_eq!(saved.revision.number, 5);
    assert_eq!(saved.revision.restored_from, Some(2));
    assert_eq!(words(v, COPING), ["walk", "music"]);
    // The history is kept: revision 4 still holds the moved list.
    assert_eq!(
        store::safety_revision(v, 4).unwrap().plan.coping_strategies,
        ["music", "a long walk"]
    );
    let missing = PlanEdit::Restore { revision: 9 };
    let now = store::version(v, PlanKind::Safety).unwrap();
    assert!(matches!(
        store::apply_edit(v, PlanKind::Safety, now, missing, at(6)),
        Err(PlanError::NoSuchRevision { number: 9, .. })
    ));
}

#[test]
fn link_and_unlink_resolve_on_the_screen() {
    let t = new_vault();
    let v = &t.vault;
    let sam = RecordId::generate().unwrap();
    let entry = PlanEntry::Contact(oneday_core::plans::ContactEntry::new("Sam"));
    store::apply_edit(
        v,
        PlanKind::Safety,
        PlanVersion { revision: 0 },
        add(HELP, entry),
        at(1),
    )
    .unwrap();
    let link = PlanEdit::Link {
        section: HELP,
        number: 1,
        contact: sam,
    };
    store::apply_edit(
        v,
        PlanKind::Safety,
        PlanVersion { revision: 1 },
        link,
        at(2),
    )
    .unwrap();
    let lookup = move |id: &RecordId| {
        (*id == sam).then(|| LinkedContact {
            name: "Sam".into(),
            role: None,
            phone: Some("+1 555 123 4567".into()),
        })
    };
    let screen = store::screen(v, PlanKind::Safety, &lookup).unwrap();
    let row = &screen.sections[3].entries[0];
    assert!(matches!(&row.link, EntryLink::Contact(c) if c.name == "Sam"));
    assert_eq!(row.dial.as_deref(), Some("+1 555 123 4567"));
    assert!(!screen.completeness.gaps.contains(&PlanGap::NoHelpContact));
    assert_eq!(screen.prompt, None);
    // Linking a step that lists no people is refused by core's rule, and nothing is written.
    let warning = PlanSection::Safety {
        step: SafetyStep::WarningSigns,
    };
    store::apply_edit(
        v,
        PlanKind::Safety,
        screen.version,
        add(warning, PlanEntry::text("x")),
        at(3),
    )
    .unwrap();
    let refused = PlanEdit::Link {
        section: warning,
        number: 1,
        contact: sam,
    };
    let now = store::version(v, PlanKind::Safety).unwrap();
    assert!(matches!(
        store::apply_edit(v, PlanKind::Safety, now, refused, at(4)),
        Err(PlanError::CannotLinkContact { .. })
    ));
    let unlink = PlanEdit::Unlink {
        section: HELP,
        number: 1,
    };
    store::apply_edit(v, PlanKind::Safety, now, unlink, at(5)).unwrap();
    let screen = store::screen(v, PlanKind::Safety, &lookup).unwrap();
    assert_eq!(screen.sections[3].entries[0].link, EntryLink::None);
    assert_eq!(screen.prompt, Some(PlanGap::NoHelpContact));
    assert_eq!(screen.version.revision, 4);
}

const ROUNDS: usize = 25;

/// Two handles on one vault folder, started together.
fn two_handles() -> (vault_support::TestVault, [Arc<Vault>; 2]) {
    let t = new_vault();
    let a = Arc::new(Vault::open_with_device_key(&t.dir, &t.key).unwrap());
    let b = Arc::new(Vault::open_with_device_key(&t.dir, &t.key).unwrap());
    (t, [a, b])
}

/// Runs `work(who, vault)` on each handle in its own thread, started together; waits for both.
fn at_once(handles: &[Arc<Vault>; 2], work: fn(usize, &Vault)) {
    let barrier = Arc::new(Barrier::new(2));
    let threads: Vec<_> = handles
        .iter()
        .enumerate()
        .map(|(who, v)| {
            let (v, barrier) = (Arc::clone(v), Arc::clone(&barrier));
            std::thread::spawn(move || {
                barrier.wait();
                work(who, &v);
            })
        })
        .collect();
    threads.into_iter().for_each(|h| h.join().unwrap());
}

#[test]
fn two_handles_adding_at_once_lose_nothing() {
    let (t, handles) = two_handles();
    // Each reads the plan once, before writing: most adds are made from a stale version, as two
    // phones that opened the screen at the same time.
    at_once(&handles, |who, v| {
        let seen = store::version(v, PlanKind::Safety).unwrap();
        for i in 0..ROUNDS {
            let entry = PlanEntry::text(format!("{who}-{i}"));
            store::apply_edit(v, PlanKind::Safety, seen, add(COPING, entry), Utc::now()).unwrap();
        }
    });
    let all = words(&t.vault, COPING);
    assert_eq!(all.len(), 2 * ROUNDS);
    for who in 0..2 {
        let mine: Vec<&String> = all
            .iter()
            .filter(|w| w.starts_with(&format!("{who}-")))
            .collect();
        let expected: Vec<String> = (0..ROUNDS).map(|i| format!("{who}-{i}")).collect();
        assert_eq!(mine, expected.iter().collect::<Vec<_>>());
    }
}

/// Rewrites entry `number` (found by its prefix) to `text`, retrying on a stale version.
fn replace_own(v: &Vault, prefix: &str, text: String) {
    loop {
        let screen = store::screen(v, PlanKind::Safety, &none).unwrap();
        let number = screen.sections[1]
            .entries
            .iter()
            .find(|e| e.entry.words().starts_with(prefix))
            .unwrap()
            .number;
        let edit = PlanEdit::Replace {
            section: COPING,
            number,
            entry: PlanEntry::text(text.clone()),
        };
        match store::apply_edit(v, PlanKind::Safety, screen.version, edit, Utc::now()) {
            Ok(saved) => {
                assert!(saved.changed);
                return;
            }
            Err(PlanError::ChangedElsewhere { .. }) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
}

#[test]
fn two_handles_editing_entries_by_number_lose_nothing() {
    let (t, handles) = two_handles();
    for text in ["a", "b"] {
        let now = store::version(&t.vault, PlanKind::Safety).unwrap();
        let edit = add(COPING, PlanEntry::text(text));
        store::apply_edit(&t.vault, PlanKind::Safety, now, edit, at(1)).unwrap();
    }
    // Each handle rewrites its own entry in place (its number found on the screen it just read)
    // and now and then swaps the two entries' order, so the numbers move under the other.
    at_once(&handles, |who, v| {
        let prefix = if who == 0 { "a" } else { "b" };
        for i in 0..ROUNDS {
            replace_own(v, prefix, format!("{prefix}{i}"));
            if i % 5 == 0 {
                let now = store::version(v, PlanKind::Safety).unwrap();
                let swap = PlanEdit::Move {
                    section: COPING,
                    from: 2,
                    to: 1,
                };
                match store::apply_edit(v, PlanKind::Safety, now, swap, Utc::now()) {
                    Ok(_) | Err(PlanError::ChangedElsewhere { .. }) => {}
                    Err(e) => panic!("unexpected error: {e}"),
                }
            }
        }
    });
    // Each handle's last text is there, once: no edit landed on the other's entry.
    let mut last = words(&t.vault, COPING);
    last.sort();
    assert_eq!(
        last,
        [format!("a{}", ROUNDS - 1), format!("b{}", ROUNDS - 1)]
    );
    // Every text each handle wrote is a revision of its own: none was overwritten unseen, and
    // from revision 2 on both entries are always there.
    let history = store::history(&t.vault, PlanKind::Safety).unwrap();
    for n in 2..=history.len() {
        let r = store::safety_revision(&t.vault, u32::try_from(n).unwrap()).unwrap();
        assert_eq!(r.plan.coping_strategies.len(), 2);
    }
    for who in ["a", "b"] {
        for i in 0..ROUNDS {
            let text = format!("{who}{i}");
            assert!(
                (1..=history.len()).any(|n| store::safety_revision(
                    &t.vault,
                    u32::try_from(n).unwrap()
                )
                .unwrap()
                .plan
                .coping_strategies
                .contains(&text)),
                "{text} was lost"
            );
        }
    }
}
