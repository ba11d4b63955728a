//! `oneday backup export|verify|restore`: the whole store in one encrypted file, and back.
//!
//! The passphrase (typed twice) or the recovery code is read from the terminal without echo, or
//! from stdin, never from the command line. Moving to another computer is `backup export` here,
//! then `oneday init` and `backup restore` there. The file name to suggest and every rule about
//! what is restored and how it merges live in `oneday_core::backup`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use oneday_core::backup::{
    self, BackupSecretKind, BackupSummary, KindReport, RestoreMode, RestoreReport,
};
use oneday_core::secret::Secret;
use oneday_core::vault::RecordKind;
use serde::Serialize;

use crate::error::CliError;
use crate::json::{self, SCHEMA_VERSION};
use crate::secrets::read_secret;
use crate::session::{self, recovery_kdf};
use crate::store_dir::StoreDir;

/// `oneday backup ...`.
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Writes the whole store to FILE, sealed under a passphrase you type twice (or your recovery
    /// code with --recovery-code).
    Export(ExportArgs),
    /// Opens FILE and reads every record in it, without changing the store.
    Verify(FileArgs),
    /// Restores FILE into this store: into an empty one, or with --merge into one in use.
    Restore(RestoreArgs),
}

/// `oneday backup export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write (a name like `backup-2026-11-29` gives nothing away).
    pub file: PathBuf,
    /// Seal it under the store's recovery code instead of a new passphrase.
    #[arg(long)]
    pub recovery_code: bool,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday backup verify`.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The backup file.
    pub file: PathBuf,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `oneday backup restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub file: PathBuf,
    /// Merge into a store that already holds data (nothing in it is deleted; see docs).
    #[arg(long)]
    pub merge: bool,
    /// Print JSON (see docs/cli-json.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `oneday backup ...`.
pub fn run(
    command: &BackupCommand,
    store: &StoreDir,
    out: &mut impl Write,
) -> Result<(), CliError> {
    match command {
        BackupCommand::Export(args) => export(args, store, out),
        BackupCommand::Verify(args) => verify(args, out),
        BackupCommand::Restore(args) => restore(args, store, out),
    }
}

fn export(args: &ExportArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    if args.file.exists() && !args.force {
        return Err(CliError::NeedsConfirmation(
            "that file exists; pass --force to replace it",
        ));
    }
    let (secret, kind) = if args.recovery_code {
        (
            read_secret("Recovery code: ")?,
            BackupSecretKind::RecoveryCode,
        )
    } else {
        let first = read_secret("Passphrase for the backup: ")?;
        let second = read_secret("The same again: ")?;
        if !first.matches(&second) {
            return Err(CliError::PassphraseMismatch);
        }
        (first, BackupSecretKind::Passphrase)
    };
    let bytes = secret.open_with(|s| backup::export(&vault, s, kind, recovery_kdf()))?;
    backup::write_file(&args.file, &bytes)?;
    // Read back what was written: a backup that does not open is worse than none.
    let written = backup::read_file(&args.file)?;
    let summary = secret.open_with(|s| backup::verify(&written, s))?;
    if args.json {
        return json::print(out, &SummaryDoc::new(&summary, Some(&args.file)));
    }
    writeln!(
        out,
        "Backed up {} to {} ({} bytes), and read it back.",
        records_text(&summary),
        args.file.display(),
        bytes.len()
    )?;
    writeln!(
        out,
        "Keep the {} safe: without it nobody, you included, can open the backup.",
        secret_name(kind)
    )?;
    Ok(())
}

fn verify(args: &FileArgs, out: &mut impl Write) -> Result<(), CliError> {
    let (file, secret) = read_backup(&args.file)?;
    let summary = secret.open_with(|s| backup::verify(&file, s))?;
    if args.json {
        return json::print(out, &SummaryDoc::new(&summary, None));
    }
    writeln!(
        out,
        "The backup opens and every record in it reads: {}, made {}.",
        records_text(&summary),
        summary.made_at.format("%Y-%m-%d %H:%M UTC")
    )?;
    Ok(())
}

fn restore(args: &RestoreArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let (file, secret) = read_backup(&args.file)?;
    let mode = if args.merge {
        RestoreMode::Merge
    } else {
        RestoreMode::IntoEmpty
    };
    let report = secret.open_with(|s| backup::restore(&vault, &file, s, mode))?;
    if args.json {
        return json::print(out, &RestoreDoc::new(&report, args.merge));
    }
    let total = report.total();
    writeln!(
        out,
        "Restored: {} added, {} updated, {} already up to date.",
        total.added, total.updated, total.unchanged
    )?;
    for (kind, r) in &report.kinds {
        if *r != KindReport::default() {
            writeln!(
                out,
                "  {:<16} {} added, {} updated, {} unchanged",
                kind_names(*kind).1,
                r.added,
                r.updated,
                r.unchanged
            )?;
        }
    }
    let counters_twice = report.of(RecordKind::Counter).kept_both;
    if counters_twice > 0 {
        writeln!(
            out,
            "{counters_twice} counter(s) are now there twice: this store and the backup recorded different relapses, so both histories were kept. Archive the one you do not need."
        )?;
    }
    Ok(())
}

