//! `oneday init`: creates the encrypted store and shows its recovery code once.

use std::io::Write;

use oneday_core::vault::{DeviceKey, Vault};

use crate::error::CliError;
use crate::session::recovery_kdf;
use crate::store_dir::StoreDir;

/// Creates the vault, keeps the device key, and prints the recovery code.
pub fn run(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    store.check_is_folder()?;
    if Vault::exists(&store.dir) {
        return Err(CliError::Vault(
            oneday_core::vault::VaultError::AlreadyExists,
        ));
    }
    let key = match store.device_key()? {
        Some(key) if StoreDir::key_from_env() => key,
        _ => DeviceKey::generate()?,
    };
    let (_vault, code) = Vault::create(&store.dir, &key, recovery_kdf())?;
    // The code is printed before the key file is written: if writing the key fails, the code is
    // still the way in.
    writeln!(
        out,
        "Created your encrypted One Day store in {}.",
        store.dir.display()
    )?;
    writeln!(out)?;
    writeln!(out, "Your recovery code (shown this once, never stored):")?;
    writeln!(out)?;
    writeln!(out, "    {}", code.as_str())?;
    writeln!(out)?;
    writeln!(
        out,
        "Write it on paper and keep it somewhere safe. It is the only way back in if this"
    )?;
    writeln!(
        out,
        "computer's key is lost. Change it to a passphrase with `oneday passphrase change`."
    )?;
    out.flush()?;
    if !StoreDir::key_from_env() {
        store.write_device_key(&key)?;
    }
    Ok(())
}
