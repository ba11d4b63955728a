//! Everything a person does to a plan in any shell, as one typed operation: [`PlanEdit`].
//!
//! Add an entry to a section, replace entry N, remove entry N, move an entry, link and unlink a
//! contact, restore an old revision. An edit is applied to the plan as it is in the vault, inside
//! one vault transaction ([`super::store::apply_edit`]), after a check that the plan is still the
//! version the person saw ([`PlanVersion`]): an edit that names an entry by its number, or
//! restores a revision, is refused with [`PlanError::ChangedElsewhere`] when the plan changed
//! underneath (another device, process or screen), so no edit lands on the wrong entry and none
//! is lost. Adding an entry to a list does not depend on where the other entries are, so it is
//! applied to the plan as it is now ([`PlanEdit::is_position_independent`]).
//!
//! Entry numbers are 1-based, as every shell shows them. The plan is normalised and checked after
//! the edit (warning signs stay grouped by grade, so a move across grades is undone).

use serde::Serialize;

use super::error::PlanError;
use super::kind::PlanKind;
use super::relapse::{RelapsePreventionPlan, RelapseSection, Trigger, WarningSign};
use super::revision::RevisionInfo;
use super::safety::{ContactEntry, Distraction, SafetyPlan, SafetyStep};
use super::section::{EntryShape, PlanSection};
use crate::vault::RecordId;

/// One entry of a section, of the shape the section holds ([`PlanSection::shape`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum PlanEntry {
    /// The user's words (steps 1, 2 and 6, the reason for living, reasons, the first 24 hours).
    Text {
        /// The words.
        text: String,
    },
    /// Safety step 3.
    Distraction(Distraction),
    /// Safety steps 4 and 5.
    Contact(ContactEntry),
    /// A relapse trigger.
    Trigger(Trigger),
    /// A relapse warning sign.
    WarningSign(WarningSign),
}

impl PlanEntry {
    /// A text entry.
    pub fn text(text: impl Into<String>) -> PlanEntry {
        PlanEntry::Text { text: text.into() }
    }

    /// Its shape, to match against a section's.
    pub fn shape(&self) -> EntryShape {
        match self {
            PlanEntry::Text { .. } => EntryShape::Text,
            PlanEntry::Distraction(_) => EntryShape::Distraction,
            PlanEntry::Contact(_) => EntryShape::Contact,
            PlanEntry::Trigger(_) => EntryShape::Trigger,
            PlanEntry::WarningSign(_) => EntryShape::WarningSign,
        }
    }

    /// The user's main words.
    pub fn words(&self) -> &str {
        match self {
            PlanEntry::Text { text } => text,
            PlanEntry::Distraction(d) => &d.entry.text,
            PlanEntry::Contact(e) => &e.text,
            PlanEntry::Trigger(t) => &t.text,
            PlanEntry::WarningSign(s) => &s.text,
        }
    }

    /// The contact entry inside (steps 3 to 5), for its link and phone.
    pub fn contact_entry(&self) -> Option<&ContactEntry> {
        match self {
            PlanEntry::Distraction(d) => Some(&d.entry),
            PlanEntry::Contact(e) => Some(e),
            _ => None,
        }
    }
}

