//! `oneday call [--sms] [--message N] [--json] [--open]`: who one tap would call (or text) and the
//! URI, then everyone after them.
//!
//! The plan is core's (`support::one_tap`). `--open` hands the target's URI to the desktop's
//! handler (`xdg-open`, or `open` on macOS) and nothing else: the CLI never dials by itself.

use std::io::Write;
use std::process::{Command, Stdio};

use clap::Args;
use oneday_core::support::one_tap::{CallPlan, CallTarget, Channel, ChannelKind, Reason};
use oneday_core::support::{sms, store, ContactRole, RegionStatus};
use serde::Serialize;

use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::session;
use crate::store_dir::StoreDir;

/// `oneday call`.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// Text instead of call (contacts who are fine with texts, then crisis lines that take texts).
    #[arg(long)]
    pub sms: bool,
    /// With --sms: the prepared message to send, by its number in `oneday contacts messages`
    /// (default 0, "Can you call me?").
    #[arg(long, value_name = "N", requires = "sms")]
    pub message: Option<usize>,
    /// Open the URI with the desktop's handler for tel:/sms: links.
    #[arg(long)]
    pub open: bool,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `oneday call`.
pub fn run(args: &CallArgs, store_dir: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store_dir)?;
    let channel = if args.sms {
        Channel::Sms {
            message: sms::message(&vault, args.message.unwrap_or(0))?,
        }
    } else {
        Channel::Call
    };
    let plan = store::call_plan(&vault, &channel)?;
    if args.json {
        json::print(out, &CallDoc::new(&plan))?;
    } else {
        print_text(out, &plan)?;
    }
    if args.open {
        let uri = plan
            .target
            .as_ref()
            .and_then(|t| t.uri.as_deref())
            .ok_or(CliError::NothingToOpen)?;
        open(uri)?;
    }
    Ok(())
}

/// `oneday call` as text: the headline and URI of who one tap reaches, then the fallbacks, the
/// region hint, and the region's drug and alcohol helplines apart (one tap never calls them).
pub(crate) fn print_text(out: &mut impl Write, plan: &CallPlan) -> Result<(), CliError> {
    writeln!(out, "{}", plan.headline())?;
    if let Some(uri) = plan.target.as_ref().and_then(|t| t.uri.as_deref()) {
        writeln!(out, "  {uri}")?;
    }
    if !plan.fallbacks.is_empty() {
        let verb = match plan.channel {
            ChannelKind::Call => "If no one answers, then:",
            ChannelKind::Sms => "Then:",
        };
        writeln!(out, "{verb}")?;
        print_targets(out, &plan.fallbacks)?;
    }
    if let Some(hint) = plan.region_hint() {
        writeln!(out, "{hint}.")?;
        if plan.region == RegionStatus::NotSet {
            writeln!(out, "Set it with `oneday contacts region CC`.")?;
        }
    }
    if !plan.helplines.is_empty() {
        writeln!(out, "Drug and alcohol helplines (not part of one tap):")?;
        print_targets(out, &plan.helplines)?;
    }
    Ok(())
}

/// One numbered line per target: its label, number and URI.
fn print_targets(out: &mut impl Write, targets: &[CallTarget]) -> Result<(), CliError> {
    for (i, t) in targets.iter().enumerate() {
        let mut line = format!("  {}. {}", i + 1, t.label());
        for part in [&t.number, &t.uri].into_iter().flatten() {
            line.push_str("  ");
            line.push_str(part);
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The program that opens URIs on this desktop, and its arguments.
fn opener(uri: &str) -> (&'static str, Vec<String>) {
    if cfg!(target_os = "macos") {
        ("open", vec![uri.to_owned()])
    } else {
        ("xdg-open", vec![uri.to_owned()])
    }
}

fn open(uri: &str) -> Result<(), CliError> {
    let (program, args) = opener(uri);
    let status = Command::new(program)
        .args(&args)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| CliError::Launch(program, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(CliError::Launch(
            program,
            std::io::Error::other(format!("it exited with {status}")),
        ))
    }
}

/// `oneday call --json`.
#[derive(Debug, Serialize)]
struct CallDoc {
    schema_version: u32,
    channel: ChannelKind,
    headline: String,
    region: RegionJson,
    region_hint: Option<&'static str>,
    target: Option<TargetJson>,
    fallbacks: Vec<TargetJson>,
    /// The fallback a screen keeps in sight: the first crisis line or emergency number.
    crisis_row: Option<TargetJson>,
    helplines: Vec<TargetJson>,
}

#[derive(Debug, Serialize)]
struct RegionJson {
    status: &'static str,
    code: Option<String>,
}

#[derive(Debug, Serialize)]
struct TargetJson {
    reason: Reason,
    label: String,
    name: String,
    contact_id: Option<String>,
    role: Option<ContactRole>,
    number: Option<String>,
    services: Option<String>,
    uri: Option<String>,
}

impl CallDoc {
    fn new(plan: &CallPlan) -> Self {
        let region = match &plan.region {
            RegionStatus::NotSet => RegionJson {
                status: "not_set",
                code: None,
            },
            RegionStatus::NotInTable(r) => RegionJson {
                status: "not_in_table",
                code: Some(r.to_string()),
            },
            RegionStatus::Covered(r) => RegionJson {
                status: "covered",
                code: Some(r.to_string()),
            },
        };
        CallDoc {
            schema_version: SCHEMA_VERSION,
            channel: plan.channel,
            headline: plan.headline(),
            region,
            region_hint: plan.region_hint(),
            target: plan.target.as_ref().map(TargetJson::new),
            fallbacks: plan.fallbacks.iter().map(TargetJson::new).collect(),
            crisis_row: plan.crisis_row().map(TargetJson::new),
            helplines: plan.helplines.iter().map(TargetJson::new).collect(),
        }
    }
}

impl TargetJson {
    fn new(t: &CallTarget) -> Self {
        TargetJson {
            reason: t.reason,
            label: t.label(),
            name: t.name.clone(),
            contact_id: t.contact_id.map(|id| id.to_string()),
            role: t.role,
            number: t.number.clone(),
            services: t.services.clone(),
            uri: t.uri.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opener_gets_the_uri_as_one_argument() {
        let (program, args) = opener("tel:+15550100100");
        assert!(program == "xdg-open" || program == "open");
        assert_eq!(args, ["tel:+15550100100"]);
    }
}
