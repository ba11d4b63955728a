//! Plans kept in the vault, sealed like everything else.
//!
//! Layout: one sealed record of kind [`RecordKind::Plan`] per plan kind, holding that plan's whole
//! [`History`] (every revision, the last one current), so a save is one atomic write and the
//! history can never disagree with the plan. The record's random id says nothing; which plan a
//! record holds is inside the seal, found by listing (decrypting) the plan records. A plan never
//! saved reads as an empty plan with no revision.
//!
//! Every save normalises the plan and checks it ([`SafetyPlan::validate`],
//! [`RelapsePreventionPlan::validate`]); a refused plan writes nothing. Changes run inside one
//! vault transaction (read, change, write), so two edits cannot lose each other's change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::completeness::{self, Completeness};
use super::contacts::ContactLookup;
use super::edit::{EditablePlan, PlanEdit, PlanVersion};
use super::error::PlanError;
use super::export::{self, ExportFormat};
use super::kind::PlanKind;
use super::relapse::RelapsePreventionPlan;
use super::revision::{History, Revision, RevisionInfo, Saved};
use super::safety::SafetyPlan;
use super::screen::PlanScreen;
use crate::vault::{RecordId, RecordKind, Vault, VaultTx};

/// The sealed record of one plan kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "plan", rename_all = "snake_case")]
pub(crate) enum PlanRecord {
    Safety {
        history: History<SafetyPlan>,
    },
    Relapse {
        history: History<RelapsePreventionPlan>,
    },
}

/// What the store needs of a plan type.
trait StoredPlan: EditablePlan + Clone + PartialEq + Default {
    /// Normalises and checks the plan before a save.
    fn prepare(&mut self) -> Result<(), PlanError>;
    fn history_in(record: PlanRecord) -> Option<History<Self>>;
    fn record(history: History<Self>) -> PlanRecord;
}

impl StoredPlan for SafetyPlan {
    fn prepare(&mut self) -> Result<(), PlanError> {
        self.normalize();
        self.validate()
    }

    fn history_in(record: PlanRecord) -> Option<History<Self>> {
        match record {
            PlanRecord::Safety { history } => Some(history),
            PlanRecord::Relapse { .. } => None,
        }
    }

    fn record(history: History<Self>) -> PlanRecord {
        PlanRecord::Safety { history }
    }
}

impl StoredPlan for RelapsePreventionPlan {
    fn prepare(&mut self) -> Result<(), PlanError> {
        self.normalize();
        self.validate()
    }

    fn history_in(record: PlanRecord) -> Option<History<Self>> {
        match record {
            PlanRecord::Relapse { history } => Some(history),
            PlanRecord::Safety { .. } => None,
        }
    }

    fn record(history: History<Self>) -> PlanRecord {
        PlanRecord::Relapse { history }
    }
}

/// A plan as it is now, with the revision it is (`None` if it was never saved: an empty plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentPlan<P> {
    /// The plan.
    pub plan: P,
    /// Its revision, or `None` if it was never saved.
    pub revision: Option<RevisionInfo>,
}

fn find<P: StoredPlan>(tx: &VaultTx<'_>) -> Result<Option<(RecordId, History<P>)>, PlanError> {
    Ok(tx
        .list::<PlanRecord>(RecordKind::Plan)?
        .into_iter()
        .find_map(|(id, record)| P::history_in(record).map(|h| (id, h))))
}

fn load<P: StoredPlan>(vault: &Vault) -> Result<History<P>, PlanError> {
    Ok(vault
        .list::<PlanRecord>(RecordKind::Plan)?
        .into_iter()
        .find_map(|(_, record)| P::history_in(record))
        .unwrap_or_default())
}

fn current<P: StoredPlan>(vault: &Vault) -> Result<CurrentPlan<P>, PlanError> {
    let history = load::<P>(vault)?;
    Ok(match history.current() {
        Some(r) => CurrentPlan {
            plan: r.plan.clone(),
            revision: Some(r.info),
        },
        None => CurrentPlan {
            plan: P::default(),
            revision: None,
        },
    })
}

/// Applies `change` to the history in one transaction and writes it back when it changed.
fn change_history<P: StoredPlan>(
    vault: &Vault,
    change: impl FnOnce(&mut History<P>) -> Result<Saved, PlanError>,
) -> Result<Saved, PlanError> {
    vault.transaction(|tx| {
        let (id, mut history) = match find::<P>(tx)? {
            Some(found) => found,
            None => (RecordId::generate()?, History::default()),
        };
        let saved = change(&mut history)?;
        if saved.changed {
            tx.put(RecordKind::Plan, &id, &P::record(history))?;
        }
        Ok(saved)
    })
}