/// Reads the file, then asks for the secret its clear header says it needs (a version-1 file), or
/// for either (a sealed file says nothing until it is opened).
fn read_backup(path: &Path) -> Result<(Vec<u8>, Secret), CliError> {
    let file = backup::read_file(path)?;
    let secret = match backup::read_header(&file)?.map(|h| h.secret_kind) {
        Some(BackupSecretKind::RecoveryCode) => read_secret("Recovery code of the backup: ")?,
        Some(BackupSecretKind::Passphrase) => read_secret("Passphrase of the backup: ")?,
        None => read_secret("Passphrase or recovery code of the backup: ")?,
    };
    Ok((file, secret))
}

fn secret_name(kind: BackupSecretKind) -> &'static str {
    match kind {
        BackupSecretKind::RecoveryCode => "recovery code",
        BackupSecretKind::Passphrase => "passphrase",
    }
}

/// What a kind is called in the text output: (one, several).
fn kind_names(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Counter => ("counter", "counters"),
        RecordKind::Setting => ("setting", "settings"),
        RecordKind::Meeting => ("meeting", "meetings"),
        RecordKind::MeetingSource => ("meeting list", "meeting lists"),
        RecordKind::Contact => ("contact", "contacts"),
        RecordKind::Plan => ("plan", "plans"),
        RecordKind::CheckIn => ("check-in", "check-ins"),
        RecordKind::MeetingChunk => ("part of a meeting list", "parts of meeting lists"),
        RecordKind::MeetingMine => ("meeting of yours", "meetings of yours"),
    }
}

fn counted(kind: RecordKind, n: u32) -> String {
    let (one, several) = kind_names(kind);
    format!("{n} {}", if n == 1 { one } else { several })
}

fn records_text(summary: &BackupSummary) -> String {
    let parts: Vec<String> = summary
        .records
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| counted(*k, *n))
        .collect();
    if parts.is_empty() {
        "nothing (the store is empty)".to_owned()
    } else {
        parts.join(", ")
    }
}

/// `oneday backup export --json` and `oneday backup verify --json`.
#[derive(Debug, Serialize)]
struct SummaryDoc {
    schema_version: u32,
    /// The file written (export only).
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    format_version: u16,
    /// "recovery_code" or "passphrase".
    secret_kind: &'static str,
    /// When the backup was made, RFC 3339 in UTC.
    made_at: String,
    /// Records per kind, every kind listed.
    records: Vec<KindCount>,
}

#[derive(Debug, Serialize)]
struct KindCount {
    kind: &'static str,
    count: u32,
}

impl SummaryDoc {
    fn new(s: &BackupSummary, file: Option<&Path>) -> Self {
        SummaryDoc {
            schema_version: SCHEMA_VERSION,
            file: file.map(|f| f.display().to_string()),
            format_version: s.header.version,
            secret_kind: match s.header.secret_kind {
                BackupSecretKind::RecoveryCode => "recovery_code",
                BackupSecretKind::Passphrase => "passphrase",
            },
            made_at: s
                .made_at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            records: s
                .records
                .iter()
                .map(|(k, n)| KindCount {
                    kind: k.as_str(),
                    count: *n,
                })
                .collect(),
        }
    }
}

/// `oneday backup restore --json`.
#[derive(Debug, Serialize)]
struct RestoreDoc {
    schema_version: u32,
    merged: bool,
    total: Counts,
    kinds: Vec<KindCounts>,
}

#[derive(Debug, Serialize)]
struct Counts {
    added: u32,
    updated: u32,
    unchanged: u32,
    kept_both: u32,
}

impl From<KindReport> for Counts {
    fn from(r: KindReport) -> Self {
        Counts {
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            kept_both: r.kept_both,
        }
    }
}

#[derive(Debug, Serialize)]
struct KindCounts {
    kind: &'static str,
    #[serde(flatten)]
    counts: Counts,
}

impl RestoreDoc {
    fn new(r: &RestoreReport, merged: bool) -> Self {
        RestoreDoc {
            schema_version: SCHEMA_VERSION,
            merged,
            total: r.total().into(),
            kinds: r
                .kinds
                .iter()
                .map(|(k, c)| KindCounts {
                    kind: k.as_str(),
                    counts: (*c).into(),
                })
                .collect(),
        }
    }
}
