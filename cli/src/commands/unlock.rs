//! `oneday unlock --recovery`, `oneday lock` and `oneday passphrase change`: who holds the keys.

use std::io::Write;

use oneday_core::vault::{DeviceKey, Vault};

use crate::error::CliError;
use crate::secrets::read_secret;
use crate::session::{self, recovery_kdf};
use crate::store_dir::StoreDir;

/// Opens the store with the recovery code or passphrase and gives this computer a new device key.
pub fn unlock(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    session::require_store(store)?;
    let secret = read_secret("Recovery code or passphrase: ")?;
    let vault = Vault::open_with_recovery(&store.dir, secret.as_bytes())?;
    let key = match store.device_key()? {
        Some(key) if StoreDir::key_from_env() => key,
        _ => DeviceKey::generate()?,
    };
    vault.set_device_key(&key)?;
    if !StoreDir::key_from_env() {
        store.write_device_key(&key)?;
    }
    writeln!(out, "Unlocked. This computer has a new device key.")?;
    Ok(())
}

/// Removes the device slot and the key file: only the recovery code or passphrase opens it now.
pub fn lock(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    vault.remove_device_slot()?;
    vault.lock();
    store.remove_device_key()?;
    writeln!(
        out,
        "Locked. Open it again with `oneday unlock --recovery`."
    )?;
    Ok(())
}

/// Replaces the recovery code or passphrase with a new passphrase, typed twice.
pub fn change_passphrase(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let first = read_secret("New passphrase: ")?;
    let second = read_secret("The same again: ")?;
    if *first != *second {
        return Err(CliError::PassphraseMismatch);
    }
    vault.change_passphrase(first.as_bytes(), recovery_kdf())?;
    writeln!(
        out,
        "Passphrase changed. The old recovery code or passphrase no longer opens the store."
    )?;
    Ok(())
}
