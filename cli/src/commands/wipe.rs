//! `oneday wipe --yes`: the panic button.

use std::io::Write;

use oneday_core::vault::Vault;

use crate::args::WipeArgs;
use crate::error::CliError;
use crate::store_dir::StoreDir;

/// Removes the device key, then crypto-shreds the vault (every slot copy, then the files).
pub fn run(args: &WipeArgs, store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    if !args.yes {
        return Err(CliError::NeedsConfirmation(
            "wipe destroys everything in the store for good; run `oneday wipe --yes` to do it",
        ));
    }
    store.check_is_folder()?;
    // The device key first: it needs no database, and once it is gone no copy of the files taken
    // earlier opens with anything on this computer. Then core's wipe, whatever happened to the key.
    let key_removed = store.remove_device_key();
    let wiped = Vault::wipe(&store.dir);
    // Best effort: the folder's name goes too, unless it holds files that are not One Day's
    // (a `--store` pointed at a shared folder), which are not ours to remove.
    let _ = std::fs::remove_dir(&store.dir);
    wiped?;
    key_removed?;
    writeln!(out, "Wiped. Nothing of the store is left.")?;
    Ok(())
}