/// Changes the current plan of `history` with `change`, checks it and records it at `now`.
fn record_change<P: StoredPlan>(
    history: &mut History<P>,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut P) -> Result<(), PlanError>,
) -> Result<Saved, PlanError> {
    let mut plan = history
        .current()
        .map(|r| r.plan.clone())
        .unwrap_or_default();
    change(&mut plan)?;
    plan.prepare()?;
    Ok(history.record(plan, now))
}

fn update<P: StoredPlan>(
    vault: &Vault,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut P) -> Result<(), PlanError>,
) -> Result<Saved, PlanError> {
    change_history::<P>(vault, |history| record_change(history, now, change))
}

/// Restores revision `number` in `history` at `now`.
fn restore_revision<P: StoredPlan>(
    history: &mut History<P>,
    number: u32,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    history
        .restore(number, now)
        .ok_or(PlanError::NoSuchRevision {
            kind: P::KIND,
            number,
        })
}

fn apply<P: StoredPlan>(
    vault: &Vault,
    expected: PlanVersion,
    edit: PlanEdit,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    change_history::<P>(vault, |history| {
        let current = PlanVersion::of(history.current().map(|r| r.info));
        if current != expected && !edit.is_position_independent() {
            return Err(PlanError::ChangedElsewhere {
                kind: P::KIND,
                current: current.revision,
            });
        }
        match edit {
            PlanEdit::Restore { revision } => restore_revision(history, revision, now),
            edit => record_change(history, now, |plan: &mut P| plan.apply(edit)),
        }
    })
}

fn revision<P: StoredPlan>(vault: &Vault, number: u32) -> Result<Revision<P>, PlanError> {
    load::<P>(vault)?
        .get(number)
        .cloned()
        .ok_or(PlanError::NoSuchRevision {
            kind: P::KIND,
            number,
        })
}

/// The safety plan as it is now (empty if never saved).
pub fn safety(vault: &Vault) -> Result<CurrentPlan<SafetyPlan>, PlanError> {
    current(vault)
}

/// The relapse-prevention plan as it is now (empty if never saved).
pub fn relapse(vault: &Vault) -> Result<CurrentPlan<RelapsePreventionPlan>, PlanError> {
    current(vault)
}

/// Saves `plan` as the safety plan at `now`, keeping the previous version as a revision.
/// Normalised and checked first; a refused plan writes nothing. Saving the plan as it already is
/// adds no revision.
pub fn save_safety(
    vault: &Vault,
    plan: SafetyPlan,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    update::<SafetyPlan>(vault, now, |p| {
        *p = plan;
        Ok(())
    })
}

/// Saves `plan` as the relapse-prevention plan at `now` (see [`save_safety`]).
pub fn save_relapse(
    vault: &Vault,
    plan: RelapsePreventionPlan,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    update::<RelapsePreventionPlan>(vault, now, |p| {
        *p = plan;
        Ok(())
    })
}

/// Applies `change` to the current safety plan and saves the result at `now`, in one vault
/// transaction; when `change` or the checks refuse it, nothing is written.
pub fn update_safety(
    vault: &Vault,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut SafetyPlan) -> Result<(), PlanError>,
) -> Result<Saved, PlanError> {
    update(vault, now, change)
}

/// Applies `change` to the current relapse-prevention plan and saves it (see [`update_safety`]).
pub fn update_relapse(
    vault: &Vault,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut RelapsePreventionPlan) -> Result<(), PlanError>,
) -> Result<Saved, PlanError> {
    update(vault, now, change)
}

/// Every revision of plan `kind`, oldest first (empty if never saved).
pub fn history(vault: &Vault, kind: PlanKind) -> Result<Vec<RevisionInfo>, PlanError> {
    Ok(match kind {
        PlanKind::Safety => load::<SafetyPlan>(vault)?.infos(),
        PlanKind::Relapse => load::<RelapsePreventionPlan>(vault)?.infos(),
    })
}

/// Revision `number` of the safety plan.
pub fn safety_revision(vault: &Vault, number: u32) -> Result<Revision<SafetyPlan>, PlanError> {
    revision(vault, number)
}

/// Revision `number` of the relapse-prevention plan.
pub fn relapse_revision(
    vault: &Vault,
    number: u32,
) -> Result<Revision<RelapsePreventionPlan>, PlanError> {
    revision(vault, number)
}

