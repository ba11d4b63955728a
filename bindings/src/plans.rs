//! The plan methods of [`Vault`]: the safety plan and the relapse-prevention plan, sealed in the
//! vault with every revision kept.
//!
//! Each save goes through core's store (`oneday_core::plans::store`): the plan is normalised (ends
//! trimmed, warning signs grouped by grade) and checked, and a refused plan writes nothing. A save
//! that changes nothing adds no revision. Every method throws `PlanError`: `Locked` on a locked
//! vault, `Validation` for a refused plan, `NoSuchRevision`, `VaultFailure`.

use chrono::Utc;
use oneday_core::plans::{self as core, store};
use oneday_core::support::PlanContacts;

use crate::plan::{PlanExportFormat, PlanKind, PlanRevision, RelapsePreventionPlan, SafetyPlan};
use crate::plan_edit::{PlanEdit, PlanVersion};
use crate::plan_error::PlanError;
use crate::plan_screen::PlanScreen;
use crate::vault::Vault;

#[uniffi::export]
impl Vault {
    /// The safety plan as it is now (an empty plan if it was never saved).
    pub fn safety_plan(&self) -> Result<SafetyPlan, PlanError> {
        Ok((&store::safety(&self.inner)?.plan).into())
    }

    /// Saves the safety plan, keeping the previous version as a revision; returns the revision
    /// that is now current.
    pub fn save_safety_plan(&self, plan: SafetyPlan) -> Result<PlanRevision, PlanError> {
        let plan = core::SafetyPlan::try_from(plan)?;
        Ok(store::save_safety(&self.inner, plan, Utc::now())?
            .revision
            .into())
    }

    /// The relapse-prevention plan as it is now (an empty plan if it was never saved).
    pub fn relapse_plan(&self) -> Result<RelapsePreventionPlan, PlanError> {
        Ok((&store::relapse(&self.inner)?.plan).into())
    }

    /// Saves the relapse-prevention plan, keeping the previous version as a revision; returns the
    /// revision that is now current.
    pub fn save_relapse_plan(
        &self,
        plan: RelapsePreventionPlan,
    ) -> Result<PlanRevision, PlanError> {
        Ok(store::save_relapse(&self.inner, plan.into(), Utc::now())?
            .revision
            .into())
    }

    /// Every revision of a plan, oldest first (the last one is current; empty if never saved).
    pub fn plan_history(&self, kind: PlanKind) -> Result<Vec<PlanRevision>, PlanError> {
        Ok(store::history(&self.inner, kind.into())?
            .into_iter()
            .map(PlanRevision::from)
            .collect())
    }

    /// Revision `number` of the safety plan.
    pub fn safety_plan_revision(&self, number: u32) -> Result<SafetyPlan, PlanError> {
        Ok((&store::safety_revision(&self.inner, number)?.plan).into())
    }

    /// Revision `number` of the relapse-prevention plan.
    pub fn relapse_plan_revision(&self, number: u32) -> Result<RelapsePreventionPlan, PlanError> {
        Ok((&store::relapse_revision(&self.inner, number)?.plan).into())
    }

    /// What the Plan screen shows of plan `kind`, in one call: sections in order with their
    /// entries, linked contacts resolved, the numbers to dial, what the plan is missing, every
    /// revision, and the version an edit made from it expects.
    pub fn plan(&self, kind: PlanKind) -> Result<PlanScreen, PlanError> {
        let contacts = PlanContacts::load(&self.inner)?;
        Ok((&store::screen(&self.inner, kind.into(), &contacts)?).into())
    }

    /// Applies `edit` to plan `kind` in one vault transaction, if the plan is still at version
    /// `expected` (from `plan(kind)`); returns the plan's new screen. Throws `ChangedElsewhere`
    /// when the plan changed since and the edit names an entry by its number or restores a
    /// revision (reload and redo it); adding an entry to a list is applied to the plan as it is
    /// now. A refused edit (`Validation`, `NoSuchRevision`) writes nothing.
    pub fn apply_plan_edit(
        &self,
        kind: PlanKind,
        expected: PlanVersion,
        edit: PlanEdit,
    ) -> Result<PlanScreen, PlanError> {
        let edit = core::PlanEdit::try_from(edit)?;
        store::apply_edit(&self.inner, kind.into(), expected.into(), edit, Utc::now())?;
        self.plan(kind)
    }

    /// A plan as plain text or Markdown, every field kept (linked contacts' names and phone
    /// numbers too): the current plan, or revision `revision` when given. For printing or sharing
    /// by the user's own choice; the shell decides where it goes.
    #[uniffi::method(default(revision = None))]
    pub fn export_plan(
        &self,
        kind: PlanKind,
        format: PlanExportFormat,
        revision: Option<u32>,
    ) -> Result<String, PlanError> {
        let contacts = PlanContacts::load(&self.inner)?;
        Ok(store::export(
            &self.inner,
            kind.into(),
            format.into(),
            revision,
            &contacts,
        )?)
    }
}
