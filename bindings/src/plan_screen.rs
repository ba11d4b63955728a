//! The Plan screen as the shells get it: one record ([`PlanScreen`]) per plan, built by core
//! (`oneday_core::plans::store::screen`), so a phone crosses the FFI once per screen and only lays
//! it out. The number to dial comes as core's `tel:` URI. The choices an entry form offers
//! (trigger categories, warning grades) come with core's labels.

use oneday_core::plans as core;
use oneday_core::support::PhoneNumber;

use crate::plan::{
    entry_number, PlanCompleteness, PlanKind, PlanRevision, TriggerCategory, WarningGrade,
};
use crate::plan_edit::{PlanEntry, PlanEntryShape, PlanSection, PlanVersion};

/// What a plan shows of a linked contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanLinkedContact {
    /// The contact's name.
    pub name: String,
    /// The user's label for them (sponsor, therapist, ...), if any.
    pub role: Option<String>,
    /// Their number, as display text, if any.
    pub phone: Option<String>,
}

/// The contact an entry links to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanLink {
    /// No link.
    NotLinked,
    /// A contact of the support network, as stored now.
    Linked {
        /// The contact.
        contact: PlanLinkedContact,
    },
    /// The linked contact was removed.
    ContactRemoved,
}

/// One entry as the Plan screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanEntryView {
    /// Its 1-based number (what an edit names).
    pub number: u32,
    /// The entry itself, to fill the "edit in place" form.
    pub entry: PlanEntry,
    /// The main line (`Person: Alex`, `Lonely (HALT): Sunday evenings`, or the words).
    pub line: String,
    /// A second line (phone, linked contact, coping response, grade), if any.
    pub detail: Option<String>,
    /// The linked contact.
    pub link: PlanLink,
    /// Core's `tel:` URI for the entry's phone (or its linked contact's), if it has a number core
    /// can dial.
    pub dial_uri: Option<String>,
}

/// One section as the Plan screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanSectionView {
    /// Which section (what an edit names).
    pub section: PlanSection,
    /// `Step 4: People to ask for help`.
    pub heading: String,
    /// What its entries hold: which form to show.
    pub shape: PlanEntryShape,
    /// Whether an entry can link a contact (safety steps 3 to 5; people only in step 3).
    pub links_contact: bool,
    /// Whether the section is one text (the reason for living): "Add" replaces it.
    pub single: bool,
    /// Its entries in order.
    pub entries: Vec<PlanEntryView>,
}

/// The Plan screen of one plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanScreen {
    /// Which plan.
    pub kind: PlanKind,
    /// The version an edit made from this screen expects.
    pub version: PlanVersion,
    /// Every revision, oldest first (the last is current).
    pub revisions: Vec<PlanRevision>,
    /// The sections in the plan's order.
    pub sections: Vec<PlanSectionView>,
    /// What the plan is missing.
    pub completeness: PlanCompleteness,
    /// The sentence to prompt with above everything ("no one to call"), if the plan needs it.
    pub prompt: Option<String>,
}

/// A trigger category an entry form offers, with core's label (`Hungry (HALT)`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TriggerCategoryChoice {
    /// The category.
    pub category: TriggerCategory,
    /// Its label, as in the exports and on the Plan screen.
    pub label: String,
}

/// A warning-sign grade an entry form offers, with core's label.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WarningGradeChoice {
    /// The grade.
    pub grade: WarningGrade,
    /// Its label (`Early`).
    pub label: String,
}

/// The trigger categories, in the order a form offers them (HALT states last).
#[uniffi::export]
pub fn trigger_categories() -> Vec<TriggerCategoryChoice> {
    core::TriggerCategory::ALL
        .into_iter()
        .map(|c| TriggerCategoryChoice {
            category: c.into(),
            label: c.label().to_owned(),
        })
        .collect()
}

/// The warning-sign grades, earliest first.
#[uniffi::export]
pub fn warning_grades() -> Vec<WarningGradeChoice> {
    core::WarningGrade::ALL
        .into_iter()
        .map(|g| WarningGradeChoice {
            grade: g.into(),
            label: g.title().to_owned(),
        })
        .collect()
}

impl From<&core::LinkedContact> for PlanLinkedContact {
    fn from(c: &core::LinkedContact) -> Self {
        PlanLinkedContact {
            name: c.name.clone(),
            role: c.role.clone(),
            phone: c.phone.clone(),
        }
    }
}

fn entry_view(e: &core::EntryView) -> PlanEntryView {
    PlanEntryView {
        number: entry_number(e.number),
        entry: (&e.entry).into(),
        line: e.line.clone(),
        detail: e.detail.clone(),
        link: match &e.link {
            core::EntryLink::None => PlanLink::NotLinked,
            core::EntryLink::Contact(c) => PlanLink::Linked { contact: c.into() },
            core::EntryLink::Removed => PlanLink::ContactRemoved,
        },
        dial_uri: e
            .dial
            .as_deref()
            .and_then(|p| PhoneNumber::parse(p).ok())
            .map(|p| p.tel_uri()),
    }
}

impl From<&core::PlanScreen> for PlanScreen {
    fn from(s: &core::PlanScreen) -> Self {
        PlanScreen {
            kind: s.completeness.kind.into(),
            version: s.version.into(),
            revisions: s
                .revisions
                .iter()
                .copied()
                .map(PlanRevision::from)
                .collect(),
            sections: s
                .sections
                .iter()
                .map(|v| PlanSectionView {
                    section: v.section.into(),
                    heading: v.heading.clone(),
                    shape: v.section.shape().into(),
                    links_contact: v.section.links_contact(),
                    single: v.section.is_single(),
                    entries: v.entries.iter().map(entry_view).collect(),
                })
                .collect(),
            completeness: (&s.completeness).into(),
            prompt: s.prompt.map(|g| g.to_string()),
        }
    }
}
