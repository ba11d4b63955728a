//! `oneday plan export`: a plan as plain text or Markdown on stdout.

use std::io::Write;

use oneday_core::plans::{store, ExportFormat};
use oneday_core::support::PlanContacts;
use oneday_core::vault::Vault;

use super::args::{ExportArgs, FormatArg};
use crate::error::CliError;

/// Writes plan `args.kind` (or its revision `args.revision`) in `args.format` to `out`.
pub fn export(vault: &Vault, args: &ExportArgs, out: &mut impl Write) -> Result<(), CliError> {
    let format = match args.format {
        FormatArg::Text => ExportFormat::Text,
        FormatArg::Markdown => ExportFormat::Markdown,
    };
    let contacts = PlanContacts::load(vault)?;
    let text = store::export(vault, args.kind.into(), format, args.revision, &contacts)?;
    out.write_all(text.as_bytes())?;
    Ok(())
}