/// What a person does to a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    /// Adds `entry` at the end of `section` (for the reason for living: sets it, replacing the
    /// text there; blank text removes it).
    Add {
        /// Where.
        section: PlanSection,
        /// What.
        entry: PlanEntry,
    },
    /// Replaces entry `number` of `section` with `entry` (edit in place).
    Replace {
        /// Where.
        section: PlanSection,
        /// The 1-based entry number.
        number: usize,
        /// The new entry.
        entry: PlanEntry,
    },
    /// Removes entry `number` of `section`.
    Remove {
        /// Where.
        section: PlanSection,
        /// The 1-based entry number.
        number: usize,
    },
    /// Moves entry `from` of `section` to position `to` (both 1-based).
    Move {
        /// Where.
        section: PlanSection,
        /// The entry's number now.
        from: usize,
        /// Its number after the move.
        to: usize,
    },
    /// Links entry `number` of `section` to a contact (safety steps 3 to 5, people only).
    Link {
        /// Where.
        section: PlanSection,
        /// The 1-based entry number.
        number: usize,
        /// The contact's record id.
        contact: RecordId,
    },
    /// Removes the contact link of entry `number` of `section`.
    Unlink {
        /// Where.
        section: PlanSection,
        /// The 1-based entry number.
        number: usize,
    },
    /// Makes revision `revision` the current plan again, as a new revision (history kept).
    Restore {
        /// The revision to bring back.
        revision: u32,
    },
}

impl PlanEdit {
    /// The section the edit changes (`None` for a restore, which changes the whole plan).
    pub fn section(&self) -> Option<PlanSection> {
        match self {
            PlanEdit::Add { section, .. }
            | PlanEdit::Replace { section, .. }
            | PlanEdit::Remove { section, .. }
            | PlanEdit::Move { section, .. }
            | PlanEdit::Link { section, .. }
            | PlanEdit::Unlink { section, .. } => Some(*section),
            PlanEdit::Restore { .. } => None,
        }
    }

    /// Whether the edit means the same on any version of the plan, so it is applied even when the
    /// plan changed since the person saw it: adding an entry to a list. Every other edit names an
    /// entry by its number or replaces the whole plan (a restore, the one reason for living).
    pub fn is_position_independent(&self) -> bool {
        matches!(self, PlanEdit::Add { section, .. } if !section.is_single())
    }
}

/// Which version of a plan a person saw: its current revision number, 0 for a plan never saved.
///
/// Every change adds a revision with the next number, and merging a backup only adds revisions,
/// so a plan that changed never shows the same version again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PlanVersion {
    /// The current revision's number (0: never saved).
    pub revision: u32,
}

impl PlanVersion {
    /// The version of a plan whose current revision is `current`.
    pub fn of(current: Option<RevisionInfo>) -> PlanVersion {
        PlanVersion {
            revision: current.map_or(0, |r| r.number),
        }
    }
}

/// A plan an edit can change (both kinds).
pub trait EditablePlan {
    /// Which plan it is.
    const KIND: PlanKind;
    /// The entries of `section`, in order (empty for a section of the other plan).
    fn entries(&self, section: PlanSection) -> Vec<PlanEntry>;
    /// Applies an entry edit (not a restore, which the history does) to this plan.
    fn apply(&mut self, edit: PlanEdit) -> Result<(), PlanError>;

    /// Entry `number` (1-based) of `section`, as it is now (to change some of its fields and
    /// [`PlanEdit::Replace`] it).
    fn entry(&self, section: PlanSection, number: usize) -> Result<PlanEntry, PlanError> {
        let mut entries = self.entries(section);
        let index = entry_index(section.title(), entries.len(), number)?;
        Ok(entries.swap_remove(index))
    }
}

/// An edit of a list of entries, with the entry converted to the list's element type.
enum ListEdit<T> {
    Add(T),
    Replace(usize, T),
    Move(usize, usize),
}

impl ListEdit<PlanEntry> {
    /// The edit with its entry taken out by `take` (which sees the entry and gives the element,
    /// or `None` when the entry is not of the section's shape).
    fn map<T>(
        self,
        section: PlanSection,
        take: impl FnOnce(PlanEntry) -> Option<T>,
    ) -> Result<ListEdit<T>, PlanError> {
        let wrong = || PlanError::WrongEntry {
            section: section.title(),
        };
        Ok(match self {
            ListEdit::Add(e) => ListEdit::Add(take(e).ok_or_else(wrong)?),
            ListEdit::Replace(n, e) => ListEdit::Replace(n, take(e).ok_or_else(wrong)?),
            ListEdit::Move(from, to) => ListEdit::Move(from, to),
        })
    }
}

