//! Where the desktop store lives and how its device key is kept.
//!
//! The store is a folder: `--store DIR`, else `$XDG_DATA_HOME/oneday`, else `~/.local/share/oneday`.
//! The vault's device key is the 32-byte key a phone keeps in its Keystore or Keychain. On the
//! desktop it is, in this order of preference:
//! 1. given in `ONEDAY_DEVICE_KEY` (64 hex digits; then nothing is written anywhere);
//! 2. kept in the operating system's keyring ([`crate::os_keyring`]: the Secret Service on Linux,
//!    the Keychain on macOS, the Credential Manager on Windows), when one can be reached;
//! 3. else kept in `device.key` inside the store folder, readable by the owner only (0600).
//!
//! A key file is never simply unlinked: it is overwritten in place first, and so is the old one when
//! it is replaced ([`crate::key_file`]). A key kept in the keyring destroys any key file left from
//! before. `oneday lock` removes the key from both (and the vault's device slot); `oneday unlock
//! --recovery` makes a new one.

use std::fs;
use std::path::{Path, PathBuf};

use oneday_core::vault::DeviceKey;
use zeroize::Zeroizing;

use crate::error::CliError;
use crate::key_file;
use crate::os_keyring::KeyringEntry;

/// The environment variable that can hold the device key, as 64 hex digits.
pub const DEVICE_KEY_ENV: &str = "ONEDAY_DEVICE_KEY";

/// The file name of the device key inside the store folder.
const KEY_FILE: &str = "device.key";

/// A resolved store folder.
#[derive(Debug, Clone)]
pub struct StoreDir {
    /// The folder the vault lives in.
    pub dir: PathBuf,
}

impl StoreDir {
    /// `--store DIR`, or the XDG data folder.
    pub fn resolve(store: Option<&Path>) -> Result<StoreDir, CliError> {
        if let Some(dir) = store {
            return Ok(StoreDir {
                dir: dir.to_owned(),
            });
        }
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .ok_or(CliError::NoDataDir)?;
        Ok(StoreDir {
            dir: data_home.join("oneday"),
        })
    }

    /// Refuses a store folder that is a file, or that lies under a file: otherwise creating or
    /// opening the store fails later with a message about the device key file.
    pub fn check_is_folder(&self) -> Result<(), CliError> {
        for path in self.dir.ancestors() {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => return Ok(()),
                Ok(_) => return Err(CliError::StoreIsAFile(path.to_owned())),
                Err(_) => continue,
            }
        }
        Ok(())
    }

    /// The path of the key file.
    pub fn key_file(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// The device key from the environment, the keyring or the key file; `None` when there is none
    /// (locked).
    pub fn device_key(&self) -> Result<Option<DeviceKey>, CliError> {
        if let Some(hex) = std::env::var_os(DEVICE_KEY_ENV) {
            let hex = Zeroizing::new(hex.into_string().map_err(|_| CliError::BadDeviceKeyEnv)?);
            return decode_hex(hex.trim())
                .map(Some)
                .ok_or(CliError::BadDeviceKeyEnv);
        }
        if let Some(entry) = KeyringEntry::for_store(&self.dir) {
            if let Some(bytes) = entry.load().map_err(CliError::Keyring)? {
                return DeviceKey::from_bytes(&bytes)
                    .map(Some)
                    .map_err(|_| CliError::BadKeyringKey);
            }
        }
        let path = self.key_file();
        let text = match fs::read_to_string(&path) {
            Ok(t) => Zeroizing::new(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(CliError::KeyFile(e)),
        };
        decode_hex(text.trim())
            .map(Some)
            .ok_or(CliError::BadKeyFile)
    }

    /// Whether the device key comes from the environment (then no key file is kept).
    pub fn key_from_env() -> bool {
        std::env::var_os(DEVICE_KEY_ENV).is_some()
    }

    /// Keeps the device key: in the keyring when one can be reached (then a key file from before is
    /// destroyed), else in the key file, owner-only, replacing and destroying the old one.
    pub fn write_device_key(&self, key: &DeviceKey) -> Result<(), CliError> {
        if let Some(entry) = KeyringEntry::for_store(&self.dir) {
            if entry.store(key.as_bytes()).is_ok() {
                return key_file::destroy(&self.key_file()).map_err(CliError::KeyFile);
            }
            // A keyring that takes nothing must not keep handing out an older key either.
            let _ = entry.delete();
        }
        let hex = Zeroizing::new(encode_hex(key.as_bytes()));
        key_file::replace(&self.key_file(), hex.as_bytes()).map_err(CliError::KeyFile)
    }

    /// Removes the device key from the keyring and destroys the key file (overwritten in place,
    /// then unlinked); fine when there is none. The file is destroyed even when the keyring fails.
    pub fn remove_device_key(&self) -> Result<(), CliError> {
        let from_keyring = KeyringEntry::for_store(&self.dir).map_or(Ok(()), |e| e.delete());
        key_file::destroy(&self.key_file()).map_err(CliError::KeyFile)?;
        from_keyring.map_err(CliError::Keyring)
    }

    /// Where the device key is kept now, in words for a person.
    pub fn key_place(&self) -> String {
        if Self::key_from_env() {
            return format!("the environment variable {DEVICE_KEY_ENV}");
        }
        if let Some(entry) = KeyringEntry::for_store(&self.dir) {
            if matches!(entry.load(), Ok(Some(_))) {
                return "the system keyring".to_owned();
            }
        }
        format!("{} (readable by you only)", self.key_file().display())
    }
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<DeviceKey> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(
        (0..32)
            .map(|i| {
                text.get(2 * i..2 * i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()?,
    );
    DeviceKey::from_bytes(&bytes).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_file_on_the_store_path_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("notes.txt");
        fs::write(&file, "x").unwrap();
        for dir in [file.clone(), file.join("oneday")] {
            let err = StoreDir { dir }.check_is_folder().unwrap_err();
            assert!(
                matches!(&err, CliError::StoreIsAFile(p) if *p == file),
                "{err:?}"
            );
        }
        let fresh = StoreDir {
            dir: tmp.path().join("new/oneday"),
        };
        fresh.check_is_folder().unwrap();
    }

    #[test]
    fn hex_round_trip_and_rejects() {
        let key = DeviceKey::generate().unwrap();
        let hex = encode_hex(key.as_bytes());
        assert_eq!(decode_hex(&hex).unwrap().as_bytes(), key.as_bytes());
        assert!(decode_hex(&hex[..62]).is_none());
        assert!(decode_hex(&"zz".repeat(32)).is_none());
        assert!(decode_hex(&"é".repeat(32)).is_none());
    }
}
