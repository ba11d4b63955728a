//! Exports keep every field: the Markdown export of any valid plan reads back into the same plan
//! (so nothing is dropped or cut, whatever the text holds: line breaks, Markdown characters,
//! Unicode, the longest texts allowed), and every line of every field appears verbatim in the plain
//! text export, linked contacts' names, roles and phone numbers included.

#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::HashMap;

use oneday_core::plans::text::MAX_TEXT_CHARS;
use oneday_core::plans::{
    export, from_markdown, ContactEntry, Distraction, DistractionKind, ExportFormat, LinkedContact,
    RelapsePreventionPlan, SafetyPlan, Trigger, TriggerCategory, WarningGrade, WarningSign,
    CONTACT_REMOVED,
};
use oneday_core::vault::RecordId;
use proptest::collection::vec;
use proptest::prelude::*;

/// Text a person might write, chosen to be awkward: Markdown characters, line breaks, tabs,
/// escapes, HTML, right-to-left marks and emoji, any printable Unicode, and very long texts.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => r"[a-z #*_|\\\-<>`~&+=.:()\[\]!0-9\n\té漢😀\u{202e}\u{200b}]{1,60}",
        2 => r"\PC{1,80}",
        1 => r"[# \-*1.<br>\nabc|]{1,12}",
        1 => r"[a-z *#|\n]{1900,2000}",
    ]
    .prop_map(|s| {
        if s.trim().is_empty() {
            format!("x{s}x")
        } else {
            s
        }
    })
}

fn phone() -> impl Strategy<Value = String> {
    r"[0-9 +()./*#,\-]{0,20}[0-9]"
}

fn linked_contact() -> impl Strategy<Value = LinkedContact> {
    (
        awkward_text(),
        proptest::option::of(awkward_text()),
        proptest::option::of(phone()),
    )
        .prop_map(|(name, role, phone)| LinkedContact { name, role, phone })
}

/// A link: the contact's id, and the contact itself or `None` when it was removed.
type Link = (RecordId, Option<LinkedContact>);

fn link() -> impl Strategy<Value = Link> {
    (
        any::<[u8; 16]>(),
        proptest::option::weighted(0.7, linked_contact()),
    )
        .prop_map(|(id, c)| (RecordId::from_bytes(id), c))
}

fn contact_entry() -> impl Strategy<Value = (ContactEntry, Option<Link>)> {
    (
        awkward_text(),
        proptest::option::of(phone()),
        proptest::option::of(link()),
    )
        .prop_map(|(text, phone, link)| {
            let entry = ContactEntry {
                text,
                contact: link.as_ref().map(|(id, _)| *id),
                phone,
            };
            (entry, link)
        })
}

/// A safety plan with the contacts its links point at.
fn safety_plan() -> impl Strategy<Value = (SafetyPlan, HashMap<RecordId, LinkedContact>)> {
    (
        vec(awkward_text(), 0..4),
        vec(awkward_text(), 0..4),
        vec((any::<bool>(), contact_entry()), 0..4),
        vec(contact_entry(), 0..4),
        vec(contact_entry(), 0..4),
        vec(awkward_text(), 0..4),
        proptest::option::of(awkward_text()),
    )
        .prop_map(|(w, c, d, h, p, e, reason)| {
            let mut contacts = HashMap::new();
            let mut keep = |(entry, link): (ContactEntry, Option<Link>)| {
                if let Some((id, Some(c))) = link {
                    contacts.insert(id, c);
                }
                entry
            };
            let distractions = d
                .into_iter()
                .map(|(is_place, found)| {
                    let mut entry = keep(found);
                    let kind = if is_place {
                        entry.contact = None;
                        DistractionKind::Place
                    } else {
                        DistractionKind::Person
                    };
                    Distraction { kind, entry }
                })
                .collect();
            let help_people = h.into_iter().map(&mut keep).collect();
            let professionals = p.into_iter().map(&mut keep).collect();
            let mut plan = SafetyPlan {
                warning_signs: w,
                coping_strategies: c,
                distractions,
                help_people,
                professionals,
                safe_environment: e,
                reason_for_living: reason,
            };
            plan.normalize();
            (plan, contacts)
        })
}

fn relapse_plan() -> impl Strategy<Value = RelapsePreventionPlan> {
    let trigger = (
        0..TriggerCategory::ALL.len(),
        awkward_text(),
        proptest::option::of(awkward_text()),
    )
        .prop_map(|(c, text, coping)| Trigger {
            category: TriggerCategory::ALL[c],
            text,
            coping,
        });
    let sign = (0..3usize, awkward_text(), any::<bool>()).prop_map(|(g, text, mental_health)| {
        WarningSign {
            grade: WarningGrade::ALL[g],
            text,
            mental_health,
        }
    });
    (
        vec(awkward_text(), 0..4),
        vec(trigger, 0..5),
        vec(sign, 0..6),
        vec(awkward_text(), 0..4),
    )
        .prop_map(|(reasons, triggers, warning_signs, after_lapse)| {
            let mut plan = RelapsePreventionPlan {
                reasons,
                triggers,
                warning_signs,
                after_lapse,
            };
            plan.normalize();
            plan
        })
}

