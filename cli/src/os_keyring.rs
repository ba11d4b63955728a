//! The device key in the operating system's keyring: the Secret Service on Linux and other Unix
//! desktops (GNOME Keyring, KWallet, KeePassXC; spoken to over D-Bus by the pure-Rust `zbus`), the
//! Keychain on macOS and the Credential Manager on Windows, through the `keyring` crate.
//!
//! One entry per store folder: service `oneday`, user the folder's absolute path; its secret is
//! the 32-byte key. When no keyring can be reached (no D-Bus session, no Secret Service running: a
//! server, a container, an SSH login), [`KeyringEntry::for_store`] gives `None` and the key is
//! kept in the key file instead.

use std::path::Path;

use zeroize::Zeroizing;

/// The keyring's service name for every One Day entry.
const SERVICE: &str = "oneday";

/// A keyring entry for one store's device key.
pub struct KeyringEntry(keyring::Entry);

impl KeyringEntry {
    /// The entry for the store in `dir`, or `None` when this computer has no keyring to reach.
    pub fn for_store(dir: &Path) -> Option<KeyringEntry> {
        let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
        keyring::Entry::new(SERVICE, &absolute.to_string_lossy())
            .ok()
            .map(KeyringEntry)
    }

    /// The key's bytes, or `None` when the keyring holds no key for this store.
    pub fn load(&self) -> Result<Option<Zeroizing<Vec<u8>>>, keyring::Error> {
        match self.0.get_secret() {
            Ok(bytes) => Ok(Some(Zeroizing::new(bytes))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Keeps `key` as this store's key, replacing any key kept before.
    pub fn store(&self, key: &[u8]) -> Result<(), keyring::Error> {
        self.0.set_secret(key)
    }

    /// Deletes this store's key; fine when there is none.
    pub fn delete(&self) -> Result<(), keyring::Error> {
        match self.0.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e),
        }
    }
}