/// The 0-based index of entry `number` (1-based) of a section of `count` entries.
pub(crate) fn entry_index(
    section: &'static str,
    count: usize,
    number: usize,
) -> Result<usize, PlanError> {
    if number == 0 || number > count {
        return Err(PlanError::NoSuchEntry {
            section,
            entry: number,
            count,
        });
    }
    Ok(number - 1)
}

fn apply_list<T>(
    list: &mut Vec<T>,
    title: &'static str,
    edit: ListEdit<T>,
) -> Result<(), PlanError> {
    match edit {
        ListEdit::Add(item) => list.push(item),
        ListEdit::Replace(n, item) => {
            let i = entry_index(title, list.len(), n)?;
            list[i] = item;
        }
        ListEdit::Move(from, to) => {
            let i = entry_index(title, list.len(), from)?;
            let j = entry_index(title, list.len(), to)?;
            let item = list.remove(i);
            list.insert(j, item);
        }
    }
    Ok(())
}

fn text(e: PlanEntry) -> Option<String> {
    match e {
        PlanEntry::Text { text } => Some(text),
        _ => None,
    }
}

fn texts(list: &[String]) -> Vec<PlanEntry> {
    list.iter().cloned().map(PlanEntry::text).collect()
}

/// What is left of an edit once the section is known: the list edits, or remove / link.
enum EntryOp {
    List(ListEdit<PlanEntry>),
    Remove(usize),
    Link(usize, Option<RecordId>),
}

/// Splits an entry edit into its section and operation; refuses a section of the other plan.
fn split(edit: PlanEdit, kind: PlanKind) -> Result<(PlanSection, EntryOp), PlanError> {
    let (section, op) = match edit {
        PlanEdit::Add { section, entry } => (section, EntryOp::List(ListEdit::Add(entry))),
        PlanEdit::Replace {
            section,
            number,
            entry,
        } => (section, EntryOp::List(ListEdit::Replace(number, entry))),
        PlanEdit::Move { section, from, to } => (section, EntryOp::List(ListEdit::Move(from, to))),
        PlanEdit::Remove { section, number } => (section, EntryOp::Remove(number)),
        PlanEdit::Link {
            section,
            number,
            contact,
        } => (section, EntryOp::Link(number, Some(contact))),
        PlanEdit::Unlink { section, number } => (section, EntryOp::Link(number, None)),
        PlanEdit::Restore { .. } => {
            return Err(PlanError::NoSuchField {
                section: kind.title(),
                field: "entry to edit",
            })
        }
    };
    if section.kind() != kind {
        return Err(PlanError::SectionNotInPlan {
            section: section.title(),
            kind,
        });
    }
    Ok((section, op))
}

impl EditablePlan for SafetyPlan {
    const KIND: PlanKind = PlanKind::Safety;

    fn entries(&self, section: PlanSection) -> Vec<PlanEntry> {
        match section {
            PlanSection::Safety { step } => match step {
                SafetyStep::WarningSigns => texts(&self.warning_signs),
                SafetyStep::CopingStrategies => texts(&self.coping_strategies),
                SafetyStep::Distractions => self
                    .distractions
                    .iter()
                    .cloned()
                    .map(PlanEntry::Distraction)
                    .collect(),
                SafetyStep::HelpPeople => self
                    .help_people
                    .iter()
                    .cloned()
                    .map(PlanEntry::Contact)
                    .collect(),
                SafetyStep::Professionals => self
                    .professionals
                    .iter()
                    .cloned()
                    .map(PlanEntry::Contact)
                    .collect(),
                SafetyStep::SafeEnvironment => texts(&self.safe_environment),
            },
            PlanSection::ReasonForLiving => self
                .reason_for_living
                .iter()
                .cloned()
                .map(PlanEntry::text)
                .collect(),
            PlanSection::Relapse { .. } => Vec::new(),
        }
    }