/// Every line of `value` is in `text`.
fn assert_lines_in(text: &str, value: &str) -> Result<(), TestCaseError> {
    for line in value.split('\n') {
        prop_assert!(
            text.contains(line),
            "missing from the text export: {line:?}"
        );
    }
    Ok(())
}

fn safety_values(plan: &SafetyPlan) -> Vec<&str> {
    let mut values: Vec<&str> = Vec::new();
    values.extend(plan.warning_signs.iter().map(String::as_str));
    values.extend(plan.coping_strategies.iter().map(String::as_str));
    values.extend(plan.safe_environment.iter().map(String::as_str));
    let entries = plan
        .distractions
        .iter()
        .map(|d| &d.entry)
        .chain(&plan.help_people)
        .chain(&plan.professionals);
    for e in entries {
        values.push(&e.text);
        values.extend(e.phone.as_deref());
    }
    values.extend(plan.reason_for_living.as_deref());
    values
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn safety_markdown_reads_back_into_the_same_plan((plan, contacts) in safety_plan()) {
        prop_assert!(plan.validate().is_ok(), "{:?}", plan.validate());
        let lookup = |id: &RecordId| contacts.get(id).cloned();
        let md = export::safety(&plan, ExportFormat::Markdown, &lookup);
        let back = from_markdown::safety(&md);
        prop_assert!(back.is_ok(), "{:?}\n{md}", back);
        prop_assert_eq!(back.unwrap(), plan);
    }

    #[test]
    fn safety_text_keeps_every_field((plan, contacts) in safety_plan()) {
        let lookup = |id: &RecordId| contacts.get(id).cloned();
        let text = export::safety(&plan, ExportFormat::Text, &lookup);
        for value in safety_values(&plan) {
            assert_lines_in(&text, value)?;
        }
        for (_, _, id) in plan.links() {
            match contacts.get(&id) {
                Some(c) => {
                    assert_lines_in(&text, &c.name)?;
                    if let Some(role) = &c.role {
                        assert_lines_in(&text, role)?;
                    }
                    if let Some(phone) = &c.phone {
                        assert_lines_in(&text, phone)?;
                    }
                }
                None => prop_assert!(text.contains(CONTACT_REMOVED)),
            }
        }
    }

    #[test]
    fn relapse_markdown_reads_back_and_text_keeps_every_field(plan in relapse_plan()) {
        prop_assert!(plan.validate().is_ok(), "{:?}", plan.validate());
        let md = export::relapse(&plan, ExportFormat::Markdown);
        let back = from_markdown::relapse(&md);
        prop_assert!(back.is_ok(), "{:?}\n{md}", back);
        prop_assert_eq!(back.unwrap(), plan.clone());

        let text = export::relapse(&plan, ExportFormat::Text);
        for t in &plan.triggers {
            assert_lines_in(&text, &t.text)?;
            assert_lines_in(&text, t.category.label())?;
            if let Some(c) = &t.coping {
                assert_lines_in(&text, c)?;
            }
        }
        for s in &plan.warning_signs {
            assert_lines_in(&text, &s.text)?;
        }
        for r in plan.reasons.iter().chain(&plan.after_lapse) {
            assert_lines_in(&text, r)?;
        }
    }
}

#[test]
fn the_longest_texts_are_kept_whole() {
    let body: String = "é#|*\n<br>"
        .chars()
        .cycle()
        .take(MAX_TEXT_CHARS - 2)
        .collect();
    let longest = format!("[{body}]");
    assert_eq!(longest.chars().count(), MAX_TEXT_CHARS);
    let mut plan = SafetyPlan {
        warning_signs: vec![longest.clone()],
        reason_for_living: Some(longest.clone()),
        ..SafetyPlan::default()
    };
    plan.normalize();
    plan.validate().unwrap();
    assert_eq!(plan.warning_signs[0], longest);
    let md = export::safety(&plan, ExportFormat::Markdown, &|_: &RecordId| None);
    assert_eq!(from_markdown::safety(&md).unwrap(), plan);
}

#[test]
fn a_removed_contact_is_exported_as_removed_and_keeps_its_link() {
    let gone = RecordId::generate().unwrap();
    let plan = SafetyPlan {
        help_people: vec![ContactEntry {
            text: "Sam".into(),
            contact: Some(gone),
            phone: None,
        }],
        ..SafetyPlan::default()
    };
    let none = |_: &RecordId| None;
    let text = export::safety(&plan, ExportFormat::Text, &none);
    assert!(text.contains("Contact: (contact removed)"), "{text}");
    let md = export::safety(&plan, ExportFormat::Markdown, &none);
    assert!(
        md.contains(&format!("(contact removed) (id {gone})")),
        "{md}"
    );
    assert_eq!(from_markdown::safety(&md).unwrap(), plan);
}
