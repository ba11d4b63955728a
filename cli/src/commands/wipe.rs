//! `oneday wipe --yes`: the panic button.

use std::io::Write;

use oneday_core::vault::Vault;

use crate::args::WipeArgs;
use crate::error::CliError;
use crate::store_dir::StoreDir;

/// Crypto-shreds the vault (slots first, then files) and removes the device key.
pub fn run(args: &WipeArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    if !args.yes {
        return Err(CliError::NeedsConfirmation(
            "wipe destroys everything in the store for good; run `oneday wipe --yes` to do it",
        ));
    }
    store.check_is_folder()?;
    Vault::wipe(&store.dir)?;
    store.remove_device_key()?;
    // Best effort: the folder's name goes too, unless it holds files that are not One Day's
    // (a `--store` pointed at a shared folder), which are not ours to remove.
    let _ = std::fs::remove_dir(&store.dir);
    writeln!(out, "Wiped. Nothing of the store is left.")?;
    Ok(())
}