    fn apply(&mut self, edit: PlanEdit) -> Result<(), PlanError> {
        let (section, op) = split(edit, Self::KIND)?;
        let title = section.title();
        let step = match section {
            PlanSection::Safety { step } => step,
            _ => return self.apply_reason(op),
        };
        let edit = match op {
            EntryOp::Remove(n) => return self.remove(step, n),
            EntryOp::Link(n, contact) => return self.link(step, n, contact),
            EntryOp::List(edit) => edit,
        };
        match step {
            SafetyStep::WarningSigns => {
                apply_list(&mut self.warning_signs, title, edit.map(section, text)?)
            }
            SafetyStep::CopingStrategies => {
                apply_list(&mut self.coping_strategies, title, edit.map(section, text)?)
            }
            SafetyStep::SafeEnvironment => {
                apply_list(&mut self.safe_environment, title, edit.map(section, text)?)
            }
            SafetyStep::Distractions => {
                let edit = edit.map(section, |e| match e {
                    PlanEntry::Distraction(d) => Some(d),
                    _ => None,
                })?;
                apply_list(&mut self.distractions, title, edit)
            }
            SafetyStep::HelpPeople | SafetyStep::Professionals => {
                let edit = edit.map(section, |e| match e {
                    PlanEntry::Contact(c) => Some(c),
                    _ => None,
                })?;
                let list = if step == SafetyStep::HelpPeople {
                    &mut self.help_people
                } else {
                    &mut self.professionals
                };
                apply_list(list, title, edit)
            }
        }
    }
}

impl SafetyPlan {
    /// The reason for living as a section of at most one entry: adding sets it.
    fn apply_reason(&mut self, op: EntryOp) -> Result<(), PlanError> {
        let section = PlanSection::ReasonForLiving;
        let mut list: Vec<String> = self.reason_for_living.take().into_iter().collect();
        match op {
            EntryOp::List(edit) => {
                let edit = edit.map(section, text)?;
                if let ListEdit::Add(_) = edit {
                    list.clear();
                }
                apply_list(&mut list, section.title(), edit)?;
            }
            EntryOp::Remove(n) => {
                let i = entry_index(section.title(), list.len(), n)?;
                list.remove(i);
            }
            EntryOp::Link(n, contact) => {
                entry_index(section.title(), list.len(), n)?;
                if contact.is_some() {
                    return Err(PlanError::CannotLinkContact {
                        section: section.title(),
                        entry: n,
                    });
                }
                return Err(PlanError::NoSuchField {
                    section: section.title(),
                    field: "contact link",
                });
            }
        }
        self.reason_for_living = list.pop();
        Ok(())
    }
}

impl EditablePlan for RelapsePreventionPlan {
    const KIND: PlanKind = PlanKind::Relapse;

    fn entries(&self, section: PlanSection) -> Vec<PlanEntry> {
        match section {
            PlanSection::Relapse { section } => match section {
                RelapseSection::Reasons => texts(&self.reasons),
                RelapseSection::Triggers => self
                    .triggers
                    .iter()
                    .cloned()
                    .map(PlanEntry::Trigger)
                    .collect(),
                RelapseSection::WarningSigns => self
                    .warning_signs
                    .iter()
                    .cloned()
                    .map(PlanEntry::WarningSign)
                    .collect(),
                RelapseSection::AfterLapse => texts(&self.after_lapse),
            },
            _ => Vec::new(),
        }
    }

