//! `oneday plan show`, `history` and `status`, and the line printed after a change.

use std::io::Write;

use oneday_core::plans::{
    completeness, export, store, ContactLookup, ExportFormat, PlanGap, PlanKind,
    RelapsePreventionPlan, RevisionInfo, SafetyPlan, Saved,
};
use oneday_core::support::PlanContacts;
use oneday_core::vault::Vault;
use serde::Serialize;

use super::args::{HistoryArgs, KindArg, ShowArgs, StatusArgs};
use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};

/// Prints what a write did, and the prompt for a help contact when the safety plan has none.
pub fn report(
    vault: &Vault,
    out: &mut impl Write,
    kind: PlanKind,
    saved: &Saved,
) -> Result<(), CliError> {
    let r = &saved.revision;
    if saved.changed {
        match r.restored_from {
            Some(from) => writeln!(
                out,
                "Restored revision {from} of the {kind} as revision {}.",
                r.number
            )?,
            None => writeln!(out, "Saved the {kind} as revision {}.", r.number)?,
        }
    } else {
        writeln!(
            out,
            "No change: the {kind} is already like that (revision {}).",
            r.number
        )?;
    }
    if kind == PlanKind::Safety {
        let contacts = PlanContacts::load(vault)?;
        let gaps = store::completeness(vault, kind, &contacts)?.gaps;
        if gaps.contains(&PlanGap::NoHelpContact) {
            writeln!(
                out,
                "Your safety plan has no one to call yet: add someone with a phone number, such as\n  oneday plan add safety help - --phone NUMBER"
            )?;
        }
    }
    Ok(())
}

fn kinds(kind: Option<KindArg>) -> Vec<PlanKind> {
    match kind {
        Some(k) => vec![k.into()],
        None => PlanKind::ALL.to_vec(),
    }
}

/// `plan show --json`.
#[derive(Serialize)]
struct ShowDoc {
    schema_version: u32,
    plans: Vec<PlanJson>,
}

/// One plan in `plan show --json`.
#[derive(Serialize)]
struct PlanJson {
    kind: PlanKind,
    revision: Option<RevisionInfo>,
    plan: Shown,
    completeness: CompletenessJson,
}

/// What a plan is missing, in JSON.
#[derive(Serialize)]
struct CompletenessJson {
    kind: PlanKind,
    complete: bool,
    gaps: Vec<GapJson>,
}

/// One gap with its sentence.
#[derive(Serialize)]
struct GapJson {
    #[serde(flatten)]
    gap: PlanGap,
    message: String,
}

impl From<completeness::Completeness> for CompletenessJson {
    fn from(c: completeness::Completeness) -> Self {
        CompletenessJson {
            kind: c.kind,
            complete: c.is_complete(),
            gaps: c
                .gaps
                .iter()
                .map(|g| GapJson {
                    gap: *g,
                    message: g.to_string(),
                })
                .collect(),
        }
    }
}

/// A plan of either kind, as shown (in JSON: the plan as the core serialises it).
#[derive(Serialize)]
#[serde(untagged)]
enum Shown {
    Safety(SafetyPlan),
    Relapse(RelapsePreventionPlan),
}

impl Shown {
    /// The current plan `kind`, or its revision `number`, with the revision it is.
    fn load(
        vault: &Vault,
        kind: PlanKind,
        number: Option<u32>,
    ) -> Result<(Shown, Option<RevisionInfo>), CliError> {
        Ok(match (kind, number) {
            (PlanKind::Safety, Some(n)) => {
                let r = store::safety_revision(vault, n)?;
                (Shown::Safety(r.plan), Some(r.info))
            }
            (PlanKind::Safety, None) => {
                let c = store::safety(vault)?;
                (Shown::Safety(c.plan), c.revision)
            }
            (PlanKind::Relapse, Some(n)) => {
                let r = store::relapse_revision(vault, n)?;
                (Shown::Relapse(r.plan), Some(r.info))
            }
            (PlanKind::Relapse, None) => {
                let c = store::relapse(vault)?;
                (Shown::Relapse(c.plan), c.revision)
            }
        })
    }

