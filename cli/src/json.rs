//! The JSON the CLI prints with `--json`: a stable schema, documented in docs/cli-json.md.
//!
//! These types only reshape what the core computed; they hold no rules. Field names are part of the
//! contract: add fields freely, never rename or remove one without bumping `schema_version`.

use chrono::NaiveDate;
use oneday_core::cleantime::{
    AttemptStats, CleanTime, CountState, Counter, CounterKind, CountingMode, Milestone, Money,
    Period,
};
use serde::Serialize;

/// The version of every JSON document the CLI prints.
pub const SCHEMA_VERSION: u32 = 1;

/// Writes one JSON document, pretty-printed, with a final newline.
pub fn print(
    out: &mut impl std::io::Write,
    doc: &impl Serialize,
) -> Result<(), crate::error::CliError> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)?;
    Ok(())
}

/// `oneday cleantime --json`.
#[derive(Debug, Serialize)]
pub struct CleanTimeDoc<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The clean date asked about.
    pub since: NaiveDate,
    /// `na` or `aa`.
    pub profile: &'a str,
    /// The count itself.
    #[serde(flatten)]
    pub clean_time: CleanTimeJson,
}

/// Clean time on one day.
#[derive(Debug, Serialize)]
pub struct CleanTimeJson {
    /// The day computed for.
    pub as_of: NaiveDate,
    /// `completed_days` (clean date is day 0) or `today_is_day_one`.
    pub counting: CountingMode,
    /// `running`, `not_started` or `paused`.
    pub state: CountState,
    /// Days until the clean date when `not_started`, else null.
    pub starts_in_days: Option<i64>,
    /// Clean days.
    pub total_days: i64,
    /// Years, months, days.
    pub period: Period,
    /// Milestones reached, oldest first.
    pub milestones_reached: Vec<MilestoneJson>,
    /// The latest milestone reached (the key tag or chip to show), or null.
    pub current_milestone: Option<MilestoneJson>,
    /// The milestone ahead, or null.
    pub next_milestone: Option<NextMilestoneJson>,
    /// Money saved, when a daily cost is set.
    pub money_saved: Option<MoneyJson>,
}

/// A milestone and its date.
#[derive(Debug, Serialize)]
pub struct MilestoneJson {
    /// `Welcome`, `30 days`, `1 year`...
    pub label: String,
    /// The date it is reached.
    pub date: NaiveDate,
    /// The key tag or chip colour, or null.
    pub colour: Option<String>,
}

/// The milestone ahead.
#[derive(Debug, Serialize)]
pub struct NextMilestoneJson {
    /// Its label.
    pub label: String,
    /// Its date.
    pub date: NaiveDate,
    /// Its colour, or null.
    pub colour: Option<String>,
    /// Days from `as_of` to `date`.
    pub days_until: i64,
    /// 0.0 to below 1.0: the way from the previous milestone to this one.
    pub progress: f64,
}

/// An amount of money.
#[derive(Debug, Serialize)]
pub struct MoneyJson {
    /// Integer minor units (cents).
    pub minor_units: u64,
    /// ISO 4217 code.
    pub currency: String,
    /// The amount as a decimal string, such as `12.50`.
    pub amount: String,
}

/// One counter in `oneday status --json` and `oneday demo --json`.
#[derive(Debug, Serialize)]
pub struct CounterJson {
    /// The counter's id in the store.
    pub id: String,
    /// Its label.
    pub label: String,
    /// What it counts.
    pub kind: CounterKind,
    /// Whether it is archived.
    pub archived: bool,
    /// Its clean time on `as_of`.
    pub clean_time: CleanTimeJson,
    /// Totals over all attempts.
    pub stats: AttemptStats,
}

/// `oneday status --json` / `oneday demo --json`.
#[derive(Debug, Serialize)]
pub struct DashboardDoc {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day computed for.
    pub as_of: NaiveDate,
    /// Every counter shown.
    pub counters: Vec<CounterJson>,
    /// The state of the store's key slots (`status` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_slots: Option<KeySlotsJson>,
}

/// `key_slots` in `oneday status --json`: each slot `intact`, `missing` or `damaged`.
#[derive(Debug, Serialize)]
pub struct KeySlotsJson {
    /// The slot this computer's device key opens.
    pub device: &'static str,
    /// The slot the recovery code or passphrase opens.
    pub recovery: &'static str,
    /// Whether the recovery code can no longer open the store (make a new one now).
    pub recovery_needs_new_code: bool,
}

impl From<oneday_core::vault::KeySlotHealth> for KeySlotsJson {
    fn from(h: oneday_core::vault::KeySlotHealth) -> Self {
        use oneday_core::vault::SlotState;
        let word = |s: SlotState| match s {
            SlotState::Intact => "intact",
            SlotState::Missing => "missing",
            SlotState::Damaged => "damaged",
        };
        KeySlotsJson {
            device: word(h.device),
            recovery: word(h.recovery),
            recovery_needs_new_code: h.recovery_needs_new_code(),
        }
    }
}

impl From<&Milestone> for MilestoneJson {
    fn from(m: &Milestone) -> Self {
        MilestoneJson {
            label: m.label.clone(),
            date: m.date,
            colour: m.colour.clone(),
        }
    }
}

impl From<&Money> for MoneyJson {
    fn from(m: &Money) -> Self {
        MoneyJson {
            minor_units: m.minor_units,
            currency: m.currency.clone(),
            amount: m.decimal(),
        }
    }
}

impl CleanTimeJson {
    /// Reshapes the core's clean time for JSON.
    pub fn new(ct: &CleanTime, counting: CountingMode) -> Self {
        CleanTimeJson {
            as_of: ct.today,
            counting,
            state: ct.state,
            starts_in_days: ct.starts_in_days,
            total_days: ct.total_days,
            period: ct.period,
            milestones_reached: ct
                .milestones_reached
                .iter()
                .map(MilestoneJson::from)
                .collect(),
            current_milestone: ct.current_milestone().map(MilestoneJson::from),
            next_milestone: ct.next_milestone.as_ref().map(|n| NextMilestoneJson {
                label: n.milestone.label.clone(),
                date: n.milestone.date,
                colour: n.milestone.colour.clone(),
                days_until: n.days_until,
                progress: n.progress,
            }),
            money_saved: ct.money_saved.as_ref().map(MoneyJson::from),
        }
    }
}

impl CounterJson {
    /// Reshapes a stored counter with its clean time and stats for JSON.
    pub fn new(id: String, counter: &Counter, ct: &CleanTime, stats: AttemptStats) -> Self {
        CounterJson {
            id,
            label: counter.settings().label.clone(),
            kind: counter.settings().kind,
            archived: counter.is_archived(),
            clean_time: CleanTimeJson::new(ct, counter.settings().counting),
            stats,
        }
    }

    /// Reshapes a card of core's Today screen for JSON (the same fields as [`CounterJson::new`]).
    pub fn of_card(card: &oneday_core::screens::CounterCard) -> Self {
        CounterJson {
            id: card.id.to_string(),
            label: card.settings.label.clone(),
            kind: card.settings.kind,
            archived: card.archived,
            clean_time: CleanTimeJson::new(&card.clean_time, card.settings.counting),
            stats: card.stats,
        }
    }
}
