//! Plans the user writes on a good day for a bad one: the Stanley-Brown safety plan and the
//! relapse-prevention plan, with revisions and plain-text / Markdown export.
//!
//! A plan is only as good as the moment it is opened in: it must be the user's own words, kept
//! exactly, with every version kept, and it must say who to call. Where each rule lives:
//! - [`safety`]: the six Stanley-Brown steps and the reason for living; entries that name people
//!   link to contacts;
//! - [`relapse`]: reasons, triggers (people, places, things, feelings, HALT) with coping
//!   responses, graded warning signs (mental-health signs too), the first 24 hours after a lapse;
//! - [`text`]: what a plan's texts may hold (normalising, limits, phone numbers);
//! - [`contacts`]: the lookup through which a plan sees the support network;
//! - [`completeness`]: what a plan is missing (no one to call, empty steps, removed contacts);
//! - [`section`]: which sections each plan has, in order, and what their entries hold;
//! - [`edit`]: [`PlanEdit`], everything a person does to a plan, and the [`PlanVersion`] it expects;
//! - [`screen`]: [`PlanScreen`], what the Plan screen shows, in one value;
//! - [`revision`]: every saved version is kept; restoring is a new revision;
//! - [`export`]: plain text and Markdown that keep every field; `markdown_text.rs` escapes user text
//!   and [`from_markdown`] reads an export back (the editing format, and the round-trip proof);
//! - [`store`]: plans sealed in the vault, one record per plan with its history; edits applied
//!   in one transaction with the version check ([`store::apply_edit`]);
//! - [`error`]: [`PlanError`], which never repeats what the user wrote.

pub mod completeness;
pub mod contacts;
pub mod edit;
pub mod error;
pub mod export;
pub mod from_markdown;
pub mod kind;
mod markdown_text;
pub mod relapse;
pub mod revision;
pub mod safety;
pub mod screen;
pub mod section;
pub mod store;
pub mod text;

pub use completeness::{Completeness, PlanGap};
pub use contacts::{ContactLookup, LinkedContact};
pub use edit::{PlanEdit, PlanEntry, PlanVersion};
pub use error::{FieldPath, PlanError};
pub use export::{ExportFormat, CONTACT_REMOVED};
pub use from_markdown::{ParsedPlan, MAX_MARKDOWN_BYTES};
pub use kind::PlanKind;
pub use relapse::{
    HaltState, RelapsePreventionPlan, RelapseSection, Trigger, TriggerCategory, WarningGrade,
    WarningSign,
};
pub use revision::{History, Revision, RevisionInfo, Saved};
pub use safety::{ContactEntry, Distraction, DistractionKind, SafetyPlan, SafetyStep};
pub use screen::{EntryLink, EntryView, PlanScreen, SectionView};
pub use section::{EntryShape, PlanSection};
pub use store::CurrentPlan;