    fn completeness(&self, contacts: &dyn ContactLookup) -> completeness::Completeness {
        match self {
            Shown::Safety(p) => completeness::safety(p, contacts),
            Shown::Relapse(p) => completeness::relapse(p),
        }
    }

    fn text(&self, contacts: &dyn ContactLookup) -> String {
        match self {
            Shown::Safety(p) => export::safety(p, ExportFormat::Text, contacts),
            Shown::Relapse(p) => export::relapse(p, ExportFormat::Text),
        }
    }
}

pub fn show(vault: &Vault, args: &ShowArgs, out: &mut impl Write) -> Result<(), CliError> {
    let contacts = PlanContacts::load(vault)?;
    let mut plans = Vec::new();
    for (i, kind) in kinds(args.kind).into_iter().enumerate() {
        let (plan, revision) = Shown::load(vault, kind, args.revision)?;
        let completeness = plan.completeness(&contacts);
        if args.json {
            plans.push(PlanJson {
                kind,
                revision,
                plan,
                completeness: completeness.into(),
            });
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(plan.text(&contacts).as_bytes())?;
        writeln!(out)?;
        match revision {
            Some(r) => writeln!(out, "{}", revision_line(&r))?,
            None => writeln!(out, "Not saved yet.")?,
        }
        for gap in &completeness.gaps {
            writeln!(out, "Missing: {gap}.")?;
        }
    }
    if args.json {
        return json::print(
            out,
            &ShowDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    Ok(())
}

fn revision_line(r: &RevisionInfo) -> String {
    let mut line = format!(
        "Revision {}, saved {}",
        r.number,
        r.saved_at.format("%Y-%m-%d %H:%M UTC")
    );
    if let Some(from) = r.restored_from {
        line.push_str(&format!(" (restored from revision {from})"));
    }
    line.push('.');
    line
}

/// `plan history --json`.
#[derive(Serialize)]
struct HistoryDoc {
    schema_version: u32,
    plans: Vec<HistoryJson>,
}

/// One plan's revisions.
#[derive(Serialize)]
struct HistoryJson {
    kind: PlanKind,
    revisions: Vec<RevisionInfo>,
}

pub fn history(vault: &Vault, args: &HistoryArgs, out: &mut impl Write) -> Result<(), CliError> {
    let mut plans = Vec::new();
    for kind in kinds(args.kind) {
        plans.push(HistoryJson {
            kind,
            revisions: store::history(vault, kind)?,
        });
    }
    if args.json {
        return json::print(
            out,
            &HistoryDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    for h in &plans {
        writeln!(
            out,
            "{}: {} revision(s).",
            h.kind.title(),
            h.revisions.len()
        )?;
        let last = h.revisions.last().map(|r| r.number);
        for r in &h.revisions {
            let mut line = format!(
                "  {:>4}  {}",
                r.number,
                r.saved_at.format("%Y-%m-%d %H:%M:%S UTC")
            );
            if let Some(from) = r.restored_from {
                line.push_str(&format!("  restored from {from}"));
            }
            if Some(r.number) == last {
                line.push_str("  (current)");
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `plan status --json`.
#[derive(Serialize)]
struct StatusDoc {
    schema_version: u32,
    plans: Vec<CompletenessJson>,
}

pub fn status(vault: &Vault, args: &StatusArgs, out: &mut impl Write) -> Result<(), CliError> {
    let contacts = PlanContacts::load(vault)?;
    let mut plans = Vec::new();
    for kind in PlanKind::ALL {
        plans.push(CompletenessJson::from(store::completeness(
            vault, kind, &contacts,
        )?));
    }
    if args.json {
        return json::print(
            out,
            &StatusDoc {
                schema_version: SCHEMA_VERSION,
                plans,
            },
        );
    }
    for p in &plans {
        if p.complete {
            writeln!(out, "{}: complete.", p.kind.title())?;
        } else {
            writeln!(out, "{}: missing", p.kind.title())?;
            for g in &p.gaps {
                writeln!(out, "  - {}", g.message)?;
            }
        }
    }
    Ok(())
}
