//! Opening the store for a command: the folder, the device key, the vault.

use oneday_core::cleantime::store::{self, CounterStoreError, StoredCounter};
use oneday_core::vault::{KdfParams, Vault};

use crate::error::CliError;
use crate::store_dir::StoreDir;

/// The Argon2id parameters the CLI uses for the recovery slot: the core's default.
pub fn recovery_kdf() -> KdfParams {
    KdfParams::default()
}

/// Refuses a folder with no store in it (saying so when the path is a file).
pub fn require_store(store: &StoreDir) -> Result<(), CliError> {
    if Vault::exists(&store.dir) {
        return Ok(());
    }
    store.check_is_folder()?;
    Err(CliError::NoStore(store.dir.clone()))
}

/// Opens the vault in `store` with this computer's device key.
pub fn open(store: &StoreDir) -> Result<Vault, CliError> {
    require_store(store)?;
    let key = store.device_key()?.ok_or(CliError::NoDeviceKey)?;
    let vault = Vault::open_with_device_key(&store.dir, &key)?;
    warn_if_recovery_is_damaged(&vault);
    Ok(vault)
}

/// A damaged recovery slot is found when the store opens, not the day it is needed: every command
/// says so on stderr while this computer's key can still fix it.
fn warn_if_recovery_is_damaged(vault: &Vault) {
    if vault
        .key_slot_health()
        .is_ok_and(|h| h.recovery_needs_new_code())
    {
        eprintln!(
            "oneday: warning: your recovery code or passphrase can no longer open this store (its \
             key slot is damaged). Make a new recovery code now with `oneday passphrase new-code`, \
             while this computer's key still works; do not lock until then."
        );
    }
}

/// The counter whose id is `prefix` or starts with it (at least 4 hex digits, any case).
pub fn find_counter(vault: &Vault, prefix: &str) -> Result<StoredCounter, CliError> {
    store::find(vault, prefix).map_err(|e| match e {
        CounterStoreError::NotFound => CliError::NoSuchCounter(prefix.to_owned()),
        CounterStoreError::Ambiguous => CliError::AmbiguousCounter(prefix.to_owned()),
        other => other.into(),
    })
}
