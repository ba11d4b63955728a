//! Which plan: the safety plan or the relapse-prevention plan.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One of the two plans a user keeps (one of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// The Stanley-Brown safety plan ([`super::SafetyPlan`]).
    Safety,
    /// The relapse-prevention plan ([`super::RelapsePreventionPlan`]).
    Relapse,
}

impl PlanKind {
    /// Both kinds.
    pub const ALL: [PlanKind; 2] = [PlanKind::Safety, PlanKind::Relapse];

    /// The plan's title, as in the exports: `Safety plan`, `Relapse-prevention plan`.
    pub fn title(self) -> &'static str {
        match self {
            PlanKind::Safety => "Safety plan",
            PlanKind::Relapse => "Relapse-prevention plan",
        }
    }
}

impl fmt::Display for PlanKind {
    /// `safety plan`, `relapse-prevention plan`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanKind::Safety => f.write_str("safety plan"),
            PlanKind::Relapse => f.write_str("relapse-prevention plan"),
        }
    }
}