    fn apply(&mut self, edit: PlanEdit) -> Result<(), PlanError> {
        let (section, op) = split(edit, Self::KIND)?;
        let title = section.title();
        let PlanSection::Relapse { section: part } = section else {
            return Err(PlanError::SectionNotInPlan {
                section: title,
                kind: Self::KIND,
            });
        };
        let edit = match op {
            EntryOp::Remove(n) => return self.remove(part, n),
            EntryOp::Link(n, contact) => {
                entry_index(title, self.len(part), n)?;
                return Err(match contact {
                    Some(_) => PlanError::CannotLinkContact {
                        section: title,
                        entry: n,
                    },
                    None => PlanError::NoSuchField {
                        section: title,
                        field: "contact link",
                    },
                });
            }
            EntryOp::List(edit) => edit,
        };
        match part {
            RelapseSection::Reasons => {
                apply_list(&mut self.reasons, title, edit.map(section, text)?)
            }
            RelapseSection::AfterLapse => {
                apply_list(&mut self.after_lapse, title, edit.map(section, text)?)
            }
            RelapseSection::Triggers => {
                let edit = edit.map(section, |e| match e {
                    PlanEntry::Trigger(t) => Some(t),
                    _ => None,
                })?;
                apply_list(&mut self.triggers, title, edit)
            }
            RelapseSection::WarningSigns => {
                let edit = edit.map(section, |e| match e {
                    PlanEntry::WarningSign(s) => Some(s),
                    _ => None,
                })?;
                apply_list(&mut self.warning_signs, title, edit)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::relapse::{TriggerCategory, WarningGrade};
    use crate::plans::safety::DistractionKind;

    fn step(step: SafetyStep) -> PlanSection {
        PlanSection::Safety { step }
    }

    fn words(plan: &impl EditablePlan, section: PlanSection) -> Vec<String> {
        plan.entries(section)
            .iter()
            .map(|e| e.words().to_owned())
            .collect()
    }

    #[test]
    fn add_replace_move_remove_in_a_list() {
        let coping = step(SafetyStep::CopingStrategies);
        let mut p = SafetyPlan::default();
        for t in ["walk", "music", "shower"] {
            p.apply(PlanEdit::Add {
                section: coping,
                entry: PlanEntry::text(t),
            })
            .unwrap();
        }
        p.apply(PlanEdit::Replace {
            section: coping,
            number: 2,
            entry: PlanEntry::text("loud music"),
        })
        .unwrap();
        p.apply(PlanEdit::Move {
            section: coping,
            from: 3,
            to: 1,
        })
        .unwrap();
        assert_eq!(words(&p, coping), ["shower", "walk", "loud music"]);
        p.apply(PlanEdit::Remove {
            section: coping,
            number: 2,
        })
        .unwrap();
        assert_eq!(p.coping_strategies, ["shower", "loud music"]);
        assert!(matches!(
            p.apply(PlanEdit::Move {
                section: coping,
                from: 1,
                to: 3
            }),
            Err(PlanError::NoSuchEntry {
                entry: 3,
                count: 2,
                ..
            })
        ));
    }

    #[test]
    fn an_entry_must_fit_its_section_and_its_plan() {
        let mut p = SafetyPlan::default();
        let e = p
            .apply(PlanEdit::Add {
                section: step(SafetyStep::HelpPeople),
                entry: PlanEntry::text("Sam"),
            })
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "“People to ask for help” does not take that kind of entry"
        );
        let reasons = PlanSection::Relapse {
            section: RelapseSection::Reasons,
        };
        assert!(matches!(
            p.apply(PlanEdit::Add {
                section: reasons,
                entry: PlanEntry::text("x"),
            }),
            Err(PlanError::SectionNotInPlan {
                kind: PlanKind::Safety,
                ..
            })
        ));
        assert!(p.is_empty());
    }

    #[test]
    fn links_follow_the_safety_plans_rule() {
        let id = RecordId::generate().unwrap();
        let mut p = SafetyPlan::default();
        let distractions = step(SafetyStep::Distractions);
        for kind in [DistractionKind::Person, DistractionKind::Place] {
            p.apply(PlanEdit::Add {
                section: distractions,
                entry: PlanEntry::Distraction(Distraction {
                    kind,
                    entry: ContactEntry::new("x"),
                }),
            })
            .unwrap();
        }
        p.apply(PlanEdit::Link {
            section: distractions,
            number: 1,
            contact: id,
        })
        .unwrap();
        assert!(matches!(
            p.apply(PlanEdit::Link {
                section: distractions,
                number: 2,
                contact: id
            }),
            Err(PlanError::CannotLinkContact { entry: 2, .. })
        ));
        assert_eq!(p.links(), [(SafetyStep::Distractions, 1, id)]);
        p.apply(PlanEdit::Unlink {
            section: distractions,
            number: 1,
        })
        .unwrap();
        assert!(p.links().is_empty());
        let mut r = RelapsePreventionPlan {
            reasons: vec!["kids".into()],
            ..RelapsePreventionPlan::default()
        };
        assert!(matches!(
            r.apply(PlanEdit::Link {
                section: PlanSection::Relapse {
                    section: RelapseSection::Reasons
                },
                number: 1,
                contact: id
            }),
            Err(PlanError::CannotLinkContact { .. })
        ));
    }

    #[test]
    fn the_reason_for_living_is_one_text() {
        let mut p = SafetyPlan::default();
        let reason = PlanSection::ReasonForLiving;
        for t in ["my kids", "my dog"] {
            p.apply(PlanEdit::Add {
                section: reason,
                entry: PlanEntry::text(t),
            })
            .unwrap();
        }
        assert_eq!(p.reason_for_living.as_deref(), Some("my dog"));
        p.apply(PlanEdit::Replace {
            section: reason,
            number: 1,
            entry: PlanEntry::text("my family"),
        })
        .unwrap();
        assert_eq!(words(&p, reason), ["my family"]);
        p.apply(PlanEdit::Remove {
            section: reason,
            number: 1,
        })
        .unwrap();
        assert_eq!(p.reason_for_living, None);
        assert!(matches!(
            p.apply(PlanEdit::Remove {
                section: reason,
                number: 1
            }),
            Err(PlanError::NoSuchEntry { count: 0, .. })
        ));
    }

    #[test]
    fn relapse_entries_keep_their_fields() {
        let mut r = RelapsePreventionPlan::default();
        let triggers = PlanSection::Relapse {
            section: RelapseSection::Triggers,
        };
        let trigger = Trigger {
            category: TriggerCategory::Places,
            text: "the bar".into(),
            coping: Some("walk past".into()),
        };
        r.apply(PlanEdit::Add {
            section: triggers,
            entry: PlanEntry::Trigger(trigger.clone()),
        })
        .unwrap();
        let signs = PlanSection::Relapse {
            section: RelapseSection::WarningSigns,
        };
        let sign = WarningSign {
            grade: WarningGrade::Middle,
            text: "skipping meetings".into(),
            mental_health: true,
        };
        r.apply(PlanEdit::Add {
            section: signs,
            entry: PlanEntry::WarningSign(sign.clone()),
        })
        .unwrap();
        assert_eq!(r.entries(triggers), [PlanEntry::Trigger(trigger)]);
        assert_eq!(r.entries(signs), [PlanEntry::WarningSign(sign)]);
        assert!(matches!(
            r.apply(PlanEdit::Add {
                section: triggers,
                entry: PlanEntry::text("x")
            }),
            Err(PlanError::WrongEntry { .. })
        ));
    }

    #[test]
    fn only_adding_to_a_list_ignores_the_version() {
        let add = |section| PlanEdit::Add {
            section,
            entry: PlanEntry::text("x"),
        };
        assert!(add(step(SafetyStep::WarningSigns)).is_position_independent());
        assert!(!add(PlanSection::ReasonForLiving).is_position_independent());
        assert!(!PlanEdit::Restore { revision: 1 }.is_position_independent());
        assert!(!PlanEdit::Remove {
            section: step(SafetyStep::WarningSigns),
            number: 1
        }
        .is_position_independent());
        assert_eq!(PlanVersion::of(None).revision, 0);
    }
}