/// Makes revision `number` of plan `kind` current again at `now`, as a new revision (nothing is
/// lost; nothing is added if it is already the current content).
pub fn restore(
    vault: &Vault,
    kind: PlanKind,
    number: u32,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    fn restore_in<P: StoredPlan>(
        vault: &Vault,
        number: u32,
        now: DateTime<Utc>,
    ) -> Result<Saved, PlanError> {
        change_history::<P>(vault, |h| restore_revision(h, number, now))
    }
    match kind {
        PlanKind::Safety => restore_in::<SafetyPlan>(vault, number, now),
        PlanKind::Relapse => restore_in::<RelapsePreventionPlan>(vault, number, now),
    }
}

/// Applies `edit` to plan `kind` at `now`, in one vault transaction, if the plan is still at
/// version `expected` (the version the person saw): otherwise [`PlanError::ChangedElsewhere`] and
/// nothing is written, unless the edit means the same on any version
/// ([`PlanEdit::is_position_independent`]: adding to a list), which is then applied to the plan
/// as it is now. The plan is normalised and checked after the edit; a refused edit writes nothing.
/// Returns the revision that is now current.
pub fn apply_edit(
    vault: &Vault,
    kind: PlanKind,
    expected: PlanVersion,
    edit: PlanEdit,
    now: DateTime<Utc>,
) -> Result<Saved, PlanError> {
    match kind {
        PlanKind::Safety => apply::<SafetyPlan>(vault, expected, edit, now),
        PlanKind::Relapse => apply::<RelapsePreventionPlan>(vault, expected, edit, now),
    }
}

/// The version of plan `kind` as it is now (what an edit made from this reading expects).
pub fn version(vault: &Vault, kind: PlanKind) -> Result<PlanVersion, PlanError> {
    Ok(PlanVersion::of(history(vault, kind)?.last().copied()))
}

/// What the Plan screen shows of plan `kind`, read in one pass: sections in order with their
/// entries, linked contacts resolved through `contacts`, what the plan is missing, its revisions
/// and the version an edit made from it expects.
pub fn screen(
    vault: &Vault,
    kind: PlanKind,
    contacts: &dyn ContactLookup,
) -> Result<PlanScreen, PlanError> {
    Ok(match kind {
        PlanKind::Safety => {
            let history = load::<SafetyPlan>(vault)?;
            let plan = history
                .current()
                .map(|r| r.plan.clone())
                .unwrap_or_default();
            let gaps = completeness::safety(&plan, contacts);
            PlanScreen::build(&plan, history.infos(), gaps, contacts)
        }
        PlanKind::Relapse => {
            let history = load::<RelapsePreventionPlan>(vault)?;
            let plan = history
                .current()
                .map(|r| r.plan.clone())
                .unwrap_or_default();
            let gaps = completeness::relapse(&plan);
            PlanScreen::build(&plan, history.infos(), gaps, contacts)
        }
    })
}

/// Plan `kind` in `format`: the current plan, or revision `number` when given. `contacts`
/// resolves the safety plan's linked contacts.
pub fn export(
    vault: &Vault,
    kind: PlanKind,
    format: ExportFormat,
    number: Option<u32>,
    contacts: &dyn ContactLookup,
) -> Result<String, PlanError> {
    Ok(match kind {
        PlanKind::Safety => {
            let plan = match number {
                Some(n) => safety_revision(vault, n)?.plan,
                None => safety(vault)?.plan,
            };
            export::safety(&plan, format, contacts)
        }
        PlanKind::Relapse => {
            let plan = match number {
                Some(n) => relapse_revision(vault, n)?.plan,
                None => relapse(vault)?.plan,
            };
            export::relapse(&plan, format)
        }
    })
}

/// What the current plan `kind` is missing; `contacts` resolves linked contacts.
pub fn completeness(
    vault: &Vault,
    kind: PlanKind,
    contacts: &dyn ContactLookup,
) -> Result<Completeness, PlanError> {
    Ok(match kind {
        PlanKind::Safety => completeness::safety(&safety(vault)?.plan, contacts),
        PlanKind::Relapse => completeness::relapse(&relapse(vault)?.plan),
    })
}

/// Backups: a plan is matched by which plan it is; the revisions of both are kept
/// ([`History::merged_with`]), so the current plan is the one saved last.
impl crate::record_merge::Mergeable for PlanRecord {
    fn identity(&self) -> String {
        match self {
            PlanRecord::Safety { .. } => "safety",
            PlanRecord::Relapse { .. } => "relapse",
        }
        .to_string()
    }

