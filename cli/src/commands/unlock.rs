//! `oneday unlock --recovery`, `oneday lock` and `oneday passphrase change|new-code`: who holds the
//! keys. Every one of them changes a way in, so core rotates the data key in each.

use std::io::Write;

use oneday_core::secret::{open_with_optional, Secret};
use oneday_core::vault::{DeviceKey, Vault, VaultError};

use crate::error::CliError;
use crate::secrets::read_secret;
use crate::session::{self, recovery_kdf};
use crate::store_dir::StoreDir;

/// What `lock` says when the secret typed does not open the store.
const LOCK_REFUSED: &str = "that does not open the store, so it was NOT locked: this computer's \
key still opens it. Locking without a working recovery code or passphrase would shut you out for \
good. If yours is lost, make a new one with `oneday passphrase new-code`, write it down, then lock.";

/// What `lock` says when the recovery slot is damaged.
const LOCK_REFUSED_DAMAGED: &str = "your recovery code can no longer open the store (its key \
slot is damaged), so it was NOT locked. Make a new recovery code with `oneday passphrase \
new-code` while this computer's key still works, then lock.";

/// Opens the store with the recovery code or passphrase and gives this computer a new device key;
/// core rotates the data key on the way.
pub fn unlock(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    session::require_store(store)?;
    let secret = read_secret("Recovery code or passphrase: ")?;
    let key = match store.device_key()? {
        Some(key) if StoreDir::key_from_env() => key,
        _ => DeviceKey::generate()?,
    };
    secret.open_with(|s| Vault::recover(&store.dir, s, &key))?;
    if !StoreDir::key_from_env() {
        store.write_device_key(&key)?;
    }
    writeln!(out, "Unlocked. This computer has a new device key.")?;
    Ok(())
}

/// Asks for the recovery code or passphrase (proof the person can get back in), then removes the
/// device slot (rotating the data key) and the key file. Refuses, changing nothing, while the
/// recovery slot is damaged or when the secret is wrong.
pub fn lock(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    if vault.key_slot_health()?.recovery_needs_new_code() {
        return Err(CliError::LockRefused(LOCK_REFUSED_DAMAGED));
    }
    eprintln!(
        "After locking, only your recovery code or passphrase opens the store. Without it, nothing can."
    );
    let secret = read_secret("Type it now to lock: ")?;
    match secret.open_with(|s| vault.remove_device_slot(s)) {
        Ok(()) => {}
        Err(VaultError::WrongRecoverySecret | VaultError::MalformedRecoveryCode) => {
            return Err(CliError::LockRefused(LOCK_REFUSED))
        }
        Err(VaultError::RecoverySlotDamaged) => {
            return Err(CliError::LockRefused(LOCK_REFUSED_DAMAGED))
        }
        Err(e) => return Err(e.into()),
    }
    vault.lock();
    store.remove_device_key()?;
    writeln!(
        out,
        "Locked. Open it again with `oneday unlock --recovery`."
    )?;
    Ok(())
}

/// Replaces the recovery code or passphrase with a new passphrase, typed twice, after the current
/// one.
pub fn change_passphrase(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let current = read_current(&vault)?;
    let first = read_secret("New passphrase: ")?;
    oneday_core::vault::check_passphrase(first.as_bytes())?;
    let second = read_secret("The same again: ")?;
    if !first.matches(&second) {
        return Err(CliError::PassphraseMismatch);
    }
    open_with_optional(current.as_ref(), |current| {
        vault.change_passphrase(current, first.as_bytes(), recovery_kdf())
    })?;
    writeln!(
        out,
        "Passphrase changed. The old recovery code or passphrase no longer opens the store."
    )?;
    Ok(())
}

/// Replaces the recovery code or passphrase with a new recovery code, printed once.
pub fn new_code(store: &StoreDir, out: &mut impl Write) -> Result<(), CliError> {
    let vault = session::open(store)?;
    let current = read_current(&vault)?;
    let code = open_with_optional(current.as_ref(), |current| {
        vault.new_recovery_code(current, recovery_kdf())
    })?;
    writeln!(
        out,
        "Your new recovery code (shown this once, never stored):"
    )?;
    writeln!(out)?;
    writeln!(out, "    {}", code.as_str())?;
    writeln!(out)?;
    writeln!(
        out,
        "Write it on paper and keep it somewhere safe. The old code or passphrase no longer opens the store."
    )?;
    Ok(())
}

/// The current recovery code or passphrase, asked for unless the recovery slot is damaged (then
/// nothing can check it, and this computer's key is the proof).
fn read_current(vault: &Vault) -> Result<Option<Secret>, CliError> {
    if vault.key_slot_health()?.recovery_needs_new_code() {
        return Ok(None);
    }
    Ok(Some(read_secret("Current recovery code or passphrase: ")?))
}