    fn merge(
        local: &Self,
        incoming: &Self,
        _incoming_is_newer: bool,
    ) -> crate::record_merge::Merged<Self> {
        use crate::record_merge::Merged;
        let merged = match (local, incoming) {
            (PlanRecord::Safety { history: a }, PlanRecord::Safety { history: b }) => {
                PlanRecord::Safety {
                    history: a.merged_with(b),
                }
            }
            (PlanRecord::Relapse { history: a }, PlanRecord::Relapse { history: b }) => {
                PlanRecord::Relapse {
                    history: a.merged_with(b),
                }
            }
            // Matched by id but holding the other plan: keep both rather than lose one.
            _ => return Merged::Both(incoming.clone()),
        };
        Merged::Combined(merged)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::plans::relapse::RelapseSection;
    use crate::plans::safety::SafetyStep;
    use crate::test_support::temp_vault;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 5, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn each_kind_is_one_record_and_never_saved_is_empty() {
        let (_dir, v) = temp_vault();
        let now = safety(&v).unwrap();
        assert!(now.plan.is_empty());
        assert_eq!(now.revision, None);
        assert!(history(&v, PlanKind::Safety).unwrap().is_empty());

        update_safety(&v, at(1), |p| {
            p.warning_signs.push("  not sleeping ".into());
            Ok(())
        })
        .unwrap();
        update_relapse(&v, at(2), |p| {
            p.reasons.push("my kids".into());
            Ok(())
        })
        .unwrap();
        update_safety(&v, at(3), |p| {
            p.coping_strategies.push("a walk".into());
            Ok(())
        })
        .unwrap();
        assert_eq!(
            v.list::<serde_json::Value>(RecordKind::Plan).unwrap().len(),
            2
        );
        let now = safety(&v).unwrap();
        assert_eq!(now.plan.warning_signs, vec!["not sleeping"]);
        assert_eq!(now.revision.unwrap().number, 2);
        assert_eq!(relapse(&v).unwrap().revision.unwrap().number, 1);
    }

    #[test]
    fn a_refused_change_writes_nothing() {
        let (_dir, v) = temp_vault();
        save_safety(
            &v,
            SafetyPlan {
                warning_signs: vec!["pacing".into()],
                ..SafetyPlan::default()
            },
            at(1),
        )
        .unwrap();
        let e = update_safety(&v, at(2), |p| {
            p.warning_signs.push(" ".into());
            Ok(())
        })
        .unwrap_err();
        assert!(matches!(e, PlanError::EmptyText(_)));
        let e = update_relapse(&v, at(2), |p| p.remove(RelapseSection::Reasons, 1)).unwrap_err();
        assert!(matches!(e, PlanError::NoSuchEntry { .. }));
        assert_eq!(history(&v, PlanKind::Safety).unwrap().len(), 1);
        assert!(history(&v, PlanKind::Relapse).unwrap().is_empty());
        assert!(v.list::<serde_json::Value>(RecordKind::Plan).unwrap().len() == 1);
    }

    #[test]
    fn restore_and_old_revisions() {
        let (_dir, v) = temp_vault();
        for (h, sign) in [(1, "one"), (2, "two")] {
            update_safety(&v, at(h), |p| {
                p.warning_signs = vec![sign.into()];
                Ok(())
            })
            .unwrap();
        }
        let saved = restore(&v, PlanKind::Safety, 1, at(3)).unwrap();
        assert_eq!(saved.revision.number, 3);
        assert_eq!(saved.revision.restored_from, Some(1));
        assert_eq!(safety(&v).unwrap().plan.warning_signs, vec!["one"]);
        assert_eq!(
            safety_revision(&v, 2).unwrap().plan.warning_signs,
            vec!["two"]
        );
        assert_eq!(safety_revision(&v, 2).unwrap().info.saved_at, at(2));
        assert!(matches!(
            restore(&v, PlanKind::Relapse, 1, at(4)),
            Err(PlanError::NoSuchRevision {
                kind: PlanKind::Relapse,
                number: 1
            })
        ));
        let old = export(
            &v,
            PlanKind::Safety,
            ExportFormat::Text,
            Some(2),
            &|_: &RecordId| None,
        )
        .unwrap();
        assert!(old.contains("1. two"));
        let gaps = completeness(&v, PlanKind::Safety, &|_: &RecordId| None).unwrap();
        assert!(gaps.gaps.contains(&super::super::PlanGap::EmptyStep {
            step: SafetyStep::HelpPeople
        }));
    }
}
